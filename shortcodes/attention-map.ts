/**
 * `attention-map`: a heatmap of an attention matrix, as in Bahdanau et al. (2015), fig. 3. The matrix is
 * the shortcode's inner content (rows of numbers, one per line, or JSON); rows are target (output)
 * tokens, drawn down the left side, and columns are source (input) tokens, drawn along the top (turned
 * upright when they are too wide for a column). Cells are one accent colour at an opacity proportional
 * to the value (src/svg/heatmap-scale.ts), so the map follows light and dark mode; a legend shows the
 * scale, and `values=true` prints the numbers.
 */
import { defineShortcode } from '../src/render/types.js';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { PHONE_COLUMN, figureTitle, legibleScale, legibleScroller, wrapFigure } from '../src/render/figure-wrap.js';
import { checkMatrixShape, parseAttentionMatrix, splitTokens } from '../src/render/attention-data.js';
import {
  ACCENTS, TONES, createIds, el, figureSvg, fmt, fragment, labelBox, mathLabel, measureLabel, measureText, plainBox,
  plainLabel, servedSansCovers, type Box, type Markup, type Tone,
} from '../src/svg/index.js';
import {
  MAX_OPACITY, MAX_OPACITY_WITH_TEXT, gradientStopCss, legendGradient, opacityScale, valueDecimals,
} from '../src/svg/heatmap-scale.js';

const params = {
  source: {
    type: 'string',
    label: 'tokens',
    doc: 'Source tokens (the columns), separated by spaces so that `,` and `.` can be tokens. Default: x_1 … x_m.',
  },
  target: {
    type: 'string',
    label: 'tokens',
    doc: 'Target tokens (the rows), separated by spaces. Default: y_1 … y_n.',
  },
  values: { type: 'bool', default: false, doc: 'Print each value in its cell (the colour scale then stops at 42% strength so the numbers, in the text colour, stay readable on light and dark pages).' },
  max: {
    type: 'number',
    min: 0,
    doc: 'Value drawn at full strength (larger values are clamped). Default: the largest value in the matrix.',
  },
  legend: { type: 'bool', default: true, doc: 'Draw the colour legend, right of the map (under it when only that keeps the map legible on a phone).' },
  accent: {
    type: 'enum',
    values: TONES,
    default: 'output',
    doc: 'Theme accent for the cells (`--hp-accent-<name>`): the same names the other diagrams use.',
  },
  ...FIGURE_PARAMS,
} as const;

/** Cell side: room for a printed value ("0.25" at 11 units), or smaller so large maps fit a phone. */
const CELL_WITH_VALUES = 34;
const CELL_PLAIN = 26;
const MARGIN = 8;
const TOKEN_SIZE = 14;
const VALUE_SIZE = 11;
const TICK_SIZE = 13;
const LABEL_GAP = 6;
const LEGEND_GAP = 16;
const LEGEND_W = 12;

interface AxisLabel {
  text: string;
  math: boolean;
}

function axisLabels(tokens: string[] | undefined, count: number, letter: string): AxisLabel[] {
  return tokens
    ? tokens.map((text) => ({ text, math: false }))
    : Array.from({ length: count }, (_, i) => ({ text: `${letter}_{${i + 1}}`, math: true }));
}

function labelWidth(l: AxisLabel, size: number): number {
  return l.math ? measureLabel(l.text, size).width : measureText(l.text, size).width;
}

export interface HeatmapModel {
  matrix: number[][];
  source: AxisLabel[];
  target: AxisLabel[];
  values: boolean;
  max: number;
  legend: boolean;
  /** The legend under the map instead of right of it (narrower: see legendPlacement). */
  legendBelow?: boolean;
  tone: Tone;
}

export interface HeatmapDrawing {
  width: number;
  height: number;
  body: Markup;
  css: string;
  /** Boxes of all horizontal labels (rotated ones are checked in the browser test). */
  boxes: Box[];
  rotated: boolean;
}

export function heatmapDrawing(ids: ReturnType<typeof createIds>, m: HeatmapModel): HeatmapDrawing {
  const rows = m.matrix.length;
  const cols = m.matrix[0]!.length;
  const scale = opacityScale(m.max, m.values ? MAX_OPACITY_WITH_TEXT : MAX_OPACITY);
  const cell = m.values ? CELL_WITH_VALUES : CELL_PLAIN;
  const widest = Math.max(...m.source.map((l) => labelWidth(l, TOKEN_SIZE)));
  // Source tokens wider than a column are turned to read upwards (as in Bahdanau's fig. 3).
  const rotated = widest > cell - 4;
  const topH = rotated ? Math.ceil(widest) + LABEL_GAP : TOKEN_SIZE + LABEL_GAP + 4;
  const leftW = Math.ceil(Math.max(...m.target.map((l) => labelWidth(l, TOKEN_SIZE)))) + LABEL_GAP;
  const gx = MARGIN + leftW;
  const gy = MARGIN + topH;
  const gw = cols * cell;
  const gh = rows * cell;
  const boxes: Box[] = [];
  const parts: Markup[] = [];
  const css: string[] = [];

  // Cells, then the grid outline, then printed values.
  const cells: Markup[] = [];
  const texts: Markup[] = [];
  const decimals = valueDecimals(m.max);
  m.matrix.forEach((row, r) => {
    row.forEach((v, c) => {
      const x = gx + c * cell;
      const y = gy + r * cell;
      cells.push(
        el('rect', {
          class: `hp-fill-${m.tone}`,
          x,
          y,
          width: cell,
          height: cell,
          fill: ACCENTS[m.tone].light,
          'fill-opacity': fmt(scale(v)),
        }),
      );
      if (m.values) {
        const o = { x: x + cell / 2, y: y + cell / 2, size: VALUE_SIZE };
        const text = v.toFixed(decimals);
        boxes.push(plainBox(text, o));
        texts.push(plainLabel(text, o));
      }
    });
  });
  parts.push(el('g', { class: 'hp-cells' }, ...cells));
  parts.push(
    el('rect', {
      class: 'hp-muted-stroke',
      x: gx,
      y: gy,
      width: gw,
      height: gh,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-opacity': 0.45,
      'stroke-width': 1,
    }),
  );
  if (texts.length) parts.push(el('g', { class: 'hp-values' }, ...texts));

  // Axis labels. When one token has a letter the served font lacks (é in "économique"), every token is
  // set in the readers' own font: a word in one typeface, the axes alike.
  const sys = [...m.source, ...m.target].some((l) => !l.math && !servedSansCovers(l.text));
  const label = (l: AxisLabel, x: number, y: number, anchor: 'start' | 'middle' | 'end', transform?: string) => {
    const o = { x, y, size: TOKEN_SIZE, anchor, attrs: transform ? { transform } : undefined };
    if (!transform) boxes.push(l.math ? labelBox(l.text, o) : plainBox(l.text, o));
    return l.math ? mathLabel(l.text, o) : plainLabel(l.text, { ...o, sys });
  };
  m.target.forEach((l, r) => parts.push(label(l, gx - LABEL_GAP, gy + r * cell + cell / 2, 'end')));
  m.source.forEach((l, c) => {
    const cx = gx + c * cell + cell / 2;
    if (rotated) {
      const y = gy - LABEL_GAP;
      parts.push(label(l, cx, y, 'start', `rotate(-90 ${fmt(cx)} ${fmt(y)})`));
    } else {
      parts.push(label(l, cx, gy - LABEL_GAP - TOKEN_SIZE / 2, 'middle'));
    }
  });

  // Legend: a bar from 0 to max with three ticks, right of the map or (m.legendBelow) under it.
  let width = gx + gw + MARGIN;
  let height = gy + gh + MARGIN;
  if (m.legend) {
    const below = m.legendBelow === true;
    const grad = 'legend-gradient';
    parts.push(el('defs', {}, legendGradient(ids, grad, m.tone, scale, below)));
    css.push(gradientStopCss(`#${ids.id('svg')}`, m.tone));
    // The bar: along the map's right side, or centred under it.
    const len = below ? Math.max(60, Math.min(gw, 160)) : Math.max(60, Math.min(gh, 160));
    const lx = below ? gx + (gw - len) / 2 : gx + gw + LEGEND_GAP;
    const ly = below ? gy + gh + LEGEND_GAP : gy + (gh - len) / 2;
    parts.push(
      el('rect', {
        x: lx,
        y: ly,
        width: below ? len : LEGEND_W,
        height: below ? LEGEND_W : len,
        fill: ids.url(grad),
        stroke: 'currentColor',
        'stroke-opacity': 0.45,
        'stroke-width': 1,
      }),
    );
    for (const t of [0, m.max / 2, m.max]) {
      const k = t / (m.max || 1);
      const text = t === 0 ? '0' : t.toFixed(decimals);
      const tick = below
        ? { d: `M${fmt(lx + k * len)},${fmt(ly + LEGEND_W)}v4`, o: { x: lx + k * len, y: ly + LEGEND_W + 6 + TICK_SIZE / 2, size: TICK_SIZE, anchor: 'middle' as const } }
        : { d: `M${fmt(lx + LEGEND_W)},${fmt(ly + len - k * len)}h4`, o: { x: lx + LEGEND_W + 7, y: ly + len - k * len, size: TICK_SIZE, anchor: 'start' as const } };
      parts.push(el('path', { d: tick.d, stroke: 'currentColor', 'stroke-width': 1 }), plainLabel(text, tick.o));
      const b = plainBox(text, tick.o);
      boxes.push(b);
      width = Math.max(width, b.x1 + MARGIN);
      height = Math.max(height, b.y1 + MARGIN);
    }
    if (!below) height = Math.max(height, ly + len + TICK_SIZE / 2 + MARGIN);
  }
  return { width: Math.ceil(width), height: Math.ceil(height), body: fragment(...parts), css: css.join(''), boxes, rotated };
}

/** The scale (CSS px per unit) under which the map's smallest text (or script) gets illegible. */
export function heatmapLegibleScale(m: HeatmapModel): number {
  const sizes = [TOKEN_SIZE, ...(m.legend ? [TICK_SIZE] : []), ...(m.values ? [VALUE_SIZE] : [])];
  const symbolic = [...m.source, ...m.target].some((l) => l.math);
  return legibleScale(Math.min(...sizes), symbolic ? TOKEN_SIZE * 0.72 : Infinity);
}

/**
 * The drawing, with the legend right of the map, or under it when only that keeps a phone's column
 * legible (Bahdanau's 14 × 13 map: 509 units wide with the legend at the side, 440 with it below).
 */
export function heatmapLayout(ids: ReturnType<typeof createIds>, m: HeatmapModel): HeatmapDrawing & { scale: number } {
  const scale = heatmapLegibleScale(m);
  const side = heatmapDrawing(ids, m);
  if (!m.legend || side.width * scale <= PHONE_COLUMN) return { ...side, scale };
  const below = heatmapDrawing(ids, { ...m, legendBelow: true });
  return { ...(below.width * scale <= PHONE_COLUMN ? below : side), scale };
}

function plainToken(l: AxisLabel): string {
  return l.math ? l.text.replace(/[{}]/g, '') : `"${l.text}"`;
}

export function heatmapDesc(m: HeatmapModel): string {
  const rows = m.matrix.length;
  const cols = m.matrix[0]!.length;
  const strongest = m.matrix
    .map((row, r) => {
      const best = row.indexOf(Math.max(...row));
      return `${plainToken(m.target[r]!)} → ${plainToken(m.source[best]!)} (${row[best]!.toFixed(valueDecimals(m.max))})`;
    })
    .join('; ');
  return (
    `Attention map: a grid of ${rows} ${rows === 1 ? 'row' : 'rows'} (target tokens ${m.target.map(plainToken).join(', ')}) ` +
    `by ${cols} ${cols === 1 ? 'column' : 'columns'} (source tokens ${m.source.map(plainToken).join(', ')}). ` +
    `Each cell's colour strength shows how much that target token attends to that source token, from 0 to ${m.max}` +
    `${m.values ? '; the values are printed in the cells' : ''}. Strongest source token for each target token: ${strongest}.`
  );
}

export default defineShortcode({
  name: 'attention-map',
  summary: 'A heatmap of an attention matrix given as inner content (rows of numbers or JSON), with tokens on the axes and a legend.',
  params,
  inner: 'required',
  version: 2,
  render(ctx) {
    const { caption, alt } = ctx.params;
    if (ctx.inner === undefined) return ''; // the host has already said that inner content is required
    const parsed = parseAttentionMatrix(ctx.inner);
    if (!parsed.matrix) {
      for (const p of parsed.problems) ctx.error(p.message, { code: 'attention-data', ...(p.at !== undefined ? { at: p.at } : {}) });
      return '';
    }
    const matrix = parsed.matrix;
    const source = splitTokens(ctx.params.source);
    const target = splitTokens(ctx.params.target);
    const shape = checkMatrixShape(matrix, source, target);
    for (const p of shape) ctx.error(p.message, { param: p.param, code: 'attention-data' });
    if (shape.length) return '';
    const largest = Math.max(...matrix.flat());
    let max = ctx.params.max ?? largest;
    if (!(max > 0)) {
      if (ctx.params.max !== undefined) ctx.error('max= must be greater than 0', { param: 'max' });
      else ctx.warn('every value in the matrix is 0, so every cell is drawn empty');
      max = 1;
    }
    const model: HeatmapModel = {
      matrix,
      source: axisLabels(source, matrix[0]!.length, 'x'),
      target: axisLabels(target, matrix.length, 'y'),
      values: ctx.params.values,
      max,
      legend: ctx.params.legend,
      tone: ctx.params.accent,
    };
    const ids = createIds(ctx.idPrefix);
    const d = heatmapLayout(ids, model);
    const title = figureTitle(ctx, { caption, alt }, `Attention map of ${matrix.length} target by ${matrix[0]!.length} source tokens`);
    const svg = figureSvg({
      ids,
      width: d.width,
      height: d.height,
      title,
      desc: heatmapDesc(model),
      class: 'hp-attention-map',
      body: d.body,
      css: d.css,
    });
    // A map too large to be legible in a phone's column (up to 64 × 64) scrolls sideways there.
    return wrapFigure(ctx, legibleScroller(svg, { width: d.width, scale: d.scale, label: title }), { caption, class: ctx.params.class });
  },
});
