/**
 * Incremental builds (src/site/page-records.ts): a page whose source, site settings and the files it reads
 * are unchanged is neither parsed nor rendered nor rewritten, its diagnostics are replayed, and what an
 * incremental build leaves in .prerender/ is byte for byte what a cold build of the same site writes.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, ONE_PIXEL_PNG, tempSites } from '../helpers/temp-site.js';
import { listFiles, runPrerender } from '../helpers/prerender.js';
import { buildSite, formatDiagnostic, type BuildResult } from '../../src/build.js';

const site = tempSites('hp-incremental-', { nested: true });

const CONFIG = 'title = "t"\n[params.prerender.katex.macros]\n"\\\\R" = "\\\\mathbb{R}"\n';

/** A site with plain math, a plot reading a CSV of its bundle, a figure, a page with an error, one without math. */
function files(): Record<string, string | Buffer> {
  return {
    'hugo.toml': CONFIG,
    ...HEAD_LAYOUT,
    'content/posts/a.md': '---\ntitle: "A $x$"\n---\n# Intro $\\alpha$\n\nText $x_1 \\in \\R$ and\n\n$$\\sum_i x_i$$\n',
    'content/posts/curves/index.md': '+++\ntitle = "curves"\n+++\nLoss:\n\n{{< plot file="loss.csv" x="epoch" y="train" >}}\n',
    'content/posts/curves/loss.csv': 'epoch,train\n1,3.0\n2,2.5\n3,2.1\n',
    'content/posts/fig/index.md': '+++\ntitle = "fig"\n+++\n{{< figure src="dot.png" caption="A dot $d$" >}}\n\n{{< figure src="missing.png" >}}\n',
    'content/posts/fig/dot.png': ONE_PIXEL_PNG,
    'content/posts/bad.md': '# Bad\n\nfine $y$\n\nbroken $\\frac{1}{$ here\n',
    'content/posts/plain.md': 'No math at all.\n',
  };
}

interface Tree {
  [rel: string]: { bytes: Buffer; mtimeMs: number; ino: number };
}

function tree(dir: string): Tree {
  const out: Tree = {};
  for (const rel of listFiles(path.join(dir, '.prerender'))) {
    if (rel === 'lock' || rel.endsWith('.lock')) continue;
    const p = path.join(dir, '.prerender', rel);
    const st = statSync(p);
    out[rel] = { bytes: readFileSync(p), mtimeMs: st.mtimeMs, ino: st.ino };
  }
  return out;
}

/** The files of two .prerender trees that differ (or exist in only one). */
function differing(a: Tree, b: Tree): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => !a[n] || !b[n] || !a[n]!.bytes.equals(b[n]!.bytes));
}

/** A fresh copy of `dir` without its .prerender, built cold: what the incremental build must equal. */
async function coldCopy(dir: string): Promise<{ dir: string; result: BuildResult }> {
  const copy = site({});
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true, filter: (p) => !p.split(path.sep).includes('.prerender') });
  return { dir: copy, result: await buildSite({ source: copy }) };
}

const shown = (r: BuildResult) => r.diagnostics.map(formatDiagnostic);

describe('incremental builds', () => {
  it('a warm build parses and renders no page, rewrites no file, and replays every diagnostic', async () => {
    const dir = site(files());
    const cold = await buildSite({ source: dir });
    expect(cold.unchanged).toBe(0);
    expect(cold.pages).toBe(5);
    expect(cold.failed).toBe(true); // bad.md
    const before = tree(dir);
    const warm = await buildSite({ source: dir });
    expect(warm.unchanged).toBe(5);
    expect(warm.failed).toBe(true);
    // Same diagnostics, same text and place: the error in bad.md, the missing image in fig.
    expect(shown(warm)).toEqual(shown(cold));
    expect(shown(warm)).toContainEqual(expect.stringMatching(/^content\/posts\/bad\.md:5:\d+: error: /));
    expect(shown(warm)).toContainEqual(expect.stringMatching(/^content\/posts\/fig\/index\.md:\d+:\d+: warning: figure: image "missing\.png" was not found/));
    // The image was processed once, by the cold build.
    expect(cold.imagesProcessed).toBe(1);
    expect({ ...warm, ms: 0, unchanged: 0, cacheHits: 0 }).toEqual({ ...cold, ms: 0, unchanged: 0, cacheHits: 0, imagesProcessed: 0 });
    const after = tree(dir);
    expect(differing(before, after)).toEqual([]);
    const touched = Object.keys(after).filter((f) => after[f]!.mtimeMs !== before[f]!.mtimeMs || after[f]!.ino !== before[f]!.ino);
    expect(touched).toEqual([]);
  });

  it('the CLI still exits 1 for a page with an error that was not rendered again', () => {
    const dir = site(files());
    const first = runPrerender(dir);
    const again = runPrerender(dir);
    expect(first.code).toBe(1);
    expect(again.code).toBe(1);
    expect(again.summary).toMatchObject({ pages: 5, unchanged: 5, errors: 1 });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ file: 'content/posts/bad.md', line: 5 })]);
  });

  it('a changed data file renders again the page that reads it, and only that page', async () => {
    const dir = site(files());
    await buildSite({ source: dir });
    const shadow = () => readFileSync(path.join(dir, '.prerender/content/posts/curves/index.md'), 'utf8');
    const old = shadow();
    writeFileSync(path.join(dir, 'content/posts/curves/loss.csv'), 'epoch,train\n1,3.0\n2,2.5\n3,0.5\n');
    const r = await buildSite({ source: dir });
    expect(r.unchanged).toBe(4);
    expect(shadow()).not.toBe(old);
    const cold = await coldCopy(dir);
    expect(differing(tree(dir), tree(cold.dir))).toEqual([]);
    expect(shown(r)).toEqual(shown(cold.result));
  });

  it('a figure image that appears renders its page again (a missing file is an input too)', async () => {
    const dir = site(files());
    const first = await buildSite({ source: dir });
    expect(shown(first).some((d) => d.includes('"missing.png" was not found'))).toBe(true);
    mkdirSync(path.join(dir, 'static'));
    writeFileSync(path.join(dir, 'static/missing.png'), ONE_PIXEL_PNG);
    const r = await buildSite({ source: dir });
    expect(r.unchanged).toBe(4);
    expect(shown(r).some((d) => d.includes('"missing.png" was not found'))).toBe(false);
    const cold = await coldCopy(dir);
    expect(differing(tree(dir), tree(cold.dir))).toEqual([]);
  });

  it('a changed setting renders every page again', async () => {
    const dir = site(files());
    await buildSite({ source: dir });
    writeFileSync(path.join(dir, 'hugo.toml'), CONFIG.replace('\\\\mathbb{R}', '\\\\mathbf{R}'));
    const r = await buildSite({ source: dir });
    expect(r.unchanged).toBe(0);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/a.md'), 'utf8')).toContain('mathbf');
    const cold = await coldCopy(dir);
    expect(differing(tree(dir), tree(cold.dir))).toEqual([]);
    // A setting no page depends on (the site's title) keeps every page.
    writeFileSync(path.join(dir, 'hugo.toml'), CONFIG.replace('\\\\mathbb{R}', '\\\\mathbf{R}').replace('title = "t"', 'title = "another"'));
    expect((await buildSite({ source: dir })).unchanged).toBe(5);
  });

  it('edited, added and removed pages: the rest are kept, and the result is what a cold build writes', async () => {
    const dir = site(files());
    await buildSite({ source: dir });
    writeFileSync(path.join(dir, 'content/posts/a.md'), '---\ntitle: "A $x$"\n---\n# Intro $\\beta$\n\nText $x_2$\n');
    writeFileSync(path.join(dir, 'content/posts/new.md'), 'New $z^2$\n');
    unlinkSync(path.join(dir, 'content/posts/plain.md'));
    writeFileSync(path.join(dir, 'content/posts/bad.md'), '# Bad\n\nfine $y$\n\nfixed $\\frac{1}{2}$ here\n');
    const r = await buildSite({ source: dir });
    expect(r.pages).toBe(5);
    expect(r.unchanged).toBe(2); // curves and fig
    expect(r.failed).toBe(false);
    const cold = await coldCopy(dir);
    expect(differing(tree(dir), tree(cold.dir))).toEqual([]);
    expect(shown(r)).toEqual(shown(cold.result));
  });

  it('a shadow deleted by hand is written again', async () => {
    const dir = site(files());
    await buildSite({ source: dir });
    const file = path.join(dir, '.prerender/content/posts/a.md');
    const text = readFileSync(file, 'utf8');
    unlinkSync(file);
    const r = await buildSite({ source: dir });
    expect(r.unchanged).toBe(4);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('a shadow with non-ASCII text stays unchanged; one edited by hand (its size changed) is written again', async () => {
    const dir = site({ ...files(), 'content/posts/u.md': '---\ntitle: Ü\n---\nÉtude — $\\alpha$ « naïve » 😀\n' });
    const first = await buildSite({ source: dir });
    expect([first.pages, first.shadowed]).toEqual([6, 5]);
    // The record holds the shadow's size in bytes, as on disk: an unchanged page with multi-byte text is kept.
    expect((await buildSite({ source: dir })).unchanged).toBe(6);
    const file = path.join(dir, '.prerender/content/posts/u.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}edited`);
    const r = await buildSite({ source: dir });
    expect(r.unchanged).toBe(5);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('builds in one process (watch) reuse the records they wrote, and read them again when another process changed them', async () => {
    const dir = site(files());
    await buildSite({ source: dir });
    const records = path.join(dir, '.prerender/cache/pages.json');
    // Read from the file, then from memory while the file is as the last build left it.
    expect((await buildSite({ source: dir })).unchanged).toBe(5);
    expect((await buildSite({ source: dir })).unchanged).toBe(5);
    const text = readFileSync(records, 'utf8');
    // Another process empties the records (same size: only its bytes and times say so): every page is built.
    writeFileSync(records, ' '.repeat(text.length - 3) + '{}\n');
    const after = await buildSite({ source: dir });
    expect(after.unchanged).toBe(0);
    expect(after.pages).toBe(5);
    expect((await buildSite({ source: dir })).unchanged).toBe(5);
  });
});
