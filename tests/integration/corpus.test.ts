/**
 * Issue 2's "done when" for real posts: every post of fixtures/corpus (three themes' example and
 * documentation pages) prerenders without a crash, each problem is reported with file:line:col, and
 * Hugo (0.111.3 and the newest) builds a site made of them afterwards. One site per project
 * (fixtures/corpus-site/<site>/), since their math conventions differ.
 *
 * What the CLI reports for each post is recorded below: a change in those numbers is a change in
 * behaviour to look at, not noise.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import { byTag, findAll, hasClass, outermostByClass, parseHtml, textWithout } from '../helpers/html.js';
import { copyProjectSite, listFiles, runPrerender, type CliRun, type Summary } from '../helpers/prerender.js';

interface Project {
  /** fixtures/corpus-site/<site> */
  site: string;
  /** fixtures/corpus/<corpus>/<content> is copied to the site's content/. */
  corpus: string;
  content: string;
  summary: Partial<Summary>;
  /** Warnings per post (files not listed: none). */
  warnings: Record<string, number>;
  /** Built page → number of typeset formulas in its <article>. */
  pages: Record<string, number>;
  /**
   * Pages whose visible text may still hold math delimiters, and why (known gaps, not crashes).
   */
  rawMathAllowed?: Record<string, string>;
}

const PROJECTS: Project[] = [
  {
    site: 'loveit',
    corpus: 'dillonzq+LoveIt',
    content: 'exampleSite/content',
    // Bare environments (LoveIt's KaTeX auto-render takes them) and the TeX inside {{< raw >}} are typeset too.
    summary: { pages: 4, prerendered: 4, formulas: 48, figures: 1, errors: 0, warnings: 6 },
    warnings: {
      // Its figure example points at /images/zion-national-park.jpg, which the corpus does not include.
      'content/posts/theme-documentation-built-in-shortcodes/index.en.md': 1,
      // KaTeX's strict-mode notice about `\\` in \[ a=b+c \\ d+e=f \] (a line break does nothing in display math),
      // and its Markdown image summary.png, a file of the page bundle that the corpus does not include either.
      'content/posts/theme-documentation-content/index.en.md': 2,
      'content/posts/theme-documentation-content/index.zh-cn.md': 2,
      'content/posts/theme-documentation-extended-shortcodes/index.en.md': 1,
    },
    pages: {
      'posts/theme-documentation-content/index.html': 23,
      'zh-cn/posts/theme-documentation-content/index.html': 23,
      'posts/theme-documentation-built-in-shortcodes/index.html': 0,
      'posts/theme-documentation-extended-shortcodes/index.html': 2,
    },
  },
  {
    site: 'hugo-book',
    corpus: 'alex-shpak+hugo-book',
    content: 'exampleSite/content.en',
    // The $$ block after a {{% columns %}} list whose fences hold multi-line shortcode escapes, and
    // \\( \pi(x) \\) in a table, and {{< katex >}}\pi(x){{< /katex >}}, typeset here instead of in the browser.
    summary: { pages: 1, prerendered: 1, formulas: 3, figures: 0, errors: 0, warnings: 0 },
    warnings: {},
    pages: { 'docs/content/shortcodes/katex/index.html': 3 },
  },
  {
    site: 'hextra',
    corpus: 'imfing+hextra',
    content: 'docs/content',
    // \( \) inline, $$ $$ display (passthrough delimiters), aligned, mhchem; the zh-cn page repeats them
    // (6 cache hits within the run).
    summary: { pages: 2, prerendered: 2, formulas: 12, figures: 0, cacheHits: 6, errors: 0, warnings: 0 },
    warnings: {},
    pages: { 'docs/guide/latex/index.html': 6, 'zh-cn/docs/guide/latex/index.html': 6 },
  },
];

let root: string;
const runs = new Map<string, CliRun>();
const siteDir = (p: Project) => path.join(root, p.site);

beforeAll(() => {
  root = copyProjectSite('fixtures/corpus-site');
  for (const p of PROJECTS) {
    cpSync(path.join(PROJECT_ROOT, 'fixtures/corpus', p.corpus, p.content), path.join(siteDir(p), 'content'), { recursive: true });
    runs.set(p.site, runPrerender(siteDir(p)));
  }
});

it('covers every post of fixtures/corpus', () => {
  // The other folders of fixtures/corpus are measured by `npm run corpus` (tests/unit/corpus.test.ts).
  const posts = listFiles(path.join(PROJECT_ROOT, 'fixtures/corpus'))
    .filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))
    .filter((f) => PROJECTS.some((p) => f.startsWith(`${p.corpus}/`)));
  const covered = PROJECTS.flatMap((p) =>
    listFiles(path.join(PROJECT_ROOT, 'fixtures/corpus', p.corpus, p.content)).map((f) => `${p.corpus}/${p.content}/${f}`),
  );
  expect(posts.length).toBe(7);
  expect(covered.sort()).toEqual(posts);
});

for (const p of PROJECTS) {
  describe(`hugo-prerender build on the ${p.site} corpus`, () => {
    it('does not crash and exits 0', () => {
      const run = runs.get(p.site)!;
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/internal error/i);
      expect(run.summary).toMatchObject(p.summary);
    });

    it('locates every diagnostic at a real position of its file', () => {
      const run = runs.get(p.site)!;
      // Every printed diagnostic has the file:line:col shape (the summary counts them all).
      expect(run.diagnostics).toHaveLength(run.summary!.errors + run.summary!.warnings);
      for (const d of run.diagnostics) {
        expect(d.file).toMatch(/^content\//);
        const lines = readFileSync(path.join(siteDir(p), d.file), 'utf8').split('\n');
        expect(d.line, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        expect(d.line, JSON.stringify(d)).toBeLessThanOrEqual(lines.length);
        expect(d.column, JSON.stringify(d)).toBeGreaterThanOrEqual(1);
        expect(d.column, JSON.stringify(d)).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
      }
    });

    it('reports the recorded number of warnings per post', () => {
      const perFile: Record<string, number> = {};
      for (const d of runs.get(p.site)!.diagnostics) perFile[d.file] = (perFile[d.file] ?? 0) + 1;
      expect(perFile).toEqual(p.warnings);
    });
  });
}

describeEachHugo('the corpus sites built by Hugo', (hugo) => {
  for (const p of PROJECTS) {
    describe(p.site, () => {
      let built: BuildResult;
      beforeAll(() => {
        built = buildSite(hugo.bin, siteDir(p), { copy: false, linkPackage: false });
      });

      it('builds without errors or warnings', () => {
        expect(built.code, built.stdout + built.stderr).toBe(0);
        expect(built.errors).toEqual([]);
        expect(built.warnings.filter((w) => !/\bdeprecated\b/.test(w))).toEqual([]);
      });

      it('shows the recorded number of typeset formulas on each page, and no KaTeX errors', () => {
        for (const [page, count] of Object.entries(p.pages)) {
          const tree = parseHtml(built.read(page));
          const article = findAll(tree, (el) => el.tagName === 'article')[0]!;
          expect(outermostByClass(article, 'katex'), page).toHaveLength(count);
          expect(findAll(article, (el) => hasClass(el, 'katex-error')), page).toEqual([]);
        }
      });

      it('leaves no math delimiters in the visible text outside code (except the recorded gaps)', () => {
        for (const page of Object.keys(p.pages)) {
          if (p.rawMathAllowed?.[page]) continue;
          const article = findAll(parseHtml(built.read(page)), (el) => el.tagName === 'article')[0]!;
          const visible = textWithout(article, (el) => hasClass(el, 'katex-mathml') || el.tagName === 'code' || el.tagName === 'pre');
          expect(visible, page).not.toMatch(/\$\$|\\\(|\\\[|\\\\\(|\\\\\[/);
        }
      });

      if (p.site === 'loveit') {
        it('renders the theme shortcodes (our stand-ins) and our figure', () => {
          const tree = parseHtml(built.read('posts/theme-documentation-content/index.html'));
          const admonitions = findAll(tree, (el) => hasClass(el, 'admonition'));
          const src = readFileSync(path.join(siteDir(p), 'content/posts/theme-documentation-content/index.en.md'), 'utf8');
          expect(admonitions).toHaveLength(src.match(/\{\{< admonition\b/g)!.length);
          expect(byTag(tree, 'figure')).toEqual([]);
          const figurePage = parseHtml(built.read('posts/theme-documentation-built-in-shortcodes/index.html'));
          expect(byTag(figurePage, 'figure')).toHaveLength(1);
        });
      }
    });
  }
});
