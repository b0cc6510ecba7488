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
/** Reports a formula KaTeX rejected; a warning when the site renders such formulas as error spans. */
export type MathReport = (message: string, severity?: 'error' | 'warning') => void;
export interface HostServices {
    math(tex: string, display: boolean, report: MathReport): string;
    markdown(md: string, report: MathReport): string;
    plainText(md: string): string;
    /** Responsive images for figures; a build without them leaves it out. */
    images?: ImageService;
    /** The most bytes one shortcode may produce (params.prerender.limits.fragmentBytes). */
    fragmentBytes?: number;
}
/**
 * The services every shortcode gets, from one KaTeX renderer: math, captions (Markdown with math) and
 * plain text. A formula KaTeX rejects is reported through the caller's reporter, at the shortcode: an
 * error, or with `errors: 'render'` (the renderer's mode too) a warning, as for formulas in the text.
 */
export declare function createHostServices(renderer: MathRenderer, opts?: {
    unsafe?: boolean;
    errors?: 'fail' | 'render';
    fragmentBytes?: number;
}): HostServices;
type Reporter = (message: string, opts?: {
    param?: string;
    code?: string;
}) => void;
/** Parameter problems as diagnostics: errors, except unknown names where the definition only warns. */
export declare function reportParamProblems(def: ShortcodeDefinition<any>, problems: readonly ParamProblem[], error: Reporter, warn: Reporter): void;
export interface HostResult {
    html: string;
    diagnostics: Diagnostic[];
    /** True when an error was reported: the fragment must not be published as if it were fine. */
    failed: boolean;
}
export declare function renderShortcode(def: ShortcodeDefinition<any>, sc: Shortcode, env: {
    page: PageInfo;
    site: SiteInfo;
    idPrefix: string;
    services: HostServices;
    occurrence?: number;
}): Promise<HostResult>;
export {};
