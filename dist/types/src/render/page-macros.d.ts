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
