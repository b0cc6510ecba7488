/**
 * `lstm-cell`: one LSTM cell in the layout readers know from colah's "Understanding LSTM Networks": the
 * cell state runs along the top through the forget × and the input +; the four layers sit in a row at
 * the bottom (σ σ tanh σ: forget, input, candidate, output), fed by the concatenated [h_{t-1}, x_t];
 * the output passes the cell state through a tanh and gates it into h_t, which leaves to the right and
 * upwards. `highlight=` keeps one part at full strength and dims the rest, for step-by-step walkthroughs.
 */
import { defineShortcode } from '../src/render/types.js';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { figureTitle, wrapFigure } from '../src/render/figure-wrap.js';
import { createIds, el, figureSvg, markerDefs, type Markup, type Point } from '../src/svg/index.js';
import {
  LAYER_H, cellFrame, junction, layer, layered, opEdge, placedBox, placedLabel, pointwise, pointwiseEllipse, wire,
  type PlacedLabel,
} from '../src/svg/cell-parts.js';
import type { Box } from '../src/svg/math.js';
import type { Ids } from '../src/svg/ids.js';

export const LSTM_PARTS = ['forget', 'input', 'candidate', 'cell', 'output'] as const;
export type LstmPart = (typeof LSTM_PARTS)[number];

const params = {
  highlight: {
    type: 'enum',
    values: ['none', ...LSTM_PARTS],
    default: 'none',
    doc: 'Part to emphasise, dimming the rest: `forget` (f_t), `input` (i_t with the candidate c̃_t it scales), `candidate` (c̃_t), `cell` (the cell-state update) or `output` (o_t and h_t); `none` draws everything alike.',
  },
  state: {
    type: 'string',
    default: 'c',
    doc: 'Letter for the cell state (`c` as in most papers, `C` as in colah\'s post).',
  },
  ...FIGURE_PARAMS,
} as const;

/** Geometry, in user units. The cell's box spans x 50…430, y 40…280. */
export const LSTM_SIZE = { width: 484, height: 326 };
const L = 50;
const T = 40;
const CELL_W = 380;
const CELL_H = 240;
const Y_C = T + 38; // cell-state line
const Y_GATE = T + 160; // centre of the layer boxes
const Y_IN = T + 205; // the [h_{t-1}, x_t] bus and the h_t output line
const X_F = L + 75;
const X_I = L + 140;
const X_G = L + 205; // candidate
const X_O = L + 272;
const X_TANH = L + 332; // tanh on the way to h_t
const X_UP = L + 362; // h_t's branch upwards
const X_X = L + 30; // x_t enters here
const Y_MUL_I = T + 100; // i_t × c̃_t
const Y_MUL_O = T + 125; // o_t × tanh(c_t)
const Y_TANH = T + 88;
const X_LEFT = L - 12; // where outside wires start
const X_RIGHT = L + CELL_W + 26; // where outside wires end

const p = (x: number, y: number): Point => ({ x, y });

export interface Part {
  groups: readonly LstmPart[];
  markup: Markup;
}

export interface LstmDrawing {
  wires: Part[];
  nodes: Part[];
  labels: (PlacedLabel & { groups: readonly LstmPart[] })[];
}

const ALL: readonly LstmPart[] = LSTM_PARTS;
const GATES_IN: readonly LstmPart[] = ['forget', 'input', 'candidate', 'output'];

/** The whole cell as parts tagged with the walkthrough step(s) they belong to. */
export function lstmDrawing(ids: Ids, s: string): LstmDrawing {
  const gateTop = Y_GATE - LAYER_H / 2;
  const fMul = p(X_F, Y_C);
  const plus = p(X_G, Y_C);
  const iMul = p(X_G, Y_MUL_I);
  const oMul = p(X_TANH, Y_MUL_O);
  const tanh = p(X_TANH, Y_TANH);
  const w = (pts: Point[], groups: readonly LstmPart[], o: Parameters<typeof wire>[2] = {}): Part => ({
    groups,
    markup: wire(ids, pts, o),
  });
  const wires: Part[] = [
    // The cell state: c_{t-1} → × → + → c_t, slightly heavier, as in colah's figures.
    w([p(X_LEFT, Y_C), opEdge(fMul, p(0, Y_C))], ['cell', 'forget'], { width: 2.4 }),
    w([opEdge(fMul, p(1e9, Y_C)), opEdge(plus, p(0, Y_C))], ['cell'], { width: 2.4 }),
    w([opEdge(plus, p(1e9, Y_C)), p(X_RIGHT, Y_C)], ['cell', 'output'], { width: 2.4 }),
    // [h_{t-1}, x_t] bus and the four branches up into the layers.
    w([p(X_LEFT, Y_IN), p(X_O, Y_IN)], GATES_IN, { arrow: false }),
    w([p(X_X, LSTM_SIZE.height - 34), p(X_X, Y_IN)], GATES_IN, { arrow: false }),
    // (The candidate belongs to the input step too: colah's step 2 is i_t and c̃_t together.)
    ...[X_F, X_I, X_G, X_O].map((x, k) => w([p(x, Y_IN), p(x, Y_GATE + LAYER_H / 2)], k === 2 ? ['candidate', 'input'] : [GATES_IN[k]!])),
    // forget gate into the × on the cell state
    w([p(X_F, gateTop), opEdge(fMul, p(X_F, 1e9))], ['forget', 'cell']),
    // input gate and candidate into their ×, and on into the +
    w([p(X_I, gateTop), p(X_I, Y_MUL_I), opEdge(iMul, p(0, Y_MUL_I))], ['input', 'cell']),
    w([p(X_G, gateTop), opEdge(iMul, p(X_G, 1e9))], ['candidate', 'input', 'cell']),
    w([opEdge(iMul, p(X_G, 0)), opEdge(plus, p(X_G, 1e9))], ['input', 'candidate', 'cell']),
    // output: o_t into its ×, the cell state through tanh into the same ×
    w([p(X_O, gateTop), p(X_O, Y_MUL_O), opEdge(oMul, p(0, Y_MUL_O))], ['output']),
    w([p(X_TANH, Y_C), p(X_TANH, Y_TANH - 13)], ['output']),
    w([p(X_TANH, Y_TANH + 13), opEdge(oMul, p(X_TANH, 0))], ['output']),
    // h_t: down to the output line, out to the right and up through the top
    w([opEdge(oMul, p(X_TANH, 1e9)), p(X_TANH, Y_IN), p(X_RIGHT, Y_IN)], ['output']),
    w([p(X_UP, Y_IN), p(X_UP, 21)], ['output'], { hops: [p(X_UP, Y_C)] }),
  ];
  const nodes: Part[] = [
    { groups: ['forget', 'cell'], markup: pointwise(fMul, 'times') },
    { groups: ['cell', 'input', 'candidate'], markup: pointwise(plus, 'plus') },
    { groups: ['input', 'candidate', 'cell'], markup: pointwise(iMul, 'times') },
    { groups: ['output'], markup: pointwise(oMul, 'times') },
    { groups: ['output'], markup: pointwiseEllipse(tanh, '\\tanh') },
    { groups: ['forget'], markup: layer(p(X_F, Y_GATE), '\\sigma') },
    { groups: ['input'], markup: layer(p(X_I, Y_GATE), '\\sigma') },
    { groups: ['candidate', 'input'], markup: layer(p(X_G, Y_GATE), '\\tanh') },
    { groups: ['output'], markup: layer(p(X_O, Y_GATE), '\\sigma') },
    { groups: GATES_IN, markup: junction(p(X_X, Y_IN)) },
    ...[X_F, X_I, X_G].map((x) => ({ groups: GATES_IN, markup: junction(p(x, Y_IN)) })),
    { groups: ['output'], markup: junction(p(X_TANH, Y_C)) },
    { groups: ['output'], markup: junction(p(X_UP, Y_IN)) },
  ];
  const lab = (tex: string, x: number, y: number, groups: readonly LstmPart[], anchor: PlacedLabel['anchor'] = 'middle', size = 16) => ({
    tex, x, y, size, anchor, groups,
  });
  const labels = [
    lab(`${s}_{t-1}`, X_LEFT - 5, Y_C, ['cell', 'forget'], 'end'),
    lab(`${s}_t`, X_RIGHT + 5, Y_C, ['cell', 'output'], 'start'),
    lab('h_{t-1}', X_LEFT - 5, Y_IN, GATES_IN, 'end'),
    lab('h_t', X_RIGHT + 5, Y_IN, ['output'], 'start'),
    lab('h_t', X_UP, 11, ['output']),
    lab('x_t', X_X, LSTM_SIZE.height - 22, GATES_IN),
    lab('f_t', X_F + 6, (gateTop + Y_C + 11) / 2, ['forget', 'cell'], 'start', 15),
    lab('i_t', X_I + 6, (gateTop + Y_MUL_I) / 2 + 4, ['input', 'cell'], 'start', 15),
    lab(`\\tilde{${s}}_t`, X_G + 6, (gateTop + Y_MUL_I + 11) / 2, ['candidate', 'input', 'cell'], 'start', 15),
    lab('o_t', (X_O + X_TANH - 11) / 2, Y_MUL_O - 11, ['output'], 'middle', 15),
  ];
  return { wires, nodes, labels };
}

export function lstmDesc(s: string, highlight: LstmPart | undefined): string {
  const steps: Record<LstmPart, string> = {
    forget: `Highlighted: the forget gate f_t, a sigmoid layer whose output multiplies the old cell state ${s}_{t-1}.`,
    input: `Highlighted: the input step: the input gate i_t, a sigmoid layer, and the candidate ${s}̃_t, a tanh layer; their pointwise product is added to the cell state.`,
    candidate: `Highlighted: the candidate ${s}̃_t, a tanh layer proposing new values for the cell state.`,
    cell: `Highlighted: the cell-state update ${s}_t = f_t ⊙ ${s}_{t-1} + i_t ⊙ ${s}̃_t along the top line.`,
    output: `Highlighted: the output gate o_t, which multiplies tanh(${s}_t) to give the new hidden state h_t.`,
  };
  return (
    `LSTM cell. The cell state ${s}_{t-1} enters at the top left and runs along the top of the cell, ` +
    `through a pointwise multiplication with the forget gate f_t and a pointwise addition of the new information, ` +
    `and leaves at the top right as ${s}_t. The previous hidden state h_{t-1} (entering at the bottom left) and the input x_t ` +
    `(entering from below) are concatenated and feed four layers in a row: the forget gate f_t (sigmoid), ` +
    `the input gate i_t (sigmoid), the candidate ${s}̃_t (tanh) and the output gate o_t (sigmoid). ` +
    `i_t and ${s}̃_t are multiplied pointwise and added to the cell state. ` +
    `The new cell state passes through a tanh and is multiplied by o_t to give the hidden state h_t, ` +
    `which leaves to the right and upwards.` +
    (highlight ? ` ${steps[highlight]}` : '')
  );
}

/** Label boxes of the drawing (for overlap checks in tests). */
export function lstmLabelBoxes(s = 'c'): Box[] {
  return lstmDrawing(createIds('t'), s).labels.map(placedBox);
}

export default defineShortcode({
  name: 'lstm-cell',
  summary: 'An LSTM cell as in colah\'s "Understanding LSTM Networks": gates, cell state, pointwise operations; optionally one part highlighted.',
  params,
  inner: 'none',
  version: 3,
  render(ctx) {
    const { highlight, state, caption, alt } = ctx.params;
    let s = state.trim();
    if (!/^[A-Za-z]$/.test(s)) {
      ctx.error(`state="${state}" must be a single letter such as c or C`, { param: 'state' });
      s = 'c';
    }
    const active = highlight === 'none' ? undefined : highlight;
    const ids = createIds(ctx.idPrefix);
    const d = lstmDrawing(ids, s);
    const cellBox = cellFrame(L, T, CELL_W, CELL_H);
    const labels = d.labels.map((l) => ({ groups: l.groups, markup: placedLabel(l) }));
    const body = [
      markerDefs(ids, ['ink']),
      cellBox,
      layered([d.wires, d.nodes, labels], active),
    ];
    const svg = figureSvg({
      ids,
      width: LSTM_SIZE.width,
      height: LSTM_SIZE.height,
      contain: d.labels.map(placedBox),
      title: figureTitle(ctx, { caption, alt }, active ? `LSTM cell, ${active} step highlighted` : 'LSTM cell'),
      desc: lstmDesc(s, active),
      class: 'hp-lstm-cell',
      body,
    });
    return wrapFigure(ctx, svg, { caption, class: ctx.params.class });
  },
});
