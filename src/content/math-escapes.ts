/**
 * Undoing Markdown's backslash escapes inside math, for pages written for Markdown-then-MathJax
 * (ox-hugo exports, Blackfriday-era themes): there the author typed `\_` so that Markdown would hand
 * MathJax a `_`, and `\\\\` so that MathJax would see `\\`.
 *
 * Exactly what the author meant, not what Markdown did: Markdown also eats the backslash of TeX
 * commands that happen to be a backslash and a punctuation character (`\,` became `,`, `\{` became
 * `{`, `\\` at a line end became `\`), damage the author never meant and often never noticed. Those are
 * kept as TeX. Undone are the escapes that only make sense for Markdown's sake:
 * - `\\` before punctuation or a letter (`\\{`, `\\,`, `\\|`, `\\\\`): one backslash;
 * - `\_`, `\*`, `\^`, `\~`, `` \` ``, `\[`, `\]`, `\(`, `\)`, `\<`, `\>`, `\-`: the character (as TeX commands these
 *   are text-mode accents or errors inside math).
 * A `\\` before a space or a line end stays `\\`: a TeX line break the author forgot to escape.
 */
const UNESCAPE = new Set('_*^~`[]()<>-');

export function removeMarkdownEscapes(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i]!;
    if (c !== '\\' || i + 1 >= tex.length) {
      out += c;
      continue;
    }
    const next = tex[i + 1]!;
    if (tex.startsWith('\\\\\\\\', i)) {
      out += '\\\\';
      i += 3;
    } else if (next === '\\') {
      const after = tex[i + 2];
      out += after === undefined || /\s/.test(after) ? '\\\\' : '\\';
      i++;
    } else if (UNESCAPE.has(next)) {
      out += next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Signs inside a formula that it was written Markdown-escaped: `\_` after a letter, digit, `}` or `)`
 * (a subscript, `x\_i`, `\sum\_{i}`), `\*` likewise, and `\\\\` (a TeX line break escaped).
 */
export const ESCAPE_SIGNS = /[\w})]\\[_*]|\\\\\\\\/g;
