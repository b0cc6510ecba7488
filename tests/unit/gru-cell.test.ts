import { describe, expect, it } from 'vitest';
import gru, { GRU_PARTS, GRU_SIZE, gruLabelBoxes } from '../../shortcodes/gru-cell.js';
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
