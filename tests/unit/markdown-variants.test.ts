/**
 * parseMarkdownWithMath leaves out GFM's constructs that cannot match in the text it parses (the email
 * autolink literal without a `@`, the www and protocol ones without `www` or `http`, their transform
 * without any of those nor a character reference, the table without a line that could be its delimiter
 * row): on random pages built from what those constructs and their neighbours read (word characters,
 * `.`, `-`, `_`, `+`, `www.`, `http://`, links, emphasis, code, entities, math, tables, table-like lines
 * in quotes and lists), the tree, positions included, is the same as with every construct in place.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimiterPairs, literalVariants, parseMarkdownWithMath } from '../../src/content/math.js';
import type { DelimiterPair } from '../../src/content/math-syntax.js';

function parse(md: string, pairs: readonly DelimiterPair[], variants: boolean): string {
  literalVariants.enabled = variants;
  try {
    return JSON.stringify(parseMarkdownWithMath(md, pairs));
  } finally {
    literalVariants.enabled = true;
  }
}

const pieces = [
  'a', 'Hw', 'x_1', 'foo', 'bar.baz', 'W', 'h', 'ww', 'www', 'www.', 'www.example.com', 'http', 'https://', 'http://a.b/c',
  'htp:', 'mailto:', 'xmpp:', '-', '_', '+', '.', '..', ' ', '  ', '\n', '\n\n', '\t', '*', '**', '~', '~~', '`', '[x](y)',
  '[', ']', '(', ')', '<', '>', '<b>', '&amp;', '&#64;', '&#x77;', '\\', '\\.', '5', '$', '$x$', '$$', '\\(', '\\)', '|',
  '\n|---|---|\n', '\n- ', '\n> ', '\n    ', '#', '\n## ', '!', '?', ',', ';', ':', '"', "'", 'é',
  '&#104;ttp://a.b', '&#119;ww.a.b', '&commat;', '\r', '\r\n',
];
/** Pages of table-like lines: headers, delimiter rows with and without pipes, in quotes and lists. */
const tablePieces = [
  'a', 'b c', '|', ' | ', '-', '--', ':', ':-', '-:', ':-:', '|-|', '| - |', '\n', '\n', '\n', '\r\n', '\n> ', '\n- ', '\n  ',
  '\n    ', '\t', ' ', '>', '\\|', '`|`', '$|x|$', '*', 'x:y', '---', '\n\n',
];
const tablePage = fc.array(fc.constantFrom(...tablePieces), { maxLength: 40 }).map((a) => a.join(''));
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));
const withAt = fc.array(fc.constantFrom(...pieces, '@', 'a@b.c', 'me@example.org'), { maxLength: 60 }).map((a) => a.join(''));

describe('autolink-literal parser variants', () => {
  for (const [name, pairs] of [['default', delimiterPairs()], ['no math', []]] as const) {
    it(`give the tree of the full parser on random pages (${name})`, () => {
      fc.assert(
        fc.property(page, (md) => {
          expect(parse(md, pairs, true)).toBe(parse(md, pairs, false));
        }),
        { numRuns: 800, seed: 9 },
      );
    });
    it(`give the tree of the full parser on random pages with emails (${name})`, () => {
      fc.assert(
        fc.property(withAt, (md) => {
          expect(parse(md, pairs, true)).toBe(parse(md, pairs, false));
        }),
        { numRuns: 300, seed: 9 },
      );
    });
    it(`give the tree of the full parser on random table-like pages (${name})`, () => {
      fc.assert(
        fc.property(tablePage, (md) => {
          expect(parse(md, pairs, true)).toBe(parse(md, pairs, false));
        }),
        { numRuns: 1500, seed: 9 },
      );
    });
  }

  it('would differ from the full parser where a left-out construct can match (the comparison sees it)', () => {
    const forced = (md: string, force: number) => {
      literalVariants.force = force;
      try {
        return JSON.stringify(parseMarkdownWithMath(md, []));
      } finally {
        literalVariants.force = undefined;
      }
    };
    for (const md of ['write to me@example.org', 'a*me@example.org*']) {
      expect(forced(md, 1), md).not.toBe(parse(md, [], false));
      expect(parse(md, [], true), md).toBe(parse(md, [], false));
    }
    for (const md of ['see www.example.com', 'http://example.com/x', '**www.example.com**']) {
      expect(forced(md, 2), md).not.toBe(parse(md, [], false));
      expect(parse(md, [], true), md).toBe(parse(md, [], false));
    }
    // A table needs a delimiter row, with a pipe or (micromark) a colon only.
    for (const md of ['| a | b |\n|---|---|', 'a\n:-', '> a | b\n> --|--', '- a | b\n  -|-\n  c | d']) {
      expect(forced(md, 4), md).not.toBe(parse(md, [], false));
      expect(parse(md, [], true), md).toBe(parse(md, [], false));
    }
    // The transform finds literals in text that a character reference made.
    for (const md of ['&#104;ttp://example.com', 'me&#64;example.org']) {
      expect(forced(md, 8), md).not.toBe(parse(md, [], false));
      expect(parse(md, [], true), md).toBe(parse(md, [], false));
    }
  });
});
