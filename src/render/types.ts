/**
 * The contract between the shortcode host and the files in `shortcodes/`. A shortcode file default-exports
 * a `ShortcodeDefinition`; the host finds it by name (see `registry.ts`), validates its parameters against
 * `params`, and calls `render` with a `RenderContext`. The returned HTML becomes a partial that Hugo
 * includes in place of the shortcode.
 */
import type { Diagnostic, ParamValue } from '../content/types.js';
import type { ParamSpecs, ParamValues } from './params.js';
import type { ImageService } from '../images/service.js';
import type { LookupMemo, LookupTracker } from '../site/safe-path.js';
import type { ModuleRoots, MountedRoot, NestedMounts } from '../site/component-lookup.js';
import type { FigureLabel } from './figure-numbers.js';

export interface PageInfo {
  /** Absolute path of the content file. */
  absPath: string;
  /** Path relative to the site root, with `/` separators (what diagnostics print). */
  relPath: string;
  /** Absolute directory of the page bundle when the page is `index.md`/`_index.md`, else undefined. */
  bundleDir?: string;
  /** The language of its content root (a language's own contentDir, a mount's `lang`), when it has one. */
  lang?: string;
  /**
   * Decoded front matter, keys as written. Front matter is not part of fragment keys: a shortcode whose
   * output depends on it must set `cacheable: false`.
   */
  frontMatter: Record<string, unknown>;
  /** Told of every file lookup the page's shortcodes make (an incremental build's record of what it read). */
  reads?: { lookup: LookupTracker; memo?: LookupMemo };
}

export interface SiteInfo {
  /** Absolute site root. */
  dir: string;
  /** Absolute static directories (usually `<site>/static`). */
  staticDirs: string[];
  /** Absolute assets directory (usually `<site>/assets`). */
  assetsDir: string;
  /**
   * Every static (assets) root in mount order, with its target below the component (`images` for a mount
   * at `static/images`) and its filter: where a path of the component is looked up (site/component-lookup.ts).
   * Absent: staticDirs (assetsDir) at the component's root.
   */
  staticRoots?: MountedRoot[];
  assetRoots?: MountedRoot[];
  /**
   * The static and assets roots of the site's themes and modules, each module's apart, in Hugo's order:
   * looked in after the site's own (Hugo serves a module's file where the site has none at that path).
   */
  moduleRoots?: ModuleRoots[];
  /** How the Hugo that builds the site reads mounts whose targets nest (component-lookup.ts); absent: as the newest Hugo. */
  nestedMounts?: NestedMounts;
  /** Absolute content directories, when they may lie outside the site (mounts): files are read only inside these, the site, static and assets. */
  contentDirs?: string[];
  /**
   * The content, static and assets roots with which of their files Hugo reads (a mount's excludeFiles,
   * includeFiles, files; for content also ignoreFiles: config.ts ComponentRoot.filter, absent: all). A
   * file every root that holds it leaves out is not looked up as an image: Hugo does not publish it.
   */
  filtered?: { dir: string; filter?: (rel: string, isDir: boolean) => boolean }[];
}

/**
 * Reports a problem at the shortcode, at one of its parameters when `param` names it, or at a place in its
 * inner content when `at` gives the offset into `inner`.
 */
export type Reporter = (message: string, opts?: { param?: string; code?: string; at?: number }) => void;

export interface RenderContext<P extends ParamSpecs = ParamSpecs> {
  name: string;
  /** Parameters after validation: defaults filled in, values converted to the declared types. */
  params: ParamValues<P>;
  /** The raw parameters as Hugo typed them. */
  rawParams: ParamValue[] | Record<string, ParamValue>;
  /** Raw inner content between opening and closing tag, if any. */
  inner?: string;
  page: PageInfo;
  site: SiteInfo;
  /**
   * A prefix for every `id` the fragment defines (markers, gradients, clip paths, title/desc ids).
   * Unique per page: two identical shortcodes on one page get different prefixes; deterministic.
   */
  idPrefix: string;
  /** This shortcode's place among the shortcodes of the same name on the page: 0 for the first. */
  occurrence?: number;
  /**
   * For a shortcode that renders one `<figure>` (it takes FIGURE_ID_PARAM): its id and its number's text
   * ("Figure 2"), as the page's figures are numbered (src/render/figure-numbers.ts).
   */
  figure?: FigureLabel;
  /** Responsive images (src/images), when the build makes them: absent in a build without images. */
  images?: ImageService;
  /**
   * Typesets TeX with the page's KaTeX settings (HTML+MathML). Errors are reported (at `param`'s place
   * when given, else the shortcode's), not thrown; a formula KaTeX rejects comes back as its TeX.
   */
  math(tex: string, display: boolean, param?: string): string;
  /** Renders a short Markdown string (a caption: `param`, where errors are reported) to inline HTML, math included. */
  markdown(md: string, param?: string): string;
  /** Plain text of a Markdown string (for alt attributes, SVG titles). */
  plainText(md: string): string;
  error: Reporter;
  warn: Reporter;
}

export interface ShortcodeDefinition<P extends ParamSpecs = ParamSpecs> {
  /** The shortcode's name as written in content (`{{< name … >}}`); lower-case. */
  name: string;
  /** One sentence for the README and `--help`. */
  summary: string;
  params: P;
  /** Whether the shortcode takes inner content between an opening and a closing tag. */
  inner: 'none' | 'optional' | 'required';
  /** Bump when the output for the same input changes, so cached fragments are re-rendered. */
  version: number;
  /**
   * Whether the output depends only on the parameters and inner content. Set false when rendering reads
   * files (an image, a data file) or checks that they exist: such shortcodes are rendered on every build.
   * Default true: a fragment already on disk under the same key is reused.
   */
  cacheable?: boolean;
  /**
   * What a parameter the table does not list does: "error" (default: the page fails) or "warn" (a
   * warning, the parameter is ignored). `figure` warns: themes and Hugo versions add parameters of their
   * own (PaperMod's `align`), and a figure must never fail a page for one of them.
   */
  unknownParams?: 'error' | 'warn';
  /**
   * Who reports parameters written without names (`{{< figure "/a.png" "caption" >}}`): the host (default:
   * an error naming the valid parameters) or `render`, which then says what to write instead itself
   * (figure: `Write src="/a.png"`), so the author gets one error for one mistake.
   */
  positional?: 'host' | 'render';
  render(ctx: RenderContext<P>): string | Promise<string>;
}

/** Helper so shortcode files get their params type inferred. */
export function defineShortcode<P extends ParamSpecs>(def: ShortcodeDefinition<P>): ShortcodeDefinition<P> {
  return def;
}

export type { Diagnostic };
