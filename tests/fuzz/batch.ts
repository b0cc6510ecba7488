/**
 * One batch of the long fuzz run (`npm run fuzz`, scripts/fuzz.mjs): `size` fuzzed pages drawn with
 * `seed` (tests/fuzz/pages.ts), checked with every property of tests/fuzz/fuzz.test.ts, at a cost that
 * lets 100,000 pages run in well under an hour:
 *
 * - parsePage, page by page: no exception, no internal error, every diagnostic located in the page;
 * - the prerenderer, in this process: buildSite on a site holding the batch (prerenderPage for every
 *   page, with the fragment cache a real build has): no exception, no internal error, every diagnostic
 *   located in its page, and a shadow Hugo's lexer accepts;
 * - determinism: the CLI, in another process, builds a copy of the site; every shadow it writes must be
 *   the same bytes as this process's;
 * - real Hugo, each version given, on the CLI's site: never an error (Hugo stops at the first one, so a
 *   failing page is found by the path in Hugo's message, set aside as a find, and the rest built again).
 *   Pages plain Hugo rejects are left out first, found the same way on the site without hugo-prerender.
 *
 * A page that breaks a property is a finding: its batch seed, index, property and message, and its text
 * written to `outDir` for a replay (FUZZ_SEED=<seed> FUZZ_BATCH=<size> npm run fuzz -- --batches 1).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parsePage } from '../../src/content/page.js';
import type { Shortcode } from '../../src/content/types.js';
import { buildSite } from '../../src/build.js';
import { shortcodes } from '../../src/render/registry.js';
import { mutatedPage, randomPage, realPosts } from './pages.js';

export interface Finding {
  seed: number;
  index: number;
  property: 'parse' | 'prerender' | 'determinism' | 'hugo' | 'batch';
  message: string;
  file?: string;
}

export interface BatchResult {
  seed: number;
  pages: number;
  /** Pages in the Hugo sites (parse-clean and accepted by plain Hugo, with each version). */
  hugoPages: Record<string, number>;
  plainRejected: Record<string, number>;
  /** Shadows compared between this process and the CLI. */
  compared: number;
  findings: Finding[];
  ms: number;
  /** Milliseconds per phase. */
  phases: Record<string, number>;
}

export interface BatchOptions {
  root: string;
  seed: number;
  size: number;
  /** The built CLI (dist/cli.js). */
  cli: string;
  hugo: { name: string; bin: string; version: string }[];
  outDir: string;
  projectRoot: string;
}

/** The fuzz site's config. */
export function writeFuzzConfig(site: string): void {
  mkdirSync(path.join(site, 'content/posts'), { recursive: true });
  writeFileSync(path.join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "fuzz"\ndisableKinds = ["taxonomy", "term"]\n');
  // The image of the pages' `![…](/a.png)`: served as <picture> (src/images/markdown-images.ts).
  mkdirSync(path.join(site, 'static'), { recursive: true });
  writeFileSync(path.join(site, 'static/a.png'), ONE_PIXEL_PNG);
}

/** A 1×1 PNG. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The fuzz site's layouts: they call every partial we ship (title, TOC, summary, head). */
export function writeFuzzLayouts(site: string): void {
  mkdirSync(path.join(site, 'layouts/_default'), { recursive: true });
  writeFileSync(
    path.join(site, 'layouts/_default/baseof.html'),
    '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  );
  writeFileSync(
    path.join(site, 'layouts/_default/single.html'),
    '{{ define "main" }}<h1>{{ partial "prerender/title.html" . }}</h1>{{ partial "prerender/toc.html" . }}{{ .Content }}<p>{{ partial "prerender/summary.html" . }}</p>{{ end }}\n',
  );
  writeFileSync(path.join(site, 'layouts/_default/list.html'), '{{ define "main" }}{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}{{ end }}\n');
}

/**
 * Hugo's own shortcodes the site keeps (every other name gets a theme's template: Hugo's gist is gone
 * since v0.156, its instagram wants an access token, its tweet the network).
 */
const HUGO_OWN = new Set(['figure', 'highlight', 'param', 'ref', 'relref']);

function shortcodeNames(list: readonly Shortcode[], out: Set<string>): Set<string> {
  for (const sc of list) {
    out.add(sc.name);
    shortcodeNames(sc.children, out);
  }
  return out;
}

function located(d: { file?: string; line: number; column: number; message: string }, files: ReadonlySet<string>): string | undefined {
  if (d.file === undefined || !files.has(d.file)) return `not located in a page: ${d.file ?? '(no file)'}`;
  if (!(d.line >= 1 && d.column >= 1)) return `no line and column: ${d.line}:${d.column}`;
  if (d.message.length === 0) return 'empty message';
  return undefined;
}

/** The page a Hugo error names (`…/content/posts/p12.md:3:1`, the shadow's path, or `render of "/posts/p12"`). */
function namedPage(output: string): number | undefined {
  const m = /posts\/p(\d+)\b/.exec(output);
  return m ? Number(m[1]) : undefined;
}

function runHugo(bin: string, site: string, work: string): { code: number | null; errors: string } {
  const r = spawnSync(bin, ['--source', site, '--destination', path.join(work, 'public'), '--cacheDir', path.join(work, 'cache'), '--noBuildLock'], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, HUGO_ENVIRONMENT: 'development' },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const lines = out.split('\n').filter((l) => /^(ERROR\b|Error:)/.test(l));
  return { code: r.status, errors: lines.length > 0 ? lines.join('\n') : `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}: ${out.trim().slice(-1500)}` };
}

let posts: string[] | undefined;

/** Node's process.emitWarning, which runBatch replaces while it parses and builds in this thread. */
const EMIT_WARNING = process.emitWarning;

export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (phases[name] ?? 0) + now - mark;
    mark = now;
  };
  posts ??= realPosts(o.projectRoot);
  const anyPage = fc.oneof(randomPage, mutatedPage(posts));
  const pages = fc.sample(anyPage, { numRuns: o.size, seed: o.seed });
  const findings: Finding[] = [];
  const find = (index: number, property: Finding['property'], message: string) => {
    const file = path.join(o.outDir, `seed${o.seed}-p${index}.md`);
    mkdirSync(o.outDir, { recursive: true });
    if (index >= 0) writeFileSync(file, pages[index]!);
    findings.push({ seed: o.seed, index, property, message: message.slice(0, 2000), ...(index >= 0 ? { file } : {}) });
  };
  const rel = (i: number) => `posts/p${i}.md`;
  const indexOf = (page: string) => Number(/p(\d+)\.md$/.exec(page)![1]);

  // parsePage, page by page; a page Hugo's lexer rejects (an error diagnostic) goes no further: Hugo
  // fails on it, and prerenderPage leaves it alone.
  const clean: number[] = [];
  const names = new Set<string>();
  /** Pages Hugo before v0.123.0 rejects for a shortcode whose template reads .Inner left unclosed (a stub's does, below). */
  const unclosed = new Set<number>();
  const readsInner = (name: string) => (shortcodes.get(name)?.inner ?? 'optional') !== 'none';
  const leftOpen = (list: readonly Shortcode[]): boolean =>
    list.some((sc) => (!HUGO_OWN.has(sc.name) && readsInner(sc.name) && !sc.selfClosed && sc.inner === undefined) || leftOpen(sc.children));
  // A warning Node would print for a library (the yaml package's, of a key that is a list: seed 20261207)
  // names no file: each is a finding, of the page being read when there is one. Caught as it is emitted.
  let reading = -1;
  let stage: Finding['property'] = 'parse';
  process.emitWarning = ((w: string | Error) => {
    find(reading, stage, `a warning of Node's, unlocated: ${typeof w === 'string' ? w : w.message}`);
  }) as typeof process.emitWarning;
  pages.forEach((source, i) => {
    reading = i;
    try {
      const p = parsePage(source, { path: `content/${rel(i)}` });
      for (const d of p.diagnostics) {
        if (d.code === 'internal') find(i, 'parse', `internal error: ${d.message}`);
        const bad = located({ ...d, file: d.file ?? '' }, new Set([`content/${rel(i)}`]));
        if (bad) find(i, 'parse', `${bad}: ${d.message}`);
      }
      if (p.bodyOffset > source.length) find(i, 'parse', `bodyOffset ${p.bodyOffset} past the end (${source.length})`);
      if (p.diagnostics.some((d) => d.severity === 'error')) return;
      shortcodeNames(p.shortcodes, names);
      clean.push(i);
      if (leftOpen(p.shortcodes)) unclosed.add(i);
    } catch (e) {
      find(i, 'parse', `exception: ${(e as Error).stack ?? e}`);
    }
  });

  reading = -1;
  stage = 'prerender';
  phase('parse');
  // The prerenderer in this process, on site A.
  const siteA = path.join(o.root, 'a');
  writeFuzzConfig(siteA);
  // A theme's template for every foreign shortcode name, so that plain Hugo builds the pages using them.
  // Hugo before v0.123.0 requires a shortcode whose template reads .Inner to be closed: ours read it as
  // their definition says; a foreign one does (as a theme's notice or math).
  const stub = (site: string, name: string) => {
    mkdirSync(path.join(site, 'layouts/shortcodes'), { recursive: true });
    const inner = shortcodes.get(name)?.inner ?? 'optional';
    // A title printed as a theme's notice prints it: as text through markdownify, and in an attribute.
    const title = '{{ with .Get "title" }}<b title="{{ . }}">{{ . | markdownify }}</b>{{ end }}';
    writeFileSync(path.join(site, 'layouts/shortcodes', `${name}.html`), inner === 'none' ? '<span></span>' : `${title}{{ .Inner }}`);
  };
  const stubbed = [...names].filter((name) => /^[\w-]+$/.test(name) && !HUGO_OWN.has(name));
  for (const name of stubbed) if (!shortcodes.has(name)) stub(siteA, name);
  for (const i of clean) writeFileSync(path.join(siteA, 'content', rel(i)), pages[i]!);
  // Site P, plain Hugo: the same pages, and a template for our shortcodes too (plain Hugo has none; the
  // question is whether Hugo takes the page as written), to see which pages Hugo rejects.
  const siteP = path.join(o.root, 'p');
  cpSync(siteA, siteP, { recursive: true });
  for (const name of stubbed) if (shortcodes.has(name)) stub(siteP, name);
  // Site B, for the CLI and Hugo: A's pages.
  const siteB = path.join(o.root, 'b');
  cpSync(siteA, siteB, { recursive: true });
  writeFuzzLayouts(siteA);
  const files = new Set(clean.map((i) => `content/${rel(i)}`));
  try {
    const r = await buildSite({ source: siteA });
    for (const d of r.diagnostics) {
      const page = d.file && /content\/posts\/p(\d+)\.md$/.exec(d.file) ? indexOf(d.file) : -1;
      if (d.code === 'internal') find(page, 'prerender', `internal error: ${d.message}`);
      const bad = located(d, files);
      if (bad && !(d.file === undefined && d.code === 'site-shortcode')) find(page, 'prerender', `${bad}: ${d.code}: ${d.message}`);
    }
  } catch (e) {
    find(-1, 'prerender', `buildSite threw: ${(e as Error).stack ?? e}`);
  } finally {
    // Node's own, whatever a batch that threw before here left (this worker runs the next batch too).
    process.emitWarning = EMIT_WARNING;
  }
  phase('build');
  const shadowOf = (site: string, i: number): string | undefined => {
    const f = path.join(site, '.prerender/content', rel(i));
    return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
  };
  for (const i of clean) {
    const shadow = shadowOf(siteA, i);
    if (shadow === undefined) continue;
    const errors = parsePage(shadow).diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) find(i, 'prerender', `the shadow does not lex: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }

  // Site B: the CLI, in another process, on A's pages: its shadows must be A's.
  writeFuzzLayouts(siteB);
  // As `npm install hugo-prerender` would: the package's layouts come through node_modules.
  mkdirSync(path.join(siteB, 'node_modules'), { recursive: true });
  symlinkSync(o.projectRoot, path.join(siteB, 'node_modules/hugo-prerender'), 'dir');
  const cli = (args: string[]) => spawnSync(process.execPath, [o.cli, ...args], { encoding: 'utf8', timeout: 1_800_000 });
  const init = cli(['init', '-s', siteB, '--hugo-version', o.hugo[o.hugo.length - 1]?.version ?? '0.169.0']);
  if (init.status !== 0) find(-1, 'batch', `init failed: ${init.stdout}${init.stderr}`);
  const built = cli(['build', '-q', '-s', siteB]);
  if (/internal error/.test(built.stdout + built.stderr)) find(-1, 'prerender', `the CLI reported an internal error: ${(built.stdout + built.stderr).split('\n').find((l) => /internal error/.test(l))}`);
  // Everything the command says is a located diagnostic of its own: a warning Node prints for a library
  // (a YAML key that is a list, stringified: seed 20261207) names no file.
  const nodeWarning = /^\(node:\d+\) .*$/m.exec(built.stderr);
  if (nodeWarning) find(-1, 'prerender', `the CLI printed a warning of Node's, unlocated: ${nodeWarning[0]}`);
  phase('cli');
  let compared = 0;
  for (const i of clean) {
    const a = shadowOf(siteA, i);
    const b = shadowOf(siteB, i);
    if (a !== b) find(i, 'determinism', `the shadow differs between this process and the CLI (${a === undefined ? 'none here' : `${a.length} chars here`}, ${b === undefined ? 'none there' : `${b.length} there`})`);
    else compared++;
  }

  // Plain Hugo on P: the pages it rejects leave B too.
  const hugoPages: Record<string, number> = {};
  const plainRejected: Record<string, number> = {};
  const inSite = new Set(clean);
  const remove = (site: string, i: number) => {
    inSite.delete(i);
    rmSync(path.join(site, 'content', rel(i)), { force: true });
  };
  for (const h of o.hugo) {
    plainRejected[h.name] = 0;
    // Known before asking (one Hugo run per rejected page is what the loop below costs).
    if (/^0\.(\d|[1-9]\d|1[01]\d|12[0-2])\./.test(h.version)) {
      for (const i of unclosed) {
        if (!inSite.has(i)) continue;
        remove(siteP, i);
        remove(siteB, i);
        plainRejected[h.name]!++;
      }
    }
    for (let attempt = 0; attempt < 500; attempt++) {
      const r = runHugo(h.bin, siteP, path.join(o.root, 'plain'));
      if (r.code === 0) break;
      const page = namedPage(r.errors);
      if (page === undefined || !inSite.has(page)) {
        find(-1, 'batch', `plain Hugo ${h.version} failed without naming a page of the batch: ${r.errors}`);
        break;
      }
      remove(siteP, page);
      remove(siteB, page);
      if (process.env.FUZZ_DEBUG) console.log(`plain ${h.version} rejects p${page}: ${r.errors.slice(0, 300)}`);
      plainRejected[h.name]!++;
    }
  }
  phase('plain');
  // The rejected pages' shadows go with their sources.
  cli(['build', '-q', '-s', siteB]);
  phase('cli');

  // Real Hugo on the prerendered site: never an error.
  for (const h of o.hugo) {
    const init2 = cli(['init', '-s', siteB, '--hugo-version', h.version]);
    if (init2.status !== 0) find(-1, 'batch', `init ${h.version} failed: ${init2.stdout}${init2.stderr}`);
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = runHugo(h.bin, siteB, path.join(o.root, 'hugo'));
      if (r.code === 0) {
        // Nothing of the hand-off reaches a page: no token (a wrapper's placeholder left in place), no marker.
        for (const i of inSite) {
          const html = path.join(o.root, 'hugo', 'public', 'posts', `p${i}`, 'index.html');
          const text = existsSync(html) ? readFileSync(html, 'utf8') : '';
          const left = /hugoprerender\w*|<!--\/?hugo-prerender:[\w-]*/i.exec(text);
          if (left && !pages[i]!.includes(left[0])) find(i, 'hugo', `Hugo ${h.version}: the page shows ${left[0]}`);
        }
        break;
      }
      const page = namedPage(r.errors);
      if (page === undefined) {
        find(-1, 'hugo', `Hugo ${h.version} failed without naming a page: ${r.errors}`);
        break;
      }
      find(page, 'hugo', `Hugo ${h.version}: ${r.errors}`);
      remove(siteB, page);
      cli(['build', '-q', '-s', siteB]);
    }
    hugoPages[h.name] = inSite.size;
  }
  phase('hugo');
  rmSync(o.root, { recursive: true, force: true });
  return { seed: o.seed, pages: pages.length, hugoPages, plainRejected, compared, findings, ms: performance.now() - t0, phases };
}
