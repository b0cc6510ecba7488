// Installs src/content/micromark-linear.ts in place of micromark's text resolver, which is quadratic in
// the number of data runs of a paragraph (see that file), for esbuild (the bundle) and for Vite
// (vitest) alike. micromark's `initialize/text.js` (its `lib/` and its `dev/` build) gets three lines
// appended that replace the `resolveAll` of the objects it exports; nothing else of micromark changes.
// If a micromark release renames what this relies on, the build fails here instead of silently going
// quadratic again. It also makes micromark's `parse` merge its syntax extensions once per extensions
// array instead of on every parse (memoMicromarkParse below), and mdast-util-from-markdown's compiler
// reuse one context object for every event instead of copying it for each (sharedCompileContext below)
// and set up its handlers once per extensions array (memoCompiler below), unist-util-visit-parents
// stop renaming a function for every node it visits (unnamedVisits below), and micromark's tokenizers
// consume a paragraph's characters a run at a time instead of one state call each (consumeRuns below), and
// the footnote extension's search for a call's label and micromark's lookup of a label among the link
// definitions stay within a label's length (boundedFootnoteCall, boundedLabelEnd below).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPatches, vitePatches } from './patch-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINEAR = path.join(root, 'src/content/micromark-linear.ts').split(path.sep).join('/');

/** micromark's text initializer, in either build. */
export const MICROMARK_TEXT = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]initialize[\\/]text\.js$/;

const NEEDED = [
  /export const resolver = \{\s*resolveAll: createResolver\(\)\s*\}/,
  /export const string = initializeFactory\('string'\)/,
  /export const text = initializeFactory\('text'\)/,
  /function resolveAllLineSuffixes\(/,
];

/** micromark's `initialize/text.js` source with the linear resolver installed. */
export function linearMicromarkText(source, file = 'micromark/lib/initialize/text.js') {
  for (const re of NEEDED) {
    if (!re.test(source)) throw new Error(`${file}: micromark changed (${re.source} not found); update scripts/micromark-linear-plugin.mjs`);
  }
  return (
    `${source}\n` +
    `import { linearTextResolver as __hpLinear } from ${JSON.stringify(LINEAR)};\n` +
    'resolver.resolveAll = __hpLinear();\n' +
    'string.resolveAll = __hpLinear();\n' +
    'text.resolveAll = __hpLinear(resolveAllLineSuffixes);\n'
  );
}

/** micromark's parser setup, in either build. */
export const MICROMARK_PARSE = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]parse\.js$/;

const COMBINE = 'combineExtensions([defaultConstructs, ...(settings.extensions || [])])';

/**
 * micromark's `parse.js` with its combined syntax extensions made once per extensions array (issue 9):
 * `parse(options)` merges micromark's constructs with the given extensions on every call, about
 * 0.1 ms, which a caption or a heading pays again for a parse that costs little more. The merged object
 * is only read while parsing; parseMarkdownWithMath passes the same array for the same parser.
 */
export function memoMicromarkParse(source, file = 'micromark/lib/parse.js') {
  if (!source.includes(COMBINE)) throw new Error(`${file}: micromark changed (${COMBINE} not found); update scripts/micromark-linear-plugin.mjs`);
  return (
    source.replace(COMBINE, `__hpCombined([defaultConstructs, ...(settings.extensions || [])], settings.extensions)`) +
    '\nconst __hpMemo = new WeakMap();\n' +
    'function __hpCombined(list, key) {\n' +
    '  if (!key) return combineExtensions(list);\n' +
    '  let combined = __hpMemo.get(key);\n' +
    '  if (!combined) __hpMemo.set(key, (combined = combineExtensions(list)));\n' +
    '  return combined;\n' +
    '}\n'
  );
}

/** mdast-util-from-markdown's compiler, in either build. */
export const FROM_MARKDOWN = /[\\/]mdast-util-from-markdown[\\/](dev[\\/])?lib[\\/]index\.js$/;

/** The context a handler is called with: a copy of the compiler's context per event, with its sliceSerialize. */
const CONTEXT_COPY = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;

/**
 * mdast-util-from-markdown's `compile` with one context object for all events (issue 9): it called each
 * event's handler on a fresh copy of its context (eight fields) with that event's `sliceSerialize` added,
 * about a third of the whole parse of a page of prose in allocations and copying. Now the context's
 * `sliceSerialize` is set before each call and the context itself passed. The same for a handler: none
 * assigns to `this` or keeps it past its call (the extensions' handlers, mdast-util-*, and ours,
 * src/content/math-syntax.ts), and every field it reads is the same object either way;
 * tests/unit/from-markdown-context.test.ts compares trees with Node's own, unpatched, import.
 */
export function sharedCompileContext(source, file = 'mdast-util-from-markdown/lib/index.js') {
  const found = source.match(CONTEXT_COPY)?.length ?? 0;
  if (found !== 3) throw new Error(`${file}: mdast-util-from-markdown changed (${found} context copies, not 3); update scripts/micromark-linear-plugin.mjs`);
  return source.replace(CONTEXT_COPY, '((context.sliceSerialize = events[index][2].sliceSerialize), context)');
}

/**
 * mdast-util-from-markdown's `fromMarkdown` with its compiler set up once per `mdastExtensions` array
 * (issue 9): `compiler(options)` made some ninety handler closures and merged the extensions into them on
 * every call, which a caption or a heading paid again for a parse that costs little more. What it makes
 * depends on `options.mdastExtensions` alone and is only read while compiling (the handlers keep their
 * state in `this.data`), so one serves every parse with the same array, as micromark's merged constructs
 * do (memoMicromarkParse; parseMarkdownWithMath passes the same array for the same parser). `data` is
 * made anew for each compile, as it was for each call.
 */
export function memoCompiler(source, file = 'mdast-util-from-markdown/lib/index.js') {
  const call = /return compiler\(options\)\(/g;
  const data = /(\n\s*resume,\s*\n\s*)data(\s*\n\s*\})/g;
  const calls = source.match(call)?.length ?? 0;
  const datas = source.match(data)?.length ?? 0;
  if (calls !== 1 || datas !== 1) {
    throw new Error(`${file}: mdast-util-from-markdown changed (${calls} compiler(options) calls, ${datas} compile contexts with data, not 1 and 1); update scripts/micromark-linear-plugin.mjs`);
  }
  return (
    source.replace(call, 'return __hpCompiler(options)(').replace(data, '$1data: {}$2') +
    '\nconst __hpCompilers = new WeakMap();\n' +
    'let __hpPlainCompiler;\n' +
    'function __hpCompiler(options) {\n' +
    '  const key = options && options.mdastExtensions;\n' +
    '  if (!key) return (__hpPlainCompiler ??= compiler(options));\n' +
    '  let compile = __hpCompilers.get(key);\n' +
    '  if (!compile) __hpCompilers.set(key, (compile = compiler(options)));\n' +
    '  return compile;\n' +
    '}\n'
  );
}

/** unist-util-visit-parents, which unist-util-visit (and so every tree walk of remark and rehype) runs on. */
export const VISIT_PARENTS = /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/;

/** The block that names each node's visit function after the node, for stack traces. */
const VISIT_NAME = /if \(typeof value\.type === 'string'\) \{[^{}]*Object\.defineProperty\(visit, 'name', \{[^{}]*\}\)\s*\}/g;

/**
 * unist-util-visit-parents without the name it gives every node's visit function (issue 9): for each
 * node it built a string and redefined the function's `name` (`node (paragraph)`), which only a stack
 * trace shows, and which cost as much as the rest of the walk: a caption's few walks of a tree of a
 * dozen nodes spent a tenth of its rendering there. Nothing else of the walk changes.
 */
export function unnamedVisits(source, file = 'unist-util-visit-parents/lib/index.js') {
  const found = source.match(VISIT_NAME)?.length ?? 0;
  if (found !== 1) throw new Error(`${file}: unist-util-visit-parents changed (${found} visit namings, not 1); update scripts/micromark-linear-plugin.mjs`);
  return source.replace(VISIT_NAME, '');
}

/** micromark's tokenizer, in either build. */
export const MICROMARK_TOKENIZER = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]create-tokenizer\.js$/;
/** micromark's document and content (paragraph) initializers, and core-commonmark's content construct. */
export const MICROMARK_DOCUMENT = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]initialize[\\/]document\.js$/;
export const MICROMARK_CONTENT = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]initialize[\\/]content\.js$/;
export const COMMONMARK_CONTENT = /[\\/]micromark-core-commonmark[\\/](dev[\\/])?lib[\\/]content\.js$/;

/** The tokenizer's effects, and its `consume` (the function that follows it in the source). */
const EFFECTS_CONSUME = /(\n\s*const effects = \{\s*\n\s*attempt: [^\n]*\n\s*check: [^\n]*\n(\s*)consume,\n)/g;
const CONSUME_FUNCTION = /\n(\s*)function consume\(code\) \{/g;

/**
 * micromark's tokenizer with `effects.hpConsumeRun(atStop)` (issue 9): called by a state right after it
 * consumed a character, it consumes the characters that follow in the same string chunk up to the first
 * for which `atStop(code)` holds (with `this.previous` the character before it, as it is when the state
 * is called with that character), or to the chunk's end without `atStop`. The main loop would call the
 * same state with each of them, which would consume it and return itself: four tokenizers (document,
 * flow's content, the paragraph, its text) did that for every character of a paragraph, about half of a
 * page's parse. A string chunk never holds a line ending, a tab or NUL (micromark's preprocessor makes
 * them chunks of their own), so each of these characters moves the point one column, as `consume` does.
 */
export function consumeRuns(source, file = 'micromark/lib/create-tokenizer.js') {
  const effects = source.match(EFFECTS_CONSUME)?.length ?? 0;
  const consume = source.match(CONSUME_FUNCTION)?.length ?? 0;
  if (effects !== 1 || consume !== 1) {
    throw new Error(`${file}: micromark changed (${effects} effects with consume, ${consume} consume functions, not 1 and 1); update scripts/micromark-linear-plugin.mjs`);
  }
  return source.replace(EFFECTS_CONSUME, '$1$2hpConsumeRun,\n').replace(
    CONSUME_FUNCTION,
    (whole, indent) =>
      `\n${indent}function hpConsumeRun(atStop) {\n` +
      `${indent}  let index = point._bufferIndex;\n` +
      `${indent}  if (index < 0) return;\n` +
      `${indent}  const chunk = chunks[point._index];\n` +
      `${indent}  const start = index;\n` +
      `${indent}  if (atStop) {\n` +
      `${indent}    while (index < chunk.length) {\n` +
      `${indent}      const code = chunk.charCodeAt(index);\n` +
      `${indent}      if (atStop(code)) break;\n` +
      `${indent}      context.previous = code;\n` +
      `${indent}      index++;\n` +
      `${indent}    }\n` +
      `${indent}  } else if (index < chunk.length) {\n` +
      `${indent}    index = chunk.length;\n` +
      `${indent}    context.previous = chunk.charCodeAt(index - 1);\n` +
      `${indent}  }\n` +
      `${indent}  point.column += index - start;\n` +
      `${indent}  point.offset += index - start;\n` +
      `${indent}  if (index === chunk.length) {\n` +
      `${indent}    point._bufferIndex = -1;\n` +
      `${indent}    point._index++;\n` +
      `${indent}  } else point._bufferIndex = index;\n` +
      `${indent}}\n` +
      whole,
  );
}

/** A state that consumes its character and returns itself: `effects.consume(code)` then `return <state>`, once in the file. */
function runAfterConsume(state, atStop, what) {
  const re = new RegExp(`(\\n([ \\t]*)// Data\\.\\n\\s*effects\\.consume\\(code\\);?\\n)(\\s*return ${state};?\\n)`, 'g');
  return (source, file) => {
    const found = source.match(re)?.length ?? 0;
    if (found !== 1) throw new Error(`${file}: micromark changed (${found} ${what} consuming a character, not 1); update scripts/micromark-linear-plugin.mjs`);
    return source.replace(re, `$1$2effects.hpConsumeRun(${atStop});\n$3`);
  };
}

/** document.js's flowContinue has no `// Data.` comment: the consume that returns flowContinue itself. */
function flowContinueRuns(source, file = 'micromark/lib/initialize/document.js') {
  const re = /(\n([ \t]*)effects\.consume\(code\);?\n)(\s*return flowContinue;?\n)/g;
  const found = source.match(re)?.length ?? 0;
  if (found !== 1) throw new Error(`${file}: micromark changed (${found} flowContinue consuming a character, not 1); update scripts/micromark-linear-plugin.mjs`);
  return source.replace(re, '$1$2effects.hpConsumeRun();\n$3');
}

/**
 * The four states that take a paragraph's characters one by one consume the rest of each run at once
 * (consumeRuns): the document's flowContinue and flow content's chunkInside up to the line's end, the
 * paragraph's data (micromark's content initializer) likewise, and text's data up to the next character
 * where a construct may start (its own `atBreak`, which also decides the character it stops at).
 */
export const documentRuns = flowContinueRuns;
export const paragraphRuns = runAfterConsume('data', '', 'paragraph data states');
export const contentRuns = runAfterConsume('chunkInside', '', 'content chunkInside states');
export const textRuns = runAfterConsume('data', 'atBreak', 'text data states');

/** micromark-extension-gfm-footnote's syntax, in either build. */
export const GFM_FOOTNOTE = /[\\/]micromark-extension-gfm-footnote[\\/](dev[\\/])?lib[\\/]syntax\.js$/;

const FOOTNOTE_WALK = /(function tokenizePotentialGfmFootnoteCall\(effects, ok, nok\) \{\n[\s\S]*?\n([ \t]*)while \(index--\) \{\n)(\s*const token = self\.events\[index\]\[1\];?\n)/;

/**
 * At each `]`, the footnote extension walks back over every event of the paragraph to the nearest label
 * start, and then normalizes everything from there: quadratic in the brackets of a paragraph (a guest
 * post of 200,000 `[`, a formula and 200,000 `]`, 400 KB, kept a build busy for over 10 minutes, and no
 * page budget can stop a parse). A footnote call needs a definition on the page, and its label is at most
 * 999 characters (micromark's own limit): with no definition the walk does not start, and it stops 1002
 * characters back (`[^`, the label, `]`).
 */
export function boundedFootnoteCall(source, file = 'micromark-extension-gfm-footnote/lib/syntax.js') {
  if (!FOOTNOTE_WALK.test(source) || !source.includes('const defined = self.parser.gfmFootnotes')) {
    throw new Error(`${file}: micromark-extension-gfm-footnote changed (its call walk not found); update scripts/micromark-linear-plugin.mjs`);
  }
  return source.replace(
    FOOTNOTE_WALK,
    (whole, head, indent, token) =>
      `${head}${token}${indent}  if (token.start.offset < __hpFloor) break;\n`,
  ).replace(
    /(function tokenizePotentialGfmFootnoteCall\(effects, ok, nok\) \{\n[\s\S]*?const defined = self\.parser\.gfmFootnotes[^\n]*\n)/,
    '$1  const __hpFloor = defined.length === 0 ? Infinity : self.now().offset - 1002;\n',
  );
}

/** micromark's label end (`]`), in either build. */
export const LABEL_END = /[\\/]micromark-core-commonmark[\\/](dev[\\/])?lib[\\/]label-end\.js$/;

const LABEL_DEFINED = /defined = self\.parser\.defined\.includes\(\s*normalizeIdentifier\(/;

/**
 * At each `]`, micromark normalizes the whole text back to its label's `[` to look it up among the
 * page's link definitions: quadratic in nested brackets (the same post: 60,000 of each, 8.5 s). A link
 * label holds at most 999 characters (CommonMark; micromark's definitions and full references keep to
 * it): a longer one, or one on a page without definitions, is no reference, and is not normalized.
 */
export function boundedLabelEnd(source, file = 'micromark-core-commonmark/lib/label-end.js') {
  const found = source.match(new RegExp(LABEL_DEFINED.source, 'g'))?.length ?? 0;
  if (found !== 1) throw new Error(`${file}: micromark changed (${found} lookups of a label among the definitions, not 1); update scripts/micromark-linear-plugin.mjs`);
  return source.replace(
    LABEL_DEFINED,
    'defined = self.parser.defined.length > 0 && self.now().offset - labelStart.end.offset <= 999 && self.parser.defined.includes(normalizeIdentifier(',
  );
}

/** Each patched file and its patch, in the order they are tried. */
const PATCHES = [
  [MICROMARK_TEXT, (source, file) => textRuns(linearMicromarkText(source, file), file)],
  [MICROMARK_TOKENIZER, consumeRuns],
  [MICROMARK_DOCUMENT, documentRuns],
  [MICROMARK_CONTENT, paragraphRuns],
  [COMMONMARK_CONTENT, contentRuns],
  [MICROMARK_PARSE, memoMicromarkParse],
  [FROM_MARKDOWN, (source, file) => memoCompiler(sharedCompileContext(source, file), file)],
  [VISIT_PARENTS, unnamedVisits],
  [GFM_FOOTNOTE, boundedFootnoteCall],
  [LABEL_END, boundedLabelEnd],
];

export const esbuildMicromarkLinear = () => esbuildPatches('micromark-linear', PATCHES);
export const viteMicromarkLinear = () => vitePatches('micromark-linear', PATCHES);
