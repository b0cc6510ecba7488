import { describe, expect, it } from 'vitest';
import {
  checkMatrixShape,
  normaliseWeights,
  parseAttentionMatrix,
  peakedWeights,
  splitTokens,
} from '../../src/render/attention-data.js';

const msgs = (r: { problems: { message: string }[] }) => r.problems.map((p) => p.message);

describe('parseAttentionMatrix: plain rows', () => {
  it('reads whitespace- and comma-separated rows, ignoring blank lines and trailing commas', () => {
    const r = parseAttentionMatrix('\n0.9 0.1\n\n0.2, 0.8,\r\n .5\t,0.5 \n');
    expect(msgs(r)).toEqual([]);
    expect(r.matrix).toEqual([
      [0.9, 0.1],
      [0.2, 0.8],
      [0.5, 0.5],
    ]);
  });

  it('accepts exponents and integers', () => {
    expect(parseAttentionMatrix('1e-3 2E+0 3').matrix).toEqual([[0.001, 2, 3]]);
  });

  it('names row and column of a non-number', () => {
    const r = parseAttentionMatrix('0.5 0.5\n0.1 abc');
    expect(r.matrix).toBeUndefined();
    expect(msgs(r)).toEqual([expect.stringContaining('row 2, column 2 is "abc", which is not a number')]);
  });

  it('rejects NaN and Infinity spelled out', () => {
    const r = parseAttentionMatrix('NaN 1\nInfinity 0');
    expect(msgs(r)).toHaveLength(2);
    expect(msgs(r)[0]).toMatch(/row 1, column 1 is "NaN"/);
    expect(msgs(r)[1]).toMatch(/row 2, column 1 is "Infinity"/);
  });

  it('names a negative value and says what to do', () => {
    const r = parseAttentionMatrix('0.5 0.5\n-0.2 1.2');
    expect(msgs(r)).toEqual([expect.stringMatching(/row 2, column 1 is -0\.2; attention weights cannot be negative/)]);
  });

  it('reports ragged rows against row 1', () => {
    const r = parseAttentionMatrix('0.1 0.2 0.7\n0.5 0.5\n0.3 0.3 0.4');
    expect(msgs(r)).toEqual([
      'row 2 has 2 values but row 1 has 3; every row needs one value per source token',
    ]);
  });

  it('reports an empty value between two commas', () => {
    const r = parseAttentionMatrix('0.5,,0.5');
    expect(msgs(r)[0]).toMatch(/row 1, column 2 is empty/);
  });

  it('reports empty content', () => {
    expect(msgs(parseAttentionMatrix(' \n \n'))[0]).toMatch(/inner content is empty/);
  });

  it('caps a long list of problems with a summary line', () => {
    const r = parseAttentionMatrix(Array.from({ length: 20 }, () => 'x y').join('\n'));
    expect(msgs(r)).toHaveLength(9);
    expect(msgs(r)[8]).toBe('… and 32 more problems like these');
  });

  it('rejects matrices too large to draw', () => {
    const row = Array.from({ length: 65 }, () => '0.1').join(' ');
    expect(msgs(parseAttentionMatrix(row))[0]).toMatch(/1 × 65; at most 64/);
  });
});

describe('parseAttentionMatrix: where each problem is', () => {
  // Each problem's `at` is an offset into the text given: the host reports it at that line and column of the page.
  const at = (text: string) => parseAttentionMatrix(text).problems.map((p) => (p.at === undefined ? undefined : text.slice(p.at, p.at + 6)));

  it('in plain rows: at the value, at the first value too many, at a row with too few', () => {
    expect(at('\n  0.5 0.5\n0.1   abc\n')).toEqual(['abc\n']);
    expect(at('0.5,,0.5')).toEqual([',0.5']);
    expect(at('0.5 0.5\r\n\r\n -0.25 1.2')).toEqual(['-0.25 ']);
    expect(at('0.1 0.2\n0.3 0.4 0.9\n 0.5\n')).toEqual(['0.9\n 0', '0.5\n']);
    expect(at('1e400, 0\n0, 1')).toEqual(['1e400,']);
  });

  it('in JSON: at the value or the row, at the position V8 names when it is not JSON', () => {
    expect(at('[[0.5, "0,]5"], [0.5,\n -1]]')).toEqual(['"0,]5"', '-1]]']);
    expect(at(' [[0.5, 0.5], 3, []]')).toEqual(['3, []]', '[]]']);
    expect(at('[[0.5, 0.5], [0.5 0.5]]')).toEqual(['0.5]]']);
  });

  it('nowhere when the problem is the whole matrix', () => {
    expect(parseAttentionMatrix('   ').problems[0]!.at).toBeUndefined();
    expect(parseAttentionMatrix('[]').problems[0]!.at).toBeUndefined();
  });
});

describe('parseAttentionMatrix: JSON', () => {
  it('reads an array of arrays', () => {
    expect(parseAttentionMatrix(' [[0.9, 0.1], [0.25, 0.75]] ').matrix).toEqual([
      [0.9, 0.1],
      [0.25, 0.75],
    ]);
  });

  it('explains invalid JSON and the alternative', () => {
    const r = parseAttentionMatrix('[[0.9, 0.1], [0.2, 0.8]');
    expect(msgs(r)).toHaveLength(1);
    expect(msgs(r)[0]).toMatch(/read as JSON, but it is not valid JSON/);
    expect(msgs(r)[0]).toMatch(/plain rows of numbers/);
  });

  it('names non-number entries, non-array rows and empty rows', () => {
    const r = parseAttentionMatrix('[[0.5, "0.5"], 3, [], [null, 1]]');
    expect(msgs(r)).toEqual([
      'row 2 of the JSON is 3, not an array; every row must be an array of numbers',
      'row 3 of the JSON is empty; every row needs one number per source token',
    ]);
    const r2 = parseAttentionMatrix('[[0.5, "0.5"], [null, 1]]');
    expect(msgs(r2)).toEqual([
      'row 1, column 2 is the string "0.5", not a number; write numbers without quotes, such as 0.25',
      'row 2, column 1 is "null", which is not a number; write a number such as 0.25',
    ]);
  });

  it('names a number too large for a double (it would be Infinity), in rows and in JSON, instead of failing to draw', () => {
    for (const text of ['1e400 0\n0 1', '[[1e400, 0], [0, 1]]']) {
      expect(msgs(parseAttentionMatrix(text)), text).toEqual([
        expect.stringMatching(/^row 1, column 1 is (1e400|Infinity), larger than any number can be here \(about 1\.8e308\); attention weights lie between 0 and 1/),
      ]);
    }
  });

  it('rejects a non-array or empty top level', () => {
    expect(msgs(parseAttentionMatrix('[]'))[0]).toMatch(/non-empty array of rows/);
  });

  it('reports ragged JSON rows and negative values', () => {
    const r = parseAttentionMatrix('[[1, 0], [0.5], [0, -1]]');
    expect(msgs(r)).toEqual([
      expect.stringMatching(/^row 3, column 2 is -1;/),
      'row 2 has 1 value but row 1 has 2; every row needs one value per source token',
    ]);
  });
});

describe('checkMatrixShape', () => {
  const m = [
    [0.5, 0.5, 0],
    [0, 0.5, 0.5],
  ];
  it('accepts matching tokens or absent ones', () => {
    expect(checkMatrixShape(m, ['a', 'b', 'c'], ['x', 'y'])).toEqual([]);
    expect(checkMatrixShape(m, undefined, undefined)).toEqual([]);
  });
  it('names the parameter and both counts', () => {
    expect(checkMatrixShape(m, ['a', 'b'], ['x', 'y', 'z'])).toEqual([
      {
        param: 'target',
        message: 'the matrix has 2 rows but target= has 3 tokens ("x", "y", "z"); give one row per target token',
      },
      {
        param: 'source',
        message:
          'the matrix has 3 columns but source= has 2 tokens ("a", "b"); give one number per source token in every row',
      },
    ]);
  });
});

describe('splitTokens', () => {
  it('splits on whitespace so punctuation can be a token', () => {
    expect(splitTokens(' the cat ,  sat . ')).toEqual(['the', 'cat', ',', 'sat', '.']);
  });
  it('returns undefined for blank or absent values', () => {
    expect(splitTokens('  ')).toBeUndefined();
    expect(splitTokens(undefined)).toBeUndefined();
  });
});

describe('weights', () => {
  it('normalises and flags sums far from 1', () => {
    expect(normaliseWeights([1, 1, 2])).toEqual({ weights: [0.25, 0.25, 0.5], sum: 4, rescaled: true });
    expect(normaliseWeights([0.33, 0.33, 0.33])!.rescaled).toBe(false);
    // A sum past the largest double keeps the proportions (each weight was 0 after dividing by Infinity).
    expect(normaliseWeights([1e308, 1e308, 0])).toEqual({ weights: [0.5, 0.5, 0], sum: Infinity, rescaled: true });
    expect(normaliseWeights([0, 0])).toBeUndefined();
  });
  it('default weights peak where asked and sum to 1', () => {
    for (const n of [1, 2, 4, 7]) {
      for (let p = 0; p < n; p++) {
        const w = peakedWeights(n, p);
        expect(w).toHaveLength(n);
        expect(Math.max(...w)).toBe(w[p]);
        expect(Math.round(w.reduce((a, b) => a + b, 0) * 100)).toBe(100);
        expect(w.every((x) => x >= 0)).toBe(true);
      }
    }
    expect(peakedWeights(4, 1)).toEqual([0.18, 0.59, 0.18, 0.05]);
  });
});
