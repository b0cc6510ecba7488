import type { Diagnostic } from './content/types.js';
import type { PageSettings } from './prerender-page.js';
import { type SiteConfig } from './site/config.js';
import type { SiteInfo } from './render/types.js';
export interface PageSettingsOfSite {
    settings: PageSettings;
    site: SiteInfo;
    /** About the site's own templates (a shortcode of ours that the site overrides). */
    diagnostics: Diagnostic[];
}
/** Whether the site's static or assets mounts have targets that nest (`static` and `static/images`): the Hugo version then decides which file a path is. */
export declare function nestedMountTargets(config: Pick<SiteConfig, 'staticRoots' | 'assetRoots'>): boolean;
/**
 * The settings every page of a site is prerendered with (what a page's record is checked against), and
 * where the site's files are: no renderer is made here (build-page.ts pageServices adds it).
 */
/** The version from which Hugo's automatic summary is the HTML of whole paragraphs (before: plain text). */
export declare const AUTO_SUMMARY_HTML_SINCE = "0.134.0";
export declare function pageSettings(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render', hugoVersion?: string): PageSettingsOfSite;
