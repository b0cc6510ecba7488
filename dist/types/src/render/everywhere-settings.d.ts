/**
 * The site settings of math everywhere (render/everywhere.ts): read from the site's configuration before
 * any page is prerendered, so kept apart from the Markdown machinery (a warm build reads settings only).
 */
import type { AutoIdType } from '../content/headings.js';
export interface TocConfig {
    /** markup.tableOfContents.startLevel (Hugo's default 2). */
    startLevel: number;
    /** markup.tableOfContents.endLevel (default 3; -1: all). */
    endLevel: number;
    ordered: boolean;
}
export declare const DEFAULT_TOC: TocConfig;
export interface EverywhereSettings {
    idType: AutoIdType;
    toc: TocConfig;
    summaryLength: number;
    /** markup.goldmark.renderer.unsafe */
    unsafe: boolean;
    /** Passthrough enabled: Hugo 0.144+ gives math no text in heading ids. */
    passthrough: boolean;
    /**
     * `hasCJKLanguage`: a page with Chinese, Japanese or Korean text in its file (or `isCJKLanguage: true`
     * in its front matter) has its summary's words counted as Hugo counts them there (render/summary.ts).
     * Present only when set, so that other sites' page records stay as they were.
     */
    hasCJKLanguage?: true;
    /**
     * The Hugo that renders the site (0.134 and newer) keeps the HTML of an automatic summary, formulas
     * typeset: a summary with math needs no divider there (render/summary.ts), only one that stops before a
     * figure does. Present only when that Hugo is known to be one.
     */
    autoSummaryHtml?: true;
}
export declare const DEFAULT_EVERYWHERE: EverywhereSettings;
/** The settings above from a site's merged configuration, with Hugo's defaults. */
export declare function everywhereSettings(data: Record<string, unknown>): EverywhereSettings;
/** A boolean setting as Hugo's config reads it (cast.ToBool: true, "true", "1", 1, …). */
export declare function hugoBool(v: unknown): boolean;
