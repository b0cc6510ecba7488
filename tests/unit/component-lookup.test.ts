/**
 * Which file Hugo serves for a path of static/ (or returns from resources.Get for assets/) through
 * mounts whose targets nest or repeat (src/site/component-lookup.ts). The cases are measured: two sites
 * built with Hugo 0.111.3 and 0.169.0 (2026-12-07), each file's text naming where it came from; the
 * expected answers below are what each published (static) and what resources.Get returned (assets).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { componentCandidates, targetsNest, type MountedRoot, type NestedMounts } from '../../src/site/component-lookup.js';
import { lookUpFile, siteRoots } from '../../src/site/safe-path.js';
import { mountFilter } from '../../src/site/mount-filter.js';
import { tempDir } from '../helpers/hugo.js';

let site: string;

function files(list: Record<string, string>): void {
  for (const [rel, text] of Object.entries(list)) {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), text);
  }
}

beforeAll(() => {
  site = tempDir('hp-component-lookup-');
  files({
    // Site 1: static, vendor/pics at static/images, other at static (and the same for assets).
    'static/a.txt': 'static-a',
    'other/a.txt': 'other-a',
    'static/images/b.txt': 'static-b',
    'vendor/pics/b.txt': 'vendor-b',
    'static/images/c.txt': 'static-c',
    'other/images/d.txt': 'other-d',
    'static/imagesfoo/e.txt': 'static-e',
    'vendor/pics/sub/f.txt': 'vendor-f',
    // Site 2: m1, vendor at static/images (b.txt left out), m2, deep at static/images/deep, m3.
    'm1/x.txt': 'm1-x',
    'm2/x.txt': 'm2-x',
    'm1/y.txt': 'm1-y',
    'm3/y.txt': 'm3-y',
    'm2/z.txt': 'm2-z',
    'm3/z.txt': 'm3-z',
    'm1/w.txt': 'm1-w',
    'm2/w.txt': 'm2-w',
    'm3/w.txt': 'm3-w',
    'm1/images/deep/q.txt': 'm1-q',
    'vendor/deep/q.txt': 'vendor-q',
    'deep/q.txt': 'deep-q',
    'm1/images/b.txt': 'm1-b',
    'vendor/b.txt': 'vendor-b',
    'vendor/only.txt': 'vendor-only',
  });
});

const root = (source: string, target: string, filter?: MountedRoot['filter']): MountedRoot => ({ dir: path.join(site, source), target, ...(filter ? { filter } : {}) });

/** The file Hugo serves for `rel`: the first candidate that is there and shown, as the site-relative path of its source. */
function served(roots: MountedRoot[], rel: string, nested: NestedMounts): string | undefined {
  const r = lookUpFile(siteRoots({ dir: site, staticDirs: [], assetsDir: path.join(site, 'assets'), staticRoots: roots, assetRoots: [], nestedMounts: nested }), [{ component: 'static' }], rel);
  return 'found' in r ? path.relative(site, r.found).split(path.sep).join('/') : undefined;
}

describe('site 1: static, vendor/pics at static/images, other at static', () => {
  const order1 = () => [root('static', ''), root('vendor/pics', 'images'), root('other', '')];
  const order2 = () => [root('other', ''), root('vendor/pics', 'images'), root('static', '')];
  // rel → [0.111.3, 0.169.0], as published with the mounts in order 1 and in order 2.
  const measured: Record<string, [(string | undefined)[], (string | undefined)[]]> = {
    'a.txt': [['other/a.txt', 'other/a.txt'], ['static/a.txt', 'static/a.txt']],
    'images/b.txt': [['vendor/pics/b.txt', 'static/images/b.txt'], ['vendor/pics/b.txt', 'static/images/b.txt']],
    'images/c.txt': [[undefined, 'static/images/c.txt'], [undefined, 'static/images/c.txt']],
    'images/d.txt': [[undefined, 'other/images/d.txt'], [undefined, 'other/images/d.txt']],
    // A target matches as text: 0.111.3 looks for imagesfoo/e.txt in vendor/pics alone (foo/e.txt there).
    'imagesfoo/e.txt': [[undefined, 'static/imagesfoo/e.txt'], [undefined, 'static/imagesfoo/e.txt']],
    'images/sub/f.txt': [['vendor/pics/sub/f.txt', 'vendor/pics/sub/f.txt'], ['vendor/pics/sub/f.txt', 'vendor/pics/sub/f.txt']],
  };
  for (const [rel, [one, two]] of Object.entries(measured)) {
    it(`serves /${rel} as each Hugo publishes it`, () => {
      expect([served(order1(), rel, 'longest'), served(order1(), rel, 'every')]).toEqual(one);
      expect([served(order2(), rel, 'longest'), served(order2(), rel, 'every')]).toEqual(two);
    });
  }

  it('says which file the older Hugo leaves unread, and which mounts it reads instead', () => {
    const r = lookUpFile(siteRoots({ dir: site, staticDirs: [], assetsDir: path.join(site, 'assets'), staticRoots: order1(), nestedMounts: 'longest' }), [{ component: 'static' }], 'images/c.txt');
    expect(r).toEqual({ missing: [path.join(site, 'vendor/pics/c.txt')], unread: { file: path.join(site, 'static/images/c.txt'), by: [path.join(site, 'vendor/pics')], target: 'static/images' } });
  });
});

describe('site 2: three mounts at static, two nested targets, a filter', () => {
  const roots = () => [
    root('m1', ''),
    root('vendor', 'images', mountFilter(['! b.txt'])),
    root('m2', ''),
    root('deep', 'images/deep'),
    root('m3', ''),
    root('missingdir', 'gone'),
  ];
  const measured: Record<string, [string | undefined, string | undefined]> = {
    'x.txt': ['m2/x.txt', 'm2/x.txt'],
    'y.txt': ['m3/y.txt', 'm3/y.txt'],
    'z.txt': ['m3/z.txt', 'm3/z.txt'],
    'w.txt': ['m3/w.txt', 'm3/w.txt'],
    'images/deep/q.txt': ['deep/q.txt', 'm1/images/deep/q.txt'],
    'images/b.txt': [undefined, 'm1/images/b.txt'],
    'images/only.txt': ['vendor/only.txt', 'vendor/only.txt'],
  };
  for (const [rel, expected] of Object.entries(measured)) {
    it(`serves /${rel} as each Hugo publishes it`, () => {
      expect([served(roots(), rel, 'longest'), served(roots(), rel, 'every')]).toEqual(expected);
    });
  }

  it('says a file the mount it is read from leaves out is hidden, not missing', () => {
    const r = lookUpFile(siteRoots({ dir: site, staticDirs: [], assetsDir: path.join(site, 'assets'), staticRoots: roots(), nestedMounts: 'longest' }), [{ component: 'static' }], 'images/b.txt');
    expect(r).toMatchObject({ hidden: path.join(site, 'vendor/b.txt') });
  });
});

describe('mounts', () => {
  it('nest when a target is a prefix of another (as text, as Hugo matches them)', () => {
    expect(targetsNest([root('static', ''), root('v', 'images')])).toBe(true);
    expect(targetsNest([root('a', 'img'), root('b', 'imgfoo')])).toBe(true);
    expect(targetsNest([root('static', ''), root('other', '')])).toBe(false);
    expect(targetsNest([root('a', 'img'), root('b', 'pics')])).toBe(false);
  });

  it('whose source is not there are no mounts: the path falls to the shorter target (the absent one is still listed as looked at)', () => {
    const c = componentCandidates([root('static', ''), root('nothere', 'images')], 'images/c.txt', 'longest');
    expect(c.candidates.map((x) => path.relative(site, x.file))).toEqual(['static/images/c.txt', 'nothere/c.txt']);
    expect(served([root('static', ''), root('nothere', 'images')], 'images/c.txt', 'longest')).toBe('static/images/c.txt');
  });

  it('outside the site are read (as content mounts outside are), and a link out of them is refused', () => {
    const outside = tempDir('hp-component-outside-');
    mkdirSync(path.join(outside, 'pics'), { recursive: true });
    writeFileSync(path.join(outside, 'pics/o.png'), 'o');
    symlinkSync('/nonexistent-hp/secret.png', path.join(outside, 'pics/link.png'));
    const roots = siteRoots({ dir: site, staticDirs: [], assetsDir: path.join(site, 'assets'), staticRoots: [root('static', ''), { dir: path.join(outside, 'pics'), target: 'shared' }] });
    expect(lookUpFile(roots, [{ component: 'static' }], 'shared/o.png')).toEqual({ found: path.join(outside, 'pics/o.png') });
    expect(lookUpFile(roots, [{ component: 'static' }], 'shared/link.png')).toMatchObject({ refused: path.join(outside, 'pics/link.png'), target: '/nonexistent-hp/secret.png' });
  });
});
