/**
 * Plain text with math (a page title, a description): the text HTML-escaped as Hugo prints `.Title`,
 * each formula typeset. Titles are not Markdown, so only the math delimiters mean anything here.
 */
import type { DelimiterPair } from '../content/math-syntax.js';
export interface TextMathSpan {
    start: number;
    end: number;
    tex: string;
    display: boolean;
}
/** The formulas in a one-line text, with the page's delimiters (`\$` is a literal dollar). */
export declare function findTextMath(text: string, pairs: readonly DelimiterPair[]): TextMathSpan[];
/** Text as HTML shows it, as Go's html/template escapes text. */
export declare function escapeHtml(s: string): string;
/** The HTML for `text` with its math typeset (inline), or null when it has no math. */
export declare function textWithMathHtml(text: string, pairs: readonly DelimiterPair[], renderMath: (tex: string, display: boolean, raw: string) => string): string | null;
