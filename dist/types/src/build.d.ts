import type { Diagnostic } from './content/types.js';
import { urlBase, type ConfigSelection, type SiteConfig } from './site/config.js';
import { PrerenderOutput } from './site/output.js';
import type { MountFilter } from './site/mount-filter.js';
import { type Roots } from './site/safe-path.js';
export { invalidUtf8 } from './page-outcome.js';
/**
 * How many threads prerender pages when the caller does not say: HUGO_PRERENDER_JOBS, else jobsForCores of
 * the number of cores Node may use.
 */
export declare function defaultJobs(): number;
/** The default --jobs on a machine with this many cores: all of them (renderThreads decides how many start). */
export declare function jobsForCores(cores: number): number;
/**
 * How many threads render pages (the build's own and its workers) when about `expected` pages are still to
 * be prerendered, with `jobs` the most, on a machine of `cores` cores: one for every PAGES_PER_WORKER pages;
 * with the default --jobs on one or two cores (`chosen` false), one worker for every
 * PAGES_PER_WORKER_SHARED_CORES. A number the user gave is taken at its word. 1: the build's own thread alone.
 */
export declare function renderThreads(jobs: number, cores: number, expected: number, chosen: boolean): number;
export interface BuildOptions {
    /** The Hugo site root. */
    source: string;
    /** Overrides `params.prerender.errors` from the site config. */
    errors?: 'fail' | 'render';
    /**
     * An incremental build: only these content files (site-relative, `/`-separated) are prerendered; every
     * other page keeps what the previous build wrote for it. `watch` uses this when only pages changed.
     */
    only?: ReadonlySet<string>;
    /** How long to wait for another hugo-prerender using this site's `.prerender/`, in ms (see site/lock.ts). */
    lockWaitMs?: number;
    /** Told once when another process holds the lock and this build starts waiting for it. */
    onLockWait?: (message: string) => void;
    /** The caller already holds the site's lock (watch holds it for as long as it runs). */
    locked?: boolean;
    /** Which config files to read (Hugo's environment, --config); Hugo's defaults for a build when absent. */
    config?: ConfigSelection;
    /**
     * Threads that prerender pages, the build's own included (1: no worker threads). Default: defaultJobs(),
     * with workers on one or two cores only for a long build (renderThreads). The output is the same, byte
     * for byte, whatever the number.
     */
    jobs?: number;
    /**
     * The Hugo that will render the site (a path, or a name looked up on PATH; default `hugo`): asked for
     * its version when a page's output depends on it (site/hugo-version.ts).
     */
    hugo?: string;
}
export interface BuildResult {
    pages: number;
    /** Pages that own something and so got a shadow. */
    shadowed: number;
    formulas: number;
    figures: number;
    shortcodes: number;
    cacheHits: number;
    /**
     * Pages whose record still held (src/site/page-records.ts): not parsed, rendered or rewritten, their
     * diagnostics replayed.
     */
    unchanged: number;
    /** Distinct local figure images, and how many of them were processed (not found in the cache). */
    images: number;
    imagesProcessed: number;
    ms: number;
    /** Worker threads that prerendered pages (0 or absent: every page was prerendered in the build's own thread). */
    workers?: number;
    /**
     * The site's config file, when it does not mount `.prerender/content` (hugo-prerender init was not run,
     * or its mounts were removed): Hugo reads none of the prerendered pages. The CLI says so.
     */
    unmounted?: string;
    /** With workers: the pages prerendered (parsed and rendered, not kept) in this build, and how many of them in the build's own thread. */
    rendered?: {
        pages: number;
        here: number;
    };
    diagnostics: Diagnostic[];
    failed: boolean;
}
/** A directory of the content that could not be listed, and why (see listContentFiles). */
export interface UnreadableDir {
    /** Absolute, as walked (below the content root, links not resolved). */
    dir: string;
    error: unknown;
}
/**
 * A page of another format (OTHER_CONTENT_EXTENSIONS) with tags of our shortcodes: the error at the first,
 * and the page without any (its copy). Undefined when it has none.
 */
export declare function ownTagsInOtherFormat(text: string, relPath: string): {
    diagnostic: Diagnostic;
    cut: string;
} | undefined;
/**
 * Every content file below `dir`, sorted. Symlinked files and directories that stay inside the roots are
 * followed, as Hugo 0.111 follows them; a link that leaves them is not (Hugo 0.169 ignores symlinks, and a
 * guest post's link must not publish a file from elsewhere on the machine): it goes to `refused`. A
 * directory already on the path (a symlink loop) is not entered again. A directory that cannot be listed
 * (permissions) goes to `unreadable`, whose pages the caller must not take for deleted; a content root
 * that does not exist is no content, and one removed while it is walked is gone. `filter`: the mount's
 * (ComponentRoot.filter): a file it leaves out is not listed, a folder it leaves out is not entered, as
 * Hugo reads neither (nothing of them may be read, rendered or shadowed).
 */
export declare function listContentFiles(dir: string, roots: Roots, refused?: {
    link: string;
    target: string;
    loop?: true;
}[], unreadable?: UnreadableDir[], others?: string[], filter?: MountFilter): string[];
/**
 * The pages of a site whose shadow one of its ignoreFiles patterns matches, though the page itself is not
 * matched (site/ignore-files.ts): Hugo would leave the shadow out and publish the page as written (or,
 * 0.169, not at all), so such a page is not prerendered; one warning per pattern, at the pattern.
 */
export declare class ShadowIgnored {
    private readonly config;
    private readonly siteDir;
    private readonly hits;
    constructor(config: Pick<SiteConfig, 'ignoreFiles' | 'locate'>, siteDir: string);
    /** Whether the page at `abs` (shadowed as `relToContent` in `tree`) is not to be prerendered. */
    skip(abs: string, tree: string, relToContent: string): boolean;
    diagnostics(): Diagnostic[];
}
/**
 * Where the shadow of a content file goes (its path in the shadow tree `tree`), or undefined when it gets
 * none (build and check alike): a page of a disabled language (Hugo publishes it neither way), or one
 * whose shadow an ignoreFiles pattern would leave out (ShadowIgnored).
 */
export declare function shadowPlace(config: Pick<SiteConfig, 'languages'>, shadowIgnored: ShadowIgnored, root: {
    dir: string;
    target?: string | undefined;
    lang?: string | undefined;
}, tree: string, abs: string): string | undefined;
/**
 * The error at a directory of the content that could not be listed (see listContentFiles), located at the
 * directory (site-relative); `consequence` says what became of its pages.
 */
export declare function unreadableDirDiagnostic(siteDir: string, u: UnreadableDir, consequence: string): Diagnostic;
/** A result with nothing counted yet. */
export declare function emptyBuildResult(): BuildResult;
/**
 * What is wrong with `source` as a site to build, before anything is written into it: it is not a
 * directory, or has no Hugo configuration (a build or watch started in the wrong directory made a
 * `.prerender/` there: found by an audit). Undefined for a site.
 */
export declare function notASite(source: string, selection?: ConfigSelection): string | undefined;
/** Builds the site while holding its lock: never two builds writing one `.prerender/` at once. */
export declare function buildSite(opts: BuildOptions): Promise<BuildResult>;
/**
 * What the site's mounts lack for Hugo to read the prerendered pages (build and check report it alike):
 * the config file, when no mount reads `.prerender/content` (init was not run), else a warning per
 * mount below `content` whose shadows have no mount of their own (an init from before they got one).
 */
export declare function mountProblems(siteDir: string, config: SiteConfig): {
    unmounted?: string;
    diagnostics: Diagnostic[];
};
/**
 * Sets `config.modules` from Hugo (`hugo config mounts`, site/hugo-modules.ts) where the site's themes and
 * modules are not all in `themes/` or `_vendor/`; the warning when Hugo cannot say, else undefined.
 */
export declare function resolveModules(siteDir: string, config: SiteConfig, selection: ConfigSelection, bin?: string, output?: PrerenderOutput): Diagnostic | undefined;
/**
 * The warning for a file in a shadow tree that no build wrote (FinishResult.foreign): most likely a page
 * `hugo new` made there, as `.prerender/content` is the first content mount. Kept; where it belongs is the
 * content folder of that tree's language (`hugo-prerender hugo new` creates it there: hugo-command.ts newPageRun).
 */
export declare function foreignShadowDiagnostic(siteDir: string, config: SiteConfig, rel: string): Diagnostic;
/** The error for a content root whose language cannot name a shadow tree (`.prerender/content.<lang>`). */
export declare function badLanguageDiagnostic(siteDir: string, config: SiteConfig, root: {
    source: string;
    lang?: string | undefined;
}, outcome: string): Diagnostic;
/**
 * The warning when pages have math (or figures with a dark image) but no template calls the head partial:
 * formulas then show as the browser's bare MathML (KaTeX's HTML draws nothing unstyled), and a figure with
 * a dark image shows both images (prerender.css hides one).
 */
export declare function headProblem(siteDir: string, config: SiteConfig, anyMath: boolean, anyDark: boolean): Diagnostic | undefined;
export { urlBase };
/** The order build prints diagnostics in: by file, then by line and column (check prints a page's so too). */
export declare function compareDiagnostics(a: Diagnostic, b: Diagnostic): number;
/**
 * `file:line:col: severity: message`, the shape editors and CI annotate: always one line, with the file
 * name and message made safe for a terminal and a CI log (see log.ts).
 */
export declare function formatDiagnostic(d: Diagnostic): string;
export declare function summaryLine(r: BuildResult): string;
