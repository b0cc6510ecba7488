import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { containerDepth, DEFAULT_LIMITS, pageBudget } from '../../src/content/limits.js';
import { buildSite } from '../../src/build.js';
import { tempSites } from '../helpers/temp-site.js';
import { prerenderOptions } from '../../src/site/config.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv as makeEnv } from '../helpers/page-env.js';

describe('containerDepth', () => {
  it.each([
    ['plain text', 'a\nb\n', 0],
    ['a blockquote', '> a\n', 1],
    ['nested blockquotes', '> > > a\n', 3],
    ['blockquotes without spaces', '>>>>a\n', 4],
    ['list items on one line', '- 1. * a\n', 3],
    ['nested lists on their own lines', '- a\n  - b\n    - c\n', 3],
    ['a thematic break is not a list', '- - - -\n* * *\n', 0],
    ['an indented code line is not nesting', '                    code\n', 0],
    ['an ordered marker needs a space', '1.5 is a number\n', 0],
  ])('%s', (_, text, depth) => {
    expect(containerDepth(text).depth).toBe(depth);
  });

  it('gives the offset of the deepest line', () => {
    const text = 'a\n> b\n> > c\n';
    expect(containerDepth(text)).toEqual({ depth: 2, offset: text.indexOf('> > c') });
  });
});

describe('page limits', () => {
  const page = (body: string) => `---\ntitle: t\n---\n${body}\n`;

  it('a page over each limit gets one located error naming the setting, and no shadow', async () => {
    const cases: [string, string, RegExp][] = [
      ['nesting', page('text\n\n' + '>'.repeat(40_000) + ' deep'), /65|40000 levels.*params\.prerender\.limits\.nesting/],
      ['formulas', page('$x$ '.repeat(DEFAULT_LIMITS.formulas + 5)), /more than 10000 formulas, over the limit of 10000.*params\.prerender\.limits\.formulas/],
      ['shortcodes', page('{{< foo >}} '.repeat(DEFAULT_LIMITS.shortcodes + 1)), /10001 shortcodes.*params\.prerender\.limits\.shortcodes/],
      ['bytes', page('a'.repeat(DEFAULT_LIMITS.pageBytes)), /bytes, over the limit of 2097152.*params\.prerender\.limits\.pageBytes/],
    ];
    for (const [name, source, message] of cases) {
      const r = await prerenderPage(source, makeEnv());
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, name).toHaveLength(1);
      expect(errors[0]!.code).toBe('limit');
      expect(errors[0]!.message).toMatch(message);
      expect(errors[0]!.line, name).toBeGreaterThan(0);
      expect(r.failed).toBe(true);
      expect(r.shadow).toBeUndefined();
    }
  });

  it('the formulas error points at the first formula over the limit, found while parsing', async () => {
    const limits = { ...DEFAULT_LIMITS, formulas: 10 };
    const source = page('[$x$](u) '.repeat(9) + '\n\n$$y$$ `$c$` $z$ $w$ [$v$](u)');
    const r = await prerenderPage(source, { ...makeEnv(), settings: { ...makeEnv().settings, limits } });
    const e = r.diagnostics.find((d) => d.code === 'limit')!;
    expect(e.message).toMatch(/more than 10 formulas, over the limit of 10/);
    expect(e.offset).toBe(source.indexOf('$z$'));
    expect(r.shadow).toBeUndefined();
  });

  it('the nesting error points at the deepest line', async () => {
    const r = await prerenderPage(page('a\n\n' + '> '.repeat(100) + 'b'), makeEnv());
    const e = r.diagnostics.find((d) => d.code === 'limit')!;
    expect([e.line, e.column]).toEqual([6, 1]);
  });

  it('a page at the limits is prerendered', async () => {
    const r = await prerenderPage(page('> '.repeat(DEFAULT_LIMITS.nesting) + '$x$'), makeEnv());
    expect(r.failed).toBe(false);
    expect(r.stats.formulas).toBe(1);
  });

  it('limits come from params.prerender.limits; bad values are warnings', () => {
    const { options, diagnostics } = prerenderOptions({ params: { prerender: { limits: { Nesting: 200, formulas: -1, nope: 3 } } } });
    expect(options.limits).toEqual({ ...DEFAULT_LIMITS, nesting: 200 });
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/limits\.formulas = -1 is not a positive whole number; using 10000/),
      expect.stringMatching(/limits\.nope is not a limit/),
    ]);
  });
});

describe('the time and memory budget of a page (pageSeconds, pageMemoryMB)', () => {
  const site = tempSites('hp-budget-');
  // Distinct formulas that each use up most of the token budget: about 40 ms each (measured: 3,000 of
  // them took 132 s before the budget), so this page alone would take a minute or more.
  const runaway = (n: number) =>
    '---\ntitle: runaway\n---\n\nIntro.\n\n' +
    Array.from({ length: n }, (_, i) => `$$\\def\\a{x_{${i}}y}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b}\\c\\c\\c$$\n\n`).join('');

  it('a page past pageSeconds is stopped with one located error; the other pages get their output', async () => {
    const dir = site({
      'hugo.toml': 'baseURL = "https://example.org/"\n[params.prerender.limits]\npageSeconds = 1\n',
      'content/posts/a-innocent.md': '---\ntitle: a\n---\n\n$x^2$ before.\n',
      'content/posts/b-runaway.md': runaway(300),
      'content/posts/c-innocent.md': '---\ntitle: c\n---\n\n$y^2$ after.\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const e = errors[0]!;
    expect(e).toMatchObject({ file: 'content/posts/b-runaway.md', code: 'limit', column: 1 });
    // Stopped at one of its formulas (each on a line of its own, from line 7, two lines apart).
    expect(e.line).toBeGreaterThanOrEqual(7);
    expect(e.line % 2).toBe(1);
    expect(e.message).toMatch(/^prerendering this page took more than 1 s and was stopped at this formula, so it was not prerendered \(it keeps the copy the last build wrote, which Hugo's staleness check reports; a page without one is rendered by Hugo as it is\)\. .*params\.prerender\.limits\.pageSeconds/);
    expect(existsSync(path.join(dir, '.prerender/content/posts/b-runaway.md'))).toBe(false);
    for (const name of ['a-innocent', 'c-innocent']) {
      expect(readFileSync(path.join(dir, `.prerender/content/posts/${name}.md`), 'utf8')).toContain('class="katex"');
    }
  });

  it('a page past pageMemoryMB is stopped the same way', async () => {
    const dir = site({
      'hugo.toml': 'baseURL = "https://example.org/"\n[params.prerender.limits]\npageMemoryMB = 1\n',
      'content/posts/big.md': '---\ntitle: big\n---\n\n' + Array.from({ length: 3000 }, (_, i) => `$$\\sum_{k=${i}}^{n} \\frac{a_k}{b_k + ${i}}$$\n\n`).join(''),
      'content/posts/small.md': '$z$\n',
    });
    const r = await buildSite({ source: dir });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.code])).toEqual([['content/posts/big.md', 'limit']]);
    expect(errors[0]!.message).toMatch(/allocated more than 1 MB and was stopped at this formula.*params\.prerender\.limits\.pageMemoryMB/);
    expect(existsSync(path.join(dir, '.prerender/content/posts/big.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content/posts/small.md'))).toBe(true);
  });

  it('stops at the shortcode or formula it was about to render (clock and heap given)', async () => {
    let t = 0;
    const env = makeEnv();
    env.settings.limits = { ...DEFAULT_LIMITS, pageSeconds: 3 };
    env.budget = pageBudget(env.settings.limits, () => (t += 1000), () => 0);
    const r = await prerenderPage('---\ntitle: t\n---\n$a$\n$b$\n$c$\n$d$\n$e$\n', env);
    expect(r).toMatchObject({ failed: true, held: true });
    expect(r.shadow).toBeUndefined();
    // The clock moves 1 s per reading: $a$, $b$, $c$ are checked at 1, 2 and 3 s, $d$ (line 7) at 4 s.
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[7, 1, 'limit']]);
    const heavy = makeEnv();
    let heap = 0;
    heavy.settings.limits = { ...DEFAULT_LIMITS, pageMemoryMB: 10 };
    heavy.budget = pageBudget(heavy.settings.limits, () => 0, () => (heap += 1024 * 1024));
    const text = '---\ntitle: t\n---\n' + Array.from({ length: 40 }, (_, i) => `$x_{${i}}$\n`).join('');
    const m = await prerenderPage(text, heavy);
    // The heap (1 MB more at each reading) is read at the start and at every 16th check: 40 formulas
    // make two more readings, 2 MB over the start.
    expect(m.diagnostics).toEqual([]);
    heavy.budget = pageBudget(heavy.settings.limits, () => 0, () => (heap += 6 * 1024 * 1024));
    const again = await prerenderPage(text, heavy);
    // 6 MB per reading: 12 MB over the start at the 32nd check, before the 32nd formula (line 35).
    expect(again.diagnostics.map((d) => [d.line, d.code])).toEqual([[35, 'limit']]);
    // A collection right after the start frees 50 MB of garbage made before the page: its own growth
    // counts from there (readings 100, 50, 62 MB: 12 MB over the lowest at the 32nd check, line 35).
    const readings = [100, 50, 62].map((mb) => mb * 1024 * 1024);
    heavy.budget = pageBudget(heavy.settings.limits, () => 0, () => readings.shift() ?? 62 * 1024 * 1024);
    const collected = await prerenderPage(text, heavy);
    expect(collected.diagnostics.map((d) => [d.line, d.code])).toEqual([[35, 'limit']]);
  });

  it('leaves pages within the budget alone: the defaults are far above a real page', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ pageSeconds: 120, pageMemoryMB: 1024 });
  });
});
