/**
 * Edge cases end to end (fixtures/tricky): the built CLI on copies of the site, then real Hugo (0.111.3
 * and the newest), asserting on the HTML Hugo publishes. Covers template safety (`{{` in math and
 * captions), math in every Markdown structure, `$` that is not math, shortcode escapes, a markup
 * shortcode around math, CRLF, BOM, YAML/JSON front matter, a leaf bundle's image, KaTeX errors (exit
 * status, positions, --errors render), deleted sources (no ghost page) and edited ones (stale warning).
 *
 * Three copies of the site, prerendered once each and shared by every assertion:
 *  - `fail`: the default error mode (content/posts/bad.md has two broken formulas → exit 1);
 *  - `render`: --errors render;
 *  - `edit`: prerendered, then content/posts/code.md deleted and prerendered again, then
 *    content/posts/structures.md edited without prerendering.
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import {
  attr,
  byClass,
  byTag,
  findAll,
  hasClass,
  outermostByClass,
  parseHtml,
  text,
  textWithout,
  texOf,
  type Element,
} from '../helpers/html.js';
import { copyProjectSite, listFiles, runPrerender, type CliRun } from '../helpers/prerender.js';

const FIXTURE = 'fixtures/tricky';
const source = (rel: string) => readFileSync(path.join(PROJECT_ROOT, FIXTURE, rel), 'utf8');

/** 1-based line and column (UTF-16 units, as the CLI counts) of the first `needle` in a fixture file. */
function positionOf(rel: string, needle: string, delta = 0): { line: number; column: number } {
  const text = source(rel);
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${rel}`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

const BAD = 'content/posts/bad.md';
const BAD_COMMAND = positionOf(BAD, '\\badcommand');
// KaTeX reports the unclosed group at the end of the formula: the closing `$`.
const UNCLOSED = positionOf(BAD, '$ unclosed');

let fail: { site: string; run: CliRun };
let render: { site: string; run: CliRun };
let edit: { site: string; first: CliRun; run: CliRun };

beforeAll(() => {
  const failSite = copyProjectSite(FIXTURE);
  fail = { site: failSite, run: runPrerender(failSite) };
  const renderSite = copyProjectSite(FIXTURE);
  render = { site: renderSite, run: runPrerender(renderSite, ['--errors', 'render']) };
  const editSite = copyProjectSite(FIXTURE);
  const first = runPrerender(editSite);
  rmSync(path.join(editSite, 'content/posts/code.md'));
  const run = runPrerender(editSite);
  appendFileSync(path.join(editSite, 'content/posts/structures.md'), '\nAn edit made after prerendering.\n');
  edit = { site: editSite, first, run };
});

describe('hugo-prerender build on the tricky site', () => {
  it('exits 1 and reports each broken formula as path:line:col: error, at the offending character', () => {
    const { run } = fail;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.diagnostics).toEqual([
      { file: BAD, ...BAD_COMMAND, severity: 'error', message: expect.stringContaining('Undefined control sequence: \\badcommand') },
      { file: BAD, ...UNCLOSED, severity: 'error', message: expect.stringContaining("Expected '}'") },
    ]);
    expect(run.stderr).toContain(`${BAD}:${BAD_COMMAND.line}:${BAD_COMMAND.column}: error: `);
    // 10 pages; 27 formulas outside figures (bad.md's 3 counted too), the bundle and braces figures.
    // Every page is prerendered: a formula KaTeX rejects never holds back the rest of its page.
    expect(run.summary).toMatchObject({ pages: 10, prerendered: 10, formulas: 27, figures: 2, errors: 2, warnings: 0 });
  });

  it('still writes every page, the one with bad formulas with those left as written', () => {
    const shadows = listFiles(path.join(fail.site, '.prerender/content'));
    expect(shadows).toEqual([
      'posts/bad.md',
      'posts/bom.md',
      'posts/braces.md',
      'posts/bundle/index.md',
      'posts/code.md',
      'posts/crlf.md',
      'posts/json.md',
      'posts/notice.md',
      'posts/structures.md',
      'posts/yaml.md',
    ]);
  });

  it('keeps the bytes of the source in each shadow: front matter, CRLF line endings, BOM, lines without math', () => {
    for (const rel of ['posts/crlf.md', 'posts/bom.md', 'posts/code.md', 'posts/json.md']) {
      const shadow = readFileSync(path.join(fail.site, '.prerender/content', rel), 'utf8');
      const original = source(`content/${rel}`);
      const frontMatterEnd = original.indexOf('\n', original.indexOf('\n') + 1);
      const head = rel.endsWith('json.md') ? original.slice(0, original.indexOf('}\n') + 2) : original.slice(0, frontMatterEnd + 1);
      expect(shadow.startsWith(head), rel).toBe(true);
      // Every line without math is in the shadow as written, line ending included.
      let inDisplay = false;
      for (const line of original.match(/[^\n]*\n|[^\n]+$/g)!) {
        if (line.trim() === '$$') inDisplay = !inDisplay;
        if (inDisplay || line.trim() === '' || /\$|\\\(|\\\[/.test(line)) continue;
        expect(shadow, `${rel}: ${JSON.stringify(line)}`).toContain(line);
      }
    }
    expect(readFileSync(path.join(fail.site, '.prerender/content/posts/crlf.md'), 'utf8')).toContain('\r\n');
    expect(readFileSync(path.join(fail.site, '.prerender/content/posts/bom.md')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('with --errors render: exits 0 and reports the same positions as warnings', () => {
    const { run } = render;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.diagnostics).toEqual([
      { file: BAD, ...BAD_COMMAND, severity: 'warning', message: expect.stringContaining('(rendered as an error span)') },
      { file: BAD, ...UNCLOSED, severity: 'warning', message: expect.stringContaining('(rendered as an error span)') },
    ]);
    expect(run.summary).toMatchObject({ prerendered: 10, errors: 0, warnings: 2 });
  });

  it('removes the shadow of a deleted source', () => {
    expect(edit.first.code).toBe(1);
    expect(edit.run.code).toBe(1);
    expect(edit.run.summary).toMatchObject({ pages: 9, prerendered: 9 });
    expect(existsSync(path.join(edit.site, '.prerender/content/posts/code.md'))).toBe(false);
    expect(existsSync(path.join(edit.site, '.prerender/content/posts/crlf.md'))).toBe(true);
  });
});

describeEachHugo('the tricky site built by Hugo', (hugo) => {
  let built: BuildResult;
  const pages = new Map<string, Element>();
  /** The <article> of a built page. */
  const article = (slug: string): Element => {
    let a = pages.get(slug);
    if (!a) {
      const found = findAll(parseHtml(built.read(`posts/${slug}/index.html`)), (el) => el.tagName === 'article');
      expect(found, slug).toHaveLength(1);
      a = found[0]!;
      pages.set(slug, a);
    }
    return a;
  };
  const tex = (el: Element) => outermostByClass(el, 'katex').map((k) => texOf(k).trim());
  const visible = (el: Element) => textWithout(el, (e) => hasClass(e, 'katex-mathml'));

  beforeAll(() => {
    built = buildSite(hugo.bin, fail.site, { copy: false, linkPackage: false });
  });

  it('builds despite the failed page, without errors or warnings', () => {
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.errors).toEqual([]);
    expect(built.warnings.filter((w) => !/\bdeprecated\b/.test(w))).toEqual([]);
  });

  it('neutralises {{ in math and in a figure caption (template safety)', () => {
    const a = article('braces');
    expect(tex(a)).toEqual(['\\{\\{x\\}\\}', '\\text{{{a}}}', '\\{\\{y\\}\\}']);
    const caption = byTag(a, 'figcaption')[0]!;
    expect(visible(caption)).toContain('Go template braces {{ .Title }} and {{x}} with');
    expect(outermostByClass(caption, 'katex')).toHaveLength(1);
    // The image's own format, at its own width (8 px), from the image pipeline.
    const src = attr(byTag(a, 'img')[0]!, 'src')!;
    expect(src).toMatch(/^\/prerender\/img\/[0-9a-f]{20}\/dot-8\.png$/);
    expect(existsSync(path.join(built.publicDir, src))).toBe(true);
  });

  it('typesets math in headings, lists, quotes, tables, footnotes and link text', () => {
    const a = article('structures');
    const inside = (els: Element[]) => els.flatMap((el) => tex(el));
    expect(inside(byTag(a, 'h2'))).toEqual(['\\alpha_1']);
    expect(inside(byTag(a, 'ul'))).toEqual(['\\beta_{i}', '\\gamma^2']);
    expect(inside(byTag(byTag(a, 'ul')[0]!, 'ol'))).toEqual(['\\gamma^2']);
    expect(inside(byTag(a, 'blockquote').slice(0, 1))).toEqual(['\\delta_t', '\\epsilon_*']);
    expect(inside(byTag(a, 'td'))).toEqual(['\\zeta_1', 'a \\vert b']);
    expect(inside(findAll(a, (el) => el.tagName === 'a' && attr(el, 'href') === 'https://example.org/'))).toEqual(['\\eta']);
    expect(inside(byClass(a, 'footnotes'))).toEqual(['\\theta_{\\text{fn}}']);
    const display = byClass(a, 'katex-display').flatMap((d) => tex(d));
    expect(display).toEqual(['\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}', 'E = mc^2', '\\mu']);
    expect(tex(a)).toHaveLength(13);
    expect(tex(a)).toContain('\\lambda');
    expect(visible(a)).not.toMatch(/\$|\\\(|\\\[/);
  });

  // Hugo derives the id from the heading's text, which in the shadow holds a placeholder: without
  // care the id becomes "heading-with-hahahugoshortcode…-math" instead of the id of the original.
  it('keeps the heading id Hugo gives the original page', () => {
    expect(attr(byTag(article('structures'), 'h2')[0]!, 'id')).toBe('heading-with-alpha_1-math');
  });

  it('leaves $ in code, escaped \\$, prices, HTML blocks and shortcode escapes alone', () => {
    const a = article('code');
    // q_after follows a list item whose fence holds a multi-line shortcode escape: masking that escape
    // must not break the list (it once turned the rest of the page into a code block: no math found).
    expect(tex(a)).toEqual(['p_{\\text{real}}', 'q_{\\text{after}}']);
    expect(byTag(a, 'code').map((c) => text(c))).toEqual([
      '$x$',
      'a $ b',
      '$y$ in a fence\n',
      '$z$ in an indented block\n',
      '{{< figure\n    src="x" >}}\n',
    ]);
    const t = visible(a);
    expect(t).toContain('An escaped $5 and a price of $10 or $20, and $30 vs. $40.');
    expect(t).toContain('$not math$ in HTML');
    // Hugo prints the escaped shortcode (its typographer curls the quotes); nothing renders it.
    expect(t).toMatch(/Shortcode escape: \{\{< figure src=.x. >\}\} is printed literally\./);
    expect(byTag(a, 'figure')).toEqual([]);
  });

  it('typesets math inside a {{% markup %}} shortcode of the theme', () => {
    const notices = byClass(article('notice'), 'notice');
    expect(notices).toHaveLength(1);
    expect(hasClass(notices[0]!, 'notice-warning')).toBe(true);
    expect(byTag(notices[0]!, 'strong').map((s) => text(s))).toEqual(['markup']);
    expect(tex(notices[0]!)).toEqual(['a^2 + b^2 = c^2']);
  });

  it('handles CRLF, a BOM, YAML and JSON front matter', () => {
    expect(tex(article('crlf'))).toEqual(['x_1', 'y = \\frac{1}{2}', 'z_{\\text{end}}']);
    expect(byClass(article('crlf'), 'katex-display')).toHaveLength(1);
    for (const [slug, title, formula] of [
      ['bom', 'BOM', '\\omega'],
      ['yaml', 'YAML: front matter', '\\phi(x)'],
      ['json', 'JSON front matter', '\\psi'],
    ] as const) {
      expect(text(byTag(article(slug), 'h1')[0]!), slug).toBe(title);
      expect(tex(article(slug)), slug).toEqual([formula]);
    }
  });

  it("renders a leaf bundle's figure with the bundle's image", () => {
    const a = article('bundle');
    const img = byTag(a, 'img')[0]!;
    expect(attr(img, 'alt')).toBe('bundle picture');
    const resolved = new URL(attr(img, 'src')!, 'https://example.org/posts/bundle/').pathname;
    expect(existsSync(path.join(built.publicDir, resolved))).toBe(true);
    expect(tex(byTag(a, 'figcaption')[0]!)).toEqual(['\\alpha']);
  });

  it('publishes the failed page with its good formula typeset and the bad ones as the author wrote them', () => {
    const a = article('bad');
    expect(outermostByClass(a, 'katex').map((el) => texOf(el))).toEqual(['c^2']);
    expect(text(a)).toContain('$a + \\badcommand b$');
  });

  describe('with --errors render', () => {
    let r: BuildResult;
    beforeAll(() => {
      r = buildSite(hugo.bin, render.site, { copy: false, linkPackage: false });
    });

    it("shows KaTeX's red error rendering in place of the broken formulas", () => {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const a = findAll(parseHtml(r.read('posts/bad/index.html')), (el) => el.tagName === 'article')[0]!;
      const red = findAll(a, (el) => /color:\s*#cc0000/.test(attr(el, 'style') ?? ''));
      expect(red.map((el) => textWithout(el, () => false))).toEqual(expect.arrayContaining(['\\badcommand', 'x^{2']));
      const errors = byClass(a, 'katex-error');
      expect(errors).toHaveLength(1);
      expect(attr(errors[0]!, 'title')).toContain("Expected '}'");
      expect(visible(a)).not.toContain('$');
    });
  });

  describe('after deleting one source and editing another', () => {
    let r: BuildResult;
    beforeAll(() => {
      r = buildSite(hugo.bin, edit.site, { copy: false, linkPackage: false });
    });

    it('publishes no ghost of the deleted page', () => {
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(existsSync(path.join(r.publicDir, 'posts/code/index.html'))).toBe(false);
      expect(existsSync(path.join(r.publicDir, 'posts/crlf/index.html'))).toBe(true);
    });

    it('warns that the edited page is stale, naming it, and nothing else', () => {
      const ours = r.warnings.filter((w) => w.includes('hugo-prerender'));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toContain(
        'hugo-prerender: content/posts/structures.md: changed since it was prerendered, the published page is stale; run hugo-prerender build',
      );
    });
  });
});
