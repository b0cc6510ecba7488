import { type LanguageMountStyle, type Mount } from './config.js';
export declare const DEFAULT_PACKAGE_LAYOUTS = "node_modules/hugo-prerender/layouts";
export interface InitOptions {
    /** Where the package's layouts/ is, relative to the site (or absolute). */
    packageLayouts?: string;
    /** How language mounts are spelled, for the Hugo the site is built with (see languageMountStyle); default 'lang'. */
    languageStyle?: LanguageMountStyle;
    /**
     * The Hugo to ask where the site's themes and modules are (`hugo config mounts`), when the folders do not
     * show them all (a theme installed as a Hugo Module): their head hook is advised then. Default `hugo`.
     */
    hugo?: string;
}
export interface InitResult {
    changed: boolean;
    /** The config file that holds (or now holds) the mounts. */
    file: string;
    messages: string[];
}
export declare class InitError extends Error {
}
export interface MountPlanInput {
    /** The mounts in effect now. */
    mounts: Mount[];
    contentDir: string;
    /**
     * The content mounts Hugo makes when the config has none (config.ts defaultContentMounts: contentDir,
     * and each language's own contentDir with its lang); default: contentDir alone.
     */
    contentDefaults?: Mount[];
    /** How the language mounts init adds say their language (default 'lang', what Hugo before 0.153 reads). */
    languageStyle?: LanguageMountStyle;
    layoutDir: string;
    staticDirs: string[];
    packageLayouts: string;
}
/**
 * The mounts the site needs, as a pure function of the current ones: ours for content first, then the
 * user's mounts in their order, then the defaults our mounts displace, then our layouts and static.
 * planMounts(planMounts(x)) has the same per-component order as planMounts(x) (idempotent).
 */
export declare function planMounts(input: MountPlanInput): Mount[];
export declare function sameMounts(a: Mount[], b: Mount[]): boolean;
/** Adds (or repairs) the mounts hugo-prerender needs in the site's config. */
export declare function initSite(siteDir: string, opts?: InitOptions): InitResult;
