/**
 * Our fragments become Hugo partials, which Go's html/template parses: a literal `{{` would start an
 * action (`<code>{{ x }}</code>` fails the whole build with `function "x" not defined`). Each `{{` is
 * written as an action that prints it. HTML comments would be silently stripped, so none are emitted.
 */
export function neutraliseTemplate(html: string): string {
  return html.replace(/\{\{/g, '{{ "{{" }}');
}
