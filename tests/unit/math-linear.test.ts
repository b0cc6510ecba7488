/**
 * The math tokenizer's memo (DeadRanges in src/content/math-syntax.ts) changes only how long the
 * parse takes: on random pages built from the characters that matter to it (delimiters, escapes,
 * `$$` runs, digits after `$`, display openers at line starts, quotes and lists for lazy lines,
 * code spans that change backslash pairing, table pipes), the tree is the same with and without it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimiterPairs, locateMath, markdownParses, parseMarkdownWithMath, plainTextMask } from '../../src/content/math.js';
import { mathSyntaxMemo, openerGroups, type DelimiterPair } from '../../src/content/math-syntax.js';

/** Top-level node types of the tree for `md` (default delimiters). */
const types = (md: string) => (JSON.parse(parse(md, delimiterPairs(), true)) as { children: { type: string }[] }).children.map((c) => c.type);

function parse(md: string, pairs: readonly DelimiterPair[], memo: boolean, lookahead = true): string {
  mathSyntaxMemo.enabled = memo;
  mathSyntaxMemo.lookahead = lookahead;
  try {
    return JSON.stringify(parseMarkdownWithMath(md, pairs));
  } finally {
    mathSyntaxMemo.enabled = true;
    mathSyntaxMemo.lookahead = true;
  }
}

const pieces = [
  '$', '$$', '\\', '\\(', '\\)', '\\[', '\\]', '\\\\', '\\$', '(', ')', '[', ']', ' ', '  ', '\t',
  '\n', '\n\n', '\n> ', '\n- ', '\n    ', 'a', 'x_1', '5', '9', '`', '``', '*', '|', '\n|---|---|\n', '{', '}',
  '<b>', '[x](y)', '\\begin{equation}', '\\end{equation}', '\n$$\n', '\n\\[\n', '\n\\]\n', '#', '\n## ',
];
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

const configs: Record<string, readonly DelimiterPair[]> = {
  default: delimiterPairs(),
  markdownEscapes: delimiterPairs({ escapes: 'markdown' }),
  custom: [
    { open: '$', close: '$', display: false, dollarRule: true },
    { open: '$$', close: '$$', display: true },
    { open: '\\(', close: '\\)', display: false },
    { open: '\\[', close: '\\]', display: true },
    { open: '@@', close: '@', display: false },
  ],
};

describe('math tokenizer memo', () => {
  for (const [name, pairs] of Object.entries(configs)) {
    it(`gives the same tree as the unoptimised scan on random pages (${name} delimiters)`, () => {
      fc.assert(
        fc.property(page, (md) => {
          expect(parse(md, pairs, true)).toBe(parse(md, pairs, false));
        }),
        { numRuns: 600, seed: 14 },
      );
    });
  }

  it('handles the edge cases by name', () => {
    const pairs = delimiterPairs();
    for (const md of [
      '\\( a \\( b \\)',
      '$a $b $c$ d$',
      '`x\\`$a $b$',
      '$5 and $10 and $x$',
      '$$ a $ b $$',
      '> \\[ a\nb \\]\n',
      '> \\[\n> a\nlazy \\]\n\\[ b \\]',
      '| $a | $b$ |\n|---|---|\n| $c | d$ |',
      '\\[\na\n\\] x\n\\[\nb\n\\]',
    ]) {
      expect(parse(md, pairs, true), md).toBe(parse(md, pairs, false));
    }
  });

  it('reads openers sharing a first character through one construct, longer ones first where one extends another', () => {
    const pairs = delimiterPairs();
    const backslash = openerGroups(pairs.filter((p) => p.open.startsWith('\\')));
    // 69 openers (the environments, their Markdown-escaped spellings and references among them), one
    // micromark construct: one attempt per backslash.
    expect(backslash.map((g) => g.length)).toEqual([69]);
    expect(openerGroups(pairs.filter((p) => p.open.startsWith('$'))).map((g) => g.map((p) => p.open))).toEqual([['$$'], ['$']]);
    const custom = [
      { open: '@', close: '@', display: false },
      { open: '@@', close: '@@', display: false },
      { open: '@@@', close: '@@@', display: false },
      { open: '@x', close: '@', display: false },
    ];
    expect(openerGroups(custom).map((g) => g.map((p) => p.open))).toEqual([['@@@', '@x'], ['@@'], ['@']]);
  });

  it('closer lookahead: the same tree as the scan on random pages without container lines', () => {
    // Containers aside (below), an opener whose closer occurs nowhere after it failing at once gives
    // what its scan to the end gave.
    const flat = fc.array(fc.constantFrom(...pieces.filter((p) => !/\n[->]/.test(p))), { maxLength: 60 }).map((a) => a.join(''));
    for (const pairs of Object.values(configs)) {
      fc.assert(
        fc.property(flat, (md) => {
          expect(parse(md, pairs, true)).toBe(parse(md, pairs, true, false));
        }),
        { numRuns: 400, seed: 14 },
      );
    }
  });

  it('closer lookahead: a quote or list line after an unclosed display opener starts its container, as in CommonMark', () => {
    // Goldmark makes a paragraph and a quote of these (micromark's scan, while it lasted, kept the
    // second line in the paragraph: it decides about containers while a construct is in progress).
    expect(types('\\[ $a\n> b$')).toEqual(['paragraph', 'blockquote']);
    expect(types('$$ a\n- b')).toEqual(['paragraph', 'list']);
    // A closed block still holds such lines as TeX.
    expect(types('\\[\n> a\n\\]')).toEqual(['mathBlock']);
  });

  it('a display block never reaches into a code fence, where Goldmark ends the paragraph (fuzz find)', () => {
    // The $$ of the fence's first line closed the block, which swallowed the fence's opening line.
    expect(types('$$ a b\ntext\n\n```latex\n$$\nx\n$$\n```\n')).toEqual(['paragraph', 'code']);
    expect(types('$$\na\n~~~\n$$\n')).toEqual(['paragraph', 'code']);
    expect(types('> $$ a\n> ```\n> $$\n')).toEqual(['blockquote']);
    // Closed before the fence: a block as before.
    expect(types('$$\na\n$$\n```\ncode\n```\n')).toEqual(['mathBlock', 'code']);
  });

  it('finds every later formula after many unclosed openers (memo recorded per paragraph)', () => {
    const pairs = delimiterPairs();
    const md = '\\[ a '.repeat(4000) + '$x$ b';
    const tree = parseMarkdownWithMath(md, pairs);
    const spans: string[] = [];
    const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
      if (n.type === 'mathSpan') spans.push(n.value!);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(tree as never);
    expect(spans).toEqual(['x']);
  });
});

describe('formulas overlapping masked shortcode ranges', () => {
  it('are exactly those with a mask inside them, for random masks (binary search, not a scan per formula)', () => {
    // `$aaaa$ bbbb ` × n; masks inside the a's (formula i then contains a shortcode) or the b's (not).
    const unit = '$aaaa$ bbbb ';
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 30 }),
      masks: fc.array(fc.record({ i: fc.nat(29), inFormula: fc.boolean(), from: fc.nat(3), len: fc.integer({ min: 1, max: 4 }) }), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(arb, ({ n, masks }) => {
        const source = unit.repeat(n);
        const ranges = masks
          .filter((m) => m.i < n)
          .map((m) => {
            const base = m.i * unit.length + (m.inFormula ? 1 : 7);
            return { start: base + m.from, end: base + Math.min(4, m.from + m.len) };
          })
          .filter((r) => r.start < r.end);
        const { spans, diagnostics } = locateMath(source, { bodyOffset: 0, masked: ranges });
        const hit = new Set(ranges.filter((r) => (r.start % unit.length) < 6).map((r) => Math.floor(r.start / unit.length)));
        expect(spans.map((s) => s.start / unit.length)).toEqual([...Array(n).keys()].filter((i) => !hit.has(i)));
        expect(diagnostics.filter((d) => d.code === 'math-shortcode').map((d) => d.offset! / unit.length)).toEqual([...hit].sort((a, b) => a - b));
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});

describe('math-free leaf blocks masked before the full parse (bounded inline parse)', () => {
  const morePieces = [
    ...pieces, '[a](b "t")', '[a][b]', '\n[b]: /u "t"\n', '![i](s)', '<http://x.y>', '<span>', '\n<div>\n', '\n</div>\n',
    '&amp;', '~~s~~', '_e_', '**', '\n```\n', '\n~~~\n', '\n===\n', '\n---\n', '\n1. ', '\n- [x] ', '\\|', '\n| a | b |\n', '[^1]', '\n[^1]: n\n', '<!--', '-->',
    'www.x.com', '\n\t', '\r\n',
  ];
  const bigPage = fc.array(fc.constantFrom(...morePieces), { maxLength: 80 }).map((a) => a.join(''));
  const locate = (md: string, math: object, minChars: number) => {
    const saved = { ...plainTextMask };
    plainTextMask.minChars = minChars;
    plainTextMask.minQuietShare = 0;
    try {
      const { spans, diagnostics } = locateMath(md, { bodyOffset: 0, masked: [], math });
      return JSON.stringify({ spans, diagnostics });
    } finally {
      Object.assign(plainTextMask, saved);
    }
  };
  for (const [name, math] of Object.entries({ default: {}, markdown: { escapes: 'markdown' }, passthrough: { delimiters: { inline: [['@@', '@']], block: [['$$', '$$']] } } })) {
    it(`finds the same math and diagnostics as the unmasked parse on random pages (${name} delimiters)`, () => {
      fc.assert(
        fc.property(bigPage, (md) => {
          expect(locate(md, math, 0)).toBe(locate(md, math, Infinity));
        }),
        { numRuns: 300, seed: 14 },
      );
    });
  }

  it('skips the structure parse when less than a quarter of the body is on lines that could be quiet', () => {
    // 200 KB of unclosed openers: every line has a backslash, so no leaf block can be masked.
    const before = markdownParses.count;
    const md = '\\( a '.repeat(8000) + '\n\n' + '[a](b) '.repeat(100) + '\n\n$x$\n';
    expect(md.length).toBeGreaterThan(plainTextMask.minChars);
    expect(locateMath(md, { bodyOffset: 0, masked: [] }).spans.map((s) => s.tex)).toEqual(['x']);
    expect(markdownParses.count - before).toBe(1);
    // Mostly quiet lines: the structure parse runs, then the full one.
    const quiet = '[a](b) '.repeat(8000) + '\n\n$x$\n';
    const mid = markdownParses.count;
    expect(locateMath(quiet, { bodyOffset: 0, masked: [] }).spans.map((s) => s.tex)).toEqual(['x']);
    expect(markdownParses.count - mid).toBe(2);
  });

  it('masks by default only large bodies, and keeps what is math there', () => {
    expect(plainTextMask.minChars).toBeGreaterThan(4096);
    const md = '[a](b "t") *c* `d` '.repeat(3000) + '\n\n`$y$` $x$ [$z$](u)\n\n> | $p$ | q |\n> |---|---|\n';
    expect(md.length).toBeGreaterThan(plainTextMask.minChars);
    expect(locateMath(md, { bodyOffset: 0, masked: [] }).spans.map((s) => s.tex)).toEqual(['x', 'z', 'p']);
  });
});
