/** A static or assets root: a mount's source (absolute), where it is mounted below the component ("" for the component itself), and what of it Hugo reads. */
export interface MountedRoot {
    dir: string;
    /** `images` for `target = "static/images"`, "" for `target = "static"` (config.ts ComponentRoot.target). */
    target: string;
    filter?: (rel: string, isDir: boolean) => boolean;
}
/** How Hugo reads a path under mounts whose targets nest: "longest" before 0.124 (see above), else "every". */
export type NestedMounts = 'longest' | 'every';
/** The version from which Hugo reads a path from every mount whose target matches it (see above). */
export declare const EVERY_MATCHING_MOUNT_SINCE = "0.124.0";
/** A theme's or module's static and assets roots (its own mounts of those components). */
export interface ModuleRoots {
    static: MountedRoot[];
    assets: MountedRoot[];
}
export interface ComponentMounts {
    static: readonly MountedRoot[];
    assets: readonly MountedRoot[];
    /** Absent: "every" (the newest Hugo's way). */
    nested?: NestedMounts;
    /**
     * The site's themes and modules, in Hugo's order: a path the site's own mounts do not serve is served
     * from the first of them that has it (Hugo's overlay of modules), each read by its own mounts.
     */
    modules?: readonly ModuleRoots[];
}
/**
 * A site's static and assets mounts: its staticRoots and assetRoots when given, else its static
 * directories and assets directory at the component's root (each with the filter `filtered` has for it).
 */
export declare function componentMounts(site: {
    staticDirs: readonly string[];
    assetsDir: string;
    staticRoots?: readonly MountedRoot[];
    assetRoots?: readonly MountedRoot[];
    filtered?: readonly {
        dir: string;
        filter?: (rel: string, isDir: boolean) => boolean;
    }[];
    nestedMounts?: NestedMounts;
    moduleRoots?: readonly ModuleRoots[];
}): ComponentMounts;
/** Whether the mounts have a target that is a prefix (as text, as Hugo matches) of another's: then the Hugo version decides what is read. */
export declare function targetsNest(roots: readonly MountedRoot[]): boolean;
/** Whether `filter` lets Hugo read the file at `rel` (below the mount's source): each folder on the way, then the file (mount-filter.ts). */
export declare function filterShows(filter: MountedRoot['filter'], rel: string): boolean;
/** One mount's file for a path: `shown` false when the mount's filter leaves it out. */
export interface Candidate {
    root: MountedRoot;
    file: string;
    shown: boolean;
}
/**
 * The files Hugo may serve for `rel` (a path below the component, `/`-separated, no leading `/`) in the
 * order it prefers them, the first that is there and shown winning (`candidates`); `unread`: the files of
 * the mounts whose target matches but that this Hugo does not read for it ("longest": the shorter
 * targets'), in the same order.
 */
export declare function componentCandidates(roots: readonly MountedRoot[], rel: string, nested?: NestedMounts): {
    candidates: Candidate[];
    unread: Candidate[];
};
