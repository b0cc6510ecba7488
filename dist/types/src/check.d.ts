import type { Diagnostic } from './content/types.js';
import { type ConfigSelection } from './site/config.js';
import type { FormulaReport, OtherFormula } from './prerender-page.js';
export interface PageCheck {
    /** Site-relative path, `/`-separated. */
    file: string;
    /** Every formula located in the page's text (with its error when KaTeX rejected it). */
    formulas: FormulaReport[];
    /** Every formula outside the text: captions, labels, titles, descriptions, a front-matter summary. */
    otherFormulas: OtherFormula[];
    /** Formulas found, in the text and outside it. */
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
    /** The config file, when it does not mount `.prerender/content` (as build's result says it). */
    unmounted?: string;
}
export interface CheckOptions {
    /** Overrides `params.prerender.errors`: how a formula KaTeX rejects is reported (as `build` reports it). */
    errors?: 'fail' | 'render';
    /** Which config files to read (Hugo's environment, --config); a build's defaults when absent. */
    config?: ConfigSelection;
    /** The hugo binary the site is built with, where its version matters (as build's `hugo`); default: `hugo` on PATH. */
    hugo?: string;
}
export declare function checkSite(source: string, opts?: CheckOptions): Promise<CheckResult>;
/** The report `hugo-prerender check` prints: one line per page with formulas or problems, then the total. */
export declare function formatCheck(r: CheckResult, opts: {
    formatDiagnostic: (d: Diagnostic) => string;
}): string;
