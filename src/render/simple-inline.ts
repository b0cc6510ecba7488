/**
 * The HTML of a short inline Markdown text (a figure's caption, a title) written without a parse when
 * it uses only what captions mostly use: words, spaces and plain punctuation, `*emphasis*`,
 * `**strong**` and `[links](https://…)`. Everything else is declined (undefined) and goes through the
 * parser, as does anything whose reading CommonMark, GFM or the typographer could make subtle: code,
 * escapes, entities, HTML, `_`, quotes, `--`, `..`, literal URLs (GFM links them), a line a block could
 * start, `*` where it could both open and close, brackets that are not one link. A parse of a caption
 * costs about 0.18 ms at the start of a build (micromark, mdast, hast, HTML); this, a few µs. The
 * seed's two captions are of this kind: about a tenth of a cold build of its 1000 posts.
 *
 * tests/unit/simple-inline.test.ts checks the result against the parser's on random texts made of
 * exactly the characters and constructs at these edges.
 */
import type { DelimiterPair } from '../content/math-syntax.js';
import { goldmarkUrl } from './goldmark-url.js';

/** A character of text: letters, marks, digits, the space and punctuation no rule acts on alone. */
const TEXT_CHAR = /[\p{L}\p{M}\p{N} ,;:?!().\/-]/u;
/** TEXT_CHAR for ASCII, by character code (a regular expression a character costs more than the rest). */
const ASCII_TEXT = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_TEXT[c] = TEXT_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What may precede an opening `*` and follow a closing one (besides the ends of the text and a space). */
const BEFORE_OPEN = new Set(['(', '[']);
const BEFORE_CLOSE = new Set(['.', ')', '?', '!']);
const AFTER_CLOSE = new Set([',', '.', ';', ':', '?', '!', ')', ']']);
/** A link destination: no space, bracket, quote, `&` (entities), `\`, `<` or `*`. */
const DEST = /^[A-Za-z0-9._~:\/?#%+=,;@!$-]+$/;
/** What the text must not hold anywhere (the dashes and ellipsis of the typographer, GFM's literal links). */
const TEXT_DECLINED = /--|\.\.|:\/\/|www\.|@|  /i;
/** Lines that a block starts: a list item, an ordered one. */
const BLOCK_START = /^(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$))/;

function isTextChar(md: string, i: number): boolean {
  const code = md.charCodeAt(i);
  return code < 128 ? ASCII_TEXT[code] === 1 : TEXT_CHAR.test(md[i]!);
}

export interface SimpleInlineOptions {
  unsafe: boolean;
  /** False: a link is written as its content only. */
  links: boolean;
  /** Math delimiters: a text holding an opener is declined. */
  pairs: readonly DelimiterPair[];
}

export function simpleInlineHtml(md: string, opts: SimpleInlineOptions): string | undefined {
  if (md === '' || md.length > 1000 || md[0] === ' ' || md.endsWith(' ') || BLOCK_START.test(md)) return undefined;
  if (opts.pairs.some((p) => md.includes(p.open))) return undefined;
  let out = '';
  // The text outside link destinations, for TEXT_DECLINED (joined: a rule could act across a boundary).
  let text = '';
  /** Lengths of the open `*` runs, innermost last. */
  const emphasis: number[] = [];
  /** Where the link under way started: its index in `out`, and how many emphases were open then. */
  let link: { at: number; emphasis: number } | undefined;
  let i = 0;
  while (i < md.length) {
    const c = md[i]!;
    if (c === '*') {
      let n = 1;
      while (md[i + n] === '*') n++;
      if (n > 2) return undefined;
      const prev = i === 0 ? ' ' : md[i - 1]!;
      const next = i + n < md.length ? md[i + n]! : ' ';
      const opens = (prev === ' ' || BEFORE_OPEN.has(prev)) && WORD_CHAR.test(next);
      const closes = (WORD_CHAR.test(prev) || BEFORE_CLOSE.has(prev)) && (next === ' ' || AFTER_CLOSE.has(next));
      const tag = n === 1 ? 'em' : 'strong';
      if (opens) {
        emphasis.push(n);
        out += `<${tag}>`;
      } else if (closes && emphasis.length > (link?.emphasis ?? 0) && emphasis[emphasis.length - 1] === n) {
        emphasis.pop();
        out += `</${tag}>`;
      } else {
        return undefined;
      }
      i += n;
    } else if (c === '[') {
      // `![`: an image.
      if (link || md[i - 1] === '!') return undefined;
      link = { at: out.length, emphasis: emphasis.length };
      i++;
    } else if (c === ']') {
      if (!link || md[i + 1] !== '(' || emphasis.length !== link.emphasis || out.length === link.at) return undefined;
      const end = md.indexOf(')', i + 2);
      if (end < 0) return undefined;
      const dest = md.slice(i + 2, end);
      if (!DEST.test(dest)) return undefined;
      if (opts.links) {
        const href = goldmarkUrl(dest, opts.unsafe);
        if (!/^[\x21-\x7e]*$/.test(href) || /["&'<>]/.test(href)) return undefined;
        out = `${out.slice(0, link.at)}<a href="${href}">${out.slice(link.at)}</a>`;
      }
      link = undefined;
      i = end + 1;
    } else if (isTextChar(md, i)) {
      // The run of text from here, as one slice.
      let j = i + 1;
      while (j < md.length && isTextChar(md, j)) j++;
      const run = md.slice(i, j);
      out += run;
      text += run;
      i = j;
    } else {
      return undefined;
    }
  }
  if (link || emphasis.length || TEXT_DECLINED.test(text)) return undefined;
  // As renderInlineMarkdown trims the HTML it writes (a link's content may start with a space).
  return out.trim();
}
