/**
 * A site whose own config mounts a folder below `content` (`source = "notes"`, `target = "content/notes"`,
 * beside `content` at `content`) publishes every page of it prerendered, as plain Hugo publishes the same
 * pages otherwise. Found by an audit: Hugo 0.111.3 reads a folder below such a mount's target
 * (`content/notes/sub/`) from the mounts at `content/notes` alone, so `.prerender/content` (at `content`)
 * was never read there and those pages were published untypeset (0.169.0 took the shadows). init now mounts
 * `.prerender/content/notes` at `content/notes` too, before the user's mount (config.ts nestedShadowMounts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { languageMountStyle, moduleMounts, readSiteConfig } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { excludeStyle, serveLayer } from '../../src/serve.js';
import { describeEachHugo, PROJECT_ROOT, tempDir, type BuildResult } from '../helpers/hugo.js';
import { listFiles } from '../helpers/prerender.js';
import { buildPlain, buildPrerendered } from '../helpers/plain-vs-prerendered.js';
import { write } from '../helpers/temp-site.js';

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}\n',
  'layouts/_default/single.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
};

const page = (title: string, body: string) => `---\ntitle: "${title}"\n---\n${body}\n`;

const CONFIG = ['baseURL = "https://example.org/"', 'title = "Notes"', '[[module.mounts]]', 'source = "content"', 'target = "content"', '[[module.mounts]]', 'source = "notes"', 'target = "content/notes"', ''].join('\n');

const SITE: Record<string, string> = {
  ...LAYOUTS,
  'hugo.toml': CONFIG,
  'content/posts/p.md': page('Post', 'Post math $a^2$.'),
  'notes/_index.md': page('Notes', 'Notes index $z_0$.'),
  'notes/n.md': page('Note', 'Note math $n_1$.'),
  'notes/sub/deep.md': page('Deep', 'Deep math $d_1$.\n\n$$\\int_0^1 x\\,dx$$'),
  'notes/sub/plain.md': page('Plain', 'No math here.'),
  'notes/bund/index.md': page('Bundle', 'Bundle math $b_1$.'),
  'notes/bund/data.txt': 'a resource\n',
  'notes/a/b/c/leaf.md': page('Leaf', 'Leaf math $\\ell$.'),
};

/** The pages with math, as published. */
const MATH_PAGES = ['posts/p/index.html', 'notes/index.html', 'notes/n/index.html', 'notes/sub/deep/index.html', 'notes/bund/index.html', 'notes/a/b/c/leaf/index.html'];

describeEachHugo('a content mount below content/ (target content/notes)', (hugo) => {
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;

  beforeAll(async () => {
    site = path.join(tempDir('hp-nested-'), 'site');
    for (const [rel, text] of Object.entries(SITE)) write(site, rel, text);
    plain = buildPlain(hugo, site);

    const r = await buildPrerendered(hugo, site);
    expect(r.prerendered.diagnostics).toEqual([]);
    built = r.built;
  });

  it('publishes the files plain Hugo publishes, every page of the mount typeset, its subfolders too', () => {
    expect(listFiles(built.publicDir).filter((f) => !f.startsWith('prerender/'))).toEqual(listFiles(plain.publicDir));
    for (const p of MATH_PAGES) {
      const html = built.read(p);
      expect(html, p).toContain('class="katex"');
      // The TeX is gone from the text (MathML's annotation keeps it, inside <math>).
      expect(html.replace(/<math\b[\s\S]*?<\/math>/g, ''), p).not.toMatch(/\$/);
      expect(plain.read(p), p).toMatch(/\$/);
    }
    expect(built.read('notes/sub/plain/index.html')).toContain('No math here.');
    expect(built.read('notes/bund/data.txt')).toBe('a resource\n');
  });

  it('init wrote the shadows of the mount at its target, before it, and leaves them as they are when run again', () => {
    const mounts = moduleMounts(readSiteConfig(site).data).filter((m) => m.target.startsWith('content')).map((m) => `${m.source} -> ${m.target}`);
    expect(mounts).toEqual(['.prerender/content -> content', '.prerender/content/notes -> content/notes', 'content -> content', 'notes -> content/notes']);
    const again = initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts'), languageStyle: languageMountStyle(hugo.version) });
    expect(again.changed).toBe(false);
  });

  it('serve gives Hugo the same mount, before the mount of notes whose originals it leaves out', () => {
    const layer = serveLayer(site, readSiteConfig(site, { environment: 'development' }).data, excludeStyle(hugo.version));
    const content = layer.mounts.filter((m) => m.target.startsWith('content')).map((m) => `${m.source} -> ${m.target}`);
    expect(content.slice(0, 2)).toEqual(['.prerender/content -> content', '.prerender/content/notes -> content/notes']);
    expect(content.indexOf('notes -> content/notes')).toBeGreaterThan(1);
  });
});

describe('a site init-ed before the shadows of a mount below content/ had a mount of their own', () => {
  it('is told, at its mount below content/, to run init again; serve mounts them itself', async () => {
    const site = path.join(tempDir('hp-nested-old-'), 'site');
    for (const [rel, text] of Object.entries(SITE)) write(site, rel, text);
    writeFileSync(
      path.join(site, 'hugo.toml'),
      CONFIG.replace('[[module.mounts]]', '[[module.mounts]]\nsource = ".prerender/content"\ntarget = "content"\n[[module.mounts]]') +
        '[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n[[module.mounts]]\nsource = ".prerender/layouts"\ntarget = "layouts"\n',
    );
    const r = await prerender({ source: site });
    // At the site's mount of notes (its `[[`), the third of the list; it was at the first `[[module.mounts]]`.
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', file: 'hugo.toml', line: 9, column: 1 }]);
    expect(r.diagnostics[0]!.message).toMatch(/nothing mounts \.prerender\/content\/notes at content\/notes, so Hugo 0\.111 publishes .* run `hugo-prerender init` again/);
    const layer = serveLayer(site, readSiteConfig(site).data, 'excludeFiles');
    expect(layer.mounts.filter((m) => m.target.startsWith('content')).map((m) => `${m.source} -> ${m.target}`).slice(0, 3)).toEqual([
      '.prerender/content -> content',
      '.prerender/content/notes -> content/notes',
      'content -> content',
    ]);
    initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts') });
    expect(readFileSync(path.join(site, 'hugo.toml'), 'utf8')).toContain('source = ".prerender/content/notes"\ntarget = "content/notes"');
    expect((await prerender({ source: site })).diagnostics).toEqual([]);
  });
});
