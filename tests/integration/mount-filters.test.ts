/**
 * A site whose own content mounts leave files out (`excludeFiles`/`includeFiles` before Hugo 0.153,
 * `files` from 0.153 on) publishes, once init'ed and prerendered, exactly what plain Hugo publishes: the
 * pages it leaves out get no shadow (which Hugo would read through `.prerender/content`, unfiltered), are
 * never read or rendered, and what an earlier build wrote for them goes (found by an audit: the private
 * page was published, in its section, the RSS feed, the home page list and the sitemap).
 *
 * And which files a mount lets in, for many patterns, is what each Hugo reads (src/site/mount-filter.ts
 * against Hugo itself).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { checkSite } from '../../src/check.js';
import { listContentFiles } from '../../src/build.js';
import { contentRoots, languageMountStyle, readSiteConfig } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { siteRoots } from '../../src/site/safe-path.js';
import { excludeStyle } from '../../src/serve.js';
import { buildSite, describeEachHugo, PROJECT_ROOT, tempDir, type BuildResult, type HugoBinary } from '../helpers/hugo.js';
import { listFiles } from '../helpers/prerender.js';
import { buildPlain } from '../helpers/plain-vs-prerendered.js';
import { write } from '../helpers/temp-site.js';

/** Every file below `dir`, `/`-separated, sorted. */
/** A mount's filter as the Hugo in use reads it: `files` from 0.153 on, else includeFiles/excludeFiles. */
function filterLines(hugo: HugoBinary, include: string[], exclude: string[]): string[] {
  const list = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  if (excludeStyle(hugo.version) === 'files') return [`files = ${list([...include, ...exclude.map((x) => `! ${x}`)])}`];
  return [...(include.length ? [`includeFiles = ${list(include)}`] : []), ...(exclude.length ? [`excludeFiles = ${list(exclude)}`] : [])];
}

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n',
  'layouts/_default/single.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
};

const page = (title: string, body: string) => `---\ntitle: "${title}"\n---\n${body}\n`;

describeEachHugo('a site whose content mounts leave pages out', (hugo) => {
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;
  const config = (filtered: boolean) =>
    [
      'baseURL = "https://example.org/"',
      'title = "Filters"',
      '[[module.mounts]]',
      'source = "content"',
      'target = "content"',
      ...(filtered ? filterLines(hugo, [], ['private/**', 'posts/*.draft.md']) : []),
      '[[module.mounts]]',
      'source = "extra"',
      'target = "content"',
      ...(filtered ? filterLines(hugo, ['shared/**'], []) : []),
      '[[module.mounts]]',
      'source = "layouts"',
      'target = "layouts"',
      '',
    ].join('\n');
  const SECRETS = ['Secretplan', 'Draftidea', 'Hiddennote'];

  beforeAll(async () => {
    site = path.join(tempDir('hp-filters-'), 'site');
    const files: Record<string, string> = {
      ...LAYOUTS,
      'hugo.toml': config(true),
      'content/posts/pub.md': page('Public post', 'Public math $a^2 + b^2$.'),
      'content/posts/wip.draft.md': page('Draftidea', 'Draftidea math $d_1$.'),
      'content/private/_index.md': page('Secretplan section', 'Secretplan $s_0$.'),
      'content/private/secret.md': page('Secretplan', 'Secretplan math $x^2$.\n\n$$y = \\alpha$$'),
      'extra/shared/n.md': page('Shared note', 'Shared math $n_1$.'),
      'extra/hidden/h.md': page('Hiddennote', 'Hiddennote math $h_1$.'),
    };
    for (const [rel, text] of Object.entries(files)) write(site, rel, text);
    // Plain Hugo, on a copy made before init: what the site publishes.
    plain = buildPlain(hugo, site);

    // An earlier build of the site without its filters shadowed every page: what is left of it must go.
    writeFileSync(path.join(site, 'hugo.toml'), config(false));
    initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts'), languageStyle: languageMountStyle(hugo.version) });
    const unfiltered = await prerender({ source: site });
    expect(unfiltered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(listFiles(path.join(site, '.prerender/content'))).toContain('private/secret.md');
    writeFileSync(path.join(site, 'hugo.toml'), config(true));
    initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts'), languageStyle: languageMountStyle(hugo.version) });

    const r = await prerender({ source: site });
    expect(r.diagnostics).toEqual([]);
    built = buildSite(hugo.bin, site, { copy: false });
  });

  it('shadows only the pages the mounts let in, and leaves nothing of the others in .prerender/', () => {
    expect(listFiles(path.join(site, '.prerender/content'))).toEqual(['posts/pub.md', 'shared/n.md']);
    for (const file of listFiles(path.join(site, '.prerender'))) {
      const text = readFileSync(path.join(site, '.prerender', file), 'utf8');
      for (const s of SECRETS) expect(text, file).not.toContain(s);
      // Not even its name: the page records, the manifest and the titles forget it.
      expect(text, file).not.toMatch(/private\/|hidden\/|\.draft\.md/);
    }
  });

  it('publishes exactly the files plain Hugo publishes, nothing of a page left out, and the others typeset', () => {
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    const ours = listFiles(built.publicDir).filter((f) => !f.startsWith('prerender/'));
    expect(ours).toEqual(listFiles(plain.publicDir));
    expect(ours).not.toContain('private/secret/index.html');
    expect(ours).not.toContain('hidden/h/index.html');
    // HTML pages, lists, RSS feeds and the sitemap.
    expect(ours).toEqual(expect.arrayContaining(['index.html', 'index.xml', 'sitemap.xml', 'posts/index.html', 'posts/index.xml']));
    for (const file of ours) {
      const text = readFileSync(path.join(built.publicDir, file), 'latin1');
      for (const s of SECRETS) expect(text, file).not.toContain(s);
      expect(text, file).not.toMatch(/\/private\/|\/hidden\//);
    }
    for (const p of ['posts/pub/index.html', 'shared/n/index.html']) {
      const html = built.read(p);
      expect(html, p).toContain('class="katex"');
      expect(html.replace(/<math\b[^>]*>/g, ''), p).not.toMatch(/\$/);
    }
    expect(built.read('index.html')).toContain('Public post');
  });

  it('check and an incremental build (watch, serve) never read a page left out', async () => {
    const checked = await checkSite(site);
    expect(checked.pages.map((p) => p.file).sort()).toEqual(['content/posts/pub.md', 'extra/shared/n.md']);
    write(site, 'content/private/secret.md', page('Secretplan', 'Secretplan, saved again: $z^2$.'));
    write(site, 'content/private/new.md', page('Secretplan two', 'Secretplan $w$.'));
    const r = await prerender({ source: site, only: new Set(['content/private/secret.md', 'content/private/new.md']) });
    expect(r.diagnostics).toEqual([]);
    expect(r.pages).toBe(2);
    expect(listFiles(path.join(site, '.prerender/content'))).toEqual(['posts/pub.md', 'shared/n.md']);
  });
});

/** The content files (paths in the content tree) that hugo-prerender reads for a site. */
function ourPages(site: string): string[] {
  const config = readSiteConfig(site);
  const roots = siteRoots({ dir: site, staticDirs: config.staticDirs, assetsDir: config.assetsDir, contentDirs: config.contentRoots.map((r) => r.dir) });
  return contentRoots(site, config.data)
    .flatMap((root) => listContentFiles(root.dir, roots, [], [], [], root.filter).map((abs) => path.posix.join(root.target, path.relative(root.dir, abs).split(path.sep).join('/'))))
    .sort();
}

describeEachHugo('which files a content mount lets in, as Hugo reads them', (hugo) => {
  const tree = ['top.md', 'posts/a.md', 'posts/draft-b.md', 'posts/c.draft.md', 'posts/sub/d.md', 'private/e.md', 'a/x.md', 'b/y.md', 'Caps/Z.md', 'p1/q.md'];
  // [include, exclude] in the legacy spelling; from Hugo 0.153 on the same as `files` (includes first).
  const cases: [string[], string[]][] = [
    [[], ['private/**']],
    [[], ['private']],
    [[], ['posts/*']],
    [[], ['*/draft-*.md', '**.draft.md']],
    [[], ['{a,b}/**', 'p[0-9]/*']],
    [[], ['CAPS/**', '[!t]op.md']],
    [[], ['posts/su?/**', 'top.MD']],
    [['posts/*.md'], []],
    [['**.md'], []],
    [['posts/**', 'top.md'], ['posts/sub/**']],
    [['**/*.md'], ['a/**']],
  ];
  // Hugo 0.153+: the first pattern that matches decides.
  const ordered: string[][] = excludeStyle(hugo.version) === 'files' ? [['! posts/sub/**', 'posts/**'], ['posts/**', '! posts/sub/**'], ['! **.draft.md', '**']] : [];

  let base: string;
  beforeAll(() => {
    base = tempDir('hp-filter-globs-');
  });
  const run = (name: string, lines: string[]) => {
    const site = path.join(base, name);
    write(site, 'hugo.toml', ['baseURL = "https://example.org/"', 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]', '[[module.mounts]]', 'source = "content"', 'target = "content"', ...lines, ''].join('\n'));
    write(site, 'layouts/index.html', '{{ range .Site.RegularPages }}{{ .File.Path }}\n{{ end }}');
    write(site, 'layouts/_default/single.html', '{{ .Title }}');
    for (const f of tree) write(site, `content/${f}`, page(f, 'x'));
    const r = buildSite(hugo.bin, site, { copy: false, linkPackage: false });
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    const hugoPages = r.read('index.html').split('\n').filter(Boolean).map((p) => p.split(path.sep).join('/')).sort();
    rmSync(r.publicDir, { recursive: true, force: true });
    expect(ourPages(site), lines.join(' ')).toEqual(hugoPages);
    return hugoPages;
  };

  it('the same files for each pattern (folders left out, inclusions, case, classes, alternatives)', () => {
    const seen = cases.map(([inc, exc], k) => run(`case${k}`, filterLines(hugo, inc, exc)));
    // The patterns do tell the files apart: no two cases alike, and each leaves some out.
    for (const s of seen) expect(s.length).toBeLessThan(tree.length);
    expect(new Set(seen.map((s) => s.join())).size).toBeGreaterThan(cases.length - 3);
    ordered.forEach((files, k) => run(`ordered${k}`, [`files = [${files.map((f) => JSON.stringify(f)).join(', ')}]`]));
  });
});

describe('a glob Hugo refuses', () => {
  it('is an error at the pattern, and none of that mount\'s pages is read', () => {
    const site = path.join(tempDir('hp-filter-bad-'), 'site');
    write(site, 'hugo.toml', 'title = "x"\n\n[[module.mounts]]\nsource = "layouts"\ntarget = "layouts"\n[[module.mounts]]\nsource = "content"\ntarget = "content"\nexcludeFiles = ["ok/**", "[]x"]\n');
    write(site, 'content/a.md', page('a', '$x$'));
    const config = readSiteConfig(site);
    // The second pattern of the second mount (it was at the first `[[module.mounts]]`, 3:10).
    expect(config.diagnostics).toMatchObject([{ severity: 'error', file: 'hugo.toml', line: 9, column: 26 }]);
    expect(config.diagnostics[0]!.message).toMatch(/module\.mounts: an empty "\[\]" in the glob "\[\]x"/);
    expect(ourPages(site)).toEqual([]);
  });
});
