/**
 * What goes into and comes out of one page of a build (src/build-page.ts renders it): plain data, the
 * same whichever thread made it. Kept apart from the renderer, so that a build whose pages are all
 * unchanged never loads KaTeX, Markdown or the shortcodes.
 */
import type { Diagnostic } from './content/types.js';
import type { LookupRecord } from './site/page-records.js';
import type { PictureData } from './images/service.js';
/** A page to prerender: where it is, its bytes as the build read them, the fragments of its previous shadow. */
export interface PageJob {
    abs: string;
    relPath: string;
    relToContent: string;
    /** The language of its content root (a language's own contentDir, a mount's), when it has one. */
    lang?: string;
    bytes: Uint8Array;
    /** Key → fragment of the shadow the previous build wrote for this page (PrerenderOutput.previousFragments). */
    previous: [string, string][];
}
/** What became of a page: everything the build writes or records for it. */
export interface PageOutcome {
    /** The page's diagnostics, in the order a build reports them (kept in its record). */
    diagnostics: Diagnostic[];
    /** prerenderPage threw: `diagnostics` ends with the internal error; nothing else is set. */
    internal?: boolean;
    /** The page's output must not be published: the build keeps what it had. */
    held: boolean;
    /** The shadow to write; undefined when the page owns nothing (or is held). */
    shadow?: string;
    /** Its fragments' keys, in order, and those whose rendering reported diagnostics. */
    keys: string[];
    noisy: string[];
    /** Titles with math: md5 → HTML. */
    titles: [string, string][];
    stats: {
        formulas: number;
        figures: number;
        shortcodes: number;
        cacheHits: number;
    };
    /** Whether its titles, and its fragments, hold KaTeX HTML and figures (SVG); its fragments, a figure's dark image (`src-dark`). */
    titlesHave: {
        math: boolean;
        figure: boolean;
    };
    fragmentsHave: {
        math: boolean;
        figure: boolean;
        dark?: boolean;
    };
    /** What the page read besides its source (its record's lookups, images, markdownInner). */
    reads: {
        lookups: LookupRecord[];
        images: {
            file: string;
            shown: string;
        }[];
        markdownInner: Record<string, string | null>;
    };
    /** For .prerender/images.json, when the site's own figure template renders figures. */
    imageEntries?: Record<string, PictureData>;
}
/**
 * The first byte sequence that is not UTF-8, as a position. Hugo expects UTF-8; such a file is decoded
 * with U+FFFD in place of the bad bytes, so its shadow would not be the original byte for byte.
 */
export declare function invalidUtf8(bytes: Uint8Array): {
    line: number;
    column: number;
    byte: number;
} | undefined;
/**
 * The outcome of a page that could not be prerendered because of a bug (an exception, a worker thread
 * that died under it): an error that says so, no record (the next build tries the page again).
 */
export declare function internalOutcome(relPath: string, why: string): PageOutcome;
/** An outcome with nothing in it yet but these diagnostics. */
export declare function emptyOutcome(diagnostics: Diagnostic[]): PageOutcome;
