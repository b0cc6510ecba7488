import type { ConfigFormat } from './config.js';
/** 1-based line and column (in code points, as Hugo counts them). */
export interface TextPosition {
    line: number;
    column: number;
}
export interface KeyPosition {
    /** The key's first character (for a TOML table header: the last key in the header). */
    key: TextPosition;
    /** The value's first character (for a TOML table header: its `[`). */
    value: TextPosition;
}
/** The key path as config.ts looks it up: lower case, one string. */
export declare function keyPathId(keyPath: readonly string[]): string;
/** Every key path of the file (see keyPathId) with where its key and value are written. */
export declare function keyPositions(text: string, format: ConfigFormat): Map<string, KeyPosition>;
