/**
 * The width table the layout measures text with (src/svg/font-widths.ts) is what scripts/font-metrics.mjs
 * computes from the font files: at least as wide as every font that may draw a label (the served KaTeX
 * fonts always; each installed system font, glyph by glyph), and exactly the generated table when all of
 * them are installed (as .ci/run does). The fonts measured as served are the ones prerender.css serves.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVED_SANS_COVERAGE, WIDTHS, WIDTH_RANGES } from '../../src/svg/font-widths.js';
import { charAdvance, servedSansCovers } from '../../src/svg/metrics.js';
import { FONT_FACES } from '../../src/svg/theme.js';
import { copyStaticAssets, PRERENDER_CSS } from '../../src/render/static-assets.js';
// @ts-expect-error plain JS modules shared with the generator script
import { computeWidths, servedSansCoverage, SOURCES, STYLES } from '../../scripts/font-metrics.mjs';
// @ts-expect-error plain JS module
import { readFont } from '../../scripts/sfnt.mjs';

type Source = { file: string; served: boolean };
const sources = SOURCES as Record<string, Source[]>;
const codepoints = WIDTH_RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));

describe('font widths', () => {
  it('has one width per character of WIDTH_RANGES for every style', () => {
    expect(Object.keys(WIDTHS).sort()).toEqual([...(STYLES as string[])].sort());
    for (const s of STYLES as string[]) expect(WIDTHS[s], s).toHaveLength(codepoints.length);
  });

  it('is at least as wide as each font file present, glyph by glyph (served fonts: where they have the glyph)', () => {
    let checked = 0;
    for (const style of STYLES as string[]) {
      const [font, shape] = style.split('-') as ['sans' | 'serif', string];
      for (const src of sources[style]!) {
        if (!src.served && !existsSync(src.file)) continue;
        const f = readFont(src.file);
        const fontStyle = { font, italic: shape.includes('italic'), bold: shape.includes('bold'), cal: shape === 'cal' };
        for (const cp of codepoints) {
          const adv = f.advance(cp) ?? (src.served ? undefined : f.notdef);
          if (adv === undefined) continue;
          // What the layout uses: the table's width, or metrics.ts's estimate where no font has the glyph.
          const used = Math.round(charAdvance(String.fromCodePoint(cp), fontStyle) * 1000);
          expect(used, `${style} U+${cp.toString(16)} in ${path.basename(src.file)}`).toBeGreaterThanOrEqual(Math.ceil((adv * 1000) / f.unitsPerEm));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(9 * 1000);
  });

  const all = Object.values(sources).flat().every((s) => s.served || existsSync(s.file));
  it.skipIf(!all && !process.env.CI)('is exactly what scripts/font-metrics.mjs generates from the installed fonts', () => {
    const fresh = computeWidths() as Record<string, number[]>;
    for (const s of STYLES as string[]) expect(WIDTHS[s], `${s}: run node scripts/font-metrics.mjs`).toEqual(fresh[s]);
  });

  it('knows which characters the served sans font has (read from the KaTeX fonts, always present)', () => {
    expect(SERVED_SANS_COVERAGE, 'run node scripts/font-metrics.mjs').toEqual(servedSansCoverage());
    expect(servedSansCovers('the agreement on the European Economic Area was signed in August 1992 .')).toBe(true);
    // KaTeX_SansSerif has no accented letters, and no < > { }.
    for (const t of ['économique', 'août', 'Straße', 'naïve', '<eos>']) expect(servedSansCovers(t), t).toBe(false);
  });

  it('measures as served exactly the fonts prerender.css serves', () => {
    const measured = new Set(Object.values(sources).flat().filter((s) => s.served).map((s) => path.basename(s.file, '.ttf')));
    expect(measured).toEqual(new Set(FONT_FACES.map((f) => f.file)));
    for (const f of FONT_FACES) {
      expect(PRERENDER_CSS).toContain(`font-family: ${f.family}; src: url(katex/fonts/${f.file}.woff2) format("woff2"); font-weight: ${f.weight}; font-style: ${f.style};`);
    }
  });

  it('copies the served fonts whenever there is a figure, KaTeX\'s stylesheet and all its fonts only with math', () => {
    const written = (opts: { math: boolean; figures?: boolean }) => {
      const files: string[] = [];
      copyStaticAssets({ writeStatic: (rel) => void files.push(rel) }, opts);
      return files;
    };
    expect(written({ math: false })).toEqual(['prerender/prerender.css']);
    const figures = written({ math: false, figures: true });
    expect(figures.sort()).toEqual(['prerender/prerender.css', ...FONT_FACES.map((f) => `prerender/katex/fonts/${f.file}.woff2`)].sort());
    const math = written({ math: true, figures: true });
    expect(math).toContain('prerender/katex/katex.min.css');
    expect(math.filter((f) => f.endsWith('.woff2')).length).toBeGreaterThan(FONT_FACES.length);
  });
});
