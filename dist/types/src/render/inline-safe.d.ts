/**
 * Fragments travel to Hugo as the inner content of a shortcode in the shadow page
 * (`{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`). Hugo's shortcode lexer reads that inner content:
 * a `{{` in it could start a shortcode (`{{<`, `{{%`), so none may remain; and a newline would shift the
 * line numbers Hugo reports for the rest of the shadow, so none may remain either. This rewrites a fragment
 * so that it holds neither while the HTML it parses to stays the same, context by context:
 *
 * - text: `\n` → a space (the same white space to the HTML; a `&#10;` there would be a word of its own
 *   in Hugo's plain text of the page, `.Summary`, `.Plain`, `.WordCount`), the second `{` of `{{` →
 *   `&#123;`, and a `{` ending the fragment too (the closing `{{<` follows it);
 * - text inside `<pre>`, `<textarea>`, `<listing>`, where a line break is one, and MathML's
 *   `<annotation>` (the TeX, where one ends a `%` comment): `\n` → `&#10;`. The
 *   newline right after such an opening tag, which the HTML parser drops, is dropped as `&#10;` too (the
 *   parser drops the line feed token, whichever way it was written);
 * - quoted attribute values: the same character references (the parser decodes them there too);
 * - inside a tag, between attributes: a newline → a space;
 * - raw text (`<style>`, `<script>`): a newline → a space (whitespace in CSS); `{{` there cannot be
 *   written any other way and is refused (InlineFragmentError);
 * - comments: a newline → a space, `{{` → `{ {` (comments are not content).
 */
export declare class InlineFragmentError extends Error {
}
export declare function inlineFragment(html: string): string;
