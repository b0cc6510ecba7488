/**
 * Finds the math in a page body: which `$…$`, `$$…$$`, `\(…\)`, `\[…\]` (or configured delimiters)
 * are math to Markdown's eyes, with exact offsets into the original file. Everything Markdown treats
 * as code or HTML is never math; lists, quotes, tables, footnotes and link text are ordinary text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Diagnostic, MathSpan } from './types.js';
import { LineIndex } from './position.js';
import { mathFromMarkdown, mathSyntax, type DelimiterPair } from './math-syntax.js';
import { removeMarkdownEscapes } from './math-escapes.js';

export interface MathOptions {
  /**
   * Hugo's `markup.goldmark.extensions.passthrough.delimiters`. When given, these and only these are
   * math delimiters, with passthrough's semantics (no currency rule).
   */
  delimiters?: { inline: [string, string][]; block: [string, string][] };
  /**
   * `markdown`: the page was written for Markdown-then-MathJax (ox-hugo, Blackfriday-era themes):
   * `\\(`/`\\[` are the delimiters and Markdown's backslash escapes inside math are removed.
   */
  escapes?: 'none' | 'markdown';
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

/** The delimiter pairs in force for these options. */
export function delimiterPairs(opts: MathOptions = {}): DelimiterPair[] {
  const configured = opts.delimiters !== undefined;
  const inline = opts.delimiters?.inline ?? DEFAULT_INLINE;
  const block = opts.delimiters?.block ?? DEFAULT_BLOCK;
  const tr = opts.escapes === 'markdown' ? markdownEscaped : (s: string) => s;
  const pairs: DelimiterPair[] = [];
  const seen = new Set<string>();
  // Block first so an opener configured as both is display.
  for (const [list, display] of [
    [block, true],
    [inline, false],
  ] as const) {
    for (const [o, c] of list) {
      if (!o || !c) continue;
      const open = tr(o);
      if (seen.has(open)) continue;
      seen.add(open);
      pairs.push({ open, close: tr(c), display, dollarRule: !configured && o === '$' && c === '$' });
    }
  }
  return pairs;
}

/**
 * Same-length filler for masked ranges: a letter per character. Line endings, spaces and tabs are
 * kept, and so are the `>` markers that start a line, so a range spanning lines (a multi-line
 * shortcode or escape inside a list item, a quote or an indented fence) leaves the Markdown
 * structure around it intact: filling a continuation line's indentation would end the list item and
 * turn its fence's closing line into an opening one that swallows the rest of the page.
 */
function applyMask(body: string, bodyOffset: number, masked: Range[]): string {
  if (masked.length === 0) return body;
  const chars = body.split('');
  for (const m of masked) {
    const s = Math.max(m.start - bodyOffset, 0);
    const e = Math.min(m.end - bodyOffset, body.length);
    let lineStart = s === 0 || chars[s - 1] === '\n' || chars[s - 1] === '\r';
    for (let i = s; i < e; i++) {
      const c = chars[i]!;
      if (c === '\n' || c === '\r') {
        lineStart = true;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (lineStart && c === '>') continue;
      lineStart = false;
      chars[i] = 'x';
    }
  }
  return chars.join('');
}

/** Parses a Markdown string with GFM and the math syntax for `pairs`. */
export function parseMarkdownWithMath(markdown: string, pairs: readonly DelimiterPair[]): Root {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(function mathPlugin() {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(mathSyntax(pairs));
      (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown(pairs));
    });
  return processor.parse(markdown);
}

/** Signs that a page was written for Markdown-then-MathJax while `escapes` is `none`. */
const ESCAPE_SIGNS_IN_TEX = /\\[_*]|\\\\\\\\/g;
const MIN_ESCAPE_SIGNS = 2;

export function locateMath(source: string, opts: LocateMathOptions): { spans: MathSpan[]; diagnostics: Diagnostic[] } {
  const { bodyOffset } = opts;
  const mathOpts = opts.math ?? {};
  const escapes = mathOpts.escapes ?? 'none';
  const pairs = delimiterPairs(mathOpts);
  const body = applyMask(source.slice(bodyOffset), bodyOffset, opts.masked);
  const tree = parseMarkdownWithMath(body, pairs);
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const diag = (severity: Diagnostic['severity'], offset: number, message: string, code: string) => {
    const { line, column } = lines.at(offset);
    diagnostics.push({ severity, message, file: opts.file, line, column, offset, code });
  };
  const masked = [...opts.masked].sort((a, b) => a.start - b.start);
  // O(log masks) per formula (a page of formulas and shortcodes was O(formulas × masks)): among the
  // masks that start before e, does the furthest-reaching one end after s?
  const reach: number[] = [];
  for (const m of masked) reach.push(Math.max(m.end, reach[reach.length - 1] ?? -Infinity));
  const overlapsMask = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = masked.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (masked[mid]!.start < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > s;
  };

  const spans: MathSpan[] = [];
  const escapeSigns: number[] = [];
  const textRanges: Range[] = [];
  visit(tree, (node) => {
    if (node.type === 'text' && node.position) {
      textRanges.push({ start: node.position.start.offset!, end: node.position.end.offset! });
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
    let tex = node.value.replace(/\r\n?/g, '\n');
    if (escapes === 'markdown') {
      tex = removeMarkdownEscapes(tex);
    } else {
      for (const m of tex.matchAll(ESCAPE_SIGNS_IN_TEX)) escapeSigns.push(start + node.delimiter.length + m.index);
    }
    const { line, column } = lines.at(start);
    spans.push({ tex, display: node.display, start, end, line, column, delimiter: node.delimiter });
  });
  spans.sort((a, b) => a.start - b.start);

  // What the math syntax left as text: unclosed display openers, and `\\(` written for MathJax.
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
    if (escapes === 'none') {
      for (const m of text.matchAll(/\\\\[([]/g)) escapeSigns.push(bodyOffset + r.start + m.index);
    }
  }
  if (escapeSigns.length >= MIN_ESCAPE_SIGNS) {
    escapeSigns.sort((a, b) => a - b);
    diag(
      'warning',
      escapeSigns[0]!,
      `this page looks written for Markdown-then-MathJax (${escapeSigns.length} Markdown escapes such as \\_ or \\\\( ` +
        'around or inside math); if formulas render with stray backslashes, set ' +
        '[params.prerender.math] escapes = "markdown"',
      'math-escapes',
    );
  }
  diagnostics.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { spans, diagnostics };
}

function closerOf(pairs: readonly DelimiterPair[], open: string): string {
  return pairs.find((p) => p.open === open)?.close ?? open;
}

/**
 * Maps an offset into `span.tex` (e.g. KaTeX's error position) back to an offset in the original
 * source. The tex differs from the source between the delimiters where Markdown stripped container
 * prefixes (`> `, list indentation), where CRLF became LF and where Markdown escapes were removed, so
 * the two are aligned character by character, skipping source characters the tex does not have.
 */
export function texOffsetToSource(source: string, span: MathSpan, texOffset: number): number {
  const closeAt = span.end; // the content never reaches past the closer
  let s = span.start + span.delimiter.length;
  const target = Math.max(0, Math.min(texOffset, span.tex.length));
  for (let t = 0; t < target && s < closeAt; t++) {
    const want = span.tex[t];
    while (s < closeAt && source[s] !== want) s++;
    s++;
  }
  // Land on the next character the tex has (skip a prefix at the start of a line, say).
  if (target < span.tex.length) {
    const want = span.tex[target];
    let probe = s;
    while (probe < closeAt && source[probe] !== want) probe++;
    if (probe < closeAt) s = probe;
  }
  return Math.min(s, Math.max(span.start, closeAt - 1));
}
