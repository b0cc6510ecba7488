/**
 * The pieces of "math everywhere" around the heading ids: the shadow edits and fragments planned for a
 * page (planMathEverywhere), the feed's MathML-only variant (travelling after the fragment), titles with
 * math, and where the summary divider goes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { parsePage } from '../../src/content/page.js';
import { delimiterPairs, parseMarkdownWithMath } from '../../src/content/math.js';
import { FEED_SPLIT, feedVariant, splitFeed, withFeedVariant } from '../../src/render/feed.js';
import { md5Hex } from '../../src/render/keys.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { findTextMath, textWithMathHtml } from '../../src/render/inline-text.js';
import { summaryDividerOffset } from '../../src/render/summary.js';
import { everywhereSettings, planMathEverywhere, DEFAULT_EVERYWHERE } from '../../src/render/everywhere.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { inlineFragment } from '../../src/render/inline-safe.js';
import { inlineShortcode, shadowFragments } from '../../src/site/handoff.js';

/** KaTeX's output as the build has it (src/render/katex.ts: TeX in alttext, glyphs in data-c). */
const renderer = createMathRenderer();
const render = (tex: string, display: boolean) => renderer.render(tex, display).html;

describe('feedVariant', () => {
  it('keeps only the MathML of each formula, TeX moved to alttext', () => {
    const html = `a ${render('h_t', false)} b ${render('x<y', true)} c`;
    const v = feedVariant(html)!;
    expect(v.match(/<math\b/g)).toHaveLength(2);
    expect(v).not.toMatch(/katex|annotation|<span/);
    expect(v).toContain('alttext="h_t"');
    expect(v).toContain('alttext="x&lt;y"');
    expect(v).toContain('display="block"');
    expect(v.startsWith('a <math')).toBe(true);
    expect(v.endsWith('</math> c')).toBe(true);
  });
  it('returns null without KaTeX', () => {
    expect(feedVariant('<figure><img src="a.png"></figure>')).toBeNull();
  });
  it('leaves out the dark image of a figure (no stylesheet hides it in a feed), with or without responsive versions', () => {
    expect(feedVariant('<figure><img class="hp-light-only" src="a.png" alt="A"><img class="hp-dark-only" src="d.png" alt="A">\n</figure>\n')).toBe(
      '<figure><img class="hp-light-only" src="a.png" alt="A">\n</figure>\n',
    );
    const pictures = '<figure><picture class="hp-light-only"><source type="image/avif" srcset="a.avif 400w"><img src="a.png"></picture><picture class="hp-dark-only"><source type="image/avif" srcset="d.avif 400w"><img src="d.png"></picture><figcaption>\n\t\t\t<p>On $h_t$</p></figcaption>\n</figure>\n';
    expect(feedVariant(pictures)).toBe(pictures.replace(/<picture class="hp-dark-only">.*?<\/picture>/, ''));
    const withMath = `<figure><img class="hp-light-only" src="a.png"><img class="hp-dark-only" src="d.png"><figcaption><p>${render('h_t', false)}</p></figcaption></figure>`;
    const v = feedVariant(withMath)!;
    expect(v).not.toContain('d.png');
    expect(v).toContain('alttext="h_t"');
  });
});

describe('the feed variant travels with the fragment (layouts/shortcodes/prerender.html and prerender.rss.xml)', () => {
  // Both templates split the fragment at the same marker: the page's copy before it, the feed's after the last one.
  const marker = (file: string) => {
    const t = readFileSync(path.join(PROJECT_ROOT, 'layouts/shortcodes', file), 'utf8');
    return /split \.Inner "([^"]+)"/.exec(t)![1];
  };
  const page = (inner: string) => inner.split(marker('prerender.html')!)[0]!;
  const feed = (inner: string) => inner.split(marker('prerender.rss.xml')!).at(-1)!;
  const dom = (html: string) => JSON.parse(JSON.stringify(fromHtml(html, { fragment: true }), (k, v) => (k === 'position' ? undefined : v)));

  it('the page gets the fragment, the feed its MathML-only variant', () => {
    const cases = [
      `a ${render('h_t', false)} b ${render('x<y', true)} c`,
      `<figure><figcaption>${render("\\frac{a}{b}'", false)} and ${render('\\tag{1} e', true)}</figcaption></figure>`,
      render('\\text{"q"} \\& \\{x\\}', false),
    ];
    for (const html of cases) {
      const inner = withFeedVariant(html);
      expect(marker('prerender.html')).toBe(FEED_SPLIT);
      expect(page(inner)).toBe(html);
      const out = feed(inner);
      expect(out).not.toMatch(/katex|<annotation|<semantics/);
      expect(out.match(/<math\b/g)).toHaveLength((html.match(/class="katex"/g) ?? []).length);
      expect(dom(out)).toEqual(dom(feedVariant(html)!));
    }
  });
  it('leaves a fragment without KaTeX alone', () => {
    const fig = '<figure><img src="a.png"></figure>';
    expect(withFeedVariant(fig)).toBe(fig);
    expect(page(fig)).toBe(fig);
    expect(feed(fig)).toBe(fig);
  });
  it('an author\'s own copy of the marker cannot cut the page', () => {
    const html = `<figure><figcaption>${FEED_SPLIT} ${render('x', false)}</figcaption></figure>`;
    const inner = withFeedVariant(html);
    expect(inner.split(FEED_SPLIT)).toHaveLength(2);
    expect(page(inner)).toContain(render('x', false));
    expect(splitFeed(inner)).toEqual({ page: page(inner), feed: feed(inner) });
  });
});

describe('prerender-nofeed carries no feed variant (layouts/shortcodes/prerender-nofeed.html prints .Inner as it is)', () => {
  const cases = [
    `a ${render('h_t', false)} b ${render('x<y', true)} c`,
    `<figure><figcaption>${render("\\frac{a}{b}'", false)} and ${render('\\tag{1} e', true)}</figcaption></figure>`,
    render('\\text{"q"} \\& \\{x\\} \\text{\\{\\{<}', false),
    `<pre>\n{{< x >}}\n</pre> ${render('\\begin{aligned}a&=b\\\\c&=d\\end{aligned}', true)}`,
    '<figure><img src="a.png"></figure>',
  ];
  it('the shadow holds what the page shows, and the fragment cache reads back what the build makes', () => {
    for (const html of cases) {
      const travelling = inlineFragment(withFeedVariant(html));
      const shadow = `Text ${inlineShortcode('k1', travelling, { md5: 'a'.repeat(32), path: 'content/p.md' }, 0, 'prerender-nofeed')} more.\n`;
      expect(shadow).not.toContain(FEED_SPLIT);
      const inner = /\{\{< prerender-nofeed [^\n]*? >\}\}([^\n]*?)\{\{< \/prerender-nofeed >\}\}/.exec(shadow)![1]!;
      expect(inner).toBe(splitFeed(travelling).page);
      // Read back for the next build: the same travelling fragment a fresh rendering gives (feed variant included).
      expect(shadowFragments(shadow).get('k1')).toBe(travelling);
      // The prerender shortcode keeps it.
      expect(shadowFragments(`${inlineShortcode('k2', travelling)}\n`).get('k2')).toBe(travelling);
      // prerender-html with the variant (builds before prerender-nofeed) and without (ba1381a) read back the same.
      expect(shadowFragments(`{{< prerender-html k="k3" >}}${travelling}{{< /prerender-html >}}\n`).get('k3')).toBe(travelling);
      expect(shadowFragments(`{{< prerender-html k="k4" >}}${inner}{{< /prerender-html >}}\n`).get('k4')).toBe(travelling);
    }
  });
});

describe('titles with math', () => {
  const pairs = delimiterPairs({});
  it('finds $…$ and \\(…\\) but not prices or escaped dollars', () => {
    expect(findTextMath('Why $\\tanh$ saturates', pairs).map((s) => s.tex)).toEqual(['\\tanh']);
    expect(findTextMath('From $5 to $10', pairs)).toEqual([]);
    expect(findTextMath('Cost \\$5 and \\(x\\)', pairs).map((s) => s.tex)).toEqual(['x']);
  });
  it('escapes the text around the typeset formulas', () => {
    expect(textWithMathHtml('A & $x$ <b>', pairs, (t) => `[${t}]`)).toBe('A &amp; [x] &lt;b&gt;');
    expect(textWithMathHtml('No math', pairs, (t) => t)).toBeNull();
  });
});

describe('summaryDividerOffset', () => {
  const tree = (body: string) => parseMarkdownWithMath(body, delimiterPairs({}));
  it('after the block where the word count reaches the summary length, when math came before', () => {
    const body = 'One two $x$ three.\n\nFour five six.\n\nSeven.\n';
    expect(summaryDividerOffset(tree(body), 0, 5)).toBe(body.indexOf('six.') + 4);
  });
  it('none when the summary has no math, at the end of a short page that has', () => {
    expect(summaryDividerOffset(tree('One two three.\n\nFour $x$.\n'), 0, 3)).toBeNull();
    const short = 'Only $x$ here.\n';
    expect(summaryDividerOffset(tree(short), 0, 70)).toBe(short.length - 1);
  });
  it('never inside a shortcode spanning blocks', () => {
    const body = 'A $x$ b c.\n\n{{% note %}}\nd e f\n\ng h\n{{% /note %}}\n';
    const sc = { start: body.indexOf('{{%'), end: body.lastIndexOf('%}}') + 3 };
    expect(summaryDividerOffset(tree(body), 0, 6, [sc])).toBe(sc.end);
  });
  it('before a figure, diagram or plot of ours that follows text, math or none; one before any text but headings stays in', () => {
    const at = (body: string, name: string) => {
      const start = body.indexOf(`{{< ${name}`);
      return { start, end: body.indexOf('>}}', start) + 3 };
    };
    // A few words, then diagrams: the summary is the words (it ran to the last diagram before).
    const body = 'Why tanh saturates.\n\n{{< rnn-unroll steps="3" >}}\n\nMore text here.\n\n{{< lstm-cell >}}\n';
    const figures = [at(body, 'rnn-unroll'), at(body, 'lstm-cell')];
    expect(summaryDividerOffset(tree(body), 0, 70, figures, figures)).toBe(body.indexOf('saturates.') + 10);
    // Without figures of ours there, Hugo's own summary does (no divider).
    expect(summaryDividerOffset(tree(body), 0, 70, figures)).toBeNull();
    // A heading and then a figure: the figure stays in, the next figure ends it.
    const lead = '## Intro\n\n{{< figure src="/a.png" >}}\n\nSome $x$ words.\n\n{{< plot fn="x" >}}\n\nTail.\n';
    const leadFigures = [at(lead, 'figure'), at(lead, 'plot')];
    expect(summaryDividerOffset(tree(lead), 0, 70, leadFigures, leadFigures)).toBe(lead.indexOf('words.') + 6);
    // The word count reached before any figure: as before.
    const long = 'One two $x$ three four.\n\n{{< lstm-cell >}}\n';
    expect(summaryDividerOffset(tree(long), 0, 3, [at(long, 'lstm-cell')], [at(long, 'lstm-cell')])).toBe(long.indexOf('four.') + 5);
  });
});

describe('planMathEverywhere', () => {
  const plan = (source: string, replacedTex: string[] = [], settings = DEFAULT_EVERYWHERE) => {
    const parsed = parsePage(source);
    const replaced = replacedTex.map((t) => ({ start: source.indexOf(t), end: source.indexOf(t) + t.length }));
    return planMathEverywhere({
      source,
      parsed,
      replaced,
      masked: [],
      shortcodes: [],
      math: {},
      settings,
      renderMath: (tex) => `<span class="katex">${tex}</span>`,
    });
  };

  it('a title with math is typeset even when the body has none (no shadow)', () => {
    const r = plan('---\ntitle: "Why $\\\\tanh$"\n---\nText.\n');
    expect(r.edits).toEqual([]);
    expect(r.extras).toEqual({});
    expect(r.titles).toEqual(new Map([[md5Hex('Why $\\tanh$'), 'Why <span class="katex">\\tanh</span>']]));
  });

  it('heading ids, a typeset TOC, and the summary divider', () => {
    const src = '---\ntitle: x\n---\nIntro $a$.\n\n## Gradient of $h_t$ term\n\nText.\n';
    const r = plan(src, ['$a$', '$h_t$'], { ...DEFAULT_EVERYWHERE, summaryLength: 2 });
    expect([...r.edits].sort((a, b) => a.at - b.at)).toEqual([
      { at: src.indexOf('Intro $a$.') + 10, text: '<!--more-->' },
      { at: src.indexOf(' term') + 5, text: ' {#gradient-of-h_t-term}' },
    ]);
    expect(r.extras.toc).toContain('<a href="#gradient-of-h_t-term">Gradient of <span class="katex">h_t</span> term</a>');
    expect(r.extras.tocPlain).toBeUndefined();
  });

  it('a formula’s link (\\href, \\url) shows as its text in a title and a TOC entry, which are links themselves: no <a> in an <a>', () => {
    const src = '---\ntitle: "See $\\\\href{https://example.org}{x}$"\n---\n## On $\\url{https://example.org}$\n';
    const renderer = createMathRenderer();
    const r = planMathEverywhere({
      source: src,
      parsed: parsePage(src),
      replaced: [{ start: src.indexOf('$\\url'), end: src.lastIndexOf('$') + 1 }],
      masked: [],
      shortcodes: [],
      math: {},
      settings: DEFAULT_EVERYWHERE,
      renderMath: (tex, display) => renderer.render(tex, display).html,
    });
    const title = [...r.titles.values()][0]!;
    expect(title).toContain('<mi href="https://example.org">x</mi>');
    expect(title).not.toMatch(/<a\b/);
    expect(r.extras.toc!.match(/<a\b/g)).toHaveLength(1);
    expect(r.extras.toc).toContain('href="https://example.org">https://example.org</mtext>');
  });

  it('a TOC variant for Hugo 0.144+ when the ids differ', () => {
    const src = '---\ntitle: x\n---\n## $\\hat{h}_{t}$ and $x_{1}$\n';
    const r = plan(src, ['$\\hat{h}_{t}$', '$x_{1}$']);
    expect(r.extras.tocPlain).toContain('href="#hatht-and-x1"');
    expect(r.extras.toc).toContain('href="#hath_t-and-x_1"');
  });

  it('reads the site settings with Hugo\'s names and defaults', () => {
    expect(everywhereSettings({})).toEqual(DEFAULT_EVERYWHERE);
    const s = everywhereSettings({
      summaryLength: 20,
      markup: {
        goldmark: { parser: { autoIDType: 'blackfriday' }, renderer: { unsafe: true }, extensions: { passthrough: { enable: true } } },
        tableOfContents: { startLevel: 1, endLevel: 4, ordered: true },
      },
    });
    expect(s).toEqual({ idType: 'blackfriday', toc: { startLevel: 1, endLevel: 4, ordered: true }, summaryLength: 20, unsafe: true, passthrough: true });
    expect(everywhereSettings({ markup: { goldmark: { parser: { autoHeadingIDType: 'github-ascii', autoIDType: 'blackfriday' } } } }).idType).toBe(
      'github-ascii',
    );
  });
});
