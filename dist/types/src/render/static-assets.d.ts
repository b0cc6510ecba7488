export interface StaticWriter {
    writeStatic(relPath: string, data: Buffer | string): void;
}
export declare const DARK_MODE_CSS: string;
export declare const TAG_CSS: string;
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
