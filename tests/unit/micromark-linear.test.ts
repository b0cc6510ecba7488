/**
 * micromark's text resolver, replaced by a linear one at build time (src/content/micromark-linear.ts,
 * scripts/micromark-linear-plugin.mjs): same events as micromark's algorithm, installed in the tests'
 * micromark as in the bundle's, and a loud failure if micromark changes under the patch.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Event, Token } from 'micromark-util-types';
import { linearTextStats, mergeAdjacentData } from '../../src/content/micromark-linear.js';
import { delimiterPairs, locateMath, parseMarkdownWithMath } from '../../src/content/math.js';
// @ts-expect-error plain JS module shared with the esbuild build
import { linearMicromarkText, MICROMARK_TEXT } from '../../scripts/micromark-linear-plugin.mjs';

/** micromark 4's resolveAllText as it is written there: a splice per run of data events. */
function reference(events: Event[]): Event[] {
  let index = -1;
  let enter: number | undefined;
  while (++index <= events.length) {
    if (enter === undefined) {
      if (events[index] && events[index]![1].type === 'data') {
        enter = index;
        index++;
      }
    } else if (!events[index] || events[index]![1].type !== 'data') {
      if (index !== enter + 2) {
        events[enter]![1].end = events[index - 1]![1].end;
        events.splice(enter + 2, index - enter - 2);
        index = enter + 2;
      }
      enter = undefined;
    }
  }
  return events;
}

/** A stream of tokens (enter/exit pairs, some nested), each token a fresh object per copy. */
function stream(kinds: string[]): () => Event[] {
  return () => {
    const events: Event[] = [];
    let offset = 0;
    const point = (o: number) => ({ line: 1, column: o + 1, offset: o, _index: 0, _bufferIndex: o });
    for (const kind of kinds) {
      const token = { type: kind, start: point(offset), end: point(offset + 1) } as unknown as Token;
      offset++;
      events.push(['enter', token, {} as never]);
      if (kind === 'strong') {
        const inner = { type: 'data', start: point(offset), end: point(offset + 1) } as unknown as Token;
        events.push(['enter', inner, {} as never], ['exit', inner, {} as never]);
      }
      events.push(['exit', token, {} as never]);
    }
    return events;
  };
}

const shape = (events: Event[]) => events.map(([kind, token]) => `${kind}:${token.type}:${token.start.offset}-${token.end.offset}`);

describe('linear text resolver', () => {
  it('merges runs of data events exactly as micromark does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('data', 'data', 'data', 'characterEscape', 'lineEnding', 'strong'), { maxLength: 40 }), (kinds) => {
        const make = stream(kinds);
        expect(shape(mergeAdjacentData(make()))).toEqual(shape(reference(make())));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('is the resolver the tests\' micromark runs (as the bundle\'s does)', () => {
    const before = linearTextStats.calls;
    const tree = parseMarkdownWithMath('\\( a '.repeat(50) + '*b* `c` $x$', delimiterPairs());
    expect(linearTextStats.calls).toBeGreaterThan(before);
    expect(JSON.stringify(tree)).toContain('"mathSpan"');
    expect(locateMath('\\( a \\( a $y$', { bodyOffset: 0, masked: [] }).spans.map((s) => s.tex)).toEqual(['y']);
  });

  it('fails the build when micromark no longer has what it replaces', () => {
    const dir = fileURLToPath(new URL('../../node_modules/micromark/', import.meta.url));
    for (const file of ['lib/initialize/text.js', 'dev/lib/initialize/text.js']) {
      const full = path.join(dir, file);
      expect(MICROMARK_TEXT.test(full)).toBe(true);
      expect(linearMicromarkText(readFileSync(full, 'utf8'), full)).toContain('text.resolveAll = __hpLinear(resolveAllLineSuffixes)');
    }
    expect(() => linearMicromarkText('export const text = {}', 'text.js')).toThrow(/micromark changed/);
  });
});

describe("micromark's parser setup, once per extensions array", () => {
  it('is installed: parse() with the same extensions array shares the merged constructs, another array gets its own', async () => {
    const { parse } = await import('micromark');
    const extensions = [{ text: {} }];
    expect(parse({ extensions }).constructs).toBe(parse({ extensions }).constructs);
    expect(parse({ extensions: [...extensions] }).constructs).not.toBe(parse({ extensions }).constructs);
    // No extensions array: merged every time, as micromark does.
    expect(parse({}).constructs).not.toBe(parse({}).constructs);
  });

  it('gives the same trees: a page and then a caption-sized text parsed through the shared setup, twice', () => {
    const pairs = delimiterPairs();
    const page = '# T\n\n[a](http://x.y) me@example.org $x$ and *b*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[ref]: http://z\n';
    const first = JSON.stringify(parseMarkdownWithMath(page, pairs));
    expect(JSON.stringify(parseMarkdownWithMath('Fig. [ref] *x*', pairs))).toContain('"type":"text","value":"Fig. [ref] "');
    expect(JSON.stringify(parseMarkdownWithMath(page, pairs))).toBe(first);
  });
});
