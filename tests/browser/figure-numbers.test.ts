/**
 * References to numbered figures in Chromium: each "Figure N" link of a long page, clicked, brings the
 * figure whose caption reads "Figure N:" to the top of the window. Built with every available Hugo
 * (0.111.3 and the newest), served over HTTP.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { describeWithChromium, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { write } from '../helpers/temp-site.js';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i}: words to scroll past, and more words.`).join('\n\n');

const POST = [
  '---',
  'title: Figures',
  '---',
  'See @fig-unroll, @fig-lstm and @fig-photo.',
  '',
  filler(30),
  '',
  '{{< rnn-unroll id="fig-unroll" steps="3" caption="An RNN unrolled; its cell is @fig-lstm." >}}',
  '',
  filler(30),
  '',
  '{{< figure src="/one.png" alt="A photo" id="fig-photo" caption="A photo." >}}',
  '',
  filler(30),
  '',
  '{{< lstm-cell id="fig-lstm" caption="An LSTM cell." >}}',
  '',
  filler(40),
  '',
].join('\n');

describeEachHugo('figure references', (hugo) => {
  describeWithChromium(`figure references scroll to their figures [${hugo.name}]`, () => {
    let server: StaticServer;
    let browser: LaunchedBrowser;

    beforeAll(async () => {
      const site = path.join(tempDir('hp-fignum-browser-'), 'site');
      write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
      write(site, 'layouts/_default/single.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n');
      write(site, 'layouts/_default/list.html', '<html><body></body></html>\n');
      write(site, 'static/one.png', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
      write(site, 'content/posts/p.md', POST);
      expect(initSite(site).changed).toBe(true);
      const pre = await prerender({ source: site });
      expect(pre.failed).toBe(false);
      const built = buildSite(hugo.bin, site, { copy: false });
      expect(built.code, built.stdout + built.stderr).toBe(0);
      server = await serveDir(built.publicDir);
      browser = await launchChromium({ viewport: { width: 800, height: 500 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('each reference, clicked, brings the figure it names to the top, its caption showing that number', async () => {
      const { page } = browser;
      await page.goto(server.url('/posts/p/'), { waitUntil: 'load' });
      const links = await page.$$eval('article a[href^="#"]', (as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent })));
      expect(links).toEqual([
        { href: '#fig-unroll', text: 'Figure 1' },
        { href: '#fig-lstm', text: 'Figure 3' },
        { href: '#fig-photo', text: 'Figure 2' },
        { href: '#fig-lstm', text: 'Figure 3' },
      ]);
      for (const [i, link] of links.entries()) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('article a[href^="#"]').nth(i).click();
        await page.waitForFunction((h) => location.hash === h, link.href);
        const r = await page.evaluate((h) => {
          const el = document.getElementById(h.slice(1))!;
          const caption = el.querySelector('figcaption')!;
          return { tag: el.tagName, top: el.getBoundingClientRect().top, caption: caption.innerText.trim(), visible: caption.getBoundingClientRect().height > 0 };
        }, link.href);
        expect(r.tag).toBe('FIGURE');
        expect(Math.abs(r.top), link.href).toBeLessThan(2);
        expect(r.caption.startsWith(`${link.text}:`), r.caption).toBe(true);
        expect(r.visible).toBe(true);
      }
    });
  });
});
