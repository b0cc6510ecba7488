/**
 * The built command line (dist/cli.js) on temporary copies of fixture sites, as a user runs it:
 * `runPrerender(site, args)` → exit code and output, with the diagnostics and the summary line parsed.
 *
 * Fixture sites mount the package's own templates by a path relative to the site ("../../layouts" for
 * fixtures/site, as `init` writes it inside this repository). `copyProjectSite` therefore copies a
 * fixture to the same place under a temporary root and links `<root>/layouts` to this project's, so
 * those relative mounts resolve exactly as they do in the checkout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { buildSite, PROJECT_ROOT, tempDir } from './hugo.js';

export const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');

/** What the bundle is built from: a newer file here means dist/ is stale. */
const BUNDLE_INPUTS = ['src', 'shortcodes', 'package.json', ...['build', 'shortcodes-plugin', 'micromark-linear-plugin', 'katex-plugin', 'patch-plugin', 'embed-plugin'].map((s) => `scripts/${s}.mjs`)];
// Inside node_modules: ignored by git, and shared by every test worker of this checkout.
const LOCK = path.join(PROJECT_ROOT, 'node_modules/.hugo-prerender-dist.lock');

function newestMtime(p: string): number {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function bundleIsFresh(): boolean {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/katex/VERSION'))) return false;
  const built = statSync(CLI).mtimeMs;
  return BUNDLE_INPUTS.every((p) => newestMtime(path.join(PROJECT_ROOT, p)) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Waits while another test worker is rebuilding the bundle (the lock is a directory: mkdir is atomic). */
function waitForLock(): void {
  const deadline = Date.now() + 120_000;
  while (existsSync(LOCK)) {
    if (Date.now() > deadline) throw new Error(`${LOCK} has existed for 2 minutes; remove it if no build is running`);
    sleep(100);
  }
}

let ensured = false;

/**
 * Builds dist/ (`node scripts/build.mjs`) when it is missing or older than its sources, so the tests
 * always run the code under test. `npm test` builds first; this covers `npx vitest run …` by hand.
 */
export function ensureBundle(): void {
  if (ensured) return;
  for (;;) {
    waitForLock();
    if (bundleIsFresh()) break;
    try {
      mkdirSync(LOCK);
    } catch {
      continue; // another worker got there first: wait for it
    }
    try {
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`node scripts/build.mjs failed (${r.status}):\n${r.stdout}${r.stderr}`);
    } finally {
      rmdirSync(LOCK);
    }
    break;
  }
  ensured = true;
}

export interface Diag {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface Summary {
  pages: number;
  prerendered: number;
  /** Pages kept as the previous build left them (their record held): not parsed or rendered. */
  unchanged: number;
  formulas: number;
  figures: number;
  shortcodes: number;
  cacheHits: number;
  /** Distinct local figure images, and those processed (0 when the line names no images). */
  images: number;
  imagesProcessed: number;
  errors: number;
  warnings: number;
  ms: number;
  /** Worker threads that prerendered pages (0 when the line names none). */
  workers: number;
  /** With workers: the pages rendered in the build's own thread, of those rendered. */
  renderedHere?: number;
  rendered?: number;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every `file:line:col: severity: message` line, from both streams, in printed order per stream. */
  diagnostics: Diag[];
  /** The parsed summary line of `build` (undefined when there is none). */
  summary?: Summary;
  ms: number;
}

const DIAG = /^(.+?):(\d+):(\d+): (error|warning): (.*)$/;
const SUMMARY =
  /^hugo-prerender: (\d+) pages? \((\d+) prerendered(?:, (\d+) unchanged)?\), (\d+) formulas?, (\d+) figures?, (\d+) other shortcodes?, (\d+) cache hits?, (?:(\d+) images? \((\d+) processed\), )?(\d+) errors?, (\d+) warnings?, (\d+) ms(?: \((\d+) worker threads?(?:; (\d+) of (\d+) pages? rendered in this one)?\))?$/m;

export function parseDiagnostics(output: string): Diag[] {
  const out: Diag[] = [];
  for (const line of output.split('\n')) {
    const m = DIAG.exec(line);
    if (m) out.push({ file: m[1]!, line: +m[2]!, column: +m[3]!, severity: m[4] as Diag['severity'], message: m[5]! });
  }
  return out;
}

export function parseSummary(output: string): Summary | undefined {
  const m = SUMMARY.exec(output);
  if (!m) return undefined;
  const [pages, prerendered, unchanged, formulas, figures, shortcodes, cacheHits, images, processed, errors, warnings, ms, workers, here, rendered] = m
    .slice(1)
    .map((v) => Number(v ?? 0)) as number[];
  return {
    pages: pages!,
    prerendered: prerendered!,
    unchanged: unchanged!,
    formulas: formulas!,
    figures: figures!,
    shortcodes: shortcodes!,
    cacheHits: cacheHits!,
    images: images!,
    imagesProcessed: processed!,
    errors: errors!,
    warnings: warnings!,
    ms: ms!,
    workers: workers!,
    ...(m[14] !== undefined ? { renderedHere: here!, rendered: rendered! } : {}),
  };
}

/** Runs `node dist/cli.js …args` (building dist/ first when needed). */
export function runCli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  ensureBundle();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    ...(opts.env ? { env: opts.env } : {}),
  });
  if (r.error) throw r.error;
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    diagnostics: [...parseDiagnostics(r.stderr), ...parseDiagnostics(r.stdout)],
    summary: parseSummary(r.stdout),
    ms: Math.round(performance.now() - t0),
  };
}

/** `hugo-prerender build -s siteDir …args`. */
export function runPrerender(siteDir: string, args: string[] = []): CliRun {
  return runCli(['build', '-s', siteDir, ...args]);
}

const NOT_COPIED = new Set(['public', 'resources', '.prerender', '.hugo_build.lock', 'node_modules']);

/**
 * Copies a fixture directory of this project (e.g. fixtures/site) to the same relative place under a
 * fresh temporary root, with `<root>/layouts` linking to the project's layouts/, and returns the copy.
 * Build output and earlier prerender output are left behind.
 */
export function copyProjectSite(fixtureDir: string): string {
  const src = path.resolve(PROJECT_ROOT, fixtureDir);
  const rel = path.relative(PROJECT_ROOT, src);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${fixtureDir} is not inside the project`);
  const root = tempDir('hp-prerender-');
  const dest = path.join(root, rel);
  cpSync(src, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (p) => !path.relative(src, p).split(path.sep).some((part) => NOT_COPIED.has(part)),
  });
  symlinkSync(path.join(PROJECT_ROOT, 'layouts'), path.join(root, 'layouts'), 'dir');
  return dest;
}

/** Every file below `dir`, as sorted relative POSIX paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), rel);
      else out.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

/** The seed post verbatim (fixtures/seed), as the founding post was written, in the example site. */
export const SEED_POST = path.join(PROJECT_ROOT, 'fixtures/seed/learning_to_remember.md');

/**
 * A temporary copy of the example site whose post is the seed post verbatim (the example site's own post
 * has since grown diagrams, plots and the LSTM and attention sections): what issue 2 is measured on.
 */
export function copySeedSite(): string {
  const site = copyProjectSite('fixtures/site');
  cpSync(SEED_POST, path.join(site, 'content/posts/learning-to-remember.md'));
  // Only the seed post (and the home page): the example site's other posts came later.
  for (const e of readdirSync(path.join(site, 'content/posts'))) {
    if (e !== 'learning-to-remember.md') rmSync(path.join(site, 'content/posts', e), { recursive: true, force: true });
  }
  return site;
}

/** The seed site prerendered by the CLI and built by `hugoBin`, both checked to succeed: its public/. */
export function builtSeedSite(hugoBin: string): string {
  const site = copySeedSite();
  const pre = runPrerender(site);
  expect(pre.code, pre.stdout + pre.stderr).toBe(0);
  const built = buildSite(hugoBin, site, { copy: false, linkPackage: false });
  expect(built.code, built.stdout + built.stderr).toBe(0);
  return built.publicDir;
}
