/**
 * `hugo-prerender check`: per page, formulas found, typeset and failed with KaTeX's reason at the
 * formula's position; the site total; nothing written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, formatCheck } from '../../src/check.js';
import { formatDiagnostic } from '../../src/build.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { runCli } from '../helpers/prerender.js';

const site = path.join(PROJECT_ROOT, 'fixtures/math-check');

describe('checkSite', () => {
  it('counts formulas found, typeset and failed per page and in total', async () => {
    const r = await checkSite(site);
    const mixed = r.pages.find((p) => p.file === 'content/posts/mixed.md')!;
    expect(mixed).toMatchObject({ found: 5, typeset: 3 });
    const failed = mixed.formulas.filter((f) => f.error !== undefined);
    expect(failed.map((f) => [f.line, f.column])).toEqual([
      [11, 12],
      [11, 28],
    ]);
    expect(failed[1]!.error).toMatch(/\\foo/);
    expect(r.pages.find((p) => p.file === 'content/posts/plain.md')).toMatchObject({ found: 0, typeset: 0 });
    expect(r).toMatchObject({ found: 5, typeset: 3 });
    expect(existsSync(path.join(site, '.prerender'))).toBe(false);
  });

  it('prints one line per page with math, its failures located, and the total', async () => {
    const text = formatCheck(await checkSite(site), { formatDiagnostic });
    expect(text).toContain('content/posts/mixed.md: 5 formulas found, 3 typeset, 2 failed');
    expect(text).toMatch(/^ {2}content\/posts\/mixed\.md:11:\d+: warning: .*\\foo/m);
    expect(text).not.toContain('plain.md');
    expect(text.trim().split('\n').at(-1)).toBe('hugo-prerender check: 2 pages, 5 formulas found, 3 typeset (60.0 %), 2 failed');
  });
});

describe('hugo-prerender check', () => {
  it('exits 1 when a formula fails, and 0 on a site whose formulas all typeset', () => {
    const bad = runCli(['check', '-s', site]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('hugo-prerender check: 2 pages, 5 formulas found, 3 typeset (60.0 %), 2 failed');
    const good = runCli(['check', '-s', path.join(PROJECT_ROOT, 'fixtures/site')]);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/hugo-prerender check: \d+ pages, \d+ formulas found, (\d+) typeset \(100\.0 %\), 0 failed/);
  });
});
