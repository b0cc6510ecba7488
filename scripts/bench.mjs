// `npm run bench`: how long a default gradient-decay figure takes to compute, uncached and cached, as
// ratios to a baseline measured in the same run on the same machine (1000 products of 32×32 matrices),
// so the numbers mean something across machines. Absolute times are printed for information only.
// The baseline kernel is frozen here (the package's matmul as of the first bench): the yardstick must
// not move when the package's own kernels get faster.
import { performance } from 'node:perf_hooks';
import {
  cachedGradientDecay,
  clearGradientDecayCache,
  gaussianMatrix,
  getShortcode,
  gradientDecay,
  gradientDecayConfig,
  rngFromKey,
  zeros,
} from '../dist/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of `fn` in ms over `runs` runs, after `warm` unmeasured runs. */
function time(fn, runs = RUNS, warm = 2) {
  for (let i = 0; i < warm; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

// The experiment exactly as `{{< gradient-decay >}}` runs it: every parameter at its documented default.
const def = getShortcode('gradient-decay');
const p = Object.fromEntries(Object.entries(def.params).map(([k, s]) => [k, s.default]));
const config = (over = {}) => ({ ...gradientDecayConfig(p), ...over });

/**
 * The yardstick: the package's `matmul` as it was when the bench was written (one row of C per pass, four
 * k at a time), copied verbatim and called the same way, so that the baseline measures what it always
 * measured.
 */
function baselineMatmul(a, b, out) {
  if (a.cols !== b.rows) throw new RangeError(`cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const n = a.rows;
  const m = a.cols;
  const p = b.cols;
  const c = out ?? zeros(n, p);
  if (c.rows !== n || c.cols !== p) throw new RangeError('output matrix has the wrong size');
  const A = a.data;
  const B = b.data;
  const C = c.data;
  C.fill(0);
  const m4 = m - (m % 4);
  for (let i = 0; i < n; i++) {
    const ci = i * p;
    const ai = i * m;
    for (let k = 0; k < m4; k += 4) {
      const a0 = A[ai + k];
      const a1 = A[ai + k + 1];
      const a2 = A[ai + k + 2];
      const a3 = A[ai + k + 3];
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) C[ci + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
    }
    for (let k = m4; k < m; k++) {
      const aik = A[ai + k];
      const bk = k * p;
      for (let j = 0; j < p; j++) C[ci + j] += aik * B[bk + j];
    }
  }
  return c;
}

const rng = rngFromKey('bench');
const a = gaussianMatrix(32, 32, rng);
const b = gaussianMatrix(32, 32, rng);
const out = zeros(32, 32);
const baselineRun = () => {
  for (let i = 0; i < 1000; i++) baselineMatmul(a, b, out);
};
const baselineTimes = [];

/**
 * Median wall time of one call of `fn` in ms, and the median of its ratios to a baseline run made just
 * before each measured run: other processes can change the machine's speed during the bench, rarely
 * within one pair of runs. Each run times `reps` calls (for calls too quick to time one by one). The
 * `warm` unmeasured runs let V8 finish optimising (on a busy machine its compiler thread lags behind).
 */
function measure(fn, { runs = RUNS, warm = 5, reps = 1 } = {}) {
  for (let i = 0; i < warm; i++) {
    baselineRun();
    fn();
  }
  const t = [];
  const r = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    baselineRun();
    const tb = performance.now() - t0;
    t0 = performance.now();
    for (let j = 0; j < reps; j++) fn();
    const tf = (performance.now() - t0) / reps;
    baselineTimes.push(tb);
    t.push(tf);
    r.push(tf / tb);
  }
  return { ms: median(t), ratio: median(r) };
}

const ctx = () => ({
  name: 'gradient-decay',
  params: { ...p },
  rawParams: {},
  page: { absPath: '/bench/content/post.md', relPath: 'content/post.md', frontMatter: {} },
  site: { dir: '/bench', staticDirs: ['/bench/static'], assetsDir: '/bench/assets' },
  idPrefix: 'hp-bench',
  math: (tex) => tex,
  markdown: (md) => md,
  plainText: (md) => md,
  error: (m) => {
    throw new Error(m);
  },
  warn: () => {},
});

const rows = [];
const row = (name, m) => rows.push({ name, ...m });
const def0 = config();
row('gradient-decay default, computed', measure(() => gradientDecay(def0)));
clearGradientDecayCache();
cachedGradientDecay(def0);
row('gradient-decay default, cached (2nd call)', measure(() => cachedGradientDecay(def0), { reps: 200 }));
row(
  'gradient-decay default, full render uncached',
  measure(() => {
    clearGradientDecayCache();
    def.render(ctx());
  }),
);
def.render(ctx());
row('gradient-decay default, full render cached', measure(() => def.render(ctx()), { reps: 50 }));
for (const models of [['lstm'], ['gru'], ['rnn', 'lstm']]) {
  const c = config({ models });
  row(`model=${models.join(',')}, computed`, measure(() => gradientDecay(c), { runs: Math.max(3, Math.floor(RUNS / 2)) }));
}
const baseline = median(baselineTimes);
rows.unshift({ name: 'baseline: 1000 × matmul 32×32', ms: baseline, ratio: 1 });

const w = Math.max(...rows.map((r) => r.name.length));
console.log(
  `hugo-prerender bench (median of ${RUNS} runs; ratio = median of time / the baseline run just before it, same machine, same run)\n`,
);
console.log(`${'case'.padEnd(w)}  ${'ratio'.padStart(9)}  ${'ms'.padStart(9)}`);
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.ratio.toFixed(3).padStart(9)}  ${r.ms.toFixed(2).padStart(9)}`);
const computed = rows[1].ms;
const cached = rows[2].ms;
console.log(`\ncached / computed: ${(cached / computed).toExponential(2)} (the cache answers ${Math.round(computed / cached)}× faster)`);

// ---------------------------------------------------------------------------------------------------
// The whole pipeline on a site of many math-heavy pages (the example post, copied): a cold build (empty
// .prerender/), a warm one (every fragment on disk: cache hits), against the least any Markdown tool must
// do with those pages: parse them with remark-parse. Peak memory is the process's max RSS.
import { cpSync, mkdtempSync, readFileSync as readFile, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../dist/index.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const PAGES = Number(process.env.BENCH_PAGES ?? 40);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const siteDir = mkdtempSync(path.join(tmpdir(), 'hp-bench-site-'));
try {
  cpSync(path.join(root, 'fixtures/site'), siteDir, {
    recursive: true,
    filter: (p) => !/[\\/](\.prerender|public|resources)([\\/]|$)/.test(p),
  });
  const post = readFile(path.join(siteDir, 'content/posts/learning-to-remember.md'), 'utf8');
  // Each copy differs in one formula, so each page has work of its own as well as shared fragments.
  for (let i = 0; i < PAGES; i++) {
    writeFileSync(path.join(siteDir, `content/posts/copy-${i}.md`), post.replace('$\\theta$', `$\\theta_{${i}}$`));
  }
  const sources = Array.from({ length: PAGES }, (_, i) => readFile(path.join(siteDir, `content/posts/copy-${i}.md`), 'utf8'));
  const parser = unified().use(remarkParse);
  const PRUNS = 3;
  const parse = time(() => {
    for (const s of sources) parser.parse(s);
  }, PRUNS, 1);
  const cold = [];
  const warm = [];
  let last;
  for (let i = 0; i < PRUNS; i++) {
    rmSync(path.join(siteDir, '.prerender'), { recursive: true, force: true });
    let t0 = performance.now();
    last = await buildSite({ source: siteDir });
    cold.push(performance.now() - t0);
    t0 = performance.now();
    last = await buildSite({ source: siteDir });
    warm.push(performance.now() - t0);
  }
  const pipeline = [
    { name: `baseline: remark-parse ${PAGES + 1} pages`, ms: parse },
    { name: `build, cold (${last.formulas} formulas, ${last.shortcodes + last.figures} shortcodes)`, ms: median(cold) },
    { name: `build, warm (${last.cacheHits} cache hits)`, ms: median(warm) },
  ];
  console.log(`\npipeline on ${PAGES + 1} pages (median of ${PRUNS} runs; ratio = time / remark-parse of the same pages)\n`);
  for (const r of pipeline) {
    console.log(`${r.name.padEnd(w)}  ${(r.ms / parse).toFixed(2).padStart(9)}  ${r.ms.toFixed(1).padStart(9)}`);
  }
  console.log(`\nwarm / cold: ${(median(warm) / median(cold)).toFixed(3)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(siteDir, { recursive: true, force: true });
}

// Responsive images: our pipeline against @11ty/eleventy-img (scripts/bench-images.mjs).
await import('./bench-images.mjs');
