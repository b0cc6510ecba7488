import type { Diagnostic } from './content/types.js';
import { type PageSettings } from './prerender-page.js';
import { type SiteConfig, type SiteLanguages } from './site/config.js';
import { createMathRenderer } from './render/katex.js';
import { type HostServices } from './render/host.js';
import type { SiteInfo } from './render/types.js';
import { FileHashes } from './site/page-records.js';
import type { ImageService } from './images/service.js';
import { type PageSettingsOfSite } from './page-settings.js';
import { type PageJob, type PageOutcome } from './page-outcome.js';
export { internalOutcome, invalidUtf8, type PageJob, type PageOutcome } from './page-outcome.js';
export { pageSettings } from './page-settings.js';
export { prerenderPage } from './prerender-page.js';
/** What every page of a site is prerendered with: the math renderer and shortcode services, and the settings (page-settings.ts). */
export declare function pageServices(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render', light?: PageSettingsOfSite): {
    settings: PageSettings;
    site: SiteInfo;
    diagnostics: Diagnostic[];
    renderer: import("./render/katex.js").MathRenderer;
    services: HostServices;
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
    /** Whether the site's own figure template or image render hook renders images (theirs go to images.json). */
    imageIndex: boolean;
    hashes: FileHashes;
    memo: FragmentMemo;
    /**
     * A multihost site whose languages are served below other paths: the site's URL base of image variants
     * and each such language's (see languageImageBases); absent otherwise.
     */
    imageBases?: {
        site: string;
        byLanguage: Record<string, string>;
        languages: SiteLanguages;
    };
}
/**
 * Shortcode fragments (figures, diagrams, plots) rendered by earlier pages, reused by later ones: bounded,
 * so that a large site's fragments are not all held at once. Formulas are not held here: the renderer's
 * own cache (render/katex.ts) already has each recent one, and holding them twice, each fragment
 * promoted to the old generation and dropped later, is what made a large cold build's memory grow: 3000
 * posts of the bench, cold, --jobs 1, peak RSS 254-280 -> 218-219 MB on Node 20 and 437-441 -> 342-343 MB
 * on Node 24, the same CPU.
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
}, light?: PageSettingsOfSite, hashes?: FileHashes): PageContext;
/**
 * The directory of the page bundle a content file heads (`index.md`, `_index.md`, `index.fr.md`), where
 * its resources are; undefined for a page that is not a bundle.
 */
export declare function bundleDirOf(abs: string): string | undefined;
/** Prerenders one page (see the module comment). Never throws for a page's own problems. */
export declare function renderPage(job: PageJob, ctx: PageContext): Promise<PageOutcome>;
/** Whether a page's fragments hold a figure's dark image (src-dark), which only prerender.css hides (build and check). */
export declare function hasDarkImage(fragments: readonly {
    kind: string;
    html: string;
}[]): boolean;
