// Makes three small functions of KaTeX's markup writer cheaper, for esbuild (the bundle) and for Vite
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
];

/** KaTeX's `katex.mjs` with KATEX_PATCHES applied, and their names exported (what a test can see of them). */
export function patchKatex(source, file = 'katex/dist/katex.mjs') {
  let out = source;
  for (const [name, from, to] of KATEX_PATCHES) {
    const found = out.split(from).length - 1;
    if (found !== 1) throw new Error(`${file}: KaTeX changed (${found} copies of the text patched for ${name.split(':')[0]}, not 1); update scripts/katex-plugin.mjs`);
    out = out.replace(from, () => to);
  }
  return `${out}\nexport const __hpKatexPatches = ${JSON.stringify(KATEX_PATCHES.map(([name]) => name))};\n`;
}

export const esbuildKatex = () => esbuildPatches('katex', [[KATEX_MJS, patchKatex]]);
export const viteKatex = () => vitePatches('katex', [[KATEX_MJS, patchKatex]]);
