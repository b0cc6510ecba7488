import type { ParsedPage } from './types.js';
export interface ParsePageOptions {
    /** The file's path, put on every diagnostic. */
    path?: string;
}
/** Parses a whole content file. Never throws; problems are diagnostics. */
export declare function parsePage(source: string, opts?: ParsePageOptions): ParsedPage;
