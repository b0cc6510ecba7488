/**
 * Reading a Hugo site's configuration the way Hugo does (measured with hugo 0.111.3 and 0.169.0):
 *
 * - At the site root Hugo reads ONE file: the first of hugo.toml, hugo.yaml, hugo.yml, hugo.json,
 *   config.toml, config.yaml, config.yml, config.json (hugo.* wins over config.*, and toml over yaml
 *   over json).
 * - It ALSO reads the config directory config/_default/ and then config/<environment>/ (`hugo` builds
 *   in "production"), merging them over the root file: maps merge deeply, later files win per key.
 *   Inside a directory config.* is read before hugo.* (hugo.* wins) and any other file name X.* is the
 *   value of the top-level key X (params.toml → params), read after those two.
 * - Keys are case-insensitive (Hugo lower-cases them); lookups here ignore case but `data` keeps the
 *   user's spelling, which matters for values such as KaTeX macro names that are keys.
 */
import { type PageLimits } from '../content/limits.js';
import type { HugoModule } from './hugo-modules.js';
import type { Diagnostic } from '../content/types.js';
import { type TextPosition } from './config-positions.js';
import { type MountFilter } from './mount-filter.js';
import { type IgnoreFiles } from './ignore-files.js';
export type ConfigFormat = 'toml' | 'yaml' | 'json';
export interface ConfigFile {
    /** Absolute path. */
    path: string;
    format: ConfigFormat;
    /** The top-level key this file's content is the value of (config/_default/params.toml → "params"); null for a whole config. */
    key: string | null;
}
/** Whether `p` is a file (through symbolic links); false when it cannot be looked at. */
export declare function isFile(p: string): boolean;
/** The single root config file Hugo reads (hugo.* before config.*), or null. */
export declare function findRootConfig(siteDir: string): ConfigFile | null;
/**
 * Which of a site's config files Hugo reads, as its flags say: the environment (`-e`/`--environment`,
 * else HUGO_ENVIRONMENT or HUGO_ENV, else `production` for a build and `development` for `hugo server`),
 * whose config/<environment>/ is merged last; and `--config a.toml,b.toml`, files that replace the root
 * config file (relative to the site; later files win, as in Hugo).
 */
export interface ConfigSelection {
    environment?: string | null;
    files?: readonly string[];
    /**
     * Settings Hugo is given over its config files, as Hugo applies them: its flags (`--baseURL`/`-b`,
     * `--theme`/`-t`, `--themesDir`), else its HUGO_BASEURL, HUGO_THEME and HUGO_THEMESDIR variables.
     * The baseURL places image variants (`/blog/prerender/img/…`); the theme decides which templates
     * (its `figure`, its head hook) the site has.
     */
    overrides?: Record<string, unknown>;
    /** The variables whose HUGO_ settings apply (applyEnvOverrides); default process.env. */
    env?: NodeJS.ProcessEnv;
}
/** The environment Hugo builds in without `--environment`: its variables', else its default for the command. */
export declare function defaultEnvironment(command: 'build' | 'server', env?: NodeJS.ProcessEnv): string;
/** The selection Hugo makes from its `--environment` and `--config` values (either absent) for a command. */
export declare function configSelection(command: 'build' | 'server', environment: string | undefined, config: string | undefined, flags?: HugoOverrideFlags, env?: NodeJS.ProcessEnv): ConfigSelection;
/** The values of Hugo's flags that set a config key (absent: not given). */
export interface HugoOverrideFlags {
    baseURL?: string | undefined;
    theme?: string | undefined;
    themesDir?: string | undefined;
}
/** What Hugo sets over its config files: each flag, else its HUGO_ variable (Hugo reads both so). */
export declare function hugoOverrides(flags: HugoOverrideFlags, env?: NodeJS.ProcessEnv): Record<string, unknown>;
/**
 * Every config file Hugo merges for this site, lowest precedence first. `environment` null leaves out
 * the environment directory (what every environment shares); `files` replace the root config file.
 */
export declare function findSiteConfigFiles(siteDir: string, environment?: string | null, files?: readonly string[]): ConfigFile[];
/**
 * The main config file of the site: the root file if there is one, else config/_default/hugo.* or
 * config/_default/config.*; null when the site has no configuration Hugo would find.
 */
export declare function findSiteConfig(siteDir: string, files?: readonly string[]): ConfigFile | null;
export declare function formatOf(file: string): ConfigFormat | null;
/** Parses config text; never throws: problems come back as diagnostics with line and column. */
export declare function parseConfigText(text: string, format: ConfigFormat, file?: string): {
    data: Record<string, unknown>;
    diagnostics: Diagnostic[];
};
/**
 * Where JSON text goes wrong: the length of its longest prefix that is still the beginning of some valid
 * JSON (JSON.parse of it fails only for running out of input), found by bisection.
 */
export declare function jsonErrorOffset(src: string): number | undefined;
export declare function isRecord(v: unknown): v is Record<string, unknown>;
/** The actual spelling of `key` in `obj`, ignoring case (an exact match first). */
export declare function findKey(obj: Record<string, unknown>, key: string): string | undefined;
/** Case-insensitive lookup of a dotted path (`markup.goldmark.parser.autoHeadingIDType`) or key list. */
export declare function getIn(data: unknown, keyPath: string | readonly string[]): unknown;
/** getIn that also steps into arrays, by an index written in decimal digits (`['module', 'mounts', '0', 'source']`). */
export declare function valueAt(data: unknown, keyPath: readonly string[]): unknown;
/** Deep merge as Hugo merges config files: maps merge key by key (ignoring case), anything else is replaced. */
export declare function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown>;
/**
 * Hugo's settings from the OS environment, applied over the config files as Hugo applies them
 * (applyOsEnvOverrides: hugolib/config.go in 0.111.3, config/allconfig/load.go in 0.169.0): a variable
 * HUGO<d>KEY<d>KEY…, where <d> is the character after HUGO (`_`, or another for keys with underscores:
 * HUGOxPARAMSxMY_KEY), sets that key path, lower-cased: HUGO_PARAMS_PRERENDER_ERRORS=render sets
 * params.prerender.errors. A setting that is there takes the text read as its type (a boolean, a number, a
 * list or table as JSON), and is left as it is where the text is no such value; one that is not there takes
 * the text, its tables made as needed, read as a boolean or a whole number where it is one (Hugo's own
 * settings that a site does not write, such as summaryLength and hasCJKLanguage, have defaults of those
 * types, which Hugo converts the text to; hugo-prerender's settings are read the same way).
 */
export declare function applyEnvOverrides(data: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown>;
export interface SiteConfig {
    /** The main config file (see findSiteConfig); null when the site has none. */
    file: string | null;
    format: ConfigFormat | null;
    /** Every file read, lowest precedence first. */
    files: ConfigFile[];
    /** The merged configuration, keys spelled as the user wrote them. */
    data: Record<string, unknown>;
    diagnostics: Diagnostic[];
    /** The first content root (contentDir, or the first content mount that is not ours). */
    contentDir: string;
    /** The site's languages, to tell whether Hugo publishes a page at all (see pageInDisabledLanguage). */
    languages: SiteLanguages;
    /** Every content root, with where its files land inside the content tree. */
    contentRoots: ComponentRoot[];
    staticDirs: string[];
    /** The first assets root. */
    assetsDir: string;
    /** Every static root, with its target below static/ (a mount at `static/images`: `images`) and its filter, in mount order. */
    staticRoots: ComponentRoot[];
    /** Every assets root, the same way. */
    assetRoots: ComponentRoot[];
    prerender: PrerenderOptions;
    /** Where a setting of `data` is written (for diagnostics about it, such as imageOptions'). */
    locate: ConfigLocator;
    /** The site's ignoreFiles that hugo-prerender applies (ignore-files.ts; already part of each content root's filter). */
    ignoreFiles: IgnoreFiles;
    /** Every content, static and assets root with its filter (SiteInfo.filtered): what Hugo reads of each. */
    filteredRoots: {
        dir: string;
        filter?: MountFilter;
    }[];
    /**
     * The site's themes and modules as Hugo reads them (site/hugo-modules.ts), where the build asked Hugo
     * because the folders it can see do not show them all; undefined: looked up in themes/ and _vendor/.
     */
    modules?: HugoModule[];
    /** What math location needs: the passthrough delimiters (when configured) and the escapes mode. */
    math: {
        delimiters?: PassthroughDelimiters;
        escapes: 'auto' | 'none' | 'markdown';
        wrappers?: Record<string, 'tex' | 'math'>;
        numbering?: 'none';
    };
}
/** Reads and merges a site's configuration. Never throws for bad config: see `diagnostics`. */
export declare function readSiteConfig(siteDir: string, opts?: ConfigSelection): SiteConfig;
/** One config file as read: its path relative to the site, and its text and data. */
export interface ConfigSource {
    file: string;
    format: ConfigFormat;
    /** As ConfigFile.key: the top-level key the file's content is the value of (lower case), or null. */
    key: string | null;
    text: string;
    data: Record<string, unknown>;
}
/** A place in a config file: what a diagnostic needs. */
export interface ConfigPlace extends TextPosition {
    file?: string;
}
/**
 * Where the setting at `keyPath` (a path into the merged data, any case; an array's entry by its index,
 * `['ignoreFiles', '1']`) is written: in the file of
 * highest precedence that sets it (the one whose value Hugo uses), at its key (`at` "key") or its value
 * (the default). When that file's text does not show the key (a shape the scan does not follow), at
 * the nearest enclosing key or table header it shows, else at 1:1 of that file; when no file sets it,
 * at 1:1 of the main file.
 */
export type ConfigLocator = (keyPath: readonly string[], at?: 'key' | 'value') => ConfigPlace;
/** The locator of a site's config files (lowest precedence first, as findSiteConfigFiles lists them). */
export declare function configLocator(sources: readonly ConfigSource[], mainFile?: string): ConfigLocator;
/** Reports a warning about the setting at `keyPath`, placed at its key or (the default) its value. */
export type ConfigWarn = (keyPath: readonly string[], message: string, at?: 'key' | 'value') => void;
/**
 * A ConfigWarn that adds to `diagnostics`. `where`: a site's locator (SiteConfig.locate), or just the
 * file to name (at 1:1) for data that comes with no text.
 */
export declare function configWarn(diagnostics: Diagnostic[], where?: string | ConfigLocator): ConfigWarn;
/**
 * Warns about `key` of the table at `tablePath`, which is none of `known`: names it, the closest known
 * key when one is obvious, and every known key. `noun`: what the table's keys are ("setting", "limit").
 */
export declare function warnUnknownKey(warn: ConfigWarn, tablePath: readonly string[], key: string, known: readonly string[], noun?: string): void;
/** Warns about each key of `table` (at `tablePath`) that is none of `known` (case ignored). */
export declare function warnUnknownKeys(warn: ConfigWarn, table: Record<string, unknown>, tablePath: readonly string[], known: readonly string[], noun?: string): void;
export interface Mount {
    source: string;
    target: string;
    /** Any other fields the mount has (lang, includeFiles, excludeFiles…), kept as written. */
    [other: string]: unknown;
}
/** A path as written in config, compared the way Hugo would: forward slashes, no "./", no trailing "/". */
export declare function normalizeRel(p: string): string;
/** module.mounts as configured (source/target found case-insensitively), in order. */
export declare function moduleMounts(data: Record<string, unknown>): Mount[];
/**
 * The first file of `config` but `rootConfig` that sets module.mounts, or undefined. Hugo merges a config
 * directory after the files given with --config (measured, 0.111.3 and 0.169.0), so mounts set there would
 * replace those of a config layer that `serve` or `hugo new` adds.
 */
export declare function mountsAfterLayer(config: SiteConfig, rootConfig: string): string | undefined;
/**
 * Where in module.mounts the glob whose MountGlobError says `message` is written: the key path of the
 * entry (`module`, `mounts`, `2`, `excludeFiles`, `0`; the setting itself when it is one string).
 */
export declare function badGlobPlace(data: Record<string, unknown>, message: string): string[] | undefined;
/** The index in module.mounts (as written, every entry counted) of the first mount `which` picks; undefined for none. */
export declare function mountIndex(data: Record<string, unknown>, which: (m: Mount) => boolean): number | undefined;
/** The component a mount target belongs to: "content/posts" → "content". */
export declare function mountComponent(target: string): string;
export declare const contentDirSetting: (data: Record<string, unknown>) => string;
export declare const layoutDirSetting: (data: Record<string, unknown>) => string;
export declare const assetDirSetting: (data: Record<string, unknown>) => string;
/** staticDir may be a string or a list in Hugo. */
export declare function staticDirSetting(data: Record<string, unknown>): string[];
/** A directory that contributes to one of Hugo's components (content, static, assets, layouts). */
export interface ComponentRoot {
    /** As written in config, relative to the site (or absolute). */
    source: string;
    /** Absolute path. */
    dir: string;
    /** Where its files land inside the component: "" for the component root, "posts" for target "content/posts". */
    target: string;
    /** The language its files belong to (a mount's `lang`, or a language's own `contentDir`); absent: by file name. */
    lang?: string;
    /**
     * Which of its files and folders Hugo reads (the mount's `files`, `includeFiles`, `excludeFiles`; see
     * mount-filter.ts), by their path relative to `dir`; absent: every one.
     */
    filter?: MountFilter;
    /** Why the mount's filter could not be read (a glob Hugo refuses too): then none of its files is read. */
    badFilter?: string;
}
/** Directories `hugo-prerender` itself mounts; never a user's source. */
export declare const PRERENDER_DIR = ".prerender";
/**
 * What a build's `changed` lists when `.prerender/` was deleted (or replaced) while watch ran: that build
 * makes it all again, lock and marker included. `hugo server` stops watching a folder that is deleted
 * (measured on 0.111.3: it served untypeset originals until restarted); serve restarts it, and watch's
 * caller says to.
 */
export declare const OUTPUT_REMADE = ".prerender/";
/**
 * How a mount says which language its files belong to. Measured: Hugo 0.111.3 reads `lang = "fr"` and
 * ignores `sites`; Hugo 0.153 and later read `[sites.matrix] languages = ["fr"]` and stop the build
 * with an error when a mount has `lang` ("module.mounts.lang was deprecated in Hugo v0.153.0 and
 * subsequently removed"). No single spelling works in both.
 */
export type LanguageMountStyle = 'lang' | 'sites.matrix';
/** The spelling a Hugo version (e.g. "0.169.0") understands. */
export declare function languageMountStyle(hugoVersion: string): LanguageMountStyle;
/** A mount whose files belong to one language, spelled in `style`. */
export declare function languageMount(source: string, target: string, lang: string, style: LanguageMountStyle): Mount;
/** The one language a mount's files belong to (lower case), and how the mount says it; undefined for none or several. */
export declare function mountLanguage(m: Mount): {
    lang: string;
    style: LanguageMountStyle;
} | undefined;
/**
 * Languages with a content directory of their own (`[languages.fr] contentDir = "content.fr"`, not the
 * site's contentDir), sorted by language code (lower case, as Hugo spells it).
 */
export declare function languageContentDirs(data: Record<string, unknown>): {
    lang: string;
    source: string;
}[];
/**
 * The content mounts Hugo makes itself when the config defines none (measured with 0.111.3 and 0.169.0):
 * the site's contentDir, plus, for each language with its own contentDir, that directory with `lang`.
 * The site's contentDir is read only when some language has no directory of its own (with every
 * language in its own directory, content/ is not published). A site that defines any content mount
 * gets none of these: its per-language directories are dropped too.
 */
export declare function defaultContentMounts(data: Record<string, unknown>, style?: LanguageMountStyle): Mount[];
/**
 * The directory inside .prerender that holds the shadows of one language's content tree: `content`
 * for files whose language comes from their name (what every single-language site has), and
 * `content.<lang>` for a language-specific root. One tree per language rather than per root: a
 * language's roots share one content tree in Hugo, and `content.fr` cannot collide with `content/…`.
 * Undefined for a language code that is not a plain name (it would not be a safe directory name).
 */
export declare function shadowTree(lang?: string): string | undefined;
/**
 * The shadow mounts that content mounts with a target below `content` need (`source = "notes"`, `target =
 * "content/notes"`): the same folder of the shadow tree at that target (`.prerender/content/notes` at
 * `content/notes`), with the mount's language spelled as the mount spells it; one per target and tree,
 * in the order of `mounts` (any list of mounts: those of other components and our own are passed over).
 *
 * Measured, Hugo 0.111.3 (hugofs/rootmapping_fs.go, doLstat and getRoots): a folder below a mount's
 * target (`content/notes/sub`) is read from the mounts whose target is the LONGEST prefix of its path
 * (radix LongestPrefix), and from those alone; `.prerender/content` at `content` is not among them, so
 * every page below `notes/<folder>/` was published from the original, unprerendered (the pages directly
 * in `notes/` were not: a mount's own folder lists its ancestors' files too). With a mount of the shadows
 * at the same target, listed first, both are read there and the first wins (its weight, basefs.go).
 * Hugo 0.169.0 takes the shadow either way, and reads the extra mount as well.
 */
export declare function nestedShadowMounts(mounts: readonly Mount[]): Mount[];
/** The mounts of nestedShadowMounts(mounts) that `mounts` does not list (an init from before they were made). */
export declare function missingNestedShadows(mounts: readonly Mount[]): Mount[];
/**
 * Where the user's content comes from (our own .prerender/content… excluded). One folder mounted twice at
 * one place in one language is one root, reading what either mount reads (Hugo reads both). Each root's
 * filter also leaves out what the site's ignoreFiles match (by absolute path, as Hugo matches them; see
 * ignore-files.ts); `ignore`: the patterns, when the caller has them already.
 */
export declare function contentRoots(siteDir: string, data: Record<string, unknown>, ignore?: IgnoreFiles): ComponentRoot[];
export declare function staticRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[];
export declare function assetRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[];
export declare function layoutRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[];
export interface PrerenderOptions {
    math: {
        /**
         * "auto" (default): recognised per page; "markdown": the posts escape their TeX for Markdown
         * (\\( … \\), \_): undo that before KaTeX; "none": TeX as written.
         */
        escapes: 'auto' | 'none' | 'markdown';
        /** The site's own wrapper shortcodes: "tex" (the inner content is one formula) or "math" (it holds delimited math). */
        wrappers?: Record<string, 'tex' | 'math'>;
        /** "none": no automatic equation numbers (MathJax 3's default, tags: 'none'); absent: "ams", every numbered row. */
        numbering?: 'none';
    };
    katex: {
        /** Site-wide macros, names as written (TeX is case-sensitive). */
        macros: Record<string, string>;
        /**
         * KaTeX's strict-mode reports (what it typesets but LaTeX would not: a `\\` at the top level of a
         * display formula, a Unicode letter in math): "warn" (default), "error" (the formula fails, as a
         * formula KaTeX rejects does), or "ignore".
         */
        strict: 'warn' | 'error' | 'ignore';
    };
    /** "fail": a formula KaTeX rejects is an error (exit 1); "render": KaTeX's red error span, as a warning. */
    errors: 'fail' | 'render';
    /** What plain `hugo` does with a shadow older than its source (checked by the prerender shortcode). */
    stale: 'warn' | 'error';
    /** Hard limits per page (src/content/limits.ts). */
    limits: PageLimits;
    /** Numbered figures and references to them (src/render/figure-numbers.ts). */
    figures: FigureNumbering;
    /**
     * A multilingual site's figure settings per language (`[languages.de.params.prerender.figures]`, over
     * the site's), with every language code and the default one, to tell a page's language; absent on a
     * site whose languages set none.
     */
    figureLanguages?: FigureLanguages;
}
export interface FigureLanguages {
    /** Language code (lower case) → its settings, for the languages that set any. */
    byLanguage: Record<string, FigureNumbering>;
    /** Every language code of the site (lower case): a page file named `post.de.md` is in `de`. */
    codes: string[];
    /** defaultContentLanguage (lower case; "en" when unset): the language of a page that names none. */
    defaultLanguage: string;
}
export interface SiteLanguages {
    /** Every language code of `[languages]` (lower case), disabled ones included: `post.de.md` is in `de`. */
    codes: string[];
    /** defaultContentLanguage (lower case; "en" when unset). */
    defaultLanguage: string;
    /** The languages Hugo builds no page of: `disabled = true` in their table, or named in `disableLanguages`. */
    disabled: string[];
    /** A language's own baseURL (a multihost site: `[languages.fr] baseURL = …`), by its code. */
    baseURLs: Record<string, string>;
}
/** The site's languages, as Hugo reads them to place and to leave out pages. */
export declare function siteLanguages(data: Record<string, unknown>): SiteLanguages;
/** The language of a page: its content root's (`lang`), else its file name's (`post.de.md`, a code of the site's), else the default. */
export declare function pageLanguage(languages: SiteLanguages, relPath: string, lang?: string): string;
/**
 * What goes before `prerender/img/…` in the pages: the path part of baseURL, ending in `/` (what Hugo's
 * relURL puts before a site path); `/` with canonifyURLs, where Hugo itself puts the whole baseURL before
 * every root-relative URL of a page (0.111 to 0.143.0 doubled a path already there: /blog/blog/…).
 */
export declare function urlBase(baseURL: unknown, canonifyURLs?: unknown): string;
/**
 * On a multihost site, the URL base of image variants for each language whose own baseURL has another
 * path than the site's (Hugo serves that language's static files below it); empty otherwise.
 */
export declare function languageImageBases(data: Record<string, unknown>, languages: SiteLanguages): Record<string, string>;
/**
 * Whether Hugo leaves the page out because its language is disabled: the language of its content root
 * (`lang`: a language's contentDir, a mount's lang), else of its file name (`post.de.md`, for a code of
 * the site's), else the default language. Such a page is not published, so it is not prerendered either.
 */
export declare function pageInDisabledLanguage(languages: SiteLanguages, relPath: string, lang?: string): boolean;
/** The figure settings of a page in language `lang` (its content root's), or by its file name, or the default one. */
export declare function figureNumberingFor(site: FigureNumbering, languages: FigureLanguages | undefined, relPath: string, lang?: string): FigureNumbering;
/**
 * `[params.prerender.figures]`: which of the figures we render get a number ("id": those with an `id`,
 * the default; "all"; "none"), the word before the number (in the caption and in a reference), and what
 * follows the number in the caption.
 */
export interface FigureNumbering {
    numbers: 'id' | 'all' | 'none';
    label: string;
    separator: string;
}
export declare const DEFAULT_FIGURE_NUMBERING: FigureNumbering;
export declare const DEFAULT_PRERENDER_OPTIONS: PrerenderOptions;
/**
 * `[params.prerender]` with defaults; bad values become warnings and fall back to the default, unknown
 * keys are warnings and ignored. `where`: the site's locator (SiteConfig.locate) to place each warning
 * at its setting, or just the file to name.
 */
export declare function prerenderOptions(data: Record<string, unknown>, where?: string | ConfigLocator): {
    options: PrerenderOptions;
    diagnostics: Diagnostic[];
};
export interface PassthroughDelimiters {
    inline: [string, string][];
    block: [string, string][];
}
/**
 * markup.goldmark.extensions.passthrough.delimiters, or null when the site does not configure them
 * (in which case the tool's own default delimiters apply). Hugo ignores them unless the extension is
 * enabled; we honour them whenever they are written, since a site that lists them means them.
 */
export declare function passthroughDelimiters(data: Record<string, unknown>): PassthroughDelimiters | null;
export type AutoHeadingIDType = 'github' | 'github-ascii' | 'blackfriday';
export declare function autoHeadingIDType(data: Record<string, unknown>): AutoHeadingIDType;
export interface TableOfContents {
    startLevel: number;
    endLevel: number;
    ordered: boolean;
}
/** markup.tableOfContents with Hugo's defaults (2, 3, false). */
export declare function tableOfContents(data: Record<string, unknown>): TableOfContents;
