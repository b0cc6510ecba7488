/** A pattern Hugo would refuse (it stops with an error too). */
export declare class MountGlobError extends Error {
}
/** Whether the path (relative to the mount's source, `/`-separated) of a file or a folder is read. */
export type MountFilter = (rel: string, isDir: boolean) => boolean;
/** A mount's patterns in Hugo's order (see above); empty for a mount that filters nothing. */
export declare function mountPatterns(mount: Record<string, unknown>): string[];
/** A regular expression that matches what the gobwas glob `pattern` matches with `/` as the separator. */
export declare function hugoGlob(pattern: string, written?: string): RegExp;
/** The filter of these patterns (see mountPatterns); undefined for none. Throws MountGlobError for a bad glob. */
export declare function mountFilter(patterns: readonly string[]): MountFilter | undefined;
/** A file or folder read when any of these filters reads it (one folder mounted twice); undefined (everything) when any reads everything. */
export declare function eitherFilter(filters: readonly (MountFilter | undefined)[]): MountFilter | undefined;
