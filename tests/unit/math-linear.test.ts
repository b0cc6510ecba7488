/**
 * The math tokenizer's memo (DeadRanges in src/content/math-syntax.ts) changes only how long the
 * parse takes: on random pages built from the characters that matter to it (delimiters, escapes,
 * `$$` runs, digits after `$`, display openers at line starts, quotes and lists for lazy lines,
 * code spans that change backslash pairing, table pipes), the tree is the same with and without it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimiterPairs, parseMarkdownWithMath } from '../../src/content/math.js';
import { mathSyntaxMemo, type DelimiterPair } from '../../src/content/math-syntax.js';

function parse(md: string, pairs: readonly DelimiterPair[], memo: boolean): string {
  mathSyntaxMemo.enabled = memo;
  try {
    return JSON.stringify(parseMarkdownWithMath(md, pairs));
  } finally {
    mathSyntaxMemo.enabled = true;
  }
}

const pieces = [
  '$', '$$', '\\', '\\(', '\\)', '\\[', '\\]', '\\\\', '\\$', '(', ')', '[', ']', ' ', '  ', '\t',
  '\n', '\n\n', '\n> ', '\n- ', '\n    ', 'a', 'x_1', '5', '9', '`', '``', '*', '|', '\n|---|---|\n', '{', '}',
  '<b>', '[x](y)', '\\begin{equation}', '\\end{equation}', '\n$$\n', '\n\\[\n', '\n\\]\n', '#', '\n## ',
];
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

const configs: Record<string, DelimiterPair[]> = {
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
