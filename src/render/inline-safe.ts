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

export class InlineFragmentError extends Error {}

const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const TAG_OPEN = /<(\/?)([A-Za-z][^\s/>]*)/y;

function textRun(s: string, lineBreaks = true): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/\r\n?|\n/g, lineBreaks ? '&#10;' : ' ').replace(/(?<=\{)\{/g, '&#123;');
}

/**
 * Elements whose text keeps its line breaks: white-space: pre, a form field's value, and the TeX that
 * KaTeX keeps in MathML's `<annotation>` (copied as the formula's source), where a line break ends a `%`
 * comment.
 */
const PRE_TEXT = new Set(['pre', 'textarea', 'listing', 'annotation']);

const TEXT_SPECIAL = /[\r\n{]/;
const LF = 0x0a;
const CR = 0x0d;
const LBRACE = 0x7b;
const EQ = 0x3d;
const GT = 0x3e;
const DQ = 0x22;
const SQ = 0x27;

/** `\s` of a regular expression, for one UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

/** What any rewrite below starts from: a line break, or `{{`. */
const NEEDS_REWRITE = /[\r\n]|\{\{/;

export function inlineFragment(html: string): string {
  // Most fragments (KaTeX's markup is one line) hold neither: nothing to rewrite, but a final '{'.
  if (!NEEDS_REWRITE.test(html)) return html.endsWith('{') ? html.slice(0, -1) + '&#123;' : html;
  let out = '';
  let i = 0;
  const n = html.length;
  // How many <pre>, <textarea> or <listing> elements are open around the text.
  let pre = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      out += textRun(html.slice(i, textEnd), pre > 0);
      i = textEnd;
    }
    if (i >= n) break;
    // A comment, or a bogus one (<!…>, <?…>).
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      const end = close === -1 ? n : close + 3;
      out += html.slice(i, end).replace(/\r\n?|\n/g, ' ').replace(/(?<=\{)\{/g, ' {');
      i = end;
      continue;
    }
    TAG_OPEN.lastIndex = i;
    const m = TAG_OPEN.exec(html);
    if (!m && html[i + 1] !== '!' && html[i + 1] !== '?' && !(html[i + 1] === '/' && i + 2 < n)) {
      out += '<'; // a lone '<' is text
      i++;
      continue;
    }
    // Inside a tag: up to the '>' outside a quoted attribute value. Characters are copied in runs
    // (from `run` to the one being looked at); only newlines, `{{` and quoted values are rewritten.
    let j = m ? i + m[0].length : i + 1;
    let run = i;
    let afterEq = false;
    for (; j < n; j++) {
      const c = html.charCodeAt(j);
      if (c === GT) break;
      if (afterEq && (c === DQ || c === SQ)) {
        const close = html.indexOf(html[j]!, j + 1);
        const end = close === -1 ? n : close;
        out += html.slice(run, j + 1) + textRun(html.slice(j + 1, end)) + (close === -1 ? '' : html[j]);
        j = end;
        run = Math.min(end + 1, n);
        afterEq = false;
        continue;
      }
      if (c === EQ) afterEq = true;
      else if (!isSpace(c)) afterEq = false;
      if (c === LF || c === CR) {
        out += html.slice(run, j);
        if (c === LF || html.charCodeAt(j + 1) !== LF) out += ' ';
        run = j + 1;
      } else if (c === LBRACE && html.charCodeAt(j - 1) === LBRACE) {
        out += html.slice(run, j) + '&#123;';
        run = j + 1;
      }
    }
    out += html.slice(run, Math.min(j, n));
    if (j < n) out += '>';
    i = Math.min(j + 1, n);
    if (!m) continue;
    const name = m[2]!.toLowerCase();
    if (PRE_TEXT.has(name)) pre = Math.max(0, pre + (m[1] === '/' ? -1 : 1));
    if (m[1] === '/') continue;
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const c = close.exec(html);
      const end = c ? c.index : n;
      const raw = html.slice(i, end);
      if (raw.includes('{{')) {
        throw new InlineFragmentError(`a <${name}> element holds "{{", which cannot be passed to Hugo inside a page; write "{ {" instead`);
      }
      out += raw.replace(/\r\n?|\n/g, ' ');
      i = end;
    }
  }
  // The closing `{{< /prerender >}}` follows: a final '{' would make it `{{{<`.
  if (out.endsWith('{')) out = out.slice(0, -1) + '&#123;';
  return out;
}
