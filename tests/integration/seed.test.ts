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
import { attr, byTag, findAll, hasClass, outermostByClass, parseHtml, text, textWithout, type Element } from '../helpers/html.js';
import { copySeedSite, runPrerender, SEED_POST, type CliRun } from '../helpers/prerender.js';

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
  it('succeeds and counts 9 formulas and 2 figures on 2 pages', () => {
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stderr).toBe('');
    expect(cli.summary).toMatchObject({ pages: 2, prerendered: 1, formulas: 9, figures: 2, shortcodes: 0, cacheHits: 0, errors: 0 });
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
    const tex = formulas.map((f) => text(byTag(f, 'annotation')[0]!));
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
    // KaTeX's MathML copy (with the TeX source in <annotation>) is for screen readers, not seen.
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
    expect(attr(img(unroll), 'src')).toBe('/images/RNN_unroll.png');
    expect(attr(img(unroll), 'alt')).toBe('unrolled RNN');
    expect(attr(img(models), 'src')).toBe('/images/RNN_models.png');
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

  it('publishes both figure images', () => {
    for (const src of ['/images/RNN_unroll.png', '/images/RNN_models.png']) {
      expect(existsSync(path.join(built.publicDir, src)), src).toBe(true);
    }
  });

  it('links the KaTeX stylesheet, served byte for byte as the rendering KaTeX ships it', () => {
    const links = findAll(parseHtml(html), (el) => el.tagName === 'link' && attr(el, 'rel') === 'stylesheet').map((l) => attr(l, 'href'));
    expect(links).toContain('/prerender/katex/katex.min.css');
    expect(built.read('prerender/katex/katex.min.css')).toBe(KATEX_CSS);
  });

  it('serves every font the stylesheet references', () => {
    const urls = [...KATEX_CSS.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
    // 20 faces × woff2, woff, ttf in KaTeX 0.16.
    expect(urls.length).toBeGreaterThanOrEqual(60);
    const missing = urls.filter((u) => !existsSync(path.join(built.publicDir, 'prerender/katex', u)));
    expect(missing).toEqual([]);
  });

  it('does not link the KaTeX stylesheet on the home page, which has no math', () => {
    expect(built.read('index.html')).not.toContain('katex.min.css');
  });
});
