/**
 * Real Hugo for integration tests: the two versions we support (Debian bookworm's 0.111.3 on PATH, and
 * the newest from Debian sid fetched by scripts/fetch-hugo.sh into .cache/hugo-sid), or HUGO_BIN.
 *
 * A missing binary skips its tests with a loud message when run by hand, and FAILS the test file
 * under CI (CI set), where a skipped integration test would be a silent hole.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { tempDir } from './temp.js';

export { tempDir };

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SID_HUGO = path.join(PROJECT_ROOT, '.cache/hugo-sid/root/usr/bin/hugo');

export interface HugoBinary {
  name: string;
  bin: string;
  /** e.g. "0.111.3" */
  version: string;
}

export interface MissingTool {
  name: string;
  bin: string;
  why: string;
  fix: string;
}

export function underCI(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

function probe(name: string, bin: string, fix: string): HugoBinary | MissingTool {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) {
    return { name, bin, why: r.error ? r.error.message : `exited with ${r.status}: ${r.stderr.trim()}`, fix };
  }
  const m = /v(\d+\.\d+\.\d+)/.exec(r.stdout);
  if (!m) return { name, bin, why: `unexpected "hugo version" output: ${r.stdout.trim()}`, fix };
  return { name, bin, version: m[1]! };
}

let cached: { available: HugoBinary[]; missing: MissingTool[] } | undefined;

/** Every Hugo the tests should run with, split into those found and those missing. */
export function findHugoBinaries(): { available: HugoBinary[]; missing: MissingTool[] } {
  if (cached) return cached;
  const candidates: [string, string, string][] = process.env.HUGO_BIN
    ? [['HUGO_BIN', process.env.HUGO_BIN, 'fix the HUGO_BIN environment variable']]
    : [
        ['hugo (system)', 'hugo', 'apt-get install hugo  (Debian bookworm: 0.111.3)'],
        ['hugo (sid)', SID_HUGO, 'bash scripts/fetch-hugo.sh  (newest Hugo from Debian sid, into .cache/)'],
      ];
  const available: HugoBinary[] = [];
  const missing: MissingTool[] = [];
  for (const [name, bin, fix] of candidates) {
    const r = probe(name, bin, fix);
    if ('version' in r) available.push({ ...r, name: `${name} ${r.version}` });
    else missing.push(r);
  }
  cached = { available, missing };
  return cached;
}

/** The Hugo binaries that are available. */
export function hugoBinaries(): HugoBinary[] {
  return findHugoBinaries().available;
}

/** Reports missing tools: a loud warning by hand, an exception (failing the file) under CI. */
export function reportMissing(what: string, missing: MissingTool[]): void {
  if (missing.length === 0) return;
  const lines = missing.map((m) => `  - ${m.name} (${m.bin}): ${m.why}\n    get it with: ${m.fix}`);
  const text = `${what} not available, its tests are SKIPPED:\n${lines.join('\n')}`;
  if (underCI()) throw new Error(`CI is set, so a missing ${what} is a failure, not a skip.\n${text}`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${text}\n${bar}\n`);
}

/** The available Hugo binaries; reports the missing ones (fails under CI). */
export function requireHugo(): HugoBinary[] {
  const { available, missing } = findHugoBinaries();
  reportMissing('Hugo', missing);
  return available;
}

/**
 * Declares `suite` once per available Hugo (`describe("hugo (system) 0.111.3", …)`), and a skipped
 * placeholder per missing one so the skip shows in the report. Under CI a missing Hugo fails the file.
 */
export function describeEachHugo(title: string, suite: (hugo: HugoBinary) => void): void {
  const { available, missing } = findHugoBinaries();
  reportMissing('Hugo', missing);
  for (const h of available) describe(`${title} [${h.name}]`, () => suite(h));
  for (const m of missing) describe(`${title} [${m.name}]`, () => it.skip(`${m.name} missing: ${m.fix}`, () => {}));
}

export interface BuildOptions {
  /** Copy the site to a temporary directory first (default true): Hugo never writes into fixtures. */
  copy?: boolean;
  /**
   * Make `node_modules/hugo-prerender` in the (copied) site point at this project, so the default mount
   * of the package's layouts resolves. Default true.
   */
  linkPackage?: boolean;
  /** More arguments for hugo. */
  args?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface BuildResult {
  /** The site Hugo built (the temporary copy, unless copy: false). */
  siteDir: string;
  publicDir: string;
  stdout: string;
  stderr: string;
  /** Exit status (null when killed by the timeout). */
  code: number | null;
  /** Lines with WARN / ERROR, whichever stream Hugo printed them on (0.111.3: stdout, newer: stderr). */
  warnings: string[];
  errors: string[];
  /** Reads a built file, relative to publicDir. */
  read(rel: string): string;
}

/** Copies a site (symlinks kept as links, without public/ and resources/) into a temporary directory. */
export function copySite(siteDir: string): string {
  const dest = path.join(tempDir('hp-site-'), 'site');
  const src = path.resolve(siteDir);
  cpSync(src, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (p) => {
      const rel = path.relative(src, p).split(path.sep);
      return !['public', 'resources', '.hugo_build.lock', 'node_modules'].includes(rel[0]!);
    },
  });
  return dest;
}

/** Points `<site>/node_modules/hugo-prerender` at this project (as `npm install` of it would). */
export function linkPackage(siteDir: string): void {
  const link = path.join(siteDir, 'node_modules', 'hugo-prerender');
  if (existsSync(link)) return;
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(PROJECT_ROOT, link, 'dir');
}

/** Runs `hugo` on a site; output and cache go to temporary directories. */
export function buildSite(bin: string, siteDir: string, opts: BuildOptions = {}): BuildResult {
  const site = opts.copy === false ? path.resolve(siteDir) : copySite(siteDir);
  if (opts.linkPackage !== false) linkPackage(site);
  const work = tempDir('hp-hugo-');
  const publicDir = path.join(work, 'public');
  const r = spawnSync(
    bin,
    ['--source', site, '--destination', publicDir, '--cacheDir', path.join(work, 'cache'), '--noBuildLock', ...(opts.args ?? [])],
    {
      encoding: 'utf8',
      timeout: opts.timeoutMs ?? 120_000,
      env: { ...process.env, HUGO_ENVIRONMENT: 'production', ...opts.env },
    },
  );
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`hugo binary not found: ${bin}`);
  const lines = `${r.stdout}\n${r.stderr}`.split('\n');
  return {
    siteDir: site,
    publicDir,
    stdout: r.stdout,
    stderr: r.stderr,
    code: r.status,
    warnings: lines.filter((l) => /^WARN\b/.test(l)),
    errors: lines.filter((l) => /^(ERROR\b|Error:)/.test(l)),
    read: (rel) => readFileSync(path.join(publicDir, rel), 'utf8'),
  };
}
