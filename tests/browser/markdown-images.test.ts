/**
 * Markdown images on a phone: a page bundle with a photo shown by `![…](photo.jpg)` at the top and a
 * diagram of static/ by `![…](/images/diagram.png)` far below, prerendered, built by Hugo (the first
 * available), served over HTTP and opened in Chromium 390 px wide at device pixel ratios 1 and 2. From
 * the requests the server saw: the photo loads at once, from the AVIF variant that covers its device
 * pixels; the diagram, lazy, is not fetched until it is scrolled to, and then as AVIF too; no fallback
 * format and no other width is ever fetched.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { describeWithChromium, launchChromium } from '../helpers/browser.js';
import { buildSite, findHugoBinaries, reportMissing, tempDir } from '../helpers/hugo.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { write } from '../helpers/temp-site.js';

const PAGE = '/posts/p/';

describeWithChromium('Markdown images at 390 px', () => {
  const hugo = findHugoBinaries().available[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let publicDir: string;

  beforeAll(async () => {
    if (!hugo) return;
    publicDir = await builtSite(hugo.bin, '');
  }, 240_000);

  for (const dpr of [1, 2]) {
    describe(`device pixel ratio ${dpr}`, () => {
      let server: StaticServer;
      let beforeScroll: string[] = [];
      let shown: { currentSrc: string; displayed: number }[] = [];
      const fetched = () => server.requests.filter((r) => r.path.startsWith('/prerender/img/') || /\.(jpg|png)$/.test(r.path)).map((r) => r.path);

      beforeAll(async () => {
        if (!hugo) return;
        server = await serveDir(publicDir);
        const browser = await launchChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr });
        try {
          const { page } = browser;
          await page.goto(server.url(PAGE), { waitUntil: 'load' });
          await page.waitForFunction(() => (document.querySelector('img') as HTMLImageElement).complete);
          beforeScroll = fetched();
          await page.locator('img').last().scrollIntoViewIfNeeded();
          await page.waitForFunction(() => [...document.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0));
          shown = await page.evaluate(() =>
            [...document.querySelectorAll('img')].map((i) => ({ currentSrc: new URL(i.currentSrc).pathname, displayed: i.getBoundingClientRect().width })),
          );
        } finally {
          await browser.close();
        }
      }, 120_000);

      afterAll(async () => {
        await server?.close();
      });

      it.skipIf(!hugo)('loads the first image at once and the lazy one only when scrolled to', () => {
        expect(beforeScroll).toHaveLength(1);
        expect(beforeScroll[0]).toMatch(/\/photo-\d+\.avif$/);
        expect(fetched()).toHaveLength(2);
      });

      it.skipIf(!hugo)('fetches for each the AVIF variant that covers its device pixels, no wider than twice that', () => {
        expect(shown.map((s) => s.currentSrc.replace(/^.*\//, '').replace(/-\d+/, ''))).toEqual(['photo.avif', 'diagram.avif']);
        for (const s of shown) {
          const width = Number(/-(\d+)\.avif$/.exec(s.currentSrc)![1]);
          expect(s.displayed).toBeGreaterThan(300);
          expect(width, s.currentSrc).toBeGreaterThanOrEqual(s.displayed * dpr);
          expect(width, s.currentSrc).toBeLessThanOrEqual(2 * s.displayed * dpr);
        }
        expect(fetched().sort()).toEqual(shown.map((s) => s.currentSrc).sort());
      });
    });
  }
});

describeWithChromium('placeholder = "blur" while the image loads', () => {
  const hugo = findHugoBinaries().available[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let server: StaticServer;
  /** The photo's box: its colour in the middle while no variant has arrived, and its size. */
  let waiting: { rgb: number[]; width: number; height: number; complete: boolean };
  let loaded: { rgb: number[]; currentSrc: string };

  beforeAll(async () => {
    if (!hugo) return;
    server = await serveDir(await builtSite(hugo.bin, '[params.prerender.images]\nplaceholder = "blur"\n'));
    const browser = await launchChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    try {
      const { page } = browser;
      // The variants do not arrive (a slow network): the page shows what it has.
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/prerender/img/**', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(server.url(PAGE), { waitUntil: 'domcontentloaded' });
      const img = page.locator('img').first();
      const middle = async () => {
        const box = (await img.boundingBox())!;
        const shot = await page.screenshot({ clip: { x: box.x + box.width / 2 - 2, y: box.y + box.height / 2 - 2, width: 4, height: 4 } });
        const { data } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        return { rgb: [data[0]!, data[1]!, data[2]!], box };
      };
      await page.waitForTimeout(300);
      const before = await middle();
      waiting = { rgb: before.rgb, width: before.box.width, height: before.box.height, complete: await img.evaluate((i) => (i as HTMLImageElement).complete) };
      release();
      await page.waitForFunction(() => (document.querySelector('img') as HTMLImageElement).complete && (document.querySelector('img') as HTMLImageElement).naturalWidth > 0);
      loaded = { rgb: (await middle()).rgb, currentSrc: await img.evaluate((i) => new URL((i as HTMLImageElement).currentSrc).pathname) };
    } finally {
      await browser.close();
    }
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(!hugo)("shows the photo's colour, blurred, in the image's own box before any of it has arrived", () => {
    expect(waiting.complete).toBe(false);
    // 1600×900 shown in the 390 px viewport (less the body's margins): the box is there, at the image's ratio.
    expect(waiting.width).toBeGreaterThan(300);
    expect(waiting.height / waiting.width).toBeCloseTo(900 / 1600, 2);
    // #3a6 is rgb(51, 170, 102): the tiny WebP's colour, within its lossy encoding.
    for (const [got, want] of waiting.rgb.map((c, i) => [c, [51, 170, 102][i]!])) expect(Math.abs(got! - want!)).toBeLessThan(24);
  });

  it.skipIf(!hugo)('then shows the image itself, from its AVIF variant', () => {
    expect(loaded.currentSrc).toMatch(/\/photo-400\.avif$/);
    for (const [got, want] of loaded.rgb.map((c, i) => [c, [51, 170, 102][i]!])) expect(Math.abs(got! - want!)).toBeLessThan(24);
  });
});

/** The site, prerendered (with `config` added to its hugo.toml) and built by Hugo: its public/ folder. */
async function builtSite(hugo: string, config: string): Promise<string> {
  const site = path.join(tempDir('hp-md-images-browser-'), 'site');
  write(site, 'hugo.toml', `baseURL = "http://localhost/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n${config}`);
  write(
    site,
    'layouts/_default/single.html',
    '<!doctype html><html><head><meta name="viewport" content="width=device-width"><style>img{max-width:100%;height:auto}</style>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n',
  );
  write(site, 'layouts/_default/list.html', '<html><body></body></html>\n');
  const filler = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of text that keeps the diagram far below the fold.`).join('\n\n');
  write(site, 'content/posts/p/index.md', `---\ntitle: Photos\n---\n![A photo](photo.jpg)\n\n${filler}\n\n![A diagram](/images/diagram.png "Diagram")\n`);
  write(site, 'content/posts/p/photo.jpg', await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a6' } }).jpeg().toBuffer());
  write(site, 'static/images/diagram.png', await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#fff' } }).png().toBuffer());
  expect(initSite(site).changed).toBe(true);
  const pre = await prerender({ source: site });
  expect(pre.diagnostics).toEqual([]);
  const built = buildSite(hugo, site);
  expect(built.code, built.stdout + built.stderr).toBe(0);
  return built.publicDir;
}
