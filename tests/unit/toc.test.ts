import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableOfContentsHtml, type TocEntry } from '../../src/render/toc.js';

const FIX = path.resolve(__dirname, '../../fixtures/everywhere');
// The page Hugo 0.111.3 and 0.169.0 built these from (identical output in both):
// ### Three first / ## Two `code` *em* / #### Four / # One / ## Two b / ##### Five / ## Two c
const entries: TocEntry[] = [
  { level: 3, id: 'three-first', titleHtml: 'Three first' },
  { level: 2, id: 'two-code-em', titleHtml: 'Two <code>code</code> <em>em</em>' },
  { level: 4, id: 'four', titleHtml: 'Four' },
  { level: 1, id: 'one', titleHtml: 'One' },
  { level: 2, id: 'two-b', titleHtml: 'Two b' },
  { level: 5, id: 'five', titleHtml: 'Five' },
  { level: 2, id: 'two-c', titleHtml: 'Two c' },
];

describe('tableOfContentsHtml matches Hugo byte for byte', () => {
  it('default levels 2–3, unordered', () => {
    expect(tableOfContentsHtml(entries) + '\n').toBe(readFileSync(path.join(FIX, 'toc-default.html'), 'utf8'));
  });
  it('startLevel 1, endLevel 5, ordered', () => {
    expect(tableOfContentsHtml(entries, { startLevel: 1, endLevel: 5, ordered: true }) + '\n').toBe(
      readFileSync(path.join(FIX, 'toc-1-5-ordered.html'), 'utf8'),
    );
  });
  it('no headings: an empty nav, like Hugo', () => {
    expect(tableOfContentsHtml([])).toBe('<nav id="TableOfContents"></nav>');
  });
  it('endLevel -1 keeps every level', () => {
    expect(tableOfContentsHtml(entries, { startLevel: 2, endLevel: -1, ordered: false })).toContain('href="#five"');
    expect(tableOfContentsHtml(entries)).not.toContain('href="#five"');
  });
});
