/**
 * Draws a plot as a themed, accessible SVG: grid, axes with ticks, min–max bands, lines and markers
 * (d3-shape paths, clipped to the plot area), axis labels and a legend. Colours follow the toolkit's
 * conventions: ink is currentColor, series use accent tones (CSS custom properties with light/dark
 * defaults, plus light presentation attributes for renderers without CSS).
 */
import { area, line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import { el, fragment, type Child, type Markup } from '../elements.js';
import { figureSvg } from '../figure.js';
import { fmt } from '../format.js';
import type { Ids } from '../ids.js';
import { mathLabel } from '../math.js';
import { ACCENTS, type Tone } from '../theme.js';
import { axisScale, extent, type AxisSpec } from './axis.js';
import { BASELINE_DROP, layoutPlot, LEGEND_SAMPLE, PLOT_FONT, TICK_LENGTH, type PlotLayout } from './layout.js';

export type Dash = 'solid' | 'dashed' | 'dotted' | 'dashdot';
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface PlotSeries {
  /** Legend label: words with `$math$`. */
  label: string;
  /** [x, y] pairs; a non-finite y (or ≤ 0 on a log axis) leaves a gap. */
  points: ReadonlyArray<readonly [number, number]>;
  mode: 'line' | 'scatter' | 'both';
  tone: Tone;
  dash?: Dash;
  marker?: MarkerShape;
  /** Optional shaded band: [x, low, high] triples (e.g. min–max over seeds). */
  band?: ReadonlyArray<readonly [number, number, number]>;
}

export interface PlotSpec {
  /** viewBox width (default 560). */
  width?: number;
  /** Height of the plot area (default 300); the figure adds axes, labels and legend. */
  plotHeight?: number;
  x: AxisSpec;
  y: AxisSpec;
  series: readonly PlotSeries[];
  /** Show the legend (default: when there are two or more series). */
  legend?: boolean;
}

export interface RenderPlotOptions {
  ids: Ids;
  title: string;
  desc: string;
  class?: string;
}

/** Series colours in order: blue, red, green, amber, purple, rose, slate. */
export const SERIES_TONES: readonly Tone[] = ['output', 'input', 'hidden', 'gate', 'loss', 'highlight', 'target'];
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];
export const DASHES: Record<Dash, string | undefined> = {
  solid: undefined,
  dashed: '7 4',
  dotted: '1.5 3.5',
  dashdot: '8 3 1.5 3',
};
const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};
const LINE_WIDTH = 2.25;
const MARKER_AREA = 40;
const BAND_OPACITY = 0.16;

const strokeTone = (tone: Tone) => ({ stroke: ACCENTS[tone].light, class: `hp-stroke-${tone}` });
const fillTone = (tone: Tone) => ({ fill: ACCENTS[tone].light, class: `hp-fill-${tone}` });

function usable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

/** Every x and y (band ends included) that the axes must show. */
function dataExtents(spec: PlotSpec): { x?: [number, number]; y?: [number, number] } {
  const xl = spec.x.type === 'log';
  const yl = spec.y.type === 'log';
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of spec.series) {
    for (const [x, y] of s.points) {
      if (usable(x, xl) && usable(y, yl)) {
        xs.push(x);
        ys.push(y);
      }
    }
    for (const [x, lo, hi] of s.band ?? []) {
      if (!usable(x, xl)) continue;
      xs.push(x);
      if (usable(lo, yl)) ys.push(lo);
      if (usable(hi, yl)) ys.push(hi);
    }
  }
  return { x: extent(xs, spec.x.type ?? 'linear'), y: extent(ys, spec.y.type ?? 'linear') };
}

function markerPath(shape: MarkerShape, size = MARKER_AREA): string {
  return symbol(SYMBOLS[shape], size).digits(2)()!;
}

/**
 * The points of a line that have no drawable neighbour (the ones before and after are missing, not
 * finite, or off a log axis): a line through them is a zero-length piece that draws nothing, so they get
 * a marker of their own (a validation loss logged every few epochs, a point between two NaN cells).
 */
export function isolatedPoints(s: PlotSeries, logX: boolean, logY: boolean): (readonly [number, number])[] {
  if (s.mode !== 'line') return [];
  const ok = (p: readonly [number, number] | undefined) => p !== undefined && usable(p[0], logX) && usable(p[1], logY);
  return s.points.filter((p, i) => ok(p) && !ok(s.points[i - 1]) && !ok(s.points[i + 1]));
}

function seriesMarkup(
  s: PlotSeries,
  xs: (v: number) => number,
  ys: (v: number) => number,
  logX: boolean,
  logY: boolean,
  markerClip: string,
): Markup {
  const parts: Child[] = [];
  if (s.band && s.band.length) {
    const d = area<readonly [number, number, number]>()
      .defined((p) => usable(p[0], logX) && usable(p[1], logY) && usable(p[2], logY))
      .x((p) => xs(p[0]))
      .y0((p) => ys(p[1]))
      .y1((p) => ys(p[2]))
      .digits(2)(s.band);
    if (d) parts.push(el('path', { ...fillTone(s.tone), class: `hp-fill-${s.tone} hp-plot-band`, d, 'fill-opacity': BAND_OPACITY, stroke: 'none' }));
  }
  const ok = (p: readonly [number, number]) => usable(p[0], logX) && usable(p[1], logY);
  if (s.mode !== 'scatter') {
    const d = line<readonly [number, number]>()
      .defined(ok)
      .x((p) => xs(p[0]))
      .y((p) => ys(p[1]))
      .digits(2)(s.points);
    if (d) {
      parts.push(
        el('path', {
          ...strokeTone(s.tone),
          class: `hp-stroke-${s.tone} hp-plot-line`,
          d,
          fill: 'none',
          'stroke-width': LINE_WIDTH,
          'stroke-dasharray': DASHES[s.dash ?? 'solid'],
          'stroke-linecap': s.dash === 'dotted' ? 'round' : undefined,
          'stroke-linejoin': 'round',
        }),
      );
    }
  }
  // Markers: every point, or in line mode the points no line piece can show.
  const marked = s.mode === 'line' ? isolatedPoints(s, logX, logY) : s.points.filter(ok);
  if (marked.length) {
    const shape = markerPath(s.marker ?? 'circle');
    const marks = marked.map((p) => el('path', { d: shape, transform: `translate(${fmtPair(xs(p[0]), ys(p[1]))})` }));
    const cls = `hp-fill-${s.tone} hp-plot-markers${s.mode === 'line' ? ' hp-plot-isolated' : ''}`;
    parts.push(el('g', { ...fillTone(s.tone), class: cls, 'clip-path': markerClip }, ...marks));
  }
  return fragment(...parts);
}

function fmtPair(a: number, b: number): string {
  return `${fmt(a)} ${fmt(b)}`;
}

function legendMarkup(spec: PlotSpec, L: PlotLayout): Markup {
  const logX = spec.x.type === 'log';
  const logY = spec.y.type === 'log';
  const items = L.legend.items.map((it, i) => {
    const s = spec.series[i]!;
    // A line with points drawn as markers (isolated ones) shows its marker in the legend too.
    const showMarker = s.mode !== 'line' || isolatedPoints(s, logX, logY).length > 0;
    const parts: Child[] = [];
    if (s.band && s.band.length) {
      parts.push(el('rect', { ...fillTone(s.tone), x: it.x, y: it.y - 7, width: LEGEND_SAMPLE, height: 14, 'fill-opacity': BAND_OPACITY, rx: 2 }));
    }
    if (s.mode !== 'scatter') {
      parts.push(
        el('path', {
          ...strokeTone(s.tone),
          d: `M${fmtPair(it.x, it.y)}h${LEGEND_SAMPLE}`,
          fill: 'none',
          'stroke-width': LINE_WIDTH,
          'stroke-dasharray': DASHES[s.dash ?? 'solid'],
          'stroke-linecap': s.dash === 'dotted' ? 'round' : undefined,
        }),
      );
    }
    if (showMarker) {
      parts.push(el('path', { ...fillTone(s.tone), d: markerPath(s.marker ?? 'circle', MARKER_AREA * 1.2), transform: `translate(${fmtPair(it.x + LEGEND_SAMPLE / 2, it.y)})` }));
    }
    parts.push(mathLabel(it.tex, { x: it.labelX, y: it.y + BASELINE_DROP * PLOT_FONT.legend, size: PLOT_FONT.legend, anchor: 'start', valign: 'baseline', class: 'hp-plot-legend-label' }));
    return el('g', { class: 'hp-plot-legend-item' }, ...parts);
  });
  return el('g', { class: 'hp-plot-legend' }, ...items);
}

function axesMarkup(L: PlotLayout): Markup {
  const { x0, y0, x1, y1 } = L.plot;
  const grid: Child[] = [];
  for (const t of L.y.placed) grid.push(el('path', { d: `M${fmtPair(x0, t.pos)}H${fmt(x1)}` }));
  for (const t of L.x.placed) grid.push(el('path', { d: `M${fmtPair(t.pos, y0)}V${fmt(y1)}` }));
  const ticks: Child[] = [];
  for (const t of L.y.placed) ticks.push(`M${fmtPair(x0, t.pos)}h-${TICK_LENGTH}`);
  for (const t of L.x.placed) ticks.push(`M${fmtPair(t.pos, y1)}v${TICK_LENGTH}`);
  const minor: string[] = [];
  for (const p of L.y.minorPos) minor.push(`M${fmtPair(x0, p)}h-${TICK_LENGTH * 0.6}`);
  for (const p of L.x.minorPos) minor.push(`M${fmtPair(p, y1)}v${TICK_LENGTH * 0.6}`);
  const labels: Child[] = [];
  for (const t of L.y.placed) labels.push(mathLabel(t.tex, { x: L.yTickRight, y: t.pos + BASELINE_DROP * PLOT_FONT.tick, size: PLOT_FONT.tick, anchor: 'end', valign: 'baseline' }));
  for (const t of L.x.placed) labels.push(mathLabel(t.tex, { x: t.pos, y: L.xTickBaseline, size: PLOT_FONT.tick, anchor: 'middle', valign: 'baseline' }));
  return fragment(
    // Grid lines in the text colour at low opacity: visible on light and dark pages alike.
    el('g', { class: 'hp-plot-grid', fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.13, 'stroke-width': 1 }, ...grid),
    el('path', {
      class: 'hp-plot-axis',
      d: `M${fmtPair(x0, y0)}V${fmt(y1)}H${fmt(x1)}` + (ticks as string[]).join(''),
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 1,
    }),
    minor.length ? el('path', { class: 'hp-plot-minor', d: minor.join(''), fill: 'none', stroke: 'currentColor', 'stroke-width': 0.75 }) : null,
    el('g', { class: 'hp-plot-ticks' }, ...labels),
  );
}

/** Lays out and draws a plot; returns the `<svg>` and its layout (for tests). */
export function renderPlot(spec: PlotSpec, o: RenderPlotOptions): { svg: string; layout: PlotLayout } {
  const width = spec.width ?? 560;
  const ext = dataExtents(spec);
  const showLegend = spec.legend ?? spec.series.length > 1;
  const L = layoutPlot({
    width,
    plotHeight: spec.plotHeight ?? 300,
    x: spec.x,
    y: spec.y,
    xData: ext.x,
    yData: ext.y,
    legend: showLegend ? spec.series.map((s) => s.label) : [],
  });
  const logX = spec.x.type === 'log';
  const logY = spec.y.type === 'log';
  const xs = axisScale(L.x, L.x.range);
  const ys = axisScale(L.y, L.y.range);
  const { x0, y0, x1, y1 } = L.plot;
  // Lines and bands are clipped to the plot area (plus half a line width, so a curve along an edge is
  // not thinned); markers get a margin of their own size, so a point on the axis is drawn whole.
  const m = 5;
  const body = fragment(
    el(
      'defs',
      {},
      el('clipPath', { id: o.ids.id('plot-area') }, el('rect', { x: x0, y: y0 - 2, width: x1 - x0, height: y1 - y0 + 4 })),
      el('clipPath', { id: o.ids.id('plot-markers') }, el('rect', { x: x0 - m, y: y0 - m, width: x1 - x0 + 2 * m, height: y1 - y0 + 2 * m })),
    ),
    axesMarkup(L),
    el('g', { class: 'hp-plot-data', 'clip-path': o.ids.url('plot-area') }, ...spec.series.map((s) => seriesMarkup(s, xs, ys, logX, logY, o.ids.url('plot-markers')))),
    L.xLabel ? mathLabel(L.xLabel.tex, { x: L.xLabel.x, y: L.xLabel.y, size: L.xLabel.size, class: 'hp-plot-xlabel' }) : null,
    L.yLabel
      ? mathLabel(L.yLabel.tex, {
          x: L.yLabel.x,
          y: L.yLabel.y,
          size: L.yLabel.size,
          class: 'hp-plot-ylabel',
          attrs: { transform: `rotate(-90 ${fmtPair(L.yLabel.x, L.yLabel.y)})` },
        })
      : null,
    showLegend ? legendMarkup(spec, L) : null,
  );
  const svg = figureSvg({
    ids: o.ids,
    width: L.width,
    height: L.height,
    title: o.title,
    desc: o.desc,
    class: ['hp-plot', o.class].filter(Boolean).join(' '),
    body,
  });
  return { svg, layout: L };
}
