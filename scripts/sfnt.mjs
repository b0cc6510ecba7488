// Reads what text layout needs from a TrueType/OpenType font file (sfnt: .ttf or .otf, not woff):
// units per em, the hhea ascender/descender and each character's advance width (cmap formats 4 and 12,
// hmtx). Used by scripts/font-metrics.mjs to generate src/svg/font-widths.ts and by the unit test that
// checks that table against the font files. No dependencies.
import { readFileSync } from 'node:fs';

/**
 * @param {string} file
 * @returns {{ unitsPerEm: number, ascender: number, descender: number, notdef: number, advance(cp: number): number | undefined }}
 *   advance widths in font units; `advance` is undefined for a character the font has no glyph for
 *   (the browser then draws `.notdef`, whose width is `notdef`).
 */
export function readFont(file) {
  const buf = readFileSync(file);
  const tag = buf.toString('latin1', 0, 4);
  if (tag === 'wOFF' || tag === 'wOF2') throw new Error(`${file}: woff is compressed; read the .ttf`);
  const numTables = buf.readUInt16BE(4);
  /** @type {Record<string, number>} */
  const tables = {};
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables[buf.toString('latin1', rec, rec + 4)] = buf.readUInt32BE(rec + 8);
  }
  for (const t of ['head', 'hhea', 'hmtx', 'cmap']) if (tables[t] === undefined) throw new Error(`${file}: no ${t} table`);
  const unitsPerEm = buf.readUInt16BE(tables.head + 18);
  const ascender = buf.readInt16BE(tables.hhea + 4);
  const descender = buf.readInt16BE(tables.hhea + 6);
  const numberOfHMetrics = buf.readUInt16BE(tables.hhea + 34);
  const advanceOfGlyph = (/** @type {number} */ g) => buf.readUInt16BE(tables.hmtx + 4 * Math.min(g, numberOfHMetrics - 1));

  // The best Unicode subtable: format 12 (full Unicode) over format 4 (BMP).
  const cmap = tables.cmap;
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const sub = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = sub;
      bestFormat = format;
    }
  }
  if (best < 0) throw new Error(`${file}: no Unicode cmap`);
  /** @type {(cp: number) => number} glyph index, 0 when absent */
  let glyphOf;
  if (bestFormat === 4) {
    const segX2 = buf.readUInt16BE(best + 6);
    const ends = best + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const offsets = deltas + segX2;
    glyphOf = (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segX2; s += 2) {
        if (cp > buf.readUInt16BE(ends + s)) continue;
        const start = buf.readUInt16BE(starts + s);
        if (cp < start) return 0;
        const delta = buf.readInt16BE(deltas + s);
        const ro = buf.readUInt16BE(offsets + s);
        if (ro === 0) return (cp + delta) & 0xffff;
        const g = buf.readUInt16BE(offsets + s + ro + 2 * (cp - start));
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
  } else {
    const groups = buf.readUInt32BE(best + 12);
    glyphOf = (cp) => {
      for (let i = 0; i < groups; i++) {
        const g = best + 16 + 12 * i;
        const start = buf.readUInt32BE(g);
        if (cp >= start && cp <= buf.readUInt32BE(g + 4)) return buf.readUInt32BE(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  return {
    unitsPerEm,
    ascender,
    descender,
    notdef: advanceOfGlyph(0),
    advance(cp) {
      const g = glyphOf(cp);
      return g === 0 ? undefined : advanceOfGlyph(g);
    },
  };
}
