/**
 * `hugo-prerender check`: how ready a site's pages are, without writing anything. Every content file goes
 * through the same prerenderPage as `build`; the result lists, per page, the formulas found, how many were
 * typeset, and each one that failed with KaTeX's reason at its file:line:column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { readSiteConfig, shadowTree, type ConfigSelection } from './site/config.js';
import type { FormulaReport, OtherFormula } from './prerender-page.js';
import { badLanguageDiagnostic, compareDiagnostics, headProblem, resolveModules, listContentFiles, mountProblems, ownTagsInOtherFormat, shadowPlace, ShadowIgnored, unreadableDirDiagnostic, type UnreadableDir } from './build.js';
import { ShadowNames } from './site/shadow-names.js';
import { bundleDirOf, hasDarkImage, pageServices, prerenderPage } from './build-page.js';
import { refusedLinkDiagnostic, siteRoots } from './site/safe-path.js';
import { askHugoVersion } from './site/hugo-version.js';
import { nestedMountTargets, pageSettings } from './page-settings.js';
import { unreadableMessage } from './site/fs-errors.js';

export interface PageCheck {
  /** Site-relative path, `/`-separated. */
  file: string;
  /** Every formula located in the page's text (with its error when KaTeX rejected it). */
  formulas: FormulaReport[];
  /** Every formula outside the text: captions, labels, titles, descriptions, a front-matter summary. */
  otherFormulas: OtherFormula[];
  /** Formulas found, in the text and outside it. */
  found: number;
  typeset: number;
  /** Warnings and errors about the page (TeX left raw, unknown commands…). */
  diagnostics: Diagnostic[];
}

export interface CheckResult {
  pages: PageCheck[];
  found: number;
  typeset: number;
  /** Problems that concern the site rather than a page (an unreadable config). */
  diagnostics: Diagnostic[];
  /** The config file, when it does not mount `.prerender/content` (as build's result says it). */
  unmounted?: string;
}

export interface CheckOptions {
  /** Overrides `params.prerender.errors`: how a formula KaTeX rejects is reported (as `build` reports it). */
  errors?: 'fail' | 'render';
  /** Which config files to read (Hugo's environment, --config); a build's defaults when absent. */
  config?: ConfigSelection;
  /** The hugo binary the site is built with, where its version matters (as build's `hugo`); default: `hugo` on PATH. */
  hugo?: string;
}

export async function checkSite(source: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const siteDir = path.resolve(source);
  const result: CheckResult = { pages: [], found: 0, typeset: 0, diagnostics: [] };
  let config;
  try {
    config = readSiteConfig(siteDir, opts.config ?? {});
  } catch (e) {
    result.diagnostics.push({ severity: 'error', line: 1, column: 1, message: `cannot read the site configuration: ${(e as Error).message}` });
    return result;
  }
  result.diagnostics.push(...config.diagnostics);
  if (!config.file) {
    result.diagnostics.push({
      severity: 'error',
      line: 1,
      column: 1,
      message: `${siteDir} has no Hugo configuration (hugo.toml, hugo.yaml, hugo.json or config.*); is this a Hugo site? Pass it with -s DIR`,
    });
    return result;
  }
  // As build reports them: every formula of every page is typeset either way (a rejected one never holds
  // its page back), and a rejected one is an error or, where the site renders errors, a warning.
  const errorMode = opts.errors ?? config.prerender.errors;
  // Images through static or assets mounts whose targets nest are looked up as the `hugo` on PATH reads them (as build does).
  const version = nestedMountTargets(config) ? askHugoVersion(opts.hugo ?? 'hugo') : undefined;
  // Themes and modules not all in themes/ or _vendor/: asked of Hugo, as build does (uncached: check writes nothing).
  const modules = resolveModules(siteDir, config, opts.config ?? {}, opts.hugo);
  if (modules) result.diagnostics.push(modules);
  const light = pageSettings(config, siteDir, errorMode, version && 'version' in version ? version.version : undefined);
  const { renderer, services, settings, site, diagnostics } = pageServices(config, siteDir, errorMode, light);
  result.diagnostics.push(...diagnostics);
  // What build says of the site's mounts, at the same places.
  const mounts = mountProblems(siteDir, config);
  if (mounts.unmounted !== undefined) result.unmounted = mounts.unmounted;
  result.diagnostics.push(...mounts.diagnostics);
  const seen = new Set<string>();
  const shadowIgnored = new ShadowIgnored(config, siteDir);
  // As build: a file whose copy would land on another's (`Case.md` beside `case.md`), or whose name no
  // copy can carry (a backslash, a backtick), is an error, and is not prerendered.
  const names = new ShadowNames();
  let anyDark = false;
  const claim = (tree: string, root: { dir: string; target?: string | undefined }, abs: string, file: string): boolean => {
    const rel = path.relative(root.dir, abs).split(path.sep).join('/');
    const bad = names.claim(tree, root.target ? path.posix.join(root.target, rel) : rel, file);
    if (bad === undefined) return true;
    result.pages.push({ file, formulas: [], otherFormulas: [], found: 0, typeset: 0, diagnostics: [{ severity: 'error', code: 'file-name', file, line: 1, column: 1, message: bad }] });
    return false;
  };
  for (const root of config.contentRoots) {
    if (seen.has(root.dir)) continue;
    seen.add(root.dir);
    const refused: { link: string; target: string }[] = [];
    const unreadable: UnreadableDir[] = [];
    const otherFormats: string[] = [];
    const tree = shadowTree(root.lang);
    if (tree === undefined) {
      result.diagnostics.push(badLanguageDiagnostic(siteDir, config, root, 'its pages were not checked'));
      continue;
    }
    // As build: a page of a disabled language, or whose shadow Hugo would leave out (ignoreFiles), is not prerendered.
    const skip = (abs: string) => shadowPlace(config, shadowIgnored, root, tree, abs) === undefined;
    const files = listContentFiles(root.dir, siteRoots(site), refused, unreadable, otherFormats, root.filter).filter((abs) => !skip(abs));
    for (const r of refused) {
      result.diagnostics.push(refusedLinkDiagnostic(siteDir, r));
    }
    for (const u of unreadable) {
      result.diagnostics.push(unreadableDirDiagnostic(siteDir, u, 'its pages were not checked'));
    }
    for (const abs of files) {
      const file = path.relative(siteDir, abs).split(path.sep).join('/');
      if (!claim(tree, root, abs, file)) continue;
      let text: string;
      try {
        text = readFileSync(abs, 'utf8');
      } catch (e) {
        result.diagnostics.push({ severity: 'error', code: 'unreadable', file, line: 1, column: 1, message: unreadableMessage(e, 'file', file, 'it was not checked') });
        continue;
      }
      const r = await prerenderPage(text, {
        page: { absPath: abs, relPath: file, bundleDir: bundleDirOf(abs), ...(root.lang !== undefined ? { lang: root.lang } : {}), frontMatter: {} },
        site,
        settings,
        renderer,
        errorMode,
        services,
        lookUpImagesOnly: true,
      });
      // As build: a figure with a dark image needs prerender.css (the head partial) to hide one of its two.
      if (hasDarkImage(r.fragments)) anyDark = true;
      const others = r.otherFormulas ?? [];
      const found = r.formulas.length + others.length;
      const typeset = found - r.formulas.filter((f) => f.error !== undefined).length - others.filter((f) => f.error !== undefined).length;
      result.pages.push({ file, formulas: r.formulas, otherFormulas: others, found, typeset, diagnostics: r.diagnostics });
      result.found += found;
      result.typeset += typeset;
    }
    // Org, AsciiDoc, Pandoc, rST pages: only our own tags in them are a problem (build cuts them), as build says.
    for (const abs of otherFormats) {
      if (skip(abs)) continue;
      const file = path.relative(siteDir, abs).split(path.sep).join('/');
      let text: string;
      try {
        text = readFileSync(abs, 'utf8');
      } catch {
        continue; // Hugo reads it, not us: build says nothing either
      }
      const own = ownTagsInOtherFormat(text, file);
      if (own && claim(tree, root, abs, file)) result.pages.push({ file, formulas: [], otherFormulas: [], found: 0, typeset: 0, diagnostics: [own.diagnostic] });
    }
  }
  result.diagnostics.push(...shadowIgnored.diagnostics());
  // The head partial, as build says: math typeset anywhere (a title's included) needs its stylesheet,
  // a figure with a dark image prerender.css.
  const head = headProblem(siteDir, config, result.typeset > 0, anyDark);
  if (head) result.diagnostics.push(head);
  return result;
}

/** The report `hugo-prerender check` prints: one line per page with formulas or problems, then the total. */
export function formatCheck(r: CheckResult, opts: { formatDiagnostic: (d: Diagnostic) => string }): string {
  const lines: string[] = [];
  for (const d of r.diagnostics) lines.push(opts.formatDiagnostic(d));
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  for (const p of r.pages) {
    const problems = p.diagnostics;
    if (p.found === 0 && problems.length === 0) continue;
    const failed = p.found - p.typeset;
    lines.push(`${p.file}: ${n(p.found, 'formula', 'formulas')} found, ${p.typeset} typeset, ${failed} failed`);
    // In build's order (by line and column), not in the order the page's passes found them.
    for (const d of [...problems].sort(compareDiagnostics)) lines.push(`  ${opts.formatDiagnostic(d)}`);
  }
  // Formulas outside the text (captions, labels, titles, summaries), which build's own count leaves out.
  const outside = r.pages.reduce((sum, p) => sum + p.otherFormulas.length, 0);
  // Errors that are not a formula's (a shortcode's parameter, a missing file): build fails on them too.
  const others = [...r.diagnostics, ...r.pages.flatMap((p) => p.diagnostics)].filter((d) => d.severity === 'error' && d.code !== 'katex').length;
  lines.push(
    `hugo-prerender check: ${n(r.pages.length, 'page', 'pages')}, ${n(r.found, 'formula', 'formulas')} found${outside ? ` (${outside} outside the text)` : ''}, ${r.typeset} typeset${r.found ? ` (${((100 * r.typeset) / r.found).toFixed(1)} %)` : ''}, ${r.found - r.typeset} failed` +
      (others ? `; ${n(others, 'other error', 'other errors')}` : ''),
  );
  return lines.join('\n');
}
