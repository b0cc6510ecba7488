/**
 * Files and directories of a site that the build cannot read (permissions, a disk error, too many open
 * files): each is an error at its place that says why and what to do, never a silent skip or a bug
 * report, and what the previous build wrote for the pages it hides is kept.
 *
 * Root reads anything, so the file-system errors are injected here (node:fs answers as it does for a
 * user without the permission); the last test makes them for real where the tests do not run as root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lchownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Paths (absolute) that node:fs refuses, with the code it refuses them with. */
const refuse = vi.hoisted(() => new Map<string, string>());
/** Directories (absolute) the user cannot enter: an lstat of anything in them is refused (EACCES). */
const unenterable = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const REASONS: Record<string, [number, string]> = {
    EACCES: [-13, 'permission denied'],
    EIO: [-5, 'i/o error'],
    EMFILE: [-24, 'too many open files'],
  };
  const check = (p: unknown, syscall: string) => {
    const code = typeof p === 'string' ? refuse.get(path.resolve(p)) : undefined;
    if (!code) return;
    const [errno, reason] = REASONS[code]!;
    throw Object.assign(new Error(`${code}: ${reason}, ${syscall} '${String(p)}'`), { code, errno, syscall, path: String(p) });
  };
  return {
    ...real,
    readdirSync: ((p: string, o?: unknown) => (check(p, 'scandir'), real.readdirSync(p, o as never))) as typeof real.readdirSync,
    // build reads a page through openSync, check and the plot shortcode through readFileSync.
    openSync: ((p: string, ...rest: unknown[]) => (check(p, 'open'), real.openSync(p, ...(rest as [never])))) as typeof real.openSync,
    readFileSync: ((p: string, o?: unknown) => (check(p, 'open'), real.readFileSync(p, o as never))) as typeof real.readFileSync,
    // A file inside a directory the user cannot enter: its lstat is refused (safe-path.ts looks files up so).
    lstatSync: ((p: string, o?: unknown) => {
      if (typeof p === 'string' && unenterable.has(path.dirname(path.resolve(p)))) {
        throw Object.assign(new Error(`EACCES: permission denied, lstat '${p}'`), { code: 'EACCES', errno: -13, syscall: 'lstat', path: p });
      }
      return real.lstatSync(p, o as never);
    }) as typeof real.lstatSync,
  };
});

import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { ensureBundle } from '../helpers/prerender.js';
import { buildSite, listContentFiles } from '../../src/build.js';
import { checkSite } from '../../src/check.js';
import { readManifest } from '../../src/site/output.js';
import { siteRoots } from '../../src/site/safe-path.js';
import { renderShortcode } from '../../src/render/host.js';
import type { Shortcode } from '../../src/content/types.js';

const site = tempSites('hp-unreadable-', { defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });
afterEach(() => {
  refuse.clear();
  unenterable.clear();
});

const roots = (dir: string) => siteRoots({ dir, staticDirs: [], assetsDir: path.join(dir, 'assets') });

describe('a content directory that cannot be listed', () => {
  it('listContentFiles names it, with the error, and lists the rest; a content root that does not exist is no error', () => {
    const dir = site({ 'content/a.md': 'a', 'content/posts/locked/index.md': 'l', 'content/posts/locked/more/b.md': 'b', 'content/posts/z.md': 'z' });
    refuse.set(path.join(dir, 'content/posts/locked'), 'EACCES');
    const unreadable: { dir: string; error: unknown }[] = [];
    const files = listContentFiles(path.join(dir, 'content'), roots(dir), [], unreadable);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['content/a.md', 'content/posts/z.md']);
    expect(unreadable).toEqual([{ dir: path.join(dir, 'content/posts/locked'), error: expect.objectContaining({ code: 'EACCES' }) }]);

    const none: unknown[] = [];
    expect(listContentFiles(path.join(dir, 'content.fr'), roots(dir), [], none as never)).toEqual([]);
    expect(none).toEqual([]);
  });

  it('build: an error at the directory saying why and what to do, exit 1, and its pages keep their shadows and titles', async () => {
    const dir = site({
      'content/ok.md': 'Ok $a$\n',
      'content/posts/locked/index.md': '---\ntitle: "Locked $x^2$"\n---\nLocked $x^2$\n',
      'content/posts/locked/deeper/c.md': 'Deeper $c$\n',
      'content/posts/lockedness.md': 'Not inside $d$\n',
    });
    const first = await buildSite({ source: dir });
    expect(first.diagnostics).toEqual([]);
    const shadow = (rel: string) => path.join(dir, '.prerender/content', rel);
    const before = readFileSync(shadow('posts/locked/index.md'), 'utf8');
    const titles = readFileSync(path.join(dir, '.prerender/layouts/partials/prerender/titles.html'), 'utf8');
    expect(titles).toContain('katex');

    refuse.set(path.join(dir, 'content/posts/locked'), 'EACCES');
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unreadable',
        file: 'content/posts/locked',
        line: 1,
        column: 1,
        message:
          'this directory cannot be read (permission denied), so its pages were not prerendered and keep what the previous build wrote for them (Hugo stops on it too): ' +
          "fix its permissions so that the user running the build can list and enter it (chmod a+rx content/posts/locked), or move it out of the site's content",
      },
    ]);
    // Not taken for deleted: the shadows under it (at any depth) stay, as they were, with their titles.
    expect(readFileSync(shadow('posts/locked/index.md'), 'utf8')).toBe(before);
    expect(existsSync(shadow('posts/locked/deeper/c.md'))).toBe(true);
    expect(Object.keys(readManifest(path.join(dir, '.prerender')).pages).sort()).toEqual([
      'ok.md',
      'posts/locked/deeper/c.md',
      'posts/locked/index.md',
      'posts/lockedness.md',
    ]);
    expect(readFileSync(path.join(dir, '.prerender/layouts/partials/prerender/titles.html'), 'utf8')).toBe(titles);
    // Again (an unchanged build), then with the directory readable: the same, then a clean build.
    expect((await buildSite({ source: dir })).diagnostics.map((d) => d.code)).toEqual(['unreadable']);
    expect(existsSync(shadow('posts/locked/index.md'))).toBe(true);
    refuse.clear();
    const fixed = await buildSite({ source: dir });
    expect(fixed.diagnostics).toEqual([]);
    expect(readFileSync(shadow('posts/locked/index.md'), 'utf8')).toBe(before);
  });

  it('a content root that cannot be listed keeps every shadow of its tree; other errors say what to do about them', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/b/index.md': 'B $b$\n' });
    await buildSite({ source: dir });
    refuse.set(path.join(dir, 'content'), 'EIO');
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        file: 'content',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^this directory cannot be read \(i\/o error\), so .*: the disk reported a read error: check the disk, or restore the file from a copy$/),
      }),
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/a.md'))).toBe(true);
    expect(existsSync(path.join(dir, '.prerender/content/b/index.md'))).toBe(true);
  });

  it('watch (an incremental build) keeps them too', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/l/index.md': 'L $l$\n' });
    await buildSite({ source: dir });
    refuse.set(path.join(dir, 'content/l'), 'EACCES');
    const r = await buildSite({ source: dir, only: new Set(['content/a.md']) });
    expect(r.diagnostics.map((d) => [d.file, d.code])).toEqual([['content/l', 'unreadable']]);
    expect(existsSync(path.join(dir, '.prerender/content/l/index.md'))).toBe(true);
  });

  it('check reports it as build does, and fails', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/l/index.md': 'L $l$\n' });
    refuse.set(path.join(dir, 'content/l'), 'EMFILE');
    const r = await checkSite(dir);
    expect(r.pages.map((p) => p.file)).toEqual(['content/a.md']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'content/l',
        message: expect.stringMatching(/^this directory cannot be read \(too many open files\), so its pages were not checked: the system has too many files open: raise the limit \(ulimit -n\)/),
      }),
    ]);
  });
});

describe('a page or a data file that cannot be read', () => {
  const PLOT_PAGE = '---\ntitle: p\n---\nText $p$\n\n{{< plot x="a"   file="d.csv" >}}\n';

  it('build: a page is an error at it saying why and what to do, and keeps its shadow; check says it too', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/posts/b.md': 'B $b$\n' });
    await buildSite({ source: dir });
    const before = readFileSync(path.join(dir, '.prerender/content/posts/b.md'), 'utf8');
    refuse.set(path.join(dir, 'content/posts/b.md'), 'EACCES');
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unreadable',
        file: 'content/posts/b.md',
        line: 1,
        column: 1,
        message:
          'this file cannot be read (permission denied), so it was not prerendered and keeps what the previous build wrote for it (Hugo stops on it too): ' +
          'fix its permissions so that the user running the build can read it (chmod a+r content/posts/b.md; the directories above it need a+x)',
      },
    ]);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/b.md'), 'utf8')).toBe(before);

    const c = await checkSite(dir);
    expect(c.diagnostics).toEqual([
      expect.objectContaining({ file: 'content/posts/b.md', message: expect.stringMatching(/^this file cannot be read \(permission denied\), so it was not checked \(Hugo stops on it too\): fix its permissions/) }),
    ]);
  });

  it('a plot whose data file cannot be read: an error at file= saying why and what to do, not a bug report; the page keeps its shadow', async () => {
    const dir = site({ 'content/posts/p/index.md': PLOT_PAGE, 'content/posts/p/d.csv': 'a,b\n1,2\n2,3\n' });
    await buildSite({ source: dir });
    const shadow = path.join(dir, '.prerender/content/posts/p/index.md');
    const before = readFileSync(shadow, 'utf8');
    expect(before).toContain('<svg');

    refuse.set(path.join(dir, 'content/posts/p/d.csv'), 'EACCES');
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unreadable',
        file: 'content/posts/p/index.md',
        // At file="d.csv", not at the shortcode.
        line: 6,
        column: 18,
        offset: expect.any(Number),
        message:
          'plot: file "d.csv" cannot be read (permission denied): ' +
          'fix its permissions so that the user running the build can read it (chmod a+r content/posts/p/d.csv; the directories above it need a+x)',
      },
    ]);
    expect(readFileSync(shadow, 'utf8')).toBe(before);

    // Readable again: the page is prerendered again.
    refuse.clear();
    expect((await buildSite({ source: dir })).diagnostics).toEqual([]);

    const other = site({ 'content/posts/p/index.md': PLOT_PAGE, 'content/posts/p/d.csv': 'a,b\n1,2\n2,3\n' });
    refuse.set(path.join(other, 'content/posts/p/d.csv'), 'EMFILE');
    expect((await buildSite({ source: other })).diagnostics.map((d) => d.message)).toEqual([
      'plot: file "d.csv" cannot be read (too many open files): the system has too many files open: raise the limit (ulimit -n) or close other programs, then build again',
    ]);
  });

  it('a data file or an image in a directory that cannot be entered: said so, not "not found"', async () => {
    const page = '---\ntitle: t\n---\n{{< plot file="/locked/d.csv" >}}\n\n{{< figure src="/locked/a.png" alt="A" >}}\n';
    const dir = site({ 'content/p.md': page, 'static/locked/d.csv': 'a,b\n1,2\n', 'static/locked/a.png': 'x' });
    unenterable.add(path.join(dir, 'static/locked'));
    const r = await buildSite({ source: dir });
    const enter = 'static/locked cannot be entered (permission denied): fix its permissions so that the user running the build can enter it (chmod a+x static/locked)';
    expect(r.diagnostics.map((d) => [d.severity, `${d.file}:${d.line}:${d.column}`, d.message])).toEqual([
      ['error', 'content/p.md:4:10', `plot: file "/locked/d.csv" could not be looked for: ${enter}`],
      ['warning', 'content/p.md:6:12', `figure: image "/locked/a.png" could not be looked for: ${enter}`],
    ]);
    // Once it can be entered, the next build looks again (the lookup's outcome is part of the page's record).
    unenterable.clear();
    const again = await buildSite({ source: dir });
    expect(again.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^figure: image "\/locked\/a\.png"/)]);
    expect(again.diagnostics[0]!.message).not.toContain('looked for');
  });

  it("the host reports a file-system error thrown by any shortcode as the site's problem, a real bug as ours", async () => {
    const sc: Shortcode = { name: 'reads', markup: '<', params: {}, selfClosed: false, children: [], ordinal: 0, line: 3, column: 1, offset: 20, tagEnd: 32, end: 32 };
    const env = {
      page: { absPath: '/site/content/x.md', relPath: 'content/x.md', frontMatter: {} },
      site: { dir: '/site', staticDirs: ['/site/static'], assetsDir: '/site/assets' },
      idPrefix: 'x',
      services: { errors: 'fail' as const, math: () => '', markdown: () => '', plainText: () => '' },
    };
    const throwing = (e: unknown) => ({ name: 'reads', summary: '', params: {}, inner: 'none' as const, version: 1, render: () => { throw e; } });
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/site/static/data.bin'"), { code: 'EACCES', errno: -13, syscall: 'open', path: '/site/static/data.bin' });
    const r = await renderShortcode(throwing(eacces), sc, env);
    expect(r.held).toBe(true);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unreadable',
        line: 3,
        column: 1,
        message: 'reads: static/data.bin cannot be read (permission denied): fix its permissions so that the user running the build can read it (chmod a+r static/data.bin; the directories above it need a+x)',
      }),
    ]);
    const bug = await renderShortcode(throwing(new TypeError('x is undefined')), sc, env);
    expect(bug.diagnostics).toEqual([expect.objectContaining({ code: 'internal', message: expect.stringMatching(/This is a bug in hugo-prerender/) })]);
  });
});

describe.skipIf(process.getuid?.() === 0)('for real (not as root, which reads anything)', () => {
  it('a directory of mode 000: the error, and its shadow kept', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/posts/lockeddir/index.md': 'L $l$\n' });
    await buildSite({ source: dir });
    const locked = path.join(dir, 'content/posts/lockeddir');
    chmodSync(locked, 0o000);
    try {
      const r = await buildSite({ source: dir });
      expect(r.failed).toBe(true);
      expect(r.diagnostics).toEqual([
        expect.objectContaining({ file: 'content/posts/lockeddir', message: expect.stringMatching(/^this directory cannot be read \(permission denied\).*chmod a\+rx content\/posts\/lockeddir/) }),
      ]);
      expect(existsSync(path.join(dir, '.prerender/content/posts/lockeddir/index.md'))).toBe(true);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('a plot data file in a directory that can be listed but not entered (mode 644): said so', async () => {
    const dir = site({ 'content/p.md': '---\n---\n{{< plot file="/locked/d.csv" >}}\n', 'static/locked/d.csv': 'a,b\n1,2\n' });
    chmodSync(path.join(dir, 'static/locked'), 0o644);
    try {
      const r = await buildSite({ source: dir });
      expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^plot: file "\/locked\/d\.csv" could not be looked for: static\/locked cannot be entered \(permission denied\).*chmod a\+x static\/locked/)]);
    } finally {
      chmodSync(path.join(dir, 'static/locked'), 0o755);
    }
  });

  it('a page and a plot data file of mode 000: errors at each, saying why', async () => {
    const dir = site({ 'content/a.md': 'A $a$\n', 'content/posts/p/index.md': '---\n---\n{{< plot file="d.csv" >}}\n', 'content/posts/p/d.csv': 'a,b\n1,2\n' });
    chmodSync(path.join(dir, 'content/a.md'), 0o000);
    chmodSync(path.join(dir, 'content/posts/p/d.csv'), 0o000);
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      expect.stringMatching(/^content\/a\.md:1:1: this file cannot be read \(permission denied\), .*chmod a\+r content\/a\.md/),
      expect.stringMatching(/^content\/posts\/p\/index\.md:3:10: plot: file "d\.csv" cannot be read \(permission denied\): .*chmod a\+r content\/posts\/p\/d\.csv/),
    ]);
  });
});

/**
 * The same for real where the tests run as root (CI does): the command run as the user nobody, through
 * util-linux's setpriv, on a site nobody owns. Without this, the tests above that make the errors for real
 * would be skipped there, and CI would not see them break.
 */
describe.skipIf(process.getuid?.() !== 0)('for real, as the user nobody (the tests run as root, which reads anything)', () => {
  it('a page, a directory and a data file of mode 000, a data file in a directory of mode 644: errors at each, saying why', () => {
    const AS_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
    // setpriv (util-linux), and a Node the user nobody can run (not one in root's home).
    const why =
      spawnSync('setpriv', ['--version']).status !== 0
        ? 'setpriv (util-linux) not found'
        : spawnSync('setpriv', [...AS_NOBODY, process.execPath, '--version'], { cwd: os.tmpdir() }).status !== 0
          ? `the user nobody cannot run ${process.execPath}`
          : undefined;
    if (why) {
      if (process.env.CI) throw new Error(`${why}: the file-permission errors cannot be made for real`);
      console.warn(`SKIPPED: ${why}: the file-permission errors were not made for real`);
      return;
    }
    ensureBundle();
    const dir = site({
      'content/a.md': 'A $a$\n',
      'content/posts/lockeddir/index.md': 'L $l$\n',
      'content/p.md': '---\n---\n{{< plot file="/locked/d.csv" >}}\n',
      'static/locked/d.csv': 'a,b\n1,2\n',
      'content/posts/q/index.md': '---\n---\n{{< plot file="d.csv" >}}\n',
      'content/posts/q/d.csv': 'a,b\n1,2\n',
    });
    // A copy of the command nobody can read (a clone's own folder may be private to root).
    const bin = mkdtempSync(path.join(os.tmpdir(), 'hp-unreadable-bin-'));
    try {
      cpSync(path.join(PROJECT_ROOT, 'dist/cli.js'), path.join(bin, 'cli.js'));
      cpSync(path.join(PROJECT_ROOT, 'dist/katex'), path.join(bin, 'katex'), { recursive: true });
      for (const d of [bin, dir]) {
        chmodSync(d, 0o755);
        chownTree(d, 65534);
      }
      chmodSync(path.join(dir, 'content/a.md'), 0o000);
      chmodSync(path.join(dir, 'content/posts/lockeddir'), 0o000);
      chmodSync(path.join(dir, 'static/locked'), 0o644);
      chmodSync(path.join(dir, 'content/posts/q/d.csv'), 0o000);
      const r = spawnSync('setpriv', [...AS_NOBODY, process.execPath, path.join(bin, 'cli.js'), 'build', '-s', dir], {
        cwd: bin,
        encoding: 'utf8',
        env: { ...process.env, HOME: bin },
        timeout: 120_000,
      });
      const errors = `${r.stdout}${r.stderr}`.split('\n').filter((l) => / error: /.test(l));
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(errors).toEqual([
        expect.stringMatching(/^content\/a\.md:1:1: error: this file cannot be read \(permission denied\), .*chmod a\+r content\/a\.md/),
        expect.stringMatching(/^content\/p\.md:3:10: error: plot: file "\/locked\/d\.csv" could not be looked for: static\/locked cannot be entered \(permission denied\).*chmod a\+x static\/locked/),
        expect.stringMatching(/^content\/posts\/lockeddir:1:1: error: this directory cannot be read \(permission denied\).*chmod a\+rx content\/posts\/lockeddir/),
        expect.stringMatching(/^content\/posts\/q\/index\.md:3:10: error: plot: file "d\.csv" cannot be read \(permission denied\): .*chmod a\+r content\/posts\/q\/d\.csv/),
      ]);
    } finally {
      chmodSync(path.join(dir, 'content/posts/lockeddir'), 0o755);
      chmodSync(path.join(dir, 'static/locked'), 0o755);
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

/** Gives `p` and everything under it to the user and group `id` (not following links). */
function chownTree(p: string, id: number): void {
  lchownSync(p, id, id);
  if (lstatSync(p).isDirectory()) for (const e of readdirSync(p)) chownTree(path.join(p, e), id);
}
