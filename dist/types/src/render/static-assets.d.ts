export interface StaticWriter {
    writeStatic(relPath: string, data: Buffer | string): void;
}
/** Styles every page with our fragments may need; small, and scoped to our class names. */
export declare const PRERENDER_CSS = "/* hugo-prerender: layout for prerendered math and figures */\n.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.1em 0; }\n.katex { text-rendering: auto; }\n.hp-figure { margin: 1.5rem auto; max-width: 100%; }\n.hp-figure > svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }\n.hp-figure > figcaption { margin-top: 0.5rem; }\n.hp-figure details { margin-top: 0.5rem; font-size: 0.85em; text-align: left; }\n.hp-figure table { border-collapse: collapse; margin: 0.5rem auto; font-variant-numeric: tabular-nums; }\n.hp-figure th, .hp-figure td { padding: 0.15em 0.6em; border-bottom: 1px solid color-mix(in srgb, currentColor 25%, transparent); text-align: right; }\n";
/**
 * Where the KaTeX stylesheet and fonts are: next to the bundle (dist/katex, copied by the build from the
 * KaTeX that was bundled), or, when running from source, the installed katex package.
 */
export declare function katexDistDir(): {
    dir: string;
    version: string;
};
export declare function copyStaticAssets(out: StaticWriter, opts: {
    math: boolean;
}): void;
