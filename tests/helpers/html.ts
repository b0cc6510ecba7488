/**
 * Built HTML as a syntax tree (hast, parsed by parse5 through hast-util-from-html), with the few
 * queries the integration tests need: elements by a predicate, by class, text content.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export type { Element, Root };

export function parseHtml(html: string): Root {
  return fromHtml(html);
}

export function classList(el: Element): string[] {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

export function hasClass(el: Element, name: string): boolean {
  return classList(el).includes(name);
}

/** Every element below `tree` (itself included) for which `pred` holds, in document order. */
export function findAll(tree: Nodes, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (el: Element) => {
    if (pred(el)) out.push(el);
  });
  return out;
}

export function byTag(tree: Nodes, tag: string): Element[] {
  return findAll(tree, (el) => el.tagName === tag);
}

export function byClass(tree: Nodes, name: string): Element[] {
  return findAll(tree, (el) => hasClass(el, name));
}

/**
 * Outermost elements with class `name` (a `.katex` inside a `.katex-display` is found, a `.katex`
 * nested in another `.katex` is not counted twice).
 */
export function outermostByClass(tree: Nodes, name: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && hasClass(n, name)) {
      out.push(n);
      return;
    }
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

export function text(node: Nodes): string {
  return toText(node, { whitespace: 'pre' });
}

/** A node's text with every element of class `skip` left out (e.g. the TeX annotation in KaTeX's MathML). */
export function textWithout(node: Nodes, skip: (el: Element) => boolean): string {
  let s = '';
  const walk = (n: Nodes) => {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element' && skip(n)) return;
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return s;
}

export function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The candidates of a `srcset` attribute (hast names it srcSet), as URL and width descriptor. */
export function srcsetOf(el: Element): { url: string; width: number }[] {
  const v = el.properties.srcSet;
  const list = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [];
  return list.map((c) => {
    const [url = '', w = ''] = c.trim().split(/\s+/);
    return { url, width: Number(w.replace(/w$/, '')) };
  });
}
