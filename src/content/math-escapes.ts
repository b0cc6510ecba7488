/**
 * Undoing Markdown's backslash escapes inside math, for pages written for Markdown-then-MathJax
 * (ox-hugo exports, Blackfriday-era themes): there the author typed `\_` so that Markdown would hand
 * MathJax a `_`, and `\\\\` so that MathJax would see `\\`. CommonMark's rule is exact: a backslash
 * before ASCII punctuation is an escape, any other backslash is literal.
 */
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

export function removeMarkdownEscapes(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i]!;
    if (c === '\\' && i + 1 < tex.length && ASCII_PUNCTUATION.has(tex[i + 1]!)) {
      out += tex[i + 1];
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
