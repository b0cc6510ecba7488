/**
 * Feeds (RSS) load no KaTeX stylesheet, so KaTeX's `htmlAndMathml` output would show every formula twice
 * there (the MathML and the HTML rendering are both visible). The feed keeps only the MathML of each
 * formula, which feed readers and browsers render natively, without the TeX annotation (readers that
 * strip MathML tags would otherwise show the TeX after the formula's letters); the TeX moves to
 * `alttext`, MathML's own attribute for it.
 *
 * The build computes that variant here and sends it to Hugo with the fragment, after FEED_SPLIT:
 * layouts/shortcodes/prerender.html prints what comes before it, prerender.rss.xml what comes after.
 * Hugo renders a page's content once more for a feed (it has its own shortcode template), so what the
 * feed template does runs for every fragment of every page: a split costs next to nothing, where a
 * regular expression over KaTeX's HTML (the earlier design) cost Hugo 0.2 ms per formula.
 */

export const FEED_SPLIT = '<!--hugo-prerender:feed-->';

/** The opening tag of a KaTeX element (outermost: `katex-display`, or `katex` for inline math). */
export const KATEX_OPEN = /<span class="katex(?:-display)?"[^>]*>/g;

/**
 * The index just after the `</span>` closing the span opened at `start`, or -1: the tags are those of
 * `/<span\b[^>]*>|<\/span>/g` from `start` on, found with `indexOf` (a regular expression tried at every
 * character of KaTeX's markup cost a cold build of a thousand pages 60 ms).
 */
export function spanEnd(html: string, start: number): number {
  let depth = 0;
  for (let i = html.indexOf('<', start); i !== -1; i = html.indexOf('<', i + 1)) {
    if (html.startsWith('</span>', i)) {
      if (--depth === 0) return i + 7;
      i += 6;
    } else if (html.startsWith('<span', i) && !isWordChar(html.charCodeAt(i + 5))) {
      // `[^>]*>`: up to the next '>' (none left: no '</span>' is left either).
      const gt = html.indexOf('>', i + 5);
      if (gt === -1) return -1;
      if (++depth === 0) return gt + 1;
      i = gt;
    }
  }
  return -1;
}

/** `\w` of a regular expression, for one UTF-16 code unit (NaN past the end: not one). */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function unescapeHtml(s: string): string {
  return s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One KaTeX element (`<span class="katex…">…</span>`) as bare MathML. */
function mathmlOf(katexHtml: string): string | null {
  const m = /<math\b([^>]*)>([\s\S]*?)<\/math>/.exec(katexHtml);
  if (!m) return null;
  let inner = m[2]!;
  let tex: string | undefined;
  inner = inner.replace(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/, (_, t: string) => {
    tex = unescapeHtml(t);
    return '';
  });
  // <semantics> with only the presentation left is just that presentation.
  inner = inner.replace(/^<semantics>([\s\S]*)<\/semantics>$/, '$1');
  const alt = tex !== undefined ? ` alttext="${escapeAttr(tex)}"` : '';
  return `<math${m[1]}${alt}>${inner}</math>`;
}

/**
 * A figure's dark image (src/render/figure-html.ts: `<picture class="hp-dark-only">…</picture>`, or
 * `<img class="hp-dark-only" …>` without responsive versions). A feed loads no stylesheet to hide it, so
 * the feed shows the light image alone.
 */
const DARK_ONLY = /<picture class="hp-dark-only">[\s\S]*?<\/picture>|<img class="hp-dark-only"[^>]*>/g;

/**
 * `html` with every KaTeX element replaced by its MathML and every figure's dark image left out; null
 * when there is neither in it (the fragment needs no feed variant).
 */
export function feedVariant(html: string): string | null {
  const math = mathFeedVariant(html);
  const base = math ?? html;
  if (!base.includes('hp-dark-only')) return math;
  const out = base.replace(DARK_ONLY, '');
  return out === base ? math : out;
}

function mathFeedVariant(html: string): string | null {
  let out = '';
  let pos = 0;
  let changed = false;
  KATEX_OPEN.lastIndex = 0;
  for (let m = KATEX_OPEN.exec(html); m; m = KATEX_OPEN.exec(html)) {
    const end = spanEnd(html, m.index);
    if (end === -1) break;
    const mathml = mathmlOf(html.slice(m.index, end));
    if (mathml === null) continue;
    out += html.slice(pos, m.index) + mathml;
    pos = end;
    changed = true;
    KATEX_OPEN.lastIndex = end;
  }
  return changed ? out + html.slice(pos) : null;
}

/**
 * The fragment as it travels to Hugo: `html`, then FEED_SPLIT and its feed variant when it has KaTeX.
 * A FEED_SPLIT already in `html` (an author's raw HTML) is defused first: it would cut the page's copy.
 */
export function withFeedVariant(html: string): string {
  const own = html.includes(FEED_SPLIT) ? html.split(FEED_SPLIT).join('<!--hugo-prerender:feed -->') : html;
  const feed = feedVariant(own);
  return feed === null ? own : own + FEED_SPLIT + feed;
}

/** The two parts of a travelling fragment: what the page shows, what a feed shows. */
export function splitFeed(travelling: string): { page: string; feed: string } {
  const at = travelling.indexOf(FEED_SPLIT);
  return at === -1 ? { page: travelling, feed: travelling } : { page: travelling.slice(0, at), feed: travelling.slice(at + FEED_SPLIT.length) };
}
