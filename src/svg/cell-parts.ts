/**
 * Parts for drawing recurrent cells in the style of colah's "Understanding LSTM Networks": orthogonal
 * wires that may hop over each other, junction dots where wires split, pointwise-operation nodes (×, +,
 * 1−) drawn as geometry rather than glyphs so they are centred exactly in every font, layer boxes (σ,
 * tanh), and "highlight" layers that dim everything but one part of the cell for step-by-step
 * walkthroughs. Built on shapes.ts (markers, nodes) and geometry.ts (paths, trimming).
 */
import { el, fragment, raw, type Attrs, type Markup } from './elements.js';
import { fmt } from './format.js';
import type { Point } from './geometry.js';
import { type Ids } from './ids.js';
import { labelBox, mathLabel, type Box } from './math.js';
import { HEAD_LENGTH, STROKE, markerName, node } from './shapes.js';
import { ACCENTS, TINT_OPACITY, type Tone } from './theme.js';
import { rect } from './geometry.js';

/** Radius of a pointwise-operation node. */
export const OP_RADIUS = 11;
/** Radius of the semicircle a wire draws where it hops over another. */
export const HOP_RADIUS = 5;
/** The arrowhead overlaps the line end by this much (shapes.ts draws lines short by the same amount). */
const HEAD_CUT = HEAD_LENGTH * 0.6;

export interface WireOptions {
  /** Arrowhead at the last point (default true). */
  arrow?: boolean;
  /** Points on the wire where it crosses another wire and should hop over it (a small semicircle). */
  hops?: readonly Point[];
  width?: number;
  class?: string;
}

const P = (p: Point) => `${fmt(p.x)},${fmt(p.y)}`;

/**
 * SVG path data for an orthogonal polyline through `pts`, with a semicircular hop at each point of
 * `hops` that lies on one of its segments (hops bulge up on horizontal segments, left on vertical ones).
 */
export function wirePathData(pts: readonly Point[], hops: readonly Point[] = []): string {
  let d = `M${P(pts[0]!)}`;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const horizontal = a.y === b.y;
    const along = (p: Point) => (horizontal ? p.x - a.x : p.y - a.y);
    const total = horizontal ? b.x - a.x : b.y - a.y;
    const dir = Math.sign(total);
    const onSeg = hops
      .filter((h) => (horizontal ? h.y === a.y : h.x === a.x))
      .filter((h) => {
        const s = along(h) * dir;
        return s > HOP_RADIUS && s < Math.abs(total) - HOP_RADIUS;
      })
      .sort((h1, h2) => (along(h1) - along(h2)) * dir);
    for (const h of onSeg) {
      const before = horizontal ? { x: h.x - dir * HOP_RADIUS, y: h.y } : { x: h.x, y: h.y - dir * HOP_RADIUS };
      const after = horizontal ? { x: h.x + dir * HOP_RADIUS, y: h.y } : { x: h.x, y: h.y + dir * HOP_RADIUS };
      // Sweep so the bulge points up (y−) on horizontal wires and left (x−) on vertical ones.
      const sweep = horizontal ? (dir > 0 ? 1 : 0) : dir > 0 ? 0 : 1;
      d += `L${P(before)}A${fmt(HOP_RADIUS)},${fmt(HOP_RADIUS)} 0 0 ${sweep} ${P(after)}`;
    }
    d += `L${P(b)}`;
  }
  return d;
}

/** An ink wire through `pts` (axis-parallel segments), ending in an arrowhead unless `arrow: false`. */
export function wire(ids: Ids, pts: readonly Point[], o: WireOptions = {}): Markup {
  const arrow = o.arrow ?? true;
  const drawn = pts.slice();
  if (arrow) {
    // Stop the line short so the arrowhead's tip, not the line's butt end, lands on the last point.
    const n = drawn.length;
    const a = drawn[n - 2]!;
    const b = drawn[n - 1]!;
    const l = Math.hypot(b.x - a.x, b.y - a.y);
    drawn[n - 1] = { x: b.x - ((b.x - a.x) / l) * HEAD_CUT, y: b.y - ((b.y - a.y) / l) * HEAD_CUT };
  }
  return el('path', {
    class: o.class,
    d: wirePathData(drawn, o.hops),
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': o.width ?? STROKE,
    'stroke-linejoin': 'round',
    'marker-end': arrow ? ids.url(markerName('ink')) : undefined,
  });
}

/** A filled dot where a wire splits in two (distinguishes a branch from a crossing). */
export function junction(at: Point, r = 2.8): Markup {
  return el('circle', { cx: at.x, cy: at.y, r, fill: 'currentColor' });
}

export type PointwiseOp = 'times' | 'plus' | 'oneminus';

function toneAttrs(tone: Tone): Attrs {
  return {
    class: `hp-stroke-${tone} hp-tint-${tone}`,
    stroke: ACCENTS[tone].light,
    fill: ACCENTS[tone].light,
    'fill-opacity': TINT_OPACITY,
  };
}

/**
 * A pointwise operation: a tinted circle with × or + drawn as two strokes, or a small rounded box
 * reading "1−" (the GRU's complement of the update gate).
 */
export function pointwise(at: Point, op: PointwiseOp, tone: Tone = 'highlight'): Markup {
  if (op === 'oneminus') {
    return fragment(
      el('rect', { ...toneAttrs(tone), x: at.x - 14, y: at.y - 9, width: 28, height: 18, rx: 9, 'stroke-width': STROKE }),
      mathLabel('1-', { x: at.x, y: at.y, size: 13 }),
    );
  }
  const k = op === 'plus' ? 6 : 6 / Math.SQRT2 + 0.6;
  const bars =
    op === 'plus'
      ? `M${fmt(at.x - k)},${fmt(at.y)}H${fmt(at.x + k)}M${fmt(at.x)},${fmt(at.y - k)}V${fmt(at.y + k)}`
      : `M${fmt(at.x - k)},${fmt(at.y - k)}L${fmt(at.x + k)},${fmt(at.y + k)}M${fmt(at.x - k)},${fmt(at.y + k)}L${fmt(at.x + k)},${fmt(at.y - k)}`;
  return fragment(
    el('circle', { ...toneAttrs(tone), cx: at.x, cy: at.y, r: OP_RADIUS, 'stroke-width': STROKE }),
    el('path', { d: bars, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8, 'stroke-linecap': 'round' }),
  );
}

/** Where the edge of a pointwise node is, from its centre towards a neighbouring point (axis-aligned). */
export function opEdge(at: Point, toward: Point, op: PointwiseOp = 'times'): Point {
  const dx = Math.sign(toward.x - at.x);
  const dy = Math.sign(toward.y - at.y);
  if (op === 'oneminus') return { x: at.x + dx * 14, y: at.y + dy * 9 };
  return { x: at.x + dx * OP_RADIUS, y: at.y + dy * OP_RADIUS };
}

/** Size of a neural-network layer box (σ, tanh). */
export const LAYER_W = 46;
export const LAYER_H = 28;

/** A neural-network layer: a tinted box with its activation (`\sigma`, `\tanh`). */
export function layer(at: Point, label: string, tone: Tone = 'gate'): Markup {
  return node(rect(at.x, at.y, LAYER_W, LAYER_H, 4), { tone, label, labelSize: 15 });
}

/** A pointwise nonlinearity on a wire (colah's tanh ellipse). */
export function pointwiseEllipse(at: Point, label: string, tone: Tone = 'highlight', rx = 22, ry = 13): Markup {
  return fragment(
    el('ellipse', { ...toneAttrs(tone), cx: at.x, cy: at.y, rx, ry, 'stroke-width': STROKE }),
    mathLabel(label, { x: at.x, y: at.y, size: 14 }),
  );
}

/** Opacity of the shapes a `highlight=` walkthrough figure pushes into the background. */
export const DIM_OPACITY = 0.22;
/**
 * Opacity of the labels among them: at DIM_OPACITY they fell to 1.6–1.9:1 against the page; at this one
 * they keep 3:1 on light and dark pages alike (tests/browser/plot-reading.test.ts measures it), still
 * plainly fainter than the highlighted part's.
 */
export const DIM_TEXT_OPACITY = 0.55;

const DIM_SHAPES = /<(path|rect|circle|ellipse|line|polyline|polygon|use|text)\b([^>]*?)(\/?)>/g;

/**
 * Dims drawn parts: an `opacity` on each shape and label rather than on their group, since a label in a
 * group at DIM_OPACITY cannot be made more opaque than it. Presentation attributes, so renderers without
 * CSS dim them too.
 */
function dimmed(m: Markup): Markup {
  return raw(
    m.html.replace(DIM_SHAPES, (_, tag: string, attrs: string, close: string) => {
      const o = tag === 'text' ? DIM_TEXT_OPACITY : DIM_OPACITY;
      const own = /\sopacity="([\d.]+)"/.exec(attrs);
      const rest = own ? attrs.replace(own[0], '') : attrs;
      return `<${tag}${rest} opacity="${fmt(o * (own ? Number(own[1]) : 1))}"${close}>`;
    }),
  );
}

/**
 * Partitions drawn parts into the highlighted ones and the rest, layer by layer, so wires stay under
 * nodes and labels on top; the rest is wrapped in one dimmed group per layer. `active` undefined draws
 * everything normally.
 */
export function layered<G extends string>(
  layers: readonly (readonly { groups: readonly G[]; markup: Markup }[])[],
  active: G | undefined,
): Markup {
  const out: Markup[] = [];
  for (const parts of layers) {
    if (active === undefined) {
      out.push(fragment(...parts.map((p) => p.markup)));
      continue;
    }
    const dim = parts.filter((p) => !p.groups.includes(active));
    const on = parts.filter((p) => p.groups.includes(active));
    if (dim.length) out.push(el('g', { class: 'hp-dim' }, ...dim.map((p) => dimmed(p.markup))));
    out.push(fragment(...on.map((p) => p.markup)));
  }
  return fragment(...out);
}

/** A label and the box it occupies, so layouts can be checked for overlaps before any browser sees them. */
export interface PlacedLabel {
  tex: string;
  x: number;
  y: number;
  size: number;
  anchor: 'start' | 'middle' | 'end';
}

export function placedLabel(l: PlacedLabel, cls?: string): Markup {
  return mathLabel(l.tex, { x: l.x, y: l.y, size: l.size, anchor: l.anchor, class: cls });
}

export function placedBox(l: PlacedLabel): Box {
  return labelBox(l.tex, { x: l.x, y: l.y, size: l.size, anchor: l.anchor });
}

/** The rounded frame of a cell diagram (lstm-cell, gru-cell): a faint fill and outline in the text colour. */
export function cellFrame(x: number, y: number, width: number, height: number): Markup {
  return el('rect', {
    class: 'hp-node',
    x,
    y,
    width,
    height,
    rx: 16,
    fill: 'currentColor',
    'fill-opacity': 0.06,
    stroke: 'currentColor',
    'stroke-opacity': 0.35,
    'stroke-width': 1.2,
  });
}
