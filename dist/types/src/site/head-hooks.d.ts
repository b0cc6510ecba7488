/** The line a site's head hook holds. */
export declare const HEAD_PARTIAL_CALL = "{{ partial \"prerender/head.html\" . }}";
export interface HeadHook {
    theme: string;
    /** The site file to create (site-relative, forward slashes). */
    file: string;
    /** How the theme's templates call it. */
    call: RegExp;
    /** Said after the advice to create the file (e.g. that the theme's starter already has it). */
    note?: string;
}
export declare const HEAD_HOOKS: readonly HeadHook[];
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
export declare const HEAD_OVERRIDES: readonly HeadOverride[];
export interface HeadReport {
    /** Templates that call our head partial (or the katex partial), absolute. */
    linking: string[];
    /** The head hooks the site's themes call, in HEAD_HOOKS order. */
    hooks: HeadHook[];
    /**
     * Without a hook: the theme's partial that writes `<head>` (or the known one to override, see
     * HEAD_OVERRIDES), absolute, with the path a site copy of it takes (site-relative, forward slashes).
     */
    override?: {
        theme?: string;
        from: string;
        to: string;
    };
}
/**
 * Which templates of the site, its themes and modules (`layoutDirs`, see site/fallbacks.ts) call our
 * head partial, and which head hooks its themes call.
 */
export declare function headReport(layoutDirs: readonly string[]): HeadReport;
/**
 * What to do so that pages link the stylesheets: the theme's hook file, a copy of the theme's head
 * partial with the line added, or the line in the `<head>` template. `siteDir` makes paths relative.
 */
export declare function headAdvice(report: Pick<HeadReport, 'hooks' | 'override'>, siteDir?: string): string;
/**
 * Templates of the site, its themes and modules that read Hugo's own heading data: `.TableOfContents`
 * or `.Fragments` (Hextra's "On this page", most themes' TOC). Hugo builds both from a heading's
 * Markdown before it expands shortcodes, so on such a site math in a heading must not travel as a
 * shortcode (see src/prerender-page.ts). Template comments are ignored, and so is a template that
 * calls hugo-prerender's own `prerender/toc.html` (it shows the typeset TOC the build wrote, and may
 * test `.Fragments.Headings` for emptiness). Site-relative paths, forward slashes.
 */
export declare function headingDataTemplates(siteDir: string, layoutDirs: readonly string[]): string[];
/**
 * Templates of the site, its themes and modules that may put more of a page than its `.Summary` into an
 * RSS feed: any `.xml` template (Hugo picks an RSS template among `rss.xml`, `index.rss.xml`,
 * `list.xml`, … in every layouts folder) that reads the page's content, or calls another template that
 * might. Hugo's own RSS template shows `.Summary`. Template comments are ignored. Site-relative paths,
 * forward slashes; a theme or module that is not on disk (a module not vendored: see moduleLayoutDirs in
 * site/fallbacks.ts) is listed as its folder, since its feed templates cannot be read.
 */
export declare function feedContentTemplates(siteDir: string, layoutDirs: readonly string[], moduleLayoutDirs?: readonly string[][]): string[];
