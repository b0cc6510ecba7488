import type { Diagnostic } from './content/types.js';
import { type PageSettings } from './prerender-page.js';
import { type SiteConfig } from './site/config.js';
import { createMathRenderer } from './render/katex.js';
import { type HostServices } from './render/host.js';
import type { SiteInfo } from './render/types.js';
import { FileHashes, type LookupRecord } from './site/page-records.js';
import type { PictureData, ImageService } from './images/service.js';
/** A page to prerender: where it is, its bytes as the build read them, the fragments of its previous shadow. */
export interface PageJob {
    abs: string;
    relPath: string;
    relToContent: string;
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
    /** Whether its titles, and its fragments, hold KaTeX HTML and figures. */
    titlesHave: {
        math: boolean;
        figure: boolean;
    };
    fragmentsHave: {
        math: boolean;
        figure: boolean;
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
/** What every page of a site is prerendered with: the math renderer, shortcode services and settings. */
export declare function pageServices(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render'): {
    renderer: import("./render/katex.js").MathRenderer;
    services: HostServices;
    settings: PageSettings;
    site: SiteInfo;
    diagnostics: Diagnostic[];
};
/**
 * Everything pages are prerendered with in one thread: the site's services, the hashes of files pages
 * read, and the fragments earlier pages of this thread rendered.
 */
export interface PageContext {
    siteDir: string;
    errorMode: 'fail' | 'render';
    services: HostServices;
    settings: PageSettings;
    site: SiteInfo;
    renderer: ReturnType<typeof createMathRenderer>;
    outputBytes: number;
    /** The image pipeline (or a stand-in for it in a worker), when images are on. */
    images?: ImageService;
    /** Whether the site's own figure template renders figures (their images go to images.json). */
    imageIndex: boolean;
    hashes: FileHashes;
    memo: FragmentMemo;
}
/**
 * Fragments rendered by earlier pages, reused by later ones (a formula on many pages is typeset once):
 * bounded, so that a large site's fragments are not all held at once.
 */
export declare class FragmentMemo {
    private readonly limit;
    private readonly map;
    private chars;
    constructor(limit?: number);
    get(key: string): string | undefined;
    add(key: string, html: string): void;
}
export declare function createPageContext(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render', images: {
    service?: ImageService;
    index: boolean;
}, base?: ReturnType<typeof pageServices>): PageContext;
/**
 * The first byte sequence that is not UTF-8, as a position. Hugo expects UTF-8; such a file is decoded
 * with U+FFFD in place of the bad bytes, so its shadow would not be the original byte for byte.
 */
export declare function invalidUtf8(bytes: Uint8Array): {
    line: number;
    column: number;
    byte: number;
} | undefined;
/** Prerenders one page (see the module comment). Never throws for a page's own problems. */
export declare function renderPage(job: PageJob, ctx: PageContext): Promise<PageOutcome>;
/**
 * The outcome of a page that could not be prerendered because of a bug (an exception, a worker thread
 * that died under it): an error that says so, no record (the next build tries the page again).
 */
export declare function internalOutcome(relPath: string, why: string): PageOutcome;
