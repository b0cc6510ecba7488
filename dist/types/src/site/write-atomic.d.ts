/**
 * Writes `file` through a temporary name that Hugo's watcher ignores (`*.tmp`), then renames it into
 * place (atomic on one filesystem).
 */
export declare function writeFileAtomic(file: string, data: string | Buffer): void;
