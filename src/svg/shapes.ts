/**
 * Diagram building blocks on top of elements/geometry/math: arrowhead markers (defined once per SVG,
 * page-unique ids), nodes (circles and boxes with a centred math label), edges (straight, orthogonal,
 * curved) with arrowheads that touch their target, and edge labels placed beside the path.
 *
 * Colours are never literal black/white: strokes are `currentColor` or an accent (`tone`), node
 * backgrounds `currentColor` or the accent at low opacity. Each element carries presentation attributes
 * with a working default (for librsvg/sharp) and a class that the theme stylesheet (theme.ts) maps to the
 * CSS custom properties.
 */
import { el, fragment, type Attrs, type Markup } from './elements.js';
import { type Ids } from './ids.js';
import { ACCENTS, FILL_OPACITY, TINT_OPACITY, type Tone } from './theme.js';
import { labelBox, labelFontBox, mathLabel, measureLabel, type Box } from './math.js';
import {
  add, borderPoint, centre, mul, normalAt, pathData, pointAt, trim, unit, sub,
  type Path, type Point, type Shape,
} from './geometry.js';

/** 'ink' is the text colour (currentColor); the others are theme accents. */
export type Paint = Tone | 'ink';

export const STROKE = 1.6;
/** Arrowhead length and half-width in user units. */
export const HEAD_LENGTH = 9;
export const HEAD_HALF_WIDTH = 4;
/**
 * How much of the arrowhead overlaps the end of the line. The line stops this far before the tip so its
 * butt end never pokes out beside the narrow tip; the marker is shifted to compensate.
 */
const HEAD_OVERLAP = 0.6;

function strokeAttrs(paint: Paint): Attrs {
  return paint === 'ink'
    ? { stroke: 'currentColor' }
    : { stroke: ACCENTS[paint].light, class: `hp-stroke-${paint}` };
}
function fillAttrs(paint: Paint): Attrs {
  return paint === 'ink' ? { fill: 'currentColor' } : { fill: ACCENTS[paint].light, class: `hp-fill-${paint}` };
}

/** The marker id name for a paint: `marker-arrow-ink`, `marker-arrow-input`, … */
export function markerName(paint: Paint = 'ink'): string {
  return `marker-arrow-${paint}`;
}

/**
 * `<defs>` with one arrowhead marker per paint. Markers take their colour from the marker's own
 * ancestors (not from the line using it), so each colour needs its own marker.
 */
export function markerDefs(ids: Ids, paints: readonly Paint[] = ['ink']): Markup {
  const uniq = [...new Set(paints)];
  return el(
    'defs',
    {},
    ...uniq.map((p) =>
      el(
        'marker',
        {
          id: ids.id(markerName(p)),
          markerUnits: 'userSpaceOnUse',
          markerWidth: HEAD_LENGTH,
          markerHeight: HEAD_HALF_WIDTH * 2,
          orient: 'auto-start-reverse',
          refX: HEAD_LENGTH * (1 - HEAD_OVERLAP),
          refY: HEAD_HALF_WIDTH,
          viewBox: `0 0 ${HEAD_LENGTH} ${HEAD_HALF_WIDTH * 2}`,
        },
        el('path', { d: `M0,0L${HEAD_LENGTH},${HEAD_HALF_WIDTH}L0,${HEAD_HALF_WIDTH * 2}z`, ...fillAttrs(p) }),
      ),
    ),
  );
}

export interface NodeOptions {
  /** Accent: stroke in the accent colour and a tinted background. Default: ink stroke, neutral fill. */
  tone?: Tone;
  /** Dashed outline (Goodfellow's h^{(…)} continuation nodes). */
  dashed?: boolean;
  /** TeX-like label centred in the node. */
  label?: string;
  labelSize?: number;
  /**
   * Shrink the label (to at most 40% smaller) when its estimated width exceeds the node's inner width
   * (circle: 2r − 10, box: w − 8). Default true.
   */
  fit?: boolean;
  strokeWidth?: number;
  class?: string;
  /** Fill the node solidly with its accent (Karpathy's boxes) instead of a tint. */
  solid?: boolean;
}

/** A node outline with its label. */
export function node(shape: Shape, o: NodeOptions = {}): Markup {
  const tone = o.tone;
  const stroke: Attrs = tone ? { stroke: ACCENTS[tone].light } : { stroke: 'currentColor' };
  const fill: Attrs = tone
    ? o.solid
      ? { fill: ACCENTS[tone].light, 'fill-opacity': 0.85 }
      : { fill: ACCENTS[tone].light, 'fill-opacity': TINT_OPACITY }
    : { fill: 'currentColor', 'fill-opacity': FILL_OPACITY };
  const classes = [
    tone ? `hp-stroke-${tone}` : undefined,
    tone ? (o.solid ? `hp-fill-${tone}` : `hp-tint-${tone}`) : 'hp-node',
    o.class,
  ].filter(Boolean).join(' ');
  const common: Attrs = {
    class: classes,
    ...stroke,
    ...fill,
    'stroke-width': o.strokeWidth ?? STROKE,
    'stroke-dasharray': o.dashed ? '4 3' : undefined,
  };
  const outline =
    shape.kind === 'circle'
      ? el('circle', { ...common, cx: shape.cx, cy: shape.cy, r: shape.r })
      : el('rect', { ...common, x: shape.cx - shape.w / 2, y: shape.cy - shape.h / 2, width: shape.w, height: shape.h, rx: shape.rx || undefined });
  let size = o.labelSize ?? 16;
  if (o.label && o.fit !== false) {
    const avail = shape.kind === 'circle' ? 2 * shape.r - 10 : shape.w - 8;
    const w = measureLabel(o.label, size).width;
    if (w > avail) size = Math.max(size * 0.6, (size * avail) / w);
  }
  return fragment(outline, o.label !== undefined && o.label !== '' ? mathLabel(o.label, { x: shape.cx, y: shape.cy, size }) : null);
}

export interface EdgeOptions {
  /** Where arrowheads go (default 'end'). */
  arrow?: 'end' | 'start' | 'both' | 'none';
  paint?: Paint;
  dashed?: boolean;
  width?: number;
  opacity?: number;
  class?: string;
}

/**
 * Draws a path with arrowheads; the path should end exactly where the arrow tip must be (use
 * `connect` to get such a path between two nodes). Uses the markers from `markerDefs(ids, [paint])`.
 */
export function edge(ids: Ids, path: Path, o: EdgeOptions = {}): Markup {
  const arrow = o.arrow ?? 'end';
  const paint = o.paint ?? 'ink';
  const atStart = arrow === 'start' || arrow === 'both';
  const atEnd = arrow === 'end' || arrow === 'both';
  const cut = HEAD_LENGTH * HEAD_OVERLAP;
  const drawn = trim(path, atStart ? cut : 0, atEnd ? cut : 0);
  const s = strokeAttrs(paint);
  return el('path', {
    class: [s.class as string | undefined, o.class].filter(Boolean).join(' ') || undefined,
    d: pathData(drawn),
    fill: 'none',
    stroke: s.stroke,
    'stroke-width': o.width ?? STROKE,
    'stroke-dasharray': o.dashed ? '5 4' : undefined,
    'stroke-linecap': 'butt',
    opacity: o.opacity,
    'marker-start': atStart ? ids.url(markerName(paint)) : undefined,
    'marker-end': atEnd ? ids.url(markerName(paint)) : undefined,
  });
}

/**
 * A path from one node's border to another's: straight, or an arc bending `bend` units to the left of
 * the direction of travel. `gap` keeps the ends off the outlines.
 */
export function connect(from: Shape, to: Shape, o: { bend?: number; gap?: number; gapStart?: number; gapEnd?: number } = {}): Path {
  const g0 = o.gapStart ?? o.gap ?? 3;
  const g1 = o.gapEnd ?? o.gap ?? 3;
  const bend = o.bend ?? 0;
  const c0 = centre(from);
  const c1 = centre(to);
  if (bend === 0) return { kind: 'line', a: borderPoint(from, c1, g0), b: borderPoint(to, c0, g1) };
  const m = mul(add(c0, c1), 0.5);
  const d = unit(sub(c1, c0));
  const ctrl = add(m, mul({ x: d.y, y: -d.x }, bend * 2));
  return { kind: 'quad', a: borderPoint(from, ctrl, g0), c: ctrl, b: borderPoint(to, ctrl, g1) };
}

export interface EdgeLabelOptions {
  /** Position along the path, 0..1 (default 0.5). */
  t?: number;
  /** Which side of the direction of travel (default 'left'). */
  side?: 'left' | 'right';
  /** Clearance between the path and the nearest point of the label's box (default 5). */
  offset?: number;
  size?: number;
  class?: string;
}

/**
 * Where an edge label goes: its box is pushed along the path's normal until the box's nearest corner or
 * side is `offset` away from the path point, so labels never sit on their own edge whatever its angle.
 */
export function edgeLabelAnchor(path: Path, text: string, o: EdgeLabelOptions = {}): Point {
  const t = o.t ?? 0.5;
  const p = pointAt(path, t);
  let n = normalAt(path, t);
  if (o.side === 'right') n = mul(n, -1);
  const size = o.size ?? 16;
  // The label's font box (what a browser reports, taller than the ink) around its anchor at 0,0: how far
  // it reaches back towards the path, i.e. its support function in direction -n.
  const b = labelFontBox(text, { x: 0, y: 0, size });
  const reach = Math.max(-n.x * b.x0, -n.x * b.x1) + Math.max(-n.y * b.y0, -n.y * b.y1);
  return add(p, mul(n, reach + (o.offset ?? 5)));
}

export function edgeLabel(path: Path, text: string, o: EdgeLabelOptions = {}): Markup {
  const at = edgeLabelAnchor(path, text, o);
  return mathLabel(text, { x: at.x, y: at.y, size: o.size ?? 16, class: o.class });
}

/** Box of an edge label (for tests and collision checks). */
export function edgeLabelBox(path: Path, text: string, o: EdgeLabelOptions = {}): Box {
  const at = edgeLabelAnchor(path, text, o);
  return labelBox(text, { x: at.x, y: at.y, size: o.size ?? 16 });
}

/** A small filled square centred on a point: Goodfellow's one-time-step delay on a recurrent edge. */
export function delaySquare(at: Point, size = 8, paint: Paint = 'ink'): Markup {
  return el('rect', { ...fillAttrs(paint), x: at.x - size / 2, y: at.y - size / 2, width: size, height: size });
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
