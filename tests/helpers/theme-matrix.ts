/**
 * The per-theme × Hugo-version table of docs/themes.md, generated from the tests that back it.
 *
 * A test that backs a cell is declared with `MatrixRecorder.it(row, theme, hugoVersion, title, fn)`. When
 * it passes it records "yes" (with an optional note) for that row, theme and Hugo version; a known gap is
 * declared with `gap` (an `it.fails` test: it must still fail, and records "no" with the reason). After
 * the file's tests, the recorder compares what this run recorded with the committed results of that file
 * (docs/themes-results/FILE.json) for the Hugo versions that ran, and fails the file when they differ. With
 * UPDATE_THEMES_DOC=1 (`npm run docs:themes`) it writes the results instead and regenerates the table
 * in docs/themes.md; tests/unit/themes-doc.test.ts fails when that table is not what the committed
 * results give, or when a cell has neither a result for each Hugo version nor a reason in NOT_APPLICABLE.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, it } from 'vitest';
import { PROJECT_ROOT } from './hugo.js';

/** The columns: the theme sites of fixtures/themes, as their themes are called. */
export const MATRIX_THEMES: readonly [id: string, label: string][] = [
  ['papermod', 'PaperMod'],
  ['hextra', 'Hextra'],
  ['hugo-book', 'hugo-book'],
  ['ananke', 'Ananke'],
  ['congo', 'Congo'],
  ['loveit', 'LoveIt'],
  ['ezhil', 'ezhil'],
  ['doks', 'Doks (real, from npm)'],
];

/** The rows, in the order of the table. */
export const MATRIX_ROWS: readonly [id: string, label: string][] = [
  ['build', '`init` and the one hook file; build without an error or a warning'],
  ['hook', 'the hook file links the KaTeX stylesheet and figure styles'],
  ['math', 'math in the body typeset, no TeX visible'],
  ['diagrams', 'every diagram and plot drawn'],
  ['figure', "`figure`: the theme's own keeps its parameters, else ours typesets the caption's math"],
  ['shortcodes', "math inside the theme's own shortcodes typeset"],
  ['toc', 'table of contents: heading math once, readable, no placeholder'],
  ['toc-links', 'every link of the table of contents leads to a heading'],
  ['meta', 'meta description: each formula once, readable'],
  ['og', 'og:description: each formula once, readable'],
  ['summary', 'plain-text list summary: each formula once, readable'],
  ['search', 'search index (`.Plain`): each formula once, readable'],
  ['rss', 'RSS item: each formula once (bare MathML), readable'],
  ['dark', "diagrams follow the theme's dark-mode toggle (Chromium)"],
];

/** The Hugo versions the table reports (tests/helpers/hugo.ts). */
export const MATRIX_HUGO = ['0.111.3', '0.169.0'] as const;

/** Cells no test can back, because the theme (as modelled in fixtures/themes) has no such thing. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  'shortcodes/papermod': 'no shortcode of its own with content',
  'shortcodes/ananke': 'no shortcode of its own with content',
  'shortcodes/ezhil': 'no shortcode of its own with content',
  'toc/ananke': 'no table of contents',
  'toc/ezhil': 'no table of contents',
  'toc-links/ananke': 'no table of contents',
  'toc-links/ezhil': 'no table of contents',
  'meta/loveit': 'no meta description in the model',
  'meta/ezhil': 'no meta description',
  'og/hextra': 'no og:description in the model',
  'og/hugo-book': 'no og:description in the model',
  'og/ananke': 'no og:description in the model',
  'og/congo': 'no og:description in the model',
  'og/loveit': 'no og:description in the model',
  'summary/hugo-book': 'list pages without a summary',
  'summary/ananke': 'list summaries as HTML, not plain text',
  'summary/congo': 'list summaries as HTML, not plain text',
  'summary/loveit': 'list summaries as HTML, not plain text',
  'summary/ezhil': 'list summaries as HTML, not plain text',
  'search/hextra': 'no search index in the model',
  'search/hugo-book': 'no search index in the model',
  'search/ananke': 'no search index',
  'search/congo': 'no search index in the model',
  'search/loveit': 'no search index in the model',
  'search/ezhil': 'no search index',
  'dark/ananke': 'no dark mode',
  'meta/doks': "from the page's or the site's `description`, not from content",
  'summary/doks': 'list pages show the front matter `summary`, not content',
};

export interface CellResult {
  /** "n/a": the theme itself does not build with that Hugo (its `build` cell says why). */
  result: 'yes' | 'no' | 'n/a';
  /** What the cell shows after yes/no (the theme's mechanism, or for "no" why). */
  note?: string;
  /** `file › title` of the test behind it. */
  test: string;
}

/** Results of one test file: `row/theme` → Hugo version → result. */
export type MatrixResults = Record<string, Record<string, CellResult>>;

const RESULTS_DIR = path.join(PROJECT_ROOT, 'docs/themes-results');
const DOC = path.join(PROJECT_ROOT, 'docs/themes.md');
const BEGIN = '<!-- themes-table: generated by `npm run docs:themes` from docs/themes-results/*.json -->';
const END = '<!-- /themes-table -->';

function sortedResults(r: MatrixResults): MatrixResults {
  const out: MatrixResults = {};
  for (const k of Object.keys(r).sort()) {
    out[k] = {};
    for (const v of Object.keys(r[k]!).sort()) out[k]![v] = r[k]![v]!;
  }
  return out;
}

/** Every committed results file, merged. */
export function committedResults(dir = RESULTS_DIR): MatrixResults {
  const all: MatrixResults = {};
  if (!existsSync(dir)) return all;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as MatrixResults;
    for (const [k, byVersion] of Object.entries(r)) all[k] = { ...(all[k] ?? {}), ...byVersion };
  }
  return all;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** One cell: the result for each Hugo version (0.111.3 · 0.169.0) and its note, or why there is none. */
function cell(results: MatrixResults, row: string, theme: string): string {
  const key = `${row}/${theme}`;
  const na = NOT_APPLICABLE[key];
  if (na) return `– (${na})`;
  const byVersion = results[key] ?? {};
  const shown = MATRIX_HUGO.map((v) => {
    const r = byVersion[v];
    return r ? (r.result === 'yes' ? 'yes' : r.result === 'n/a' ? 'n/a' : '**no**') : '**untested**';
  }).join(' · ');
  const notes = [...new Set(MATRIX_HUGO.map((v) => byVersion[v]?.note).filter((n): n is string => !!n))];
  return escapeCell(notes.length ? `${shown}: ${notes.join('; ')}` : shown);
}

/** The generated part of docs/themes.md: the table and, per row, the tests behind it. */
export function renderMatrix(results: MatrixResults): string {
  const head = `| | ${MATRIX_THEMES.map(([, l]) => l).join(' | ')} |\n|---|${MATRIX_THEMES.map(() => '---|').join('')}\n`;
  const rows = MATRIX_ROWS.map(([id, label]) => `| ${escapeCell(label)} | ${MATRIX_THEMES.map(([t]) => cell(results, id, t)).join(' | ')} |\n`).join('');
  const tests = MATRIX_ROWS.map(([id, label]) => {
    // One line for the tests that differ only in the theme they start with.
    const generic = (test: string, theme: string) => test.replace(` › ${theme}`, ' › ‹theme›');
    const names = [
      ...new Set(
        Object.entries(results)
          .filter(([k]) => k.startsWith(`${id}/`))
          .flatMap(([k, byVersion]) =>
            Object.values(byVersion)
              // A skipped cell (n/a without a reason of its own) has no test behind it.
              .filter((r) => r.result !== 'n/a' || r.note !== undefined)
              .map((r) => generic(r.test, k.slice(id.length + 1))),
          ),
      ),
    ].sort();
    return `- ${label}:\n${names.map((n) => `  - \`${n}\`\n`).join('')}`;
  }).join('');
  return (
    `${BEGIN}\n\nEach cell: Hugo ${MATRIX_HUGO.join(' · Hugo ')}. "yes" is a test that passed with that Hugo, "**no**" a ` +
    'test that is expected to fail (the reason follows), "–" a thing the theme does not have, "n/a" a Hugo version ' +
    'the theme itself does not build with (its first row says why).\n\n' +
    `${head}${rows}\nThe tests behind each row (each run once per Hugo version):\n\n${tests}\n${END}`
  );
}

/** docs/themes.md with its generated part replaced (it must have the markers). */
export function updateMatrixDoc(doc: string, results: MatrixResults): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/themes.md has no ${BEGIN} … ${END} block`);
  return doc.slice(0, a) + renderMatrix(results) + doc.slice(b + END.length);
}

/** Records the cells one test file backs; see the top of this file. */
export class MatrixRecorder {
  private readonly recorded: MatrixResults = {};
  private readonly versions = new Set<string>();
  /** `row/theme/version` of every test declared, and of those that ran (a -t filter skips some). */
  private readonly declared = new Set<string>();
  private readonly ran = new Set<string>();

  /** `file`: the test file's path from the project root (its results go to docs/themes-results/NAME.json). */
  constructor(private readonly file: string) {
    afterAll(() => this.finish());
  }

  private put(row: string, theme: string, version: string, r: CellResult): void {
    (this.recorded[`${row}/${theme}`] ??= {})[version] = r;
  }

  /**
   * A cell of a Hugo version the theme itself does not build with: a skipped test, recorded as "n/a".
   * The reason is said once, by the test of the theme's `build` cell (`it` with `unbuildable`).
   */
  skip(row: string, theme: string, version: string, title: string, reason: string): void {
    this.versions.add(version);
    const id = `${row}/${theme}/${version}`;
    if (this.declared.has(id)) throw new Error(`two tests back the cell ${id}`);
    this.declared.add(id);
    this.ran.add(id);
    this.put(row, theme, version, { result: 'n/a', test: `${this.file} › ${title}` });
    it.skip(`${title} (skipped: ${reason})`, () => {});
  }

  /**
   * `unbuildable`: the test shows that the theme itself does not build with that Hugo (it passes when the
   * build fails for the reason given), recorded as "n/a" with that reason.
   */
  it(
    row: string,
    theme: string,
    version: string,
    title: string,
    fn: () => unknown | Promise<unknown>,
    opts: { note?: string; gap?: string; unbuildable?: string; timeout?: number } = {},
  ): void {
    this.versions.add(version);
    const id = `${row}/${theme}/${version}`;
    if (this.declared.has(id)) throw new Error(`two tests back the cell ${id}`);
    this.declared.add(id);
    const test = `${this.file} › ${title}`;
    if (opts.gap) {
      this.put(row, theme, version, { result: 'no', note: opts.gap, test });
      it.fails(
        `${title} (not yet: ${opts.gap})`,
        async () => {
          this.ran.add(id);
          await fn();
        },
        opts.timeout,
      );
      return;
    }
    it(
      title,
      async () => {
        this.ran.add(id);
        await fn();
        if (opts.unbuildable) this.put(row, theme, version, { result: 'n/a', note: opts.unbuildable, test });
        else this.put(row, theme, version, { result: 'yes', ...(opts.note ? { note: opts.note } : {}), test });
      },
      opts.timeout,
    );
  }

  private finish(): void {
    const name = path.basename(this.file).replace(/\.test\.ts$/, '.json');
    const target = path.join(RESULTS_DIR, name);
    const committed: MatrixResults = existsSync(target) ? (JSON.parse(readFileSync(target, 'utf8')) as MatrixResults) : {};
    // Only the cells whose test ran here (a missing Hugo skips its tests outside CI, -t skips others).
    const only = (r: MatrixResults): MatrixResults => {
      const out: MatrixResults = {};
      for (const [k, byVersion] of Object.entries(r)) {
        for (const [v, c] of Object.entries(byVersion)) if (this.ran.has(`${k}/${v}`)) (out[k] ??= {})[v] = c;
      }
      return sortedResults(out);
    };
    // A committed cell of a Hugo version tested here that no test of this file backs any more.
    const stale = Object.entries(committed).flatMap(([k, byVersion]) =>
      Object.keys(byVersion)
        .filter((v) => this.versions.has(v) && !this.declared.has(`${k}/${v}`))
        .map((v) => `${k}/${v}`),
    );
    if (process.env.UPDATE_THEMES_DOC) {
      const merged: MatrixResults = {};
      // Committed cells whose test did not run here are kept (a Hugo missing, a -t filter), unless no test backs them any more.
      for (const [k, byVersion] of Object.entries(committed)) {
        for (const [v, c] of Object.entries(byVersion)) {
          const id = `${k}/${v}`;
          if (!this.ran.has(id) && (this.declared.has(id) || !this.versions.has(v))) (merged[k] ??= {})[v] = c;
        }
      }
      for (const [k, byVersion] of Object.entries(this.recorded)) merged[k] = { ...(merged[k] ?? {}), ...byVersion };
      mkdirSync(RESULTS_DIR, { recursive: true });
      writeFileSync(target, `${JSON.stringify(sortedResults(merged), null, 2)}\n`);
      writeFileSync(DOC, updateMatrixDoc(readFileSync(DOC, 'utf8'), committedResults()));
      return;
    }
    const got = JSON.stringify(only(this.recorded), null, 2);
    const want = JSON.stringify(only(committed), null, 2);
    if (got !== want || stale.length > 0) {
      throw new Error(
        `${path.relative(PROJECT_ROOT, target)} (the results docs/themes.md reports) differs from this run's; if a test failed, fix it, else run \`npm run docs:themes\`.\nno test any more: ${stale.join(', ') || 'none'}\nthis run: ${got}\ncommitted: ${want}`,
      );
    }
  }
}
