/**
 * Every diagram and plot, with its default parameters, as the example post uses it and at the extremes
 * its parameters allow (attention-map at its largest matrix, seq2seq-attention at its most tokens,
 * rnn-unroll at its most steps),
 * opened in Chromium at desktop width and on a 360 px wide phone, in every font setup of the layout tests
 * (tests/helpers/browser.ts: DejaVu, Liberation, Roboto; served fonts loaded and blocked): the smallest
 * text a reader sees is at least 9 CSS px, and sub- and superscripts at least 7 px (issue 8). What is measured is what the browser draws: each
 * visible SVG's computed font sizes times its scale on the page (getScreenCTM), so a figure that fits the
 * column only by shrinking fails, and one that reflows (rnn-architectures' panels, rnn-unroll's folded
 * graph and chain) or swaps to a narrow layout (seq2seq-attention) passes. A picture wider than its column
 * is allowed only inside a horizontal scroller of the column's width that a keyboard can reach
 * (attention-map's largest matrices, rnn-unroll's longest chains). The no-overlap and no-clip
 * checks of each figure live in diagram-layout, diagram-cells and plot-layout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import { MIN_SCRIPT_PX, MIN_TEXT_PX } from '../../src/render/figure-wrap.js';
import type { Page } from 'playwright-core';
import { availableFontSetups, describeWithChromium, expectFontPaths, inFontSetups, LAYOUT_HOOK_TIMEOUT, type FontRun } from '../helpers/browser.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';
import rnnUnroll from '../../shortcodes/rnn-unroll.js';
import rnnArchitectures from '../../shortcodes/rnn-architectures.js';
import lstm from '../../shortcodes/lstm-cell.js';
import gru from '../../shortcodes/gru-cell.js';
import s2s from '../../shortcodes/seq2seq-attention.js';
import am from '../../shortcodes/attention-map.js';
import gradientDecay from '../../shortcodes/gradient-decay.js';
import plot from '../../shortcodes/plot.js';

interface Case {
  def: ShortcodeDefinition<any>;
  params: Record<string, ParamValue>;
  inner?: string;
  /** A floor above MIN_TEXT_PX: a case that once sat near 9 px keeps its margin. */
  text?: number;
  /** Inside a shrink-to-fit box (a theme whose figures are inline-block or centred as tables). */
  shrinkToFit?: boolean;
  /** An rnn-unroll chain too long for a phone's column at a legible size: it scrolls there. */
  scrolls?: boolean;
  /** …and too long to stand legibly beside its folded graph in the desktop column: stacked there too. */
  stackedOnDesktop?: boolean;
}

const POST_MAP = {
  source: 'the agreement on the European Economic Area was signed',
  target: "l' accord sur la zone économique européenne a été signé",
};

const POST_MATRIX = [
  '0.92 0.04 0.01 0.01 0.01 0.00 0.00 0.01 0.00',
  '0.05 0.88 0.03 0.01 0.01 0.00 0.00 0.01 0.01',
  '0.01 0.05 0.85 0.05 0.01 0.01 0.01 0.01 0.00',
  '0.01 0.01 0.05 0.86 0.03 0.01 0.01 0.01 0.01',
  '0.00 0.01 0.01 0.04 0.08 0.15 0.68 0.02 0.01',
  '0.00 0.00 0.01 0.02 0.05 0.62 0.26 0.02 0.02',
  '0.00 0.01 0.01 0.02 0.71 0.18 0.05 0.01 0.01',
  '0.00 0.01 0.00 0.01 0.01 0.01 0.02 0.86 0.08',
  '0.00 0.01 0.00 0.01 0.01 0.01 0.01 0.72 0.23',
  '0.00 0.02 0.00 0.01 0.00 0.01 0.01 0.07 0.88',
].join('\n');

/** A rows × cols attention matrix, mostly diagonal (each row sums to about 1). */
function diagonal(rows: number, cols: number): string {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === Math.round((r * (cols - 1)) / Math.max(1, rows - 1)) ? 0.8 : 0.2 / (cols - 1)).toFixed(3)).join(' '),
  ).join('\n');
}

/** Bahdanau et al.'s fig. 3 sentence pair: 13 English source tokens, 14 French target tokens, accents included. */
const EN = 'The agreement on the European Economic Area was signed in August 1992 .';
const FR = "L' accord sur la zone économique européenne a été signé en août 1992 .";
/** 64 tokens, the most attention-map draws (MAX_MATRIX_SIDE), of every length from 1 to 16 letters. */
const WORDS64 = Array.from({ length: 64 }, (_, i) => 'représentation'.padEnd(16, 's').slice(0, 1 + (i % 16))).join(' ');

/** Defaults, the parameters of fixtures/site's posts, and the largest figures the parameters allow. */
const CASES: Case[] = [
  { def: rnnUnroll, params: {} },
  { def: rnnUnroll, params: { notation: 'sup', index: 'relative', steps: 3, losses: true } },
  // At 9.68 px on a phone with weight labels at 18 units; at 20 units (as large as the node labels, as in
  // the book) 10.68 px.
  { def: rnnUnroll, params: { notation: 'sup', steps: 5, bptt: true }, text: 10.5 },
  // A figure that sizes itself to its content: rnn-unroll's row is a size container (its own width
  // chooses the arrow), which must not collapse to nothing there.
  { def: rnnUnroll, params: { steps: 5 }, shrinkToFit: true },
  // The longest chains: legible only by scrolling sideways (16 steps were drawn at 4.5 px on a phone,
  // 10 steps at 7 px).
  { def: rnnUnroll, params: { steps: 10 }, scrolls: true },
  { def: rnnUnroll, params: { steps: 16, losses: true, bptt: true }, scrolls: true, stackedOnDesktop: true },
  { def: rnnUnroll, params: { steps: 16, folded: false, notation: 'sup', index: 'relative' }, scrolls: true },
  { def: rnnArchitectures, params: {} },
  { def: rnnArchitectures, params: { labels: true } },
  { def: lstm, params: {} },
  { def: lstm, params: { highlight: 'input' } },
  { def: gru, params: {} },
  { def: s2s, params: {} },
  { def: s2s, params: { source: 'the agreement was signed', weights: '0.05,0.7,0.15,0.1' } },
  { def: s2s, params: { source: 'a b c d e f g h i j' } },
  { def: s2s, params: { source: 'the agreement on the European Economic Area was signed in August', step: 4 } },
  // The most source tokens seq2seq-attention draws (MAX_SOURCE = 12): short, long, and very long words.
  { def: s2s, params: { source: 'a b c d e f g h i j k l' } },
  { def: s2s, params: { source: EN.replace(' .', ''), step: 4, labels: 'values' } },
  { def: s2s, params: { source: 'die Europäische Wirtschaftsgemeinschaft wurde im August 1992 feierlich unterzeichnet und sofort umgesetzt' } },
  { def: am, params: POST_MAP, inner: POST_MATRIX },
  // Extremes (issue 8): Bahdanau's 14 × 13 map, with and without printed values, and the largest matrix
  // (64 × 64), with symbolic and with word tokens.
  { def: am, params: { source: EN, target: FR }, inner: diagonal(14, 13) },
  { def: am, params: { source: EN, target: FR, values: true }, inner: diagonal(14, 13) },
  { def: am, params: {}, inner: diagonal(64, 64) },
  { def: am, params: { source: WORDS64, target: WORDS64 }, inner: diagonal(64, 64) },
  { def: gradientDecay, params: {} },
  { def: gradientDecay, params: { radius: '0.9,1.0,1.1' } },
  { def: gradientDecay, params: { model: 'rnn,lstm', radius: '0.9' } },
  { def: plot, params: { file: 'loss.csv', x: 'epoch', y: 'train,validation', labels: 'training|validation', ylabel: 'loss $\\mathcal{L}(\\theta)$ (nats per token)' } },
  { def: plot, params: { file: 'loss.csv', x: 'epoch', y: 'lr', ylabel: 'learning rate $\\eta$', xlabel: 'optimiser step $s$', legend: false } },
];

const PAGE_CSS = `
  body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fbfbfa; }
  main { max-width: 720px; margin: 0 auto; }
  figure { margin: 0 0 24px; }
`;

function pageHtml(figures: string[]): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${PAGE_CSS}</style></head>` +
    `<body><main>${figures.map((f, i) => `<div class="case" data-i="${i}">${CASES[i]!.shrinkToFit ? `<div style="display:inline-block">${f}</div>` : f}</div>`).join('')}</main></body></html>`
  );
}

interface Sizes {
  /** Visible SVGs of the case. */
  svgs: number;
  /** Smallest text (a <text> element's own size) and smallest script (a <tspan> with a size of its own), in CSS px. */
  text: { px: number; what: string };
  script: { px: number; what: string };
  /** Widest visible SVG on the page, in CSS px, against the column's width. */
  width: number;
  column: number;
  /** Horizontal scrollers the SVGs sit in: reachable by keyboard (tabindex), and named. */
  scrollers: { focusable: boolean; label: string }[];
  /** rnn-unroll with its folded graph: where the panels are drawn (null: not displayed). */
  unfold?: { folded: Rect | null; across: Rect | null; down: Rect | null; chain: Rect | null };
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

describeWithChromium('legibility: no text under 9 px (scripts 7 px), at desktop width and on a 360 px phone, in every font setup', () => {
  let dataDir: string;
  let runs: FontRun<Sizes[]>[];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hp-legibility-'));
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},${(2 * Math.exp(-i / 8) + 0.2).toFixed(4)},${(2.1 * Math.exp(-i / 10) + 0.35).toFixed(4)},${(0.001 * Math.min(1, (i + 1) / 5) * (0.5 + 0.5 * Math.cos((Math.PI * i) / 40))).toFixed(6)}`);
    writeFileSync(path.join(dataDir, 'loss.csv'), `epoch,train,validation,lr\n${rows.join('\n')}\n`);
    const figures: string[] = [];
    for (const [i, c] of CASES.entries()) {
      const r = await renderShortcodeForTest(c.def, c.params, {
        inner: c.inner,
        idPrefix: `leg${i}`,
        page: { absPath: path.join(dataDir, 'index.md'), relPath: 'content/p/index.md', bundleDir: dataDir },
        site: { dir: dataDir, staticDirs: [], assetsDir: path.join(dataDir, 'assets') },
      });
      expect(r.reports.filter((d) => d.severity === 'error'), `${c.def.name} ${JSON.stringify(c.params)}`).toEqual([]);
      figures.push(r.html);
    }
    runs = await inFontSetups({ viewport: { width: 1280, height: 900 }, html: () => pageHtml(figures), measure });
  }, LAYOUT_HOOK_TIMEOUT);

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('each font setup drew with the fonts it claims: served ones loaded, or all blocked', () => {
    expectFontPaths(runs);
    // Every setup of the layout tests, at both widths, with served fonts loaded and blocked.
    expect(runs.length).toBe(availableFontSetups().length * 4);
  });

  test('rnn-unroll: the "Unfold" arrow points from the folded graph at the chain, side by side and stacked', () => {
    let checked = 0;
    for (const run of runs) {
      const where = run.label;
      for (const m of run.result) {
        if (!m.unfold) continue;
        checked++;
        const { folded, across, down, chain } = m.unfold;
        expect(folded && chain, where).toBeTruthy();
        if (chain!.top >= folded!.bottom - 0.5) {
          // Stacked: the arrow pointing down is shown, between the two, and the one pointing right is not.
          expect(across, `${where}: a right-pointing arrow beside a stacked chain`).toBeNull();
          expect(down, `${where}: no arrow between the stacked graphs`).not.toBeNull();
          expect(down!.top).toBeGreaterThanOrEqual(folded!.bottom - 0.5);
          expect(down!.bottom).toBeLessThanOrEqual(chain!.top + 0.5);
        } else {
          expect(down, `${where}: a down-pointing arrow beside side-by-side graphs`).toBeNull();
          expect(across, `${where}: no arrow between the graphs`).not.toBeNull();
          expect(across!.left).toBeGreaterThanOrEqual(folded!.right - 0.5);
          expect(across!.right).toBeLessThanOrEqual(chain!.left + 0.5);
        }
      }
    }
    // Every rnn-unroll case, in every run, stacked on the phone at least once.
    expect(checked).toBe(runs.length * CASES.filter((c) => c.def === rnnUnroll && c.params.folded !== false).length);
    expect(runs.filter((r) => r.phone).every((r) => r.result.some((m) => m.unfold && m.unfold.down))).toBe(true);
    // Side by side on a desktop, except in a box that sizes itself to its content (the row claims the
    // width of its panels stacked there) and for a chain too long to be legible beside the folded graph.
    for (const r of runs.filter((x) => !x.phone)) {
      for (const [i, m] of r.result.entries()) if (m.unfold) expect(!!m.unfold.across, `${r.label}: case ${i}`).toBe(!CASES[i]!.shrinkToFit && !CASES[i]!.stackedOnDesktop);
    }
  });

  test.each(CASES.map((c, i) => [i, `${c.def.name} ${short(JSON.stringify(c.params))}${c.inner ? ` (${c.inner.split('\n').length} rows)` : ''}`] as const))('case %i: %s', (i) => {
    for (const run of runs) {
      const where = run.label;
      const m = run.result[i]!;
      expect(m.svgs, where).toBeGreaterThan(0);
      expect(m.width, `${where}: a picture wider than its column`).toBeLessThanOrEqual(m.column + 0.5);
      for (const sc of m.scrollers) {
        expect(sc.focusable, `${where}: a scroller a keyboard cannot reach`).toBe(true);
        expect(sc.label, `${where}: a scroller without a name`).not.toBe('');
      }
      // A chain too long for the column scrolls in it (on the phone at least), rather than shrinking.
      if (CASES[i]!.scrolls && run.phone) expect(m.scrollers.length, `${where}: no scroller`).toBeGreaterThan(0);
      expect(m.text.px, `${where}: "${m.text.what}" drawn at ${m.text.px.toFixed(2)} px`).toBeGreaterThanOrEqual(CASES[i]!.text ?? MIN_TEXT_PX);
      if (m.script.what) expect(m.script.px, `${where}: ${m.script.what} drawn at ${m.script.px.toFixed(2)} px`).toBeGreaterThanOrEqual(MIN_SCRIPT_PX);
    }
    if (process.env.LEGIBILITY_REPORT) {
      const at = (phone: boolean) => Math.min(...runs.filter((r) => r.phone === phone).map((r) => r.result[i]!.text.px)).toFixed(2);
      const sc = (phone: boolean) => Math.min(...runs.filter((r) => r.phone === phone).map((r) => r.result[i]!.script.px)).toFixed(2);
      console.log(`legibility case ${i}: text ${at(false)} / ${at(true)} px, scripts ${sc(false)} / ${sc(true)} px (desktop / 360 px)`);
    }
  });
});

function short(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** The smallest text of each case as drawn, and where its SVGs sit. */
async function measure(page: Page): Promise<Sizes[]> {
  return page.$$eval('.case', (cases) =>
    cases.map((c) => {
      const visible = [...c.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0 && getComputedStyle(s).display !== 'none');
      const text = { px: Infinity, what: '' };
      const script = { px: Infinity, what: '' };
      for (const svg of visible) {
        // CSS px per user unit, as drawn (viewBox scaling and any transform on the way).
        const scale = (e: SVGGraphicsElement) => {
          const m = e.getScreenCTM()!;
          return Math.hypot(m.a, m.b);
        };
        for (const t of svg.querySelectorAll('text')) {
          const px = parseFloat(getComputedStyle(t).fontSize) * scale(t as SVGTextElement);
          if (px < text.px) Object.assign(text, { px, what: t.textContent ?? '' });
          for (const s of t.querySelectorAll('tspan[font-size]')) {
            const spx = parseFloat(getComputedStyle(s).fontSize) * scale(t as SVGTextElement);
            if (spx < script.px) Object.assign(script, { px: spx, what: `${s.textContent} in "${t.textContent}"` });
          }
        }
      }
      const box = (sel: string) => {
        const e = c.querySelector(sel);
        const r = e?.getBoundingClientRect();
        return r && r.width > 0 ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
      };
      // What a reader sees of each SVG: its own box, or the horizontal scroller it sits in.
      const scrollers: Sizes['scrollers'] = [];
      const seen = visible.map((s) => {
        for (let e = s.parentElement; e && e !== c; e = e.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) {
            scrollers.push({ focusable: e.tabIndex >= 0, label: e.getAttribute('aria-label') ?? '' });
            return e.getBoundingClientRect().width;
          }
        }
        return s.getBoundingClientRect().width;
      });
      return {
        unfold: c.querySelector('svg.hp-rnn-folded')
          ? { folded: box('svg.hp-rnn-folded'), across: box('.hp-unfold-across svg'), down: box('.hp-unfold-down svg'), chain: box('.hp-panel-shrink svg') }
          : undefined,
        svgs: visible.length,
        text,
        script,
        width: Math.max(...seen),
        column: c.getBoundingClientRect().width,
        scrollers,
      };
    }),
  );
}
