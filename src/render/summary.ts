/**
 * Where a page's summary ends, for pages whose automatic summary would show math or a figure badly.
 *
 * Hugo 0.111.3 makes an automatic summary from the PLAIN text of the rendered page, so a formula
 * becomes its MathML's text (src/render/katex-markup.ts), untypeset.
 * Hugo 0.134+ keeps the HTML of whole paragraphs instead. A `<!--more-->` divider makes the summary
 * "manual" in both: the rendered HTML before it, formulas typeset. So when the author gave neither a
 * divider nor a front-matter summary and there is math within the first `summaryLength` words, the
 * shadow gets a divider after the top-level block in which the count reaches `summaryLength` (Hugo
 * 0.134+'s own rule: whole paragraphs), or after the last block when the page is shorter. So it does,
 * before the reader's words reach `summaryLength`, in front of a figure, diagram or plot of ours that
 * follows some text (automaticSummary). Words are counted on the text a reader sees, a formula counting
 * as one word, and on a page in a CJK language as Hugo counts them there (summaryWords).
 */
import type { Nodes as MdastNodes, Root } from 'mdast';
import type { Range } from '../content/math.js';

/**
 * The summary divider as the shadow writes it: at the end of a block's last line, no newline added, so
 * the shadow keeps the original's line numbers (which Hugo's messages name). Hugo's lexer takes the
 * divider out with the whitespace after it and separates the blocks itself (measured with 0.111.3 and
 * 0.169.0 after a paragraph, a list, a blockquote, a table, a fenced code block, raw HTML, at the end
 * of the file: the same content and summary as with the divider on a line of its own).
 */
export const SUMMARY_DIVIDER = '<!--more-->';

/**
 * Chinese, Japanese or Korean text: Hugo's test (hugolib/page__meta.go cjkRe, 0.111.3 and 0.169.0) of
 * whether a page of a site with `hasCJKLanguage` is in such a language.
 */
export const CJK_TEXT = /\p{Script=Han}|\p{Script=Hangul}|\p{Script=Hiragana}|\p{Script=Katakana}/u;

/**
 * The words of `text` as Hugo counts them for a summary: each run between white space is one, except, on
 * a page in a CJK language, a run with any character outside ASCII, which counts its characters
 * (0.111.3's TruncateWordsByRune, 0.134+'s ExtractSummaryFromHTML: 200 Chinese characters in a row are
 * 200 words, not one).
 */
export function summaryWords(text: string, cjk: boolean): number {
  let n = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (!cjk || !/[^\x00-\x7f]/.test(word)) n++;
    else for (const _ of word) n++;
  }
  return n;
}

function countWords(node: MdastNodes, cjk: boolean): { words: number; math: boolean } {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return { words: summaryWords(node.value, cjk), math: false };
    case 'mathSpan' as string:
    case 'mathBlock' as string:
      return { words: 1, math: true };
    case 'html':
      return { words: 0, math: false };
    default: {
      let words = 0;
      let math = false;
      if ('children' in node) {
        for (const c of node.children as MdastNodes[]) {
          const r = countWords(c, cjk);
          words += r.words;
          math ||= r.math;
        }
      }
      return { words, math };
    }
  }
}

/**
 * The offset (into the source) at which to insert SUMMARY_DIVIDER, or null when the automatic summary
 * holds no math and runs into no figure (Hugo's own is fine then). `tree` is the page body parsed with
 * math, offsets relative to `bodyOffset`; a divider never goes inside one of the `shortcodes` ranges (it
 * moves after it); `figures` are the figures, diagrams and plots of ours (see automaticSummary).
 */
export function summaryDividerOffset(
  tree: Root,
  bodyOffset: number,
  summaryLength: number,
  shortcodes: readonly Range[] = [],
  figures: readonly Range[] = [],
  cjk = false,
): number | null {
  const auto = automaticSummary(tree, bodyOffset, summaryLength, shortcodes, figures, cjk);
  return auto.math || auto.figure ? auto.end : null;
}

/**
 * Where the page's automatic summary ends (an offset into the source, after the block in which the word
 * count reaches `summaryLength`, Hugo 0.134+'s rule, never inside one of the `shortcodes`; null for an
 * empty body), whether math comes before it, and whether it stops before a figure. A figure, diagram or
 * plot of ours (`figures`) after some text ends the summary before it (`figure: true`): counted as Hugo
 * counts the rendered page, its caption and the words of its drawing (labels, the description) would
 * fill the summary with a figure or, shown as plain text, with its labels run together. One before any
 * text but headings stays in it, as any other leading block. Hugo 0.111.3's automatic summary is
 * plain text: no markup of a fragment reaches it, whatever its length.
 */
export function automaticSummary(
  tree: Root,
  bodyOffset: number,
  summaryLength: number,
  shortcodes: readonly Range[] = [],
  figures: readonly Range[] = [],
  cjk = false,
): { end: number | null; math: boolean; figure: boolean; definitionsEnd?: number } {
  let words = 0;
  let prose = 0;
  let math = false;
  let figure = false;
  let end: number | null = null;
  const rendersInPlace = (b: Root['children'][number]) => b.type !== 'definition' && b.type !== 'footnoteDefinition' && b.type !== 'yaml';
  let last: Root['children'][number] | undefined;
  for (const b of tree.children) if (rendersInPlace(b)) last = b;
  let definitionsEnd: number | undefined;
  for (const block of tree.children) {
    if (!rendersInPlace(block)) continue;
    const start = bodyOffset + block.position!.start.offset!;
    const blockEnd = bodyOffset + block.position!.end.offset!;
    if (prose > 0 && figures.some((f) => f.start < blockEnd && start < f.end)) {
      figure = true;
      break;
    }
    const r = countWords(block, cjk);
    words += r.words;
    if (block.type !== 'heading') prose += r.words;
    math ||= r.math;
    end = blockEnd;
    // The whole page: where its link and footnote definitions follow, where they end (definitionsEnd), for
    // a divider after them: before them Hugo counts them (0.111: and the footnotes) as text after it, and
    // .Truncated is true on a short page.
    if (block === last) {
      const final = tree.children.at(-1)!;
      if (final !== block) definitionsEnd = bodyOffset + final.position!.end.offset!;
      break;
    }
    if (words >= summaryLength) break;
  }
  if (end !== null) for (const sc of shortcodes) if (sc.start < end && end < sc.end) end = sc.end;
  return definitionsEnd !== undefined ? { end, math, figure, definitionsEnd } : { end, math, figure };
}
