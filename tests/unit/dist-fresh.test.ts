/**
 * dist/ is committed, so that installing from a path, a git URL or a tarball needs no build step: it
 * must be exactly what `npm run bundle` makes from the committed sources (esbuild and tsc are
 * deterministic). While bundle sources have uncommitted changes, the working tree's dist/ is checked
 * instead (`npm test` rebuilds it): commit it with them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../helpers/hugo.js';

const INPUTS = ['src', 'shortcodes', 'layouts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', ...['build', 'shortcodes-plugin', 'micromark-linear-plugin', 'katex-plugin', 'patch-plugin', 'embed-plugin'].map((s) => `scripts/${s}.mjs`)];

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')]));
}

const git = (args: string[]) => execFileSync('git', ['-C', PROJECT_ROOT, ...args], { maxBuffer: 64 * 1024 * 1024 });

it('the committed dist/ is what npm run bundle makes from the committed sources', () => {
  const out = tempDir('hp-dist-');
  const build = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.mjs')], { cwd: PROJECT_ROOT, env: { ...process.env, HP_DIST: out }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const tsc = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(out, 'types')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);

  const dirty = git(['status', '--porcelain', '--', ...INPUTS]).toString().trim() !== '';
  const fresh = files(out).sort();
  const committed = dirty
    ? files(path.join(PROJECT_ROOT, 'dist')).sort()
    : git(['ls-tree', '-r', '--name-only', 'HEAD', 'dist']).toString().trim().split('\n').filter(Boolean).map((f) => f.slice('dist/'.length)).sort();
  const what = dirty ? 'dist/ in the working tree' : 'dist/ committed at HEAD';
  const fix = 'run `npm run bundle` and commit dist/ with the change';
  expect(committed, `${what} does not hold the files a build makes: ${fix}`).toEqual(fresh);
  const stale = fresh.filter((f) => {
    const want = readFileSync(path.join(out, f));
    const have = dirty ? readFileSync(path.join(PROJECT_ROOT, 'dist', f)) : git(['cat-file', 'blob', `HEAD:dist/${f}`]);
    return !want.equals(have);
  });
  expect(stale, `${what} differs from a fresh build in these files: ${fix}`).toEqual([]);
}, 180_000);

it('each bundle is one file that carries the md5 of its own text as the code identity of page records', () => {
  const dist = path.join(PROJECT_ROOT, 'dist');
  // One file per entry: no chunks beside them (the command ships as one esbuild bundle).
  expect(files(dist).filter((f) => f.endsWith('.js')).sort()).toEqual(['cli.js', 'index.js']);
  for (const name of ['cli.js', 'index.js']) {
    const text = readFileSync(path.join(dist, name), 'utf8');
    const ids = [...text.matchAll(/BUNDLE_CODE_ID = "([0-9a-f]{32})"/g)].map((m) => m[1]);
    expect(ids, `${name}: one code id written by scripts/build.mjs`).toHaveLength(1);
    const withPlaceholder = text.replace(ids[0]!, '@@hugo-prerender-bundle-code-id@');
    expect(createHash('md5').update(withPlaceholder).digest('hex'), name).toBe(ids[0]);
  }
});

it('the command is executable, as a fresh build writes it and as git holds it', () => {
  const out = tempDir('hp-dist-mode-');
  const build = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.mjs')], { cwd: PROJECT_ROOT, env: { ...process.env, HP_DIST: out }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // 644 here made a clone installed with `npm i ../hugo-prerender` (npm marks the bin 755) look changed,
  // broke that install's npx after any script that bundles, and stopped `git pull`.
  expect(statSync(path.join(out, 'cli.js')).mode & 0o777).toBe(0o755);
  expect(git(['ls-files', '-s', 'dist/cli.js']).toString()).toMatch(/^100755 /);
}, 180_000);
