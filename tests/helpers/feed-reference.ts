/**
 * The reference for layouts/shortcodes/prerender.rss.xml (what the package's feed template must produce
 * from a fragment marked by src/render/feed.ts markKatexEnds). Fragments for feeds (RSS) and other places
 * without our stylesheet: KaTeX's `htmlAndMathml` output
 * shows every formula twice when KaTeX's CSS is absent (the MathML and the HTML rendering are both
 * visible). The feed variant keeps only the MathML, which feed readers and browsers render natively,
 * without the TeX annotation (readers that strip MathML tags would otherwise show the TeX after the
 * formula's letters); the TeX source moves to `alttext`, MathML's own attribute for it.
 */
import { KATEX_OPEN, spanEnd } from '../../src/render/feed.js';

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
 * `html` with every KaTeX element replaced by its MathML; null when there is no KaTeX in it (the
 * fragment needs no feed variant).
 */
export function feedVariant(html: string): string | null {
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
