import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forwardHugoOutput, originalColumn, originalPathsInHugoOutput } from '../../src/site/hugo-messages.js';
import type { Manifest } from '../../src/site/output.js';

const manifest: Manifest = {
  version: 3,
  pages: { 'posts/x.md': { source: 'content/posts/x.md', partials: [] } },
  trees: { 'content.fr': { 'posts/y.md': { source: 'content.fr/posts/y.md', partials: [] } } },
  static: [],
};

describe('originalPathsInHugoOutput', () => {
  it('names the original of a shadow, absolute as Hugo wrote it or relative, keeping line and column', () => {
    const out = originalPathsInHugoOutput(
      'ERROR [en] REF_NOT_FOUND: Ref "m": "/s/site/.prerender/content/posts/x.md:24:5": page not found\n' +
        'Error: "/s/site/.prerender/content.fr/posts/y.md:3:1": failed\nat .prerender/content/posts/x.md:7:2\n',
      '/s/site',
      manifest,
    );
    expect(out).toBe(
      'ERROR [en] REF_NOT_FOUND: Ref "m": "/s/site/content/posts/x.md:24:5": page not found\n' +
        'Error: "/s/site/content.fr/posts/y.md:3:1": failed\nat content/posts/x.md:7:2\n',
    );
  });

  it('leaves alone a shadow the manifest does not know and another site\'s .prerender', () => {
    const text = '"/s/site/.prerender/content/posts/z.md:1:1" and "/other/.prerender/content/posts/x.md:2:2"';
    expect(originalPathsInHugoOutput(text, '/s/site', manifest)).toBe(text);
  });

  it('forwards a stream line by line, a line split across chunks included', async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    let got = '';
    to.on('data', (c: Buffer) => (got += c.toString()));
    forwardHugoOutput(from, to, '/s/site', manifest);
    from.write('Start\n"/s/site/.prerender/con');
    from.write('tent/posts/x.md:9:1": x\nlast');
    from.end();
    await new Promise((r) => setImmediate(r));
    expect(got).toBe('Start\n"/s/site/content/posts/x.md:9:1": x\nlast');
  });
});

describe('originalColumn', () => {
  const frag = '{{< prerender-nofeed k="abc" md5="0123456789abcdef0123456789abcdef" src=`content/p.md` >}}<span class="katex">…</span>{{< /prerender-nofeed >}}';
  const original = 'Some é $y$ then {{< nope >}} and $z$ end.';
  const shadow = `Some é ${frag} then {{< nope >}} and {{< prerender-nofeed k="def" >}}<span>z</span>{{< /prerender-nofeed >}} end.`;
  const byteCol = (line: string, text: string) => Buffer.byteLength(line.slice(0, line.indexOf(text))) + 1;

  it('maps a column after, between and before fragments, in bytes', () => {
    for (const text of ['{{< nope', 'then', 'end.', 'Some', 'é']) {
      expect(originalColumn(shadow, original, byteCol(shadow, text)), text).toBe(byteCol(original, text));
    }
  });

  it('a column inside a fragment names the start of the original span', () => {
    expect(originalColumn(shadow, original, byteCol(shadow, 'katex'))).toBe(byteCol(original, '$y$'));
  });

  it('a line without fragments keeps its column', () => {
    expect(originalColumn('a {{< x >}}', 'a {{< x >}}', 3)).toBe(3);
  });
});
