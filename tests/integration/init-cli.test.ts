/**
 * `hugo-prerender init` from the command line: the package's templates are mounted by a path that holds
 * on any machine (the node_modules/hugo-prerender Node resolves from the site, never its symlink target),
 * and a config it cannot extend is an error at file:line:column with the lines to paste.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { runCli } from '../helpers/prerender.js';

function project(files: Record<string, string>): string {
  const root = tempDir('hp-init-cli-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const sources = (toml: string) => [...toml.matchAll(/^source = "([^"]+)"/gm)].map((m) => m[1]);

describe('hugo-prerender init', () => {
  it('a site in a subfolder of a project that linked the package (npm install ../hugo-prerender): ../node_modules/hugo-prerender/layouts', () => {
    const root = project({ 'blog/hugo.toml': 'title = "x"\n' });
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync(PROJECT_ROOT, path.join(root, 'node_modules/hugo-prerender'), 'dir');
    const r = runCli(['init', '-s', 'blog', '--hugo-version', '0.111.3'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const toml = readFileSync(path.join(root, 'blog/hugo.toml'), 'utf8');
    expect(sources(toml)).toContain('../node_modules/hugo-prerender/layouts');
    expect(toml).not.toContain(path.basename(PROJECT_ROOT) + '/layouts');
    expect(r.stdout).not.toMatch(/not installed/);
  });

  it('a pnpm layout (node_modules/hugo-prerender → .pnpm/hugo-prerender@…): the link, not the versioned folder', () => {
    const root = project({ 'hugo.yaml': 'title: x\n' });
    const store = path.join(root, 'node_modules/.pnpm/hugo-prerender@0.1.0/node_modules');
    mkdirSync(store, { recursive: true });
    symlinkSync(PROJECT_ROOT, path.join(store, 'hugo-prerender'), 'dir');
    symlinkSync('.pnpm/hugo-prerender@0.1.0/node_modules/hugo-prerender', path.join(root, 'node_modules/hugo-prerender'), 'dir');
    const r = runCli(['init', '--hugo-version', '0.169.0'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const yaml = readFileSync(path.join(root, 'hugo.yaml'), 'utf8');
    expect(yaml).toContain('- source: node_modules/hugo-prerender/layouts\n');
    expect(yaml).not.toContain('.pnpm');
  });

  it('without an installed package: the running package\'s templates, and a note that says how to get a portable path', () => {
    const root = project({ 'hugo.toml': '' });
    const r = runCli(['init', '--hugo-version', '0.111.3'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(sources(readFileSync(path.join(root, 'hugo.toml'), 'utf8'))).toContain(path.relative(root, path.join(PROJECT_ROOT, 'layouts')));
    expect(r.stdout).toMatch(/not installed in a node_modules folder of this site or above it.*npm install --save-dev/);
  });

  it('a config it cannot extend: exit 1, file:line:column, what to do, the lines to paste, and the file untouched', () => {
    const text = '{\n  "module": {"mounts": "content"}\n}\n';
    const root = project({ 'config.json': text });
    const r = runCli(['init', '--hugo-version', '0.111.3'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^hugo-prerender init: config\.json:2:24: "mounts" is not an array.*the file was not changed\. Make its module mounts these/);
    expect(r.stderr).toContain('"source": ".prerender/content"');
    expect(readFileSync(path.join(root, 'config.json'), 'utf8')).toBe(text);
  });
});
