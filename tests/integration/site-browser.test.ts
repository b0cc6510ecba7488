/**
 * The Hugo side in a real browser: a scratch site whose shadow page uses a real KaTeX fragment, built by
 * real Hugo, served over HTTP, opened in Debian's Chromium. Proves that the head partial's stylesheet
 * URL, the static mount and the fonts KaTeX's CSS references all line up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { inlineFragment } from '../../src/render/inline-safe.js';
import { PrerenderOutput, md5 } from '../../src/site/output.js';
import { launchChromium, describeWithChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { buildSite, hugoBinaries, PROJECT_ROOT, reportMissing, findHugoBinaries, tempDir } from '../helpers/hugo.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { write } from '../helpers/temp-site.js';

const SRC = '---\ntitle: Math\n---\nThe state $h_t = \\tanh(W h_{t-1})$.\n';

function makeSite(): string {
  const site = path.join(tempDir('hp-browser-site-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "/"\ntitle = "Test"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  write(
    site,
    'layouts/_default/single.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{{ .Title }}</title>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n',
  );
  write(site, 'layouts/_default/list.html', '<!doctype html><html><head><title>list</title></head><body></body></html>\n');
  write(site, 'content/posts/math.md', SRC);
  initSite(site);
  const html = katex.renderToString('h_t = \\tanh(W h_{t-1})', { output: 'htmlAndMathml', throwOnError: true });
  const out = new PrerenderOutput(site);
  const fragment = `{{< prerender k="m1" md5="${md5(SRC)}" src=\`content/posts/math.md\` >}}${inlineFragment(html)}{{< /prerender >}}`;
  out.writeShadow('posts/math.md', SRC.replace('$h_t = \\tanh(W h_{t-1})$', fragment), {
    source: 'content/posts/math.md',
    partials: ['m1'],
  });
  const dist = path.join(PROJECT_ROOT, 'node_modules/katex/dist');
  out.writeStatic('prerender/katex/katex.min.css', readFileSync(path.join(dist, 'katex.min.css')));
  for (const f of readdirSync(path.join(dist, 'fonts')).sort()) out.writeStatic(`prerender/katex/fonts/${f}`, readFileSync(path.join(dist, 'fonts', f)));
  out.finish();
  return site;
}

describeWithChromium('a prerendered page in Chromium', () => {
  const hugo = hugoBinaries()[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let server: StaticServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    if (!hugo) return;
    const r = buildSite(hugo.bin, makeSite());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    server = await serveDir(r.publicDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hugo)('loads the KaTeX stylesheet and fonts, with no console errors', async () => {
    const { page } = browser;
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url('/posts/math/'), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const facts = await page.evaluate(() => {
      const el = document.querySelector('.katex') as HTMLElement | null;
      const rect = el?.getBoundingClientRect();
      return {
        width: rect?.width ?? 0,
        height: rect?.height ?? 0,
        fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
        katexFont: getComputedStyle(el!).fontFamily,
      };
    });
    expect(problems).toEqual([]);
    expect(facts.width).toBeGreaterThan(0);
    expect(facts.height).toBeGreaterThan(0);
    expect(facts.katexFont).toContain('KaTeX_Main');
    expect(facts.fonts).toContain('KaTeX_Main');
    expect(facts.fonts).toContain('KaTeX_Math');
    const failed = server.requests.filter((r) => r.status !== 200);
    expect(failed).toEqual([]);
    const woff2 = server.requests.filter((r) => r.path.endsWith('.woff2'));
    expect(woff2.length).toBeGreaterThan(0);
  });

  it.skipIf(!hugo)('serves fonts, stylesheets and SVG with the right content types', async () => {
    const types = async (p: string) => (await fetch(server.url(p))).headers.get('content-type');
    expect(await types('/prerender/katex/katex.min.css')).toBe('text/css; charset=utf-8');
    expect(await types('/prerender/katex/fonts/KaTeX_Main-Regular.woff2')).toBe('font/woff2');
    expect(await types('/posts/math/')).toBe('text/html; charset=utf-8');
    expect((await fetch(server.url('/../../etc/passwd'))).status).not.toBe(200);
    expect((await fetch(server.url('/nope.svg'))).status).toBe(404);
  });
});
