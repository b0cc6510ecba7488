/**
 * The prerendered table of contents in a real browser: clicking each entry of partials/prerender/toc.html
 * scrolls its heading (with math, duplicated, or with a version-dependent id) to the top of the window.
 * Built with every available Hugo (0.111.3 and the newest), served over HTTP, driven in Chromium.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo } from '../helpers/hugo.js';
import { describeWithChromium, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { copyProjectSite, runPrerender } from '../helpers/prerender.js';

// describeEachHugo reports a missing Hugo (skip, or fail under CI) instead of leaving the file without tests.
describeEachHugo('TOC links', (hugo) => {
  describeWithChromium(`TOC links scroll to their headings [${hugo.name}]`, () => {
    let server: StaticServer;
    let browser: LaunchedBrowser;

    beforeAll(async () => {
      const site = copyProjectSite('fixtures/everywhere/site');
      const pre = runPrerender(site);
      expect(pre.code, pre.stdout + pre.stderr).toBe(0);
      const built = buildSite(hugo.bin, site, { copy: false });
      expect(built.code, built.stdout + built.stderr).toBe(0);
      server = await serveDir(built.publicDir);
      browser = await launchChromium({ viewport: { width: 900, height: 400 } });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('each TOC entry, clicked, brings its heading to the top', async () => {
      const { page } = browser;
      await page.goto(server.url('/posts/gradients/'), { waitUntil: 'load' });
      const hrefs = await page.$$eval('.toc nav#TableOfContents a', (as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBe(6);
      for (const [i, href] of hrefs.entries()) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('.toc nav#TableOfContents a').nth(i).click();
        await page.waitForFunction((h) => location.hash === h, href);
        const r = await page.evaluate((h) => {
          const el = document.getElementById(decodeURIComponent(h.slice(1)));
          const max = document.documentElement.scrollHeight - window.innerHeight;
          return { found: el !== null, tag: el?.tagName, top: el?.getBoundingClientRect().top ?? NaN, scrollY: window.scrollY, max };
        }, href);
        expect(r.found, href).toBe(true);
        expect(r.tag, href).toMatch(/^H[23]$/);
        expect(r.scrollY, href).toBeGreaterThan(0);
        // At the top of the window, unless the page cannot scroll that far.
        if (r.scrollY < r.max - 1) expect(Math.abs(r.top), href).toBeLessThan(2);
        else expect(r.top).toBeLessThan(400);
      }
    });
  });
});
