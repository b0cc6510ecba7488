import 'katex/contrib/mhchem';
import { type PageLimits } from '../content/limits.js';
/** The KaTeX version whose CSS and fonts must be shipped with the output. */
export declare const KATEX_VERSION: string;
export interface MathRenderResult {
    /** KaTeX's markup; with `errors: 'render'` KaTeX's red error span when the TeX is invalid, else ''. */
    html: string;
    /** The problem, when the TeX could not be typeset. `texOffset` indexes the tex string given. */
    error?: {
        message: string;
        texOffset?: number;
    };
    /** Strict-mode reports (LaTeX-incompatible input), `\require` removals and other notices. */
    warnings: MathWarning[];
    /** Taken from the renderer's cache: typeset earlier in this build (on this page or another). */
    cached?: boolean;
}
/** A notice about a formula that was typeset; `texOffset` (into the tex given) where KaTeX says where. */
export interface MathWarning {
    message: string;
    texOffset?: number;
}
export interface MathRenderer {
    /**
     * `preamble`: TeX typeset before `tex` in the same formula (the page's macro definitions it uses, see
     * render/page-macros.ts); error offsets still index `tex`, and the MathML alttext holds `tex` alone.
     */
    render(tex: string, display: boolean, preamble?: string): MathRenderResult;
    stats(): {
        rendered: number;
        cacheHits: number;
    };
    /** The site's own macros (params.prerender.katex.macros), as given. */
    readonly siteMacros: Readonly<Record<string, string>>;
}
export interface MathRendererOptions {
    /** `\name` → expansion, as KaTeX's `macros` option. */
    macros?: Record<string, string>;
    /** `fail`: an invalid formula renders nothing (the caller fails the page); `render`: KaTeX's error span. */
    errors?: 'fail' | 'render';
    /**
     * KaTeX's strict-mode reports (LaTeX-incompatible input): `warn` (default) returns them as warnings,
     * `error` fails the formula on the first (as a formula KaTeX rejects: see `errors`), `ignore` drops them.
     */
    strict?: 'warn' | 'error' | 'ignore';
    /** Work and size limits per formula (src/limits.ts); the defaults when absent. */
    limits?: Partial<Pick<PageLimits, 'mathExpansions' | 'mathMaxSize' | 'mathTokens' | 'fragmentBytes'>>;
}
/** The error for a formula over params.prerender.limits.mathExpansions, whose value is `limit`. */
export declare function expansionLimitMessage(limit: number): string;
export declare function createMathRenderer(opts?: MathRendererOptions): MathRenderer;
