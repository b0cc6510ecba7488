/**
 * Hugo's globs for mount filters (gobwas/glob with `/` as the separator, lower-cased) and the order in
 * which a mount's patterns decide (src/site/mount-filter.ts). tests/integration/mount-filters.test.ts
 * checks the same against both Hugo versions on a site.
 */
import { describe, expect, it } from 'vitest';
import { hugoGlob, MountGlobError, mountFilter, mountPatterns } from '../../src/site/mount-filter.js';

describe('hugoGlob', () => {
  const m = (glob: string, s: string) => hugoGlob(glob).test(s);

  it('* stops at /, ** does not, ? is one character but /', () => {
    expect(m('/posts/*', '/posts/a.md')).toBe(true);
    expect(m('/posts/*', '/posts/sub/a.md')).toBe(false);
    expect(m('/posts/**', '/posts/sub/a.md')).toBe(true);
    expect(m('/posts/**', '/posts/')).toBe(true);
    expect(m('/posts/**', '/posts')).toBe(false);
    expect(m('/**.md', '/a/b/c.md')).toBe(true);
    expect(m('/?.md', '/a.md')).toBe(true);
    expect(m('/a?b', '/a/b')).toBe(false);
    expect(m('/é?', '/éü')).toBe(true);
  });

  it('classes (a negated one matches / too), alternatives (nested, or never closed), escapes, case', () => {
    expect(m('/p[0-9]/x', '/p7/x')).toBe(true);
    expect(m('/p[!0-9]/x', '/pa/x')).toBe(true);
    expect(m('/a[!b]c', '/a/c')).toBe(true);
    expect(m('/[abc]', '/b')).toBe(true);
    expect(m('/[a\\]]', '/]')).toBe(true);
    expect(m('/{a,b/{c,d}}/x', '/b/d/x')).toBe(true);
    expect(m('/{a,b', '/b')).toBe(true);
    expect(m('/a,b}', '/a,b}')).toBe(true);
    expect(m('/a\\*b', '/a*b')).toBe(true);
    expect(m('/a\\*b', '/axb')).toBe(false);
    expect(m('/Private/**', '/private/x.md')).toBe(true);
    expect(m('/a.b', '/axb')).toBe(false);
  });

  it('refuses what gobwas refuses', () => {
    for (const bad of ['/[]', '/[!]', '/[a', '/[b-a]', '/[a-bc]']) expect(() => hugoGlob(bad), bad).toThrow(MountGlobError);
  });
});

describe('mountFilter', () => {
  it('reads files, then includeFiles, then excludeFiles as "! …", keys in any case', () => {
    expect(mountPatterns({ source: 'c', target: 'content', EXCLUDEFILES: 'x/**', includeFiles: ['a/**', 'b'], Files: ['! y'] })).toEqual(['! y', 'a/**', 'b', '! x/**']);
    expect(mountFilter([])).toBeUndefined();
  });

  it('the first pattern that matches decides; an inclusion lets in the folders on its way', () => {
    const f = mountFilter(['posts/2024/*.md', '! posts/**'])!;
    expect(f('posts', true)).toBe(true);
    expect(f('posts/2024', true)).toBe(true);
    expect(f('posts/2024/a.md', false)).toBe(true);
    expect(f('posts/2023', true)).toBe(false);
    expect(f('posts/b.md', false)).toBe(false);
    expect(f('top.md', false)).toBe(false);
    const g = mountFilter(['! posts/sub/**', 'posts/**'])!;
    expect(g('posts/sub/a.md', false)).toBe(false);
    expect(g('posts/a.md', false)).toBe(true);
    const h = mountFilter(['! drafts'])!;
    expect(h('drafts', true)).toBe(false);
    expect(h('posts', true)).toBe(true);
  });
});
