/**
 * A site whose languages have their own content directory (content.en, content.fr, as in the hugo-book
 * example site), init'ed for each Hugo (its language mounts are spelled per version: `lang` for 0.111,
 * `sites.matrix` for 0.153 and later), prerendered, and built with real Hugo.
 */
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { languageMountStyle } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, type BuildResult } from '../helpers/hugo.js';
import { copyProjectSite } from '../helpers/prerender.js';

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
