/**
 * `rnn-architectures`: Karpathy's five ways of mapping sequences with an RNN ("The Unreasonable
 * Effectiveness of Recurrent Neural Networks", 2015): one to one, one to many, many to one, many to many
 * with an encoder–decoder, and many to many synced. Inputs, hidden states and outputs are boxes in three
 * accents (CSS custom properties `--hp-accent-input/hidden/output`), arrows show the data flow. Panels
 * wrap into rows so the figure stays legible on a phone; a legend names the colours so colour is not the
 * only carrier of meaning.
 */
import { FIGURE_PARAMS, type ParamSpecs } from '../src/render/params.js';
import { defineShortcode } from '../src/render/types.js';
import { figureTitle, wrapFigure } from '../src/render/figure-wrap.js';
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
    default: [...PANELS],
    doc: 'Which panels to draw, in this order, comma-separated (`many-to-many` is the encoder–decoder, `many-to-many-synced` one output per input). Default: all five.',
  },
  wrap: {
    type: 'int',
    min: 0,
    max: 5,
    default: 0,
    doc: 'Panels per row; 0 chooses rows no wider than about 440 units, so labels stay legible on a 360 px phone.',
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

/** Columns are time steps; every column has a hidden state. Karpathy's sizes: sequences of 3, a decoder of 2. */
const SPECS: Record<PanelName, PanelSpec> = {
  'one-to-one': { title: 'one to one', cols: 1, inputs: [0], outputs: [0], example: 'no recurrence, e.g. image classification' },
  'one-to-many': { title: 'one to many', cols: 3, inputs: [0], outputs: [0, 1, 2], example: 'e.g. image captioning' },
  'many-to-one': { title: 'many to one', cols: 3, inputs: [0, 1, 2], outputs: [2], example: 'e.g. sentiment classification' },
  'many-to-many': { title: 'many to many', subtitle: 'encoder–decoder', cols: 5, inputs: [0, 1, 2], outputs: [3, 4], example: 'the whole input is read before the output starts, e.g. machine translation' },
  'many-to-many-synced': { title: 'many to many', subtitle: 'synced', cols: 3, inputs: [0, 1, 2], outputs: [0, 1, 2], example: 'an output at every step, e.g. labelling each frame of a video' },
};

const BOX = 30;
const HGAP = 20; // between boxes in a row (the hidden→hidden arrows)
const VGAP = 24; // between rows (the input→hidden and hidden→output arrows)
const PANEL_GAP = 36;
const ROW_GAP = 26;
const MARGIN = 12;
const TITLE = 16;
const SUBTITLE = 14;
const MAX_ROW = 440;

function contentWidth(s: PanelSpec): number {
  return s.cols * BOX + (s.cols - 1) * HGAP;
}
function panelWidth(s: PanelSpec): number {
  const t = measureText(s.title, TITLE).width;
  const st = s.subtitle ? measureText(s.subtitle, SUBTITLE).width : 0;
  return Math.max(contentWidth(s), t, st) + 4;
}

/** Splits panels into rows: `perRow` each, or greedily by width. */
export function packRows(specs: PanelSpec[], perRow: number): PanelSpec[][] {
  const rows: PanelSpec[][] = [];
  if (perRow > 0) {
    for (let i = 0; i < specs.length; i += perRow) rows.push(specs.slice(i, i + perRow));
    return rows;
  }
  let cur: PanelSpec[] = [];
  let w = 0;
  for (const s of specs) {
    const pw = panelWidth(s);
    if (cur.length && w + PANEL_GAP + pw > MAX_ROW) {
      rows.push(cur);
      cur = [];
      w = 0;
    }
    w += (cur.length ? PANEL_GAP : 0) + pw;
    cur.push(s);
  }
  if (cur.length) rows.push(cur);
  return rows;
}

function titleHeight(row: PanelSpec[]): number {
  return TITLE * 1.25 + (row.some((s) => s.subtitle) ? SUBTITLE * 1.3 : 0) + 10;
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

function legend(y: number, width: number): Child[] {
  const items: [Tone, string][] = [['input', 'input'], ['hidden', 'hidden state'], ['output', 'output']];
  const SW = 14;
  const FS = 14;
  const widths = items.map(([, t]) => SW + 6 + measureText(t, FS).width);
  const total = widths.reduce((a, b) => a + b, 0) + 20 * (items.length - 1);
  let x = (width - total) / 2;
  const out: Child[] = [];
  items.forEach(([tone, text], i) => {
    out.push(node(rect(x + SW / 2, y, SW, SW, 2), { tone, solid: true, strokeWidth: 1 }));
    out.push(plainLabel(text, { x: x + SW + 6, y, size: FS, anchor: 'start' }));
    x += widths[i]! + 20;
  });
  return out;
}

function describe(specs: PanelSpec[]): string {
  const n = specs.length;
  const what = (s: PanelSpec) => {
    const seq = (k: number, word: string) => (k === 1 ? `one ${word}` : `a sequence of ${k} ${word}s`);
    return `${s.title}${s.subtitle ? ` (${s.subtitle})` : ''}: ${seq(s.inputs.length, 'input')} and ${seq(s.outputs.length, 'output')} over ${s.cols} hidden state${s.cols === 1 ? '' : 's'}, ${s.example}`;
  };
  return (
    `${n === 1 ? 'One way' : `${n} ways`} a recurrent neural network maps inputs to outputs, after Karpathy. ` +
    specs.map(what).join('; ') +
    '. Inputs are drawn at the bottom in red, hidden states in the middle in green, outputs at the top in blue; arrows run from each input up to its hidden state, from each hidden state to the next, and up to the outputs.'
  );
}

export default defineShortcode({
  name: 'rnn-architectures',
  summary: "Karpathy's five RNN input/output patterns (one to one … many to many), colour-coded, each panel titled.",
  params,
  inner: 'none',
  version: 1,
  render(ctx) {
    const p = ctx.params;
    const ids = createIds(ctx.idPrefix);
    const names: PanelName[] = [];
    for (const n of p.panels as PanelName[]) {
      if (names.includes(n)) ctx.warn(`panel "${n}" is listed twice; it is drawn once`, { param: 'panels' });
      else names.push(n);
    }
    if (names.length === 0) names.push(...PANELS);
    const specs = names.map((n) => SPECS[n]);
    const rows = packRows(specs, p.wrap);
    const rowWidth = (r: PanelSpec[]) => r.reduce((w, s) => w + panelWidth(s), 0) + PANEL_GAP * (r.length - 1);
    const width = Math.max(...rows.map(rowWidth), p.legend ? 300 : 0) + 2 * MARGIN;
    const body: Child[] = [markerDefs(ids, ['ink'])];
    let y = MARGIN;
    rows.forEach((row, i) => {
      const th = titleHeight(row);
      let x = (width - rowWidth(row)) / 2;
      for (const s of row) {
        const slot = panelWidth(s);
        body.push(el('g', { class: 'hp-panel' }, ...panel(ids, s, x, y, slot, th, p.labels)));
        x += slot + PANEL_GAP;
      }
      y += th + GRID_H + (i + 1 < rows.length ? ROW_GAP : 0);
    });
    if (p.legend) {
      y += 24;
      body.push(...legend(y, width));
      y += 7;
    }
    const svg = figureSvg({
      ids,
      width,
      height: y + MARGIN,
      title: figureTitle(ctx, p, names.length === 1 ? `RNN architecture: ${SPECS[names[0]!].title}` : 'RNN architectures: how inputs, hidden states and outputs can be arranged'),
      desc: describe(specs),
      class: 'hp-rnn-architectures',
      body,
    });
    return wrapFigure(ctx, svg, { caption: p.caption, class: p.class });
  },
});
