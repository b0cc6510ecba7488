/**
 * Hugo's messages about a prerendered page name the original file and its true line (issue 10): the
 * shadow keeps the original's line numbers although multi-line formulas, shortcodes and a math-holding
 * {{% %}} shrink into one-line fragments, and serve names the original instead of the shadow
 * (src/site/hugo-messages.ts). Real Hugo, each version.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildSite, describeEachHugo } from '../helpers/hugo.js';
import { runCli, runPrerender } from '../helpers/prerender.js';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { originalPathsInHugoOutput } from '../../src/site/hugo-messages.js';

const site = tempSites('hp-lines-');

/** A page whose line `line` (1-based) is `last`, after every construct that shrinks in the shadow. */
const PAGE = (last: string) =>
  [
    '---', // 1
    'title: Lines',
    '---',
    '',
    'A display formula over four lines:', // 5
    '',
    '$$',
    'h_t = \\tanh(W h_{t-1}',
    '  + x_t)',
    '$$', // 10
    '',
    '{{< attention-map source="a b" target="c d" >}}',
    '0.5 0.5',
    '0.5 0.5',
    '{{< /attention-map >}}', // 15
    '',
    '{{% hint %}}',
    'In a hint: $a',
    'b$ and **more**.',
    '{{% /hint %}}', // 20
    '',
    'A long enough paragraph to cut the summary after it, with $x$ in it and more words.',
    '',
    last, // 24
    '',
  ].join('\n');

const makeSite = (last: string) => {
  const dir = site({
    'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
    ...HEAD_LAYOUT,
    'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
    'layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Summary }}{{ end }}{{ end }}\n',
    'layouts/shortcodes/hint.html': '<blockquote class="hint">{{ .Inner }}</blockquote>\n',
    'content/posts/p.md': PAGE(last),
  });
  expect(runCli(['init', '-s', dir]).code).toBe(0);
  const run = runPrerender(dir);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  // An unknown shortcode (the cases below) is our warning first, at its tag; Hugo then stops on it.
  expect(run.diagnostics).toEqual(
    last.includes('{{< nope >}}')
      ? [{ file: 'content/posts/p.md', line: 24, column: last.indexOf('{{<') + 1, severity: 'warning', message: expect.stringContaining('{{< nope >}}: no shortcode has this name') }]
      : [],
  );
  return dir;
};

describeEachHugo('Hugo messages about a prerendered page', (hugo) => {
  describe('name the original file and its line', () => {
    for (const [what, last, message] of [
      ['a missing ref (an error Hugo logs)', 'See {{< ref "missing" >}} here.', /REF_NOT_FOUND: Ref "missing": "([^"]+):(\d+):(\d+)": page not found/],
      ['an unknown shortcode (the build stops)', 'Then {{< nope >}} here.', /"([^"]+):(\d+):(\d+)": failed to extract shortcode: template for shortcode "nope" not found/],
      // After a formula on the same line the shadow's column is far off (its fragment is long): mapped back.
      ['an unknown shortcode after a formula on its line', 'Some é $y_t$ then {{< nope >}} here.', /"([^"]+):(\d+):(\d+)": failed to extract shortcode: template for shortcode "nope" not found/],
    ] as const) {
      it(what, () => {
        const dir = makeSite(last);
        const b = buildSite(hugo.bin, dir, { copy: false });
        expect(b.code).not.toBe(0);
        const output = b.stdout + b.stderr;
        const m = message.exec(output);
        expect(m, output).not.toBeNull();
        // The shadow's line is the original's: line 24, after 3 + 3 + 3 + 1 lines that shrank.
        expect(m![1]).toBe(`${dir}/.prerender/content/posts/p.md`);
        expect(Number(m![2])).toBe(24);
        const rewritten = originalPathsInHugoOutput(output, dir);
        // The column is the original's, counted in bytes as Hugo counts (é is two).
        const column = Buffer.byteLength(last.slice(0, last.indexOf('{{<'))) + 1;
        expect(rewritten).toContain(`"${dir}/content/posts/p.md:24:${column}"`);
        expect(rewritten).not.toContain('.prerender/content');
      });
    }
  });

  it('inside a {{% %}} theme shortcode holding a formula over several lines: the lines before and after it', () => {
    // A code block render hook that reports where each block is (Hugo gives hooks a page position).
    const files = (head: Record<string, string>) => ({
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
      ...head,
      'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
      'layouts/shortcodes/hint.html': '<blockquote class="hint">{{ .Inner }}</blockquote>\n',
      'layouts/_default/_markup/render-codeblock.html': '{{ warnf "codeblock %s at %s" .Type .Position }}<pre>{{ .Inner }}</pre>\n',
      'content/posts/p.md': [
        '---',
        'title: Wrapped',
        '---',
        '',
        '{{% hint %}}', // 5
        'Before, a $k$ and:',
        '',
        '```go',
        'x := 1',
        '```', // 10
        '',
        '$$',
        'h_t = \\tanh(W h_{t-1}',
        '  + x_t)',
        '$$', // 15
        '',
        '```python',
        'y = 2',
        '```',
        '{{% /hint %}}', // 20
        '',
        '```rust',
        'let z = 2;',
        '```',
        '',
      ].join('\n'),
    });
    const plainDir = site(files({ 'layouts/_default/baseof.html': '<html><body>{{ block "main" . }}{{ end }}</body></html>\n' }));
    const dir = site(files(HEAD_LAYOUT));
    expect(runCli(['init', '-s', dir]).code).toBe(0);
    const positions = (output: string, siteDir: string) =>
      new Map([...output.matchAll(/codeblock (\w+) at "([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(`${siteDir}${path.sep}`, '')]));
    const plain = buildSite(hugo.bin, plainDir, { copy: false });
    expect(plain.code, plain.stdout + plain.stderr).toBe(0);
    const expected = positions(plain.stdout + plain.stderr, plainDir);
    const r = runCli(['--hugo', hugo.bin, 'hugo', '-s', dir, '-d', 'public', '--noBuildLock']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const got = positions(r.stdout + r.stderr, dir);
    expect([...got.keys()].sort(), r.stdout + r.stderr).toEqual(['go', 'python', 'rust']);
    // Where Hugo gives a page position (0.111.3 inside the shortcode too; 0.169 there names the text our
    // wrapper renders, "(rendered from string)", a position we cannot keep), it is plain Hugo's.
    const compared = [...got].filter(([, at]) => !at.includes('(rendered from string)'));
    expect(compared.map(([lang]) => lang)).toContain('rust');
    for (const [lang, at] of compared) expect(`${lang} at ${at}`).toBe(`${lang} at ${expected.get(lang)}`);
  });
});
