/**
 * The fuzz suite: random pages (tests/fuzz/pages.ts) and real posts mutated byte-wise, through parsePage
 * and prerenderPage, then a batch of them through buildSite, the CLI and real Hugo (tests/fuzz/batch.ts). What must hold for every page:
 * no exception, no internal (unlocated) error, every diagnostic located in the page, the same output
 * twice (determinism), a shadow that Hugo's lexer accepts, and Hugo never failing on a template we ship.
 *
 * `npm test` runs a few hundred pages; `npm run fuzz` (scripts/fuzz.mjs) runs batches of tests/fuzz/batch.ts
 * on 100,000 by default. FUZZ_SEED replays a run.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePage } from '../../src/content/page.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv } from '../helpers/page-env.js';
import { PROJECT_ROOT, requireHugo, tempDir } from '../helpers/hugo.js';
import { ensureBundle } from '../helpers/prerender.js';
import { runBatch } from './batch.js';
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

describe('fuzz: a batch through buildSite, the CLI and real Hugo (what npm run fuzz runs, batch by batch)', () => {
  it('no internal or unlocated error, the same shadows from the CLI, Hugo never failing on what we wrote', async () => {
    ensureBundle();
    const size = Math.min(RUNS, 60);
    const r = await runBatch({
      root: path.join(tempDir('hp-fuzz-batch-'), 'run'),
      seed: SEED,
      size,
      cli: path.join(PROJECT_ROOT, 'dist/cli.js'),
      hugo: requireHugo(),
      outDir: path.join(tempDir('hp-fuzz-finds-'), 'finds'),
      projectRoot: PROJECT_ROOT,
    });
    expect(r.findings).toEqual([]);
    expect(r.pages).toBe(size);
    // Most parse-clean pages reach Hugo (our shortcodes included: plain Hugo is asked with a template for them).
    for (const n of Object.values(r.hugoPages)) expect(n).toBeGreaterThan(size / 4);
    expect(r.compared).toBeGreaterThan(size / 4);
  }, TIMEOUT);
});
