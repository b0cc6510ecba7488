// Makes three small functions of KaTeX's markup writer cheaper, and writes its glyphs as src/render/katex-markup.ts wants them, for esbuild (the bundle) and for Vite
// (vitest) alike (issue 9: in a profile of a cold build of 9,000 formulas they took 160 ms of KaTeX's
// 720). Each keeps its function's results exactly (tests/unit/katex-plugin.test.ts compares KaTeX's
// output with Node's own, unpatched, import), and each is found by its exact text: if a KaTeX release
// changes one, the build fails here instead of patching something else.
import { esbuildPatches, vitePatches } from './patch-plugin.mjs';

/** KaTeX's ES module build, which both `import 'katex'` and `katex/contrib/mhchem` load. */
export const KATEX_MJS = /[\\/]katex[\\/]dist[\\/]katex\.mjs$/;

/** [what it does, KaTeX's text, ours]. */
export const KATEX_PATCHES = [
  [
    // Called for every class list, style and text of the markup; nearly none holds one of these.
    'escape: its input itself when it holds no character to escape',
    'var escape = text => String(text).replace(ESCAPE_REGEX, match => ESCAPE_LOOKUP[match]);',
    'var __hpEscapeTest = /[&><"\']/;\n' +
      'var escape = text => {\n' +
      '  var s = String(text);\n' +
      '  return __hpEscapeTest.test(s) ? s.replace(ESCAPE_REGEX, match => ESCAPE_LOOKUP[match]) : s;\n' +
      '};',
  ],
  [
    // Its input is a property name of KaTeX's CssStyle: a small fixed set.
    'hyphenate: each CSS property name hyphenated once',
    'var hyphenate = str => str.replace(uppercase, "-$1").toLowerCase();',
    'var __hpHyphenated = new Map();\n' +
      'var hyphenate = str => {\n' +
      '  var h = __hpHyphenated.get(str);\n' +
      '  if (h === undefined) {\n' +
      '    h = str.replace(uppercase, "-$1").toLowerCase();\n' +
      '    if (__hpHyphenated.size < 256) __hpHyphenated.set(str, h);\n' +
      '  }\n' +
      '  return h;\n' +
      '};',
  ],
  [
    // Font metrics times a few sizes: few distinct numbers, each written many times.
    'makeEm: each number written once (at most 4,096 kept)',
    'var makeEm = function makeEm(n) {\n  return +n.toFixed(4) + "em";\n};',
    'var __hpEms = new Map();\n' +
      'var makeEm = function makeEm(n) {\n' +
      '  if (typeof n !== "number") return +n.toFixed(4) + "em";\n' +
      '  var em = __hpEms.get(n);\n' +
      '  if (em === undefined) {\n' +
      '    em = +n.toFixed(4) + "em";\n' +
      '    if (__hpEms.size >= 4096) __hpEms.clear();\n' +
      '    __hpEms.set(n, em);\n' +
      '  }\n' +
      '  return em;\n' +
      '};',
  ],
  [
    // src/render/katex-markup.ts moves every glyph of KaTeX's HTML rendering into a data-c attribute.
    // While src/render/katex.ts renders (__hpGlyphsAsAttributes(true)), a glyph alone in its own span
    // (nearly all of them) is written so here, the rest are left as text and said to be (katex.ts then
    // runs that rewrite, which otherwise has nothing to do). Switched off, the markup is KaTeX's own.
    'SymbolNode.toMarkup: when switched on, a glyph in a span of its own as the data-c attribute of that span',
    'var escaped = escape(this.text);\n    if (needsSpan) {\n',
    'var escaped = escape(this.text);\n' +
      '    if (__hpGlyphAttributes && needsSpan && escaped !== "" && !__hpOwnBefore.test(createClass(this.classes))) {\n' +
      '      return markup + " data-c=\\"" + escaped + "\\"></span>";\n' +
      '    }\n' +
      '    if (escaped !== "") __hpGlyphsLeft = true;\n' +
      '    if (needsSpan) {\n',
  ],
  [
    // The other case of the same rewrite: a glyph written without a span (no class, no style) that is the
    // only child of a span is that span's data-c (a vlist's zero-width space, in every sub- and superscript).
    // Not in KaTeX's error span (the formula's TeX, outside its HTML rendering: katex-markup.ts leaves it).
    'toMarkup (Span): when switched on, a lone glyph without a span of its own as the data-c attribute of its span',
    'markup += ">";\n' + '  // Add the markup of the children, also as markup\n',
    'if (__hpGlyphAttributes && tagName === "span" && this.children.length === 1 && __hpBareGlyph(this.children[0]) &&\n' +
      '      !this.classes.includes("katex-error") &&\n' +
      '      !__hpOwnBefore.test(createClass(this.classes)) && !/\\sdata-c=/.test(markup)) {\n' +
      '    return markup + " data-c=\\"" + escape(this.children[0].text) + "\\"></span>";\n' +
      '  }\n' +
      '  markup += ">";\n' +
      '  // Add the markup of the children, also as markup\n',
  ],
  [
    // Not the markup: where the report is. KaTeX passes no token with this strict report, so a warning
    // could only name the formula's start; with the `\\` token, src/render/katex.ts names its line and column.
    'newLineInDisplayMode: the strict report carries the token of the \\\\ or \\newline',
    'parser.settings.useStrictBehavior("newLineInDisplayMode", "In LaTeX, \\\\\\\\ or \\\\newline " + "does nothing in display mode")',
    'parser.settings.useStrictBehavior("newLineInDisplayMode", "In LaTeX, \\\\\\\\ or \\\\newline " + "does nothing in display mode", _ref.token)',
  ],
  [
    // Not the markup: a limit. KaTeX parses and lays out a group inside a group by recursion, so thousands
    // of levels ran out of stack, at a depth that depends on the thread's stack (984 KB in the build's
    // thread, 4 MB in a worker's: the same page could fail with one --jobs and not another). Every level of
    // nesting (braces, arguments, \\left…\\right, environments, and what macros expand to) passes through
    // parseGroup: past MATH_GROUP_DEPTH levels it is a ParseError at that group's first token. Measured
    // (KaTeX 0.16.47, Node 20, 984 KB): the shallowest stack overflow is at 405 levels (nested pmatrix).
    'parseGroup: past MATH_GROUP_DEPTH levels of groups inside groups, a ParseError (not the thread\'s stack)',
    'parseGroup(name,\n  // For error reporting.\n  breakOnTokenText) {\n    var firstToken = this.fetch();\n',
    'parseGroup(name, breakOnTokenText) {\n' +
      '    if (__hpGroupDepth >= __HP_GROUP_DEPTH) {\n' +
      '      throw new ParseError("its groups (braces, arguments, \\\\left…\\\\right, environments) nest more than " + __HP_GROUP_DEPTH + " levels deep; write it with fewer levels", this.fetch());\n' +
      '    }\n' +
      '    __hpGroupDepth++;\n' +
      '    try {\n' +
      '      return this.__hpParseGroup(name, breakOnTokenText);\n' +
      '    } finally {\n' +
      '      __hpGroupDepth--;\n' +
      '    }\n' +
      '  }\n' +
      '  __hpParseGroup(name, breakOnTokenText) {\n' +
      '    var firstToken = this.fetch();\n',
  ],
];

/** Levels of groups inside groups a formula may have (the parseGroup patch; src/render/katex.ts says so). */
export const MATH_GROUP_DEPTH = 200;

/** The classes whose glyph stays text: OWN_BEFORE_CLASSES of src/render/katex-markup.ts (katex-plugin.test compares them). */
export const OWN_BEFORE_CLASSES = ['stretchy', 'eqn-num', 'mml-eqn-num'];

/**
 * Module-level state of the glyph patches: whether they write glyphs as attributes, whether a glyph was
 * left as text since it was last switched (rendering is synchronous), and the classes whose `::before`
 * KaTeX's stylesheet uses itself (their glyph stays text: OWN_BEFORE in src/render/katex-markup.ts).
 * `__hpGlyphsAsAttributes(on)` switches it and says whether a glyph was left as text meanwhile.
 */
const KATEX_STATE =
  'var __hpGlyphAttributes = false;\n' +
  `var __HP_GROUP_DEPTH = ${MATH_GROUP_DEPTH};\n` +
  'var __hpGroupDepth = 0;\n' +
  'var __hpGlyphsLeft = false;\n' +
  `var __hpOwnBefore = /(?:^|\\s)(?:${OWN_BEFORE_CLASSES.join('|')})(?:\\s|$)/;\n` +
  // A SymbolNode that SymbolNode.toMarkup writes as its text alone (no class, no style), and not empty.
  'function __hpBareGlyph(node) {\n' +
  '  return node instanceof SymbolNode && node.text !== "" && node.classes.length === 0 && !(node.italic > 0) && !cssStyleToString(node.style);\n' +
  '}\n' +
  'export function __hpGlyphsAsAttributes(on) {\n' +
  '  var left = __hpGlyphsLeft;\n' +
  '  __hpGlyphAttributes = on;\n' +
  '  __hpGlyphsLeft = false;\n' +
  '  return left;\n' +
  '}\n';

/** KaTeX's `katex.mjs` with KATEX_PATCHES applied, and their names exported (what a test can see of them). */
export function patchKatex(source, file = 'katex/dist/katex.mjs') {
  let out = source;
  for (const [name, from, to] of KATEX_PATCHES) {
    const found = out.split(from).length - 1;
    if (found !== 1) throw new Error(`${file}: KaTeX changed (${found} copies of the text patched for ${name.split(':')[0]}, not 1); update scripts/katex-plugin.mjs`);
    out = out.replace(from, () => to);
  }
  return `${out}\n${KATEX_STATE}export const __hpKatexPatches = ${JSON.stringify(KATEX_PATCHES.map(([name]) => name))};\n`;
}

export const esbuildKatex = () => esbuildPatches('katex', [[KATEX_MJS, patchKatex]]);
export const viteKatex = () => vitePatches('katex', [[KATEX_MJS, patchKatex]]);
