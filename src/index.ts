import { isBuildWorker } from './build-worker-tag.js';
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
export { buildSite, defaultJobs, formatDiagnostic, summaryLine } from './build.js';
export type { BuildOptions, BuildResult } from './build.js';
export { initSite } from './site/init.js';
export { checkSite, formatCheck } from './check.js';
export type { CheckResult, PageCheck } from './check.js';
export { renderStandalone } from './render/standalone.js';
export { gradientDecay, gradientDecayConfig, cachedGradientDecay, clearGradientDecayCache, gradientDecayCost } from './numeric/gradient-decay.js';
export type { GradientDecayConfig, GradientDecayParams, DecaySeries, Model as RecurrentModel, Init as RecurrentInit } from './numeric/gradient-decay.js';
export { matmul, zeros, gaussianMatrix, type Matrix } from './numeric/matrix.js';
export { spectralNorm } from './numeric/svd.js';
export { rngFromKey, rngFromSeed } from './numeric/rng.js';
export { ImagePipeline, variantWidths } from './images/pipeline.js';
export type { ImageStore, ResponsiveImage, PrepareResult } from './images/pipeline.js';
export { DEFAULT_IMAGE_OPTIONS, imageOptions } from './images/options.js';
export type { ImageOptions } from './images/options.js';

// A page worker of buildSite runs this bundle (the file it was started from): it loads the renderer and
// waits for pages (src/build-workers.ts).
if (isBuildWorker()) void import('./build-workers.js');
