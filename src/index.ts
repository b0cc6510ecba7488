/** The public API of hugo-prerender. */
export type { Diagnostic, Shortcode, ParsedPage, FrontMatter, MathSpan, ParamValue } from './content/types.js';
export { LineIndex } from './content/position.js';
export { validateParams, describeSpec } from './render/params.js';
export type { ParamSpec, ParamSpecs } from './render/params.js';
export { defineShortcode } from './render/types.js';
export type { ShortcodeDefinition, RenderContext } from './render/types.js';
