/**
 * Installing hugo-prerender as a user does, from a clean clone of this repository's HEAD (no build, no
 * node_modules): by path, from a git URL and from an `npm pack` tarball. Each gives a working
 * `npx hugo-prerender` at once, since the bundle is committed (dist/) and the package has no dependencies
 * and no install or prepare script. One install each, from the local npm cache only (nothing to fetch).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hugoBinaries, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';

/** Each route installs and runs the CLI a few times: on a loaded 2-core machine that takes minutes. */
const ROUTE_TIMEOUT_MS = 300_000;

function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { code: number | null; out: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, ...opts, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...opts.env } });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, ms: Math.round(performance.now() - t0) };
}

const PKG = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

let root: string;
let clone: string;

beforeAll(() => {
  root = tempDir('hp-install-');
  clone = path.join(root, 'hugo-prerender');
  // A clean clone of the commit under test: what someone gets from `git clone`.
  const head = run('git', ['-C', PROJECT_ROOT, 'rev-parse', 'HEAD']).out.trim();
  expect(run('git', ['clone', '--quiet', '--no-checkout', PROJECT_ROOT, clone]).code).toBe(0);
  expect(run('git', ['-C', clone, 'checkout', '--quiet', head]).code).toBe(0);
  expect(existsSync(path.join(clone, 'node_modules'))).toBe(false);
}, 120_000);

/** A fresh npm project with a small Hugo site, ready for `npm install`. */
function userProject(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'content/posts'), { recursive: true });
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
  writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "x"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
  writeFileSync(path.join(dir, 'layouts/_default/list.html'), '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  writeFileSync(path.join(dir, 'content/posts/rnn.md'), '---\ntitle: RNN\n---\n\nThe state $h_t = \\tanh(W h_{t-1})$.\n');
  return dir;
}

/** `npm install --save-dev <spec>` from the local cache only, and what it left in node_modules. */
function install(dir: string, spec: string): { ms: number; packages: string[] } {
  const r = run('npm', ['install', '--save-dev', '--offline', spec], { cwd: dir });
  expect(r.code, r.out).toBe(0);
  const nm = path.join(dir, 'node_modules');
  const packages = readdirSync(nm).filter((n) => !n.startsWith('.'));
  return { ms: r.ms, packages };
}

function npxWorks(dir: string): void {
  const v = run('npx', ['--no-install', 'hugo-prerender', '--version'], { cwd: dir });
  expect(v.code, v.out).toBe(0);
  expect(v.out).toMatch(new RegExp(`^hugo-prerender ${PKG.version.replace(/\./g, '\\.')} \\(KaTeX \\d`));
  const init = run('npx', ['--no-install', 'hugo-prerender', 'init', '--hugo-version', '0.111.3'], { cwd: dir });
  expect(init.code, init.out).toBe(0);
  expect(readFileSync(path.join(dir, 'hugo.toml'), 'utf8')).toContain('source = "node_modules/hugo-prerender/layouts"');
  const build = run('npx', ['--no-install', 'hugo-prerender', 'build'], { cwd: dir });
  expect(build.code, build.out).toBe(0);
  expect(build.out).toMatch(/1 formula\b|1 formulas/);
}

describe('installing hugo-prerender', () => {
  it('by path from a clean clone (npm install --save-dev ../hugo-prerender): npx hugo-prerender works, and Hugo reads its templates through the link', () => {
    const dir = userProject('by-path');
    const r = install(dir, '../hugo-prerender');
    expect(lstatSync(path.join(dir, 'node_modules/hugo-prerender')).isSymbolicLink()).toBe(true);
    expect(r.packages).toEqual(['hugo-prerender']);
    npxWorks(dir);
    const hugo = hugoBinaries()[0];
    if (hugo) {
      const built = buildSite(hugo.bin, dir, { copy: false, linkPackage: false });
      expect(built.errors, built.stdout + built.stderr).toEqual([]);
      expect(built.read('posts/rnn/index.html')).toContain('class="katex"');
    }
  }, ROUTE_TIMEOUT_MS);

  it('from a git URL (git+file://…): nothing but the package is installed (no browser, no test tools), and npx hugo-prerender works', () => {
    const dir = userProject('by-git');
    const r = install(dir, `git+file://${clone}`);
    console.log(`git-URL install: ${r.ms} ms`);
    expect(r.packages).toEqual(['hugo-prerender']);
    expect(lstatSync(path.join(dir, 'node_modules/hugo-prerender')).isSymbolicLink()).toBe(false);
    npxWorks(dir);
  }, ROUTE_TIMEOUT_MS);

  it('from an npm pack tarball: npx hugo-prerender works', () => {
    const packed = run('npm', ['pack', '--silent', '--pack-destination', root, clone], { cwd: root });
    expect(packed.code, packed.out).toBe(0);
    const tarball = path.join(root, packed.out.trim().split('\n').at(-1)!);
    expect(existsSync(tarball), packed.out).toBe(true);
    const dir = userProject('by-tarball');
    const r = install(dir, tarball);
    expect(r.packages).toEqual(['hugo-prerender']);
    npxWorks(dir);
  }, ROUTE_TIMEOUT_MS);
});
