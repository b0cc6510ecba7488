/**
 * What posts written for MathJax use and KaTeX lacks, emulated page by page before KaTeX sees the TeX
 * (measured on fixtures/corpus: `\label`/`\eqref`/`\ref`, `_\boldsymbol{…}`, MathJax's lenient array
 * column specs; `multline`, which KaTeX does not have):
 * - equation numbering across the page, as MathJax's AMS numbering: every row of an unstarred
 *   equation, align, gather, alignat, flalign, eqnarray or multline gets the next number (`\nonumber`
 *   and `\notag` rows none, `\tag{…}` rows their own), written out as `\tag{n}` in the starred form, so
 *   numbers do not depend on CSS counters; `\label{x}` records the row's number, and `\eqref{x}` and
 *   `\ref{x}` anywhere on the page become `(n)` and `n`;
 * - `_\cmd{…}` and `^\cmd{…}` with a one-argument command (MathJax takes the command and its argument as
 *   the script; KaTeX wants braces) get braces;
 * - `\begin{array}{…}` column letters other than l, c, r (which MathJax ignores) become c;
 * - `multline` becomes `gather` (each line centred instead of the first left and the last right).
 * Each change that alters what the reader sees is reported as a warning at the formula.
 */
export interface AdaptedFormula {
    tex: string;
    warnings: string[];
}
/** The index just after the `}` closing the group that starts at `open` (a `{`), or -1. */
export declare function groupEnd(tex: string, open: number): number;
export declare function adaptForKatex(formulas: readonly {
    tex: string;
}[]): AdaptedFormula[];
