/**
 * The example site as `npm run demo` builds it: the founding post grown into what issues 3 and 4 ask
 * for (rnn-unroll and rnn-architectures instead of borrowed PNGs, a plain figure kept, the LSTM and
 * attention sections with lstm-cell, gru-cell, seq2seq-attention, attention-map, and two gradient-decay
 * plots), prerendered by the built CLI and built by real Hugo (both versions). Asserts on what a reader
 * gets: every diagram and plot in the page, typeset math only, page-unique ids whose references resolve.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, type BuildResult } from '../helpers/hugo.js';
import { attr, byClass, byTag, findAll, hasClass, parseHtml, textWithout, type Element } from '../helpers/html.js';
import { copyProjectSite, runPrerender, type CliRun } from '../helpers/prerender.js';

const PAGE = 'posts/learning-to-remember/index.html';

let site: string;
let cli: CliRun;

beforeAll(() => {
  site = copyProjectSite('fixtures/site');
  cli = runPrerender(site);
});

describe('hugo-prerender build on the example site', () => {
  it('prerenders every shortcode and formula without errors', () => {
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.summary).toMatchObject({ pages: 3, prerendered: 2, figures: 1, shortcodes: 12, errors: 0 });
    expect(cli.summary!.formulas).toBeGreaterThanOrEqual(45);
    // The only warning is the post's own mojibake, kept verbatim from the founding post.
    expect(cli.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('mojibake')]);
  });
});

describeEachHugo('the example post built by Hugo', (hugo) => {
  let built: BuildResult;
  let html: string;
  let article: Element;

  beforeAll(() => {
    built = buildSite(hugo.bin, site, { copy: false, linkPackage: false });
    html = readFileSync(path.join(built.publicDir, PAGE), 'utf8');
    article = byTag(parseHtml(html), 'article')[0]!;
  });

  it('builds without errors or warnings of ours', () => {
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(`${built.stdout}\n${built.stderr}`).not.toMatch(/hugo-prerender:/);
  });

  it('shows each diagram and plot as an accessible inline SVG inside a figure with its caption', () => {
    // Ours, not the small SVGs KaTeX draws for stretchy arrows and radicals.
    const svgs = byTag(article, 'svg').filter((s) => (attr(s, 'className') ?? '').includes('hp-'));
    const kinds = svgs.map((s) => (attr(s, 'className') ?? '').split(' ').filter((c) => c.startsWith('hp-')).join(' '));
    // 10 figures; rnn-unroll is four SVGs (folded graph, the "Unfold" arrow pointing right and the one
    // pointing down that a narrow screen shows instead, chain) and rnn-architectures six (five panels and
    // a legend), each in a wrapping row (issue 8).
    expect(svgs.length, kinds.join('\n')).toBe(10 + 3 + 5);
    expect(kinds.filter((k) => k.includes('hp-rnn-unfold'))).toHaveLength(2);
    const rows = byClass(article, 'hp-panels');
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(attr(r, 'role')).toBe('group');
      expect((attr(r, 'ariaLabel') ?? '').length).toBeGreaterThan(5);
    }
    for (const svg of svgs) {
      expect(attr(svg, 'role')).toBe('img');
      const labelledBy = (attr(svg, 'ariaLabelledBy') ?? '').split(' ');
      expect(labelledBy.length).toBe(2);
      const title = byTag(svg, 'title')[0]!;
      const desc = byTag(svg, 'desc')[0]!;
      expect(labelledBy).toEqual([attr(title, 'id'), attr(desc, 'id')]);
      expect(textWithout(desc, () => false).length).toBeGreaterThan(20);
      expect(attr(svg, 'viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    }
    const figures = byTag(article, 'figure');
    // 10 diagrams and plots, and the plain figure with its PNG.
    expect(figures.length).toBe(11);
    for (const f of figures) expect(byTag(f, 'figcaption').length).toBe(1);
    const img = byTag(article, 'img');
    expect(img.map((i) => attr(i, 'src'))).toEqual([expect.stringMatching(/^\/prerender\/img\/[0-9a-f]{20}\/BPTT-800\.png$/)]);
  });

  it('carries the gradient-decay data as a table in a collapsed details element', () => {
    const details = byTag(article, 'details');
    expect(details.length).toBe(2);
    for (const d of details) {
      expect(attr(d, 'open')).toBeUndefined();
      const rows = byTag(d, 'tr');
      expect(rows.length).toBeGreaterThan(50); // header + k = 0 … 50
    }
  });

  it('shows no TeX source and no placeholder text to the reader', () => {
    const visible = textWithout(article, (el) => el.tagName === 'annotation' || el.tagName === 'details' || el.tagName === 'title' || el.tagName === 'desc' || el.tagName === 'style');
    expect(visible).not.toMatch(/\$|\\(frac|alpha|tanh|mathbf|sigma|odot)|HAHAHUGO|\{\{/);
    const katex = findAll(article, (el) => hasClass(el, 'katex'));
    expect(katex.length).toBeGreaterThanOrEqual(40);
    expect(byClass(article, 'katex-error')).toEqual([]);
  });

  it('gives every id on the page once, and every id reference resolves (page-unique ids across 10 SVGs)', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    const known = new Set(ids);
    const refs = [
      ...[...html.matchAll(/url\(#([^)"']+)\)/g)].map((m) => m[1]!),
      ...[...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!),
      ...[...html.matchAll(/aria-labelledby="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')),
    ];
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !known.has(decodeURIComponent(r)))).toEqual([]);
  });

  it('draws the training-curve plots from the CSV files in the page bundle', () => {
    const page = parseHtml(readFileSync(path.join(built.publicDir, 'posts/training-curves/index.html'), 'utf8'));
    const plots = byTag(page, 'svg').filter((s) => (attr(s, 'className') ?? '').includes('hp-'));
    expect(plots.length).toBe(2);
    for (const p of plots) expect(byTag(p, 'path').length).toBeGreaterThan(0);
    // The data tables hold the CSV's rows: 30 epochs, and the schedule every 250 steps from 0 to 10000.
    const tables = byTag(page, 'details').map((d) => byTag(d, 'tr').length - 1);
    expect(tables).toEqual([30, 41]);
    expect(textWithout(byTag(page, 'article')[0]!, (el) => el.tagName === 'annotation')).not.toMatch(/\$|\\mathcal/);
  });

  it('links the table of contents to the headings', () => {
    const toc = findAll(parseHtml(html), (el) => attr(el, 'id') === 'TableOfContents')[0]!;
    const links = byTag(toc, 'a').map((a) => attr(a, 'href')!);
    expect(links).toEqual([
      '#the-evolution-of-memory-in-neural-networks',
      '#recurrent-neural-networks',
      '#long-short-term-memory',
      '#attention',
    ]);
  });
});
