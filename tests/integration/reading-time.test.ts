/**
 * Word counts and reading times of pages with diagrams and plots. Hugo counts every word of a page's
 * content, so each diagram's screen-reader description (its SVG's <title> and <desc>) and each plot's
 * closed data table add to .WordCount and .ReadingTime: the seed post is 1446 words as written and 3095
 * as Hugo 0.111.3 counts it prerendered (7 minutes against 15). The partials prerender/word-count.html and
 * prerender/reading-time.html count the page without them: the same numbers Hugo gives the page when those
 * parts are taken out of it. Each Hugo version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender } from '../../src/build.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const PROSE = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of the post says what the state $h_t$ keeps from step to step.`).join(' ');
const POSTS: Record<string, string> = {
  'diagrams.md':
    `---\ntitle: Diagrams\n---\n\n${PROSE}\n\n{{< rnn-unroll steps="3" caption="An RNN unrolled." >}}\n\n${PROSE}\n\n` +
    '{{< lstm-cell caption="The LSTM cell." >}}\n\n{{< gradient-decay caption="Gradient norm against the distance." >}}\n\nThe end.\n',
  'prose.md': `---\ntitle: Prose\n---\n\n${PROSE}\n`,
};
const LINE = /WC=(\d+) RT=(\d+) PWC=(\d+) PRT=(\d+)/;

let site: string;
beforeAll(async () => {
  site = path.join(tempDir('hp-reading-time-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "sitemap", "RSS"]\n');
  write(
    site,
    'layouts/_default/single.html',
    '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>' +
      '<p id="counts">WC={{ .WordCount }} RT={{ .ReadingTime }} PWC={{ partial "prerender/word-count.html" . }} PRT={{ partial "prerender/reading-time.html" . }}</p>' +
      '{{ .Content }}</body></html>\n',
  );
  write(site, 'layouts/_default/list.html', '<!doctype html><html><body></body></html>\n');
  for (const [name, body] of Object.entries(POSTS)) write(site, `content/posts/${name}`, body);
  initSite(site);
  const r = await prerender({ source: site });
  expect(r.failed, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))).toBe(false);
});

describeEachHugo('word count and reading time', (hugo) => {
  const counts = (page: string) => {
    const b = buildSite(hugo.bin, site, { copy: false });
    expect(b.code, b.stderr).toBe(0);
    const m = LINE.exec(b.read(`posts/${page}/index.html`));
    expect(m).not.toBeNull();
    return { wc: +m![1]!, rt: +m![2]!, pwc: +m![3]!, prt: +m![4]! };
  };

  it("a page with diagrams and a plot: the partials give Hugo's counts of the page without their descriptions and data table", () => {
    const got = counts('diagrams');
    // Hugo counts them: hundreds of words more than the prose.
    expect(got.wc).toBeGreaterThan(got.pwc + 300);
    expect(got.rt).toBeGreaterThan(got.prt);
    // The reference: Hugo's own .WordCount and .ReadingTime with those parts taken out of the prerendered page.
    const shadow = path.join(site, '.prerender/content/posts/diagrams.md');
    const text = readFileSync(shadow, 'utf8');
    try {
      writeFileSync(
        shadow,
        text
          .replace(/<details class="hp-plot-table">.*?<\/details>/gs, '')
          .replace(/<title\b[^>]*>.*?<\/title>/gs, '')
          .replace(/<desc\b[^>]*>.*?<\/desc>/gs, ''),
      );
      const reference = counts('diagrams');
      expect(got.pwc).toBe(reference.wc);
      expect(got.prt).toBe(reference.rt);
    } finally {
      writeFileSync(shadow, text);
    }
  });

  it('a page without diagrams or plots: its .WordCount and .ReadingTime as they are', () => {
    const got = counts('prose');
    expect(got.pwc).toBe(got.wc);
    expect(got.prt).toBe(got.rt);
    expect(got.wc).toBeGreaterThan(500);
  });
});
