/**
 * One page in, its shadow and fragments out: pure apart from the renderers it is given. The shadow is the
 * original source byte for byte, except that each construct we own (a math span, one of our shortcodes)
 * is replaced by `{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`, the rendered fragment inline
 * (src/site/handoff.ts), plus heading ids, a summary divider and the page's extras after the body.
 */
import type { Diagnostic, ParsedPage } from './content/types.js';
import { type MathOptions } from './content/math.js';
import { pageBudget, type PageLimits } from './content/limits.js';
import { type HostServices } from './render/host.js';
import type { PageInfo, SiteInfo } from './render/types.js';
import type { MathRenderer } from './render/katex.js';
import { type EverywhereSettings } from './render/everywhere.js';
import type { PictureData } from './images/service.js';
import { type FigureLanguages, type FigureNumbering } from './site/config.js';
/** Shortcodes whose inner content is code: nothing inside them is math. */
export declare const CODE_SHORTCODES: Set<string>;
export interface PageSettings {
    math: MathOptions;
    /** Part of every fragment key, so changing a setting (macros, error mode) re-renders. */
    settingsKey: string;
    /** Heading ids, TOC, summaries (see src/render/everywhere.ts); Hugo's defaults when absent. */
    everywhere?: EverywhereSettings;
    /**
     * Names of our shortcodes that the site, a theme or a module has its own template for (e.g. a theme's
     * `figure`), with where that template is (site-relative): the site's template stays in charge, Hugo
     * renders those shortcodes and we leave them alone.
     */
    siteShortcodes?: ReadonlyMap<string, string>;
    /** The site's own figure template reads a `src-dark` parameter of its own (else ours is ignored there: a warning). */
    siteFigureTakesDark?: boolean;
    /**
     * With a site's own figure template: whether it asks for its images' responsive versions (it calls
     * `prerender/picture.html` or `image.html`, itself or through its partials), so that `build` makes them.
     */
    siteFigureImages?: boolean;
    /**
     * `raw`: where Hugo's own TOC shows a heading's id (headingMath not `shortcode`), the id of Hugo before
     * 0.144 is written (the Hugo that renders the site is one); else that of 0.144 and later.
     */
    headingIds?: 'raw';
    /**
     * Every shortcode name Hugo will find a template for (the site's, its themes', Hugo's and ours, spelled
     * as their templates are), when the site's layouts show them all; a shortcode of another name is a
     * warning, and so is one that differs from a template's name only in case.
     */
    shortcodeNames?: readonly string[];
    /** Hard limits per page (src/content/limits.ts); the defaults when absent. */
    limits?: PageLimits;
    /**
     * For a shortcode we leave to Hugo: the site's template for it when that template runs its inner
     * content through Markdown (`markdownify`, `RenderString`), else undefined.
     */
    markdownInner?: (name: string) => string | undefined;
    /** markup.goldmark.renderer.unsafe: whether Hugo's Markdown keeps raw HTML (our fragments). */
    unsafe?: boolean;
    /**
     * markup.goldmark.parser.attribute.block: Goldmark reads a line `{…}` under a block as that block's
     * attributes (math in one is left as written, as in a heading's attribute block).
     */
    blockAttributes?: boolean;
    /**
     * How math in a heading travels (Hugo builds .TableOfContents and .Fragments from the heading's
     * Markdown before it expands shortcodes): `html`, the fragment as raw HTML (unsafe = true: typeset in
     * the page and in Hugo's TOC); `text`, readable plain text (unsafe = false on a site whose templates
     * read .TableOfContents or .Fragments); `shortcode` (the default), like any other fragment.
     */
    headingMath?: 'html' | 'text' | 'shortcode';
    /**
     * What the site's RSS feeds show of a page: `summary` when every feed template is Hugo's own (it shows
     * `.Summary`) or reads nothing else of the content (see feedContentTemplates); `content` (the default)
     * otherwise. With `summary`, a page whose summary holds no math sends its fragments as `prerender-nofeed`
     * (no RSS variant: Hugo renders its content once, not again for the feed; see src/site/handoff.ts).
     */
    feeds?: 'content' | 'summary';
    /**
     * Markdown images (`![alt](photo.jpg)`) with a local image: `render`, each one we can serve becomes a
     * fragment (a `<picture>`, as a figure's image); `index`, an image render hook of the site's that asks
     * our partials for them stays in charge, and their versions go to images.json for it (build-page.ts);
     * absent, left alone.
     */
    markdownImages?: 'render' | 'index';
    /**
     * The site's (theme's, module's) image render hook, site-relative, where it renders Markdown images
     * (markdownImages is not `render`): math in an image's title, which it shows as written, is a warning.
     */
    imageHook?: string;
    /** Numbered figures and references (params.prerender.figures); the defaults when absent. */
    figures?: FigureNumbering;
    /** A multilingual site's figure settings by language, over `figures` (the page's language: PageInfo.lang, else its file name). */
    figureLanguages?: FigureLanguages;
}
export interface Fragment {
    key: string;
    /**
     * The fragment as it travels in the shadow: inline-safe (src/render/inline-safe.ts), with its feed
     * variant after FEED_SPLIT when it has math; on a page whose math no feed shows (`prerender-nofeed`), a
     * formula typeset for that page is its page part alone.
     */
    html: string;
    kind: 'math' | 'shortcode';
    /**
     * Rendering it reported diagnostics. Such a fragment is never reused by a later build, which reports
     * them again instead of hiding them behind a cache hit.
     */
    noisy?: boolean;
}
/** One formula of the page and what became of it (for `hugo-prerender check`). */
export interface FormulaReport {
    start: number;
    end: number;
    line: number;
    column: number;
    display: boolean;
    /** The TeX given to KaTeX (Markdown escapes undone, MathJax-only commands emulated). */
    tex: string;
    /** KaTeX's message when it could not be typeset. */
    error?: string;
}
/**
 * A formula outside the page's text: in a shortcode's parameters or inner content (a caption, a label), in
 * a title, description or front-matter summary. Where it is written: the parameter or front-matter field.
 */
export interface OtherFormula {
    line: number;
    column: number;
    tex: string;
    display: boolean;
    /** The shortcode's name, or the front-matter field (`title`, `linktitle`, `description`, `summary`). */
    where: string;
    /** KaTeX's message when it could not be typeset. */
    error?: string;
}
export interface PageResult {
    /** Every formula located in the text, in source order. */
    formulas: FormulaReport[];
    /** Every formula of the page outside its text that was typeset (a shortcode from the cache is not). */
    otherFormulas?: OtherFormula[];
    /** The shadow text, or undefined when the page owns nothing (Hugo reads the original). */
    shadow?: string;
    fragments: Fragment[];
    /** md5 of a title, linkTitle or description with math → its HTML (needed with or without a shadow). */
    titles: Map<string, string>;
    diagnostics: Diagnostic[];
    /** True when the page has an error: the build exits 1. */
    failed: boolean;
    /**
     * True when that error means this page's output must not be published (a page Hugo cannot parse, a
     * shortcode that failed, a limit). A formula KaTeX rejects does not hold its page back: the page is
     * written with that formula left as the author's TeX.
     */
    held?: boolean;
    stats: {
        formulas: number;
        figures: number;
        shortcodes: number;
        cacheHits: number;
    };
    parsed: ParsedPage;
    /** With markdownImages `index`: the page's Markdown images that have responsive versions, by destination (for images.json). */
    imageEntries?: Record<string, PictureData>;
}
export interface PageEnv {
    page: PageInfo;
    site: SiteInfo;
    settings: PageSettings;
    renderer: MathRenderer;
    /** What a formula KaTeX rejects does: fail the page, or render KaTeX's error span with a warning. */
    errorMode: 'fail' | 'render';
    services: HostServices;
    /** md5 of the original file's bytes (defaults to the md5 of `source` encoded as UTF-8). */
    sourceMd5?: string;
    /** The original's site-relative path for the staleness check, when not `page.relPath` (see build-page.ts readablePath). */
    checkPath?: string;
    /**
     * The fragment for this key as an earlier build (or an earlier page of this build) produced it, ready to
     * travel (Fragment.html); undefined: render it. Noisy fragments must not be offered.
     */
    cached?: (key: string) => string | undefined;
    /** The page's time and memory budget (content/limits.ts pageBudget); one from the page limits when absent. */
    budget?: ReturnType<typeof pageBudget>;
    /**
     * Without an image service (`check`): Markdown images are still looked up, and a bundle's missing one
     * is a warning, as build says; none is made.
     */
    lookUpImagesOnly?: boolean;
}
/** How many diagnostics of one code a page reports; past it, one more says how many were left out. */
export declare const DIAGNOSTICS_PER_CODE = 50;
/**
 * A page's diagnostics with at most DIAGNOSTICS_PER_CODE of each code, in their order: the rest become one
 * diagnostic at the first one left out, saying how many (an error if any of them is). A page of 200,000
 * mojibake sequences printed as many warnings, and spreading them into the build's list overflowed the
 * stack (an internal error instead of the page).
 */
export declare function capDiagnostics(diagnostics: Diagnostic[], perCode?: number): Diagnostic[];
export declare function prerenderPage(source: string, env: PageEnv): Promise<PageResult>;
