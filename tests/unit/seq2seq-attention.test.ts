import { describe, expect, it } from 'vitest';
import s2s, { FOOT_GAP, MAX_SOURCE, seq2seqDrawing, type Seq2SeqModel } from '../../shortcodes/seq2seq-attention.js';
import { boxesOverlap, createIds, labelFontBox, type Box, type Point } from '../../src/svg/index.js';
import { peakedWeights } from '../../src/render/attention-data.js';

/** How near another attention edge may pass a weight's label, beyond its half stroke (the README says 8 units). */
const FOOT_CLEAR = 8;

function pointSegmentDistance(p: Point, a: Point, c: Point): number {
  const [dx, dy] = [c.x - a.x, c.y - a.y];
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Whether segment a–c meets box `b` (Liang–Barsky: the part of the segment inside each slab of the box). */
function segmentMeetsBox(b: Box, a: Point, c: Point): boolean {
  let [t0, t1] = [0, 1];
  for (const [p, q] of [[a.x - c.x, a.x - b.x0], [c.x - a.x, b.x1 - a.x], [a.y - c.y, a.y - b.y0], [c.y - a.y, b.y1 - a.y]] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
    if (t0 > t1) return false;
  }
  return true;
}

/** Distance from a box to a segment (0 where the segment meets the box). */
function boxSegmentDistance(b: Box, a: Point, c: Point): number {
  if (segmentMeetsBox(b, a, c)) return 0;
  const toBox = (p: Point) => Math.hypot(Math.max(b.x0 - p.x, 0, p.x - b.x1), Math.max(b.y0 - p.y, 0, p.y - b.y1));
  const corners: Point[] = [{ x: b.x0, y: b.y0 }, { x: b.x1, y: b.y0 }, { x: b.x0, y: b.y1 }, { x: b.x1, y: b.y1 }];
  return Math.min(toBox(a), toBox(c), ...corners.map((p) => pointSegmentDistance(p, a, c)));
}
import { descOf, expectQualityBar, expectRasterises, render, titleOf } from '../helpers/cells-context.js';

/** Stroke widths of the attention edges, in source order. */
function edgeWidths(html: string): number[] {
  return [...html.matchAll(/<path class="hp-stroke-highlight"[^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('seq2seq-attention', () => {
  it('meets the quality bar with defaults, tokens, a step and each label style', async () => {
    await expectQualityBar(s2s);
    await expectQualityBar(s2s, { source: 'the cat sat on the mat .', weights: '0.05,0.6,0.2,0.05,0.05,0.03,0.02', step: 3 });
    await expectQualityBar(s2s, { labels: 'values' });
    await expectQualityBar(s2s, { labels: 'none', weights: '1' });
  });

  it('draws a bidirectional encoder over x_1 … x_T with one weighted edge per token', async () => {
    const { html } = await render(s2s);
    // Forward and backward rows: 2 boxes per token.
    expect(html.match(/class="hp-stroke-hidden hp-tint-hidden"/g)).toHaveLength(8);
    expect(edgeWidths(html)).toHaveLength(4);
    expect(html).toContain('>α</tspan>');
  });

  it('edge width follows the weight', async () => {
    const { html } = await render(s2s, { weights: '0.1,0.2,0.3,0.4' });
    const w = edgeWidths(html);
    expect(w).toEqual([...w].sort((a, b) => a - b));
    expect(w[3]).toBeGreaterThan(w[0]! * 2);
  });

  it('uses the decoder step in every label and says so in the title', async () => {
    const { html } = await render(s2s, { step: 3 });
    expect(html).toMatch(/>s<\/tspan><tspan[^>]*>2</);
    expect(html).toMatch(/>y<\/tspan><tspan[^>]*>3</);
    expect(html).toMatch(/>α<\/tspan><tspan[^>]*>3,<\/tspan><tspan[^>]*>1</);
    expect(titleOf(html)).toBe('Attention over 4 source tokens at decoder step 3');
  });

  it('describes the structure and the weights in the desc', async () => {
    const d = descOf((await render(s2s, { source: 'a b c', weights: '0.2,0.5,0.3' })).html);
    expect(d).toMatch(/bidirectional RNN reads the 3 source tokens x_1 "a", x_2 "b", x_3 "c"/);
    expect(d).toContain('α_{t,2} = 0.50');
    expect(d).toMatch(/largest on token 2/);
  });

  it('rejects a weight count that does not match the tokens, naming both', async () => {
    const r = await render(s2s, { source: 'a b c', weights: '0.5,0.5' });
    expect(r.errors).toEqual([
      { severity: 'error', param: 'weights', message: 'weights= has 2 numbers but there are 3 source tokens; give one weight per token' },
    ]);
  });

  it('rejects negative weights through the parameter table', async () => {
    const r = await render(s2s, { weights: '0.5,-0.1,0.3,0.3' });
    expect(r.errors[0]).toMatchObject({ param: 'weights', message: expect.stringMatching(/of at least 0/) });
  });

  it('normalises weights that do not sum to 1, with a warning', async () => {
    const r = await render(s2s, { weights: '1,2,3,4' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({ param: 'weights', message: expect.stringMatching(/sum to 10, not 1; they were divided by their sum/) }),
    ]);
    expect(descOf(r.html)).toContain('α_{t,4} = 0.40');
    // Rounded weights that sum to 0.99 are fine.
    expect((await render(s2s, { weights: '0.33,0.33,0.33' })).warnings).toEqual([]);
  });

  it('rejects all-zero weights and too many tokens', async () => {
    expect((await render(s2s, { weights: '0,0,0,0' })).errors[0]!.message).toMatch(/all zero/);
    const many = Array.from({ length: 13 }, (_, i) => `w${i}`).join(' ');
    expect((await render(s2s, { source: many })).errors[0]).toMatchObject({ param: 'source', message: expect.stringMatching(/at most 12/) });
  });

  it('an empty weights= is one located error and the default figure, never an internal error (found by the fuzz suite)', async () => {
    const r = await render(s2s, { weights: '' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ param: 'weights', message: expect.stringMatching(/^weights is empty: give at least one number/) });
    expect(r.html).toContain('<svg');
    expect(r.html).not.toMatch(/NaN/);
  });

  it('sets each weight at the foot of its own edge, clear of every other edge, in both layouts and with up to 12 tokens', async () => {
    // Labels beside their edges were placed between two edges once the fan grew shallow and crowded: at 8
    // tokens α_{3,2} sat on the edge of token 1 (a label's middle 2 units from it), at 10 two of them did.
    type Seg = { a: Point; b: Point; width: number };
    const short = 'a b c d e f g h i j k l'.split(' ');
    const long = 'the agreement on the European Economic Area was signed in August 1992'.split(' ');
    let layouts = 0;
    let narrowOnly = 0;
    for (let n = 1; n <= MAX_SOURCE; n++) {
      for (const [words, labels] of [[short, 'alpha'], [long, 'alpha'], [long, 'values']] as const) {
        const { html } = await render(s2s, { source: words.slice(0, n).join(' '), step: 3, labels });
        const svgs = [...html.matchAll(/<svg[^]*?<\/svg>/g)].map((m): [string, string] => [m[0], m[0].includes('-narrow-svg') ? 'narrow' : 'wide']);
        if (svgs.length === 1 && svgs[0]![1] === 'narrow') {
          narrowOnly++;
          // The wide layout of a source too long for it is drawn (to measure it) but not shown: held to the same.
          const model: Seq2SeqModel = { tokens: words.slice(0, n), symbolic: false, weights: peakedWeights(n, 1), step: '3', prev: '2', labels };
          svgs.push([String(seq2seqDrawing(createIds('w'), model).body), 'wide (not shown)']);
        }
        for (const [svg, layout] of svgs) {
          layouts++;
          const where = `${n} tokens (${words[1]}, ${labels}), ${layout} layout`;
          const edges: Seg[] = [...svg.matchAll(/class="hp-stroke-highlight" d="M([\d.-]+),([\d.-]+)L([\d.-]+),([\d.-]+)"[^>]*stroke-width="([\d.]+)"/g)].map((m) => ({
            a: { x: Number(m[1]), y: Number(m[2]) },
            b: { x: Number(m[3]), y: Number(m[4]) },
            width: Number(m[5]),
          }));
          // The weights' labels, in token order: α_{3,j}, or the weights as numbers.
          const attr = (tag: string, name: string) => Number(new RegExp(` ${name}="([\\d.-]+)"`).exec(tag)?.[1]);
          const texts = [...svg.matchAll(/(<text [^>]*>)(.*?)<\/text>/g)].map((m) => ({
            x: attr(m[1]!, 'x'),
            y: attr(m[1]!, 'y'),
            size: attr(m[1]!, 'font-size'),
            text: m[2]!.replace(/<[^>]+>/g, ''),
          }));
          const weights = texts.filter((t) => (labels === 'alpha' ? t.text.startsWith('α') : /^\d\.\d\d$/.test(t.text)));
          expect(edges, where).toHaveLength(n);
          expect(weights, where).toHaveLength(n);
          weights.forEach((l, j) => {
            const tex = labels === 'alpha' ? `\\alpha_{3,${j + 1}}` : l.text;
            if (labels === 'alpha') expect(l.text, where).toBe(`α3,${j + 1}`);
            const box = labelFontBox(tex, { x: l.x, y: l.y, size: l.size, valign: 'baseline' });
            // Its own edge leaves from it…
            expect(boxSegmentDistance(box, edges[j]!.a, edges[j]!.a), `${where}: ${l.text} to the start of its edge`).toBeLessThanOrEqual(2 * FOOT_GAP + 1);
            // …no other comes near it, and its middle is nearer its own edge than any other by a quarter at least.
            const mid = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
            const own = pointSegmentDistance(mid, edges[j]!.a, edges[j]!.b);
            edges.forEach((e, k) => {
              if (k === j) return;
              expect(boxSegmentDistance(box, e.a, e.b) - e.width / 2, `${where}: ${l.text} and edge ${k + 1}`).toBeGreaterThanOrEqual(FOOT_CLEAR - 0.5);
              expect(own, `${where}: ${l.text}, its edge and edge ${k + 1}`).toBeLessThan(0.75 * pointSegmentDistance(mid, e.a, e.b));
            });
          });
        }
      }
    }
    // Both layouts were looked at, and the narrow one alone (a source too long for a desktop column).
    expect(layouts).toBeGreaterThan(4 * MAX_SOURCE);
    expect(narrowOnly).toBeGreaterThan(0);
  });

  it('widens the columns for long tokens so no labels overlap (estimated metrics)', () => {
    for (const tokens of [['x_{1}'], ['x_{1}', 'x_{2}', 'x_{3}', 'x_{4}'], ['internationalisation', 'of', 'the', 'economy', '.']]) {
      const n = tokens.length;
      const m: Seq2SeqModel = {
        tokens,
        symbolic: tokens[0] === 'x_{1}',
        weights: Array.from({ length: n }, () => 1 / n),
        step: 't',
        prev: 't-1',
        labels: 'alpha',
      };
      const d = seq2seqDrawing(createIds('t'), m);
      for (const b of d.boxes) {
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(d.width);
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.y1).toBeLessThanOrEqual(d.height);
      }
      for (let i = 0; i < d.boxes.length; i++)
        for (let j = i + 1; j < d.boxes.length; j++) expect(boxesOverlap(d.boxes[i]!, d.boxes[j]!), `${tokens} ${i} ${j}`).toBe(false);
    }
  });
});

describe('seq2seq-attention outside a browser', () => {
  it('rasterises with sharp', async () => {
    await expectRasterises((await render(s2s, { source: 'a b c' })).html);
  });
  it('draws each annotation h_j as both states in one outline, which its α edge leaves, and labels the sum c_t', async () => {
    const { html } = await render(s2s, { source: 'the cat sat', weights: '0.2,0.5,0.3', step: 3 });
    const outlines = [...html.matchAll(/<rect class="hp-annotation[^"]*"[^>]*height="([\d.]+)"[^>]*y="([\d.]+)"/g)].map((m) => ({ h: Number(m[1]), y: Number(m[2]) }));
    expect(outlines).toHaveLength(3);
    const states = [...html.matchAll(/<rect[^>]*height="28"[^>]*y="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [top, bottom] = [Math.min(...states), Math.max(...states) + 28];
    for (const o of outlines) {
      // Around the backward (upper) and the forward (lower) state alike.
      expect(o.y).toBeLessThan(top);
      expect(o.y + o.h).toBeGreaterThan(bottom);
    }
    const starts = [...html.matchAll(/<path class="hp-stroke-highlight" d="M[\d.]+,([\d.]+)L/g)].map((m) => Number(m[1]));
    expect(starts).toHaveLength(3);
    for (const y of starts) expect(y).toBeLessThanOrEqual(outlines[0]!.y);
    expect(html).toMatch(/<tspan font-style="italic">c<\/tspan><tspan[^>]*>3<\/tspan>/);
    expect(descOf(html)).toContain('context vector c_3');
  });

  it('a long source gets a narrow layout (turned a quarter) that a media query shows on phones (issue 8)', async () => {
    const svgs = (h: string) => [...h.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    const width = (svg: string) => Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
    // Four tokens fit a phone: one layout.
    expect(svgs((await render(s2s)).html)).toHaveLength(1);
    const ten = (await render(s2s, { source: 'a b c d e f g h i j' })).html;
    const [wide, narrow] = svgs(ten);
    expect(width(wide!)).toBeGreaterThan(800);
    // Narrow enough that 14-unit labels with 10-unit scripts stay >= 9 px and >= 7 px in a 328 px column.
    expect(width(narrow!)).toBeLessThanOrEqual(328 / (7 / (14 * 0.72)));
    expect(ten).toMatch(/<div id="[^"]+-wide" class="hp-layout-wide" style="text-align:center">/);
    expect(ten).toMatch(/<div id="[^"]+-narrow" class="hp-layout-narrow" style="display:none;text-align:center">/);
    const [, bp] = /@media \(max-width: ([\d.]+)px\)\{#[^{]+-wide\{display:none\}#[^{]+-narrow\{display:block !important\}\}/.exec(ten)!;
    expect(Number(bp)).toBeGreaterThan(360);
    expect(Number(bp)).toBeLessThan(720);
    // Both drawings: 10 outlines, 10 weighted edges each; ids unique across the two.
    for (const svg of [wide!, narrow!]) {
      expect(svg.match(/class="hp-annotation/g)).toHaveLength(10);
      expect(edgeWidths(svg)).toHaveLength(10);
    }
    const ids = [...ten.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Eleven words are too wide even for a desktop column: the narrow layout only.
    const eleven = svgs((await render(s2s, { source: 'the agreement on the European Economic Area was signed in August' })).html);
    expect(eleven).toHaveLength(1);
    expect(width(eleven[0]!)).toBeLessThan(500);
    await expectQualityBar(s2s, { source: 'a b c d e f g h i j' });
    await expectQualityBar(s2s, { source: 'the agreement on the European Economic Area was signed in August', labels: 'values' });
  });
});
