// `npm run bench` (hostile part): how the build's time grows with the size of pathological pages, the
// shapes of issue "hostile input" (unclosed delimiters, alternating `$`, formulas among shortcodes,
// unknown shortcodes, emphasis runs, links, nesting, nested brackets). Each shape is built as a one-page site at 1×, 2×,
// 4× and 8× a base number of repetitions (5,000: up to 40,000, where growth that a small base hides
// shows); the growth exponent is the slope of log(time) over log(size) (1 = linear, 2 = quadratic),
// printed per shape. The 40,000-repetition page must build in under 2 s or stop with a located error
// naming a limit. Times are medians of a few in-process builds (buildSite), so process start-up does
// not flatten the curve; the exponent is taken from the process's CPU time, which a machine shared with
// other work disturbs far less than wall time (both are printed for 40,000).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSite } from '../dist/index.js';

const BASE = Number(process.env.BENCH_HOSTILE_BASE ?? 5000);
const RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 3);
const BIG = 40_000;

/** Each shape: n repetitions → the page body. */
const SHAPES = {
  'unclosed \\(': (n) => '\\( a '.repeat(n),
  'unclosed \\[': (n) => '\\[ a '.repeat(n),
  'alternating $': (n) => Array.from({ length: n }, (_, i) => (i % 2 ? '$ a' : 'b$ ')).join(''),
  'formulas among shortcodes': (n) => Array.from({ length: n }, (_, i) => (i % 2 ? `$x_{${i}}$ ` : '{{< foo >}} ')).join(''),
  'unknown shortcodes': (n) => '{{< foo >}} '.repeat(n),
  'emphasis runs': (n) => '*a **b '.repeat(n),
  links: (n) => '[a](b "t") '.repeat(n),
  'math in links': (n) => '[$x$](u) '.repeat(n),
  'distinct formulas': (n) => Array.from({ length: n }, (_, i) => `$x_{${i}}$`).join(' '),
  'nested blockquotes': (n) => '>'.repeat(n) + ' a',
  'nested lists': (n) => Array.from({ length: Math.min(n, 5000) }, (_, i) => ' '.repeat(2 * i) + '- a').join('\n'),
  'nested brackets around a formula': (n) => `${'['.repeat(n)}$x$${']'.repeat(n)}`,
  'nested brackets, with definitions': (n) => `[a]: /u\n\n[^a]: note\n\n${'['.repeat(n)}$x$${']'.repeat(n)}`,
  // Served as <picture> (static/i.png exists) up to params.prerender.limits.shortcodes (10,000), then all left as written.
  'Markdown images': (n) => '![a](/i.png) '.repeat(n),
  // Figure references: each one a link in the shadow; unknown ones are warnings, 50 printed (the rest counted).
  'figure references': (n) => `{{< gru-cell id="fig-a" >}}\n\n${Array.from({ length: n }, (_, i) => (i % 2 ? '@fig-a' : '@fig-b')).join(' ')}`,
};
/** BENCH_HOSTILE_ONLY=<text>: only the shapes whose name holds it. */
const ONLY = process.env.BENCH_HOSTILE_ONLY;
/** A 1×1 PNG, the Markdown images' file. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const root = mkdtempSync(path.join(tmpdir(), 'hp-bench-hostile-'));

async function buildOnce(body) {
  const site = mkdtempSync(path.join(root, 's-'));
  mkdirSync(path.join(site, 'content/posts'), { recursive: true });
  writeFileSync(path.join(site, 'hugo.toml'), 'title = "hostile"\n');
  writeFileSync(path.join(site, 'content/posts/p.md'), `---\ntitle: p\n---\n${body}\n`);
  mkdirSync(path.join(site, 'static'));
  writeFileSync(path.join(site, 'static/i.png'), ONE_PIXEL_PNG);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await buildSite({ source: site });
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1000;
  rmSync(site, { recursive: true, force: true });
  const limit = r.diagnostics.find((d) => d.code === 'limit');
  const outcome = limit ? `limit at ${limit.line}:${limit.column}` : r.failed ? 'failed' : `${r.formulas} formulas`;
  return { ms, cpu, outcome, unlocated: r.diagnostics.some((d) => d.code === 'internal') };
}

async function timed(body) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await buildOnce(body));
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const last = runs[runs.length - 1];
  return { ms: median('ms'), cpu: median('cpu'), outcome: last.outcome, unlocated: last.unlocated };
}

/** Least-squares slope of log(CPU ms) over log(n). */
function exponent(points) {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(Math.max(p.cpu, 1)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

// Warm up the renderer (KaTeX, micromark) so that the first size does not pay for it.
await buildOnce('$x$ warm-up');

console.log(`\nHostile pages: CPU time by page size (base ${BASE} repetitions, median of ${RUNS}), growth exponent, and ${BIG.toLocaleString('en')} repetitions (wall and CPU)\n`);
const w = Math.max(...Object.keys(SHAPES).map((k) => k.length));
console.log(`${'shape'.padEnd(w)}  ${[1, 2, 4, 8].map((m) => `${m}×`.padStart(9)).join('')}  exponent  ${'40,000 wall'.padStart(12)}  ${'CPU'.padStart(8)}  outcome`);
let worst = 0;
let bad = 0;
for (const [name, shape] of Object.entries(SHAPES).filter(([name]) => !ONLY || name.includes(ONLY))) {
  const points = [];
  for (const m of [1, 2, 4, 8]) points.push({ n: BASE * m, ...(await timed(shape(BASE * m))) });
  const e = exponent(points);
  worst = Math.max(worst, e);
  const big = points.find((p) => p.n === BIG) ?? (await timed(shape(BIG)));
  const ok = big.ms < 2000 || big.outcome.startsWith('limit');
  if (!ok || e > 1.2 || big.unlocated) bad++;
  console.log(
    `${name.padEnd(w)}  ${points.map((p) => `${p.cpu.toFixed(0)} ms`.padStart(9)).join('')}  ${e.toFixed(2).padStart(8)}  ${`${big.ms.toFixed(0)} ms`.padStart(12)}  ${`${big.cpu.toFixed(0)} ms`.padStart(8)}  ${big.outcome}${big.unlocated ? ' (INTERNAL ERROR)' : ''}${ok ? '' : ' (over 2 s)'}`,
  );
}
console.log(`\nworst growth exponent ${worst.toFixed(2)} (target ≤ 1.2); ${bad} shape(s) over target`);
rmSync(root, { recursive: true, force: true });
