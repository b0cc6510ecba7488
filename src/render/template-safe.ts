/**
 * Our fragments become Hugo partials, which Go's html/template parses as template TEXT: a literal `{{`
 * would start an action, and markup html/template cannot follow (an attribute name with a quote, a
 * `<script>` it cannot lex, a tag left open: raw HTML a site with `unsafe = true` lets through) fails the
 * whole site, where plain Hugo, which never parses content as a template, builds it. So a partial holds
 * no template text at all: one action printing the fragment as a Go string literal marked safe,
 * `{{- "…" | safeHTML -}}`. html/template prints a safeHTML value in text context byte for byte, whatever
 * it holds (`{{`, quotes, comments, broken tags); the literal escapes `\`, `"` and control characters.
 */
export function neutraliseTemplate(html: string): string {
  return `{{- "${goStringBody(html)}" | safeHTML -}}`;
}

/** The inside of a Go interpreted string literal that reads back as `s` (text/template's lexer accepts it). */
function goStringBody(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\t':
        return '\\t';
      case '\r':
        return '\\r';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

const LITERAL = /^\{\{- "((?:[^"\\]|\\.)*)" \| safeHTML -\}\}$/s;

/** The fragment a partial written by neutraliseTemplate prints (the text itself when it is not one). */
export function fragmentOfPartial(text: string): string {
  const m = LITERAL.exec(text);
  if (!m) return text;
  return m[1]!.replace(/\\(u[0-9a-f]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}
