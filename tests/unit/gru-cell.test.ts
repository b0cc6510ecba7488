import { describe, expect, it } from 'vitest';
import gru, { GRU_PARTS, GRU_POINTS, GRU_SIZE, gruDrawing, gruLabelBoxes } from '../../shortcodes/gru-cell.js';
import { LAYER_H, LAYER_W } from '../../src/svg/cell-parts.js';
import { createIds, type Point } from '../../src/svg/index.js';
import { boxesOverlap } from '../../src/svg/index.js';
import { descOf, expectQualityBar, expectRasterises, render } from '../helpers/cells-context.js';

describe('gru-cell', () => {
  it('meets the quality bar with defaults and with every highlight', async () => {
    await expectQualityBar(gru);
    for (const h of GRU_PARTS) await expectQualityBar(gru, { highlight: h });
  });

  it('draws reset and update gates, the candidate and the interpolation', async () => {
    const { html } = await render(gru);
    expect(html.match(/>σ</g)).toHaveLength(2);
    expect(html.match(/>tanh</g)).toHaveLength(1);
    expect(html).toContain('>1−</tspan>');
    // ×: reset, (1 − z) and z·h̃; +: one. All drawn as r=11 circles.
    expect(html.match(/<circle[^>]*r="11"/g)).toHaveLength(4);
    expect(html).toContain('h\u0303'); // \tilde{h}
    // The reset path hops over the update gate's wire instead of meeting it.
    expect(html).toMatch(/A5,5 0 0 1 /);
  });

  it('describes the structure and the highlighted step', async () => {
    expect(descOf((await render(gru)).html)).toMatch(/reset gate r_t and the update gate z_t/);
    expect(descOf((await render(gru, { highlight: 'interpolation' })).html)).toContain(
      'h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t',
    );
  });

  it('names the valid values of highlight', async () => {
    const r = await render(gru, { highlight: 'forget' });
    expect(r.errors[0]!.message).toMatch(/expected one of "none", "reset", "update", "candidate", "interpolation"/);
  });

  it('feeds the candidate x_t and r_t ⊙ h_{t-1} only, never h_{t-1} itself: h̃_t = tanh(W x_t + U (r_t ⊙ h_{t-1}))', () => {
    const wires = gruDrawing(createIds('t')).wires.map((w) => w.pts!);
    const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) < 0.01;
    // Wires join where an end of one lies on another (a junction or a T), never through a pointwise
    // operation or a layer (they stop at its border).
    const onWire = (q: Point, pts: Point[]) =>
      pts.slice(1).some((b, i) => {
        const a = pts[i]!;
        const cross = (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x);
        return Math.abs(cross) < 0.01 && q.x >= Math.min(a.x, b.x) - 0.01 && q.x <= Math.max(a.x, b.x) + 0.01 && q.y >= Math.min(a.y, b.y) - 0.01 && q.y <= Math.max(a.y, b.y) + 0.01;
      });
    // A signal in wire i goes on into wire j when j branches off i (j starts on i) or i merges into j
    // (i ends on j); it never crosses a pointwise operation or a layer (wires stop at their border).
    const flows = (i: number, j: number) => onWire(wires[j]![0]!, wires[i]!) || onWire(wires[i]![wires[i]!.length - 1]!, wires[j]!);
    const downstream = (start: number) => {
      const seen = new Set([start]);
      for (const todo = [start]; todo.length; ) {
        const i = todo.pop()!;
        wires.forEach((_, j) => {
          if (!seen.has(j) && flows(i, j)) (seen.add(j), todo.push(j));
        });
      }
      return [...seen].map((i) => wires[i]!);
    };
    const { candidate, hIn, xIn, resetMul } = GRU_POINTS;
    const entersCandidate = (w: Point[]) => {
      const e = w[w.length - 1]!;
      return Math.abs(e.x - candidate.x) <= LAYER_W / 2 + 0.01 && Math.abs(e.y - candidate.y) <= LAYER_H / 2 + 0.01;
    };
    const from = (test: (q: Point) => boolean) => {
      const i = wires.findIndex((w) => test(w[0]!));
      expect(i).toBeGreaterThanOrEqual(0);
      return downstream(i).some(entersCandidate);
    };
    expect(from((q) => near(q, xIn))).toBe(true);
    expect(from((q) => q.y === resetMul.y && q.x > resetMul.x && q.x < resetMul.x + 15)).toBe(true);
    expect(from((q) => near(q, hIn))).toBe(false);
  });

  it('places no two labels on top of each other, all inside the viewBox (estimated metrics)', () => {
    const boxes = gruLabelBoxes();
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(GRU_SIZE.width);
      expect(b.y1).toBeLessThanOrEqual(GRU_SIZE.height);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
  });
});

describe('gru-cell outside a browser', () => {
  it('rasterises with sharp', async () => {
    await expectRasterises((await render(gru)).html);
  });
});
