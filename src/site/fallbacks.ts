/**
 * Stand-in templates for the shortcodes hugo-prerender renders itself (rnn-unroll, plot, …), written to
 * `.prerender/layouts/shortcodes/<name>.html` by every build.
 *
 * In a shadow page our shortcodes are placeholders, so Hugo never runs these templates there. It does
 * when it renders a page from its original: a page whose first prerendering failed, or, measured with
 * `hugo server` 0.111.3, the instant between a save and the watcher's rewrite (that version re-reads the
 * changed original and renders it until the shadow changes too). Without a template Hugo's rebuild
 * fails with `template for shortcode "rnn-unroll" not found`; with this one it stays quiet beside a
 * running watcher and otherwise says what to do (layouts/partials/prerender/unrendered.html).
 *
 * A name the site already has a template for (its own layouts or a theme's) gets no stand-in: the
 * precedence between layout mounts differs between Hugo versions, so ours could replace the user's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getIn, isFile, layoutRoots, mountComponent, normalizeRel } from './config.js';
import type { ModuleRoots, MountedRoot } from './component-lookup.js';
import type { HugoModule } from './hugo-modules.js';

/** Shortcodes Hugo has built in: Hugo already knows a template for these. */
export const HUGO_BUILTIN_SHORTCODES: ReadonlySet<string> = new Set([
  'comment',
  'details',
  'figure',
  'gist',
  'highlight',
  'instagram',
  'param',
  'qr',
  'ref',
  'relref',
  'tweet',
  'twitter',
  'twitter_simple',
  'vimeo',
  'vimeo_simple',
  'x',
  'x_simple',
  'youtube',
]);

/**
 * The template Hugo runs for `name` on a page rendered from its original. Hugo insists that a template
 * mentioning `.Inner` is always used with a closing tag, and one that does not, never: so `.Inner` is
 * mentioned exactly for shortcodes whose inner content is required (an optional one is taken as bare).
 */
export function fallbackTemplate(name: string, inner: 'none' | 'optional' | 'required'): string {
  return (
    `{{- /* Written by hugo-prerender build. "${name}" is rendered by hugo-prerender; Hugo runs this only on a page it\n` +
    `  renders from the original instead of the prerendered copy (see partials/prerender/unrendered.html). */ -}}\n` +
    (inner === 'required' ? `{{- $_ := .Inner -}}\n` : '') +
    `{{- partial "prerender/unrendered.html" (dict "name" "${name}" "position" .Position "page" .Page) -}}\n`
  );
}

/**
 * Every layouts directory of the site, of its themes and of the modules it imports (as configured),
 * absolute, highest precedence first. An import path is looked up where Hugo looks first without a
 * module cache: `_vendor/<path>` and `<themesDir>/<path>`.
 */
export function siteLayoutDirs(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): string[] {
  const dirs = layoutRoots(siteDir, data)
    .filter((r) => r.target === '')
    .map((r) => r.dir);
  return [...dirs, ...moduleLayoutDirs(siteDir, data, modules).flat()];
}

/**
 * For each theme and imported module of the site, in order: the layouts folders where it may be found
 * (see siteLayoutDirs), absolute.
 */
export function moduleLayoutDirs(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): string[][] {
  // As Hugo has them (site/hugo-modules.ts): each module's folders mounted at layouts/, in Hugo's order.
  if (modules) {
    return modules.map((m) => {
      const own = m.mounts.filter((mt) => normalizeRel(mt.target) === 'layouts').map((mt) => path.resolve(m.dir, mt.source));
      return own.length > 0 ? own : [path.join(m.dir, 'layouts')];
    });
  }
  const theme = getIn(data, 'theme');
  const themes = typeof theme === 'string' ? [theme] : Array.isArray(theme) ? theme.filter((t): t is string => typeof t === 'string') : [];
  const themesDir = getIn(data, 'themesDir');
  const base = path.resolve(siteDir, typeof themesDir === 'string' && themesDir !== '' ? themesDir : 'themes');
  const out = themes.map((t) => [path.join(base, t, 'layouts')]);
  const imports = getIn(data, 'module.imports');
  for (const i of Array.isArray(imports) ? imports : []) {
    const p = typeof i === 'string' ? i : getIn(i, 'path');
    if (typeof p !== 'string' || p.trim() === '' || themes.includes(p)) continue;
    out.push([path.join(siteDir, '_vendor', p, 'layouts'), path.join(base, p, 'layouts')]);
  }
  return out;
}

/**
 * The first shortcode template `name` (`name.html`, `name.<format>.html`, …) in `layoutDirs`, in
 * `shortcodes/` or Hugo 0.146's `_shortcodes/`: its absolute path, or undefined.
 */
export function shortcodeTemplate(layoutDirs: readonly string[], name: string): string | undefined {
  for (const dir of layoutDirs) {
    for (const sub of ['_shortcodes', 'shortcodes']) {
      let entries: string[];
      try {
        entries = readdirSync(path.join(dir, sub));
      } catch {
        continue;
      }
      const hit = entries.filter((e) => e.startsWith(`${name}.`)).sort()[0];
      if (hit) return path.join(dir, sub, hit);
    }
  }
  return undefined;
}

/**
 * Every shortcode name the templates of `layoutDirs` define (`shortcodes/` and `_shortcodes/`, their
 * folders too: `shortcodes/blog/note.html` is `blog/note`), spelled as the files are: Hugo 0.146 and newer
 * find a template whatever the case of the name, older Hugo only by the exact name.
 */
export function shortcodeTemplateNames(layoutDirs: readonly string[]): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string, prefix: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      // A symbolic link to a folder of templates is a folder to Hugo too.
      if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(dir, e.name)))) {
        if (depth < 8) walk(path.join(dir, e.name), `${prefix}${e.name}/`, depth + 1);
      } else if (!e.name.startsWith('.') && e.name.includes('.')) {
        // `name.html`, `name.en.html`, `name.amp.html`, `name.rss.xml`: the name is before the first dot.
        out.add(`${prefix}${e.name.slice(0, e.name.indexOf('.'))}`);
      }
    }
  };
  for (const dir of layoutDirs) for (const sub of ['_shortcodes', 'shortcodes']) walk(path.join(dir, sub), '', 0);
  return out;
}

/**
 * The static and assets roots of each theme and module of the site, in Hugo's order: as Hugo lists their
 * mounts (site/hugo-modules.ts), else the `static/` and `assets/` folders of each one found in `themes/`
 * or `_vendor/` (their default mounts: one with mounts of its own has the build ask Hugo).
 */
export function moduleComponentRoots(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): ModuleRoots[] {
  if (modules) {
    const rootsOf = (m: HugoModule, component: string): MountedRoot[] =>
      m.mounts
        .filter((mt) => mountComponent(mt.target) === component)
        .map((mt) => ({ dir: path.resolve(m.dir, mt.source), target: normalizeRel(mt.target).split('/').slice(1).join('/') }));
    return modules.map((m) => ({ static: rootsOf(m, 'static'), assets: rootsOf(m, 'assets') }));
  }
  const out: ModuleRoots[] = [];
  for (const candidates of moduleLayoutDirs(siteDir, data)) {
    const root = candidates.map((d) => path.dirname(d)).find((d) => isDirectory(d));
    if (root) out.push({ static: [{ dir: path.join(root, 'static'), target: '' }], assets: [{ dir: path.join(root, 'assets'), target: '' }] });
  }
  return out;
}

/**
 * Whether moduleLayoutDirs finds every theme and module of the site where Hugo would, each without
 * modules of its own: only then do the site's layouts list every shortcode template Hugo will have. A
 * theme Hugo fetches into its module cache, or one that imports others, may define more.
 */
export function layoutsComplete(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): boolean {
  // Hugo listed every module with its mounts, nested imports included.
  if (modules) return true;
  return moduleLayoutDirs(siteDir, data).every((dirs) => {
    const root = dirs.map((d) => path.dirname(d)).find((d) => isDirectory(d));
    if (root === undefined) return false;
    if (isDirectory(path.join(root, 'config'))) return false;
    for (const name of ['hugo', 'config', 'theme']) {
      for (const ext of ['toml', 'yaml', 'yml', 'json']) {
        let text: string;
        try {
          text = readFileSync(path.join(root, `${name}.${ext}`), 'utf8');
        } catch {
          continue;
        }
        // A theme that names a theme, imports modules or mounts folders of its own (any format).
        if (/^\s*["']?(theme|imports|mounts)["']?\s*[:=]|\[\[?\s*(module\.)?(imports|mounts)\s*\]/im.test(text)) return false;
      }
    }
    return true;
  });
}

/** A template's text (a file, or none); '' when it cannot be read (Hugo will say so). */
export function templateText(file: string | undefined): string {
  try {
    return file ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/** A template's text without its comments (Go template comments, slash-star to star-slash): what it runs. */
export function templateCode(file: string | undefined): string {
  return templateText(file).replace(/\{\{-?\s*\/\*[^]*?\*\/\s*-?\}\}/g, '');
}

/** Whether `p` is a directory (through symbolic links); false when it cannot be looked at. */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether one of `layoutDirs` has a shortcode template `name`. */
export function hasShortcodeTemplate(layoutDirs: readonly string[], name: string): boolean {
  return shortcodeTemplate(layoutDirs, name) !== undefined;
}

/**
 * Which of `names` the site, a theme or a module has its own template for, each with that template's
 * path relative to the site (forward slashes), sorted by name.
 */
export function siteShortcodeTemplates(siteDir: string, layoutDirs: readonly string[], names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of [...names].sort()) {
    const t = shortcodeTemplate(layoutDirs, name);
    if (t) out.set(name, path.relative(siteDir, t).split(path.sep).join('/'));
  }
  return out;
}

/**
 * A lookup: the site's template for a shortcode name (site-relative) when that template renders its
 * inner content as Markdown (`markdownify`, `.RenderString`), else undefined. Each name is read once.
 */
export function markdownShortcodeTemplates(siteDir: string, layoutDirs: readonly string[]): (name: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (name) => {
    if (!seen.has(name)) {
      const t = shortcodeTemplate(layoutDirs, name);
      const text = templateText(t);
      const markdown = /\.Inner(Deindent)?\b[^}]*\|\s*(markdownify|\S*RenderString)|(markdownify|RenderString)\s+\.Inner/.test(text);
      seen.set(name, markdown ? path.relative(siteDir, t!).split(path.sep).join('/') : undefined);
    }
    return seen.get(name);
  };
}

/** The shortcode names that get a stand-in template: ours, minus Hugo's built-ins and the site's own. */
export function fallbackNames(ours: Iterable<string>, layoutDirs: readonly string[]): string[] {
  return [...ours].filter((n) => !HUGO_BUILTIN_SHORTCODES.has(n) && !hasShortcodeTemplate(layoutDirs, n)).sort();
}

/**
 * Of `names` (wrapper shortcodes taken for pass-through: their template prints the inner content for a
 * client-side renderer), those whose template of the site, its theme or a module renders the formula
 * itself: it passes its inner content to `transform.ToMath` or to a remote service (`resources.GetRemote`),
 * as Doks' `math` does (an SVG from a math API, the TeX in the query). Typeset inner content would reach
 * that template as the "TeX"; such a shortcode is one formula, typeset whole. Template comments ignored.
 */
export function renderingWrapperTemplates(layoutDirs: readonly string[], names: Iterable<string>): string[] {
  return [...names].sort().filter((name) => rendersTexItself(shortcodeTemplate(layoutDirs, name)));
}

/** Whether a template (a file, or none) passes its `.Inner` to `transform.ToMath` or `resources.GetRemote`. Comments ignored. */
function rendersTexItself(file: string | undefined): boolean {
  const code = templateCode(file);
  return /\.Inner\b/.test(code) && /\b(transform\.ToMath|resources\.GetRemote)\b/.test(code);
}

/**
 * Whether the site's code block render hook for `math` (```` ```math ````: `_markup/render-codeblock-math.html`,
 * or `_default/_markup/` before Hugo 0.146), the first in `layoutDirs`, renders the formula itself as
 * Doks' does (an SVG from a web API): then hugo-prerender typesets such a block (MathOptions.fences).
 */
export function mathFenceRendered(layoutDirs: readonly string[]): boolean {
  for (const dir of layoutDirs) {
    for (const sub of ['_markup', path.join('_default', '_markup')]) {
      let entries: string[];
      try {
        entries = readdirSync(path.join(dir, sub));
      } catch {
        continue;
      }
      const hit = entries.filter((e) => /^render-codeblock-math\./.test(e)).sort()[0];
      if (hit) return rendersTexItself(path.join(dir, sub, hit));
    }
  }
  return false;
}

/**
 * The first image render hook of the site, its themes or modules (`render-image.html` in a `_markup`
 * folder: `_markup/`, `_default/_markup/`, or a section's or type's own, such as `posts/_markup/`), as
 * an absolute path; undefined when there is none. Where one exists it renders Markdown images (on some
 * pages or all), so hugo-prerender leaves them to it (see prerender-page.ts markdownImages).
 */
export function imageRenderHook(layoutDirs: readonly string[]): string | undefined {
  const look = (dir: string, depth: number): string | undefined => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    if (path.basename(dir) === '_markup') {
      const hit = entries.map((e) => e.name).filter((n) => /^render-image\./.test(n)).sort()[0];
      return hit === undefined ? undefined : path.join(dir, hit);
    }
    if (depth === 0) return undefined;
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!e.isDirectory() && !(e.isSymbolicLink() && isDirectory(path.join(dir, e.name)))) continue;
      // Templates of shortcodes and partials are never hooks.
      if (depth === 2 && ['shortcodes', '_shortcodes', 'partials', '_partials'].includes(e.name)) continue;
      const hit = look(path.join(dir, e.name), depth - 1);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const dir of layoutDirs) {
    const hit = look(dir, 2);
    if (hit) return hit;
  }
  return undefined;
}

/** A call of our partials that give a template the responsive versions of an image (README: a site's own figure). */
const ASKS_FOR_IMAGES = /["`]prerender\/(picture|image)\.html["`]/;
/** `partial "name"` and `partialCached "name"` with the name written out: the partials a template calls. */
const PARTIAL_CALL = /\bpartial(?:Cached)?\s+["`]([^"`]+)["`]/g;

/**
 * Whether a template (a site's figure shortcode, an image render hook) asks for the responsive versions of
 * its images: it calls `prerender/picture.html` or `prerender/image.html`, itself or through partials of
 * the site's it calls by name (to 6 levels). A partial whose name is computed cannot be followed: such a
 * template counts as asking. Only then are the versions worth making.
 */
export function templateAsksForImages(file: string | undefined, layoutDirs: readonly string[]): boolean {
  const seen = new Set<string>();
  const asks = (code: string, depth: number): boolean => {
    if (ASKS_FOR_IMAGES.test(code)) return true;
    if (/\bpartial(?:Cached)?\s+[^"`\s]/.test(code)) return true;
    if (depth >= 6) return false;
    for (const m of code.matchAll(PARTIAL_CALL)) {
      const name = m[1]!;
      if (name.startsWith('prerender/') || seen.has(name)) continue;
      seen.add(name);
      const withExt = /\.[a-z]+$/.test(name) ? [name] : [`${name}.html`, name];
      const found = layoutDirs.flatMap((dir) => ['partials', '_partials'].flatMap((sub) => withExt.map((n) => path.join(dir, sub, n)))).find((f) => isFile(f));
      if (found && asks(templateCode(found), depth + 1)) return true;
    }
    return false;
  };
  return asks(templateCode(file), 0);
}

