import type { Diagnostic } from '../content/types.js';
import { type Lookup, type LookupMemo, type Place } from './safe-path.js';
import type { SiteInfo } from '../render/types.js';
export declare const PAGE_RECORDS_FILE = "pages.json";
/** One file lookup of a shortcode: where it looked, and what it found (an md5, so no path leaks). */
export interface LookupRecord {
    /** The places looked in: directories relative to the site, or a component (static, assets: its mounts). */
    bases: Place[];
    rel: string;
    /** md5 of the outcome (found where, missing, refused) with paths relative to the site. */
    outcome: string;
    /** md5 of the file found, when one was. */
    md5?: string;
}
export interface PageRecord {
    /** The original, site-relative (the record is keyed by its shadow's place). */
    source: string;
    /** md5 of the original's bytes, as read (BOM included). */
    md5: string;
    lookups: LookupRecord[];
    /** Images given to the pipeline, relative to the site, with the `src` they were named by. */
    images: {
        file: string;
        shown: string;
    }[];
    /** Site shortcode name → the template that renders its inner content as Markdown (null: none). */
    markdownInner: Record<string, string | null>;
    /** Bytes of the shadow this page wrote; absent when it wrote none (it owns nothing, or it was held). */
    shadowBytes?: number;
    /** The page's output was held back (its old shadow, if any, is kept). */
    held: boolean;
    diagnostics: Diagnostic[];
    stats: {
        formulas: number;
        figures: number;
        shortcodes: number;
    };
    /** Whether its output has KaTeX HTML and figures (for the stylesheets and fonts the build copies). */
    math: boolean;
    figure: boolean;
    /** Whether its output has a figure's dark image (`src-dark`), which prerender.css hides or shows. */
    dark?: boolean;
}
/** Where the records live: the `.prerender` writer (site/output.ts). */
export interface RecordStore {
    readCache(rel: string): Buffer | undefined;
    writeCache(rel: string, data: Buffer): void;
    /** Keeps the file as an earlier build wrote it (false: there is none). */
    keepCache(rel: string): boolean;
    /** Where the file is and what it is now (size, times, inode), or undefined when it is not there. */
    cacheStamp(rel: string): {
        where: string;
        stamp: string;
    } | undefined;
}
/**
 * What identifies the running code: the package version plus the md5 of the bundle that is running
 * (computed when the bundle was made, see BUNDLE_CODE_ID), so that a rebuilt package with the same version
 * number still builds every page again. Unbundled (the tests run the sources), the md5 of this module's file.
 */
export declare function runningCodeId(): string;
/** The key every record of a build is made under: change any part and every page is built again. */
export declare function siteRecordKey(parts: unknown): string;
/**
 * md5 of each file's bytes, read at most once per build (null: unreadable); and each lookup a record
 * repeats, made once per build (a figure's image shown on every page is looked up once, not per page).
 */
export declare class FileHashes {
    private readonly known;
    /** The build's lookups (the pages' shortcodes make theirs through it too: see PageReads.memo). */
    readonly lookups: LookupMemo;
    /** Each lookup's outcome (outcomeOf), by site directory. */
    private readonly outcomes;
    /** lookUpRecorded's lookups, by the places as records have them. */
    private readonly recorded;
    /** lookUpFile with its outcome hashed (outcomeOf), made at most once per build for the same places and name. */
    lookUp(site: SiteInfo, bases: readonly Place[], rel: string): {
        result: Lookup;
        outcome: string;
    };
    /** outcomeOf, once per lookup. */
    outcome(siteDir: string, result: Lookup): string;
    /** lookUp with the places as a record has them (relative to the site): the same lookup made again, once per build. */
    lookUpRecorded(site: SiteInfo, bases: readonly Place[], rel: string): {
        result: Lookup;
        outcome: string;
    };
    get(file: string): string | null;
}
/** What one page reads while it renders (see the module comment). */
export declare class PageReads {
    private readonly siteDir;
    private readonly hashes;
    readonly lookups: LookupRecord[];
    readonly images: {
        file: string;
        shown: string;
    }[];
    readonly markdownInner: Record<string, string | null>;
    /** The build's lookups, for the page's shortcodes to look up through (lookUpFile). */
    readonly memo: LookupMemo;
    constructor(siteDir: string, hashes: FileHashes);
    /** Called by lookUpFile (safe-path.ts) with every lookup a shortcode of this page makes. */
    readonly lookup: (bases: readonly Place[], relPath: string, result: Lookup) => void;
    image(file: string, shown: string): void;
}
/** Whether every file the record's page read is as it was (each lookup made again, each file found hashed). */
export declare function readsUnchanged(record: PageRecord, site: SiteInfo, hashes: FileHashes, markdownInner: ((name: string) => string | undefined) | undefined): boolean;
/**
 * The records of the previous build (those made under another site key are dropped) and those of this
 * one, which `save` writes.
 */
export declare class PageRecords {
    private readonly store;
    private readonly siteKey;
    private readonly previous;
    private readonly next;
    /** How many records the file held (undefined: no usable file). */
    private readonly previousCount;
    /** A record was set (not only carried over). */
    private changed;
    constructor(store: RecordStore, siteKey: string);
    /** The previous build's record of the page whose shadow is `id` (`<tree>/<path in the content tree>`). */
    get(id: string): PageRecord | undefined;
    set(id: string, record: PageRecord): void;
    /** Carries the previous record over unchanged (the page was kept). */
    carry(id: string): void;
    /**
     * Writes the records of this build (unchanged bytes are not rewritten). When every record of the file
     * was carried over as it was, and no other, the file already says what it would write: it is kept
     * without being made again.
     */
    save(): void;
}
