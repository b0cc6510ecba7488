/**
 * Maps offsets (UTF-16 indices, as JavaScript strings index) to 1-based line and column. Columns count
 * code points, as Hugo's and most editors' do, so an astral character is one column.
 */
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
    /** How many entries of the sorted `list` are below `value` (binary search: `at` stays O(log n)). */
    private static below;
    /** Line and column of `offset` (clamped to the text). */
    at(offset: number): LineCol;
    /** Offset of a 1-based line and column (the inverse of `at`). */
    offsetOf(line: number, column: number): number;
    get lineCount(): number;
}
