/**
 * Where the head partial goes. Most themes call a partial of their own inside `<head>` that a site may
 * provide (a "head hook"): one file with `{{ partial "prerender/head.html" . }}` links our stylesheets,
 * instead of a copy of the theme's head. Each hook below was read in the theme's source (see
 * docs/themes.md): the partial the theme calls, and the site file that provides it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The line a site's head hook holds. */
export const HEAD_PARTIAL_CALL = '{{ partial "prerender/head.html" . }}';

export interface HeadHook {
  theme: string;
  /** The site file to create (site-relative, forward slashes). */
  file: string;
  /** How the theme's templates call it. */
  call: RegExp;
  /** Said after the advice to create the file (e.g. that the theme's starter already has it). */
  note?: string;
}

export const HEAD_HOOKS: readonly HeadHook[] = [
  { theme: 'PaperMod', file: 'layouts/partials/extend_head.html', call: /partial\s+"extend_head(\.html)?"/ },
  { theme: 'Stack', file: 'layouts/partials/head/custom.html', call: /partial\s+"head\/custom(\.html)?"/ },
  { theme: 'Hextra', file: 'layouts/partials/custom/head-end.html', call: /partial\s+"custom\/head-end(\.html)?"/ },
  { theme: 'hugo-book', file: 'layouts/partials/docs/inject/head.html', call: /partial\s+"docs\/inject\/head(\.html)?"/ },
  { theme: 'Ananke', file: 'layouts/partials/head-additions.html', call: /(partial|partials\.Include)\s+"head-additions(\.html)?"/ },
  { theme: 'Congo or Blowfish', file: 'layouts/partials/extend-head.html', call: /partial\s+"extend-head(\.html)?"/ },
  // @thulite/doks-core's head.html (1.8: partials/head/head.html, 1.9: _partials/head/head.html).
  { theme: 'Doks', file: 'layouts/partials/head/custom-head.html', call: /partial\s+"head\/custom-head(\.html)?"/, note: "Doks' starter has this file: add the line to it" },
];

/**
 * Themes without a head hook, whose `<head>` template a site overrides with a copy plus the line: the
 * partial to copy (below the theme's layouts folder), recognised by how the theme calls it. Read in the
 * theme's source (docs/themes.md).
 */
export interface HeadOverride {
  theme: string;
  /** The theme's partial, relative to its layouts folder. */
  partial: string;
  call: RegExp;
}

export const HEAD_OVERRIDES: readonly HeadOverride[] = [
  // LoveIt's baseof.html writes <head> from head/meta.html and head/link.html; meta.html is the short one.
  { theme: 'LoveIt', partial: 'partials/head/meta.html', call: /partial\s+"head\/meta(\.html)?"/ },
];

/** Every template file (`.html`, or the extension given) below `dir`, sorted. */
function templates(dir: string, ext = '.html'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function kindOf(p: string): 'file' | 'dir' | undefined {
  try {
    const st = statSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

const isFile = (p: string) => kindOf(p) === 'file';

/** hugo-prerender's own layouts (or a copy): they mention the partial in comments, and link nothing themselves. */
function isPackageLayouts(dir: string): boolean {
  return isFile(path.join(dir, 'partials', 'prerender', 'head.html'));
}

/** Calls `fn` with each readable template of `layoutDirs` (hugo-prerender's own layouts left out) and its layouts folder. */
function eachTemplate(layoutDirs: readonly string[], fn: (file: string, text: string, dir: string) => void, ext = '.html'): void {
  for (const dir of layoutDirs) {
    if (isPackageLayouts(dir)) continue;
    for (const file of templates(dir, ext)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      fn(file, text, dir);
    }
  }
}

export interface HeadReport {
  /** Templates that call our head partial (or the katex partial), absolute. */
  linking: string[];
  /** The head hooks the site's themes call, in HEAD_HOOKS order. */
  hooks: HeadHook[];
  /**
   * Without a hook: the theme's partial that writes `<head>` (or the known one to override, see
   * HEAD_OVERRIDES), absolute, with the path a site copy of it takes (site-relative, forward slashes).
   */
  override?: { theme?: string; from: string; to: string };
}

/**
 * Which templates of the site, its themes and modules (`layoutDirs`, see site/fallbacks.ts) call our
 * head partial, and which head hooks its themes call.
 */
export function headReport(layoutDirs: readonly string[]): HeadReport {
  const linking: string[] = [];
  const hooks = new Set<HeadHook>();
  const called = new Set<HeadOverride>();
  let headPartial: { from: string; to: string } | undefined;
  eachTemplate(layoutDirs, (file, text, dir) => {
    if (/partial\s+"prerender\/(head|katex)(\.html)?"/.test(text)) linking.push(file);
    for (const h of HEAD_HOOKS) if (h.call.test(text)) hooks.add(h);
    for (const o of HEAD_OVERRIDES) if (o.call.test(text)) called.add(o);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (!headPartial && /^_?partials\//.test(rel) && /<head[\s>]/i.test(text)) headPartial = { from: file, to: `layouts/${rel.replace(/^_partials\//, 'partials/')}` };
  });
  const report: HeadReport = { linking, hooks: HEAD_HOOKS.filter((h) => hooks.has(h)) };
  if (report.hooks.length > 0) return report;
  for (const o of HEAD_OVERRIDES) {
    if (!called.has(o)) continue;
    const from = layoutDirs.map((d) => path.join(d, ...o.partial.split('/'))).find(isFile);
    if (from) return { ...report, override: { theme: o.theme, from, to: `layouts/${o.partial}` } };
  }
  return headPartial ? { ...report, override: headPartial } : report;
}

/**
 * What to do so that pages link the stylesheets: the theme's hook file, a copy of the theme's head
 * partial with the line added, or the line in the `<head>` template. `siteDir` makes paths relative.
 */
export function headAdvice(report: Pick<HeadReport, 'hooks' | 'override'>, siteDir = ''): string {
  const hook = report.hooks[0];
  if (hook) return `your theme calls a head hook (${hook.theme}): create ${hook.file} containing ${HEAD_PARTIAL_CALL}${hook.note ? ` (${hook.note})` : ''}`;
  const o = report.override;
  if (o) {
    const from = siteDir ? path.relative(siteDir, o.from).split(path.sep).join('/') : o.from;
    return `your theme${o.theme ? ` (${o.theme})` : ''} has no head hook: copy ${from} to ${o.to} in your site and add ${HEAD_PARTIAL_CALL} to it${o.theme ? '' : ' before </head>'}`;
  }
  return `add ${HEAD_PARTIAL_CALL} to the <head> of your base template (a theme without a head hook: override the one partial of it that writes <head>, see docs/themes.md)`;
}

/**
 * Templates of the site, its themes and modules that read Hugo's own heading data: `.TableOfContents`
 * or `.Fragments` (Hextra's "On this page", most themes' TOC). Hugo builds both from a heading's
 * Markdown before it expands shortcodes, so on such a site math in a heading must not travel as a
 * shortcode (see src/prerender-page.ts). Template comments are ignored, and so is a template that
 * calls hugo-prerender's own `prerender/toc.html` (it shows the typeset TOC the build wrote, and may
 * test `.Fragments.Headings` for emptiness). Site-relative paths, forward slashes.
 */
export function headingDataTemplates(siteDir: string, layoutDirs: readonly string[]): string[] {
  const out: string[] = [];
  eachTemplate(layoutDirs, (file, text) => {
    const code = text.replace(/\{\{-?\s*\/\*[^]*?\*\/\s*-?\}\}/g, '');
    if (/partial\s+"prerender\/toc(\.html)?"/.test(code)) return;
    if (/\.(TableOfContents|Fragments)\b/.test(code)) out.push(path.relative(siteDir, file).split(path.sep).join('/'));
  });
  return out;
}

/** What a feed template may show of a page beyond `.Summary`: its content, directly or through another template. */
const READS_CONTENT = /\.(Content|ContentWithoutSummary|Plain|PlainWords|RawContent|Render|RenderString)\b|\b(partial|partialCached|template|block)\s/;

/**
 * Templates of the site, its themes and modules that may put more of a page than its `.Summary` into an
 * RSS feed: any `.xml` template (Hugo picks an RSS template among `rss.xml`, `index.rss.xml`,
 * `list.xml`, … in every layouts folder) that reads the page's content, or calls another template that
 * might. Hugo's own RSS template shows `.Summary`. Template comments are ignored. Site-relative paths,
 * forward slashes; a theme or module that is not on disk (a module not vendored: see moduleLayoutDirs in
 * site/fallbacks.ts) is listed as its folder, since its feed templates cannot be read.
 */
export function feedContentTemplates(siteDir: string, layoutDirs: readonly string[], moduleLayoutDirs: readonly string[][] = []): string[] {
  const rel = (file: string) => path.relative(siteDir, file).split(path.sep).join('/');
  const out: string[] = [];
  eachTemplate(
    layoutDirs,
    (file, text) => {
      const code = text.replace(/\{\{-?\s*\/\*[^]*?\*\/\s*-?\}\}/g, '');
      if (READS_CONTENT.test(code)) out.push(rel(file));
    },
    '.xml',
  );
  // A module folder without layouts has no templates; one that is not there may have any.
  for (const candidates of moduleLayoutDirs) {
    if (!candidates.some((d) => kindOf(path.dirname(d)) === 'dir')) out.push(rel(path.dirname(candidates[0]!)));
  }
  return out;
}
