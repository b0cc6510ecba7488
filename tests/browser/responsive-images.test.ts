/**
 * The seed post's figures on a phone: fixtures/site with the seed post, prerendered by the built CLI,
 * built by Hugo (the first available), served over HTTP and opened in Chromium 390 px wide, at device
 * pixel ratios 1 and 2. From the requests the server saw: each figure fetches one variant, in AVIF, no
 * wider than twice what the screen shows of it, and never the full-size fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithChromium, launchChromium } from '../helpers/browser.js';
import { findHugoBinaries, reportMissing } from '../helpers/hugo.js';
import { builtSeedSite } from '../helpers/prerender.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';

const PAGE = '/posts/learning-to-remember/';

interface Shown {
  currentSrc: string;
  /** CSS pixels. */
  displayed: number;
  /** Density-corrected by the browser (not the file's width). */
  naturalWidth: number;
  width: string | null;
  height: string | null;
}

describeWithChromium('responsive figure images at 390 px', () => {
  const hugo = findHugoBinaries().available[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let publicDir: string;

  beforeAll(() => {
    if (!hugo) return;
    publicDir = builtSeedSite(hugo.bin);
  }, 240_000);

  for (const dpr of [1, 2]) {
    describe(`device pixel ratio ${dpr}`, () => {
      let server: StaticServer;
      let shown: Shown[] = [];

      beforeAll(async () => {
        if (!hugo) return;
        server = await serveDir(publicDir);
        const browser = await launchChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr });
        try {
          const { page } = browser;
          await page.goto(server.url(PAGE), { waitUntil: 'load' });
          // The second figure is lazy: scroll it into view, then wait for both.
          for (const img of await page.locator('figure img').all()) await img.scrollIntoViewIfNeeded();
          await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
          shown = await page.evaluate(() =>
            [...document.querySelectorAll('figure img')].map((el) => {
              const i = el as HTMLImageElement;
              return {
                currentSrc: new URL(i.currentSrc).pathname,
                displayed: i.getBoundingClientRect().width,
                naturalWidth: i.naturalWidth,
                width: i.getAttribute('width'),
                height: i.getAttribute('height'),
              };
            }),
          );
        } finally {
          await browser.close();
        }
      }, 120_000);

      afterAll(async () => {
        await server?.close();
      });

      it.skipIf(!hugo)('shows both figures from AVIF variants no wider than twice their displayed size in device pixels', () => {
        expect(shown).toHaveLength(2);
        for (const s of shown) {
          expect(s.currentSrc).toMatch(/^\/prerender\/img\/[0-9a-f]{20}\/RNN_(unroll|models)-\d+\.avif$/);
          const fetched = Number(/-(\d+)\.avif$/.exec(s.currentSrc)![1]);
          expect(s.naturalWidth).toBeGreaterThan(0);
          expect(s.displayed).toBeGreaterThan(200);
          expect(s.displayed).toBeLessThanOrEqual(390);
          expect(fetched, s.currentSrc).toBeLessThanOrEqual(2 * s.displayed * dpr);
          // …and sharp enough: at least the device pixels shown.
          expect(fetched, s.currentSrc).toBeGreaterThanOrEqual(s.displayed * dpr);
        }
      });

      it.skipIf(!hugo)('fetches exactly those variants: no other width, no WebP or PNG fallback', () => {
        const images = server.requests.filter((r) => r.path.startsWith('/prerender/img/') || r.path.startsWith('/images/'));
        expect(images.map((r) => r.path).sort()).toEqual(shown.map((s) => s.currentSrc).sort());
        expect(images.every((r) => r.status === 200)).toBe(true);
      });

      it.skipIf(!hugo)('gives every figure image its width and height (no layout shift)', () => {
        expect(shown.map((s) => [s.width, s.height])).toEqual([
          ['1160', '480'],
          ['888', '872'],
        ]);
      });
    });
  }
});
