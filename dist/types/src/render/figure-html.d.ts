/** What goes into the figure; `…Html` fields are trusted markup, everything else plain text. */
export interface FigureHtmlInput {
    src: string;
    link?: string;
    target?: string;
    rel?: string;
    /** Plain text; `undefined` means no `alt` attribute at all (Hugo's behaviour without alt and caption). */
    alt?: string;
    /** Plain text, shown as `<h4>` in the figcaption. */
    title?: string;
    /** The `id` of the `<figure>` (a usable id: src/render/figure-numbers.ts FIGURE_ID). */
    id?: string;
    /** The figure's number (`<span class="hp-figure-number">Figure 2:</span>`), trusted markup, in front of the caption. */
    numberHtml?: string;
    captionHtml?: string;
    attrHtml?: string;
    /** URL wrapping the attribution. */
    attrlink?: string;
    width?: string;
    height?: string;
    class?: string;
    loading?: string;
    decoding?: string;
    /**
     * Responsive versions (src/images): the `<img>` gets `srcset` and `sizes` and is wrapped in `<picture>`
     * with one `<source>` per modern format, best first. `src` is then the fallback's largest version.
     */
    picture?: {
        sources: {
            type: string;
            srcset: string;
        }[];
        srcset: string;
        sizes: string;
        placeholder?: string;
    };
    /**
     * The image shown instead when the page is dark (`src-dark`): both images are written, the light one
     * with class hp-light-only, this one with hp-dark-only (on the `<picture>` when there is one), and
     * prerender.css shows the one that matches the page (DARK_MODE_CSS). Same alt, loading and decoding.
     */
    dark?: {
        src: string;
        width?: string;
        height?: string;
        picture?: FigureHtmlInput['picture'];
    };
}
/** html/template's escaping of a plain string in text and in quoted attributes. */
export declare function escapeHtmlGo(s: string): string;
/**
 * html/template's URL filter: a URL with a scheme other than http, https or mailto becomes
 * `#ZgotmplZ` (so `javascript:` and `data:` never reach the page).
 */
export declare function isSafeUrlGo(url: string): boolean;
/** Whether `src` points into the site rather than elsewhere (`http:`, `data:`, `//host/…`). */
export declare function isLocalSrc(src: string): boolean;
export declare const UNSAFE_URL = "#ZgotmplZ";
/**
 * html/template's URL normaliser: percent-encodes (lower-case hex, UTF-8) every byte that is neither
 * unreserved nor reserved in RFC 3986, keeping existing `%xx` escapes.
 */
export declare function normalizeUrlGo(url: string): string;
/** A URL attribute value as html/template writes it: filtered, normalised, escaped. */
export declare function urlAttrGo(url: string): string;
/** One image as a figure (ours, or a Markdown image) shows it: `<img>`, in `<picture>` with responsive versions. */
export interface ImageHtmlInput {
    src: string;
    picture?: FigureHtmlInput['picture'];
    /** Plain text; `undefined` means no `alt` attribute at all (an empty one is written). */
    alt?: string;
    /** The alt on a line of its own (`\n\t\t\talt="…"`), as Hugo's figure writes it. */
    altOnItsLine?: boolean;
    /** Plain text (a Markdown image's title). */
    title?: string;
    width?: string;
    height?: string;
    loading?: string;
    decoding?: string;
    /** On the `<picture>` when there is one, else on the `<img>`. */
    class?: string;
}
export declare function imageHtml(v: ImageHtmlInput): string;
export declare function figureHtml(f: FigureHtmlInput): string;
