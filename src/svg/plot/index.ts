/**
 * The plot engine shared by `gradient-decay` and `plot`: axes with nice linear and log ticks (d3-scale,
 * d3-format), lines, markers and min–max bands (d3-shape), legends and math-like labels, drawn with the
 * SVG toolkit (`../index.js`) so plots theme, scale and describe themselves like the diagrams.
 */
export { axisTicks, linearTicks, logTicks, axisScale, extent, pow10, type AxisSpec, type AxisTicks, type AxisType, type Tick } from './axis.js';
export { labelToTex, labelToPlain } from './label.js';
export { layoutPlot, layoutLegend, PLOT_FONT, LEGEND_SAMPLE, BASELINE_DROP, type PlotLayout, type LegendLayout, type LayoutInput, type Rect } from './layout.js';
export { renderPlot, SERIES_TONES, MARKERS, DASHES, type PlotSeries, type PlotSpec, type RenderPlotOptions, type Dash, type MarkerShape } from './render.js';
export { dataTable, formatSignificant, type TableColumn } from './table.js';
