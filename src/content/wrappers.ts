/**
 * Wrapper shortcodes: what a theme ships to get TeX past Markdown. A module of its own, light, since the
 * page settings (read on every warm build) need the list too.
 */

/**
 * Wrapper shortcodes themes ship to get TeX past Markdown to a client-side renderer, recognised out of
 * the box: `tex`, the inner content is one formula (hugo-book's `katex`, display with `display=true`);
 * `math`, the inner content holds delimited math (Hugo Blox's `math`, LoveIt's `raw`, the common
 * `rawhtml`). A site declares its own in `params.prerender.math.wrappers`. A `math` one whose template
 * renders the formula itself (Doks' `math`: page-settings.ts, renderingWrapperTemplates) is taken as `tex`.
 */
export const DEFAULT_WRAPPERS: Readonly<Record<string, 'tex' | 'math'>> = { katex: 'tex', math: 'math', raw: 'math', rawhtml: 'math' };

/**
 * The formula of a `tex` wrapper's inner content: as it is, or, when the whole of it is one formula in its
 * delimiters (Doks' `{{< math >}}$x^2${{< /math >}}`), what is inside them, display as `$$…$$` and `\[…\]`
 * say (no TeX starts and ends with `$`: KaTeX rejects a `$` in math).
 */
export function texOfWrapper(inner: string, display: boolean): { tex: string; display: boolean } {
  const t = inner.trim();
  for (const [open, close, block] of [['$$', '$$', true], ['\\[', '\\]', true], ['$', '$', false], ['\\(', '\\)', false]] as const) {
    if (t.length > open.length + close.length && t.startsWith(open) && t.endsWith(close)) {
      const tex = t.slice(open.length, t.length - close.length);
      if (tex.trim() !== '' && !tex.includes(close)) return { tex, display: block };
    }
  }
  return { tex: inner, display };
}
