/**
 * Where a page's summary ends, for pages whose automatic summary would show math or a figure badly.
 *
 * Hugo 0.111.3 makes an automatic summary from the PLAIN text of the rendered page, so a formula
 * becomes its MathML's text (src/render/katex-markup.ts), untypeset.
 * Hugo 0.134+ keeps the HTML of whole paragraphs instead. A `<!--more-->` divider makes the summary
 * "manual" in both: the rendered HTML before it, formulas typeset. So when the author gave neither a
 * divider nor a front-matter summary and there is math within the first `summaryLength` words, the
 * shadow gets a divider after the top-level block in which the count reaches `summaryLength` (Hugo
 * 0.134+'s own rule: whole paragraphs), or after the last block when the page is shorter. So it does,
 * before the reader's words reach `summaryLength`, in front of a figure, diagram or plot of ours that
 * follows some text (automaticSummary). Words are counted on the text a reader sees, a formula counting
 * as one word, and on a page in a CJK language as Hugo counts them there (summaryWords).
 */
import type { Root } from 'mdast';
import type { Range } from '../content/math.js';
/**
 * The summary divider as the shadow writes it: at the end of a block's last line, no newline added, so
 * the shadow keeps the original's line numbers (which Hugo's messages name). Hugo's lexer takes the
 * divider out with the whitespace after it and separates the blocks itself (measured with 0.111.3 and
 * 0.169.0 after a paragraph, a list, a blockquote, a table, a fenced code block, raw HTML, at the end
 * of the file: the same content and summary as with the divider on a line of its own).
 */
export declare const SUMMARY_DIVIDER = "<!--more-->";
/**
 * Chinese, Japanese or Korean text: Hugo's test (hugolib/page__meta.go cjkRe, 0.111.3 and 0.169.0) of
 * whether a page of a site with `hasCJKLanguage` is in such a language.
 */
export declare const CJK_TEXT: RegExp;
/**
 * The words of `text` as Hugo counts them for a summary: each run between white space is one, except, on
 * a page in a CJK language, a run with any character outside ASCII, which counts its characters
 * (0.111.3's TruncateWordsByRune, 0.134+'s ExtractSummaryFromHTML: 200 Chinese characters in a row are
 * 200 words, not one).
 */
export declare function summaryWords(text: string, cjk: boolean): number;
/**
 * The offset (into the source) at which to insert SUMMARY_DIVIDER, or null when the automatic summary
 * holds no math and runs into no figure (Hugo's own is fine then). `tree` is the page body parsed with
 * math, offsets relative to `bodyOffset`; a divider never goes inside one of the `shortcodes` ranges (it
 * moves after it); `figures` are the figures, diagrams and plots of ours (see automaticSummary).
 */
export declare function summaryDividerOffset(tree: Root, bodyOffset: number, summaryLength: number, shortcodes?: readonly Range[], figures?: readonly Range[], cjk?: boolean): number | null;
/**
 * Where the page's automatic summary ends (an offset into the source, after the block in which the word
 * count reaches `summaryLength`, Hugo 0.134+'s rule, never inside one of the `shortcodes`; null for an
 * empty body), whether math comes before it, and whether it stops before a figure. A figure, diagram or
 * plot of ours (`figures`) after some text ends the summary before it (`figure: true`): counted as Hugo
 * counts the rendered page, its caption and the words of its drawing (labels, the description) would
 * fill the summary with a figure or, shown as plain text, with its labels run together. One before any
 * text but headings stays in it, as any other leading block. Hugo 0.111.3's automatic summary is
 * plain text: no markup of a fragment reaches it, whatever its length.
 */
export declare function automaticSummary(tree: Root, bodyOffset: number, summaryLength: number, shortcodes?: readonly Range[], figures?: readonly Range[], cjk?: boolean): {
    end: number | null;
    math: boolean;
    figure: boolean;
    definitionsEnd?: number;
};
