/**
 * Our fragments become Hugo partials, which Go's html/template parses as template TEXT: a literal `{{`
 * would start an action, and markup html/template cannot follow (an attribute name with a quote, a
 * `<script>` it cannot lex, a tag left open: raw HTML a site with `unsafe = true` lets through) fails the
 * whole site, where plain Hugo, which never parses content as a template, builds it. So a partial holds
 * no template text at all: one action printing the fragment as a Go string literal marked safe,
 * `{{- "…" | safeHTML -}}`. html/template prints a safeHTML value in text context byte for byte, whatever
 * it holds (`{{`, quotes, comments, broken tags); the literal escapes `\`, `"` and control characters.
 */
export declare function neutraliseTemplate(html: string): string;
/** The fragment a partial written by neutraliseTemplate prints (the text itself when it is not one). */
export declare function fragmentOfPartial(text: string): string;
