// `npm run fuzz`: the long fuzz run (issue 14). FUZZ_RUNS pages (100,000 by default) in batches of
// FUZZ_BATCH (500), each batch drawn with seed FUZZ_SEED + its number and checked by tests/fuzz/batch.ts
// (parsePage page by page; buildSite in this process; the CLI in another, whose shadows must be the same
// bytes; real Hugo, each version found, on the CLI's site), FUZZ_WORKERS batches at a time (2) in worker
// threads. Prints a line per batch and the totals; findings (page texts) go to test-artifacts/fuzz/.
// `npm test` runs the same properties on a few hundred pages (tests/fuzz/fuzz.test.ts).
//   FUZZ_SEED=<seed of a batch> FUZZ_RUNS=<its size> FUZZ_BATCH=<its size> npm run fuzz   replays one batch.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { esbuildMicromarkLinear } from './micromark-linear-plugin.mjs';
import { esbuildShortcodes } from './shortcodes-plugin.mjs';
import { esbuildKatex } from './katex-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const BATCH = Math.min(Number(process.env.FUZZ_BATCH ?? 500), RUNS);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 2);
/** Stop starting batches after this many minutes (the totals then say how far the run got). */
const MINUTES = Number(process.env.FUZZ_MINUTES ?? Infinity);
const outDir = path.join(root, 'test-artifacts/fuzz');

// The Hugo versions the tests use (tests/helpers/hugo.ts): Debian's on PATH and sid's in .cache/.
const hugo = [];
for (const [name, bin] of [['hugo (system)', 'hugo'], ['hugo (sid)', path.join(root, '.cache/hugo-sid/root/usr/bin/hugo')]]) {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  const m = /v(\d+\.\d+\.\d+)/.exec(r.stdout ?? '');
  if (m) hugo.push({ name: `${name} ${m[1]}`, bin, version: m[1] });
  else console.error(`fuzz: ${name} (${bin}) not found: its property is not checked`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'hp-fuzz-run-'));
// The CLI as it is now, copied: a run takes minutes, and `npm run bundle` meanwhile rewrites dist/ (it
// deletes cli.js first), which made a batch's CLI fail to load and every page of it a finding.
cpSync(path.join(root, 'dist'), path.join(work, 'dist'), { recursive: true });
const cli = path.join(work, 'dist/cli.js');
// The bundle lives in the project, where it finds KaTeX's files in node_modules (as dist/ does).
const bundleDir = path.join(root, 'node_modules/.cache/hugo-prerender-fuzz');
mkdirSync(bundleDir, { recursive: true });
const bundle = path.join(bundleDir, 'batch.mjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const katexVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/katex/package.json'), 'utf8')).version;
await build({
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  entryPoints: [path.join(root, 'tests/fuzz/batch.ts')],
  outfile: bundle,
  // The bundle's plugins (scripts/build.mjs), so that the fuzz runs the code users run: KaTeX patched too.
  plugins: [esbuildShortcodes(), esbuildMicromarkLinear(), esbuildKatex()],
  external: ['sharp'],
  define: { __PKG_VERSION__: JSON.stringify(pkg.version), __KATEX_VERSION__: JSON.stringify(katexVersion) },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const workerFile = path.join(bundleDir, 'worker.mjs');
writeFileSync(
  workerFile,
  `import { parentPort, workerData } from 'node:worker_threads';
import { runBatch } from ${JSON.stringify(bundle)};
parentPort.on('message', async (seed) => {
  try {
    parentPort.postMessage(await runBatch({ ...workerData, seed, root: workerData.root + '/b' + seed }));
  } catch (e) {
    parentPort.postMessage({ seed, pages: 0, hugoPages: {}, plainRejected: {}, compared: 0, findings: [{ seed, index: -1, property: 'batch', message: String(e && e.stack || e) }], ms: 0 });
  }
});
`,
);

const batches = Math.ceil(RUNS / BATCH);
const seeds = Array.from({ length: batches }, (_, b) => SEED + b);
const t0 = Date.now();
const load0 = os.loadavg()[0];
const totals = { pages: 0, compared: 0, hugoPages: {}, plainRejected: {}, findings: [] };
const loads = [];
console.log(`fuzz: ${RUNS.toLocaleString('en')} pages in ${batches} batches of ${BATCH}, seeds ${SEED}–${SEED + batches - 1}, ${WORKERS} workers, Hugo: ${hugo.map((h) => h.version).join(', ') || 'none'}; load ${load0.toFixed(1)}`);
await new Promise((resolve) => {
  let next = 0;
  let running = 0;
  const workers = [];
  const feed = (w) => {
    if (next >= seeds.length || (Date.now() - t0) / 60000 > MINUTES) {
      w.terminate();
      if (--running === 0) resolve();
      return;
    }
    w.postMessage(seeds[next++]);
  };
  for (let i = 0; i < Math.min(WORKERS, batches); i++) {
    const w = new Worker(workerFile, { workerData: { size: BATCH, cli, hugo, outDir, projectRoot: root, root: path.join(work, `w${i}`) } });
    running++;
    w.on('message', (r) => {
      totals.pages += r.pages;
      totals.compared += r.compared;
      for (const [k, v] of Object.entries(r.hugoPages)) totals.hugoPages[k] = (totals.hugoPages[k] ?? 0) + v;
      for (const [k, v] of Object.entries(r.plainRejected)) totals.plainRejected[k] = (totals.plainRejected[k] ?? 0) + v;
      totals.findings.push(...r.findings);
      loads.push(os.loadavg()[0]);
      const min = (Date.now() - t0) / 60000;
      console.log(
        `batch seed ${r.seed}: ${r.pages} pages, ${(r.ms / 1000).toFixed(1)} s (${Object.entries(r.phases ?? {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}), Hugo ${Object.values(r.hugoPages).join('/')} pages, ${r.findings.length} finding(s); ` +
          `total ${totals.pages.toLocaleString('en')} pages, ${totals.findings.length} finding(s), ${min.toFixed(1)} min, load ${os.loadavg()[0].toFixed(1)}`,
      );
      for (const f of r.findings) console.log(`  FIND seed ${f.seed} page ${f.index} [${f.property}] ${f.message.split('\n')[0].slice(0, 300)}${f.file ? ` (${path.relative(root, f.file)})` : ''}`);
      feed(w);
    });
    w.on('error', (e) => {
      console.error(`fuzz: worker ${i} died: ${e.stack ?? e}`);
      totals.findings.push({ seed: -1, index: -1, property: 'batch', message: String(e) });
      if (--running === 0) resolve();
    });
    feed(w);
  }
});
rmSync(work, { recursive: true, force: true });
const by = (p) => totals.findings.filter((f) => f.property === p).length;
const meanLoad = loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length);
const lastSeed = SEED + Math.ceil(totals.pages / BATCH) - 1;
console.log(
  `\nfuzz: ${totals.pages.toLocaleString('en')} pages${totals.pages < RUNS ? ` of ${RUNS.toLocaleString('en')} (FUZZ_MINUTES=${MINUTES} reached)` : ''}, seeds ${SEED}–${lastSeed} (batches of ${BATCH}), ${((Date.now() - t0) / 60000).toFixed(1)} min, load average ${meanLoad.toFixed(1)} (1-min, mean over batches)\n` +
    `  parse: ${by('parse')} finding(s); prerender (crash, internal or unlocated error, shadow Hugo cannot lex): ${by('prerender')}; ` +
    `nondeterministic shadows: ${by('determinism')} (of ${totals.compared.toLocaleString('en')} compared); Hugo failures: ${by('hugo')}; batch problems: ${by('batch')}\n` +
    `  Hugo built ${Object.entries(totals.hugoPages).map(([k, v]) => `${v.toLocaleString('en')} pages with ${k}`).join(', ')} (plain Hugo rejected ${Object.entries(totals.plainRejected).map(([k, v]) => `${v} with ${k}`).join(', ')})`,
);
if (totals.findings.length > 0) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'findings.json'), JSON.stringify(totals.findings, null, 2));
  console.log(`  findings: ${path.relative(root, path.join(outDir, 'findings.json'))}`);
  process.exitCode = 1;
}
