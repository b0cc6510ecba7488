/**
 * `gru-cell`: one GRU cell in the same style as `lstm-cell` (colah's GRU figure): the hidden state runs
 * along the top, where it is scaled by 1 − z_t and receives z_t ⊙ h̃_t; the reset gate r_t scales
 * h_{t-1} before it joins x_t in the candidate layer. The equations drawn are colah's:
 * h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t.
 */
import { defineShortcode } from '../src/render/types.js';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { figureTitle, wrapFigure } from '../src/render/figure-wrap.js';
import { createIds, el, figureSvg, markerDefs, type Markup, type Point } from '../src/svg/index.js';
import {
  LAYER_H, LAYER_W, cellFrame, junction, layer, layered, opEdge, placedBox, placedLabel, pointwise, wire,
  type PlacedLabel,
} from '../src/svg/cell-parts.js';
import type { Box } from '../src/svg/math.js';
import type { Ids } from '../src/svg/ids.js';

export const GRU_PARTS = ['reset', 'update', 'candidate', 'interpolation'] as const;
export type GruPart = (typeof GRU_PARTS)[number];

const params = {
  highlight: {
    type: 'enum',
    values: ['none', ...GRU_PARTS],
    default: 'none',
    doc: 'Part to emphasise, dimming the rest: `reset` (r_t), `update` (z_t), `candidate` (h̃_t) or `interpolation` (h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t); `none` draws everything alike.',
  },
  ...FIGURE_PARAMS,
} as const;

export const GRU_SIZE = { width: 424, height: 326 };
const L = 50;
const T = 40;
const CELL_W = 320;
const CELL_H = 240;
const Y_H = T + 38; // the hidden-state line
const Y_GATE = T + 165;
const Y_IN = T + 210; // [h_{t-1}, x_t] bus into the two gates
const Y_XG = T + 228; // x_t alone on to the candidate
const Y_RESET = T + 120; // r_t × h_{t-1}
const Y_J = T + 100; // z_t splits: to 1 − z_t and to z_t × h̃_t
const Y_ONE = T + 72; // the 1 − node
const X_V = L + 22; // h_{t-1} comes down here
const X_X = L + 50; // x_t enters here
const X_R = L + 85;
const X_Z = L + 150;
const X_RV = L + 205; // r_t ⊙ h_{t-1} goes down to the candidate here
const X_G = L + 250;
const X_UP = L + 292;
const X_LEFT = L - 12;
const X_RIGHT = L + CELL_W + 26;

const p = (x: number, y: number): Point => ({ x, y });

export interface Part {
  groups: readonly GruPart[];
  markup: Markup;
  /** A wire's points, for tests of what feeds what. */
  pts?: Point[];
}

export interface GruDrawing {
  wires: Part[];
  nodes: Part[];
  labels: (PlacedLabel & { groups: readonly GruPart[] })[];
}

const GATES_IN: readonly GruPart[] = ['reset', 'update', 'candidate'];

export function gruDrawing(ids: Ids): GruDrawing {
  const gateTop = Y_GATE - LAYER_H / 2;
  const mulKeep = p(X_Z, Y_H); // (1 − z_t) ⊙ h_{t-1}
  const plus = p(X_G, Y_H);
  const mulNew = p(X_G, Y_J); // z_t ⊙ h̃_t
  const mulReset = p(X_R, Y_RESET);
  const one = p(X_Z, Y_ONE);
  const w = (pts: Point[], groups: readonly GruPart[], o: Parameters<typeof wire>[2] = {}): Part => ({
    groups,
    markup: wire(ids, pts, o),
    pts,
  });
  const wires: Part[] = [
    // The hidden state along the top: h_{t-1} → × (1 − z_t) → + → h_t.
    w([p(X_LEFT, Y_H), p(X_V, Y_H)], [...GATES_IN, 'interpolation'], { width: 2.4, arrow: false }),
    w([p(X_V, Y_H), opEdge(mulKeep, p(0, Y_H))], ['interpolation'], { width: 2.4 }),
    w([opEdge(mulKeep, p(1e9, Y_H)), opEdge(plus, p(0, Y_H))], ['interpolation'], { width: 2.4 }),
    w([opEdge(plus, p(1e9, Y_H)), p(X_RIGHT, Y_H)], ['interpolation'], { width: 2.4 }),
    w([p(X_UP, Y_H), p(X_UP, 21)], ['interpolation']),
    // h_{t-1} down the left side to the bus of the two gates, with a branch into the reset ×. The
    // candidate never sees h_{t-1} itself: h̃_t = tanh(W x_t + U (r_t ⊙ h_{t-1})), so x_t reaches it on a
    // wire of its own, below the bus.
    w([p(X_V, Y_H), p(X_V, Y_IN), p(X_Z, Y_IN)], ['reset', 'update'], { arrow: false }),
    w([p(X_V, Y_RESET), opEdge(mulReset, p(0, Y_RESET))], ['reset']),
    w([p(X_X, GRU_SIZE.height - 34), p(X_X, Y_IN)], GATES_IN, { arrow: false }),
    w([p(X_X, Y_XG), p(X_G, Y_XG), p(X_G, Y_GATE + LAYER_H / 2)], ['candidate']),
    ...[X_R, X_Z].map((x, k) => w([p(x, Y_IN), p(x, Y_GATE + LAYER_H / 2)], [GATES_IN[k]!])),
    // reset gate: r_t × h_{t-1}, then over z_t's wire and down into the candidate layer
    w([p(X_R, gateTop), opEdge(mulReset, p(X_R, 1e9))], ['reset']),
    w([opEdge(mulReset, p(1e9, Y_RESET)), p(X_RV, Y_RESET), p(X_RV, Y_GATE), p(X_G - LAYER_W / 2, Y_GATE)], ['reset', 'candidate'], {
      hops: [p(X_Z, Y_RESET)],
    }),
    // update gate: up to the split, through 1 − into the × on the state line, and across to z_t × h̃_t
    w([p(X_Z, gateTop), p(X_Z, Y_J)], ['update'], { arrow: false }),
    w([p(X_Z, Y_J), opEdge(one, p(X_Z, 1e9), 'oneminus')], ['update', 'interpolation']),
    w([opEdge(one, p(X_Z, 0), 'oneminus'), opEdge(mulKeep, p(X_Z, 1e9))], ['update', 'interpolation']),
    w([p(X_Z, Y_J), opEdge(mulNew, p(0, Y_J))], ['update', 'interpolation']),
    // candidate: up into z_t × h̃_t, and on into the +
    w([p(X_G, gateTop), opEdge(mulNew, p(X_G, 1e9))], ['candidate', 'interpolation']),
    w([opEdge(mulNew, p(X_G, 0)), opEdge(plus, p(X_G, 1e9))], ['interpolation']),
  ];
  const nodes: Part[] = [
    { groups: ['interpolation'], markup: pointwise(mulKeep, 'times') },
    { groups: ['interpolation'], markup: pointwise(plus, 'plus') },
    { groups: ['update', 'interpolation'], markup: pointwise(one, 'oneminus') },
    { groups: ['interpolation'], markup: pointwise(mulNew, 'times') },
    { groups: ['reset'], markup: pointwise(mulReset, 'times') },
    { groups: ['reset'], markup: layer(p(X_R, Y_GATE), '\\sigma') },
    { groups: ['update'], markup: layer(p(X_Z, Y_GATE), '\\sigma') },
    { groups: ['candidate'], markup: layer(p(X_G, Y_GATE), '\\tanh') },
    { groups: [...GATES_IN, 'interpolation'], markup: junction(p(X_V, Y_H)) },
    { groups: ['reset'], markup: junction(p(X_V, Y_RESET)) },
    { groups: ['update', 'interpolation'], markup: junction(p(X_Z, Y_J)) },
    { groups: ['interpolation'], markup: junction(p(X_UP, Y_H)) },
    ...[X_X, X_R].map((x) => ({ groups: ['reset', 'update'] as const, markup: junction(p(x, Y_IN)) })),
    { groups: GATES_IN, markup: junction(p(X_X, Y_XG)) },
  ];
  const lab = (tex: string, x: number, y: number, groups: readonly GruPart[], anchor: PlacedLabel['anchor'] = 'middle', size = 16) => ({
    tex, x, y, size, anchor, groups,
  });
  const labels = [
    lab('h_{t-1}', X_LEFT - 5, Y_H, ['interpolation', ...GATES_IN], 'end'),
    lab('h_t', X_RIGHT + 5, Y_H, ['interpolation'], 'start'),
    lab('h_t', X_UP, 11, ['interpolation']),
    lab('x_t', X_X, GRU_SIZE.height - 22, GATES_IN),
    lab('r_t', X_R - 6, (gateTop + Y_RESET + 11) / 2, ['reset'], 'end', 15),
    lab('z_t', X_Z + 6, (gateTop + Y_RESET) / 2 + 2, ['update'], 'start', 15),
    lab('\\tilde{h}_t', X_G + 6, (gateTop + Y_J + 11) / 2, ['candidate'], 'start', 15),
  ];
  return { wires, nodes, labels };
}

export function gruDesc(highlight: GruPart | undefined): string {
  const steps: Record<GruPart, string> = {
    reset: 'Highlighted: the reset gate r_t, a sigmoid layer whose output multiplies h_{t-1} before the candidate sees it.',
    update: 'Highlighted: the update gate z_t, a sigmoid layer that decides how much of the state is replaced.',
    candidate: 'Highlighted: the candidate h̃_t, a tanh layer over x_t and the reset-scaled h_{t-1}.',
    interpolation: 'Highlighted: the interpolation h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t along the top line.',
  };
  return (
    'GRU cell. The previous hidden state h_{t-1} enters at the top left and runs along the top of the cell, ' +
    'through a pointwise multiplication with 1 − z_t and a pointwise addition, and leaves at the top right and upwards as h_t. ' +
    'h_{t-1} also goes down the left side and, with the input x_t entering from below, feeds two sigmoid layers: ' +
    'the reset gate r_t and the update gate z_t. r_t multiplies h_{t-1} pointwise; the result, with x_t, feeds a tanh layer ' +
    'that gives the candidate h̃_t. z_t splits: 1 − z_t scales the old state on the top line, and z_t multiplies the ' +
    'candidate, which is then added to the top line.' +
    (highlight ? ` ${steps[highlight]}` : '')
  );
}

/** Where things are, for tests of the wiring: the inputs' entry points, the reset ×, the candidate layer. */
export const GRU_POINTS = {
  hIn: p(X_LEFT, Y_H),
  xIn: p(X_X, GRU_SIZE.height - 34),
  resetMul: p(X_R, Y_RESET),
  candidate: p(X_G, Y_GATE),
};

/** Label boxes of the drawing (for overlap checks in tests). */
export function gruLabelBoxes(): Box[] {
  return gruDrawing(createIds('t')).labels.map(placedBox);
}

export default defineShortcode({
  name: 'gru-cell',
  summary: 'A GRU cell in the style of lstm-cell: reset and update gates, candidate, interpolation; optionally one part highlighted.',
  params,
  inner: 'none',
  version: 3,
  render(ctx) {
    const { highlight, caption, alt } = ctx.params;
    const active = highlight === 'none' ? undefined : highlight;
    const ids = createIds(ctx.idPrefix);
    const d = gruDrawing(ids);
    const cellBox = cellFrame(L, T, CELL_W, CELL_H);
    const labels = d.labels.map((l) => ({ groups: l.groups, markup: placedLabel(l) }));
    const svg = figureSvg({
      ids,
      width: GRU_SIZE.width,
      height: GRU_SIZE.height,
      contain: d.labels.map(placedBox),
      title: figureTitle(ctx, { caption, alt }, active ? `GRU cell, ${active} step highlighted` : 'GRU cell'),
      desc: gruDesc(active),
      class: 'hp-gru-cell',
      body: [markerDefs(ids, ['ink']), cellBox, layered([d.wires, d.nodes, labels], active)],
    });
    return wrapFigure(ctx, svg, { caption, class: ctx.params.class });
  },
});
