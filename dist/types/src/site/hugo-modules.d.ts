import { type ConfigSelection, type Mount } from './config.js';
import type { PrerenderOutput } from './output.js';
export interface HugoModule {
    /** The module's path as the config names it (`github.com/adityatelange/hugo-PaperMod`, a theme's folder name). */
    path: string;
    /** The folder Hugo reads it from, absolute. */
    dir: string;
    /** Its mounts as Hugo has them (sources relative to `dir`). */
    mounts: Mount[];
}
/**
 * The modules of `hugo config mounts` output, the project (path "project") left out, in Hugo's order;
 * undefined when the text is not that output.
 */
export declare function parseConfigMounts(text: string): HugoModule[] | undefined;
/** The arguments that make `hugo config mounts` read the config files and settings the build read. */
export declare function configMountsArgs(siteDir: string, selection: ConfigSelection): string[];
/** Runs `bin config mounts` for the site: its modules, or why there are none. */
export declare function askHugoModules(bin: string, siteDir: string, selection: ConfigSelection): {
    modules: HugoModule[];
} | {
    why: string;
};
/**
 * Whether the site's themes and modules may be somewhere the folders hugo-prerender looks in do not show:
 * a theme or module found in neither `themes/` nor `_vendor/`, one that names modules, a theme or mounts of
 * its own, or any `module.replacements` or `module.workspace`.
 */
export declare function moduleLookupNeeded(complete: boolean, data: Record<string, unknown>): boolean;
/**
 * The site's modules as `bin` reads them (see askHugoModules), from the cache when nothing it depends on
 * changed. `output`: the build's, whose cache is read and written; without it Hugo is asked.
 */
export declare function hugoModulesFor(bin: string, siteDir: string, selection: ConfigSelection, configFiles: readonly string[], output?: PrerenderOutput): {
    modules: HugoModule[];
} | {
    why: string;
};
/** The modules an earlier build asked Hugo for (for what `watch` watches), without checking they still hold. */
export declare function cachedHugoModules(siteDir: string, prerenderDir: string): HugoModule[] | undefined;
