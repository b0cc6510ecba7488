import { LineIndex } from './position.js';
import type { ParsedPage } from './types.js';
export interface ParsePageOptions {
    /** The file's path, put on every diagnostic. */
    path?: string;
    /** The source's line index, if the caller has one already (built for the same text). */
    lines?: LineIndex;
}
/** Parses a whole content file. Never throws; problems are diagnostics. */
export declare function parsePage(source: string, opts?: ParsePageOptions): ParsedPage;
