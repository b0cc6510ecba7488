/**
 * `rnn-architectures`: Karpathy's five ways of mapping sequences with an RNN ("The Unreasonable
 * Effectiveness of Recurrent Neural Networks", 2015): one to one, one to many, many to one, many to many
 * with an encoder–decoder, and many to many synced. Inputs, hidden states and outputs are boxes in three
 * accents (CSS custom properties `--hp-accent-input/hidden/output`), arrows show the data flow. Each
 * panel is an SVG of its own in a row that wraps (`panelRow`), always at full size: all five on one line
 * in a column of 1008 px or more, two lines in a theme's 650–800 px column, four on a phone (README); a
 * legend names the colours so colour is not the only carrier of meaning.
 */
import { FIGURE_PARAMS, type ParamSpecs } from '../src/render/params.js';
import { defineShortcode } from '../src/render/types.js';
import { figureTitle, panelRow, wrapFigure } from '../src/render/figure-wrap.js';
import {
  connect, createIds, edge, el, figureSvg, markerDefs, measureText, MUTED_OPACITY, node, plainLabel, rect,
  type Child, type Shape, type Tone,
} from '../src/svg/index.js';

export const PANELS = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many', 'many-to-many-synced'] as const;
export type PanelName = (typeof PANELS)[number];

const params = {
  panels: {
    type: 'list',
    values: PANELS,
    min: 1,
    item: 'panel',
    default: [...PANELS],
    doc: 'Which panels to draw, in this order, comma-separated (`many-to-many` is the encoder–decoder, `many-to-many-synced` one output per input). Default: all five.',
  },
  wrap: {
    type: 'int',
    min: 0,
    max: 5,
    default: 0,
    doc: 'At most this many panels per line; 0: as many as the column holds. Each panel is its own picture, so a narrow screen puts fewer on a line (one or two on a phone) instead of shrinking them.',
  },
  labels: { type: 'bool', default: false, doc: 'Write x, h and y inside the boxes (Karpathy\'s figure has none).' },
  legend: { type: 'bool', default: true, doc: 'Show a legend naming the three colours under the panels.' },
  ...FIGURE_PARAMS,
} as const satisfies ParamSpecs;

interface PanelSpec {
  title: string;
  subtitle?: string;
  cols: number;
  inputs: number[];
  outputs: number[];
  example: string;
}

/**
 * Columns are time steps; every column has a hidden state. Karpathy's sizes: sequences of 3; in the
 * encoder–decoder panel the 3 outputs start after the 3 inputs.
 */
const SPECS: Record<PanelName, PanelSpec> = {
  'one-to-one': { title: 'one to one', cols: 1, inputs: [0], outputs: [0], example: 'no recurrence, e.g. image classification' },
  'one-to-many': { title: 'one to many', cols: 3, inputs: [0], outputs: [0, 1, 2], example: 'e.g. image captioning' },
  'many-to-one': { title: 'many to one', cols: 3, inputs: [0, 1, 2], outputs: [2], example: 'e.g. sentiment classification' },
  'many-to-many': { title: 'many to many', subtitle: 'encoder–decoder', cols: 6, inputs: [0, 1, 2], outputs: [3, 4, 5], example: 'the whole input is read before the output starts, e.g. machine translation' },
  'many-to-many-synced': { title: 'many to many', subtitle: 'synced', cols: 3, inputs: [0, 1, 2], outputs: [0, 1, 2], example: 'an output at every step, e.g. labelling each frame of a video' },
};

const BOX = 30;
const HGAP = 20; // between boxes in a row (the hidden→hidden arrows)
const VGAP = 24; // between rows (the input→hidden and hidden→output arrows)
const MARGIN = 12;
const TITLE = 16;
const SUBTITLE = 14;

function contentWidth(s: PanelSpec): number {
  return s.cols * BOX + (s.cols - 1) * HGAP;
}
function panelWidth(s: PanelSpec): number {
  const t = measureText(s.title, TITLE).width;
  const st = s.subtitle ? measureText(s.subtitle, SUBTITLE).width : 0;
  return Math.max(contentWidth(s), t, st) + 4;
}

/** Title block height: the same for every panel of a figure, so that the boxes of a line align. */
function titleHeight(specs: PanelSpec[]): number {
  return TITLE * 1.25 + (specs.some((s) => s.subtitle) ? SUBTITLE * 1.3 : 0) + 10;
}
const GRID_H = 3 * BOX + 2 * VGAP;

function panel(ids: ReturnType<typeof createIds>, s: PanelSpec, x: number, y: number, slot: number, titleH: number, labels: boolean): Child[] {
  const out: Child[] = [];
  const cx = x + slot / 2;
  out.push(plainLabel(s.title, { x: cx, y: y + TITLE, size: TITLE, valign: 'baseline', weight: 'bold' }));
  if (s.subtitle) out.push(plainLabel(s.subtitle, { x: cx, y: y + TITLE * 1.25 + SUBTITLE, size: SUBTITLE, valign: 'baseline', class: 'hp-muted', attrs: { 'fill-opacity': MUTED_OPACITY } }));
  const left = cx - contentWidth(s) / 2 + BOX / 2;
  const top = y + titleH;
  const at = (col: number, row: 0 | 1 | 2): Shape => rect(left + col * (BOX + HGAP), top + BOX / 2 + (2 - row) * (BOX + VGAP), BOX, BOX, 3);
  const box = (sh: Shape, tone: Tone, label: string) =>
    node(sh, labels ? { tone, label, labelSize: 16 } : { tone, solid: true });
  for (let c = 0; c < s.cols; c++) out.push(box(at(c, 1), 'hidden', 'h'));
  for (const c of s.inputs) {
    out.push(box(at(c, 0), 'input', 'x'));
    out.push(edge(ids, connect(at(c, 0), at(c, 1), { gap: 2 })));
  }
  for (const c of s.outputs) {
    out.push(box(at(c, 2), 'output', 'y'));
    out.push(edge(ids, connect(at(c, 1), at(c, 2), { gap: 2 })));
  }
  for (let c = 0; c + 1 < s.cols; c++) out.push(edge(ids, connect(at(c, 1), at(c + 1, 1), { gap: 2 })));
  return out;
}

const LEGEND: [Tone, string][] = [['input', 'input'], ['hidden', 'hidden state'], ['output', 'output']];
const SW = 14;
const LEGEND_FONT = 14;
const legendWidths = () => LEGEND.map(([, t]) => SW + 6 + measureText(t, LEGEND_FONT).width);
const legendWidth = () => legendWidths().reduce((a, b) => a + b, 0) + 20 * (LEGEND.length - 1);

function legend(y: number, width: number): Child[] {
  const items = LEGEND;
  const widths = legendWidths();
  let x = (width - legendWidth()) / 2;
  const out: Child[] = [];
  items.forEach(([tone, text], i) => {
    out.push(node(rect(x + SW / 2, y, SW, SW, 2), { tone, solid: true, strokeWidth: 1 }));
    out.push(plainLabel(text, { x: x + SW + 6, y, size: LEGEND_FONT, anchor: 'start' }));
    x += widths[i]! + 20;
  });
  return out;
}

const what = (s: PanelSpec) => {
  const seq = (k: number, word: string) => (k === 1 ? `one ${word}` : `a sequence of ${k} ${word}s`);
  return `${s.title}${s.subtitle ? ` (${s.subtitle})` : ''}: ${seq(s.inputs.length, 'input')} and ${seq(s.outputs.length, 'output')} over ${s.cols} hidden state${s.cols === 1 ? '' : 's'}, ${s.example}`;
};
const HOW =
  'Inputs are drawn at the bottom in red, hidden states in the middle in green, outputs at the top in blue; arrows run from each input up to its hidden state, from each hidden state to the next, and up to the outputs.';

function describe(specs: PanelSpec[]): string {
  const n = specs.length;
  return `${n === 1 ? 'One way' : `${n} ways`} a recurrent neural network maps inputs to outputs, after Karpathy. ` + specs.map(what).join('; ') + '. ' + HOW;
}

export default defineShortcode({
  name: 'rnn-architectures',
  summary: "Karpathy's five RNN input/output patterns (one to one … many to many), colour-coded, each panel titled.",
  params,
  inner: 'none',
  version: 3,
  render(ctx) {
    const p = ctx.params;
    // Each panel once, in the order first listed; one warning per panel listed more than once.
    const names = [...new Set(p.panels as PanelName[])];
    for (const n of names) {
      const times = p.panels.filter((m) => m === n).length;
      if (times > 1) ctx.warn(`panel "${n}" is listed ${times === 2 ? 'twice' : `${times} times`}; it is drawn once`, { param: 'panels' });
    }
    if (names.length === 0) names.push(...PANELS);
    const specs = names.map((n) => SPECS[n]);
    const th = titleHeight(specs);
    const height = MARGIN + th + GRID_H + MARGIN;
    const title = figureTitle(ctx, p, names.length === 1 ? `RNN architecture: ${SPECS[names[0]!].title}` : 'RNN architectures: how inputs, hidden states and outputs can be arranged');
    // One SVG per panel (its own ids), all of one height, in a wrapping row; the legend on a line of its own.
    const svgs = specs.map((s, i) => {
      const ids = createIds(`${ctx.idPrefix}-p${i}`);
      const slot = panelWidth(s);
      return figureSvg({
        ids,
        width: slot + 2 * MARGIN,
        height,
        title: names.length === 1 ? title : `${s.title}${s.subtitle ? ` (${s.subtitle})` : ''}`,
        desc: names.length === 1 ? describe(specs) : `${what(s)}. ${HOW}`,
        class: 'hp-rnn-architectures',
        body: [markerDefs(ids, ['ink']), el('g', { class: 'hp-panel' }, ...panel(ids, s, MARGIN, MARGIN, slot, th, p.labels))],
      });
    });
    let html = panelRow(svgs, { label: title, breakEvery: p.wrap });
    if (p.legend) {
      const ids = createIds(`${ctx.idPrefix}-legend`);
      const width = legendWidth() + 2 * MARGIN;
      const legendSvg = figureSvg({
        ids,
        width,
        height: SW + 2 * 6,
        title: 'Legend',
        desc: 'Red: input; green: hidden state; blue: output.',
        class: 'hp-rnn-architectures hp-legend',
        body: legend(6 + SW / 2, width),
      });
      html += panelRow([legendSvg], { label: 'Legend' });
    }
    return wrapFigure(ctx, html, { caption: p.caption, class: p.class });
  },
});
