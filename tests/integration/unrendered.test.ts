/**
 * A page whose prerendering failed (no shadow) uses one of our shortcodes: plain `hugo` must not publish
 * it without the figure, and must say what to do, instead of Hugo's `template for shortcode "rnn-unroll"
 * not found` (the stand-in templates of src/site/fallbacks.ts). In the development environment without
 * a watcher it is a warning and a visible note; beside a running watcher, nothing (the page follows).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo } from '../helpers/hugo.js';
import { copyProjectSite, runPrerender, type CliRun } from '../helpers/prerender.js';

let site: string;
let cli: CliRun;

beforeAll(() => {
  site = copyProjectSite('fixtures/site');
  writeFileSync(path.join(site, 'content/posts/bad.md'), '+++\ntitle = "Bad"\n+++\n\nA diagram: {{< rnn-unroll steps=99 >}} and $x$.\n');
  cli = runPrerender(site);
});

const MESSAGE = /hugo-prerender: \S*content\/posts\/bad\.md:5:12: the "rnn-unroll" shortcode is rendered by hugo-prerender, but this page has no prerendered copy; run hugo-prerender build/;

it('the build reports the bad parameter and writes no shadow for that page', () => {
  expect(cli.code).toBe(1);
  expect(cli.diagnostics).toContainEqual(expect.objectContaining({ file: 'content/posts/bad.md', line: 5, severity: 'error' }));
});

describeEachHugo('a page without a prerendered copy that uses our shortcode', (hugo) => {
  it('fails a production build with file:line:col and what to do', () => {
    const built = buildSite(hugo.bin, site, { copy: false, linkPackage: false });
    const out = `${built.stdout}\n${built.stderr}`;
    expect(built.code).not.toBe(0);
    expect(out).toMatch(MESSAGE);
    expect(out).not.toMatch(/template for shortcode/);
  });

  it('warns and shows a note in the development environment', () => {
    const built = buildSite(hugo.bin, site, { copy: false, linkPackage: false, env: { HUGO_ENVIRONMENT: 'development' } });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.warnings.join('\n')).toMatch(MESSAGE);
    expect(built.read('posts/bad/index.html')).toContain('<p class="prerender-missing"><strong>rnn-unroll</strong>: not prerendered yet');
    // The other pages are unaffected.
    expect(built.read('posts/learning-to-remember/index.html')).toContain('class="katex"');
  });
});
