/**
 * `seq2seq-attention`: the attention mechanism as drawn in Bahdanau, Cho and Bengio (2015), fig. 1. A
 * bidirectional RNN reads the source (a row of forward states →h_j and a row of backward states ←h_j
 * over x_1 … x_T); each annotation is weighted by α_{t,j} (drawn as an edge whose width and opacity
 * follow the weight) and summed in ⊕, which feeds the decoder state s_t after s_{t-1}; the decoder emits
 * y_t, and y_{t-1} feeds s_t.
 */
import { defineShortcode } from '../src/render/types.js';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { DESKTOP_COLUMN, PAGE_MARGINS, PHONE_VIEWPORT, figureTitle, legibleScale, legibleScroller, wrapFigure } from '../src/render/figure-wrap.js';
import { normaliseWeights, peakedWeights, splitTokens } from '../src/render/attention-data.js';
import {
  ACCENTS, add, circle, connect, createIds, edge, edgeLabelAnchor, el, figureSvg, fmt, fragment, markerDefs,
  measureText, mul, node, plainLabel, rect, servedSansCovers, sub, unit, mathLabel, labelBox, labelFontBox, plainBox,
  type Box, type Markup, type Point,
} from '../src/svg/index.js';

/** More source positions than this do not fit a readable figure. */
export const MAX_SOURCE = 12;
const DEFAULT_T = 4;

const params = {
  source: {
    type: 'string',
    label: 'tokens',
    doc: 'Source tokens, separated by spaces (so `,` and `.` can be tokens), drawn under the encoder. Default: x_1 … x_4 (or as many as `weights`).',
  },
  weights: {
    type: 'numbers',
    min: 0,
    minItems: 1,
    doc: `Attention weights α_{t,j}, one per source token, comma-separated. Normalised to sum to 1 (with a warning if they do not). Default: a distribution peaked on the second token. At most ${MAX_SOURCE}.`,
  },
  step: {
    type: 'int',
    min: 1,
    max: 999,
    doc: 'Decoder step t to draw: labels become s_{t-1}, s_t, y_t, α_{t,j} with this number. Default: the symbol t.',
  },
  labels: {
    type: 'enum',
    values: ['alpha', 'values', 'none'],
    default: 'alpha',
    doc: 'What the attention edges are labelled with: `alpha` (α_{t,j}), `values` (the weights, two decimals) or `none`.',
  },
  ...FIGURE_PARAMS,
} as const;

const BOX_W = 52;
const BOX_H = 28;
const MIN_PITCH = 84;
const TOKEN_SIZE = 15;
const MARGIN = 12;
const Y_Y = 14; // output labels
const Y_S = 64; // decoder states
const Y_SUM = 126; // ⊕
const Y_BWD = 234; // backward annotations (upper row)
const Y_FWD = Y_BWD + BOX_H; // forward annotations, touching the row above: together one annotation h_j
const Y_X = Y_FWD + BOX_H / 2 + 42; // source tokens
const SUM_R = 13;
const ANN_PAD = 3; // the outline of an annotation h_j around its two states
const ANN_TOP = Y_BWD - BOX_H / 2 - ANN_PAD;
const S_GAP = 118; // s_{t-1} sits this far left of s_t

/** The source tokens in the readers' own font, all alike, when one has a letter the served font lacks. */
function tokensSys(m: Seq2SeqModel): boolean {
  return !m.symbolic && m.tokens.some((t) => !servedSansCovers(t));
}

export interface Seq2SeqModel {
  tokens: string[];
  /** True when the tokens are the default math labels x_1 … x_T. */
  symbolic: boolean;
  weights: number[];
  step: string;
  prev: string;
  labels: 'alpha' | 'values' | 'none';
}

export interface Seq2SeqLayout {
  width: number;
  height: number;
  columns: number[];
  sumX: number;
  pitch: number;
}

export function seq2seqLayout(m: Seq2SeqModel): Seq2SeqLayout {
  const widest = m.symbolic ? 0 : Math.max(...m.tokens.map((t) => measureText(t, TOKEN_SIZE).width));
  const pitch = Math.max(MIN_PITCH, Math.ceil(widest + 14));
  const n = m.tokens.length;
  const raw = Array.from({ length: n }, (_, j) => j * pitch);
  // ⊕ and s_t sit a quarter column right of the middle: between two columns whether n is odd or even,
  // so no edge is exactly vertical and the fan reads.
  const mid = (raw[0]! + raw[n - 1]!) / 2 + pitch / 4;
  const left = Math.min(raw[0]! - Math.max(BOX_W, pitch) / 2, mid - S_GAP - BOX_W / 2 - 10);
  const right = Math.max(raw[n - 1]! + Math.max(BOX_W, pitch) / 2, mid + BOX_W / 2 + 30);
  const shift = MARGIN - left;
  return {
    width: Math.ceil(right - left + 2 * MARGIN),
    height: Y_X + 16,
    columns: raw.map((x) => x + shift),
    sumX: mid + shift,
    pitch,
  };
}

/** A small arrow over a symbol (→h, ←h), drawn as geometry because fonts rarely have the combining arrows. */
function overArrow(x0: number, x1: number, y: number, dir: 'right' | 'left'): Markup {
  const [a, b] = dir === 'right' ? [x0, x1] : [x1, x0];
  const s = Math.sign(b - a);
  return el('path', {
    d: `M${fmt(a)},${fmt(y)}H${fmt(b)}M${fmt(b - s * 3.2)},${fmt(y - 2.4)}L${fmt(b)},${fmt(y)}L${fmt(b - s * 3.2)},${fmt(y + 2.4)}`,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 1.1,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  });
}

/** An annotation box with h_j and an arrow accent over the h. */
function annotation(x: number, y: number, j: number, dir: 'right' | 'left', tone: 'hidden'): Markup {
  const tex = `h_{${j}}`;
  const box = labelBox(tex, { x, y, size: 16 });
  // The italic h is about 0.5 em wide; its top is ~0.72 em above the baseline; italic leans right.
  const hx0 = box.x0 + 1.5;
  const hx1 = box.x0 + 9.5;
  return fragment(
    node(rect(x, y, BOX_W, BOX_H, 3), { tone, label: tex }),
    overArrow(hx0, hx1, box.y0 - 2.5, dir),
  );
}

/**
 * The label of each attention edge (α_{t,j}, or the weight), or undefined with labels = "none". Each sits
 * at the foot of its edge, between the annotation h_j and the edge, which leaves from it: α_{t,j} h_j, the
 * term it weights, and no label between two edges where it could be read as either's (as a label beside
 * its edge was, once a fan of many tokens ran shallow and close: at 8 tokens one sat on its neighbour).
 */
function fanTexs(m: Seq2SeqModel): string[] | undefined {
  if (m.labels === 'none') return undefined;
  return m.weights.map((w, j) => (m.labels === 'alpha' ? `\\alpha_{${m.step},${j + 1}}` : w.toFixed(2)));
}

/** Between a label and the annotation under it, and between the label and the edge leaving it. */
export const FOOT_GAP = 3;
/** An attention edge: its width and opacity follow the weight; the arrowhead scales with the stroke. */
function attentionEdge(from: Point, to: Point, weight: number, wmax: number): Markup {
  const k = wmax > 0 ? weight / wmax : 0;
  const width = 0.8 + 3.4 * k;
  const opacity = 0.3 + 0.7 * k;
  const head = 6 + 1.6 * width;
  const half = 2.6 + 1.1 * width;
  const d = unit(sub(to, from));
  const n = { x: -d.y, y: d.x };
  const base = add(to, mul(d, -head));
  const tone = ACCENTS.highlight.light;
  return fragment(
    el('path', {
      class: 'hp-stroke-highlight',
      d: `M${fmt(from.x)},${fmt(from.y)}L${fmt(base.x + d.x * 0.5)},${fmt(base.y + d.y * 0.5)}`,
      fill: 'none',
      stroke: tone,
      'stroke-width': width,
      opacity,
    }),
    el('path', {
      class: 'hp-fill-highlight',
      d: `M${fmt(to.x)},${fmt(to.y)}L${fmt(base.x + n.x * half)},${fmt(base.y + n.y * half)}L${fmt(base.x - n.x * half)},${fmt(base.y - n.y * half)}z`,
      fill: tone,
      opacity,
    }),
  );
}

/** ⊕: the weighted sum of the annotations. */
function sumMark(x: number, y: number): Markup {
  return fragment(
    node(circle(x, y, SUM_R), { tone: 'highlight' }),
    el('path', {
      d: `M${fmt(x - 7)},${fmt(y)}H${fmt(x + 7)}M${fmt(x)},${fmt(y - 7)}V${fmt(y + 7)}`,
      stroke: 'currentColor',
      'stroke-width': 1.8,
      'stroke-linecap': 'round',
    }),
  );
}

/** The outline around an annotation's two states: h_j is their concatenation. */
function annotationOutline(x: number, y: number, width: number, height: number): Markup {
  return el('rect', {
    class: 'hp-annotation hp-muted-stroke',
    x,
    y,
    width,
    height,
    rx: 5,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-opacity': 0.55,
    'stroke-width': 1.2,
  });
}

/**
 * The decoder core shared by both layouts: ⊕ and the states s_{t-1} (at `prev`) and s_t (at `cur`, outlined
 * heavier), the edge ⊕ → s_t labelled c_t on `cSide`, and s_{t-1} → s_t.
 */
function decoderCore(
  ids: ReturnType<typeof createIds>,
  m: Seq2SeqModel,
  at: { sum: Point; prev: Point; cur: Point; cSide: 'left' | 'right' },
  out: { nodes: Markup[]; wires: Markup[]; math: (tex: string, x: number, y: number, size?: number) => void },
): void {
  const sPrev = rect(at.prev.x, at.prev.y, BOX_W + 6, BOX_H + 2, 3);
  const sCur = rect(at.cur.x, at.cur.y, BOX_W + 6, BOX_H + 2, 3);
  out.nodes.push(
    sumMark(at.sum.x, at.sum.y),
    node(sPrev, { tone: 'output', label: `s_{${m.prev}}` }),
    node(sCur, { tone: 'output', solid: false, label: `s_{${m.step}}`, strokeWidth: 2.6 }),
  );
  const toState = connect(circle(at.sum.x, at.sum.y, SUM_R), sCur, { gap: 2 });
  out.wires.push(edge(ids, toState));
  // The weighted sum is the context vector c_t.
  const cAt = edgeLabelAnchor(toState, `c_{${m.step}}`, { side: at.cSide, size: 15, offset: 4 });
  out.math(`c_{${m.step}}`, cAt.x, cAt.y, 15);
  out.wires.push(edge(ids, connect(sPrev, sCur, { gap: 2 })));
}

export interface Seq2SeqDrawing {
  width: number;
  height: number;
  body: Markup;
  /** Every label's box, for overlap checks. */
  boxes: Box[];
}

export function seq2seqDrawing(ids: ReturnType<typeof createIds>, m: Seq2SeqModel): Seq2SeqDrawing {
  const lay = seq2seqLayout(m);
  const { columns, sumX } = lay;
  const n = columns.length;

  // The fan of attention edges into ⊕, each leaving from its label above its annotation (see fanTexs).
  // Every edge leaves from the height of the labels' tops and rises, so none passes under another's
  // label; how near one passes over it does not depend on the pitch (the rise over the columns between),
  // and is more than 8 units beyond its half stroke up to MAX_SOURCE tokens (tests/unit/seq2seq-attention.test.ts).
  const wmax = Math.max(...m.weights);
  const texs = fanTexs(m);
  const sum = { x: sumX, y: Y_SUM };
  const fan = columns.map((x, j) => {
    // The label's font box, its bottom FOOT_GAP over the outline; the edge leaves FOOT_GAP over its top.
    const b0 = texs && labelFontBox(texs[j]!, { x: 0, y: 0, size: 14 });
    const at = b0 && { x, y: ANN_TOP - FOOT_GAP - b0.y1 };
    const from = { x, y: b0 && at ? at.y + b0.y0 - FOOT_GAP : ANN_TOP - 0.6 };
    return { from, to: add(sum, mul(unit(sub(from, sum)), SUM_R + 1.5)), at };
  });

  const boxes: Box[] = [];
  const parts: Markup[] = [markerDefs(ids, ['ink'])];
  const wires: Markup[] = [];
  const labels: Markup[] = [];
  const math = (tex: string, x: number, y: number, size = 16, anchor: 'start' | 'middle' | 'end' = 'middle') => {
    boxes.push(labelBox(tex, { x, y, size, anchor }));
    labels.push(mathLabel(tex, { x, y, size, anchor }));
  };

  // Encoder: x_j → forward box; forward chain → ; backward chain ←.
  const fwd = columns.map((x) => rect(x, Y_FWD, BOX_W, BOX_H));
  const bwd = columns.map((x) => rect(x, Y_BWD, BOX_W, BOX_H));
  columns.forEach((x, j) => {
    if (m.symbolic) math(m.tokens[j]!, x, Y_X);
    else {
      boxes.push(plainBox(m.tokens[j]!, { x, y: Y_X, size: TOKEN_SIZE }));
      labels.push(plainLabel(m.tokens[j]!, { x, y: Y_X, size: TOKEN_SIZE, sys: tokensSys(m) }));
    }
    wires.push(edge(ids, { kind: 'line', a: { x, y: Y_X - 11 }, b: { x, y: Y_FWD + BOX_H / 2 + 1 } }));
    if (j + 1 < n) {
      wires.push(edge(ids, connect(fwd[j]!, fwd[j + 1]!, { gap: 2 })));
      wires.push(edge(ids, connect(bwd[j + 1]!, bwd[j]!, { gap: 2 })));
    }
  });
  const nodes: Markup[] = [];
  columns.forEach((x, j) => {
    nodes.push(annotation(x, Y_FWD, j + 1, 'right', 'hidden'));
    nodes.push(annotation(x, Y_BWD, j + 1, 'left', 'hidden'));
    // The annotation h_j is the concatenation of both states: one outline around the pair, which the
    // attention edge leaves.
    nodes.push(annotationOutline(x - BOX_W / 2 - ANN_PAD, ANN_TOP, BOX_W + 2 * ANN_PAD, 2 * BOX_H + 2 * ANN_PAD));
  });

  // Attention edges into ⊕, with their labels.
  const edges: Markup[] = [];
  fan.forEach((e, j) => {
    edges.push(attentionEdge(e.from, e.to, m.weights[j]!, wmax));
    if (texs) math(texs[j]!, e.at!.x, e.at!.y, 14);
  });

  // Decoder.
  decoderCore(ids, m, { sum: { x: sumX, y: Y_SUM }, prev: { x: sumX - S_GAP, y: Y_S }, cur: { x: sumX, y: Y_S }, cSide: 'left' }, { nodes, wires, math });
  boxes.push(labelBox(`s_{${m.prev}}`, { x: sumX - S_GAP, y: Y_S }), labelBox(`s_{${m.step}}`, { x: sumX, y: Y_S }));
  wires.push(edge(ids, { kind: 'line', a: { x: sumX - S_GAP, y: Y_S - BOX_H / 2 - 3 }, b: { x: sumX - S_GAP, y: Y_Y + 10 } }));
  wires.push(edge(ids, { kind: 'line', a: { x: sumX, y: Y_S - BOX_H / 2 - 3 }, b: { x: sumX, y: Y_Y + 10 } }));
  // y_{t-1} feeds s_t (Bahdanau's s_t = f(s_{t-1}, y_{t-1}, c_t)).
  wires.push(edge(ids, { kind: 'line', a: { x: sumX - S_GAP + 16, y: Y_Y + 8 }, b: { x: sumX - BOX_W / 2 - 4, y: Y_S - BOX_H / 2 - 2 } }));
  math(`y_{${m.prev}}`, sumX - S_GAP, Y_Y);
  math(`y_{${m.step}}`, sumX, Y_Y);

  parts.push(...wires, ...edges, ...nodes, ...labels);
  return { width: lay.width, height: lay.height, body: fragment(...parts), boxes };
}

// The narrow layout: the same graph turned a quarter, for a phone. Source tokens down the left, each
// annotation (forward and backward state side by side, outlined as one) in a row; the attention fan runs
// right into ⊕, which feeds s_t; the decoder steps run downward, each emitting its y to the right.
const V_PITCH = BOX_H + 2 * ANN_PAD + 16; // between annotation rows
const V_TOKEN_GAP = 18; // token → forward state
const V_FAN = 96; // annotation outline → ⊕
/** With labels, the start of the edges (right of the labels' column) → ⊕: the figure no wider than without by more than a few units. */
const V_FAN_LABELLED = 70;
const V_S_GAP = 70; // s_{t-1} sits this far above s_t
const V_ALPHA = 15; // α labels: a size up, they are the smallest text

export function seq2seqDrawingNarrow(ids: ReturnType<typeof createIds>, m: Seq2SeqModel): Seq2SeqDrawing {
  const n = m.tokens.length;
  const boxes: Box[] = [];
  const parts: Markup[] = [markerDefs(ids, ['ink'])];
  const wires: Markup[] = [];
  const labels: Markup[] = [];
  const nodes: Markup[] = [];
  const edges: Markup[] = [];
  const math = (tex: string, x: number, y: number, size = 16, anchor: 'start' | 'middle' | 'end' = 'middle') => {
    boxes.push(labelBox(tex, { x, y, size, anchor }));
    labels.push(mathLabel(tex, { x, y, size, anchor }));
  };
  const tokW = Math.max(...m.tokens.map((t) => (m.symbolic ? labelBox(t, { x: 0, y: 0, size: 16 }).x1 * 2 : measureText(t, TOKEN_SIZE).width)));
  const tokRight = MARGIN + tokW;
  const xF = tokRight + V_TOKEN_GAP + BOX_W / 2;
  const xB = xF + BOX_W;
  const annLeft = xF - BOX_W / 2 - ANN_PAD;
  const annRight = xB + BOX_W / 2 + ANN_PAD;
  // Rows; ⊕ a quarter row below the middle so that no attention edge is exactly horizontal. The decoder
  // column needs s_{t-1} (V_S_GAP above ⊕) and y_{t-1} inside the top margin: shift the rows down if not.
  const rows0 = Array.from({ length: n }, (_, j) => j * V_PITCH);
  const mid0 = (rows0[0]! + rows0[n - 1]!) / 2 + V_PITCH / 4;
  const top = Math.max(MARGIN + BOX_H / 2 + ANN_PAD, MARGIN + BOX_H / 2 + 1 + V_S_GAP - mid0);
  const rows = rows0.map((y) => y + top);
  const sumY = mid0 + top;
  // The fan runs right into ⊕, each edge leaving from its label beside its annotation (see fanTexs): the
  // labels in a column of their own, centred on their rows, and the edges from its right side.
  const wmax = Math.max(...m.weights);
  const texs = fanTexs(m);
  const fonts = texs?.map((tex) => labelFontBox(tex, { x: 0, y: 0, size: V_ALPHA }));
  const labelsW = fonts ? Math.max(...fonts.map((b) => b.x1 - b.x0)) : 0;
  const start = fonts ? annRight + 2 * FOOT_GAP + labelsW : annRight + 0.6;
  const sumX = fonts ? start + V_FAN_LABELLED : annRight + V_FAN;
  const sum = { x: sumX, y: sumY };
  const fan = rows.map((y, j) => {
    const from = { x: start, y };
    const b0 = fonts?.[j];
    // Anchored in the middle of the column, the font box centred on the row.
    const at = b0 && { x: annRight + FOOT_GAP + labelsW / 2, y: y - (b0.y0 + b0.y1) / 2 };
    return { from, to: add(sum, mul(unit(sub(from, sum)), SUM_R + 1.5)), at };
  });

  const fwd = rows.map((y) => rect(xF, y, BOX_W, BOX_H));
  const bwd = rows.map((y) => rect(xB, y, BOX_W, BOX_H));
  rows.forEach((y, j) => {
    if (m.symbolic) math(m.tokens[j]!, tokRight, y, 16, 'end');
    else {
      boxes.push(plainBox(m.tokens[j]!, { x: tokRight, y, size: TOKEN_SIZE, anchor: 'end' }));
      labels.push(plainLabel(m.tokens[j]!, { x: tokRight, y, size: TOKEN_SIZE, anchor: 'end', sys: tokensSys(m) }));
    }
    wires.push(edge(ids, { kind: 'line', a: { x: tokRight + 4, y }, b: { x: annLeft - 1, y } }));
    if (j + 1 < n) {
      wires.push(edge(ids, connect(fwd[j]!, fwd[j + 1]!, { gap: 2 })));
      wires.push(edge(ids, connect(bwd[j + 1]!, bwd[j]!, { gap: 2 })));
    }
    nodes.push(annotation(xF, y, j + 1, 'right', 'hidden'));
    nodes.push(annotation(xB, y, j + 1, 'left', 'hidden'));
    nodes.push(annotationOutline(annLeft, y - BOX_H / 2 - ANN_PAD, annRight - annLeft, BOX_H + 2 * ANN_PAD));
  });

  fan.forEach((e, j) => {
    edges.push(attentionEdge(e.from, e.to, m.weights[j]!, wmax));
    if (texs) math(texs[j]!, e.at!.x, e.at!.y, V_ALPHA);
  });

  // Decoder: ⊕ → s_t to the right, s_{t-1} above s_t, each state emitting its y to the right.
  const sw = BOX_W + 6;
  const sX = sumX + SUM_R + 26 + sw / 2;
  // c_t under its short edge (the fan's labels are above and left).
  decoderCore(ids, m, { sum: { x: sumX, y: sumY }, prev: { x: sX, y: sumY - V_S_GAP }, cur: { x: sX, y: sumY }, cSide: 'right' }, { nodes, wires, math });
  boxes.push(labelBox(`s_{${m.prev}}`, { x: sX, y: sumY - V_S_GAP }), labelBox(`s_{${m.step}}`, { x: sX, y: sumY }));
  const yX = sX + sw / 2 + 30;
  wires.push(edge(ids, { kind: 'line', a: { x: sX + sw / 2 + 3, y: sumY - V_S_GAP }, b: { x: yX - 3, y: sumY - V_S_GAP } }));
  wires.push(edge(ids, { kind: 'line', a: { x: sX + sw / 2 + 3, y: sumY }, b: { x: yX - 3, y: sumY } }));
  // y_{t-1} feeds s_t (s_t = f(s_{t-1}, y_{t-1}, c_t)): from under y_{t-1} down to s_t's upper right.
  wires.push(edge(ids, { kind: 'line', a: { x: yX + 8, y: sumY - V_S_GAP + 12 }, b: { x: sX + sw / 2 - 4, y: sumY - (BOX_H + 2) / 2 - 3 } }));
  math(`y_{${m.prev}}`, yX, sumY - V_S_GAP, 16, 'start');
  math(`y_{${m.step}}`, yX, sumY, 16, 'start');

  parts.push(...wires, ...edges, ...nodes, ...labels);
  const right = Math.max(...boxes.map((b) => b.x1)) + MARGIN;
  const bottom = Math.max(rows[n - 1]! + BOX_H / 2 + ANN_PAD, sumY + BOX_H, ...boxes.map((b) => b.y1)) + MARGIN;
  return { width: Math.ceil(right), height: Math.ceil(bottom), body: fragment(...parts), boxes };
}

export function seq2seqDesc(m: Seq2SeqModel): string {
  const src = m.symbolic ? m.tokens.join(', ') : m.tokens.map((t, j) => `x_${j + 1} "${t}"`).join(', ');
  const top = m.weights.indexOf(Math.max(...m.weights));
  const weights = m.weights.map((w, j) => `α_{${m.step},${j + 1}} = ${w.toFixed(2)}`).join(', ');
  return (
    `Attention in an encoder–decoder (Bahdanau, Cho and Bengio, 2015). A bidirectional RNN reads the ${m.tokens.length} source ` +
    `${m.tokens.length === 1 ? 'token' : 'tokens'} ${src}: a row of forward states runs left to right and a row of backward ` +
    `states right to left; together (outlined as one) they form one annotation h_j per token. Each annotation is weighted by its attention ` +
    `weight (${weights}; drawn as edges whose thickness follows the weight, the largest on token ${top + 1}) and summed ` +
    `into the context vector c_${m.step}, which feeds the decoder state s_${m.step}. s_${m.step} follows s_${m.prev} and the previous ` +
    `output y_${m.prev}, and emits y_${m.step}.`
  );
}

export default defineShortcode({
  name: 'seq2seq-attention',
  summary: 'Encoder–decoder attention as in Bahdanau et al. (2015), fig. 1: bidirectional encoder, weighted edges into the context, decoder step.',
  params,
  inner: 'none',
  version: 4,
  render(ctx) {
    const { caption, alt, step, labels } = ctx.params;
    const words = splitTokens(ctx.params.source);
    let weights = ctx.params.weights;
    if (words && words.length > MAX_SOURCE) {
      ctx.error(`source= has ${words.length} tokens; at most ${MAX_SOURCE} fit a readable figure, so show part of the sentence`, {
        param: 'source',
      });
    }
    if (weights && weights.length > MAX_SOURCE) {
      ctx.error(`weights= has ${weights.length} numbers; at most ${MAX_SOURCE} fit a readable figure`, { param: 'weights' });
      weights = undefined;
    }
    const count = Math.min(MAX_SOURCE, words?.length ?? weights?.length ?? DEFAULT_T);
    const tokens = words ? words.slice(0, count) : Array.from({ length: count }, (_, j) => `x_{${j + 1}}`);
    if (weights && weights.length !== count) {
      ctx.error(
        `weights= has ${weights.length} ${weights.length === 1 ? 'number' : 'numbers'} but there ${count === 1 ? 'is 1 source token' : `are ${count} source tokens`}; give one weight per token`,
        { param: 'weights' },
      );
      weights = undefined;
    }
    let w = weights ?? peakedWeights(count, Math.min(1, count - 1));
    const norm = normaliseWeights(w);
    if (!norm) {
      ctx.error('weights= are all zero; at least one token must get a positive weight', { param: 'weights' });
      w = peakedWeights(count, Math.min(1, count - 1));
    } else {
      if (norm.rescaled) {
        const sum = Number.isFinite(norm.sum) ? String(+norm.sum.toFixed(4)) : 'more than the largest number (about 1.8e308)';
        ctx.warn(`weights= sum to ${sum}, not 1; they were divided by their sum (attention weights are a softmax output)`, {
          param: 'weights',
        });
      }
      w = norm.weights;
    }
    const model: Seq2SeqModel = {
      tokens,
      symbolic: !words,
      weights: w,
      step: step === undefined ? 't' : String(step),
      prev: step === undefined ? 't-1' : String(step - 1),
      labels,
    };
    const title = figureTitle(ctx, { caption, alt }, `Attention over ${count} source ${count === 1 ? 'token' : 'tokens'} at decoder step ${model.step}`);
    const desc = seq2seqDesc(model);
    const ids = createIds(ctx.idPrefix);
    const d = seq2seqDrawing(ids, model);
    // Wide layout as long as its smallest text (α at 14 units, its scripts 10.1) stays legible; on a
    // narrower screen the quarter-turned layout instead, chosen by a media query (no script).
    const wideFrom = Math.ceil(d.width * legibleScale(14, 14 * 0.72)) + PAGE_MARGINS;
    const svgOf = (dd: Seq2SeqDrawing, i: typeof ids, css?: string) =>
      figureSvg({ ids: i, width: dd.width, height: dd.height, title, desc, class: 'hp-seq2seq-attention', body: dd.body, css });
    if (wideFrom <= PHONE_VIEWPORT) return wrapFigure(ctx, svgOf(d, ids), { caption, class: ctx.params.class });
    const nids = createIds(`${ctx.idPrefix}-narrow`);
    const nd = seq2seqDrawingNarrow(nids, model);
    // The narrow layout's smallest text: tokens and α at V_ALPHA units, α's scripts. Very long tokens can
    // make even it too wide for a phone: it then scrolls sideways rather than shrink (legibleScroller).
    const narrowSvg = legibleScroller(svgOf(nd, nids), { width: nd.width, scale: legibleScale(V_ALPHA, V_ALPHA * 0.72), label: title });
    // Too wide to be legible even in a desktop column: the narrow layout everywhere.
    if (wideFrom - PAGE_MARGINS > DESKTOP_COLUMN) return wrapFigure(ctx, narrowSvg, { caption, class: ctx.params.class });
    const [wide, narrow] = [ids.id('wide'), ids.id('narrow')];
    // The narrow one is hidden inline, so a reader that drops <style> (a feed) shows the wide one only.
    const css = `@media (max-width: ${wideFrom - 0.02}px){#${wide}{display:none}#${narrow}{display:block !important}}`;
    const html =
      `<div id="${wide}" class="hp-layout-wide" style="text-align:center">${svgOf(d, ids, css)}</div>` +
      `<div id="${narrow}" class="hp-layout-narrow" style="display:none;text-align:center">${narrowSvg}</div>`;
    return wrapFigure(ctx, html, { caption, class: ctx.params.class });
  },
});
