import type { PrerenderOutput } from './output.js';
/** The first executable `name` on PATH (absolute), or undefined. */
export declare function onPath(name: string, envPath?: string): string | undefined;
/** `0.111.3` from `hugo v0.111.3+extended linux/amd64 …`, or undefined. */
export declare function parseHugoVersion(text: string): string | undefined;
/**
 * Runs `bin version` (a path or a name on PATH): the version it prints, or why there is none (what a
 * caller says when it needs one).
 */
export declare function askHugoVersion(bin: string): {
    version: string;
} | {
    why: string;
};
/** a < b for versions such as 0.111.3 (a leading `v` allowed, a missing part 0). */
export declare function versionBefore(a: string, b: string): boolean;
/**
 * The binary `bin` names (a path, from the working directory, or a name looked up on PATH) and what it is
 * now (its path, size and modification time: a cache of what it said holds while these do); or why none.
 */
export declare function hugoBinary(bin: string): {
    file: string;
    identity: string;
} | {
    why: string;
};
/**
 * The version of `bin` (a path, from the working directory, or a name looked up on PATH; default
 * `hugo`), from the cache when the
 * binary is the one it was asked of; undefined when there is no such Hugo or it does not say.
 */
export declare function hugoVersionFor(output: PrerenderOutput, bin?: string): string | undefined;
