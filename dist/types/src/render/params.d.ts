/**
 * Declarative shortcode parameters: one table per shortcode gives each parameter's type, default and
 * documentation. The host validates what the author wrote against it (a bad value is a diagnostic that
 * names the valid values), and the README's parameter tables are generated from the same table.
 */
import type { ParamValue } from '../content/types.js';
interface Base<T> {
    doc: string;
    default?: T;
    /** When true, a missing value is an error. */
    required?: boolean;
}
/**
 * What a text parameter is drawn as, for a warning where what it holds would be drawn as written: `tex`, a
 * diagram's TeX-like label (`\\mathbf{x}`, never in `$…$`); `text`, words with `$math$`; `tokens`, words
 * separated by spaces, drawn as written but for `_` and `^` scripts.
 */
export type LabelKind = 'tex' | 'text' | 'tokens';
export interface StringSpec extends Base<string> {
    type: 'string';
    label?: LabelKind;
}
export interface BoolSpec extends Base<boolean> {
    type: 'bool';
}
export interface IntSpec extends Base<number> {
    type: 'int';
    min?: number;
    max?: number;
}
export interface NumberSpec extends Base<number> {
    type: 'number';
    min?: number;
    max?: number;
}
export interface EnumSpec<V extends string = string> extends Base<V> {
    type: 'enum';
    values: readonly V[];
}
/**
 * Comma-separated strings: `panels="one-to-one,many-to-one"`. `values` restricts the items, `min` and
 * `max` their count; `item` names one in messages (`panel`; default `item`).
 */
export interface ListSpec extends Base<string[]> {
    type: 'list';
    values?: readonly string[];
    min?: number;
    max?: number;
    item?: string;
    label?: LabelKind;
}
/** Comma-separated numbers: `radius="0.9,1.0,1.1"`. min/max bound each number; minItems/maxItems the count. */
export interface NumberListSpec extends Base<number[]> {
    type: 'numbers';
    min?: number;
    max?: number;
    minItems?: number;
    maxItems?: number;
}
export type ParamSpec = StringSpec | BoolSpec | IntSpec | NumberSpec | EnumSpec | ListSpec | NumberListSpec;
export type ParamSpecs = Record<string, ParamSpec>;
type ValueOf<S extends ParamSpec> = S extends EnumSpec<infer V> ? V : S extends StringSpec ? string : S extends BoolSpec ? boolean : S extends IntSpec | NumberSpec ? number : S extends ListSpec ? string[] : S extends NumberListSpec ? number[] : never;
/** Parameters with a default (or required) are always present; others may be undefined. */
export type ParamValues<P extends ParamSpecs> = {
    [K in keyof P]: P[K] extends {
        default: unknown;
    } | {
        required: true;
    } ? ValueOf<P[K]> : ValueOf<P[K]> | undefined;
};
export interface ParamProblem {
    param: string;
    message: string;
    /** The parameter is not in the table at all (as opposed to a bad or missing value). */
    unknown?: true;
    /** Parameters written without names (`param` is empty). */
    positional?: true;
}
/** Human description of the accepted values, for error messages and the README. */
export declare function describeSpec(spec: ParamSpec): string;
/**
 * Checks raw Hugo-typed params against the specs. Unknown names, positional params, wrong types and
 * missing required values become problems; the returned values have defaults filled in (a bad value
 * falls back to its default so rendering can continue and report everything at once).
 */
export declare function validateParams<P extends ParamSpecs>(specs: P, raw: ParamValue[] | Record<string, ParamValue>): {
    values: ParamValues<P>;
    problems: ParamProblem[];
};
/**
 * The `id` parameter of every shortcode of ours that renders one `<figure>` (FIGURE_PARAMS and figure's):
 * the host numbers such figures and resolves references to them (src/render/figure-numbers.ts).
 */
export declare const FIGURE_ID_PARAM: {
    readonly type: "string";
    readonly doc: "Id of the `<figure>` (a letter, then letters, digits and `_`, with `-`, `.` or `:` between them: `fig-lstm`); `@fig-lstm` in the text then links to it, and the figure is numbered (see Numbered figures).";
};
/** Parameters every figure-like shortcode accepts, rendered like Hugo's `figure`. */
export declare const FIGURE_PARAMS: {
    readonly caption: {
        readonly type: "string";
        readonly doc: "Caption below the figure; Markdown and math allowed.";
    };
    readonly alt: {
        readonly type: "string";
        readonly doc: "Accessible name; defaults to the caption as plain text, else a generated description.";
    };
    readonly class: {
        readonly type: "string";
        readonly doc: "CSS class(es) on the `<figure>` element.";
    };
    readonly id: {
        readonly type: "string";
        readonly doc: "Id of the `<figure>` (a letter, then letters, digits and `_`, with `-`, `.` or `:` between them: `fig-lstm`); `@fig-lstm` in the text then links to it, and the figure is numbered (see Numbered figures).";
    };
};
/**
 * What a label parameter holds that would be drawn as written, silently (see LabelKind), or undefined:
 * an unbalanced brace, a `$` in a TeX label or a token, a `$` never closed, a TeX command in a token.
 */
export declare function labelProblem(kind: LabelKind, text: string): string | undefined;
export {};
