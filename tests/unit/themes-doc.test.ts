/**
 * docs/themes.md's per-theme × Hugo-version table is what the committed test results give
 * (docs/themes-results/*.json, written by `npm run docs:themes`; tests/helpers/theme-matrix.ts), and
 * every cell is backed: a result for each Hugo version, or a reason why the theme has no such thing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedResults, MATRIX_HUGO, MATRIX_ROWS, MATRIX_THEMES, NOT_APPLICABLE, renderMatrix, updateMatrixDoc } from '../helpers/theme-matrix.js';

const doc = readFileSync(new URL('../../docs/themes.md', import.meta.url), 'utf8');

describe('docs/themes.md', () => {
  it('holds the table the committed results give (run `npm run docs:themes` to fix)', () => {
    expect(updateMatrixDoc(doc, committedResults())).toBe(doc);
  });

  it('backs every cell with a test result for each Hugo version, or says why the theme has none; no result for a cell said to have none', () => {
    const results = committedResults();
    const unbacked: string[] = [];
    for (const [row] of MATRIX_ROWS) {
      for (const [theme] of MATRIX_THEMES) {
        const key = `${row}/${theme}`;
        const versions = Object.keys(results[key] ?? {}).sort();
        if (NOT_APPLICABLE[key]) expect(versions, key).toEqual([]);
        else if (versions.join() !== [...MATRIX_HUGO].sort().join()) unbacked.push(`${key}: ${versions.join(', ') || 'no result'}`);
      }
    }
    expect(unbacked).toEqual([]);
    const known = new Set(MATRIX_ROWS.flatMap(([r]) => MATRIX_THEMES.map(([t]) => `${r}/${t}`)));
    expect(Object.keys(results).filter((k) => !known.has(k))).toEqual([]);
  });

  it('shows a gap as **no** with its reason, and a cell without a result as **untested**', () => {
    const table = renderMatrix({ 'toc/papermod': { '0.111.3': { result: 'no', note: 'why', test: 't' }, '0.169.0': { result: 'yes', test: 't' } } });
    const row = table.split('\n').find((l) => l.startsWith('| table of contents'))!;
    expect(row.split(' | ')[1]).toBe('**no** · yes: why');
    expect(row.split(' | ')[2]).toBe('**untested** · **untested**');
  });
});
