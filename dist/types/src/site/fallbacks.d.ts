import type { ModuleRoots } from './component-lookup.js';
import type { HugoModule } from './hugo-modules.js';
/** Shortcodes Hugo has built in: Hugo already knows a template for these. */
export declare const HUGO_BUILTIN_SHORTCODES: ReadonlySet<string>;
/**
 * The template Hugo runs for `name` on a page rendered from its original. Hugo insists that a template
 * mentioning `.Inner` is always used with a closing tag, and one that does not, never: so `.Inner` is
 * mentioned exactly for shortcodes whose inner content is required (an optional one is taken as bare).
 */
export declare function fallbackTemplate(name: string, inner: 'none' | 'optional' | 'required'): string;
/**
 * Every layouts directory of the site, of its themes and of the modules it imports (as configured),
 * absolute, highest precedence first. An import path is looked up where Hugo looks first without a
 * module cache: `_vendor/<path>` and `<themesDir>/<path>`.
 */
export declare function siteLayoutDirs(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): string[];
/**
 * For each theme and imported module of the site, in order: the layouts folders where it may be found
 * (see siteLayoutDirs), absolute.
 */
export declare function moduleLayoutDirs(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): string[][];
/**
 * The first shortcode template `name` (`name.html`, `name.<format>.html`, …) in `layoutDirs`, in
 * `shortcodes/` or Hugo 0.146's `_shortcodes/`: its absolute path, or undefined.
 */
export declare function shortcodeTemplate(layoutDirs: readonly string[], name: string): string | undefined;
/**
 * Every shortcode name the templates of `layoutDirs` define (`shortcodes/` and `_shortcodes/`, their
 * folders too: `shortcodes/blog/note.html` is `blog/note`), spelled as the files are: Hugo 0.146 and newer
 * find a template whatever the case of the name, older Hugo only by the exact name.
 */
export declare function shortcodeTemplateNames(layoutDirs: readonly string[]): Set<string>;
/**
 * The static and assets roots of each theme and module of the site, in Hugo's order: as Hugo lists their
 * mounts (site/hugo-modules.ts), else the `static/` and `assets/` folders of each one found in `themes/`
 * or `_vendor/` (their default mounts: one with mounts of its own has the build ask Hugo).
 */
export declare function moduleComponentRoots(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): ModuleRoots[];
/**
 * Whether moduleLayoutDirs finds every theme and module of the site where Hugo would, each without
 * modules of its own: only then do the site's layouts list every shortcode template Hugo will have. A
 * theme Hugo fetches into its module cache, or one that imports others, may define more.
 */
export declare function layoutsComplete(siteDir: string, data: Record<string, unknown>, modules?: readonly HugoModule[]): boolean;
/** A template's text (a file, or none); '' when it cannot be read (Hugo will say so). */
export declare function templateText(file: string | undefined): string;
/** A template's text without its comments (Go template comments, slash-star to star-slash): what it runs. */
export declare function templateCode(file: string | undefined): string;
/** Whether `p` is a directory (through symbolic links); false when it cannot be looked at. */
export declare function isDirectory(p: string): boolean;
/** Whether one of `layoutDirs` has a shortcode template `name`. */
export declare function hasShortcodeTemplate(layoutDirs: readonly string[], name: string): boolean;
/**
 * Which of `names` the site, a theme or a module has its own template for, each with that template's
 * path relative to the site (forward slashes), sorted by name.
 */
export declare function siteShortcodeTemplates(siteDir: string, layoutDirs: readonly string[], names: Iterable<string>): Map<string, string>;
/**
 * A lookup: the site's template for a shortcode name (site-relative) when that template renders its
 * inner content as Markdown (`markdownify`, `.RenderString`), else undefined. Each name is read once.
 */
export declare function markdownShortcodeTemplates(siteDir: string, layoutDirs: readonly string[]): (name: string) => string | undefined;
/** The shortcode names that get a stand-in template: ours, minus Hugo's built-ins and the site's own. */
export declare function fallbackNames(ours: Iterable<string>, layoutDirs: readonly string[]): string[];
/**
 * Of `names` (wrapper shortcodes taken for pass-through: their template prints the inner content for a
 * client-side renderer), those whose template of the site, its theme or a module renders the formula
 * itself: it passes its inner content to `transform.ToMath` or to a remote service (`resources.GetRemote`),
 * as Doks' `math` does (an SVG from a math API, the TeX in the query). Typeset inner content would reach
 * that template as the "TeX"; such a shortcode is one formula, typeset whole. Template comments ignored.
 */
export declare function renderingWrapperTemplates(layoutDirs: readonly string[], names: Iterable<string>): string[];
/**
 * Whether the site's code block render hook for `math` (```` ```math ````: `_markup/render-codeblock-math.html`,
 * or `_default/_markup/` before Hugo 0.146), the first in `layoutDirs`, renders the formula itself as
 * Doks' does (an SVG from a web API): then hugo-prerender typesets such a block (MathOptions.fences).
 */
export declare function mathFenceRendered(layoutDirs: readonly string[]): boolean;
/**
 * The first image render hook of the site, its themes or modules (`render-image.html` in a `_markup`
 * folder: `_markup/`, `_default/_markup/`, or a section's or type's own, such as `posts/_markup/`), as
 * an absolute path; undefined when there is none. Where one exists it renders Markdown images (on some
 * pages or all), so hugo-prerender leaves them to it (see prerender-page.ts markdownImages).
 */
export declare function imageRenderHook(layoutDirs: readonly string[]): string | undefined;
/**
 * Whether a template (a site's figure shortcode, an image render hook) asks for the responsive versions of
 * its images: it calls `prerender/picture.html` or `prerender/image.html`, itself or through partials of
 * the site's it calls by name (to 6 levels). A partial whose name is computed cannot be followed: such a
 * template counts as asking. Only then are the versions worth making.
 */
export declare function templateAsksForImages(file: string | undefined, layoutDirs: readonly string[]): boolean;
