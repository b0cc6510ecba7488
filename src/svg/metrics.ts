/**
 * Text measurement without a browser, for layout at build time (node sizes, panel widths, label placement).
 *
 * The SVGs ask first for fonts we serve (the KaTeX fonts, see theme.ts and src/render/static-assets.ts),
 * then for the fonts readers have. A width here is, per character and style, the widest of all of them
 * (font-widths.ts, generated from the font files by scripts/font-metrics.mjs), so a label fits whichever
 * font draws it: ours, or DejaVu, Liberation (= Arial, Helvetica, Times New Roman) or Roboto when ours
 * fails to load or lacks the glyph. See src/svg/README.md. The browser tests check real boxes in each
 * of those font setups.
 */
import { SERVED_SANS_COVERAGE, WIDTHS, WIDTH_RANGES } from './font-widths.js';

export type FontKind = 'sans' | 'serif';
export interface FontStyle {
  font: FontKind;
  italic?: boolean;
  bold?: boolean;
  /** Calligraphic capitals (serif only): KaTeX_Caligraphic when served. */
  cal?: boolean;
}

/** The table index of each character in WIDTH_RANGES. */
const INDEX = new Map<number, number>();
{
  let i = 0;
  for (const [a, b] of WIDTH_RANGES) for (let cp = a; cp <= b; cp++) INDEX.set(cp, i++);
}

/** Width (1/1000 em) of a character no table covers, and no base letter explains: wider than most. */
const UNKNOWN = 800;

function isCombining(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x20d0 && cp <= 0x20ff);
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff);
}

function styleKey(style: FontStyle): string {
  if (style.cal && style.font === 'serif' && !style.bold) return 'serif-cal';
  return `${style.font}-${style.bold ? (style.italic ? 'bolditalic' : 'bold') : style.italic ? 'italic' : 'regular'}`;
}

/** Advance width of one character in em: the widest of the fonts that may draw it (see font-widths.ts). */
export function charAdvance(ch: string, style: FontStyle): number {
  const cp = ch.codePointAt(0)!;
  if (isCombining(cp)) return 0;
  const i = INDEX.get(cp);
  const w = i === undefined ? 0 : WIDTHS[styleKey(style)]![i]!;
  if (w > 0) return w / 1000;
  if (isWide(cp)) return 1;
  // Accented letters outside the table: measure the base letter (the accents are combining marks).
  const base = ch.normalize('NFD')[0];
  return base && base !== ch ? charAdvance(base, style) : UNKNOWN / 1000;
}

/**
 * True when the served sans font (KaTeX_SansSerif, every face) has a glyph for each character of `text`.
 * It has no accented letters (é, ä, ß), no `<`, `>`, `{`, `}`: a label with one of those is drawn in the
 * readers' own sans fonts as a whole (plainLabel's class `hp-sys`), so that a word is never set in two
 * typefaces. Its width from this table is then the widest of those fonts (the served font is narrower).
 */
export function servedSansCovers(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!SERVED_SANS_COVERAGE.some(([a, b]) => cp >= a && cp <= b)) return false;
  }
  return true;
}

export interface TextSize {
  /** Advance width in user units. */
  width: number;
  /** Height above the baseline reached by capitals (cap height + a little). */
  ascent: number;
  /** Depth below the baseline reached by descenders. */
  descent: number;
}

/** Font ascent/descent used for boxes: cap height ≈ 0.72 em, descenders ≈ 0.22 em (Times/Helvetica). */
export const CAP_HEIGHT = 0.72;
export const DESCENT = 0.22;

/**
 * The box a browser reports for a line of text (getBBox: the font's ascent and descent, not the ink):
 * the largest hhea ascender and descender of the fonts in font-widths.ts. Labels that must keep clear of
 * a line (an arrow under an edge label) keep clear of this box.
 */
export const FONT_BOX_ASCENT = 0.96;
export const FONT_BOX_DESCENT = 0.28;

/** Estimates the size of a plain (non-math) string at `fontSize` user units. */
export function measureText(text: string, fontSize: number, style: FontStyle = { font: 'sans' }): TextSize {
  let em = 0;
  for (const ch of text) em += charAdvance(ch, style);
  return { width: em * fontSize, ascent: CAP_HEIGHT * fontSize, descent: DESCENT * fontSize };
}
