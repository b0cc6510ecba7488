/**
 * The `<figure>` around a generated diagram or plot, shaped like the output of Hugo's own `figure`
 * shortcode (`<figure class="…"><…/><figcaption><p>…</p></figcaption></figure>`), so themes that style
 * `figure`/`figcaption` style ours the same way. Shortcodes take `FIGURE_PARAMS` (caption, alt, class)
 * and pass them here; `figureTitle` turns alt/caption into the SVG's accessible name.
 */
import { escapeAttr } from '../svg/escape.js';
import type { RenderContext } from './types.js';
import { figureNumberHtml } from './figure-numbers.js';

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

/**
 * A panel that may shrink: its SVG (`width` its natural width) gets as narrow as `minWidth` (the width
 * at which its smallest text is still legible) to stay on the line of the panel before it, and wraps
 * onto a line of its own below that.
 */
export interface ShrinkPanel {
  svg: string;
  width: number;
  minWidth: number;
}

/**
 * Several SVGs (the panels of one figure) side by side in a row that wraps onto the next line when the
 * column is too narrow, so a phone gets the panels one under the other at a legible size instead of one
 * wide picture scaled down until its text is unreadable. Plain CSS in `style` attributes (no client
 * script, no stylesheet needed, so a feed reader that keeps inline styles lays it out too); `breakEvery`
 * > 0 also starts a new line after every that many panels. `label` is the group's accessible name.
 * `container` makes the row a size container, for panels that change with the row's width (@container).
 * A size container takes no width from its content, so inside a box that sizes itself to its content (a
 * theme's inline-block or table figure) it would collapse to nothing: `intrinsicWidth` is the width it
 * claims there (contain-intrinsic-inline-size), e.g. that of its panels stacked.
 */
export function panelRow(
  panels: readonly (string | ShrinkPanel)[],
  o: { label: string; breakEvery?: number; gap?: string; container?: { intrinsicWidth: number } },
): string {
  const every = o.breakEvery ?? 0;
  const items = panels.map((p, i) => {
    const brk = every > 0 && i > 0 && i % every === 0 ? '<div class="hp-panel-break" style="flex-basis:100%;height:0"></div>' : '';
    if (typeof p === 'string') return brk + p;
    const basis = Math.ceil(Math.min(p.minWidth, p.width));
    return `${brk}<div class="hp-panel-shrink" style="display:flex;justify-content:center;flex:1 1 ${basis}px;min-width:0;max-width:${Math.ceil(p.width)}px">${p.svg}</div>`;
  });
  return (
    `<div class="hp-panels" role="group" aria-label="${escapeAttr(o.label)}" ` +
    `style="display:flex;flex-wrap:wrap;justify-content:center;align-items:flex-start;gap:${o.gap ?? '12px 28px'}${o.container ? `;container-type:inline-size;contain-intrinsic-inline-size:${Math.ceil(o.container.intrinsicWidth)}px` : ''}">${items.join('')}</div>`
  );
}

/** The smallest text a phone may show, in CSS px: labels, and sub- and superscripts. */
export const MIN_TEXT_PX = 9;
export const MIN_SCRIPT_PX = 7;

/**
 * The scale (CSS px per viewBox unit) below which a figure's text gets smaller than MIN_TEXT_PX (labels
 * of `minText` units) or MIN_SCRIPT_PX (scripts of `minScript` units).
 */
export function legibleScale(minText: number, minScript = Infinity): number {
  return Math.max(MIN_TEXT_PX / minText, MIN_SCRIPT_PX / minScript);
}

/** A phone's viewport (the smallest common one: 360 px), and what a page takes from it besides the column. */
export const PHONE_VIEWPORT = 360;
export const PAGE_MARGINS = 32;
/** The column a 360 px phone leaves a figure. */
export const PHONE_COLUMN = PHONE_VIEWPORT - PAGE_MARGINS;
/** A narrow desktop column (themes' content columns are 650–800 px wide). */
export const DESKTOP_COLUMN = 680;

/**
 * The last resort for a picture that cannot reflow (a 64 × 64 attention map, a 12-token graph with very
 * long words): when it would fall under the legible scale in a phone's column (`width` × `scale` CSS px
 * needed, see legibleScale), it keeps that width and the column scrolls sideways instead of the text
 * shrinking. The scroller is a named region a keyboard can reach (tabindex="0", so arrow keys scroll
 * it); `svg` keeps its own `max-width:100%`, against the inner box of at least the legible width.
 * Inline styles only (no stylesheet needed). A picture legible in a phone's column is returned as is.
 */
export function legibleScroller(svg: string, o: { width: number; scale: number; label: string }): string {
  const min = Math.ceil(o.width * o.scale);
  if (min <= PHONE_COLUMN) return svg;
  return (
    `<div class="hp-scroll" role="region" tabindex="0" aria-label="${escapeAttr(o.label)}" style="overflow-x:auto;max-width:100%">` +
    `<div style="min-width:${min}px">${svg}</div></div>`
  );
}

/**
 * Wraps `inner` (trusted markup, e.g. from figureSvg) in the figure: with its id and its number (in front
 * of the caption) when the page gives it one (ctx.figure).
 */
export function wrapFigure(ctx: Pick<RenderContext, 'markdown' | 'warn' | 'figure'>, inner: string, o: FigureWrapOptions = {}): string {
  const classes = figureClasses(ctx, o.class);
  const number = ctx.figure ? figureNumberHtml(ctx.figure, escapeAttr) : '';
  const text = o.caption?.trim() ? ctx.markdown(o.caption.trim(), 'caption') : '';
  const caption = number || text ? `<figcaption><p>${number}${number && text ? ' ' : ''}${text}</p></figcaption>` : '';
  const id = ctx.figure?.id !== undefined ? ` id="${escapeAttr(ctx.figure.id)}"` : '';
  return `<figure${id} class="${escapeAttr(classes.join(' '))}">${inner}${caption}</figure>`;
}
