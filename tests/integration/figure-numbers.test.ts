/**
 * Numbered figures and `@id` references, built by Hugo 0.111.3 and the newest: the figures' ids and
 * numbers, the references as links in the text, in a caption, in a `{{% %}}` shortcode and in the list
 * page's summary, every in-page link landing on an element of the page, a heading's reference left as
 * written with Hugo's own id, and the site's settings (numbers = "all", label, separator).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender, type BuildResult as PrerenderResult } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { attr, byClass, findAll, parseHtml, text, type Element } from '../helpers/html.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const CONFIG = 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n';
const SINGLE = '<html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n';
const LIST = '<html><body>{{ range .Pages }}<div class="summary">{{ .Summary }}</div>{{ end }}</body></html>\n';

const POST = [
  '---',
  'title: Figures',
  '---',
  'An RNN unrolled is @fig-unroll; its cell, @fig-lstm.',
  '',
  '{{< rnn-unroll id="fig-unroll" steps="3" caption="Unrolled over three steps (its cell: @fig-lstm)." >}}',
  '',
  '## Cells: @fig-lstm',
  '',
  '{{< figure src="https://example.org/photo.png" alt="A photo" id="fig-photo" caption="A photo, $x_t$ in it." >}}',
  '',
  '{{% note %}}In a note: @fig-photo.{{% /note %}}',
  '',
  '{{< lstm-cell id="fig-lstm" caption="An LSTM cell." >}}',
  '',
  '{{< gru-cell caption="A GRU cell, with no id." >}}',
  '',
  'Back to @fig-unroll, and @fig-gru (no such figure).',
  '',
].join('\n');

async function makeSite(prefix: string, extraConfig = ''): Promise<string> {
  const site = path.join(tempDir(prefix), 'site');
  write(site, 'hugo.toml', CONFIG + extraConfig);
  write(site, 'layouts/_default/single.html', SINGLE);
  write(site, 'layouts/_default/list.html', LIST);
  // Its content goes on through Hugo's Markdown (a `{{% %}}` shortcode).
  write(site, 'layouts/shortcodes/note.html', '{{ .Inner }}\n');
  write(site, 'content/posts/p.md', POST);
  expect(initSite(site).changed).toBe(true);
  return site;
}

const article = (html: string) => findAll(parseHtml(html), (el) => el.tagName === 'article')[0]!;
/** Each <figure>: its id and its caption's text, whitespace collapsed. */
function figures(html: string): string[] {
  return findAll(article(html), (el) => el.tagName === 'figure').map((f) => {
    const caption = findAll(f, (el) => el.tagName === 'figcaption')[0];
    return `${attr(f, 'id') ?? '-'} | ${caption ? text(caption).replace(/\s+/g, ' ').trim() : ''}`;
  });
}
/**
 * The in-page links of the article, with their text: `#…`, or the page's own path and `#…` (`page`), as
 * Hugo 0.169's default link render hook writes them on a multilingual site.
 */
function inPageLinks(html: string, page = ''): { href: string; text: string; el: Element }[] {
  const own = (href: string) => href.startsWith('#') || (page !== '' && href.startsWith(`${page}#`));
  return findAll(article(html), (el) => el.tagName === 'a' && own(attr(el, 'href') ?? '')).map((el) => ({ href: attr(el, 'href')!.slice(attr(el, 'href')!.indexOf('#')), text: text(el), el }));
}

describe('numbered figures and references', () => {
  let site: string;
  let pre: PrerenderResult;

  beforeAll(async () => {
    site = await makeSite('hp-fignum-');
    pre = await prerender({ source: site });
  }, 120_000);

  it('warns at a reference to no figure and at one in a heading, and fails nothing', () => {
    expect(pre.failed).toBe(false);
    expect(pre.diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.message])).toEqual([
      [
        'content/posts/p.md',
        8,
        11,
        'figure-ref',
        "@fig-lstm is left as written: a heading's text makes its id and its entry in the table of contents. Refer to the figure in the text below it",
      ],
      ['content/posts/p.md', 18, 26, 'figure-ref', '@fig-gru refers to no figure on this page, so it is left as written (figure ids here: fig-unroll, fig-photo, fig-lstm)'],
    ]);
  });

  describeEachHugo('built by Hugo', (hugo) => {
    let html: string;
    let list: string;
    beforeAll(() => {
      const built = buildSite(hugo.bin, site);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      expect(built.errors).toEqual([]);
      html = built.read('posts/p/index.html');
      list = built.read('posts/index.html');
    });

    it('numbers the figures with an id in page order, before their captions', () => {
      expect(figures(html)).toEqual([
        'fig-unroll | Figure 1: Unrolled over three steps (its cell: Figure 3).',
        'fig-photo | Figure 2: A photo, xt in it.',
        'fig-lstm | Figure 3: An LSTM cell.',
        '- | A GRU cell, with no id.',
      ]);
      const numbers = byClass(article(html), 'hp-figure-number').map((el) => text(el));
      expect(numbers).toEqual(['Figure 1:', 'Figure 2:', 'Figure 3:']);
    });

    it('makes each reference a link to its figure, in the text, a caption and a {{% %}} shortcode', () => {
      const links = inPageLinks(html).map((l) => `${l.text} → ${l.href}`);
      expect(links).toEqual([
        'Figure 1 → #fig-unroll',
        'Figure 3 → #fig-lstm',
        'Figure 3 → #fig-lstm',
        'Figure 2 → #fig-photo',
        'Figure 1 → #fig-unroll',
      ]);
      // Each lands on an element of the page, once.
      const ids = findAll(parseHtml(html), (el) => attr(el, 'id') !== undefined).map((el) => attr(el, 'id'));
      for (const l of inPageLinks(html)) expect(ids.filter((id) => id === l.href.slice(1)), l.href).toHaveLength(1);
      // The text around them as written; the unknown one left as written.
      expect(text(article(html)).replace(/\s+/g, ' ')).toContain('Back to Figure 1, and @fig-gru (no such figure).');
      expect(html).toContain('In a note: <a href="#fig-photo">Figure 2</a>.');
    });

    it('leaves the heading’s reference as written, with the id Hugo gives that text', () => {
      const h2 = findAll(article(html), (el) => el.tagName === 'h2');
      expect(h2.map((h) => [attr(h, 'id'), text(h)])).toEqual([['cells-fig-lstm', 'Cells: @fig-lstm']]);
    });

    it('shows the references in the list page’s summary as their text', () => {
      const summary = byClass(parseHtml(list), 'summary')[0]!;
      expect(text(summary).replace(/\s+/g, ' ')).toMatch(/^ ?An RNN unrolled is Figure 1; its cell, Figure 3\./);
    });
  });

  it('numbers every figure with numbers = "all", with the site’s label and separator', async () => {
    const all = await makeSite('hp-fignum-all-', '[params.prerender.figures]\nnumbers = "all"\nlabel = "Abbildung"\nseparator = "."\n');
    const r = await prerender({ source: all });
    expect(r.failed).toBe(false);
    const shadow = readFileSync(path.join(all, '.prerender/content/posts/p.md'), 'utf8');
    expect(shadow).toContain('An RNN unrolled is [Abbildung 1](#fig-unroll); its cell, [Abbildung 3](#fig-lstm).');
    expect([...shadow.matchAll(/<span class="hp-figure-number">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(
      // Each once: the summary (what feeds show) ends before the first figure, so the one with math in
      // its caption carries no second, feed copy.
      ['Abbildung 1.', 'Abbildung 2.', 'Abbildung 3.', 'Abbildung 4.'],
    );
  });
});

/** A page with one numbered figure and a reference to it. */
const ONE_FIGURE = (title: string) => `---\ntitle: ${title}\n---\nSee @fig-cell.\n\n{{< gru-cell id="fig-cell" >}}\n`;

describe('numbered figures in each language’s words', () => {
  const LANGUAGES =
    'defaultContentLanguage = "en"\n' +
    '[params.prerender.figures]\nseparator = "."\n' +
    '[languages.en]\nweight = 1\n' +
    '[languages.fr]\nweight = 2\n[languages.fr.params.prerender.figures]\nlabel = "Figure (fr)"\nseparator = " :"\n' +
    '[languages.de]\nweight = 3\n[languages.de.params.prerender.figures]\nlabel = "Abbildung"\n';

  /** Each page's figure number and reference, as the shadow has them. */
  const shown = (site: string, shadow: string) => {
    const text = readFileSync(path.join(site, '.prerender', shadow), 'utf8');
    return [/<span class="hp-figure-number">([^<]*)<\/span>/.exec(text)?.[1], /See \[([^\]]*)\]\(#fig-cell\)/.exec(text)?.[1]];
  };

  describe('by file name (post.de.md), the default language for a page that names none', () => {
    let site: string;
    beforeAll(async () => {
      site = path.join(tempDir('hp-fignum-lang-'), 'site');
      write(site, 'hugo.toml', CONFIG + LANGUAGES);
      write(site, 'layouts/_default/single.html', SINGLE);
      write(site, 'layouts/_default/list.html', LIST);
      write(site, 'content/posts/p.md', ONE_FIGURE('English'));
      write(site, 'content/posts/p.de.md', ONE_FIGURE('Deutsch'));
      write(site, 'content/posts/p.fr.md', ONE_FIGURE('Français'));
      // Not a language of the site: the default language's words.
      write(site, 'content/posts/q.es.md', ONE_FIGURE('Otro'));
      expect(initSite(site).changed).toBe(true);
      const r = await prerender({ source: site });
      expect(r.diagnostics).toEqual([]);
    }, 120_000);

    it('writes each page’s numbers and references in its language’s words', () => {
      expect(shown(site, 'content/posts/p.md')).toEqual(['Figure 1.', 'Figure 1']);
      expect(shown(site, 'content/posts/p.de.md')).toEqual(['Abbildung 1.', 'Abbildung 1']);
      expect(shown(site, 'content/posts/p.fr.md')).toEqual(['Figure (fr) 1 :', 'Figure \\(fr\\) 1']);
      expect(shown(site, 'content/posts/q.es.md')).toEqual(['Figure 1.', 'Figure 1']);
    });

    describeEachHugo('built by Hugo', (hugo) => {
      it('shows them so in each language’s page', () => {
        const built = buildSite(hugo.bin, site);
        expect(built.code, built.stdout + built.stderr).toBe(0);
        // (Hugo 0.169 writes the links with the page's path: its default link render hook, on a multilingual site.)
        const page = (rel: string) => {
          const html = built.read(rel);
          const links = inPageLinks(html, `/${rel.replace(/index\.html$/, '')}`);
          return [text(byClass(parseHtml(html), 'hp-figure-number')[0]!), links.map((l) => `${l.text} → ${l.href}`)];
        };
        expect(page('posts/p/index.html')).toEqual(['Figure 1.', ['Figure 1 → #fig-cell']]);
        expect(page('de/posts/p/index.html')).toEqual(['Abbildung 1.', ['Abbildung 1 → #fig-cell']]);
        expect(page('fr/posts/p/index.html')).toEqual(['Figure (fr) 1 :', ['Figure (fr) 1 → #fig-cell']]);
      });
    });
  });

  it('by content directory, and says that a language sets nothing else of params.prerender', async () => {
    const site = path.join(tempDir('hp-fignum-langdir-'), 'site');
    write(
      site,
      'hugo.toml',
      CONFIG +
        LANGUAGES.replace('[languages.en]\nweight = 1\n', '[languages.en]\nweight = 1\ncontentDir = "content.en"\n')
          .replace('[languages.de]\nweight = 3\n', '[languages.de]\nweight = 3\ncontentDir = "content.de"\n[languages.de.params.prerender]\nerrors = "render"\n'),
    );
    write(site, 'layouts/_default/single.html', SINGLE);
    write(site, 'layouts/_default/list.html', LIST);
    write(site, 'content.en/posts/p.md', ONE_FIGURE('English'));
    write(site, 'content.de/posts/p.md', ONE_FIGURE('Deutsch'));
    expect(initSite(site).changed).toBe(true);
    const r = await prerender({ source: site });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      'hugo.toml:19:1: languages.de.params.prerender.errors is not read: of params.prerender, a language sets only figures (its label, separator and numbers); set errors in the site\'s params.prerender',
    ]);
    expect(shown(site, 'content.en/posts/p.md')).toEqual(['Figure 1.', 'Figure 1']);
    expect(shown(site, 'content.de/posts/p.md')).toEqual(['Abbildung 1.', 'Abbildung 1']);
  });
});
