/**
 * `hugo-prerender serve [-- hugo server arguments]`: the watcher and `hugo server` as one command.
 *
 * Hugo is started with one more config layer, `--config <site config>,.prerender/serve.toml`, written
 * by us and kept up to date after every build. Measured with Hugo 0.111.3 and 0.169.0: the later file's
 * `module.mounts` replace the site's whole list, and a mount's `excludeFiles` matches paths relative to
 * its source. The layer is the site's own mounts, in order, where every content mount of the user leaves
 * out the pages that have a prerendered copy: Hugo then never sees an original change, only the shadow
 * we write after it, so it never renders a page from the unprerendered original (Hugo 0.111 did, when
 * an original and its shadow changed in one event batch). It also mounts `.prerender/serve-data` at
 * `data/`, where `hugo_prerender_serve.json` lists the errors of the last build: the package's head partial
 * shows them over the page (as Hugo shows its own errors) until a build has none. While that data exists
 * (under serve only), the partial also gives each page the time Hugo rendered it and a small script that,
 * once Hugo's livereload has connected, fetches the page afresh and reloads it when Hugo rendered it again
 * meanwhile: a live reload sent while the tab was still loading is lost otherwise (measured, both Hugo
 * versions; see partials/prerender/serve-errors.html).
 *
 * Ctrl+C (SIGINT) or SIGTERM stops both: Hugo is sent SIGTERM (SIGKILL after a grace period), then the
 * watcher stops. When Hugo exits by itself, the watcher stops and serve exits with Hugo's status.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'smol-toml';
import type { BuildResult } from './build.js';
import {
  findRootConfig,
  getIn,
  missingNestedShadows,
  moduleMounts,
  mountComponent,
  mountsAfterLayer,
  mountLanguage,
  normalizeRel,
  OUTPUT_REMADE,
  PRERENDER_DIR,
  readSiteConfig,
  shadowTree,
  type ConfigSelection,
  type Mount,
} from './site/config.js';
import { hugoConfigSelection, withConfigLayer } from './hugo-command.js';
import { writeFileAtomic } from './site/write-atomic.js';
import { watchSite, type WatchOptions } from './watch.js';
import { startHugo } from './site/run-hugo.js';
import { askHugoVersion, versionBefore } from './site/hugo-version.js';

export const SERVE_CONFIG = `${PRERENDER_DIR}/serve.toml`;
export const SERVE_DATA = `${PRERENDER_DIR}/serve-data`;
/** The errors file in SERVE_DATA, mounted at data/: templates read it as site.Data.hugo_prerender_serve. */
export const SERVE_ERRORS = 'hugo_prerender_serve.json';

/**
 * How a mount leaves files out: `excludeFiles` before Hugo 0.153, `files = ["! pattern"]` from 0.153 on
 * (measured: 0.169 stops at excludeFiles, "deprecated … and subsequently removed"; 0.111 has no `files`).
 */
export type ExcludeStyle = 'excludeFiles' | 'files';

export function excludeStyle(hugoVersion: string): ExcludeStyle {
  return versionBefore(hugoVersion, '0.153.0') ? 'excludeFiles' : 'files';
}

export interface ServeOptions extends Omit<WatchOptions, 'onBuild'> {
  /** Arguments for `hugo server` (after `--` on the command line). */
  hugoArgs: string[];
  /** The hugo binary (default: `hugo` on PATH). */
  hugo?: string;
  onBuild: WatchOptions['onBuild'];
  /** Where notes of serve itself go (default: stderr). */
  log?: (line: string) => void;
}

export interface ServeHandle {
  /** Resolves with the exit status once both Hugo and the watcher have stopped. */
  done: Promise<number>;
  /** Stops Hugo and the watcher (what SIGINT and SIGTERM do). */
  stop(): void;
}

/** A glob that matches exactly this path (gobwas glob, as Hugo uses: `\` escapes), also inside `{…,…}`. */
function literalGlob(rel: string): string {
  return rel.replace(/[\\*?[\]{}!,]/g, (c) => `\\${c}`);
}

/** A regular expression (RE2, as Hugo's ignoreFiles) that matches exactly this text. */
function literalRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern for many paths: Hugo tries every pattern of a list on every file it reads or sees change,
 * so 1000 pages as 1000 patterns doubled its rebuild on a 1000-post blog (0.111.3: 0.23 s → 0.5–1.2 s);
 * one glob of alternatives, or one regular expression, costs about what no pattern costs.
 */
function oneGlob(rels: string[]): string {
  return rels.length === 1 ? literalGlob(rels[0]!) : `{${rels.map(literalGlob).join(',')}}`;
}

/** Every file below `dir`, as `/`-separated paths relative to it. */
function filesBelow(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return filesBelow(dir, rel);
    return e.isFile() && !e.name.endsWith('.tmp') ? [rel] : [];
  });
}

/** A mount with source and target once (as moduleMounts reads them, whatever their case in the file), without `drop`. */
function withoutKeys(m: Mount, ...drop: string[]): Mount {
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => !['source', 'target', ...drop].includes(k.toLowerCase())));
  return { source: m.source, target: m.target, ...rest };
}

/**
 * The mounts `hugo server` gets: the site's, each content mount of the user without the originals of
 * the pages that have a shadow, plus the errors data (and Hugo's default data directory, which any data
 * mount replaces, unless the site mounts data itself).
 */
export function serveLayer(
  siteDir: string,
  data: Record<string, unknown>,
  style: ExcludeStyle,
): { mounts: Mount[]; ignoreFiles: string[]; headers: Record<string, unknown>[] } {
  const mounts = moduleMounts(data);
  /** Per content mount: its source directory and the originals below it that Hugo must not see. */
  const originals: { dir: string; rels: string[] }[] = [];
  const out: Mount[] = mounts.map((mount) => {
    const m = withoutKeys(mount);
    const source = normalizeRel(m.source);
    const target = normalizeRel(m.target);
    if (mountComponent(target) !== 'content' || source.startsWith(`${PRERENDER_DIR}/`)) return m;
    const tree = shadowTree(mountLanguage(m)?.lang);
    if (tree === undefined) return m;
    // The shadow tree mirrors paths below `content`; this mount holds those below its target.
    const sub = target.split('/').slice(1).join('/');
    const shadows = filesBelow(path.join(siteDir, PRERENDER_DIR, tree))
      .filter((f) => /\.(md|markdown|mdown)$/i.test(f) && (sub === '' || f.startsWith(`${sub}/`)))
      .map((f) => (sub === '' ? f : f.slice(sub.length + 1)))
      .filter((rel) => existsSync(path.join(siteDir, source, rel)));
    if (shadows.length === 0) return m;
    shadows.sort();
    originals.push({ dir: path.resolve(siteDir, source), rels: shadows });
    const key = style === 'files' ? 'files' : 'excludeFiles';
    const own = getIn(m, key);
    const before = typeof own === 'string' ? [own] : Array.isArray(own) ? own.filter((x): x is string => typeof x === 'string') : [];
    // `files`: the first pattern that matches decides, so the originals go first (after a site's own
    // `files = ["posts/**"]` they would be let in); excludeFiles come after every inclusion anyway.
    const patterns = style === 'files' ? [`! ${oneGlob(shadows)}`, ...before] : [...before, oneGlob(shadows)];
    return { ...withoutKeys(m, key.toLowerCase()), [key]: patterns };
  });
  // The shadows of a mount below `content` at its target, where an init from before they were made did
  // not put them (config.ts nestedShadowMounts): before the user's first content mount, as init puts them.
  const missing = missingNestedShadows(mounts);
  if (missing.length > 0) {
    const first = out.findIndex((m) => mountComponent(m.target) === 'content' && !normalizeRel(m.source).startsWith(`${PRERENDER_DIR}/`));
    out.splice(first < 0 ? out.length : first, 0, ...missing);
  }
  if (!out.some((m) => mountComponent(m.target) === 'data')) {
    const dataDir = getIn(data, 'dataDir');
    out.push({ source: typeof dataDir === 'string' && dataDir.trim() ? dataDir : 'data', target: 'data' });
  }
  // Measured: files under a mount target below data/ are not keyed by that folder (0.111), so the file
  // itself carries a distinctive name.
  out.push({ source: SERVE_DATA, target: 'data' });
  // Left out of the mounts, an original's change still makes Hugo rebuild and reload the browser (a
  // no-op), and Hugo 0.111 then now and then kept serving the page without the change that the shadow
  // brought a moment later. Matched by ignoreFiles (full paths), the change is not even an event
  // (measured, 0.111.3 and 0.169.0). The site's own ignoreFiles come first.
  const own = getIn(data, 'ignoreFiles');
  const ignoreFiles = [
    ...(typeof own === 'string' ? [own] : Array.isArray(own) ? own.filter((x): x is string => typeof x === 'string') : []),
    ...originals.map(({ dir, rels }) => `^${literalRegExp(dir + path.sep)}(?:${rels.map(literalRegExp).join('|')})$`),
  ];
  // Hugo's server answers a reload with 304 when the page was rendered again within the same second
  // (Last-Modified has whole seconds; 0.169 rebuilds in 500 ms batches), and the tab keeps its older copy:
  // measured in a fresh-clone CI run, the tab stayed on a page with the error panel after the fix was
  // built. With Cache-Control: no-store the browser keeps no copy to revalidate, so every reload fetches
  // the page. The site's own server headers come first (a layer's list replaces the site's).
  const ownHeaders = getIn(data, 'server.headers');
  const headers = [
    ...(Array.isArray(ownHeaders) ? ownHeaders.filter((h): h is Record<string, unknown> => typeof h === 'object' && h !== null) : []),
    { for: '/**', values: { 'Cache-Control': 'no-store' } },
  ];
  return { mounts: out, ignoreFiles, headers };
}

function layerText(layer: { mounts: Mount[]; ignoreFiles: string[]; headers: Record<string, unknown>[] }): string {
  return (
    '# Written by `hugo-prerender serve` for `hugo server --config <site config>,.prerender/serve.toml`:\n' +
    '# the site\'s mounts, without the originals of prerendered pages (and those ignored), and the errors data.\n' +
    stringify({
      ...(layer.ignoreFiles.length ? { ignoreFiles: layer.ignoreFiles } : {}),
      module: { mounts: layer.mounts },
      server: { headers: layer.headers },
    }) +
    '\n'
  );
}

/** The errors of a build, as the head partial reads them (site.Data.hugo_prerender_serve.errors). */
function errorsText(result: BuildResult): string {
  const errors = result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ file: d.file ?? '', line: d.line, column: d.column, message: d.message }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return `${JSON.stringify({ errors }, null, 2)}\n`;
}

/** Writes `file` (relative to the site) when its text changed; true when it did. */
function update(siteDir: string, file: string, text: string): boolean {
  const abs = path.join(siteDir, file);
  try {
    if (readFileSync(abs, 'utf8') === text) return false;
  } catch {
    /* absent */
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileAtomic(abs, text);
  return true;
}

export class ServeError extends Error {}

/** More than Hugo's 500 ms event batching tick, with a margin (see refresh in serveSite). */
const LAYER_DELAY_MS = 650;

/**
 * The arguments for `hugo server`: the user's, with the layer added to their config files (`--config a,b`
 * or `--config=a,b` after `--`, else the site's root config file), since a second --config would replace
 * the first.
 */
export function hugoServerArgs(siteDir: string, rootConfig: string, hugoArgs: string[]): string[] {
  return ['server', '--source', siteDir, ...withConfigLayer(hugoArgs, path.relative(siteDir, rootConfig), SERVE_CONFIG)];
}

/**
 * `--renderToMemory` for a Hugo whose server renders to disk by default (0.169 does; 0.111 renders to
 * memory and has no such flag), unless the arguments choose: on disk, Hugo rewrites a page in place, and a
 * reload that reads it meanwhile gets part of it or nothing (measured with 0.169.0: the tab showed an empty
 * document, 39 characters of HTML, with no live reload left to bring it back). A `--destination` (`-d`) also
 * chooses: Hugo 0.169 refuses it together with `--renderToMemory` ("cannot use --renderToMemory with
 * --destination").
 */
export function renderToMemory(bin: string, hugoArgs: string[]): string[] {
  if (hugoArgs.some((a) => /^(--renderTo(Memory|Disk)|--renderStaticToDisk|-M|--destination)(=|$)|^-d/.test(a))) return [];
  const help = spawnSync(bin, ['server', '--help'], { encoding: 'utf8', timeout: 30_000 });
  return help.status === 0 && /--renderToMemory\b/.test(help.stdout) ? ['--renderToMemory'] : [];
}

export function serveSite(opts: ServeOptions): ServeHandle {
  const siteDir = path.resolve(opts.source);
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const root = findRootConfig(siteDir);
  if (!root) {
    throw new ServeError(
      `${siteDir}: serve needs a site config file (hugo.toml, hugo.yaml, hugo.json or config.*) to add its layer to; with only a config directory, run \`hugo-prerender watch\` beside \`hugo server\``,
    );
  }
  // The config hugo server reads (its -e, else HUGO_ENVIRONMENT, else development; its --config files):
  // the pages are prerendered with the same.
  const selection: ConfigSelection = hugoConfigSelection(opts.hugoArgs ?? [], 'server');
  const config = readSiteConfig(siteDir, selection);
  // Measured (0.111.3 and 0.169.0): a config directory is merged after the files given with --config, so
  // mounts set there would replace the layer's and the originals would show again.
  const overriding = mountsAfterLayer(config, root.path);
  if (overriding) {
    const rel = path.relative(siteDir, overriding);
    throw new ServeError(
      `${rel}: serve cannot run with module mounts in a config directory (Hugo reads it after the layer serve adds with --config, so the browser could show pages rendered without their prerendered math); move the mounts to ${path.relative(siteDir, root.path)}, or run \`hugo-prerender watch\` beside \`hugo server\``,
    );
  }
  if (!moduleMounts(config.data).some((m) => normalizeRel(m.source) === `${PRERENDER_DIR}/content`)) {
    throw new ServeError(`${path.relative(siteDir, root.path)}: the site does not mount ${PRERENDER_DIR}/content; run \`hugo-prerender init\` first`);
  }

  const bin = opts.hugo ?? 'hugo';
  const probe = askHugoVersion(bin);
  if (!('version' in probe)) throw new ServeError(`could not run \`${bin} version\`: ${probe.why}; install Hugo, or pass --hugo PATH`);
  const style = excludeStyle(probe.version);

  let last: BuildResult | undefined;
  /** A change of the layer waiting to be written (see refresh). */
  let layerTimer: NodeJS.Timeout | undefined;
  /**
   * `later`: the layer (a config file to Hugo) is written LAYER_DELAY_MS after the build, in an event
   * batch of Hugo's own. Hugo handles a batch holding a config change as that alone: it reloads, and does
   * not watch the folders the batch created (measured, 0.111.3 and 0.169.0: a page bundle made while serve
   * ran, whose layer changed as its shadow's folder was made, never showed another save until restarted).
   */
  const refresh = (result: BuildResult | undefined, later = false) => {
    const data = readSiteConfig(siteDir, selection).data;
    update(siteDir, `${SERVE_DATA}/${SERVE_ERRORS}`, result ? errorsText(result) : '{\n  "errors": []\n}\n');
    const layer = layerText(serveLayer(siteDir, data, style));
    if (layerTimer) clearTimeout(layerTimer);
    layerTimer = undefined;
    if (!later) return void update(siteDir, SERVE_CONFIG, layer);
    layerTimer = setTimeout(() => {
      layerTimer = undefined;
      try {
        update(siteDir, SERVE_CONFIG, layer);
      } catch (e) {
        log(`hugo-prerender serve: could not update ${SERVE_CONFIG}: ${(e as Error).message}`);
      }
    }, LAYER_DELAY_MS);
    layerTimer.unref();
  };

  let hugo: ChildProcess | undefined;
  let stopping = false;
  /** `.prerender/` was deleted and built again: Hugo, which no longer watches it, is started again. */
  let restart = false;
  let killTimer: NodeJS.Timeout | undefined;
  const watcher = watchSite({
    ...opts,
    config: selection,
    // Hugo never sees the originals (the layer leaves them out), so nothing needs settling.
    settle: false,
    onBuild: (result, changed) => {
      last = result;
      const remade = changed.includes(OUTPUT_REMADE) && !result.failed && hugo !== undefined && !stopping;
      try {
        // When Hugo is about to be restarted, the layer must exist before it starts: now, not later.
        refresh(result, hugo !== undefined && !stopping && !remade);
      } catch (e) {
        log(`hugo-prerender serve: could not update ${SERVE_CONFIG}: ${(e as Error).message}`);
      }
      opts.onBuild(result, changed);
      if (remade) {
        log(`hugo-prerender serve: ${PRERENDER_DIR}/ was deleted, and is built again; restarting hugo server (it stops watching a folder that is deleted)`);
        restart = true;
        killHugo();
      }
    },
  });

  const killHugo = () => {
    if (!hugo || hugo.exitCode !== null || hugo.signalCode !== null) return;
    hugo.kill('SIGTERM');
    killTimer = setTimeout(() => hugo?.kill('SIGKILL'), 5000);
    killTimer.unref();
  };
  const onExit = () => {
    // Last resort when the process ends some other way: never leave Hugo behind.
    if (hugo && hugo.exitCode === null && hugo.signalCode === null) hugo.kill('SIGKILL');
  };
  process.once('exit', onExit);

  const done = (async (): Promise<number> => {
    try {
      await watcher.ready;
    } catch (e) {
      // Another hugo-prerender holds the site (LockError): nothing was started.
      await watcher.close();
      process.removeListener('exit', onExit);
      throw e;
    }
    // The data and the layer exist before Hugo starts (a mount of a missing directory is dropped).
    refresh(last);
    if (stopping) {
      await watcher.close();
      return 0;
    }
    const args = [...hugoServerArgs(siteDir, root.path, opts.hugoArgs), ...renderToMemory(bin, opts.hugoArgs)];
    // Hugo's messages name the original of a prerendered page, not its shadow (src/site/hugo-messages.ts).
    let run = startHugo(bin, args, { siteDir });
    hugo = run.child;
    let exit = await run.exited;
    while (restart && !stopping && !exit.error) {
      restart = false;
      if (killTimer) clearTimeout(killTimer);
      // The layer as it is now, written before Hugo reads its config (a missing layer file is skipped by
      // Hugo, which would then serve the originals, untypeset, and never watch the layer).
      refresh(last);
      run = startHugo(bin, args, { siteDir });
      hugo = run.child;
      exit = await run.exited;
    }
    if (exit.error) log(`hugo-prerender serve: could not start ${bin}: ${exit.error.message} (install Hugo, or pass --hugo PATH)`);
    const status = stopping ? 0 : exit.status;
    if (killTimer) clearTimeout(killTimer);
    if (layerTimer) clearTimeout(layerTimer);
    stopping = true;
    await watcher.close();
    process.removeListener('exit', onExit);
    return status;
  })();

  return {
    done,
    stop() {
      stopping = true;
      killHugo();
    },
  };
}
