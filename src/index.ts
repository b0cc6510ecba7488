/** The public API of hugo-prerender. */
export type { Diagnostic, Shortcode, ParsedPage, FrontMatter, MathSpan, ParamValue } from './content/types.js';
export { LineIndex } from './content/position.js';
export { validateParams, describeSpec } from './render/params.js';
export type { ParamSpec, ParamSpecs } from './render/params.js';
export { defineShortcode } from './render/types.js';
export type { ShortcodeDefinition, RenderContext } from './render/types.js';
export { parsePage } from './content/page.js';
export type { ParsePageOptions } from './content/page.js';
export { lex, typedValue, ITEM_TYPES } from './content/lexer.js';
export type { Item, ItemType, LexOptions, LexStart, HugoCompat } from './content/lexer.js';
export { decodeFrontMatter, getParamCI } from './content/frontmatter.js';
