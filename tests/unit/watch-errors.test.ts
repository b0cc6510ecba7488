/**
 * `watch` is long-lived: a build that throws (an internal error, a file vanishing mid-read) is reported
 * like any failed build, and the watcher keeps going, instead of ending the process with an unhandled
 * rejection. And `ready` means ready, also on a site without static/ or assets/. buildSite is a stand-in
 * here: these tests are about the watcher.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { BuildOptions, BuildResult } from '../../src/build.js';

const calls: BuildOptions[] = [];
/** What each build of the running test had among its changes (said when a wait times out). */
let seenChanges: string[][] = [];
/** Which call of buildSite throws (1-based; 0: none). */
let failOn = 2;
/** Run inside the next build (the site changing as a build reads it). */
let duringBuild: (() => void) | undefined;
vi.mock('../../src/build.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/build.js')>()),
  buildSite: async (opts: BuildOptions): Promise<BuildResult> => {
    calls.push(opts);
    const during = duringBuild;
    duringBuild = undefined;
    during?.();
    if (calls.length === failOn) throw new Error('boom');
    return { pages: 1, shadowed: 0, formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0, unchanged: 0, images: 0, imagesProcessed: 0, ms: 1, diagnostics: [], failed: false };
  },
}));
const { watchSite } = await import('../../src/watch.js');

let root: string | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out (${calls.length} builds started; changes of each build reported: ${JSON.stringify(seenChanges)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A site with a config (`config`), content/a.md and `dirs`, watched: the changes of each build. */
async function watchNewSite(prefix: string, dirs = ['content', 'static', 'assets'], config = 'hugo.toml'): Promise<string[][]> {
  root = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const d of dirs) mkdirSync(path.join(root, d));
  mkdirSync(path.dirname(path.join(root, config)), { recursive: true });
  writeFileSync(path.join(root, config), 'title = "t"\n');
  writeFileSync(path.join(root, 'content/a.md'), 'a\n');
  calls.length = 0;
  failOn = 0;
  const changed: string[][] = [];
  seenChanges = changed;
  const handle = watchSite({ source: root, debounceMs: 30, onBuild: (_r, c) => changed.push(c) });
  close = () => handle.close();
  await handle.ready;
  return changed;
}
const siteRoot = (): string => root!;

it('a build that throws is reported as a failed build, and the next change builds again', async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-err-'));
  for (const d of ['content', 'static', 'assets']) mkdirSync(path.join(root, d));
  writeFileSync(path.join(root, 'hugo.toml'), 'title = "t"\n');
  writeFileSync(path.join(root, 'content/a.md'), 'a\n');
  const builds: BuildResult[] = [];
  const handle = watchSite({ source: root, debounceMs: 30, onBuild: (r) => builds.push(r) });
  close = () => handle.close();
  await handle.ready;
  writeFileSync(path.join(root, 'content/b.md'), 'b\n');
  await until(() => builds.length === 2);
  expect(builds[1]!.failed).toBe(true);
  expect(builds[1]!.diagnostics).toEqual([
    expect.objectContaining({ severity: 'error', code: 'internal', message: expect.stringMatching(/^internal error while building \(please report it\): Error: boom/) }),
  ]);
  writeFileSync(path.join(root, 'content/c.md'), 'c\n');
  await until(() => builds.length === 3);
  expect(builds[2]!.failed).toBe(false);
  // The pages the failed build did not write are written by the next one: a full build.
  expect(calls.map((c) => (c.only ? [...c.only] : 'all'))).toEqual(['all', ['content/b.md'], 'all']);
});

it('on a site without static/ and assets/, a page saved right after ready is seen, and so is an assets/ created later', async () => {
  const changed = await watchNewSite('hp-watch-missing-', ['content']);
  const root = siteRoot();
  writeFileSync(path.join(root, 'content/b.md'), 'b\n');
  await until(() => changed.length === 2); // generous: a loaded 2-core machine took over 3 s
  expect(changed[1]).toEqual(['content/b.md']);
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'assets/x.css'), 'x\n');
  // The new directory is seen (chokidar reports it, and x.css when it lists it in time: a build for either
  // reads x.css), and from then on it is watched: the next change of x.css is reported.
  await until(() => changed.flat().some((f) => f === 'assets' || f === 'assets/x.css'), 5000);
  const seen = changed.length;
  await new Promise((r) => setTimeout(r, 100));
  writeFileSync(path.join(root, 'assets/x.css'), 'y\n');
  await until(() => changed.slice(seen).flat().includes('assets/x.css'), 5000);
});

it('a content directory moved away and back, and a config renamed away and back, are watched again', async () => {
  const changed = await watchNewSite('hp-watch-back-');
  const root = siteRoot();
  renameSync(path.join(root, 'content'), path.join(root, 'moved'));
  await until(() => changed.flat().includes('content'));
  const before = changed.length;
  renameSync(path.join(root, 'moved'), path.join(root, 'content'));
  // Its return is a change of content (a full build reads what it holds), reported once it is watched.
  await until(() => changed.slice(before).flat().includes('content'));
  writeFileSync(path.join(root, 'content/b.md'), 'b\n');
  await until(() => changed.flat().includes('content/b.md'));
  // A page build, and nothing after it: the content/ it went into changed with it, which is no change
  // of its own (it meant a second, full, build).
  await new Promise((r) => setTimeout(r, 300));
  expect(changed.slice(changed.findIndex((c) => c.includes('content/b.md')))).toEqual([['content/b.md']]);
  // Each step is seen: the count of builds that had hugo.toml among their changes grows.
  const configBuilds = () => changed.filter((c) => c.includes('hugo.toml')).length;
  const step = async (act: () => void) => {
    const n = configBuilds();
    act();
    await until(() => configBuilds() > n);
    await new Promise((r) => setTimeout(r, 200));
  };
  const dir = root;
  await step(() => renameSync(path.join(dir, 'hugo.toml'), path.join(dir, 'h.toml')));
  await step(() => renameSync(path.join(dir, 'h.toml'), path.join(dir, 'hugo.toml')));
  await step(() => writeFileSync(path.join(dir, 'hugo.toml'), 'title = "t2"\n'));
});

it('a config renamed away while a full build reads the site is built again: the rename was not lost with the watcher it dropped', async () => {
  const changed = await watchNewSite('hp-watch-during-');
  const root = siteRoot();
  const dir = root;
  // A full build (a static file changed), during which hugo.toml goes: chokidar holds its unlink back
  // 100 ms, and the build's end stops watching hugo.toml (the config names no file now) before that.
  duringBuild = () => renameSync(path.join(dir, 'hugo.toml'), path.join(dir, 'h.toml'));
  writeFileSync(path.join(root, 'static/x.css'), 'x\n');
  await until(() => changed.flat().includes('static/x.css'));
  await until(() => changed.flat().includes('hugo.toml'));
  // Each build after the rename reads the site without its config; the last one started after it.
  expect(calls.length).toBeGreaterThanOrEqual(3);
  expect(calls.at(-1)!.only).toBeUndefined();
  // And its return is seen (the site's directory is watched while there is no config).
  const n = changed.length;
  renameSync(path.join(dir, 'h.toml'), path.join(dir, 'hugo.toml'));
  await until(() => changed.slice(n).flat().includes('hugo.toml'));
});

for (const config of ['hugo.toml', 'config/_default/hugo.toml']) {
  it(`a config renamed away and back while a page is built is built again: that build found it missing (${config})`, async () => {
    const changed = await watchNewSite('hp-watch-away-back-', undefined, config);
    const root = siteRoot();
    const file = path.join(root, config);
    // A config build first, so that the watcher holds a stamp of the config as that build read it.
    writeFileSync(file, 'title = "t2"\n');
    await until(() => changed.flat().includes(config));
    await new Promise((r) => setTimeout(r, 200));
    const n = changed.length;
    renameSync(file, path.join(root, 'h.toml'));
    writeFileSync(path.join(root, 'content/b.md'), 'b\n');
    await until(() => changed.slice(n).flat().includes('content/b.md'));
    renameSync(path.join(root, 'h.toml'), file);
    // The same file as before it went (a rename keeps size, mtime and inode), but the page's build found
    // no config: its return is a change.
    const page = n + changed.slice(n).findIndex((c) => c.includes('content/b.md'));
    await until(() => changed.slice(page + 1).flat().includes(config));
  });
}
