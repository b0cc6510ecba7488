/**
 * A micromark extension (and its mdast counterpart) that recognises TeX math between configurable
 * delimiters, as one atomic construct, the way code spans are: whatever the opener reaches first wins,
 * and nothing inside (`_`, `*`, `<b>`, `\,`) is Markdown.
 *
 * remark-math's own syntax is not used because its rules differ from what Hugo sites are written for:
 * it has no currency rule (`$5 and $10` is math there), `$$` inside a line is inline math there, and it
 * knows no `\(…\)`/`\[…\]`. This extension produces two node types, `mathSpan` (phrasing) and
 * `mathBlock` (flow), each with the delimiter as written and whether it is display math.
 *
 * Rules:
 * - Text level: every configured pair. An opener is tried where micromark tries constructs (so never
 *   inside code spans, HTML, autolinks or after a backslash escape); the content runs to the first
 *   closer, may cross line endings inside the paragraph, and must not be blank. A backslash inside
 *   the content takes the next character with it (`\$` and `\\` never close), like TeX and Pandoc.
 * - `dollarRule` pairs (the default `$…$`): the opener is not followed by whitespace. Like MathJax, whom
 *   such posts were written for, the first `$` closes (`$\varepsilon $` and `$x$1` are formulas), except
 *   after an opener followed by a digit: that first `$` must then be preceded by no whitespace and
 *   followed by no digit, or the opener is a price (`$5 and $10`, `From $5 to $10, and $x$`).
 * - Runs of the opener's character are matched exactly: `$` never opens or closes inside `$$`.
 * - Flow level: a display opener at the start of a line (≤ 3 spaces of indentation) starts a block
 *   that may contain blank lines and lines that would otherwise be lists, quotes or headings; it must
 *   close, and only whitespace may follow the closer on its line. Otherwise the line is ordinary text
 *   and the text-level rule applies.
 */
import type { Extension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';
/** One pair of delimiters. */
export interface DelimiterPair {
    open: string;
    close: string;
    display: boolean;
    /** Apply Pandoc's currency rule (only sensible for a single `$`). */
    dollarRule?: boolean;
}
/** Inline math, or display math written inside a line/paragraph (`$$…$$` mid-sentence). */
export interface MathSpanNode extends Literal {
    type: 'mathSpan';
    display: boolean;
    delimiter: string;
}
/** Display math standing as a block of its own. */
export interface MathBlockNode extends Literal {
    type: 'mathBlock';
    display: true;
    delimiter: string;
}
declare module 'mdast' {
    interface PhrasingContentMap {
        mathSpan: MathSpanNode;
    }
    interface BlockContentMap {
        mathBlock: MathBlockNode;
    }
    interface RootContentMap {
        mathSpan: MathSpanNode;
        mathBlock: MathBlockNode;
    }
}
declare module 'micromark-util-types' {
    interface TokenTypeMap {
        mathSpan: 'mathSpan';
        mathBlock: 'mathBlock';
        mathMarker: 'mathMarker';
        mathData: 'mathData';
    }
}
/**
 * Thrown out of the parse when a page has more inline formulas than `maxSpans` (a limit, checked while
 * parsing: a page of 40,000 formulas would otherwise cost the whole parse and a gigabyte first).
 */
export declare class TooManyFormulas extends Error {
    readonly offset: number;
    constructor(offset: number);
}
/**
 * Runs `parse` with at most `maxSpans` inline formulas: past that, TooManyFormulas is thrown.
 * `document`: the whole Markdown being parsed (offsets in the parse are offsets into it).
 */
export declare function withSpanBudget<T>(maxSpans: number, parse: () => T, document?: string): T;
/**
 * Test hooks: `enabled: false` turns the memo off, `lookahead: false` the closer lookahead (see
 * `parsing`), to compare against the unoptimised scan.
 */
export declare const mathSyntaxMemo: {
    enabled: boolean;
    lookahead: boolean;
};
/**
 * Splits pairs sharing a first character into groups in which no opener is a prefix of another, so that
 * at most one pair of a group can match at a position: each group is one micromark construct that reads
 * the opener through a trie. micromark tries every construct of a character with a state save and
 * closures of its own, and the defaults have 31 openers starting with a backslash (the environments):
 * one construct per pair made a page of 40,000 `\(` cost 1.2 million attempts (issue 14). A pair whose
 * opener extends another's (`$$` and `$`) goes in an earlier group, so longer openers are still tried
 * first, as with one construct per pair sorted by length.
 */
export declare function openerGroups(pairs: readonly DelimiterPair[]): DelimiterPair[][];
/** The micromark extension for the given delimiter pairs (see withSpanBudget for a formula limit). */
export declare function mathSyntax(pairs: readonly DelimiterPair[]): Extension;
/** The mdast-util-from-markdown extension turning the tokens into `mathSpan`/`mathBlock` nodes. */
export declare function mathFromMarkdown(pairs: readonly DelimiterPair[]): FromMarkdownExtension;
