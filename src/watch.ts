/**
 * `hugo-prerender watch`: prerender, then again whenever content, the site config, static/, assets/ or a
 * layouts folder (the site's, its theme's, its modules') changes, for use beside `hugo server`. Hugo
 * watches `.prerender/` through the mounts and reloads the browser; every file is written atomically, so
 * it never reads half of one. Builds never overlap: changes that arrive during a build are batched into
 * exactly one more build.
 *
 * Hugo 0.111 batches file events on a fixed 500 ms tick and, when a changed original and its rewritten
 * shadow fall into the same batch, may keep rendering the original (measured: a new page stayed raw
 * TeX until the next unrelated change). So when a page's shadow was written less than SETTLE_MS after
 * the original's last change, it is written once more (same bytes, a new file) SETTLE_MS after that
 * change: that event surely falls into a later batch, where the shadow wins. Newer Hugo does one more
 * (invisible) rebuild at most.
 *
 * While it runs, `.prerender/watching` exists: between a save and the rewrite of that page, `hugo server`
 * renders the page once from what it has (0.169: the old shadow, whose staleness check fires; 0.111: the
 * original itself); the templates see the marker and stay quiet instead of asking for a build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { buildSite, emptyBuildResult, type BuildOptions, type BuildResult } from './build.js';
import { defaultEnvironment, OUTPUT_REMADE, PRERENDER_DIR, readSiteConfig, shadowTree, type ConfigSelection } from './site/config.js';
import { moduleComponentRoots, siteLayoutDirs } from './site/fallbacks.js';
import { cachedHugoModules } from './site/hugo-modules.js';
import { PrerenderOutput, WATCH_MARKER } from './site/output.js';
import { acquireSiteLock, type SiteLock } from './site/lock.js';

export interface WatchOptions extends BuildOptions {
  /** Called after every build with the files that triggered it (empty for the first build). */
  onBuild(result: BuildResult, changed: string[]): void;
  /**
   * Quiet period after the last change before a build starts, in ms, when anything other than pages
   * changed (the config, an image being copied into static/: its writes keep coming until it is done).
   */
  debounceMs?: number;
  /**
   * The quiet period when only pages changed (default 2 ms, or debounceMs if less). Measured with chokidar
   * on Linux: a save is one event 1-6 ms after the write, whether the editor writes in place, appends,
   * or saves atomically (a temporary file renamed over the page, vim's 4913 and backup~, JetBrains'
   * ___jb_tmp___): chokidar's atomic mode folds those into one change of the page.
   */
  pageDebounceMs?: number;
  /**
   * How long a changed file's size must stay the same before it counts as changed (chokidar's
   * awaitWriteFinish), in ms; 0 (the default): at once.
   */
  stabilityMs?: number;
  /**
   * Write a page's shadow once more when Hugo may have seen its original and its shadow change in one
   * event batch (see SETTLE_MS); default true. `serve` turns it off: its Hugo never sees the originals.
   */
  settle?: boolean;
}

export interface WatchHandle {
  /** Resolves when the watcher is ready and the first build is done. */
  ready: Promise<void>;
  /** Waits for a running build, then stops watching. */
  close(): Promise<void>;
}

/**
 * What a build reads, so what watch watches: the config, the content, static/ and assets/ (figures check
 * their images there, plots read their data; the themes' and modules' too), and every layouts folder of
 * the site, its themes and modules: which shortcode templates exist decides which pages' tags are ours, how headings and feeds are
 * written and which shortcode names are unknown.
 */
function watchedPaths(siteDir: string, selection: ConfigSelection): string[] {
  const config = readSiteConfig(siteDir, selection);
  const paths = new Set<string>();
  const configDir = path.join(siteDir, 'config');
  for (const f of config.files) paths.add(f.path.startsWith(configDir + path.sep) ? configDir : f.path);
  for (const r of config.contentRoots) paths.add(r.dir);
  for (const r of [...config.staticRoots, ...config.assetRoots]) paths.add(r.dir);
  paths.add(config.assetsDir);
  const own = path.join(siteDir, '.prerender');
  // Where the last build asked Hugo for the site's modules, their folders as Hugo gave them.
  const modules = cachedHugoModules(siteDir, PRERENDER_DIR);
  // The themes' and modules' static and assets folders: figures and plots look there too.
  for (const m of moduleComponentRoots(siteDir, config.data, modules)) for (const r of [...m.static, ...m.assets]) paths.add(r.dir);
  for (const d of siteLayoutDirs(siteDir, config.data, modules)) if (d !== own && !d.startsWith(own + path.sep)) paths.add(d);
  // A site without a config yet: watch where it will appear.
  if (config.files.length === 0) paths.add(siteDir);
  return [...paths].sort();
}

/** watchedPaths, or undefined when the config cannot be read (the build says why). */
function watchedPathsOrNothing(siteDir: string, selection: ConfigSelection): string[] | undefined {
  try {
    return watchedPaths(siteDir, selection);
  } catch {
    return undefined;
  }
}

const CONTENT_FILE = /\.(md|markdown|mdown)$/i;


/** chokidar's per-file throttle of change events (chokidar 4: `_throttle(EV.CHANGE, path, 50)`). */
const CHOKIDAR_THROTTLE_MS = 50;

/** How often a watched path that does not exist is looked for. */
const RETURN_POLL_MS = 100;

/** More than Hugo's 500 ms event batching tick, with a margin. */
const SETTLE_MS = 650;

/**
 * When every change is a content file (edited, added or deleted), only those pages need prerendering;
 * anything else (the config, an image a figure checks, a data file a plot reads) means a full build.
 */
function incrementalSet(siteDir: string, changed: string[], selection: ConfigSelection): Set<string> | undefined {
  if (changed.length === 0) return undefined;
  const roots = readSiteConfig(siteDir, selection).contentRoots.map((r) => path.relative(siteDir, r.dir).split(path.sep).join('/') + '/');
  const pages = changed.filter((f) => CONTENT_FILE.test(f) && roots.some((r) => f.startsWith(r)));
  return pages.length === changed.length ? new Set(pages) : undefined;
}

/** A directory's device and inode ('' for a file, or nothing there). */
function dirIdentity(p: string): string {
  try {
    const st = statSync(p, { bigint: true });
    return st.isDirectory() ? `${st.dev}:${st.ino}` : '';
  } catch {
    return '';
  }
}

/** How fileStamp's stamp of a directory starts. */
const DIR_STAMP = 'dir:';

/** What a file is now (size, mtime, inode), to tell whether it changed; '' when it is not there. */
function fileStamp(file: string): string {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.isDirectory() ? DIR_STAMP : ''}${st.size}:${st.mtimeNs}:${st.ino}`;
  } catch {
    return '';
  }
}

/** The files below a directory (a site's config/: its environments' folders and their files), none when it is not there. */
function filesUnder(dir: string): string[] {
  try {
    // Names, not Dirents: a Dirent's folder is `parentPath` from Node 20.12 on and `path` before.
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(dir, name))
      .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
  } catch {
    return [];
  }
}

/** A build that threw: one error, so the watcher reports it and carries on with the next change. */
function internalFailure(e: unknown): BuildResult {
  const result = emptyBuildResult();
  result.failed = true;
  result.diagnostics.push({
    severity: 'error',
    code: 'internal',
    line: 1,
    column: 1,
    message: `internal error while building (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
  });
  return result;
}

/**
 * Writes the existing shadows of these content files (site-relative paths) again: same bytes, a new file,
 * so that Hugo's watcher sees a change of the shadow. Best effort (it runs in timers): the next change
 * writes the shadow anyway.
 */
export function rewriteShadows(siteDir: string, pages: string[], selection: ConfigSelection = {}): void {
  try {
    const roots = readSiteConfig(siteDir, selection).contentRoots;
    const out = new PrerenderOutput(siteDir);
    for (const p of pages) {
      for (const root of roots) {
        const rel = path.relative(root.dir, path.join(siteDir, p));
        const tree = shadowTree(root.lang);
        if (rel.startsWith('..') || path.isAbsolute(rel) || tree === undefined) continue;
        out.rewriteShadow(path.posix.join(root.target, rel.split(path.sep).join('/')), tree);
        break;
      }
    }
  } catch {
    // Best effort, in a timer: a throw here would end the watcher.
  }
}

export function watchSite(watchOpts: WatchOptions): WatchHandle {
  // Beside `hugo server`, whose environment is `development` unless said otherwise: the same config.
  const selection: ConfigSelection = watchOpts.config ?? { environment: defaultEnvironment('server') };
  const opts: WatchOptions = { ...watchOpts, config: selection };
  const siteDir = path.resolve(opts.source);
  const prerenderDir = path.join(siteDir, '.prerender');
  const debounceMs = opts.debounceMs ?? 120;
  const pageDebounceMs = opts.pageDebounceMs ?? Math.min(2, debounceMs);
  const stabilityMs = opts.stabilityMs ?? 0;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  /** A watched path that does not exist (yet, or any more): looked for until it does (see awaitPath). */
  const polls = new Map<string, NodeJS.Timeout>();
  /** A watched path that does not exist, or whose own watcher is not ready yet (see awaitPath). */
  const awaited = new Set<string>();
  /** Each watched path that is there, with its watcher. */
  const appeared = new Map<string, FSWatcher>();
  /** When each file last changed (performance.now()). */
  const changedAt = new Map<string, number>();
  let settleTimer: NodeJS.Timeout | undefined;
  /** Each file as the last build that had it among its changes found it (size, mtime, inode). */
  const readStamps = new Map<string, string>();
  /** The last build threw: the next one prerenders every page. */
  let afterCrash = false;
  /** What is watched (watchedPaths), as of the last change of the config. */
  let paths: string[] = [];
  /** The site's config/ directory, and the files in it at the last build (site-relative). */
  const configDir = path.join(siteDir, 'config');
  let configDirFiles: string[] = [];
  /**
   * Watches what the config now names and stops watching what it no longer does (set once watching).
   * Given what there was to watch as the build started, a path watched or dropped since counts as changed.
   */
  let rewatch: ((before?: string[]) => Promise<void>) | undefined;
  /** Looks at each watched directory's identity (see dirIdentity), every RETURN_POLL_MS. */
  let rootCheck: NodeJS.Timeout | undefined;
  /** `.prerender/` as the last build left it (dirIdentity); '' until then, and once it is seen gone. */
  let outputId = '';

  /** A path as changes name it: relative to the site, with forward slashes. */
  const siteRel = (file: string): string => path.relative(siteDir, file).split(path.sep).join('/');

  /** Writes the shadows of `pages` again, unless another build is under way or coming (it settles itself). */
  const settle = (pages: string[]) => {
    settleTimer = undefined;
    if (closed || running || timer || pending.size > 0) return;
    rewriteShadows(siteDir, pages, selection);
  };

  /** `final`: the last build, made as the watcher closes (reported; nothing watched or settled after it). */
  const runBuild = async (changed: string[], final = false) => {
    let only: Set<string> | undefined;
    let result: BuildResult;
    for (const f of changed) readStamps.set(f, fileStamp(path.join(siteDir, f)));
    // Every build reads the config files as they are now (or finds one missing): a late event of one
    // is a change only if it differs from that. (Recorded for changed files only, hugo.toml renamed away
    // and back while a page's build found it missing matched the stamp of the build before, and the
    // build that failed on the missing config was the last: the convergence test, seed 19.)
    // The files of a config/ directory likewise, one it held at the last build and no more as missing.
    for (const p of paths) {
      const stamp = fileStamp(p);
      if (!stamp.startsWith(DIR_STAMP)) readStamps.set(siteRel(p), stamp);
      else if (p === configDir) {
        const now = filesUnder(p).map(siteRel);
        for (const f of configDirFiles) if (!now.includes(f)) readStamps.set(f, '');
        for (const f of now) readStamps.set(f, fileStamp(path.join(siteDir, f)));
        configDirFiles = now;
      }
    }
    /** What there was to watch as the build started (a full build that may change it: see rewatch). */
    let watchedBefore: string[] | undefined;
    if (changed.includes(OUTPUT_REMADE) && !final) {
      // Its lock and marker went with it: taken again, unless another hugo-prerender took the site meanwhile.
      lock?.release();
      try {
        lock = await acquireSiteLock(siteDir, { command: 'watch', waitMs: 0 });
      } catch (e) {
        lock = undefined;
        const failed = internalFailure(e);
        failed.diagnostics[0]!.code = 'lock';
        failed.diagnostics[0]!.message = `${PRERENDER_DIR}/ was deleted while watch ran, and ${(e as Error).message}; stop this watch`;
        return opts.onBuild(failed, changed);
      }
      marker('write');
    }
    try {
      only = afterCrash ? undefined : incrementalSet(siteDir, changed, selection);
      if (!only && changed.length > 0 && rewatch) watchedBefore = watchedPathsOrNothing(siteDir, selection);
      result = await buildSite({ ...opts, only, locked: true });
      afterCrash = false;
    } catch (e) {
      // Reported like any failed build; an unhandled rejection would end the watcher. The pages this build
      // did not write are written by the next one, a full build.
      result = internalFailure(e);
      afterCrash = true;
    }
    if (final) return opts.onBuild(result, changed);
    if (closed) return;
    outputId = dirIdentity(prerenderDir);
    // A change other than pages (the config: a theme, a mount, contentDir) may change what there is to watch.
    if (!only && changed.length > 0) await rewatch?.(watchedBefore);
    opts.onBuild(result, changed);
    if (only && only.size > 0 && opts.settle !== false) {
      const last = Math.max(...[...only].map((p) => changedAt.get(p) ?? 0));
      const wait = last + SETTLE_MS - performance.now();
      if (wait > 0) {
        if (settleTimer) clearTimeout(settleTimer);
        settleTimer = setTimeout(() => settle([...only]), wait);
      }
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    const pagesOnly = [...pending].every((f) => CONTENT_FILE.test(f));
    timer = setTimeout(() => {
      timer = undefined;
      if (running) return; // the running build reschedules when it ends
      const changed = [...pending].sort();
      pending = new Set();
      running = runBuild(changed).finally(() => {
        running = undefined;
        if (pending.size > 0 && !closed) schedule();
      });
    }, pagesOnly ? pageDebounceMs : debounceMs);
  };

  // Best effort: a site that does not exist yet is reported by the build itself.
  const marker = (action: 'write' | 'remove') => {
    try {
      const out = new PrerenderOutput(siteDir);
      if (action === 'write') out.writeMarker(WATCH_MARKER, `hugo-prerender watch, pid ${process.pid}\n`);
      else out.removeMarker(WATCH_MARKER);
    } catch {
      /* nothing to mark */
    }
  };
  const removeMarker = () => marker('remove');

  let lock: SiteLock | undefined;
  const ready = (async () => {
    // Held for as long as watch runs: a build started meanwhile waits, then says who holds it.
    lock = await acquireSiteLock(siteDir, { command: 'watch', waitMs: opts.lockWaitMs, onWait: opts.onLockWait });
    if (closed) return lock.release();
    process.once('exit', removeMarker);
    marker('write');
    await runBuild([]);
    if (closed) return;
    const options = {
      ignoreInitial: true,
      ignored: (p: string) => p.startsWith(prerenderDir) || p.endsWith('.tmp') || /(^|[\\/])\.git([\\/]|$)/.test(p),
      awaitWriteFinish: stabilityMs > 0 ? { stabilityThreshold: stabilityMs, pollInterval: 20 } : false,
    };
    /** Each changed file as it was when last reported (see onChange). */
    const stamps = new Map<string, string>();
    paths = watchedPaths(siteDir, selection);
    const onChange = (event: string, file: string) => {
      // A watched path on its way back is reported once its new watcher watches it (awaitPath): the old
      // watcher, and the new one's first scan, report it earlier, and a file written into it on that
      // report, while nothing watched it yet, went unseen (the unit test: 1 run in about 10 under load).
      if (awaited.has(file)) return;
      // A watched directory or file itself removed (content/ moved away, hugo.toml renamed): chokidar
      // stops watching it, and its return, and every change after, went unseen. Looked for again.
      if ((event === 'unlinkDir' || event === 'unlink') && paths.includes(file)) awaitPath(file);
      const rel = siteRel(file);
      const stamp = fileStamp(file);
      // A late second event of a save a build has already read (chokidar reports a file whose access
      // time is not after its change time, as it is until something reads it) is no change.
      if (!pending.has(rel) && readStamps.get(rel) === stamp) return;
      pending.add(rel);
      changedAt.set(rel, performance.now());
      schedule();
      // chokidar reports no change of a file less than 50 ms after the last one it reported, and never
      // later (its throttle has no trailing event): a second save inside that window, read by no build,
      // was lost (measured: the unit test lost one in its first rounds). So the file is looked at once
      // the window has passed, and a change since counts as one. Not a directory that was there: its
      // stamp changes with each file made or removed in it, which chokidar reports as that file's change
      // (a page saved into a content/ that had just come back meant a second, full, build).
      if (stamp.startsWith(DIR_STAMP)) return;
      stamps.set(rel, stamp);
      setTimeout(() => {
        if (!closed && stamps.get(rel) === stamp && fileStamp(file) !== stamp) onChange('change', file);
      }, CHOKIDAR_THROTTLE_MS + 10);
    };
    /**
     * Looks for a watched path that does not exist (a site without assets/, a content/ moved away) every
     * RETURN_POLL_MS; when it appears, it gets a watcher of its own and counts as changed (a full build
     * reads what it holds). Not chokidar's watching of a missing path: given one, chokidar 4 emits 'ready'
     * before it watches the paths that do exist (chokidar issues #950, #1110), watches the directory
     * above only later (far later under load), and missed an assets/ created meanwhile in 1 of 5 to 10
     * runs of the unit test; add() of a missing path to a watcher that is ready reported nothing at all.
     */
    const awaitPath = (p: string) => {
      if (closed || polls.has(p)) return;
      awaited.add(p);
      const poll = setInterval(() => {
        if (closed || !existsSync(p)) return;
        clearInterval(poll);
        polls.delete(p);
        void appeared.get(p)?.close();
        // What it holds is reported as its watcher first finds it (ignoreInitial off), so that a file made
        // in it before the watcher was ready is not missed (measured under load: a page written right
        // after the directory came back).
        const own = watch(p, { ...options, ignoreInitial: false });
        own.on('all', onChange);
        appeared.set(p, own);
        // Reported once its watcher watches it: a change right after the build it starts is not missed.
        own.once('ready', () => {
          awaited.delete(p);
          if (closed) return;
          let dir = false;
          try {
            dir = statSync(p).isDirectory();
          } catch {
            // Gone again: reported as an addition all the same; the build finds what there is.
          }
          onChange(dir ? 'addDir' : 'add', p);
        });
      }, RETURN_POLL_MS);
      polls.set(p, poll);
    };
    /**
     * A watched directory moved away, or moved away and made again (content/ renamed, then a page saved
     * into a new content/), can go without an event: chokidar's watch follows the directory it had, and
     * nothing watched the new one (the convergence test: a page saved 150 ms after content/ was moved
     * away, and every page after it, went unseen). So each watched directory's identity is looked at;
     * one gone or replaced counts as removed (awaitPath watches it again when it is there, and reports
     * what it holds). Files are chokidar's: an editor's save replaces a file, and chokidar follows it.
     */
    const rootIds = new Map<string, string>();
    for (const p of paths) rootIds.set(p, dirIdentity(p));
    rootCheck = setInterval(() => {
      if (closed) return;
      // `.prerender/` deleted (or replaced) by hand: built again, in full, once no build runs.
      if (outputId !== '' && !running && lock && dirIdentity(prerenderDir) !== outputId) {
        outputId = '';
        pending.add(OUTPUT_REMADE);
        schedule();
      }
      for (const p of paths) {
        if (awaited.has(p) || polls.has(p)) {
          rootIds.delete(p); // looked for by awaitPath; seen afresh once it is watched again
          continue;
        }
        const id = dirIdentity(p);
        const was = rootIds.get(p);
        rootIds.set(p, id);
        if (was === undefined || was === '' || was === id) continue;
        void appeared.get(p)?.close();
        appeared.delete(p);
        onChange('unlinkDir', p);
      }
    }, RETURN_POLL_MS);
    /**
     * Each watched path has a watcher of its own: closing it closes every watch it holds, down to the
     * last subdirectory. (One watcher for all: unwatching content/ left the watches of content/posts/ in
     * place, on the directory moved away, and chokidar shares them by path with any later watcher,
     * which then heard nothing of the new content/posts/.)
     */
    const watchOwn = (p: string): Promise<void> => {
      const own = watch(p, options);
      own.on('all', onChange);
      appeared.set(p, own);
      return new Promise<void>((resolve) => own.once('ready', () => resolve()));
    };
    const present = paths.filter((p) => existsSync(p));
    const allReady = Promise.all(present.map(watchOwn));
    for (const p of paths) if (!present.includes(p)) awaitPath(p);
    rewatch = async (before) => {
      const now = watchedPathsOrNothing(siteDir, selection);
      if (!now) return; // the build has said what is wrong with the config
      for (const p of paths) {
        if (now.includes(p)) continue;
        const poll = polls.get(p);
        if (poll) clearInterval(poll);
        polls.delete(p);
        awaited.delete(p);
        void appeared.get(p)?.close();
        appeared.delete(p);
      }
      const added = now.filter((p) => !paths.includes(p));
      paths = now;
      // Watched as they are from now on (the build that found them has read them), each by a watcher of
      // its own, waited for: chokidar's add() on a watcher that is ready watches a while later, and a
      // change in that while went unseen (the unit test: a template written 0.1 s after the build).
      await Promise.all(
        added.map((p) => (existsSync(p) ? watchOwn(p) : awaitPath(p))),
      );
      // What the config names changed while the build ran (hugo.toml renamed away as the build read it):
      // the build may have read the site as it was, and the change's own event went with the watcher
      // that was closed (chokidar holds an unlink back 100 ms, and drops it once the path is no longer
      // watched; the unit test: 1 full run in about 15). So it counts as a change, and the next build
      // reads it.
      if (before) {
        for (const p of [...before.filter((b) => !now.includes(b)), ...now.filter((n) => !before.includes(n))]) {
          if (p !== siteDir) onChange('change', p);
        }
      }
    };
    await allReady;
  })();

  return {
    ready,
    async close() {
      const first = !closed;
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (settleTimer) clearTimeout(settleTimer);
      await ready.catch(() => undefined);
      for (const poll of polls.values()) clearInterval(poll);
      if (rootCheck) clearInterval(rootCheck);
      await Promise.all([...appeared.values()].map((w) => w.close()));
      await running;
      // Changes seen and not built yet (saved within the debounce window, or while the last build ran, as
      // Ctrl+C came): built now, so that the shadows hold what was saved when watch stops.
      if (first && lock && pending.size > 0) {
        const changed = [...pending].sort();
        pending = new Set();
        await runBuild(changed, true);
      }
      process.removeListener('exit', removeMarker);
      if (lock) removeMarker();
      lock?.release();
    },
  };
}
