import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ITEM_TYPES, formatRune, lex, typedValue, type Item, type LexStart } from '../../src/content/lexer.js';

interface TypeVal {
  type: string;
  val: string;
}
interface TableCase {
  name: string;
  start: LexStart;
  input: string;
  expected: TypeVal[];
  expectedError: string | null;
  v0_111_3_same?: boolean;
  v0_111_3_tokens?: TypeVal[];
}
interface OnlyV0111Case {
  name: string;
  start: LexStart;
  input: string;
  expected_v0_111_3: TypeVal[];
  head_tokens: TypeVal[];
}

const cases = JSON.parse(readFileSync(new URL('../../fixtures/hugo/lexer-cases.json', import.meta.url), 'utf8')) as {
  tokenTypes: Record<string, string>;
  shortcodeLexerTests_hugoTable: TableCase[];
  frontMatterLexerTests_hugoTable: TableCase[];
  frontMatterLexerTests_onlyInV0_111_3Table: OnlyV0111Case[];
};

/** What Hugo's test compares: type and value of each item. */
const typeVals = (items: Item[]): TypeVal[] => items.map(({ type, val }) => ({ type, val }));

describe('token types', () => {
  it('uses exactly the token type names of the fixture', () => {
    expect([...ITEM_TYPES].sort()).toEqual(Object.keys(cases.tokenTypes).sort());
  });
});

describe.each([
  ['shortcodeLexerTests_hugoTable', cases.shortcodeLexerTests_hugoTable, 65],
  ['frontMatterLexerTests_hugoTable', cases.frontMatterLexerTests_hugoTable, 14],
] as const)('Hugo table %s', (_name, table, count) => {
  it('has all the cases', () => {
    expect(table).toHaveLength(count);
  });

  it.each(table.map((c) => [c.name, c] as const))('latest: %s', (_n, c) => {
    const got = typeVals(lex(c.input, { start: c.start }));
    expect(got).toEqual(c.expected);
    const last = got[got.length - 1]!;
    if (c.expectedError) expect(last).toEqual({ type: 'tError', val: c.expectedError });
    else expect(last.type).toBe('tEOF');
  });

  it.each(table.map((c) => [c.name, c] as const))('v0.111.3: %s', (_n, c) => {
    const expected = c.v0_111_3_same ? c.expected : c.v0_111_3_tokens;
    expect(expected).toBeDefined();
    expect(typeVals(lex(c.input, { start: c.start, compat: 'v0.111.3' }))).toEqual(expected);
  });
});

describe('Hugo table frontMatterLexerTests_onlyInV0_111_3Table', () => {
  const table = cases.frontMatterLexerTests_onlyInV0_111_3Table;
  it('has all the cases', () => expect(table).toHaveLength(4));
  it.each(table.map((c) => [c.name, c] as const))('latest lexes as HEAD does: %s', (_n, c) => {
    expect(typeVals(lex(c.input, { start: c.start }))).toEqual(c.head_tokens);
  });
  it.each(table.map((c) => [c.name, c] as const))('v0.111.3 lexes as v0.111.3 does: %s', (_n, c) => {
    expect(typeVals(lex(c.input, { start: c.start, compat: 'v0.111.3' }))).toEqual(c.expected_v0_111_3);
  });
});

describe('lexer details beyond the tables', () => {
  const tv = (input: string, start: LexStart = 'lexMainSection') => typeVals(lex(input, { start }));

  it('splits trailing indentation off text, as Hugo emits it', () => {
    expect(tv('a\n  ')).toEqual([
      { type: 'tText', val: 'a\n' },
      { type: 'tIndentation', val: '  ' },
      { type: 'tEOF', val: '' },
    ]);
    expect(tv('{{< a >}} {{< b >}}').map((t) => t.type)).toContain('tIndentation');
  });

  it('keeps {{ that starts no shortcode as text', () => {
    expect(tv('a {{ b }} c')).toEqual([
      { type: 'tText', val: 'a ' },
      { type: 'tText', val: '{{ b }} c' },
      { type: 'tEOF', val: '' },
    ]);
  });

  it('takes only the first summary divider', () => {
    const items = tv('a<!--more-->  b<!--more-->');
    expect(items.filter((i) => i.type === 'TypeLeadSummaryDivider')).toEqual([
      { type: 'TypeLeadSummaryDivider', val: '<!--more-->  ' },
    ]);
  });

  it('reads a bare named value up to whitespace, swallowing a glued >}}', () => {
    const items = tv('{{< x src=/a.png>}}');
    expect(items[items.length - 1]).toEqual({ type: 'tError', val: 'unclosed shortcode action' });
  });

  it('drops every backslash of a value that contains \\"', () => {
    const items = tv('{{< x a="C:\\dir \\"x\\"" b="C:\\dir" >}}');
    expect(items.filter((i) => i.type === 'tScParamVal').map((i) => i.val)).toEqual(['C:dir "x"', 'C:\\dir']);
  });

  it('v0.111.3 does not accept \\f inside a tag, latest does', () => {
    expect(tv('{{< x\f>}}').map((t) => t.type)).toEqual(['tLeftDelimScNoMarkup', 'tScName', 'tRightDelimScNoMarkup', 'tEOF']);
    const legacy = typeVals(lex('{{< x\f>}}', { start: 'lexMainSection', compat: 'v0.111.3' }));
    expect(legacy[legacy.length - 1]).toEqual({
      type: 'tError',
      val: 'unrecognized character in shortcode action: U+000C. Note: Parameters with non-alphanumeric args must be quoted',
    });
  });

  it('formats runes like Go %#U', () => {
    expect(formatRune(0x25)).toBe("U+0025 '%'");
    expect(formatRune(0x1f600)).toBe("U+1F600 '😀'");
    expect(formatRune(0xa0)).toBe('U+00A0');
  });

  it('reads a shortcode at the top of a file without front matter as JSON front matter, as Hugo does', () => {
    expect(tv('{{< x >}}\ntext', 'lexIntroSection')[0]).toEqual({ type: 'TypeFrontMatterJSON', val: '{{< x >}}\n' });
  });

  it('records where the front matter block starts', () => {
    const items = lex('\ufeff\n---\na: 1\n---\nbody');
    const fm = items.find((i) => i.type === 'TypeFrontMatterYAML')!;
    expect(fm.blockStart).toBe(2);
    expect(fm.offset).toBe(6);
  });

  it('can start at an offset', () => {
    const src = 'xxxx{{< a >}}';
    const items = lex(src, { start: 'lexMainSection', from: 4 });
    expect(items[0]).toMatchObject({ type: 'tLeftDelimScNoMarkup', offset: 4 });
  });
});

describe('typedValue (Hugo ValTyped)', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', 'TRUE'],
    ['42', 42],
    ['-7', -7],
    ['007', 7],
    ['+3', 3],
    ['3.14', 3.14],
    ['1.0', 1],
    ['.5', 0.5],
    ['1.', '1.'],
    ['1e3', '1e3'],
    ['0x1F', '0x1F'],
    ['1_000', '1_000'],
    ['9223372036854775808', '9223372036854775808'],
    ['hello', 'hello'],
  ] as const)('%s', (val, want) => {
    expect(typedValue({ val })).toBe(want);
  });
  it('leaves quoted values as strings', () => {
    expect(typedValue({ val: '42', quoted: true })).toBe('42');
    expect(typedValue({ val: 'true', quoted: true })).toBe('true');
  });
});

describe('properties', () => {
  /** Hugo's trailing-indentation split, as a reference model for text without `{{` and dividers. */
  function expectedTextItems(s: string): TypeVal[] {
    if (s === '') return [];
    let k = s.length;
    while (k > 0 && ' \t\r'.includes(s[k - 1]!)) k--;
    if (k === s.length || (k > 0 && s[k - 1] !== '\n')) return [{ type: 'tText', val: s }];
    if (k === 0) return [{ type: 'tIndentation', val: s }];
    return [
      { type: 'tText', val: s.slice(0, k) },
      { type: 'tIndentation', val: s.slice(k) },
    ];
  }

  const plainText = fc
    .string({ unit: fc.constantFrom('a', 'é', '😀', ' ', '\t', '\n', '\r', '{', '}', '<', '>', '%', '-', '!', '\\', '"') })
    .filter((s) => !s.includes('{{') && !s.includes('<!--more-->'));

  it('text without {{ lexes to one tText equal to the input (plus EOF)', () => {
    fc.assert(
      fc.property(
        plainText.filter((s) => s.length > 0 && !/[ \t\r]$/.test(s)),
        (s) => {
          expect(typeVals(lex(s, { start: 'lexMainSection' }))).toEqual([
            { type: 'tText', val: s },
            { type: 'tEOF', val: '' },
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('text without {{ lexes to text plus Hugo trailing indentation', () => {
    fc.assert(
      fc.property(plainText, (s) => {
        expect(typeVals(lex(s, { start: 'lexMainSection' }))).toEqual([...expectedTextItems(s), { type: 'tEOF', val: '' }]);
      }),
      { numRuns: 300 },
    );
  });

  const pageLike = fc
    .array(
      fc.constantFrom(
        '{{<', '>}}', '{{%', '%}}', '/', ' ', '\n', '\r\n', '"', '`', '\\', '=', 'a', 'sc', 'x.inline', '1.5',
        '/*', '*/', '---', '+++', '{', '}', '#+T: x\n', '<!--more-->', '\ufeff', 'é', '😀', '<', '-->', '<!--',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('never throws, ends with EOF or error, and item offsets are monotone and slice the source', () => {
    fc.assert(
      fc.property(pageLike, fc.constantFrom<LexStart>('lexIntroSection', 'lexMainSection'), fc.constantFrom('latest', 'v0.111.3' as const), (src, start, compat) => {
        const items = lex(src, { start, compat });
        const last = items[items.length - 1]!;
        expect(['tEOF', 'tError']).toContain(last.type);
        expect(items.slice(0, -1).every((i) => i.type !== 'tEOF' && i.type !== 'tError')).toBe(true);
        let prevEnd = 0;
        for (const item of items) {
          if (item.type === 'tError') continue;
          expect(item.offset).toBeGreaterThanOrEqual(prevEnd);
          expect(item.end).toBeGreaterThanOrEqual(item.offset);
          expect(item.end).toBeLessThanOrEqual(src.length);
          const raw = src.slice(item.offset, item.end);
          if (raw !== item.val) expect(raw.replace(/\\/g, '')).toBe(item.val);
          prevEnd = item.end;
        }
        if (last.type === 'tEOF') expect(last.offset).toBe(src.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('in an error-free body every character is text, inside a tag, or a comment marker', () => {
    fc.assert(
      fc.property(pageLike, (src) => {
        const items = lex(src, { start: 'lexMainSection' });
        if (items[items.length - 1]!.type !== 'tEOF') return;
        const covered = new Array<boolean>(src.length).fill(false);
        const cover = (a: number, b: number) => {
          for (let i = a; i < b; i++) covered[i] = true;
        };
        let tagStart = -1;
        for (const item of items) {
          if (item.type === 'tText' || item.type === 'tIndentation' || item.type === 'TypeLeadSummaryDivider') {
            cover(item.offset, item.end);
            // An escaped shortcode: `{{<` as text, then the `/*` marker; `*/` sits before the closing text.
            if ((item.val === '{{<' || item.val === '{{%') && src.startsWith('/*', item.end)) cover(item.end, item.end + 2);
            if ((item.val === '>}}' || item.val === '%}}') && src.startsWith('*/', item.offset - 2)) cover(item.offset - 2, item.offset);
          } else if (item.type === 'tLeftDelimScNoMarkup' || item.type === 'tLeftDelimScWithMarkup') {
            tagStart = item.offset;
          } else if (item.type === 'tRightDelimScNoMarkup' || item.type === 'tRightDelimScWithMarkup') {
            cover(tagStart, item.end);
          }
        }
        expect(covered.every(Boolean)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
