/**
 * A figure with a dark variant (`src-dark`) in Chromium: the example site with a post of two such figures
 * (PNGs, served as responsive `<picture>`s; SVGs, plain `<img>`s), prerendered by the built CLI, built by
 * Hugo (the first available) and served over HTTP. For the reader's system setting and the theme switches
 * our diagrams follow (a class or attribute on html or body, an explicit light one winning), the image
 * that matches the page is the one shown, and the other is never downloaded. A theme rule that makes every
 * figure image a block (`figure img { display: block }`) does not bring the hidden one back. The feed
 * shows the light image alone.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium } from '../helpers/browser.js';
import { buildSite, findHugoBinaries, reportMissing } from '../helpers/hugo.js';
import { copyProjectSite, runPrerender } from '../helpers/prerender.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { write } from '../helpers/temp-site.js';

const svg = (w: number, colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="100" viewBox="0 0 ${w} 100"><rect width="${w}" height="100" fill="${colour}"/></svg>\n`;

const POST = [
  '---',
  'title: Light and dark',
  'date: 2024-02-01',
  '---',
  'Two figures, each with a dark variant.',
  '',
  '{{< figure src="/images/RNN_unroll.png" src-dark="/images/BPTT.png" caption="An unrolled RNN, $h_t$ in light and dark" >}}',
  '',
  '<!--more-->',
  '',
  '{{< figure src="/images/light.svg" src-dark="/images/dark.svg" alt="A box" >}}',
  '',
].join('\n');

/** The page's markup with what a theme's switch writes on html and body, and a theme rule showing every figure image. */
function variant(html: string, htmlAttrs: string, bodyAttrs: string): string {
  return html
    .replace('<html lang="en">', `<html lang="en"${htmlAttrs}>`)
    .replace('<body>', `<body${bodyAttrs}>`)
    .replace('</head>', '<style>figure img, figure picture { display: block; }</style></head>');
}

const CASES = [
  { name: 'a light system, no switch', scheme: 'light', html: '', body: '', dark: false },
  { name: 'a dark system, no switch', scheme: 'dark', html: '', body: '', dark: true },
  { name: 'a light system, the theme switched to dark (html.dark: Hextra, Blowfish, Congo)', scheme: 'light', html: ' class="dark"', body: '', dark: true },
  { name: 'a light system, the theme switched to dark (body.dark: PaperMod)', scheme: 'light', html: '', body: ' class="dark"', dark: true },
  { name: 'a dark system, the theme switched to light (html[data-theme=light])', scheme: 'dark', html: ' data-theme="light"', body: '', dark: false },
  { name: 'a dark system, both switches (the light one wins)', scheme: 'dark', html: ' class="dark"', body: ' data-theme="light"', dark: false },
] as const;

interface Seen {
  /** Per figure: which image is laid out (light or dark), and whether it loaded. */
  shown: { light: boolean; dark: boolean; loaded: boolean }[];
  requested: string[];
}

describeWithChromium('a figure with a dark variant', () => {
  const hugo = findHugoBinaries().available[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let server: StaticServer;
  let publicDir: string;
  const seen = new Map<string, Seen>();

  beforeAll(async () => {
    if (!hugo) return;
    const site = copyProjectSite('fixtures/site');
    write(site, 'content/posts/dark.md', POST);
    write(site, 'static/images/light.svg', svg(300, '#eeeeee'));
    write(site, 'static/images/dark.svg', svg(320, '#222222'));
    const pre = runPrerender(site);
    expect(pre.code, pre.stdout + pre.stderr).toBe(0);
    const built = buildSite(hugo.bin, site, { copy: false, linkPackage: false });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    publicDir = built.publicDir;
    const page = readFileSync(path.join(publicDir, 'posts/dark/index.html'), 'utf8');
    for (const [i, c] of CASES.entries()) {
      mkdirSync(path.join(publicDir, `case${i}`), { recursive: true });
      writeFileSync(path.join(publicDir, `case${i}/index.html`), variant(page, c.html, c.body));
    }
    server = await serveDir(publicDir);
    for (const [i, c] of CASES.entries()) {
      const browser = await launchChromium({ viewport: { width: 900, height: 700 } });
      try {
        const { page: tab } = browser;
        await tab.emulateMedia({ colorScheme: c.scheme });
        const before = server.requests.length;
        await tab.goto(server.url(`/case${i}/`), { waitUntil: 'load' });
        for (const f of await tab.locator('figure').all()) await f.scrollIntoViewIfNeeded();
        // Whatever is shown has loaded (a lazy image starts once laid out near the viewport).
        await tab.waitForFunction(() =>
          [...document.querySelectorAll('figure img')].every((i) => i.getBoundingClientRect().width === 0 || ((i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)),
        );
        await tab.waitForTimeout(300);
        const shown = await tab.evaluate(() =>
          [...document.querySelectorAll('figure')].map((f) => {
            const imgs = [...f.querySelectorAll('img')] as HTMLImageElement[];
            const laidOut = (i: HTMLImageElement) => i.getBoundingClientRect().width > 0;
            const light = imgs.find((i) => !i.closest('.hp-dark-only'))!;
            const dark = imgs.find((i) => i.closest('.hp-dark-only'))!;
            const visible = [light, dark].filter(laidOut);
            return { light: laidOut(light), dark: laidOut(dark), loaded: visible.every((i) => i.complete && i.naturalWidth > 0) };
          }),
        );
        seen.set(c.name, { shown, requested: server.requests.slice(before).map((r) => r.path) });
      } finally {
        await browser.close();
      }
    }
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  for (const c of CASES) {
    it.skipIf(!hugo)(`${c.name}: shows the ${c.dark ? 'dark' : 'light'} image of each figure, and downloads only that one`, () => {
      const s = seen.get(c.name)!;
      expect(s.shown).toEqual([
        { light: !c.dark, dark: c.dark, loaded: true },
        { light: !c.dark, dark: c.dark, loaded: true },
      ]);
      const images = s.requested.filter((p) => /RNN_unroll|BPTT|light\.svg|dark\.svg/.test(p));
      const wanted = c.dark ? /BPTT-\d+\.avif$|\/dark\.svg$/ : /RNN_unroll-\d+\.avif$|\/light\.svg$/;
      expect(images.length, images.join(', ')).toBe(2);
      for (const p of images) expect(p).toMatch(wanted);
    });
  }

  it.skipIf(!hugo)('follows the theme\'s switch on the open page: switched to dark, the dark images load and show', async () => {
    const browser = await launchChromium({ viewport: { width: 900, height: 700 } });
    try {
      const { page: tab } = browser;
      await tab.emulateMedia({ colorScheme: 'light' });
      await tab.goto(server.url('/case0/'), { waitUntil: 'load' });
      const state = () =>
        tab.evaluate(() =>
          [...document.querySelectorAll('figure')].map((f) => {
            const dark = f.querySelector('.hp-dark-only img, img.hp-dark-only') as HTMLImageElement;
            return dark.getBoundingClientRect().width > 0 && dark.complete && dark.naturalWidth > 0;
          }),
        );
      expect(await state()).toEqual([false, false]);
      await tab.evaluate(() => document.documentElement.classList.add('dark'));
      for (const f of await tab.locator('figure').all()) await f.scrollIntoViewIfNeeded();
      await tab.waitForFunction(() => [...document.querySelectorAll('.hp-dark-only img, img.hp-dark-only')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
      expect(await state()).toEqual([true, true]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!hugo)('the feed shows the light image alone', () => {
    const feed = readFileSync(path.join(publicDir, 'index.xml'), 'utf8');
    const item = feed.slice(feed.indexOf('<title>Light and dark</title>'));
    const description = item.slice(0, item.indexOf('</item>'));
    expect(description).toContain('RNN_unroll');
    expect(description).not.toContain('BPTT');
    expect(description).not.toContain('hp-dark-only');
  });
});
