// The scale part of `npm run bench` (issue 9): a blog of N posts generated from the seed post (fixtures/seed),
// each of its formulas made distinct per post (`$x$` → `$x + 7$` in post 7), so that no formula is shared
// between posts. In one run, for each size:
//   - `hugo-prerender build` cold (no .prerender/), with --jobs 1 and with the number of cores (at least 2;
//     BENCH_JOBS=1,2,4 for others; the one that is the command's default runs without --jobs, as a user's
//     build does), and warm (nothing changed, the default --jobs);
//   - for each Hugo found (Debian's on PATH, .cache/hugo-sid's): plain `hugo` on the raw posts, and `hugo` on
//     the prerendered site (the package's partials in its layouts), and on a copy of it whose templates do
//     none of our work (the floor: what the published pages cost Hugo, see makeFloor);
//   - Hugo's own math on Hugo 0.141+ (goldmark passthrough + transform.ToMath in a render hook), cold
//     (--ignoreCache), the alternative to prerendering: one run.
// All but the last in BENCH_REPEAT rounds (each step once a round), the best of the rounds kept for each.
// Each step: wall time, CPU time (user + system: what the step costs, steadier than wall time on a shared
// machine) and peak resident memory (GNU time's %M; the prerender's worker threads are in its process).
//   node scripts/bench-scale.mjs [posts…]   (default: BENCH_POSTS or 1000,3000; BENCH_REPEAT or 3)
// The prerender runs on the Node that runs this script (`/path/to/node24 scripts/bench-scale.mjs` for another).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEED = readFileSync(path.join(ROOT, 'fixtures/seed/learning_to_remember.md'), 'utf8');

function hugoVersion(bin) {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /v(\d+)\.(\d+)\.(\d+)/.exec(r.stdout) : null;
  return m ? { text: `${m[1]}.${m[2]}.${m[3]}`, minor: Number(m[1]) * 1000 + Number(m[2]) } : null;
}
const HUGOS = [
  { bin: 'hugo', where: 'system' },
  { bin: path.join(ROOT, '.cache/hugo-sid/root/usr/bin/hugo'), where: '.cache/hugo-sid' },
]
  .filter((h) => h.bin === 'hugo' || existsSync(h.bin))
  .map((h) => ({ ...h, version: hugoVersion(h.bin) }))
  .filter((h) => h.version !== null)
  .map((h) => ({ ...h, name: `Hugo ${h.version.text}` }));

/** Post `i`: the seed with each `$…$` made distinct, a title of its own. */
function post(i) {
  return SEED.replace(/^title = '([^']*)'/m, `title = '$1 (${i})'`).replace(/(?<!\\)\$([^$\n]+)\$/g, (_, tex) => `$${tex} + ${i}$`);
}

/**
 * The site. `kind`: 'raw' (Hugo's own .Title and .TableOfContents), 'ours' (the package's partials), or
 * 'tomath' (Hugo's passthrough + transform.ToMath).
 */
export function makeSite(dir, posts, kind) {
  const ours = kind === 'ours';
  const head = ours ? '{{ partial "prerender/head.html" . }}' : '';
  const title = ours ? '{{ partial "prerender/title.html" . }}' : '{{ .Title }}';
  const toc = ours ? '{{ partial "prerender/toc.html" . }}' : '{{ .TableOfContents }}';
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  mkdirSync(path.join(dir, 'layouts/_default/_markup'), { recursive: true });
  let config = 'baseURL = "https://example.org/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term"]\n';
  if (kind === 'tomath') {
    config +=
      '[markup.goldmark.extensions.passthrough]\nenable = true\n' +
      "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\ninline = [['\\(', '\\)'], ['$', '$']]\n";
    // A formula KaTeX rejects is shown as its TeX (the prerender warns about such formulas instead of failing too).
    writeFileSync(
      path.join(dir, 'layouts/_default/_markup/render-passthrough.html'),
      '{{- with try (transform.ToMath .Inner (dict "output" "htmlAndMathml" "displayMode" (eq .Type "block"))) }}' +
        '{{ with .Err }}<code>{{ $.Inner }}</code>{{ else }}{{ .Value }}{{ end }}{{ end -}}\n',
    );
  }
  writeFileSync(path.join(dir, 'hugo.toml'), config);
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

/**
 * The floor of "Hugo on the prerendered site": a copy of the prerendered site (the same shadows, the same
 * .prerender/) whose templates do none of hugo-prerender's work: the page's own .Title and
 * .TableOfContents, no head partial, and fragment shortcodes that print their inner content without the
 * staleness check. What Hugo costs for the pages as they are published, whatever our templates do.
 * The fragment shortcodes replace the package's own in a copy of its layouts mounted where init mounted them,
 * not in the site's layouts/: Hugo 0.111.3 takes a template from the last of the mounts that has it
 * (0.169.0 from the first), so there the package's templates would win over the site's, and the floor
 * would run the staleness check after all (it did until session 19).
 */
function makeFloor(site, floor) {
  cpSync(site, floor, { recursive: true });
  writeFileSync(
    path.join(floor, 'layouts/_default/single.html'),
    '<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</body></html>\n',
  );
  writeFileSync(path.join(floor, 'layouts/_default/list.html'), '<!doctype html><html><head></head><body>{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}</body></html>\n');
  const config = path.join(floor, 'hugo.toml');
  const text = readFileSync(config, 'utf8');
  const mount = /^source = "([^"\n]*)"$/gm;
  const ours = [...text.matchAll(mount)].filter((m) => path.resolve(floor, m[1]) === path.join(ROOT, 'layouts'));
  if (ours.length !== 1) throw new Error(`the floor: expected one mount of ${ROOT}/layouts in ${config}, found ${ours.length}`);
  // The package's templates, with the fragment shortcodes replaced (any other the shadows used would still be found).
  const layouts = path.join(floor, 'floor-layouts');
  cpSync(path.join(ROOT, 'layouts'), layouts, { recursive: true });
  writeFileSync(path.join(layouts, 'shortcodes/prerender-nofeed.html'), '{{- .Inner -}}\n');
  writeFileSync(path.join(layouts, 'shortcodes/prerender.html'), '{{- index (split .Inner "<!--hugo-prerender:feed-->") 0 | safeHTML -}}\n');
  writeFileSync(path.join(layouts, 'shortcodes/prerender-page.html'), '{{- $_ := .Inner -}}\n');
  // A guard that the floor's templates are the ones Hugo runs: one original changed since it was prerendered,
  // and stale shadows an error, so that Hugo fails on the floor if our staleness check runs there.
  writeFileSync(config, `${text.replace(ours[0][0], 'source = "floor-layouts"')}\n[params.prerender]\nstale = "error"\n`);
  const original = path.join(floor, 'content/posts/p00000.md');
  writeFileSync(original, `${readFileSync(original, 'utf8')}\nChanged after the prerender (the bench's floor guard).\n`);
}

/** Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one command. */
function run(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const lines = r.stderr.trim().split('\n');
  const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number);
  return { s, cpu: user + sys, mb: kb / 1024, stdout: r.stdout };
}

/** The best (least wall, least CPU, least memory) of several runs of the same step. */
function best(runs) {
  return { s: Math.min(...runs.map((r) => r.s)), cpu: Math.min(...runs.map((r) => r.cpu)), mb: Math.min(...runs.map((r) => r.mb)), stdout: runs[0].stdout };
}

const fmt = (x, unit) => `${x.toFixed(2)}${unit}`;

/** The --jobs of the cold builds: BENCH_JOBS, or 1 and the number of cores (at least 2, to show a worker thread). */
const JOBS = (process.env.BENCH_JOBS ?? `1,${Math.max(2, os.availableParallelism())}`).split(',').map(Number);
/** The command's default --jobs (as HUGO_PRERENDER_JOBS or the cores make it): the cold build that "prerender + Hugo" counts, if measured. */
const { defaultJobs } = await import(path.join(ROOT, 'dist/index.js'));
const DEFAULT = defaultJobs();
const DEFAULT_JOBS = JOBS.includes(DEFAULT) ? DEFAULT : JOBS.at(-1);

/** What the run cannot time with the Hugos found, said before it starts rather than left out of the table. */
function checkHugos() {
  const get = "`apt-get install hugo` for Debian's, `bash scripts/fetch-hugo.sh` for the newest Hugo Debian ships, into .cache/hugo-sid (.ci/run runs both)";
  if (HUGOS.length === 0) {
    console.error(`bench-scale: no Hugo found, and every ratio is against plain Hugo: ${get}`);
    process.exit(1);
  }
  const missing = [];
  if (!HUGOS.some((h) => h.where === 'system')) missing.push('no `hugo` on PATH');
  if (!HUGOS.some((h) => h.where === '.cache/hugo-sid')) missing.push('no .cache/hugo-sid/root/usr/bin/hugo');
  if (missing.length) console.error(`bench-scale: ${missing.join(', ')}: timing ${HUGOS.map((h) => h.name).join(' and ')} only (${get})`);
  if (!HUGOS.some((h) => h.version.minor >= 141)) console.error(`bench-scale: no Hugo 0.141 or newer: Hugo's own math (passthrough + transform.ToMath) is not timed (${get})`);
}

export function benchScale(sizes, repeat) {
  checkHugos();
  const rows = [];
  const started = new Date();
  // Nothing is deleted until the end: a cold build's `.prerender/` of the round before is moved aside, and each
  // size's directory is kept. On a file system that checks every free inode it might hand out for having been
  // freed in the last minute or so (ext4 without a journal, as on the machine of the README's figures: its
  // `recently_deleted`), deleting thousands of files and then creating as many made each new file cost up to
  // a millisecond of kernel CPU, and 0.5–0.8 s of a 1000-post cold build was the bench's own deletions
  // (`perf`: `find_inode_bit`, `recently_deleted`), a cost neither a user's build nor plain Hugo (which
  // writes over its previous output in every round but the first) pays.
  const bases = [];
  try {
    for (const n of sizes) {
      const base = mkdtempSync(path.join(os.tmpdir(), 'hp-bench-'));
      bases.push(base);
      const hugo = (h, site, out, extra = []) =>
        run(h.bin, ['--quiet', '--cacheDir', path.join(base, 'hugo-cache'), '-d', path.join(base, out), ...extra], site);
      const raw = path.join(base, 'raw');
      makeSite(raw, n, 'raw');
      const site = path.join(base, 'site');
      makeSite(site, n, 'ours');
      run(process.execPath, [CLI, 'init', '-s', site], base);
      // init points the site at the templates of the package that ran it: this checkout's.
      const mounted = /hugo-prerender: its templates[^\n]*\nsource = "([^"]*)"/.exec(readFileSync(path.join(site, 'hugo.toml'), 'utf8'));
      if (!mounted || path.resolve(site, mounted[1]) !== path.join(ROOT, 'layouts')) throw new Error(`init did not mount ${ROOT}/layouts`);
      const summary = (r) => r.stdout.trim().split('\n').pop();
      // In rounds, each step once per round and the best of `repeat` rounds kept for each: this machine runs
      // faster or slower by up to a fifth for minutes at a time, and rounds put those minutes on every step
      // alike (one step's runs in a row, then the next's, put them on one step). A round: cold with each
      // --jobs (the last is the default, the machine's cores; each from an empty .prerender/), warm with the
      // default, then each Hugo on the raw posts and on the prerendered site.
      const colds = JOBS.map(() => []);
      const warms = [];
      const plains = HUGOS.map(() => []);
      const pres = HUGOS.map(() => []);
      const floors = HUGOS.map(() => []);
      const floor = path.join(base, 'floor');
      for (let i = 0; i < repeat; i++) {
        JOBS.forEach((j, k) => {
          if (existsSync(path.join(site, '.prerender'))) renameSync(path.join(site, '.prerender'), path.join(base, `old-prerender-${i}-${k}`));
          // The default's build runs without --jobs, so that it starts workers as the command's default does
          // (on 1-2 cores only for 800 pages or more: an explicit --jobs is taken at its word).
          const jobs = j === DEFAULT ? [] : ['--jobs', String(j)];
          colds[k].push(run(process.execPath, [CLI, 'build', '-s', site, ...jobs], base));
        });
        warms.push(run(process.execPath, [CLI, 'build', '-s', site], base));
        // Made once, of the first round's .prerender/ (every round writes the same bytes).
        if (i === 0) makeFloor(site, floor);
        HUGOS.forEach((h, k) => {
          plains[k].push(hugo(h, raw, 'out-raw'));
          pres[k].push(hugo(h, site, 'out-pre'));
          floors[k].push(hugo(h, floor, 'out-floor'));
        });
      }
      JOBS.forEach((j, k) => {
        const cold = best(colds[k]);
        const threads = /\((\d+) worker threads?[;)]/.exec(summary(cold))?.[1] ?? '0';
        const how = j === DEFAULT ? `the default --jobs (${j})` : `--jobs ${j}`;
        rows.push({ n, step: `prerender cold, ${how} (${threads} worker thread${threads === '1' ? '' : 's'})`, ...cold, note: summary(cold), cold: j === DEFAULT_JOBS });
      });
      const warm = best(warms);
      rows.push({ n, step: `prerender warm, default --jobs (${DEFAULT})`, ...warm, note: summary(warm) });
      for (const [k, h] of HUGOS.entries()) {
        const plain = best(plains[k]);
        rows.push({ n, step: `${h.name}, plain`, ...plain, hugo: h, plain });
        rows.push({ n, step: `${h.name} on the prerendered site`, ...best(pres[k]), hugo: h, plain });
        rows.push({ n, step: `${h.name} on the prerendered site, templates that do none of hugo-prerender's work (the floor)`, ...best(floors[k]), hugo: h, plain });
        if (h.version.minor >= 141) {
          const tomath = path.join(base, 'tomath');
          if (!existsSync(tomath)) makeSite(tomath, n, 'tomath');
          const t = hugo(h, tomath, 'out-tomath', ['--ignoreCache']);
          rows.push({ n, step: `${h.name}, its own math (passthrough + transform.ToMath), cold`, ...t, hugo: h, plain, tomath: true });
        }
      }
    }
  } finally {
    for (const base of bases) rmSync(base, { recursive: true, force: true });
  }
  const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  console.log(`\n${started.toISOString().slice(0, 10)}, Node ${process.versions.node} (V8 ${process.versions.v8}), ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average at the end ${load}; best of ${repeat} rounds (each step once a round) for each prerender build and each Hugo on the plain and the prerendered site and the floor, one run of Hugo's own math`);
  console.log('\n| posts | step | wall | CPU (user + sys) | × plain Hugo (wall; CPU) | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    let ratio;
    if (r.plain) ratio = `${fmt(r.s / r.plain.s, '×')}; ${fmt(r.cpu / r.plain.cpu, '×')}`;
    else {
      const plains = rows.filter((x) => x.n === r.n && x.step.endsWith(', plain'));
      ratio = plains.map((x) => `${fmt(r.s / x.s, '×')}; ${fmt(r.cpu / x.cpu, '×')} (${x.hugo.name})`).join('<br>');
    }
    console.log(`| ${r.n} | ${r.step} | ${fmt(r.s, ' s')} | ${fmt(r.cpu, ' s')} | ${ratio} | ${r.mb.toFixed(0)} MB |`);
  }
  console.log('');
  for (const n of sizes) {
    const cold = rows.find((r) => r.n === n && r.cold);
    for (const t of rows.filter((r) => r.n === n && r.tomath)) {
      const pre = rows.find((r) => r.n === n && r.hugo === t.hugo && r.step.endsWith('on the prerendered site'));
      console.log(
        `${n} posts: prerender cold (${DEFAULT_JOBS === DEFAULT ? 'the default --jobs, ' : ''}--jobs ${DEFAULT_JOBS}) + ${t.hugo.name} on the prerendered site = ${fmt(cold.s + pre.s, ' s')} wall, ${fmt(cold.cpu + pre.cpu, ' s')} CPU: ` +
          `${fmt((cold.s + pre.s) / t.s, '×')} wall, ${fmt((cold.cpu + pre.cpu) / t.cpu, '×')} CPU of ${t.hugo.name}'s own math cold`,
      );
    }
  }
  for (const r of rows) if (r.note) console.log(`${r.n} posts, ${r.step}: ${r.note}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_POSTS ?? '1000,3000').split(',')).map(Number);
  benchScale(sizes, Math.max(1, Number(process.env.BENCH_REPEAT ?? 3)));
}
