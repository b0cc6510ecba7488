/**
 * Captions and titles of words, emphasis and links written without a parse (src/render/simple-inline.ts):
 * whatever the fast path writes must be exactly what the parse writes (renderInlineMarkdown with its fast
 * paths off), on random texts built from the characters and constructs at the edges of what it takes,
 * and on every caption of the fixtures. The fast path must also take what it is there for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainInlineFastPath, renderInlineMarkdown } from '../../src/render/markdown.js';
import { simpleInlineHtml } from '../../src/render/simple-inline.js';
import { delimiterPairs } from '../../src/content/math.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';

const math = (tex: string) => `<m>${tex}</m>`;
const VARIANTS = [
  { unsafe: false, links: true },
  { unsafe: true, links: true },
  { unsafe: false, links: false },
];

function parsed(md: string, opts: { unsafe: boolean; links: boolean }): string {
  plainInlineFastPath.enabled = false;
  try {
    return renderInlineMarkdown(md, math, opts);
  } finally {
    plainInlineFastPath.enabled = true;
  }
}

/** The fast path's answer, checked against the parse's; whether it took the text. */
function agrees(md: string): boolean {
  let took = false;
  for (const v of VARIANTS) {
    const fast = simpleInlineHtml(md, { ...v, pairs: delimiterPairs() });
    if (fast === undefined) continue;
    took = true;
    expect(fast, `${JSON.stringify(md)} ${JSON.stringify(v)}`).toBe(parsed(md, v));
    // And what the command calls gives the same.
    expect(renderInlineMarkdown(md, math, v)).toBe(fast);
  }
  return took;
}

const SEED_CAPTIONS = [
  'Unrolling a sequence-to-sequence RNN ([*Deep Learning textbook*. Goodfellow *et al.*, 2016](https://www.deeplearningbook.org/)).',
  'Various basic RNN architectures ([Karpathy, 2015](https://karpathy.github.io/2015/05/21/rnn-effectiveness/)).',
];

describe('simpleInlineHtml', () => {
  it('takes the seed post’s captions, and writes what the parse writes', () => {
    for (const c of SEED_CAPTIONS) expect(agrees(c), c).toBe(true);
    expect(simpleInlineHtml(SEED_CAPTIONS[1]!, { unsafe: false, links: true, pairs: delimiterPairs() })).toBe(
      'Various basic RNN architectures (<a href="https://karpathy.github.io/2015/05/21/rnn-effectiveness/">Karpathy, 2015</a>).',
    );
  });

  it('leaves to the parse what it could get wrong', () => {
    const declined = [
      '![an image](a.png)',
      'see https://example.org',
      'see www.example.org',
      'mail me@example.org',
      'a *b*c',
      'a*b*',
      '***a***',
      '*a **b* c**',
      '[a *b](u)* c',
      '*a [b* c](u)',
      '[a](u "title")',
      '[a](<u>)',
      '[a]',
      '[a]: u',
      '[](u)',
      '- a',
      '1. a',
      '2016.',
      ' a',
      'a ',
      'a  b',
      'wait...',
      'a -- b',
      'it’s',
      "it's",
      'x_1',
      '`code`',
      'a & b',
      'a\\*b',
      'a $x$ b',
      'a \\(x\\) b',
      'a ~~b~~',
      'a^b',
      'a|b',
    ];
    for (const md of declined) {
      for (const v of VARIANTS) expect(simpleInlineHtml(md, { ...v, pairs: delimiterPairs() }), md).toBeUndefined();
    }
  });

  it('writes what the parse writes on random texts at its edges', () => {
    const word = fc.constantFrom('a', 'Ab', 'RNN', 'é', 'ß', '中', '2016', 'x1', '²');
    const punct = fc.constantFrom(',', '.', ';', ':', '?', '!', '(', ')', '-', '/', ' ');
    const dest = fc.constantFrom('https://x.org/a_b?c=1#d', 'u', '/p/q', 'javascript:alert(1)', 'JAVASCRIPT:x', 'data:x', '%41%zz', 'a@b', 'x,y;z', 'a!$', 'a~b+c=d', '#top', '?q=1', '.', '-', 'mailto:x', 'www.x.org', 'HTTP://X');
    const odd = fc.constantFrom('*', '**', '***', '[', ']', '](', '![', '_', '`', '~', '\\', '&', '<', '>', '"', "'", '@', 'www.', '://', '..', '--', '$', '#', '+', '|', '^', '\u0301', '\u00a0', '\t', '\n', '𝑥', '  ');
    const { text } = fc.letrec<{ text: string; piece: string }>((tie) => ({
      piece: fc.oneof(
        { weight: 4, arbitrary: word },
        { weight: 3, arbitrary: punct },
        { weight: 1, arbitrary: odd },
        { weight: 1, arbitrary: fc.tuple(tie('text'), fc.constantFrom('*', '**')).map(([t, d]) => `${d}${t}${d}`) },
        { weight: 1, arbitrary: fc.tuple(tie('text'), dest).map(([t, d]) => `[${t}](${d})`) },
      ),
      text: fc.array(tie('piece'), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
    }));
    let took = 0;
    let runs = 0;
    fc.assert(
      fc.property(text, (md) => {
        runs++;
        if (agrees(md)) took++;
      }),
      { numRuns: 4000, seed: 20261206 },
    );
    // Not vacuous: a good share of the texts are taken.
    expect(took / runs).toBeGreaterThan(0.1);
  });

  it('writes what the parse writes for every caption of the fixtures', () => {
    const captions = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.md')) for (const m of readFileSync(p, 'utf8').matchAll(/caption="([^"]*)"/g)) captions.add(m[1]!);
      }
    };
    walk(path.join(PROJECT_ROOT, 'fixtures'));
    expect(captions.size).toBeGreaterThan(10);
    let took = 0;
    for (const c of captions) if (agrees(c)) took++;
    expect(took).toBeGreaterThan(0);
  });
});
