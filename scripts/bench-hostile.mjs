// `npm run bench` (hostile part): how the build's time grows with the size of pathological pages, the
// shapes of issue "hostile input" (unclosed delimiters, alternating `$`, formulas among shortcodes,
// unknown shortcodes, emphasis runs, links, nesting). Each shape is built as a one-page site at 1×, 2×,
// 4× and 8× a base number of repetitions; the growth exponent is the slope of log(time) over log(size)
// (1 = linear, 2 = quadratic), printed per shape with the largest page's outcome. Then each shape at
// 40,000 repetitions, which must finish in under 2 s or stop with a located error naming a limit.
// Times are medians of a few in-process builds (buildSite), so process start-up does not flatten the
// curve.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSite } from '../dist/index.js';

const BASE = Number(process.env.BENCH_HOSTILE_BASE ?? 1000);
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
};

const root = mkdtempSync(path.join(tmpdir(), 'hp-bench-hostile-'));

async function buildOnce(body) {
  const site = mkdtempSync(path.join(root, 's-'));
  mkdirSync(path.join(site, 'content/posts'), { recursive: true });
  writeFileSync(path.join(site, 'hugo.toml'), 'title = "hostile"\n');
  writeFileSync(path.join(site, 'content/posts/p.md'), `---\ntitle: p\n---\n${body}\n`);
  const t0 = performance.now();
  const r = await buildSite({ source: site });
  const ms = performance.now() - t0;
  rmSync(site, { recursive: true, force: true });
  const limit = r.diagnostics.find((d) => d.code === 'limit');
  const outcome = limit ? `limit at ${limit.line}:${limit.column}` : r.failed ? 'failed' : `${r.formulas} formulas`;
  return { ms, outcome, unlocated: r.diagnostics.some((d) => d.code === 'internal') };
}

async function timed(body) {
  const runs = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    last = await buildOnce(body);
    runs.push(last.ms);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)], outcome: last.outcome, unlocated: last.unlocated };
}

/** Least-squares slope of log(ms) over log(n). */
function exponent(points) {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
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

console.log(`\nHostile pages: build time by page size (base ${BASE} repetitions, median of ${RUNS}), growth exponent, and ${BIG.toLocaleString('en')} repetitions\n`);
const w = Math.max(...Object.keys(SHAPES).map((k) => k.length));
console.log(`${'shape'.padEnd(w)}  ${[1, 2, 4, 8].map((m) => `${m}×`.padStart(8)).join('')}  exponent  ${'40,000 reps'.padStart(12)}  outcome`);
let worst = 0;
let bad = 0;
for (const [name, shape] of Object.entries(SHAPES)) {
  const points = [];
  for (const m of [1, 2, 4, 8]) points.push({ n: BASE * m, ...(await timed(shape(BASE * m))) });
  const e = exponent(points);
  worst = Math.max(worst, e);
  const big = await buildOnce(shape(BIG));
  const ok = big.ms < 2000 || big.outcome.startsWith('limit');
  if (!ok || e > 1.2 || big.unlocated) bad++;
  console.log(
    `${name.padEnd(w)}  ${points.map((p) => `${p.ms.toFixed(0)} ms`.padStart(8)).join('')}  ${e.toFixed(2).padStart(8)}  ${`${big.ms.toFixed(0)} ms`.padStart(12)}  ${big.outcome}${big.unlocated ? ' (INTERNAL ERROR)' : ''}${ok ? '' : ' (over 2 s)'}`,
  );
}
console.log(`\nworst growth exponent ${worst.toFixed(2)} (target ≤ 1.2); ${bad} shape(s) over target`);
rmSync(root, { recursive: true, force: true });
