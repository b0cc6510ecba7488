/**
 * The seed post as a reader gets it: fixtures/site prerendered by the built CLI, built by Hugo (the
 * first available, 0.111.3 on Debian bookworm), served over HTTP and opened in Debian's Chromium. The
 * KaTeX fonts must really load, every formula must take up space, and the page must produce no console
 * error and no failed request. The screenshot is kept as test-artifacts/seed-page.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { findHugoBinaries, PROJECT_ROOT, reportMissing } from '../helpers/hugo.js';
import { builtSeedSite } from '../helpers/prerender.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';

const PAGE = '/posts/learning-to-remember/';
const SCREENSHOT = path.join(PROJECT_ROOT, 'test-artifacts/seed-page.png');

interface Facts {
  fonts: { family: string; status: string }[];
  formulas: { width: number; height: number; tex: string }[];
  figures: { src: string; complete: boolean; naturalWidth: number }[];
}

describeWithChromium('the seed post in Chromium', () => {
  const hugo = findHugoBinaries().available[0];
  if (!hugo) reportMissing('Hugo', findHugoBinaries().missing);
  let server: StaticServer;
  let browser: LaunchedBrowser;
  const problems: string[] = [];
  let facts: Facts;

  beforeAll(async () => {
    if (!hugo) return;
    server = await serveDir(builtSeedSite(hugo.bin));
    browser = await launchChromium({ viewport: { width: 900, height: 900 } });
    const { page } = browser;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(server.url(PAGE), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    // Figures after the first load lazily: bring each into view, as a reader scrolling would.
    for (const img of await page.locator('figure img').all()) await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('figure img')].every((i) => (i as HTMLImageElement).complete));
    await page.evaluate(() => window.scrollTo(0, 0));
    facts = await page.evaluate(() => ({
      fonts: [...document.fonts].map((f) => ({ family: f.family.replace(/^"|"$/g, ''), status: f.status })),
      formulas: [...document.querySelectorAll('.katex')].map((el) => {
        const r = el.getBoundingClientRect();
        return { width: r.width, height: r.height, tex: el.querySelector('math')?.getAttribute('alttext') ?? '' };
      }),
      figures: [...document.querySelectorAll('figure img')].map((img) => {
        const i = img as HTMLImageElement;
        return { src: i.getAttribute('src') ?? '', complete: i.complete, naturalWidth: i.naturalWidth };
      }),
    }));
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.skipIf(!hugo)('loads the KaTeX fonts the formulas use (KaTeX_Main, KaTeX_Math)', () => {
    const loaded = new Set(facts.fonts.filter((f) => f.status === 'loaded').map((f) => f.family));
    expect(loaded).toContain('KaTeX_Main');
    expect(loaded).toContain('KaTeX_Math');
    // They came over HTTP from the site: the woff2 files, nothing else for fonts.
    const fonts = server.requests.filter((r) => r.path.startsWith('/prerender/katex/fonts/'));
    expect(fonts.map((r) => r.path)).toEqual(expect.arrayContaining(['/prerender/katex/fonts/KaTeX_Main-Regular.woff2', '/prerender/katex/fonts/KaTeX_Math-Italic.woff2']));
    expect(fonts.every((r) => r.status === 200 && r.path.endsWith('.woff2'))).toBe(true);
  });

  it.skipIf(!hugo)('lays out all 9 formulas with a nonzero size', () => {
    expect(facts.formulas).toHaveLength(9);
    for (const f of facts.formulas) {
      expect(f.width, f.tex).toBeGreaterThan(0);
      expect(f.height, f.tex).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hugo)('shows both figure images', () => {
    expect(facts.figures.map((f) => f.src)).toEqual([
      expect.stringMatching(/^\/prerender\/img\/[0-9a-f]{20}\/RNN_unroll-1160\.png$/),
      expect.stringMatching(/^\/prerender\/img\/[0-9a-f]{20}\/RNN_models-800\.png$/),
    ]);
    for (const f of facts.figures) {
      expect(f.complete, f.src).toBe(true);
      expect(f.naturalWidth, f.src).toBeGreaterThan(0);
    }
  });

  // /favicon.ico is Chromium's own request (the example site's layout links no icon), not the page's.
  it.skipIf(!hugo)('has no console errors or warnings and no failed requests', () => {
    const favicon = (s: string) => s.includes('/favicon.ico');
    expect(server.requests.filter((r) => r.status !== 200 && !favicon(r.path))).toEqual([]);
    expect(problems.filter((p) => !favicon(p))).toEqual([]);
    expect(server.requests.length).toBeGreaterThan(5); // page, stylesheets, fonts, images
  });
});
