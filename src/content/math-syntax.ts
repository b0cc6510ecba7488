/**
 * A micromark extension (and its mdast counterpart) that recognises TeX math between configurable
 * delimiters, as one atomic construct, the way code spans are: whatever the opener reaches first wins,
 * and nothing inside (`_`, `*`, `<b>`, `\,`) is Markdown.
 *
 * remark-math's own syntax is not used because its rules differ from what Hugo sites are written for:
 * it has no currency rule (`$5 and $10` is math there), `$$` inside a line is inline math there, and it
 * knows no `\(…\)`/`\[…\]`. This extension produces two node types, `mathSpan` (phrasing) and
 * `mathBlock` (flow), each with the delimiter as written and whether it is display math.
 *
 * Rules:
 * - Text level: every configured pair. An opener is tried where micromark tries constructs (so never
 *   inside code spans, HTML, autolinks or after a backslash escape); the content runs to the first
 *   closer, may cross line endings inside the paragraph, and must not be blank. A backslash inside
 *   the content takes the next character with it (`\$` and `\\` never close), like TeX and Pandoc.
 * - `dollarRule` pairs (the default `$…$`): the opener is not followed by whitespace. Like MathJax, whom
 *   such posts were written for, the first `$` closes (`$\varepsilon $` and `$x$1` are formulas), except
 *   after an opener followed by a digit: that first `$` must then be preceded by no whitespace and
 *   followed by no digit, or the opener is a price (`$5 and $10`, `From $5 to $10, and $x$`).
 * - Runs of the opener's character are matched exactly: `$` never opens or closes inside `$$`.
 * - Flow level: a display opener at the start of a line (≤ 3 spaces of indentation) starts a block
 *   that may contain blank lines and lines that would otherwise be lists, quotes or headings; it must
 *   close, and only whitespace may follow the closer on its line. Otherwise the line is ordinary text
 *   and the text-level rule applies.
 */
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext,
  Tokenizer,
} from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Literal } from 'mdast';

/** One pair of delimiters. */
export interface DelimiterPair {
  open: string;
  close: string;
  display: boolean;
  /** Apply Pandoc's currency rule (only sensible for a single `$`). */
  dollarRule?: boolean;
}

/** Inline math, or display math written inside a line/paragraph (`$$…$$` mid-sentence). */
export interface MathSpanNode extends Literal {
  type: 'mathSpan';
  display: boolean;
  delimiter: string;
}

/** Display math standing as a block of its own. */
export interface MathBlockNode extends Literal {
  type: 'mathBlock';
  display: true;
  delimiter: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    mathSpan: MathSpanNode;
  }
  interface BlockContentMap {
    mathBlock: MathBlockNode;
  }
  interface RootContentMap {
    mathSpan: MathSpanNode;
    mathBlock: MathBlockNode;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathSpan: 'mathSpan';
    mathBlock: 'mathBlock';
    mathMarker: 'mathMarker';
    mathData: 'mathData';
  }
}

const BACKSLASH = 92;
const EOF = null;

function isLineEnding(code: Code): boolean {
  return code !== null && code < -2;
}
/** Space, tab, or a tab's virtual spaces. */
function isSpaceOrTab(code: Code): boolean {
  return code === -2 || code === -1 || code === 32;
}
function isWhitespace(code: Code): boolean {
  return code === null || isSpaceOrTab(code) || isLineEnding(code);
}
function isDigit(code: Code): boolean {
  return code !== null && code >= 48 && code <= 57;
}

/** True when every character of `s` is the same one (`$`, `$$`): such delimiters match as exact runs. */
function isRun(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c === s[0]);
}

/**
 * Linear time: a memo of "no opener of this pair whose content starts in [start, end] can close".
 *
 * Without it, every unclosed opener (`\( a \( a …`, `$a $b …`) scans to the end of its paragraph (or,
 * in flow, of its container or up to a lazy line), which is quadratic. The memo is sound because a
 * scan that reached that end (`EOF`, or a lazy line in flow) found no acceptable closer, and any later
 * opener Y of the same pair whose content starts at or after X's content start:
 * - sees a suffix of the same characters, with the same backslash pairing (the opener's last character
 *   is not a backslash, so X is never in the middle of an escape where Y's content starts);
 * - tries closers at the same places, under conditions never weaker than X's: X's content covers Y's
 *   (`sawContent`), whitespace before a closer and the character after it are the same characters,
 *   and a price opener (`$5`) only adds conditions;
 * - so it reaches the same end and fails there too.
 * Only failures at that end are recorded (never one at a closer, e.g. flow's "text after the closer"
 * or a price's first `$`, which depend on the opener). Intervals are in document offsets, per parse
 * (one `parser` per document) and per tokenizer (pair × text/flow); chunks never share offsets.
 */
class DeadRanges {
  /** Disjoint, sorted by start: [start, end] pairs of content-start offsets that cannot close. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the last range whose start is <= offset, or -1. */
  private find(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  has(offset: number): boolean {
    const i = this.find(offset);
    return i >= 0 && offset <= this.ends[i]!;
  }

  add(start: number, end: number): void {
    let i = this.find(start);
    // Merge with the range before (overlapping or touching) and with every range it reaches.
    if (i >= 0 && start <= this.ends[i]! + 1) {
      start = this.starts[i]!;
      end = Math.max(end, this.ends[i]!);
    } else i++;
    let j = i;
    while (j < this.starts.length && this.starts[j]! <= end + 1) {
      end = Math.max(end, this.ends[j]!);
      j++;
    }
    this.starts.splice(i, j - i, start);
    this.ends.splice(i, j - i, end);
  }
}

/**
 * Thrown out of the parse when a page has more inline formulas than `maxSpans` (a limit, checked while
 * parsing: a page of 40,000 formulas would otherwise cost the whole parse and a gigabyte first).
 */
export class TooManyFormulas extends Error {
  constructor(readonly offset: number) {
    super('too many formulas');
  }
}

/** Inline formulas the running parse may still close (parses are synchronous and never nested). */
const spanBudget = { left: Infinity };

/**
 * The document the running parse reads, when known: an opener whose closer occurs nowhere after it
 * fails at once instead of scanning to the end of its paragraph (an unclosed `\(` or `\[` in a long
 * post; the flow and the text construct each scanned it). `lastAt` caches where each closer last occurs.
 */
const parsing: { document: string | undefined; lastAt: Map<string, number> } = { document: undefined, lastAt: new Map() };

/** Where `close` last occurs in the document being parsed; Infinity when unknown (no shortcut then). */
function lastOccurrence(close: string): number {
  const doc = parsing.document;
  // micromark turns tabs into virtual spaces, CR LF into one line ending and NUL into U+FFFD: a closer
  // with any of them is not matched character for character.
  if (doc === undefined || /[\t\r\n\0\uFFFD]/.test(close)) return Infinity;
  let at = parsing.lastAt.get(close);
  if (at === undefined) parsing.lastAt.set(close, (at = doc.lastIndexOf(close)));
  return at;
}

/** Whether the line at `offset` of the document being parsed opens a fenced code block (``` or ~~~). */
function fenceAt(offset: number): boolean {
  const doc = parsing.document;
  if (doc === undefined) return false;
  FENCE.lastIndex = offset;
  return FENCE.test(doc);
}
const FENCE = / {0,3}(?:`{3,}|~{3,})/y;

/**
 * Runs `parse` with at most `maxSpans` inline formulas: past that, TooManyFormulas is thrown.
 * `document`: the whole Markdown being parsed (offsets in the parse are offsets into it).
 */
export function withSpanBudget<T>(maxSpans: number, parse: () => T, document?: string): T {
  const saved = spanBudget.left;
  const savedParsing = { ...parsing };
  spanBudget.left = maxSpans;
  parsing.document = document;
  parsing.lastAt = new Map();
  try {
    return parse();
  } finally {
    spanBudget.left = saved;
    Object.assign(parsing, savedParsing);
  }
}

/**
 * Test hooks: `enabled: false` turns the memo off, `lookahead: false` the closer lookahead (see
 * `parsing`), to compare against the unoptimised scan.
 */
export const mathSyntaxMemo = { enabled: true, lookahead: true };

/** What one pair's tokenizing needs, computed once per pair and construct (text or flow). */
interface PairScan {
  pair: DelimiterPair;
  /** See DeadRanges: the argument needs an opener that does not end in a backslash. */
  memoOk: boolean;
  /** The memo, per parse (one `parser` per document). */
  dead: WeakMap<object, DeadRanges>;
  closeFirst: number;
  openRun: number | undefined;
  closeRun: number | undefined;
}

/** A trie of openers: the pair whose opener ends at this node, or the characters that go on. */
interface OpenerNode {
  scan?: PairScan;
  next: Map<number, OpenerNode>;
}

/**
 * Splits pairs sharing a first character into groups in which no opener is a prefix of another, so that
 * at most one pair of a group can match at a position: each group is one micromark construct that reads
 * the opener through a trie. micromark tries every construct of a character with a state save and
 * closures of its own, and the defaults have 31 openers starting with a backslash (the environments):
 * one construct per pair made a page of 40,000 `\(` cost 1.2 million attempts (issue 14). A pair whose
 * opener extends another's (`$$` and `$`) goes in an earlier group, so longer openers are still tried
 * first, as with one construct per pair sorted by length.
 */
export function openerGroups(pairs: readonly DelimiterPair[]): DelimiterPair[][] {
  const sorted = [...pairs].sort((a, b) => b.open.length - a.open.length);
  const level = new Map<DelimiterPair, number>();
  const groups: DelimiterPair[][] = [];
  for (const pair of sorted) {
    let l = 0;
    for (const [other, ol] of level) if (other.open.startsWith(pair.open)) l = Math.max(l, ol + 1);
    level.set(pair, l);
    (groups[l] ??= []).push(pair);
  }
  return groups.filter((g) => g.length > 0);
}

/**
 * Builds the tokenizer shared by the text and the flow construct: opener (any of `pairs`, which share
 * their first character and of which no opener is a prefix of another), content, closer. In flow mode
 * line endings must be non-lazy and only whitespace may follow the closer.
 */
function mathTokenizer(pairs: readonly DelimiterPair[], flow: boolean): Tokenizer {
  const root: OpenerNode = { next: new Map() };
  for (const pair of pairs) {
    let node = root;
    for (let i = 0; i < pair.open.length; i++) {
      const c = pair.open.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.scan = {
      pair,
      memoOk: !pair.open.endsWith('\\'),
      dead: new WeakMap(),
      closeFirst: pair.close.charCodeAt(0),
      openRun: isRun(pair.open) ? pair.open.charCodeAt(0) : undefined,
      closeRun: isRun(pair.close) ? pair.close.charCodeAt(0) : undefined,
    };
  }
  const first = pairs[0]!.open.charCodeAt(0);
  const tokenType = flow ? 'mathBlock' : 'mathSpan';

  return function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    /** Where the opener read has got to in the trie; then the pair it matched. */
    let node = root;
    let scan: PairScan = undefined as unknown as PairScan;
    let pair: DelimiterPair = undefined as unknown as DelimiterPair;
    let close = '';
    let closeFirst = 0;
    let lastWasSpace = false;
    let sawContent = false;
    /** Offset where the content starts (after the opener), for the memo. */
    let contentStart = -1;
    let memo = false;

    /** Records that this scan reached its end without a closer (see DeadRanges). */
    function dead_end(at: number): void {
      if (!memo) return;
      let ranges = scan.dead.get(self.parser);
      if (!ranges) scan.dead.set(self.parser, (ranges = new DeadRanges()));
      ranges.add(contentStart, at);
    }
    /** A `$` opener followed by a digit: the first `$` must close it as math would, or it is a price. */
    let price = false;

    const closer: Construct = { tokenize: tokenizeCloser, partial: true };
    const nonLazyEol: Construct = { tokenize: tokenizeNonLazyEol, partial: true };

    return start;

    function start(code: Code): State | undefined {
      if (flow) {
        const tail = self.events[self.events.length - 1];
        const prefix =
          tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
        // Four spaces make indented code; inside a paragraph they are continuation text.
        if (prefix >= 4) return nok(code);
      } else if (self.previous === first) {
        // Never start in the middle of a run (`$$$`), unless that character was escaped (`\$$x$`).
        const tail = self.events[self.events.length - 1];
        if (!tail || tail[1].type !== 'characterEscape') return nok(code);
      }
      effects.enter(tokenType);
      effects.enter('mathMarker');
      return opener(code);
    }

    function opener(code: Code): State | undefined {
      if (!node.scan) {
        const child = code === null ? undefined : node.next.get(code);
        if (!child) return nok(code);
        effects.consume(code);
        node = child;
        return opener;
      }
      scan = node.scan;
      pair = scan.pair;
      close = pair.close;
      closeFirst = scan.closeFirst;
      effects.exit('mathMarker');
      if (scan.openRun !== undefined && code === scan.openRun) return nok(code);
      if (pair.dollarRule && isWhitespace(code)) return nok(code);
      contentStart = self.now().offset;
      memo = scan.memoOk && mathSyntaxMemo.enabled;
      // A previous opener whose content started at or before this one scanned to the end unclosed.
      if (memo && scan.dead.get(self.parser)?.has(contentStart)) return nok(code);
      // No closer anywhere after the opener: the scan could only reach the end and fail there.
      // The same result as the scan, except that a display opener at a line start no longer holds the
      // next lines while it scans: micromark decides whether a line starts a container (`> `, `- `)
      // while a construct that has not failed yet is in progress, and for a concrete one (ours: TeX
      // lines are never containers) it decides no, also for a scan that fails afterwards. Now such a
      // line starts its quote or list as in CommonMark and Goldmark (`\[` then `> b` is a quote).
      if (mathSyntaxMemo.lookahead && lastOccurrence(close) < contentStart) return nok(code);
      price = !!pair.dollarRule && isDigit(code);
      return between(code);
    }

    function between(code: Code): State | undefined {
      if (code === EOF) {
        dead_end(self.now().offset);
        return nok(code);
      }
      if (isLineEnding(code)) {
        if (flow) return effects.attempt(nonLazyEol, afterEol, nok)(code);
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return afterEol;
      }
      if (code === closeFirst) return effects.attempt(closer, closed, price ? nok : forcedData)(code);
      return forcedData(code);
    }

    function afterEol(code: Code): State | undefined {
      lastWasSpace = true;
      return between(code);
    }

    /** Consumes at least one character as content, then continues. */
    function forcedData(code: Code): State | undefined {
      effects.enter('mathData');
      return take(code);
    }

    function take(code: Code): State | undefined {
      if (code === BACKSLASH) {
        effects.consume(code);
        lastWasSpace = false;
        sawContent = true;
        return escaped;
      }
      effects.consume(code);
      lastWasSpace = isSpaceOrTab(code);
      if (!lastWasSpace) sawContent = true;
      return data;
    }

    function escaped(code: Code): State | undefined {
      if (code === EOF || isLineEnding(code)) return data(code);
      effects.consume(code);
      return data;
    }

    function data(code: Code): State | undefined {
      if (code === EOF || isLineEnding(code) || code === closeFirst) {
        effects.exit('mathData');
        return between(code);
      }
      return take(code);
    }

    function closed(code: Code): State | undefined {
      if (!flow) {
        // A text span that closed is final (text is tokenized once; flow blocks may be tried twice).
        if (--spanBudget.left < 0) throw new TooManyFormulas(contentStart - pair.open.length);
        effects.exit(tokenType);
        return ok(code);
      }
      return trailing(code);
    }

    /** Flow: only whitespace may follow the closer on its line. */
    function trailing(code: Code): State | undefined {
      if (isSpaceOrTab(code)) {
        effects.enter('whitespace');
        return trailingSpace(code);
      }
      if (code === EOF || isLineEnding(code)) {
        effects.exit(tokenType);
        return ok(code);
      }
      return nok(code);
    }

    function trailingSpace(code: Code): State | undefined {
      if (isSpaceOrTab(code)) {
        effects.consume(code);
        return trailingSpace;
      }
      effects.exit('whitespace');
      return trailing(code);
    }

    function tokenizeCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      let i = 0;
      return startClose;

      function startClose(code: Code): State | undefined {
        if (!sawContent) return nok(code);
        if (price && lastWasSpace) return nok(code);
        effects.enter('mathMarker');
        return inClose(code);
      }

      function inClose(code: Code): State | undefined {
        if (i < close.length) {
          if (code !== close.charCodeAt(i)) return nok(code);
          effects.consume(code);
          i++;
          return inClose;
        }
        effects.exit('mathMarker');
        if (scan.closeRun !== undefined && code === scan.closeRun) return nok(code);
        if (price && isDigit(code)) return nok(code);
        return ok(code);
      }
    }

    function tokenizeNonLazyEol(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const ctx = this;
      return function eol(code: Code): State | undefined {
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return function lineStart(code: Code): State | undefined {
          // A lazy line (a quote or list ended) cannot continue the block, nor can a code fence: Goldmark
          // ends the paragraph there, and a formula reaching into the fence would put our shortcode in
          // a code block Hugo highlights (Hugo 0.111.3 then stops: "unknown shortcode token"; a fuzz find).
          const at = ctx.now().offset;
          if (!ctx.parser.lazy[ctx.now().line] && !fenceAt(at)) return ok(code);
          dead_end(at);
          return nok(code);
        };
      };
    }
  };
}

/** The micromark extension for the given delimiter pairs (see withSpanBudget for a formula limit). */
export function mathSyntax(pairs: readonly DelimiterPair[]): Extension {
  const text: Record<number, Construct[]> = {};
  const flow: Record<number, Construct[]> = {};
  const byFirst = new Map<number, DelimiterPair[]>();
  for (const pair of pairs) {
    const code = pair.open.charCodeAt(0);
    byFirst.set(code, [...(byFirst.get(code) ?? []), pair]);
  }
  for (const [code, same] of byFirst) {
    // Longer openers first (see openerGroups), so `$$` is tried before `$`.
    for (const group of openerGroups(same)) {
      (text[code] ??= []).push({ name: 'mathSpan', tokenize: mathTokenizer(group, false) });
    }
    // Concrete: lines inside cannot start containers (a `- x` line inside `$$…$$` is TeX).
    for (const group of openerGroups(same.filter((p) => p.display))) {
      (flow[code] ??= []).push({ name: 'mathBlock', tokenize: mathTokenizer(group, true), concrete: true });
    }
  }
  return { text, flow };
}

/** The mdast-util-from-markdown extension turning the tokens into `mathSpan`/`mathBlock` nodes. */
export function mathFromMarkdown(pairs: readonly DelimiterPair[]): FromMarkdownExtension {
  const displayOf = new Map<string, boolean>();
  for (const p of pairs) displayOf.set(p.open, (displayOf.get(p.open) ?? false) || p.display);

  function enterSpan(this: CompileContext, token: Token): undefined {
    this.enter({ type: 'mathSpan', value: '', display: false, delimiter: '' }, token);
  }
  function enterBlock(this: CompileContext, token: Token): undefined {
    this.enter({ type: 'mathBlock', value: '', display: true, delimiter: '' }, token);
  }
  function exitMarker(this: CompileContext, token: Token): undefined {
    const node = this.stack[this.stack.length - 1];
    // The opening marker: remember it and start collecting the content. (For the closing marker the
    // collecting fragment is on top of the stack.)
    if (node && (node.type === 'mathSpan' || node.type === 'mathBlock') && node.delimiter === '') {
      node.delimiter = this.sliceSerialize(token);
      if (node.type === 'mathSpan') node.display = displayOf.get(node.delimiter) ?? false;
      this.buffer();
    }
  }
  function exitData(this: CompileContext, token: Token): undefined {
    this.config.enter.data!.call(this, token);
    this.config.exit.data!.call(this, token);
  }
  function exitMath(this: CompileContext, token: Token): undefined {
    const value = this.resume();
    const node = this.stack[this.stack.length - 1] as MathSpanNode | MathBlockNode;
    node.value = value;
    this.exit(token);
  }

  return {
    enter: { mathSpan: enterSpan, mathBlock: enterBlock },
    exit: { mathMarker: exitMarker, mathData: exitData, mathSpan: exitMath, mathBlock: exitMath },
  };
}
