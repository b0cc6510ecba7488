/**
 * hugo-prerender on the themes people use: fixtures/themes holds small sites on models of PaperMod,
 * Hextra, hugo-book, Ananke, Congo, LoveIt and ezhil (what each theme does with content, written from its
 * source: see fixtures/themes/README.md). Each site gets the same post (fixtures/themes/post) plus the
 * theme's own figure and shortcodes, and nothing but `init` and the theme's head hook file. Prerendered
 * once per theme, built once per theme with each Hugo. The table of docs/themes.md is generated from these
 * results (tests/helpers/theme-matrix.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import { attr, byClass, byTag, findAll, hasClass, outermost, parseHtml, texOf, textWithout, type Element } from '../helpers/html.js';
import { parseDiagnostics } from '../helpers/prerender.js';
import { body, FIRST, head, HEADING, NAMES, once, POST, prepareThemeSite, REAL_THEMES, rssItemText, TEX, visible, type ThemeSite } from '../helpers/themes.js';
import { MatrixRecorder, MATRIX_THEMES, NOT_APPLICABLE } from '../helpers/theme-matrix.js';

/**
 * The theme shortcodes of post-extra.md whose content Hugo renders as Markdown, with math inside: name,
 * the text it starts with, how Hugo gets to Markdown, the site's markup.goldmark.renderer.unsafe, how many
 * formulas its paragraph holds, and its bold words.
 */
const MARKDOWN_SHORTCODES: Record<string, [name: string, text: string, how: string, unsafe: boolean, katex: number, strong: string[]][]> = {
  'hugo-book': [['hint', 'A hint: the state', '{{% %}}', false, 1, ['bold']]],
  congo: [['alert', 'An alert about', '`markdownify`', false, 1, ['bold']]],
  loveit: [['admonition', 'An admonition: the state', '`.Page.RenderString`', false, 1, ['bold']]],
  hextra: [
    ['callout', 'A callout: the state', '`markdownify`', true, 2, []],
    ['details', 'Details: the state', '{{% %}}', true, 1, ['bold']],
  ],
};

/** What the hook row adds after the file's name. */
const HOOK_NOTES: Record<string, string> = { loveit: " (the theme's `head/meta.html`, copied, plus the line)", ezhil: " (the theme's `header.html`, copied, plus the line)" };

/**
 * What does not work yet, by "what", "what/theme" or "what/theme/Hugo version" (docs/themes.md lists
 * them): such a test is expected to fail, and fails the suite once it passes, so the list stays true.
 */
const KNOWN_GAPS: Record<string, string> = {
};

const sites = new Map<string, ThemeSite>();
beforeAll(() => {
  for (const n of NAMES) sites.set(n, prepareThemeSite(n));
}, 900_000);

/** The table of contents a theme builds, whatever it builds it from (see the models' templates). */
const isToc = (e: Element) => hasClass(e, 'toc') || hasClass(e, 'book-toc') || attr(e, 'id') === 'TableOfContents';
/** The page without what themes derive from its content (their TOC). */
const article = (html: string) => textWithout(body(html), (e) => isToc(e) || hasClass(e, 'katex-mathml') || e.tagName === 'svg');

/** The one template a user adds to the site (fixtures/themes/NAME/layouts): the theme's head hook, or the partial overridden. */
const hookFile = (n: string) => {
  const root = path.join(PROJECT_ROOT, 'fixtures/themes', n);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name))]));
  return walk(path.join(root, 'layouts'));
};

const matrix = new MatrixRecorder('tests/integration/themes.test.ts');

describe('themes: fixtures', () => {
  it('every theme of fixtures/themes is tested and has a column in docs/themes.md, with one template added by the user', () => {
    expect(NAMES).toEqual(['ananke', 'congo', 'ezhil', 'hextra', 'hugo-book', 'loveit', 'papermod']);
    expect(MATRIX_THEMES.map(([id]) => id).sort()).toEqual([...NAMES, ...REAL_THEMES].sort());
    for (const n of NAMES) expect(hookFile(n), n).toHaveLength(1);
  });
});

describeEachHugo('themes', (hugo) => {
  const v = hugo.version;
  const built = new Map<string, BuildResult>();
  beforeAll(() => {
    for (const n of NAMES) built.set(n, buildSite(hugo.bin, sites.get(n)!.dir, { copy: false }));
  }, 900_000);
  const page = (n: string) => built.get(n)!.read(POST);

  for (const n of NAMES) {
    describe(n, () => {
      matrix.it('build', n, v, `${n}: init and hugo-prerender build report nothing; hugo builds without errors`, () => {
        const s = sites.get(n)!;
        expect(s.init.code, s.init.stdout + s.init.stderr).toBe(0);
        expect(s.run.code, s.run.stdout + s.run.stderr).toBe(0);
        expect(parseDiagnostics(s.run.stdout + s.run.stderr)).toEqual([]);
        const b = built.get(n)!;
        expect(b.code, b.stdout + b.stderr).toBe(0);
        expect(b.errors).toEqual([]);
      });

      const hook = hookFile(n)[0] ?? '';
      matrix.it(
        'hook',
        n,
        v,
        `${n}: the one template added to the site links the KaTeX stylesheet and figure styles`,
        () => {
          const links = findAll(head(page(n)), (e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet').map((l) => attr(l, 'href'));
          expect(links).toContain('/prerender/katex/katex.min.css');
          expect(links).toContain('/prerender/prerender.css');
        },
        { note: `\`${hook}\`${HOOK_NOTES[n] ?? ''}` },
      );

      matrix.it('math', n, v, `${n}: typesets the math of the post body, no TeX left visible`, () => {
        const b = body(page(n));
        // 5 formulas in the text (2 in one paragraph, 1 in a heading, 2 more), plus captions and labels.
        expect(byClass(b, 'katex').length).toBeGreaterThanOrEqual(5);
        expect(article(page(n))).not.toMatch(TEX);
      });

      matrix.it('diagrams', n, v, `${n}: draws every diagram and plot`, () => {
        const svgs = findAll(body(page(n)), (e) => e.tagName === 'svg' && attr(e, 'role') === 'img');
        // rnn-unroll, rnn-architectures, lstm-cell, gru-cell, seq2seq-attention, attention-map, gradient-decay, plot
        expect(svgs.length).toBeGreaterThanOrEqual(8);
      });
    });
  }

  // What themes derive from content: each formula once, readably (tests/helpers/themes.ts).
  /** The RSS item of the post: its description, as the HTML a feed reader shows. */
  const rssItem = (n: string) => rssItemText(built.get(n)!.read('posts/index.xml'));
  const derived: [row: string, what: string, notes: Record<string, string>, get: (n: string) => string, formula: RegExp][] = [
    [
      'toc',
      'table of contents',
      { papermod: 'regex over `.Content`', hextra: '`.Fragments.Headings`', 'hugo-book': '`.TableOfContents`', congo: '`.TableOfContents`', loveit: '`.TableOfContents`' },
      (n) => outermost(body(page(n)), isToc).map(visible).join('\n'),
      HEADING,
    ],
    ['meta', 'meta description', {}, (n) => findAll(head(page(n)), (e) => e.tagName === 'meta' && /^description$/i.test(attr(e, 'name') ?? '')).map((e) => attr(e, 'content') ?? '').join('\n'), FIRST],
    ['og', 'og:description', {}, (n) => findAll(head(page(n)), (e) => e.tagName === 'meta' && attr(e, 'property') === 'og:description').map((e) => attr(e, 'content') ?? '').join('\n'), FIRST],
    ['summary', 'plain-text list summary', {}, (n) => visible(body(built.get(n)!.read('index.html'))), FIRST],
    ['search', 'search index (.Plain)', {}, (n) => (JSON.parse(built.get(n)!.read('index.json')) as { content: string }[]).map((e) => e.content).join('\n'), FIRST],
    ['rss', 'RSS item', {}, rssItem, FIRST],
  ];
  for (const [row, what, notes, get, formula] of derived) {
    for (const n of NAMES.filter((t) => !NOT_APPLICABLE[`${row}/${t}`])) {
      const gap = KNOWN_GAPS[`${what}/${n}/${v}`] ?? KNOWN_GAPS[`${what}/${n}`] ?? KNOWN_GAPS[what];
      matrix.it(row, n, v, `${n}: the ${what} shows each formula once, readably`, () => once(get(n), formula), { ...(notes[n] ? { note: notes[n] } : {}), ...(gap ? { gap } : {}) });
    }
  }

  for (const n of NAMES.filter((t) => !NOT_APPLICABLE[`toc-links/${t}`])) {
    matrix.it('toc-links', n, v, `${n}: every link of the table of contents leads to a heading of the page`, () => {
      const tree = parseHtml(page(n));
      const ids = new Set(findAll(tree, (e) => /^h[1-6]$/.test(e.tagName)).map((e) => attr(e, 'id')));
      const hrefs = outermost(body(page(n)), isToc).flatMap((t) => byTag(t, 'a').map((a) => attr(a, 'href') ?? ''));
      expect(hrefs.length).toBeGreaterThanOrEqual(4);
      expect(hrefs.filter((h) => !ids.has(h.replace(/^#/, '')))).toEqual([]);
    });
  }

  matrix.it(
    'figure',
    'papermod',
    v,
    "papermod: PaperMod's own figure keeps its align parameter and markup, and the math of its caption is typeset",
    () => {
      const figure = findAll(body(page('papermod')), (e) => e.tagName === 'figure' && hasClass(e, 'align-center'));
      expect(figure).toHaveLength(1);
      const img = byTag(figure[0]!, 'img')[0]!;
      expect(attr(img, 'src')).toBe('/images/dot.png#center');
      // Its caption through markdownify, the formula typeset; the alt the theme makes of the caption
      // (markdownify | plainify) has the formula as written, as without hugo-prerender.
      const caption = byTag(figure[0]!, 'figcaption')[0]!;
      expect(byClass(caption, 'katex')).toHaveLength(1);
      expect(texOf(byClass(caption, 'katex')[0]!)).toBe('h_t');
      expect(visible(caption)).not.toMatch(/\$|hugoprerender/);
      expect(attr(img, 'alt')).toBe('A centred dot at $h_t$');
      expect(page('papermod')).not.toContain('hugoprerender');
    },
    { note: 'the theme\'s own, `align="center"` kept, caption math typeset' },
  );

  matrix.it(
    'figure',
    'congo',
    v,
    "congo: Congo's own figure keeps its href and class parameters and markup, and the math of its caption is typeset",
    () => {
      const figure = findAll(body(page('congo')), (e) => e.tagName === 'figure' && hasClass(e, 'congo-figure'));
      expect(figure).toHaveLength(1);
      expect(attr(byTag(figure[0]!, 'a')[0]!, 'href')).toBe('https://example.org/');
      expect(hasClass(byTag(figure[0]!, 'img')[0]!, 'congo-figure')).toBe(true);
      expect(attr(byTag(figure[0]!, 'img')[0]!, 'alt')).toBe('A dot');
      const caption = byTag(figure[0]!, 'figcaption')[0]!;
      expect(byClass(caption, 'katex')).toHaveLength(1);
      expect(texOf(byClass(caption, 'katex')[0]!)).toBe('h_t');
      expect(byTag(caption, 'em').map(visible)).toEqual(['more']);
      expect(visible(caption)).not.toMatch(/\$|hugoprerender/);
      expect(page('congo')).not.toContain('hugoprerender');
    },
    { note: "the theme's own, `href` and `class` kept, caption math typeset" },
  );

  for (const n of ['ananke', 'ezhil', 'hextra', 'hugo-book', 'loveit']) {
    matrix.it(
      'figure',
      n,
      v,
      `${n} (no figure of its own): hugo-prerender's figure typesets the caption's math`,
      () => {
        const caption = findAll(body(page(n)), (e) => e.tagName === 'figcaption' && visible(e).includes('A dot at'));
        expect(caption).toHaveLength(1);
        expect(byClass(caption[0]!, 'katex')).toHaveLength(1);
        expect(visible(caption[0]!)).not.toContain('$');
      },
      { note: 'ours, caption math typeset' },
    );
  }

  it("hextra: the callout's display formula stays on one line (no Markdown list inside KaTeX's output)", () => {
    const callout = findAll(body(page('hextra')), (e) => hasClass(e, 'callout'));
    expect(callout).toHaveLength(1);
    expect(byClass(callout[0]!, 'katex-display')).toHaveLength(1);
    for (const k of byClass(callout[0]!, 'katex')) expect(byTag(k, 'ul')).toEqual([]);
  });

  for (const [n, list] of Object.entries(MARKDOWN_SHORTCODES)) {
    const note = list.map(([sc, , how, unsafe]) => `${how === '{{% %}}' ? `\`{{% ${sc} %}}\`` : `\`${sc}\` (${how})`}, \`unsafe = ${unsafe}\``).join('; ');
    matrix.it(
      'shortcodes',
      n,
      v,
      `${n}: math inside ${list.map(([sc]) => sc).join(' and ')} (rendered as Markdown by Hugo) is typeset, the Markdown around it rendered`,
      () => {
        for (const [sc, start, , , katex, strong] of list) {
          // The innermost element holding the shortcode's text: its paragraph.
          const holders = findAll(body(page(n)), (e) => visible(e).trimStart().startsWith(start));
          const p = holders[holders.length - 1];
          expect(p, `${sc}: no element starts with "${start}"`).toBeDefined();
          expect(byClass(p!, 'katex').length, sc).toBe(katex);
          expect(texOf(byClass(p!, 'katex')[0]!), sc).toBe('h_t');
          expect(byTag(p!, 'strong').map(visible), sc).toEqual(strong);
          expect(visible(p!), sc).not.toMatch(/\$|hugoprerender|HAHAHUGO|\\/);
        }
      },
      { note },
    );
  }
});
