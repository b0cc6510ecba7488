import type { Diagnostic, FrontMatterFormat } from './types.js';
import { LineIndex } from './position.js';
export interface DecodeOptions {
    /** Offset of the first character of `raw` in the original source. */
    offset?: number;
    /** Line index of the original source; without it, positions are relative to `raw`. */
    lines?: LineIndex;
    /** The file, for diagnostics. */
    file?: string;
}
export interface DecodedFrontMatter {
    data: Record<string, unknown>;
    diagnostics: Diagnostic[];
}
/** Decodes the raw front matter text (as the lexer emits it) into a map. Never throws. */
export declare function decodeFrontMatter(format: FrontMatterFormat, raw: string, opts?: DecodeOptions): DecodedFrontMatter;
/**
 * The YAML library's error said as Hugo users need it: where a quoted string that is never closed was
 * opened (the library points at the end of the text), and what to write for TeX's backslashes in a
 * double-quoted string.
 */
export declare function explainYamlError(raw: string, err: {
    code: string;
    message: string;
    pos: [number, number];
}): {
    offset: number;
    message: string;
};
/** The TOML library's error without its prefix; a string left open at the end of its line said as such. */
export declare function explainTomlError(raw: string, e: {
    message: string;
    line: number;
    column: number;
}): string;
/**
 * Finds the first JSON syntax error with Go's encoding/json wording (what Hugo prints) and its
 * offset; `undefined` when the text is valid JSON.
 */
export declare function findJsonError(text: string): {
    offset: number;
    message: string;
} | undefined;
/**
 * Looks a key up the way Hugo templates see it (`.Params` keys are lowercased): the exact key if
 * present, else the first key that matches case-insensitively.
 */
export declare function getParamCI(data: Record<string, unknown>, key: string): unknown;
