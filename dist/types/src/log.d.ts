/**
 * Text that reaches a terminal or a CI log. File names, parameter values and messages can come from a
 * guest author: a control character could move the cursor, rewrite the line, or (a newline) start a line
 * of its own, and CI runners act on lines that look like commands (GitHub Actions `::error …::`,
 * `::add-mask::`, `::stop-commands::`; Azure Pipelines `##vso[…]` anywhere in a line and `##[…]` at its
 * start). Everything we print goes through `safeLine`: controls become visible escapes and command
 * prefixes are broken, so one printed line is always one line, and never a command.
 */
/** `s` with every control and invisible reordering character replaced by a visible escape. */
export declare function escapeControls(s: string): string;
/**
 * One line for a terminal or CI log: controls escaped (so no newline is left in it), `##vso[` broken
 * wherever it is, and a line that would start with `::` or `##[` gets a visible escape at its start.
 */
export declare function safeLine(s: string): string;
/** Text of several lines for a terminal or CI log: each line made safe by `safeLine`. */
export declare function safeLines(text: string): string;
