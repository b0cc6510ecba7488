/**
 * Chromium for browser tests, through playwright-core and the system browser only: we never download a
 * browser. The binary is /usr/bin/chromium, or $CHROMIUM_BIN (or $CHROMIUM_PATH). When it is missing,
 * tests are skipped with a loud message, unless $CI is set: there a missing browser is a failure, so CI
 * cannot go green without the checks. Each launch gets a fresh profile in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reportMissing, type MissingTool } from './hugo.js';
import { katexDistDir, PRERENDER_CSS } from '../../src/render/static-assets.js';
import { ACCENTS } from '../../src/svg/theme.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_BIN || process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Containers often have a tiny /dev/shm; Chromium then crashes on big pages.
  '--disable-dev-shm-usage',
];

/** Chromium's version, or why it cannot run. */
export function findChromium(): { bin: string; version?: string; missing?: MissingTool } {
  const bin = CHROMIUM_PATH;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) {
    return {
      bin,
      missing: {
        name: 'chromium',
        bin,
        why: r.error ? r.error.message : `exited with ${r.status}: ${r.stderr.trim()}`,
        fix: 'apt-get install chromium  (or set CHROMIUM_BIN)',
      },
    };
  }
  return { bin, version: r.stdout.trim() };
}

let available: boolean | undefined;

/** True when a browser test can run; prints why not (or throws under CI). */
export function chromiumAvailable(): boolean {
  if (available !== undefined) return available;
  const c = findChromium();
  if (c.missing) reportMissing('Chromium (browser tests)', [c.missing]);
  available = !c.missing;
  return available;
}

/** `describe` when Chromium is there; a visible skipped test when not (a failure under CI). */
export function describeWithChromium(title: string, suite: () => void): void {
  if (chromiumAvailable()) describe(title, suite);
  else describe(title, () => it.skip('chromium missing: apt-get install chromium (or set CHROMIUM_BIN)', () => {}));
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The context's first tab. */
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * The system fonts a browser test may see, one family at a time, so that every machine (a developer's,
 * a fresh CI one) lays text out the same way: what most Linux desktops draw with (DejaVu), Arial's and
 * Times New Roman's metric clones (Liberation: Windows, macOS), Android's (Roboto). `.ci/run` installs
 * the packages. Files are Debian's paths.
 */
export interface FontSetup {
  name: string;
  /** The Debian package that installs the files. */
  pkg: string;
  files: string[];
  /** What the generic families resolve to. */
  sans: string;
  serif: string;
}

export const FONT_SETUPS: FontSetup[] = [
  {
    name: 'DejaVu',
    pkg: 'fonts-dejavu-core',
    files: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`),
    sans: 'DejaVu Sans',
    serif: 'DejaVu Serif',
  },
  {
    name: 'Liberation',
    pkg: 'fonts-liberation2',
    files: ['Sans', 'Serif'].flatMap((f) => ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => `/usr/share/fonts/truetype/liberation2/Liberation${f}-${s}.ttf`)),
    sans: 'Liberation Sans',
    serif: 'Liberation Serif',
  },
  {
    // No serif: math falls back to Roboto too, as on a machine with no serif font.
    name: 'Roboto',
    pkg: 'fonts-roboto-unhinted',
    files: ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => `/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-${s}.ttf`),
    sans: 'Roboto',
    serif: 'Roboto',
  },
];

/** The font setups whose files are installed; a missing one is reported (a failure under CI). */
export function availableFontSetups(): FontSetup[] {
  const missing = FONT_SETUPS.filter((f) => f.files.some((file) => !existsSync(file)));
  reportMissing(
    'Fonts for the browser layout tests',
    missing.map((f) => ({ name: f.name, bin: f.files.find((file) => !existsSync(file))!, why: 'not installed', fix: `apt-get install ${f.pkg}` })),
  );
  return FONT_SETUPS.filter((f) => !missing.includes(f));
}

/**
 * A fontconfig configuration that shows Chromium only the setup's files (symlinked into a directory of
 * their own) and maps the generic families to them; returns the FONTCONFIG_FILE to pass.
 */
function fontconfigFor(setup: FontSetup, dir: string): string {
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  for (const f of setup.files) symlinkSync(f, path.join(fonts, path.basename(f)));
  const alias = (generic: string, family: string) => `  <alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${fonts}</dir>`,
      `  <cachedir>${path.join(dir, 'cache')}</cachedir>`,
      alias('sans-serif', setup.sans),
      alias('system-ui', setup.sans),
      alias('monospace', setup.sans),
      alias('serif', setup.serif),
      '  <match target="font"><edit name="antialias" mode="assign"><bool>true</bool></edit><edit name="hintstyle" mode="assign"><const>hintslight</const></edit></match>',
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * A headless Chromium with a fresh profile directory (removed on close), no network chatter, no GPU.
 * Uses a persistent context because that is how playwright takes a user-data-dir. With `fonts`, it sees
 * only that setup's fonts (a fontconfig of its own); without, the system's.
 */
export async function launchChromium(
  opts: { viewport?: { width: number; height: number }; deviceScaleFactor?: number; fonts?: FontSetup } = {},
): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'hp-chromium-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (opts.fonts) env.FONTCONFIG_FILE = fontconfigFor(opts.fonts, path.join(userDataDir, 'fontconfig'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env,
    viewport: opts.viewport ?? { width: 1000, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };

/**
 * Where a browser test saves its screenshots: test-artifacts/<sub> normally (a test run never modifies
 * tracked files), docs/<sub> with UPDATE_SCREENSHOTS=1 (`npm run screenshots`, which refreshes the
 * pictures the README shows).
 */
export function screenshotDir(sub: string): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const dir = path.join(root, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : 'test-artifacts', sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A screenshot of the figure matching `selector`, cropped to what it draws (its displayed SVGs and its
 * caption, plus `pad` CSS px): a figure that spans its column (a block, as rnn-unroll's row of panels
 * needs to lay out side by side) is photographed without the empty column around it.
 */
export async function shootFigure(page: Page, selector: string, file: string, pad = 8): Promise<void> {
  const clip = await page.$eval(
    selector,
    (fig, p) => {
      const rects = [...fig.querySelectorAll('svg, figcaption')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
      const x0 = Math.min(...rects.map((r) => r.left)) - p;
      const y0 = Math.min(...rects.map((r) => r.top)) - p;
      const x1 = Math.max(...rects.map((r) => r.right)) + p;
      const y1 = Math.max(...rects.map((r) => r.bottom)) + p;
      return { x: x0 + window.scrollX, y: y0 + window.scrollY, width: x1 - x0, height: y1 - y0 };
    },
    pad,
  );
  await page.screenshot({ path: file, clip, fullPage: true });
}

/** An SVG element's bounding box in its <svg>'s user units (the viewBox), in the page as `hpUserBox`. */
export interface UserBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Defines `window.hpUserBox(element)` in the page: the element's getBBox() mapped through its own and its
 * ancestors' transforms (a rotated label included) back into the user units of the <svg> it is drawn in.
 * The layout tests call it inside `page.$$eval`, where nothing can be imported. Call after the page's
 * content is set.
 */
export async function installUserBox(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { hpUserBox: (e: SVGGraphicsElement) => UserBox }).hpUserBox = (e) => {
      const svg = e.closest('svg') as SVGSVGElement;
      const m = svg.getScreenCTM()!.inverse().multiply(e.getScreenCTM()!);
      const b = e.getBBox();
      const pts = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    };
  });
}

/** The origin figure pages are served from (intercepted: nothing goes to the network). */
export const FIGURE_ORIGIN = 'http://hp.test';

/**
 * Opens `html` (a whole document) as a page that links prerender.css as Hugo's pages do, served with the
 * fonts it names from KaTeX's folder, as `hugo-prerender build` writes them, or with every font request
 * failing (`webFonts: false`: a reader whose browser blocks them or lost the connection), and waits until
 * the served fonts have loaded or failed.
 */
export async function openFigurePage(context: BrowserContext, html: string, opts: { webFonts: boolean; page?: Page }): Promise<Page> {
  const page = opts.page ?? (await context.newPage());
  const fonts = path.join(katexDistDir().dir, 'fonts');
  await page.route(`${FIGURE_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html.replace('</head>', '<link rel="stylesheet" href="/prerender/prerender.css"></head>') });
    if (url.pathname === '/prerender/prerender.css') return route.fulfill({ contentType: 'text/css', body: PRERENDER_CSS });
    const font = url.pathname.match(/^\/prerender\/katex\/fonts\/([\w-]+\.woff2)$/);
    if (font && opts.webFonts) return route.fulfill({ contentType: 'font/woff2', body: readFileSync(path.join(fonts, font[1]!)) });
    return route.abort();
  });
  await page.goto(`${FIGURE_ORIGIN}/`);
  await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
    await document.fonts.ready;
  });
  return page;
}

/** Status of each @font-face of the page ("hp-katex-math italic": "loaded" | "error" | …). */
export async function fontFaceStatus(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.fonts].map((f) => [`${f.family.replace(/"/g, '')} ${f.weight} ${f.style}`, f.status])));
}

/** The platform fonts Chromium drew the first element matching `selector` with (family names, by glyphs). */
export async function fontsUsed(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

/** Time for a layout test's beforeAll, which measures every font setup (see inFontSetups). */
export const LAYOUT_HOOK_TIMEOUT = 600_000;

/** One layout run: a font setup, served fonts loaded or blocked, a desktop or a 360 px phone viewport. */
export interface FontRun<T> {
  label: string;
  setup: FontSetup;
  webFonts: boolean;
  phone: boolean;
  /** What `measure` returned. */
  result: T;
  /** Status of each served @font-face. */
  faces: Record<string, string>;
  /** The platform fonts of the first math label (`text.hp-math`), when there is one. */
  mathFonts?: string[];
  /** The platform fonts of the first calligraphic letter (`\mathcal`), when there is one. */
  calFonts?: string[];
  /** The platform fonts of the first plain label set in the readers' own fonts (`hp-sys`: é …), when there is one. */
  sysFonts?: string[];
}

/**
 * Opens `html(phone)` in every installed font setup, with served fonts loaded and blocked, at `viewport`
 * and at 360 px wide, and measures each page.
 */
export async function inFontSetups<T>(opts: {
  viewport: { width: number; height: number };
  html: (phone: boolean) => string;
  measure: (page: Page) => Promise<T>;
}): Promise<FontRun<T>[]> {
  const runs: FontRun<T>[] = [];
  for (const setup of availableFontSetups()) {
    const browser = await launchChromium({ viewport: opts.viewport, deviceScaleFactor: 2, fonts: setup });
    try {
      for (const webFonts of [true, false]) {
        for (const phone of [false, true]) {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 360, height: 740 });
          await openFigurePage(browser.context, opts.html(phone), { webFonts, page });
          const hasMath = await page.$('text.hp-math');
          const hasCal = await page.$('tspan.hp-cal');
          const hasSys = await page.$('text.hp-sys');
          runs.push({
            label: `${setup.name}, ${webFonts ? 'served fonts' : 'served fonts blocked'}, ${phone ? '360 px' : `${opts.viewport.width} px`}`,
            setup,
            webFonts,
            phone,
            result: await opts.measure(page),
            faces: await fontFaceStatus(page),
            mathFonts: hasMath ? await fontsUsed(page, 'text.hp-math') : undefined,
            calFonts: hasCal ? await fontsUsed(page, 'tspan.hp-cal') : undefined,
            sysFonts: hasSys ? await fontsUsed(page, 'text.hp-sys') : undefined,
          });
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
  return runs;
}

/**
 * Each run drew with the fonts it claims: served ones loaded (and math in KaTeX's), or all of them failed
 * (and math in the setup's own family).
 */
export function expectFontPaths(runs: FontRun<unknown>[]): void {
  expect(runs.length).toBeGreaterThan(0);
  for (const r of runs) {
    const statuses = Object.values(r.faces);
    expect(statuses.length, r.label).toBeGreaterThan(0);
    expect(new Set(statuses), r.label).toEqual(new Set([r.webFonts ? 'loaded' : 'error']));
    if (r.mathFonts && r.webFonts) expect(r.mathFonts.some((f) => f.startsWith('KaTeX_')), `${r.label}: ${r.mathFonts}`).toBe(true);
    if (r.calFonts) expect(r.calFonts, r.label).toContain(r.webFonts ? 'KaTeX_Caligraphic' : r.setup.serif);
    if (r.mathFonts && !r.webFonts) expect(r.mathFonts.every((f) => f === r.setup.serif || f === r.setup.sans), `${r.label}: ${r.mathFonts}`).toBe(true);
    // A label with letters the served font lacks (é) is drawn whole in the setup's own sans font, never
    // in KaTeX_SansSerif with single letters from another font.
    if (r.sysFonts) expect(r.sysFonts, r.label).toEqual([r.setup.sans]);
  }
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};
/** The accent of hidden states in the diagrams' light and dark palettes, as Chromium reports colours. */
export const ACCENT_LIGHT = rgb(ACCENTS.hidden.light);
export const ACCENT_DARK = rgb(ACCENTS.hidden.dark);
/** Under a dark system with no toggle saying what the page is (src/svg/theme.ts). */
export const ACCENT_ANY = rgb(ACCENTS.hidden.any);

/** The colours the page's diagrams are drawn with (strokes and fills of all their elements). */
export function diagramColours(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    for (const el of document.querySelectorAll('svg[role=img] *')) {
      const cs = getComputedStyle(el);
      seen.add(cs.stroke);
      seen.add(cs.fill);
    }
    return [...seen];
  });
}

/**
 * Opens `html` in `page` at `origin` with KaTeX's fonts served from the installed KaTeX (`/fonts/…`) and
 * `/katex.css` answering `stylesheet`; nothing else loads. Resolves once every font face has loaded.
 */
export async function openKatexPage(page: Page, origin: string, html: string, stylesheet: string): Promise<void> {
  const { dir } = katexDistDir();
  await page.unroute(`${origin}/**`);
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname === '/katex.css') return route.fulfill({ contentType: 'text/css', body: stylesheet });
    const font = /^\/fonts\/([\w-]+\.woff2)$/.exec(url.pathname);
    if (font) return route.fulfill({ contentType: 'font/woff2', body: readFileSync(path.join(dir, 'fonts', font[1]!)) });
    return route.abort();
  });
  await page.goto(`${origin}/`);
  await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
    await document.fonts.ready;
  });
}

/** A computed colour (`rgb(…)`, `rgba(…)`) as its red, green and blue channels. */
export function rgbOf(css: string): [number, number, number] {
  const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
