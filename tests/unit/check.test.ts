/**
 * `hugo-prerender check`: per page, formulas found, typeset and failed with KaTeX's reason at the
 * formula's position; the site total; nothing written.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, formatCheck } from '../../src/check.js';
import { buildSite, formatDiagnostic } from '../../src/build.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { runCli } from '../helpers/prerender.js';
import { ONE_PIXEL_PNG, tempSites } from '../helpers/temp-site.js';

const tempSite = tempSites('hp-check-');

const site = path.join(PROJECT_ROOT, 'fixtures/math-check');

describe('checkSite', () => {
  it('counts formulas found, typeset and failed per page and in total', async () => {
    const r = await checkSite(site);
    const mixed = r.pages.find((p) => p.file === 'content/posts/mixed.md')!;
    expect(mixed).toMatchObject({ found: 5, typeset: 3 });
    const failed = mixed.formulas.filter((f) => f.error !== undefined);
    expect(failed.map((f) => [f.line, f.column])).toEqual([
      [11, 12],
      [11, 28],
    ]);
    expect(failed[1]!.error).toMatch(/\\foo/);
    expect(r.pages.find((p) => p.file === 'content/posts/plain.md')).toMatchObject({ found: 0, typeset: 0 });
    expect(r).toMatchObject({ found: 5, typeset: 3 });
    expect(existsSync(path.join(site, '.prerender'))).toBe(false);
  });

  it('prints one line per page with math, its failures located, and the total', async () => {
    const text = formatCheck(await checkSite(site), { formatDiagnostic });
    expect(text).toContain('content/posts/mixed.md: 5 formulas found, 3 typeset, 2 failed');
    // As build reports it (params.prerender.errors, "fail" by default): an error.
    expect(text).toMatch(/^ {2}content\/posts\/mixed\.md:11:\d+: error: .*\\foo/m);
    expect(text).not.toContain('plain.md');
    expect(text.trim().split('\n').at(-1)).toBe('hugo-prerender check: 2 pages, 5 formulas found, 3 typeset (60.0 %), 2 failed');
  });
});

describe('checkSite, formulas outside the text', () => {
  it('counts and locates the formulas of captions and titles; --errors render makes them warnings, still failed', async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'content/p.md': '---\ntitle: "Why $x$ and $\\\\foo$"\n---\nText $y$.\n\n{{< figure src="/a.png" caption="Bad $\\frac{a$" >}}\n',
    });
    const r = await checkSite(dir);
    expect(r).toMatchObject({ found: 4, typeset: 2 });
    const text = formatCheck(r, { formatDiagnostic });
    expect(text).toContain('content/p.md: 4 formulas found, 2 typeset, 2 failed');
    // The total says how many are outside the text, which build's own count leaves out.
    expect(text.trim().split('\n').at(-1)).toBe('hugo-prerender check: 1 page, 4 formulas found (3 outside the text), 2 typeset (50.0 %), 2 failed');
    expect(text).toMatch(/^ {2}content\/p\.md:6:25: error: figure: .*\\frac\{a"\), left as written$/m);
    // A page's problems in build's order, by line and column (the title's came after the body's).
    const places = [...text.matchAll(/^ {2}content\/p\.md:(\d+):(\d+):/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(places).toEqual([...places].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(places[0]).toEqual([2, 21]);
    // Escaped in its YAML string (\\foo for \foo), the formula is found as written there (it was the key's 2:1).
    expect(text).toMatch(/^ {2}content\/p\.md:2:21: error: title: Undefined control sequence: \\foo/m);
    const rendered = formatCheck(await checkSite(dir, { errors: 'render' }), { formatDiagnostic });
    expect(rendered).toContain('content/p.md: 4 formulas found, 2 typeset, 2 failed');
    expect(rendered).toMatch(/^ {2}content\/p\.md:6:25: warning: figure: .*\(rendered as an error span\)$/m);
    expect(existsSync(path.join(dir, '.prerender'))).toBe(false);
    // The command exits as build does: 1 where a rejected formula is an error, 0 where it is rendered (a
    // site on errors = "render" could never pass check in CI: found by an audit).
    expect(runCli(['check', '-s', dir]).code).toBe(1);
    expect(runCli(['check', '-s', dir, '--errors', 'render']).code).toBe(0);
    expect(runCli(['build', '-s', dir, '--errors', 'render']).code).toBe(0);
  });
});

describe('checkSite and buildSite agree', () => {
  it('on where a page that is not a bundle looks for its figure image (check took every page for a bundle)', async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'content/posts/p.md': '---\ntitle: P\n---\n{{< figure src="images/missing.png" caption="C" >}}\n',
    });
    const checked = (await checkSite(dir)).pages[0]!.diagnostics.map(formatDiagnostic);
    expect(checked).toHaveLength(1);
    expect(checked[0]).toMatch(/the page is not a bundle/);
    const built = (await buildSite({ source: dir })).diagnostics.filter((d) => d.file === 'content/posts/p.md').map(formatDiagnostic);
    expect(built).toEqual(checked);
  });

  it('on a Markdown image the page bundle lacks (check ran without the image pipeline, and said nothing), and on references', async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'content/posts/b/index.md': '---\ntitle: B\n---\n![gone](nope.png) ![there](a.png) ![static](/s.png)\n\nSee @fig-x and @fig-a.\n\n{{< gru-cell id="fig-a" >}}\n',
      'content/posts/b/a.png': ONE_PIXEL_PNG,
    });
    const r = await checkSite(dir);
    // No formula on the site: no percentage of none.
    expect(formatCheck(r, { formatDiagnostic }).trim().split('\n').at(-1)).toBe('hugo-prerender check: 1 page, 0 formulas found, 0 typeset, 0 failed');
    const checked = r.pages.flatMap((p) => p.diagnostics).map(formatDiagnostic);
    expect(checked).toEqual([
      'content/posts/b/index.md:4:1: warning: Markdown image "nope.png" is not in the page bundle (looked for content/posts/b/nope.png), so the page shows a broken image',
      'content/posts/b/index.md:6:5: warning: @fig-x refers to no figure on this page, so it is left as written; did you mean @fig-a?',
    ]);
    expect(existsSync(path.join(dir, '.prerender'))).toBe(false);
    const built = (await buildSite({ source: dir })).diagnostics.filter((d) => d.file === 'content/posts/b/index.md').map(formatDiagnostic);
    expect(built).toEqual(checked);
  });

  it('on params.prerender.katex.strict = "error": a formula KaTeX typesets but LaTeX would not fails at its character', async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n[params.prerender.katex]\nstrict = "error"\n',
      'content/posts/p.md': '---\ntitle: P\n---\nGood $x$, then $x + é$.\n\n$$\na \\\\ b\n$$\n',
    });
    const r = await checkSite(dir);
    const checked = r.pages.flatMap((p) => p.diagnostics).map(formatDiagnostic);
    expect(checked).toEqual([
      expect.stringMatching(/^content\/posts\/p\.md:4:21: error: LaTeX-incompatible input \(params\.prerender\.katex\.strict = "error"\): Accented Unicode .*\[unicodeTextInMathMode\]$/),
      expect.stringMatching(/^content\/posts\/p\.md:7:3: error: LaTeX-incompatible input .*\[newLineInDisplayMode\]$/),
    ]);
    expect(r).toMatchObject({ found: 3, typeset: 1 });
    const built = await buildSite({ source: dir });
    expect(built.failed).toBe(true);
    expect(built.diagnostics.filter((d) => d.file === 'content/posts/p.md').map(formatDiagnostic)).toEqual(checked);
    // Left as written in the copy, as a formula KaTeX rejects is.
    expect(readFileSync(path.join(dir, '.prerender/content/posts/p.md'), 'utf8')).toContain('then $x + é$.');
  });

  it("on our own shortcodes' tags in an Org page (Hugo runs them there): an error at the first, counted, exit 1", async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'content/posts/e.org': '#+title: E\n\nText {{< prerender-nofeed >}}<b>x</b>{{< /prerender-nofeed >}}\n',
      'content/posts/plain.org': '#+title: P\n\nNothing of ours.\n',
    });
    const r = await checkSite(dir);
    const checked = r.pages.flatMap((p) => p.diagnostics).map(formatDiagnostic);
    expect(checked).toEqual([expect.stringMatching(/^content\/posts\/e\.org:3:6: error: .*left out of this org page/)]);
    const text = formatCheck(r, { formatDiagnostic });
    expect(text.trim().split('\n').at(-1)).toBe('hugo-prerender check: 1 page, 0 formulas found, 0 typeset, 0 failed; 1 other error');
    expect(runCli(['check', '-s', dir]).code).toBe(1);
    const built = (await buildSite({ source: dir })).diagnostics.map(formatDiagnostic);
    expect(built).toEqual(checked);
  });
});

describe('check reports everything build would, and writes nothing', () => {
  it('file names build refuses (case twins, a backtick), the head partial, mounts init would add: the same diagnostics, exit 1 both', async () => {
    // check said nothing of these and exited 0 where build exited 1: a CI job running check passed a
    // site whose build then failed.
    const dir = tempSite({
      'hugo.toml':
        'title = "t"\n' +
        '[[module.mounts]]\nsource = ".prerender/content"\ntarget = "content"\n' +
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n' +
        '[[module.mounts]]\nsource = "notes"\ntarget = "content/notes"\n',
      'layouts/_default/single.html': '<html><head></head><body>{{ .Content }}</body></html>\n',
      'content/posts/Case.md': '---\ntitle: A\n---\n$a$\n',
      'content/posts/case.md': '---\ntitle: B\n---\n$b$\n',
      'content/posts/we`ird.md': '---\ntitle: C\n---\n$c$\n',
      'notes/n.md': '---\ntitle: Note\n---\n$n$\n',
    });
    const snapshot = () => {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const abs = path.join(d, e.name);
          out.push(`${path.relative(dir, abs)} ${statSync(abs).mtimeMs}`);
          if (e.isDirectory()) walk(abs);
        }
      };
      walk(dir);
      return out.sort();
    };
    const before = snapshot();
    const checked = runCli(['check', '-s', dir]);
    expect(snapshot()).toEqual(before);
    const built = runCli(['build', '-s', dir]);
    expect(built.code, built.stdout + built.stderr).toBe(1);
    expect(checked.code, checked.stdout + checked.stderr).toBe(1);
    const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => /^[^ ]+:\d+:\d+: (error|warning): /.test(l)).sort();
    const fromBuild = lines(built.stdout + built.stderr);
    expect(fromBuild.map((l) => l.slice(0, l.indexOf(': ', l.indexOf(': ') + 1)))).toEqual([
      'content/posts/case.md:1:1: error',
      'content/posts/we`ird.md:1:1: error',
      'hugo.toml:1:1: warning',
      // At the site's own mount at content/notes, which needs the shadows' mount before it.
      'hugo.toml:8:1: warning',
    ]);
    expect(lines(checked.stdout + checked.stderr)).toEqual(fromBuild);
    expect(checked.stdout).toContain('hugo-prerender check: 4 pages, 2 formulas found, 2 typeset (100.0 %), 0 failed; 2 other errors');
    // Not init-ed: the same line as build's.
    const unmounted = tempSite({ 'hugo.toml': 'title = "t"\n', 'content/p.md': '---\ntitle: P\n---\n$x$\n' });
    const plain = runCli(['check', '-s', unmounted]);
    expect(plain.stderr).toContain('hugo.toml does not mount .prerender/content');
    expect(plain.stderr).toBe(runCli(['build', '-s', unmounted]).stderr.split('\n').filter((l) => l.includes('does not mount')).join('\n') + '\n');
  });
});

describe('check warns of the head partial as build does', () => {
  it('for a figure with a dark image on a site without math (prerender.css hides one of its two images)', async () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'layouts/_default/single.html': '<html><head></head><body>{{ .Content }}</body></html>\n',
      'content/posts/b/index.md': '---\ntitle: B\n---\n{{< figure src="l.png" src-dark="d.png" alt="A" >}}\n',
      'content/posts/b/l.png': ONE_PIXEL_PNG,
      'content/posts/b/d.png': ONE_PIXEL_PNG,
    });
    const checked = (await checkSite(dir)).diagnostics.map(formatDiagnostic);
    expect(checked).toEqual([expect.stringMatching(/^hugo\.toml:1:1: warning: pages have figures with a dark image \(src-dark\), but no template/)]);
    const built = (await buildSite({ source: dir })).diagnostics.filter((d) => d.code === 'head').map(formatDiagnostic);
    expect(built).toEqual(checked);
  });
});

describe('hugo-prerender check', () => {
  it('exits 1 when a formula fails, and 0 on a site whose formulas all typeset', () => {
    const bad = runCli(['check', '-s', site]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('hugo-prerender check: 2 pages, 5 formulas found, 3 typeset (60.0 %), 2 failed');
    const good = runCli(['check', '-s', path.join(PROJECT_ROOT, 'fixtures/site')]);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/hugo-prerender check: \d+ pages, \d+ formulas found(?: \(\d+ outside the text\))?, (\d+) typeset \(100\.0 %\), 0 failed/);
  });
});

describe('hugo-prerender check, errors that are not a formula', () => {
  it('exits 1 and counts them, as build fails on them', () => {
    const dir = tempSite({
      'hugo.toml': 'title = "t"\n',
      'content/posts/p.md': '---\ntitle: P\n---\nMath $x$.\n\n{{< rnn-unroll step=4 >}}\n',
    });
    const r = runCli(['check', '-s', dir]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^ {2}content\/posts\/p\.md:6:\d+: error: rnn-unroll: /m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('hugo-prerender check: 1 page, 1 formula found, 1 typeset (100.0 %), 0 failed; 1 other error');
  });
});
