/**
 * Declarative shortcode parameters: one table per shortcode gives each parameter's type, default and
 * documentation. The host validates what the author wrote against it (a bad value is a diagnostic that
 * names the valid values), and the README's parameter tables are generated from the same table.
 */
import type { ParamValue } from '../content/types.js';
import { closestKey } from './closest-name.js';
import { braceProblem } from '../content/braces.js';

/** `did you mean "steps"? ` for a misspelled name (stpes), else nothing. */
function suggestion(key: string, known: readonly string[]): string {
  const close = closestKey(key, known);
  return close ? `did you mean "${close}"? ` : '';
}

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
export interface StringSpec extends Base<string> { type: 'string'; label?: LabelKind }
export interface BoolSpec extends Base<boolean> { type: 'bool' }
export interface IntSpec extends Base<number> { type: 'int'; min?: number; max?: number }
export interface NumberSpec extends Base<number> { type: 'number'; min?: number; max?: number }
export interface EnumSpec<V extends string = string> extends Base<V> { type: 'enum'; values: readonly V[] }
/**
 * Comma-separated strings: `panels="one-to-one,many-to-one"`. `values` restricts the items, `min` and
 * `max` their count; `item` names one in messages (`panel`; default `item`).
 */
export interface ListSpec extends Base<string[]> { type: 'list'; values?: readonly string[]; min?: number; max?: number; item?: string; label?: LabelKind }
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

type ValueOf<S extends ParamSpec> = S extends EnumSpec<infer V>
  ? V
  : S extends StringSpec
    ? string
    : S extends BoolSpec
      ? boolean
      : S extends IntSpec | NumberSpec
        ? number
        : S extends ListSpec
          ? string[]
          : S extends NumberListSpec
            ? number[]
            : never;

/** Parameters with a default (or required) are always present; others may be undefined. */
export type ParamValues<P extends ParamSpecs> = {
  [K in keyof P]: P[K] extends { default: unknown } | { required: true } ? ValueOf<P[K]> : ValueOf<P[K]> | undefined;
};

export interface ParamProblem {
  param: string;
  message: string;
  /** The parameter is not in the table at all (as opposed to a bad or missing value). */
  unknown?: true;
  /** Parameters written without names (`param` is empty). */
  positional?: true;
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function describe(spec: ParamSpec): string {
  switch (spec.type) {
    case 'enum':
      return `one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'int':
    case 'number': {
      const kind = spec.type === 'int' ? 'a whole number' : 'a number';
      if (spec.min !== undefined && spec.max !== undefined) return `${kind} from ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${kind} of at least ${spec.min}`;
      if (spec.max !== undefined) return `${kind} of at most ${spec.max}`;
      return kind;
    }
    case 'bool':
      return 'true or false';
    case 'list': {
      // A cap no smaller than the choices (3 of "rnn", "lstm", "gru") goes without saying.
      const most = spec.max !== undefined && !(spec.values && spec.max >= spec.values.length) ? `at most ${spec.max} ` : '';
      return spec.values
        ? `a comma-separated list of ${most ? `${most}of ` : ''}${spec.values.map((v) => `"${v}"`).join(', ')}`
        : `a comma-separated list${most ? ` of ${most}${spec.item ?? 'item'}s` : ''}`;
    }
    case 'numbers': {
      let s = `a comma-separated list of ${spec.maxItems !== undefined ? `at most ${spec.maxItems} ` : ''}numbers`;
      if (spec.min !== undefined && spec.max !== undefined) s += ` from ${spec.min} to ${spec.max}`;
      else if (spec.min !== undefined) s += ` of at least ${spec.min}`;
      else if (spec.max !== undefined) s += ` of at most ${spec.max}`;
      return s;
    }
    case 'string':
      return 'text';
  }
}

/** Human description of the accepted values, for error messages and the README. */
export function describeSpec(spec: ParamSpec): string {
  return describe(spec);
}

function convert(name: string, spec: ParamSpec, raw: ParamValue): { value?: unknown; problem?: string } {
  const bad = () => ({ problem: `${name}=${JSON.stringify(raw)} is not valid: expected ${describe(spec)}` });
  const str = String(raw).trim();
  switch (spec.type) {
    case 'string':
      return { value: String(raw) };
    case 'bool':
      if (raw === true || str === 'true') return { value: true };
      if (raw === false || str === 'false') return { value: false };
      return bad();
    case 'int':
    case 'number': {
      if (typeof raw === 'boolean' || !NUMBER_RE.test(str)) return bad();
      const n = Number(str);
      if (!Number.isFinite(n)) return bad();
      if (spec.type === 'int' && !Number.isInteger(n)) return bad();
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return bad();
      return { value: n };
    }
    case 'enum':
      if (!spec.values.includes(str)) return bad();
      return { value: str };
    case 'list': {
      const items = str === '' ? [] : str.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (spec.values) {
        const wrong = items.filter((i) => !spec.values!.includes(i));
        if (wrong.length) {
          return {
            problem: `${name}: ${wrong.map((w) => `"${w}"`).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not valid: expected ${describe(spec)}`,
          };
        }
      }
      const noun = (n: number) => `${spec.item ?? 'item'}${n === 1 ? '' : 's'}`;
      if (spec.min !== undefined && items.length < spec.min) {
        const example = spec.values ? `, e.g. ${name}="${spec.values.slice(0, spec.min).join(',')}"` : '';
        return {
          problem:
            `${items.length === 0 ? `${name} is empty` : `${name} lists ${items.length} ${noun(items.length)}`}: give at least ${spec.min === 1 ? 'one' : spec.min} ${noun(spec.min)}${example}` +
            (spec.default !== undefined ? `, or leave ${name} out for the default` : ''),
        };
      }
      if (spec.max !== undefined && items.length > spec.max) {
        return { problem: `${name} lists ${items.length} ${noun(items.length)}; it takes at most ${spec.max}` };
      }
      return { value: items };
    }
    case 'numbers': {
      const parts = str === '' ? [] : str.split(',').map((s) => s.trim());
      const nums: number[] = [];
      for (const p of parts) {
        if (!NUMBER_RE.test(p)) return bad();
        const n = Number(p);
        if (!Number.isFinite(n)) return bad(); // 1e999
        if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return bad();
        nums.push(n);
      }
      const count = (n: number) => `${n} number${n === 1 ? '' : 's'}`;
      if (spec.minItems !== undefined && nums.length < spec.minItems) {
        return {
          problem:
            `${nums.length === 0 ? `${name} is empty` : `${name} lists ${count(nums.length)}`}: give at least ${spec.minItems === 1 ? 'one number' : count(spec.minItems)}` +
            (spec.default !== undefined ? `, or leave ${name} out for the default (${spec.default.join(',')})` : ''),
        };
      }
      if (spec.maxItems !== undefined && nums.length > spec.maxItems) {
        return { problem: `${name} lists ${count(nums.length)}; it takes at most ${spec.maxItems}` };
      }
      return { value: nums };
    }
  }
}

/**
 * Checks raw Hugo-typed params against the specs. Unknown names, positional params, wrong types and
 * missing required values become problems; the returned values have defaults filled in (a bad value
 * falls back to its default so rendering can continue and report everything at once).
 */
export function validateParams<P extends ParamSpecs>(
  specs: P,
  raw: ParamValue[] | Record<string, ParamValue>,
): { values: ParamValues<P>; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const values: Record<string, unknown> = {};
  let named: Record<string, ParamValue> = {};
  if (Array.isArray(raw)) {
    if (raw.length > 0) {
      problems.push({
        param: '',
        message: `positional parameters are not supported; write name="value" (valid names: ${Object.keys(specs).join(', ')})`,
        positional: true,
      });
    }
  } else {
    named = raw;
  }
  for (const key of Object.keys(named)) {
    if (!Object.prototype.hasOwnProperty.call(specs, key)) {
      const lower = key.toLowerCase();
      const hint = Object.keys(specs).find((k) => k.toLowerCase() === lower);
      problems.push({
        param: key,
        message: hint
          ? `unknown parameter "${key}"; parameter names are case-sensitive: did you mean "${hint}"?`
          : `unknown parameter "${key}"; ${suggestion(key, Object.keys(specs))}valid parameters: ${Object.keys(specs).join(', ')}`,
        unknown: true,
      });
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const has = Object.prototype.hasOwnProperty.call(named, key);
    if (has) {
      const r = convert(key, spec, named[key]!);
      if (r.problem) {
        problems.push({ param: key, message: r.problem });
        if (spec.default !== undefined) values[key] = structuredClone(spec.default);
      } else {
        values[key] = r.value;
      }
    } else if (spec.required) {
      problems.push({ param: key, message: `missing required parameter "${key}" (${spec.doc})` });
    } else if (spec.default !== undefined) {
      values[key] = structuredClone(spec.default);
    }
  }
  return { values: values as ParamValues<P>, problems };
}

/**
 * The `id` parameter of every shortcode of ours that renders one `<figure>` (FIGURE_PARAMS and figure's):
 * the host numbers such figures and resolves references to them (src/render/figure-numbers.ts).
 */
export const FIGURE_ID_PARAM = {
  type: 'string',
  doc: 'Id of the `<figure>` (a letter, then letters, digits and `_`, with `-`, `.` or `:` between them: `fig-lstm`); `@fig-lstm` in the text then links to it, and the figure is numbered (see Numbered figures).',
} as const satisfies ParamSpec;

/** Parameters every figure-like shortcode accepts, rendered like Hugo's `figure`. */
export const FIGURE_PARAMS = {
  caption: { type: 'string', doc: 'Caption below the figure; Markdown and math allowed.' },
  alt: {
    type: 'string',
    doc: 'Accessible name; defaults to the caption as plain text, else a generated description.',
  },
  class: { type: 'string', doc: 'CSS class(es) on the `<figure>` element.' },
  id: FIGURE_ID_PARAM,
} as const satisfies ParamSpecs;

/**
 * What a label parameter holds that would be drawn as written, silently (see LabelKind), or undefined:
 * an unbalanced brace, a `$` in a TeX label or a token, a `$` never closed, a TeX command in a token.
 */
export function labelProblem(kind: LabelKind, text: string): string | undefined {
  const dollars = (text.match(/(?<!\\)\$/g) ?? []).length;
  if (kind === 'text') {
    return dollars % 2 === 1 ? 'has a $ that is not closed, so the label is drawn as written: write math between two $, and \\$ for a dollar sign' : undefined;
  }
  if (dollars > 0) {
    return kind === 'tex'
      ? 'is drawn as TeX already, so its $ show as dollar signs: write it without them (x_t, \\mathbf{h})'
      : 'tokens are drawn as written, with _ and ^ as scripts: write x_1, not $x_1$';
  }
  if (kind === 'tokens') {
    const cmd = /\\[A-Za-z]+/.exec(text);
    return cmd ? `tokens are drawn as written, with _ and ^ as scripts: ${cmd[0]} is not a command there (write the character itself, e.g. α)` : undefined;
  }
  const braces = braceProblem(text);
  if (braces?.kind === 'unopened') return 'has a } with no { before it, so the label is drawn wrong: balance its braces';
  return braces ? 'has a { that is not closed, so the label is drawn wrong: close it with }' : undefined;
}
