/**
 * Finds the math in a page body: which `$…$`, `$$…$$`, `\(…\)`, `\[…\]` (or configured delimiters)
 * are math to Markdown's eyes, with exact offsets into the original file. Everything Markdown treats
 * as code or HTML is never math; lists, quotes, tables, footnotes and link text are ordinary text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { SKIP, visit } from 'unist-util-visit';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import type { Construct, Extension } from 'micromark-util-types';
import { diffChars } from 'diff';
import type { Diagnostic, MathSpan } from './types.js';
import { LineIndex } from './position.js';
import { overlapChecker } from './ranges.js';
import { mathFromMarkdown, mathSyntax, TooManyFormulas, withSpanBudget, type DelimiterPair } from './math-syntax.js';
import { ESCAPE_SIGNS, removeMarkdownEscapes } from './math-escapes.js';

export interface MathOptions {
  /**
   * Hugo's `markup.goldmark.extensions.passthrough.delimiters`. When given, these and only these are
   * math delimiters, with passthrough's semantics (no currency rule).
   */
  delimiters?: { inline: [string, string][]; block: [string, string][] };
  /**
   * `markdown`: the page was written for Markdown-then-MathJax (ox-hugo, Blackfriday-era themes):
   * `\\(`/`\\[` are the delimiters and Markdown's backslash escapes inside math are removed.
   * `auto` (default): both `\(` and `\\(` are delimiters, and a page whose formulas show Markdown
   * escapes (`\\(`, `x\_i`, `\\\\`) has them removed. `none`: TeX exactly as written.
   */
  escapes?: 'auto' | 'none' | 'markdown';
  /** Wrapper shortcodes declared by the site (params.prerender.math.wrappers), beside the known ones. */
  wrappers?: Record<string, 'tex' | 'math'>;
  /**
   * `none` (params.prerender.math.numbering): no automatic equation numbers, as MathJax 3 by default
   * (tags: 'none'); `\tag{…}` still numbers its row. Absent: AMS numbering (render/mathjax-compat.ts).
   */
  numbering?: 'none';
  /**
   * A fenced code block of language `math` is a display formula: on a site whose code block render
   * hook for `math` renders the formula itself (Doks' asks a web API: page-settings.ts).
   */
  fences?: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface LocateMathOptions {
  /** Offset where the Markdown body starts (front matter before it is never math). */
  bodyOffset: number;
  /** Ranges of the original source that are not Markdown here (shortcode tags, code-like shortcodes…). */
  masked: Range[];
  math?: MathOptions;
  /** For diagnostics. */
  file?: string;
  /**
   * The formulas limit: the parse stops at the first inline formula past it, and `tooMany` is where that
   * formula starts (formulas are also counted after the parse; this bounds what a page can cost).
   */
  maxFormulas?: number;
  /** The source's line index, if the caller has one already (built for the same text). */
  lines?: LineIndex;
  /**
   * Whether Markdown images are looked for in the tree (prerender-page.ts): a leaf block holding `![` is
   * then never masked out of a large page's parse (see quietPlainText).
   */
  images?: boolean;
  /** Likewise for references to figures (`@fig-lstm`, render/figure-numbers.ts): a leaf block holding `@`. */
  refs?: boolean;
}

const DEFAULT_INLINE: [string, string][] = [
  ['$', '$'],
  ['\\(', '\\)'],
];
const DEFAULT_BLOCK: [string, string][] = [
  ['$$', '$$'],
  ['\\[', '\\]'],
];

/** A backslash doubled, as a writer for Markdown-then-MathJax types `\(`: `\\(`. */
function markdownEscaped(delim: string): string {
  return delim.replace(/\\/g, '\\\\');
}

/**
 * Environments MathJax typesets outside any delimiters (processEnvironments) that KaTeX knows as
 * display math: each is a delimiter pair of its own, `\begin{name}` … `\end{name}`.
 */
export const MATH_ENVIRONMENTS = [
  'equation', 'equation*', 'align', 'align*', 'alignat', 'alignat*', 'gather', 'gather*', 'multline',
  'multline*', 'flalign', 'flalign*', 'eqnarray', 'eqnarray*', 'CD', 'split', 'aligned', 'gathered',
  'alignedat', 'cases', 'array', 'matrix', 'pmatrix', 'bmatrix', 'Bmatrix', 'vmatrix', 'Vmatrix',
];

/** delimiterPairs' answers, by the options object (the same settings are asked about for every page and caption). */
const pairsByOptions = new WeakMap<MathOptions, readonly DelimiterPair[]>();
let defaultPairs: readonly DelimiterPair[] | undefined;

/** The delimiter pairs in force for these options (the same array again for the same options object). */
export function delimiterPairs(opts?: MathOptions): readonly DelimiterPair[] {
  if (!opts) return (defaultPairs ??= Object.freeze(computeDelimiterPairs({})));
  let pairs = pairsByOptions.get(opts);
  if (!pairs) pairsByOptions.set(opts, (pairs = Object.freeze(computeDelimiterPairs(opts))));
  return pairs;
}

function computeDelimiterPairs(opts: MathOptions): DelimiterPair[] {
  const configured = opts.delimiters !== undefined;
  const inline = opts.delimiters?.inline ?? DEFAULT_INLINE;
  const block = opts.delimiters?.block ?? DEFAULT_BLOCK;
  const escapes = opts.escapes ?? 'auto';
  const pairs: DelimiterPair[] = [];
  const seen = new Set<string>();
  const add = (o: string, c: string, display: boolean, dollarRule: boolean) => {
    if (!o || !c || seen.has(o)) return;
    seen.add(o);
    pairs.push({ open: o, close: c, display, dollarRule });
  };
  // Block first so an opener configured as both is display.
  for (const [list, display] of [
    [block, true],
    [inline, false],
  ] as const) {
    for (const [o, c] of list) {
      const dollarRule = !configured && o === '$' && c === '$';
      if ((escapes === 'markdown' || (escapes === 'auto' && !configured)) && o.includes('\\')) add(markdownEscaped(o), markdownEscaped(c), display, dollarRule);
      if (escapes !== 'markdown' || !o.includes('\\')) add(o, c, display, dollarRule);
    }
  }
  // Passthrough delimiters that leave out `$`/`$$` are Hugo's side of a site whose MathJax or KaTeX
  // takes `$…$` in the browser: with escapes detected (the default), those are math too.
  if (configured && escapes === 'auto') {
    add('$$', '$$', true, false);
    add('$', '$', false, true);
  }
  if (!configured) {
    for (const env of MATH_ENVIRONMENTS) {
      // `\\begin{align}` is one written for Markdown-then-MathJax (Markdown makes it `\begin{align}`).
      if (escapes !== 'none') {
        add(`\\\\begin{${env}}`, `\\\\end{${env}}`, true, false);
        // …its star escaped too (`\\begin{align\*}`), as such a page escapes every `*`.
        if (env.endsWith('*')) add(`\\\\begin{${env.slice(0, -1)}\\*}`, `\\\\end{${env.slice(0, -1)}\\*}`, true, false);
      }
      add(`\\begin{${env}}`, `\\end{${env}}`, true, false);
    }
    // MathJax's processRefs: `\eqref{x}` and `\ref{x}` in the text are math too (the equation's number);
    // `\\eqref{x}` is one written for Markdown-then-MathJax.
    for (const ref of REFS) if (escapes !== 'none' || !isEscapedDelimiter(ref)) add(ref, '}', false, false);
  }
  return pairs;
}

/** References MathJax typesets in the text, outside delimiters (processRefs): each opens a formula of its own. */
const REFS = ['\\eqref{', '\\ref{', '\\\\eqref{', '\\\\ref{'];

/** The whole `\begin{…}…\end{…}` is the TeX of an environment written outside delimiters. */
function isEnvironment(delimiter: string): boolean {
  return delimiter.startsWith('\\begin{') || delimiter.startsWith('\\\\begin{') || REFS.includes(delimiter);
}

/** `\\(`, `\\[`: a delimiter written for Markdown-then-MathJax. */
function isEscapedDelimiter(delimiter: string): boolean {
  return delimiter.startsWith('\\\\');
}

/**
 * Inline code that blogdown's math-code.js turns into math on the reader's page (blogdown writes
 * inline math as `` `\(x\)` `` so that Markdown leaves it alone): the delimiter inside the backticks.
 */
const CODE_MATH: [RegExp, boolean][] = [
  [/^\\\(([\s\S]+)\\\)$/, false],
  [/^\\\[([\s\S]+)\\\]$/, true],
  [/^\$\$([\s\S]+)\$\$$/, true],
  [/^\$([^$][\s\S]*[^$]|[^$])\$$/, false],
  [/^(\\begin\{([^}]+)\}[\s\S]*\\end\{\2\})$/, true],
];

/**
 * Same-length filler for masked ranges: a letter per character. Line endings, spaces and tabs are
 * kept, and so are the `>` markers that start a line, so a range spanning lines (a multi-line
 * shortcode or escape inside a list item, a quote or an indented fence) leaves the Markdown
 * structure around it intact: filling a continuation line's indentation would end the list item and
 * turn its fence's closing line into an opening one that swallows the rest of the page. `keep` are
 * further characters left as they are.
 */
export function applyMask(body: string, bodyOffset: number, masked: readonly Range[], keep = ''): string {
  if (masked.length === 0) return body;
  // Ranges in order and apart (the usual case: a page's shortcodes): only their characters are read.
  let out = '';
  let copied = 0;
  for (const m of masked) {
    const s = Math.max(m.start - bodyOffset, 0);
    const e = Math.min(m.end - bodyOffset, body.length);
    if (s < copied) return maskChars(body, bodyOffset, masked, keep);
    if (e <= s) continue;
    out += body.slice(copied, s) + maskChars(body.slice(s, e), bodyOffset + s, [m], keep, s === 0 || body[s - 1] === '\n' || body[s - 1] === '\r');
    copied = e;
  }
  return out + body.slice(copied);
}

/**
 * applyMask over every character of `body` (ranges in any order, overlapping); `atLineStart`: `body`
 * starts a line. Exported for the test that compares applyMask with it.
 */
export function maskChars(body: string, bodyOffset: number, masked: readonly Range[], keep: string, atLineStart = true): string {
  const chars = body.split('');
  for (const m of masked) {
    const s = Math.max(m.start - bodyOffset, 0);
    const e = Math.min(m.end - bodyOffset, body.length);
    let lineStart = s === 0 ? atLineStart : chars[s - 1] === '\n' || chars[s - 1] === '\r';
    for (let i = s; i < e; i++) {
      const c = chars[i]!;
      if (c === '\n' || c === '\r') {
        lineStart = true;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (lineStart && c === '>') continue;
      lineStart = false;
      if (keep.includes(c)) continue;
      chars[i] = 'x';
    }
  }
  return chars.join('');
}

/** micromark's text-level constructs (CommonMark, GFM, ours), by name: off in the structure-only parse. */
const TEXT_CONSTRUCTS = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText',
  'labelEnd', 'labelStartImage', 'labelStartLink', 'emailAutolink', 'protocolAutolink',
  'wwwAutolink', 'strikethrough', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall', 'tasklistCheck', 'mathSpan',
];

/**
 * Test hook: bodies of at least `minChars` characters, with at least `minQuietShare` of them on lines
 * without a significant character, get their math-free paragraphs masked (see quietPlainText).
 */
export const plainTextMask = { minChars: 32 * 1024, minQuietShare: 0.25 };

/**
 * Bounds what the full Markdown parse sees (issue 14): the content of every paragraph, heading and
 * table cell in which no delimiter can start (no backslash, no first character of an opener) is
 * masked, so the inline parse, micromark's costly part (a link costs it ~0.1 ms, its event arrays
 * hundreds of megabytes for a page of 40,000 links), runs only where math can be.
 *
 * Where those leaf blocks are comes from a parse with every text-level construct off (cheap: each
 * leaf block is one run of data). Inline constructs never cross a leaf block, and what a leaf block's
 * content holds never changes the block structure, except a table's cell count: pipes are kept (and
 * backslashes, which could escape them, never occur in a masked range). So the full parse finds the
 * same blocks, and the same math in them; tests/unit/math-linear.test.ts compares with and without.
 */
function quietPlainText(body: string, pairs: readonly DelimiterPair[], images = false, refs = false): string {
  if (body.length < plainTextMask.minChars) return body;
  const significant = new Set(['\\', ...pairs.map((p) => p.open[0]!)]);
  // The structure parse costs about a third of the full one: not worth it when less than a quarter of
  // the body is on lines without a significant character (no leaf block can be quiet elsewhere), as on
  // a page of unclosed `\(` (issue 14).
  if (quietLineChars(body, significant) < body.length * plainTextMask.minQuietShare) return body;
  const tree = parseMarkdownWithMath(body, pairs, TEXT_CONSTRUCTS);
  const quiet: Range[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const first = node.children[0]?.position?.start.offset;
    const last = node.children[node.children.length - 1]?.position?.end.offset;
    if (first === undefined || last === undefined) return SKIP;
    // With `images`, a Markdown image (`![`) is kept too, with `refs` a reference (`@`): prerender-page.ts finds them in this tree;
    // and a footnote reference (`[^`), whose order decides where footnotes show (content/footnotes.ts).
    for (let i = first; i < last; i++) {
      const c = body[i]!;
      if (significant.has(c) || (c === '[' && body[i + 1] === '^') || (images && c === '!' && body[i + 1] === '[') || (refs && c === '@')) return SKIP;
    }
    quiet.push({ start: first, end: last });
    return SKIP;
  });
  return applyMask(body, 0, quiet, '|');
}

/** Characters on the non-blank lines of `body` that hold none of `significant`. */
function quietLineChars(body: string, significant: ReadonlySet<string>): number {
  let quiet = 0;
  let lineStart = 0;
  let loud = false;
  let blank = true;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === undefined || c === '\n') {
      if (!loud && !blank) quiet += i - lineStart;
      lineStart = i + 1;
      loud = false;
      blank = true;
    } else if (significant.has(c)) loud = true;
    else if (c !== ' ' && c !== '\t' && c !== '\r') blank = false;
  }
  return quiet;
}

/** The block structure of `markdown` alone (every text-level construct off: cheap), as mdast. */
export function blockStructure(markdown: string): Root {
  return parseMarkdownWithMath(markdown, [], TEXT_CONSTRUCTS);
}

/** One parser per set of delimiters and disabled constructs (setting up remark-parse and GFM costs more than parsing a caption). */
const parsers = new Map<string, Parsers>();
/** The same, by the identity of the `pairs` array and then of `disable` (most callers pass the same arrays again). */
const parsersByPairs = new WeakMap<readonly DelimiterPair[], Map<readonly string[] | undefined, Parsers>>();

/**
 * A parser per variant (see literalVariant): index 0 has every GFM construct; bit 1 lacks the email
 * autolink literal, bit 2 the www and protocol ones, bit 4 the table, bit 8 the autolink-literal transform
 * (without bit 8 it runs after the parse, where a text node could hold a literal: literalsAfter); `full`
 * has all of them and the transform in place (for the tests' comparison).
 */
type Parsers = { full: (markdown: string) => Root; variants: ((markdown: string) => Root)[] };

/**
 * GFM constructs that cannot match in `markdown`, as a parser variant (a bit each). The email
 * autolink literal is tried at the start of every run of letters and digits, and only ever matches
 * through a `@`; the www and protocol ones need `www` and `http` (in any case). The table is tried at
 * the start of every line of a paragraph, and reads the whole line as a header row before it looks at the
 * next one for a delimiter row; without a line that could be one (mayHaveDelimiterRow) it never matches.
 * Leaving out a construct that cannot match changes no event once adjacent data runs are merged, so the
 * tree is the same (one parse of a page of prose costs about a third less without the email construct,
 * and about a sixth less again without the table; tests/unit/markdown-variants.test.ts compares the trees).
 * GFM's transform that looks for autolink literals again in every text node (four regular expressions,
 * a walk of the tree each) is left out too when none can match: each needs `@`, `www` or `http` in
 * the text, which then has them in the source, or a character reference (`&#64;`) that makes one.
 */
function literalVariant(markdown: string): number {
  if (literalVariants.force !== undefined) return literalVariants.force;
  const email = markdown.includes('@');
  const url = /www|http/i.test(markdown);
  return (email ? 0 : 1) | (url ? 0 : 2) | (mayHaveDelimiterRow(markdown) ? 0 : 4) | (email || url || markdown.includes('&') ? 0 : 8);
}

/** Test hook: with `enabled` false every parse has all of GFM's constructs and its transform in place; `force` picks a variant. */
export const literalVariants: { enabled: boolean; force?: number } = { enabled: true };

/**
 * Whether a line of `markdown` could be a GFM table's delimiter row: micromark's table takes one only
 * if it holds nothing but spaces, tabs, `-`, `:` and `|` after its container prefix (`>` and
 * indentation), with at least one `-` and at least one `|` or `:`. Linear, no regular expression (a
 * hostile line of dashes must not backtrack).
 */
export function mayHaveDelimiterRow(markdown: string): boolean {
  let dash = false;
  let mark = false;
  let clean = true;
  for (let i = 0; i <= markdown.length; i++) {
    const c = i < markdown.length ? markdown.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (clean && dash && mark) return true;
      dash = mark = false;
      clean = true;
    } else if (!clean) continue;
    else if (c === 45) dash = true;
    else if (c === 124 || c === 58) mark = true;
    else if (c !== 32 && c !== 9 && c !== 62) clean = false;
  }
  return false;
}

const EMAIL_LITERAL = ['emailAutolink'];
const URL_LITERALS = ['wwwAutolink', 'protocolAutolink'];
const TABLE = ['table'];

/** `extensions` with the text and flow constructs named in `drop` taken out of every list. */
function withoutConstructs(extensions: readonly Extension[], drop: ReadonlySet<string>): Extension[] {
  return extensions.map((ext) => {
    let out = ext;
    for (const field of ['text', 'flow'] as const) {
      const map = ext[field];
      if (!map) continue;
      const kept: Record<string, Construct | Construct[]> = {};
      let changed = false;
      for (const [code, value] of Object.entries(map)) {
        const list = (Array.isArray(value) ? value : [value]) as Construct[];
        const left = list.filter((c) => !(c.name && drop.has(c.name)));
        if (left.length !== list.length) changed = true;
        if (left.length > 0) kept[code] = Array.isArray(value) ? left : left[0]!;
      }
      if (changed) out = { ...out, [field]: kept };
    }
    return out;
  });
}

type Transform = (tree: Root) => Root | undefined | void;

/**
 * mdast-util-from-markdown extensions (nested lists flattened) without GFM's autolink-literal transform,
 * which is put in `removed`.
 */
function withoutLiteralTransform(extensions: readonly unknown[], removed: Transform[]): unknown[] {
  return extensions.flatMap((ext): unknown[] => {
    if (Array.isArray(ext)) return withoutLiteralTransform(ext, removed);
    const e = ext as { enter?: Record<string, unknown>; transforms?: Transform[] };
    if (!e.enter?.literalAutolink || !e.transforms) return [ext];
    removed.push(...e.transforms);
    const { transforms: _, ...rest } = e;
    return [rest];
  });
}

/**
 * GFM's autolink-literal transform, run after the parse only when a text node could hold a literal:
 * it looks for `www.`, `http://` and email addresses in every text node (four regular expressions, a
 * walk of the tree each), and each needs `@`, `www` or `http` in a node's text. On a page whose only
 * URLs are link destinations (the usual case) it had nothing to find. It is the only transform of the
 * parse, so running it last changes nothing.
 */
function literalsAfter(tree: Root, transforms: readonly Transform[]): Root {
  if (!textMayHoldLiteral(tree)) return tree;
  for (const transform of transforms) tree = transform(tree) || tree;
  return tree;
}

function textMayHoldLiteral(node: Nodes): boolean {
  if (node.type === 'text') return node.value.includes('@') || /www|http/i.test(node.value);
  if ('children' in node) for (const child of node.children) if (textMayHoldLiteral(child)) return true;
  return false;
}

function makeParsers(pairs: readonly DelimiterPair[], disable: readonly string[] | undefined): Parsers {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(function mathPlugin() {
      const data = this.data();
      if (disable) (data.micromarkExtensions ??= []).push({ disable: { null: [...disable] } });
      if (pairs.length === 0) return;
      (data.micromarkExtensions ??= []).push(mathSyntax(pairs));
      (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown(pairs));
    })
    .freeze();
  const data = processor.data();
  const extensions = data.micromarkExtensions ?? [];
  const mdastExtensions = data.fromMarkdownExtensions ?? [];
  const literalTransforms: Transform[] = [];
  const lean = withoutLiteralTransform(mdastExtensions, literalTransforms) as typeof mdastExtensions;
  const deferred = literalTransforms.length === 1 && !lean.some((e) => (e as { transforms?: unknown[] }).transforms?.length);
  const full = { ...data.settings, extensions, mdastExtensions };
  const parsers: Parsers = { full: (md) => fromMarkdown(md, full), variants: [] };
  for (let variant = 0; variant < 16; variant++) {
    const drop = new Set([...(variant & 1 ? EMAIL_LITERAL : []), ...(variant & 2 ? URL_LITERALS : []), ...(variant & 4 ? TABLE : [])]);
    const options = {
      ...data.settings,
      extensions: drop.size ? withoutConstructs(extensions, drop) : extensions,
      mdastExtensions: variant & 8 || deferred ? lean : mdastExtensions,
    };
    parsers.variants.push(variant & 8 || !deferred ? (md) => fromMarkdown(md, options) : (md) => literalsAfter(fromMarkdown(md, options), literalTransforms));
  }
  return parsers;
}

/**
 * Parses a Markdown string with GFM and the math syntax for `pairs` (none: GFM alone). What remark-parse
 * with remark-gfm does, with the extensions set up once: a page, its headings and its captions are many
 * small parses. `disable`: micromark constructs turned off, by name. `maxSpans`: the parse stops with
 * TooManyFormulas at the first inline formula past it.
 */
export function parseMarkdownWithMath(markdown: string, pairs: readonly DelimiterPair[], disable?: readonly string[], maxSpans = Infinity): Root {
  let byDisable = parsersByPairs.get(pairs);
  if (!byDisable) parsersByPairs.set(pairs, (byDisable = new Map()));
  let found = byDisable.get(disable);
  if (!found) {
    const key = JSON.stringify([pairs, disable ?? []]);
    found = parsers.get(key);
    if (!found) parsers.set(key, (found = makeParsers(pairs, disable)));
    byDisable.set(disable, found);
  }
  const parse = literalVariants.enabled ? found.variants[literalVariant(markdown)]! : found.full;
  markdownParses.count++;
  markdownParses.chars += markdown.length;
  // micromark drops a byte order mark that starts the document, and every offset of the tree would then be
  // one short of the text's (a page body starting with U+FEFF after its front matter: a fuzz find, where the
  // summary divider went inside a shortcode tag). A zero-width space in its place keeps the offsets; like
  // U+FEFF to Goldmark, it is neither whitespace nor punctuation.
  const text = markdown.charCodeAt(0) === 0xfeff ? `\u200b${markdown.slice(1)}` : markdown;
  return withSpanBudget(maxSpans, () => parse(text), text);
}

/** How many Markdown parses, of how many characters in all, since start (tests: one parse per page). */
export const markdownParses = { count: 0, chars: 0 };

/** Inline code holding one formula of the first `kinds` of CODE_MATH, with something in it (not `\( … \)`). */
function isCodeMath(value: string, kinds: number): boolean {
  return CODE_MATH.slice(0, kinds).some(([re]) => re.test(value)) && /[A-Za-z0-9]/.test(value.replace(/^\\(begin|[([])/, ''));
}

const ESCAPE_SIGN = new RegExp(ESCAPE_SIGNS.source);
/** Text inside a formula, where `\_` is TeX's own underscore (`\text{max\_iter}`), is no sign of escaping. */
const TEXT_GROUPS = /\\(text\w*|mathrm|mbox|operatorname\*?)\s*\{[^{}]*\}/g;

export function locateMath(
  source: string,
  opts: LocateMathOptions,
): { spans: MathSpan[]; diagnostics: Diagnostic[]; tree?: Root; inlineTree?: Root; tooMany?: number } {
  const { bodyOffset } = opts;
  const mathOpts = opts.math ?? {};
  const escapes = mathOpts.escapes ?? 'auto';
  const pairs = delimiterPairs(mathOpts);
  const body = applyMask(source.slice(bodyOffset), bodyOffset, opts.masked);
  const quiet = quietPlainText(body, pairs, opts.images, opts.refs);
  let tree: Root;
  try {
    tree = parseMarkdownWithMath(quiet, pairs, undefined, opts.maxFormulas);
  } catch (e) {
    if (e instanceof TooManyFormulas) return { spans: [], diagnostics: [], tooMany: bodyOffset + e.offset };
    throw e;
  }
  const lines = opts.lines ?? new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const diag = (severity: Diagnostic['severity'], offset: number, message: string, code: string) => {
    const { line, column } = lines.at(offset);
    diagnostics.push({ severity, message, file: opts.file, line, column, offset, code });
  };
  // O(log masks) per formula (a page of formulas and shortcodes was O(formulas × masks)).
  const overlapsMask = overlapChecker(opts.masked);

  /** Located but not yet unescaped: `raw` is the TeX as written between the delimiters. */
  const found: (MathSpan & { raw: string; code?: boolean })[] = [];
  const textRanges: Range[] = [];
  const codeSpans: { start: number; end: number; value: string }[] = [];
  visit(tree, (node) => {
    if (node.type === 'text' && node.position) {
      textRanges.push({ start: node.position.start.offset!, end: node.position.end.offset! });
      return;
    }
    if (node.type === 'inlineCode' && node.position) {
      codeSpans.push({ start: bodyOffset + node.position.start.offset!, end: bodyOffset + node.position.end.offset!, value: node.value });
      return;
    }
    if (node.type === 'code' && mathOpts.fences && node.lang === 'math' && node.position && node.value.trim() !== '') {
      const start = bodyOffset + node.position.start.offset!;
      const end = bodyOffset + node.position.end.offset!;
      // Inside a shortcode's tags, or one of ours: not Markdown here.
      if (overlapsMask(start, end)) return;
      const { line, column } = lines.at(start);
      const tex = node.value.replace(/\r\n?/g, '\n');
      found.push({ tex, raw: tex, display: true, start, end, line, column, delimiter: source.slice(start, start + 3), code: true });
      return;
    }
    if (node.type !== 'mathSpan' && node.type !== 'mathBlock') return;
    const start = bodyOffset + node.position!.start.offset!;
    const end = bodyOffset + node.position!.end.offset!;
    if (overlapsMask(start, end)) {
      diag(
        'warning',
        start,
        `math ${node.delimiter}…${closerOf(pairs, node.delimiter)} contains a shortcode, so it is left to Hugo; ` +
          'move the shortcode out of the formula',
        'math-shortcode',
      );
      return;
    }
    let raw = node.value.replace(/\r\n?/g, '\n');
    // The whole is the TeX (a reference written for Markdown-then-MathJax with its first backslash taken).
    if (isEnvironment(node.delimiter)) raw = `${node.delimiter.replace(/^\\\\/, '\\')}${raw}${closerOf(pairs, node.delimiter).replace(/^\\\\/, '\\')}`;
    const { line, column } = lines.at(start);
    found.push({ tex: raw, raw, display: node.display, start, end, line, column, delimiter: node.delimiter });
  });

  // Written for Markdown-then-MathJax? Per formula: an escaped delimiter says so; a `$`, `$$` or
  // environment formula follows its page, which shows escapes somewhere (see ESCAPE_SIGNS).
  // blogdown's pages (math in code spans, below) are written by Pandoc, which never escapes TeX.
  const blogdown = !mathOpts.delimiters && escapes !== 'none' && codeSpans.some((c) => isCodeMath(c.value.trim(), 3));
  const pageEscaped =
    escapes === 'markdown' ||
    (escapes === 'auto' && !blogdown && found.some((s) => !s.code && (isEscapedDelimiter(s.delimiter) || (!/^\\[([]/.test(s.delimiter) && ESCAPE_SIGN.test(s.raw.replace(TEXT_GROUPS, ''))))));
  // blogdown writes inline math as `\(x\)` in backticks (its math-code.js makes it math in the browser):
  // on a page that does (a code span holding exactly one \(…\), \[…\] or $$…$$), inline code holding
  // exactly one formula is that formula.
  if (blogdown && !pageEscaped) {
    for (const c of codeSpans) {
      const value = c.value.trim();
      const hit = CODE_MATH.find(([re]) => re.test(value));
      if (!hit || !isCodeMath(value, CODE_MATH.length) || overlapsMask(c.start, c.end) || /\n[ \t]*\n/.test(value)) continue;
      const m = hit[0].exec(value)!;
      const at = source.indexOf(value, c.start);
      const { line, column } = lines.at(c.start);
      const delimiter = source.slice(c.start, at) + value.slice(0, value.indexOf(m[1]!));
      found.push({ tex: m[1]!, raw: m[1]!, display: hit[1], start: c.start, end: c.end, line, column, delimiter, code: true });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const spans: MathSpan[] = found.map(({ raw, code, ...span }) => {
    const escaped = !code && escapes !== 'none' && (isEscapedDelimiter(span.delimiter) || (pageEscaped && !/^\\[([]/.test(span.delimiter)));
    return { ...span, tex: escaped ? removeMarkdownEscapes(raw) : raw };
  });

  // What the math syntax left as text: unclosed display openers.
  const displayOpeners = pairs.filter((p) => p.display && !p.open.startsWith('\\')).map((p) => p.open);
  for (const r of textRanges) {
    const text = body.slice(r.start, r.end);
    for (const open of displayOpeners) {
      let at = text.indexOf(open);
      while (at !== -1) {
        if (at === 0 || text[at - 1] !== '\\') {
          diag(
            'warning',
            bodyOffset + r.start + at,
            `"${open}" opens display math that is never closed; add the closing "${closerOf(pairs, open)}" ` +
              `or write "\\${open}" for literal text`,
            'math-unclosed',
          );
          break;
        }
        at = text.indexOf(open, at + open.length);
      }
    }
    if (!mathOpts.delimiters) leftRaw(text, bodyOffset + r.start, escapes, diag);
  }
  diagnostics.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  // The page's one Markdown tree (its body, masked ranges filled, offsets relative to bodyOffset): what
  // headings, the table of contents and the summary divider are found in too. Not when math-free leaf
  // blocks were masked (a large page): their inline content is gone from it.
  // `inlineTree` is that tree either way: Markdown images and references are found in it, since with
  // `images` (`refs`) a leaf block that holds one is never masked.
  return quiet === body ? { spans, diagnostics, tree, inlineTree: tree } : { spans, diagnostics, inlineTree: tree };
}

/**
 * TeX left as text where a reader of the MathJax page saw math: never silent. A backslash opener whose
 * closer never came (`\(`, `\\[`), an environment that is not one KaTeX can take or never ends, a `$…$`
 * pair with TeX inside that the dollar rules left alone (`$ x^2$`). One warning per kind and text run.
 */
function leftRaw(
  text: string,
  offset: number,
  escapes: 'auto' | 'none' | 'markdown',
  diag: (severity: Diagnostic['severity'], offset: number, message: string, code: string) => void,
): void {
  const opener = /(\\\\|\\)(\(|\[)/.exec(text);
  if (opener && !(escapes === 'none' && opener[1] === '\\\\')) {
    const close = `${opener[1]}${opener[2] === '(' ? ')' : ']'}`;
    diag(
      'warning',
      offset + opener.index,
      `"${opener[0]}" opens ${opener[2] === '(' ? 'inline' : 'display'} math that is never closed in this paragraph, so it stays text; ` +
        `add the closing "${close}", or write "${opener[1] === '\\' ? '\\\\' : '\\'}${opener[2]}" for a literal "${opener[2]}"`,
      'math-unclosed',
    );
  }
  const env = /\\begin\{([^}]*)\}/.exec(text);
  if (env) {
    diag(
      'warning',
      offset + env.index,
      MATH_ENVIRONMENTS.includes(env[1]!)
        ? `"\\begin{${env[1]}}" is never ended by "\\end{${env[1]}}" in this paragraph, so it stays text; end it, or put the formula between $$ and $$`
        : `"\\begin{${env[1]}}" outside math stays text: KaTeX takes only math environments (${MATH_ENVIRONMENTS.slice(0, 6).join(', ')}…) without delimiters; put it between $$ and $$`,
      'math-raw',
    );
  }
  const dollars = /\$(?!\$)([^$\n]{1,200}?)(?<!\\)\$/.exec(text);
  if (dollars && /\\[A-Za-z]|[_^]/.test(dollars[1]!)) {
    diag(
      'warning',
      offset + dollars.index,
      `"${dollars[0].length > 40 ? `${dollars[0].slice(0, 37)}...` : dollars[0]}" looks like math but stays text: a "$" that opens math must not be followed by a space, ` +
        'and one followed by a digit must be closed by a "$" with no space before it; remove the space, or write \\$ for a dollar sign',
      'math-raw',
    );
  }
}

function closerOf(pairs: readonly DelimiterPair[], open: string): string {
  return pairs.find((p) => p.open === open)?.close ?? open;
}

/**
 * Maps an offset into `span.tex` (e.g. KaTeX's error position) back to an offset in the original
 * source. Where the page's macros or MathJax's numbering rewrote the TeX (`span.located` holds it as
 * located), the offset goes back through that rewriting first. The TeX as located differs from the
 * source where Markdown stripped container prefixes (`> `, list indentation), where CRLF became LF and
 * where Markdown escapes were removed, so the two are aligned character by character, skipping source
 * characters the TeX does not have. An environment is its own delimiter: its TeX starts where it does.
 */
export function texOffsetToSource(source: string, span: MathSpan, texOffset: number): number {
  const closeAt = span.end; // the content never reaches past the closer
  const tex = span.located ?? span.tex;
  let target = Math.max(0, Math.min(texOffset, span.tex.length));
  if (span.located !== undefined && span.located !== span.tex) target = throughEdits(span.located, span.tex, target);
  let s = isEnvironment(span.delimiter) ? span.start : span.start + span.delimiter.length;
  for (let t = 0; t < target && s < closeAt; t++) {
    const want = tex[t];
    while (s < closeAt && source[s] !== want) s++;
    s++;
  }
  // Land on the next character the tex has (skip a prefix at the start of a line, say).
  if (target < tex.length) {
    const want = tex[target];
    let probe = s;
    while (probe < closeAt && source[probe] !== want) probe++;
    if (probe < closeAt) s = probe;
  }
  return Math.min(s, Math.max(span.start, closeAt - 1));
}

/**
 * An offset into `after` as an offset into `before`, which a few edits turned into it (a character
 * diff: text inserted maps to where it was inserted). Only ever run for a formula with a problem.
 */
function throughEdits(before: string, after: string, offset: number): number {
  const parts = diffChars(before, after, { maxEditLength: 4096 });
  if (!parts) return Math.min(offset, before.length);
  let a = 0;
  let b = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (part.added) {
      if (offset < a + n) return b;
      a += n;
    } else if (part.removed) {
      b += n;
    } else {
      if (offset < a + n) return b + offset - a;
      a += n;
      b += n;
    }
  }
  return Math.min(before.length, b + offset - a);
}
