import type { Diagnostic } from './content/types.js';
import { type FormulaReport } from './prerender-page.js';
export interface PageCheck {
    /** Site-relative path, `/`-separated. */
    file: string;
    /** Every formula located on the page (with its error when KaTeX rejected it). */
    formulas: FormulaReport[];
    found: number;
    typeset: number;
    /** Warnings and errors about the page (TeX left raw, unknown commands…). */
    diagnostics: Diagnostic[];
}
export interface CheckResult {
    pages: PageCheck[];
    found: number;
    typeset: number;
    /** Problems that concern the site rather than a page (an unreadable config). */
    diagnostics: Diagnostic[];
}
export declare function checkSite(source: string): Promise<CheckResult>;
/** The report `hugo-prerender check` prints: one line per page with formulas or problems, then the total. */
export declare function formatCheck(r: CheckResult, opts: {
    formatDiagnostic: (d: Diagnostic) => string;
}): string;
