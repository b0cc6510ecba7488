/**
 * `hugo-prerender build`: every content file of the site through prerenderPage, the results written into
 * `<site>/.prerender/`. One bad page never stops the others: its diagnostics are collected, its previous
 * output (if any) is left as it was, and the result says the build failed.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { md5Hex, stableStringify } from './render/keys.js';
import { findSiteConfigFiles, getIn, languageImageBases, missingNestedShadows, moduleMounts, mountIndex, normalizeRel, pageInDisabledLanguage, PRERENDER_DIR, readSiteConfig, shadowTree, urlBase, valueAt, type ConfigSelection, type SiteConfig } from './site/config.js';
import { OutputPathError, PrerenderOutput } from './site/output.js';
import { cutOwnTags, OWN_SHORTCODE_MESSAGE, ownTagAt } from './site/handoff.js';
import { LineIndex } from './content/position.js';
import { copyStaticAssets } from './render/static-assets.js';
import { shortcodeList } from './render/shortcode-list.js';
import { fallbackNames, fallbackTemplate, isDirectory, layoutsComplete, siteLayoutDirs } from './site/fallbacks.js';
import { hugoModulesFor, moduleLookupNeeded } from './site/hugo-modules.js';
import { headAdvice, headReport } from './site/head-hooks.js';
import { safeLine } from './log.js';
import { acquireSiteLock, LockError } from './site/lock.js';
import { ShadowNames } from './site/shadow-names.js';
import type { MountFilter } from './site/mount-filter.js';
import { ignoredName, shadowIgnoredBy, shadowIgnoredDiagnostic, type IgnorePattern } from './site/ignore-files.js';
import { refusedLinkDiagnostic, resolveInside, shownPath, siteRoots, type Roots } from './site/safe-path.js';
import { unreadableMessage } from './site/fs-errors.js';
import { imageOptions } from './images/options.js';
import { hugoVersionFor } from './site/hugo-version.js';
import { ImagePipeline, sharpIdentity } from './images/pipeline.js';
import { IMAGE_INDEX_FILE, type ImageIndex } from './images/site-figures.js';
import { FileHashes, PageRecords, readsUnchanged, siteRecordKey, type PageRecord } from './site/page-records.js';
import { internalOutcome, type PageJob, type PageOutcome } from './page-outcome.js';
import { pageSettings } from './page-settings.js';
import { EmbeddedCodeMissing } from './embedded.js';
// The renderer (build-page.ts: KaTeX, Markdown, the shortcodes) and the worker threads are loaded only
// once a page has to be prerendered: a build whose pages are all unchanged never loads them.
import type { PageContext } from './build-page.js';
import type { PagePool } from './build-workers.js';

export { invalidUtf8 } from './page-outcome.js';

/** Worker threads start once this many pages need prerendering (fewer are quicker done here)… */
const START_WORKERS_AFTER = 4;
/** …with one thread for every this many pages still expected, up to --jobs, where each worker has a core of its own… */
const PAGES_PER_WORKER = 8;
/**
 * …and one worker for every this many on a machine of one or two cores, where a worker competes with the
 * build's own thread, which keeps about 1.25 cores busy with V8's compiler and collector threads: its start
 * and its warm-up (V8 compiles the code again in every isolate, about a second of CPU over its first
 * thousand pages) pay off only over a long build. Cold bench sites, 2 cores, --jobs 1 against 2, wall time
 * (CPU): 100 pages 0.72 against 0.87 s, 300 pages 1.39 against 1.59 s, 600 pages 2.19 against 2.27 s, 1000
 * pages 3.38 against 3.12 s (4.18 against 5.38 s), 3000 pages 8.5 against 6.2 s (9.75 against 11.3 s).
 */
const PAGES_PER_WORKER_SHARED_CORES = 800;
/** Pages handed out ahead per rendering thread (the workers and the build's own): enough to keep each busy while the build writes. */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * How many threads prerender pages when the caller does not say: HUGO_PRERENDER_JOBS, else jobsForCores of
 * the number of cores Node may use.
 */
export function defaultJobs(): number {
  return envJobs() ?? jobsForCores(os.availableParallelism());
}

/** HUGO_PRERENDER_JOBS, when it is a whole number from 1. */
function envJobs(): number | undefined {
  const env = process.env.HUGO_PRERENDER_JOBS;
  return env !== undefined && /^\d+$/.test(env.trim()) && Number(env) >= 1 ? Number(env) : undefined;
}

/** The default --jobs on a machine with this many cores: all of them (renderThreads decides how many start). */
export function jobsForCores(cores: number): number {
  return Math.max(1, cores);
}

/**
 * How many threads render pages (the build's own and its workers) when about `expected` pages are still to
 * be prerendered, with `jobs` the most, on a machine of `cores` cores: one for every PAGES_PER_WORKER pages;
 * with the default --jobs on one or two cores (`chosen` false), one worker for every
 * PAGES_PER_WORKER_SHARED_CORES. A number the user gave is taken at its word. 1: the build's own thread alone.
 */
export function renderThreads(jobs: number, cores: number, expected: number, chosen: boolean): number {
  const threads = !chosen && cores < 3 ? 1 + Math.floor(expected / PAGES_PER_WORKER_SHARED_CORES) : Math.floor(expected / PAGES_PER_WORKER);
  return Math.max(1, Math.min(jobs, threads));
}

export interface BuildOptions {
  /** The Hugo site root. */
  source: string;
  /** Overrides `params.prerender.errors` from the site config. */
  errors?: 'fail' | 'render';
  /**
   * An incremental build: only these content files (site-relative, `/`-separated) are prerendered; every
   * other page keeps what the previous build wrote for it. `watch` uses this when only pages changed.
   */
  only?: ReadonlySet<string>;
  /** How long to wait for another hugo-prerender using this site's `.prerender/`, in ms (see site/lock.ts). */
  lockWaitMs?: number;
  /** Told once when another process holds the lock and this build starts waiting for it. */
  onLockWait?: (message: string) => void;
  /** The caller already holds the site's lock (watch holds it for as long as it runs). */
  locked?: boolean;
  /** Which config files to read (Hugo's environment, --config); Hugo's defaults for a build when absent. */
  config?: ConfigSelection;
  /**
   * Threads that prerender pages, the build's own included (1: no worker threads). Default: defaultJobs(),
   * with workers on one or two cores only for a long build (renderThreads). The output is the same, byte
   * for byte, whatever the number.
   */
  jobs?: number;
  /**
   * The Hugo that will render the site (a path, or a name looked up on PATH; default `hugo`): asked for
   * its version when a page's output depends on it (site/hugo-version.ts).
   */
  hugo?: string;
}

export interface BuildResult {
  pages: number;
  /** Pages that own something and so got a shadow. */
  shadowed: number;
  formulas: number;
  figures: number;
  shortcodes: number;
  cacheHits: number;
  /**
   * Pages whose record still held (src/site/page-records.ts): not parsed, rendered or rewritten, their
   * diagnostics replayed.
   */
  unchanged: number;
  /** Distinct local figure images, and how many of them were processed (not found in the cache). */
  images: number;
  imagesProcessed: number;
  ms: number;
  /** Worker threads that prerendered pages (0 or absent: every page was prerendered in the build's own thread). */
  workers?: number;
  /**
   * The site's config file, when it does not mount `.prerender/content` (hugo-prerender init was not run,
   * or its mounts were removed): Hugo reads none of the prerendered pages. The CLI says so.
   */
  unmounted?: string;
  /** With workers: the pages prerendered (parsed and rendered, not kept) in this build, and how many of them in the build's own thread. */
  rendered?: { pages: number; here: number };
  diagnostics: Diagnostic[];
  failed: boolean;
}

const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown']);
/**
 * Content formats Hugo renders that are not prerendered (Emacs Org, AsciiDoc, Pandoc, reStructuredText):
 * looked at only for tags of our own shortcodes, which Hugo runs in them too (Hugo 0.111.3 renders Org
 * itself, escaping its raw HTML, but not a shortcode's output). `.html` content is published as written by
 * Hugo already.
 */
const OTHER_CONTENT_EXTENSIONS = new Set(['.org', '.ad', '.adoc', '.asciidoc', '.pdc', '.pandoc', '.rst']);

/** A directory of the content that could not be listed, and why (see listContentFiles). */
export interface UnreadableDir {
  /** Absolute, as walked (below the content root, links not resolved). */
  dir: string;
  error: unknown;
}

/**
 * A page of another format (OTHER_CONTENT_EXTENSIONS) with tags of our shortcodes: the error at the first,
 * and the page without any (its copy). Undefined when it has none.
 */
export function ownTagsInOtherFormat(text: string, relPath: string): { diagnostic: Diagnostic; cut: string } | undefined {
  const cut = cutOwnTags(text);
  if (cut === undefined) return undefined;
  const at = ownTagAt(text);
  return {
    cut,
    diagnostic: {
      severity: 'error',
      code: 'own-shortcode',
      file: relPath,
      ...new LineIndex(text).at(at),
      offset: at,
      message: `${OWN_SHORTCODE_MESSAGE}; every tag of hugo-prerender's shortcodes is left out of this ${path.posix.extname(relPath).slice(1)} page. Remove them from the page`,
    },
  };
}

/**
 * Every content file below `dir`, sorted. Symlinked files and directories that stay inside the roots are
 * followed, as Hugo 0.111 follows them; a link that leaves them is not (Hugo 0.169 ignores symlinks, and a
 * guest post's link must not publish a file from elsewhere on the machine): it goes to `refused`. A
 * directory already on the path (a symlink loop) is not entered again. A directory that cannot be listed
 * (permissions) goes to `unreadable`, whose pages the caller must not take for deleted; a content root
 * that does not exist is no content, and one removed while it is walked is gone. `filter`: the mount's
 * (ComponentRoot.filter): a file it leaves out is not listed, a folder it leaves out is not entered, as
 * Hugo reads neither (nothing of them may be read, rendered or shadowed).
 */
export function listContentFiles(
  dir: string,
  roots: Roots,
  refused: { link: string; target: string; loop?: true }[] = [],
  unreadable: UnreadableDir[] = [],
  others: string[] = [],
  filter?: MountFilter,
): string[] {
  const out: string[] = [];
  const walk = (d: string, seen: ReadonlySet<string>, rel: string) => {
    let entries;
    let real;
    try {
      real = realpathSync(d);
      entries = readdirSync(d, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable.push({ dir: d, error });
      return;
    }
    if (seen.has(real)) return;
    const inside = new Set(seen).add(real);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      // Names Hugo never reads (IgnoreFile: `.x`, `#x`, `x~`).
      if (ignoredName(e.name)) continue;
      const p = d.endsWith(path.sep) ? d + e.name : d + path.sep + e.name;
      const relName = rel ? `${rel}/${e.name}` : e.name;
      let st: Stats | undefined = undefined;
      if (e.isSymbolicLink()) {
        const r = resolveInside(roots, p);
        if (!r.ok) {
          // A dangling link is skipped, as Hugo skips it; one that leaves the site is refused.
          if (r.why === 'outside') refused.push({ link: r.loop ? (r.link ?? p) : p, target: r.target ?? '', ...(r.loop ? { loop: r.loop } : {}) });
          continue;
        }
        try {
          st = statSync(r.real);
        } catch {
          continue;
        }
      }
      if (st ? st.isDirectory() : e.isDirectory()) {
        if (!filter || filter(relName, true)) walk(p, inside, relName);
      } else if ((st ? st.isFile() : e.isFile()) && (!filter || filter(relName, false))) {
        const ext = path.extname(e.name).toLowerCase();
        if (CONTENT_EXTENSIONS.has(ext)) out.push(p);
        else if (OTHER_CONTENT_EXTENSIONS.has(ext)) others.push(p);
      }
    }
  };
  walk(path.resolve(dir), new Set(), '');
  return out;
}

/**
 * The pages of a site whose shadow one of its ignoreFiles patterns matches, though the page itself is not
 * matched (site/ignore-files.ts): Hugo would leave the shadow out and publish the page as written (or,
 * 0.169, not at all), so such a page is not prerendered; one warning per pattern, at the pattern.
 */
export class ShadowIgnored {
  private readonly hits = new Map<IgnorePattern, { page: string; shadow: string }[]>();
  constructor(
    private readonly config: Pick<SiteConfig, 'ignoreFiles' | 'locate'>,
    private readonly siteDir: string,
  ) {}
  /** Whether the page at `abs` (shadowed as `relToContent` in `tree`) is not to be prerendered. */
  skip(abs: string, tree: string, relToContent: string): boolean {
    const hit = shadowIgnoredBy(this.config.ignoreFiles, this.siteDir, tree, relToContent);
    if (!hit) return false;
    const pages = this.hits.get(hit) ?? [];
    pages.push({ page: relativePosix(this.siteDir, abs), shadow: `${PRERENDER_DIR}/${tree}/${relToContent}` });
    this.hits.set(hit, pages);
    return true;
  }
  diagnostics(): Diagnostic[] {
    return [...this.hits].sort(([a], [b]) => a.index - b.index).map(([p, pages]) => shadowIgnoredDiagnostic(p, pages, this.config.locate));
  }
}

/** `{ languageBases }` when a language's image URLs have a base of their own, else nothing (older records hold). */
function withLanguageBases(bases: Record<string, string>): { languageBases?: Record<string, string> } {
  return Object.keys(bases).length > 0 ? { languageBases: bases } : {};
}

/**
 * Where the shadow of a content file goes (its path in the shadow tree `tree`), or undefined when it gets
 * none (build and check alike): a page of a disabled language (Hugo publishes it neither way), or one
 * whose shadow an ignoreFiles pattern would leave out (ShadowIgnored).
 */
export function shadowPlace(
  config: Pick<SiteConfig, 'languages'>,
  shadowIgnored: ShadowIgnored,
  root: { dir: string; target?: string | undefined; lang?: string | undefined },
  tree: string,
  abs: string,
): string | undefined {
  const rel = relativePosix(root.dir, abs);
  if (pageInDisabledLanguage(config.languages, rel, root.lang)) return undefined;
  const relToContent = root.target ? path.posix.join(root.target, rel) : rel;
  return shadowIgnored.skip(abs, tree, relToContent) ? undefined : relToContent;
}

/**
 * The error at a directory of the content that could not be listed (see listContentFiles), located at the
 * directory (site-relative); `consequence` says what became of its pages.
 */
export function unreadableDirDiagnostic(siteDir: string, u: UnreadableDir, consequence: string): Diagnostic {
  const shown = shownPath(siteDir, u.dir);
  return {
    severity: 'error',
    code: 'unreadable',
    file: shown,
    line: 1,
    column: 1,
    message: unreadableMessage(u.error, 'directory', shown, consequence),
  };
}

let readBuffer = Buffer.allocUnsafe(1 << 16);
/** The modification time of the file readSource read last (its shadow is given it: OutputDir.syncMtime). */
let readMtimeMs = 0;

/**
 * A file's bytes, read into one buffer that every read reuses (a warm build reads every page and keeps
 * none): the view returned is valid until the next call. Throws as readFileSync does.
 */
function readSource(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    readMtimeMs = fstatSync(fd).mtimeMs;
    let n = 0;
    for (;;) {
      if (n === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger, 0, 0, n);
        readBuffer = bigger;
      }
      const got = readSync(fd, readBuffer, n, readBuffer.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return readBuffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** A file system error while writing .prerender/ (permissions, a file where a directory should be, a full disk). */
function writeFailure(e: unknown): string | undefined {
  if (e instanceof OutputPathError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return `cannot write the prerendered output: ${(e as Error).message}; hugo-prerender writes only inside .prerender/: check that it is a writable directory (or delete it)`;
  }
  return undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `to` relative to `from`, with forward slashes: path.relative, without its cost when `to` is inside `from`. */
function relativePosix(from: string, to: string): string {
  if (to.startsWith(from + path.sep) && !to.includes(`${path.sep}.`)) return toPosix(to.slice(from.length + 1));
  return toPosix(path.relative(from, to));
}

/** A result with nothing counted yet. */
export function emptyBuildResult(): BuildResult {
  return { pages: 0, shadowed: 0, formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0, unchanged: 0, images: 0, imagesProcessed: 0, ms: 0, workers: 0, diagnostics: [], failed: false };
}

/**
 * What is wrong with `source` as a site to build, before anything is written into it: it is not a
 * directory, or has no Hugo configuration (a build or watch started in the wrong directory made a
 * `.prerender/` there: found by an audit). Undefined for a site.
 */
export function notASite(source: string, selection: ConfigSelection = {}): string | undefined {
  const siteDir = path.resolve(source);
  if (!isDirectory(siteDir)) {
    if (existsPath(siteDir)) return `${siteDir} is a file, not a directory: -s takes the site's directory (${path.dirname(siteDir)}?)`;
    return `the site directory ${siteDir} does not exist; pass the site with -s DIR`;
  }
  if (findSiteConfigFiles(siteDir, null, selection.files).length === 0 && !isDirectory(path.join(siteDir, 'config'))) {
    return `no Hugo configuration found in ${siteDir} (looked for hugo.toml|yaml|yml|json, config.toml|yaml|yml|json and config/_default/); is this the site's root? Pass it with --source`;
  }
  return undefined;
}

/** Builds the site while holding its lock: never two builds writing one `.prerender/` at once. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  if (opts.locked || notASite(opts.source, opts.config) !== undefined) return buildLocked(opts);
  let lock;
  try {
    lock = await acquireSiteLock(path.resolve(opts.source), { command: 'build', waitMs: opts.lockWaitMs, onWait: opts.onLockWait });
  } catch (e) {
    if (!(e instanceof LockError)) throw e;
    const result = emptyBuildResult();
    result.diagnostics.push({ severity: 'error', code: 'lock', line: 1, column: 1, message: e.message });
    result.failed = true;
    return result;
  }
  try {
    return await buildLocked(opts);
  } finally {
    lock.release();
  }
}

async function buildLocked(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const siteDir = path.resolve(opts.source);
  const result = emptyBuildResult();
  const fail = (message: string, file?: string) => {
    result.diagnostics.push({ severity: 'error', message, file, line: 1, column: 1 });
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  };

  if (!isDirectory(siteDir)) {
    if (existsPath(siteDir)) return fail(`${siteDir} is a file, not a directory: -s takes the site's directory (${path.dirname(siteDir)}?)`);
    return fail(`the site directory ${siteDir} does not exist; pass the site with -s DIR`);
  }
  let config: SiteConfig;
  const configSelection: ConfigSelection = opts.config ?? {};
  try {
    config = readSiteConfig(siteDir, configSelection);
  } catch (e) {
    return fail(`cannot read the site configuration: ${(e as Error).message}`);
  }
  result.diagnostics.push(...config.diagnostics);
  if (config.diagnostics.some((d) => d.severity === 'error')) {
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  }
  if (!config.file) {
    return fail(
      `${siteDir} has no Hugo configuration (hugo.toml, hugo.yaml, hugo.json or config.*); is this a Hugo site? Pass it with -s DIR`,
    );
  }

  const mounts = mountProblems(siteDir, config);
  if (mounts.unmounted !== undefined) result.unmounted = mounts.unmounted;
  result.diagnostics.push(...mounts.diagnostics);

  const errorMode = opts.errors ?? config.prerender.errors;
  let output: PrerenderOutput;
  try {
    output = new PrerenderOutput(siteDir);
  } catch (e) {
    const why = writeFailure(e);
    if (why) return fail(why);
    throw e;
  }
  // Themes and modules the folders hugo-prerender can see do not show: asked of Hugo (site/hugo-modules.ts).
  const modules = resolveModules(siteDir, config, configSelection, opts.hugo, output);
  if (modules) result.diagnostics.push(modules);
  // The Hugo that renders the site (asked once per binary, cached): heading ids that its own table of
  // contents shows, images through static or assets mounts whose targets nest, and automatic summaries
  // with math (left to Hugo from 0.134: render/everywhere.ts) are written for it.
  const hugoVersion = hugoVersionFor(output, opts.hugo);
  const base = pageSettings(config, siteDir, errorMode, hugoVersion);
  result.diagnostics.push(...base.diagnostics);
  const { settings, site } = base;
  const images = imageOptions(config.data, config.locate);
  result.diagnostics.push(...images.diagnostics);
  const pipeline = images.options.enable
    ? new ImagePipeline({ store: output, options: images.options, urlBase: urlBase(getIn(config.data, 'baseURL'), getIn(config.data, 'canonifyURLs')), siteDir })
    : undefined;
  // A site whose own figure template (or image render hook) stays in charge still gets its figures' (or Markdown images') images, for
  // partials/prerender/image.html and picture.html to read from .prerender/images.json.
  const imageIndex: ImageIndex | undefined = pipeline && (settings.siteShortcodes?.has('figure') || settings.markdownImages === 'index') ? {} : undefined;
  const previousIndex = imageIndex ? readImageIndex(output) : {};
  const keepIndex = (relToContent: string) => {
    if (imageIndex && previousIndex[relToContent]) imageIndex[relToContent] = previousIndex[relToContent];
  };
  // The md5s of files pages read and the lookups they made, once per build (records are checked with them).
  const hashes = new FileHashes();
  // What pages are prerendered with in this thread (and, the same, in each worker thread): made when the
  // first page needs it.
  let ctx: Promise<PageContext> | undefined;
  const pageContext = () =>
    (ctx ??= import('./build-page.js').then((m) =>
      m.createPageContext(config, siteDir, errorMode, { service: pipeline, index: imageIndex !== undefined }, base, hashes),
    ));
  // Every content root: the site's content dir, each language's own contentDir, or the content mounts.
  // Each language's shadows go to a tree of their own (.prerender/content.fr), mounted with that `lang`.
  const files: { abs: string; relToContent: string; tree: string }[] = [];
  const otherFiles: typeof files = [];
  const seenRoots = new Set<string>();
  const refused: { link: string; target: string; loop?: true }[] = [];
  // Pages whose shadow an ignoreFiles pattern matches (but not the page): Hugo would leave the shadow out.
  const shadowIgnored = new ShadowIgnored(config, siteDir);
  for (const root of config.contentRoots) {
    if (seenRoots.has(root.dir)) continue;
    seenRoots.add(root.dir);
    const tree = shadowTree(root.lang);
    if (tree === undefined) {
      result.diagnostics.push(badLanguageDiagnostic(siteDir, config, root, 'its pages were not prerendered'));
      continue;
    }
    const unreadable: UnreadableDir[] = [];
    const others: string[] = [];
    for (const abs of listContentFiles(root.dir, siteRoots(site), refused, unreadable, others, root.filter)) {
      const relToContent = shadowPlace(config, shadowIgnored, root, tree, abs);
      if (relToContent !== undefined) files.push({ abs, tree, relToContent });
    }
    for (const abs of others) {
      const relToContent = shadowPlace(config, shadowIgnored, root, tree, abs);
      if (relToContent !== undefined) otherFiles.push({ abs, tree, relToContent });
    }
    for (const u of unreadable) {
      result.diagnostics.push(unreadableDirDiagnostic(siteDir, u, 'its pages were not prerendered and keep what the previous build wrote for them'));
      // Its pages are not known to be gone: what the previous build wrote for them stays.
      const rel = relativePosix(root.dir, u.dir);
      const inTree = root.target ? path.posix.join(root.target, rel) : rel;
      for (const [shadow, info] of output.keepUnder(inTree, tree)) {
        output.keepTitles(info.source);
        keepIndex(shadow);
      }
    }
  }
  for (const r of refused) {
    result.diagnostics.push(refusedLinkDiagnostic(siteDir, r));
  }
  result.diagnostics.push(...shadowIgnored.diagnostics());
  // Whether any fragment holds KaTeX output: formulas in the text, but also math in a caption, a diagram
  // label or a title, which head.html links the stylesheet for (it looks for the same class); and whether
  // any fragment is a figure (an SVG), which needs the fonts prerender.css serves to figures.
  let anyMath = false;
  let anyFigure = false;
  let anyDark = false;

  // What each page was built from last time: a page whose inputs are unchanged is kept as it is.
  const records = new PageRecords(
    output,
    siteRecordKey({
      settings: settings.settingsKey,
      everywhere: settings.everywhere,
      limits: settings.limits,
      siteShortcodes: [...(settings.siteShortcodes ?? [])],
      // A page's unknown-shortcode warnings are part of its record: said again, or no more, when this changes.
      shortcodeNames: settings.shortcodeNames ?? null,
      feeds: settings.feeds,
      images: pipeline
        ? {
            options: images.options,
            base: urlBase(getIn(config.data, 'baseURL'), getIn(config.data, 'canonifyURLs')),
            // A multihost site's languages served below another path (absent otherwise: older records hold).
            ...withLanguageBases(languageImageBases(config.data, config.languages)),
            index: imageIndex !== undefined,
            sharp: sharpIdentity(siteDir),
          }
        : null,
      // Whether a site's own figure asks for its images' versions: a page's record holds them, or none.
      ...(settings.siteFigureImages === false ? { siteFigureImages: false } : {}),
      // The image render hook that renders Markdown images: a page's record holds the warnings about math in their titles.
      ...(settings.imageHook !== undefined ? { imageHook: settings.imageHook } : {}),
    }),
  );

  /**
   * Whether a page whose bytes are unchanged (checked by the caller) can be kept as the previous build
   * left it: every file it read unchanged, its shadow still there. Changes nothing.
   */
  const canReplay = (record: PageRecord, relToContent: string, tree: string, mtimeMs: number): boolean => {
    if (!readsUnchanged(record, site, hashes, settings.markdownInner)) return false;
    if (record.held || record.shadowBytes === undefined) return true;
    return output.hadShadow(relToContent, tree) && output.shadowBytes(relToContent, tree, mtimeMs) === record.shadowBytes;
  };
  /** Keeps such a page and replays what its record says. */
  const replayPage = async (record: PageRecord, p: { relPath: string; relToContent: string; tree: string }): Promise<void> => {
    if (record.held) output.keep(p.relToContent, p.tree);
    // canReplay has just found its shadow, of the recorded size.
    else if (record.shadowBytes !== undefined) output.keep(p.relToContent, p.tree, { unchanged: true, seen: true });
    output.keepTitles(p.relPath);
    keepIndex(p.relToContent);
    // Its images' variants and records are still in use (found in the cache: nothing is processed).
    if (pipeline) for (const img of record.images) await pipeline.prepare(path.resolve(siteDir, img.file), img.shown);
    countKept(record);
  };
  /**
   * A page kept as the last build left it counts as a full build counts it: its diagnostics printed again,
   * its formulas, figures and shortcodes as cache hits, unchanged.
   */
  const countKept = (record: PageRecord) => {
    result.diagnostics.push(...record.diagnostics);
    result.formulas += record.stats.formulas;
    result.figures += record.stats.figures;
    result.shortcodes += record.stats.shortcodes;
    result.cacheHits += record.stats.formulas + record.stats.figures + record.stats.shortcodes;
    if (!record.held && record.shadowBytes !== undefined) result.shadowed++;
    anyMath ||= record.math;
    anyFigure ||= record.figure;
    anyDark ||= record.dark === true;
    result.unchanged++;
  };

  // Pages to prerender go to worker threads once there are enough of them (see startWorkers); until
  // then, and with --jobs 1, they are prerendered here, one at a time.
  // Given (--jobs, HUGO_PRERENDER_JOBS), or the machine's cores.
  const chosenJobs = opts.jobs ?? envJobs();
  const jobs = Math.max(1, Math.floor(chosenJobs ?? jobsForCores(os.availableParallelism())));
  let pool: PagePool | undefined;
  let toBuild = 0;
  const render = async (job: PageJob, seen: number, left: number): Promise<PageOutcome> => {
    toBuild++;
    const here = await pageContext();
    if (!pool && jobs > 1 && toBuild >= START_WORKERS_AFTER) {
      // Pages are in flight one at a time until there is a pool: nothing else starts one meanwhile.
      const w = await import('./build-workers.js');
      // As many threads as the pages still to prerender keep busy (estimated from those seen so far): this
      // one, which reads and writes every page and renders between, and worker threads that render.
      const size = renderThreads(jobs, os.availableParallelism(), (toBuild / seen) * left, chosenJobs !== undefined);
      if (!pool && size >= 2 && w.workersAvailable()) {
        result.workers = size - 1;
        const { renderPage } = await import('./build-page.js');
        pool = new w.PagePool(
          size - 1,
          {
            siteDir,
            config: configSelection,
            errorMode,
            fingerprint: w.contextFingerprint(here),
            imageIndex: here.imageIndex,
            ...(pipeline ? { images: { sizes: images.options.sizes } } : {}),
            ...(hugoVersion !== undefined ? { hugoVersion } : {}),
            ...(config.modules ? { modules: config.modules } : {}),
          },
          pipeline,
          async (job) => structuredClone(await renderPage(job, here)),
        );
      }
    }
    // A copy, as a worker's outcome is: a message may hold a slice of the page's text, which would keep
    // the whole source alive for the rest of the build.
    return pool ? pool.run(job) : structuredClone(await (await import('./build-page.js')).renderPage(job, here));
  };

  /**
   * Writes a page's shadow and returns its size in bytes; undefined when the disk refused it, which is said
   * once (the next pages would fail the same way).
   */
  const writeShadow = (relToContent: string, text: string, keys: string[], relPath: string, tree: string, mtimeMs: number | undefined): number | undefined => {
    try {
      return output.writeShadow(relToContent, text, { source: relPath, partials: keys }, tree, mtimeMs);
    } catch (e) {
      const why = writeFailure(e);
      if (!why) throw e;
      if (!result.diagnostics.some((d) => d.code === 'write')) result.diagnostics.push({ severity: 'error', code: 'write', file: relPath, line: 1, column: 1, message: why });
      return undefined;
    }
  };

  /** What the build records and writes for one page, done in page order (see the loop below). */
  type Commit = () => void | Promise<void>;
  const names = new ShadowNames();
  const startPage = async ({ abs, relToContent, tree }: (typeof files)[number], index: number): Promise<Commit> => {
    result.pages++;
    const relPath = relativePosix(siteDir, abs);
    const badName = names.claim(tree, relToContent, relPath);
    if (badName) return () => void result.diagnostics.push({ severity: 'error', code: 'file-name', file: relPath, line: 1, column: 1, message: badName });
    const id = `${tree}/${relToContent}`;
    // This page keeps what the previous build wrote for it (its shadow and titles).
    const keepPage = (unchanged = false) => {
      output.keep(relToContent, tree, { unchanged });
      output.keepTitles(relPath);
      keepIndex(relToContent);
    };
    if (opts.only && !opts.only.has(relPath)) {
      return async () => {
        // A page the previous build wrote in full (or found nothing to write for) needs only the static
        // files its record says (math, figures), which this build writes; one it held back, or has no
        // record of, may need those of an older build. (Taken for the latter, the KaTeX stylesheet and
        // fonts stayed after the last formula of the site was removed while watch ran:
        // tests/fuzz/watch-converges.test.ts.)
        const kept = records.get(id);
        keepPage(kept !== undefined && !kept.held);
        records.carry(id);
        // Its images' variants are still in use, as for a page replayed (found in the cache: nothing is
        // processed). Without this a save of one page deleted the images of every other page.
        if (pipeline && kept) for (const img of kept.images) await pipeline.prepare(path.resolve(siteDir, img.file), img.shown);
        // Its problems are still there: an incremental build reports them as a full one replays them
        // (watch prints only the errors of pages not just saved; serve's panel keeps showing them), and
        // counts it as a full one does (the summary after a save is the site's, not the saved page's).
        if (kept) countKept(kept);
      };
    }
    // A view of the build's read buffer, valid until the next read: copied below before any await.
    let bytes: Buffer;
    let mtimeMs: number;
    try {
      bytes = readSource(abs);
      mtimeMs = readMtimeMs;
    } catch (e) {
      return () => {
        result.diagnostics.push({
          severity: 'error',
          code: 'unreadable',
          file: relPath,
          line: 1,
          column: 1,
          message: unreadableMessage(e, 'file', relPath, 'it was not prerendered and keeps what the previous build wrote for it'),
        });
        keepPage();
      };
    }
    const bytesMd5 = md5Hex(bytes);
    // A page that keeps what the previous build wrote, but had nothing written for it yet: Hugo renders
    // its original, so the tags of our own shortcodes in it (a guest post's) are cut out of a copy of it
    // written as its shadow (cutOwnTags). Read again: rare, and this build's bytes may be a worker's now.
    const cutIfNone = () => {
      if (output.hasShadow(relToContent, tree)) return;
      let ownCut: string | undefined;
      try {
        ownCut = cutOwnTags(readFileSync(abs, 'utf8'));
      } catch {
        return;
      }
      if (ownCut !== undefined) writeShadow(relToContent, ownCut, [], relPath, tree, mtimeMs);
    };
    const keepOrCut = () => {
      keepPage();
      cutIfNone();
    };
    const record = records.get(id);
    if (record && record.source === relPath && record.md5 === bytesMd5 && canReplay(record, relToContent, tree, mtimeMs)) {
      return async () => {
        await replayPage(record, { relPath, relToContent, tree });
        if (record.held) cutIfNone();
        records.carry(id);
      };
    }
    bytes = Buffer.from(bytes);
    let o: PageOutcome;
    try {
      const previous = [...output.previousFragments(relToContent, tree)];
      const lang = tree === 'content' ? undefined : tree.slice('content.'.length);
      o = await render({ abs, relPath, relToContent, ...(lang !== undefined ? { lang } : {}), bytes, previous }, index + 1, files.length - index - 1);
    } catch (e) {
      if (e instanceof EmbeddedCodeMissing) {
        // Not this page's doing: said once, and every page keeps what it had.
        if (!result.diagnostics.some((d) => d.code === 'install')) result.diagnostics.push({ severity: 'error', code: 'install', line: 1, column: 1, message: e.message });
        o = { ...internalOutcome(relPath, e.message), diagnostics: [] };
      } else {
        o = internalOutcome(relPath, (e as Error).stack ?? String(e));
      }
    }
    return () => {
      if (o.internal) {
        // No record: the next build tries this page again.
        result.diagnostics.push(...o.diagnostics);
        keepOrCut();
        return;
      }
      result.formulas += o.stats.formulas;
      result.figures += o.stats.figures;
      result.shortcodes += o.stats.shortcodes;
      result.cacheHits += o.stats.cacheHits;
      if (imageIndex && o.imageEntries) imageIndex[relToContent] = o.imageEntries;
      result.diagnostics.push(...o.diagnostics);
      const record: PageRecord = {
        source: relPath,
        md5: bytesMd5,
        lookups: o.reads.lookups,
        images: o.reads.images,
        markdownInner: o.reads.markdownInner,
        held: o.held,
        diagnostics: o.diagnostics,
        stats: { formulas: o.stats.formulas, figures: o.stats.figures, shortcodes: o.stats.shortcodes },
        math: false,
        figure: false,
      };
      if (o.held) {
        // Leave whatever this page had before: a stale shadow is caught by Hugo's staleness check, while a
        // half-updated one would be published silently.
        keepOrCut();
        records.set(id, record);
        return;
      }
      output.setTitles(relPath, new Map(o.titles));
      record.math = o.titlesHave.math;
      record.figure = o.titlesHave.figure;
      for (const key of o.noisy) output.markNoisy(key);
      if (o.shadow !== undefined) {
        const shadowBytes = writeShadow(relToContent, o.shadow, o.keys, relPath, tree, mtimeMs);
        if (shadowBytes === undefined) {
          keepPage();
          return;
        }
        result.shadowed++;
        record.math ||= o.fragmentsHave.math;
        record.figure ||= o.fragmentsHave.figure;
        if (o.fragmentsHave.dark) record.dark = true;
        record.shadowBytes = shadowBytes;
      }
      records.set(id, record);
      anyMath ||= record.math;
      anyFigure ||= record.figure;
      anyDark ||= record.dark === true;
    };
  };

  // Pages are started in order and their results committed in order, so diagnostics, records and files
  // come out the same whichever thread prerendered a page; with workers, a few pages ahead are in flight
  // (and only those: pages stream through, nothing holds every page's output).
  const started: Promise<Commit>[] = [];
  try {
    for (const [index, file] of files.entries()) {
      started.push(startPage(file, index));
      while (started.length > (pool ? (pool.workers + 1) * IN_FLIGHT_PER_WORKER : 0)) await (await started.shift()!)();
    }
    while (started.length > 0) await (await started.shift()!)();
  } finally {
    // Settle what is still in flight (after an exception) before the workers go.
    await Promise.allSettled(started);
    await pool?.close();
    if (pool) result.rendered = { pages: toBuild, here: toBuild - pool.renderedThere };
  }

  // Pages of other formats: a copy without our own tags where they have any (see OTHER_CONTENT_EXTENSIONS).
  for (const { abs, relToContent, tree } of otherFiles) {
    const relPath = relativePosix(siteDir, abs);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      continue;
    }
    const own = ownTagsInOtherFormat(text, relPath);
    if (own === undefined) continue;
    const badName = names.claim(tree, relToContent, relPath);
    if (badName) {
      result.diagnostics.push({ severity: 'error', code: 'file-name', file: relPath, line: 1, column: 1, message: badName });
      continue;
    }
    result.diagnostics.push(own.diagnostic);
    let mtimeMs: number | undefined;
    try {
      mtimeMs = statSync(abs).mtimeMs;
    } catch {
      mtimeMs = undefined;
    }
    writeShadow(relToContent, own.cut, [], relPath, tree, mtimeMs);
  }

  const head = headProblem(siteDir, config, anyMath, anyDark);
  if (head) result.diagnostics.push(head);

  try {
    if (imageIndex) output.writeMarker(IMAGE_INDEX_FILE, stableStringify(imageIndex) + '\n');
    else if (!opts.only) output.removeMarker(IMAGE_INDEX_FILE);
    copyStaticAssets(output, { math: anyMath, figures: anyFigure });
    // What Hugo runs for our shortcodes on a page it renders from the original (see site/fallbacks.ts).
    for (const name of fallbackNames(shortcodeList.keys(), siteLayoutDirs(siteDir, config.data, config.modules))) {
      output.writeShortcodeFallback(name, fallbackTemplate(name, shortcodeList.get(name)!));
    }
    records.save();
    const finished = output.finish({ incremental: opts.only !== undefined });
    for (const rel of finished.foreign) result.diagnostics.push(foreignShadowDiagnostic(siteDir, config, rel));
  } catch (e) {
    const why = writeFailure(e);
    if (!why) throw e;
    if (!result.diagnostics.some((d) => d.code === 'write')) result.diagnostics.push({ severity: 'error', code: 'write', line: 1, column: 1, message: why });
  }

  if (pipeline) {
    result.images = pipeline.stats.images;
    result.imagesProcessed = pipeline.stats.processed;
  }
  result.diagnostics.sort(compareDiagnostics);
  result.failed = result.failed || result.diagnostics.some((d) => d.severity === 'error');
  result.ms = Math.round(performance.now() - t0);
  return result;
}

/** .prerender/images.json as the previous build wrote it (an incremental build keeps the pages it skips). */
function readImageIndex(output: PrerenderOutput): ImageIndex {
  try {
    const v = JSON.parse(output.readMarker(IMAGE_INDEX_FILE) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ImageIndex) : {};
  } catch {
    return {};
  }
}

/**
 * What the site's mounts lack for Hugo to read the prerendered pages (build and check report it alike):
 * the config file, when no mount reads `.prerender/content` (init was not run), else a warning per
 * mount below `content` whose shadows have no mount of their own (an init from before they got one).
 */
export function mountProblems(siteDir: string, config: SiteConfig): { unmounted?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!config.file) return { diagnostics };
  if (!moduleMounts(config.data).some((m) => normalizeRel(m.source) === `${PRERENDER_DIR}/content`)) {
    return { unmounted: path.relative(siteDir, config.file) || config.file, diagnostics };
  }
  for (const m of missingNestedShadows(moduleMounts(config.data))) {
    // At the site's mount there (the first at that target), else at the mounts.
    const own = mountIndex(config.data, (u) => normalizeRel(u.target) === m.target && !normalizeRel(u.source).startsWith(`${PRERENDER_DIR}/`));
    diagnostics.push({
      severity: 'warning',
      code: 'config',
      message: `module.mounts: nothing mounts ${m.source} at ${m.target}, so Hugo 0.111 publishes the pages in the folders below ${m.target} from your mount there, unprerendered (it reads such a folder from the mounts at ${m.target} alone); run \`hugo-prerender init\` again`,
      ...(own !== undefined ? config.locate(['module', 'mounts', String(own)]) : config.locate(['module', 'mounts'], 'key')),
    });
  }
  return { diagnostics };
}

/**
 * Sets `config.modules` from Hugo (`hugo config mounts`, site/hugo-modules.ts) where the site's themes and
 * modules are not all in `themes/` or `_vendor/`; the warning when Hugo cannot say, else undefined.
 */
export function resolveModules(siteDir: string, config: SiteConfig, selection: ConfigSelection, bin = 'hugo', output?: PrerenderOutput): Diagnostic | undefined {
  if (!moduleLookupNeeded(layoutsComplete(siteDir, config.data), config.data)) return undefined;
  const asked = hugoModulesFor(bin, siteDir, selection, config.files.map((f) => f.path), output);
  if ('modules' in asked) {
    config.modules = asked.modules;
    return undefined;
  }
  const imports = valueAt(config.data, ['module', 'imports']) !== undefined ? ['module', 'imports'] : valueAt(config.data, ['theme']) !== undefined ? ['theme'] : undefined;
  return {
    severity: 'warning',
    code: 'modules',
    ...(imports ? config.locate(imports, 'key') : { file: toPosix(path.relative(siteDir, config.file ?? siteDir)), line: 1, column: 1 }),
    message: `the site's theme or modules are not all in themes/ or _vendor/ (a Hugo Module, a module.replacements folder, or a theme that imports modules of its own), and Hugo could not say where they are (\`${bin} config mounts\`: ${asked.why}): a shortcode template of theirs, such as a theme's own figure, is not seen, and hugo-prerender renders that shortcode itself; make \`hugo config mounts\` work here (Hugo on PATH or --hugo PATH, and Go for Hugo Modules), or vendor the modules with \`hugo mod vendor\``,
  };
}

/**
 * The warning for a file in a shadow tree that no build wrote (FinishResult.foreign): most likely a page
 * `hugo new` made there, as `.prerender/content` is the first content mount. Kept; where it belongs is the
 * content folder of that tree's language (`hugo-prerender hugo new` creates it there: hugo-command.ts newPageRun).
 */
export function foreignShadowDiagnostic(siteDir: string, config: SiteConfig, rel: string): Diagnostic {
  const [tree, ...rest] = rel.split('/');
  const inTree = rest.join('/');
  const root = config.contentRoots.find((r) => shadowTree(r.lang) === tree && !r.target);
  const home = root ? toPosix(path.join(path.relative(siteDir, root.dir), inTree)) : `your content folder (${inTree})`;
  return {
    severity: 'warning',
    code: 'foreign-file',
    file: `${PRERENDER_DIR}/${rel}`,
    line: 1,
    column: 1,
    message: `this file is not one hugo-prerender wrote (\`hugo new\` writes a new page into the first content mount, which init made ${PRERENDER_DIR}/${tree}); it is kept, and Hugo publishes it as it is: move it to ${home}, where your pages are${root ? ` (\`hugo-prerender hugo new ${home}\` creates a page there)` : ''}`,
  };
}

/** The error for a content root whose language cannot name a shadow tree (`.prerender/content.<lang>`). */
export function badLanguageDiagnostic(siteDir: string, config: SiteConfig, root: { source: string; lang?: string | undefined }, outcome: string): Diagnostic {
  return {
    severity: 'error',
    code: 'config',
    file: toPosix(path.relative(siteDir, config.file ?? siteDir)),
    line: 1,
    column: 1,
    message: `the content of ${JSON.stringify(root.source)} has language ${JSON.stringify(root.lang)}, which is not a plain language code (letters, digits, '-', '_'); ${outcome}`,
  };
}

/**
 * The warning when pages have math (or figures with a dark image) but no template calls the head partial:
 * formulas then show as the browser's bare MathML (KaTeX's HTML draws nothing unstyled), and a figure with
 * a dark image shows both images (prerender.css hides one).
 */
export function headProblem(siteDir: string, config: SiteConfig, anyMath: boolean, anyDark: boolean): Diagnostic | undefined {
  if ((!anyMath && !anyDark) || !config.file) return undefined;
  const head = headReport(siteLayoutDirs(siteDir, config.data, config.modules));
  if (head.linking.length > 0) return undefined;
  const what = anyMath
    ? 'pages have math, but no template of this site or its theme calls the head partial, so no page links the KaTeX stylesheet and formulas show untypeset (as bare MathML)'
    : 'pages have figures with a dark image (src-dark), but no template of this site or its theme calls the head partial, so no page links prerender.css and such figures show both images';
  return { severity: 'warning', code: 'head', file: toPosix(path.relative(siteDir, config.file)), line: 1, column: 1, message: `${what}; ${headAdvice(head, siteDir)}` };
}

export { urlBase };

function existsPath(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The order build prints diagnostics in: by file, then by line and column (check prints a page's so too). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/**
 * `file:line:col: severity: message`, the shape editors and CI annotate: always one line, with the file
 * name and message made safe for a terminal and a CI log (see log.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  return safeLine(`${where}${d.severity}: ${d.message}`);
}

export function summaryLine(r: BuildResult): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  return (
    `hugo-prerender: ${n(r.pages, 'page')} (${r.shadowed} prerendered${r.unchanged ? `, ${r.unchanged} unchanged` : ''}), ${n(r.formulas, 'formula')}, ` +
    `${n(r.figures, 'figure')}, ${n(r.shortcodes, 'other shortcode')}, ${n(r.cacheHits, 'cache hit')}, ` +
    (r.images > 0 ? `${n(r.images, 'image')} (${r.imagesProcessed} processed), ` : '') +
    `${n(errors, 'error')}, ${n(warnings, 'warning')}, ${r.ms} ms` +
    (r.workers ? ` (${n(r.workers, 'worker thread')}${r.rendered ? `; ${r.rendered.here} of ${n(r.rendered.pages, 'page')} rendered in this one` : ''})` : '')
  );
}
