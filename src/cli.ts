/**
 * The command line: argument parsing and printing only. The work is in build.ts and site/init.ts.
 */
import { askHugoVersion } from './site/hugo-version.js';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { isBuildWorker } from './build-worker-tag.js';
import { tuneCompiler } from './v8-tuning.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, formatDiagnostic, notASite, summaryLine } from './build.js';
import { configSelection, languageMountStyle, OUTPUT_REMADE, type ConfigSelection, type LanguageMountStyle } from './site/config.js';
import { shortcodeList } from './render/shortcode-list.js';
import { closestKey } from './render/closest-name.js';
import { safeLine, safeLines } from './log.js';
import { DEFAULT_LOCK_WAIT_MS, LockError } from './site/lock.js';
import { EmbeddedCodeMissing } from './embedded.js';
import type { BuildResult } from './build.js';

const HELP = `hugo-prerender ${__PKG_VERSION__}: typeset math, render figures, diagrams and plots for Hugo at build time

Usage:
  hugo-prerender init  [-s DIR] [--hugo-version V] [--hugo PATH]
                                       add the module mounts hugo-prerender needs to the site config
  hugo-prerender build [-s DIR] [options]
                                       prerender every page into DIR/.prerender/ (run before hugo)
  hugo-prerender serve [-s DIR] [options] [--hugo PATH] [-- HUGO SERVER ARGUMENTS]
                                       watch and run \`hugo server\` as one command (Ctrl+C stops both);
                                       prerender errors show in the browser
  hugo-prerender watch [-s DIR] [options]
                                       build, then build again on every change
  hugo-prerender [options] [--hugo PATH] hugo [HUGO ARGUMENTS]
                                       build, then run hugo with those arguments (its -s/--source is the
                                       site); Hugo's messages name your files, not their prerendered copies;
                                       Hugo's exit status is the command's; a failed build stops before Hugo.
                                       \`hugo new posts/x.md\` runs no build and creates the page in
                                       content/ (plain hugo new puts it in .prerender/content)
  hugo-prerender check [-s DIR] [--errors MODE] [-e ENV] [--config FILES] [--hugo PATH]
                                       per page: formulas found, typeset and failed (with reasons), and
                                       the site total; writes nothing; exits 1 on any error, as build

Options:
  -s, --source DIR     the Hugo site (default: the current directory), as with hugo
      --errors MODE    what a formula KaTeX rejects does: "fail" (default: an error, exit 1; the page is
                       still written, with that formula left as the author wrote it) or "render" (KaTeX's
                       red error text in the page, reported as a warning); for build, watch, serve, hugo
                       and check (which reports as build does). Default: params.prerender.errors
  -q, --quiet          print only errors and the summary line
      --wait SECONDS   how long to wait for another hugo-prerender using the same site (default 60)
  -j, --jobs N         threads that prerender pages, this one included (default: HUGO_PRERENDER_JOBS,
                       else the number of cores; on 2 cores a worker thread starts only for 800 pages
                       or more to prerender); 1: no worker threads. The output is the same whatever
                       the number
  -e, --environment ENV
                       for build, watch and check: the Hugo environment whose config/ENV/ is read, as
                       hugo's -e (default: HUGO_ENVIRONMENT, else production for build and check,
                       development for watch, which runs beside hugo server); serve and hugo read
                       hugo's own -e among its arguments
      --config FILES   for build, watch and check: config files read instead of the site's root one
                       (a,b: later ones win), as hugo's --config; serve and hugo read hugo's own
      --hugo PATH      the hugo binary serve and hugo run, and that init, build, watch and check ask
                       for its version and for where the site's modules are (default: hugo on PATH)
      --hugo-version V for init: the Hugo the site is built with (default: the version of --hugo's);
                       a language's content mount is spelled lang = "fr" before 0.153, sites.matrix after
  -h, --help           this text
  -v, --version        the version of hugo-prerender and of the KaTeX it renders with

Shortcodes rendered by hugo-prerender: ${[...shortcodeList.keys()].sort().join(', ')}
Documentation: see README.md in the package.
`;

/**
 * The package's layouts/ as the site should mount it, a path that holds on any machine: the
 * `node_modules/hugo-prerender` that Node would resolve from the site (walking up from it, as Node does),
 * written relative to the site and never through its symlink target (a path or pnpm install links it to
 * a clone or to a versioned `.pnpm/…` folder). Without one (this repository's own example sites, a global
 * install), the running package's own layouts/, relative to the site, with a note saying why that may
 * not hold elsewhere.
 */
function packageLayoutsFor(siteDir: string): { path: string; note?: string } {
  for (let dir = siteDir; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'node_modules', 'hugo-prerender');
    if (existsSync(path.join(pkg, 'package.json'))) {
      return { path: path.relative(siteDir, path.join(pkg, 'layouts')).split(path.sep).join('/') };
    }
    if (path.dirname(dir) === dir) break;
  }
  const layouts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'layouts');
  const rel = path.relative(siteDir, layouts).split(path.sep).join('/') || '.';
  return {
    path: rel,
    note: `hugo-prerender is not installed in a node_modules folder of this site or above it, so its templates are mounted from ${rel}; install it in the site (npm install --save-dev …) and run init again for a path that holds on other machines.`,
  };
}

/**
 * How language mounts are spelled: for --hugo-version, else for the Hugo of --hugo or on PATH, else for current
 * Hugo (0.153 and later). Only sites with a language-specific content mount are affected.
 */
function languageStyleFor(version: string | undefined, hugo = 'hugo'): LanguageMountStyle | `error:${string}` {
  if (version !== undefined) {
    if (!/^v?\d+\.\d+(\.\d+)?$/.test(version)) return `error:--hugo-version must look like 0.111.3, not "${version}"`;
    return languageMountStyle(version);
  }
  const asked = askHugoVersion(hugo);
  return 'version' in asked ? languageMountStyle(asked.version) : 'sites.matrix';
}

const COMMANDS = ['init', 'build', 'serve', 'watch', 'hugo', 'check'];

const OPTIONS = {
  source: { type: 'string', short: 's' },
  errors: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  wait: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'hugo-version': { type: 'string' },
  hugo: { type: 'string' },
  environment: { type: 'string', short: 'e' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The options each command takes (--help and --version are answered before any command). */
const COMMAND_OPTIONS: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  init: ['source', 'hugo-version', 'hugo'],
  build: ['source', 'errors', 'quiet', 'wait', 'jobs', 'environment', 'config', 'hugo'],
  watch: ['source', 'errors', 'quiet', 'wait', 'jobs', 'environment', 'config', 'hugo'],
  // serve and hugo read Hugo's own -e/--environment and --config among Hugo's arguments.
  serve: ['source', 'errors', 'quiet', 'wait', 'jobs', 'hugo'],
  hugo: ['source', 'errors', 'quiet', 'wait', 'jobs', 'hugo'],
  check: ['source', 'errors', 'environment', 'config', 'hugo'],
};

/** Where the command word is among the arguments (after the options before it), or -1. */
function commandIndex(all: readonly string[]): number {
  const takesValue = new Set(
    Object.entries(OPTIONS).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`, ...('short' in o ? [`-${o.short}`] : [])] : [])),
  );
  for (let i = 0; i < all.length; i++) {
    const a = all[i]!;
    if (a === '--') return -1;
    if (takesValue.has(a)) i++;
    else if (!a.startsWith('-') || a === '-') return i;
  }
  return -1;
}

/** What `build` and `watch` say when the site's config does not mount the prerendered pages. */
function unmountedWarning(file: string): string {
  return safeLine(
    `hugo-prerender: warning: ${file} does not mount .prerender/content, so Hugo reads none of the prerendered pages (it would publish math as TeX): run \`hugo-prerender init\` once (see "What init changes" in the README)`,
  );
}

/** parseArgs's complaint, said in one line: which option, and what to write instead. */
function usageError(e: Error & { code?: string }, argv: readonly string[]): string {
  const option = /'(-[^' ,]*)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const meant = option.startsWith('--') ? closestKey(option.slice(2).split('=')[0]!, Object.keys(OPTIONS)) : undefined;
    return `unknown option ${option}${meant ? `; did you mean --${meant}?` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const at = argv.indexOf(option);
    const given = at >= 0 ? argv[at + 1] : undefined;
    if (given !== undefined && given.startsWith('-')) return `${option} needs a value: for one that starts with "-", write ${option}=${given}`;
    return `${option} needs a value`;
  }
  return e.message.replace(/\s*\n\s*/g, ' ');
}

async function main(all: string[]): Promise<number> {
  // Everything after `hugo` goes to hugo (a `--` first is dropped), everything after `--` to hugo server, untouched.
  const at = commandIndex(all);
  let argv = all;
  let passThrough: string[] = [];
  if (at >= 0 && all[at] === 'hugo') {
    argv = all.slice(0, at + 1);
    passThrough = all.slice(all[at + 1] === '--' ? at + 2 : at + 1);
  } else if (all.includes('--')) {
    argv = all.slice(0, all.indexOf('--'));
    passThrough = all.slice(all.indexOf('--') + 1);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    process.stderr.write(`hugo-prerender: ${safeLine(usageError(e as Error & { code?: string }, argv))}\nRun "hugo-prerender --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`hugo-prerender ${__PKG_VERSION__} (KaTeX ${__KATEX_VERSION__})\n`);
    return 0;
  }
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  if (positionals.length > 1) {
    process.stderr.write(`${safeLine(`hugo-prerender: unexpected argument "${positionals[1]}"`)}\n`);
    return 2;
  }
  // An option the command does not take is a usage error, not silently ignored (`check --jobs 0`,
  // `init --errors bad` were accepted: found by an audit).
  const takes = COMMAND_OPTIONS[command];
  if (takes) {
    const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).find((name) => values[name] !== undefined && !takes.includes(name));
    if (stray) {
      const users = Object.entries(COMMAND_OPTIONS).filter(([, opts]) => opts.includes(stray)).map(([c]) => c);
      process.stderr.write(`hugo-prerender: ${command} takes no --${stray} (${users.length ? `it is for ${users.join(', ')}` : 'see --help'})\n`);
      return 2;
    }
  }
  const source = path.resolve(values.source ?? '.');
  // The config files Hugo reads (config/<environment>/, --config files): given as to Hugo, else Hugo's
  // defaults (HUGO_ENVIRONMENT, else production for a build and development beside hugo server).
  const configFor = (kind: 'build' | 'server'): ConfigSelection => configSelection(kind, values.environment, values.config);
  if (passThrough.length > 0 && command !== 'serve' && command !== 'hugo') {
    process.stderr.write(`hugo-prerender: arguments after "--" are for hugo server, with the serve command only\n`);
    return 2;
  }

  // Each command loads what it needs (check, init, serve and watch here; build.ts loads the renderer
  // only when a page has to be prerendered), so that a build with nothing to do starts quickly.
  if (command === 'init') {
    const { InitError, initSite } = await import('./site/init.js');
    try {
      const style = languageStyleFor(values['hugo-version'], values.hugo);
      if (typeof style === 'string' && style.startsWith('error:')) {
        process.stderr.write(`hugo-prerender init: ${style.slice(6)}\n`);
        return 2;
      }
      const pkg = packageLayoutsFor(source);
      const r = initSite(source, { packageLayouts: pkg.path, languageStyle: style as LanguageMountStyle, ...(values.hugo !== undefined ? { hugo: values.hugo } : {}) });
      for (const m of r.messages) process.stdout.write(`${safeLines(m)}\n`);
      if (pkg.note) process.stdout.write(`${pkg.note}\n`);
      return 0;
    } catch (e) {
      if (e instanceof InitError) {
        process.stderr.write(`hugo-prerender init: ${safeLines(e.message)}\n`);
        return 1;
      }
      throw e;
    }
  }

  if (values.errors !== undefined && values.errors !== 'fail' && values.errors !== 'render') {
    process.stderr.write(`hugo-prerender: --errors must be "fail" or "render", not "${safeLine(values.errors)}"\n`);
    return 2;
  }
  const errors = values.errors as 'fail' | 'render' | undefined;
  if (command === 'build' || command === 'watch' || command === 'serve' || command === 'hugo') {
    const waitSeconds = values.wait === undefined ? DEFAULT_LOCK_WAIT_MS / 1000 : Number(values.wait);
    if (!/^\d+(\.\d+)?$/.test(values.wait ?? '0') || !Number.isFinite(waitSeconds)) {
      process.stderr.write(`hugo-prerender: --wait takes a number of seconds, not "${safeLine(values.wait ?? '')}"\n`);
      return 2;
    }
    if (values.jobs !== undefined && !/^[1-9]\d{0,3}$/.test(values.jobs)) {
      process.stderr.write(`hugo-prerender: --jobs takes a whole number of threads from 1, not "${safeLine(values.jobs)}"\n`);
      return 2;
    }
    const lock = {
      lockWaitMs: waitSeconds * 1000,
      onLockWait: (m: string) => process.stderr.write(`hugo-prerender: ${safeLine(m)}\n`),
      ...(values.jobs !== undefined ? { jobs: Number(values.jobs) } : {}),
    };
    const print = (result: BuildResult, only?: Set<string>) => {
      // Lines in a row for the same stream go in one write (thousands of warnings replayed by a warm build).
      let lines = '';
      let to: NodeJS.WriteStream = process.stdout;
      const flush = () => {
        if (lines) to.write(lines);
        lines = '';
      };
      for (const d of result.diagnostics) {
        if (values.quiet && d.severity !== 'error') continue;
        // While watching, repeat warnings only for the files that just changed; errors always.
        if (only && d.severity !== 'error' && d.file && !only.has(d.file)) continue;
        const stream = d.severity === 'error' ? process.stderr : process.stdout;
        if (stream !== to) flush();
        to = stream;
        lines += `${formatDiagnostic(d)}\n`;
      }
      if (to !== process.stdout) flush();
      to = process.stdout;
      lines += `${summaryLine(result)}\n`;
      flush();
    };
    if (command === 'build') {
      const result = await buildSite({ source, errors, ...lock, config: configFor('build'), ...(values.hugo ? { hugo: values.hugo } : {}) });
      print(result);
      if (result.unmounted) process.stderr.write(`${unmountedWarning(result.unmounted)}\n`);
      return result.failed ? 1 : 0;
    }
    if (command === 'hugo') {
      const { hugoArgsProblem, hugoCommand, hugoSourceArg } = await import('./hugo-command.js');
      const problem = hugoArgsProblem(passThrough);
      if (problem) {
        process.stderr.write(`hugo-prerender hugo: ${problem}\n`);
        return 2;
      }
      let hugoArgs = passThrough;
      if (values.source !== undefined) {
        if (hugoSourceArg(hugoArgs) !== undefined) {
          process.stderr.write('hugo-prerender hugo: name the site once, as hugo\'s -s/--source after "hugo"\n');
          return 2;
        }
        hugoArgs = [...hugoArgs, '--source', values.source];
      }
      return hugoCommand({
        errors,
        ...lock,
        hugo: values.hugo,
        hugoArgs,
        onBuild: (result) => {
          print(result);
          if (result.unmounted) process.stderr.write(`${unmountedWarning(result.unmounted)}\n`);
        },
      });
    }
    // Not a site (the wrong directory): said once, and nothing is written or watched there.
    const problem = notASite(source, configFor('server'));
    if (problem) {
      process.stderr.write(`hugo-prerender: error: ${safeLine(problem)}\n`);
      return 1;
    }
    const onBuild = (result: BuildResult, changed: string[]) => {
      if (changed.length) process.stdout.write(`\n${safeLine(`changed: ${changed.join(', ')}`)}\n`);
      print(result, changed.length ? new Set(changed) : undefined);
      // Once, after the first build (serve refuses such a site before it builds).
      if (!changed.length && result.unmounted) process.stderr.write(`${unmountedWarning(result.unmounted)}\n`);
      // serve restarts Hugo itself (src/serve.ts).
      if (command === 'watch' && changed.includes(OUTPUT_REMADE) && !result.failed) {
        process.stderr.write(
          'hugo-prerender watch: .prerender/ was deleted, and is built again; restart `hugo server`, which stops watching a folder that is deleted (it would serve your pages without their math)\n',
        );
      }
    };
    if (command === 'serve') {
      const { ServeError, serveSite } = await import('./serve.js');
      let handle;
      try {
        handle = serveSite({ source, errors, ...lock, hugo: values.hugo, hugoArgs: passThrough, onBuild });
      } catch (e) {
        if (e instanceof ServeError) {
          process.stderr.write(`hugo-prerender serve: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
      const stop = () => handle.stop();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        return await handle.done;
      } catch (e) {
        if (!(e instanceof LockError)) throw e;
        process.stderr.write(`hugo-prerender: ${safeLine(e.message)}\n`);
        return 1;
      }
    }
    const { watchSite } = await import('./watch.js');
    const handle = watchSite({ source, errors, ...lock, config: configFor('server'), ...(values.hugo ? { hugo: values.hugo } : {}), onBuild });
    try {
      await handle.ready;
    } catch (e) {
      if (!(e instanceof LockError)) throw e;
      process.stderr.write(`hugo-prerender: ${safeLine(e.message)}\n`);
      await handle.close();
      return 1;
    }
    process.stdout.write('hugo-prerender: watching for changes (Ctrl+C to stop)\n');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await handle.close();
    return 0;
  }

  if (command === 'check') {
    const { checkSite, formatCheck } = await import('./check.js');
    const r = await checkSite(source, { ...(errors ? { errors } : {}), config: configFor('build'), ...(values.hugo ? { hugo: values.hugo } : {}) });
    process.stdout.write(`${safeLines(formatCheck(r, { formatDiagnostic }))}\n`);
    if (r.unmounted) process.stderr.write(`${unmountedWarning(r.unmounted)}\n`);
    // As build exits: 1 for any error, a page's (a shortcode's parameter, a missing file) as well as a
    // formula's. Where the site renders formulas KaTeX rejects (errors = "render"), those are warnings and
    // the formula counts as failed, but the run does not fail, as build does not.
    const broken = [...r.diagnostics, ...r.pages.flatMap((p) => p.diagnostics)].some((d) => d.severity === 'error');
    return broken ? 1 : 0;
  }

  const meant = closestKey(command, COMMANDS);
  process.stderr.write(`hugo-prerender: unknown command "${safeLine(command)}"${meant ? `; did you mean ${meant}?` : '.'} Commands: ${COMMANDS.join(', ')}. See --help.\n`);
  return 2;
}

// The same bundle runs build's worker threads (src/build-workers.ts), which must not run the command line:
// a worker loads the renderer and waits for pages.
if (isBuildWorker()) void import('./build-workers.js');
else if (isMainThread) {
  tuneCompiler();
  // Output piped into a command that stops reading (`| head`): the rest is not wanted, and the command
  // still finishes what it does (its writes are whole files), instead of dying on an unhandled EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A copy of this file that lost code it carries (src/embedded.ts): how to mend the install, not a bug.
      const what = e instanceof EmbeddedCodeMissing ? `error: ${e.message}` : `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      process.stderr.write(`${safeLines(`hugo-prerender: ${what}`)}\n`);
      process.exitCode = 1;
    },
  );
}
