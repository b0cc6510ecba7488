/**
 * Plane geometry for diagrams: node outlines, where an edge meets a node's border, and edge paths that
 * can be sampled (for label placement) and trimmed (so arrowheads touch, not overlap, their target).
 */
import { fmt } from './format.js';

export interface Point {
  x: number;
  y: number;
}

/** A node's outline; rectangles are given by their centre. */
export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; cx: number; cy: number; w: number; h: number; rx?: number };

export const circle = (cx: number, cy: number, r: number): Shape => ({ kind: 'circle', cx, cy, r });
export const rect = (cx: number, cy: number, w: number, h: number, rx = 0): Shape => ({ kind: 'rect', cx, cy, w, h, rx });

export function centre(s: Shape): Point {
  return { x: s.cx, y: s.cy };
}

const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const mul = (a: Point, k: number): Point => ({ x: a.x * k, y: a.y * k });
const len = (a: Point): number => Math.hypot(a.x, a.y);
export function unit(a: Point): Point {
  const l = len(a);
  return l === 0 ? { x: 1, y: 0 } : mul(a, 1 / l);
}
export { add, sub, mul, len };

/**
 * The point where the ray from the shape's centre towards `toward` leaves the outline, pushed `gap`
 * further out (so strokes and arrowheads do not touch the node).
 */
export function borderPoint(s: Shape, toward: Point, gap = 0): Point {
  const d = unit(sub(toward, centre(s)));
  let t: number;
  if (s.kind === 'circle') t = s.r;
  else {
    // Distance along d to the rectangle's edge (rounded corners ignored: gap absorbs the difference).
    const tx = d.x === 0 ? Infinity : s.w / 2 / Math.abs(d.x);
    const ty = d.y === 0 ? Infinity : s.h / 2 / Math.abs(d.y);
    t = Math.min(tx, ty);
  }
  return add(centre(s), mul(d, t + gap));
}

/** A point on the outline at an angle (degrees, 0 = east, 90 = south: SVG's y points down). */
export function borderAt(s: Shape, deg: number, gap = 0): Point {
  const a = (deg * Math.PI) / 180;
  return borderPoint(s, { x: s.cx + Math.cos(a) * 100, y: s.cy + Math.sin(a) * 100 }, gap);
}

/** An edge path: straight, a polyline (orthogonal routes), a quadratic or a cubic Bézier. */
export type Path =
  | { kind: 'line'; a: Point; b: Point }
  | { kind: 'poly'; pts: Point[] }
  | { kind: 'quad'; a: Point; c: Point; b: Point }
  | { kind: 'cubic'; a: Point; c1: Point; c2: Point; b: Point };

export const line = (a: Point, b: Point): Path => ({ kind: 'line', a, b });
export const poly = (pts: Point[]): Path => ({ kind: 'poly', pts });
/** A quadratic arc from a to b whose control point sits `bend` units to the left of the chord (negative: right). */
export function arc(a: Point, b: Point, bend: number): Path {
  const m = mul(add(a, b), 0.5);
  const d = unit(sub(b, a));
  const n = { x: d.y, y: -d.x }; // left of the direction of travel, with y down
  return { kind: 'quad', a, c: add(m, mul(n, bend * 2)), b };
}
export const cubic = (a: Point, c1: Point, c2: Point, b: Point): Path => ({ kind: 'cubic', a, c1, c2, b });

const P = (p: Point) => `${fmt(p.x)},${fmt(p.y)}`;

/** SVG path data. */
export function pathData(p: Path): string {
  switch (p.kind) {
    case 'line': return `M${P(p.a)}L${P(p.b)}`;
    case 'poly': return `M${p.pts.map(P).join('L')}`;
    case 'quad': return `M${P(p.a)}Q${P(p.c)} ${P(p.b)}`;
    case 'cubic': return `M${P(p.a)}C${P(p.c1)} ${P(p.c2)} ${P(p.b)}`;
  }
}

function polyLength(pts: Point[]): number {
  let l = 0;
  for (let i = 1; i < pts.length; i++) l += len(sub(pts[i]!, pts[i - 1]!));
  return l;
}

/** The point at parameter t ∈ [0, 1] (arc-length for lines and polylines, Bézier parameter otherwise). */
export function pointAt(p: Path, t: number): Point {
  switch (p.kind) {
    case 'line': return add(p.a, mul(sub(p.b, p.a), t));
    case 'poly': {
      let rest = polyLength(p.pts) * t;
      for (let i = 1; i < p.pts.length; i++) {
        const seg = len(sub(p.pts[i]!, p.pts[i - 1]!));
        if (rest <= seg || i === p.pts.length - 1) return add(p.pts[i - 1]!, mul(unit(sub(p.pts[i]!, p.pts[i - 1]!)), Math.min(rest, seg)));
        rest -= seg;
      }
      return p.pts[0]!;
    }
    case 'quad': {
      const u = 1 - t;
      return add(add(mul(p.a, u * u), mul(p.c, 2 * u * t)), mul(p.b, t * t));
    }
    case 'cubic': {
      const u = 1 - t;
      return add(add(mul(p.a, u * u * u), mul(p.c1, 3 * u * u * t)), add(mul(p.c2, 3 * u * t * t), mul(p.b, t * t * t)));
    }
  }
}

/** Unit tangent (direction of travel) at t. */
export function tangentAt(p: Path, t: number): Point {
  const e = 1e-3;
  return unit(sub(pointAt(p, Math.min(1, t + e)), pointAt(p, Math.max(0, t - e))));
}

/** Unit normal on the left of the direction of travel (y down: "left" of east is north). */
export function normalAt(p: Path, t: number): Point {
  const d = tangentAt(p, t);
  return { x: d.y, y: -d.x };
}

function moveEnd(end: Point, from: Point, by: number): Point {
  return add(end, mul(unit(sub(from, end)), by));
}

/** Shortens a path by `start` units at its start and `end` units at its end, keeping its end tangents. */
export function trim(p: Path, start: number, end: number): Path {
  switch (p.kind) {
    case 'line': return { kind: 'line', a: moveEnd(p.a, p.b, start), b: moveEnd(p.b, p.a, end) };
    case 'poly': {
      const pts = p.pts.slice();
      const n = pts.length;
      pts[0] = moveEnd(pts[0]!, pts[1]!, start);
      pts[n - 1] = moveEnd(pts[n - 1]!, pts[n - 2]!, end);
      return { kind: 'poly', pts };
    }
    case 'quad': return { kind: 'quad', a: moveEnd(p.a, p.c, start), c: p.c, b: moveEnd(p.b, p.c, end) };
    case 'cubic': {
      const a = moveEnd(p.a, p.c1, start);
      const b = moveEnd(p.b, p.c2, end);
      return { kind: 'cubic', a, c1: add(p.c1, sub(a, p.a)), c2: add(p.c2, sub(b, p.b)), b };
    }
  }
}
