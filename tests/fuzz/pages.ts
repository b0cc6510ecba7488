/**
 * Random Hugo pages for the fuzz suite: front matter in every format (and broken), Markdown structure,
 * math in every delimiter (and unclosed), our shortcodes with hostile parameter values, foreign, nested,
 * escaped and broken shortcodes, Unicode and line-ending tricks; plus real posts from fixtures/ mutated
 * byte-wise (insertions, deletions, duplications, splices of one post into another).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { shortcodes } from '../../src/render/registry.js';

const HOSTILE = [
  '',
  'x',
  '$h_t$',
  '\\(a\\)',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '{{',
  '}}',
  '{{< x >}}',
  '>}}',
  '\n',
  '\r\n',
  '\u0000',
  '\u202e',
  '😀',
  'e\u0301',
  '\\',
  '1e999',
  '-1',
  '0',
  '3',
  'true',
  'a,b,c',
  ' '.repeat(3),
  '[x](javascript:alert(1))',
  '**b**',
  '# h',
];

const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 40 }).map(String));

/** A parameter value as a shortcode tag writes it: quoted, raw-quoted, or bare. */
const written = value.map((v) => v).chain((v) =>
  fc.constantFrom(`"${v.replace(/["\\]/g, '\\$&')}"`, v.includes('`') ? `"${v}"` : `\`${v}\``, /^[\w.-]+$/.test(v) ? v : `"${v}"`),
);

const ours = [...shortcodes.values()];
const ourShortcode = fc
  .record({
    def: fc.constantFrom(...ours),
    params: fc.array(fc.tuple(fc.nat(), written), { maxLength: 4 }),
    markup: fc.constantFrom('<', '%'),
  })
  .map(({ def, params, markup }) => {
    const names = [...Object.keys(def.params), 'unknown', 'class'];
    const attrs = params.map(([i, v]) => `${names[i % names.length]}=${v}`).join(' ');
    const close = markup === '<' ? '>' : '%';
    return `{{${markup} ${def.name} ${attrs} ${close}}}`;
  });

const MARKDOWN = [
  'text ',
  'more words\n',
  '\n\n',
  '$h_t$',
  '$x$ ',
  '$ a $',
  '$$a^2$$',
  '\n$$\n\\sum_i x_i\n$$\n',
  '\\(y\\)',
  '\\[z\\]',
  '\\\\(w\\\\)',
  '\\$5 and $10',
  '$unclosed',
  '\\(unclosed',
  '$$\nunclosed display',
  '\\begin{align}a&=b\\end{align}',
  '`$not math$`',
  '\n```\n$fenced$ {{< figure src="/f.png" >}}\n```\n',
  '\n~~~\nunclosed fence\n',
  '- item $a$\n',
  '1. one\n   - nested $b$\n',
  '> quote $b$\n> > deeper\n',
  '| $c$ | d |\n|---|---|\n| e | $f$ |\n',
  '[link $g$](http://x.org "t")',
  '[bad](javascript:alert(1))',
  '![img](/a.png)',
  '![alt $x$ "q" <b>](/a.png "t\\"itle")',
  '![r][imgref]\n\n[imgref]: /a.png\n',
  '[![in a link](/a.png)](http://x.org)',
  '| ![c](/a.png) | d |\n|---|---|\n',
  '![](/a.png?v=1)',
  '## head $\\alpha$\n',
  '## head {#id .cls}\n',
  '## H $y$ {#a"><svg/onload=alert(2)>}\n',
  '<!--more-->',
  '<span>$html$</span>',
  '<div>\n$block html$\n</div>\n',
  'footnote[^1]\n\n[^1]: note $p$\n',
  '*em $q$*',
  '**strong**',
  '***',
  '\r\n',
  '\t',
  '\u00a0',
  '\ufeff',
  'Ã©',
  '{{< notice >}}inner $m$ {{< /notice >}}',
  '{{% notice %}}markup $n${{% /notice %}}',
  '{{% notice %}}![in a notice](/a.png){{% /notice %}}',
  '{{</* figure src="x" */>}}',
  '{{< highlight go >}}$code${{< /highlight >}}',
  '{{< katex >}}\\frac{a}{b}{{< /katex >}}',
  '{{< figure',
  '{{< /notice >}}',
  '{{< x.inline >}}{{ .Page.Title }}{{< /x.inline >}}',
  // Math in a title the site's template prints, as text and in an attribute (batch.ts stubs).
  '{{< notice title="Note on $t_1$ and *em*" >}}inner{{< /notice >}}',
  '{{% notice title="Percent $t_2$" %}}body $t_3${{% /notice %}}',
  '{{< notice title=`raw $t_4$ \\(u\\)` >}}x{{< /notice >}}',
  '{{< notice >}}{{< notice title="nested $t_5$" >}}y{{< /notice >}}{{< /notice >}}',
  // Numbered figures and references (render/figure-numbers.ts).
  'see @fig-a ',
  '(@fig-b).',
  'me@fig-a.org ',
  '\\@fig-a',
  '[@fig-a](#x)',
  '## about @fig-a\n',
  '{{< gru-cell id="fig-a" caption="like @fig-b" >}}',
  '{{< lstm-cell id="fig-b" >}}',
  '{{< figure src="/a.png" id="fig-a" >}}',
];

const FRONT = [
  '---\ntitle: t\n---\n',
  '---\ntitle: "$x$ in a title"\nsummary: "sum $y$ [x](javascript:alert(1))"\ndescription: d $z$\n---\n',
  '+++\ntitle = "t"\n[params]\nx = 1\n+++\n',
  '{\n  "title": "json"\n}\n',
  '#+TITLE: org\n',
  '',
  '---\ntitle: [unclosed\n---\n',
  '+++\ntitle = \n+++\n',
  '---\n---\n',
  '\ufeff---\ntitle: bom\n---\n',
];

const piece = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MARKDOWN) }, { weight: 2, arbitrary: ourShortcode }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });

/** A random page: front matter, then pieces. */
export const randomPage = fc.tuple(fc.constantFrom(...FRONT), fc.array(piece, { maxLength: 24 })).map(([fm, ps]) => fm + ps.join(''));

function listMarkdown(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) listMarkdown(p, out);
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Posts from the fixtures (the seed post, the example site, the corpus, the MathJax-era posts), as the seeds of mutations. */
export function realPosts(root: string): string[] {
  const posts: string[] = [];
  for (const sub of ['fixtures/seed', 'fixtures/site/content', 'fixtures/corpus', 'fixtures/mathjax']) {
    try {
      for (const f of listMarkdown(path.join(root, sub))) posts.push(readFileSync(f, 'utf8'));
    } catch {
      /* a fixture folder that is not there: fewer seeds */
    }
  }
  return posts;
}

/** A real post mutated: byte-range insertions, deletions, duplications, and splices of another post. */
export function mutatedPage(posts: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'dup', 'splice'), at: fc.nat(), len: fc.nat({ max: 64 }), text: fc.constantFrom(...MARKDOWN), other: fc.nat() });
  return fc.tuple(fc.nat({ max: posts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([i, edits]) => {
    let s = posts[i]!;
    for (const e of edits) {
      const at = s.length === 0 ? 0 : e.at % (s.length + 1);
      if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
      else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
      else if (e.kind === 'dup') s = s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
      else {
        const o = posts[e.other % posts.length]!;
        const from = o.length === 0 ? 0 : e.at % o.length;
        s = s.slice(0, at) + o.slice(from, from + e.len * 8) + s.slice(at);
      }
    }
    return s;
  });
}
