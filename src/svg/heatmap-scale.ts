/**
 * A sequential colour scale for heatmaps that works on light and dark pages without knowing the page's
 * background: a value is drawn as one accent colour at an opacity proportional to it, so the lowest
 * values fade into whatever the background is and the highest show the accent. The accent comes from
 * the theme (a CSS custom property), so dark mode and site overrides apply.
 *
 * When numbers are printed on the cells they are set in the page's text colour; the scale then stops at
 * a lower opacity (`MAX_OPACITY_WITH_TEXT`, 0.42) so that text stays readable on the strongest cell in both
 * modes (≥ 4.5:1 for the default accents on white and on #1e1e1e, measured by the browser test).
 */
import { el, type Markup } from './elements.js';
import { type Ids } from './ids.js';
import { ACCENTS, toneVar, type Tone } from './theme.js';

/** Opacity of a zero cell: just visible, so the grid's extent reads even where attention is nil. */
export const MIN_OPACITY = 0.04;
export const MAX_OPACITY = 0.9;
export const MAX_OPACITY_WITH_TEXT = 0.42;

export interface OpacityScale {
  /** Top of the domain (values at or above it get the top opacity). */
  max: number;
  top: number;
  (value: number): number;
}

/** Linear map from [0, max] to [MIN_OPACITY, top]; values are clamped to the domain. */
export function opacityScale(max: number, top: number): OpacityScale {
  const f = ((v: number) => {
    const k = max > 0 ? Math.min(1, Math.max(0, v / max)) : 0;
    return MIN_OPACITY + (top - MIN_OPACITY) * k;
  }) as OpacityScale;
  f.max = max;
  f.top = top;
  return f;
}

/** The CSS that lets gradient stops follow the theme (`stop-color` is not inherited from `fill`). */
export function gradientStopCss(svgSelector: string, tone: Tone): string {
  return `${svgSelector} .hp-stop-${tone}{stop-color:${toneVar(tone)}}`;
}

/**
 * A gradient for a legend bar, vertical (top = high) or horizontal (right = high), with the page-unique
 * id `name`. Use it as `fill="url(#…)"` via `ids.url(name)`.
 */
export function legendGradient(ids: Ids, name: string, tone: Tone, scale: OpacityScale, horizontal = false): Markup {
  const stop = (offset: string, opacity: number) =>
    el('stop', {
      class: `hp-stop-${tone}`,
      offset,
      'stop-color': ACCENTS[tone].light,
      'stop-opacity': opacity,
    });
  return el(
    'linearGradient',
    horizontal ? { id: ids.id(name), x1: 0, y1: 0, x2: 1, y2: 0 } : { id: ids.id(name), x1: 0, y1: 1, x2: 0, y2: 0 },
    stop('0', MIN_OPACITY),
    stop('1', scale.top),
  );
}

/** Number of decimals that shows values of this magnitude sensibly (0.25, 2.5, 25). */
export function valueDecimals(max: number): number {
  return max >= 100 ? 0 : max >= 10 ? 1 : 2;
}
