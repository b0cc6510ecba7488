/** Draws the glyphs of KaTeX's HTML rendering; appended to the KaTeX stylesheet the build writes. */
export declare const GLYPH_CSS = "\n/* hugo-prerender: the glyphs of KaTeX's HTML rendering are in data-c (src/render/katex-markup.ts) */\n.katex .katex-html [data-c]::before{content:attr(data-c)}\n";
/**
 * `html` (KaTeX's output, possibly several formulas) with each formula as text once: see above. Text
 * outside KaTeX's elements is left alone; so is markup that is not KaTeX's.
 */
export declare function oneTextCopy(html: string): string;
