export interface PageMacroResult {
    /** The formula with its definitions blanked out. */
    tex: string;
    /** The definitions in effect that the formula uses, as TeX to put before it (often ''). */
    preamble: string;
    /** True when the formula held definitions and nothing else: it typesets to nothing. */
    definitionsOnly: boolean;
    warnings: string[];
}
/**
 * The page's formulas, in document order, with definitions carried forward. `maxChars` bounds a
 * formula's preamble (its definitions beyond it are left out and reported).
 */
export declare function carryPageMacros(formulas: readonly {
    tex: string;
}[], maxChars: number): PageMacroResult[];
/**
 * For copies of the page's math shown elsewhere (a heading in the table of contents, the summary, a title
 * with math): each copy gets the page's definitions it uses, as of the end of the page, as MathJax would
 * have them by the time such a copy is typeset. Only the formulas that define something are read again.
 */
export declare function pageMacrosForCopies(formulas: readonly {
    tex: string;
}[], maxChars: number): (tex: string) => PageMacroResult;
