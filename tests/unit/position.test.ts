import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../src/content/position.js';

/** The definition: walk the line, a surrogate pair counting as one column. */
function naive(text: string, offset: number): { line: number; column: number } {
  const off = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < off; i++) if (text.charCodeAt(i) === 10) (line++, (lineStart = i + 1));
  let column = 1;
  for (let i = lineStart; i < off; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < off) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    column++;
  }
  return { line, column };
}

describe('LineIndex', () => {
  it('agrees with a walk over the text for every offset (newlines, astral characters, lone surrogates)', () => {
    const piece = fc.constantFrom('a', '\n', '😀', '\ud83d', '\ude00', 'é', '\r\n', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const index = new LineIndex(text);
        for (let off = -1; off <= text.length + 1; off++) expect(index.at(off)).toEqual(naive(text, off));
      }),
      { numRuns: 300 },
    );
  });

  it('maps a line and column back to the offset', () => {
    const text = 'ab😀c\nx😀😀y';
    const index = new LineIndex(text);
    for (let off = 0; off <= text.length; off++) {
      const { line, column } = index.at(off);
      const back = index.offsetOf(line, column);
      // An offset between the halves of a pair has the column after the pair.
      expect(back === off || (back === off + 1 && /[\ud800-\udbff]/.test(text[off - 1]!))).toBe(true);
    }
  });
});
