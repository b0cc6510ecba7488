import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import {
  boxesOverlap, circle, connect, createIds, delaySquare, edge, edgeLabel, edgeLabelBox, figureSvg, labelBox,
  line, markerDefs, node, rect, themeCss, DARK_SELECTORS, LIGHT_SELECTORS,
} from '../../src/svg/index.js';

const NO_BW = /#000\b|#000000|#fff\b|#ffffff|\bblack\b|\bwhite\b|rgb\(0,\s*0,\s*0\)|rgb\(255,\s*255,\s*255\)/i;

function sample(prefix: string) {
  const ids = createIds(prefix);
  const a = circle(40, 40, 18);
  const b = rect(140, 40, 50, 30, 4);
  const p = connect(a, b);
  return figureSvg({
    ids,
    width: 200,
    height: 90,
    title: 'A test figure',
    desc: 'Two nodes joined by an arrow labelled W.',
    body: [
      markerDefs(ids, ['ink', 'hidden']),
      node(a, { label: 'h_{t-1}', tone: 'hidden' }),
      node(b, { label: 'x^{(t)}', dashed: true }),
      edge(ids, p),
      edgeLabel(p, 'W'),
      delaySquare({ x: 90, y: 70 }),
    ],
  });
}

describe('figureSvg', () => {
  const svg = sample('fig-1');
  test('accessible: role, title and desc referenced by aria-labelledby', () => {
    expect(svg).toMatch(/^<svg id="fig-1-svg" class="hp-diagram" aria-labelledby="fig-1-title fig-1-desc"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="fig-1-title">A test figure</title>');
    expect(svg).toContain('<desc id="fig-1-desc">Two nodes joined by an arrow labelled W.</desc>');
  });
  test('intrinsic size and viewBox', () => {
    expect(svg).toContain('viewBox="0 0 200 90"');
    expect(svg).toContain('width="200"');
    expect(svg).toContain('height="90"');
    expect(svg).toContain('max-width:100%;height:auto');
  });
  test('deterministic and id-disjoint across prefixes', () => {
    expect(sample('fig-1')).toBe(svg);
    const other = sample('fig-2');
    const idsOf = (s: string) => new Set([...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const a = idsOf(svg);
    const b = idsOf(other);
    expect(a.size).toBeGreaterThan(3);
    for (const id of a) expect(b.has(id)).toBe(false);
    // every url(#…) reference points at an id of the same figure
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(a.has(m[1])).toBe(true);
  });
  test('no hard-coded black or white', () => {
    expect(svg).not.toMatch(NO_BW);
  });
  test('every CSS rule is scoped to this svg', () => {
    const css = /<style>(.*)<\/style>/.exec(svg)![1]!;
    const selectors = [...css.matchAll(/(?:^|})\s*([^{}@][^{}]*)\{/g)].map((m) => m[1]!.trim());
    expect(selectors.length).toBeGreaterThan(5);
    for (const s of selectors) for (const part of s.split(/,(?![^()]*\))/)) expect(part).toContain('#fig-1-svg');
  });
  test('rasterises with sharp (librsvg): no foreignObject, real pixels drawn', async () => {
    expect(svg).not.toContain('foreignObject');
    const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(200);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) opaque++;
    expect(opaque).toBeGreaterThan(200);
  });
});

describe('theme', () => {
  const css = themeCss('x');
  test('dark variant under prefers-color-scheme and under theme toggles; light toggles come last', () => {
    const media = css.indexOf('@media (prefers-color-scheme: dark)');
    const dark = css.indexOf(DARK_SELECTORS[0]!);
    const light = css.indexOf(LIGHT_SELECTORS[0]!);
    expect(media).toBeGreaterThan(0);
    expect(dark).toBeGreaterThan(media);
    expect(light).toBeGreaterThan(dark);
    for (const t of ['.dark', '[data-theme="dark"]', '[data-mode="dark"]', '[data-scheme="dark"]', '.colorscheme-dark', '[theme="dark"]']) {
      expect(DARK_SELECTORS[0]).toContain(t);
      expect(LIGHT_SELECTORS[0]).toContain(t.replace('dark', 'light'));
    }
  });
  test('librsvg-safe: no color-mix, and opacities change only through nested var()s (dropped whole by librsvg)', () => {
    expect(css).not.toContain('color-mix');
    const opacities = [...css.matchAll(/(?<=[{;])(fill|stroke)-opacity:([^;}]+)/g)];
    expect(opacities.length).toBeGreaterThan(2);
    for (const m of opacities) expect(m[2]).toMatch(/^var\(--hp-[\w-]+, var\(--hp-d-[\w-]+\)\)$/);
  });
  test('site overrides win: public tokens are read, never set', () => {
    expect(css).toContain('var(--hp-accent-input, var(--hp-d-input))');
    expect(css).not.toMatch(/--hp-accent-input\s*:/);
  });
});

describe('edges and labels', () => {
  test('connect stops at the node borders (plus gap)', () => {
    const p = connect(circle(0, 0, 10), circle(100, 0, 10), { gap: 2 });
    expect(p).toEqual({ kind: 'line', a: { x: 12, y: 0 }, b: { x: 88, y: 0 } });
  });
  test('edge labels sit beside their edge, whatever the direction', () => {
    for (const [a, b] of [[{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 0, y: 100 }, { x: 0, y: 0 }], [{ x: 0, y: 0 }, { x: 70, y: 70 }]] as const) {
      const p = line(a, b);
      for (const side of ['left', 'right'] as const) {
        const box = edgeLabelBox(p, 'W', { side, size: 16, offset: 4 });
        // The label box must not contain any sampled point of the edge.
        for (let t = 0; t <= 1; t += 0.05) {
          const x = a.x + (b.x - a.x) * t;
          const y = a.y + (b.y - a.y) * t;
          expect(x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1).toBe(false);
        }
      }
    }
  });
  test('boxesOverlap', () => {
    expect(boxesOverlap(labelBox('x', { x: 0, y: 0 }), labelBox('y', { x: 4, y: 0 }))).toBe(true);
    expect(boxesOverlap(labelBox('x', { x: 0, y: 0 }), labelBox('y', { x: 40, y: 0 }))).toBe(false);
  });
});
