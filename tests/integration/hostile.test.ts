/**
 * The adversarial battery (issue 15): one site of hostile files and names, as a guest post could bring
 * them, through the built CLI and then real Hugo (0.111.3 and the newest). Each case must fail alone,
 * with a located error, while every innocent page is prerendered and published with its math:
 *
 * - symlinks out of the site: a page, a directory, a plot's CSV, a figure's image (nothing of theirs is
 *   read, printed or published by us; Hugo 0.169 ignores them too, 0.111.3 follows the page and the CSV
 *   itself, which is why the build exits 1);
 * - a figure `src` outside the site (not looked up);
 * - names: `victim\index.md` (once overwrote victim/index.md's prerendered copy), `0\..\..\x.md` (once
 *   aborted the build), case twins;
 * - a KaTeX macro bomb (once 48 s, or out of memory) and plots over the output limits;
 * - parameter text with terminal escapes and GitHub Actions commands (printed escaped);
 * - a lock held by another process, a symlinked `.prerender`.
 */
import { cpSync, existsSync, mkdirSync, rmSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { runPrerender, type CliRun } from '../helpers/prerender.js';
import { write } from '../helpers/temp-site.js';

/** Every file below `dir` (not following links), absolute. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const grepFiles = (files: string[], needle: string) => files.filter((f) => readFileSync(f, 'latin1').includes(needle));

/** A macro bomb: 2.2 KB of TeX, 1.6 million tokens once expanded. */
const BOMB = `\\def\\a{${'x'.repeat(2000)}}\\def\\b{${'\\a'.repeat(10)}}\\def\\c{${'\\b'.repeat(10)}}${'\\c'.repeat(8)}`;
const CSV = 'step,loss\n' + Array.from({ length: 3000 }, (_, i) => `${i},${(1 / (i + 1)).toFixed(6)}`).join('\n') + '\n';
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;

let root: string;
let site: string;
let outside: string;
let run: CliRun;

beforeAll(() => {
  root = tempDir('hp-hostile-');
  site = path.join(root, 'site');
  outside = path.join(root, 'outside');
  write(outside, 'page.md', page('Linked', 'SECRET-PAGE-BODY $s$'));
  write(outside, 'dir/p.md', page('Dir', 'SECRET-DIR-BODY $d$'));
  write(outside, 'secret.csv', 'step,SECRETCOL\n1,42\n2,43\n');
  write(outside, 'secret.png', 'SECRET-IMAGE');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "Hostile"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params.prerender.limits]\nfragmentBytes = 100000\noutputBytes = 400000\n');
  write(site, 'layouts/_default/single.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body><main>{{ .Content }}</main></body></html>\n');
  write(site, 'layouts/_default/list.html', '<!doctype html><html><body>{{ range .Pages }}{{ .Title }};{{ end }}</body></html>\n');
  // Innocent pages, before and after the hostile ones in build order.
  write(site, 'content/posts/aaa-first.md', page('First', 'Before: $a^2 + b^2 = c^2$.'));
  write(site, 'content/posts/zzz-last.md', page('Last', 'After: $\\sum_{i=1}^n i$.'));
  write(site, 'content/posts/victim/index.md', page('Victim', 'VICTIM-BODY $v_t$.'));
  // Names.
  write(site, 'content/posts/victim\\index.md', page('Evil', 'EVIL-BODY $e$.'));
  write(site, 'content/posts/0\\..\\..\\x.md', page('Up', 'UP-BODY $u$.'));
  write(site, 'content/posts/Case.md', page('Upper', 'UPPER-BODY $U$.'));
  write(site, 'content/posts/case.md', page('Lower', 'LOWER-BODY $l$.'));
  // Links out of the site.
  symlinkSync('../../../outside/page.md', path.join(site, 'content/posts/linked.md'));
  symlinkSync('../../../outside/dir', path.join(site, 'content/posts/outdir'));
  write(site, 'content/posts/data/index.md', page('Data', 'Data: {{< plot file="loss.csv" >}}'));
  symlinkSync('../../../../outside/secret.csv', path.join(site, 'content/posts/data/loss.csv'));
  write(site, 'content/posts/img/index.md', page('Img', 'Image: {{< figure src="pic.png" alt="a" >}} and {{< figure src="/../../../outside/secret.png" alt="b" >}}'));
  symlinkSync('../../../../outside/secret.png', path.join(site, 'content/posts/img/pic.png'));
  // Work and size.
  write(site, 'content/posts/bomb.md', page('Bomb', `Intro $x$.\n\n$$${BOMB}$$`));
  write(site, 'content/posts/plots/index.md', page('Plots', Array.from({ length: 10 }, (_, i) => `{{< plot file="d.csv" table=false caption="Run ${i}" >}}`).join('\n\n')));
  write(site, 'content/posts/plots/d.csv', CSV);
  write(site, 'content/posts/bigplot/index.md', page('Big', '{{< plot file="d.csv" >}}'));
  write(site, 'content/posts/bigplot/d.csv', CSV.repeat(1).replace(/\n$/, '\n') + Array.from({ length: 6000 }, (_, i) => `${3000 + i},${(1 / (i + 3001)).toFixed(6)}`).join('\n') + '\n');
  // Log injection through a parameter: a raw string with a newline, a workflow command and escapes.
  write(site, 'content/posts/inject/index.md', page('Inject', 'Text.\n\n{{< plot file=`x\n::error file=README.md::pwned\u001b[2J\r##vso[task.complete result=Succeeded]` >}}'));
  initSite(site);
  run = runPrerender(site);
}, 300_000);

const printed = () => `${run.stdout}\n${run.stderr}`;
const errorAt = (file: string) => run.diagnostics.filter((d) => d.file === file && d.severity === 'error');

describe('hugo-prerender build on a hostile site', () => {
  it('exits 1 after building every innocent page', () => {
    expect(run.code, printed()).toBe(1);
    expect(run.stderr).not.toMatch(/internal error/);
    for (const p of ['posts/aaa-first.md', 'posts/zzz-last.md', 'posts/victim/index.md', 'posts/Case.md']) {
      expect(readFileSync(path.join(site, '.prerender/content', p), 'utf8'), p).toMatch(/\{\{< (prerender(?:-html|-nofeed)?) k="[0-9a-f]+"[^\n]*\{\{< \/\1 >\}\}/);
    }
    // One formula never holds back its page: the bomb's page is written with $x$ typeset and the bomb left as TeX.
    const bomb = readFileSync(path.join(site, '.prerender/content/posts/bomb.md'), 'utf8');
    expect(bomb).toMatch(/^---\ntitle: Bomb\n---\nIntro \{\{< prerender(?:-html|-nofeed)? k="[0-9a-f]+"/);
    expect(bomb).toContain(`$$${BOMB}$$`);
    expect(run.summary).toMatchObject({ prerendered: 5 });
  });

  it('refuses every link out of the site at the link, and reads none of them', () => {
    const msg = (link: string, target: string) =>
      `${link} is a symbolic link to "${target}", outside the site; hugo-prerender reads nothing outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it`;
    expect(errorAt('content/posts/linked.md').map((d) => d.message)).toEqual([msg('content/posts/linked.md', '../../../outside/page.md')]);
    expect(errorAt('content/posts/outdir').map((d) => d.message)).toEqual([msg('content/posts/outdir', '../../../outside/dir')]);
    expect(errorAt('content/posts/data/index.md')).toEqual([
      expect.objectContaining({ line: 4, column: 16, message: `plot: file "loss.csv": ${msg('content/posts/data/loss.csv', '../../../../outside/secret.csv')}` }),
    ]);
    expect(errorAt('content/posts/img/index.md')).toEqual([
      expect.objectContaining({ line: 4, column: 19, message: `figure: image "pic.png": ${msg('content/posts/img/pic.png', '../../../../outside/secret.png')}` }),
    ]);
    expect(printed()).not.toMatch(/SECRET/);
    expect(grepFiles(filesBelow(path.join(site, '.prerender')), 'SECRET')).toEqual([]);
  });

  it('a name that would land on another page or outside its tree is one error; case twins keep the first', () => {
    const backslash = 'the file name contains a backslash (\\), a folder separator on Windows, which could make its prerendered copy replace another page; it was not prerendered. Rename the file';
    expect(errorAt('content/posts/victim\\index.md').map((d) => d.message)).toEqual([backslash]);
    expect(errorAt('content/posts/0\\..\\..\\x.md').map((d) => d.message)).toEqual([backslash]);
    expect(errorAt('content/posts/case.md').map((d) => d.message)).toEqual([expect.stringMatching(/^content\/posts\/Case\.md and this file are the same page to Hugo/)]);
    expect(readFileSync(path.join(site, '.prerender/content/posts/victim/index.md'), 'utf8')).toMatch(/^---\ntitle: Victim\n---\nVICTIM-BODY/);
    expect(grepFiles(filesBelow(path.join(site, '.prerender')), 'EVIL-BODY')).toEqual([]);
    expect(existsSync(path.join(site, '.prerender/x.md'))).toBe(false);
    expect(existsSync(path.join(site, 'x.md'))).toBe(false);
  });

  it('a macro bomb and oversized plots are errors at their place, within limits', () => {
    expect(errorAt('content/posts/bomb.md')).toEqual([
      expect.objectContaining({ line: 6, column: 1, message: expect.stringMatching(/^the formula is too big to typeset: more than 20,000 tokens/) }),
    ]);
    expect(errorAt('content/posts/bigplot/index.md')).toEqual([
      expect.objectContaining({ line: 4, column: 1, message: expect.stringMatching(/^plot: its output is \d+ kB, more than the limit of 100 kB \(params\.prerender\.limits\.fragmentBytes\)/) }),
    ]);
    expect(errorAt('content/posts/plots/index.md')).toEqual([
      expect.objectContaining({ line: 1, column: 1, message: expect.stringMatching(/^this page's prerendered output is .*, more than the limit of 400 kB \(params\.prerender\.limits\.outputBytes\)/) }),
    ]);
    // Nothing of theirs was written: the biggest file we wrote is far below the page limit.
    const sizes = filesBelow(path.join(site, '.prerender')).filter((f) => !f.includes('/katex/')).map((f) => statSync(f).size);
    expect(Math.max(...sizes)).toBeLessThan(100_000);
  });

  it('prints the hostile parameter escaped: one line, no terminal escape, no CI command', () => {
    const lines = printed().split('\n');
    const inject = lines.filter((l) => l.startsWith('content/posts/inject/index.md:'));
    expect(inject).toEqual([
      'content/posts/inject/index.md:6:10: error: plot: file "x\\n::error file=README.md::pwned\\e[2J\\r#\\x23vso[task.complete result=Succeeded]" not found; looked in the page bundle, static, assets',
    ]);
    for (const l of lines) {
      expect(l).not.toMatch(/^\s*(::|##\[)|##vso\[|[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

/**
 * What Hugo publishes from that output. A page of ours that could not be prerendered fails Hugo by design
 * (its shortcodes say "no prerendered copy"), so Hugo runs on a copy without those five pages, as after
 * the author removed them: the hostile names, the links, the case twins and the bomb stay.
 */
describeEachHugo('Hugo on the hostile site', (hugo) => {
  let r: BuildResult;
  beforeAll(() => {
    const copy = path.join(tempDir('hp-hostile-hugo-'), 'root');
    cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    for (const p of ['data', 'img', 'plots', 'bigplot', 'inject']) rmSync(path.join(copy, 'site/content/posts', p), { recursive: true });
    r = buildSite(hugo.bin, path.join(copy, 'site'), { copy: false });
  });

  it('publishes the innocent pages with their math, and the victim page as its own', () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const p of ['posts/aaa-first/index.html', 'posts/zzz-last/index.html', 'posts/victim/index.html']) {
      expect(r.read(p), p).toContain('class="katex"');
    }
    expect(r.read('posts/victim/index.html')).toContain('VICTIM-BODY');
    expect(r.read('posts/victim/index.html')).not.toContain('EVIL-BODY');
  });

  it('no secret from outside the site reaches a page through us; Hugo 0.169 publishes none at all', () => {
    const html = filesBelow(r.publicDir).filter((f) => f.endsWith('.html'));
    expect(grepFiles(html, 'SECRETCOL')).toEqual([]);
    expect(grepFiles(html, 'SECRET-IMAGE')).toEqual([]);
    if (hugo.version !== '0.111.3') expect(grepFiles(filesBelow(r.publicDir), 'SECRET')).toEqual([]);
  });
});

describe('the site itself is hostile', () => {
  it('a symlinked .prerender is one clear error; nothing is written where it points', () => {
    const root = tempDir('hp-hostile-link-');
    const dir = path.join(root, 'site');
    write(dir, 'hugo.toml', 'title = "t"\n');
    write(dir, 'content/a.md', page('A', '$a$'));
    mkdirSync(path.join(root, 'elsewhere'));
    symlinkSync('../elsewhere', path.join(dir, '.prerender'));
    const r = runPrerender(dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: .prerender is a symbolic link; hugo-prerender writes only into a real .prerender/ directory of the site. Delete the link (rm .prerender) and build again',
    ]);
    expect(readdirSync(path.join(root, 'elsewhere'))).toEqual([]);
  });

  it('a lock held by another build is waited for, then named', () => {
    const dir = path.join(tempDir('hp-hostile-lock-'), 'site');
    write(dir, 'hugo.toml', 'title = "t"\n');
    write(dir, 'content/a.md', page('A', '$a$'));
    write(dir, '.prerender/lock', JSON.stringify({ pid: process.pid, host: hostname(), command: 'build', started: '2026-12-04T21:00:00.000Z' }));
    const r = runPrerender(dir, ['--wait', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: another hugo-prerender build (pid ${process.pid}, started 2026-12-04T21:00:00.000Z) is using .prerender/ of this site; waited 1 s.`);
  });
});
