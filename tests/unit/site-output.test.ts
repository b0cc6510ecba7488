import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';

// Observe renames (the atomic step) without changing what they do.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});
import { OutputPathError, PrerenderOutput, md5, readManifest, stableJson } from '../../src/site/output.js';
import fc from 'fast-check';
import { parseTitlesTemplate } from '../../src/site/handoff.js';

const dirs: string[] = [];
function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-out-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe('PrerenderOutput', () => {
  it('writes shadows, titles.html and static files where Hugo mounts them, and a sorted manifest', () => {
    const site = tmp();
    const out = new PrerenderOutput(site);
    out.writeShadow('posts/b/index.md', 'B {{< prerender k="k2" >}}<b>2</b>{{< /prerender >}}', { source: 'content/posts/b/index.md', partials: ['k2'] });
    out.writeShadow('posts/a.md', 'A', { source: 'content/posts/a.md', partials: ['k1', 'k2', 'k1'], sourceMd5: md5('x') });
    out.setTitles('content/posts/a.md', new Map([[md5('T $x$'), '<i>x</i>']]));
    out.writeStatic('prerender/prerender.css', 'a{}');
    const r = out.finish();
    expect(r.removed).toEqual([]);
    expect(files(path.join(site, '.prerender'))).toEqual([
      'content/posts/a.md',
      'content/posts/b/index.md',
      'layouts/partials/prerender/titles.html',
      'manifest.json',
      'static/prerender/prerender.css',
    ]);
    expect(parseTitlesTemplate(readFileSync(path.join(site, '.prerender/layouts/partials/prerender/titles.html'), 'utf8'))).toEqual(
      new Map([[md5('T $x$'), '<i>x</i>']]),
    );
    const manifestText = readFileSync(path.join(site, '.prerender/manifest.json'), 'utf8');
    expect(Object.keys(JSON.parse(manifestText).pages)).toEqual(['posts/a.md', 'posts/b/index.md']);
    expect(readManifest(path.join(site, '.prerender')).pages['posts/a.md']).toEqual({
      source: 'content/posts/a.md',
      partials: ['k1', 'k2'],
      sourceMd5: md5('x'),
    });

    // The same build in another order gives the same manifest bytes.
    const again = new PrerenderOutput(site);
    again.writeStatic('prerender/prerender.css', 'a{}');
    again.writeShadow('posts/a.md', 'A', { source: 'content/posts/a.md', partials: ['k2', 'k1'], sourceMd5: md5('x') });
    again.setTitles('content/posts/a.md', new Map([[md5('T $x$'), '<i>x</i>']]));
    again.writeShadow('posts/b/index.md', 'B {{< prerender k="k2" >}}<b>2</b>{{< /prerender >}}', { source: 'content/posts/b/index.md', partials: ['k2'] });
    again.finish();
    expect(readFileSync(path.join(site, '.prerender/manifest.json'), 'utf8')).toBe(manifestText);
  });

  it('does not rewrite a file whose bytes are already right', () => {
    const site = tmp();
    const first = new PrerenderOutput(site);
    first.writeShadow('a.md', 'same', { source: 'content/a.md', partials: [] });
    first.finish();
    const file = path.join(site, '.prerender/content/a.md');
    const titles = path.join(site, '.prerender/layouts/partials/prerender/titles.html');
    const ino = statSync(file).ino;
    const titlesIno = statSync(titles).ino;
    const second = new PrerenderOutput(site);
    second.writeShadow('a.md', 'same', { source: 'content/a.md', partials: [] });
    expect(statSync(file).ino).toBe(ino); // an atomic rewrite would have made a new inode
    second.writeShadow('a.md', 'different', { source: 'content/a.md', partials: [] });
    second.finish();
    expect(statSync(file).ino).not.toBe(ino);
    expect(statSync(titles).ino).toBe(titlesIno);
    expect(readFileSync(file, 'utf8')).toBe('different');
  });

  it('offers the fragments of the previous shadow as the cache, without the noisy ones', () => {
    const site = tmp();
    const b1 = new PrerenderOutput(site);
    const shadow = 'x {{< prerender k="k1" md5="' + md5('x') + '" src=`content/a.md` >}}<b>1</b>{{< /prerender >}} {{< prerender k="k2" >}}<i>2</i>{{< /prerender >}}';
    b1.writeShadow('a.md', shadow, { source: 'content/a.md', partials: ['k1', 'k2'] });
    b1.markNoisy('k2');
    b1.finish();
    const b2 = new PrerenderOutput(site);
    expect(b2.previousFragments('a.md')).toEqual(new Map([['k1', '<b>1</b>']]));
    expect(b2.previousFragments('other.md')).toEqual(new Map());
    // A failed page keeps its shadow, and its fragments stay noisy.
    b2.keep('a.md');
    b2.finish();
    expect(new PrerenderOutput(site).previousFragments('a.md')).toEqual(new Map([['k1', '<b>1</b>']]));
  });
  it('writes atomically through a .tmp file in the same directory', () => {
    const site = tmp();
    const out = new PrerenderOutput(site);
    const rename = vi.mocked(fs.renameSync);
    rename.mockClear();
    out.writeShadow('posts/a.md', 'A', { source: 'content/posts/a.md', partials: [] });
    expect(rename).toHaveBeenCalledTimes(1);
    const [from, to] = rename.mock.calls[0]!.map(String);
    expect(to).toBe(path.join(site, '.prerender/content/posts/a.md'));
    expect(from!.endsWith('.tmp')).toBe(true); // Hugo's watcher ignores *.tmp
    expect(path.dirname(from!)).toBe(path.dirname(to!));
    expect(files(path.join(site, '.prerender'))).toEqual(['content/posts/a.md']);
  });

  it('removes shadows of gone sources, old per-fragment partials and unwritten static files; keep() preserves a failed page and its titles', () => {
    const site = tmp();
    const b1 = new PrerenderOutput(site);
    b1.writeShadow('a.md', 'A', { source: 'content/a.md', partials: ['ka'] });
    b1.writeShadow('gone.md', 'G', { source: 'content/gone.md', partials: ['kg'] });
    b1.writeShadow('failed/index.md', 'F', { source: 'content/failed/index.md', partials: ['kf'] });
    b1.setTitles('content/failed/index.md', new Map([[md5('F'), '<i>F</i>']]));
    b1.setTitles('content/gone.md', new Map([[md5('G'), '<i>G</i>']]));
    b1.writeStatic('prerender/katex/katex.min.css', 'css');
    b1.finish();
    // What an older version left: one partial per fragment.
    writeFileSync(path.join(site, '.prerender/layouts/partials/prerender/ka.html'), 'ka');

    const b2 = new PrerenderOutput(site);
    b2.writeShadow('a.md', 'A2', { source: 'content/a.md', partials: ['ka2'] });
    b2.keep('failed/index.md');
    b2.keepTitles('content/failed/index.md');
    const r = b2.finish();
    expect(r.removed).toEqual(['content/gone.md', 'layouts/partials/prerender/ka.html']);
    expect(files(path.join(site, '.prerender'))).toEqual([
      'content/a.md',
      'content/failed/index.md',
      'layouts/partials/prerender/titles.html',
      'manifest.json',
      'static/prerender/katex/katex.min.css', // kept for the failed page's old shadow
    ]);
    expect(Object.keys(r.manifest.pages)).toEqual(['a.md', 'failed/index.md']);
    expect(r.manifest.titles).toEqual({ 'content/failed/index.md': [md5('F')] });
    expect(parseTitlesTemplate(readFileSync(path.join(site, '.prerender/layouts/partials/prerender/titles.html'), 'utf8'))).toEqual(
      new Map([[md5('F'), '<i>F</i>']]),
    );

    // Next build without math and without failures: the KaTeX files and the emptied dirs go.
    const b3 = new PrerenderOutput(site);
    b3.writeShadow('a.md', 'A2', { source: 'content/a.md', partials: ['ka2'] });
    const r3 = b3.finish();
    expect(r3.removed).toEqual(['content/failed/index.md', 'static/prerender/katex/katex.min.css']);
    expect(existsSync(path.join(site, '.prerender/content/failed'))).toBe(false);
    expect(existsSync(path.join(site, '.prerender/static/prerender'))).toBe(false);
    // keep() of a page that never had a shadow keeps nothing.
    const b4 = new PrerenderOutput(site);
    b4.keep('never.md');
    b4.keepTitles('content/never.md');
    expect(b4.finish().manifest.pages).toEqual({});
  });

  it('keepUnder() keeps every shadow below a directory (a content directory the build could not list), and only those', () => {
    const site = tmp();
    const b1 = new PrerenderOutput(site);
    for (const rel of ['l/a.md', 'l/b/c.md', 'lx.md', 'o.md']) b1.writeShadow(rel, rel, { source: `content/${rel}`, partials: [] });
    b1.writeShadow('l/fr.md', 'fr', { source: 'content.fr/l/fr.md', partials: [] }, 'content.fr');
    b1.finish();
    const b2 = new PrerenderOutput(site);
    expect(b2.keepUnder('l').map(([rel, info]) => [rel, info.source])).toEqual([
      ['l/a.md', 'content/l/a.md'],
      ['l/b/c.md', 'content/l/b/c.md'],
    ]);
    expect(b2.keepUnder('nothing/here')).toEqual([]);
    const r = b2.finish();
    expect(r.removed).toEqual(['content.fr/l/fr.md', 'content/lx.md', 'content/o.md']);
    expect(Object.keys(r.manifest.pages)).toEqual(['l/a.md', 'l/b/c.md']);
    // '' is the whole tree (its content root could not be listed); a path that is not plain is refused.
    const b3 = new PrerenderOutput(site);
    expect(b3.keepUnder('').map(([rel]) => rel)).toEqual(['l/a.md', 'l/b/c.md']);
    expect(() => b3.keepUnder('../x')).toThrow(OutputPathError);
  });

  it('never touches files outside .prerender', () => {
    const site = tmp();
    mkdirSync(path.join(site, 'content'));
    writeFileSync(path.join(site, 'content/a.md'), 'original');
    const out = new PrerenderOutput(site);
    out.writeShadow('a.md', 'shadow', { source: 'content/a.md', partials: [] });
    out.finish();
    new PrerenderOutput(site).finish(); // removes the shadow, nothing else
    expect(readFileSync(path.join(site, 'content/a.md'), 'utf8')).toBe('original');
    expect(files(site)).toEqual(['.prerender/layouts/partials/prerender/titles.html', '.prerender/manifest.json', 'content/a.md']);
  });

  it('refuses paths that leave .prerender, textually or through symlinks', () => {
    const site = tmp();
    const outside = tmp();
    const out = new PrerenderOutput(site);
    const info = { source: 'content/x.md', partials: [] };
    for (const bad of ['../x.md', 'a/../../x.md', '/etc/passwd', 'C:/x.md', 'a//b.md', './a.md', '']) {
      expect(() => out.writeShadow(bad, 'x', info)).toThrow(OutputPathError);
    }
    expect(() => out.writeStatic('../../escape.css', 'x')).toThrow(/refusing/);
    for (const bad of ['../x', 'Upper', 'a/b', 'a.b', '']) expect(() => out.markNoisy(bad)).toThrow(OutputPathError);
    expect(() => out.writeShadow('a.md', 'x', { source: 'content/a.md', partials: ['../../x'] })).toThrow(OutputPathError);

    // A symlinked directory inside .prerender pointing outside.
    mkdirSync(path.join(site, '.prerender/content'), { recursive: true });
    symlinkSync(outside, path.join(site, '.prerender/content/posts'));
    expect(() => out.writeShadow('posts/a.md', 'x', info)).toThrow(/outside/);
    expect(() => out.writeShadow('posts/deep/a.md', 'x', info)).toThrow(/outside/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a .prerender that is itself a symlink out of the site', () => {
    const site = tmp();
    const outside = tmp();
    symlinkSync(outside, path.join(site, '.prerender'));
    const out = new PrerenderOutput(site);
    expect(() => out.writeShadow('a.md', 'x', { source: 'content/a.md', partials: [] })).toThrow(OutputPathError);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('cleans stray files but does not follow symlinks while sweeping', () => {
    const site = tmp();
    const outside = tmp();
    writeFileSync(path.join(outside, 'precious.md'), 'keep');
    mkdirSync(path.join(site, '.prerender/content'), { recursive: true });
    writeFileSync(path.join(site, '.prerender/content/.a.md.1.0.tmp'), 'half');
    symlinkSync(path.join(outside, 'precious.md'), path.join(site, '.prerender/content/link.md'));
    const r = new PrerenderOutput(site).finish();
    expect(r.removed).toEqual(['content/.a.md.1.0.tmp', 'content/link.md']);
    expect(readFileSync(path.join(outside, 'precious.md'), 'utf8')).toBe('keep');
  });
});

describe('stableJson', () => {
  /** What it must write: JSON.stringify of a copy with every object's keys sorted, indented by 2. */
  const sortedCopy = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortedCopy)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
          )
        : v;
  it('writes what JSON.stringify writes for the same value with its keys sorted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stableJson(v)).toBe(JSON.stringify(sortedCopy(v), null, 2) + '\n');
      }),
      { numRuns: 500 },
    );
    const odd = { b: [1, undefined, 'x'], a: { z: undefined, y: -0, x: {} }, c: [], d: '\u2028"\\', '10': 1, '9': 2, '': 0, '01': 3, '4294967295': 4 };
    expect(stableJson(odd)).toBe(JSON.stringify(sortedCopy(odd), null, 2) + '\n');
  });
});
