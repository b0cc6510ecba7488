/**
 * `hugo-prerender watch`: prerender, then again whenever content or the site config changes, for use
 * beside `hugo server`. Hugo watches `.prerender/` through the mounts and reloads the browser; every file
 * is written atomically, so it never reads half of one. Builds never overlap: changes that arrive during a
 * build are batched into exactly one more build.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { buildSite, type BuildOptions, type BuildResult } from './build.js';
import { readSiteConfig } from './site/config.js';

export interface WatchOptions extends BuildOptions {
  /** Called after every build with the files that triggered it (empty for the first build). */
  onBuild(result: BuildResult, changed: string[]): void;
  /** Quiet period after the last change before a build starts, in ms. */
  debounceMs?: number;
}

export interface WatchHandle {
  /** Resolves when the watcher is ready and the first build is done. */
  ready: Promise<void>;
  /** Waits for a running build, then stops watching. */
  close(): Promise<void>;
}

function watchedPaths(siteDir: string): string[] {
  const config = readSiteConfig(siteDir);
  const paths = new Set<string>();
  for (const f of config.files) paths.add(f.path);
  for (const r of config.contentRoots) paths.add(r.dir);
  // Figures check that their images exist in static/ and assets/.
  for (const d of config.staticDirs) paths.add(d);
  paths.add(config.assetsDir);
  // A site without a config yet: watch where it will appear.
  if (config.files.length === 0) paths.add(siteDir);
  return [...paths].sort();
}

const CONTENT_FILE = /\.(md|markdown|mdown)$/i;

/**
 * When every change is a content file (edited, added or deleted), only those pages need prerendering;
 * anything else (the config, an image a figure checks, a data file a plot reads) means a full build.
 */
function incrementalSet(siteDir: string, changed: string[]): Set<string> | undefined {
  if (changed.length === 0) return undefined;
  const roots = readSiteConfig(siteDir).contentRoots.map((r) => path.relative(siteDir, r.dir).split(path.sep).join('/') + '/');
  const pages = changed.filter((f) => CONTENT_FILE.test(f) && roots.some((r) => f.startsWith(r)));
  return pages.length === changed.length ? new Set(pages) : undefined;
}

export function watchSite(opts: WatchOptions): WatchHandle {
  const siteDir = path.resolve(opts.source);
  const prerenderDir = path.join(siteDir, '.prerender');
  const debounceMs = opts.debounceMs ?? 120;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let watcher: FSWatcher | undefined;

  const runBuild = async (changed: string[]) => {
    const result = await buildSite({ ...opts, only: incrementalSet(siteDir, changed) });
    if (!closed) opts.onBuild(result, changed);
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) return; // the running build reschedules when it ends
      const changed = [...pending].sort();
      pending = new Set();
      running = runBuild(changed).finally(() => {
        running = undefined;
        if (pending.size > 0 && !closed) schedule();
      });
    }, debounceMs);
  };

  const ready = (async () => {
    await runBuild([]);
    if (closed) return;
    watcher = watch(watchedPaths(siteDir), {
      ignoreInitial: true,
      ignored: (p: string) => p.startsWith(prerenderDir) || p.endsWith('.tmp') || /(^|[\\/])\.git([\\/]|$)/.test(p),
      awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
    });
    watcher.on('all', (_event, file) => {
      pending.add(path.relative(siteDir, file).split(path.sep).join('/'));
      schedule();
    });
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  })();

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await ready.catch(() => undefined);
      await watcher?.close();
      await running;
    },
  };
}
