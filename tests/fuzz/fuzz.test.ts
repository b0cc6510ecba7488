/**
 * The fuzz suite: random pages (tests/fuzz/pages.ts) and real posts mutated byte-wise, through parsePage
 * and prerenderPage, then a batch of them through the CLI and real Hugo. What must hold for every page:
 * no exception, no internal (unlocated) error, every diagnostic located in the page, the same output
 * twice (determinism), a shadow that Hugo's lexer accepts, and Hugo never failing on a template we ship.
 *
 * `npm test` runs a few hundred pages; `npm run fuzz` runs FUZZ_RUNS (100,000 by default there) and
 * prints the slowest page per kilobyte. FUZZ_SEED replays a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../src/content/page.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv } from '../helpers/page-env.js';
import { buildSite, describeEachHugo, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { runCli, runPrerender } from '../helpers/prerender.js';
import { mutatedPage, randomPage, realPosts } from './pages.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Generous: real posts take tens of milliseconds each, and the machines are shared and loaded. */
const TIMEOUT = 120_000 + RUNS * 2_000;
const SEED = process.env.FUZZ_SEED === undefined ? 20261204 : Number(process.env.FUZZ_SEED);
const posts = realPosts(PROJECT_ROOT);
const anyPage = fc.oneof(randomPage, mutatedPage(posts));

/** Slowest page per KB seen (a hang detector here; `npm run fuzz` prints it). */
let slowest = { msPerKb: 0, bytes: 0, ms: 0 };
afterAll(() => {
  if (process.env.FUZZ_REPORT) {
    console.log(`fuzz: ${RUNS} pages per property, seed ${SEED}; slowest ${slowest.ms.toFixed(0)} ms for ${slowest.bytes} bytes (${slowest.msPerKb.toFixed(1)} ms/KB)`);
  }
});

function located(d: { line: number; column: number; file?: string; message: string }, file: string): void {
  expect(d.file).toBe(file);
  expect(d.line).toBeGreaterThanOrEqual(1);
  expect(d.column).toBeGreaterThanOrEqual(1);
  expect(d.message.length).toBeGreaterThan(0);
}

describe('fuzz: parsePage and prerenderPage', () => {
  it('parsePage never throws and locates every diagnostic', () => {
    fc.assert(
      fc.property(anyPage, (source) => {
        const p = parsePage(source, { path: 'content/posts/p.md' });
        expect(p.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
        for (const d of p.diagnostics) located(d, 'content/posts/p.md');
        expect(p.bodyOffset).toBeLessThanOrEqual(source.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it('prerenderPage: no internal error, located diagnostics, the same output twice, a shadow Hugo can lex', async () => {
    await fc.assert(
      fc.asyncProperty(anyPage, async (source) => {
        const t0 = performance.now();
        const a = await prerenderPage(source, pageEnv());
        const ms = performance.now() - t0;
        const kb = Math.max(1, Buffer.byteLength(source) / 1024);
        if (ms / kb > slowest.msPerKb) slowest = { msPerKb: ms / kb, bytes: Buffer.byteLength(source), ms };
        // A hang detector, not a benchmark (npm run bench measures growth): minutes would mean a runaway.
        expect(ms).toBeLessThan(30_000);
        expect(a.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
        for (const d of a.diagnostics) located(d, 'content/posts/p.md');
        const b = await prerenderPage(source, pageEnv());
        expect(b.shadow).toBe(a.shadow);
        expect(b.fragments).toEqual(a.fragments);
        expect(b.diagnostics).toEqual(a.diagnostics);
        if (a.shadow !== undefined) {
          expect(parsePage(a.shadow).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);
});

describeEachHugo('fuzz: fuzzed pages built by hugo-prerender and Hugo', (hugo) => {
  it('Hugo never fails on a template we ship, and builds whatever plain Hugo builds', () => {
    // The site gets WANT pages that plain Hugo builds on their own (a page plain Hugo rejects is left
    // out, so that the site builds without hugo-prerender and any failure with it is ours). Fuzzed
    // pages are drawn until there are WANT of them, from a deterministic stream: how many plain Hugo
    // rejects (about half; 9 of 20 once) no longer decides how many pages are checked.
    const want = Math.min(RUNS, 20);
    const drawn = fc.sample(anyPage, { numRuns: want * 10, seed: SEED });
    const site = path.join(tempDir('hp-fuzz-'), 'site');
    mkdirSync(path.join(site, 'content/posts'), { recursive: true });
    writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "fuzz"\ndisableKinds = ["taxonomy", "term"]\n');
    mkdirSync(path.join(site, 'layouts/_default'), { recursive: true });
    writeFileSync(
      path.join(site, 'layouts/_default/baseof.html'),
      '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
    );
    writeFileSync(
      path.join(site, 'layouts/_default/single.html'),
      '{{ define "main" }}<h1>{{ partial "prerender/title.html" . }}</h1>{{ partial "prerender/toc.html" . }}{{ .Content }}<p>{{ partial "prerender/summary.html" . }}</p>{{ end }}\n',
    );
    writeFileSync(path.join(site, 'layouts/_default/list.html'), '{{ define "main" }}{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}{{ end }}\n');
    const kept: string[] = [];
    for (const text of drawn) {
      if (kept.length === want) break;
      const rel = `content/posts/p${kept.length}.md`;
      const probe = path.join(tempDir('hp-fuzz-probe-'), 'site');
      mkdirSync(path.join(probe, 'content/posts'), { recursive: true });
      writeFileSync(path.join(probe, 'hugo.toml'), 'baseURL = "https://example.org/"\n');
      writeFileSync(path.join(probe, rel), text);
      if (buildSite(hugo.bin, probe, { copy: false, linkPackage: false }).code === 0) {
        writeFileSync(path.join(site, rel), text);
        kept.push(rel);
      }
    }
    expect(kept.length, `plain Hugo built only ${kept.length} of ${drawn.length} fuzzed pages`).toBe(want);
    const init = runCli(['init', '-s', site, '--hugo-version', hugo.version]);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const pre = runPrerender(site);
    expect(pre.stdout + pre.stderr).not.toMatch(/internal error/);
    // Development: a page hugo-prerender refused (a bad parameter of one of our shortcodes) is a warning
    // there, where production stops the build on purpose (see layouts/partials/prerender/unrendered.html).
    const built = buildSite(hugo.bin, site, { copy: false, env: { HUGO_ENVIRONMENT: 'development' } });
    const ours = /prerender[/.-]|layouts\/(shortcodes|partials)\/prerender/;
    expect(built.errors.filter((l) => ours.test(l) && !/changed since it was prerendered|has no prerendered copy/.test(l))).toEqual([]);
    expect(built.code, built.stderr.slice(0, 2000)).toBe(0);
  }, TIMEOUT);
});
