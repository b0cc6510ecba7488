import type { Root } from 'mdast';
import type { Diagnostic, MathSpan } from './types.js';
import { LineIndex } from './position.js';
import { type DelimiterPair } from './math-syntax.js';
export interface MathOptions {
    /**
     * Hugo's `markup.goldmark.extensions.passthrough.delimiters`. When given, these and only these are
     * math delimiters, with passthrough's semantics (no currency rule).
     */
    delimiters?: {
        inline: [string, string][];
        block: [string, string][];
    };
    /**
     * `markdown`: the page was written for Markdown-then-MathJax (ox-hugo, Blackfriday-era themes):
     * `\\(`/`\\[` are the delimiters and Markdown's backslash escapes inside math are removed.
     * `auto` (default): both `\(` and `\\(` are delimiters, and a page whose formulas show Markdown
     * escapes (`\\(`, `x\_i`, `\\\\`) has them removed. `none`: TeX exactly as written.
     */
    escapes?: 'auto' | 'none' | 'markdown';
    /** Wrapper shortcodes declared by the site (params.prerender.math.wrappers), beside the known ones. */
    wrappers?: Record<string, 'tex' | 'math'>;
    /**
     * `none` (params.prerender.math.numbering): no automatic equation numbers, as MathJax 3 by default
     * (tags: 'none'); `\tag{…}` still numbers its row. Absent: AMS numbering (render/mathjax-compat.ts).
     */
    numbering?: 'none';
    /**
     * A fenced code block of language `math` is a display formula: on a site whose code block render
     * hook for `math` renders the formula itself (Doks' asks a web API: page-settings.ts).
     */
    fences?: boolean;
}
export interface Range {
    start: number;
    end: number;
}
export interface LocateMathOptions {
    /** Offset where the Markdown body starts (front matter before it is never math). */
    bodyOffset: number;
    /** Ranges of the original source that are not Markdown here (shortcode tags, code-like shortcodes…). */
    masked: Range[];
    math?: MathOptions;
    /** For diagnostics. */
    file?: string;
    /**
     * The formulas limit: the parse stops at the first inline formula past it, and `tooMany` is where that
     * formula starts (formulas are also counted after the parse; this bounds what a page can cost).
     */
    maxFormulas?: number;
    /** The source's line index, if the caller has one already (built for the same text). */
    lines?: LineIndex;
    /**
     * Whether Markdown images are looked for in the tree (prerender-page.ts): a leaf block holding `![` is
     * then never masked out of a large page's parse (see quietPlainText).
     */
    images?: boolean;
    /** Likewise for references to figures (`@fig-lstm`, render/figure-numbers.ts): a leaf block holding `@`. */
    refs?: boolean;
}
/**
 * Environments MathJax typesets outside any delimiters (processEnvironments) that KaTeX knows as
 * display math: each is a delimiter pair of its own, `\begin{name}` … `\end{name}`.
 */
export declare const MATH_ENVIRONMENTS: string[];
/** The delimiter pairs in force for these options (the same array again for the same options object). */
export declare function delimiterPairs(opts?: MathOptions): readonly DelimiterPair[];
/**
 * Same-length filler for masked ranges: a letter per character. Line endings, spaces and tabs are
 * kept, and so are the `>` markers that start a line, so a range spanning lines (a multi-line
 * shortcode or escape inside a list item, a quote or an indented fence) leaves the Markdown
 * structure around it intact: filling a continuation line's indentation would end the list item and
 * turn its fence's closing line into an opening one that swallows the rest of the page. `keep` are
 * further characters left as they are.
 */
export declare function applyMask(body: string, bodyOffset: number, masked: readonly Range[], keep?: string): string;
/**
 * applyMask over every character of `body` (ranges in any order, overlapping); `atLineStart`: `body`
 * starts a line. Exported for the test that compares applyMask with it.
 */
export declare function maskChars(body: string, bodyOffset: number, masked: readonly Range[], keep: string, atLineStart?: boolean): string;
/**
 * Test hook: bodies of at least `minChars` characters, with at least `minQuietShare` of them on lines
 * without a significant character, get their math-free paragraphs masked (see quietPlainText).
 */
export declare const plainTextMask: {
    minChars: number;
    minQuietShare: number;
};
/** The block structure of `markdown` alone (every text-level construct off: cheap), as mdast. */
export declare function blockStructure(markdown: string): Root;
/** Test hook: with `enabled` false every parse has all of GFM's constructs and its transform in place; `force` picks a variant. */
export declare const literalVariants: {
    enabled: boolean;
    force?: number;
};
/**
 * Whether a line of `markdown` could be a GFM table's delimiter row: micromark's table takes one only
 * if it holds nothing but spaces, tabs, `-`, `:` and `|` after its container prefix (`>` and
 * indentation), with at least one `-` and at least one `|` or `:`. Linear, no regular expression (a
 * hostile line of dashes must not backtrack).
 */
export declare function mayHaveDelimiterRow(markdown: string): boolean;
/**
 * Parses a Markdown string with GFM and the math syntax for `pairs` (none: GFM alone). What remark-parse
 * with remark-gfm does, with the extensions set up once: a page, its headings and its captions are many
 * small parses. `disable`: micromark constructs turned off, by name. `maxSpans`: the parse stops with
 * TooManyFormulas at the first inline formula past it.
 */
export declare function parseMarkdownWithMath(markdown: string, pairs: readonly DelimiterPair[], disable?: readonly string[], maxSpans?: number): Root;
/** How many Markdown parses, of how many characters in all, since start (tests: one parse per page). */
export declare const markdownParses: {
    count: number;
    chars: number;
};
export declare function locateMath(source: string, opts: LocateMathOptions): {
    spans: MathSpan[];
    diagnostics: Diagnostic[];
    tree?: Root;
    inlineTree?: Root;
    tooMany?: number;
};
/**
 * Maps an offset into `span.tex` (e.g. KaTeX's error position) back to an offset in the original
 * source. Where the page's macros or MathJax's numbering rewrote the TeX (`span.located` holds it as
 * located), the offset goes back through that rewriting first. The TeX as located differs from the
 * source where Markdown stripped container prefixes (`> `, list indentation), where CRLF became LF and
 * where Markdown escapes were removed, so the two are aligned character by character, skipping source
 * characters the TeX does not have. An environment is its own delimiter: its TeX starts where it does.
 */
export declare function texOffsetToSource(source: string, span: MathSpan, texOffset: number): number;
