/**
 * Which Hugo will render the site, when a page's shadow depends on it: the `hugo` that `serve` and
 * `hugo-prerender hugo` run, else the first `hugo` on PATH (what `npm run` scripts and CI run; npm puts
 * node_modules/.bin first). Asked only of sites that need it (a heading id Hugo's own table of contents
 * shows, page-settings.ts), and remembered in `.prerender/cache/hugo-version.json` by the binary's path,
 * size and modification time: `hugo version` takes 0.1 s, as long as a warm build of 1000 pages.
 */
import { statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { PrerenderOutput } from './output.js';

const CACHE = 'hugo-version.json';

/** The first executable `name` on PATH (absolute), or undefined. */
export function onPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.resolve(dir, name);
    try {
      const st = statSync(file);
      if (st.isFile() && (st.mode & 0o111) !== 0) return file;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** `0.111.3` from `hugo v0.111.3+extended linux/amd64 …`, or undefined. */
export function parseHugoVersion(text: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(text)?.[1];
}

/**
 * Runs `bin version` (a path or a name on PATH): the version it prints, or why there is none (what a
 * caller says when it needs one).
 */
export function askHugoVersion(bin: string): { version: string } | { why: string } {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 30_000 });
  const version = r.status === 0 ? parseHugoVersion(r.stdout) : undefined;
  return version ? { version } : { why: r.error?.message ?? (r.stderr?.trim() || 'no version') };
}

/** a < b for versions such as 0.111.3 (a leading `v` allowed, a missing part 0). */
export function versionBefore(a: string, b: string): boolean {
  const parts = (v: string) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * The binary `bin` names (a path, from the working directory, or a name looked up on PATH) and what it is
 * now (its path, size and modification time: a cache of what it said holds while these do); or why none.
 */
export function hugoBinary(bin: string): { file: string; identity: string } | { why: string } {
  const file = bin.includes('/') || bin.includes(path.sep) ? path.resolve(bin) : onPath(bin);
  if (!file) return { why: `${bin} was not found` };
  try {
    const st = statSync(file);
    return { file, identity: `${file}\n${st.size}\n${st.mtimeMs}` };
  } catch (e) {
    return { why: (e as Error).message };
  }
}

/**
 * The version of `bin` (a path, from the working directory, or a name looked up on PATH; default
 * `hugo`), from the cache when the
 * binary is the one it was asked of; undefined when there is no such Hugo or it does not say.
 */
export function hugoVersionFor(output: PrerenderOutput, bin = 'hugo'): string | undefined {
  const found = hugoBinary(bin);
  if (!('file' in found)) return undefined;
  const { file, identity } = found;
  try {
    const cached = JSON.parse(output.readCache(CACHE)?.toString('utf8') ?? '{}') as { identity?: unknown; version?: unknown };
    if (cached.identity === identity && typeof cached.version === 'string') {
      output.keepCache(CACHE);
      return cached.version;
    }
  } catch {
    /* none yet, or not ours */
  }
  const asked = askHugoVersion(file);
  if (!('version' in asked)) return undefined;
  const { version } = asked;
  try {
    output.writeCache(CACHE, Buffer.from(`${JSON.stringify({ identity, version })}\n`));
  } catch {
    /* asked again next time */
  }
  return version;
}
