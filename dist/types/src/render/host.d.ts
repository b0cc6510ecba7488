/**
 * The shortcode host: turns one parsed shortcode that we own into an HTML fragment. It validates the
 * parameters against the definition's table, gives the definition a RenderContext whose reporters point
 * at the shortcode's (or the parameter's) place in the original file, and never lets a definition's bug
 * escape as an exception: a throw becomes an error diagnostic at the shortcode.
 */
import type { Diagnostic, Shortcode } from '../content/types.js';
import { type ParamProblem } from './params.js';
import type { PageInfo, ShortcodeDefinition, SiteInfo } from './types.js';
import type { MathRenderer } from './katex.js';
import type { ImageService } from '../images/service.js';
import { type FigureLabel, type ReferenceTargets } from './figure-numbers.js';
/** One formula of a shortcode (a caption's, a label's), typeset or not: KaTeX's message when not. */
export interface TypesetFormula {
    tex: string;
    display: boolean;
    error?: string;
    /** KaTeX's notices about it (strict-mode reports, `\require`), when it was typeset. */
    warnings?: string[];
}
/** Told of every formula a shortcode's text holds (src/render/host.ts reports the failed ones). */
export type MathSink = (formula: TypesetFormula) => void;
export interface HostServices {
    /**
     * `raw`: the formula as written (delimiters included), shown in its place when KaTeX rejects it and the
     * site does not render errors; the TeX alone when absent.
     */
    math(tex: string, display: boolean, sink: MathSink, raw?: string): string;
    markdown(md: string, sink: MathSink): string;
    /** `render`: a formula KaTeX rejects shows KaTeX's red error span and is a warning; `fail`: an error. */
    errors: 'fail' | 'render';
    plainText(md: string): string;
    /** Responsive images for figures; a build without them leaves it out. */
    images?: ImageService;
    /** The most bytes one shortcode may produce (params.prerender.limits.fragmentBytes). */
    fragmentBytes?: number;
}
/**
 * The services every shortcode gets, from one KaTeX renderer: math, captions (Markdown with math) and
 * plain text. Every formula goes to the caller's sink (renderShortcode reports a failed one at the
 * shortcode's parameter: an error, or with `errors: 'render'`, the renderer's mode too, a warning, as
 * for formulas in the text). A formula KaTeX rejects stays as written, as in the text, unless the site
 * renders errors: one bad formula in a caption never holds back its figure or its page.
 */
export declare function createHostServices(renderer: MathRenderer, opts?: {
    unsafe?: boolean;
    errors?: 'fail' | 'render';
    fragmentBytes?: number;
}): HostServices;
type Reporter = (message: string, opts?: {
    param?: string;
    code?: string;
    at?: number;
}) => void;
/** Parameter problems as diagnostics: errors, except unknown names where the definition only warns. */
export declare function reportParamProblems(def: ShortcodeDefinition<any>, problems: readonly ParamProblem[], error: Reporter, warn: Reporter): void;
/** A formula of a shortcode where it is written: the parameter's place, else the shortcode's. */
export interface ShortcodeFormula extends TypesetFormula {
    line: number;
    column: number;
    offset: number;
}
export interface HostResult {
    html: string;
    diagnostics: Diagnostic[];
    /** True when an error was reported: the build exits 1. */
    failed: boolean;
    /**
     * True when an error other than a formula KaTeX rejected was reported: the fragment must not be
     * published as if it were fine (its page keeps its previous output). A rejected formula stays as written.
     */
    held: boolean;
    /** Every formula of its parameters and inner content (captions, labels), in the order typeset. */
    formulas: ShortcodeFormula[];
}
export declare function renderShortcode(def: ShortcodeDefinition<any>, sc: Shortcode, env: {
    page: PageInfo;
    site: SiteInfo;
    idPrefix: string;
    services: HostServices;
    occurrence?: number;
    /** For a figure-like shortcode: its id and number (src/render/figure-numbers.ts). */
    figure?: FigureLabel;
    /** The page's figure ids → their labels, for `@id` in the shortcode's captions. */
    references?: ReferenceTargets;
    /** Line and column of an offset in the page's source: a problem inside the inner content is reported where it is. */
    locate?: (offset: number) => {
        line: number;
        column: number;
    };
}): Promise<HostResult>;
export {};
