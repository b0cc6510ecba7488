/**
 * Approximate text measurement without a browser or font files.
 *
 * Layout (node sizes, panel widths, label placement) needs text widths at build time. We estimate them
 * from per-character advance widths (in 1/1000 em) of the standard PostScript fonts Helvetica and
 * Times (Roman and Italic), which Arial/Liberation Sans and Times New Roman/Liberation Serif match
 * metrically, and which the embedded font stacks (theme.ts) ask for first. Characters outside the tables
 * get a conservative default. The estimates are approximate by design: the browser test
 * (tests/browser/diagram-layout.test.ts) checks with getBBox that no two labels overlap.
 */

export type FontKind = 'sans' | 'serif';
export interface FontStyle {
  font: FontKind;
  italic?: boolean;
  bold?: boolean;
}

// ASCII 32..126 advance widths, 1/1000 em (Adobe AFM, Helvetica).
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
// Times-Roman.
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];
// Times-Italic.
const TIMES_ITALIC = [
  250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833,
  667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, 333, 500, 500, 444, 500,
  444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400,
  275, 400, 541,
];

/** A few non-ASCII characters that labels use often (math operators, dashes, Greek). */
const SPECIAL: Record<string, number> = {
  '\u2212': 584, // minus
  '\u00d7': 584, // ×
  '\u22c5': 278, // ⋅
  '\u00b7': 278,
  '\u2299': 778, // ⊙
  '\u2295': 778, // ⊕
  '\u2297': 778, // ⊗
  '\u2026': 1000, // …
  '\u22ef': 1000, // ⋯
  '\u2013': 500, // –
  '\u2014': 1000, // —
  '\u2192': 1000, // →
  '\u2190': 1000,
  '\u2202': 500, // ∂
  '\u2207': 722, // ∇
  '\u2211': 722, // ∑
  '\u221e': 722,
  '\u2264': 584,
  '\u2265': 584,
  '\u2248': 584,
  '\u2260': 584,
  '\u00a0': 250,
  '\u2009': 167, // thin space
  '\u2005': 250,
  '\u2002': 500,
  '\u2003': 1000,
};

/** Lower-case Greek in Times-like fonts is about 0.5 em; capitals about 0.65 em. */
function greekWidth(cp: number): number | undefined {
  if (cp >= 0x3b1 && cp <= 0x3c9) return cp === 0x3c9 || cp === 0x3c8 ? 690 : 540;
  if (cp >= 0x3d1 && cp <= 0x3f5) return 560;
  if (cp >= 0x391 && cp <= 0x3a9) return 680;
  return undefined;
}

function isCombining(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x20d0 && cp <= 0x20ff);
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff);
}

/** Advance width of one character in em. */
export function charAdvance(ch: string, style: FontStyle): number {
  const cp = ch.codePointAt(0)!;
  if (isCombining(cp)) return 0;
  let w: number | undefined;
  if (cp >= 32 && cp <= 126) {
    const table = style.font === 'sans' ? HELVETICA : style.italic ? TIMES_ITALIC : TIMES;
    w = table[cp - 32];
  } else {
    w = SPECIAL[ch] ?? greekWidth(cp);
    if (w === undefined) {
      if (isWide(cp)) w = 1000;
      else {
        // Accented Latin letters: measure the base letter.
        const base = ch.normalize('NFD')[0];
        w = base && base !== ch ? charAdvance(base, style) * 1000 : style.font === 'sans' ? 600 : 560;
      }
    }
  }
  // Bold faces are roughly 5–8% wider than regular ones.
  return (w * (style.bold ? 1.07 : 1)) / 1000;
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

/** Estimates the size of a plain (non-math) string at `fontSize` user units. */
export function measureText(text: string, fontSize: number, style: FontStyle = { font: 'sans' }): TextSize {
  let em = 0;
  for (const ch of text) em += charAdvance(ch, style);
  return { width: em * fontSize, ascent: CAP_HEIGHT * fontSize, descent: DESCENT * fontSize };
}
