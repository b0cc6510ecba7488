/**
 * Feeds (RSS) load no KaTeX stylesheet, so KaTeX's `htmlAndMathml` output would show every formula twice
 * there. layouts/shortcodes/prerender.rss.xml keeps only the MathML of each formula (TeX moved to
 * `alttext`), derived from the fragment with regular expressions, in linear time: KaTeX elements nest
 * spans, so the build marks where each one ends with FEED_MARKER, and the template removes the
 * `katex-html` rendering up to that marker.
 */
export declare const FEED_MARKER = "<!--/katex-->";
/** The opening tag of a KaTeX element (outermost: `katex-display`, or `katex` for inline math). */
export declare const KATEX_OPEN: RegExp;
/** The index just after the `</span>` closing the span opened at `start`, or -1. */
export declare function spanEnd(html: string, start: number): number;
/** `html` with FEED_MARKER after each KaTeX element (outermost: `katex-display` or `katex`). */
export declare function markKatexEnds(html: string): string;
