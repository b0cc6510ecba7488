/**
 * Math where Goldmark makes text an HTML attribute's value (found by an audit): a heading's attribute
 * block at any depth (ATX, setext, in a quote, in a list), a block's own attribute line where the site
 * turns those on (markup.goldmark.parser.attribute.block), and an e-mail address that Goldmark's linkify
 * makes of a formula and the text after it. Typeset, the fragment's HTML went into the attribute, ending
 * it (`<h1 title="<span class="katex">…`); now each is left as written with a warning, as plain Hugo
 * leaves it, and math beside them is typeset. Built with real Hugo, both versions, block attributes
 * off and on.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender, type BuildResult as PrerenderResult } from '../../src/build.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { attr, byClass, findAll, parseHtml, texOf, type Element } from '../helpers/html.js';
import { write } from '../helpers/temp-site.js';

const POST = [
  '---',
  'title: P',
  '---',
  'Mail m$x_1$@d.example and $x_2$@d.example, $a$b@d.example and $q \\alpha$@d.example.', // 4
  '',
  'Not an address: $y_1$ @d.example and $y_2$@nodot and $y_3$.', // 6
  '',
  'Setext {title="$s_1$"}', // 8
  '====',
  '',
  '> ## Quoted $h_1$ {title="$s_2$"}', // 11
  '',
  '- ## Listed {title="$s_3$" .c}', // 13
  '',
  '- Setext in a list {title="$s_4$"}', // 15
  '  ---',
  '',
  'A paragraph $p_1$', // 18
  '{title="a $b_1$ b" .para}', // 19
  '',
].join('\n');

const SITE_CONFIG = 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n';

async function site(blockAttributes: boolean): Promise<{ dir: string; result: PrerenderResult }> {
  const dir = path.join(tempDir('hp-attribute-math-'), 'site');
  write(dir, 'hugo.toml', SITE_CONFIG + (blockAttributes ? '[markup.goldmark.parser.attribute]\nblock = true\n' : ''));
  write(dir, 'layouts/_default/single.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n');
  write(dir, 'layouts/_default/list.html', '<!doctype html><html><head></head><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  write(dir, 'content/posts/p.md', POST);
  initSite(dir);
  return { dir, result: await prerender({ source: dir }) };
}

let off: { dir: string; result: PrerenderResult };
let on: { dir: string; result: PrerenderResult };
beforeAll(async () => {
  off = await site(false);
  on = await site(true);
});

const warnings = (r: PrerenderResult) => r.diagnostics.map((d) => [d.severity, d.line, d.column, d.code, d.message.slice(0, 30)]);
/** The line and column of `needle` in the post. */
function at(needle: string): [number, number] {
  const before = POST.slice(0, POST.indexOf(needle));
  return [before.split('\n').length, before.length - before.lastIndexOf('\n')];
}
const warning = (needle: string, message: string) => ['warning', ...at(needle), 'math-in-attribute', message.slice(0, 30)];
const EMAIL = 'math joined to an e-mail address is left as written';
const HEADING = "math in a heading's attribute block";
const BLOCK = 'math in an attribute block ({…})';

describe('hugo-prerender build: math that Goldmark puts in an attribute', () => {
  it('is left as written, each with a warning at the formula; the rest is typeset', () => {
    const common = [
      warning('$x_1$', EMAIL),
      warning('$x_2$', EMAIL),
      warning('$a$', EMAIL),
      warning('$q', EMAIL),
      warning('$s_1$', HEADING),
      warning('$s_2$', HEADING),
      warning('$s_3$', HEADING),
      warning('$s_4$', HEADING),
    ];
    expect(warnings(off.result)).toEqual(common);
    expect(warnings(on.result)).toEqual([...common, warning('$b_1$', BLOCK)]);
    expect(off.result.formulas).toBe(6);
    expect(on.result.formulas).toBe(5);
  });
});

describeEachHugo('math that Goldmark puts in an attribute, built by Hugo', (hugo) => {
  let html = '';
  const article = (dir: string): Element => {
    const r = buildSite(hugo.bin, dir);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    html = r.read('posts/p/index.html');
    const found = findAll(parseHtml(html), (el) => el.tagName === 'article');
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** Attribute values in the page that hold markup (`title="<span class="katex">…`). */
  const markupInAttributes = (html: string) => html.match(/="[^"<>]*<[^"]*"/g) ?? [];

  for (const block of [false, true]) {
    it(`keeps every attribute free of markup, with the formula's TeX as plain Hugo has it (block attributes ${block ? 'on' : 'off'})`, () => {
      const a = article(block ? on.dir : off.dir);
      expect(markupInAttributes(html)).toEqual([]);
      const mailto = findAll(a, (el) => el.tagName === 'a').map((el) => attr(el, 'href'));
      // Plain Hugo's links: linkify starts an address after a space, `_` or `*`, never at a `$` (punctuation).
      expect(mailto).toEqual(['mailto:m$x_1$@d.example', 'mailto:2$@d.example']);
      const titles = findAll(a, (el) => /^h\d$/.test(el.tagName)).map((el) => attr(el, 'title'));
      expect(titles).toEqual(['$s_1$', '$s_2$', '$s_3$', '$s_4$']);
      const typeset = byClass(a, 'katex').map((k) => texOf(k).trim());
      expect(typeset).toEqual(['y_1', 'y_2', 'y_3', 'h_1', 'p_1', ...(block ? [] : ['b_1'])]);
      if (block) expect(attr(findAll(a, (el) => el.tagName === 'p').find((p) => attr(p, 'title') !== undefined)!, 'title')).toBe('a $b_1$ b');
    });
  }
});
