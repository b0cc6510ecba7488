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

/** Runs `parse` with at most `maxSpans` inline formulas: past that, TooManyFormulas is thrown. */
export function withSpanBudget<T>(maxSpans: number, parse: () => T): T {
  const saved = spanBudget.left;
  spanBudget.left = maxSpans;
  try {
    return parse();
  } finally {
    spanBudget.left = saved;
  }
}

/** Test hook: `false` turns the memo off, to compare against the unoptimised scan. */
export const mathSyntaxMemo = { enabled: true };

/**
 * Builds the tokenizer shared by the text and the flow construct: opener, content, closer. In flow
 * mode line endings must be non-lazy and only whitespace may follow the closer.
 */
function mathTokenizer(pair: DelimiterPair, flow: boolean): Tokenizer {
  // See DeadRanges: the argument needs an opener that does not end in a backslash.
  const memoOk = !pair.open.endsWith('\\');
  const dead = new WeakMap<object, DeadRanges>();
  const open = pair.open;
  const close = pair.close;
  const closeFirst = close.charCodeAt(0);
  const openRun = isRun(open) ? open.charCodeAt(0) : undefined;
  const closeRun = isRun(close) ? close.charCodeAt(0) : undefined;
  const tokenType = flow ? 'mathBlock' : 'mathSpan';

  return function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const self = this;
    let index = 0;
    let lastWasSpace = false;
    let sawContent = false;
    /** Offset where the content starts (after the opener), for the memo. */
    let contentStart = -1;
    const memo = memoOk && mathSyntaxMemo.enabled;

    /** Records that this scan reached its end without a closer (see DeadRanges). */
    function dead_end(at: number): void {
      if (!memo) return;
      let ranges = dead.get(self.parser);
      if (!ranges) dead.set(self.parser, (ranges = new DeadRanges()));
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
      } else if (self.previous === open.charCodeAt(0)) {
        // Never start in the middle of a run (`$$$`), unless that character was escaped (`\$$x$`).
        const tail = self.events[self.events.length - 1];
        if (!tail || tail[1].type !== 'characterEscape') return nok(code);
      }
      effects.enter(tokenType);
      effects.enter('mathMarker');
      return opener(code);
    }

    function opener(code: Code): State | undefined {
      if (index < open.length) {
        if (code !== open.charCodeAt(index)) return nok(code);
        effects.consume(code);
        index++;
        return opener;
      }
      effects.exit('mathMarker');
      if (openRun !== undefined && code === openRun) return nok(code);
      if (pair.dollarRule && isWhitespace(code)) return nok(code);
      contentStart = self.now().offset;
      // A previous opener whose content started at or before this one scanned to the end unclosed.
      if (memo && dead.get(self.parser)?.has(contentStart)) return nok(code);
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
        if (--spanBudget.left < 0) throw new TooManyFormulas(contentStart - open.length);
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
        if (closeRun !== undefined && code === closeRun) return nok(code);
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
          // A lazy line (a quote or list ended) cannot continue the block.
          if (!ctx.parser.lazy[ctx.now().line]) return ok(code);
          dead_end(ctx.now().offset);
          return nok(code);
        };
      };
    }
  };
}

/** The micromark extension for the given delimiter pairs (see withSpanBudget for a formula limit). */
export function mathSyntax(pairs: readonly DelimiterPair[]): Extension {
  // Longer openers first, so `$$` is tried before `$` and `\\(` before `\(`.
  const sorted = [...pairs].sort((a, b) => b.open.length - a.open.length);
  const text: Record<number, Construct[]> = {};
  const flow: Record<number, Construct[]> = {};
  for (const pair of sorted) {
    const code = pair.open.charCodeAt(0);
    (text[code] ??= []).push({ name: 'mathSpan', tokenize: mathTokenizer(pair, false) });
    if (pair.display) {
      // Concrete: lines inside cannot start containers (a `- x` line inside `$$…$$` is TeX).
      (flow[code] ??= []).push({ name: 'mathBlock', tokenize: mathTokenizer(pair, true), concrete: true });
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
