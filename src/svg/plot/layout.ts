/**
 * Where everything goes: the plot area, tick labels, axis labels and the legend, computed from estimated
 * label sizes (the toolkit's metrics) so that nothing overlaps and nothing leaves the viewBox. The legend
 * sits below the axes, in centred rows that wrap, so it can never cover data.
 *
 * The order avoids a fixed-point loop: the y ticks depend only on the plot height, the left margin on the
 * y tick labels, the plot width on the left margin, and the x ticks on the plot width.
 */
import { labelBox, labelFontBox, measureLabel } from '../math.js';
import { axisScale, axisTicks, type AxisSpec, type AxisTicks } from './axis.js';
import { labelToTex } from './label.js';

export const PLOT_FONT = {
  /**
   * Tick labels: at the default width (560) on a 360 px phone (a 328 px column, scale 0.586) 17 units are
   * 10 px, and the exponents of log ticks (10⁻³, at 72%) 7.2 px: no smaller than 7 (issue 8).
   */
  tick: 17,
  axis: 18,
  legend: 16,
};

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LegendItem {
  /** Left end of the sample line, and the vertical middle of the row. */
  x: number;
  y: number;
  /** Where the label starts (anchor start). */
  labelX: number;
  tex: string;
}

export interface LegendLayout {
  items: LegendItem[];
  /** Total height of the legend block. */
  height: number;
}

export interface PlacedTick {
  pos: number;
  tex: string;
}

export interface PlotLayout {
  width: number;
  height: number;
  plot: Rect;
  x: AxisTicks & { placed: PlacedTick[]; minorPos: number[]; range: [number, number] };
  y: AxisTicks & { placed: PlacedTick[]; minorPos: number[]; range: [number, number] };
  /** Baseline of the x tick labels, and the x of the y tick labels' right ends. */
  xTickBaseline: number;
  yTickRight: number;
  xLabel?: { x: number; y: number; tex: string; size: number };
  yLabel?: { x: number; y: number; tex: string; size: number };
  legend: LegendLayout;
}

export const LEGEND_SAMPLE = 30;
/**
 * Labels beside a tick or a legend sample are set on a common baseline, this fraction of the font size
 * below the point they label (half the cap height), so that `10^{-3}` and `10^{0}`, or "training" and
 * "validation", line up however their ink extends.
 */
export const BASELINE_DROP = 0.35;
export const TICK_LENGTH = 5;
const LEGEND_GAP = 8;
const LEGEND_ITEM_GAP = 22;
const LEGEND_ROW = 24;
const PAD = 8;
const TICK = TICK_LENGTH;
const TICK_GAP = 5;
const LABEL_GAP = 10;

/**
 * Lays out legend entries in rows between `left` and `right`, starting at `top`; each row is centred on
 * `centre` (the plot area's middle) as far as it can be without leaving [left, right].
 */
export function layoutLegend(
  labels: readonly string[],
  area: { centre: number; left: number; right: number; top: number },
): LegendLayout {
  const width = area.right - area.left;
  const top = area.top;
  if (labels.length === 0) return { items: [], height: 0 };
  const entries = labels.map((l) => {
    const tex = labelToTex(l);
    return { tex, w: LEGEND_SAMPLE + LEGEND_GAP + measureLabel(tex, PLOT_FONT.legend).width };
  });
  const rows: (typeof entries)[] = [];
  let row: typeof entries = [];
  let rowW = 0;
  for (const e of entries) {
    const add = (row.length ? LEGEND_ITEM_GAP : 0) + e.w;
    if (row.length && rowW + add > width) {
      rows.push(row);
      row = [];
      rowW = 0;
    }
    row.push(e);
    rowW += row.length > 1 ? LEGEND_ITEM_GAP + e.w : e.w;
  }
  rows.push(row);
  const items: LegendItem[] = [];
  rows.forEach((r, i) => {
    const total = r.reduce((s, e) => s + e.w, 0) + LEGEND_ITEM_GAP * (r.length - 1);
    let x = Math.max(area.left, Math.min(area.centre - total / 2, area.right - total));
    const y = top + LEGEND_ROW * i + LEGEND_ROW / 2;
    for (const e of r) {
      items.push({ x, y, labelX: x + LEGEND_SAMPLE + LEGEND_GAP, tex: e.tex });
      x += e.w + LEGEND_ITEM_GAP;
    }
  });
  return { items, height: rows.length * LEGEND_ROW };
}

function tickSize(tex: string) {
  return measureLabel(tex, PLOT_FONT.tick);
}

/** True when consecutive x tick labels (centred at their positions) leave at least `gap` between them. */
function xLabelsFit(placed: PlacedTick[], gap: number): boolean {
  for (let i = 1; i < placed.length; i++) {
    const a = placed[i - 1]!;
    const b = placed[i]!;
    const room = Math.abs(b.pos - a.pos);
    if (room < (tickSize(a.tex).width + tickSize(b.tex).width) / 2 + gap) return false;
  }
  return true;
}

export interface LayoutInput {
  width: number;
  /** Height of the plot area alone. */
  plotHeight: number;
  x: AxisSpec;
  y: AxisSpec;
  /** Data extents (already filtered for log axes). */
  xData: [number, number] | undefined;
  yData: [number, number] | undefined;
  legend: readonly string[];
}

export function layoutPlot(input: LayoutInput): PlotLayout {
  const W = input.width;
  let H = input.plotHeight;

  const yLabelTex = input.y.label ? labelToTex(input.y.label) : undefined;
  let ySize = PLOT_FONT.axis;
  if (yLabelTex) {
    // A long rotated label must fit along the plot's height: shrink it a little (to the tick size, still
    // legible on a phone), and beyond that make the plot taller rather than clip or overlap.
    const w = measureLabel(yLabelTex, ySize).width;
    if (w > H) ySize = Math.max(PLOT_FONT.tick, (ySize * H) / w);
    H = Math.max(H, Math.ceil(measureLabel(yLabelTex, ySize).width));
  }
  // y ticks: about one per 55 units.
  const yt = axisTicks(input.yData, input.y, Math.max(2, Math.round(H / 55)));
  const yTickW = Math.max(0, ...yt.ticks.map((t) => tickSize(t.tex).width));
  const drop = BASELINE_DROP * PLOT_FONT.tick;
  const yTickAbove = Math.max(0, ...yt.ticks.map((t) => tickSize(t.tex).ascent - drop));
  const yTickBelow = Math.max(0, ...yt.ticks.map((t) => tickSize(t.tex).descent + drop));
  // The rotated y label's font box (what a browser reports, taller than the ink) across the axis: from
  // yLabelBox.y0 to .y1 around its centre line, which rotation turns into left and right.
  const yLabelBox = yLabelTex ? labelFontBox(yLabelTex, { x: 0, y: 0, size: ySize }) : undefined;
  const yLabelThick = yLabelBox ? yLabelBox.y1 - yLabelBox.y0 : 0;

  const left = PAD + (yLabelTex ? yLabelThick + LABEL_GAP : 0) + yTickW + TICK_GAP + TICK;
  const top = PAD + yTickAbove;
  const plotX0 = left;

  // x ticks: start from one per ~90 units and thin until the labels fit; estimate the right margin from
  // the widest label (half of it can hang past the last tick).
  let rightPad = PAD + 12;
  let xt = axisTicks(input.xData, input.x, 5);
  let placedX: PlacedTick[] = [];
  let xScale: (v: number) => number = (v) => v;
  for (let pass = 0; pass < 2; pass++) {
    const plotX1 = W - rightPad;
    for (let count = Math.max(2, Math.round((plotX1 - plotX0) / 90)); count >= 1; count--) {
      xt = axisTicks(input.xData, input.x, count);
      xScale = axisScale(xt, [plotX0, plotX1]);
      placedX = xt.ticks.map((t) => ({ pos: xScale(t.value), tex: t.tex }));
      if (xLabelsFit(placedX, 12)) break;
    }
    const last = placedX[placedX.length - 1];
    const need = last ? tickSize(last.tex).width / 2 - (plotX1 - last.pos) + PAD : 0;
    if (need <= rightPad) break;
    rightPad = Math.ceil(need);
  }
  const plotX1 = W - rightPad;
  const plotY0 = top;
  // The lowest y tick label may hang below the axis line; the x tick labels start below both.
  const plotY1 = top + H;
  const belowAxis = Math.max(0, yTickBelow - TICK - TICK_GAP);
  const yScale = axisScale(yt, [plotY1, plotY0]);

  const xTickAscent = Math.max(0, ...xt.ticks.map((t) => tickSize(t.tex).ascent));
  const xTickDescent = Math.max(0, ...xt.ticks.map((t) => tickSize(t.tex).descent));
  // In the lower left corner the first x tick label may hang under the lowest y tick label: their font
  // boxes (what a browser reports, taller than the ink) stay 2 units apart.
  const yTickFontBelow = Math.max(0, ...yt.ticks.map((t) => labelFontBox(t.tex, { x: 0, y: 0, size: PLOT_FONT.tick, valign: 'baseline' }).y1)) + drop;
  const xTickFontAbove = Math.max(0, ...xt.ticks.map((t) => -labelFontBox(t.tex, { x: 0, y: 0, size: PLOT_FONT.tick, valign: 'baseline' }).y0));
  const xTickBaseline = Math.max(plotY1 + TICK + TICK_GAP + Math.max(xTickAscent, belowAxis), plotY1 + yTickFontBelow + 2 + xTickFontAbove);
  let cursor = xTickBaseline + xTickDescent;
  const xLabelTex = input.x.label ? labelToTex(input.x.label) : undefined;
  let xLabel: PlotLayout['xLabel'];
  if (xLabelTex) {
    const m = measureLabel(xLabelTex, PLOT_FONT.axis);
    const yMid = cursor + LABEL_GAP + m.ascent - (m.ascent - m.descent) / 2;
    xLabel = { x: (plotX0 + plotX1) / 2, y: yMid, tex: xLabelTex, size: PLOT_FONT.axis };
    cursor += LABEL_GAP + m.ascent + m.descent;
  }
  const legend = layoutLegend(input.legend, {
    centre: (plotX0 + plotX1) / 2,
    left: PAD,
    right: W - PAD,
    top: cursor + (input.legend.length ? 12 : 0),
  });
  cursor += input.legend.length ? 12 + legend.height : 0;
  const height = Math.ceil(cursor + PAD);

  let yLabel: PlotLayout['yLabel'];
  if (yLabelTex) {
    yLabel = { x: PAD - yLabelBox!.y0, y: (plotY0 + plotY1) / 2, tex: yLabelTex, size: ySize };
  }
  return {
    width: W,
    height,
    plot: { x0: plotX0, y0: plotY0, x1: plotX1, y1: plotY1 },
    x: { ...xt, placed: placedX, minorPos: xt.minor.map(xScale), range: [plotX0, plotX1] },
    y: {
      ...yt,
      placed: yt.ticks.map((t) => ({ pos: yScale(t.value), tex: t.tex })),
      minorPos: yt.minor.map(yScale),
      range: [plotY1, plotY0],
    },
    xTickBaseline,
    yTickRight: plotX0 - TICK - TICK_GAP,
    xLabel,
    yLabel,
    legend,
  };
}

/** Box of a tick label as drawn (for tests and overlap checks at build time). */
export function tickLabelBox(tex: string, x: number, y: number, anchor: 'middle' | 'end'): ReturnType<typeof labelBox> {
  return labelBox(tex, { x, y, size: PLOT_FONT.tick, anchor });
}
