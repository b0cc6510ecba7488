import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import figure from '../../shortcodes/figure.js';
import { getShortcode } from '../../src/render/registry.js';
import { escapeHtmlGo, figureHtml, isLocalSrc, isSafeUrlGo, normalizeUrlGo } from '../../src/render/figure-html.js';
import type { ParamValue } from '../../src/content/types.js';
import { renderShortcodeForTest, type ContextOptions } from '../helpers/render-context.js';

/**
 * Whitespace-insensitive form of figure markup, so outputs of different Hugo versions compare:
 * `/>` and `>` are the same, whitespace runs are one space, none between tags.
 */
function shape(html: string): string {
  return html
    .replace(/\s*\/>/g, '>')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><')
    .replace(/ >/g, '>')
    .trim();
}

let site: string;
let opts: ContextOptions;

beforeAll(() => {
  site = mkdtempSync(path.join(tmpdir(), 'hp-figure-'));
  mkdirSync(path.join(site, 'static/images'), { recursive: true });
  mkdirSync(path.join(site, 'assets/img'), { recursive: true });
  mkdirSync(path.join(site, 'content/posts/b'), { recursive: true });
  writeFileSync(path.join(site, 'static/images/a.png'), '');
  writeFileSync(path.join(site, 'assets/img/d.svg'), '');
  writeFileSync(path.join(site, 'content/posts/b/a.jpg'), '');
  writeFileSync(path.join(site, 'content/posts/b/index.md'), '');
  opts = {
    site: { dir: site, staticDirs: [path.join(site, 'static')], assetsDir: path.join(site, 'assets') },
    page: {
      absPath: path.join(site, 'content/posts/b/index.md'),
      relPath: 'content/posts/b/index.md',
      bundleDir: path.join(site, 'content/posts/b'),
    },
  };
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const render = (raw: ParamValue[] | Record<string, ParamValue>, o: ContextOptions = {}) =>
  renderShortcodeForTest(figure, raw, { ...opts, ...o });

describe('figure: COMPAT §3.3 examples', () => {
  it('1: src only', async () => {
    const { html, reports } = await render({ src: '/images/a.png' });
    expect(html).toBe('<figure><img src="/images/a.png">\n</figure>\n');
    expect(shape(html)).toBe(shape('<figure><img src="/images/a.png"/>\n</figure>\n'));
    // No text alternative at all: worth a warning (Hugo is silent).
    expect(reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'alt', code: 'figure-alt' })]);
  });

  it('2: alt', async () => {
    const { html, reports } = await render({ src: '/images/a.png', alt: 'An A' });
    expect(html).toBe('<figure><img src="/images/a.png"\n\t\t\talt="An A">\n</figure>\n');
    expect(shape(html)).toBe(shape('<figure><img src="/images/a.png"\n         alt="An A"/>\n</figure>\n'));
    expect(reports).toEqual([]);
  });

  it('3: Markdown caption, alt from it', async () => {
    const { html, reports } = await render({ src: '/images/a.png', caption: 'A **bold** caption & more' });
    const latest =
      '<figure><img src="/images/a.png"\n\t\t\talt="A bold caption &amp; more"><figcaption>\n\t\t\t<p>A <strong>bold</strong> caption &amp; more</p>\n\t\t</figcaption>\n</figure>\n';
    expect(html).toBe(latest);
    expect(reports).toEqual([]);
  });

  it('4: every parameter', async () => {
    const { html, reports } = await render({
      src: 'a.jpg',
      link: '/big.jpg',
      target: '_blank',
      rel: 'noopener',
      title: 'T & U',
      caption: 'Cap',
      attr: 'Attr *x*',
      attrlink: 'https://a.org',
      width: '600',
      height: '400',
      class: 'c',
      loading: 'lazy',
    });
    const latest =
      '<figure class="c"><a href="/big.jpg" target="_blank" rel="noopener"><img src="a.jpg"\n\t\t\talt="Cap" width="600" height="400" loading="lazy"></a><figcaption>\n\t\t\t<h4>T &amp; U</h4><p>Cap\n\t\t\t\t\t\t<a href="https://a.org">Attr <em>x</em></a></p>\n\t\t</figcaption>\n</figure>\n';
    expect(shape(html)).toBe(shape(latest));
    const v0111 =
      '<figure class="c"><a href="/big.jpg" target="_blank" rel="noopener"><img src="a.jpg"\n         alt="Cap" width="600" height="400"/></a><figcaption>\n            <h4>T &amp; U</h4><p>Cap\n                    <a href="https://a.org">Attr <em>x</em></a></p>\n        </figcaption>\n</figure>\n';
    expect(shape(html.replace(' loading="lazy"', ''))).toBe(shape(v0111));
    expect(reports).toEqual([]);
  });
});

describe('figure: captions', () => {
  it('typesets math in the caption and uses its TeX for alt', async () => {
    const { html, reports } = await render({ src: '/images/a.png', caption: 'Hidden state $h_{t-1}$ over time' });
    expect(html).toContain('alt="Hidden state h_{t-1} over time"');
    expect(html).toMatch(/<p>Hidden state <span class="katex">.*<\/span> over time<\/p>/s);
    expect(html).toContain('alttext="h_{t-1}"');
    expect(reports).toEqual([]);
  });

  it('typesets math in the attribution', async () => {
    const { html } = await render({ src: '/images/a.png', alt: 'x', attr: 'after $\\alpha$' });
    expect(html).toMatch(/<p>after <span class="katex">/);
  });

  it('reports a KaTeX error in a caption', async () => {
    const { reports } = await render({ src: '/images/a.png', caption: 'bad $x^$' });
    expect(reports).toEqual([expect.objectContaining({ severity: 'error', code: 'katex' })]);
  });

  it('keeps {{ in a caption as text (the pipeline neutralises it for Go templates)', async () => {
    const { html } = await render({ src: '/images/a.png', caption: 'Write {{ .Title }} in templates' });
    expect(html).toContain('<p>Write {{ .Title }} in templates</p>');
    expect(html).toContain('alt="Write {{ .Title }} in templates"');
  });

  it("the seed post's caption: link, emphasis, typographer-free text", async () => {
    const caption =
      'Unrolling a sequence-to-sequence RNN ([*Deep Learning textbook*. Goodfellow *et al.*, 2016](https://www.deeplearningbook.org/)).';
    const { html } = await render({ src: '/images/a.png', alt: 'unrolled RNN', caption });
    expect(html).toContain('alt="unrolled RNN"');
    expect(html).toContain(
      '<p>Unrolling a sequence-to-sequence RNN (<a href="https://www.deeplearningbook.org/"><em>Deep Learning textbook</em>. Goodfellow <em>et al.</em>, 2016</a>).</p>',
    );
  });

  it('an empty alt falls back to the caption, like Hugo', async () => {
    const { html } = await render({ src: '/images/a.png', alt: '', caption: '"Quoted" -- text' });
    expect(html).toContain('alt="“Quoted” – text"');
  });

  it('title alone makes a figcaption without <p>', async () => {
    const { html } = await render({ src: '/images/a.png', alt: 'a', title: 'Only a title' });
    expect(shape(html)).toBe(shape('<figure><img src="/images/a.png" alt="a"><figcaption><h4>Only a title</h4></figcaption></figure>'));
  });
});

describe('figure: escaping like html/template', () => {
  it('escapes plain strings in attributes and text', async () => {
    const { html } = await render({ src: '/images/a.png', alt: `He said "hi" & 'bye' + <x>`, title: `"T" + 'U' <b>` });
    expect(html).toContain('alt="He said &#34;hi&#34; &amp; &#39;bye&#39; &#43; &lt;x&gt;"');
    expect(html).toContain('<h4>&#34;T&#34; &#43; &#39;U&#39; &lt;b&gt;</h4>');
  });

  it('normalises URLs and blocks unsafe schemes', async () => {
    const { html, reports } = await render({
      src: 'https://e.com/my été.png?a=1&b=2+3',
      alt: 'x',
      link: 'javascript:alert(1)',
    });
    expect(html).toContain('src="https://e.com/my%20%c3%a9t%c3%a9.png?a=1&amp;b=2&#43;3"');
    expect(html).toContain('<a href="#ZgotmplZ">');
    expect(reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'link', code: 'figure-url' })]);
  });

  it('prints typed width/height and drops the ones Hugo treats as unset', async () => {
    expect((await render({ src: '/images/a.png', alt: 'x', width: 300, height: 0 })).html).toContain(
      'alt="x" width="300">',
    );
  });

  it('writes a width or height that is not a number of pixels as given, like Hugo, with a warning at it', async () => {
    const { html, reports } = await render({ src: '/images/a.png', alt: 'x', width: 'abc', height: '50%' });
    expect(html).toContain('alt="x" width="abc" height="50%">');
    expect(reports).toEqual([
      {
        severity: 'warning',
        param: 'width',
        code: 'figure-size',
        message:
          'width="abc" is not a number of pixels, the only thing an image\'s width attribute holds: it is written as given, as Hugo\'s figure does, but browsers ignore or misread it. Write width="600", or set a size in other units (%, em) with a CSS class',
      },
      expect.objectContaining({ severity: 'warning', param: 'height', code: 'figure-size', message: expect.stringMatching(/^height="50%" is not a number of pixels/) }),
    ]);
    for (const width of ['600', 600, '12.5', ' 300 ']) {
      expect((await render({ src: '/images/a.png', alt: 'x', width })).reports, String(width)).toEqual([]);
    }
  });
});

describe('figure: a dark variant (src-dark)', () => {
  it('writes both images, the light one first, each marked for prerender.css, both lazy', async () => {
    const { html, reports } = await render({ src: '/images/a.png', 'src-dark': 'img/d.svg', alt: 'A', width: '300' });
    expect(html).toBe(
      '<figure><img class="hp-light-only" src="/images/a.png"\n\t\t\talt="A" width="300" loading="lazy">' +
        '<img class="hp-dark-only" src="img/d.svg"\n\t\t\talt="A" width="300" loading="lazy">\n</figure>\n',
    );
    expect(reports).toEqual([]);
  });

  it('keeps a loading given, and the link around both images', async () => {
    const { html } = await render({ src: '/images/a.png', 'src-dark': '/images/a.png', alt: 'A', loading: 'eager', link: '/big.png' });
    expect(html).toBe(
      '<figure><a href="/big.png"><img class="hp-light-only" src="/images/a.png"\n\t\t\talt="A" loading="eager">' +
        '<img class="hp-dark-only" src="/images/a.png"\n\t\t\talt="A" loading="eager"></a>\n</figure>\n',
    );
  });

  it('checks the dark image as it checks src: where it looked, at src-dark; a blocked scheme', async () => {
    const missing = await render({ src: '/images/a.png', 'src-dark': '/images/missing-dark.png', alt: 'x' });
    expect(missing.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'src-dark', code: 'figure-missing' })]);
    expect(missing.reports[0]!.message).toContain('static/images/missing-dark.png');
    const scheme = await render({ src: '/images/a.png', 'src-dark': 'javascript:alert(1)', alt: 'x' });
    expect(scheme.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'src-dark', code: 'figure-url' })]);
    expect(scheme.html).toContain('<img class="hp-dark-only" src="#ZgotmplZ"');
  });
});

describe('figure: mistakes', () => {
  it('warns about a local image that exists nowhere, naming where it looked', async () => {
    const { reports } = await render({ src: '/images/missing.png', alt: 'x' });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ severity: 'warning', param: 'src', code: 'figure-missing' });
    expect(reports[0]!.message).toContain('static/images/missing.png');
    expect(reports[0]!.message).toContain('assets/images/missing.png');
    expect(reports[0]!.message).toContain('content/posts/b/images/missing.png');
  });

  it('finds images in static, assets and the page bundle', async () => {
    for (const src of ['/images/a.png', 'img/d.svg', 'a.jpg', './a.jpg', '/images/a.png?v=2#top']) {
      expect((await render({ src, alt: 'x' })).reports, src).toEqual([]);
    }
  });

  it('does not look up remote or data URLs', async () => {
    for (const src of ['https://e.com/x.png', '//cdn.e.com/x.png', 'http://e.com/x.png']) {
      expect((await render({ src, alt: 'x' })).reports, src).toEqual([]);
    }
    // A data: URL is not looked up either, but Hugo's templates would block it: say so.
    const data = await render({ src: 'data:image/png;base64,AAAA', alt: 'x' });
    expect(data.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'src', code: 'figure-url' })]);
    expect(data.html).toContain('src="#ZgotmplZ"');
  });

  it('positional parameters: one error, telling the user to write src="…" (no second error, no alt warning)', async () => {
    const { html, reports } = await render(['/images/a.png']);
    expect(reports).toEqual([
      {
        severity: 'error',
        param: 'src',
        code: 'figure-src',
        message: 'takes named parameters only; Hugo reads positional ones as src="" (an empty image). Write src="/images/a.png"',
      },
    ]);
    // Rendered as Hugo would: an empty src.
    expect(html).toContain('<img src=""');
    const two = await render(['/images/BPTT.png', 'caption']);
    expect(two.reports.map((r) => r.message)).toEqual([
      'takes named parameters only; Hugo reads positional ones as src="" (an empty image). Write src="/images/BPTT.png", and name the other too (caption="caption", alt="…")',
    ]);
  });

  it('a missing src is an error, and the only message (no alt warning for an image that is not there)', async () => {
    const { reports } = await render({ alt: 'x' });
    expect(reports).toEqual([expect.objectContaining({ severity: 'error', param: 'src', code: 'figure-src' })]);
    for (const params of [{}, { src: '' }, { caption: '' }] as Record<string, ParamValue>[]) {
      expect((await render(params)).reports, JSON.stringify(params)).toEqual([
        { severity: 'error', param: 'src', code: 'figure-src', message: 'needs src="…": the URL or path of the image' },
      ]);
    }
  });

  it('an unknown parameter is a warning, never a failed page (themes add their own, e.g. align)', async () => {
    const { reports } = await render({ src: '/images/a.png', alt: 'x', Caption: 'c' });
    expect(reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'Caption' })]);
    expect(reports[0]!.message).toContain('did you mean "caption"');
    expect(reports[0]!.message).toContain('it is ignored');
  });
});

describe('figure: registration and helpers', () => {
  it('is registered under its name', () => {
    expect(getShortcode('figure')).toBe(figure);
  });

  it('documents every parameter of Hugo’s figure, plus sizes for responsive images, src-dark and id', () => {
    expect(Object.keys(figure.params).sort()).toEqual(
      ['alt', 'attr', 'attrlink', 'caption', 'class', 'height', 'id', 'link', 'loading', 'rel', 'sizes', 'src', 'src-dark', 'target', 'title', 'width'],
    );
    for (const spec of Object.values(figure.params)) expect(spec.doc.length).toBeGreaterThan(10);
  });

  it('escapeHtmlGo / normalizeUrlGo / isSafeUrlGo / isLocalSrc', () => {
    expect(escapeHtmlGo(`<a href="x">&'+`)).toBe('&lt;a href=&#34;x&#34;&gt;&amp;&#39;&#43;');
    expect(normalizeUrlGo('/a b/é%20(1)')).toBe('/a%20b/%c3%a9%20%281%29');
    expect(isSafeUrlGo('JavaScript:x')).toBe(false);
    expect(isSafeUrlGo('data:image/png;base64,x')).toBe(false);
    expect(isSafeUrlGo('MAILTO:a@b')).toBe(true);
    expect(isSafeUrlGo('a/b:c')).toBe(true);
    expect(isLocalSrc('images/a.png')).toBe(true);
    expect(isLocalSrc('data:image/png;base64,x')).toBe(false);
    expect(isLocalSrc('//cdn/x')).toBe(false);
  });

  it('figureHtml emits no figcaption without title, caption or attr', () => {
    expect(figureHtml({ src: 'x.png', alt: '' })).toBe('<figure><img src="x.png"\n\t\t\talt="">\n</figure>\n');
  });
});
