/**
 * Escaping for text content and attribute values of SVG that is inlined in HTML pages (and also parsed
 * as standalone XML by sharp/librsvg), so the rules are the intersection of both:
 * - `&`, `<`, `>` always; `"` in attributes (we always quote with `"`).
 * - C0 control characters other than tab, line feed and carriage return are not allowed in XML 1.0 even
 *   as character references, and are parse errors in HTML: they become U+FFFD so the problem stays
 *   visible instead of corrupting the document. Lone surrogates and U+FFFE/U+FFFF likewise.
 * - In attributes, tab/LF/CR are written as character references because attribute-value normalisation
 *   would otherwise turn them into spaces.
 * - `{{` is neutralised (`&#123;{`): every fragment is a Go template to Hugo, and a literal `{{` in a label
 *   would be executed as template code.
 */

// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function common(s: string): string {
  return s
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{(?=\{)/g, '&#123;');
}

/** Escapes a string for use as element text content. */
export function escapeText(s: string): string {
  return common(s);
}

/** Escapes a string for use inside a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return common(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
