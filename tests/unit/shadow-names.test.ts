/**
 * Shadow paths that cannot collide (src/site/shadow-names.ts): a hostile or clashing file name is one
 * located error for that file; no other page's prerendered copy is overwritten, and the build goes on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';

const site = tempSites('hp-names-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });

describe('shadow names', () => {
  it('a backslash name never overwrites the page it spells, and a ..\\ name never aborts the build', async () => {
    const dir = site({
      'content/posts/victim/index.md': 'Victim $v$\n',
      'content/posts/victim\\index.md': 'Evil $e$\n',
      'content/posts/0\\..\\..\\x.md': 'Up $u$\n',
      'content/posts/z.md': 'Later page $z$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      'content/posts/0\\..\\..\\x.md:1:1: error: the file name contains a backslash (\\), a folder separator on Windows, which could make its prerendered copy replace another page; it was not prerendered. Rename the file',
      'content/posts/victim\\index.md:1:1: error: the file name contains a backslash (\\), a folder separator on Windows, which could make its prerendered copy replace another page; it was not prerendered. Rename the file',
    ]);
    expect(r.failed).toBe(true);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/victim/index.md'), 'utf8')).toMatch(/^Victim \{\{< prerender /);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/z.md'), 'utf8')).toMatch(/^Later page \{\{< prerender /);
    expect(readdirSync(path.join(dir, '.prerender/content/posts')).sort()).toEqual(['victim', 'z.md']);
    expect(existsSync(path.join(dir, '.prerender/x.md'))).toBe(false);
    expect(readFileSync(path.join(dir, '.prerender/manifest.json'), 'utf8')).not.toContain('Evil');
  });

  it('case and Unicode-normalisation twins: the first is prerendered, the other is an error naming it', async () => {
    const dir = site({
      'content/posts/Case.md': 'Upper $U$\n',
      'content/posts/case.md': 'lower $l$\n',
      'content/posts/caf\u00e9.md': 'NFC $n$\n',
      'content/posts/cafe\u0301.md': 'NFD $d$\n',
    });
    const r = await buildSite({ source: dir });
    const errors = r.diagnostics.map((d) => `${d.file}: ${d.message}`);
    expect(errors).toEqual([
      'content/posts/caf\u00e9.md: content/posts/cafe\u0301.md and this file are the same page to Hugo and to a case-insensitive disk (their paths differ only in upper/lower case or Unicode normalisation); this one was not prerendered. Rename one of them',
      'content/posts/case.md: content/posts/Case.md and this file are the same page to Hugo and to a case-insensitive disk (their paths differ only in upper/lower case or Unicode normalisation); this one was not prerendered. Rename one of them',
    ]);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/Case.md'), 'utf8')).toMatch(/^Upper /);
    expect(existsSync(path.join(dir, '.prerender/content/posts/case.md'))).toBe(false);
    // Sorted by code units, the NFD name (e + U+0301) comes first.
    expect(readFileSync(path.join(dir, '.prerender/content/posts/cafe\u0301.md'), 'utf8')).toMatch(/^NFD /);
    expect(existsSync(path.join(dir, '.prerender/content/posts/caf\u00e9.md'))).toBe(false);
  });

  it('a backtick or a control character in a name is refused; a plain odd name is fine', async () => {
    const dir = site({
      'content/a`b.md': 'Tick $t$\n',
      'content/line\nbreak.md': 'Newline $n$\n',
      'content/ünï cödé (1) [x] {y}.md': 'Fine $f$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.map((d) => [d.file, d.message.slice(0, 48)])).toEqual([
      ['content/a`b.md', 'the file name contains a backtick (`), which the'],
      ['content/line\nbreak.md', 'the file name contains a control character, whic'],
    ]);
    expect(r.shadowed).toBe(1);
  });

  it('a watch-style incremental build of a refused name is the same error, not a crash', async () => {
    const dir = site({ 'content/posts/victim\\index.md': 'Evil $e$\n', 'content/posts/ok.md': 'ok $o$\n' });
    const r = await buildSite({ source: dir, only: new Set(['content/posts/ok.md']) });
    expect(r.diagnostics.map((d) => d.file)).toEqual(['content/posts/victim\\index.md']);
    expect(r.shadowed).toBe(1);
  });
});
