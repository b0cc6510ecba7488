/**
 * What posts written for MathJax use and KaTeX lacks, emulated page by page before KaTeX sees the TeX
 * (measured on fixtures/corpus: `\label`/`\eqref`/`\ref`, `_\boldsymbol{…}`, MathJax's lenient array
 * column specs; `multline`, `eqnarray` and `flalign`, which KaTeX does not have):
 * - equation numbering across the page in the order the rendered page shows the formulas (footnotes
 *   last, as Goldmark puts them), as MathJax 3's AMS numbering: every row of an unstarred
 *   equation, align, gather, alignat, flalign or eqnarray gets the next number (`\nonumber` and `\notag`
 *   rows none, `\tag{…}` rows their own), multline one number on its last line, an empty last row (a
 *   trailing `\\`) none, written out as `\tag{n}` in the starred form, so numbers do not depend on CSS
 *   counters; `\label{x}` records its row's number (or `\tag`, starred environments too), and
 *   `\eqref{x}` and `\ref{x}` anywhere on the page become `(n)` and `n`;
 * - `_\cmd…` and `^\cmd…` with a command that takes arguments (`x_\boldsymbol\mu`, `y^\overrightarrow{AB}`,
 *   `x_\operatorname*{max}`), or a page's or site's macro whose body is one such command (`\nabla_\vtheta`
 *   with `\vtheta` → `\boldsymbol{\theta}`): MathJax takes the command and its arguments as the script,
 *   KaTeX wants braces, which they get;
 * - `\begin{array}{…}` column specs become what KaTeX takes (l, c, r, `|`, `:`): `*{n}{…}` expanded,
 *   `p{…}`, `m{…}`, `b{…}` as l, other letters (which MathJax ignores) as c, `@{…}`, `!{…}`, `>{…}`,
 *   `<{…}` and an optional `[t]` left out (see adaptArrays);
 * - `multline` becomes `gather` (each line centred instead of the first left and the last right),
 *   `flalign` becomes `align` (centred instead of spread to the margins) and `eqnarray` becomes `align`
 *   with its middle column joined to the right-hand side (`a &=& b` as `a &= b`).
 * Each change that alters what the reader sees is reported as a warning at the formula.
 */
export interface AdaptedFormula {
    tex: string;
    warnings: string[];
}
/** The index just after the `}` closing the group that starts at `open` (a `{`), or -1. */
export declare function groupEnd(tex: string, open: number): number;
/**
 * `formulas`: the page's, in document order, each with the page's macro definitions it is typeset with
 * (render/page-macros.ts); `siteMacros`: params.prerender.katex.macros.
 */
export declare function adaptForKatex(formulas: readonly {
    tex: string;
    preamble?: string;
}[], siteMacros?: Readonly<Record<string, string>>, 
/** `none`: no automatic numbers (MathJax 3's default, tags: 'none'); `\tag{…}` still numbers its row. */
numbering?: 'ams' | 'none', 
/**
 * The order the rendered page shows the formulas in (indices into `formulas`), which MathJax numbers
 * them in: the body's, then the footnotes' (content/footnotes.ts renderedOrder). A formula left out of
 * it is not on the rendered page (in a footnote no text refers to): it takes no number, and its labels
 * refer to nothing. Absent: the order of `formulas`.
 */
order?: readonly number[]): AdaptedFormula[];
