/**
 * The fuzz suite for guest files (issue 15): random site trees whose content mixes innocent pages with
 * hostile names and links (a backslash, `..`, control characters, a backtick, case and Unicode-
 * normalisation twins, symlinks out of the site to a page or a folder, a symlinked `.prerender`), each
 * built with buildSite. What must hold for every tree:
 * - never an abort: the build returns, with no internal error, and runs to its end (the stylesheet copied);
 * - never an overwrite: every innocent page's shadow holds that page and nothing of another file;
 * - never a read outside the site: no secret of the outside folder in any output or message, and the
 *   outside folder unchanged;
 * - one located error per bad file (at that file), none for an innocent one; innocent pages written.
 *
 * FUZZ_RUNS sets the number of trees (`npm run fuzz`); FUZZ_SEED replays a run.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { write } from '../helpers/temp-site.js';

const RUNS = Math.min(Number(process.env.FUZZ_RUNS ?? 25), 2000);
const SEED = process.env.FUZZ_SEED === undefined ? 20261205 : Number(process.env.FUZZ_SEED);
const TIMEOUT = 120_000 + RUNS * 5_000;

/** Folders of the content tree, distinct under case folding. */
const DIRS = ['', 'posts/', 'notes/deep/'];

type Hostile =
  /** A name the build must refuse: one error at it. */
  | { kind: 'bad'; name: (i: number) => string }
  /** Two names that are one page to Hugo: the first in sorted order is built, the other is one error. */
  | { kind: 'twin'; names: (i: number) => [string, string] }
  /** A link out of the site: one error at the link, nothing read through it. */
  | { kind: 'link-out'; dir: boolean }
  /** A legal name with dots: its own page (or, starting with a dot, skipped as Hugo skips it). */
  | { kind: 'dots'; name: (i: number) => string };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom<Hostile>(
    { kind: 'bad', name: (i) => `victim\\index${i}.md` },
    { kind: 'bad', name: (i) => `0\\..\\..\\x${i}.md` },
    { kind: 'bad', name: (i) => `dir\\${i}/page.md` },
    { kind: 'bad', name: (i) => `ctl${i}\u0001.md` },
    { kind: 'bad', name: (i) => `tab${i}\t.md` },
    { kind: 'bad', name: (i) => `line${i}\nbreak.md` },
    { kind: 'bad', name: (i) => `\u001b[31mred${i}.md` },
    { kind: 'bad', name: (i) => `tick${i}\`.md` },
  ),
  fc.constantFrom<Hostile>(
    { kind: 'twin', names: (i) => [`Twin${i}.md`, `twin${i}.md`] },
    { kind: 'twin', names: (i) => [`caf\u00e9${i}.md`, `cafe\u0301${i}.md`] },
    { kind: 'twin', names: (i) => [`Dir${i}/a.md`, `dir${i}/a.md`] },
    { kind: 'twin', names: (i) => [`\u212bngstr${i}.md`, `\u00c5ngstr${i}.md`] },
  ),
  fc.constantFrom<Hostile>({ kind: 'link-out', dir: false }, { kind: 'link-out', dir: true }),
  fc.constantFrom<Hostile>({ kind: 'dots', name: (i) => `v${i}..md` }, { kind: 'dots', name: (i) => `w..${i}.md` }, { kind: 'dots', name: (i) => `...${i}.md` }),
);

const tree = fc.record({
  innocent: fc.array(fc.constantFrom(...DIRS), { minLength: 1, maxLength: 4 }),
  hostile: fc.array(fc.tuple(hostile, fc.constantFrom(...DIRS)), { minLength: 1, maxLength: 6 }),
  /** `.prerender` itself a link to a folder outside the site (one tree in ten). */
  linkedPrerender: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});

const page = (marker: string, i: number) => `---\ntitle: "${marker}"\n---\n\n${marker} $x_{${i}}$\n`;

/** Every file under dir (links not followed) with its content, for "unchanged" checks. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = e.isSymbolicLink() ? 'link' : readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe('fuzz: hostile file names and links through build', () => {
  it('never aborts, never overwrites, never reads outside the site; one located error per bad file', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        const root = mkdtempSync(path.join(os.tmpdir(), 'hp-fuzz-names-'));
        try {
          const site = path.join(root, 'site');
          const outside = path.join(root, 'outside');
          write(outside, 'secret.md', page('OUTSIDE-SECRET-FILE', 0));
          write(outside, 'dir/p.md', page('OUTSIDE-SECRET-DIR', 0));
          mkdirSync(path.join(outside, 'prerender-target'));
          write(site, 'hugo.toml', 'baseURL = "https://example.org/"\n');
          write(site, 'layouts/_default/baseof.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n');
          const linkedPrerender = t.linkedPrerender;
          if (linkedPrerender) symlinkSync(path.join(outside, 'prerender-target'), path.join(site, '.prerender'));

          // rel (to content/) → the marker only that file holds
          const innocent = new Map<string, string>();
          const errorAt = new Set<string>();
          const quiet = new Set<string>();
          let n = 0;
          t.innocent.forEach((dir, k) => {
            const rel = `${dir}page${k}.md`;
            innocent.set(rel, `MARK-INNOCENT-${k}`);
            write(site, `content/${rel}`, page(`MARK-INNOCENT-${k}`, k));
          });
          // The page a backslash name would land on.
          innocent.set('posts/victim/index0.md', 'MARK-VICTIM');
          write(site, 'content/posts/victim/index0.md', page('MARK-VICTIM', 0));
          for (const [h, dir] of t.hostile) {
            const i = n++;
            const marker = `HOSTILE-${i}-`;
            if (h.kind === 'bad') {
              const rel = `${dir}${h.name(i)}`;
              write(site, `content/${rel}`, page(marker, i));
              errorAt.add(`content/${rel}`);
            } else if (h.kind === 'twin') {
              const [a, b] = h.names(i).map((name) => `${dir}${name}`) as [string, string];
              write(site, `content/${a}`, page(`MARK-TWIN-A-${i}`, i));
              write(site, `content/${b}`, page(`MARK-TWIN-B-${i}`, i));
              const [first, second] = a < b ? [a, b] : [b, a];
              innocent.set(first, first === a ? `MARK-TWIN-A-${i}` : `MARK-TWIN-B-${i}`);
              errorAt.add(`content/${second}`);
            } else if (h.kind === 'link-out') {
              const rel = `${dir}out${i}${h.dir ? '' : '.md'}`;
              mkdirSync(path.dirname(path.join(site, 'content', rel)), { recursive: true });
              symlinkSync(path.join(outside, h.dir ? 'dir' : 'secret.md'), path.join(site, 'content', rel));
              errorAt.add(`content/${rel}`);
            } else {
              const name = h.name(i);
              const rel = `${dir}${name}`;
              write(site, `content/${rel}`, page(`MARK-DOTS-${i}`, i));
              if (name.startsWith('.')) quiet.add(rel);
              else innocent.set(rel, `MARK-DOTS-${i}`);
            }
          }
          const before = snapshot(outside);

          const r = await buildSite({ source: site });

          // Never an abort, never an internal error.
          expect(r.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
          const said = JSON.stringify(r.diagnostics);
          // Never a read outside the site, never a write there.
          expect(said).not.toContain('OUTSIDE-SECRET');
          expect(snapshot(outside)).toEqual(before);
          for (const f of filesUnder(path.join(site, '.prerender'))) expect(readFileSync(f, 'utf8')).not.toContain('OUTSIDE-SECRET');
          const errors = r.diagnostics.filter((d) => d.severity === 'error');
          expect(r.failed).toBe(errors.length > 0);
          if (linkedPrerender) {
            // The whole site is refused, in one clear error, and nothing is written where the link points.
            expect(errors).toHaveLength(1);
            expect(errors[0]!.message).toMatch(/\.prerender/);
            expect(lstatSync(path.join(site, '.prerender')).isSymbolicLink()).toBe(true);
            return;
          }
          // One located error per bad file, none elsewhere.
          for (const d of errors) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
          expect(errors.map((d) => d.file).sort()).toEqual([...errorAt].sort());
          // Every innocent page written, holding itself only; nothing of a refused file anywhere.
          const shadows = filesUnder(path.join(site, '.prerender/content'));
          const texts = shadows.map((f) => readFileSync(f, 'utf8'));
          for (const [rel, marker] of innocent) {
            const shadow = path.join(site, '.prerender/content', rel);
            expect(existsSync(shadow), rel).toBe(true);
            const text = readFileSync(shadow, 'utf8');
            expect(text).toContain(marker);
            expect([...new Set(text.match(/MARK-[A-Z]+(-[AB])?-\d+|MARK-VICTIM|HOSTILE-\d+-/g))]).toEqual([marker]);
          }
          expect(shadows).toHaveLength(innocent.size);
          for (const text of texts) expect(text).not.toMatch(/HOSTILE-\d+-/);
          for (const rel of quiet) expect(existsSync(path.join(site, '.prerender/content', rel))).toBe(false);
          // The build ran to its end: the stylesheet its pages need was copied.
          expect(filesUnder(path.join(site, '.prerender/static')).some((f) => f.endsWith('.css'))).toBe(true);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);
});
