/**
 * `hugo-prerender hugo [hugo arguments]`: `build`, then `hugo` with those arguments, as one command whose
 * Hugo messages name the original of a prerendered page instead of its copy (src/site/hugo-messages.ts),
 * as under serve. Hugo gets the caller's stdin and terminal input, its exit status becomes the command's
 * (128 + the signal's number when a signal ended it), and SIGINT, SIGTERM and SIGHUP received while it
 * runs are passed on to it. A failed build stops before Hugo, with status 1.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { stringify } from 'smol-toml';
import { stringify as yamlStringify } from 'yaml';
import { buildSite, type BuildOptions, type BuildResult } from './build.js';
import { startHugo } from './site/run-hugo.js';
import {
  configSelection,
  findKey,
  findRootConfig,
  formatOf,
  getIn,
  isRecord,
  moduleMounts,
  mountComponent,
  normalizeRel,
  parseConfigText,
  PRERENDER_DIR,
  readSiteConfig,
  type ConfigSelection,
} from './site/config.js';
import { writeFileAtomic } from './site/write-atomic.js';

export interface HugoCommandOptions extends Omit<BuildOptions, 'source'> {
  /** Hugo's arguments, untouched (the site is their `-s/--source`, else the current directory). */
  hugoArgs: string[];
  /** The hugo binary (default: `hugo` on PATH). */
  hugo?: string;
  /** Called with the build's result, before Hugo starts (or instead, when the build failed). */
  onBuild(result: BuildResult): void;
  /** Where notes of the command itself go (default: stderr). */
  log?: (line: string) => void;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The site directory a Hugo command line names: the value of its last `-s`/`--source` (`-s DIR`, `-sDIR`,
 * `-s=DIR`, `--source DIR`, `--source=DIR`, as Hugo reads them), or undefined. Arguments after `--` are
 * not Hugo's flags.
 */
export function hugoSourceArg(args: readonly string[]): string | undefined {
  return hugoFlag(args, 'source', 's');
}

/** The value Hugo's arguments give a flag (`--name V`, `--name=V`, `-x V`, `-xV`, `-x=V`; the last wins), or undefined. */
export function hugoFlag(args: readonly string[], name: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if ((a === `--${name}` || (short && a === `-${short}`)) && i + 1 < args.length) value = args[++i];
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else if (short && a.startsWith(`-${short}`) && a.length > 2 && !a.startsWith('--')) value = a.slice(a[2] === '=' ? 3 : 2);
  }
  return value;
}

/**
 * The config files Hugo reads with these arguments: its environment (`-e`/`--environment`, else
 * HUGO_ENVIRONMENT, else `command`'s default), the files of `--config a.toml,b.toml`, and what its
 * flags set over them: `-b`/`--baseURL` (Hugo 0.111 also takes `--baseUrl`), `-t`/`--theme`,
 * `--themesDir` (else HUGO_BASEURL, HUGO_THEME, HUGO_THEMESDIR).
 */
export function hugoConfigSelection(args: readonly string[], command: 'build' | 'server'): ConfigSelection {
  return configSelection(command, hugoFlag(args, 'environment', 'e'), hugoFlag(args, 'config'), {
    baseURL: hugoFlag(args, 'baseURL', 'b') ?? hugoFlag(args, 'baseUrl'),
    theme: hugoFlag(args, 'theme', 't'),
    themesDir: hugoFlag(args, 'themesDir'),
  });
}

/** Why these Hugo arguments are not for this command, or undefined. */
export function hugoArgsProblem(args: readonly string[]): string | undefined {
  if (args[0] === 'server' || args[0] === 'serve') {
    return 'for `hugo server`, run `hugo-prerender serve` (arguments after -- go to hugo server): it prerenders again on every change';
  }
  // Options of ours that Hugo does not have: after the word hugo they went to Hugo, which stopped at them
  // ("unknown flag"), after a build that had not applied them (--errors render ignored).
  const end = args.indexOf('--');
  for (const a of end < 0 ? args : args.slice(0, end)) {
    const own = /^--(errors|wait|jobs|hugo)(=.*)?$/.exec(a)?.[1];
    if (own) return `--${own} is an option of hugo-prerender, not of Hugo: put it before the word hugo (hugo-prerender --${own} … hugo [hugo arguments])`;
  }
  return undefined;
}

/** Hugo commands about Hugo itself, not the site: they run without a build (and outside a site). */
const ABOUT_HUGO = new Set(['version', 'help', 'env', 'completion']);

/** Whether these Hugo arguments ask for Hugo's help or version, or create something (`hugo new`): no prerendered site needed. */
export function needsNoBuild(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const own = end < 0 ? args : args.slice(0, end);
  return ABOUT_HUGO.has(own[0] ?? '') || own[0] === 'new' || own.includes('--help') || own.includes('-h');
}

/** `hugo new site DIR` and `hugo new theme NAME` (0.111 and 0.169) make no page of this site. */
const NEW_NOT_A_PAGE = new Set(['site', 'theme']);

/** Whether these Hugo arguments create a page of the site: `hugo new posts/x.md`, `hugo new content posts/x.md` (0.120+). */
export function createsPage(args: readonly string[]): boolean {
  return args[0] === 'new' && !NEW_NOT_A_PAGE.has(args[1] ?? '') && !needsNoBuild(args.slice(1));
}

/** What `hugo-prerender hugo new` gives Hugo to read (a config layer, or a copy of the config directory), removed when Hugo ends. */
export const NEW_PAGE_DIR = `${PRERENDER_DIR}/hugo-new`;

/**
 * How `hugo new` is run so that the page lands where the user's pages are. Hugo creates a page in the
 * first content mount whose folder the path starts with (`content/posts/x.md`), else in the first content
 * mount (`posts/x.md`): after init that is `.prerender/content` (create/content.go and
 * BaseFs.AbsProjectContentDir, 0.111.3 and 0.169.0), a folder the build owns and a site's .gitignore
 * leaves out. And Hugo 0.111.3 panics ("[BUG] no Page found") on `content/posts/x.md` when the first mount
 * has a `posts/` folder too. So Hugo reads the site's config with the mounts of the prerendered copies
 * left out, and sees the site as it is without hugo-prerender:
 * - mounts in a config file (hugo.toml, or the files of --config): one more config file after those,
 *   whose `module.mounts` (a later file's list replaces the site's, measured for serve) are the site's
 *   without the copies;
 * - mounts in the config directory (`config/_default/module.toml`, where init writes them for such sites),
 *   which Hugo merges after every --config file: a copy of that directory, each file that sets mounts
 *   written again without the copies (its other settings as they were), read with `--configDir`.
 *
 * `files`: what to write (absolute paths, all in NEW_PAGE_DIR) and the arguments that read it; `plain`: the
 * site mounts no copies (not init-ed), Hugo runs as asked.
 */
export function newPageRun(siteDir: string, args: readonly string[]): { files: Map<string, string | Buffer>; args: string[] } | { plain: true } {
  const selection = hugoConfigSelection(args, 'build');
  const config = readSiteConfig(siteDir, selection);
  const mounts = moduleMounts(config.data);
  const isCopy = (m: unknown) =>
    isRecord(m) &&
    typeof m.source === 'string' &&
    typeof m.target === 'string' &&
    mountComponent(m.target) === 'content' &&
    normalizeRel(m.source).startsWith(`${PRERENDER_DIR}/`);
  if (!mounts.some(isCopy)) return { plain: true };
  const work = path.join(siteDir, NEW_PAGE_DIR);
  const files = new Map<string, string | Buffer>();
  const configDir = path.resolve(siteDir, hugoFlag(args, 'configDir') ?? 'config');
  const inDir = (f: string) => f.startsWith(configDir + path.sep);
  if (config.files.some((f) => inDir(f.path) && withoutCopies(f.path, isCopy) !== undefined)) {
    const copy = path.join(work, 'config');
    for (const file of filesBelow(configDir)) files.set(path.join(copy, path.relative(configDir, file)), withoutCopies(file, isCopy) ?? readFileSync(file));
    return { files, args: withConfigDir(args, copy) };
  }
  const layer = path.join(work, 'layer.toml');
  files.set(
    layer,
    '# Written by `hugo-prerender hugo new` for `hugo new --config <site config>,.prerender/hugo-new/layer.toml`, and\n' +
      "# removed when Hugo ends: the site's mounts without the prerendered copies, so that Hugo creates the page in yours.\n" +
      stringify({ module: { mounts: mounts.filter((m) => !isCopy(m)) } }) +
      '\n',
  );
  const root = findRootConfig(siteDir);
  return { files, args: withConfigLayer(args, root?.path ?? path.join(siteDir, 'hugo.toml'), layer) };
}

/** Every file below `dir` (absolute), sorted; none when it cannot be read. */
function filesBelow(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

/**
 * The text of the config file `file` without the mounts `isCopy` picks, in its own format (comments not
 * kept), when it sets module mounts (`module.mounts` in a whole config, `mounts` in a `module.*` file);
 * otherwise undefined.
 */
export function withoutCopies(file: string, isCopy: (m: unknown) => boolean): string | undefined {
  const format = formatOf(file);
  if (!format) return undefined;
  const name = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase();
  let data: Record<string, unknown>;
  try {
    data = parseConfigText(readFileSync(file, 'utf8'), format).data;
  } catch {
    return undefined;
  }
  const holder = name === 'hugo' || name === 'config' ? getIn(data, 'module') : name === 'module' ? data : undefined;
  if (!isRecord(holder)) return undefined;
  const key = findKey(holder, 'mounts');
  const list = key === undefined ? undefined : holder[key];
  if (key === undefined || !Array.isArray(list)) return undefined;
  holder[key] = list.filter((m) => !isCopy(m));
  return format === 'toml' ? `${stringify(data)}\n` : format === 'yaml' ? yamlStringify(data) : `${JSON.stringify(data, null, 2)}\n`;
}

/** Hugo's arguments with `--configDir dir` (in place of one they give), before any `--`. */
export function withConfigDir(args: readonly string[], dir: string): string[] {
  const rest: string[] = [];
  const end = args.indexOf('--');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (end >= 0 && i >= end) rest.push(a);
    else if (a === '--configDir' && i + 1 < args.length) i++;
    else if (!a.startsWith('--configDir=')) rest.push(a);
  }
  const at = end < 0 ? rest.length : rest.indexOf('--');
  return [...rest.slice(0, at), '--configDir', dir, ...rest.slice(at)];
}

/**
 * Hugo's arguments with `layer` read after the config files they name (`--config a,b` / `--config=a,b`,
 * else `rootConfig`): a second --config would replace the first. `hugo new` gives absolute paths (they hold
 * wherever Hugo resolves a relative one from); serve, which passes `--source`, paths relative to the site.
 */
export function withConfigLayer(args: readonly string[], rootConfig: string, layer: string): string[] {
  const rest: string[] = [];
  let files = rootConfig;
  const end = args.indexOf('--');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (end >= 0 && i >= end) rest.push(a);
    else if (a === '--config' && i + 1 < args.length) files = args[++i]!;
    else if (a.startsWith('--config=')) files = a.slice('--config='.length);
    else rest.push(a);
  }
  const at = end < 0 ? rest.length : rest.indexOf('--');
  return [...rest.slice(0, at), '--config', `${files},${layer}`, ...rest.slice(at)];
}

export async function hugoCommand(opts: HugoCommandOptions): Promise<number> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const siteDir = path.resolve(hugoSourceArg(opts.hugoArgs) ?? '.');
  const { hugoArgs, hugo, onBuild, log: _log, ...build } = opts;
  if (!needsNoBuild(hugoArgs)) {
    // The config files Hugo will read (its environment, --config): the prerender reads the same.
    const result = await buildSite({ ...build, source: siteDir, config: hugoConfigSelection(hugoArgs, 'build'), ...(hugo ? { hugo } : {}) });
    onBuild(result);
    if (result.failed) {
      log('hugo-prerender: the prerender build failed (see above), so Hugo was not run');
      return 1;
    }
  }
  const bin = hugo ?? 'hugo';
  let args = hugoArgs;
  let written: string | undefined;
  if (createsPage(hugoArgs)) {
    const run = newPageRun(siteDir, hugoArgs);
    if ('files' in run) {
      written = path.join(siteDir, NEW_PAGE_DIR);
      rmSync(written, { recursive: true, force: true });
      for (const [file, data] of run.files) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, data);
      }
      args = run.args;
    }
  }
  const run = startHugo(bin, args, { siteDir, cwd: process.cwd(), stdin: 'inherit' });
  const pass = (signal: NodeJS.Signals) => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, pass);
  try {
    const exit = await run.exited;
    if (exit.error) log(`hugo-prerender: could not start ${bin}: ${exit.error.message} (install Hugo, or pass --hugo PATH)`);
    return exit.status;
  } finally {
    for (const s of FORWARDED) process.removeListener(s, pass);
    if (written) rmSync(written, { recursive: true, force: true });
  }
}
