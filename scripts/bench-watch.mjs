// The watch part of `npm run bench`: on a blog of N posts generated from the seed post (as
// bench-scale.mjs makes them), `hugo-prerender watch` runs while one post after another is saved with
// a new formula; per save, the time from the save (the source's mtime) to the shadow written (its
// mtime) and the build the watcher ran for it (the "… ms" of its summary line). Prints p50, p95, max.
//   node scripts/bench-watch.mjs [posts] [saves]   (default 1000 posts, 25 saves)
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSite } from './bench-scale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');

/** The value at fraction q of the sorted values (nearest rank). */
function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

export async function benchWatch(posts = 1000, saves = 25) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'hp-bench-watch-'));
  const site = path.join(base, 'site');
  let child;
  try {
    makeSite(site, posts, 'ours');
    const cfg = path.join(site, 'hugo.toml');
    await new Promise((resolve, reject) => {
      const p = spawn('node', [CLI, 'init', '-s', site], { stdio: 'ignore' });
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`init exited ${code}`))));
    });
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/source = "[^"]*hugo-prerender\/layouts"/, `source = "${path.join(ROOT, 'layouts')}"`));
    child = spawn('node', [CLI, 'watch', '-q', '-s', site], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const waiters = [];
    child.stdout.on('data', (d) => {
      out += d;
      for (const w of waiters.splice(0)) w();
    });
    /** Resolves with the first match of `re` in the output after `from`. */
    const waitFor = (re, from) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = re.exec(out.slice(from));
          if (m) return resolve(m);
          if (child.exitCode !== null) return reject(new Error(`watch exited:\n${out.slice(-2000)}`));
          waiters.push(check);
        };
        check();
      });
    const t0 = performance.now();
    await waitFor(/watching for changes/, 0);
    const firstBuild = (performance.now() - t0) / 1000;
    const endToEnd = [];
    const builds = [];
    for (let i = 0; i < saves; i++) {
      const name = `p${String((i * 37) % posts).padStart(5, '0')}.md`;
      const source = path.join(site, 'content/posts', name);
      const shadow = path.join(site, '.prerender/content/posts', name);
      const from = out.length;
      appendFileSync(source, `\nEdit ${i}: $e_{${i}} = ${i}$\n`);
      const m = await waitFor(new RegExp(`changed: content/posts/${name}\\n[^]*?hugo-prerender: .*, (\\d+) ms\\n`), from);
      const saved = statSync(source).mtimeMs;
      const written = statSync(shadow).mtimeMs;
      if (!readFileSync(shadow, 'utf8').includes(`Edit ${i}:`)) throw new Error(`${name}: the shadow does not have the edit`);
      endToEnd.push(written - saved);
      builds.push(Number(m[1]));
      // Past the watcher's settle rewrite (650 ms after a change), so saves do not overlap.
      await new Promise((r) => setTimeout(r, 900));
    }
    const row = (label, v) =>
      console.log(`| ${posts} | ${label} | ${quantile(v, 0.5).toFixed(0)} ms | ${quantile(v, 0.95).toFixed(0)} ms | ${Math.max(...v).toFixed(0)} ms |`);
    const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
    console.log(`\nwatch on ${posts} posts: first build ${firstBuild.toFixed(1)} s, then ${saves} saves, one post each (load average ${load})`);
    console.log('| posts | from → to | p50 | p95 | max |');
    console.log('|---|---|---|---|---|');
    row('save → shadow written (mtimes)', endToEnd);
    row('the build the watcher ran (its summary)', builds);
    return { endToEnd, builds };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [posts, saves] = process.argv.slice(2).map(Number);
  await benchWatch(posts || Number(process.env.BENCH_POSTS ?? 1000), saves || 25);
}
