/**
 * Diagram and plot labels that would be drawn as written, silently: a warning at the parameter
 * (labelProblem, called by the shortcode host for parameters declared with `label`).
 */
import { expect, it } from 'vitest';
import { labelProblem } from '../../src/render/params.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv } from '../helpers/page-env.js';

it('finds an unbalanced brace or a $ in a TeX label, an unclosed $ in words with math, a $ or a command in tokens', () => {
  expect(labelProblem('tex', '\\mathbf{h')).toMatch(/has a \{ that is not closed/);
  expect(labelProblem('tex', 'h}')).toMatch(/has a \} with no \{/);
  expect(labelProblem('tex', '$x$')).toMatch(/its \$ show as dollar signs/);
  for (const ok of ['\\mathbf{h}_t', 'W_{hh}', '\\{x\\}', 'h']) expect(labelProblem('tex', ok), ok).toBeUndefined();
  expect(labelProblem('text', 'lag $k')).toMatch(/has a \$ that is not closed/);
  for (const ok of ['steps back $k$', 'cost in \\$', '$a$ and $b$', 'plain']) expect(labelProblem('text', ok), ok).toBeUndefined();
  expect(labelProblem('tokens', '$x_1$ b')).toMatch(/write x_1, not \$x_1\$/);
  expect(labelProblem('tokens', '\\gamma y_2')).toMatch(/\\gamma is not a command there/);
  expect(labelProblem('tokens', 'x_1 , . α y^2')).toBeUndefined();
});

it('is a warning at the parameter of a diagram, and the figure is still drawn', async () => {
  const src = '---\ntitle: T\n---\n{{< rnn-unroll hidden="\\mathbf{h" caption="c" >}}\n\n{{< gradient-decay xlabel="lag $k" >}}\n';
  const r = await prerenderPage(src, pageEnv());
  expect(r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message.split(' has ')[0]])).toEqual([
    ['warning', 4, 16, 'rnn-unroll: hidden="\\mathbf{h"'],
    ['warning', 6, 20, 'gradient-decay: xlabel="lag $k"'],
  ]);
  expect(r.failed).toBe(false);
  expect(r.stats.shortcodes).toBe(2);
});
