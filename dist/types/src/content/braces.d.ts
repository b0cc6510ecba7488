/**
 * Whether TeX's braces balance (`\{` and `\}` are characters, not braces): the first problem, or
 * undefined. `unclosed` counts the `{` left open at the end.
 */
export declare function braceProblem(tex: string): {
    kind: 'unopened';
} | {
    kind: 'unclosed';
    open: number;
} | undefined;
