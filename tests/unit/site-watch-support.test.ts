/**
 * What makes `hugo-prerender watch` beside `hugo server` quiet and reliable (the end-to-end proof is
 * tests/integration/server-watch.test.ts): stand-in templates for our shortcodes, the watch marker, and
 * rewriting a shadow so Hugo sees it change once more.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { shortcodes } from '../../src/render/registry.js';
import { fallbackNames, fallbackTemplate, hasShortcodeTemplate, siteLayoutDirs } from '../../src/site/fallbacks.js';
import { PrerenderOutput, WATCH_MARKER } from '../../src/site/output.js';
import { watchSite } from '../../src/watch.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/site');
const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'hp-watchsup-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyFixture(): string {
  const site = path.join(tmp(), 'site');
  cpSync(FIXTURE, site, { recursive: true, filter: (p) => !/[\\/](\.prerender|public|resources)([\\/]|$)/.test(p) });
  return site;
}

describe('stand-in templates for our shortcodes', () => {
  it('are written for every shortcode of ours Hugo lacks, and not for figure (Hugo has its own)', async () => {
    const site = copyFixture();
    await buildSite({ source: site });
    const dir = path.join(site, '.prerender/layouts/shortcodes');
    const expected = [...shortcodes.keys()].filter((n) => n !== 'figure').sort();
    expect(expected.length).toBeGreaterThan(5);
    for (const n of expected) {
      const text = readFileSync(path.join(dir, `${n}.html`), 'utf8');
      expect(text).toContain(`(dict "name" "${n}" "position" .Position "page" .Page)`);
    }
    expect(existsSync(path.join(dir, 'figure.html'))).toBe(false);
  });

  it('mention .Inner exactly when the inner content is required (Hugo rejects a mismatch either way)', () => {
    expect(fallbackTemplate('attention-map', 'required')).toContain('.Inner');
    expect(fallbackTemplate('rnn-unroll', 'none')).not.toContain('.Inner');
    expect(fallbackTemplate('x', 'optional')).not.toContain('.Inner');
    // Whitespace trimmed: the shortcode may stand inside a line of text.
    const t = fallbackTemplate('plot', 'none');
    expect(t.startsWith('{{-')).toBe(true);
    expect(t.trimEnd().endsWith('-}}')).toBe(true);
  });

  it('are not written for a name the site or its theme has a template for, and are removed when that appears', async () => {
    const site = copyFixture();
    await buildSite({ source: site });
    const ours = path.join(site, '.prerender/layouts/shortcodes');
    expect(existsSync(path.join(ours, 'plot.html'))).toBe(true);
    mkdirSync(path.join(site, 'layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(site, 'layouts/shortcodes/plot.html'), 'mine');
    mkdirSync(path.join(site, 'themes/t/layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(site, 'themes/t/layouts/shortcodes/lstm-cell.en.html'), 'theirs');
    writeFileSync(path.join(site, 'hugo.toml'), `theme = "t"\n${readFileSync(path.join(site, 'hugo.toml'), 'utf8')}`);
    await buildSite({ source: site });
    expect(existsSync(path.join(ours, 'plot.html'))).toBe(false);
    expect(existsSync(path.join(ours, 'lstm-cell.html'))).toBe(false);
    expect(existsSync(path.join(ours, 'rnn-unroll.html'))).toBe(true);
  });

  it('name lookup: theme list, themesDir, name prefixes', () => {
    const site = tmp();
    mkdirSync(path.join(site, 'th/a/layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(site, 'th/a/layouts/shortcodes/plot.html'), '');
    const layoutDirs = siteLayoutDirs(site, { theme: ['a', 'b'], themesDir: 'th' });
    expect(layoutDirs).toEqual([path.join(site, 'layouts'), path.join(site, 'th/a/layouts'), path.join(site, 'th/b/layouts')]);
    expect(hasShortcodeTemplate(layoutDirs, 'plot')).toBe(true);
    expect(hasShortcodeTemplate(layoutDirs, 'plo')).toBe(false);
    expect(fallbackNames(['plot', 'figure', 'rnn-unroll'], layoutDirs)).toEqual(['rnn-unroll']);
  });
});

describe('PrerenderOutput for the watcher', () => {
  it('rewrites a shadow with the same bytes as a new file, and refuses paths outside .prerender', () => {
    const site = tmp();
    const out = new PrerenderOutput(site);
    out.writeShadow('posts/x.md', 'text', { source: 'content/posts/x.md', partials: [] });
    const file = path.join(site, '.prerender/content/posts/x.md');
    const ino = statSync(file).ino;
    expect(out.rewriteShadow('posts/x.md')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('text');
    expect(statSync(file).ino).not.toBe(ino);
    expect(out.rewriteShadow('posts/missing.md')).toBe(false);
    expect(() => out.rewriteShadow('../x.md')).toThrow(/not a plain relative path/);
  });

  it('writes and removes the watch marker at the top of .prerender (outside every mount)', () => {
    const site = tmp();
    const out = new PrerenderOutput(site);
    out.writeMarker(WATCH_MARKER, 'pid 1\n');
    expect(readFileSync(path.join(site, '.prerender/watching'), 'utf8')).toBe('pid 1\n');
    out.removeMarker(WATCH_MARKER);
    expect(existsSync(path.join(site, '.prerender/watching'))).toBe(false);
    out.removeMarker(WATCH_MARKER); // already gone: no error
  });
});

describe('watchSite and the marker', () => {
  it('keeps .prerender/watching while it runs and removes it when closed', async () => {
    const site = copyFixture();
    const handle = watchSite({ source: site, onBuild: () => undefined });
    try {
      await handle.ready;
      expect(readFileSync(path.join(site, '.prerender/watching'), 'utf8')).toContain(`pid ${process.pid}`);
    } finally {
      await handle.close();
    }
    expect(existsSync(path.join(site, '.prerender/watching'))).toBe(false);
    // A plain build neither needs nor writes it.
    await buildSite({ source: site });
    expect(existsSync(path.join(site, '.prerender/watching'))).toBe(false);
  });
});
