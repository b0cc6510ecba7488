/**
 * The sanitising rules of the Markdown we render (captions, attributions, summaries, TOC entries) as a
 * table of Goldmark's behaviour. The expected HTML of `renderInlineMarkdown` is what Hugo 0.169.0 wrote
 * for the same lines in a page (measured; Goldmark's util.URLEscape and html.IsDangerousURL). Hugo
 * 0.111.3's older Goldmark is laxer (it keeps `JAVASCRIPT:`, `<javascript:…>` autolinks and
 * `&#x6A;avascript:`): we follow the stricter one everywhere.
 */
import { describe, expect, it } from 'vitest';
import { goldmarkUrl, goldmarkUrlEscape, isDangerousUrl } from '../../src/render/goldmark-url.js';
import { renderInlineMarkdown } from '../../src/render/markdown.js';
import { parseGoldmarkAttributes, collectHeadings } from '../../src/content/headings.js';
import { delimiterPairs, parseMarkdownWithMath } from '../../src/content/math.js';
import { tableOfContentsHtml } from '../../src/render/toc.js';
import { inlineFragment } from '../../src/render/inline-safe.js';
import { shadowFragments } from '../../src/site/handoff.js';

const tag = (tex: string) => `<m>${tex}</m>`;
const md = (s: string, unsafe = false) => renderInlineMarkdown(s, tag, { unsafe });

describe('Goldmark URLs (measured with Hugo 0.169.0)', () => {
  const cases: [string, string][] = [
    ['[a](<java\tscript:alert(1)>)', '<a href="java%09script:alert(1)">a</a>'],
    ['[b](</ü x>)', '<a href="/%C3%BC%20x">b</a>'],
    ['[c](a%zz)', '<a href="a%25zz">c</a>'],
    ['[d](a%4z)', '<a href="a%4z">d</a>'],
    ['[e](a"b)', '<a href="a%22b">e</a>'],
    ['[f](JAVASCRIPT:x "t\\"<>&amp;")', '<a href="" title="t&quot;<>&amp;">f</a>'],
    ['[g](data:image/PNG;x)', '<a href="data:image/PNG;x">g</a>'],
    ['[h](data:image/svg+xml;x)', '<a href="">h</a>'],
    ['<javascript:alert(1)>', '<a href="">javascript:alert(1)</a>'],
    ['[i](&#x6A;avascript:x)', '<a href="">i</a>'],
    ['[j](a%)', '<a href="a%25">j</a>'],
    ['[k](a%4)', '<a href="a%254">k</a>'],
    ['![l](vbscript:x "q")', '<img src="" alt="l" title="q">'],
    ['<a href="x">raw</a>', '<!-- raw HTML omitted -->raw<!-- raw HTML omitted -->'],
    ['[m](a`b{c}d|e^f[g]h\\\\i)', '<a href="a%60b%7Bc%7Dd%7Ce%5Ef%5Bg%5Dh%5Ci">m</a>'],
    ['[n][r]\n\n[r]: file:///etc/passwd', '<a href="">n</a>'],
    ['![o][r]\n\n[r]: <data:text/html,x y>', '<img src="" alt="o">'],
    ['[p](\\javascript:x)', '<a href="%5Cjavascript:x">p</a>'],
  ];
  for (const [input, html] of cases) it(JSON.stringify(input), () => expect(md(input)).toBe(html));

  it('unsafe = true keeps dangerous URLs and raw HTML, still escaped as Goldmark escapes them', () => {
    expect(md('[f](JAVASCRIPT:x) <b onclick="y">z</b>', true)).toBe('<a href="JAVASCRIPT:x">f</a> <b onclick="y">z</b>');
    expect(md('[a](<java\tscript:x>)', true)).toBe('<a href="java%09script:x">a</a>');
  });

  it('IsDangerousURL', () => {
    const dangerous = ['javascript:', 'JavaScript:x', 'vbscript:x', 'FILE:///x', 'data:text/html,x', 'data:image/svg+xml,x', 'data:image/', 'data:'];
    const safe = ['data:image/png;base64,x', 'data:image/GIF;x', 'data:image/jpeg;x', 'data:image/webp;x', 'java%09script:x', '%20javascript:x', 'http://x', '/javascript:x', 'mailto:a@b'];
    for (const u of dangerous) expect(isDangerousUrl(u), u).toBe(true);
    for (const u of safe) expect(isDangerousUrl(u), u).toBe(false);
  });

  it('URLEscape leaves nothing a browser would strip: controls, spaces, newlines, non-ASCII', () => {
    expect(goldmarkUrlEscape('\u0001java\nscript:\u00a0x\u2028')).toBe('%01java%0Ascript:%C2%A0x%E2%80%A8');
    expect(goldmarkUrl(' javascript:x', false)).toBe('%20javascript:x');
    expect(goldmarkUrl('javascript:x', false)).toBe('');
    expect(goldmarkUrl('javascript:x', true)).toBe('javascript:x');
  });
});

describe('Goldmark heading attributes (measured with Hugo 0.111.3 and 0.169.0)', () => {
  const idOf = (heading: string) => {
    const src = `${heading}\n`;
    const h = collectHeadings(src, parseMarkdownWithMath(src, delimiterPairs({})), 0)[0]!;
    return { id: h.explicitId, text: h.markdown.trim() };
  };
  const cases: [string, string | undefined, string][] = [
    // An id written with # stops at punctuation: the block does not parse and stays text.
    ['## H1 {#a"><svg/onload=alert(2)>}', undefined, 'H1 {#a"><svg/onload=alert(2)>}'],
    ['## H2 {.c #x"onmouseover="alert(1)"}', undefined, 'H2 {.c #x"onmouseover="alert(1)"}'],
    ['## H3 {#a #b}', 'b', 'H3'],
    ['## H4 {id="q\\"<x>"}', 'q"<x>', 'H4'],
    ['## H5 {#ü-1:2.3}', 'ü-1:2.3', 'H5'],
    ['## H7 {#z} {.w}', undefined, 'H7 {#z}'],
    ['## H8 {data-x=1 class=k #m}', 'm', 'H8'],
    ['## H9 {#n,.o}', 'n', 'H9'],
    ['## H10 {class=true}', undefined, 'H10 {class=true}'],
    ['## H11 {x=[1, "a", {y=2}] #p}', 'p', 'H11'],
    ['## H12 {#q', undefined, 'H12 {#q'],
  ];
  for (const [heading, id, text] of cases) {
    it(heading, () => expect(idOf(heading)).toEqual({ id, text }));
  }

  it('parses values as Goldmark does', () => {
    const block = '{a="x\\ty\\q" b=-1.5e3 c=null d=true e=[1 2]}';
    expect(parseGoldmarkAttributes(block, 0)).toEqual({
      attrs: [
        { name: 'a', value: 'x\ty\\q' },
        { name: 'b', value: -1500 },
        { name: 'c', value: null },
        { name: 'd', value: true },
        { name: 'e', value: [1, 2] },
      ],
      end: block.length,
    });
    for (const bad of ['{"a"=1}', '{a}', '{a=}', '{a="x}', '{a=1e}', '{a=[1,]}', '{-a=1}']) expect(parseGoldmarkAttributes(bad, 0), bad).toBeNull();
  });
});

describe('values at template boundaries', () => {
  it('a TOC entry escapes its id for the attribute', () => {
    const toc = tableOfContentsHtml([{ level: 2, id: `q"><img src=x onerror=alert(1)>'&`, titleHtml: 'T' }]);
    expect(toc).toContain('<a href="#q&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;">T</a>');
  });

  it('a TOC entry holds no link of its own: a link title cannot break out of a stripped tag', () => {
    const html = renderInlineMarkdown('H $y$ [x](/u "a>b<img src=x onerror=alert(1)>")', tag, { links: false });
    expect(html).toBe('H <m>y</m> x');
  });

  it('a fragment travels inline whatever it holds: no template text, nothing the shortcode lexer reads', () => {
    const nasty = 'a {{ .Title }} }} {{< x >}} {{% y %}} ` "q" \\ \n\t\r\u0000\u2028 <a "x"> <b title="{{\n"> <script>"</script> <!-- c --> é {';
    const inline = inlineFragment(nasty);
    expect(inline).not.toMatch(/\{\{|[\n\r]/);
    // Read back from a shadow as one fragment, up to its own closing tag.
    const shadow = `x {{< prerender k="k1" >}}${inline}{{< /prerender >}} y {{< prerender k="k2" >}}z{{< /prerender >}}`;
    expect(shadowFragments(shadow)).toEqual(new Map([['k1', inline], ['k2', 'z']]));
  });
});
