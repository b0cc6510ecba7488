/**
 * A Hugo-compatible page lexer: the same state machine as Hugo's `parser/pageparser` (a state
 * function returns the next state function), producing the same items, so that what we call a
 * shortcode, front matter or summary divider is exactly what Hugo calls one. Hugo's own test tables
 * run against it (tests/unit/lexer.test.ts).
 *
 * Differences from Hugo that are deliberate:
 * - Hugo works on UTF-8 bytes; this works on JavaScript strings, so offsets are UTF-16 indices into
 *   the original source (a BOM counts as one). Values are identical.
 * - Hugo may go on emitting text and EOF after an error item, but every consumer stops at the first
 *   error; this lexer stops there too, so the item list ends with `tError` or `tEOF`.
 * - The emoji handler of old Hugo (only with `enableEmoji`, which changes no shortcode) is not here.
 *
 * Two dialects (`compat`): `latest` (Hugo HEAD, the default) and `v0.111.3` (the Debian/Ubuntu build
 * many sites run). They differ in: whitespace inside tags (v0.111.3: only space, tab, CR, LF; `\v` and
 * `\f` are errors; after a closing name only space and tab), Unicode spaces ending bare values,
 * parameters after a self-closing `/` (v0.111.3 accepts `{{< x / y >}}`), files starting with `<`
 * (v0.111.3: "plain HTML documents not supported", or front matter read from inside `<!-- … -->`),
 * and Org files (v0.111.3 switches the summary divider to `# more` on any leading `#`).
 * `parsePage` lexes with `latest` and uses the v0.111.3 dialect only to warn about (and read
 * comment-wrapped) front matter; see page.ts.
 */

/** Item types, with exactly Hugo's names (`ItemType` in parser/pageparser/item.go). */
export const ITEM_TYPES = [
  'tError',
  'tEOF',
  'TypeLeadSummaryDivider',
  'TypeFrontMatterYAML',
  'TypeFrontMatterTOML',
  'TypeFrontMatterJSON',
  'TypeFrontMatterORG',
  'TypeIgnore',
  'tLeftDelimScNoMarkup',
  'tRightDelimScNoMarkup',
  'tLeftDelimScWithMarkup',
  'tRightDelimScWithMarkup',
  'tScClose',
  'tScName',
  'tScNameInline',
  'tScParam',
  'tScParamVal',
  'tIndentation',
  'tText',
] as const;

export type ItemType = (typeof ITEM_TYPES)[number];

export type FrontMatterItemType =
  | 'TypeFrontMatterYAML'
  | 'TypeFrontMatterTOML'
  | 'TypeFrontMatterJSON'
  | 'TypeFrontMatterORG';

export interface Item {
  type: ItemType;
  /** The value as Hugo's `Item.ValStr` gives it (quotes and escape backslashes removed); the message for `tError`. */
  val: string;
  /** Hugo's `Item.Pos()`: where the value starts in the source (for `tError`: where the failing token started). */
  offset: number;
  /**
   * Where the raw text of the value ends. `source.slice(offset, end) === val` except for quoted values
   * from which `\` escapes were removed, and for `tError` (whose `end` is where lexing stopped).
   */
  end: number;
  /** For `tScParam` / `tScParamVal`: the value was quoted (`"…"` or `` `…` ``), so it stays a string. */
  quoted?: boolean;
  /** For front matter items (and their errors): offset of the first delimiter character. */
  blockStart?: number;
}

export type LexStart = 'lexIntroSection' | 'lexMainSection';
export type HugoCompat = 'latest' | 'v0.111.3';

export interface LexOptions {
  /** `lexIntroSection` (a whole file: BOM, front matter, body; the default) or `lexMainSection` (a body only). */
  start?: LexStart;
  compat?: HugoCompat;
  /** Start lexing at this offset (Hugo allows this too); offsets stay relative to the whole source. */
  from?: number;
}

const EOF = -1;

type StateFn = (l: PageLexer) => StateFn | null;

const BOM = 0xfeff;
const SUMMARY_DIVIDER = '<!--more-->';
const SUMMARY_DIVIDER_ORG = '# more';
const LEFT_DELIM_SC = '{{';
const LEFT_DELIM_NO_MARKUP = '{{<';
const RIGHT_DELIM_NO_MARKUP = '>}}';
const LEFT_DELIM_WITH_MARKUP = '{{%';
const RIGHT_DELIM_WITH_MARKUP = '%}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const HTML_COMMENT_START = '<!--';
const HTML_COMMENT_END = '-->';

// ---------------------------------------------------------------------------------------------
// Character classes (Go's definitions)

/** HEAD's `isASCIISpace`. */
function isASCIISpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0a || r === 0x0b || r === 0x0c || r === 0x0d;
}

/** v0.111.3's `isSpace`. */
function isLegacySpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}

function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}

/** Go's `unicode.IsSpace` (used by v0.111.3 for bare values and the summary divider, and by `bytes.TrimSpace`). */
export function isUnicodeSpace(r: number): boolean {
  if (r <= 0xff) return isASCIISpace(r) || r === 0x85 || r === 0xa0;
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Go's `isAlphaNumeric`: `_`, a Unicode letter or a Unicode decimal digit. */
function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  if (r < 0x80) {
    return r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  }
  const s = String.fromCodePoint(r);
  return LETTER.test(s) || DIGIT.test(s);
}

function isAlphaNumericOrHyphen(r: number): boolean {
  return isAlphaNumeric(r) || r === 0x2d;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `fmt.Sprintf("%#U", r)`: `U+0025 '%'`, or just `U+0000` for a non-printable rune. */
export function formatRune(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const isSurrogate = r >= 0xd800 && r <= 0xdfff;
  const printable = !isSurrogate && (r === 0x20 || PRINTABLE.test(String.fromCodePoint(r)));
  return printable ? `U+${hex} '${String.fromCodePoint(r)}'` : `U+${hex}`;
}

function trimUnicodeSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isUnicodeSpace(s.codePointAt(a)!)) a += s.codePointAt(a)! > 0xffff ? 2 : 1;
  while (b > a) {
    const c = s.charCodeAt(b - 1);
    const width = c >= 0xdc00 && c <= 0xdfff && b - 2 >= a ? 2 : 1;
    if (!isUnicodeSpace(s.codePointAt(b - width)!)) break;
    b -= width;
  }
  return s.slice(a, b);
}

// ---------------------------------------------------------------------------------------------
// The lexer

interface SectionHandler {
  skipAll: boolean;
  /** Absolute offset of the last match found by `skip`, or -1. */
  nextAt: number;
  /** Index (relative to pos) of the next place this handler may apply, or -1. */
  skip(l: PageLexer): number;
  /** Lex at pos; `handled` false means "not mine". A `null` state stops the lexer (after an error). */
  lex(origin: StateFn, l: PageLexer): [StateFn | null, boolean];
}

class PageLexer {
  readonly items: Item[] = [];
  pos: number;
  start: number;
  /** Width (in UTF-16 units) of the last rune read; 0 after reading EOF, so `backup` is a no-op. */
  width = 0;
  errored = false;

  readonly legacy: boolean;
  /** The summary divider to look for; v0.111.3 sets it only in the intro section, so `null` there for body-only lexing. */
  summaryDivider: string | null;
  summaryDividerChecked = false;
  /** v0.111.3: inside a `<!--` that wraps front matter. */
  isInHTMLComment = false;
  /** Offset of the front matter's first delimiter character, once seen. */
  blockStart: number | undefined;

  // Shortcode state (Hugo's lexerShortcodeState).
  currLeftDelimItem: 'tLeftDelimScNoMarkup' | 'tLeftDelimScWithMarkup' = 'tLeftDelimScNoMarkup';
  currRightDelimItem: 'tRightDelimScNoMarkup' | 'tRightDelimScWithMarkup' = 'tRightDelimScNoMarkup';
  isInline = false;
  /** Set once any shortcode name has been lexed (never reset, as in Hugo). */
  currShortcodeName = '';
  /** > 0: on the way to being closed (a `/` was seen). */
  closingState = 0;
  elementStepNum = 0;
  /** Number of elements of the first parameter: 1 positional, 2 named (name + value). */
  paramElements = 0;
  /** Names seen so far; Hugo keeps every name "open" once seen, so this is a set in effect. */
  readonly openShortcodes = new Map<string, boolean>();

  readonly handlers: SectionHandler[];
  sectionsSkipAll = false;

  constructor(
    readonly input: string,
    compat: HugoCompat,
    start: LexStart,
    from: number,
  ) {
    this.legacy = compat === 'v0.111.3';
    this.pos = from;
    this.start = from;
    this.summaryDivider = this.legacy ? (start === 'lexIntroSection' ? SUMMARY_DIVIDER : null) : SUMMARY_DIVIDER;
    this.handlers = [shortcodeHandler(), summaryDividerHandler()];
  }

  run(startState: StateFn): Item[] {
    // Every state consumes input or moves to a state that does; the budget only turns a bug into an
    // exception (which parsePage reports) instead of a hang.
    let budget = 8 * this.input.length + 1000;
    let state: StateFn | null = startState;
    while (state !== null && !this.errored) {
      if (--budget < 0) throw new Error('internal error: the page lexer made no progress');
      state = state(this);
    }
    return this.items;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    this.pos -= this.width;
  }

  isEOF(): boolean {
    return this.pos >= this.input.length;
  }

  hasPrefix(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos);
  }

  index(sep: string): number {
    const i = this.input.indexOf(sep, this.pos);
    return i === -1 ? -1 : i - this.pos;
  }

  current(): string {
    return this.input.slice(this.start, this.pos);
  }

  ignore(): void {
    this.start = this.pos;
  }

  isSpaceInTag(r: number): boolean {
    return this.legacy ? isLegacySpace(r) || isEndOfLine(r) : isASCIISpace(r);
  }

  /** The whitespace of `consumeSpace`/`consumeToSpace`: Unicode in v0.111.3, ASCII since. */
  isValueSpace(r: number): boolean {
    return this.legacy ? isUnicodeSpace(r) : isASCIISpace(r);
  }

  append(item: Item): void {
    this.items.push(item);
  }

  /**
   * Emits [start, pos) as an item. Text is split like Hugo does: trailing spaces/tabs after the last
   * newline (or a text that is only such spaces) become a separate `tIndentation` item.
   */
  emit(type: ItemType): void {
    const { start, pos, input } = this;
    this.start = pos;
    if (type === 'tText') {
      for (let i = pos - 1; i >= start; i--) {
        const b = input.charCodeAt(i);
        if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) break;
        if (i === start && b !== 0x0a) {
          this.append({ type: 'tIndentation', val: input.slice(start, pos), offset: start, end: pos });
          return;
        } else if (b === 0x0a && i < pos - 1) {
          this.append({ type, val: input.slice(start, i + 1), offset: start, end: i + 1 });
          this.append({ type: 'tIndentation', val: input.slice(i + 1, pos), offset: i + 1, end: pos });
          return;
        } else if (b === 0x0a && i === pos - 1) {
          break;
        }
      }
    }
    const item: Item = { type, val: input.slice(start, pos), offset: start, end: pos };
    if (type.startsWith('TypeFrontMatter')) item.blockStart = this.blockStart;
    this.append(item);
  }

  /** Emits a quoted value (never typed). */
  emitString(type: ItemType): void {
    this.append({ type, val: this.input.slice(this.start, this.pos), offset: this.start, end: this.pos, quoted: true });
    this.start = this.pos;
  }

  /**
   * Emits [start, pos) without its backslashes (Hugo issue #10236: once a quoted value contains `\"`,
   * every `\` in it is dropped). Emits nothing if nothing is left, as Hugo does.
   */
  ignoreEscapesAndEmit(type: ItemType): void {
    const raw = this.input.slice(this.start, this.pos);
    let firstKept = -1;
    let val = '';
    for (let i = 0; i < raw.length; i++) {
      if (raw.charCodeAt(i) === 0x5c) continue;
      if (firstKept === -1) firstKept = i;
      val += raw[i];
    }
    if (firstKept !== -1) {
      // Hugo does not flag this item as a string, but the value always contains a quote, so it
      // could never be typed as a bool or number anyway.
      this.append({ type, val, offset: this.start + firstKept, end: this.pos, quoted: true });
    }
    this.start = this.pos;
  }

  errorf(message: string, blockStart?: number): null {
    const item: Item = { type: 'tError', val: message, offset: this.start, end: this.pos };
    if (blockStart !== undefined) item.blockStart = blockStart;
    this.append(item);
    this.errored = true;
    return null;
  }

  consumeCRLF(): boolean {
    let consumed = false;
    for (const c of [0x0d, 0x0a]) {
      if (this.next() !== c) this.backup();
      else consumed = true;
    }
    return consumed;
  }

  consumeToSpace(): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || this.isValueSpace(r)) {
        this.backup();
        return;
      }
    }
  }

  consumeSpace(): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !this.isValueSpace(r)) {
        this.backup();
        return;
      }
    }
  }

  /** v0.111.3's consumeToNextLine: through the first CR or LF. */
  consumeToNextLine(): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) return;
    }
  }

  currentLeftDelim(): string {
    return this.currLeftDelimItem === 'tLeftDelimScWithMarkup' ? LEFT_DELIM_WITH_MARKUP : LEFT_DELIM_NO_MARKUP;
  }

  currentRightDelim(): string {
    return this.currRightDelimItem === 'tRightDelimScWithMarkup' ? RIGHT_DELIM_WITH_MARKUP : RIGHT_DELIM_NO_MARKUP;
  }

  isShortcodeStart(): boolean {
    return this.hasPrefix(LEFT_DELIM_WITH_MARKUP) || this.hasPrefix(LEFT_DELIM_NO_MARKUP);
  }

  /** Fast-forward distance to the nearest place a section handler may apply, or -1 if none is left. */
  sectionSkip(): number {
    if (this.sectionsSkipAll) return -1;
    let min = -1;
    for (const h of this.handlers) {
      if (h.skipAll) continue;
      // Reuse the last match while it is still ahead: Hugo searches again at every stop, which is
      // quadratic in pages with many shortcodes before a far-away summary divider.
      const idx = h.nextAt >= this.pos ? h.nextAt - this.pos : h.skip(this);
      h.nextAt = idx === -1 ? -1 : this.pos + idx;
      if (idx === -1) {
        h.skipAll = true;
        continue;
      }
      if (min === -1 || idx < min) min = idx;
    }
    if (min === -1) this.sectionsSkipAll = true;
    return min;
  }

  sectionLex(origin: StateFn): StateFn | null {
    if (this.sectionsSkipAll) return null;
    if (this.pos > this.start) this.emit('tText');
    for (const h of this.handlers) {
      if (h.skipAll) continue;
      const [next, handled] = h.lex(origin, this);
      if (next === null || handled) return next;
    }
    // A `{{` that starts no shortcode: step over it, it stays text.
    this.pos++;
    return origin;
  }
}

function shortcodeHandler(): SectionHandler {
  return {
    skipAll: false,
    nextAt: -1,
    skip: (l) => l.index(LEFT_DELIM_SC),
    lex(origin, l) {
      if (!l.isShortcodeStart()) return [origin, false];
      if (l.isInline) {
        // Inside an inline shortcode the only valid tag is the one that closes it: `/`, then the
        // name followed by a space (Hugo checks exactly this).
        const rest = l.input.slice(l.pos + 3);
        const slash = indexNonWhiteSpace(rest, 0x2f, l);
        const after = trimUnicodeSpace(rest.slice(slash + 1));
        if (slash === -1 || !after.startsWith(l.currShortcodeName + ' ')) {
          return [l.errorf('inline shortcodes do not support nesting'), true];
        }
      }
      if (l.hasPrefix(LEFT_DELIM_WITH_MARKUP)) {
        l.currLeftDelimItem = 'tLeftDelimScWithMarkup';
        l.currRightDelimItem = 'tRightDelimScWithMarkup';
      } else {
        l.currLeftDelimItem = 'tLeftDelimScNoMarkup';
        l.currRightDelimItem = 'tRightDelimScNoMarkup';
      }
      return [lexShortcodeLeftDelim, true];
    },
  };
}

function summaryDividerHandler(): SectionHandler {
  return {
    skipAll: false,
    nextAt: -1,
    skip: (l) => (l.summaryDividerChecked || l.summaryDivider === null ? -1 : l.index(l.summaryDivider)),
    lex(origin, l) {
      if (l.summaryDivider === null || !l.hasPrefix(l.summaryDivider)) return [origin, false];
      l.summaryDividerChecked = true;
      l.pos += l.summaryDivider.length;
      l.consumeSpace();
      l.emit('TypeLeadSummaryDivider');
      return [origin, true];
    },
  };
}

/** Index of the first non-space rune of `s` if it is `want`, else -1 (Go's indexNonWhiteSpace). */
function indexNonWhiteSpace(s: string, want: number, l: PageLexer): number {
  for (let i = 0; i < s.length; ) {
    const r = s.codePointAt(i)!;
    if (!l.isValueSpace(r)) return r === want ? i : -1;
    i += r > 0xffff ? 2 : 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// States: intro (front matter)

const lexIntroSection: StateFn = (l) => {
  if (l.legacy) l.summaryDivider = SUMMARY_DIVIDER;
  for (;;) {
    const r = l.next();
    if (r === EOF) break;
    if (r === 0x2b /* + */ || r === 0x2d /* - */ || r === 0x7b /* { */ || r === 0x23 /* # */) {
      l.blockStart = l.pos - 1;
    }
    if (r === 0x2b) return lexFrontMatterSection(l, 'TypeFrontMatterTOML', 0x2b, 'TOML', '+++');
    if (r === 0x2d) return lexFrontMatterSection(l, 'TypeFrontMatterYAML', 0x2d, 'YAML', '---');
    if (r === 0x7b) return lexFrontMatterJSON;
    if (r === 0x23) return lexFrontMatterOrgMode;
    if (r === BOM) {
      l.emit('TypeIgnore');
      continue;
    }
    if (l.legacy) {
      if (!isLegacySpace(r) && !isEndOfLine(r)) {
        if (r === 0x3c /* < */) {
          l.backup();
          if (l.hasPrefix(HTML_COMMENT_START)) {
            // v0.111.3: this may be front matter wrapped in an HTML comment, which it still reads.
            l.consumeToNextLine();
            l.isInHTMLComment = true;
            l.emit('TypeIgnore');
            continue;
          }
          return l.errorf('plain HTML documents not supported');
        }
        break;
      }
    } else if (!isASCIISpace(r)) {
      break;
    }
  }
  return lexMainSection;
};

const lexFrontMatterJSON: StateFn = (l) => {
  l.backup(); // include the `{`
  let inQuote = false;
  let level = 0;
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unexpected EOF parsing JSON front matter', l.blockStart);
    if (r === 0x7b && !inQuote) level++;
    else if (r === 0x7d && !inQuote) level--;
    else if (r === 0x22) inQuote = !inQuote;
    else if (r === 0x5c) l.next(); // skip what may be an escaped quote
    if (level === 0) break;
  }
  l.consumeCRLF();
  l.emit('TypeFrontMatterJSON');
  return lexMainSection;
};

const lexFrontMatterOrgMode: StateFn = (l) => {
  l.backup();
  // Before v0.140.0 any leading `#` switched the divider; since then only real Org front matter does.
  if (l.legacy) l.summaryDivider = SUMMARY_DIVIDER_ORG;
  if (!l.hasPrefix('#+')) return lexMainSection;
  l.summaryDivider = SUMMARY_DIVIDER_ORG;
  // Read lines until one no longer starts with `#+`.
  for (;;) {
    const r = l.next();
    if (r === EOF) break;
    if (r === 0x0a && !l.hasPrefix('#+')) break;
  }
  l.emit('TypeFrontMatterORG');
  return lexMainSection;
};

/** YAML or TOML: ends at the first line that starts with the delimiter. */
function lexFrontMatterSection(
  l: PageLexer,
  type: FrontMatterItemType,
  delimRune: number,
  name: string,
  delim: string,
): StateFn | null {
  for (let i = 0; i < 2; i++) {
    if (l.next() !== delimRune) return l.errorf(`invalid ${name} delimiter`, l.blockStart);
  }
  // Let the front matter start at line 1; anything after the delimiter on its line is included.
  let wasEndOfLine = l.consumeCRLF();
  l.ignore();
  for (;;) {
    let r = 0;
    if (!wasEndOfLine) {
      r = l.next();
      if (r === EOF) return l.errorf(`EOF looking for end ${name} front matter delimiter`, l.blockStart);
    }
    if ((wasEndOfLine || isEndOfLine(r)) && l.hasPrefix(delim)) {
      l.emit(type);
      l.pos += 3;
      l.consumeCRLF();
      l.ignore();
      break;
    }
    wasEndOfLine = false;
  }
  return lexMainSection;
}

/** v0.111.3: after front matter inside `<!--`, skip to the end of the comment. */
const lexEndFrontMatterHTMLComment: StateFn = (l) => {
  l.isInHTMLComment = false;
  const right = l.index(HTML_COMMENT_END);
  if (right === -1) return l.errorf('starting HTML comment with no end');
  l.pos += right + HTML_COMMENT_END.length;
  l.emit('TypeIgnore');
  return lexMainSection;
};

// ---------------------------------------------------------------------------------------------
// States: main section (text, shortcodes, summary divider)

const lexMainSection: StateFn = (l) => {
  if (l.isEOF()) return lexDone;
  if (l.isInHTMLComment) return lexEndFrontMatterHTMLComment;
  const skip = l.sectionSkip();
  if (skip === -1) {
    l.pos = l.input.length;
    return lexDone;
  }
  l.pos += skip;
  const next = l.sectionLex(lexMainSection);
  if (next !== null) return next;
  l.pos = l.input.length;
  return lexDone;
};

const lexDone: StateFn = (l) => {
  if (l.pos > l.start) l.emit('tText');
  l.emit('tEOF');
  return null;
};

const lexShortcodeLeftDelim: StateFn = (l) => {
  l.pos += l.currentLeftDelim().length;
  if (l.hasPrefix(LEFT_COMMENT)) return lexShortcodeComment;
  l.emit(l.currLeftDelimItem);
  l.elementStepNum = 0;
  l.paramElements = 0;
  return lexInsideShortcode;
};

// An escaped shortcode (`{{<`, slash-star, …, star-slash, `>}}`): emitted as three texts, `{{<`, the
// inside and `>}}`, without the comment markers.
const lexShortcodeComment: StateFn = (l) => {
  const posRightComment = l.index(RIGHT_COMMENT + l.currentRightDelim());
  if (posRightComment <= 1) return l.errorf('comment must be closed');
  l.emit('tText');
  l.pos += LEFT_COMMENT.length;
  l.ignore();
  l.pos += posRightComment - LEFT_COMMENT.length;
  l.emit('tText');
  l.pos += RIGHT_COMMENT.length;
  l.ignore();
  l.pos += l.currentRightDelim().length;
  l.emit('tText');
  return lexMainSection;
};

const lexShortcodeRightDelim: StateFn = (l) => {
  l.closingState = 0;
  l.pos += l.currentRightDelim().length;
  l.emit(l.currRightDelimItem);
  return lexMainSection;
};

/**
 * A parameter: `param`, `"param"`, `\"param\"`, `param="v"`, `param=\"v\"`, `` `param` ``,
 * `` param=`v` ``. Emits the positional value or the name of a named one.
 */
function lexShortcodeParam(l: PageLexer, escapedQuoteStart: boolean): StateFn | null {
  let first = true;
  let nextEq = false;
  for (;;) {
    const r = l.next();
    if (first) {
      if (r === 0x22 || (r === 0x60 && !escapedQuoteStart)) {
        // A quoted positional parameter.
        if (l.paramElements === 2) {
          return l.errorf('got quoted positional parameter. Cannot mix named and positional parameters');
        }
        l.paramElements = 1;
        l.backup();
        if (r === 0x22) return lexShortcodeQuotedParamVal(l, !escapedQuoteStart, 'tScParam');
        return lexShortcodeParamRawStringVal(l, 'tScParam');
      } else if (r === 0x60 && escapedQuoteStart) {
        return l.errorf('unrecognized escape character');
      }
      first = false;
    } else if (r === 0x3d /* = */) {
      l.backup();
      nextEq = true;
      break;
    }
    if (!isAlphaNumericOrHyphen(r) && r !== 0x2e /* . (floats) */) {
      l.backup();
      break;
    }
  }
  if (l.paramElements === 0) {
    l.paramElements = nextEq ? 2 : 1;
  } else if (nextEq && l.paramElements === 1) {
    return l.errorf(`got named parameter '${l.current()}'. Cannot mix named and positional parameters`);
  } else if (!nextEq && l.paramElements === 2) {
    return l.errorf(`got positional parameter '${l.current()}'. Cannot mix named and positional parameters`);
  }
  l.emit('tScParam');
  return lexInsideShortcode;
}

const lexShortcodeParamVal: StateFn = (l) => {
  l.consumeToSpace();
  l.emit('tScParamVal');
  return lexInsideShortcode;
};

function lexShortcodeParamRawStringVal(l: PageLexer, type: ItemType): StateFn | null {
  let openBacktickFound = false;
  for (;;) {
    const r = l.next();
    if (r === 0x60) {
      if (openBacktickFound) {
        l.backup();
        break;
      }
      openBacktickFound = true;
      l.ignore();
    } else if (r === EOF) {
      return l.errorf(`unterminated raw string in shortcode parameter-argument: '${l.current()}'`);
    }
  }
  l.emitString(type);
  l.next();
  l.ignore();
  return lexInsideShortcode;
}

function lexShortcodeQuotedParamVal(l: PageLexer, escapedQuotedValuesAllowed: boolean, type: ItemType): StateFn | null {
  let openQuoteFound = false;
  let escapedInnerQuoteFound = false;
  let escapedQuoteState = 0;
  loop: for (;;) {
    const r = l.next();
    switch (true) {
      case r === 0x5c: {
        const p = l.peek();
        if (p === 0x22) {
          if (openQuoteFound && !escapedQuotedValuesAllowed) {
            l.backup();
            break loop;
          } else if (openQuoteFound) {
            // The coming quote is inside the value.
            escapedInnerQuoteFound = true;
            escapedQuoteState = 1;
          }
        } else if (p === 0x60) {
          return l.errorf('unrecognized escape character');
        }
        break;
      }
      case r === EOF || r === 0x0a:
        return l.errorf(`unterminated quoted string in shortcode parameter-argument: '${l.current()}'`);
      case r === 0x22:
        if (escapedQuoteState === 0) {
          if (openQuoteFound) {
            l.backup();
            break loop;
          }
          openQuoteFound = true;
          l.ignore();
        } else {
          escapedQuoteState = 0;
        }
        break;
    }
  }
  if (escapedInnerQuoteFound) l.ignoreEscapesAndEmit(type);
  else l.emitString(type);

  const r = l.next();
  if (r === 0x5c) {
    if (l.peek() === 0x22) {
      // Ignore the escaped closing quote.
      l.ignore();
      l.next();
      l.ignore();
    }
  } else if (r === 0x22) {
    l.ignore();
  } else {
    l.backup();
  }
  return lexInsideShortcode;
}

/** A shortcode name: alphanumerics, `-`, `/` (namespaces), and `.inline` for inline shortcodes. */
const lexIdentifierInShortcode: StateFn = (l) => {
  let lookForEnd = false;
  for (;;) {
    const r = l.next();
    if (isAlphaNumericOrHyphen(r) || r === 0x2f) continue;
    if (r === 0x2e) {
      l.isInline = l.hasPrefix('inline ');
      if (!l.isInline) return l.errorf('period in shortcode name only allowed for inline identifiers');
      continue;
    }
    l.backup();
    const word = l.current();
    if (l.closingState > 0) {
      if (!l.openShortcodes.get(word)) {
        return l.errorf(`closing tag for shortcode '${word}' does not match start tag`);
      }
      l.openShortcodes.set(word, false);
      lookForEnd = true;
    }
    l.closingState = 0;
    l.currShortcodeName = word;
    l.openShortcodes.set(word, true);
    l.elementStepNum++;
    l.emit(l.isInline ? 'tScNameInline' : 'tScName');
    break;
  }
  return lookForEnd ? lexEndOfShortcode : lexInsideShortcode;
};

/** After the name of a closing tag only whitespace may come before the right delimiter. */
const lexEndOfShortcode: StateFn = (l) => {
  l.isInline = false;
  if (l.hasPrefix(l.currentRightDelim())) return lexShortcodeRightDelim;
  const r = l.next();
  const space = l.legacy ? isLegacySpace(r) : isASCIISpace(r);
  if (!space) return l.errorf('unclosed shortcode');
  l.ignore();
  return lexEndOfShortcode;
};

/** The elements inside a tag. */
const lexInsideShortcode: StateFn = (l) => {
  if (l.hasPrefix(l.currentRightDelim())) return lexShortcodeRightDelim;
  const r = l.next();
  if (r === EOF) {
    // Newlines are allowed inside tags, so this may run to the end of the document before failing.
    return l.errorf('unclosed shortcode action');
  }
  if (l.isSpaceInTag(r)) {
    l.ignore();
  } else if (r === 0x3d /* = */) {
    l.consumeSpace();
    l.ignore();
    const p = l.peek();
    if (p === 0x22 || p === 0x5c) return lexShortcodeQuotedParamVal(l, p !== 0x5c, 'tScParamVal');
    if (p === 0x60) return lexShortcodeParamRawStringVal(l, 'tScParamVal');
    return lexShortcodeParamVal;
  } else if (r === 0x2f /* / */) {
    if (l.currShortcodeName === '') return l.errorf('got closing shortcode, but none is open');
    l.closingState++;
    l.isInline = false;
    // Since v0.143 nothing but the name may follow a `/`; v0.111.3 took `{{< x / y >}}`'s y as a param.
    if (!l.legacy) l.elementStepNum = 0;
    l.emit('tScClose');
  } else if (r === 0x5c /* \ */) {
    l.ignore();
    const p = l.peek();
    if (p === 0x22 || p === 0x60) return lexShortcodeParam(l, true);
  } else if (l.elementStepNum > 0 && (isAlphaNumericOrHyphen(r) || r === 0x22 || r === 0x60)) {
    l.backup();
    return lexShortcodeParam(l, false);
  } else if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifierInShortcode;
  } else {
    return l.errorf(
      `unrecognized character in shortcode action: ${formatRune(r)}. Note: Parameters with non-alphanumeric args must be quoted`,
    );
  }
  return lexInsideShortcode;
};

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Lexes a content file (or, with `start: 'lexMainSection'`, a body) into Hugo's items. Never throws
 * for any input except on an internal bug; the last item is `tEOF` or `tError`.
 */
export function lex(source: string, options: LexOptions = {}): Item[] {
  const start = options.start ?? 'lexIntroSection';
  const from = Math.max(0, Math.min(options.from ?? 0, source.length));
  const lexer = new PageLexer(source, options.compat ?? 'latest', start, from);
  return lexer.run(start === 'lexIntroSection' ? lexIntroSection : lexMainSection);
}

const BOOL_RE = /^(true|false)$/;
const INT_RE = /^[-+]?\d+$/;
const FLOAT_RE = /^[-+]?\d*\.\d+$/;
const GO_INT_MAX = 2n ** 63n - 1n;

/**
 * Hugo's `Item.ValTyped`: an unquoted `true`/`false` is a boolean, an integer or decimal number is a
 * number, anything else (and anything quoted) a string. Integers outside Go's int64 stay strings, as
 * in Hugo (where `strconv.Atoi` fails); integers beyond 2^53 lose precision in JavaScript.
 */
export function typedValue(item: Pick<Item, 'val' | 'quoted'>): string | number | boolean {
  const s = item.val;
  if (item.quoted) return s;
  if (BOOL_RE.test(s)) return s === 'true';
  if (INT_RE.test(s)) {
    const big = BigInt(s);
    if (big > GO_INT_MAX || big < -GO_INT_MAX - 1n) return s;
    return Number(big);
  }
  if (FLOAT_RE.test(s)) return Number.parseFloat(s);
  return s;
}
