/**
 * Plain text with math (a page title, a description): the text HTML-escaped as Hugo prints `.Title`,
 * each formula typeset. Titles are not Markdown, so only the math delimiters mean anything here.
 */
import type { DelimiterPair } from '../content/math-syntax.js';

export interface TextMathSpan {
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

/** The formulas in a one-line text, with the page's delimiters (`\$` is a literal dollar). */
export function findTextMath(text: string, pairs: readonly DelimiterPair[]): TextMathSpan[] {
  const spans: TextMathSpan[] = [];
  let i = 0;
  outer: while (i < text.length) {
    if (text[i] === '\\' && text[i + 1] === '$') {
      i += 2;
      continue;
    }
    for (const p of pairs) {
      if (!text.startsWith(p.open, i)) continue;
      const from = i + p.open.length;
      // `$`'s currency rule: no space just inside either delimiter.
      if (p.dollarRule && /\s/.test(text[from] ?? ' ')) continue;
      let j = text.indexOf(p.close, from);
      while (j !== -1 && (text[j - 1] === '\\' || (p.dollarRule && /\s/.test(text[j - 1] ?? ' ')))) j = text.indexOf(p.close, j + 1);
      if (j === -1 || j === from) continue;
      spans.push({ start: i, end: j + p.close.length, tex: text.slice(from, j), display: p.display });
      i = j + p.close.length;
      continue outer;
    }
    i++;
  }
  return spans;
}

/** Text as HTML shows it, as Go's html/template escapes text. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

/** The HTML for `text` with its math typeset (inline), or null when it has no math. */
export function textWithMathHtml(
  text: string,
  pairs: readonly DelimiterPair[],
  renderMath: (tex: string, display: boolean, raw: string) => string,
): string | null {
  const spans = findTextMath(text, pairs);
  if (spans.length === 0) return null;
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += escapeHtml(text.slice(pos, s.start).replace(/\\\$/g, '$')) + renderMath(s.tex, false, text.slice(s.start, s.end));
    pos = s.end;
  }
  return out + escapeHtml(text.slice(pos).replace(/\\\$/g, '$'));
}
