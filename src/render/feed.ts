/**
 * Feeds (RSS) load no KaTeX stylesheet, so KaTeX's `htmlAndMathml` output would show every formula twice
 * there. layouts/shortcodes/prerender.rss.xml keeps only the MathML of each formula (TeX moved to
 * `alttext`), derived from the fragment with regular expressions, in linear time: KaTeX elements nest
 * spans, so the build marks where each one ends with FEED_MARKER, and the template removes the
 * `katex-html` rendering up to that marker.
 */

export const FEED_MARKER = '<!--/katex-->';

/** The opening tag of a KaTeX element (outermost: `katex-display`, or `katex` for inline math). */
export const KATEX_OPEN = /<span class="katex(?:-display)?"[^>]*>/g;

/** The index just after the `</span>` closing the span opened at `start`, or -1. */
export function spanEnd(html: string, start: number): number {
  const tag = /<span\b[^>]*>|<\/span>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0] === '</span>' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** `html` with FEED_MARKER after each KaTeX element (outermost: `katex-display` or `katex`). */
export function markKatexEnds(html: string): string {
  let out = '';
  let pos = 0;
  KATEX_OPEN.lastIndex = 0;
  for (let m = KATEX_OPEN.exec(html); m; m = KATEX_OPEN.exec(html)) {
    const end = spanEnd(html, m.index);
    if (end === -1) break;
    out += html.slice(pos, end) + FEED_MARKER;
    pos = end;
    KATEX_OPEN.lastIndex = end;
  }
  return pos === 0 ? html : out + html.slice(pos);
}
