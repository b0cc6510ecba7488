/**
 * The writer for `<site>/.prerender/`, the only place hugo-prerender ever writes:
 *
 *   .prerender/content/<same path as in content/>          shadow pages
 *   .prerender/content.<lang>/<path in the content tree>   shadow pages of a language's own content dir
 *   .prerender/layouts/partials/prerender/titles.html       titles and descriptions with math (site-wide)
 *   .prerender/static/<path>                                stylesheets, fonts, generated images
 *   .prerender/cache/<path>                                 build caches (image records), never served
 *   .prerender/manifest.json                                which source made which shadow, with which keys
 *
 * Every write is atomic: a temporary file whose name ends in `.tmp` (ignored by Hugo's watcher) in the
 * same directory, then a rename, so `hugo server` never reads half a file. A file whose bytes are
 * already right is not rewritten (no needless rebuilds). `finish()` removes whatever this build did
 * not produce or keep (no ghost pages) and writes the manifest.
 *
 * Paths are checked before any write or delete: they must resolve inside `<site>/.prerender/`,
 * following symlinks, or the writer throws.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { PRERENDER_DIR } from './config.js';
import { parseTitlesTemplate, shadowFragments, titlesTemplate } from './handoff.js';

/** The shadow tree of pages whose language comes from their file name (see config.ts shadowTree). */
export const DEFAULT_TREE = 'content';
const TREE_RE = /^content(\.[a-z0-9][a-z0-9_-]*)?$/;

export const MANIFEST_FILE = 'manifest.json';
export const PARTIALS_DIR = 'layouts/partials/prerender';
/** The one template in PARTIALS_DIR (see handoff.ts); anything else there is left by an older version. */
export const TITLES_FILE = 'titles.html';
/** Stand-in templates for the shortcodes we render (see writeShortcodeFallback). */
export const SHORTCODES_DIR = 'layouts/shortcodes';
/**
 * `.prerender/watching` exists while `hugo-prerender watch` runs. The templates read it (fileExists) to
 * keep `hugo server` quiet about the moment between a save and the watcher's rewrite of that page.
 * It sits outside every mounted directory, so writing it never triggers a Hugo rebuild.
 */
export const WATCH_MARKER = 'watching';
/** Caches between builds (src/images: one record per processed image); not mounted, never served. */
export const CACHE_DIR = 'cache';
/** 2: fragments inline in the shadows; 3: fragments with math carry their feed variant. A manifest of another version is ignored (its shadows are not kept). */
const MANIFEST_VERSION = 3;

export interface ShadowInfo {
  /** The original file, relative to the site root with forward slashes (e.g. `content/posts/x.md`). */
  source: string;
  /** The keys of the fragments in this shadow (its `prerender` shortcodes). */
  partials: string[];
  /** md5 of the original's bytes (what the placeholder carries), when the caller has it. */
  sourceMd5?: string;
}

export interface Manifest {
  version: number;
  /** Shadow path relative to .prerender/content → what made it. */
  pages: Record<string, ShadowInfo>;
  /** The same for the other shadow trees (`content.fr` → its pages), when there are any. */
  trees?: Record<string, Record<string, ShadowInfo>>;
  /** Static files written, relative to .prerender/static. */
  static: string[];
  /** Fragments whose rendering reported diagnostics: re-rendered by the next build, never reused. */
  noisy?: string[];
  /** Original (site-relative) → md5s of its titles with math in titles.html, for pages that have some. */
  titles?: Record<string, string[]>;
}

export interface FinishResult {
  /** Files removed, relative to .prerender/ (sorted). */
  removed: string[];
  /**
   * Files in a shadow tree that no build wrote (not in the previous manifest, not written now), relative
   * to .prerender/: kept, never deleted. `hugo new` writes a new page into the first content mount, which
   * init made `.prerender/content`; removing it as a stale shadow lost the user's new page.
   */
  foreign: string[];
  manifest: Manifest;
}

export class OutputPathError extends Error {}

/** A fragment key: lower case (Hugo 0.111's partial lookup is case-sensitive; the shortcode lower-cases). */
const KEY_RE = /^[a-z0-9][a-z0-9_-]*$/;

export function md5(data: string | Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function lstatOrNull(p: string): Stats | null {
  try {
    // A missing file (every shadow of a cold build) is no exception: making one cost more than the lstat.
    return lstatSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function sameBytes(file: string, data: Buffer): boolean {
  const st = lstatOrNull(file);
  if (!st || !st.isFile() || st.size !== data.length) return false;
  return readFileSync(file).equals(data);
}

/**
 * Sorted-key JSON, so the manifest is byte-identical for identical builds. Parts already in sorted order
 * (the entries a build kept, as the last manifest had them) are not copied.
 */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = sort(v[i]);
        if (x !== v[i]) (copy ??= v.slice())[i] = x;
      }
      return copy ?? v;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      const sorted = [...keys].sort();
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = keys[i] === sorted[i] && sort(o[keys[i]!]) === o[keys[i]!];
      return same ? v : Object.fromEntries(sorted.map((k) => [k, sort(o[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}

function isPlainObject(v: unknown): v is Record<string, never> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether `.prerender/manifest.json` is there and of this version (what readManifest returns but empty). */
function manifestReadable(root: string): boolean {
  try {
    const m = JSON.parse(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return m.version === MANIFEST_VERSION && typeof m.pages === 'object' && m.pages !== null;
  } catch {
    return false;
  }
}

export function readManifest(root: string): Manifest {
  const empty: Manifest = { version: MANIFEST_VERSION, pages: {}, static: [] };
  try {
    const m = JSON.parse(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    if (m.version !== MANIFEST_VERSION || typeof m.pages !== 'object' || m.pages === null) return empty;
    return {
      version: MANIFEST_VERSION,
      pages: m.pages,
      ...(isPlainObject(m.trees) ? { trees: Object.fromEntries(Object.entries(m.trees).filter(([t, p]) => TREE_RE.test(t) && t !== DEFAULT_TREE && isPlainObject(p))) } : {}),
      static: Array.isArray(m.static) ? m.static : [],
      ...(Array.isArray(m.noisy) ? { noisy: m.noisy.filter((k): k is string => typeof k === 'string') } : {}),
      ...(isPlainObject(m.titles) ? { titles: m.titles } : {}),
    };
  } catch {
    return empty;
  }
}

/** A relative path with forward slashes, inside its directory: not empty, not absolute, no `.`, `..` or empty parts. */
function plainRel(p: string): boolean {
  return !(p === '' || p.startsWith('/') || /^[a-zA-Z]:/.test(p) || p.includes('\0') || p.split('/').some((s) => s === '..' || s === '.' || s === ''));
}

export class PrerenderOutput {
  /** Absolute `<site>/.prerender`. */
  readonly root: string;
  private readonly siteReal: string;
  private readonly previous: Manifest;
  /** Whether a previous build's manifest was read (without one, every file of a tree is taken as ours). */
  private readonly previousReadable: boolean;
  /** Shadow tree (`content`, `content.fr`) → shadow path inside it → what made it. */
  private readonly trees = new Map<string, Map<string, ShadowInfo>>();
  private readonly staticWritten = new Set<string>();
  private readonly cacheWritten = new Set<string>();
  private readonly shortcodesWritten = new Set<string>();
  private readonly noisy = new Set<string>();
  /** Original → its titles with math (md5 → HTML), written or kept by this build. */
  private readonly titles = new Map<string, Map<string, string>>();
  private previousTitles: Map<string, string> | undefined;
  private keptAny = false;
  /** Folder → the files in it, as isShadowFile listed them. */
  private readonly shadowDirs = new Map<string, Set<string>>();
  /** What made each shadow kept from an earlier build (finish looks among their keys for noisy ones). */
  private readonly keptInfos: ShadowInfo[] = [];
  private tmpCounter = 0;

  constructor(siteDir: string) {
    const site = path.resolve(siteDir);
    this.siteReal = realpathSync(site);
    this.root = path.join(site, PRERENDER_DIR);
    this.previous = readManifest(this.root);
    this.previousReadable = manifestReadable(this.root);
  }

  /**
   * `.prerender/<tree>/<rel>`; `rel` is the page's path inside the content tree (`posts/x.md`), `tree`
   * the shadow tree of its language (config.ts shadowTree: `content`, or `content.fr`). Returns its size
   * in bytes.
   */
  writeShadow(rel: string, text: string, info: ShadowInfo, tree: string = DEFAULT_TREE, mtimeMs?: number): number {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    for (const k of info.partials) this.checkKey(k);
    const data = Buffer.from(text, 'utf8');
    this.write(`${tree}/${relPath}`, data);
    if (mtimeMs !== undefined) this.syncMtime(this.shadowPath(tree, relPath), mtimeMs);
    this.treePages(tree).set(relPath, {
      source: info.source,
      partials: [...new Set(info.partials)].sort(),
      ...(info.sourceMd5 ? { sourceMd5: info.sourceMd5 } : {}),
    });
    return data.length;
  }

  /** Records that rendering this fragment reported diagnostics (see Manifest.noisy). */
  markNoisy(key: string): void {
    this.checkKey(key);
    this.noisy.add(key);
  }

  /**
   * The fragments of this page's shadow as the previous build wrote it (key → inline HTML), to be reused:
   * the fragment cache. Fragments that build marked noisy are left out, so their diagnostics are reported
   * again. Empty when there is no such shadow (or it was written by another version).
   */
  previousFragments(rel: string, tree: string = DEFAULT_TREE): Map<string, string> {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    const old = (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath];
    if (!old || old.partials.length === 0) return new Map();
    let text: string;
    try {
      text = readFileSync(this.resolve(`${tree}/${relPath}`), 'utf8');
    } catch {
      // Gone, unreadable, or not inside .prerender (a symlink): nothing to reuse.
      return new Map();
    }
    const found = shadowFragments(text);
    for (const k of this.previous.noisy ?? []) found.delete(k);
    return found;
  }

  /** The titles and descriptions with math of one original (site-relative path): md5 of the text → HTML. */
  setTitles(source: string, titles: ReadonlyMap<string, string>): void {
    if (titles.size > 0) this.titles.set(source, new Map(titles));
    else this.titles.delete(source);
  }

  /** Keeps the titles an earlier build wrote for this original (the page was not prerendered this time). */
  keepTitles(source: string): void {
    const md5s = this.previous.titles?.[source];
    if (!md5s?.length) return;
    if (!this.previousTitles) {
      try {
        this.previousTitles = parseTitlesTemplate(readFileSync(this.resolve(`${PARTIALS_DIR}/${TITLES_FILE}`), 'utf8'));
      } catch {
        this.previousTitles = new Map();
      }
    }
    const kept = new Map<string, string>();
    for (const k of md5s) {
      const html = this.previousTitles.get(k);
      if (html !== undefined) kept.set(k, html);
    }
    this.setTitles(source, kept);
  }

  /** `.prerender/static/<rel>`, served by Hugo at `/<rel>`. */
  writeStatic(rel: string, data: Buffer | string): void {
    const relPath = this.cleanRel(rel, 'static file');
    this.write(`static/${relPath}`, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    this.staticWritten.add(relPath);
  }

  /**
   * Marks `.prerender/static/<rel>`, written by an earlier build, as used by this one (so `finish` keeps
   * it) without reading it. False when it is not there.
   */
  keepStatic(rel: string): boolean {
    const relPath = this.cleanRel(rel, 'static file');
    if (!lstatOrNull(this.resolve(`static/${relPath}`))?.isFile()) return false;
    this.staticWritten.add(relPath);
    return true;
  }

  /** `.prerender/cache/<rel>` as written by this or an earlier build, or undefined. */
  readCache(rel: string): Buffer | undefined {
    const relPath = this.cleanRel(rel, 'cache file');
    try {
      return readFileSync(this.resolve(`${CACHE_DIR}/${relPath}`));
    } catch {
      return undefined;
    }
  }

  /** Keeps `.prerender/cache/<rel>`, as an earlier build wrote it, past `finish`. False when it is not there. */
  keepCache(rel: string): boolean {
    const relPath = this.cleanRel(rel, 'cache file');
    if (!lstatOrNull(this.resolve(`${CACHE_DIR}/${relPath}`))?.isFile()) return false;
    this.cacheWritten.add(relPath);
    return true;
  }

  /** Where `.prerender/cache/<rel>` is and what it is now (size, modification and change times, inode); undefined when it is not a file. */
  cacheStamp(rel: string): { where: string; stamp: string } | undefined {
    const where = this.resolve(`${CACHE_DIR}/${this.cleanRel(rel, 'cache file')}`);
    let st;
    try {
      st = lstatSync(where, { bigint: true });
    } catch {
      return undefined;
    }
    return st.isFile() ? { where, stamp: `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}` } : undefined;
  }

  /** Writes `.prerender/cache/<rel>` (unless it already has these bytes) and keeps it past `finish`. */
  writeCache(rel: string, data: Buffer): void {
    const relPath = this.cleanRel(rel, 'cache file');
    this.write(`${CACHE_DIR}/${relPath}`, data);
    this.cacheWritten.add(relPath);
  }

  /**
   * `.prerender/layouts/shortcodes/<name>.html`: what Hugo runs for one of our shortcodes on a page it
   * renders from the original rather than from a shadow (no shadow yet, or `hugo server` 0.111 in the
   * instant between a save and the watcher's rewrite, when it re-reads the original itself).
   */
  writeShortcodeFallback(name: string, html: string): void {
    this.checkKey(name);
    this.write(`${SHORTCODES_DIR}/${name}.html`, Buffer.from(html, 'utf8'));
    this.shortcodesWritten.add(`${name}.html`);
  }

  /**
   * Writes an existing shadow again, same bytes, new file (atomic rename), so that Hugo's watcher sees
   * it change once more. Returns false when there is no such shadow. See watch.ts for why.
   */
  rewriteShadow(rel: string, tree: string = DEFAULT_TREE): boolean {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    const file = this.resolve(`${tree}/${relPath}`);
    const before = lstatOrNull(file);
    if (!before?.isFile()) return false;
    this.write(`${tree}/${relPath}`, readFileSync(file), { force: true });
    this.syncMtime(file, before.mtimeMs);
    return true;
  }

  /**
   * Gives a shadow its original's modification time (Hugo reads the shadow in its place: a site whose
   * lastmod comes from `:fileModTime` dates the page by it). Only when they differ by a millisecond or more.
   */
  syncMtime(file: string, mtimeMs: number, current?: number): void {
    const now = current ?? lstatOrNull(file)?.mtimeMs;
    if (now === undefined || Math.abs(now - mtimeMs) < 1) return;
    try {
      utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
    } catch {
      /* a date is no reason to fail a build */
    }
  }

  /** Writes `.prerender/<name>` (a marker such as WATCH_MARKER, or data the templates read), atomically. */
  writeMarker(name: string, text: string): void {
    this.checkRootName(name);
    this.write(name, Buffer.from(text, 'utf8'));
  }

  /** `.prerender/<name>` as an earlier build (or this one) wrote it, or undefined. */
  readMarker(name: string): string | undefined {
    this.checkRootName(name);
    try {
      return readFileSync(this.resolve(name), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Removes `.prerender/<name>` if it exists. */
  removeMarker(name: string): void {
    this.checkRootName(name);
    const file = this.resolve(name);
    if (lstatOrNull(file)?.isFile()) unlinkSync(file);
  }

  /**
   * Keeps what an earlier build produced for this page (its shadow, with its fragments), e.g. because the
   * page failed this time: its old shadow stays, and Hugo's staleness check reports it.
   */
  keep(rel: string, tree: string = DEFAULT_TREE, opts: { unchanged?: boolean; seen?: boolean } = {}): boolean {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    // A page kept because it failed may need static files of the old build; an unchanged one needs only
    // what this build writes or keeps anyway.
    if (!opts.unchanged) this.keptAny = true;
    const old = (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath];
    if (!old) return false;
    // `seen`: the caller has just found the shadow to be a file (shadowBytes), no need to look again.
    if (opts.seen || this.isShadowFile(tree, relPath)) {
      this.treePages(tree).set(relPath, old);
      this.keptInfos.push(old);
      return true;
    }
    return false;
  }

  /**
   * Keeps what an earlier build produced for every page below `dir` (a path inside the content tree, ''
   * for all of it), as `keep` does for one: the pages of a directory this build could not list are not
   * known to be gone. Returns the shadow paths kept and what made each.
   */
  keepUnder(dir: string, tree: string = DEFAULT_TREE): [string, ShadowInfo][] {
    const prefix = dir === '' ? '' : `${this.cleanRel(dir, 'directory')}/`;
    this.checkTree(tree);
    const old = (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree]) ?? {};
    const kept: [string, ShadowInfo][] = [];
    for (const [rel, info] of Object.entries(old)) {
      // A manifest is ours, but it is read from disk: a path that is not plain is no page of ours.
      if (rel.startsWith(prefix) && plainRel(rel) && this.keep(rel, tree)) kept.push([rel, info]);
    }
    return kept;
  }

  /**
   * Whether the shadow is a file (not a link, not a folder), from one listing of its folder per build
   * (`watch` keeps every other page of a large site on each save: a lookup each, not a system call). The
   * listings are of shadows an earlier build wrote; this build's writes do not change what they say of
   * the pages it keeps.
   */
  private isShadowFile(tree: string, relPath: string): boolean {
    const file = this.shadowPath(tree, relPath);
    const slash = relPath.lastIndexOf('/');
    const dir = slash < 0 ? path.join(this.root, tree) : path.dirname(file);
    let files = this.shadowDirs.get(dir);
    if (files === undefined) {
      files = new Set();
      try {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          // Some file systems do not give the type: lstat then does.
          if (e.isFile() || (!e.isDirectory() && !e.isSymbolicLink() && lstatOrNull(path.join(dir, e.name))?.isFile())) files.add(e.name);
        }
      } catch {
        /* no such folder: no shadow in it */
      }
      this.shadowDirs.set(dir, files);
    }
    return files.has(slash < 0 ? relPath : relPath.slice(slash + 1));
  }

  /**
   * The size in bytes of the shadow `.prerender/<tree>/<rel>`, or undefined when there is none. Given the
   * original's modification time, gives the shadow that time when it has another (see syncMtime).
   */
  shadowBytes(rel: string, tree: string = DEFAULT_TREE, mtimeMs?: number): number | undefined {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    const file = this.shadowPath(tree, relPath);
    const st = lstatOrNull(file);
    if (!st?.isFile()) return undefined;
    if (mtimeMs !== undefined) this.syncMtime(file, mtimeMs, st.mtimeMs);
    return st.size;
  }

  /** Whether this build has written or kept a shadow for this page so far. */
  hasShadow(rel: string, tree: string = DEFAULT_TREE): boolean {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    return this.treePages(tree).has(relPath);
  }

  /** Whether the previous build's manifest has this shadow (what `keep` needs besides the file). */
  hadShadow(rel: string, tree: string = DEFAULT_TREE): boolean {
    const relPath = this.cleanRel(rel, 'shadow');
    this.checkTree(tree);
    return (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath] !== undefined;
  }

  /**
   * Where a shadow is, for looking at it (lstat) without touching it: its path is checked as text only
   * (cleanRel, checkTree), not resolved link by link as every write and delete is (resolve). Keeping
   * the pages of a large site stays one lstat each.
   */
  private shadowPath(tree: string, relPath: string): string {
    // Both are checked plain relative paths (no `.`, `..` or empty parts): joined as they are where `/` is the separator.
    return path.sep === '/' ? `${this.root}/${tree}/${relPath}` : path.join(this.root, tree, relPath);
  }

  /**
   * Ends the build: writes titles.html, removes every shadow, template and static file this build neither
   * wrote nor kept (a deleted source loses its shadow; per-fragment partials of older versions go),
   * removes emptied directories, and writes the manifest.
   */
  finish(opts: { incremental?: boolean } = {}): FinishResult {
    const allTitles = new Map<string, string>();
    for (const t of this.titles.values()) for (const [k, v] of t) allTitles.set(k, v);
    this.write(`${PARTIALS_DIR}/${TITLES_FILE}`, Buffer.from(titlesTemplate(allTitles), 'utf8'));
    // A failed page keeps its old shadow, which may need the old static files (e.g. KaTeX's CSS).
    const keepStatic = new Set([...this.staticWritten, ...(this.keptAny ? this.previous.static : [])]);

    const removed: string[] = [];
    // Every shadow tree on disk, so that a language gone from the config leaves no ghost pages.
    const treesOnDisk = readdirOrEmpty(this.root).filter((n) => TREE_RE.test(n));
    const foreign: string[] = [];
    for (const tree of [...new Set([DEFAULT_TREE, ...treesOnDisk])].sort()) {
      const pages = this.trees.get(tree);
      const before = tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree];
      this.sweep(
        tree,
        (rel) => {
          if (pages?.has(rel) === true) return true;
          // Not a shadow of ours (no build wrote it): someone else's file, kept (see FinishResult.foreign).
          if (this.previousReadable && before?.[rel] === undefined) {
            foreign.push(`${tree}/${rel}`);
            return true;
          }
          return false;
        },
        removed,
      );
    }
    this.sweep(PARTIALS_DIR, (rel) => rel === TITLES_FILE, removed);
    this.sweep('static', (rel) => keepStatic.has(rel), removed);
    // Cache records of pages an incremental build did not see stay until a full build.
    if (!opts.incremental) this.sweep(CACHE_DIR, (rel) => this.cacheWritten.has(rel), removed);
    this.sweep(SHORTCODES_DIR, (rel) => this.shortcodesWritten.has(rel), removed);

    // Noisy: marked in this build, or marked before and still in a shadow this build kept.
    const noisy = new Set(this.noisy);
    if (this.previous.noisy?.length) {
      const keptKeys = new Set(this.keptInfos.flatMap((info) => info.partials));
      for (const k of this.previous.noisy) if (keptKeys.has(k)) noisy.add(k);
    }
    const sortedPages = (m: Map<string, ShadowInfo> | undefined) =>
      Object.fromEntries([...(m ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const others = [...this.trees.keys()].filter((t) => t !== DEFAULT_TREE && this.trees.get(t)!.size > 0).sort();
    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      pages: sortedPages(this.trees.get(DEFAULT_TREE)),
      ...(others.length ? { trees: Object.fromEntries(others.map((t) => [t, sortedPages(this.trees.get(t))])) } : {}),
      static: [...keepStatic].sort(),
      ...(noisy.size ? { noisy: [...noisy].sort() } : {}),
      ...(this.titles.size
        ? { titles: Object.fromEntries([...this.titles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([src, t]) => [src, [...t.keys()].sort()])) }
        : {}),
    };
    this.write(MANIFEST_FILE, Buffer.from(stableJson(manifest), 'utf8'));
    return { removed: removed.sort(), foreign: foreign.sort(), manifest };
  }

  // --- internals -----------------------------------------------------------------------------

  private treePages(tree: string): Map<string, ShadowInfo> {
    let pages = this.trees.get(tree);
    if (!pages) this.trees.set(tree, (pages = new Map()));
    return pages;
  }

  private checkTree(tree: string): void {
    if (!TREE_RE.test(tree)) {
      throw new OutputPathError(`shadow tree ${JSON.stringify(tree)} is not valid: "content" or "content.<language code>" (lower case)`);
    }
  }

  /** A file directly in .prerender/: a key, optionally with `.json`. */
  private checkRootName(name: string): void {
    if (!KEY_RE.test(name.replace(/\.json$/, ''))) this.checkKey(name);
  }

  private checkKey(key: string): void {
    if (!KEY_RE.test(key)) {
      throw new OutputPathError(`fragment key ${JSON.stringify(key)} is not valid: use lower-case letters, digits, '-' and '_'`);
    }
  }

  /** A relative path inside a component: forward slashes, no `..`, not absolute. */
  private cleanRel(rel: string, what: string): string {
    const p = rel.replace(/\\/g, '/');
    if (!plainRel(p)) {
      throw new OutputPathError(`refusing to write ${what} ${JSON.stringify(rel)}: not a plain relative path inside ${PRERENDER_DIR}/`);
    }
    return p;
  }

  /**
   * The absolute path of `rel` inside .prerender, after checking that it stays inside, textually and
   * once every existing symlink on the way is resolved.
   */
  private resolve(rel: string): string {
    return this.resolveAt(rel).abs;
  }

  /** resolve, also saying whether the file's directory exists already (then nothing is to be created). */
  private resolveAt(rel: string): { abs: string; dirExists: boolean } {
    const abs = path.resolve(this.root, rel);
    if (!abs.startsWith(this.root + path.sep)) {
      throw new OutputPathError(`refusing to touch ${abs}: outside ${this.root}`);
    }
    const expectedRoot = path.join(this.siteReal, PRERENDER_DIR);
    // The deepest ancestor that exists, resolved, must be .prerender itself or inside it.
    let probe = path.dirname(abs);
    for (;;) {
      if (lstatOrNull(probe)) break;
      probe = path.dirname(probe);
    }
    if (probe.length < this.root.length) return { abs, dirExists: false }; // .prerender does not exist yet: created below the real site
    let real: string;
    try {
      // The system's realpath: one call (Node's own lstats every component of the path).
      real = realpathSync.native(probe);
    } catch (e) {
      throw new OutputPathError(`refusing to touch ${abs}: cannot resolve ${probe} (${(e as Error).message})`);
    }
    if (real !== expectedRoot && !real.startsWith(expectedRoot + path.sep)) {
      throw new OutputPathError(
        `refusing to touch ${abs}: ${probe} resolves to ${real}, outside ${expectedRoot} (a symlink?); hugo-prerender only writes inside ${PRERENDER_DIR}/`,
      );
    }
    return { abs, dirExists: probe === path.dirname(abs) };
  }

  private write(rel: string, data: Buffer, opts: { force?: boolean } = {}): void {
    const { abs: file, dirExists } = this.resolveAt(rel);
    if (!opts.force && sameBytes(file, data)) return;
    const dir = path.dirname(file);
    if (!dirExists) {
      mkdirSync(dir, { recursive: true });
      this.resolve(rel); // again, now that the directories exist
    }
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${this.tmpCounter++}.tmp`);
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, file);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
      throw e;
    }
  }

  /** Deletes files under `.prerender/<dir>` for which `keep(relative path)` is false; never follows symlinks. */
  private sweep(dir: string, keep: (rel: string) => boolean, removed: string[]): void {
    const base = path.join(this.root, dir);
    const walk = (abs: string, relDir: string): boolean => {
      // Returns whether the directory is empty afterwards. A directory entry's type is that of the entry
      // itself (as lstat's): a symlink is never walked into.
      let empty = true;
      const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const child = path.join(abs, e.name);
        const rel = relDir + e.name;
        // Some file systems do not say (unknown type): then lstat does.
        const isDir = e.isDirectory() || (!e.isFile() && !e.isSymbolicLink() && lstatSync(child).isDirectory());
        if (isDir) {
          if (walk(child, `${rel}/`)) {
            this.resolve(path.relative(this.root, child) + '/x');
            rmdirSync(child);
          } else empty = false;
        } else if (keep(rel)) {
          empty = false;
        } else {
          this.resolve(path.relative(this.root, child));
          unlinkSync(child);
          removed.push(toPosix(path.relative(this.root, child)));
        }
      }
      return empty;
    };
    const st = lstatOrNull(base);
    if (!st) return;
    if (!st.isDirectory()) throw new OutputPathError(`${base} is not a directory (a symlink?); refusing to clean it`);
    this.resolve(path.relative(this.root, base) + '/x');
    walk(base, '');
  }
}
