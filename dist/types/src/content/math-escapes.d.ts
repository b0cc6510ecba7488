export declare function removeMarkdownEscapes(tex: string): string;
/**
 * Signs inside a formula that it was written Markdown-escaped: `\_` after a letter, digit, `}` or `)`
 * (a subscript, `x\_i`, `\sum\_{i}`), `\*` likewise, and `\\\\` (a TeX line break escaped).
 */
export declare const ESCAPE_SIGNS: RegExp;
