/**
 * `hugo-prerender serve` end to end, for each Hugo version, on a temporary copy of the example site,
 * with Chromium on the served post as a writer has it open:
 * - every page the browser loads (Hugo's live reload reloads it after each save) has its math typeset:
 *   never the page Hugo renders from the unprerendered original (raw TeX);
 * - saves reach the browser through Hugo's live reload alone, also two saves in a row (the second while the
 *   tab reloads for the first, when Hugo's second reload message used to be lost): a save whose change
 *   Hugo serves but the tab does not show is a failure (issue 12's missed reload); the latency from save to
 *   the typeset change in the browser is printed (p50/p95 over the saves);
 * - a formula KaTeX rejects shows in the browser, over the page, naming file:line:column, and goes away
 *   when fixed;
 * - SIGINT (Ctrl+C) or SIGTERM stops serve and Hugo: no process is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { describeEachHugo, tempDir } from '../helpers/hugo.js';
import { CLI, copyProjectSite, ensureBundle } from '../helpers/prerender.js';
import { freePort } from '../helpers/serve.js';
import { alive, descendantsOf } from '../helpers/proc.js';

const POST = 'content/posts/learning-to-remember.md';
const POST_URL = '/posts/learning-to-remember/';
const SAVES = 12;
const DOUBLE_SAVES = 6;
/**
 * After this long without the change in the tab, the live reload was missed and the test fails (the
 * latency itself is printed, not asserted: the machine is shared; p95 on a loaded machine is under 2 s).
 */
const MISSED_RELOAD_MS = 15_000;

/**
 * Evaluates `fn` in the tab once the page has loaded (a page still being parsed has its panel, from the
 * head, before its formulas: measured, 0 formulas counted), and again if a live reload replaced the page
 * while it ran ("Execution context was destroyed"): Hugo may reload the tab once more after the change a
 * test waited for (its next event batch, or the shadow's settle rewrite), and a look taken during that
 * reload says nothing about the page.
 */
async function inTab<T>(page: Page, fn: () => T): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
      return await page.evaluate(fn);
    } catch (e) {
      const navigated = /Execution context was destroyed|navigation|Cannot find context/i.test(String(e));
      if (!navigated || Date.now() > deadline) throw e;
      await page.waitForLoadState('load').catch(() => undefined);
    }
  }
}

/** What the reader sees of the article: its text with typeset formulas left out, so raw TeX stands out. */
async function visibleText(page: Page): Promise<string> {
  return inTab(page, () => {
    const a = document.querySelector('article') ?? document.body;
    const copy = a.cloneNode(true) as HTMLElement;
    for (const k of copy.querySelectorAll('.katex, .katex-display')) k.remove();
    return copy.textContent ?? '';
  });
}

/** The error panel serve shows over the page (the head partial's body::before), or "none". */
async function errorPanel(page: Page): Promise<string> {
  return inTab(page, () => getComputedStyle(document.body, '::before').content);
}

/** How many typeset formulas the tab shows. */
async function formulaCount(page: Page): Promise<number> {
  return inTab(page, () => document.querySelectorAll('.katex').length);
}

describeWithChromium('hugo-prerender serve', () => {
  describeEachHugo('hugo-prerender serve', (hugo) => {
    let site: string;
    let serve: ChildProcess;
    let output = '';
    let browser: LaunchedBrowser;
    let origin: string;
    /** Every version of the post the browser loaded: its visible text. */
    const loads: string[] = [];
    /** What the tab did, for a failure's message: navigations, crashes, livereload's console lines. */
    const tabEvents: string[] = [];
    const tabEvent = (e: string) => tabEvents.push(`${new Date().toISOString().slice(11, 23)} ${e}`);
    const latencies: number[] = [];
    /**
     * Renderer crashes: seen once in a CI run under full load (the tab died during the two-saves test, in
     * Chromium, with nothing of ours running but livereload and the reload check), never on an idle run.
     * The tab is then opened afresh, as a reader would reload it, and the count is asserted at the end: one
     * is Chromium's, more would be ours.
     */
    let crashes = 0;
    const watchTab = (page: Page): void => {
      page.on('framenavigated', (f) => f === page.mainFrame() && tabEvent(`navigated ${f.url()}`));
      page.on('crash', () => {
        crashes++;
        tabEvent('crashed');
        console.warn(
          `serve test, ${hugo.name}: Chromium's renderer crashed (crash ${crashes}); opening the post in a new tab. The tab's last events:\n${tabEvents.slice(-15).join('\n')}`,
        );
        void (async () => {
          const fresh = await browser.context.newPage();
          watchTab(fresh);
          browser.page = fresh;
          await fresh.goto(origin + POST_URL).catch((err: Error) => tabEvent(`reopen failed ${err.message}`));
          await page.close().catch(() => undefined);
        })();
      });
      page.on('requestfailed', (r) => tabEvent(`request failed ${r.url()} ${r.failure()?.errorText}`));
      page.on('console', (m) => /LiveReload|Failed/.test(m.text()) && tabEvent(`console ${m.text().slice(0, 160)}`));
      page.on('load', () => {
        tabEvent('load');
        void visibleText(page).then(
          (t) => loads.push(t),
          () => undefined,
        );
      });
    };
    const logs = () => output.slice(-5000);
    /**
     * Waits until `fn` holds in the page, across the reloads Hugo's live reload makes, and never reloads
     * the tab itself: a change that does not reach the tab within MISSED_RELOAD_MS fails, saying where it
     * got stuck (in the shadow, in what Hugo serves, or in the browser).
     */
    const waitInPage = async (fn: (arg: string) => boolean, arg: string): Promise<void> => {
      // Polled from here rather than with waitForFunction, whose in-page polling can stall across
      // the reloads Hugo's live reload makes (seen with Hugo 0.169: the panel was up, the wait went on).
      const deadline = Date.now() + MISSED_RELOAD_MS;
      for (;;) {
        if (await browser.page.evaluate(fn, arg).catch(() => false)) return;
        if (Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const seen = await visibleText(browser.page).catch(() => '?');
      const html = await browser.page.evaluate(() => document.documentElement.outerHTML.length).catch(() => -1);
      const panel = await errorPanel(browser.page).catch(() => '?');
      const served = await fetch(origin + POST_URL).then((r) => r.text(), (err: Error) => err.message);
      const shadow = readFileSync(path.join(site, '.prerender', POST), 'utf8');
      const where = arg ? `shadow has ${arg}: ${shadow.includes(arg)}; Hugo serves it: ${served.includes(arg)}\n` : '';
      throw new Error(
        `not seen in the tab within ${MISSED_RELOAD_MS} ms (a missed live reload if Hugo serves it)\n${where}the browser shows (${html} characters of HTML; end of the text): ${seen.slice(-600)}\npanel: ${panel}\nloads: ${loads.length}\nthe tab (last 20 events, UTC): ${tabEvents.slice(-20).join('; ')}\n${logs()}`,
      );
    };
    /** The saved paragraph `marker` is in the tab with its formula typeset. */
    const typeset = (m: string) => {
      const a = document.querySelector('article') ?? document.body;
      return [...a.querySelectorAll('p')].some((p) => p.textContent?.startsWith(`${m}:`) && p.querySelector('.katex') !== null);
    };

    beforeAll(async () => {
      ensureBundle();
      site = copyProjectSite('fixtures/site');
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      const work = tempDir('hp-serve-');
      // Hugo's own defaults for where it renders (0.111: memory; 0.169: disk), as a user gets them.
      serve = spawn(
        process.execPath,
        [CLI, 'serve', '-s', site, '--hugo', hugo.bin, '--', '--bind', '127.0.0.1', '--port', String(port), '--cacheDir', path.join(work, 'cache')],
        { cwd: site, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
      );
      serve.stdout!.on('data', (b: Buffer) => (output += b.toString()));
      serve.stderr!.on('data', (b: Buffer) => (output += b.toString()));
      const t0 = Date.now();
      while (!/Web Server is available/.test(output)) {
        if (serve.exitCode !== null || Date.now() - t0 > 90_000) throw new Error(`serve did not start:\n${logs()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      browser = await launchChromium();
      watchTab(browser.page);
      await browser.page.goto(origin + POST_URL);
    }, 150_000);

    afterAll(async () => {
      await browser?.close();
      if (serve && serve.exitCode === null) serve.kill('SIGKILL');
      for (const pid of descendantsOf(serve?.pid ?? 0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
      if (latencies.length) {
        const sorted = [...latencies].sort((a, b) => a - b);
        const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        console.log(`serve, ${hugo.name}: save → browser shows the change: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${sorted.at(-1)} ms over ${sorted.length} saves (${sorted.join(', ')})`);
      }
    });

    it('shows the post typeset, with no error panel', async () => {
      expect(await formulaCount(browser.page)).toBeGreaterThanOrEqual(40);
      expect(await visibleText(browser.page)).not.toMatch(/\$h_|\\frac|\{\{</);
      expect(await errorPanel(browser.page)).toBe('none');
      // No copy for the browser to revalidate: a page rendered again within the same second would get a
      // 304 (Last-Modified has whole seconds) and the tab would keep the older copy.
      const res = await fetch(`${origin}${POST_URL}`);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('shows every save typeset, and never a page rendered from the original', async () => {
      const file = path.join(site, POST);
      for (let i = 1; i <= SAVES; i++) {
        const marker = `Marker${i}X`;
        const t0 = performance.now();
        appendFileSync(file, `\n${marker}: the value $\\zeta_{${i}} = \\tanh(W h_{t-1})$ here.\n`);
        await waitInPage(typeset, marker);
        latencies.push(Math.round(performance.now() - t0));
        // Let Hugo settle before the next save, as a writer would (and so that loads are not cut short).
        await new Promise((r) => setTimeout(r, 700));
      }
      expect(loads.length).toBeGreaterThanOrEqual(SAVES);
      // TeX as written (our saves', and the post's own): what Hugo renders from the original.
      const RAW = /\$\\|\$[a-z]_|\\zeta_\{|\\tanh\(W|\\frac\{/;
      const raw = loads.filter((t) => RAW.test(t)).map((t) => t.slice(Math.max(0, RAW.exec(t)!.index - 100), RAW.exec(t)!.index + 100));
      expect(raw, 'a page rendered from the original (raw TeX) was shown').toEqual([]);
      expect(output).not.toMatch(/\bERROR\b|Error:/);
    }, SAVES * (MISSED_RELOAD_MS + 1000));

    it('shows the second of two saves in a row, made while the tab reloads for the first', async () => {
      // Hugo rebuilds each on its own 500 ms tick: its reload for the second reached the tab while it was
      // still loading the first (no websocket yet, or before livereload's handshake) and was lost, or the
      // reload got 304 for a page rendered again within the same second (measured: 1 save in 10 stayed
      // on the first; the reload check in the served page catches both).
      const file = path.join(site, POST);
      for (let i = 1; i <= DOUBLE_SAVES; i++) {
        appendFileSync(file, `\nFirst${i}X: the value $\\xi_{${i}} = \\sigma(W h_{t-1})$ here.\n`);
        await new Promise((r) => setTimeout(r, 350 + ((i * 97) % 300)));
        const t0 = performance.now();
        appendFileSync(file, `\nSecond${i}X: the value $\\psi_{${i}} = \\sigma(U x_t)$ here.\n`);
        await waitInPage(typeset, `Second${i}X`);
        latencies.push(Math.round(performance.now() - t0));
        await new Promise((r) => setTimeout(r, 700));
      }
    }, DOUBLE_SAVES * (MISSED_RELOAD_MS + 2000));

    it('shows a formula KaTeX rejects over the page, at its file:line:column, until it is fixed', async () => {
      const file = path.join(site, POST);
      const good = readFileSync(file, 'utf8');
      const line = good.split('\n').length + 1;
      writeFileSync(file, `${good}\nBroken $\\frac{1$ here.\n`);
      await waitInPage(() => document.readyState === 'complete' && getComputedStyle(document.body, '::before').content.includes('hugo-prerender'), '');
      const panel = await errorPanel(browser.page);
      expect(panel).toMatch(new RegExp(`content/posts/learning-to-remember\\.md:${line}:\\d+:`));
      expect(panel).toMatch(/1 error/);
      // The rest of the page stays typeset (the rejected formula alone is left as written).
      expect(await formulaCount(browser.page)).toBeGreaterThanOrEqual(40);
      writeFileSync(file, `${good}\nFixed $\\frac{1}{2}$ here.\n`);
      // The panel gone and the fixed paragraph there, in one look: a page still loading (parsed up to
      // some paragraph before the end) has no panel yet lacks the end of the post.
      await waitInPage(
        () =>
          getComputedStyle(document.body, '::before').content === 'none' &&
          document.readyState === 'complete' &&
          [...(document.querySelector('article') ?? document.body).querySelectorAll('p')].some((p) => p.textContent?.startsWith('Fixed ') && p.querySelector('.katex') !== null),
        '',
      );
      expect(await visibleText(browser.page)).toContain('Fixed  here.');
    }, 3 * MISSED_RELOAD_MS);

    it('serves a page bundle’s replaced image: the page names the new variants, and Hugo serves them', async () => {
      // Found by an audit on Hugo 0.111 (3 of 3): Hugo rebuilt the page from its old shadow as it saw the
      // image change, dropped the new shadow's event, and kept serving HTML whose variants were removed.
      const sharp = (await import('sharp')).default;
      const dir = path.join(site, 'content/posts/pic');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'photo.png'), await sharp({ create: { width: 1160, height: 480, channels: 3, background: '#48c' } }).png().toBuffer());
      writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Pic\n---\nThe photo, with $x$:\n\n![A photo](photo.png)\n');
      const served = () => fetch(`${origin}/posts/pic/`).then((r) => (r.ok ? r.text() : ''), () => '');
      const waitFor = async (want: RegExp, what: string) => {
        const t0 = Date.now();
        for (;;) {
          const html = await served();
          if (want.test(html)) return html;
          if (Date.now() - t0 > MISSED_RELOAD_MS) throw new Error(`${what} not served within ${MISSED_RELOAD_MS} ms:\n${html.slice(html.indexOf("<picture"), html.indexOf("</picture>") + 10)}\n${logs().slice(-1500)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await waitFor(/width="1160"/, 'the new page');
      await new Promise((r) => setTimeout(r, 1500));
      appendFileSync(path.join(dir, 'index.md'), '\nEditedX: $y$.\n');
      await waitFor(/EditedX: <span class="katex/, 'the edited new page');
      await new Promise((r) => setTimeout(r, 1500));
      writeFileSync(path.join(dir, 'photo.png'), await sharp({ create: { width: 888, height: 872, channels: 3, background: '#c84' } }).png().toBuffer());
      const html = await waitFor(/width="888"/, 'the replaced image');
      // Served as Hugo keeps serving it once things settle: still the new one, every variant there.
      await new Promise((r) => setTimeout(r, 2000));
      const settled = await served();
      expect(settled).toMatch(/width="888"/);
      const urls = [...new Set([...settled.matchAll(/\/prerender\/img\/[^\s"',]+/g)].map((m) => m[0]))];
      expect(urls.length, html.slice(0, 1000)).toBeGreaterThan(1);
      for (const u of urls) expect((await fetch(origin + u)).status, u).toBe(200);
    }, 60_000);

    it('builds .prerender/ again when it is deleted, and restarts Hugo, which serves the next save typeset', async () => {
      // Found by an audit: Hugo stopped watching the deleted folder and served 500s, then the originals.
      const started = () => output.match(/Web Server is available/g)?.length ?? 0;
      const before = started();
      rmSync(path.join(site, '.prerender'), { recursive: true, force: true });
      const t0 = Date.now();
      while (started() === before) {
        if (Date.now() - t0 > 60_000) throw new Error(`Hugo was not started again:\n${logs()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toMatch(/\.prerender\/ was deleted, and is built again; restarting hugo server/);
      // The restarted Hugo read the layer: written before it started, not 650 ms after the build (a CI run
      // found Hugo started without it, serving the originals untypeset, and never watching the layer).
      const configs = [...output.matchAll(/Watching for config changes in (.*)/g)].map((m) => m[1]);
      expect(configs.length, logs()).toBeGreaterThanOrEqual(2);
      expect(configs[configs.length - 1], logs()).toContain('.prerender/serve.toml');
      for (const f of ['lock', 'watching', POST]) expect(existsSync(path.join(site, '.prerender', f)), f).toBe(true);
      appendFileSync(path.join(site, POST), '\nAfterRemakeX: the value $\\omega_{9} = 1$ here.\n');
      const served = async () => (await fetch(origin + POST_URL).then((r) => r.text(), () => '')) as string;
      const t1 = Date.now();
      for (;;) {
        const html = await served();
        if (/AfterRemakeX: the value <span class="katex/.test(html)) break;
        if (Date.now() - t1 > 30_000) throw new Error(`the save was not served typeset:\n${html.slice(-1500)}\n${logs()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }, 120_000);

    it('kept the tab alive (at most one renderer crash, which Chromium has under load)', () => {
      expect(crashes, `the tab crashed ${crashes} times:\n${tabEvents.join('\n')}`).toBeLessThanOrEqual(1);
    });

    it(`${hugo.version.startsWith('0.111') ? 'SIGTERM' : 'SIGINT (Ctrl+C)'} stops serve and Hugo, leaving no process`, async () => {
      const tree = descendantsOf(serve.pid!);
      // Hugo at least (with whatever it started).
      expect(tree.length, logs()).toBeGreaterThanOrEqual(1);
      const exited = new Promise<number | null>((r) => serve.once('exit', (code) => r(code)));
      serve.kill(hugo.version.startsWith('0.111') ? 'SIGTERM' : 'SIGINT');
      expect(await exited).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(tree.filter(alive), logs()).toEqual([]);
    }, 30_000);
  });
});
