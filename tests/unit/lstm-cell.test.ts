import { describe, expect, it } from 'vitest';
import lstm, { LSTM_PARTS, lstmLabelBoxes, LSTM_SIZE } from '../../shortcodes/lstm-cell.js';
import { boxesOverlap } from '../../src/svg/index.js';
import { descOf, expectQualityBar, expectRasterises, render, titleOf } from '../helpers/cells-context.js';

describe('lstm-cell', () => {
  it('meets the quality bar with defaults and with every highlight', async () => {
    await expectQualityBar(lstm);
    for (const h of LSTM_PARTS) await expectQualityBar(lstm, { highlight: h });
  });

  it('draws the gates, the pointwise operations and the labels readers expect', async () => {
    const { html } = await render(lstm);
    // σ σ tanh σ layers plus the tanh on the way to h_t.
    expect(html.match(/>σ</g)).toHaveLength(3);
    expect(html.match(/>tanh</g)).toHaveLength(2);
    // Three × and one +, drawn as circles with strokes.
    expect(html.match(/<circle[^>]*r="11"/g)).toHaveLength(4);
    for (const v of ['f', 'i', 'o', 'h', 'x', 'c']) expect(html).toContain(`font-style="italic">${v}</tspan>`);
    expect(html).toContain('c\u0303'); // \tilde{c}
    expect(html).toContain('>−1<'); // subscripts with a real minus sign, set upright
  });

  it('describes the structure in the desc, and the highlighted step', async () => {
    const plain = descOf((await render(lstm)).html);
    expect(plain).toMatch(/cell state c_\{t-1\} enters/);
    expect(plain).toMatch(/forget gate f_t \(sigmoid\).*input gate i_t \(sigmoid\).*candidate.*\(tanh\).*output gate o_t \(sigmoid\)/);
    const hl = await render(lstm, { highlight: 'forget' });
    expect(descOf(hl.html)).toMatch(/Highlighted: the forget gate f_t/);
    expect(titleOf(hl.html)).toBe('LSTM cell, forget step highlighted');
  });

  it('dims everything but the highlighted part', async () => {
    const none = (await render(lstm)).html;
    expect(none).not.toContain('hp-dim');
    const hl = (await render(lstm, { highlight: 'output' })).html;
    const dimmed = [...hl.matchAll(/<g class="hp-dim">(.*?)<\/g>/g)].map((m) => m[1]).join('');
    // The output gate's σ is not dimmed; the forget gate's is.
    expect(dimmed.match(/>σ</g)).toHaveLength(2);
    expect(dimmed).toContain('>f</tspan>');
    expect(dimmed).not.toContain('>o</tspan>');
  });

  it('highlight="input" keeps the candidate c̃_t with i_t (the input step is both, as in colah\'s step 2)', async () => {
    const hl = (await render(lstm, { highlight: 'input' })).html;
    const dimmed = [...hl.matchAll(/<g class="hp-dim">(.*?)<\/g>/g)].map((m) => m[1]).join('');
    // Dimmed: the forget and output gates' σ and the output's tanh; not the candidate's tanh or c̃_t.
    expect(dimmed.match(/>σ</g)).toHaveLength(2);
    expect(dimmed.match(/>tanh</g)).toHaveLength(1);
    expect(dimmed).not.toContain('\u0303');
    expect(hl).toContain('\u0303');
    expect(descOf(hl)).toMatch(/candidate c̃_t, a tanh layer/);
  });

  it('uses the state letter asked for, and rejects anything but one letter', async () => {
    const big = await render(lstm, { state: 'C' });
    expect(big.errors).toEqual([]);
    expect(big.html).toContain('font-style="italic">C</tspan>');
    const bad = await render(lstm, { state: 'cell' });
    expect(bad.errors[0]).toMatchObject({ param: 'state', message: expect.stringMatching(/single letter/) });
  });

  it('names the valid values of highlight', async () => {
    const r = await render(lstm, { highlight: 'gates' });
    expect(r.errors[0]!.message).toBe(
      'highlight="gates" is not valid: expected one of "none", "forget", "input", "candidate", "cell", "output"',
    );
  });

  it('places no two labels on top of each other, all inside the viewBox (estimated metrics)', () => {
    const boxes = lstmLabelBoxes();
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.y0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(LSTM_SIZE.width);
      expect(b.y1).toBeLessThanOrEqual(LSTM_SIZE.height);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `labels ${i} and ${j}`).toBe(false);
  });
});

describe('lstm-cell outside a browser', () => {
  it('rasterises with sharp', async () => {
    await expectRasterises((await render(lstm, { highlight: 'cell' })).html);
  });
});
