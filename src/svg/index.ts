/**
 * The SVG toolkit shared by diagrams (shortcodes/rnn-*.ts, lstm-cell, …) and plots (src/svg/plot/).
 * See README.md in this folder for the API and the conventions.
 */
export { fmt, round2 } from './format.js';
export { escapeText, escapeAttr } from './escape.js';
export { el, raw, fragment, cls, attrsToString, Markup, type Attrs, type AttrValue, type Child } from './elements.js';
export { createIds, type Ids } from './ids.js';
export {
  ACCENTS, TONES, BASE_TOKENS, TINT_OPACITY, FILL_OPACITY, MUTED_OPACITY, FONT_SANS, FONT_MATH, FONT_SYS, FONT_FACES, DARK_SELECTORS, LIGHT_SELECTORS,
  themeCss, toneVar, type Tone, type Token, type Accent, type FontFace,
} from './theme.js';
export { measureText, charAdvance, servedSansCovers, CAP_HEIGHT, DESCENT, FONT_BOX_ASCENT, FONT_BOX_DESCENT, type FontKind, type FontStyle, type TextSize } from './metrics.js';
export {
  parseMath, layoutMath, measureRuns, measureLabel, mathLabel, mathText, labelBox, labelFontBox, plainLabel, plainBox,
  type MathNode, type MathRole, type MathStyle, type MathRun, type MathLabelOptions, type PlainLabelOptions, type Box,
} from './math.js';
export {
  circle, rect, centre, borderPoint, borderAt, line, poly, arc, cubic, pathData, pointAt, tangentAt, normalAt, trim,
  unit, add, sub, mul, len, type Point, type Shape, type Path,
} from './geometry.js';
export {
  STROKE, HEAD_LENGTH, HEAD_HALF_WIDTH, markerName, markerDefs, node, edge, connect, edgeLabel, edgeLabelAnchor,
  edgeLabelBox, delaySquare, boxesOverlap, type Paint, type NodeOptions, type EdgeOptions, type EdgeLabelOptions,
} from './shapes.js';
export { figureSvg, type FigureSvgOptions } from './figure.js';
