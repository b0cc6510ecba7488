export interface StaticWriter {
    writeStatic(relPath: string, data: Buffer | string): void;
}
export declare const DARK_MODE_CSS: string;
export declare const TAG_CSS: string;
/**
 * On paper nothing scrolls: a figure that keeps a legible width on a phone and scrolls sideways there
 * (`.hp-scroll`, src/render/figure-wrap.ts: a 16-step rnn-unroll, a 20 × 30 attention map) was cut off at
 * the page's edge. In print its inner box gives up that width (an inline style, hence !important) and the
 * SVG scales down to the printable width, as every other figure does.
 */
export declare const PRINT_CSS: string;
/** Styles every page with our fragments may need; small, and scoped to our class names and font names. */
export declare const PRERENDER_CSS: string;
/**
 * Where the KaTeX stylesheet and fonts are: in the bundle's folder (dist/katex, copied by the build from the
 * KaTeX that was bundled), or, when running from source, the installed katex package.
 */
export declare function katexDistDir(): {
    dir: string;
    version: string;
};
/**
 * Writes prerender.css always; with math, KaTeX's stylesheet and all its fonts; with figures (any SVG),
 * at least the fonts that prerender.css serves to them.
 */
export declare function copyStaticAssets(out: StaticWriter, opts: {
    math: boolean;
    figures?: boolean;
}): void;
