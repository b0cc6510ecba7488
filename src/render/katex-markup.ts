/**
 * KaTeX's markup with each formula as text once.
 *
 * KaTeX's `htmlAndMathml` output holds every formula three times as text: the MathML (for screen
 * readers), the TeX in the MathML annotation, and the glyphs of the HTML rendering (aria-hidden, but
 * text all the same). Themes derive plain text from a page (`.Summary | plainify` in meta and og
 * descriptions and list summaries, `.Plain` in search indexes, a regex over `.Content` plus `plainify`
 * for tables of contents) by stripping tags and keeping every text node, so each formula came out three
 * times there: "ht=tanh(Wht−1+xt)h_t = \tanh(W h_{t-1} + x_t)ht​=tanh(Wht−1​+xt​)".
 *
 * Rewritten here so that only the MathML is text, and the page looks the same:
 * - the TeX moves from `<annotation encoding="application/x-tex">` to the `alttext` attribute of `<math>`
 *   (MathML's own attribute for a text alternative; `<semantics>`, left with one child, is dropped);
 * - each text node of the HTML rendering moves into a `data-c` attribute, drawn by the stylesheet
 *   (GLYPH_CSS, appended to KaTeX's own) as `::before` content, in the same element, with the same font
 *   and size: on the element itself when the text is its only child, else in an empty `<span>` put in
 *   its place.
 * Screen readers read the MathML as before (the HTML rendering stays aria-hidden); plain text derived
 * from the page holds the MathML's text once. Without the stylesheet (a feed reader, a page whose head
 * lacks the partial) the HTML rendering is empty and the browser shows the MathML.
 */
import { spanEnd } from './feed.js';

/**
 * Draws the glyphs of KaTeX's HTML rendering; appended to the KaTeX stylesheet the build writes.
 *
 * Its second part is for a copy of a formula that lost its `<math>` and its `data-c` attributes to an
 * HTML sanitizer: Hugo 0.169's `.TableOfContents` keeps of a heading's raw HTML only some elements
 * (`span`, not `math`) and of their attributes only `class` (measured; 0.111.3 keeps everything). There
 * the HTML rendering is empty and the MathML's letters are left as text in `.katex-mathml`, which KaTeX's
 * stylesheet hides: they are shown instead (Doks' table of contents, tests/integration/theme-doks.test.ts).
 */
export const GLYPH_CSS =
  '\n/* hugo-prerender: the glyphs of KaTeX\'s HTML rendering are in data-c (src/render/katex-markup.ts) */\n.katex .katex-html [data-c]::before{content:attr(data-c)}\n' +
  '/* a formula whose <math> a sanitizer removed (a table of contents): its MathML\'s letters, as text */\n' +
  '.katex:not(:has(math))>.katex-mathml{position:static;-webkit-clip-path:none;clip-path:none;width:auto;height:auto;overflow:visible}\n' +
  '.katex:not(:has(math))>.katex-mathml+.katex-html{display:none}\n';

/**
 * Classes whose `::before` KaTeX's stylesheet uses itself: their text goes into a child span. The bundle's
 * KaTeX keeps the same list (scripts/katex-plugin.mjs, OWN_BEFORE_CLASSES; katex-plugin.test compares them).
 */
export const OWN_BEFORE_CLASSES = ['stretchy', 'eqn-num', 'mml-eqn-num'] as const;
const OWN_BEFORE = new RegExp(`(?:^|\\s)(?:${OWN_BEFORE_CLASSES.join('|')})(?:\\s|$)`);

const TOKEN = /<[^>]*>|[^<]+/g;

/** KaTeX's HTML rendering (already escaped text) with its text moved into data-c attributes. */
function glyphsToAttributes(html: string): string {
  const tokens = html.match(TOKEN) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.startsWith('<')) {
      out.push(t);
      continue;
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const onlyChild = prev !== undefined && /^<span\b[^>]*>$/.test(prev) && next === '</span>';
    const cls = onlyChild ? (/\bclass="([^"]*)"/.exec(prev)?.[1] ?? '') : '';
    if (onlyChild && !OWN_BEFORE.test(cls) && !/\sdata-c=/.test(prev)) {
      out[out.length - 1] = `${prev.slice(0, -1)} data-c="${t}">`;
    } else {
      out.push(`<span data-c="${t}"></span>`);
    }
  }
  return out.join('');
}

const ANNOTATION = '<annotation encoding="application/x-tex">';
const MATH_TAIL = '</annotation></semantics></math>';

/**
 * Each `<math …><semantics>INNER<annotation encoding="application/x-tex">TEX</annotation></semantics></math>`
 * (INNER without `</math>`, TEX without `<`) as `<math … alttext="TEX">INNER</math>`: what the regular
 * expression `/<math([^>]*)><semantics>((?:(?!<\/math>)[^])*?)<annotation encoding="application\/x-tex">([^<]*)<\/annotation><\/semantics><\/math>/g`
 * replaces, found with indexOf (that expression's lookahead at every character of INNER cost more than
 * the rest of this file). A match ends at the first `</math>` after `<semantics>` (INNER cannot hold one,
 * and nothing after INNER can start one), and its annotation opens at the last `<` before MATH_TAIL.
 */
function texToAlttext(html: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const open = html.indexOf('<math', from);
    if (open === -1) break;
    from = open + 1;
    const gt = html.indexOf('>', open + 5);
    if (gt === -1) break;
    const innerStart = gt + 1 + '<semantics>'.length;
    if (!html.startsWith('<semantics>', gt + 1)) continue;
    const close = html.indexOf('</math>', innerStart);
    if (close === -1) break; // nor after any later <math
    const tail = close + '</math>'.length - MATH_TAIL.length;
    if (tail < innerStart || !html.startsWith(MATH_TAIL, tail)) continue;
    const annotation = html.lastIndexOf('<', tail - 1);
    if (annotation < innerStart || !html.startsWith(ANNOTATION, annotation) || annotation + ANNOTATION.length > tail) continue;
    out += `${html.slice(copied, open)}<math${html.slice(open + 5, gt)} alttext="${html.slice(annotation + ANNOTATION.length, tail)}">${html.slice(innerStart, annotation)}</math>`;
    copied = from = close + '</math>'.length;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/**
 * `html` (KaTeX's output, possibly several formulas) with each formula as text once: see above. Text
 * outside KaTeX's elements is left alone; so is markup that is not KaTeX's. `glyphsLeft` false: KaTeX
 * wrote every glyph of its HTML rendering as a data-c attribute already (the bundle's KaTeX does for a
 * glyph in a span of its own, and says when it left any as text: scripts/katex-plugin.mjs), so only the
 * TeX moves.
 */
export function oneTextCopy(html: string, glyphsLeft = true): string {
  // The TeX: from the annotation to the alttext of its <math>.
  let s = texToAlttext(html);
  if (!glyphsLeft) return s;
  // The glyphs: every katex-html rendering.
  const open = /<span class="katex-html"[^>]*>/g;
  let out = '';
  let pos = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const end = spanEnd(s, m.index);
    if (end === -1) break;
    out += s.slice(pos, m.index) + glyphsToAttributes(s.slice(m.index, end));
    pos = end;
    open.lastIndex = end;
  }
  s = out + s.slice(pos);
  return s;
}
