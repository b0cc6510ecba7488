/**
 * lstm-cell, gru-cell, seq2seq-attention and attention-map rendered with representative parameters and
 * checked in Chromium, in light mode, dark mode by `prefers-color-scheme` and dark mode by a `.dark`
 * class on <html>:
 * - no two text boxes overlap and none leaves the viewBox (getBBox, mapped through each text's own
 *   transform, so the upright source tokens of attention-map are checked as drawn);
 * - text and accent colours change between light and dark, the same way for the media query and the class;
 * - printed attention values keep ≥ 4.5:1 contrast against their cell in every mode;
 * - on a 360 px wide phone, figures of ordinary size set labels at ≥ 9 px and sub/superscripts at ≥ 7 px.
 * Screenshots of one figure per shortcode, light and dark, go to test-artifacts/diagrams/ (docs/diagrams/ with UPDATE_SCREENSHOTS=1).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import {
  availableFontSetups, contrastRatio as contrast, describeWithChromium, rgbOf as rgb, expectFontPaths, inFontSetups, installUserBox, launchChromium, openFigurePage, screenshotDir,
  LAYOUT_HOOK_TIMEOUT, type FontRun, type LaunchedBrowser, type UserBox,
} from '../helpers/browser.js';
import { render } from '../helpers/cells-context.js';
import lstm from '../../shortcodes/lstm-cell.js';
import gru from '../../shortcodes/gru-cell.js';
import s2s from '../../shortcodes/seq2seq-attention.js';
import am from '../../shortcodes/attention-map.js';

const DOCS = screenshotDir('diagrams');

/**
 * A 14 × 13 alignment in the spirit of Bahdanau et al.'s fig. 3 (English → French): monotonic except for
 * "European Economic Area" ↔ "zone économique européenne", which is reversed.
 */
function alignment(): string {
  // For each French token, the English token it translates ("a été" both attend to "was").
  const peak = [0, 1, 2, 3, 6, 5, 4, 7, 7, 8, 9, 10, 11, 12];
  return peak
    .map((p, i) =>
      Array.from({ length: 13 }, (_, j) => j)
        .map((j) => {
          const d = Math.abs(j - p);
          const v = d === 0 ? 0.78 - (i % 3) * 0.06 : d === 1 ? 0.07 : 0.01;
          return v.toFixed(2);
        })
        .join(' '),
    )
    .join('\n');
}
const EN = 'The agreement on the European Economic Area was signed in August 1992 .';
const FR = "L' accord sur la zone économique européenne a été signé en août 1992 .";

interface Case {
  /** Screenshot file stem; undefined: checked, not photographed. */
  shot?: string;
  def: ShortcodeDefinition<any>;
  params: Record<string, ParamValue>;
  inner?: string;
  /** A figure of ordinary size: checked for legibility on a phone. */
  phone?: boolean;
}

const CASES: Case[] = [
  { shot: 'lstm-cell', def: lstm, params: {}, phone: true },
  { shot: 'lstm-cell-forget', def: lstm, params: { highlight: 'forget' }, phone: true },
  { def: lstm, params: { highlight: 'output', state: 'C' } },
  { shot: 'gru-cell', def: gru, params: {}, phone: true },
  { def: gru, params: { highlight: 'reset' } },
  { shot: 'seq2seq-attention', def: s2s, params: { source: 'the cat sat on the mat', weights: '0.05,0.62,0.2,0.06,0.04,0.03', step: 3 } },
  { def: s2s, params: {}, phone: true },
  { def: s2s, params: { source: 'internationalisation of trade', weights: '0.2,0.3,0.5', labels: 'values' } },
  { def: s2s, params: { weights: '1' } },
  // Ten tokens: a wide layout on a desktop, the narrow one (turned a quarter) on a phone; eleven words:
  // the narrow one everywhere (issue 8).
  { def: s2s, params: { source: 'a b c d e f g h i j' }, phone: true },
  { def: s2s, params: { source: 'the agreement on the European Economic Area was signed in August', step: 4, labels: 'values' }, phone: true },
  { shot: 'attention-map', def: am, params: { source: 'the cat sat on the mat .', target: 'le chat était assis sur le tapis', values: true }, inner: catMatrix(), phone: true },
  { shot: 'attention-map-alignment', def: am, params: { source: EN, target: FR }, inner: alignment() },
  { def: am, params: {}, inner: '0.9 0.1\n0.3 0.7', phone: true },
];

function catMatrix(): string {
  // 7 target × 7 source, mostly diagonal, "était assis" sharing "sat".
  return [
    '0.84 0.06 0.03 0.02 0.02 0.02 0.01',
    '0.05 0.87 0.03 0.02 0.01 0.01 0.01',
    '0.03 0.10 0.71 0.08 0.03 0.03 0.02',
    '0.02 0.06 0.78 0.07 0.03 0.02 0.02',
    '0.01 0.02 0.06 0.82 0.05 0.03 0.01',
    '0.02 0.01 0.02 0.04 0.80 0.09 0.02',
    '0.01 0.02 0.02 0.03 0.06 0.83 0.03',
  ].join('\n');
}

type Mode = 'light' | 'dark-media' | 'dark-class';
const MODES: Mode[] = ['light', 'dark-media', 'dark-class'];

const PAGE_CSS = `
  body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fbfbfa; }
  @media (prefers-color-scheme: dark) { body { color: #dadadb; background: #1d1e20; } }
  html.dark body { color: #dadadb; background: #1d1e20; }
  figure { margin: 0 0 24px; display: inline-block; padding: 8px; }
  .phone figure { display: block; padding: 0; }
`;

function pageHtml(figures: string[], mode: Mode, phone = false): string {
  return (
    `<!doctype html><html class="${mode === 'dark-class' ? 'dark' : ''}"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head>` +
    `<body class="${phone ? 'phone' : ''}">${figures.map((f, i) => `<div class="case" data-i="${i}">${f}</div>`).join('')}</body></html>`
  );
}

async function pageWith(b: LaunchedBrowser, figures: string[], mode: Mode, phone = false): Promise<Page> {
  const page = await b.context.newPage();
  await page.emulateMedia({ colorScheme: mode === 'dark-media' ? 'dark' : 'light' });
  return openFigurePage(b.context, pageHtml(figures, mode, phone), { webFonts: true, page });
}

interface Measured {
  viewBox: [number, number, number, number];
  texts: { text: string; x0: number; y0: number; x1: number; y1: number }[];
  textFill: string;
  accents: Record<string, string>;
  /** Printed values: text colour, cell colour and opacity, page background. */
  values: { text: string; fill: string; cell: string; opacity: number }[];
  background: string;
}

async function measure(page: Page): Promise<Measured[]> {
  await installUserBox(page);
  // One SVG per case: the one shown (seq2seq-attention carries a wide and a narrow layout, one hidden).
  return page.$$eval('.case', (cases) =>
    cases.map((c) => {
      const s = [...c.querySelectorAll('svg.hp-diagram')].find((v) => v.getBoundingClientRect().width > 0) as SVGSVGElement;
      const vb = s.viewBox.baseVal;
      const userBox = (window as unknown as { hpUserBox: (e: SVGGraphicsElement) => UserBox }).hpUserBox;
      const texts = [...s.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', ...userBox(t as SVGTextElement) }));
      const first = s.querySelector('text');
      const accents: Record<string, string> = {};
      for (const tone of ['hidden', 'output', 'gate', 'highlight']) {
        const e = s.querySelector(`.hp-stroke-${tone}, .hp-fill-${tone}`);
        if (e) accents[tone] = e.classList.contains(`hp-stroke-${tone}`) ? getComputedStyle(e).stroke : getComputedStyle(e).fill;
      }
      const cells = [...s.querySelectorAll('.hp-cells rect')];
      const values = [...s.querySelectorAll('.hp-values text')].map((t, i) => ({
        text: t.textContent ?? '',
        fill: getComputedStyle(t).fill,
        cell: getComputedStyle(cells[i]!).fill,
        opacity: Number(getComputedStyle(cells[i]!).fillOpacity),
      }));
      return {
        viewBox: [vb.x, vb.y, vb.width, vb.height] as [number, number, number, number],
        texts,
        textFill: first ? getComputedStyle(first).fill : '',
        accents,
        values,
        background: getComputedStyle(document.body).backgroundColor,
      };
    }),
  );
}

describeWithChromium('lstm-cell, gru-cell, seq2seq-attention, attention-map in Chromium', () => {
  let browser: LaunchedBrowser;
  let figures: string[];
  const results = new Map<Mode, Measured[]>();
  let runs: FontRun<Measured[]>[];

  // Three font setups × served/blocked fonts × two widths, plus the colour modes: minutes on a loaded
  // two-core machine (the default 180 s hook timeout was hit under CI contention).
  beforeAll(async () => {
    figures = [];
    for (const [i, c] of CASES.entries()) {
      const r = await render(c.def, c.params, { inner: c.inner, idPrefix: `cells${i}` });
      expect(r.errors, `${c.def.name} ${JSON.stringify(c.params)}`).toEqual([]);
      figures.push(r.html);
    }
    runs = await inFontSetups({ viewport: { width: 1400, height: 1000 }, html: (phone) => pageHtml(figures, 'light', phone), measure });
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 2, fonts: availableFontSetups()[0] });
    mkdirSync(DOCS, { recursive: true });
    for (const mode of MODES) {
      const page = await pageWith(browser, figures, mode);
      results.set(mode, await measure(page));
      if (mode !== 'dark-media') {
        for (const [i, c] of CASES.entries()) {
          if (!c.shot) continue;
          await page
            .locator(`.case[data-i="${i}"] figure`)
            .screenshot({ path: path.join(DOCS, `${c.shot}-${mode === 'light' ? 'light' : 'dark'}.png`) });
        }
      }
      await page.close();
    }
  }, LAYOUT_HOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  test.each(CASES.map((c, i) => [i, `${c.def.name} ${JSON.stringify(c.params)}`] as const))(
    'case %i: %s: text inside the viewBox, no overlaps, in every font setup',
    (i) => {
      for (const run of runs) {
        const mode = run.label;
        const g = run.result[i]!;
        const [vx, vy, vw, vh] = g.viewBox;
        expect(g.texts.length).toBeGreaterThan(0);
        const EPS = 0.5;
        for (const t of g.texts) {
          expect(t.x0, `"${t.text}" leaves the viewBox on the left (${mode})`).toBeGreaterThanOrEqual(vx - EPS);
          expect(t.y0, `"${t.text}" leaves the viewBox at the top (${mode})`).toBeGreaterThanOrEqual(vy - EPS);
          expect(t.x1, `"${t.text}" leaves the viewBox on the right (${mode})`).toBeLessThanOrEqual(vx + vw + EPS);
          expect(t.y1, `"${t.text}" leaves the viewBox at the bottom (${mode})`).toBeLessThanOrEqual(vy + vh + EPS);
        }
        for (let a = 0; a < g.texts.length; a++) {
          for (let b = a + 1; b < g.texts.length; b++) {
            const A = g.texts[a]!;
            const B = g.texts[b]!;
            const overlap = A.x0 + EPS < B.x1 && B.x0 + EPS < A.x1 && A.y0 + EPS < B.y1 && B.y0 + EPS < A.y1;
            expect(overlap, `"${A.text}" overlaps "${B.text}" (${mode})`).toBe(false);
          }
        }
      }
    },
  );

  test('each font setup drew with the fonts it claims: served ones loaded, or all blocked', () => {
    expectFontPaths(runs);
    // The French tokens (é, û) were checked in every run: one font per word, the setup's own.
    for (const r of runs) expect(r.sysFonts, r.label).toEqual([r.setup.sans]);
  });

  test("text follows the page in every mode; accents are the dark ones under a theme's dark toggle, and middle ones where only the system is dark", () => {
    for (const [i, c] of CASES.entries()) {
      const light = results.get('light')![i]!;
      const media = results.get('dark-media')![i]!;
      const cls = results.get('dark-class')![i]!;
      expect(light.textFill, c.def.name).not.toBe(media.textFill);
      expect(cls.textFill, c.def.name).toBe(media.textFill);
      const tones = Object.keys(light.accents);
      expect(tones.length, c.def.name).toBeGreaterThan(0);
      for (const tone of tones) {
        expect(cls.accents[tone], `${c.def.name} ${tone}`).not.toBe(light.accents[tone]);
        // A dark system alone says nothing of the page: a theme without dark mode (Ananke), or Congo
        // switched to light, shows a white page there. The accents then read on white and on near-black
        // alike (the dark toggle's fell to about 2:1 on white: found by an audit).
        expect(media.accents[tone], `${c.def.name} ${tone}`).not.toBe(light.accents[tone]);
        expect(media.accents[tone], `${c.def.name} ${tone}`).not.toBe(cls.accents[tone]);
        for (const page of ['rgb(255, 255, 255)', 'rgb(30, 30, 30)']) {
          expect(contrast(rgb(media.accents[tone]!), rgb(page)), `${c.def.name} ${tone} on ${page}`).toBeGreaterThanOrEqual(4);
        }
        for (const page of [light.background, media.background]) {
          expect(contrast(rgb(media.accents[tone]!), rgb(page)), `${c.def.name} ${tone} on ${page}`).toBeGreaterThanOrEqual(3.5);
        }
        expect(contrast(rgb(light.accents[tone]!), rgb(light.background)), `${c.def.name} ${tone}`).toBeGreaterThanOrEqual(3);
        expect(contrast(rgb(cls.accents[tone]!), rgb(cls.background)), `${c.def.name} ${tone}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  test('printed attention values stay readable on their cells (≥ 4.5:1) in light and dark', () => {
    let checked = 0;
    for (const mode of MODES) {
      for (const g of results.get(mode)!) {
        const bg = rgb(g.background);
        for (const v of g.values) {
          const cell = rgb(v.cell);
          const seen = cell.map((c, k) => c * v.opacity + bg[k]! * (1 - v.opacity)) as [number, number, number];
          const ratio = contrast(rgb(v.fill), seen);
          expect(ratio, `${v.text} in ${mode}`).toBeGreaterThanOrEqual(4.5);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('ordinary figures stay legible on a 360 px wide phone: labels ≥ 9 px, scripts ≥ 7 px', async () => {
    const cases = CASES.filter((c) => c.phone);
    expect(cases.length).toBeGreaterThanOrEqual(5);
    const page = await pageWith(browser, cases.map((c) => figures[CASES.indexOf(c)]!), 'light', true);
    await page.setViewportSize({ width: 360, height: 740 });
    const sizes = await page.$$eval('.case', (cases) =>
      cases.map((c) => {
        const s = [...c.querySelectorAll('svg.hp-diagram')].find((v) => v.getBoundingClientRect().width > 0) as SVGSVGElement;
        const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
        const px = (e: Element) => parseFloat(getComputedStyle(e).fontSize) * scale;
        return {
          width: s.getBoundingClientRect().width,
          labels: Math.min(...[...s.querySelectorAll('text')].map(px)),
          scripts: Math.min(...[...s.querySelectorAll('text, tspan')].map(px)),
        };
      }),
    );
    await page.close();
    for (const [i, s] of sizes.entries()) {
      const name = `${cases[i]!.def.name} ${JSON.stringify(cases[i]!.params)}`;
      expect(s.width, `${name} fits the phone`).toBeLessThanOrEqual(360);
      expect(s.labels, name).toBeGreaterThanOrEqual(9);
      expect(s.scripts, name).toBeGreaterThanOrEqual(7);
    }
  });
});
