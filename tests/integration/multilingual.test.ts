/**
 * A site whose languages have their own content directory (content.en, content.fr, as in the hugo-book
 * example site), init'ed for each Hugo (its language mounts are spelled per version: `lang` for 0.111,
 * `sites.matrix` for 0.153 and later), prerendered, and built with real Hugo.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { languageMountStyle } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { checkSite } from '../../src/check.js';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { copyProjectSite, runCli } from '../helpers/prerender.js';

const PAGES = ['posts/rnn/index.html', 'fr/posts/rnn/index.html', 'fr/posts/lstm/index.html'];

describeEachHugo('a site with a content directory per language', (hugo) => {
  let site: string;
  let first: BuildResult;
  beforeAll(async () => {
    site = copyProjectSite('fixtures/multilingual');
    // The fixture mounts this project's layouts/ the way `init` writes it inside this repository.
    initSite(site, { packageLayouts: '../../layouts', languageStyle: languageMountStyle(hugo.version) });
    const r = await prerender({ source: site });
    expect(r.diagnostics).toEqual([]);
    expect(r.formulas).toBe(3);
    first = buildSite(hugo.bin, site, { copy: false });
  });

  it('typesets the formula of every language, with no raw TeX and no Hugo error or warning', () => {
    expect(first.errors, first.stdout + first.stderr).toEqual([]);
    expect(first.warnings).toEqual([]);
    for (const page of PAGES) {
      const html = first.read(page);
      expect(html, page).toContain('class="katex"');
      // KaTeX keeps the TeX in its MathML's alttext; anywhere else it would be raw TeX.
      expect(html.replace(/<math\b[^>]*>/g, ''), page).not.toMatch(/\$|\\tanh|\\sigma|prerender "/);
    }
    expect(first.read('posts/rnn/index.html')).toContain('<h1>Recurrent networks</h1>');
    expect(first.read('fr/posts/rnn/index.html')).toContain('<h1>Réseaux récurrents</h1>');
    expect(first.read('fr/posts/lstm/index.html')).toContain('La porte d&rsquo;oubli');
    expect(first.read('fr/posts/index.html')).not.toContain('Recurrent networks');
  });

  it('leaves no ghost page when one language loses a post, and keeps the others', async () => {
    rmSync(path.join(site, 'content.fr/posts/lstm.md'));
    const r = await prerender({ source: site });
    expect(r.failed).toBe(false);
    expect(existsSync(path.join(site, '.prerender/content.fr/posts/lstm.md'))).toBe(false);
    const built = buildSite(hugo.bin, site, { copy: false });
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    expect(existsSync(path.join(built.publicDir, 'fr/posts/lstm/index.html'))).toBe(false);
    expect(built.read('fr/posts/index.html')).not.toContain('Cellule LSTM');
    for (const page of ['posts/rnn/index.html', 'fr/posts/rnn/index.html']) expect(built.read(page), page).toContain('class="katex"');
  });

  it('warns that a page is stale when its French original changed after the build, naming that original', () => {
    appendFileSync(path.join(site, 'content.fr/posts/rnn.md'), '\nUne phrase de plus.\n');
    const built = buildSite(hugo.bin, site, { copy: false });
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    expect(built.warnings.join('\n')).toMatch(/hugo-prerender: content\.fr\/posts\/rnn\.md: changed since it was prerendered/);
    expect(built.warnings.join('\n')).not.toContain('content.en/');
  });
});

/** Every file under `dir`, relative, sorted; our own static files (`prerender/…`) left out. */
function publishedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out.push(path.relative(dir, abs).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((f) => !/^([a-z]{2}\/)?prerender\//.test(f)).sort();
}

describeEachHugo('languages Hugo builds no page of (disabled = true, disableLanguages)', (hugo) => {
  // A translation in progress is kept in a disabled language. Hugo publishes none of its pages; the build
  // prerendered them all the same, so a formula there that KaTeX rejects failed the build (and
  // `hugo-prerender hugo` never ran Hugo) for a page nobody would see.
  const PAGE = (title: string, math: string) => `---\ntitle: ${title}\n---\nThe state ${math} here.\n`;
  let site: string;
  beforeAll(() => {
    site = path.join(tempDir('hp-disabled-lang-'), 'site');
    const files: Record<string, string> = {
      'hugo.toml':
        'baseURL = "https://example.org/"\ntitle = "t"\ndefaultContentLanguage = "en"\ndisableLanguages = ["it"]\n' +
        '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\ndisabled = true\n' +
        '[languages.es]\nweight = 4\ndisabled = true\ncontentDir = "content.es"\n[languages.it]\nweight = 5\n',
      'layouts/_default/single.html': '<html lang="{{ .Lang }}"><body>{{ .Content }}{{ range .Translations }}<a href="{{ .RelPermalink }}">{{ .Lang }}</a>{{ end }}</body></html>\n',
      'layouts/_default/list.html': '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n',
      'content/posts/one.md': PAGE('One', '$h_t$'),
      'content/posts/one.fr.md': PAGE('Un', '$h_t$'),
      'content/posts/one.de.md': PAGE('Eins', '$\\frac{a$'),
      'content/posts/one.it.md': PAGE('Uno', '$\\frac{b$'),
      'content.es/posts/uno.md': PAGE('Uno', '$\\frac{c$'),
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      writeFileSync(path.join(site, rel), text);
    }
  });

  it('publishes with hugo-prerender exactly the pages plain Hugo publishes, typeset; a bad formula in a disabled language fails nothing', async () => {
    const plain = buildSite(hugo.bin, site);
    expect(plain.errors, plain.stdout + plain.stderr).toEqual([]);
    initSite(site, { languageStyle: languageMountStyle(hugo.version) });
    const r = await prerender({ source: site });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.pages).toBe(2);
    const checked = await checkSite(site);
    expect(checked.pages.map((p) => p.file)).toEqual(['content/posts/one.fr.md', 'content/posts/one.md']);
    expect(runCli(['check', '-s', site]).code).toBe(0);
    const built = buildSite(hugo.bin, site, { copy: false });
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    expect(publishedFiles(built.publicDir)).toEqual(publishedFiles(plain.publicDir));
    for (const page of ['posts/one/index.html', 'fr/posts/one/index.html']) {
      expect(built.read(page), page).toContain('class="katex"');
      expect(built.read(page).match(/<a href="[^"]*">[a-z]+<\/a>/g), page).toEqual(plain.read(page).match(/<a href="[^"]*">[a-z]+<\/a>/g));
    }
    // Enabled again (an environment's config, say), its pages are prerendered, and the bad formula is an error.
    writeFileSync(path.join(site, 'hugo.toml'), readFileSync(path.join(site, 'hugo.toml'), 'utf8').replace('disabled = true\n[languages.es]', 'disabled = false\n[languages.es]'));
    const again = await prerender({ source: site });
    expect(again.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['content/posts/one.de.md:4:19']);
  });
});
