/**
 * Text that reaches a terminal or a CI log. File names, parameter values and messages can come from a
 * guest author: a control character could move the cursor, rewrite the line, or (a newline) start a line
 * of its own, and CI runners act on lines that look like commands (GitHub Actions `::error …::`,
 * `::add-mask::`, `::stop-commands::`; Azure Pipelines `##vso[…]` anywhere in a line and `##[…]` at its
 * start). Everything we print goes through `safeLine`: controls become visible escapes and command
 * prefixes are broken, so one printed line is always one line, and never a command.
 */

/**
 * C0 and C1 controls, DEL, and the invisible characters that reorder or split what a terminal shows
 * (bidirectional overrides and isolates, line and paragraph separators).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e', '\u0000': '\\0' };

/** One character as a visible escape: `\n`, `\e`, `\x07`, `\u202e`. */
function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control and invisible reordering character replaced by a visible escape. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE_CHAR, escapeChar);
}

/**
 * One line for a terminal or CI log: controls escaped (so no newline is left in it), `##vso[` broken
 * wherever it is, and a line that would start with `::` or `##[` gets a visible escape at its start.
 */
export function safeLine(s: string): string {
  let line = escapeControls(s).replace(/##vso\[/gi, (m) => `#\\x23${m.slice(2)}`);
  if (/^\s*(::|##\[)/.test(line)) line = line.replace(/^(\s*)(.)/, (_, sp: string, c: string) => `${sp}\\x${c.charCodeAt(0).toString(16)}`);
  return line;
}

/** Text of several lines for a terminal or CI log: each line made safe by `safeLine`. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeLine).join('\n');
}
