/**
 * Summaries of pages in Chinese, Japanese or Korean on a site with `hasCJKLanguage = true`. Hugo counts
 * such a page's summary words by character there (a run of 70 Chinese characters is 70 words), so its
 * automatic summary is the first paragraph. hugo-prerender counted runs between spaces (a paragraph of
 * Chinese is one word), so the divider it writes where the summary has math went after the last paragraph:
 * the home page showed the whole post, and `.Truncated` was false. Built with real Hugo, both versions,
 * beside plain Hugo on the same posts.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender } from '../../src/build.js';
import { summaryWords } from '../../src/render/summary.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { attr, byClass, findAll, hasClass, parseHtml, text } from '../helpers/html.js';
import { write } from '../helpers/temp-site.js';
import { versionBefore } from '../../src/site/hugo-version.js';

// 90 words as Hugo counts them here (89 characters and the formula): past summaryLength (70) in the first paragraph.
const P1 = '循环神经网络在每个时间步更新隐藏状态，其中状态 $h_t$ 由上一时刻的状态和当前输入共同决定。这种结构使得网络能够处理任意长度的序列数据，并在自然语言处理和语音识别等任务中取得了显著的成果。';
const P2 = '然而，随着序列长度的增加，梯度在反向传播过程中会逐渐消失或爆炸，这使得网络很难学习到长期依赖关系。长短期记忆网络通过引入门控机制来缓解这一问题。';
const P3 = '注意力机制进一步改进了序列模型，它允许模型在生成每个输出时直接关注输入序列中的相关位置。';
const POSTS: Record<string, string> = {
  'zh.md': `---\ntitle: 循环网络\ndate: 2024-05-03\n---\n\n${P1}\n\n${P2}\n\n${P3}\n`,
  // Hugo's rule: the front matter decides over the site's setting.
  'zh-not-cjk.md': `---\ntitle: 不按字计\ndate: 2024-05-02\nisCJKLanguage: false\n---\n\n${P1}\n\n${P2}\n\n${P3}\n`,
  'ja.md': `---\ntitle: 日本語\ndate: 2024-05-01\n---\n\n再帰型ニューラルネットワークは各時刻で隠れ状態 $h_t$ を更新し、前の状態と現在の入力からそれを決める。この構造によって任意の長さの系列を扱えるようになった。\n\nしかし系列が長くなると、誤差逆伝播の過程で勾配が消失したり爆発したりして、長期の依存関係を学ぶのが難しくなる。\n`,
};

let site: string;
let plainSite: string;
beforeAll(() => {
  const root = tempDir('hp-summary-cjk-');
  site = path.join(root, 'site');
  plainSite = path.join(root, 'plain');
  for (const dir of [site, plainSite]) {
    // The plain site has no hugo-prerender, so no head partial of it.
    const head = dir === site ? '{{ partial "prerender/head.html" . }}' : '';
    write(dir, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\nhasCJKLanguage = true\ndisableKinds = ["taxonomy", "term", "sitemap", "RSS"]\n');
    write(dir, 'layouts/_default/single.html', `<!doctype html><html><head>${head}</head><body>{{ .Content }}</body></html>\n`);
    write(
      dir,
      'layouts/_default/list.html',
      `<!doctype html><html><head>${head}</head><body><ul>{{ range .Pages }}` +
        '<li class="post" data-name="{{ with .File }}{{ .BaseFileName }}{{ end }}"><div class="summary">{{ .Summary }}</div><span class="truncated">{{ .Truncated }}</span></li>' +
        '{{ end }}</ul></body></html>\n',
    );
    for (const [name, body] of Object.entries(POSTS)) write(dir, `content/posts/${name}`, body);
  }
  initSite(site);
});

/** Each post of the list page: its summary as text (MathML left out) and .Truncated. */
function summaries(html: string): Map<string, { text: string; truncated: string }> {
  const out = new Map<string, { text: string; truncated: string }>();
  for (const li of byClass(parseHtml(html), 'post')) {
    const summary = byClass(li, 'summary')[0]!;
    for (const m of findAll(summary, (e) => e.tagName === 'span' && hasClass(e, 'katex-mathml'))) m.children = [];
    out.set(attr(li, 'dataName')!, { text: text(summary).trim(), truncated: text(byClass(li, 'truncated')[0]!) });
  }
  return out;
}

it('counts a CJK word as Hugo does: its characters, where it has any outside ASCII', () => {
  expect(summaryWords('状态 由上一时刻', true)).toBe(7);
  expect(summaryWords('状态 由上一时刻', false)).toBe(2);
  expect(summaryWords('LSTM and GRU cells', true)).toBe(4);
  expect(summaryWords('café  au lait', true)).toBe(6);
});

describeEachHugo('summaries of CJK pages', (hugo) => {
  let ours: Map<string, { text: string; truncated: string }>;
  let plain: Map<string, { text: string; truncated: string }>;
  beforeAll(async () => {
    const r = await prerender({ source: site });
    expect(r.failed, JSON.stringify(r.diagnostics)).toBe(false);
    const built = buildSite(hugo.bin, site, { copy: false });
    expect(built.code, built.stderr).toBe(0);
    ours = summaries(built.read('posts/index.html'));
    const p = buildSite(hugo.bin, plainSite, { copy: false, linkPackage: false });
    expect(p.code, p.stderr).toBe(0);
    plain = summaries(p.read('posts/index.html'));
  });

  it('a Chinese page: the first paragraph, typeset, and .Truncated, as plain Hugo cuts it', () => {
    const zh = ours.get('zh')!;
    expect(zh.text).toContain('这种结构使得网络能够处理任意长度的序列数据');
    expect(zh.text).not.toContain('然而');
    expect(zh.text).not.toContain('$h_t$');
    expect(zh.truncated).toBe('true');
    expect(plain.get('zh')!.truncated).toBe('true');
    // Hugo 0.134+ cuts after the same paragraph (0.111.3 cuts plain text after 70 characters, inside it).
    const cut = plain.get('zh')!.text;
    expect(cut).not.toContain('然而');
    if (!versionBefore(hugo.version, '0.134.0')) expect(cut).toContain('这种结构使得网络能够处理任意长度的序列数据');
    else expect(cut.length).toBeLessThan(P1.length);
  });

  it('a Japanese page: the first paragraph', () => {
    const ja = ours.get('ja')!;
    expect(ja.text).toContain('この構造によって');
    expect(ja.text).not.toContain('しかし');
    expect(ja.truncated).toBe('true');
  });

  it('isCJKLanguage: false in the front matter: words between spaces, so the whole page, as plain Hugo', () => {
    const not = ours.get('zh-not-cjk')!;
    expect(not.text).toContain('注意力机制');
    expect(not.truncated).toBe('false');
    expect(plain.get('zh-not-cjk')!.truncated).toBe('false');
    expect(plain.get('zh-not-cjk')!.text).toContain('注意力机制');
  });
});

