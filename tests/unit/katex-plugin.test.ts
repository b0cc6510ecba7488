/**
 * KaTeX's markup writer, made cheaper at build time (scripts/katex-plugin.mjs; issue 9): installed in the
 * tests' KaTeX as in the bundle's, a loud failure if KaTeX changes under a patch, and KaTeX's output
 * byte for byte that of Node's own, unpatched, import of the same package (in a child process).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import * as katexModule from 'katex';
import 'katex/contrib/mhchem';
// @ts-expect-error plain JS module shared with the esbuild build
import { KATEX_PATCHES, OWN_BEFORE_CLASSES, patchKatex } from '../../scripts/katex-plugin.mjs';
import { fixtureFormulas } from '../helpers/formulas.js';
import { OWN_BEFORE_CLASSES as MARKUP_OWN_BEFORE, oneTextCopy } from '../../src/render/katex-markup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const patches = KATEX_PATCHES as [string, string, string][];
const source = readFileSync(path.join(root, 'node_modules/katex/dist/katex.mjs'), 'utf8');

type Job = [tex: string, options: katex.KatexOptions];

/** What Node's own (unpatched) KaTeX, with mhchem, makes of each job: its markup or its error's message. */
function unpatched(jobs: Job[]): string[] {
  const script = `
    import katex from 'katex';
    import 'katex/contrib/mhchem';
    import { readFileSync } from 'node:fs';
    const render = ([tex, options]) => { try { return katex.renderToString(tex, options); } catch (e) { return 'error: ' + e.message; } };
    process.stdout.write(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map(render)));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input: JSON.stringify(jobs), maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8')) as string[];
}

const patched = ([tex, options]: Job) => {
  try {
    return katex.renderToString(tex, options);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
};

describe('KaTeX patched at build time', () => {
  it("is installed in the tests' KaTeX and in the bundle", () => {
    expect((katexModule as unknown as { __hpKatexPatches?: string[] }).__hpKatexPatches).toEqual(patches.map(([name]) => name));
    const bundle = readFileSync(path.join(root, 'dist/cli.js'), 'utf8');
    for (const name of ['__hpEscapeTest', '__hpHyphenated', '__hpEms']) expect(bundle).toContain(name);
  });

  it('fails loudly when KaTeX no longer has the text of a patch, or has it twice', () => {
    for (const [name, from] of patches) {
      const short = name.split(':')[0]!;
      expect(() => patchKatex(source.replace(from, from.replace(/\s+/, '  ')), 'katex.mjs')).toThrow(`katex.mjs: KaTeX changed (0 copies of the text patched for ${short}, not 1)`);
      expect(() => patchKatex(`${source}\n${from}`, 'katex.mjs')).toThrow(`(2 copies of the text patched for ${short}, not 1)`);
    }
    expect(patchKatex(source)).not.toContain(patches[0]![1]);
  });

  it("makes the unpatched KaTeX's markup and errors, byte for byte", () => {
    const jobs: Job[] = [];
    for (const tex of fixtureFormulas()) {
      for (const displayMode of [false, true]) {
        jobs.push([tex, { displayMode, output: 'htmlAndMathml', throwOnError: false, trust: true, strict: 'ignore' }]);
        jobs.push([tex, { displayMode, output: 'html', throwOnError: true }]);
      }
    }
    // More distinct lengths than makeEm keeps: its cache is emptied on the way.
    jobs.push([Array.from({ length: 5000 }, (_, i) => `\\kern{${(i / 997).toFixed(5)}em}x`).join(''), { output: 'htmlAndMathml' }]);
    const want = unpatched(jobs);
    expect(want.filter((h) => h.startsWith('error: ')).length).toBeGreaterThan(0);
    expect(want.filter((h) => h.includes('&quot;') && h.includes('&lt;')).length).toBeGreaterThan(0);
    jobs.forEach((job, i) => expect(patched(job), job[0]).toBe(want[i]));
  });

  it('switched on, writes each glyph in a span of its own as its data-c: with the rest moved, the markup of src/render/katex-markup.ts', () => {
    const switchGlyphs = (katexModule as unknown as { __hpGlyphsAsAttributes: (on: boolean) => boolean }).__hpGlyphsAsAttributes;
    const jobs: Job[] = [];
    for (const tex of fixtureFormulas()) {
      for (const displayMode of [false, true]) jobs.push([tex, { displayMode, output: 'htmlAndMathml', throwOnError: false, trust: true, strict: 'ignore' }]);
    }
    const want = unpatched(jobs).map((html) => oneTextCopy(html));
    let allAttributes = 0;
    jobs.forEach((job, i) => {
      switchGlyphs(true);
      const markup = patched(job);
      const left = switchGlyphs(false);
      if (!left) allAttributes++;
      expect(oneTextCopy(markup, left), job[0]).toBe(want[i]);
    });
    // Both sides leave the glyphs of the same classes as text.
    expect(OWN_BEFORE_CLASSES).toEqual([...MARKUP_OWN_BEFORE]);
    // Nearly every formula needs no rewrite of its glyphs at all; switched off again, KaTeX's own markup.
    expect(allAttributes).toBeGreaterThan(jobs.length * 0.8);
    expect(patched(jobs[0]!)).toBe(unpatched([jobs[0]!])[0]);
  });
});
