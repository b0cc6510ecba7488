/**
 * The site's settings come from the files Hugo reads (found by an audit: every command read
 * config/production/, and `hugo --config site.toml` was "no Hugo configuration"): the environment's
 * config/ENV/ (`-e`, else HUGO_ENVIRONMENT, else production for a build and development beside hugo
 * server) and the files `--config` names instead of the root one. A macro defined only in one
 * environment's params is the witness: typeset where that environment is read, an error elsewhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { defaultEnvironment, findSiteConfigFiles } from '../../src/site/config.js';
import { hugoConfigSelection, hugoFlag } from '../../src/hugo-command.js';
import { watchSite, type WatchHandle } from '../../src/watch.js';
import { describeEachHugo, tempDir } from '../helpers/hugo.js';
import { runCli } from '../helpers/prerender.js';
import { write } from '../helpers/temp-site.js';

const BASE = 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n';
const MACRO = (name: string) => `[prerender.katex.macros]\n"\\\\${name}" = "\\\\mathbb{R}"\n`;

/** A site whose post uses \RR, \DD and \SS, defined in config/staging, config/development and site.toml. */
function site(): string {
  const dir = path.join(tempDir('hp-config-env-'), 'site');
  write(dir, 'hugo.toml', BASE);
  write(dir, 'config/staging/params.toml', MACRO('RR'));
  write(dir, 'config/development/params.toml', MACRO('DD'));
  write(dir, 'layouts/_default/single.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
  write(dir, 'layouts/_default/list.html', '<!doctype html><html><head></head><body></body></html>\n');
  // As a user runs it: the package's layouts mounted as this machine finds them.
  expect(runCli(['init', '-s', dir]).code).toBe(0);
  // Another config file, for --config: the same site (its mounts included), and one more macro.
  write(dir, 'site.toml', `${readFileSync(path.join(dir, 'hugo.toml'), 'utf8')}\n${MACRO('SS').replace('[prerender', '[params.prerender')}`);
  return dir;
}
const post = (dir: string, tex: string) => write(dir, 'content/posts/p.md', `---\ntitle: P\n---\nThe reals $${tex}$.\n`);
const undefinedMacro = (r: { diagnostics: { severity: string; message: string }[] }) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => /Undefined control sequence: (\\\w+)/.exec(d.message)?.[1] ?? d.message);

describe('which config files are read', () => {
  it('Hugo\'s flags and variables: -e/--environment, --config a,b, HUGO_ENVIRONMENT then HUGO_ENV', () => {
    expect(hugoFlag(['--minify', '-e', 'staging'], 'environment', 'e')).toBe('staging');
    expect(hugoFlag(['--environment=prod', '-estaging'], 'environment', 'e')).toBe('staging');
    expect(hugoFlag(['--', '-e', 'x'], 'environment', 'e')).toBeUndefined();
    expect(hugoConfigSelection(['--config', 'a.toml,b.toml'], 'build')).toEqual({ environment: defaultEnvironment('build'), files: ['a.toml', 'b.toml'] });
    expect(defaultEnvironment('build', {})).toBe('production');
    expect(defaultEnvironment('server', {})).toBe('development');
    expect(defaultEnvironment('server', { HUGO_ENV: 'a' })).toBe('a');
    expect(defaultEnvironment('build', { HUGO_ENVIRONMENT: 'b', HUGO_ENV: 'a' })).toBe('b');
    const dir = site();
    const rel = (env: string | null, files?: string[]) => findSiteConfigFiles(dir, env, files).map((f) => path.relative(dir, f.path));
    expect(rel('staging')).toEqual(['hugo.toml', 'config/staging/params.toml']);
    expect(rel('production')).toEqual(['hugo.toml']);
    // Named with or without its extension, as Hugo takes it; later files win.
    expect(rel(null, ['site', 'hugo.toml'])).toEqual(['site.toml', 'hugo.toml']);
  });

  it('build and check: -e staging reads config/staging/; the default (production) does not; --config reads its files', async () => {
    const dir = site();
    post(dir, '\\RR');
    expect(undefinedMacro(await prerender({ source: dir, config: { environment: 'staging' } }))).toEqual([]);
    expect(undefinedMacro(await prerender({ source: dir, config: { environment: 'production' } }))).toEqual(['\\RR']);
    expect(runCli(['build', '-s', dir, '-e', 'staging']).code).toBe(0);
    expect(runCli(['check', '-s', dir, '--environment', 'staging']).code).toBe(0);
    expect(runCli(['build', '-s', dir]).code).toBe(1);
    // --config: site.toml instead of hugo.toml.
    post(dir, '\\SS');
    expect(runCli(['build', '-s', dir, '--config', 'site.toml']).code).toBe(0);
    expect(runCli(['build', '-s', dir]).code).toBe(1);
  });

  describe('watch', () => {
    let handle: WatchHandle | undefined;
    afterEach(async () => {
      await handle?.close();
      handle = undefined;
    });
    it('reads config/development/, as hugo server beside it does', async () => {
      const dir = site();
      post(dir, '\\DD');
      let first: Awaited<ReturnType<typeof prerender>> | undefined;
      handle = watchSite({ source: dir, onBuild: (r) => (first ??= r) });
      await handle.ready;
      expect(undefinedMacro(first!)).toEqual([]);
    });
  });
});

describeEachHugo('the hugo command reads what Hugo reads', (hugo) => {
  it('hugo -e staging and hugo --config site.toml: prerendered with that config, then built by Hugo', () => {
    const dir = site();
    post(dir, '\\RR');
    const run = (args: string[]) => runCli(['--hugo', hugo.bin, 'hugo', '-s', dir, '-d', path.join(dir, 'public'), '--noBuildLock', ...args]);
    const staging = run(['-e', 'staging']);
    expect(staging.code, staging.stdout + staging.stderr).toBe(0);
    // Without it, Hugo builds production, which lacks the macro: the prerender says so and Hugo does not run.
    expect(run([]).code).toBe(1);
    post(dir, '\\SS');
    const other = run(['--config', 'site.toml']);
    expect(other.code, other.stdout + other.stderr).toBe(0);
  });
});

describeEachHugo("Hugo's HUGO_ variables set any setting, for the prerender as for Hugo", (hugo) => {
  it('HUGO_PARAMS_PRERENDER_ERRORS=render: the build renders the bad formula in red, as the setting in the config does, then Hugo', () => {
    const dir = site();
    // \DD is defined in config/development only: an error in production, unless errors = "render".
    post(dir, '\\DD');
    const env = { ...process.env };
    delete env.HUGO_ENVIRONMENT;
    delete env.HUGO_ENV;
    const run = (vars: Record<string, string>) =>
      runCli(['--hugo', hugo.bin, 'hugo', '-s', dir, '-d', path.join(dir, 'public'), '--noBuildLock'], { env: { ...env, ...vars } });
    expect(run({}).code).toBe(1);
    const rendered = run({ HUGO_PARAMS_PRERENDER_ERRORS: 'render' });
    expect(rendered.code, rendered.stdout + rendered.stderr).toBe(0);
    expect(rendered.stdout).toMatch(/warning: .*Undefined control sequence: \\DD/);
    // KaTeX's error rendering: the command in red.
    expect(readFileSync(path.join(dir, 'public/posts/p/index.html'), 'utf8')).toContain('<mstyle mathcolor="#cc0000"><mtext>\\DD</mtext></mstyle>');
    // Another delimiter (for keys with an underscore of their own): HUGOx…; and "fail" again.
    expect(run({ HUGOxPARAMSxPRERENDERxERRORS: 'render' }).code).toBe(0);
    expect(run({ HUGO_PARAMS_PRERENDER_ERRORS: 'fail' }).code).toBe(1);
  });
});
