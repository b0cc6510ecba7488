/**
 * What a demanding user throws at `hugo-prerender build`, each answered with a located, actionable
 * diagnostic instead of a crash or a silent half result.
 */
import { readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite, invalidUtf8 } from '../../src/build.js';
import { jsonErrorOffset, parseConfigText } from '../../src/site/config.js';
import { readManifest } from '../../src/site/output.js';

const site = tempSites('hp-robust-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });

describe('build on unusual sites', () => {
  it('-s pointing at a file says so and suggests its directory', async () => {
    const dir = site({ 'content/a.md': 'x' });
    const r = await buildSite({ source: path.join(dir, 'hugo.toml') });
    expect(r.failed).toBe(true);
    expect(r.diagnostics[0]!.message).toBe(`${path.join(dir, 'hugo.toml')} is a file, not a directory: -s takes the site's directory (${dir}?)`);
  });

  it('warns at the first byte that is not UTF-8, and still prerenders the page', async () => {
    const dir = site({ 'content/a.md': Buffer.concat([Buffer.from('ok\nCaf'), Buffer.from([0xe9]), Buffer.from(' $x_1$\n')]) });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(false);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/a.md', line: 2, column: 4, message: expect.stringMatching(/^not UTF-8 \(byte 0xe9\); Hugo expects UTF-8.*iconv/) }),
    ]);
    expect(r.formulas).toBe(1);
  });

  it('invalidUtf8: positions count characters, not bytes; valid text and a BOM pass', () => {
    expect(invalidUtf8(Buffer.from('\ufeffé ∂ 😀\n'))).toBeUndefined();
    expect(invalidUtf8(Buffer.concat([Buffer.from('é∂\nab'), Buffer.from([0xc3])]))).toEqual({ line: 2, column: 3, byte: 0xc3 });
    expect(invalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toEqual({ line: 1, column: 2, byte: 0xed }); // a UTF-16 surrogate
  });

  it('follows a symlinked directory inside content/ as Hugo does, and survives a symlink loop', async () => {
    const dir = site({ 'elsewhere/posts/s.md': 'Sym $x_1$\n', 'content/_index.md': 'home\n' });
    symlinkSync('../elsewhere/posts', path.join(dir, 'content/posts'));
    symlinkSync('.', path.join(dir, 'elsewhere/posts/again')); // a loop: posts/again/again/…
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(false);
    expect(r.formulas).toBe(1);
    expect(readFileSync(path.join(dir, '.prerender/content/posts/s.md'), 'utf8')).toMatch(/^Sym \{\{< prerender /);
    // Written as a file under .prerender, never through the link into elsewhere/.
    expect(existsSync(path.join(dir, 'elsewhere/posts/.prerender'))).toBe(false);
  });

  it('a .prerender it cannot write to is one clear error, not a crash', async () => {
    const dir = site({ 'content/a.md': '$a$\n', 'content/b.md': '$b$\n', '.prerender/content': 'a file where a directory belongs' });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^cannot write the prerendered output: (EEXIST|ENOTDIR).*\.prerender\/content.*check that it is a writable directory \(or delete it\)$/);
  });

  it('a content directory per language is prerendered into a shadow tree of its own', async () => {
    const dir = site({
      'hugo.toml': '[languages.en]\nweight = 1\n[languages.fr]\ncontentDir = "content.fr"\nweight = 2\n',
      'content/posts/a.md': 'English $a$\n',
      'content.fr/posts/a.md': 'Français $b$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.formulas).toBe(2);
    const en = readFileSync(path.join(dir, '.prerender/content/posts/a.md'), 'utf8');
    const fr = readFileSync(path.join(dir, '.prerender/content.fr/posts/a.md'), 'utf8');
    expect(en).toMatch(/^English \{\{< prerender k="[a-z0-9_-]+" md5="[0-9a-f]{32}" src=`content\/posts\/a\.md` >\}\}<span class="katex">/);
    // The staleness check reads the French original by its site-relative path.
    expect(fr).toMatch(/^Français \{\{< prerender k="[a-z0-9_-]+" md5="[0-9a-f]{32}" src=`content\.fr\/posts\/a\.md` >\}\}<span class="katex">/);
    const manifest = readManifest(path.join(dir, '.prerender'));
    expect(Object.keys(manifest.pages)).toEqual(['posts/a.md']);
    expect(manifest.trees?.['content.fr']?.['posts/a.md']?.source).toBe('content.fr/posts/a.md');

    // Deleting the French page removes its shadow, and only that one.
    rmSync(path.join(dir, 'content.fr/posts/a.md'));
    const again = await buildSite({ source: dir });
    expect(again.failed).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content.fr/posts/a.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content/posts/a.md'))).toBe(true);
    expect(readManifest(path.join(dir, '.prerender')).trees).toBeUndefined();
  });
});

describe('JSON site config errors', () => {
  it('are located even where JSON.parse names no position, on one line', () => {
    const d = parseConfigText('{"title": "x",\n "a": }\n', 'json', 'hugo.json').diagnostics[0]!;
    expect(d).toMatchObject({ file: 'hugo.json', line: 2, column: 7 });
    expect(d.message).not.toContain('\n');
    expect(parseConfigText('{"a": 1,\n}\n', 'json').diagnostics[0]).toMatchObject({ line: 2, column: 1 });
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11);
    expect(jsonErrorOffset('{"a": 1}')).toBeUndefined();
  });
});

describe('YAML site config errors', () => {
  it('a key that is a list or a map is an error at the key, as Hugo fails on it (no process warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const list = parseConfigText('title: x\nparams:\n  [a, b]: 1\n', 'yaml', 'hugo.yaml');
      expect(list.data).toEqual({});
      expect(list.diagnostics).toEqual([
        expect.objectContaining({ severity: 'error', code: 'config', file: 'hugo.yaml', line: 3, column: 3, message: "invalid YAML in site config: the key '[a, b]' is a list, which Hugo does not accept (it fails to load the configuration); write the key as plain text" }),
      ]);
      expect(parseConfigText('{a: 1}: x\n', 'yaml').diagnostics[0]).toMatchObject({ line: 1, column: 1, message: expect.stringContaining("the key '{a: 1}' is a map") });
      expect(parseConfigText('title: x\nparams:\n  a: [1, 2]\n', 'yaml').diagnostics).toEqual([]);
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
