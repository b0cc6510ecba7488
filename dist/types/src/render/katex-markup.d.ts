/**
 * Draws the glyphs of KaTeX's HTML rendering; appended to the KaTeX stylesheet the build writes.
 *
 * Its second part is for a copy of a formula that lost its `<math>` and its `data-c` attributes to an
 * HTML sanitizer: Hugo 0.169's `.TableOfContents` keeps of a heading's raw HTML only some elements
 * (`span`, not `math`) and of their attributes only `class` (measured; 0.111.3 keeps everything). There
 * the HTML rendering is empty and the MathML's letters are left as text in `.katex-mathml`, which KaTeX's
 * stylesheet hides: they are shown instead (Doks' table of contents, tests/integration/theme-doks.test.ts).
 */
export declare const GLYPH_CSS: string;
/**
 * Classes whose `::before` KaTeX's stylesheet uses itself: their text goes into a child span. The bundle's
 * KaTeX keeps the same list (scripts/katex-plugin.mjs, OWN_BEFORE_CLASSES; katex-plugin.test compares them).
 */
export declare const OWN_BEFORE_CLASSES: readonly ["stretchy", "eqn-num", "mml-eqn-num"];
/**
 * `html` (KaTeX's output, possibly several formulas) with each formula as text once: see above. Text
 * outside KaTeX's elements is left alone; so is markup that is not KaTeX's. `glyphsLeft` false: KaTeX
 * wrote every glyph of its HTML rendering as a data-c attribute already (the bundle's KaTeX does for a
 * glyph in a span of its own, and says when it left any as text: scripts/katex-plugin.mjs), so only the
 * TeX moves.
 */
export declare function oneTextCopy(html: string, glyphsLeft?: boolean): string;
