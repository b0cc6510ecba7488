/**
 * One hugo-prerender per site at a time (src/site/lock.ts), with real processes: a `watch` holds
 * `.prerender/lock` while it runs; a `build` meanwhile waits a bounded time, then exits 1 naming the
 * watcher; a lock left by a killed process is taken over; a symlinked `.prerender` is refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shadowFragments } from '../../src/site/handoff.js';
import { initSite } from '../../src/site/init.js';
import { tempDir } from '../helpers/hugo.js';
import { CLI, ensureBundle, runPrerender } from '../helpers/prerender.js';
import { start, type Proc } from '../helpers/proc.js';

function site(): string {
  const dir = tempDir('hp-lock-');
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "t"\n');
  writeFileSync(path.join(dir, 'content/posts/a.md'), '---\ntitle: A\n---\nEnergy $E = mc^2$.\n');
  // The mounts, as a user's site has them (a build says so on stderr where they are missing).
  initSite(dir);
  return dir;
}

const procs: Proc[] = [];
afterEach(async () => {
  await Promise.all(procs.splice(0).map((p) => p.stop()));
});

function startWatch(dir: string, args: string[] = []): Proc {
  ensureBundle();
  const p = start(process.execPath, [CLI, 'watch', '-s', dir, ...args], dir);
  procs.push(p);
  return p;
}

describe('a lock on .prerender/', () => {
  it('a build while watch runs waits the time given, then exits 1 naming the watcher', async () => {
    const dir = site();
    const watch = startWatch(dir);
    await watch.waitFor(/watching for changes/, 60_000);
    const lock = JSON.parse(readFileSync(path.join(dir, '.prerender/lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: watch.child.pid, command: 'watch', host: hostname() });

    const t0 = performance.now();
    const r = runPrerender(dir, ['--wait', '1']);
    const waited = performance.now() - t0;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`waiting for another hugo-prerender watch (pid ${watch.child.pid}, started `);
    expect(r.stderr).toMatch(new RegExp(`error: another hugo-prerender watch \\(pid ${watch.child.pid}, started [^)]+\\) is using \\.prerender/ of this site; waited 1 s`));
    expect(waited).toBeGreaterThanOrEqual(1000);
    // Nothing was built: the watcher's output is intact, and its lock is still its own.
    expect(r.summary?.pages).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, '.prerender/lock'), 'utf8')).pid).toBe(watch.child.pid);

    // A second watch is refused the same way.
    const second = startWatch(dir, ['--wait', '1']);
    await second.waitFor(/is using \.prerender\/ of this site; waited 1 s/, 60_000);
    await new Promise<void>((resolve) => (second.child.exitCode !== null ? resolve() : second.child.once('exit', () => resolve())));
    expect(second.child.exitCode).toBe(1);
  });

  it('a waiting build goes ahead as soon as the other process ends', async () => {
    const dir = site();
    const watch = startWatch(dir);
    await watch.waitFor(/watching for changes/, 60_000);
    const build = start(process.execPath, [CLI, 'build', '-s', dir, '--wait', '120'], dir);
    procs.push(build);
    await build.waitFor(/waiting for another hugo-prerender watch/, 60_000);
    await watch.stop();
    const code = await new Promise<number | null>((resolve) => (build.child.exitCode !== null ? resolve(build.child.exitCode) : build.child.once('exit', (c) => resolve(c))));
    // The watcher prerendered the page already: the build finds it unchanged (incremental builds).
    expect(build.output()).toMatch(/1 page \(1 prerendered, 1 unchanged\), 1 formula, .* 0 errors/);
    expect(code).toBe(0);
    // Released: no lock and no temporary files left.
    expect(readdirSync(path.join(dir, '.prerender')).filter((n) => n.startsWith('lock'))).toEqual([]);
  });

  it('two builds started at once both succeed, one after the other, and leave a consistent site', async () => {
    const dir = site();
    for (let i = 0; i < 60; i++) {
      writeFileSync(path.join(dir, `content/posts/p${i}.md`), `---\ntitle: P${i}\n---\n${Array.from({ length: 20 }, (_, j) => `$x_{${i}} + \\frac{${j}}{\\alpha_${j}}$`).join('\n\n')}\n`);
    }
    ensureBundle();
    const [a, b] = [0, 1].map(() => start(process.execPath, [CLI, 'build', '-s', dir], dir));
    procs.push(a!, b!);
    const exit = (p: Proc) => new Promise<number | null>((resolve) => (p.child.exitCode !== null ? resolve(p.child.exitCode) : p.child.once('exit', (c) => resolve(c))));
    expect(await Promise.all([exit(a!), exit(b!)])).toEqual([0, 0]);
    // Whichever came second waited (or found the first done); either way every shadow holds its fragments.
    const manifest = JSON.parse(readFileSync(path.join(dir, '.prerender/manifest.json'), 'utf8'));
    expect(Object.keys(manifest.pages)).toHaveLength(61);
    for (const [page, info] of Object.entries(manifest.pages) as [string, { partials: string[] }][]) {
      const inline = shadowFragments(readFileSync(path.join(dir, '.prerender/content', page), 'utf8'));
      for (const k of info.partials) expect(inline.has(k), `${page}: ${k}`).toBe(true);
    }
    expect(existsSync(path.join(dir, '.prerender/lock'))).toBe(false);
  });

  it('a lock left by a process that is gone is taken over', () => {
    const dir = site();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    mkdirSync(path.join(dir, '.prerender'));
    writeFileSync(path.join(dir, '.prerender/lock'), JSON.stringify({ pid, host: hostname(), command: 'build', started: '2026-01-01T00:00:00.000Z' }));
    const r = runPrerender(dir, ['--wait', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ pages: 1, prerendered: 1, errors: 0 });
    expect(existsSync(path.join(dir, '.prerender/lock'))).toBe(false);
  });

  it('a lock of another machine is respected (its process cannot be checked)', () => {
    const dir = site();
    mkdirSync(path.join(dir, '.prerender'));
    writeFileSync(path.join(dir, '.prerender/lock'), JSON.stringify({ pid: 1, host: 'elsewhere.example', command: 'build', started: '2026-01-01T00:00:00.000Z' }));
    const r = runPrerender(dir, ['--wait', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: another hugo-prerender build (pid 1 on elsewhere.example, started 2026-01-01T00:00:00.000Z) is using .prerender/ of this site');
    expect(r.stderr).toContain('If no hugo-prerender is running, delete .prerender/lock');
  });

  it('a symlinked .prerender is a clear error, and nothing is written where it points', () => {
    const dir = site();
    const elsewhere = tempDir('hp-lock-target-');
    symlinkSync(elsewhere, path.join(dir, '.prerender'), 'dir');
    const r = runPrerender(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: .prerender is a symbolic link; hugo-prerender writes only into a real .prerender/ directory of the site. Delete the link');
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('--wait takes seconds', () => {
    const r = runPrerender(site(), ['--wait', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--wait takes a number of seconds, not "soon"');
  });
});
