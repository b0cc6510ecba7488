/**
 * Math-like labels as plain SVG text: `mathLabel('h_{t-1}', { x, y })` gives
 * `<text class="hp-math" …><tspan font-style="italic">h</tspan><tspan dy="4.48" font-size="11.52">t−1</tspan></text>`.
 *
 * Typesetting rules (a small subset of TeX's): single-letter variables and lower-case Greek italic;
 * digits, operators, upper-case Greek and function names (\tanh) upright; subscripts and superscripts
 * at 72% (then 58%) size, shifted with `dy` (not `baseline-shift`, which Firefox and librsvg ignore);
 * binary operators and relations get TeX-like spacing at the outer level. No `<foreignObject>`, so the
 * SVG also rasterises with sharp.
 */
import { el, type Attrs, type Markup } from './elements.js';
import { charAdvance, FONT_BOX_ASCENT, FONT_BOX_DESCENT, measureText, servedSansCovers, type TextSize } from './metrics.js';
import { FONT_CAL, FONT_MATH, FONT_SYS } from './theme.js';
import { parseMath, type MathNode, type MathRole, type MathStyle } from './math-parse.js';

export { parseMath, type MathNode, type MathRole, type MathStyle } from './math-parse.js';

/** One positioned piece of text: sizes and offsets in em of the label's font size. */
export interface MathRun {
  text: string;
  style: MathStyle;
  /** Relative font size: 1, 0.72 (first script level), 0.58 (deeper). */
  scale: number;
  /** Baseline shift, positive = up. */
  shift: number;
  /** Extra horizontal space before this run. */
  dx: number;
}

const SCRIPT_SCALE = [1, 0.72, 0.58];
const SUP_RAISE = 0.4;
const SUB_DROP = 0.2;
const SUB_DROP_WITH_SUP = 0.28;
const BIN_SPACE = 0.22;
const REL_SPACE = 0.28;

function runWidth(r: MathRun): number {
  let w = 0;
  for (const ch of r.text) w += charAdvance(ch, { font: 'serif', italic: r.style === 'italic' || r.style === 'bolditalic', bold: r.style === 'bold' || r.style === 'bolditalic', cal: r.style === 'cal' });
  return w * r.scale + r.dx;
}

function flatRole(nodes: MathNode[], idx: number): MathRole | undefined {
  const n = nodes[idx];
  if (!n) return undefined;
  if (n.kind === 'sym') return n.role;
  if (n.kind === 'space') return undefined;
  return 'ord';
}

/** Lays out parsed nodes into runs. */
export function layoutMath(nodes: MathNode[]): MathRun[] {
  const runs: MathRun[] = [];
  let pendingDx = 0;
  const push = (text: string, style: MathStyle, scale: number, shift: number) => {
    runs.push({ text, style, scale, shift, dx: pendingDx });
    pendingDx = 0;
  };
  const widthOf = (from: number) => runs.slice(from).reduce((w, r) => w + runWidth(r), 0);

  const walk = (list: MathNode[], level: number, shift: number) => {
    const scale = SCRIPT_SCALE[Math.min(level, 2)]!;
    list.forEach((node, i) => {
      switch (node.kind) {
        case 'space':
          pendingDx += node.em * scale;
          return;
        case 'group':
          walk(node.children, level, shift);
          return;
        case 'scripts': {
          walk([node.base], level, shift);
          const italicBase = node.base.kind === 'sym' && node.base.style === 'italic';
          if (node.sup && node.sub) {
            // Stack: superscript, then move back and set the subscript under it.
            pendingDx += italicBase ? 0.06 * scale : 0;
            const a = runs.length;
            walk([node.sup], level + 1, shift + SUP_RAISE * scale);
            const supW = widthOf(a);
            pendingDx -= supW - (italicBase ? 0.06 * scale : 0);
            const b = runs.length;
            walk([node.sub], level + 1, shift - SUB_DROP_WITH_SUP * scale);
            const subW = widthOf(b) - (runs[b]?.dx ?? 0);
            if (supW > subW) pendingDx += supW - subW - (italicBase ? 0.06 * scale : 0);
          } else if (node.sup) {
            pendingDx += italicBase ? 0.06 * scale : 0;
            walk([node.sup], level + 1, shift + SUP_RAISE * scale);
          } else if (node.sub) {
            walk([node.sub], level + 1, shift - SUB_DROP * scale);
          }
          return;
        }
        case 'sym': {
          let role = node.role;
          const prev = flatRole(list, i - 1);
          const next = flatRole(list, i + 1);
          // A binary operator with nothing (or an operator) on its left is unary: no spacing (−x).
          if (role === 'bin' && (prev === undefined || prev === 'bin' || prev === 'rel' || prev === 'open' || prev === 'punct' || next === undefined)) role = 'ord';
          const outer = level === 0;
          if (outer && role === 'bin') pendingDx += BIN_SPACE;
          if (outer && role === 'rel' && prev !== undefined) pendingDx += REL_SPACE;
          push(node.text, node.style, scale, shift);
          if (outer && role === 'bin') pendingDx += BIN_SPACE;
          if (outer && role === 'rel' && next !== undefined) pendingDx += REL_SPACE;
          if (role === 'punct' && next !== undefined) pendingDx += (outer ? 0.17 : 0.08) * scale;
          if (role === 'op' && next !== undefined && next !== 'open') pendingDx += 0.17 * scale;
          return;
        }
      }
    });
  };
  walk(nodes, 0, 0);
  return runs;
}

const ASCENDING = /[A-Z0-9bdfhklt()[\]{}|/∂βδζθλξϑℓ√∑∏∇⊙⊕⊗ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ′!?]|[\u0300-\u036f\u20d0-\u20ff]|[À-ÿ]/;
const DESCENDING = /[gjpqy()[\]{}|,;βγζημξρςφϕχψ∫]/;

/** Size of a laid-out label at `fontSize`: advance width and the ink extent above/below the baseline. */
export function measureRuns(runs: MathRun[], fontSize: number): TextSize {
  let width = 0;
  let ascent = 0;
  let descent = 0;
  for (const r of runs) {
    width += runWidth(r);
    const top = r.shift + r.scale * (ASCENDING.test(r.text) ? 0.72 : 0.47);
    const bottom = -r.shift + r.scale * (DESCENDING.test(r.text) ? 0.22 : 0.01);
    ascent = Math.max(ascent, top);
    descent = Math.max(descent, bottom);
  }
  return { width: width * fontSize, ascent: ascent * fontSize, descent: descent * fontSize };
}

/** Estimated size of a math label (see metrics.ts for how approximate this is). */
export function measureLabel(src: string, fontSize: number): TextSize {
  return measureRuns(layoutMath(parseMath(src)), fontSize);
}

export interface MathLabelOptions {
  x: number;
  y: number;
  /** Font size in user units (default 16). */
  size?: number;
  /** Horizontal anchor (default 'middle'). */
  anchor?: 'start' | 'middle' | 'end';
  /** 'middle' (default) centres the ink box vertically on y; 'baseline' puts the baseline at y. */
  valign?: 'middle' | 'baseline';
  /** Extra classes, e.g. 'hp-fill-input' to colour the label with an accent. */
  class?: string;
  /** Extra attributes on the <text> element. */
  attrs?: Attrs;
}

/** The box a label occupies, in user units (for layout and overlap checks). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function baselineOf(size: TextSize, o: MathLabelOptions): number {
  return o.valign === 'baseline' ? o.y : o.y + (size.ascent - size.descent) / 2;
}

/**
 * The box a browser reports for the label (getBBox): `labelBox`'s width, but the font's full ascent and
 * descent at every script level instead of the ink's.
 */
export function labelFontBox(src: string, o: MathLabelOptions): Box {
  const fs = o.size ?? 16;
  const runs = layoutMath(parseMath(src));
  const ink = labelBox(src, o);
  const base = baselineOf(measureRuns(runs, fs), o);
  let up = 0;
  let down = 0;
  for (const r of runs) {
    up = Math.max(up, r.shift + r.scale * FONT_BOX_ASCENT);
    down = Math.max(down, -r.shift + r.scale * FONT_BOX_DESCENT);
  }
  return { x0: ink.x0, x1: ink.x1, y0: base - up * fs, y1: base + down * fs };
}

/** Where a label drawn with these options will sit. */
export function labelBox(src: string, o: MathLabelOptions): Box {
  const fs = o.size ?? 16;
  const m = measureLabel(src, fs);
  const base = baselineOf(m, o);
  const anchor = o.anchor ?? 'middle';
  const x0 = anchor === 'start' ? o.x : anchor === 'end' ? o.x - m.width : o.x - m.width / 2;
  return { x0, y0: base - m.ascent, x1: x0 + m.width, y1: base + m.descent };
}

function styleAttrs(style: MathStyle): Attrs {
  // Calligraphic: a class the stylesheet maps to the served KaTeX_Caligraphic, and the stack for librsvg.
  if (style === 'cal') return { class: 'hp-cal', 'font-family': FONT_CAL };
  return {
    'font-style': style === 'italic' || style === 'bolditalic' ? 'italic' : undefined,
    'font-weight': style === 'bold' || style === 'bolditalic' ? 'bold' : undefined,
  };
}

/** Renders a TeX-like label as an SVG `<text>` with `<tspan>`s. Never throws on odd input. */
export function mathLabel(src: string, o: MathLabelOptions): Markup {
  const fs = o.size ?? 16;
  const runs = layoutMath(parseMath(src));
  const size = measureRuns(runs, fs);
  // Merge neighbours that differ in nothing but text, to keep the markup small.
  const merged: MathRun[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r.dx === 0 && last.style === r.style && last.scale === r.scale && last.shift === r.shift) last.text += r.text;
    else merged.push({ ...r });
  }
  let shift = 0;
  const spans = merged.map((r) => {
    const dy = (shift - r.shift) * fs;
    shift = r.shift;
    return el(
      'tspan',
      {
        ...styleAttrs(r.style),
        'font-size': r.scale === 1 ? undefined : r.scale * fs,
        dx: r.dx === 0 ? undefined : r.dx * fs,
        dy: Math.abs(dy) < 0.005 ? undefined : dy,
      },
      r.text,
    );
  });
  return el(
    'text',
    {
      class: ['hp-math', o.class].filter(Boolean).join(' '),
      // For renderers without CSS variables (librsvg); the stylesheet's .hp-math rule wins in browsers.
      'font-family': FONT_MATH,
      x: o.x,
      y: baselineOf(size, o),
      'font-size': fs,
      'text-anchor': o.anchor ?? 'middle',
      ...o.attrs,
    },
    ...spans,
  );
}

/** Options for plain (non-TeX) text such as panel titles. */
export interface PlainLabelOptions extends MathLabelOptions {
  weight?: 'normal' | 'bold';
  /** Font family (default 'sans'); 'serif' uses the math font upright. */
  font?: 'sans' | 'serif';
  /**
   * Sans text in the readers' own fonts, not the served one (class `hp-sys`). Automatic for text the
   * served font lacks a glyph of (servedSansCovers); pass true to set a group of labels alike (the
   * tokens of one figure, when one of them has an accent).
   */
  sys?: boolean;
}

/** Box of a plain label drawn with `plainLabel`. */
export function plainBox(text: string, o: PlainLabelOptions): Box {
  const fs = o.size ?? 16;
  const m = measureText(text, fs, { font: o.font ?? 'sans', bold: o.weight === 'bold' });
  const base = baselineOf(m, o);
  const anchor = o.anchor ?? 'middle';
  const x0 = anchor === 'start' ? o.x : anchor === 'end' ? o.x - m.width : o.x - m.width / 2;
  return { x0, y0: base - m.ascent, x1: x0 + m.width, y1: base + m.descent };
}

/** Plain text in the sans font (titles, words like "Unfold"); the text is escaped, not parsed. */
export function plainLabel(text: string, o: PlainLabelOptions): Markup {
  const fs = o.size ?? 16;
  const m = measureText(text, fs, { font: o.font ?? 'sans', bold: o.weight === 'bold' });
  const sys = o.font !== 'serif' && (o.sys || !servedSansCovers(text));
  return el(
    'text',
    {
      class: [o.font === 'serif' ? 'hp-math' : sys ? 'hp-sys' : undefined, o.class].filter(Boolean).join(' ') || undefined,
      'font-family': o.font === 'serif' ? FONT_MATH : sys ? FONT_SYS : undefined,
      x: o.x,
      y: baselineOf(m, o),
      'font-size': fs,
      'font-weight': o.weight === 'bold' ? 'bold' : undefined,
      'text-anchor': o.anchor ?? 'middle',
      ...o.attrs,
    },
    text,
  );
}

/**
 * A plain-text reading of a label for `<desc>` and titles: `h_{t-1}` → "h_(t−1)", `x^{(t)}` → "x^(t)",
 * `\hat{y}` → "ŷ". Scripts of one character need no parentheses ("x_1").
 */
export function mathText(src: string): string {
  const text = (nodes: MathNode[]): string => nodes.map(one).join('');
  const script = (mark: string, n: MathNode) => {
    const t = one(n);
    return [...t].length === 1 || /^\(.*\)$/.test(t) ? `${mark}${t}` : `${mark}(${t})`;
  };
  const one = (n: MathNode): string => {
    switch (n.kind) {
      case 'sym': return n.text;
      case 'space': return n.em > 0.2 ? ' ' : '';
      case 'group': return text(n.children);
      case 'scripts': return one(n.base) + (n.sub ? script('_', n.sub) : '') + (n.sup ? script('^', n.sup) : '');
    }
  };
  return text(parseMath(src));
}
