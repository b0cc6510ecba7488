import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  anchorize,
  collectHeadings,
  idAttributeText,
  IdFactory,
  originalIds,
  plainHeadingFastPath,
  plainHeadingText,
  planHeadingIds,
  type AutoIdType,
  type HeadingIdInput,
} from '../../src/content/headings.js';
import { delimiterPairs, parseMarkdownWithMath } from '../../src/content/math.js';
import { parsePage } from '../../src/content/page.js';

const FIX = path.resolve(__dirname, '../../fixtures/everywhere');

function headingsOf(source: string) {
  const parsed = parsePage(source);
  const tree = parseMarkdownWithMath(source.slice(parsed.bodyOffset), delimiterPairs({}));
  return collectHeadings(source, tree, parsed.bodyOffset);
}

describe('heading ids measured with real Hugo (fixtures/everywhere/headings-page.md)', () => {
  const source = readFileSync(path.join(FIX, 'headings-page.md'), 'utf8');
  const measured = JSON.parse(readFileSync(path.join(FIX, 'headings-ids.json'), 'utf8')).ids as Record<
    AutoIdType,
    { raw: string[]; plain: string[] }
  >;
  const headings = headingsOf(source);
  for (const type of ['github', 'github-ascii', 'blackfriday'] as const) {
    it(`${type}: Hugo 0.111.3 (raw line) ids`, () => {
      expect(originalIds(headings, type).raw).toEqual(measured[type].raw);
    });
    it(`${type}: Hugo 0.169.0 (plain text) ids, empty headings without one`, () => {
      expect(originalIds(headings, type).plain.filter((x) => x !== null)).toEqual(measured[type].plain);
    });
  }
});

describe('anchorize', () => {
  const cases: [string, AutoIdType, string][] = [
    ['Gradient of $h_t$ term', 'github', 'gradient-of-h_t-term'],
    ['Gradient of $h_t$ term', 'blackfriday', 'gradient-of-h-t-term'],
    ['  Émigré café ', 'github-ascii', 'emigre-cafe'],
    ['Émigré café', 'github', 'émigré-café'],
    ['日本語 の', 'github-ascii', '-'],
    ['a\tb', 'github', 'ab'],
    ['---', 'github', '---'],
    ['---', 'blackfriday', ''],
  ];
  it.each(cases)('%j (%s) → %j', (text, type, id) => expect(anchorize(text, type)).toBe(id));

  it('gives ASCII text (its shortcut) the ids of Hugo\'s rune loop', () => {
    // Hugo's sanitizeAnchorNameWithHook for github and github-ascii, on ASCII: bytes.TrimSpace, then
    // '-' and ' ' to '-', letters, digits and '_' lower-cased, the rest dropped.
    const hugo = (text: string) => {
      let out = '';
      for (const ch of text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '')) {
        if (ch === '-' || ch === ' ') out += '-';
        else if (/[A-Za-z0-9_]/.test(ch)) out += ch.toLowerCase();
      }
      return out;
    };
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09_- \t\n\r\v\f.$\\{}()[]*`~!?#\'"<>&|^%@+=,;:/'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(anchorize(text, 'github')).toBe(hugo(text));
        expect(anchorize(text, 'github-ascii')).toBe(hugo(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('duplicates get -1, -2 and skip ids already taken', () => {
    const f = new IdFactory('github');
    f.put('x-1');
    expect([f.generate('X'), f.generate('X'), f.generate('X'), f.generate('')]).toEqual(['x', 'x-2', 'x-3', 'heading']);
  });
});

describe('plain heading text (Hugo 0.144+)', () => {
  it('drops emphasis made of underscores between formulas, link URLs and HTML tags', () => {
    expect(plainHeadingText('$\\hat{h}_{t}$ and $x_{1}$')).toBe('$\\hat{h}{t}$ and $x{1}$');
    expect(plainHeadingText('A [link](https://e.org/x_y) <b>b</b>')).toBe('A link b');
  });
  it('gives math no text when passthrough delimiters are configured', () => {
    expect(plainHeadingText('Gradient of $h_t$ term', { passthrough: delimiterPairs({ delimiters: { inline: [['$', '$']], block: [] } }) })).toBe(
      'Gradient of  term',
    );
  });
});

describe('planHeadingIds', () => {
  const h = (text: string, changed: boolean, plainText = text, explicitId?: string): HeadingIdInput => ({
    rawText: text,
    plainText,
    changed,
    ...(explicitId ? { explicitId } : {}),
  });

  it('a changed heading gets a literal id when both Hugo rules agree', () => {
    const plan = planHeadingIds([h('Gradient of $h_t$ term', true)], 'github');
    expect(plan[0]!.write).toEqual({ kind: 'literal', id: 'gradient-of-h_t-term' });
    expect(idAttributeText(plan[0]!, {})).toBe(' {#gradient-of-h_t-term}');
  });

  it('a changed heading whose ids differ by Hugo version gets the prerender-id switch', () => {
    const plan = planHeadingIds([h('$\\hat{h}_{t}$ and $x_{1}$', true, '$\\hat{h}{t}$ and $x{1}$')], 'github');
    expect(plan[0]!.write).toEqual({ kind: 'switch', raw: 'hath_t-and-x_1', plain: 'hatht-and-x1' });
    expect(idAttributeText(plan[0]!, {})).toBe(' {#{{< prerender-id "hath_t-and-x_1" "hatht-and-x1" >}}}');
  });

  it('a heading rendered apart (in the prerender-md wrapper) always gets its id written and takes none from the page', () => {
    const apart = (text: string, explicitId?: string): HeadingIdInput => ({ ...h(text, false, text, explicitId), apart: true });
    const plan = planHeadingIds([h('Setup', false), apart('Setup'), apart('Setup', 'own'), h('Setup', false), h('Other', false)], 'github');
    expect(plan.map((p) => p.write)).toEqual([
      { kind: 'none' },
      { kind: 'literal', id: 'setup-1' },
      { kind: 'none' },
      // The page's own factory never saw setup-1: this heading would get it, so its id is written.
      { kind: 'literal', id: 'setup-2' },
      { kind: 'none' },
    ]);
  });

  it('unchanged headings are left alone unless a switch shifted their duplicate suffix', () => {
    const plan = planHeadingIds(
      [h('Loss $L_t$', true, 'Loss $L{t}$'), h('Loss $L_t$', false, 'Loss $L{t}$'), h('Other', false)],
      'github',
    );
    // Originally the second is loss-l_t-1 / loss-lt-1; in the shadow the first one's id is a
    // placeholder, so Hugo would hand out loss-l_t / loss-lt: it needs its own id.
    expect(plan.map((p) => p.write.kind)).toEqual(['switch', 'switch', 'none']);
    expect(plan[1]!.write).toEqual({ kind: 'switch', raw: 'loss-l_t-1', plain: 'loss-lt-1' });
  });

  it('counts author ids and literal ids like Hugo does', () => {
    const plan = planHeadingIds([h('A $x$', true), h('A x', false, 'A x', 'a-x'), h('A x', false)], 'github');
    expect(plan.map((p) => [p.raw, p.plain, p.write.kind])).toEqual([
      ['a-x', 'a-x', 'literal'],
      ['a-x', 'a-x', 'none'],
      ['a-x-1', 'a-x-1', 'none'],
    ]);
  });

  it('an attribute block without id gets the id inside it', () => {
    const src = '---\ntitle: x\n---\n## Why $\\tanh$ {.wide}\n';
    const [hd] = headingsOf(src);
    expect(hd!.attrOpen).toBe(src.indexOf('{.wide}') + 1);
    expect(hd!.rawText).toBe('Why $\\tanh$ ');
    const plan = planHeadingIds([{ ...hd!, changed: true }], 'github');
    expect(idAttributeText(plan[0]!, hd!)).toBe('#why-tanh ');
  });

  it('reads ATX closing sequences, setext headings and author ids', () => {
    const src = '---\ntitle: x\n---\n## Closed $a$ ##\n\nSetext $b$\n---\n\n### Given {#mine}\n';
    const hs = headingsOf(src);
    expect(hs.map((x) => [x.level, x.rawText, x.explicitId ?? null])).toEqual([
      [2, 'Closed $a$', null],
      [2, 'Setext $b$', null],
      [3, 'Given ', 'mine'] // Goldmark's raw segment keeps the space; anchorize trims it,
    ]);
    expect(src.slice(hs[0]!.insertAt - 2, hs[0]!.insertAt)).toBe('##');
  });
});

describe('plainHeadingText without a parse', () => {
  const slow = (md: string, opts = {}) => {
    plainHeadingFastPath.enabled = false;
    try {
      return plainHeadingText(md, opts);
    } finally {
      plainHeadingFastPath.enabled = true;
    }
  };
  // What the fast path takes (letters, digits, spaces, ,;:?!()-) next to what it must leave to the parse.
  const pieces = ['a', 'Z', 'é', 'ß', '9', '²', ' ', '  ', ',', ';', ':', '?', '!', '(', ')', '-', '--', '---', '.', '...', "'", '"', '*', '_', '`', '[', ']', '<', '>', '&', '&amp;', '\\', '$', '~', '#', '@', 'www.', 'http://x.y', '\t', 'Ab'];
  const good = ['a', 'Z', 'é', 'ß', '9', '²', ' ', '  ', ',', ';', ':', '?', '!', '(', ')', '-', 'Ab'];
  // Mostly text the fast path takes, with at most one piece of any kind put in somewhere.
  const text = fc
    .tuple(fc.array(fc.constantFrom(...good), { maxLength: 24 }), fc.option(fc.constantFrom(...pieces)), fc.nat())
    .map(([a, extra, at]) => (extra === null ? a : [...a.slice(0, at % (a.length + 1)), extra, ...a.slice(at % (a.length + 1))]).join(''));
  const passthrough = delimiterPairs({ delimiters: { inline: [['$', '$'], ['a(', ')']], block: [] } });

  it('gives what the parse gives, on random heading texts', () => {
    fc.assert(
      fc.property(text, (md) => {
        expect(plainHeadingText(md)).toBe(slow(md));
        expect(plainHeadingText(md, { passthrough })).toBe(slow(md, { passthrough }));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('leaves to the parse what changes the text', () => {
    // The parse changes each of these (the fast path would have returned them unchanged).
    for (const md of ['A -- B', 'A...', 'A (x)', "Don't", 'a *b*']) {
      if (md === 'A (x)') expect(plainHeadingText(md, { passthrough: delimiterPairs({ delimiters: { inline: [['(', ')']], block: [] } }) })).toBe('A ');
      else expect(plainHeadingText(md)).not.toBe(md);
    }
  });
});
