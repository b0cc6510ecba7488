/**
 * The theme sites of fixtures/themes (see its README), ready for Hugo: the shared post plus the theme's own
 * lines as a page bundle, then `hugo-prerender init` and `build`, in a temporary copy.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copySite, PROJECT_ROOT } from './hugo.js';
import { runCli, runPrerender, type CliRun } from './prerender.js';

const THEMES = path.join(PROJECT_ROOT, 'fixtures/themes');
export const POST = 'posts/why-tanh/index.html';

export interface ThemeSite {
  dir: string;
  init: CliRun;
  run: CliRun;
}

/** A theme's site with the shared post (plus the theme's own lines) as a page bundle, after `init` and `build`. */
export function prepareThemeSite(name: string): ThemeSite {
  const dir = copySite(path.join(THEMES, name));
  const bundle = path.join(dir, 'content/posts/why-tanh');
  mkdirSync(bundle, { recursive: true });
  const extra = readFileSync(path.join(THEMES, name, 'post-extra.md'), 'utf8');
  writeFileSync(path.join(bundle, 'index.md'), readFileSync(path.join(THEMES, 'post/index.md'), 'utf8') + extra);
  copyFileSync(path.join(THEMES, 'post/loss.csv'), path.join(bundle, 'loss.csv'));
  mkdirSync(path.join(dir, 'static/images'), { recursive: true });
  copyFileSync(path.join(PROJECT_ROOT, 'fixtures/everywhere/site/static/images/dot.png'), path.join(dir, 'static/images/dot.png'));
  const init = runCli(['init', '-s', dir]);
  return { dir, init, run: runPrerender(dir) };
}

export const NAMES = readdirSync(THEMES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'post')
  .map((e) => e.name)
  .sort();

