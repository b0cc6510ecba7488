/**
 * The site's `ignoreFiles` leave out, with hugo-prerender, exactly the pages they leave out with plain
 * Hugo. Hugo matches each pattern (a Go regular expression, unanchored) against the absolute name of the
 * file it reads, which for a prerendered page is its shadow: found by an audit, a page that
 * `^/abs/site/content/drafts/` leaves out was published through its shadow, and a pattern that matches
 * only the shadow (`content/notes/sub/`, for pages mounted from notes/) made Hugo 0.169 publish nothing of
 * the page (0.111 published it as written). See src/site/ignore-files.ts.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { checkSite } from '../../src/check.js';
import { readSiteConfig } from '../../src/site/config.js';
import { goRegExp } from '../../src/site/ignore-files.js';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { listFiles } from '../helpers/prerender.js';
import { buildPrerendered } from '../helpers/plain-vs-prerendered.js';
import { write } from '../helpers/temp-site.js';

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/list.html': '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}\n',
  'layouts/_default/single.html': '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
};

const page = (title: string, body: string) => `---\ntitle: "${title}"\n---\n${body}\n`;

/** A Go regular expression that matches this text exactly. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The site's config; its first pattern is anchored to the site's own absolute path, as users write it. */
function config(site: string): string {
  const patterns = [
    `^${literal(site)}/content/drafts/`, // the original only: its shadow was published
    'content/old/.*\\.md$', // the original and its shadow
    '\\.secret\\.md$',
    '(?i)/ARCHIVE/', // a Go flag
    'content/notes/sub/', // the shadow only: the page is published as written
  ];
  return [
    `ignoreFiles = [${patterns.map((p) => JSON.stringify(p)).join(', ')}]`,
    'baseURL = "https://example.org/"',
    'title = "Ignored"',
    '[[module.mounts]]',
    'source = "content"',
    'target = "content"',
    '[[module.mounts]]',
    'source = "notes"',
    'target = "content/notes"',
    '',
  ].join('\n');
}

const FILES: Record<string, string> = {
  ...LAYOUTS,
  'content/posts/pub.md': page('Public', 'Public math $a^2$.'),
  'content/posts/plan.secret.md': page('Secretplan', 'Secretplan math $s$.'),
  'content/drafts/d.md': page('Draftidea', 'Draftidea math $d$.'),
  'content/old/o.md': page('Oldnote', 'Oldnote math $o$.'),
  'content/archive/x.md': page('Archived', 'Archived math $x$.'),
  'notes/n.md': page('Note', 'Note math $n$.'),
  'notes/sub/deep.md': page('Deep', 'Deep math $d_1$.'),
};
const LEFT_OUT = ['Secretplan', 'Draftidea', 'Oldnote', 'Archived'];

describeEachHugo('a site whose ignoreFiles leave pages out', (hugo) => {
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;
  let diagnostics: Awaited<ReturnType<typeof prerender>>['diagnostics'];

  beforeAll(async () => {
    site = path.join(tempDir('hp-ignore-'), 'site');
    const plainSite = path.join(tempDir('hp-ignore-plain-'), 'site');
    for (const [dir, extra] of [[site, {}], [plainSite, { 'layouts/partials/prerender/head.html': '' }]] as const) {
      for (const [rel, text] of Object.entries({ ...FILES, ...extra, 'hugo.toml': config(dir) })) write(dir, rel, text);
    }
    plain = buildSite(hugo.bin, plainSite, { copy: false, linkPackage: false });
    expect(plain.errors, plain.stdout + plain.stderr).toEqual([]);

    const r = await buildPrerendered(hugo, site);
    diagnostics = r.prerendered.diagnostics;
    built = r.built;
  });

  it('publishes exactly the files plain Hugo publishes: nothing of a page ignoreFiles leave out', () => {
    const ours = listFiles(built.publicDir).filter((f) => !f.startsWith('prerender/'));
    expect(ours).toEqual(listFiles(plain.publicDir));
    expect(ours).not.toContain('drafts/d/index.html');
    for (const file of ours) {
      const text = readFileSync(path.join(built.publicDir, file), 'latin1');
      for (const s of LEFT_OUT) expect(text, file).not.toContain(s);
    }
    for (const p of ['posts/pub/index.html', 'notes/n/index.html']) expect(built.read(p), p).toContain('class="katex"');
  });

  it('leaves a page whose copy a pattern matches as Hugo publishes it, and says so at the pattern', () => {
    // Not prerendered, and published (as written), as plain Hugo publishes it.
    expect(built.read('notes/sub/deep/index.html')).toBe(plain.read('notes/sub/deep/index.html'));
    expect(built.read('notes/sub/deep/index.html')).toContain('$d_1$');
    // At the pattern itself, the fifth of the list (it was at the list's `[`, before the locator knew arrays' entries).
    const column = config(site).split('\n')[0]!.indexOf(JSON.stringify('content/notes/sub/')) + 1;
    expect(column).toBeGreaterThan(15);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'ignore-files', file: 'hugo.toml', line: 1, column }]);
    expect(diagnostics[0]!.message).toMatch(/^ignoreFiles: "content\/notes\/sub\/" matches \.prerender\/content\/notes\/sub\/deep\.md, the prerendered copy of notes\/sub\/deep\.md, but not the page itself/);
  });

  it('writes nothing for the pages left out; check and an incremental build (watch, serve) read none of them', async () => {
    expect(listFiles(path.join(site, '.prerender/content'))).toEqual(['notes/n.md', 'posts/pub.md']);
    const checked = await checkSite(site);
    expect(checked.pages.map((p) => p.file).sort()).toEqual(['content/posts/pub.md', 'notes/n.md']);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['ignore-files']);
    write(site, 'content/drafts/d.md', page('Draftidea', 'Draftidea, saved again: $z^2$.'));
    const r = await prerender({ source: site, only: new Set(['content/drafts/d.md']) });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ignore-files']);
    expect(listFiles(path.join(site, '.prerender/content'))).toEqual(['notes/n.md', 'posts/pub.md']);
  });
});

describe('ignoreFiles patterns, read as Go reads them', () => {
  it('translates Go syntax to JavaScript', () => {
    const cases: [string, string[], string[]][] = [
      ['(?i)/drafts/', ['/s/content/DRAFTS/a.md'], ['/s/content/drafts-x/a.md']],
      ['\\.md\\z', ['/a/b.md'], ['/a/b.md\n']],
      ['/[[:digit:]]{4}/', ['/posts/2024/a.md'], ['/posts/20x4/a.md']],
      ['\\Q/a.b/\\E', ['/x/a.b/c'], ['/x/aXb/c']],
      ['[]x]\\.md$', ['/p/].md', '/p/x.md'], ['/p/y.md']],
      ['^/s/(?P<sec>posts)/', ['/s/posts/a.md'], ['/t/s/posts/a.md']],
      ['a.b', ['/a-b'], ['/a\nb']],
      ['\\s', ['/a b'], ['/a\u00a0b']],
    ];
    for (const [re, yes, no] of cases) {
      const r = goRegExp(re);
      for (const y of yes) expect(r.test(y), `${re} ~ ${JSON.stringify(y)}`).toBe(true);
      for (const n of no) expect(r.test(n), `${re} !~ ${JSON.stringify(n)}`).toBe(false);
    }
  });

  it('warns, at the pattern, about a pattern it cannot read, and applies the others', () => {
    const site = path.join(tempDir('hp-ignore-bad-'), 'site');
    write(site, 'hugo.toml', 'title = "x"\nignoreFiles = ["\\\\.bak$", "a(?i)b"]\n');
    const config = readSiteConfig(site);
    expect(config.diagnostics).toMatchObject([{ severity: 'warning', code: 'config', file: 'hugo.toml', line: 2, column: 27 }]);
    write(site, 'hugo.yaml', 'title: x\nignoreFiles:\n  - "\\\\.bak$"\n  - a(?i)b\n');
    rmSync(path.join(site, 'hugo.toml'));
    expect(readSiteConfig(site).diagnostics).toMatchObject([{ severity: 'warning', code: 'config', file: 'hugo.yaml', line: 4, column: 5 }]);
    expect(config.diagnostics[0]!.message).toMatch(/^ignoreFiles: "a\(\?i\)b": .*hugo-prerender does not apply it/);
    expect(config.ignoreFiles.map((p) => p.source)).toEqual(['\\.bak$']);
  });
});
