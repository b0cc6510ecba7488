/**
 * Short Markdown strings (figure captions, attributions) rendered the way Hugo's `markdownify` renders
 * them — GFM, Goldmark's typographer, raw HTML omitted unless the site allows it, a single wrapping
 * `<p>` stripped — except that math is typeset through a callback instead of being mangled.
 */
import { unified } from 'unified';
import remarkRehype, { defaultHandlers } from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Nodes as MdastNodes, Root as MdastRoot, Text } from 'mdast';
import type { ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { delimiterPairs, parseMarkdownWithMath, type MathOptions } from '../content/math.js';
import type { DelimiterPair } from '../content/math-syntax.js';
import { goldmarkUrl } from './goldmark-url.js';
import { simpleInlineHtml } from './simple-inline.js';

/** `raw`: the formula as written, delimiters included (what shows when KaTeX rejects it). */
export type MathCallback = (tex: string, display: boolean, raw?: string) => string;

export interface InlineMarkdownOptions {
  /**
   * Hugo's `markup.goldmark.renderer.unsafe`. False (Hugo's default): raw HTML is left out, as Hugo
   * replaces it with a `<!-- raw HTML omitted -->` comment that Go templates then drop. True: kept.
   */
  unsafe?: boolean;
  /** Math delimiters; the defaults (`$`, `$$`, `\(`, `\[`) unless the site configures passthrough. */
  math?: MathOptions;
}

export interface RenderInlineOptions extends InlineMarkdownOptions {
  /** False: links are written as their content only (a table of contents entry is a link itself). */
  links?: boolean;
}

/** The raw HTML Goldmark writes instead of raw HTML when `unsafe` is false. */
export const RAW_HTML_OMITTED = ' raw HTML omitted ';

function parse(md: string, opts: InlineMarkdownOptions): MdastRoot {
  const tree = parseMarkdownWithMath(md, delimiterPairs(opts.math));
  typographer(tree);
  return tree;
}

/** The math callback of the renderInlineMarkdown call under way (rendering is synchronous). */
let currentMath: MathCallback = () => '';
/** The Markdown of that call: a formula's position indexes it. */
let currentSource = '';

/** A math node as written in currentSource. */
function written(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  return from === undefined || to === undefined ? undefined : currentSource.slice(from, to);
}
/** One mdast → HTML processor per (unsafe, links): setting one up costs more than a caption. */
const htmlProcessors = new Map<string, ReturnType<typeof htmlProcessor>>();

/**
 * Link and image URLs as Goldmark writes them (src/render/goldmark-url.ts): escaped, and emptied when
 * dangerous unless `unsafe`, in place of remark-rehype's own (a reference's from its definition, the
 * first of an identifier, as remark-rehype finds it).
 */
function goldmarkUrlHandlers(unsafe: boolean) {
  const url = <R extends ElementContent | ElementContent[]>(result: R, attr: 'href' | 'src', value: string | undefined): R => {
    if (value !== undefined && !Array.isArray(result) && result.type === 'element') result.properties[attr] = goldmarkUrl(value, unsafe);
    return result;
  };
  const defined = (state: { definitionById: Map<string, { url: string }> }, identifier: string) => state.definitionById.get(identifier.toUpperCase())?.url;
  return {
    link: (state, node) => url(defaultHandlers.link(state, node), 'href', node.url),
    image: (state, node) => url(defaultHandlers.image(state, node), 'src', node.url),
    linkReference: (state, node) => url(defaultHandlers.linkReference(state, node), 'href', defined(state, node.identifier)),
    imageReference: (state, node) => url(defaultHandlers.imageReference(state, node), 'src', defined(state, node.identifier)),
  } satisfies Partial<typeof defaultHandlers>;
}

function htmlProcessor(unsafe: boolean, links: boolean) {
  return unified()
    .use(remarkRehype, {
      allowDangerousHtml: unsafe,
      handlers: {
        ...goldmarkUrlHandlers(unsafe),
        mathSpan: (_state, node) => ({ type: 'raw', value: currentMath(node.value, node.display, written(node)) }),
        mathBlock: (_state, node) => ({ type: 'raw', value: currentMath(node.value, true, written(node)) }),
        // Goldmark: the HTML as written when unsafe, else a comment in its place.
        html: (_state, node) => (unsafe ? { type: 'raw', value: node.value } : { type: 'comment', value: RAW_HTML_OMITTED }),
        ...(links ? {} : { link: (state, node) => state.all(node), linkReference: (state, node) => state.all(node) }),
      },
    })
    .use(rehypeStringify, { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } })
    .freeze();
}

/**
 * Text that no inline Markdown or GFM construct, typographer rule, HTML escape or math delimiter can act
 * on: letters, marks, digits and spaces, with `,;:?!()-` inside, starting with a letter or digit and
 * ending with one or with `?!)`; no `--` (a dash to the typographer) and none of `pairs`' openers. Its HTML
 * and its plain text are itself, without a parse (a parse of a few words costs about 0.1 ms). Used for
 * headings (content/headings.ts) and for captions, titles and table-of-contents entries (below).
 */
const PLAIN_WORDS = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} ,;:?!()-]*[\p{L}\p{M}\p{N}?!)])?$/u;

export function isPlainWords(md: string, pairs: readonly DelimiterPair[]): boolean {
  return PLAIN_WORDS.test(md) && !md.includes('--') && !pairs.some((p) => md.includes(p.open));
}

/** Test hook: with `enabled` false every caption, title and entry is parsed (no isPlainWords, no simpleInlineHtml). */
export const plainInlineFastPath = { enabled: true };

/** Plain words that a document cannot read as a block either (`1) a` starts an ordered list). */
function isPlainInline(md: string, opts: InlineMarkdownOptions): boolean {
  return plainInlineFastPath.enabled && isPlainWords(md, delimiterPairs(opts.math)) && !/^\p{N}+\)/u.test(md);
}

/** Markdown → HTML, with a lone wrapping paragraph removed (like Hugo's `markdownify`). */
export function renderInlineMarkdown(md: string, math: MathCallback, opts: RenderInlineOptions = {}): string {
  if (isPlainInline(md, opts)) return md;
  const unsafe = opts.unsafe === true;
  const links = opts.links !== false;
  if (plainInlineFastPath.enabled) {
    const simple = simpleInlineHtml(md, { unsafe, links, pairs: delimiterPairs(opts.math) });
    if (simple !== undefined) return simple;
  }
  const mdast = parse(md, opts);
  const key = `${unsafe}/${links}`;
  let processor = htmlProcessors.get(key);
  if (!processor) htmlProcessors.set(key, (processor = htmlProcessor(unsafe, links)));
  const outer = currentMath;
  const outerSource = currentSource;
  currentMath = math;
  currentSource = md;
  try {
    const hast = processor.runSync(mdast) as HastRoot;
    unwrapSingleParagraph(hast);
    return processor.stringify(hast).trim();
  } finally {
    currentMath = outer;
    currentSource = outerSource;
  }
}

function unwrapSingleParagraph(root: HastRoot): void {
  const significant = root.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = significant[0];
  if (significant.length === 1 && only && only.type === 'element' && only.tagName === 'p') {
    root.children = only.children as HastContent[];
  }
}

/**
 * The text a reader sees, for `alt` attributes and SVG titles: emphasis, links and HTML tags dropped,
 * images by their alt text, math as its TeX source (without delimiters), entities decoded, typographic
 * quotes and dashes as Hugo's `markdownify | plainify` gives them, whitespace collapsed.
 */
export function markdownToPlainText(md: string, opts: InlineMarkdownOptions = {}): string {
  if (isPlainInline(md, opts) && !md.includes('  ')) return md;
  const tree = parse(md, opts);
  const parts: string[] = [];
  const walk = (node: MdastNodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'mathSpan':
      case 'mathBlock':
        parts.push(node.value);
        return;
      case 'html':
        return;
      case 'image':
        parts.push(node.alt ?? '');
        return;
      case 'break':
        parts.push(' ');
        return;
      default:
        if ('children' in node) {
          const block = !isPhrasing(node.type);
          if (block) parts.push(' ');
          for (const child of node.children) walk(child as MdastNodes);
          if (block) parts.push(' ');
        }
    }
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'mathSpan',
  'html',
  'break',
  'image',
  'imageReference',
  'footnoteReference',
]);
function isPhrasing(type: string): boolean {
  return PHRASING.has(type);
}

// ---------------------------------------------------------------------------------------------------
// Goldmark's typographer (on by default in Hugo): -- – , --- — , ... … , << « , >> » , straight quotes
// to curly ones. It works on text only: never inside code, math, HTML or URLs.

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** Curly-quotes and dashes every text node, looking across node boundaries inside one block. */
export function typographer(tree: MdastRoot): void {
  // Leaves in reading order; `null` separates blocks, an opaque leaf (code, math) counts as a letter.
  const seq: (Text | 'opaque' | null)[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'text') {
      seq.push(node);
      return;
    }
    if (node.type === 'inlineCode' || node.type === 'mathSpan' || node.type === 'image' || node.type === 'imageReference') {
      seq.push('opaque');
      return;
    }
    if (node.type === 'break') {
      seq.push(null);
      return;
    }
    if (!isPhrasing(node.type)) seq.push(null);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);

  const edgeChar = (i: number, dir: -1 | 1): string => {
    const n = seq[i + dir];
    if (n === undefined || n === null) return ' ';
    if (n === 'opaque') return 'x';
    return dir === -1 ? n.value.slice(-1) || ' ' : n.value.charAt(0) || ' ';
  };

  seq.forEach((n, i) => {
    if (n === null || n === 'opaque') return;
    n.value = smarten(n.value, edgeChar(i, -1), edgeChar(i, 1));
  });
}

/** Applies the substitutions to one text, `before`/`after` being the characters around it. */
export function smarten(text: string, before = ' ', after = ' '): string {
  const dashed = text
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/<</g, '\u00ab')
    .replace(/>>/g, '\u00bb');
  if (!/['"]/.test(dashed)) return dashed;
  const chars = [...dashed];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== "'" && c !== '"') {
      out += c;
      continue;
    }
    const prev = i > 0 ? chars[i - 1]! : before;
    const next = i + 1 < chars.length ? chars[i + 1]! : after;
    out += curl(c, prev, next, chars.slice(i + 1, i + 4).join(''));
  }
  return out;
}

function curl(quote: "'" | '"' | string, prev: string, next: string, ahead: string): string {
  const open = quote === '"' ? '\u201c' : '\u2018';
  const close = quote === '"' ? '\u201d' : '\u2019';
  if (quote === "'") {
    // Apostrophes: don't, it's, '90s.
    if (ALNUM.test(prev) && ALNUM.test(next)) return close;
    if (/^\d\ds/.test(ahead) && !ALNUM.test(prev)) return close;
  }
  const nextSpace = SPACE.test(next);
  const prevSpace = SPACE.test(prev);
  const leftFlanking = !nextSpace && (!PUNCT.test(next) || prevSpace || PUNCT.test(prev));
  const rightFlanking = !prevSpace && (!PUNCT.test(prev) || nextSpace || PUNCT.test(next));
  if (leftFlanking && !rightFlanking) return open;
  if (rightFlanking && !leftFlanking) return close;
  if (leftFlanking && rightFlanking) return ALNUM.test(prev) ? close : open;
  return quote;
}
