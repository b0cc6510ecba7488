// `npm run bench:serve` (and part of `npm run bench`): how long a save takes to reach the browser under
// `hugo-prerender serve`, measured in Chromium, for each Hugo found (Debian's and .cache/hugo-sid's), on
// the example site (fixtures/site, its long post open) and on a blog of N posts generated as by
// bench-scale (one of them open). Each save appends a paragraph with a formula; the time runs from the
// write until the open tab shows that paragraph with its formula typeset (after Hugo's live reload).
// Between saves the writer pauses 0.6–1.1 s, as a person does. Printed per site and Hugo: p50, p95 and
// max, and where the time went (save → shadow written by the watcher, shadow → the browser shows it).
//   node scripts/bench-serve.mjs [--saves N] [--posts N] [--only example|scale]
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { makeSite } from './bench-scale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CHROMIUM = process.env.CHROMIUM_BIN || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HUGOS = [
  { name: 'hugo (system)', bin: 'hugo' },
  { name: 'hugo (.cache/hugo-sid)', bin: path.join(ROOT, '.cache/hugo-sid/root/usr/bin/hugo') },
]
  .map((h) => ({ ...h, version: /v(\d+\.\d+\.\d+)/.exec(spawnSync(h.bin, ['version'], { encoding: 'utf8' }).stdout ?? '')?.[1] }))
  .filter((h) => h.version);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function quantile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The example site as the tests copy it: the same relative place, so that its `../../layouts` mount holds. */
function exampleSite(base) {
  const dest = path.join(base, 'fixtures/site');
  cpSync(path.join(ROOT, 'fixtures/site'), dest, {
    recursive: true,
    filter: (p) => !/[\\/](public|resources|\.prerender|node_modules)([\\/]|$)/.test(path.relative(ROOT, p)),
  });
  symlinkSync(path.join(ROOT, 'layouts'), path.join(base, 'layouts'), 'dir');
  return { dir: dest, page: 'content/posts/learning-to-remember.md', url: '/posts/learning-to-remember/' };
}

/** A blog of `n` posts (bench-scale's), init'ed, the package's templates from this checkout. */
function scaleSite(base, n) {
  const dir = path.join(base, 'site');
  makeSite(dir, n, 'ours');
  const r = spawnSync(process.execPath, [CLI, 'init', '-s', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`init failed:\n${r.stdout}${r.stderr}`);
  const cfg = path.join(dir, 'hugo.toml');
  writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/source = "[^"]*hugo-prerender\/layouts"/, `source = "${path.join(ROOT, 'layouts')}"`));
  const mid = String(Math.floor(n / 2)).padStart(5, '0');
  return { dir, page: `content/posts/p${mid}.md`, url: `/posts/p${mid}/` };
}

/** One serve session: start, open the page, `saves` saves; the latencies. Leaves no process behind. */
async function measure(site, hugo, saves, browser) {
  const port = await freePort();
  const work = mkdtempSync(path.join(os.tmpdir(), 'hp-bench-serve-out-'));
  const args = [CLI, 'serve', '-q', '-s', site.dir, '--hugo', hugo.bin, '--', '--bind', '127.0.0.1', '--port', String(port), '--destination', path.join(work, 'public'), '--cacheDir', path.join(work, 'cache')];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: site.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  /** When Hugo ended each rebuild (its "Total in N ms" line). */
  const rebuilt = [];
  child.stdout.on('data', (b) => {
    out += b;
    if (/^Total in /m.test(String(b))) rebuilt.push(performance.now());
  });
  child.stderr.on('data', (b) => (out += b));
  const shadow = path.join(site.dir, '.prerender', site.page);
  let shadowWatcher;
  const page = await browser.newPage();
  try {
    while (!/Web Server is available/.test(out)) {
      if (child.exitCode !== null || performance.now() - t0 > 600_000) throw new Error(`serve did not start:\n${out.slice(-3000)}`);
      await sleep(50);
    }
    const startup = performance.now() - t0;
    await page.goto(`http://127.0.0.1:${port}${site.url}`);
    await sleep(1000);
    // When the shadow first holds each marker (the watcher's part of the latency).
    const shadowAt = new Map();
    let wanted;
    const look = () => {
      if (wanted && !shadowAt.has(wanted)) {
        try {
          if (readFileSync(shadow, 'utf8').includes(wanted)) shadowAt.set(wanted, performance.now());
        } catch {
          /* mid-rename */
        }
      }
    };
    shadowWatcher = watch(path.dirname(shadow), look);
    const rows = [];
    for (let i = 1; i <= saves; i++) {
      const marker = `Bench${i}Z`;
      wanted = marker;
      const s = performance.now();
      appendFileSync(path.join(site.dir, site.page), `\n${marker}: the value $\\zeta_{${i}} = \\tanh(W h_{t-1})$ here.\n`);
      await page.waitForFunction(
        (m) => [...document.querySelectorAll('p')].some((p) => p.textContent?.startsWith(`${m}:`) && p.querySelector('.katex') !== null),
        marker,
        { timeout: 60_000, polling: 10 },
      );
      const e = performance.now();
      look();
      const sh = shadowAt.get(marker);
      const hugoDone = rebuilt.find((t) => sh !== undefined && t >= sh);
      rows.push({ total: e - s, shadow: sh === undefined ? NaN : sh - s, hugo: hugoDone === undefined ? NaN : hugoDone - sh, browser: hugoDone === undefined ? NaN : e - hugoDone });
      await sleep(600 + ((i * 211) % 500));
    }
    return { startup, rows };
  } catch (e) {
    throw new Error(`${e.message}\n--- serve output (end) ---\n${out.slice(-3000)}`);
  } finally {
    shadowWatcher?.close();
    await page.close().catch(() => undefined);
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchServe({ saves = 20, posts = 1000, only } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_BIN)`);
  if (HUGOS.length === 0) throw new Error('no hugo found (apt-get install hugo; bash scripts/fetch-hugo.sh)');
  const context = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const results = [];
  try {
    for (const kind of ['example', 'scale'].filter((k) => !only || k === only)) {
      for (const hugo of HUGOS) {
        const base = mkdtempSync(path.join(os.tmpdir(), 'hp-bench-serve-'));
        try {
          const site = kind === 'example' ? exampleSite(base) : scaleSite(base, posts);
          const label = kind === 'example' ? 'example site' : `${posts} posts`;
          const { startup, rows } = await measure(site, hugo, saves, context);
          const load = os.loadavg()[0];
          results.push({ label, hugo: `${hugo.name} ${hugo.version}`, startup, rows, load });
          const r = results.at(-1);
          const sorted = r.rows.map((x) => x.total).sort((a, b) => a - b);
          console.log(`${r.label}, ${r.hugo}: p50 ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${quantile(sorted, 0.95).toFixed(0)} ms`);
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await context.close();
  }
  console.log(`\nsave → the browser shows the change (hugo-prerender serve, Chromium; ${saves} saves each)\n`);
  console.log(`| site | hugo | p50 | p95 | max | save → shadow p50 / p95 | shadow → Hugo rebuilt p50 / p95 | rebuilt → browser p50 / p95 | serve start | load average (1 min, ${os.cpus().length} CPUs) |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const q = (key) => {
      const s = r.rows.map((x) => x[key]).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
      return [quantile(s, 0.5), quantile(s, 0.95), s.at(-1)].map((x) => `${(x ?? NaN).toFixed(0)} ms`);
    };
    const [p50, p95, max] = q('total');
    const [s50, s95] = q('shadow');
    const [h50, h95] = q('hugo');
    const [b50, b95] = q('browser');
    console.log(`| ${r.label} | ${r.hugo} | ${p50} | ${p95} | ${max} | ${s50} / ${s95} | ${h50} / ${h95} | ${b50} / ${b95} | ${(r.startup / 1000).toFixed(1)} s | ${r.load.toFixed(1)} |`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { saves: { type: 'string' }, posts: { type: 'string' }, only: { type: 'string' } } });
  await benchServe({
    saves: Number(values.saves ?? process.env.BENCH_SAVES ?? 20),
    posts: Number(values.posts ?? process.env.BENCH_POSTS ?? 1000),
    only: values.only,
  });
}
