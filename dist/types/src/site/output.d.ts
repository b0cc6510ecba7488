/** The shadow tree of pages whose language comes from their file name (see config.ts shadowTree). */
export declare const DEFAULT_TREE = "content";
export declare const MANIFEST_FILE = "manifest.json";
export declare const PARTIALS_DIR = "layouts/partials/prerender";
/** The one template in PARTIALS_DIR (see handoff.ts); anything else there is left by an older version. */
export declare const TITLES_FILE = "titles.html";
/** Stand-in templates for the shortcodes we render (see writeShortcodeFallback). */
export declare const SHORTCODES_DIR = "layouts/shortcodes";
/**
 * `.prerender/watching` exists while `hugo-prerender watch` runs. The templates read it (fileExists) to
 * keep `hugo server` quiet about the moment between a save and the watcher's rewrite of that page.
 * It sits outside every mounted directory, so writing it never triggers a Hugo rebuild.
 */
export declare const WATCH_MARKER = "watching";
/** Caches between builds (src/images: one record per processed image); not mounted, never served. */
export declare const CACHE_DIR = "cache";
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
export declare class OutputPathError extends Error {
}
export declare function md5(data: string | Buffer): string;
/**
 * Sorted-key JSON, so the manifest is byte-identical for identical builds. Parts already in sorted order
 * (the entries a build kept, as the last manifest had them) are not copied.
 */
export declare function stableJson(value: unknown): string;
export declare function readManifest(root: string): Manifest;
export declare class PrerenderOutput {
    /** Absolute `<site>/.prerender`. */
    readonly root: string;
    private readonly siteReal;
    private readonly previous;
    /** Whether a previous build's manifest was read (without one, every file of a tree is taken as ours). */
    private readonly previousReadable;
    /** Shadow tree (`content`, `content.fr`) → shadow path inside it → what made it. */
    private readonly trees;
    private readonly staticWritten;
    private readonly cacheWritten;
    private readonly shortcodesWritten;
    private readonly noisy;
    /** Original → its titles with math (md5 → HTML), written or kept by this build. */
    private readonly titles;
    private previousTitles;
    private keptAny;
    /** Folder → the files in it, as isShadowFile listed them. */
    private readonly shadowDirs;
    /** What made each shadow kept from an earlier build (finish looks among their keys for noisy ones). */
    private readonly keptInfos;
    private tmpCounter;
    constructor(siteDir: string);
    /**
     * `.prerender/<tree>/<rel>`; `rel` is the page's path inside the content tree (`posts/x.md`), `tree`
     * the shadow tree of its language (config.ts shadowTree: `content`, or `content.fr`). Returns its size
     * in bytes.
     */
    writeShadow(rel: string, text: string, info: ShadowInfo, tree?: string, mtimeMs?: number): number;
    /** Records that rendering this fragment reported diagnostics (see Manifest.noisy). */
    markNoisy(key: string): void;
    /**
     * The fragments of this page's shadow as the previous build wrote it (key → inline HTML), to be reused:
     * the fragment cache. Fragments that build marked noisy are left out, so their diagnostics are reported
     * again. Empty when there is no such shadow (or it was written by another version).
     */
    previousFragments(rel: string, tree?: string): Map<string, string>;
    /** The titles and descriptions with math of one original (site-relative path): md5 of the text → HTML. */
    setTitles(source: string, titles: ReadonlyMap<string, string>): void;
    /** Keeps the titles an earlier build wrote for this original (the page was not prerendered this time). */
    keepTitles(source: string): void;
    /** `.prerender/static/<rel>`, served by Hugo at `/<rel>`. */
    writeStatic(rel: string, data: Buffer | string): void;
    /**
     * Marks `.prerender/static/<rel>`, written by an earlier build, as used by this one (so `finish` keeps
     * it) without reading it. False when it is not there.
     */
    keepStatic(rel: string): boolean;
    /** `.prerender/cache/<rel>` as written by this or an earlier build, or undefined. */
    readCache(rel: string): Buffer | undefined;
    /** Keeps `.prerender/cache/<rel>`, as an earlier build wrote it, past `finish`. False when it is not there. */
    keepCache(rel: string): boolean;
    /** Where `.prerender/cache/<rel>` is and what it is now (size, modification and change times, inode); undefined when it is not a file. */
    cacheStamp(rel: string): {
        where: string;
        stamp: string;
    } | undefined;
    /** Writes `.prerender/cache/<rel>` (unless it already has these bytes) and keeps it past `finish`. */
    writeCache(rel: string, data: Buffer): void;
    /**
     * `.prerender/layouts/shortcodes/<name>.html`: what Hugo runs for one of our shortcodes on a page it
     * renders from the original rather than from a shadow (no shadow yet, or `hugo server` 0.111 in the
     * instant between a save and the watcher's rewrite, when it re-reads the original itself).
     */
    writeShortcodeFallback(name: string, html: string): void;
    /**
     * Writes an existing shadow again, same bytes, new file (atomic rename), so that Hugo's watcher sees
     * it change once more. Returns false when there is no such shadow. See watch.ts for why.
     */
    rewriteShadow(rel: string, tree?: string): boolean;
    /**
     * Gives a shadow its original's modification time (Hugo reads the shadow in its place: a site whose
     * lastmod comes from `:fileModTime` dates the page by it). Only when they differ by a millisecond or more.
     */
    syncMtime(file: string, mtimeMs: number, current?: number): void;
    /** Writes `.prerender/<name>` (a marker such as WATCH_MARKER, or data the templates read), atomically. */
    writeMarker(name: string, text: string): void;
    /** `.prerender/<name>` as an earlier build (or this one) wrote it, or undefined. */
    readMarker(name: string): string | undefined;
    /** Removes `.prerender/<name>` if it exists. */
    removeMarker(name: string): void;
    /**
     * Keeps what an earlier build produced for this page (its shadow, with its fragments), e.g. because the
     * page failed this time: its old shadow stays, and Hugo's staleness check reports it.
     */
    keep(rel: string, tree?: string, opts?: {
        unchanged?: boolean;
        seen?: boolean;
    }): boolean;
    /**
     * Keeps what an earlier build produced for every page below `dir` (a path inside the content tree, ''
     * for all of it), as `keep` does for one: the pages of a directory this build could not list are not
     * known to be gone. Returns the shadow paths kept and what made each.
     */
    keepUnder(dir: string, tree?: string): [string, ShadowInfo][];
    /**
     * Whether the shadow is a file (not a link, not a folder), from one listing of its folder per build
     * (`watch` keeps every other page of a large site on each save: a lookup each, not a system call). The
     * listings are of shadows an earlier build wrote; this build's writes do not change what they say of
     * the pages it keeps.
     */
    private isShadowFile;
    /**
     * The size in bytes of the shadow `.prerender/<tree>/<rel>`, or undefined when there is none. Given the
     * original's modification time, gives the shadow that time when it has another (see syncMtime).
     */
    shadowBytes(rel: string, tree?: string, mtimeMs?: number): number | undefined;
    /** Whether this build has written or kept a shadow for this page so far. */
    hasShadow(rel: string, tree?: string): boolean;
    /** Whether the previous build's manifest has this shadow (what `keep` needs besides the file). */
    hadShadow(rel: string, tree?: string): boolean;
    /**
     * Where a shadow is, for looking at it (lstat) without touching it: its path is checked as text only
     * (cleanRel, checkTree), not resolved link by link as every write and delete is (resolve). Keeping
     * the pages of a large site stays one lstat each.
     */
    private shadowPath;
    /**
     * Ends the build: writes titles.html, removes every shadow, template and static file this build neither
     * wrote nor kept (a deleted source loses its shadow; per-fragment partials of older versions go),
     * removes emptied directories, and writes the manifest.
     */
    finish(opts?: {
        incremental?: boolean;
    }): FinishResult;
    private treePages;
    private checkTree;
    /** A file directly in .prerender/: a key, optionally with `.json`. */
    private checkRootName;
    private checkKey;
    /** A relative path inside a component: forward slashes, no `..`, not absolute. */
    private cleanRel;
    /**
     * The absolute path of `rel` inside .prerender, after checking that it stays inside, textually and
     * once every existing symlink on the way is resolved.
     */
    private resolve;
    /** resolve, also saying whether the file's directory exists already (then nothing is to be created). */
    private resolveAt;
    private write;
    /** Deletes files under `.prerender/<dir>` for which `keep(relative path)` is false; never follows symlinks. */
    private sweep;
}
