export interface StaleCheck {
    md5: string;
    /** The original's path from the site root (backticks removed: the value is a raw string). */
    path: string;
}
/**
 * The fragment shortcodes: `prerender` has a variant for RSS (prerender.rss.xml), `prerender-nofeed` none.
 * (`prerender-html`, the same with the feed variant in its inner content, is what builds wrote before: its
 * template stays, so that such a shadow renders right until the next build, and the cache reads it.)
 */
export type FragmentShortcode = 'prerender' | 'prerender-nofeed';
/**
 * hugo-prerender's own shortcodes (layouts/shortcodes): only the shadows the build writes may use them. In
 * a page's own text they would print their inner content as HTML (a guest post's script), or pass for the
 * build's page block: the build reports them and leaves them out of the page's shadow.
 */
export declare const OWN_SHORTCODES: ReadonlySet<string>;
/**
 * Whether a shortcode name is one of OWN_SHORTCODES as Hugo finds a template for it: in any case (Hugo
 * 0.169 takes `PRERENDER-NOFEED` for `prerender-nofeed`), and after any namespace (0.111.3 takes
 * `shortcodes/prerender` for ours).
 */
export declare function isOwnShortcodeName(name: string): boolean;
/**
 * `/prerender/i`, which V8 ran at about 8 ns a character on a page holding anything outside ASCII (32 µs
 * for the seed post, over 100 ms of a cold build of 1000 posts), against 0.4 ns for this; the same
 * matches (without the `u` flag, `i` folds no character outside ASCII onto one inside it).
 */
export declare const MENTIONS_PRERENDER: RegExp;
/**
 * Where each tag of our own shortcodes is in a text (OWN_TAG, to the end of the tag; a tag whose end is
 * missing, its opening alone, which is what makes it a shortcode), in order, not overlapping.
 */
export declare function ownTagRanges(text: string): {
    start: number;
    end: number;
}[];
/**
 * Text joined piece by piece, with a space between two pieces where they would make `{{<` or `{{%` across
 * the seam: the text on each side of something the build left out (a formula of definitions only, a tag
 * of ours cut) must not join into a tag that Hugo would run (`{{$\def\a{1}$< prerender >}}`). In time
 * linear in the pieces' length: the last two characters are kept apart, as reading the end of a string
 * built with `+` makes V8 copy all of it (70 ms of a cold build of 1000 posts, with one such read a piece).
 */
export declare class JoinedText {
    private readonly parts;
    /** The last two characters so far. */
    private tail;
    add(piece: string): this;
    toString(): string;
}
/** The offset of the first tag of our own shortcodes in a text (see OWN_TAG), or -1. */
export declare function ownTagAt(text: string): number;
/** What an error at a tag of our own shortcodes in a page starts with. */
export declare const OWN_SHORTCODE_MESSAGE = "hugo-prerender's own shortcodes (prerender, prerender-nofeed, \u2026) may be used only by the prerendered copies it writes";
/**
 * A page's text with every tag of our own shortcodes cut out (its line breaks kept), wherever it is (Hugo
 * lexes shortcodes in code blocks too), or undefined when it has none. What is written for a page that
 * failed before it had a shadow: Hugo would otherwise render its original, and run them. A tag whose
 * end is missing loses its opening alone, which is what makes it a shortcode.
 */
export declare function cutOwnTags(text: string): string | undefined;
/**
 * `newlines`: how many line breaks the construct it replaces spanned. They go inside the opening tag
 * (Hugo's lexer allows whitespace before `>}}`), where they change nothing Hugo renders, so every line
 * after it keeps its number in the shadow and Hugo's messages point at the original's lines.
 */
export declare function fragmentOpen(key: string, check?: StaleCheck, newlines?: number, name?: FragmentShortcode): string;
/**
 * `inline` must have gone through inlineFragment (a travelling fragment: with its feed variant after
 * FEED_SPLIT when it has math). `prerender-nofeed` has no RSS template, so nothing would ever print that
 * variant: it is left out, and layouts/shortcodes/prerender-nofeed.html prints its inner content as it is
 * (no split per fragment, a shorter shadow for Hugo to read). shadowFragments derives it back.
 */
export declare function inlineShortcode(key: string, inline: string, check?: StaleCheck, newlines?: number, name?: FragmentShortcode): string;
/**
 * Fragments inside a shortcode of the site whose content Hugo runs through its Markdown again (written
 * `{{% %}}`, or a template that markdownifies its inner content), where Goldmark drops raw HTML
 * (`unsafe = false`): the whole shortcode goes inside `{{< prerender-md >}}`, its fragments first, each
 * as the usual `prerender` (or `prerender-nofeed`) shortcode followed by the split marker, then the shortcode with each fragment
 * replaced by a token (plain letters, which Markdown leaves alone). layouts/shortcodes/prerender-md.html
 * runs Hugo's Markdown where Hugo would have (`md`: a top-level `{{% %}}`, written `{{< >}}` inside the
 * wrapper, its output rendered as Hugo renders it), then puts each fragment in place of its token. The
 * wrapper is a `{{< >}}` shortcode: Hugo inserts its output after the page's Markdown pass.
 */
export declare const WRAP_CLOSE = "{{< /prerender-md >}}";
/**
 * The wrapper's split marker and tokens hold a nonce: the md5 of the page's source (the build writes it
 * as the wrapper's `n`). A page cannot hold the md5 of its own text, so no author can write a marker or a
 * token the wrapper would act on (a marker written in the shortcode moved its raw HTML into a fragment's
 * place; a token in a link title, or in a caption, put a fragment's HTML into an attribute).
 */
export declare function wrapSplit(nonce: string): string;
/**
 * What a fragment of a wrapper stands for where a template put its token inside a tag (a figure's caption
 * as its image's alt): `text`, the formula as written, after the fragment and this marker. Escaped for an
 * attribute value, and written so that the shortcode lexer and the shadow's lines see no `{{` and no line
 * break. Without it, a token inside a tag becomes nothing.
 */
export declare function wrapAttribute(text: string, nonce: string): string;
/** The token standing for the i-th fragment of a wrapper. */
export declare function wrapToken(i: number, nonce: string): string;
/**
 * Link reference definitions the wrapper renders with the shortcode's Markdown (src/content/link-defs.ts):
 * first in its inner content, each followed by WRAP_REF (the template puts a line break for each), those to
 * go before the Markdown, then WRAP_REFS_AFTER and those to go after it, then WRAP_REFS_END. They hold no
 * line break, so the shadow's lines keep their numbers.
 */
export declare const WRAP_REFS = "<!--hugo-prerender:refs-->";
export declare const WRAP_REF = "<!--hugo-prerender:ref-->";
export declare const WRAP_REFS_AFTER = "<!--hugo-prerender:refs-after-->";
export declare const WRAP_REFS_END = "<!--/hugo-prerender:refs-->";
/**
 * `fragments`: each the output of inlineShortcode. `md`: how Hugo renders the wrapped shortcode's output as
 * Markdown, if it does. `defs`: one-line link reference definitions its Markdown needs from the page.
 */
export declare function wrapOpen(fragments: readonly string[], nonce: string, md?: 'block' | 'inline', defs?: {
    before: readonly string[];
    after: readonly string[];
}): string;
/** The definitions that plain Hugo's page has from wrapped shortcodes, after the body (after a blank line: blocks of their own). */
export declare function appendDefinitions(shadow: string, defs: readonly string[]): string;
/**
 * The fragments of a shadow this module wrote: key → inline HTML as it travels (a `prerender-nofeed`
 * fragment with its feed variant derived again, as the build makes it: the cache may serve it to a page
 * sent as `prerender`).
 */
export declare function shadowFragments(shadow: string): Map<string, string>;
/**
 * A JSON string literal that neither Hugo's shortcode lexer nor an HTML or Go template context can misread.
 * A lone surrogate (JSON front matter may hold `\\ud800`) becomes U+FFFD, as Go decodes it: JSON.stringify
 * would write it as an escape that Go's template parser rejects, failing the whole site.
 */
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
