/**
 * `rnn-unroll`: the unfolded computational graph of a recurrent network, after Goodfellow, Bengio and
 * Courville, *Deep Learning*, fig. 10.2 (x → h with a delayed self-loop) and fig. 10.3 (with outputs o,
 * losses L and targets y). Left: the folded cell, its recurrent edge carrying the one-step-delay square;
 * an "Unfold" arrow; right: the chain over `steps` time steps between dashed continuation nodes, the
 * shared weights U (input→hidden), V (hidden→output) and W (hidden→hidden) labelled on the edges.
 * `bptt=true` adds backward arrows along the chain whose weight fades with the distance from the last
 * step, the picture of a vanishing gradient. The folded graph and the chain are two SVGs in a wrapping
 * row (`panelRow`); the chain may shrink beside the folded graph only down to the scale at which its
 * smallest text stays legible (`legibleScale`), below that the two stack; a chain that even alone would
 * fall below it in a phone's column keeps that scale and scrolls sideways (`legibleScroller`). Node radii
 * come from the widest label at full size (`nodeRadius`).
 */
import { FIGURE_PARAMS, type ParamSpecs } from '../src/render/params.js';
import { defineShortcode, type RenderContext } from '../src/render/types.js';
import { figureTitle, legibleScale, legibleScroller, panelRow, wrapFigure, type ShrinkPanel } from '../src/render/figure-wrap.js';
import {
  arc, borderAt, circle, createIds, cubic, delaySquare, edge, edgeLabel, figureSvg, labelBox, line, markerDefs, mathLabel,
  mathText, measureLabel, measureText, node, plainLabel, pointAt, connect, round2, HEAD_HALF_WIDTH, STROKE, type Child, type Path, type Shape, type Tone,
} from '../src/svg/index.js';

const params = {
  steps: { type: 'int', min: 1, max: 16, default: 4, doc: 'Number of time steps in the unfolded chain (1 to 16). Up to 5 fit a 360 px phone at a legible size; a longer chain keeps that size and scrolls sideways in a column too narrow for it.' },
  notation: {
    type: 'enum',
    values: ['sub', 'sup'] as const,
    default: 'sub',
    doc: 'Time index as a subscript (`sub`: h_t) or as a parenthesised superscript like the book (`sup`: h^(t)).',
  },
  index: {
    type: 'enum',
    values: ['absolute', 'relative'] as const,
    default: 'absolute',
    doc: 'Number the steps 1 … steps (`absolute`) or around t, as t−1, t, t+1 (`relative`, as in the book).',
  },
  folded: { type: 'bool', default: true, doc: 'Draw the folded graph (the cell with its delayed self-loop) and the "Unfold" arrow on the left; on a screen too narrow for both, the folded graph stands above the chain and the arrow points down.' },
  outputs: { type: 'bool', default: true, doc: 'Draw the outputs o (fig. 10.3); false draws only x and h (fig. 10.2).' },
  losses: { type: 'bool', default: false, doc: 'Draw the losses L and targets y above the outputs (fig. 10.3); needs outputs=true.' },
  bptt: { type: 'bool', default: false, doc: 'Add backpropagation-through-time arrows along the chain, fading with distance from the last step.' },
  decay: {
    type: 'number',
    min: 0.05,
    max: 1,
    default: 0.6,
    doc: 'With bptt: how much of the gradient survives each step back (0.05 to 1); sets how fast the arrows fade.',
  },
  input: { type: 'string', label: 'tex', default: 'x', doc: 'Label of the inputs (TeX-like, e.g. `\\mathbf{x}`).' },
  hidden: { type: 'string', label: 'tex', default: 'h', doc: 'Label of the hidden states.' },
  output: { type: 'string', label: 'tex', default: 'o', doc: 'Label of the outputs.' },
  loss: { type: 'string', label: 'tex', default: 'L', doc: 'Label of the losses.' },
  target: { type: 'string', label: 'tex', default: 'y', doc: 'Label of the targets.' },
  weights: {
    type: 'list',
    label: 'tex',
    max: 3,
    item: 'label',
    default: ['U', 'V', 'W'],
    doc: 'Labels of the input→hidden, hidden→output and hidden→hidden weights, comma-separated; `""` hides them.',
  },
  unfold: { type: 'string', default: 'Unfold', doc: 'Text over the arrow between the folded and the unfolded graph.' },
  ...FIGURE_PARAMS,
} as const satisfies ParamSpecs;

type Row = 'x' | 'h' | 'o' | 'L' | 'y';

// Layout, in viewBox units. The folded graph and the chain are two SVGs in a wrapping row: side by side
// on a wide screen, one above the other on a phone, where the chain alone fills the column.
const FONT = 20;
const WFONT = 20;
/** Smallest node radius; larger when a label needs it (see nodeRadius). */
const RADIUS = 22;
/** Clear space between a node label's box and its circle (inside the stroke). */
const LABEL_PAD = 3;
/** Clear space between neighbouring nodes of the chain, for the W arrow and its label. */
const LINK = 34;
const ROW = 80;
/**
 * Room a label keeps from an edge it may lie beside: the arrowhead's half width, 2 units of air, and
 * SLANT for the box of an italic a browser slants itself (a machine with no italic face, e.g. Debian's
 * fonts-dejavu-core, has Chromium report a box up to 6 units wider at 18 units, mostly to the right).
 */
const SLANT = 5;
const UV_OFFSET = HEAD_HALF_WIDTH + 2 + SLANT;
const MARGIN = 14;
const GAP = 3;

const TONE: Record<Row, Tone> = { x: 'input', h: 'hidden', o: 'output', L: 'loss', y: 'target' };

/**
 * The radius at which every label, set at FONT and centred, lies inside its circle with LABEL_PAD to
 * spare (the corners of its box included): arrows end outside the circle, so none can touch a label.
 */
export function nodeRadius(labels: readonly string[]): number {
  let need = 0;
  for (const l of labels) {
    const b = labelBox(l, { x: 0, y: 0, size: FONT });
    need = Math.max(need, Math.hypot(Math.max(-b.x0, b.x1), Math.max(-b.y0, b.y1)));
  }
  return Math.max(RADIUS, Math.ceil(need + LABEL_PAD + STROKE / 2));
}

function braced(base: string, script: string, notation: 'sub' | 'sup'): string {
  return notation === 'sub' ? `{${base}}_{${script}}` : `{${base}}^{(${script})}`;
}

function stepIndex(k: number, steps: number, mode: 'absolute' | 'relative'): string {
  if (mode === 'absolute') return String(k + 1);
  const d = k - Math.floor((steps - 1) / 2);
  return d === 0 ? 't' : d < 0 ? `t-${-d}` : `t+${d}`;
}

interface Layout {
  r: number;
  rows: Row[];
  y: Record<Row, number>;
  height: number;
}

function rowsFor(outputs: boolean, losses: boolean, R: number): Layout {
  const rows: Row[] = ['x', 'h'];
  if (outputs) rows.push('o');
  if (outputs && losses) rows.push('L', 'y');
  const top = MARGIN + R + 4;
  const y = {} as Record<Row, number>;
  // Vertical arrows at least as long as with the smallest nodes (ROW − 2 RADIUS between circles).
  const row = Math.max(ROW, 2 * R + ROW - 2 * RADIUS);
  rows.forEach((r, i) => (y[r] = top + (rows.length - 1 - i) * row));
  return { r: R, rows, y, height: top + (rows.length - 1) * row + R + MARGIN + 4 };
}

/** The vertical edges of one column (x→h, h→o, o→L, y→L) with their weight labels. */
function column(ids: ReturnType<typeof createIds>, cx: number, lay: Layout, names: Record<Row, string>, weights: string[], font: number): Child[] {
  const shape = (r: Row): Shape => circle(cx, lay.y[r], lay.r);
  const out: Child[] = [];
  for (const r of lay.rows) out.push(node(shape(r), { label: names[r], tone: TONE[r], labelSize: font, fit: false }));
  const up = (from: Row, to: Row, label?: string, t = 0.5) => {
    const p = connect(shape(from), shape(to), { gap: GAP });
    out.push(edge(ids, p));
    if (label) out.push(edgeLabel(p, label, { t, side: 'left', size: WFONT, offset: UV_OFFSET }));
  };
  up('x', 'h', weights[0]);
  // V a little above the middle of its edge: clear of W, which sits over the link left of h.
  if (lay.rows.includes('o')) up('h', 'o', weights[1], 0.6);
  if (lay.rows.includes('L')) {
    up('o', 'L');
    up('y', 'L');
  }
  return out;
}

function describe(p: RenderContext<typeof params>['params'], names: (r: Row, k: number | 'fold') => string, weights: string[]): { folded: string; unfolded: string } {
  const T = p.steps;
  const seq = (r: Row) => (T === 1 ? mathText(names(r, 0)) : T === 2 ? `${mathText(names(r, 0))} and ${mathText(names(r, 1))}` : `${mathText(names(r, 0))} … ${mathText(names(r, T - 1))}`);
  const w = (i: number) => (weights[i] ? ` through ${mathText(weights[i]!)}` : '');
  const fold = (r: Row) => mathText(names(r, 'fold'));
  const intro = `A recurrent neural network unrolled over ${T} time step${T === 1 ? '' : 's'}.`;
  const parts: string[] = [];
  let folded = '';
  if (p.folded) {
    folded = (
      `${intro} The folded graph: input ${fold('x')} feeds hidden state ${fold('h')}${w(0)}, and ${fold('h')} feeds back into itself${w(2)} with a delay of one time step (the square on the loop)` +
        (p.outputs ? `; ${fold('h')} produces output ${fold('o')}${w(1)}` : '') +
        (p.outputs && p.losses ? `; loss ${fold('L')} compares ${fold('o')} with target ${fold('y')}` : '') +
        `. An arrow labelled "${p.unfold}" leads to the unfolded graph.`
    );
  }
  parts.push(
    `${p.folded ? 'Unfolded' : `${intro} Unfolded`}: inputs ${seq('x')} feed hidden states ${seq('h')}${w(0)}; each hidden state passes to the next${w(2)}, the same weights at every step; dashed nodes at both ends stand for the steps before and after.` +
      (p.outputs ? ` Each hidden state produces an output (${seq('o')})${w(1)}.` : '') +
      (p.outputs && p.losses ? ` Each output is compared with its target (${seq('y')}) by a loss (${seq('L')}).` : ''),
  );
  if (p.bptt) {
    parts.push(
      `Backward arrows along the chain show the gradient flowing back through time from the last hidden state to the first; they fade by a factor of ${p.decay} per step, so the earliest steps receive the weakest signal.`,
    );
  }
  return { folded, unfolded: parts.join(' ') };
}

export default defineShortcode({
  name: 'rnn-unroll',
  summary: "An RNN's computational graph, folded and unfolded over time (Goodfellow et al., fig. 10.2/10.3), with optional losses and BPTT arrows.",
  params,
  inner: 'none',
  version: 4,
  render(ctx) {
    const p = ctx.params;
    let weights = p.weights;
    if (weights.length !== 0 && weights.length !== 3) {
      ctx.error(`weights takes 3 labels (input→hidden, hidden→output, hidden→hidden) or "" for none, got ${weights.length}: "${weights.join(',')}"`, { param: 'weights' });
      weights = ['U', 'V', 'W'];
    }
    let losses = p.losses;
    if (losses && !p.outputs) {
      ctx.error('losses=true needs outputs=true: the losses compare the outputs with the targets', { param: 'losses' });
      losses = false;
    }
    for (const k of ['input', 'hidden', 'output', 'loss', 'target'] as const) {
      if (p[k].trim() === '') ctx.error(`${k} must not be empty; it is the label of the ${k} nodes`, { param: k });
    }
    const base: Record<Row, string> = {
      x: p.input.trim() || 'x', h: p.hidden.trim() || 'h', o: p.output.trim() || 'o', L: p.loss.trim() || 'L', y: p.target.trim() || 'y',
    };
    const names = (r: Row, k: number | 'fold' | 'dots'): string =>
      k === 'fold' ? base[r] : braced(base[r], k === 'dots' ? '\\ldots' : stepIndex(k, p.steps, p.index), p.notation);

    // Room for the weight labels: W above the links between hidden states, U and V left of the verticals.
    const wWidth = weights[2] ? measureLabel(weights[2], WFONT).width : 0;
    const vWidth = Math.max(0, ...weights.slice(0, 2).map((w) => measureLabel(w, WFONT).width));
    const rows = rowsFor(p.outputs, losses, 0).rows;
    // One label size for every node (FONT, never shrunk), one radius: the one the widest label needs.
    const allLabels = [...rows.flatMap((r) => [base[r], ...Array.from({ length: p.steps }, (_, k) => names(r, k))]), names('h', 'dots')];
    const R = nodeRadius(allLabels);
    const COL = 2 * R + Math.max(LINK, wWidth + 14);
    const lay = rowsFor(p.outputs, losses, R);
    const hy = lay.y.h;
    const font = FONT;
    const desc = describe(p, (r, k) => names(r, k), weights);
    const title = figureTitle(ctx, p, `Recurrent neural network unrolled over ${p.steps} time step${p.steps === 1 ? '' : 's'}`);
    // Smallest text: the weight labels (WFONT) and their scripts, the node labels' scripts.
    const scripts = [...weights.filter((w) => /[_^]/.test(w)).map(() => WFONT * 0.72), ...(allLabels.some((l) => /[_^]/.test(l)) ? [FONT * 0.72] : [])];
    const minScale = legibleScale(weights.some(Boolean) || p.folded ? WFONT : FONT, Math.min(Infinity, ...scripts));

    // Folded graph: an SVG of its own, with the "Unfold" arrow pointing at the chain.
    let foldedSvg: string | undefined;
    if (p.folded) {
      const ids = createIds(`${ctx.idPrefix}-folded`);
      const body: Child[] = [];
      const fx = MARGIN + Math.max(R, vWidth + UV_OFFSET + 2);
      body.push(...column(ids, fx, lay, { x: base.x, h: base.h, o: base.o, L: base.L, y: base.y }, weights, font));
      const hShape = circle(fx, hy, R);
      // The self-loop leaves h to the lower right and re-enters at the upper right.
      const a = borderAt(hShape, 35, GAP);
      const b = borderAt(hShape, -35, GAP);
      const reach = 46;
      const loop: Path = cubic(a, { x: fx + R + reach, y: hy + 40 }, { x: fx + R + reach, y: hy - 40 }, b);
      body.push(edge(ids, loop));
      const mid = pointAt(loop, 0.5);
      body.push(delaySquare(mid, 9));
      if (weights[2]) body.push(mathLabel(weights[2], { x: mid.x + 10, y: mid.y, size: WFONT, anchor: 'start' }));
      // The "Unfold" arrow is a panel of its own (see below); the folded graph ends after its loop.
      const folded = Math.max(fx + R + reach, mid.x + (weights[2] ? 10 + wWidth : 0)) + MARGIN;
      foldedSvg = figureSvg({
        ids,
        width: folded,
        height: lay.height,
        title: `The folded graph${weights[2] ? `, with its delayed self-loop through ${mathText(weights[2])}` : ''}`,
        desc: desc.folded,
        class: 'hp-rnn-unroll hp-rnn-folded',
        body: [markerDefs(ids, ['ink']), ...body],
      });
    }

    // Unfolded chain: dashed node, steps, dashed node.
    const ids = createIds(ctx.idPrefix);
    const body: Child[] = [];
    const paints = new Set<'ink' | 'highlight'>(['ink']);
    const x0 = MARGIN + R;
    const T = p.steps;
    const cx = (k: number) => x0 + (k + 1) * COL; // k = -1 is the left dashed node, T the right one
    const hNode = (k: number): Shape => circle(cx(k), hy, R);
    body.push(node(hNode(-1), { label: names('h', 'dots'), dashed: true, labelSize: font, fit: false }));
    body.push(node(hNode(T), { label: names('h', 'dots'), dashed: true, labelSize: font, fit: false }));
    for (let k = 0; k < T; k++) {
      body.push(...column(ids, cx(k), lay, { x: names('x', k), h: names('h', k), o: names('o', k), L: names('L', k), y: names('y', k) }, weights, font));
    }
    for (let k = -1; k < T; k++) {
      const path = connect(hNode(k), hNode(k + 1), { gap: GAP });
      // The edges from and to the continuation nodes are dashed too, as in Goodfellow et al.'s fig. 10.2.
      body.push(edge(ids, path, { dashed: k === -1 || k === T - 1 }));
      // Over the link, higher than the arrowhead's half width: clear of it wherever the label ends.
      if (weights[2]) body.push(edgeLabel(path, weights[2], { side: 'left', size: WFONT, offset: HEAD_HALF_WIDTH + 2 }));
    }
    if (p.bptt) {
      paints.add('highlight');
      // The gradient enters at the last step and flows back to the first (and beyond, dashed node);
      // each step back multiplies it by `decay`, drawn as width and opacity.
      for (let k = T - 2; k >= -1; k--) {
        const strength = p.decay ** (T - 2 - k);
        const from = borderAt(hNode(k + 1), 135, GAP);
        const to = borderAt(hNode(k), 45, GAP);
        body.push(edge(ids, arc(from, to, 9), { paint: 'highlight', width: 1.2 + 2 * strength, opacity: round2(0.3 + 0.7 * strength) }));
      }
    }

    const width = cx(T) + R + MARGIN;
    const chainSvg = figureSvg({
      ids,
      width,
      height: lay.height,
      title: foldedSvg ? `Unfolded over ${T} time step${T === 1 ? '' : 's'}` : title,
      desc: desc.unfolded,
      class: 'hp-rnn-unroll',
      body: [markerDefs(ids, [...paints]), ...body],
    });
    // A chain too long to stay legible in a phone's column (more than about 5 steps) keeps its legible
    // width and scrolls sideways in the column (a named region the keyboard reaches), in any column too
    // narrow for it, instead of shrinking its labels (16 steps were drawn at 4.5 px on a phone).
    const chain = legibleScroller(chainSvg, { width, scale: minScale, label: foldedSvg ? `Unfolded over ${T} time step${T === 1 ? '' : 's'}` : title });
    const html = foldedSvg ? unfoldRow(ctx.idPrefix, p.unfold, foldedSvg, { svg: chain, width, minWidth: width * minScale }, hy, lay.height, title) : chain;
    return wrapFigure(ctx, html, { caption: p.caption, class: p.class });
  },
});

/** Horizontal gap between the panels of the folded/unfolded row, in CSS px. */
const ROW_GAP = 16;

/**
 * The folded graph, the "Unfold" arrow and the chain in one wrapping row. Side by side the arrow points
 * right, from the folded graph to the chain; when the column is too narrow for the three on one line
 * (a phone) a container query swaps it for an arrow pointing down, on a line of its own, so that the
 * folded graph, the arrow and the chain stack and the arrow still points at the chain. Without the
 * stylesheet (a feed reader) the right-pointing arrow stays.
 */
function unfoldRow(prefix: string, word: string, foldedSvg: string, chain: ShrinkPanel, hy: number, height: number, title: string): string {
  // The word may overhang its arrow by 4 units at each end.
  const len = Math.max(56, measureText(word, WFONT).width - 8);
  const across = createIds(`${prefix}-unfold`);
  const down = createIds(`${prefix}-unfold-down`);
  const [acrossId, downId] = [across.id('box'), down.id('box')];
  const aw = len + 2 * 8;
  // The row wraps when its three panels (the chain at its narrowest legible width) no longer fit on one
  // line; from there on the arrow points down. (Inside the SVG's own stylesheet, which applies to the page.)
  const oneLine = Math.ceil(parseSvgWidth(foldedSvg)) + Math.ceil(aw) + Math.ceil(Math.min(chain.minWidth, chain.width)) + 2 * ROW_GAP;
  const css = `@container (max-width: ${oneLine + 1.98}px){#${acrossId}{display:none}#${downId}{display:flex !important}}`;
  const acrossSvg = figureSvg({
    ids: across,
    width: aw,
    height,
    title: word,
    desc: 'An arrow from the folded graph to the unfolded graph.',
    class: 'hp-rnn-unroll hp-rnn-unfold',
    css,
    body: [
      markerDefs(across, ['ink']),
      edge(across, line({ x: 8, y: hy }, { x: 8 + len, y: hy }), { width: 2.4 }),
      plainLabel(word, { x: 8 + len / 2, y: hy - 14, size: WFONT, valign: 'baseline' }),
    ],
  });
  const wordWidth = measureText(word, WFONT).width;
  const downSvg = figureSvg({
    ids: down,
    width: 2 * (wordWidth + 30),
    height: 56,
    title: word,
    desc: 'An arrow from the folded graph above to the unfolded graph below.',
    class: 'hp-rnn-unroll hp-rnn-unfold',
    body: [
      markerDefs(down, ['ink']),
      edge(down, line({ x: wordWidth + 30, y: 4 }, { x: wordWidth + 30, y: 52 }), { width: 2.4 }),
      plainLabel(word, { x: wordWidth + 30 + 12, y: 28, size: WFONT, anchor: 'start', valign: 'middle' }),
    ],
  });
  return panelRow(
    [
      foldedSvg,
      `<div id="${acrossId}" class="hp-unfold-across">${acrossSvg}</div>`,
      `<div id="${downId}" class="hp-unfold-down" style="display:none;flex-basis:100%;justify-content:center">${downSvg}</div>`,
      chain,
    ],
    // In a box that sizes itself to its content, the row claims the width of its panels stacked (the
    // chain at its narrowest legible width): legible, and no wider than a phone's column needs.
    { label: title, gap: `8px ${ROW_GAP}px`, container: { intrinsicWidth: Math.max(parseSvgWidth(foldedSvg), parseSvgWidth(downSvg), Math.min(chain.minWidth, chain.width)) } },
  );
}

/** The width attribute figureSvg wrote (it may round up to contain every label). */
function parseSvgWidth(svg: string): number {
  const m = /^<svg[^>]* width="([0-9.]+)"/.exec(svg);
  if (!m) throw new Error('figureSvg output without a width');
  return Number(m[1]);
}
