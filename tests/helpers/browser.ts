/**
 * Chromium for browser tests, through playwright-core and the system browser only: we never download a
 * browser. When /usr/bin/chromium (or $CHROMIUM_PATH) is missing, tests are skipped with a loud message,
 * unless $CI is set: there a missing browser is a failure, so CI cannot go green without the checks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when a browser test can run; prints why not (or throws under CI). */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const msg = `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run (set CHROMIUM_PATH or install chromium).`;
  if (process.env.CI) throw new Error(`${msg} Failing because CI is set.`);
  console.warn(`\n${'!'.repeat(100)}\n!!! SKIPPING BROWSER TESTS: ${msg}\n${'!'.repeat(100)}\n`);
  return false;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh profile directory (removed on close), no network chatter, no GPU.
 * Uses a persistent context because that is how playwright takes a user-data-dir.
 */
export async function launchChromium(opts: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'hp-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: opts.viewport ?? { width: 1000, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser };
