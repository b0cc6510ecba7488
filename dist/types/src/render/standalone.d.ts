/**
 * Renders one of our shortcodes outside a Hugo page: for scripts (the example site's PNG figures are made
 * this way), for other tools, and for tests. Parameters are given as Hugo would type them.
 */
import type { Diagnostic, ParamValue } from '../content/types.js';
export interface StandaloneOptions {
    inner?: string;
    /** Directory that stands for the site root (for shortcodes that read files). Default: the cwd. */
    siteDir?: string;
    /** KaTeX macros, as in params.prerender.katex.macros. */
    macros?: Record<string, string>;
}
export declare function renderStandalone(name: string, params: Record<string, ParamValue>, opts?: StandaloneOptions): Promise<{
    html: string;
    diagnostics: Diagnostic[];
}>;
