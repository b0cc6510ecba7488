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

/** Outermost elements matching `pred` (one inside another match is not found again). */
export function outermost(tree: Nodes, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element' && pred(n)) {
      out.push(n);
      return;
    }
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(tree);
  return out;
}

/**
 * Outermost elements with class `name` (a `.katex` inside a `.katex-display` is found, a `.katex`
 * nested in another `.katex` is not counted twice).
 */
export function outermostByClass(tree: Nodes, name: string): Element[] {
  return outermost(tree, (el) => hasClass(el, name));
}

export function text(node: Nodes): string {
  return toText(node, { whitespace: 'pre' });
}

/**
 * A node's text as a reader sees it, with every element `skip` accepts left out (e.g. KaTeX's MathML,
 * hidden by its stylesheet): the glyphs of KaTeX's HTML rendering, drawn from `data-c` attributes by the
 * stylesheet (src/render/katex-markup.ts), count as text where they are drawn.
 */
export function textWithout(node: Nodes, skip: (el: Element) => boolean): string {
  let s = '';
  const walk = (n: Nodes) => {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element' && skip(n)) return;
    else if (n.type === 'element' && typeof n.properties.dataC === 'string') s += n.properties.dataC;
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return s;
}

/** The TeX of a KaTeX element: the alttext of its MathML (src/render/katex-markup.ts). */
export function texOf(katexEl: Element): string {
  const math = findAll(katexEl, (el) => el.tagName === 'math')[0];
  return (math && attr(math, 'alttext')) ?? '';
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
