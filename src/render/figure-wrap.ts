/**
 * The `<figure>` around a generated diagram or plot, shaped like the output of Hugo's own `figure`
 * shortcode (`<figure class="…"><…/><figcaption><p>…</p></figcaption></figure>`), so themes that style
 * `figure`/`figcaption` style ours the same way. Shortcodes take `FIGURE_PARAMS` (caption, alt, class)
 * and pass them here; `figureTitle` turns alt/caption into the SVG's accessible name.
 */
import { escapeAttr } from '../svg/escape.js';
import type { RenderContext } from './types.js';

export interface FigureWrapOptions {
  /** Markdown (math allowed), rendered with ctx.markdown into the figcaption. */
  caption?: string;
  /** Markdown; used for the figure's accessible name only (see `figureTitle`). */
  alt?: string;
  /** Space-separated CSS classes added after `hp-figure`. */
  class?: string;
}

const CLASS_RE = /^-?[A-Za-z_][\w-]*$/;

/** Keeps valid class names; warns (at the shortcode's `class` parameter) about the rest. */
export function figureClasses(ctx: Pick<RenderContext, 'warn'>, extra: string | undefined): string[] {
  const out = ['hp-figure'];
  for (const c of (extra ?? '').split(/\s+/).filter(Boolean)) {
    if (CLASS_RE.test(c)) {
      if (!out.includes(c)) out.push(c);
    } else {
      ctx.warn(`class "${c}" is not a valid CSS class name and was left out; use letters, digits, "-" and "_"`, { param: 'class' });
    }
  }
  return out;
}

/**
 * The accessible name of a figure as plain text: `alt` if given, else the caption, else the generated
 * fallback (e.g. "Recurrent neural network unrolled over 4 time steps").
 */
export function figureTitle(ctx: Pick<RenderContext, 'plainText'>, o: { caption?: string; alt?: string }, fallback: string): string {
  const alt = o.alt?.trim() ? ctx.plainText(o.alt).trim() : '';
  if (alt) return alt;
  const cap = o.caption?.trim() ? ctx.plainText(o.caption).trim() : '';
  return cap || fallback;
}

/** Wraps `inner` (trusted markup, e.g. from figureSvg) in the figure. */
export function wrapFigure(ctx: Pick<RenderContext, 'markdown' | 'warn'>, inner: string, o: FigureWrapOptions = {}): string {
  const classes = figureClasses(ctx, o.class);
  const caption = o.caption?.trim() ? `<figcaption><p>${ctx.markdown(o.caption.trim())}</p></figcaption>` : '';
  return `<figure class="${escapeAttr(classes.join(' '))}">${inner}${caption}</figure>`;
}
