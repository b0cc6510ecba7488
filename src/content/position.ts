/**
 * Maps offsets (UTF-16 indices, as JavaScript strings index) to 1-based line and column. Columns count
 * code points, as Hugo's and most editors' do, so an astral character is one column.
 */
import { countBelow } from './ranges.js';

export interface LineCol {
  line: number;
  column: number;
}

/** UTF-16 code units (no `u` flag): a high surrogate, and one followed by its low half. */
const HIGH_SURROGATE = /[\ud800-\udbff]/;
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    // indexOf and regular expressions rather than a loop over every character: a page is indexed a few
    // times (its front matter, its math, its shortcodes), and the loop was a cold build's 1 %.
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const pairs: number[] = [];
    if (HIGH_SURROGATE.test(text)) {
      SURROGATE_PAIR.lastIndex = 0;
      for (let m = SURROGATE_PAIR.exec(text); m; m = SURROGATE_PAIR.exec(text)) pairs.push(m.index);
    }
    this.starts = starts;
    this.pairs = pairs;
  }

  /** Offsets of the high halves of the surrogate pairs, ascending: a column counts each pair once. */
  private readonly pairs: number[];

  /** Line and column of `offset` (clamped to the text). */
  at(offset: number): LineCol {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo]!;
    // A pair whose low half is at or after `off` still counts its high half as one column.
    const pairsBefore = countBelow(this.pairs, off - 1) - countBelow(this.pairs, lineStart);
    return { line: lo + 1, column: off - lineStart - pairsBefore + 1 };
  }

  /** Offset of a 1-based line and column (the inverse of `at`). */
  offsetOf(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    let off = start;
    for (let col = 1; col < column && off < this.text.length; col++) {
      const c = this.text.charCodeAt(off);
      off += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return off;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
