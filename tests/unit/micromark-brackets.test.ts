/**
 * Nested brackets cost a linear parse (scripts/micromark-linear-plugin.mjs, boundedFootnoteCall and
 * boundedLabelEnd): at each `]`, micromark looked its whole label up among the link definitions, and the
 * footnote extension walked back over the paragraph, so a 400 KB guest post of brackets around a formula
 * kept a build busy for over ten minutes. Links, references and footnotes still parse as before; the
 * patches are installed in the tests' micromark as in the bundle's, and fail the build if the packages
 * change under them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { delimiterPairs, parseMarkdownWithMath } from '../../src/content/math.js';
import { runCli } from '../helpers/prerender.js';
// @ts-expect-error plain JS module shared with the esbuild build
import { boundedFootnoteCall, boundedLabelEnd, GFM_FOOTNOTE, LABEL_END } from '../../scripts/micromark-linear-plugin.mjs';

/** The node types of the tree, in document order. */
function types(md: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes) => {
    out.push(n.type);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(parseMarkdownWithMath(md, delimiterPairs()));
  return out;
}

describe('brackets: links, references and footnotes as before', () => {
  it('a footnote call before and after its definition, and one without a definition', () => {
    expect(types('See [^n] here.\n\n[^n]: The note.\n\nAgain [^n], and [^none].').filter((t) => t.startsWith('footnote'))).toEqual([
      'footnoteReference',
      'footnoteDefinition',
      'footnoteReference',
    ]);
  });

  it('full, collapsed and shortcut references, inline links, images; no reference without a definition', () => {
    const md = '[a][d] [d][] [d] [x](/u) ![i](/i.png) [none]\n\n[d]: /d\n';
    expect(types(md).filter((t) => /link|image/i.test(t))).toEqual(['linkReference', 'linkReference', 'linkReference', 'link', 'image']);
  });

  it('a label of 999 characters is a reference; one of 1000 is text (CommonMark: at most 999)', () => {
    const label = (n: number) => `a${' '.repeat(n - 2)}b`;
    expect(types(`[${label(999)}]\n\n[a b]: /u\n`)).toContain('linkReference');
    expect(types(`[${label(1000)}]\n\n[a b]: /u\n`)).not.toContain('linkReference');
  });

  it('math inside nested brackets is found', () => {
    const md = `${'['.repeat(30)}$x$${']'.repeat(30)}`;
    expect(types(md)).toContain('mathSpan');
  });
});

describe('brackets: the cost of a hostile page', () => {
  // A guard against hanging, not a speed claim (scripts/bench-hostile.mjs measures). Run with the bundle,
  // as a user runs it: the tests' micromark is its development build, whose checks are slow on such a page
  // in their own right. Before the patches this build took far more than ten minutes; after, 1-4 s.
  it('200,000 brackets around a formula, with a link and a footnote definition on the page: built, the formula typeset', { timeout: 150_000 }, () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'hp-brackets-'));
    try {
      mkdirSync(path.join(site, 'content'));
      writeFileSync(path.join(site, 'hugo.toml'), 'title = "t"\n');
      writeFileSync(path.join(site, 'content/p.md'), `[a]: /u\n\n[^a]: note\n\n${'['.repeat(200_000)}$x$${']'.repeat(200_000)}\n`);
      const r = runCli(['build', '-q', '-s', site], { timeoutMs: 120_000 });
      expect(r.summary, r.stdout + r.stderr).toMatchObject({ pages: 1, prerendered: 1, formulas: 1, errors: 0 });
      expect(readFileSync(path.join(site, '.prerender/content/p.md'), 'utf8')).toContain('class="katex"');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('brackets: the patches', () => {
  it('apply to both builds of each package, and fail the build when the code they change is gone', () => {
    const root = fileURLToPath(new URL('../../node_modules/', import.meta.url));
    for (const [pkg, re, patch, marker] of [
      ['micromark-extension-gfm-footnote', GFM_FOOTNOTE, boundedFootnoteCall, '__hpFloor'],
      ['micromark-core-commonmark', LABEL_END, boundedLabelEnd, 'self.now().offset - labelStart.end.offset <= 999'],
    ] as const) {
      for (const build of ['lib', 'dev/lib']) {
        const file = path.join(root, pkg, build, pkg.endsWith('footnote') ? 'syntax.js' : 'label-end.js');
        expect(re.test(file), file).toBe(true);
        expect(patch(readFileSync(file, 'utf8'), file)).toContain(marker);
      }
      expect(() => patch('export {}', 'x.js')).toThrow(/changed/);
    }
  });
});
