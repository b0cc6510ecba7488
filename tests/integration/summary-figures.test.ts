/**
 * An automatic summary stops before a figure, diagram or plot of ours that follows text (found by an
 * audit: a post opening with one sentence and then diagrams had every diagram in its summary, on the
 * home page of themes that keep the summary's HTML, and about 690 words of their labels run together
 * where themes show it as plain text). Built with real Hugo, both versions: `.Summary`, the summary
 * partial and the RSS feed of a list page. And a home page that lists the site's posts (as themes' do,
 * over site.RegularPages) links the stylesheets their summaries need (it linked none: their math showed as
 * bare MathML, found by the same audit).
 */
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender } from '../../src/build.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { byClass, findAll, parseHtml, text, type Element } from '../helpers/html.js';
import { write } from '../helpers/temp-site.js';

const POSTS: Record<string, string> = {
  // One sentence, then diagrams: the summary is the sentence.
  'diagrams.md':
    '---\ntitle: "Diagrams after a sentence"\ndate: 2024-05-03\n---\n\nWhy tanh saturates, in pictures.\n\n' +
    '{{< rnn-unroll steps="3" caption="An RNN unrolled over three steps." >}}\n\n' +
    'The chain multiplies one Jacobian per step, so the gradient shrinks or grows geometrically.\n\n' +
    '{{< gradient-decay caption="Gradient norm against the distance in steps." >}}\n\nMore words after the plot.\n',
  // A heading, then a figure: it opens the post and stays in its summary; the next one ends it.
  // Short pages whose last blocks are link or footnote definitions: the whole page is the summary, and the
  // divider goes after them (before them, Hugo counted them as more text: .Truncated was true).
  'link-defs.md': '---\ntitle: "Link definitions"\ndate: 2024-04-01\n---\n\nA short note with $x$ and a [link][r].\n\n[r]: https://example.com\n',
  'footnote.md': '---\ntitle: "A footnote"\ndate: 2024-04-02\n---\n\nA short note with $x$.[^1]\n\n[^1]: A footnote.\n',
  'lead.md':
    '---\ntitle: "A figure first"\ndate: 2024-05-02\n---\n\n## Overview\n\n{{< lstm-cell caption="The LSTM cell." >}}\n\n' +
    'The cell keeps a memory $c_t$ that gates can write and erase.\n\n{{< gru-cell >}}\n\nTail.\n',
};

let site: string;
beforeAll(async () => {
  site = path.join(tempDir('hp-summary-figures-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "sitemap"]\n');
  write(site, 'layouts/_default/single.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
  write(
    site,
    'layouts/_default/list.html',
    '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body><ul>{{ range .Pages }}' +
      '<li class="post" data-title="{{ .Title }}"><div class="summary">{{ .Summary }}</div>' +
      '<div class="summary-partial">{{ partial "prerender/summary.html" . }}</div><span class="truncated">{{ .Truncated }}</span>' +
      '<div class="plain-summary">{{ .Summary | plainify }}</div><div class="plain">{{ .Plain }}</div><span class="words">{{ .WordCount }}</span></li>' +
      '{{ end }}</ul></body></html>\n',
  );
  // A home page as themes write it: the latest posts of the whole site, not its own .Pages (the sections).
  write(
    site,
    'layouts/index.html',
    '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>{{ range first 10 site.RegularPages }}<div class="home-summary">{{ .Summary }}</div>{{ end }}</body></html>\n',
  );
  for (const [name, body] of Object.entries(POSTS)) write(site, `content/posts/${name}`, body);
  // A photo figure first (its markup is several lines: picture, sources, caption), then text; no math.
  write(site, 'content/posts/photo/index.md', '---\ntitle: "A photo"\ndate: 2024-05-01\n---\n\n{{< figure src="photo.png" caption="A plain caption" alt="Alt text" >}}\n\nText after the photo.\n');
  write(site, 'content/posts/photo/photo.png', await sharp({ create: { width: 900, height: 500, channels: 3, background: '#48c' } }).png().toBuffer());
  initSite(site);
  const r = await prerender({ source: site });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
});

describeEachHugo('summaries of posts with diagrams, built by Hugo', (hugo) => {
  let posts: Map<string, Element>;
  let feed = '';
  let home = '';
  beforeAll(() => {
    const built = buildSite(hugo.bin, site);
    home = built.read('index.html');
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    posts = new Map(byClass(parseHtml(built.read('posts/index.html')), 'post').map((li) => [String(li.properties?.dataTitle), li]));
    feed = built.read('posts/index.xml');
  });
  const part = (title: string, cls: string) => byClass(posts.get(title)!, cls)[0]!;
  const drawings = (el: Element) => findAll(el, (e) => e.tagName === 'svg' || e.tagName === 'figure');

  it('text then diagrams: the summary is the text, with no drawing and no label', () => {
    for (const cls of ['summary', 'summary-partial']) {
      expect(drawings(part('Diagrams after a sentence', cls)), cls).toEqual([]);
      expect(text(part('Diagrams after a sentence', cls)).trim(), cls).toBe('Why tanh saturates, in pictures.');
    }
    expect(text(part('Diagrams after a sentence', 'truncated'))).toBe('true');
    // The feed's description is the same sentence.
    const item = /<title>Diagrams after a sentence<\/title>[\s\S]*?<description>([^<]*)<\/description>/.exec(feed)![1]!;
    const html = item.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&amp;/g, '&');
    expect(html).not.toMatch(/<svg|<figure/);
    expect(html.replace(/<[^>]*>/g, '').trim()).toBe('Why tanh saturates, in pictures.');
  });

  it('a figure before any text but a heading stays in; the next one ends the summary', () => {
    const summary = part('A figure first', 'summary');
    expect(drawings(summary).filter((e) => e.tagName === 'figure')).toHaveLength(1);
    expect(text(summary)).toContain('The cell keeps a memory');
    expect(text(summary)).not.toContain('Tail');
    expect(byClass(summary, 'katex').length).toBeGreaterThan(0);
  });

  it('the plain text of a page with a figure (.Summary | plainify, .Plain, .WordCount) holds no &#10; of its markup', () => {
    // The figure's markup is written on one line in the shadow page: its line breaks were &#10;, which
    // Hugo's plain text keeps as text (shown as "&#10;" in descriptions and search indexes, counted as words).
    for (const title of ['A photo', 'A figure first', 'Diagrams after a sentence']) {
      for (const cls of ['plain-summary', 'plain']) {
        const shown = text(part(title, cls));
        expect(shown, `${title} ${cls}`).not.toMatch(/&#10;|&amp;#10;|&#x0?a;/i);
        expect(shown.length, `${title} ${cls}`).toBeGreaterThan(20);
      }
    }
    expect(text(part('A photo', 'plain-summary')).replace(/\s+/g, ' ').trim()).toBe('A plain caption Text after the photo.');
    expect(text(part('A figure first', 'plain-summary'))).toMatch(/^\s*Overview\s[^]*The LSTM cell\.\s[^]*The cell keeps a memory/);
    // Words of the text and of the figure's labels and caption, and no more: no "&#10;" counted as one.
    expect(Number(text(part('A photo', 'words')))).toBe(7);
    const words = text(part('A figure first', 'plain')).split(/\s+/).filter(Boolean).length;
    expect(Number(text(part('A figure first', 'words')))).toBe(words);
  });

  it('a short page ending in link or footnote definitions is not truncated, and its link and footnote work', () => {
    expect(text(part('Link definitions', 'truncated'))).toBe('false');
    // Hugo 0.134 and later count the footnotes Goldmark puts after any divider (a divider written by hand
    // at the very end gives true there too: docs/math-everywhere.md); 0.111 does not.
    expect(text(part('A footnote', 'truncated'))).toBe(hugo.version.startsWith('0.111') ? 'false' : 'true');
    const summary = part('Link definitions', 'summary');
    expect(findAll(summary, (e) => e.tagName === 'a').map((a) => a.properties?.href)).toEqual(['https://example.com']);
    expect(byClass(summary, 'katex').length).toBeGreaterThan(0);
  });

  it('the home page, listing the site\'s posts, links the KaTeX stylesheet and prerender.css for their summaries', () => {
    expect(home).toContain('class="katex"');
    expect(home).toContain('/prerender/katex/katex.min.css');
    expect(home).toContain('/prerender/prerender.css');
  });
});
