/**
 * Math everywhere Hugo shows content (fixtures/everywhere/site), with Hugo 0.111.3 and the newest:
 * heading ids equal to the ones Hugo gives the ORIGINAL pages (built without prerendering), a typeset
 * table of contents whose links resolve, summaries on the list page with each formula once, RSS
 * descriptions with MathML only, and typeset titles.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import { attr, byClass, byTag, findAll, hasClass, parseHtml, text, textWithout, type Element } from '../helpers/html.js';
import { copyProjectSite, runPrerender, type CliRun } from '../helpers/prerender.js';
import { withFeedVariant } from '../../src/render/feed.js';

const FIXTURE = 'fixtures/everywhere/site';

let site: string;
let original: string;
let run: CliRun;

beforeAll(() => {
  site = copyProjectSite(FIXTURE);
  run = runPrerender(site);
  // The same site without prerendering: the heading ids Hugo gives the author's pages.
  original = copyProjectSite(FIXTURE);
}, 120_000);

const headingIds = (html: string) =>
  findAll(parseHtml(html), (el) => /^h[2-6]$/.test(el.tagName) && attr(el, 'id') !== undefined).map((h) => attr(h, 'id')!);

function only(tree: Element | ReturnType<typeof parseHtml>, cls: string): Element {
  const found = byClass(tree, cls);
  expect(found, cls).toHaveLength(1);
  return found[0]!;
}

/** The text a reader sees: KaTeX's MathML copy is hidden by the stylesheet. */
const visible = (el: Element) => textWithout(el, (e) => hasClass(e, 'katex-mathml'));

describe('prerendering fixtures/everywhere/site', () => {
  it('succeeds', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });
  it('gives the shadow explicit ids only where needed, and a divider where the summary has math', () => {
    const shadow = readFileSync(path.join(site, '.prerender/content/posts/gradients.md'), 'utf8');
    expect(shadow).toContain('term {#gradient-of-h_t-term}');
    expect(shadow).toContain('{#{{< prerender-id "mathbfw_hh-and-mathbfw_xh" "mathbfwhh-and-mathbfwxh" >}}}');
    expect(shadow).toContain('## Gradient of h_t term\n'); // unchanged: Hugo gives it the same id
    expect(shadow.match(/<!--more-->/g)).toHaveLength(1); // the author's own
    const auto = readFileSync(path.join(site, '.prerender/content/posts/auto-summary.md'), 'utf8');
    expect(auto).toMatch(/over time, and\n.*\{\{< prerender k="[0-9a-f]+" >}}[^\n]*?\{\{< \/prerender >\}\}\.<!--more-->\n+This second/);
  });
  it('sends the fragments of a page whose math no feed shows as prerender-nofeed (no RSS variant)', () => {
    // The site's feeds are Hugo's own (.Summary); this page's summary is its front matter's, without fragments.
    const fm = readFileSync(path.join(site, '.prerender/content/posts/fm-summary.md'), 'utf8');
    expect(fm).toMatch(/^Body with \{\{< prerender-nofeed k="[0-9a-f]+" md5="[0-9a-f]{32}" src=`content\/posts\/fm-summary.md` >\}\}<span class="katex">/m);
    expect(fm).not.toMatch(/\{\{< prerender /);
    // Nothing would print its fragments' feed variant: the shadow leaves it out.
    expect(fm).not.toContain('<!--hugo-prerender:feed-->');
    // Pages whose summary has math keep the variant.
    for (const p of ['gradients.md', 'auto-summary.md']) {
      const shadow = readFileSync(path.join(site, '.prerender/content/posts', p), 'utf8');
      expect(shadow, p).toMatch(/\{\{< prerender k=/);
      expect(shadow, p).toContain('<!--hugo-prerender:feed-->');
      expect(shadow, p).not.toMatch(/prerender-nofeed|prerender-html/);
    }
  });
});

/** The everywhere site with a feed template that shows each page's whole content (as many themes offer). */
let fullFeedSite: string;
let fullFeedRun: CliRun;
beforeAll(() => {
  fullFeedSite = copyProjectSite(FIXTURE);
  mkdirSync(path.join(fullFeedSite, 'layouts/_default'), { recursive: true });
  writeFileSync(
    path.join(fullFeedSite, 'layouts/_default/rss.xml'),
    '<rss version="2.0"><channel><title>{{ .Site.Title }}</title>{{ range .Pages }}<item><title>{{ .Title }}</title>' +
      '<description>{{ .Content | html }}</description></item>{{ end }}</channel></rss>\n',
  );
  fullFeedRun = runPrerender(fullFeedSite);
}, 120_000);

describeEachHugo('a feed template showing whole pages', (hugo) => {
  let built: BuildResult;
  beforeAll(() => {
    built = buildSite(hugo.bin, fullFeedSite, { copy: false });
  }, 120_000);

  it('every page with math keeps its RSS variant, and the feed shows each formula once, as MathML', () => {
    expect(fullFeedRun.code, fullFeedRun.stdout + fullFeedRun.stderr).toBe(0);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const fm = readFileSync(path.join(fullFeedSite, '.prerender/content/posts/fm-summary.md'), 'utf8');
    expect(fm).toMatch(/^Body with \{\{< prerender k="[0-9a-f]+" md5=/m);
    const xml = built.read('posts/index.xml');
    const item = /<item><title>Front matter summary<\/title><description>([^<]*)<\/description>/.exec(xml);
    expect(item, xml.slice(0, 2000)).not.toBeNull();
    const d = item![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(d.match(/<math\b/g) ?? []).toHaveLength(1);
    expect(d).not.toContain('katex');
    // The page itself is typeset as before.
    const page = built.read('posts/fm-summary/index.html');
    expect(byClass(parseHtml(page), 'katex-html')).toHaveLength(1);
    expect(page).toContain('/prerender/katex/katex.min.css');
  });
});

/**
 * A shadow written by a build before prerender-nofeed existed: prerender-html, each fragment with its feed
 * variant. Its template stays, so such a page renders right with the templates of this version until a
 * build rewrites it (a package upgraded, then `hugo` run alone).
 */
let olderSite: string;
beforeAll(() => {
  olderSite = copyProjectSite(FIXTURE);
  runPrerender(olderSite);
  const file = path.join(olderSite, '.prerender/content/posts/fm-summary.md');
  const shadow = readFileSync(file, 'utf8');
  const older = shadow.replace(
    /\{\{< prerender-nofeed ([^\n]*?) >\}\}([^\n]*?)\{\{< \/prerender-nofeed >\}\}/g,
    (_, params: string, inner: string) => `{{< prerender-html ${params} >}}${withFeedVariant(inner)}{{< /prerender-html >}}`,
  );
  expect(older).toContain('<!--hugo-prerender:feed-->');
  writeFileSync(file, older);
}, 120_000);

describeEachHugo('a shadow written before prerender-nofeed (prerender-html with the feed variant)', (hugo) => {
  it('shows each formula once, typeset, with the stylesheet', () => {
    const built = buildSite(hugo.bin, olderSite, { copy: false });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const page = built.read('posts/fm-summary/index.html');
    expect(page).not.toContain('<!--hugo-prerender:feed-->');
    expect(byClass(parseHtml(page), 'katex-html')).toHaveLength(1);
    expect(page.match(/<math\b/g) ?? []).toHaveLength(1);
    expect(page).toContain('/prerender/katex/katex.min.css');
  });
});

describeEachHugo('math everywhere', (hugo) => {
  let built: BuildResult;
  let orig: BuildResult;
  let page: string;
  beforeAll(() => {
    built = buildSite(hugo.bin, site, { copy: false });
    orig = buildSite(hugo.bin, original, { copy: false });
    page = built.read('posts/gradients/index.html');
  }, 120_000);

  it('builds without errors', () => {
    expect(built.code, built.stdout + built.stderr).toBe(0);
    expect(built.errors).toEqual([]);
    expect(orig.code, orig.stdout + orig.stderr).toBe(0);
  });

  it('keeps every heading id Hugo gives the original page, without placeholders', () => {
    const ids = headingIds(page);
    expect(ids).toEqual(headingIds(orig.read('posts/gradients/index.html')));
    expect(ids.join(' ')).not.toMatch(/hahahugoshortcode/i);
    // Both headings with $h_t$ and the plain one after them: Hugo's -1, -2.
    expect(ids.filter((id) => id.startsWith('gradient-of-h_t-term'))).toEqual([
      'gradient-of-h_t-term',
      'gradient-of-h_t-term-1',
      'gradient-of-h_t-term-2',
    ]);
    // The heading whose id depends on the Hugo version gets this Hugo's.
    expect(ids[1]).toBe(hugo.version.localeCompare('0.144.0', undefined, { numeric: true }) >= 0 ? 'mathbfwhh-and-mathbfwxh' : 'mathbfw_hh-and-mathbfw_xh');
    // The author's in-page links land on the headings.
    const targets = findAll(only(parseHtml(page), 'content'), (el) => el.tagName === 'a' && (attr(el, 'href') ?? '').startsWith('#'));
    expect(targets).toHaveLength(2);
    for (const a of targets) expect(ids).toContain(attr(a, 'href')!.slice(1));
  });

  it('typesets the table of contents, with Hugo\'s structure and links to the headings', () => {
    const tree = parseHtml(page);
    const toc = only(tree, 'toc');
    expect(text(toc)).not.toMatch(/HAHAHUGOSHORTCODE/);
    const nav = findAll(toc, (el) => el.tagName === 'nav' && attr(el, 'id') === 'TableOfContents');
    expect(nav).toHaveLength(1);
    const links = byTag(toc, 'a');
    expect(links.map((a) => attr(a, 'href'))).toEqual(headingIds(page).map((id) => `#${id}`));
    expect(links.map((a) => byClass(a, 'katex').length)).toEqual([1, 2, 0, 1, 0, 0]);
    expect(visible(links[0]!).replace(/\s+/g, ' ')).toMatch(/^Gradient of ht​? term$/);
    // The nesting is Hugo's: the h3 inside the second h2's list.
    const nested = findAll(toc, (el) => el.tagName === 'ul').length;
    expect(nested).toBe(2);
    // Hugo's own TOC is what the partial replaces: it shows the placeholders.
    expect(text(only(tree, 'hugo-toc'))).toMatch(/HAHAHUGOSHORTCODE/);
  });

  it('falls back to .TableOfContents on a page without prerendered content', () => {
    const plain = parseHtml(built.read('posts/plain/index.html'));
    const ours = only(plain, 'toc');
    expect(byTag(ours, 'a').map((a) => attr(a, 'href'))).toEqual(['#first', '#second']);
    expect(text(ours)).toBe(text(only(plain, 'hugo-toc')));
  });

  it('typesets the title and description; <title> keeps the author\'s text', () => {
    const tree = parseHtml(page);
    expect(text(byTag(tree, 'title')[0]!)).toBe('Why $\\tanh$ saturates');
    const h1 = only(tree, 'title');
    expect(byClass(h1, 'katex')).toHaveLength(1);
    expect(visible(h1)).toMatch(/^Why tanh\u2061? saturates$/);
    expect(byClass(only(tree, 'description'), 'katex')).toHaveLength(1);
  });

  it('renders the figure caption\'s math', () => {
    const fig = byTag(parseHtml(page), 'figcaption');
    expect(fig).toHaveLength(1);
    expect(byClass(fig[0]!, 'katex')).toHaveLength(1);
  });

  it('a page sent as prerender-nofeed is typeset and links the stylesheet; its feed item has no KaTeX', () => {
    const fm = built.read('posts/fm-summary/index.html');
    expect(byClass(parseHtml(fm), 'katex-html')).toHaveLength(1);
    expect(fm).toContain('/prerender/katex/katex.min.css');
    const xml = built.read('posts/index.xml');
    const item = /<title>Front matter summary<\/title>[\s\S]*?<description>([^<]*)<\/description>/.exec(xml);
    expect(item).not.toBeNull();
    expect(item![1]).toContain('sigma');
    expect(item![1]).not.toMatch(/katex|math/);
  });

  describe('the list page', () => {
    let posts: Map<string, Element>;
    beforeAll(() => {
      const list = parseHtml(built.read('posts/index.html'));
      posts = new Map(byClass(list, 'post').map((li) => [attr(li, 'dataPath')!, li]));
    });

    it('links the KaTeX stylesheet', () => {
      expect(built.read('posts/index.html')).toContain('/prerender/katex/katex.min.css');
    });

    it.each([
      ['posts/gradients.md', 2, 'true'],
      ['posts/auto-summary.md', 3, 'true'],
    ])('%s: summary typeset, each formula once (%i), truncated', (file, formulas, truncated) => {
      const li = posts.get(file)!;
      const summary = only(li, 'summary');
      expect(byClass(summary, 'katex')).toHaveLength(formulas);
      // No TeX source and no doubled text where a reader looks.
      expect(visible(summary)).not.toMatch(/[\\$]|h_t|\\frac/);
      expect(text(only(li, 'truncated'))).toBe(truncated);
    });

    it('the automatic summary stops after the first paragraph', () => {
      expect(text(only(posts.get('posts/auto-summary.md')!, 'summary'))).not.toContain('second paragraph');
    });

    it('a divider comes before a front-matter summary, as in Hugo: the summary partial shows the part before it, typeset', () => {
      const li = posts.get('posts/fm-and-divider.md')!;
      for (const cls of ['summary', 'summary-partial']) {
        const el = only(li, cls);
        expect(byClass(el, 'katex'), cls).toHaveLength(1);
        expect(visible(el), cls).toMatch(/^Before the divider, α\+1\.$/);
      }
      expect(text(only(li, 'truncated'))).toBe('true');
    });

    it('a front-matter summary: .Summary shows its TeX once, the summary partial typesets it', () => {
      const li = posts.get('posts/fm-summary.md')!;
      expect(text(only(li, 'summary')).match(/sigma/g)).toHaveLength(1);
      const partial = only(li, 'summary-partial');
      expect(byClass(partial, 'katex')).toHaveLength(1);
      expect(visible(partial)).toMatch(/^A summary with σ\(x\) in it\.$/);
    });
  });

  describe('the RSS feed', () => {
    let items: Map<string, string>;
    beforeAll(() => {
      const xml = built.read('posts/index.xml');
      items = new Map(
        [...xml.matchAll(/<item>[\s\S]*?<title>([^<]*)<\/title>[\s\S]*?<description>([^<]*)<\/description>/g)].map((m) => [
          m[1]!,
          m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&quot;/g, '"').replace(/&#xA;/g, '\n').replace(/&amp;/g, '&'),
        ]),
      );
    });

    it.each([
      ['Why $\\tanh$ saturates', 2],
      ['Automatic summary', 3],
    ])('%s: each formula once, as MathML, no KaTeX HTML', (title, formulas) => {
      const d = items.get(title.replace(/&/g, '&amp;'));
      expect(d, [...items.keys()].join(' | ')).toBeDefined();
      expect(d!.match(/<math\b/g) ?? []).toHaveLength(formulas);
      expect(d).not.toContain('katex');
      expect(d).not.toContain('<annotation');
      // What a reader without MathML support sees: the formulas' letters once, no TeX source.
      const plain = d!.replace(/<[^>]*>/g, '');
      expect(plain).not.toMatch(/\\tanh|\\frac|h_t|\$/);
    });
  });
});

it('the fixture exists', () => {
  expect(readFileSync(path.join(PROJECT_ROOT, FIXTURE, 'hugo.toml'), 'utf8')).toContain('../../../layouts');
});
