/**
 * A formula as readable plain text, from the MathML KaTeX wrote: `h_{t-1}` → "hₜ₋₁", `x^2` → "x²",
 * `\frac{a}{b+1}` → "a/(b + 1)", `\tanh z` → "tanh z". Unicode sub- and superscripts where every
 * character has one, else `_(…)` / `^(…)`; spaces around relations and binary operators.
 *
 * Used where a formula must be Markdown text (a heading on a site whose Hugo drops raw HTML: Hugo builds
 * `.TableOfContents` and `.Fragments` from the heading's Markdown, before any shortcode is expanded).
 */
/** The first formula of KaTeX's output `html` as plain text; null when it has no MathML. */
export declare function mathText(html: string): string | null;
/**
 * Plain text as Markdown that Goldmark renders as the same text whatever the site's extensions: every
 * ASCII punctuation character as a numeric character reference (no emphasis, link, passthrough
 * delimiter, typographer quote or dash, and no `{{` for Hugo's shortcode lexer).
 */
export declare function markdownText(s: string): string;
/**
 * KaTeX's HTML as raw inline HTML that Goldmark (with unsafe = true) passes through as it is: the text
 * between tags (the MathML's) with its ASCII punctuation as character references, so that no Markdown
 * inline syntax, passthrough delimiter or typographer rule applies to it. Tags are left alone: Goldmark
 * does not read inside them.
 */
export declare function markdownSafeHtml(html: string): string;
