/**
 * A file in `.prerender/content` that no build wrote: `hugo new posts/x.md` on an init-ed site writes the
 * new page there (the first content mount). The build removed it as a stale shadow, and the page was lost;
 * it is now kept, with a warning that says where it belongs. A shadow whose original is gone still goes.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { tempSites, write } from '../helpers/temp-site.js';

const tempSite = tempSites('hp-foreign-');

/** As init mounts it: the shadows first. */
const CONFIG = 'title = "t"\n[[module.mounts]]\nsource = ".prerender/content"\ntarget = "content"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\n';

describe('a file in a shadow tree that no build wrote', () => {
  it('is kept and named in a warning; a shadow whose original is gone is removed', async () => {
    const dir = tempSite({
      'hugo.toml': CONFIG,
      'content/posts/a.md': '---\ntitle: A\n---\n$a$\n',
      'content/posts/b.md': '---\ntitle: B\n---\n$b$\n',
    });
    const first = await buildSite({ source: dir });
    expect(first.diagnostics.filter((d) => d.code === 'foreign-file')).toEqual([]);
    // What `hugo new posts/new.md` writes (measured on Hugo 0.111.3 and 0.169.0), and a deleted original.
    write(dir, '.prerender/content/posts/new.md', '---\ntitle: "New"\ndraft: true\n---\n');
    rmSync(path.join(dir, 'content/posts/b.md'));
    const second = await buildSite({ source: dir });
    expect(existsSync(path.join(dir, '.prerender/content/posts/new.md'))).toBe(true);
    expect(existsSync(path.join(dir, '.prerender/content/posts/b.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content/posts/a.md'))).toBe(true);
    const foreign = second.diagnostics.filter((d) => d.code === 'foreign-file');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ severity: 'warning', file: '.prerender/content/posts/new.md', line: 1, column: 1 });
    expect(foreign[0]!.message).toContain('move it to content/posts/new.md');
    // Said again on every build until it is moved; then it is a page like the others.
    const third = await buildSite({ source: dir });
    expect(third.diagnostics.filter((d) => d.code === 'foreign-file')).toHaveLength(1);
    write(dir, 'content/posts/new.md', '---\ntitle: "New"\n---\n$n$\n');
    rmSync(path.join(dir, '.prerender/content/posts/new.md'));
    const fourth = await buildSite({ source: dir });
    expect(fourth.diagnostics.filter((d) => d.code === 'foreign-file')).toEqual([]);
    expect(existsSync(path.join(dir, '.prerender/content/posts/new.md'))).toBe(true);
  });

  it('without a manifest (never built, or by another version), every file of the tree is taken as a shadow', async () => {
    const dir = tempSite({
      'hugo.toml': CONFIG,
      'content/posts/a.md': '---\ntitle: A\n---\n$a$\n',
      '.prerender/content/posts/old.md': '---\ntitle: Old\n---\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.code === 'foreign-file')).toEqual([]);
    expect(existsSync(path.join(dir, '.prerender/content/posts/old.md'))).toBe(false);
  });
});
