/**
 * Quality-bar checks shared by the unit tests of lstm-cell, gru-cell, seq2seq-attention and
 * attention-map: accessibility wiring, page-unique ids, determinism, no literal black/white.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import { renderShortcodeForTest, type Report } from './render-context.js';

export async function render(
  def: ShortcodeDefinition<any>,
  params: Record<string, ParamValue> = {},
  opts: { inner?: string; idPrefix?: string } = {},
): Promise<{ html: string; reports: Report[]; errors: Report[]; warnings: Report[] }> {
  const r = await renderShortcodeForTest(def, params, opts);
  return {
    ...r,
    errors: r.reports.filter((x) => x.severity === 'error'),
    warnings: r.reports.filter((x) => x.severity === 'warning'),
  };
}

export function definedIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

/** Every reference (`url(#…)`, `href="#…"`, aria-labelledby) names an id defined in the same fragment. */
export function expectReferencesResolve(html: string): void {
  const ids = new Set(definedIds(html));
  const refs = [
    ...[...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!),
    ...[...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/aria-labelledby="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)),
  ];
  expect(refs.length).toBeGreaterThan(0);
  for (const r of refs) expect(ids.has(r), `reference #${r} has no element`).toBe(true);
}

/** The checks every diagram must pass, for one parameter set. */
export async function expectQualityBar(
  def: ShortcodeDefinition<any>,
  params: Record<string, ParamValue> = {},
  inner?: string,
): Promise<string> {
  const a = await render(def, params, { inner, idPrefix: 'hp-p0' });
  expect(a.errors).toEqual([]);
  const html = a.html;
  // Accessible: role, title, desc, aria-labelledby pointing at both.
  const svgTag = html.match(/<svg[^>]*>/)![0];
  expect(svgTag).toContain('role="img"');
  const labelled = svgTag.match(/aria-labelledby="([^"]+)"/)![1]!.split(' ');
  expect(labelled).toHaveLength(2);
  expect(html).toContain(`<title id="${labelled[0]}">`);
  expect(html).toContain(`<desc id="${labelled[1]}">`);
  // Responsive: viewBox plus intrinsic size.
  const vb = svgTag.match(/viewBox="0 0 (\d+) (\d+)"/)!;
  expect(svgTag).toContain(`width="${vb[1]}"`);
  expect(svgTag).toContain(`height="${vb[2]}"`);
  // SVG text only.
  expect(html).not.toContain('foreignObject');
  // No hard-coded black or white anywhere.
  expect(html).not.toMatch(/#000\b|#000000\b|#fff\b|#ffffff\b|\bblack\b|\bwhite\b|rgb\(0,\s*0,\s*0\)|rgb\(255,\s*255,\s*255\)/i);
  // Deterministic: the same input gives the same bytes.
  const again = await render(def, params, { inner, idPrefix: 'hp-p0' });
  expect(again.html).toBe(html);
  // Page-unique ids: another prefix shares no id, and every reference resolves inside its own fragment.
  const other = await render(def, params, { inner, idPrefix: 'hp-p1' });
  const idsA = new Set(definedIds(html));
  expect(idsA.size).toBe(definedIds(html).length);
  for (const id of definedIds(other.html)) expect(idsA.has(id), `id ${id} shared by two diagrams`).toBe(false);
  expectReferencesResolve(html);
  expectReferencesResolve(other.html);
  // Wrapped in a figure.
  expect(html.startsWith('<figure class="hp-figure')).toBe(true);
  return html;
}

export function descOf(html: string): string {
  return html.match(/<desc[^>]*>([^<]*)<\/desc>/)![1]!;
}

export function titleOf(html: string): string {
  return html.match(/<title[^>]*>([^<]*)<\/title>/)![1]!;
}

/**
 * The SVG alone (as an <img> or a file would hold it) rasterises with sharp/librsvg, which ignores the
 * stylesheet's custom properties: the presentation attributes must draw a visible figure on their own.
 */
export async function expectRasterises(html: string): Promise<void> {
  const svg = html.match(/<svg[\s\S]*<\/svg>/)![0];
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const vb = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!;
  expect([info.width, info.height]).toEqual([Number(vb[1]), Number(vb[2])]);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
  // Something is drawn, and not a solid block.
  expect(inked / (info.width * info.height)).toBeGreaterThan(0.02);
  expect(inked / (info.width * info.height)).toBeLessThan(0.95);
}
