/**
 * Same input, same bytes out: two prerender runs on fresh copies of a site give byte-identical
 * `.prerender/` trees, and a second run in the same directory renders nothing again (cache hits) and
 * rewrites nothing (every file keeps its inode and mtime, so Hugo's watcher sees no change). A `.prerender/`
 * carried to another checkout (a CI cache restored: another directory, every mtime new) is as warm there.
 */
import { appendFileSync, cpSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProjectSite, listFiles, runPrerender, type CliRun } from '../helpers/prerender.js';

interface Snapshot {
  [rel: string]: { bytes: Buffer; mtimeMs: number; ino: number };
}

function snapshot(dir: string): Snapshot {
  const out: Snapshot = {};
  for (const rel of listFiles(dir)) {
    const p = path.join(dir, rel);
    const st = statSync(p);
    out[rel] = { bytes: readFileSync(p), mtimeMs: st.mtimeMs, ino: st.ino };
  }
  return out;
}

interface Case {
  fixture: string;
  args: string[];
  code: number;
  /** Formulas on failed pages or with diagnostics: never reused from disk, so never cache hits. */
  uncached: number;
}

const CASES: Case[] = [
  { fixture: 'fixtures/site', args: [], code: 0, uncached: 0 },
  // Its bad.md fails (3 formulas): determinism holds for the pages written and for what failed pages leave.
  { fixture: 'fixtures/tricky', args: [], code: 1, uncached: 3 },
  // Formulas rendered as error spans are never cache hits (the manifest marks them noisy): the second
  // run renders them again and reports the same warnings.
  { fixture: 'fixtures/tricky', args: ['--errors', 'render'], code: 0, uncached: 3 },
];

for (const { fixture, args, code: expectedCode, uncached } of CASES) {
  describe(`prerendering ${fixture} ${args.join(' ')}`, () => {
    let a: string;
    let b: string;
    let runA: CliRun;
    let runB: CliRun;
    let first: Snapshot;
    let again: CliRun;
    let second: Snapshot;

    beforeAll(() => {
      a = copyProjectSite(fixture);
      b = copyProjectSite(fixture);
      runA = runPrerender(a, args);
      runB = runPrerender(b, args);
      first = snapshot(path.join(a, '.prerender'));
      again = runPrerender(a, args);
      second = snapshot(path.join(a, '.prerender'));
    });

    it('gives byte-identical .prerender trees on two fresh copies', () => {
      expect(runA.code, runA.stdout + runA.stderr).toBe(expectedCode);
      expect(runB.code).toBe(expectedCode);
      const treeB = snapshot(path.join(b, '.prerender'));
      const files = Object.keys(first);
      expect(files.length).toBeGreaterThan(60); // shadows, partials, manifest, KaTeX CSS and fonts
      expect(Object.keys(treeB)).toEqual(files);
      const differing = files.filter((f) => !first[f]!.bytes.equals(treeB[f]!.bytes));
      expect(differing).toEqual([]);
      // Nothing machine-specific leaks into the output (the copies live in different temp dirs).
      for (const f of files) expect(first[f]!.bytes.includes(path.dirname(a)), f).toBe(false);
    });

    it('prints the same diagnostics on both copies', () => {
      expect(runB.diagnostics).toEqual(runA.diagnostics);
    });

    it('renders nothing again on a second run in the same directory: every formula is a cache hit', () => {
      expect(again.code).toBe(expectedCode);
      expect(again.summary!.cacheHits).toBeGreaterThanOrEqual(again.summary!.formulas - uncached);
      expect(runA.summary!.cacheHits).toBe(0);
      // Same counts otherwise (diagnostics are compared by their own test below).
      const counts = (r: CliRun) => ({ ...r.summary, cacheHits: 0, unchanged: 0, imagesProcessed: 0, ms: 0, errors: 0, warnings: 0 });
      // Every page is kept as it was: none is parsed or rendered again.
      expect(runA.summary!.unchanged).toBe(0);
      expect(again.summary!.unchanged).toBe(again.summary!.pages);
      expect(counts(again)).toEqual(counts(runA));
      // Every image was found in the cache: none decoded or encoded again.
      expect(again.summary!.imagesProcessed).toBe(0);
      expect(runA.summary!.imagesProcessed).toBe(runA.summary!.images);
    });

    it('rewrites nothing on the second run (same files, bytes, inodes and mtimes)', () => {
      expect(Object.keys(second)).toEqual(Object.keys(first));
      const touched = Object.keys(first).filter(
        (f) => second[f]!.mtimeMs !== first[f]!.mtimeMs || second[f]!.ino !== first[f]!.ino || !second[f]!.bytes.equals(first[f]!.bytes),
      );
      expect(touched).toEqual([]);
    });

    it('reports the same diagnostics on the second run', () => {
      expect(again.diagnostics).toEqual(runA.diagnostics);
    });

    // README "In CI": caching .prerender/ between CI runs. Pages are kept by their bytes and the bytes of
    // what they read, never by a modification time or a path, so a restored cache is as good as one left
    // in place, and a page edited since is the only one rendered again.
    it('is warm in another checkout that restored .prerender/ (a CI cache): new directory, new mtimes', () => {
      const c = copyProjectSite(fixture);
      expect(path.dirname(c)).not.toBe(path.dirname(a));
      cpSync(path.join(a, '.prerender'), path.join(c, '.prerender'), { recursive: true });
      const restored = runPrerender(c, args);
      expect(restored.code).toBe(expectedCode);
      expect(restored.summary!.unchanged).toBe(restored.summary!.pages);
      expect(restored.summary!.cacheHits).toBe(again.summary!.cacheHits);
      expect(restored.diagnostics).toEqual(runA.diagnostics);
      const tree = snapshot(path.join(c, '.prerender'));
      expect(Object.keys(tree)).toEqual(Object.keys(first));
      expect(Object.keys(first).filter((f) => !first[f]!.bytes.equals(tree[f]!.bytes))).toEqual([]);
      if (expectedCode !== 0) return;
      // One page edited after the cache was saved: it alone is rendered again, with its new formula.
      const post = 'content/posts/learning-to-remember.md';
      appendFileSync(path.join(c, post), '\n\nAdded after the cache was saved: $q_{\\text{cached}}^2$.\n');
      const edited = runPrerender(c, args);
      expect(edited.code).toBe(0);
      expect(edited.summary!.unchanged).toBe(edited.summary!.pages - 1);
      expect(edited.summary!.formulas).toBe(runA.summary!.formulas + 1);
      const shadow = readFileSync(path.join(c, '.prerender', post), 'utf8');
      expect(shadow).toContain('alttext="q_{\\text{cached}}^2"');
    });
  });
}
