// Generates src/svg/font-widths.ts: for each text style our SVGs use, the advance width of each character
// (1/1000 em, rounded up) as the MAXIMUM over every font that may draw it:
// - the KaTeX fonts we serve with the figures (src/render/static-assets.ts, FONT_FACES), read from the
//   katex package, and
// - the fonts a reader's browser falls back to when those fail to load or lack a glyph: DejaVu (most
//   Linux desktops), Liberation (metric clones of Arial/Helvetica and Times New Roman, i.e. Windows and
//   macOS), Roboto (Android). A system font without a glyph draws its .notdef box, so it counts with that
//   width; a served font without a glyph hands the character to the next font, so it counts with none.
// Serif styles also take the sans fonts: a machine without a serif font draws math in its sans font.
//
// Run: node scripts/font-metrics.mjs  (needs fonts-dejavu-core, fonts-dejavu-extra, fonts-liberation2
// and fonts-roboto-unhinted installed; tests/unit/font-widths.test.ts checks the table against every
// font file present, so a stale table fails the tests).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFont } from './sfnt.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const katexFonts = path.join(path.dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'fonts');
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const LIBERATION = '/usr/share/fonts/truetype/liberation2';
const ROBOTO = '/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF';

/** The styles measured: `${font}-${weight}-${slant}`. */
export const STYLES = ['sans-regular', 'sans-italic', 'sans-bold', 'sans-bolditalic', 'serif-regular', 'serif-italic', 'serif-bold', 'serif-bolditalic', 'serif-cal'];

const k = (f) => ({ file: path.join(katexFonts, f), served: true });
const sys = (dir, f) => ({ file: path.join(dir, f), served: false });

/** Per style, the fonts that may draw it. `served`: one of ours (a missing glyph falls through). */
const SANS = {
  regular: [k('KaTeX_SansSerif-Regular.ttf'), sys(DEJAVU, 'DejaVuSans.ttf'), sys(LIBERATION, 'LiberationSans-Regular.ttf'), sys(ROBOTO, 'Roboto-Regular.ttf')],
  italic: [k('KaTeX_SansSerif-Italic.ttf'), sys(DEJAVU, 'DejaVuSans.ttf'), sys(DEJAVU, 'DejaVuSans-Oblique.ttf'), sys(LIBERATION, 'LiberationSans-Italic.ttf'), sys(ROBOTO, 'Roboto-Italic.ttf')],
  bold: [k('KaTeX_SansSerif-Bold.ttf'), sys(DEJAVU, 'DejaVuSans-Bold.ttf'), sys(LIBERATION, 'LiberationSans-Bold.ttf'), sys(ROBOTO, 'Roboto-Bold.ttf')],
  bolditalic: [k('KaTeX_SansSerif-Bold.ttf'), sys(DEJAVU, 'DejaVuSans-Bold.ttf'), sys(DEJAVU, 'DejaVuSans-BoldOblique.ttf'), sys(LIBERATION, 'LiberationSans-BoldItalic.ttf'), sys(ROBOTO, 'Roboto-BoldItalic.ttf')],
};
const SERIF = {
  regular: [k('KaTeX_Main-Regular.ttf'), sys(DEJAVU, 'DejaVuSerif.ttf'), sys(LIBERATION, 'LiberationSerif-Regular.ttf')],
  italic: [k('KaTeX_Math-Italic.ttf'), sys(DEJAVU, 'DejaVuSerif.ttf'), sys(DEJAVU, 'DejaVuSerif-Italic.ttf'), sys(LIBERATION, 'LiberationSerif-Italic.ttf')],
  bold: [k('KaTeX_Main-Bold.ttf'), sys(DEJAVU, 'DejaVuSerif-Bold.ttf'), sys(LIBERATION, 'LiberationSerif-Bold.ttf')],
  bolditalic: [k('KaTeX_Math-BoldItalic.ttf'), sys(DEJAVU, 'DejaVuSerif-Bold.ttf'), sys(DEJAVU, 'DejaVuSerif-BoldItalic.ttf'), sys(LIBERATION, 'LiberationSerif-BoldItalic.ttf')],
  // \mathcal: KaTeX_Caligraphic (capitals), falling through to the upright math font.
  cal: [k('KaTeX_Caligraphic-Regular.ttf'), k('KaTeX_Main-Regular.ttf'), sys(DEJAVU, 'DejaVuSerif.ttf'), sys(LIBERATION, 'LiberationSerif-Regular.ttf')],
};
/** @type {Record<string, {file: string, served: boolean}[]>} */
export const SOURCES = Object.fromEntries(
  STYLES.map((s) => {
    const [font, shape] = s.split('-');
    return [s, font === 'sans' ? SANS[shape] : [...SERIF[shape], ...SANS[shape === 'cal' ? 'regular' : shape].filter((f) => !f.served)]];
  }),
);

/** The characters measured (inclusive ranges); others are estimated in src/svg/metrics.ts. */
export const RANGES = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x17f], // Latin-1, Latin Extended-A
  [0x391, 0x3c9], // Greek
  [0x3d0, 0x3d6],
  [0x3f0, 0x3f5],
  [0x400, 0x45f], // Cyrillic
  [0x2000, 0x209f], // spaces, dashes, quotes, ‖, primes, super/subscript digits
  [0x2100, 0x214f], // letterlike: ℓ ℝ ℕ
  [0x2190, 0x22ff], // arrows, mathematical operators
  [0x2308, 0x230b], // ⌈ ⌉ ⌊ ⌋
  [0x27e8, 0x27e9], // ⟨ ⟩
];

/** Per style, the widths (1/1000 em) of every character in RANGES, in order; 0 where no font has it. */
export function computeWidths() {
  const cache = new Map();
  const font = (file) => {
    if (!cache.has(file)) {
      if (!existsSync(file)) throw new Error(`${file} is missing: install fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 fonts-roboto-unhinted`);
      cache.set(file, readFont(file));
    }
    return cache.get(file);
  };
  /** @type {Record<string, number[]>} */
  const out = {};
  for (const style of STYLES) {
    const widths = [];
    for (const [a, b] of RANGES) {
      for (let cp = a; cp <= b; cp++) {
        let w = 0;
        let anyGlyph = false;
        for (const src of SOURCES[style]) {
          const f = font(src.file);
          const adv = f.advance(cp);
          if (adv !== undefined) anyGlyph = true;
          const units = adv ?? (src.served ? 0 : f.notdef);
          w = Math.max(w, Math.ceil((units * 1000) / f.unitsPerEm));
        }
        widths.push(anyGlyph ? w : 0);
      }
    }
    out[style] = widths;
  }
  return out;
}

/**
 * The characters every served sans face has a glyph for, as inclusive ranges: a plain label with any
 * other character (é, ä, ß …) is drawn in the readers' own fonts as a whole (class hp-sys, see
 * src/svg/README.md), not in KaTeX_SansSerif with single letters from another font.
 */
export function servedSansCoverage() {
  const faces = SANS.regular.concat(SANS.italic, SANS.bold).filter((f) => f.served).map((f) => readFont(f.file));
  const ranges = [];
  for (const [a, b] of RANGES) {
    for (let cp = a; cp <= b; cp++) {
      if (!faces.every((f) => f.advance(cp) !== undefined)) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === cp - 1) last[1] = cp;
      else ranges.push([cp, cp]);
    }
  }
  return ranges;
}

/** Largest hhea ascender and descender (em) over all the fonts, for the record. */
function verticals() {
  let asc = 0;
  let desc = 0;
  for (const list of Object.values(SOURCES)) {
    for (const src of list) {
      const f = readFont(src.file);
      asc = Math.max(asc, f.ascender / f.unitsPerEm);
      desc = Math.max(desc, -f.descender / f.unitsPerEm);
    }
  }
  return { asc, desc };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const widths = computeWidths();
  const { asc, desc } = verticals();
  const fonts = [...new Set(Object.values(SOURCES).flat().map((s) => path.basename(s.file)))].sort();
  const lines = [
    '// Generated by scripts/font-metrics.mjs: do not edit. Advance widths in 1/1000 em, per style the maximum',
    '// over the fonts that may draw it (see src/svg/README.md), for the characters in WIDTH_RANGES, in order.',
    `// Fonts: ${fonts.join(', ')}.`,
    `// Largest hhea ascender ${asc.toFixed(3)} em, descender ${desc.toFixed(3)} em.`,
    '',
    `export const WIDTH_RANGES: readonly (readonly [number, number])[] = ${JSON.stringify(RANGES)};`,
    '',
    '/** Characters every served sans face (KaTeX_SansSerif) has, as inclusive ranges. */',
    `export const SERVED_SANS_COVERAGE: readonly (readonly [number, number])[] = ${JSON.stringify(servedSansCoverage())};`,
    '',
    'export const WIDTHS: Record<string, readonly number[]> = {',
    ...STYLES.flatMap((s) => [
      `  '${s}': [`,
      ...Array.from({ length: Math.ceil(widths[s].length / 24) }, (_, i) => `    ${widths[s].slice(24 * i, 24 * i + 24).join(', ')},`),
      '  ],',
    ]),
    '};',
    '',
  ];
  writeFileSync(path.join(root, 'src/svg/font-widths.ts'), lines.join('\n'));
  console.log(`wrote src/svg/font-widths.ts: ${STYLES.length} styles × ${widths[STYLES[0]].length} characters`);
}
