import { describe, expect, it } from 'vitest';
import { containerDepth, DEFAULT_LIMITS } from '../../src/content/limits.js';
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
      ['formulas', page('$x$ '.repeat(DEFAULT_LIMITS.formulas + 5)), /10005 formulas, over the limit of 10000.*params\.prerender\.limits\.formulas/],
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
