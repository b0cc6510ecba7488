/**
 * Dark mode follows each theme's own toggle: the diagrams of the theme sites (fixtures/themes) in Chromium,
 * with the marker each theme's toggle sets on <html> or <body> (as read in its source), on a system in
 * light mode; and ezhil, which only follows the system's colour scheme. Built with every available Hugo.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo } from '../helpers/hugo.js';
import { ACCENT_ANY, ACCENT_DARK, ACCENT_LIGHT, describeWithChromium, diagramColours, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { POST, prepareThemeSite, type ThemeSite } from '../helpers/themes.js';
import { MatrixRecorder } from '../helpers/theme-matrix.js';

const matrix = new MatrixRecorder('tests/browser/theme-dark.test.ts');

/** What each theme's toggle does to the page for dark and for light (the models start dark). */
const TOGGLES: Record<string, { target: 'html' | 'body'; attr: string; dark: string; light: string }> = {
  papermod: { target: 'html', attr: 'data-theme', dark: 'dark', light: 'light' },
  hextra: { target: 'html', attr: 'class', dark: 'dark', light: 'light' },
  'hugo-book': { target: 'html', attr: 'data-theme', dark: 'dark', light: 'light' },
  congo: { target: 'html', attr: 'class', dark: 'dark', light: '' },
  loveit: { target: 'body', attr: 'theme', dark: 'dark', light: 'light' },
};

const LIGHT = ACCENT_LIGHT;
const DARK = ACCENT_DARK;
const ANY = ACCENT_ANY;

const sites = new Map<string, ThemeSite>();
beforeAll(() => {
  for (const n of [...Object.keys(TOGGLES), 'ezhil']) sites.set(n, prepareThemeSite(n));
}, 600_000);

describeEachHugo('theme dark mode', (hugo) => {
  describeWithChromium(`diagram colours follow each theme's toggle [${hugo.name}]`, () => {
    const servers = new Map<string, StaticServer>();
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      for (const [n, s] of sites) {
        const built = buildSite(hugo.bin, s.dir, { copy: false });
        expect(built.code, built.stdout + built.stderr).toBe(0);
        servers.set(n, await serveDir(built.publicDir));
      }
      browser = await launchChromium();
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      for (const s of servers.values()) await s.close();
    });

    const colours = () => diagramColours(browser.page);

    for (const [n, t] of Object.entries(TOGGLES)) {
      const marker = `${t.target}[${t.attr}=${t.dark}]`;
      matrix.it('dark', n, hugo.version, `${n}: ${marker} draws the dark accents, ${t.attr}=${JSON.stringify(t.light)} the light ones, on a light system`, async () => {
        const { page } = browser;
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(servers.get(n)!.url(`/${POST.replace(/index\.html$/, '')}`), { waitUntil: 'load' });
        expect(await page.evaluate(({ target, attr }) => document.querySelector(target)!.getAttribute(attr), t)).toBe(t.dark);
        const dark = await colours();
        expect(dark).toContain(DARK);
        expect(dark).not.toContain(LIGHT);
        await page.evaluate(({ target, attr, light }) => document.querySelector(target)!.setAttribute(attr, light), t);
        const light = await colours();
        expect(light).toContain(LIGHT);
        expect(light).not.toContain(DARK);
      }, { note: `\`${marker}\`` });
    }

    matrix.it('dark', 'ezhil', hugo.version, 'ezhil (no toggle): the system colour scheme decides', async () => {
      const { page } = browser;
      // On a dark system with no toggle the page may be light or dark: the middle accents (≥ 4:1 on both).
      for (const [scheme, want, nots] of [['dark', ANY, [DARK, LIGHT]], ['light', LIGHT, [DARK, ANY]]] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(servers.get('ezhil')!.url(`/${POST.replace(/index\.html$/, '')}`), { waitUntil: 'load' });
        const c = await colours();
        expect(c, scheme).toContain(want);
        for (const not of nots) expect(c, scheme).not.toContain(not);
      }
    }, { note: 'no toggle: `prefers-color-scheme`' });

    it('congo switched to light on a dark system (no class left): not the dark accents, which fall to 2:1 on its white page', async () => {
      const { page } = browser;
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(servers.get('congo')!.url(`/${POST.replace(/index\.html$/, '')}`), { waitUntil: 'load' });
      await page.evaluate(() => document.documentElement.setAttribute('class', ''));
      const c = await colours();
      expect(c).toContain(ANY);
      expect(c).not.toContain(DARK);
      // With its class, the dark ones.
      await page.evaluate(() => document.documentElement.setAttribute('class', 'dark'));
      expect(await colours()).toContain(DARK);
    });
  });
});
