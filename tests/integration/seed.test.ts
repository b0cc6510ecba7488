/**
 * Issue 2's "done when" for the seed post: the example site with the seed post verbatim (fixtures/seed)
 * prerendered by the built CLI and built by real Hugo (0.111.3 and the newest) shows all 9 formulas
 * typeset, both figures with captions and links, the KaTeX stylesheet of the rendering KaTeX with
 * every font it references, and the CLI reports the post's mojibake with its position.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import { attr, byTag, srcsetOf, findAll, hasClass, outermostByClass, parseHtml, text, textWithout, texOf, type Element } from '../helpers/html.js';
import { copySeedSite, runPrerender, SEED_POST, type CliRun } from '../helpers/prerender.js';
import { GLYPH_CSS } from '../../src/render/katex-markup.js';

const POST = 'content/posts/learning-to-remember.md';
const PAGE = 'posts/learning-to-remember/index.html';
const SOURCE = readFileSync(SEED_POST, 'utf8');

let site: string;
let cli: CliRun;
/** The KaTeX stylesheet written for the site must be the one of the KaTeX that rendered (dist/katex). */
let KATEX_CSS: string;

beforeAll(() => {
  site = copySeedSite();
  cli = runPrerender(site); // builds dist/ first when needed
  KATEX_CSS = readFileSync(path.join(PROJECT_ROOT, 'dist/katex/katex.min.css'), 'utf8');
});

describe('hugo-prerender build on the example site', () => {
  it('processes no image on a second build (all found in the cache)', () => {
    const again = runPrerender(site);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.summary).toMatchObject({ images: 2, imagesProcessed: 0 });
  });

  it('succeeds and counts 9 formulas and 2 figures on 2 pages, whose 2 images it processes', () => {
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stderr).toBe('');
    expect(cli.summary).toMatchObject({ pages: 2, prerendered: 1, formulas: 9, figures: 2, shortcodes: 0, cacheHits: 0, images: 2, imagesProcessed: 2, errors: 0 });
  });

  it('reports the mojibake "â€”" of line 11 at its column, naming the character meant', () => {
    const lines = SOURCE.split('\n');
    const col = lines[10]!.indexOf('â€”') + 1;
    expect(col).toBeGreaterThan(0);
    const moji = cli.diagnostics.filter((d) => d.message.includes('mojibake'));
    expect(moji).toEqual([expect.objectContaining({ file: POST, line: 11, column: col, severity: 'warning' })]);
    expect(moji[0]!.message).toContain('"—"');
    expect(cli.stdout).toContain(`${POST}:11:${col}: warning: "â€”" looks like mojibake`);
  });

  it('reports nothing else (the figure images exist), and nothing without a file:line:col position', () => {
    expect(cli.summary!.warnings).toBe(1);
    expect(cli.summary!.warnings + cli.summary!.errors).toBe(cli.diagnostics.length);
  });
});

describeEachHugo('the seed post built by Hugo', (hugo) => {
  let built: BuildResult;
  let article: Element;
  let html: string;

  beforeAll(() => {
    built = buildSite(hugo.bin, site, { copy: false, linkPackage: false });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    html = built.read(PAGE);
    const articles = findAll(parseHtml(html), (el) => el.tagName === 'article');
    expect(articles).toHaveLength(1);
    article = articles[0]!;
  });

  it('builds without errors or warnings', () => {
    expect(built.errors).toEqual([]);
    // Newer Hugo deprecates settings of the fixture's own config and layouts (languageCode): not ours.
    expect(built.warnings.filter((w) => !/\bdeprecated\b/.test(w))).toEqual([]);
  });

  it('has exactly 9 typeset formulas, each with KaTeX HTML and MathML', () => {
    const formulas = outermostByClass(article, 'katex');
    expect(formulas).toHaveLength(9);
    for (const f of formulas) {
      expect(findAll(f, (el) => hasClass(el, 'katex-html'))).toHaveLength(1);
      expect(byTag(f, 'math')).toHaveLength(1);
    }
    const tex = formulas.map((f) => texOf(f));
    expect(tex).toEqual([
      't',
      'h_t',
      '\\theta',
      'h_{t-1}',
      'x_t',
      'h_t = f(h_{t-1},\\,x_t;\\, \\theta_h)',
      'f',
      'o_t = g(h_{t};\\, \\theta_t)',
      'g',
    ]);
  });

  it('leaves no raw TeX in the article text', () => {
    // KaTeX's MathML copy (with the TeX source in its alttext) is for screen readers, not seen.
    const visible = textWithout(article, (el) => hasClass(el, 'katex-mathml'));
    expect(visible).not.toContain('$');
    expect(visible).not.toContain('h_');
    expect(visible).not.toContain('\\theta');
    expect(visible).not.toContain('\\,');
    expect(visible).not.toContain('{{');
    // The prose around the formulas is intact.
    expect(visible).toContain('At each time step');
    expect(visible).toContain('where g is the transformation of the output layer.');
  });

  it('shows both figures with alt text, image and Markdown captions with their links', () => {
    const figures = byTag(article, 'figure');
    expect(figures).toHaveLength(2);
    const [unroll, models] = figures as [Element, Element];
    const img = (f: Element) => byTag(f, 'img')[0]!;
    expect(attr(img(unroll), 'src')).toMatch(/^\/prerender\/img\/[0-9a-f]{20}\/RNN_unroll-1160\.png$/);
    expect(attr(img(unroll), 'alt')).toBe('unrolled RNN');
    expect(attr(img(models), 'src')).toMatch(/^\/prerender\/img\/[0-9a-f]{20}\/RNN_models-800\.png$/);
    expect(attr(img(models), 'alt')).toBe('RNN architectures');

    const caption = (f: Element) => byTag(f, 'figcaption')[0]!;
    expect(text(caption(unroll)).trim()).toBe('Unrolling a sequence-to-sequence RNN (Deep Learning textbook. Goodfellow et al., 2016).');
    expect(text(caption(models)).trim()).toBe('Various basic RNN architectures (Karpathy, 2015).');
    const links = (f: Element) => byTag(caption(f), 'a').map((a) => [attr(a, 'href'), text(a)]);
    expect(links(unroll)).toEqual([['https://www.deeplearningbook.org/', 'Deep Learning textbook. Goodfellow et al., 2016']]);
    expect(links(models)).toEqual([['https://karpathy.github.io/2015/05/21/rnn-effectiveness/', 'Karpathy, 2015']]);
    // Markdown emphasis in the caption is HTML, not asterisks.
    expect(byTag(caption(unroll), 'em').map((e) => text(e))).toEqual(['Deep Learning textbook', 'et al.']);
  });

  it('serves both figures as AVIF and WebP with srcset beside PNG, at widths up to their own, with their real size', () => {
    const figures = byTag(article, 'figure');
    const expected = [
      { name: 'RNN_unroll', width: 1160, height: 480, widths: [400, 800, 1160] },
      // 888 px is not 25 % wider than 800: no file of its own.
      { name: 'RNN_models', width: 888, height: 872, widths: [400, 800] },
    ];
    figures.forEach((figure, i) => {
      const e = expected[i]!;
      const picture = byTag(figure, 'picture');
      expect(picture).toHaveLength(1);
      const sources = byTag(picture[0]!, 'source');
      expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
      const img = byTag(picture[0]!, 'img')[0]!;
      const sets = [...sources, img].map(srcsetOf);
      for (const [j, ext] of (['avif', 'webp', 'png'] as const).entries()) {
        expect(sets[j]!.map((c) => c.width)).toEqual(e.widths);
        for (const c of sets[j]!) {
          expect(c.url).toMatch(new RegExp(`^/prerender/img/[0-9a-f]{20}/${e.name}-${c.width}\\.${ext}$`));
          expect(existsSync(path.join(built.publicDir, c.url)), c.url).toBe(true);
        }
      }
      for (const el of [...sources, img]) expect(attr(el, 'sizes')).toBe('(max-width: 800px) 100vw, 800px');
      expect([attr(img, 'width'), attr(img, 'height')]).toEqual([String(e.width), String(e.height)]);
      // The first figure may be above the fold; the second loads lazily.
      expect([attr(img, 'loading'), attr(img, 'decoding')]).toEqual(i === 0 ? [undefined, undefined] : ['lazy', 'async']);
    });
  });

  it('links the KaTeX stylesheet, served byte for byte as the rendering KaTeX ships it, plus the rule drawing its glyphs', () => {
    const links = findAll(parseHtml(html), (el) => el.tagName === 'link' && attr(el, 'rel') === 'stylesheet').map((l) => attr(l, 'href'));
    expect(links).toContain('/prerender/katex/katex.min.css');
    expect(built.read('prerender/katex/katex.min.css')).toBe(KATEX_CSS + GLYPH_CSS);
  });

  it('serves every font the stylesheet references', () => {
    const urls = [...KATEX_CSS.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
    // 20 faces × woff2, woff, ttf in KaTeX 0.16.
    expect(urls.length).toBeGreaterThanOrEqual(60);
    const missing = urls.filter((u) => !existsSync(path.join(built.publicDir, 'prerender/katex', u)));
    expect(missing).toEqual([]);
  });

  it('links the KaTeX stylesheet on the home page, where themes list the latest posts with their summaries', () => {
    // The head partial cannot see what the home page's template lists: any prerendered page counts.
    expect(built.read('index.html')).toContain('katex.min.css');
  });
});
