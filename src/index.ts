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
export { shortcodes, getShortcode } from './render/registry.js';
export { paramsTable, updateParamsBlocks } from './render/docs.js';
export { buildSite, formatDiagnostic, summaryLine } from './build.js';
export type { BuildOptions, BuildResult } from './build.js';
export { initSite } from './site/init.js';
export { renderStandalone } from './render/standalone.js';
