/**
 * Numbered figures and `@id` references (src/render/figure-numbers.ts and prerender-page.ts): which
 * figures get a number, what a reference is and is not, what the shadow holds, and the warnings.
 */
import { describe, expect, it } from 'vitest';
import { prerenderPage, type PageEnv } from '../../src/prerender-page.js';
import { FIGURE_ID, findReferences, withReferences } from '../../src/render/figure-numbers.js';
import { parseMarkdownWithMath } from '../../src/content/math.js';
import { DEFAULT_FIGURE_NUMBERING, type FigureNumbering } from '../../src/site/config.js';
import { plainTextMask } from '../../src/content/math.js';
import { pageEnv } from '../helpers/page-env.js';
import { FEED_SPLIT } from '../../src/render/feed.js';

const page = (body: string) => `---\ntitle: T\n---\n${body}`;

function env(figures?: Partial<FigureNumbering>): PageEnv {
  const e = pageEnv('content/posts/p/index.md');
  if (figures) e.settings = { ...e.settings, figures: { ...DEFAULT_FIGURE_NUMBERING, ...figures } };
  return e;
}

/** The figures of the shadow (not their feed variants): each one's id, and its caption's text with its number. */
function figuresOf(shadow: string): string[] {
  const page = shadow.replace(/&#10;/g, '\n').replace(new RegExp(`${FEED_SPLIT}.*?(?=\\{\\{< /prerender)`, 'gs'), '');
  return [...page.matchAll(/<figure( id="[^"]*")?[^>]*>.*?(?:<figcaption>\s*(?:<h4>[^<]*<\/h4>)?\s*<p>(.*?)<\/p>\s*<\/figcaption>)?\s*<\/figure>/gs)].map(
    (m) => `${m[1]?.trim() ?? '-'} ${(m[2] ?? '').replace(/<[^>]+>/g, '')}`,
  );
}

const IDS = new Map<string, string | undefined>([
  ['fig-lstm', 'Figure 1'],
  ['fig-gru', 'Figure 2'],
  ['plain', 'Figure 3'],
]);

describe('references in Markdown text', () => {
  const refs = (md: string, ids = IDS) => {
    const { references, inHeading } = findReferences(parseMarkdownWithMath(md, []), md, 0, { ids, numbers: 'id' });
    return { found: references.map((r) => [md.slice(r.start, r.end), r.markdown ?? r.problem]), inHeading: inHeading.map((r) => md.slice(r.start, r.end)) };
  };

  it('finds @id after a space, a bracket or a parenthesis, and ends the id before trailing punctuation', () => {
    expect(refs('See @fig-lstm. (@fig-gru) [@plain], "@fig-lstm": @fig-gru-').found).toEqual([
      ['@fig-lstm', '[Figure 1](#fig-lstm)'],
      ['@fig-gru', '[Figure 2](#fig-gru)'],
      ['@plain', '[Figure 3](#plain)'],
      ['@fig-lstm', '[Figure 1](#fig-lstm)'],
      ['@fig-gru', '[Figure 2](#fig-gru)'],
    ]);
  });

  it('leaves e-mail addresses, escaped @, code, links, raw HTML and formulas alone', () => {
    const md = 'a me@fig-lstm.org x@fig-gru \\@fig-lstm wow!@fig-lstm [x]@fig-gru `@fig-lstm` [@fig-lstm](u) <b title="@fig-lstm">x</b> <https://e.org/@fig-gru>\n\n```\n@fig-lstm\n```\n';
    expect(refs(md).found).toEqual([]);
    const math = parseMarkdownWithMath('$@fig-lstm$ and $$@fig-gru$$', [
      { open: '$$', close: '$$', display: true },
      { open: '$', close: '$', display: false },
    ] as never);
    expect(findReferences(math, '$@fig-lstm$ and $$@fig-gru$$', 0, { ids: IDS, numbers: 'id' }).references).toEqual([]);
  });

  it('keeps those in headings apart, and those in emphasis and tables in', () => {
    const r = refs('# About @fig-lstm\n\n*see @fig-gru*\n\n| a |\n|---|\n| @plain |\n');
    expect(r.inHeading).toEqual(['@fig-lstm']);
    expect(r.found.map(([at]) => at)).toEqual(['@fig-gru', '@plain']);
  });

  it('warns about an unknown @fig- id with the one meant, and says nothing about other @names', () => {
    expect(refs('@fig-lstn and @fig-none and @someone').found).toEqual([
      ['@fig-lstn', '@fig-lstn refers to no figure on this page, so it is left as written; did you mean @fig-lstm?'],
      ['@fig-none', '@fig-none refers to no figure on this page, so it is left as written (figure ids here: fig-lstm, fig-gru, plain)'],
    ]);
    expect(refs('@fig-a', new Map()).found).toEqual([['@fig-a', '@fig-a refers to no figure on this page, so it is left as written; give the figure id="fig-a"']]);
    // A figure that the site's own template renders: said so, whatever its id.
    const theirs = findReferences(parseMarkdownWithMath('@photo', []), '@photo', 0, { ids: IDS, numbers: 'id', foreign: new Map([['photo', 'layouts/shortcodes/figure.html']]) });
    expect(theirs.references.map((r) => r.problem)).toEqual([
      "@photo is left as written: the figure with that id is rendered by the site's own template (layouts/shortcodes/figure.html), which hugo-prerender does not number. Link to it with [text](#photo)",
    ]);
  });

  it('makes a caption’s references links, its label escaped for Markdown', () => {
    const ids = new Map([['fig-a', 'Fig. [1]']]);
    expect(withReferences('as in @fig-a, `@fig-a`', { ids, numbers: 'id' })).toEqual({ md: 'as in [Fig\\. \\[1\\]](#fig-a), `@fig-a`', problems: [] });
    expect(withReferences('see @fig-b', { ids, numbers: 'id' }).problems).toEqual(['@fig-b refers to no figure on this page, so it is left as written; did you mean @fig-a?']);
    expect(withReferences('no refs here', { ids, numbers: 'id' }).md).toBe('no refs here');
  });

  it('takes as ids: a letter, then word characters with single - . : between them', () => {
    for (const ok of ['a', 'fig-lstm', 'fig:lstm', 'eq.2', 'F_1-b']) expect(FIGURE_ID.test(ok), ok).toBe(true);
    for (const bad of ['', '1fig', 'fig-', 'fig--a', 'fig lstm', '-a', 'fig<a', 'ü']) expect(FIGURE_ID.test(bad), bad).toBe(false);
  });
});

describe('numbered figures on a page', () => {
  const BODY = [
    'As @fig-unroll shows; later @fig-lstm, and @fig-lstn.', // 4
    '',
    '{{< rnn-unroll id="fig-unroll" steps="3" caption="An RNN; compare @fig-lstm." >}}',
    '',
    '## About @fig-lstm',
    '',
    '{{< figure src="https://example.org/a.png" id="fig-photo" title="A title" alt="A photo" >}}',
    '',
    '{{< lstm-cell id="fig-lstm" caption="An LSTM cell, $c_t$ on top." >}}',
    '',
    '{{< gru-cell caption="No id." >}}',
    '',
    '{{< gru-cell id="fig-lstm" caption="The same id again." >}}',
    '',
    '{{< gru-cell id="2nd" caption="An id that is not one." >}}',
    '',
  ].join('\n');

  it('numbers the figures with an id in page order, puts the number before the caption and links the references', async () => {
    const r = await prerenderPage(page(BODY), env());
    expect(r.failed).toBe(false);
    expect(figuresOf(r.shadow!)).toEqual([
      'id="fig-unroll" Figure 1: An RNN; compare Figure 3.',
      'id="fig-photo" Figure 2:',
      'id="fig-lstm" Figure 3: An LSTM cell, ct on top.',
      '- No id.',
      '- The same id again.',
      '- An id that is not one.',
    ]);
    // The text's references are Markdown links; the heading's stays as written (its text makes its id).
    expect(r.shadow).toContain('As [Figure 1](#fig-unroll) shows; later [Figure 3](#fig-lstm), and @fig-lstn.');
    expect(r.shadow).toContain('## About @fig-lstm');
    expect(r.shadow).toContain('compare <a href="#fig-lstm">Figure 3</a>.');
    // (In the order of the page, as the build prints them.)
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code, d.message]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [4, 44, 'figure-ref', '@fig-lstn refers to no figure on this page, so it is left as written; did you mean @fig-lstm?'],
      [8, 10, 'figure-ref', "@fig-lstm is left as written: a heading's text makes its id and its entry in the table of contents. Refer to the figure in the text below it"],
      [16, 14, 'figure-id', 'gru-cell: id="fig-lstm" is already the id of the lstm-cell at line 12, so this one gets none: ids must differ on a page'],
      [
        18,
        14,
        'figure-id',
        'gru-cell: id="2nd" is not a usable figure id, so this figure gets none: start it with a letter, then letters, digits and "_", with "-", "." or ":" between them (id="fig-lstm")',
      ],
    ]);
    // The shadow keeps every line where the original has it.
    expect(r.shadow!.split('\n')).toHaveLength(page(BODY).split('\n').length);
  });

  it('numbers every figure with numbers = "all", in the label and separator of the site', async () => {
    const r = await prerenderPage(page(BODY), env({ numbers: 'all', label: 'Fig.', separator: '.' }));
    expect(figuresOf(r.shadow!)).toEqual([
      'id="fig-unroll" Fig. 1. An RNN; compare Fig. 3.',
      'id="fig-photo" Fig. 2.',
      'id="fig-lstm" Fig. 3. An LSTM cell, ct on top.',
      '- Fig. 4. No id.',
      '- Fig. 5. The same id again.',
      '- Fig. 6. An id that is not one.',
    ]);
    expect(r.shadow).toContain('As [Fig\\. 1](#fig-unroll) shows');
  });

  it('numbers none with numbers = "none": ids stay, references stay as written with a warning', async () => {
    const r = await prerenderPage(page('See @fig-a.\n\n{{< gru-cell id="fig-a" caption="A." >}}\n'), env({ numbers: 'none' }));
    expect(figuresOf(r.shadow!)).toEqual(['id="fig-a" A.']);
    expect(r.shadow).toContain('See @fig-a.');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      '@fig-a is left as written: figures are not numbered on this site (params.prerender.figures.numbers = "none"), so it has no number to show. Link to it with [text](#fig-a)',
    ]);
  });

  it('leaves a page without ids as it was: no number, no id, the same fragment keys', async () => {
    const body = 'Mail me@example.org.\n\n{{< gru-cell caption="A cell." >}}\n';
    const before = await prerenderPage(page(body), env());
    expect(figuresOf(before.shadow!)).toEqual(['- A cell.']);
    expect(before.shadow).not.toContain('hp-figure-number');
    // The key of a figure without id or number does not change with the page's other figures.
    const other = await prerenderPage(page(`${body}\n{{< lstm-cell id="fig-b" >}}\n`), env());
    expect(other.fragments.map((f) => f.key)).toContain(before.fragments[0]!.key);
  });

  it('re-renders a figure whose number changes, and a caption whose reference does', async () => {
    const a = await prerenderPage(page('{{< gru-cell id="fig-a" caption="See @fig-b." >}}\n\n{{< gru-cell id="fig-b" >}}\n'), env());
    const b = await prerenderPage(page('{{< gru-cell id="fig-c" >}}\n\n{{< gru-cell id="fig-a" caption="See @fig-b." >}}\n\n{{< gru-cell id="fig-b" >}}\n'), env());
    expect(figuresOf(a.shadow!)).toEqual(['id="fig-a" Figure 1: See Figure 2.', 'id="fig-b" Figure 2:']);
    expect(figuresOf(b.shadow!)).toEqual(['id="fig-c" Figure 1:', 'id="fig-a" Figure 2: See Figure 3.', 'id="fig-b" Figure 3:']);
    const keysA = new Set(a.fragments.map((f) => f.key));
    expect(b.fragments.filter((f) => keysA.has(f.key))).toEqual([]);
  });

  it('finds references in a large page whose math-free paragraphs are masked out of its parse', async () => {
    const filler = Array.from({ length: 700 }, (_, i) => `Paragraph ${i} has plain words and nothing else at all here.\n`).join('\n');
    const body = `${filler}\nThe end, see @fig-a, not \`@fig-a\` or [@fig-a](u).\n\n{{< gru-cell id="fig-a" >}}\n`;
    expect(body.length).toBeGreaterThan(plainTextMask.minChars);
    const r = await prerenderPage(page(body), env());
    // (Its paragraph is parsed: a code span or a link in it is not a place for a reference.)
    expect(r.shadow).toContain('The end, see [Figure 1](#fig-a), not `@fig-a` or [@fig-a](u).');
  });

  it('does not number a figure the site’s own template renders, and says so at a reference to it', async () => {
    const e = env();
    e.settings = { ...e.settings, siteShortcodes: new Map([['figure', 'layouts/shortcodes/figure.html']]) };
    const r = await prerenderPage(page('See @fig-theirs and @fig-ours.\n\n{{< figure src="/a.png" id="fig-theirs" >}}\n\n{{< gru-cell id="fig-ours" >}}\n'), e);
    expect(figuresOf(r.shadow!)).toEqual(['id="fig-ours" Figure 1:']);
    expect(r.shadow).toContain('See @fig-theirs and [Figure 1](#fig-ours).');
    expect(r.diagnostics.filter((d) => d.code === 'figure-ref').map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 5, "@fig-theirs is left as written: the figure with that id is rendered by the site's own template (layouts/shortcodes/figure.html), which hugo-prerender does not number. Link to it with [text](#fig-theirs)"],
    ]);
  });

  it('resolves references inside a {{% %}} shortcode, not inside a {{< >}} one', async () => {
    const r = await prerenderPage(page('{{% note %}}see @fig-a{{% /note %}}\n\n{{< note >}}see @fig-a{{< /note >}}\n\n{{< gru-cell id="fig-a" >}}\n'), env());
    expect(r.shadow).toContain('{{% note %}}see [Figure 1](#fig-a){{% /note %}}');
    expect(r.shadow).toContain('{{< note >}}see @fig-a{{< /note >}}');
  });
});
