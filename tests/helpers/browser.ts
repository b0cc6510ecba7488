/**
 * Chromium for browser tests, through playwright-core and the system browser only: we never download a
 * browser. The binary is /usr/bin/chromium, or $CHROMIUM_BIN (or $CHROMIUM_PATH). When it is missing,
 * tests are skipped with a loud message, unless $CI is set: there a missing browser is a failure, so CI
 * cannot go green without the checks. Each launch gets a fresh profile in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { reportMissing, type MissingTool } from './hugo.js';

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
 * A headless Chromium with a fresh profile directory (removed on close), no network chatter, no GPU.
 * Uses a persistent context because that is how playwright takes a user-data-dir.
 */
export async function launchChromium(
  opts: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'hp-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
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
