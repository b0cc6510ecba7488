import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSite, type WatchHandle } from '../../src/watch.js';
import type { BuildResult } from '../../src/build.js';
import { ONE_PIXEL_PNG } from '../helpers/temp-site.js';

const FIXTURE = path.resolve(__dirname, '../../fixtures/site');

/** Collects builds and lets a test wait for the next one. */
function recorder() {
  const builds: { result: BuildResult; changed: string[] }[] = [];
  let wake: (() => void) | undefined;
  return {
    builds,
    onBuild(result: BuildResult, changed: string[]) {
      builds.push({ result, changed });
      wake?.();
    },
    async next(count: number, timeoutMs = 40_000) {
      const deadline = Date.now() + timeoutMs;
      while (builds.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for build ${count} (have ${builds.length})`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 100);
        });
      }
      return builds[count - 1]!;
    },
  };
}

describe('watchSite', () => {
  let handle: WatchHandle | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds a changed page, removes the shadow of a deleted one, and batches bursts into one build', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    const rec = recorder();
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 80 });
    await handle.ready;
    const first = await rec.next(1);
    expect(first.changed).toEqual([]);
    expect(first.result.formulas).toBeGreaterThan(0);

    const seedShadow = path.join(site, '.prerender/content/posts/learning-to-remember.md');
    const seedMtime = statSync(seedShadow).mtimeMs;
    const post = path.join(site, 'content/posts/new.md');
    writeFileSync(post, '---\ntitle: New\n---\nA formula: $E = mc^2$.\n');
    const second = await rec.next(2);
    expect(second.changed).toEqual(['content/posts/new.md']);
    const shadow = path.join(site, '.prerender/content/posts/new.md');
    expect(readFileSync(shadow, 'utf8')).toMatch(/^---\ntitle: New\n---\nA formula: \{\{< prerender k="[0-9a-f]+" md5="[0-9a-f]{32}" src=`content\/posts\/new.md` >\}\}<span class="katex">[^\n]*?\{\{< \/prerender >\}\}\.(<!--more-->)?\n$/); // divider: summary with math, docs/math-everywhere.md

    // Several writes in one burst: one build.
    for (let i = 0; i < 5; i++) writeFileSync(post, `---\ntitle: New\n---\nVersion ${i}: $x^${i}$.\n`);
    const third = await rec.next(3);
    expect(third.changed).toEqual(['content/posts/new.md']);
    await new Promise((r) => setTimeout(r, 400));
    expect(rec.builds.length).toBe(3);
    expect(readFileSync(shadow, 'utf8')).toContain('Version 4:');

    unlinkSync(post);
    await rec.next(4);
    expect(existsSync(shadow)).toBe(false);
    // Only the changed page was prerendered each time: the other page's shadow was kept, untouched.
    expect(statSync(seedShadow).mtimeMs).toBe(seedMtime);
    // (every page but the saved one kept: counted as unchanged, its formulas with the site's)
    expect(rec.builds.slice(1).map((b) => b.result.pages - b.result.unchanged)).toEqual([1, 1, 0]);

    // A change that is not a page (the config) means a full build again.
    writeFileSync(path.join(site, 'hugo.toml'), readFileSync(path.join(site, 'hugo.toml'), 'utf8') + '\n');
    const full = await rec.next(5);
    expect(full.changed).toEqual(['hugo.toml']);
    expect(full.result.formulas).toBe(first.result.formulas);
  });

  it('builds a change it has seen but not built yet as it closes (Ctrl+C right after a save)', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-close-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    const rec = recorder();
    // A debounce longer than the test: the save is seen, and still waits to be built when close comes.
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 60_000, pageDebounceMs: 60_000 });
    await handle.ready;
    await rec.next(1);
    writeFileSync(path.join(site, 'content/posts/late.md'), '---\ntitle: Late\n---\nSaved last: $y^2$.\n');
    await new Promise((r) => setTimeout(r, 1500));
    expect(rec.builds).toHaveLength(1);
    await handle.close();
    handle = undefined;
    expect(rec.builds).toHaveLength(2);
    expect(rec.builds[1]!.changed).toEqual(['content/posts/late.md']);
    expect(rec.builds[1]!.result.failed).toBe(false);
    expect(readFileSync(path.join(site, '.prerender/content/posts/late.md'), 'utf8')).toContain('Saved last: {{< prerender');
  });

  it('builds a save that follows the previous one within chokidar\'s 50 ms change throttle', async () => {
    // chokidar reports no change of a file less than 50 ms after the last one it reported (and never
    // later): the second save has no event of its own, and the build the first save started (10 ms after
    // it) may well have read the page, or even ended, before it. Without the watcher's own look at the
    // file once that window has passed, the shadow kept the first save (rounds 1 and 3 of 5 here).
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    const post = path.join(site, 'content/posts/quick.md');
    writeFileSync(post, '---\ntitle: Quick\n---\nStart: $a$.\n');
    const rec = recorder();
    const shadow = path.join(site, '.prerender/content/posts/quick.md');
    for (let round = 1; round <= 5; round++) {
      await handle?.close();
      handle = watchSite({ source: site, onBuild: rec.onBuild });
      await handle.ready;
      writeFileSync(post, `---\ntitle: Quick\n---\nFirst ${round}: $b_${round}$.\n`);
      // Once the build for the first save has most likely read it, well inside 50 ms.
      await new Promise((r) => setTimeout(r, 25));
      writeFileSync(post, `---\ntitle: Quick\n---\nSecond ${round}: $c_${round}$.\n`);
      const deadline = Date.now() + 20_000;
      while (!(existsSync(shadow) && readFileSync(shadow, 'utf8').includes(`Second ${round}:`))) {
        if (Date.now() > deadline) throw new Error(`round ${round}: the shadow never got the second save:\n${existsSync(shadow) ? readFileSync(shadow, 'utf8') : '(none)'}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  it('content/ moved away and a new one made at once: its pages, and every page saved after, are built', async () => {
    // The new content/ came with no event (chokidar's watch followed the directory moved away), and the
    // watches of the old subfolders, shared by path, kept a later watcher of content/posts/ deaf
    // (tests/fuzz/watch-converges.test.ts found it).
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    mkdirSync(path.join(site, 'content/posts/sub'), { recursive: true });
    writeFileSync(path.join(site, 'hugo.toml'), 'title = "t"\n');
    writeFileSync(path.join(site, 'content/posts/old.md'), 'Old $o$.\n');
    writeFileSync(path.join(site, 'content/posts/sub/s.md'), 'Sub $s$.\n');
    const rec = recorder();
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 60 });
    await handle.ready;
    await rec.next(1);
    const shadow = (rel: string) => path.join(site, '.prerender/content', rel);
    const until = async (what: string, cond: () => boolean) => {
      const deadline = Date.now() + 20_000;
      while (!cond()) {
        if (Date.now() > deadline) throw new Error(`${what}; builds: ${JSON.stringify(rec.builds.map((b) => b.changed))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    rmSync(path.join(site, 'content/posts/sub'), { recursive: true });
    renameSync(path.join(site, 'content'), path.join(site, 'moved'));
    mkdirSync(path.join(site, 'content/posts'), { recursive: true });
    writeFileSync(path.join(site, 'content/posts/new.md'), 'New $n$.\n');
    await until('the new content/ was not built', () => existsSync(shadow('posts/new.md')) && !existsSync(shadow('posts/old.md')));
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(path.join(site, 'content/posts/later.md'), 'Later $l$.\n');
    await until('a page saved into the new content/ was not built', () => existsSync(shadow('posts/later.md')));
    mkdirSync(path.join(site, 'content/posts/sub'));
    writeFileSync(path.join(site, 'content/posts/sub/deep.md'), 'Deep $d$.\n');
    await until('a page saved into a new folder of it was not built', () => existsSync(shadow('posts/sub/deep.md')));
  });

  it('watches the layouts of the site and of its theme, and the theme the config switches to', async () => {
    // Which shortcode templates there are decides what a build says of a page (here: a name no template
    // has is a warning, as Hugo stops on it), so a template added while watching means a build.
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    writeFileSync(path.join(site, 'content/posts/cards.md'), '---\ntitle: Cards\n---\n{{< team-card >}}\n\n{{< theme-card >}}\n\n{{< later-card >}}\n');
    const unknown = (b: { result: BuildResult }) =>
      b.result.diagnostics.filter((d) => d.code === 'unknown-shortcode').map((d) => /"([^"]+)"/.exec(d.message)?.[1]).sort();
    const rec = recorder();
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 80 });
    await handle.ready;
    expect(unknown(await rec.next(1))).toEqual(['later-card', 'team-card', 'theme-card']);

    // A template of the site's own.
    mkdirSync(path.join(site, 'layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(site, 'layouts/shortcodes/team-card.html'), '<div class="card">{{ .Get 0 }}</div>\n');
    const second = await rec.next(2);
    expect(second.changed).toContain('layouts/shortcodes/team-card.html');
    expect(unknown(second)).toEqual(['later-card', 'theme-card']);

    // A theme, named in the config after the watch started: its templates count, and its layouts are watched.
    mkdirSync(path.join(site, 'themes/cards/layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(site, 'themes/cards/layouts/shortcodes/theme-card.html'), '<div class="card"></div>\n');
    await new Promise((r) => setTimeout(r, 300)); // themes/ is not watched (yet): no build
    expect(rec.builds.length).toBe(2);
    const config = path.join(site, 'hugo.toml');
    writeFileSync(config, `theme = "cards"\n${readFileSync(config, 'utf8')}`);
    const third = await rec.next(3);
    expect(third.changed).toEqual(['hugo.toml']);
    expect(unknown(third)).toEqual(['later-card']);
    writeFileSync(path.join(site, 'themes/cards/layouts/shortcodes/later-card.html'), '<div class="card"></div>\n');
    const fourth = await rec.next(4);
    expect(fourth.changed).toEqual(['themes/cards/layouts/shortcodes/later-card.html']);
    expect(unknown(fourth)).toEqual([]);

    // The theme named no more: its layouts are not watched any more.
    writeFileSync(config, readFileSync(config, 'utf8').replace('theme = "cards"\n', ''));
    expect(unknown(await rec.next(5))).toEqual(['later-card', 'theme-card']);
    writeFileSync(path.join(site, 'themes/cards/layouts/shortcodes/more-card.html'), '<div class="card"></div>\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(rec.builds.length).toBe(5);
  });
  it("watches the theme's static folder: an image the page's figure looks for, added there, means a build", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    mkdirSync(path.join(site, 'themes/t/layouts'), { recursive: true });
    const config = path.join(site, 'hugo.toml');
    writeFileSync(config, `theme = "t"\n${readFileSync(config, 'utf8')}`);
    writeFileSync(path.join(site, 'content/posts/logo.md'), '---\ntitle: Logo\n---\n{{< figure src="/images/theme-logo.png" alt="logo" >}}\n');
    const missing = (b: { result: BuildResult }) => b.result.diagnostics.filter((d) => d.code === 'figure-missing' && d.message.includes('theme-logo')).length;
    const rec = recorder();
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 80 });
    await handle.ready;
    expect(missing(await rec.next(1))).toBe(1);
    // The theme has no static/ yet: made, with the image in it.
    mkdirSync(path.join(site, 'themes/t/static/images'), { recursive: true });
    writeFileSync(path.join(site, 'themes/t/static/images/theme-logo.png'), ONE_PIXEL_PNG);
    const second = await rec.next(2);
    expect(second.changed.some((c) => c.startsWith('themes/t/static'))).toBe(true);
    expect(missing(second)).toBe(0);
  });
  it('watches a config/ directory: a file added to it means a full build with it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-'));
    const site = path.join(dir, 'site');
    cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public)([\\/]|$)/.test(p) });
    mkdirSync(path.join(site, 'config/_default'), { recursive: true });
    cpSync(path.join(site, 'hugo.toml'), path.join(site, 'config/_default/hugo.toml'));
    unlinkSync(path.join(site, 'hugo.toml'));
    writeFileSync(path.join(site, 'content/posts/reals.md'), '---\ntitle: Reals\n---\nIn $\\RR$.\n');
    const rec = recorder();
    handle = watchSite({ source: site, onBuild: rec.onBuild, debounceMs: 80 });
    await handle.ready;
    const undefinedRR = (b: { result: BuildResult }) => b.result.diagnostics.filter((d) => d.file === 'content/posts/reals.md' && /Undefined control sequence: \\RR/.test(d.message)).length;
    expect(undefinedRR(await rec.next(1))).toBe(1);
    writeFileSync(path.join(site, 'config/_default/params.toml'), '[prerender.katex.macros]\n"\\\\RR" = "\\\\mathbb{R}"\n');
    const second = await rec.next(2);
    expect(second.changed).toEqual(['config/_default/params.toml']);
    expect(undefinedRR(second)).toBe(0);
    expect(second.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readFileSync(path.join(site, '.prerender/content/posts/reals.md'), 'utf8')).toContain('mathbb');
  });
});
