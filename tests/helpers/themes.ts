/**
 * The theme sites of fixtures/themes (see its README), ready for Hugo: the shared post plus the theme's own
 * lines as a page bundle, then `hugo-prerender init` and `build`, in a temporary copy. And what the theme
 * tests check on every theme: each formula once and readable in what a theme derives from content.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { copySite, PROJECT_ROOT } from './hugo.js';
import { byTag, hasClass, parseHtml, textWithout, type Element } from './html.js';
import { runCli, runPrerender, type CliRun } from './prerender.js';

const THEMES = path.join(PROJECT_ROOT, 'fixtures/themes');
export const POST = 'posts/why-tanh/index.html';

export interface ThemeSite {
  dir: string;
  init: CliRun;
  run: CliRun;
}

export interface ThemeSiteOptions {
  /**
   * npm packages (this project's devDependencies) the site's config mounts from its `node_modules`: copied
   * there with everything they depend on, as `npm install` in the site puts them. A copy, not a link:
   * Hugo 0.169's js.Build refuses an import that resolves outside the site.
   */
  packages?: string[];
  /** Also put the test image into the post's bundle (for a theme whose figure takes page resources). */
  bundleImage?: boolean;
  /** Changes to the site before `init` (with the post in place). */
  before?: (dir: string) => void;
  /** hugo-prerender's options before the word `build` (`--hugo PATH`). */
  cliOptions?: string[];
}

/** Copies `names` and the packages they depend on (`dependencies`, found as Node finds them) from this project's node_modules. */
function copyPackages(siteDir: string, names: readonly string[]): void {
  const top = path.join(PROJECT_ROOT, 'node_modules');
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    let dir = from;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) {
        if (found.has(candidate)) return;
        found.add(candidate);
        const pkg = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
        for (const d of Object.keys(pkg.dependencies ?? {})) visit(d, candidate);
        return;
      }
      if (dir === PROJECT_ROOT) throw new Error(`${name} (needed by ${from}) is not installed: run npm ci`);
      dir = path.dirname(dir);
    }
  };
  for (const n of names) visit(n, PROJECT_ROOT);
  for (const p of found) {
    const rel = path.relative(top, p);
    // A package nested in another's node_modules comes with that one.
    if (rel.split(path.sep).includes('node_modules')) continue;
    cpSync(p, path.join(siteDir, 'node_modules', rel), { recursive: true, verbatimSymlinks: true });
  }
}

/** A theme's site with the shared post (plus the theme's own lines) as a page bundle, after `init` and `build`. */
export function prepareThemeSite(name: string, opts: ThemeSiteOptions = {}): ThemeSite {
  const dir = copySite(path.join(THEMES, name));
  const bundle = path.join(dir, 'content/posts/why-tanh');
  mkdirSync(bundle, { recursive: true });
  const extra = readFileSync(path.join(THEMES, name, 'post-extra.md'), 'utf8');
  writeFileSync(path.join(bundle, 'index.md'), readFileSync(path.join(THEMES, 'post/index.md'), 'utf8') + extra);
  copyFileSync(path.join(THEMES, 'post/loss.csv'), path.join(bundle, 'loss.csv'));
  const dot = path.join(PROJECT_ROOT, 'fixtures/everywhere/site/static/images/dot.png');
  mkdirSync(path.join(dir, 'static/images'), { recursive: true });
  copyFileSync(dot, path.join(dir, 'static/images/dot.png'));
  if (opts.bundleImage) copyFileSync(dot, path.join(bundle, 'dot.png'));
  if (opts.packages) copyPackages(dir, opts.packages);
  opts.before?.(dir);
  const init = runCli(['init', '-s', dir]);
  return { dir, init, run: opts.cliOptions ? runCli([...opts.cliOptions, 'build', '-s', dir]) : runPrerender(dir) };
}

/** The sites on models of themes (a theme of their own in `themes/`); the real theme's site (Doks, from npm) has none. */
export const NAMES = readdirSync(THEMES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(THEMES, e.name, 'themes')))
  .map((e) => e.name)
  .sort();

/** The sites of real themes, installed from npm (tests/integration/theme-doks.test.ts). */
export const REAL_THEMES = ['doks'];

/**
 * TeX of the post, as it would show if left raw or pulled out of KaTeX's annotation. (`W h_{t-1}`, not
 * `h_{t-1}` alone: the LSTM and GRU diagrams' descriptions, text in .Plain, name h_{t-1} in words.)
 */
export const TEX = /\\tanh|W h_\{t-1\}|\$h_t|\\frac|\\operatorname|HAHAHUGOSHORTCODE/;
/** The first formula of the body, "h_t = tanh(W h_{t-1} + x_t)", as text. */
export const FIRST = /tanh\u2061?\(W/g;
/** The formula of a heading ("Why $\tanh$ saturates"), as text. */
export const HEADING = /tanh/g;

/**
 * Each formula once and readable: "h_t = tanh(W h_{t-1} + x_t)" once (or for a TOC the heading's
 * formula), never its TeX, never a Hugo placeholder.
 */
export function once(t: string, formula: RegExp): void {
  const shown = { start: t.slice(0, 300), count: t.match(formula)?.length ?? 0, tex: TEX.exec(t)?.[0] ?? null };
  expect(shown).toEqual({ start: shown.start, count: 1, tex: null });
}

/** What a reader sees: no <head>, no KaTeX MathML copy (hidden by the stylesheet), no SVG title or description. */
export const visible = (el: Element) => textWithout(el, (e) => e.tagName === 'head' || hasClass(e, 'katex-mathml') || e.tagName === 'svg');
export const body = (html: string) => byTag(parseHtml(html), 'body')[0]!;
export const head = (html: string) => byTag(parseHtml(html), 'head')[0]!;

/** XML's five character references and numeric ones, decoded (an RSS description holds escaped HTML). */
export const xmlText = (s: string) =>
  s
    .replace(/&(lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
    )
    .replace(/&amp;/g, '&');

/** The RSS item of the post in a feed: its description, as the text of the HTML a feed reader shows. */
export function rssItemText(feed: string): string {
  const item = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!).find((i) => i.includes('why-tanh'));
  expect(item, 'no RSS item for the post').toBeDefined();
  const description = /<description>([\s\S]*?)<\/description>/.exec(item!)?.[1] ?? '';
  return textWithout(parseHtml(xmlText(description)), () => false);
}
