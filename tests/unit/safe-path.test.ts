/**
 * Nothing outside the site is read (src/site/safe-path.ts): symlinks committed in a site that point
 * elsewhere are refused with a located error, whether their target exists or not, and a figure `src`
 * that leads outside the site is not looked up at all.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { allowedRoots, lookUpFile, resolveInside } from '../../src/site/safe-path.js';

const site = tempSites('hp-safe-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });
/** `<tmp>/outside/`: a sibling of the site, never to be read. */
const outside = (dir: string) => path.join(path.dirname(dir), 'outside');

function withOutside(files: Record<string, string>): string {
  const dir = site(files);
  mkdirSync(outside(dir));
  writeFileSync(path.join(outside(dir), 'secret.csv'), 'step,SECRET\n1,42\n');
  writeFileSync(path.join(outside(dir), 'page.md'), '---\ntitle: SECRET\n---\nSECRET $s$\n');
  return dir;
}

describe('resolveInside', () => {
  it('follows links that stay inside and refuses those that leave, by their text alone', () => {
    const dir = withOutside({ 'content/a.md': 'a', 'static/x.txt': 'x' });
    symlinkSync('../static/x.txt', path.join(dir, 'content/in.txt'));
    symlinkSync('in.txt', path.join(dir, 'content/chain.txt'));
    symlinkSync('../../outside/secret.csv', path.join(dir, 'content/out.csv'));
    symlinkSync('../../outside/no-such-file', path.join(dir, 'content/gone.csv'));
    symlinkSync('loop2', path.join(dir, 'content/loop1'));
    symlinkSync('loop1', path.join(dir, 'content/loop2'));
    const roots = allowedRoots([dir]);
    expect(resolveInside(roots, path.join(dir, 'content/chain.txt'))).toEqual({ ok: true, real: path.join(allowedRoots([dir]).dirs[0]!.real, 'static/x.txt') });
    // An existing and a missing target outside give the same answer: no existence oracle.
    expect(resolveInside(roots, path.join(dir, 'content/out.csv'))).toEqual({ ok: false, why: 'outside', link: expect.stringMatching(/content\/out\.csv$/), target: '../../outside/secret.csv' });
    expect(resolveInside(roots, path.join(dir, 'content/gone.csv'))).toEqual({ ok: false, why: 'outside', link: expect.stringMatching(/content\/gone\.csv$/), target: '../../outside/no-such-file' });
    // A loop is named as one (it was "a symbolic link to "loop1", outside the site": found by an audit).
    expect(resolveInside(roots, path.join(dir, 'content/loop1'))).toEqual({ ok: false, why: 'outside', loop: true, link: expect.stringMatching(/content\/loop1$/), target: 'loop2' });
    expect(resolveInside(roots, path.join(dir, 'content/nope.md'))).toEqual({ ok: false, why: 'missing' });
    expect(resolveInside(roots, path.join(dir, '../outside/secret.csv'))).toEqual({ ok: false, why: 'outside' });
    // Places outside the roots are not looked at, so they are not listed as looked at either.
    expect(lookUpFile(roots, [path.join(dir, 'static')], '../../outside/secret.csv')).toEqual({ missing: [] });
  });
});

describe('a loop of symbolic links', () => {
  it('is an error at the page that leads into it, saying it is a loop; the other pages are built', async () => {
    const dir = site({ 'content/posts/ok.md': '---\ntitle: OK\n---\nFine $x$.\n' });
    symlinkSync('loopB.md', path.join(dir, 'content/posts/loopA.md'));
    symlinkSync('loopA.md', path.join(dir, 'content/posts/loopB.md'));
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.code}: ${d.message}`)).toEqual([
      'content/posts/loopA.md: link-loop: content/posts/loopA.md is a symbolic link to "loopB.md" whose links lead round in a loop and never to a file; replace one of them with the file it stands for',
      'content/posts/loopB.md: link-loop: content/posts/loopB.md is a symbolic link to "loopA.md" whose links lead round in a loop and never to a file; replace one of them with the file it stands for',
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/posts/ok.md'))).toBe(true);
  });
});

describe('build reads nothing outside the site', () => {
  it('a symlinked page outside the site is one located error; the other pages are built', async () => {
    const dir = withOutside({ 'content/posts/ok.md': 'Fine $x$\n' });
    symlinkSync('../../../outside/page.md', path.join(dir, 'content/posts/linked.md'));
    symlinkSync('../../outside', path.join(dir, 'content/outdir'));
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      'content/outdir:1:1: error: content/outdir is a symbolic link to "../../outside", outside the site; hugo-prerender reads nothing outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it',
      'content/posts/linked.md:1:1: error: content/posts/linked.md is a symbolic link to "../../../outside/page.md", outside the site; hugo-prerender reads nothing outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it',
    ]);
    expect(r.pages).toBe(1);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/ok.md'), 'utf8')).toMatch(/^Fine \{\{< prerender /);
    expect(existsSync(path.join(dir, '.prerender/content/posts/linked.md'))).toBe(false);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('a plot data file linked outside the site is refused at the parameter, and its data never appears', async () => {
    const dir = withOutside({ 'content/p/index.md': '---\ntitle: P\n---\n{{< plot file="loss.csv" >}}\n' });
    symlinkSync('../../../outside/secret.csv', path.join(dir, 'content/p/loss.csv'));
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    const plot = r.diagnostics.find((d) => d.file === 'content/p/index.md')!;
    expect(plot).toMatchObject({ line: 4, column: 10, severity: 'error', code: 'outside' });
    expect(plot.message).toBe('plot: file "loss.csv": content/p/loss.csv is a symbolic link to "../../../outside/secret.csv", outside the site; hugo-prerender reads nothing outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it');
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('a plot data file linked inside the site is read', async () => {
    const dir = withOutside({ 'content/p/index.md': '---\ntitle: P\n---\n{{< plot file="loss.csv" >}}\n', 'data/loss.csv': 'step,loss\n1,2\n2,1\n' });
    symlinkSync('../../data/loss.csv', path.join(dir, 'content/p/loss.csv'));
    const r = await buildSite({ source: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.shortcodes).toBe(1);
  });

  it('a figure src outside the site is not looked up: the same answer whether the file exists or not', async () => {
    const run = async (src: string) => {
      const dir = withOutside({ 'content/a.md': `Text\n\n{{< figure src="${src}" alt="a" >}}\n` });
      const r = await buildSite({ source: dir });
      return r.diagnostics.map((d) => d.message);
    };
    const levels = '../'.repeat(12);
    expect(await run(`/${levels}etc/passwd`)).toEqual([]);
    expect(await run(`/${levels}etc/no-such-file`)).toEqual([]);
    expect(await run('../../outside/secret.csv')).toEqual([]);
    expect(await run('../../outside/missing.csv')).toEqual([]);
    // Inside the site it is still checked.
    expect(await run('/images/missing.png')).toEqual([expect.stringContaining('image "/images/missing.png" was not found in static or assets')]);
  });

  it('a figure image linked outside the site is a located error, whether its target exists or not', async () => {
    for (const target of ['secret.csv', 'no-such.png']) {
      const dir = withOutside({ 'content/f/index.md': 'Text\n\n{{< figure src="img.png" alt="a" >}}\n' });
      symlinkSync(`../../../outside/${target}`, path.join(dir, 'content/f/img.png'));
      const r = await buildSite({ source: dir });
      const fig = r.diagnostics.find((d) => d.file === 'content/f/index.md')!;
      expect(fig).toMatchObject({ severity: 'error', line: 3, column: 12, code: 'outside' });
      expect(fig.message).toContain(`figure: image "img.png": content/f/img.png is a symbolic link to "../../../outside/${target}", outside the site`);
    }
  });
});

describe('check reads nothing outside the site either', () => {
  it('a symlinked page outside the site is an error at the link, and is not checked', async () => {
    const { checkSite } = await import('../../src/check.js');
    const dir = withOutside({ 'content/ok.md': 'Fine $x$\n' });
    symlinkSync('../../outside/page.md', path.join(dir, 'content/linked.md'));
    const r = await checkSite(dir);
    expect(r.pages.map((p) => p.file)).toEqual(['content/ok.md']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'content/linked.md', message: expect.stringMatching(/^content\/linked\.md is a symbolic link to "\.\.\/\.\.\/outside\/page\.md", outside the site;/) }),
    ]);
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });
});
