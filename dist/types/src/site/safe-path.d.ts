import type { Diagnostic } from '../content/types.js';
import { type ComponentMounts, type ModuleRoots, type MountedRoot, type NestedMounts } from './component-lookup.js';
export interface Roots {
    /** Each allowed directory as the config gives it and as it really is (symlinks in its own path resolved). */
    readonly dirs: readonly {
        given: string;
        real: string;
    }[];
    /** Whether Hugo leaves out the file at this path (absolute, as looked up): see hiddenBy. */
    readonly hidden?: (p: string) => boolean;
    /** The static and assets mounts, for places that name a component (Place): see component-lookup.ts. */
    readonly components?: ComponentMounts;
}
export type Resolved = {
    ok: true;
    real: string;
}
/**
 * `link` is the symbolic link (absolute, as written under a root) whose target leaves the roots; with
 * `loop`, the first link of a chain that never ends (a → b → a), `target` its own target.
 */
 | {
    ok: false;
    why: 'outside';
    link?: string;
    target?: string;
    loop?: true;
} | {
    ok: false;
    why: 'missing';
}
/**
 * A component could not be looked at for another reason than its absence: `at` is the directory the
 * user cannot enter (permission denied) or the path the system could not read, `error` what it said.
 */
 | {
    ok: false;
    why: 'blocked';
    at: string;
    kind: 'file' | 'directory';
    error: NodeJS.ErrnoException;
};
/** The allowed roots: directories that do not exist are left out. */
export declare function allowedRoots(dirs: readonly string[]): Roots;
/** Whether `p` (absolute, normalised) is lexically inside one of the roots, as given or as real. */
export declare function lexicallyInside(roots: Roots, p: string): boolean;
/**
 * Resolves `file` (absolute) through the roots: its real path when every link on the way stays inside
 * them, `outside` when the path or a link leaves them, `missing` when a component does not exist.
 */
export declare function resolveInside(roots: Roots, file: string): Resolved;
/** `p` relative to the site, with forward slashes, for messages (absolute when it is not inside). */
export declare function shownPath(siteDir: string, p: string): string;
/**
 * The roots a page's files may be read from: the site, its content directories, its static and assets
 * roots (every mount's source as the config names it, so a content, static or assets mount outside the
 * site is allowed, and nothing else outside it).
 */
export declare function siteRoots(site: {
    dir: string;
    staticDirs: readonly string[];
    assetsDir: string;
    contentDirs?: readonly string[];
    filtered?: readonly FilteredRoot[];
    staticRoots?: readonly MountedRoot[];
    assetRoots?: readonly MountedRoot[];
    nestedMounts?: NestedMounts;
    moduleRoots?: readonly ModuleRoots[];
}): Roots;
/** A content, static or assets root and which of its files Hugo reads (SiteInfo.filtered). */
export interface FilteredRoot {
    dir: string;
    filter?: (rel: string, isDir: boolean) => boolean;
}
/**
 * Whether Hugo leaves out the file at `p` (absolute): it lies in one of the roots at least, and each root
 * that holds it leaves it out, or a folder on the way to it (a folder left out is not walked).
 */
export declare function hiddenBy(roots: readonly FilteredRoot[], p: string): boolean;
export type Lookup = {
    found: string;
}
/** A symbolic link on the way leaves the site (or, `loop`, leads round in a loop): nothing was read. */
 | {
    refused: string;
    link: string;
    target: string;
    loop?: true;
}
/**
 * Not in any of the places (only places inside the site were looked at); `blocked`: the first place
 * that could not be looked into (a directory the user cannot enter), where the file may well be.
 */
 | {
    missing: string[];
    blocked?: {
        at: string;
        kind: 'file' | 'directory';
        error: NodeJS.ErrnoException;
    };
    /** The first place that holds the file but where the site's mounts (or ignoreFiles) leave it out: Hugo does not publish it. */
    hidden?: string;
    /**
     * A file that is there, in a mount the Hugo in use does not read for this path: `by`, the sources of
     * the mounts it reads instead (Hugo before 0.124 reads a path from the mounts with the longest target
     * alone), mounted at `target` (`static/images`). Hugo does not publish the file at that path.
     */
    unread?: {
        file: string;
        by: string[];
        target: string;
    };
};
/**
 * Where a file is looked for: a directory (absolute; the file is `rel` below it), or a component of the
 * site, static or assets, where `rel` is looked up through the site's mounts of it as Hugo looks it up
 * (a path Hugo serves at `/rel`, or `resources.Get` finds: component-lookup.ts).
 */
export type Place = string | {
    component: 'static' | 'assets';
};
/** A place as text, for keys (a component cannot be mistaken for a directory: those are absolute or site-relative paths). */
export declare function placeKey(p: Place): string;
/** Told of every lookup a page makes (src/site/page-records.ts: what the page read, for incremental builds). */
export type LookupTracker = (bases: readonly Place[], rel: string, result: Lookup) => void;
/**
 * Lookups already made, by places and name: one build's (the same roots throughout), so that the image
 * of a figure shown on every page is looked up once (each lookup is an lstat per path component).
 */
export type LookupMemo = Map<string, Lookup>;
/**
 * Looks `rel` up in each base directory in turn, reading nothing outside the roots: a place whose path
 * leaves the roots is not looked at (and not listed in `missing`), a link that leaves them refuses.
 * With `memo`, a lookup it holds is not made again.
 */
export declare function lookUpFile(roots: Roots, bases: readonly Place[], rel: string, track?: LookupTracker, memo?: LookupMemo): Lookup;
/**
 * Why a file could not be looked for (Lookup's `blocked`): `static/data cannot be entered (permission
 * denied): fix its permissions so that the user running the build can enter it (chmod a+x static/data)`.
 */
export declare function blockedMessage(siteDir: string, b: {
    at: string;
    kind: 'file' | 'directory';
    error: NodeJS.ErrnoException;
}): string;
/** The message for a refused link: `<link> is a symbolic link to <target>, outside the site; …`. */
export declare function outsideMessage(siteDir: string, link: string, target: string, loop?: boolean): string;
/** The error at a content link that leaves the site (see listContentFiles in build.ts). */
export declare function refusedLinkDiagnostic(siteDir: string, r: {
    link: string;
    target: string;
    loop?: true;
}): Diagnostic;
