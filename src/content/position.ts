/**
 * Maps offsets (UTF-16 indices, as JavaScript strings index) to 1-based line and column. Columns count
 * code points, as Hugo's and most editors' do, so an astral character is one column.
 */
export interface LineCol {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10 /* \n */) starts.push(i + 1);
    }
    this.starts = starts;
  }

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
    let column = 1;
    for (let i = lineStart; i < off; i++) {
      const c = this.text.charCodeAt(i);
      // Count a surrogate pair once.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < off) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      column++;
    }
    return { line: lo + 1, column };
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
