/**
 * A tiny typed builder for SVG markup: `el('circle', { cx: 10, cy: 10, r: 4 })`.
 *
 * `el` returns a `Markup` (trusted markup) rather than a plain string so that the type system keeps text
 * and markup apart: a plain string passed as a child is always escaped as text, and only `Markup` (from
 * `el`, `raw` or `fragment`) is inserted verbatim. This makes it impossible to forget to escape a label.
 *
 * Output is deterministic: attributes are printed in a fixed order (`id`, `class`, then alphabetical),
 * numbers through `fmt`, `undefined`/`null`/`false` attributes are omitted.
 */
import { escapeAttr, escapeText } from './escape.js';
import { fmt } from './format.js';

/** Trusted, already-serialised markup. `String(m)` or `m.html` gives the text. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
/** Children: Markup is inserted as is, strings are escaped as text, numbers formatted; falsy skipped. */
export type Child = Markup | string | number | null | undefined | false | readonly Child[];

const NAME_RE = /^[A-Za-z_][\w:.-]*$/;

/** Wraps markup that is already safe (e.g. produced by another trusted renderer). */
export function raw(html: string): Markup {
  return new Markup(html);
}

function childrenToString(children: readonly Child[]): string {
  let out = '';
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (c instanceof Markup) out += c.html;
    else if (typeof c === 'string') out += escapeText(c);
    else if (typeof c === 'number') out += fmt(c);
    else out += childrenToString(c);
  }
  return out;
}

/** Concatenates children without a wrapping element. */
export function fragment(...children: Child[]): Markup {
  return new Markup(childrenToString(children));
}

function attrOrder(a: string, b: string): number {
  const rank = (k: string) => (k === 'id' ? 0 : k === 'class' ? 1 : 2);
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialises attributes in the stable order; exported for tests and for hosts that build HTML. */
export function attrsToString(attrs: Attrs): string {
  let out = '';
  for (const key of Object.keys(attrs).sort(attrOrder)) {
    const v = attrs[key];
    if (v === undefined || v === null || v === false) continue;
    if (!NAME_RE.test(key)) throw new Error(`invalid attribute name ${JSON.stringify(key)}`);
    const s = v === true ? 'true' : typeof v === 'number' ? fmt(v) : v;
    out += ` ${key}="${escapeAttr(s)}"`;
  }
  return out;
}

/**
 * Builds one element. Elements without children are self-closed (`<path …/>`), which both HTML (for
 * foreign SVG content) and XML accept.
 */
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!NAME_RE.test(tag)) throw new Error(`invalid element name ${JSON.stringify(tag)}`);
  const inner = childrenToString(children);
  const a = attrsToString(attrs);
  return new Markup(inner === '' ? `<${tag}${a}/>` : `<${tag}${a}>${inner}</${tag}>`);
}

/** Joins class names, skipping empty ones: `cls('hp-node', dashed && 'hp-dashed')`. */
export function cls(...names: (string | false | null | undefined)[]): string | undefined {
  const s = names.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
  return s === '' ? undefined : s;
}
