/**
 * How fragments travel to Hugo: inside the shadow page itself, never as one template each (Hugo parses
 * every template when it starts, at a cost that grows faster than their number).
 *
 * - Each construct we own becomes `{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`; the first one of
 *   a page also carries the staleness check: `{{< prerender k="KEY" md5="…" src=`content/x.md` >}}`.
 *   FRAGMENT went through inlineFragment (no `{{`, no newline), so the shortcode lexer cannot misread it;
 *   the line breaks of the construct it replaces go inside the opening tag, before `>}}`, so the shadow
 *   keeps every line where the original has it (Hugo's messages name the original's lines). A fragment with math is followed, inside the same
 *   shortcode, by `<!--hugo-prerender:feed-->` and its MathML-only variant (src/render/feed.ts):
 *   layouts/shortcodes/prerender.html prints the part before the marker, prerender.rss.xml the part after.
 * - On a page whose math no feed shows (PageSettings.feeds), the shortcode is `prerender-html` instead:
 *   the same fragment, the part before the marker printed in every output format. Hugo renders a page's
 *   content a second time for RSS only when one of its shortcodes has an RSS template of its own, and
 *   that second rendering was most of what Hugo spent on a prerendered site beyond its plain build.
 * - Per-page extras (the typeset table of contents, its variant with Hugo 0.144+'s ids, a front-matter
 *   summary with math) travel as one `{{< prerender-page >}}JSON{{< /prerender-page >}}` after the end of
 *   the body; it prints nothing, and partials/prerender/toc.html and summary.html read it from
 *   `.RawContent`. Inside JSON strings `<`, `>`, `&`, `{` and `}` are written as `\u00XX`.
 * - Titles and descriptions with math are needed on other pages too (lists, `.Description`): one
 *   site-wide `.prerender/layouts/partials/prerender/titles.html` returns a dict md5 of the text → HTML.
 *
 * The same module reads them back: an earlier shadow's fragments are the cache of the next build.
 */
export interface StaleCheck {
    md5: string;
    /** The original's path from the site root (backticks removed: the value is a raw string). */
    path: string;
}
/** The fragment shortcodes: `prerender` has a variant for RSS (prerender.rss.xml), `prerender-html` none. */
export type FragmentShortcode = 'prerender' | 'prerender-html';
/**
 * `newlines`: how many line breaks the construct it replaces spanned. They go inside the opening tag
 * (Hugo's lexer allows whitespace before `>}}`), where they change nothing Hugo renders, so every line
 * after it keeps its number in the shadow and Hugo's messages point at the original's lines.
 */
export declare function fragmentOpen(key: string, check?: StaleCheck, newlines?: number, name?: FragmentShortcode): string;
/** `inline` must have gone through inlineFragment. */
export declare function inlineShortcode(key: string, inline: string, check?: StaleCheck, newlines?: number, name?: FragmentShortcode): string;
/**
 * Fragments inside a shortcode of the site whose content Hugo runs through its Markdown again (written
 * `{{% %}}`, or a template that markdownifies its inner content), where Goldmark drops raw HTML
 * (`unsafe = false`): the whole shortcode goes inside `{{< prerender-md >}}`, its fragments first, each
 * as the usual `prerender` (or `prerender-html`) shortcode followed by WRAP_SPLIT, then the shortcode with each fragment
 * replaced by a token (plain letters, which Markdown leaves alone). layouts/shortcodes/prerender-md.html
 * runs Hugo's Markdown where Hugo would have (`md`: a top-level `{{% %}}`, written `{{< >}}` inside the
 * wrapper, its output rendered as Hugo renders it), then puts each fragment in place of its token. The
 * wrapper is a `{{< >}}` shortcode: Hugo inserts its output after the page's Markdown pass.
 */
export declare const WRAP_SPLIT = "<!--hugo-prerender:frag-->";
export declare const WRAP_CLOSE = "{{< /prerender-md >}}";
/** The token standing for the i-th fragment of a wrapper. */
export declare function wrapToken(i: number): string;
/** `fragments`: each the output of inlineShortcode. `md`: how Hugo renders the wrapped shortcode's output as Markdown, if it does. */
export declare function wrapOpen(fragments: readonly string[], md?: 'block' | 'inline'): string;
/** The fragments of a shadow this module wrote: key → inline HTML. */
export declare function shadowFragments(shadow: string): Map<string, string>;
/** A JSON string literal that neither Hugo's shortcode lexer nor an HTML or Go template context can misread. */
export declare function safeJsonString(s: string): string;
export interface PageExtras {
    /** The typeset table of contents (`<nav id="TableOfContents">…`). */
    toc?: string;
    /** The same with the ids Hugo 0.144+ gives, when they differ. */
    tocPlain?: string;
    /** The front-matter summary, rendered with its math. */
    summary?: string;
}
export declare function hasExtras(x: PageExtras): boolean;
/** The `prerender-page` shortcode appended after the body; with the staleness check if no fragment has it. */
export declare function pageBlock(x: PageExtras, check?: StaleCheck): string;
/** The shadow with the page block after the body, after a blank line: a paragraph of its own (no line of the body moves). */
export declare function appendPageBlock(shadow: string, block: string): string;
/** `.prerender/layouts/partials/prerender/titles.html`: md5 of a text → its HTML, sorted, one per line. */
export declare function titlesTemplate(titles: ReadonlyMap<string, string>): string;
/** Reads titlesTemplate's output back. */
export declare function parseTitlesTemplate(text: string): Map<string, string>;
