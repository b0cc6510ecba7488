/**
 * Heading ids as Hugo computes them, so that a heading whose math we replace by a placeholder keeps
 * the id Hugo gave it on the original page (and links to it keep working).
 *
 * Hugo's ids come from two things, both measured with hugo 0.111.3 and 0.169.0:
 *
 * - The TEXT a heading's id is made from changed in Hugo 0.144.0 (commit 24cc25552):
 *   - before ("raw"): Goldmark's own auto-id, fed the heading's last source LINE as written, minus the
 *     `#` markers, a closing `##` sequence and a trailing `{…}` attribute block. `$\mathbf{W}_{hh}$`
 *     gives `mathbfw_hh`, a link `[a](u)` keeps its URL, `--` stays two dashes.
 *   - from 0.144 ("plain"): Hugo's TextPlain of the parsed heading: text of text nodes (after the
 *     typographer, entities resolved), code spans, link and image text (no URLs), raw HTML tags
 *     stripped. Underscores that Markdown read as emphasis vanish (`mathbfwhh-and-mathbfwxh`), `--`
 *     becomes an en dash (dropped). An empty text gives no id at all.
 * - The SANITIZING (markup/goldmark/autoid.go, unchanged): `github` keeps letters, digits and `_`,
 *   lower-cased, turns spaces and `-` into `-`, drops the rest; `github-ascii` first removes accents
 *   and then drops any non-ASCII; `blackfriday` joins runs of letters/digits with single dashes. An
 *   empty result is `heading`; a value already used on the page gets `-1`, `-2`… Author ids (`{#x}`)
 *   are registered in document order too, and every heading of the page counts.
 */
import type { Nodes as MdastNodes, Heading, Root } from 'mdast';
import { parseMarkdownWithMath, type Range } from './math.js';
import type { DelimiterPair } from './math-syntax.js';
import { isPlainWords, typographer } from '../render/markdown.js';

export type AutoIdType = 'github' | 'github-ascii' | 'blackfriday';

/** Which Hugo text rule: before 0.144 the raw source line, from 0.144 the plain text. */
export type IdRule = 'raw' | 'plain';

/** The Hugo version from which headings' ids use the plain text (the `prerender-id` shortcode tests it). */
export const PLAIN_TEXT_IDS_SINCE = '0.144.0';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const NUMBER = /\p{N}/u;
const MARK = /\p{Mn}/gu;

/** Go's unicode.IsSpace, which bytes.TrimSpace uses. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

const PRINTABLE_ASCII = /^[\t\n\v\f\r\x20-\x7e]*$/;
const NOT_KEPT_ASCII = /[^A-Za-z0-9_ -]/g;

/** One code point lower-cased as Go's unicode.ToLower does (a single rune: special cases keep the rune). */
function toLowerRune(ch: string): string {
  const l = ch.toLowerCase();
  return [...l].length === 1 ? l : ch;
}

/** Hugo's sanitizeAnchorName: the id for `text` before the empty and duplicate rules. */
export function anchorize(text: string, type: AutoIdType): string {
  if (type === 'blackfriday') {
    let out = '';
    let futureDash = false;
    for (const ch of text) {
      if (LETTER.test(ch) || NUMBER.test(ch)) {
        if (futureDash && out.length > 0) out += '-';
        futureDash = false;
        out += toLowerRune(ch);
      } else futureDash = true;
    }
    return out;
  }
  // Printable ASCII (most headings), where letters, digits and case are ASCII's: the loop below in three
  // native passes (trim Go's spaces; drop what is neither letter, digit, `_`, `-` nor space; space to `-`).
  if (PRINTABLE_ASCII.test(text)) return text.replace(GO_SPACE, '').replace(NOT_KEPT_ASCII, '').replace(/ /g, '-').toLowerCase();
  const asciiOnly = type === 'github-ascii';
  // Go's text.RemoveAccents: NFD, drop nonspacing marks, NFC.
  const s = (asciiOnly ? text.normalize('NFD').replace(MARK, '').normalize('NFC') : text).replace(GO_SPACE, '');
  let out = '';
  for (const ch of s) {
    if (asciiOnly && ch.codePointAt(0)! > 0x7f) continue;
    if (ch === '-' || ch === ' ') out += '-';
    else if (ch === '_' || LETTER.test(ch) || DIGIT.test(ch)) out += toLowerRune(ch);
  }
  return out;
}

/** Hugo's idFactory: ids handed out on one page, with `-1`, `-2` for repeats. */
export class IdFactory {
  private readonly used = new Set<string>();
  constructor(readonly type: AutoIdType) {}

  /** The id Hugo would generate for `text` now, without registering it. */
  peek(text: string): string {
    let id = anchorize(text, this.type) || 'heading';
    if (this.used.has(id)) {
      for (let i = 1; ; i++) {
        if (!this.used.has(`${id}-${i}`)) {
          id = `${id}-${i}`;
          break;
        }
      }
    }
    return id;
  }

  generate(text: string): string {
    const id = this.peek(text);
    this.used.add(id);
    return id;
  }

  /** An id given by the author (`{#id}`), registered as is. */
  put(id: string): void {
    this.used.add(id);
  }
}

// ---------------------------------------------------------------------------------------------------
// Finding the headings of a page.

export interface PageHeading {
  level: number;
  /** Offsets (into the full source) of the heading's inline content: no markers, closing `#`s or attributes. */
  contentStart: number;
  contentEnd: number;
  /** Where an id attribute goes: ` {#id}` at this offset (end of the heading's last line). */
  insertAt: number;
  /** When the heading ends with an attribute block without an id (`{.c}`): the offset just after its `{`. */
  attrOpen?: number;
  /** The id the author gave (`{#id}`), if any. */
  explicitId?: string;
  /** The text Hugo before 0.144 makes the id from. */
  rawText: string;
  /** The text Hugo 0.144+ makes the id from ('' gives no id). */
  plainText: string;
  /** The heading's content as Markdown (for rendering it in a table of contents). */
  markdown: string;
}

// Goldmark's attribute syntax (parser/attribute.go), byte for byte: `{#id .class name=value …}`. An id
// written `#x` holds no ASCII punctuation but `_ - : .`; `id="…"` may hold anything, so an id is only
// ever written escaped. A block that does not parse is text (and raw HTML in it is raw HTML).
const GM_SPACE = /^[ \t\n\v\f\r]$/;
const GM_PUNCT = /^[!-/:-@[-`{-~]$/;
const NAME_START = /^[A-Za-z_:]$/;
const NAME_CHAR = /^[A-Za-z0-9_:.-]$/;

type AttrValue = string | number | boolean | null | AttrValue[] | GoldmarkAttribute[];
export interface GoldmarkAttribute {
  name: string;
  value: AttrValue;
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && GM_SPACE.test(line[i]!)) i++;
  return i;
}

function parseName(line: string, i: number): number {
  if (!NAME_START.test(line[i] ?? '')) return -1;
  while (i < line.length && NAME_CHAR.test(line[i]!)) i++;
  return i;
}

/** Goldmark's ParseAttributes at `line[i]` (spaces, then `{`): the attributes and the offset after `}`. */
export function parseGoldmarkAttributes(line: string, i: number): { attrs: GoldmarkAttribute[]; end: number } | null {
  i = skipSpaces(line, i);
  if (line[i] !== '{') return null;
  i++;
  const attrs: GoldmarkAttribute[] = [];
  for (;;) {
    if (line[i] === '}') return { attrs, end: i + 1 };
    const a = parseAttribute(line, i);
    if (!a) return null;
    attrs.push(a.attr);
    i = skipSpaces(line, a.end);
    if (line[i] === ',') i = skipSpaces(line, i + 1);
  }
}

function parseAttribute(line: string, i: number): { attr: GoldmarkAttribute; end: number } | null {
  i = skipSpaces(line, i);
  const c = line[i];
  if (c === '#' || c === '.') {
    let j = i + 1;
    while (j < line.length && !GM_SPACE.test(line[j]!) && (!GM_PUNCT.test(line[j]!) || '_-:.'.includes(line[j]!))) j++;
    return { attr: { name: c === '#' ? 'id' : 'class', value: line.slice(i + 1, j) }, end: j };
  }
  const nameEnd = parseName(line, i);
  if (nameEnd < 0) return null;
  const name = line.slice(i, nameEnd);
  let j = skipSpaces(line, nameEnd);
  if (line[j] !== '=') return null;
  const v = parseValue(line, skipSpaces(line, j + 1));
  if (!v) return null;
  if (name === 'class' && typeof v.value !== 'string') return null;
  return { attr: { name, value: v.value }, end: v.end };
}

function parseValue(line: string, i: number): { value: AttrValue; end: number } | null {
  i = skipSpaces(line, i);
  const c = line[i];
  if (c === undefined) return null;
  if (c === '{') {
    const r = parseGoldmarkAttributes(line, i);
    return r && { value: r.attrs, end: r.end };
  }
  if (c === '[') {
    const out: AttrValue[] = [];
    i++;
    for (let n = 0; ; n++) {
      const d = line[i];
      let comma = false;
      if (n !== 0 && d === ',') {
        i++;
        comma = true;
      }
      if (d === ']') return comma ? null : { value: out, end: i + 1 };
      const v = parseValue(line, skipSpaces(line, i));
      if (!v) return null;
      out.push(v.value);
      i = skipSpaces(line, v.end);
    }
  }
  if (c === '"') {
    let buf = '';
    for (let j = i + 1; j < line.length; j++) {
      const d = line[j]!;
      if (d === '\\' && j !== line.length - 1) {
        const n = line[j + 1]!;
        const esc: Record<string, string> = { '"': '"', '/': '/', '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc[n] !== undefined) {
          buf += esc[n];
          j++;
        } else buf += '\\';
        continue;
      }
      if (d === '"') return { value: buf, end: j + 1 };
      buf += d;
    }
    return null;
  }
  if (c === '-' || c === '+' || /[0-9]/.test(c)) {
    const m = /^[-+]?([0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]*)?)/.exec(line.slice(i));
    if (!m || !/^[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/.test(m[1]!)) return null;
    return { value: Number(m[0]), end: i + m[0].length };
  }
  const end = parseName(line, i);
  if (end < 0) return null;
  const word = line.slice(i, end);
  return { value: word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word, end };
}

/** The id a parsed attribute block gives its heading (the last one set), as Goldmark renders it. */
function attributeId(attrs: readonly GoldmarkAttribute[]): string | undefined {
  let id: string | undefined;
  for (const a of attrs) {
    if (a.name !== 'id') continue;
    // Goldmark renders only []byte and string values; anything else is an empty attribute.
    id = typeof a.value === 'string' ? a.value : '';
  }
  return id;
}

/** A trailing Goldmark attribute block on `line`: where it starts and the id it sets. */
function trailingAttributes(line: string): { start: number; id?: string } | null {
  // The LAST unescaped `{` from which a valid attribute list runs to the end of the line (Goldmark 1.5,
  // Hugo 0.111; later Goldmark takes the first such `{`, the same one unless a value holds a `{`).
  for (let i = line.lastIndexOf('{'); i >= 0; i = i > 0 ? line.lastIndexOf('{', i - 1) : -1) {
    if (i > 0 && line[i - 1] === '\\') continue;
    const r = parseGoldmarkAttributes(line, i);
    if (r && /^[ \t\n\v\f\r]*$/.test(line.slice(r.end))) {
      const id = attributeId(r.attrs);
      return { start: i, ...(id !== undefined ? { id } : {}) };
    }
  }
  return null;
}

/** Where a heading line's trailing attribute block (`## Head {title="…"}`) starts in `line` (from its `#`), or -1. */
function atxAttributeStart(line: string): number {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (!m) return -1;
  const c = atxContent(line.slice(m[0].length));
  return c.attr ? m[0].length + c.attr.start : -1;
}

/**
 * Where Goldmark reads attributes on a page (offsets into the source, each to the end of its line): every
 * heading's trailing attribute block, at any depth (an ATX heading's `{…}`, a setext heading's on its last
 * line, one in a quote or a list item), and, with `blockAttributes` (markup.goldmark.parser.attribute.block),
 * each line of a paragraph that is an attribute block (`{.c title="…"}`: Goldmark ends the paragraph
 * there and gives it the attributes). What one holds ends up inside an HTML attribute.
 */
export function attributeRanges(source: string, tree: Root, bodyOffset: number, blockAttributes: boolean): (Range & { heading: boolean })[] {
  const out: (Range & { heading: boolean })[] = [];
  const lineEnd = (at: number) => {
    const nl = source.indexOf('\n', at);
    return nl < 0 ? source.length : nl;
  };
  const visit = (node: MdastNodes) => {
    const pos = node.position;
    if (node.type === 'heading' && pos?.start.offset !== undefined && pos.end.offset !== undefined) {
      const start = bodyOffset + pos.start.offset;
      if (source[start] === '#') {
        const end = lineEnd(start);
        const at = atxAttributeStart(source.slice(start, end));
        if (at >= 0) out.push({ start: start + at, end, heading: true });
      } else {
        // Setext: the attributes end its last content line, the one above the underline.
        const first = node.children[0]?.position?.start.offset;
        const last = node.children[node.children.length - 1]?.position?.end.offset;
        if (first !== undefined && last !== undefined) {
          const lineStart = source.lastIndexOf('\n', bodyOffset + last - 1) + 1;
          const from = Math.max(lineStart, bodyOffset + first);
          const attr = trailingAttributes(source.slice(from, bodyOffset + last));
          if (attr) out.push({ start: from + attr.start, end: lineEnd(from), heading: true });
        }
      }
      return;
    }
    if (blockAttributes && node.type === 'paragraph' && pos?.start.offset !== undefined && pos.end.offset !== undefined) {
      const end = bodyOffset + pos.end.offset;
      for (let at = bodyOffset + pos.start.offset; at < end; ) {
        const stop = lineEnd(at);
        const line = source.slice(at, stop);
        // After a quote's markers and the indentation of a list item's continuation.
        const brace = /^[ \t>]*/.exec(line)![0].length;
        const r = line[brace] === '{' ? parseGoldmarkAttributes(line, brace) : null;
        if (r && /^[ \t\r]*$/.test(line.slice(r.end))) out.push({ start: at + brace, end: stop, heading: false });
        at = stop + 1;
      }
      return;
    }
    // No heading or block inside a paragraph or a table: their inline content is not walked.
    if (node.type === 'paragraph' || node.type === 'table') return;
    if ('children' in node) for (const c of node.children as MdastNodes[]) visit(c);
  };
  visit(tree);
  return out;
}

/** A character Goldmark's linkify takes in an e-mail address's local part (util.FindEmailIndex). */
const EMAIL_LOCAL = /[A-Za-z0-9!#$%&'*+\-./=?^_`{|}~]/;
/** Goldmark's e-mail domain (util.emailDomainRegexp); linkify wants a dot in it. */
const EMAIL_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*/;

/**
 * Whether the formula `spans[i]` (spans in document order) is part of what Goldmark's linkify (on in
 * Hugo by default) takes for an e-mail address in the shadow, where the formula is a shortcode
 * placeholder of letters and digits: from it, over characters of an address's local part and other
 * formulas, to an `@` and a domain with a dot (`m$x$@example.org`, `$a$b@example.org`). Micromark's
 * own autolinks take no `$` in an address, so the page's parse sees math there.
 */
export function joinedToEmailAddress(source: string, spans: readonly Range[], i: number): boolean {
  let at = spans[i]!.end;
  let next = i + 1;
  for (;;) {
    if (next < spans.length && spans[next]!.start === at) at = spans[next++]!.end;
    else if (at < source.length && EMAIL_LOCAL.test(source[at]!)) at++;
    else break;
  }
  if (source[at] !== '@') return false;
  const domain = EMAIL_DOMAIN.exec(source.slice(at + 1, at + 1024));
  return domain !== null && domain[0].includes('.');
}

/** Goldmark's ATX content of a heading line (after the `#`s): closing sequence and attributes removed. */
function atxContent(line: string): { start: number; end: number; attr?: { start: number; id?: string } } {
  let start = 0;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t')) start++;
  let stop = line.length;
  while (stop > start && /[ \t\r]/.test(line[stop - 1]!)) stop--;
  // `### heading ### {#id}`: attributes after a closing sequence.
  const closing = /[ \t](#+)[ \t]*(\{.*)$/.exec(line.slice(start, stop));
  if (closing) {
    const attr = trailingAttributes(closing[2]!);
    if (attr && attr.start === 0) {
      return { start, end: start + closing.index, attr: { start: stop - closing[2]!.length, ...(attr.id ? { id: attr.id } : {}) } };
    }
  }
  // Closing sequence: trailing `#`s preceded by a space (or making up the whole content).
  let i = stop;
  while (i > start && line[i - 1] === '#') i--;
  if (i !== stop && (i === start || line[i - 1] === ' ' || line[i - 1] === '\t')) stop = i;
  while (stop > start && /[ \t]/.test(line[stop - 1]!)) stop--;
  const attr = trailingAttributes(line.slice(start, stop));
  if (attr) {
    let end = start + attr.start;
    return { start, end, attr: { start: start + attr.start, ...(attr.id ? { id: attr.id } : {}) } };
  }
  return { start, end: stop };
}

/** Hugo's TextPlain of a parsed heading (0.144+). */
function textPlain(node: MdastNodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return node.value.replace(/<[^>]*>/g, '').trim();
    case 'image':
      return node.alt ?? '';
    case 'break':
      return '\n';
    case 'mathSpan':
    case 'mathBlock':
      // Passthrough math nodes have no children: no text.
      return '';
    default:
      return 'children' in node ? (node.children as MdastNodes[]).map(textPlain).join('') : '';
  }
}

export interface HeadingParseOptions {
  /** Passthrough delimiters configured in the site: Hugo 0.144+ then gives math no text in ids. */
  passthrough?: readonly DelimiterPair[];
}

/** Test hook: with `enabled` false every heading is parsed. */
export const plainHeadingFastPath = { enabled: true };

/** The plain text Hugo 0.144+ gives a heading whose inline Markdown is `markdown`. */
export function plainHeadingText(markdown: string, opts: HeadingParseOptions = {}): string {
  // Plain words (render/markdown.ts isPlainWords) are their own plain text: most headings.
  if (plainHeadingFastPath.enabled && isPlainWords(markdown, opts.passthrough ?? [])) return markdown;
  const doc = `# ${markdown.replace(/\n/g, ' ')}`;
  const tree: Root = parseMarkdownWithMath(doc, opts.passthrough ?? []);
  typographer(tree);
  const h = tree.children[0];
  if (!h || h.type !== 'heading') return markdown;
  return textPlain(h);
}

/**
 * Every heading of a page body, in document order, from the Markdown structure `tree` of the body
 * (parsed with math and with shortcode tags masked, offsets relative to `bodyOffset`).
 * Headings inside `skip` ranges (the inner content of shortcodes) are left out.
 */
export function collectHeadings(
  source: string,
  tree: Root,
  bodyOffset: number,
  skip: readonly Range[] = [],
  opts: HeadingParseOptions = {},
): PageHeading[] {
  const out: PageHeading[] = [];
  const visit = (node: MdastNodes) => {
    if (node.type === 'heading') {
      const h = headingFrom(source, node, bodyOffset, opts);
      if (h && !skip.some((r) => r.start < h.contentEnd && h.contentStart < r.end)) out.push(h);
      return;
    }
    if ('children' in node) for (const c of node.children as MdastNodes[]) visit(c);
  };
  visit(tree);
  return out;
}

function headingFrom(source: string, node: Heading, bodyOffset: number, opts: HeadingParseOptions): PageHeading | null {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return null;
  const start = bodyOffset + pos.start.offset;
  const end = bodyOffset + pos.end.offset;
  if (source[start] === '#') {
    let i = start;
    while (source[i] === '#') i++;
    let lineEnd = source.indexOf('\n', start);
    if (lineEnd === -1) lineEnd = source.length;
    const line = source.slice(i, lineEnd);
    const c = atxContent(line);
    const contentStart = i + c.start;
    const contentEnd = Math.max(contentStart, i + c.end);
    let insertAt = lineEnd;
    while (insertAt > start && /[ \t\r]/.test(source[insertAt - 1]!)) insertAt--;
    const text = source.slice(contentStart, contentEnd);
    return {
      level: node.depth,
      contentStart,
      contentEnd,
      insertAt,
      ...(c.attr && c.attr.id === undefined ? { attrOpen: i + c.attr.start + 1 } : {}),
      ...(c.attr?.id !== undefined ? { explicitId: c.attr.id } : {}),
      rawText: text,
      plainText: plainHeadingText(text, opts),
      markdown: text,
    };
  }
  // Setext: the content lines end before the underline.
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const cStart = first?.position?.start.offset !== undefined ? bodyOffset + first.position.start.offset : start;
  let cEnd = last?.position?.end.offset !== undefined ? bodyOffset + last.position.end.offset : end;
  const textAll = source.slice(cStart, cEnd);
  const lastNl = textAll.lastIndexOf('\n');
  const lastLine = textAll.slice(lastNl + 1);
  const attr = trailingAttributes(lastLine);
  if (attr) cEnd = cStart + lastNl + 1 + attr.start;
  const text = source.slice(cStart, cEnd);
  let insertAt = cStart + textAll.length;
  const rawLines = text.split(/\r?\n/);
  const plain = plainHeadingText(text, opts).split('\n');
  return {
    level: node.depth,
    contentStart: cStart,
    contentEnd: cEnd,
    insertAt,
    ...(attr && attr.id === undefined ? { attrOpen: cStart + lastNl + 1 + attr.start + 1 } : {}),
    ...(attr?.id !== undefined ? { explicitId: attr.id } : {}),
    rawText: rawLines[rawLines.length - 1]!.trim(),
    plainText: plain[plain.length - 1]!,
    markdown: text.replace(/\r?\n[ \t]*/g, ' '),
  };
}

// ---------------------------------------------------------------------------------------------------
// Which headings of a shadow need an explicit id, and which.

export interface HeadingIdInput {
  rawText: string;
  plainText: string;
  explicitId?: string;
  /** True when the shadow changes this heading's text (math or one of our shortcodes in it). */
  changed: boolean;
  /**
   * Rendered apart from the page's Markdown (inside a `{{% %}}` that travels in the prerender-md wrapper,
   * whose RenderString hands out ids of its own): plain Hugo counts it among the page's headings, the
   * shadow cannot, so it always gets its id written and takes none from the page's.
   */
  apart?: boolean;
}

export interface HeadingIdPlan {
  /** The id Hugo gives this heading on the original page, before 0.144 and from 0.144 (null: none). */
  raw: string;
  plain: string | null;
  /**
   * What the shadow must say: nothing (Hugo computes the same id), one literal id for every Hugo, or
   * one per rule (written as the `prerender-id` shortcode, which picks by Hugo's version).
   */
  write: { kind: 'none' } | { kind: 'literal'; id: string } | { kind: 'switch'; raw: string; plain: string };
}

/** The ids of the original page's headings, per rule. */
export function originalIds(headings: readonly Omit<HeadingIdInput, 'changed'>[], type: AutoIdType): { raw: string[]; plain: (string | null)[] } {
  const raw = new IdFactory(type);
  const plain = new IdFactory(type);
  const out = { raw: [] as string[], plain: [] as (string | null)[] };
  for (const h of headings) {
    if (h.explicitId !== undefined) {
      raw.put(h.explicitId);
      plain.put(h.explicitId);
      out.raw.push(h.explicitId);
      out.plain.push(h.explicitId);
      continue;
    }
    out.raw.push(raw.generate(h.rawText));
    out.plain.push(h.plainText === '' ? null : plain.generate(h.plainText));
  }
  return out;
}

/**
 * Plans the shadow's heading ids so that, with either Hugo rule, every heading ends up with the id it
 * has on the original page. A changed heading always gets an explicit id; an unchanged one only when
 * the ids handed out before it in the shadow differ from the original's and would change its suffix.
 */
export function planHeadingIds(headings: readonly HeadingIdInput[], type: AutoIdType): HeadingIdPlan[] {
  const orig = originalIds(headings, type);
  const raw = new IdFactory(type);
  const plain = new IdFactory(type);
  return headings.map((h, i): HeadingIdPlan => {
    const want = { raw: orig.raw[i]!, plain: orig.plain[i]! };
    if (h.apart) {
      if (h.explicitId !== undefined) return { ...want, write: { kind: 'none' } };
      const p = want.plain ?? want.raw;
      return { ...want, write: p === want.raw ? { kind: 'literal', id: p } : { kind: 'switch', raw: want.raw, plain: p } };
    }
    if (h.explicitId !== undefined) {
      raw.put(h.explicitId);
      plain.put(h.explicitId);
      return { ...want, write: { kind: 'none' } };
    }
    if (!h.changed) {
      const gotRaw = raw.peek(h.rawText);
      const gotPlain = h.plainText === '' ? null : plain.peek(h.plainText);
      if (gotRaw === want.raw && gotPlain === want.plain) {
        raw.generate(h.rawText);
        if (h.plainText !== '') plain.generate(h.plainText);
        return { ...want, write: { kind: 'none' } };
      }
    }
    // A Hugo without plain ids, or a heading with no plain text, keeps the raw one everywhere.
    const p = want.plain ?? want.raw;
    if (p === want.raw) {
      raw.put(p);
      plain.put(p);
      return { ...want, write: { kind: 'literal', id: p } };
    }
    // The switch's placeholder is a unique string to Hugo's id factory: it takes no id away.
    return { ...want, write: { kind: 'switch', raw: want.raw, plain: p } };
  });
}

/** The text to insert into the shadow for a plan (`''` when nothing). */
export function idAttributeText(plan: HeadingIdPlan, heading: Pick<PageHeading, 'attrOpen'>): string {
  const w = plan.write;
  if (w.kind === 'none') return '';
  const value = w.kind === 'literal' ? w.id : `{{< prerender-id "${w.raw}" "${w.plain}" >}}`;
  return heading.attrOpen !== undefined ? `#${value} ` : ` {#${value}}`;
}
