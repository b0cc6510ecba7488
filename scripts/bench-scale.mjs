// The scale part of `npm run bench`: a blog of N posts generated from the seed post (fixtures/seed), each
// of its formulas made distinct per post (`$x$` → `$x + 7$` in post 7), so that no formula is shared
// between posts. In one run, for each Hugo found (Debian's and .cache/hugo-sid's): plain `hugo` on the raw
// posts, `hugo-prerender build` cold (.prerender/ removed) and warm (nothing changed), and `hugo` on the
// prerendered site; wall time, ratio to plain Hugo, and peak resident memory (GNU time's %M).
//   node scripts/bench-scale.mjs [posts…]   (default: BENCH_POSTS or 1000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEED = readFileSync(path.join(ROOT, 'fixtures/seed/learning_to_remember.md'), 'utf8');
const HUGOS = [
  { name: 'hugo (system)', bin: 'hugo' },
  { name: 'hugo (.cache/hugo-sid)', bin: path.join(ROOT, '.cache/hugo-sid/root/usr/bin/hugo') },
].filter((h) => h.bin === 'hugo' ? spawnSync('hugo', ['version']).status === 0 : existsSync(h.bin));

/** Post `i`: the seed with each `$…$` made distinct, a title of its own. */
function post(i) {
  return SEED.replace(/^title = '([^']*)'/m, `title = '$1 (${i})'`).replace(/(?<!\\)\$([^$\n]+)\$/g, (_, tex) => `$${tex} + ${i}$`);
}

/** The site; `ours`: its layouts call the package's partials (the raw site uses Hugo's own). */
export function makeSite(dir, posts, ours) {
  const head = ours ? '{{ partial "prerender/head.html" . }}' : '';
  const title = ours ? '{{ partial "prerender/title.html" . }}' : '{{ .Title }}';
  const toc = ours ? '{{ partial "prerender/toc.html" . }}' : '{{ .TableOfContents }}';
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term"]\n');
  writeFileSync(
    path.join(dir, 'layouts/_default/single.html'),
    `<!doctype html><html><head><title>{{ .Title }}</title>${head}</head><body><h1>${title}</h1>${toc}{{ .Content }}</body></html>\n`,
  );
  writeFileSync(
    path.join(dir, 'layouts/_default/list.html'),
    `<!doctype html><html><head>${head}</head><body>{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}</body></html>\n`,
  );
  for (let i = 0; i < posts; i++) writeFileSync(path.join(dir, `content/posts/p${String(i).padStart(5, '0')}.md`), post(i));
}

/** Wall seconds and peak RSS (MB) of one command. */
function run(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = (performance.now() - t0) / 1000;
  const lines = r.stderr.trim().split('\n');
  const kb = Number(lines[lines.length - 1]);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { s, mb: kb / 1024, stdout: r.stdout };
}

export function benchScale(sizes) {
  const rows = [];
  for (const n of sizes) {
    const base = mkdtempSync(path.join(os.tmpdir(), 'hp-bench-'));
    try {
      const raw = path.join(base, 'raw');
      makeSite(raw, n, false);
      const site = path.join(base, 'site');
      makeSite(site, n, true);
      run('node', [CLI, 'init', '-s', site], base);
      // The package's templates from this checkout (init points at node_modules/hugo-prerender otherwise).
      const cfg = path.join(site, 'hugo.toml');
      writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/source = "[^"]*hugo-prerender\/layouts"/, `source = "${path.join(ROOT, 'layouts')}"`));
      const cold = run('node', [CLI, 'build', '-s', site], base);
      const warm = run('node', [CLI, 'build', '-s', site], base);
      const summary = (r) => r.stdout.trim().split('\n').pop();
      rows.push({ n, step: 'prerender cold', ...cold, note: summary(cold) });
      rows.push({ n, step: 'prerender warm', ...warm, note: summary(warm) });
      for (const h of HUGOS) {
        const plain = run(h.bin, ['--quiet', '-d', path.join(base, 'out-raw')], raw);
        const pre = run(h.bin, ['--quiet', '-d', path.join(base, 'out-pre')], site);
        rows.push({ n, step: `${h.name} plain`, ...plain, plain: plain.s, hugo: h.name });
        rows.push({ n, step: `${h.name} on prerendered site`, ...pre, plain: plain.s, hugo: h.name });
      }
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
  console.log('\n| posts | step | wall | × plain Hugo | peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const plains = rows.filter((x) => x.n === r.n && x.step.endsWith(' plain')).map((x) => `${(r.s / x.s).toFixed(2)}× ${x.hugo}`);
    const ratio = r.plain !== undefined ? `${(r.s / r.plain).toFixed(2)}×` : plains.join(', ');
    console.log(`| ${r.n} | ${r.step} | ${r.s.toFixed(2)} s | ${ratio} | ${r.mb.toFixed(0)} MB |`);
  }
  for (const r of rows) if (r.note) console.log(`${r.n} posts, ${r.step}: ${r.note}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_POSTS ?? '1000').split(',')).map(Number);
  benchScale(sizes);
}
