/**
 * Worker threads (issue 9): the same site built by the command line with --jobs 1 (every page in the
 * build's own thread) and --jobs 3 (that thread and two worker threads) gives the same .prerender/, byte for byte (shadows,
 * manifest, page records, titles, static files), and the same diagnostics in the same order; a worker
 * that dies fails only the page it was on, and the build ends; workers that cannot start leave every page
 * to the build's own thread.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyProjectSite, listFiles, runPrerender, SEED_POST, type CliRun } from '../helpers/prerender.js';

let site: string;

/** The example site with 28 more pages: copies of its posts, distinct seed posts and pages with problems. */
function makeSite(): string {
  const dir = copyProjectSite('fixtures/site');
  const posts = path.join(dir, 'content/posts');
  const example = readFileSync(path.join(posts, 'learning-to-remember.md'), 'utf8');
  const seed = readFileSync(SEED_POST, 'utf8');
  for (let i = 0; i < 10; i++) {
    // The same diagrams and images on many pages: fragments one thread reuses and another renders.
    writeFileSync(path.join(posts, `copy-${String(i).padStart(2, '0')}.md`), example);
    // Formulas of their own, as in the scale bench.
    writeFileSync(path.join(posts, `seed-${String(i).padStart(2, '0')}.md`), seed.replace(/(?<!\\)\$([^$\n]+)\$/g, (_, tex: string) => `$${tex} + ${i}$`));
  }
  for (let i = 0; i < 4; i++) cpSync(path.join(posts, 'training-curves'), path.join(posts, `curves-${i}`), { recursive: true });
  writeFileSync(path.join(posts, 'copy-03b-katex-error.md'), "+++\ntitle = 'Bad'\n+++\n\nFine $x^2$, broken $\\frac{1}{$ and $\\undefinedmacro{x}$.\n");
  writeFileSync(path.join(posts, 'copy-05b-bad-param.md'), "+++\ntitle = 'Held'\n+++\n\n$a$ {{< rnn-unroll steps=\"many\" >}}\n");
  writeFileSync(path.join(posts, 'copy-07b-latin1.md'), Buffer.concat([Buffer.from("+++\ntitle = 'Latin-1'\n+++\n\nCaf"), Buffer.from([0xe9]), Buffer.from(' $y$\n')]));
  writeFileSync(path.join(posts, 'copy-08b-plain.md'), "+++\ntitle = 'Nothing of ours'\n+++\n\nJust text.\n");
  // KaTeX ran out of stack at a depth that depended on the thread (984 KB here, 4 MB in a worker).
  writeFileSync(path.join(posts, 'copy-09b-deep.md'), `+++\ntitle = 'Deep'\n+++\n\nFine $z$.\n\n$$${'\\begin{pmatrix}'.repeat(500)}x${'\\end{pmatrix}'.repeat(500)}$$\n`);
  return dir;
}

/** Every file of .prerender/ with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const root = path.join(dir, '.prerender');
  return new Map(listFiles(root).filter((f) => f !== 'lock').map((f) => [f, readFileSync(path.join(root, f))]));
}

/** Diagnostics as printed, in order (both streams). */
function printed(r: CliRun): string[] {
  return r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
}

function build(jobs: number, env: Record<string, string> = {}): CliRun {
  Object.assign(process.env, env);
  try {
    return runPrerender(site, ['--jobs', String(jobs)]);
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

function expectSame(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  const differ = [...a].filter(([f, bytes]) => !b.get(f)!.equals(bytes)).map(([f]) => f);
  expect(differ).toEqual([]);
}

describe('worker threads', () => {
  let one: CliRun;
  let single: Map<string, Buffer>;

  beforeAll(() => {
    site = makeSite();
    one = build(1);
    single = snapshot(site);
  }, 600_000);

  afterEach(() => {
    rmSync(path.join(site, '.prerender'), { recursive: true, force: true });
  });

  it('--jobs 1 prerenders in one thread, and the site has what the comparison needs', () => {
    expect(one.code, one.stdout + one.stderr).toBe(1);
    expect(one.summary).toMatchObject({ pages: 32, workers: 0 });
    const errors = printed(one).filter((l) => l.includes(': error: '));
    expect(errors.some((l) => l.startsWith('content/posts/copy-03b-katex-error.md:'))).toBe(true);
    expect(errors.some((l) => l.startsWith('content/posts/copy-05b-bad-param.md:'))).toBe(true);
    expect(errors.some((l) => l.startsWith('content/posts/copy-09b-deep.md:7:') && l.includes('nest more than 200 levels deep'))).toBe(true);
    expect(printed(one).some((l) => l.startsWith('content/posts/copy-07b-latin1.md:') && l.includes('not UTF-8'))).toBe(true);
    expect(single.has('content/posts/copy-00.md')).toBe(true);
    expect(single.has('content/posts/copy-05b-bad-param.md')).toBe(false);
    expect(single.has('cache/pages.json')).toBe(true);
    expect([...single.keys()].some((f) => f.startsWith('static/prerender/img/'))).toBe(true);
  });

  it('--jobs 3 writes the same bytes and prints the same diagnostics in the same order', () => {
    const three = build(3);
    expect(three.code).toBe(1);
    // Three threads: the build's own, which reads and writes every page and renders some, and two worker
    // threads that render the others.
    expect(three.summary?.workers).toBe(2);
    // Every page is rendered in a cold build (also the one with nothing of ours, and the one held back).
    expect(three.summary?.rendered).toBe(one.summary!.pages);
    expect(three.summary!.renderedHere).toBeGreaterThan(0);
    expect(three.summary!.renderedHere).toBeLessThan(three.summary!.rendered!);
    const { ms: _a, cacheHits: _b, workers: _c, renderedHere: _g, rendered: _h, ...counts } = three.summary!;
    const { ms: _d, cacheHits: _e, workers: _f, ...expected } = one.summary!;
    expect(counts).toEqual(expected);
    expect(printed(three)).toEqual(printed(one));
    expectSame(single, snapshot(site));
  }, 300_000);

  it('when no worker thread can start, the build renders every page itself: the same bytes and diagnostics', () => {
    const none = build(3, { HUGO_PRERENDER_TEST_WORKER_FATAL: '1' });
    expect(none.code).toBe(1);
    expect(none.stdout + none.stderr).not.toContain('HUGO_PRERENDER_TEST_WORKER_FATAL');
    expect(printed(none)).toEqual(printed(one));
    expectSame(single, snapshot(site));
  }, 300_000);

  it('a worker that dies fails the page it was on, with an error that says so; the next build makes it', () => {
    const page = 'content/posts/copy-04.md';
    const crashed = build(3, { HUGO_PRERENDER_TEST_WORKER_EXIT: page });
    expect(crashed.code).toBe(1);
    const mine = crashed.diagnostics.filter((d) => d.file === page);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(mine[0]!.message).toMatch(/^internal error while prerendering this page \(please report it\): the worker thread exited \(code 70\); build again with --jobs 1/);
    // Every other page as a build without the crash made it.
    const after = snapshot(site);
    expect(after.has(page)).toBe(false);
    const others = [...single].filter(([f]) => f.startsWith('content/') && f !== page);
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter(([f, bytes]) => !after.get(f)?.equals(bytes)).map(([f]) => f)).toEqual([]);
    const elsewhere = (r: CliRun) => printed(r).filter((l) => !l.startsWith(`${page}:`));
    expect(elsewhere(crashed)).toEqual(elsewhere(one));
    // No record for it: the next build prerenders it, and keeps the rest.
    const again = build(3);
    expect(again.summary).toMatchObject({ prerendered: one.summary!.prerendered });
    expect(again.summary!.unchanged).toBe(one.summary!.pages - 1);
    expectSame(single, snapshot(site));
  }, 300_000);
});
