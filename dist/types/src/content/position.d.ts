export interface LineCol {
    line: number;
    column: number;
}
export declare class LineIndex {
    private readonly text;
    /** Offset of the first character of each line. */
    private readonly starts;
    constructor(text: string);
    /** Offsets of the high halves of the surrogate pairs, ascending: a column counts each pair once. */
    private readonly pairs;
    /** Line and column of `offset` (clamped to the text). */
    at(offset: number): LineCol;
    /** Offset of a 1-based line and column (the inverse of `at`). */
    offsetOf(line: number, column: number): number;
    get lineCount(): number;
}
