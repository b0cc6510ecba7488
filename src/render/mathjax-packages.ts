/**
 * Commands of MathJax packages that KaTeX lacks, as posts written for MathJax use them:
 * - emulated as KaTeX macros where KaTeX can draw the same thing: the physics package's derivatives
 *   (`\dv`, `\pdv`, `\fdv`, `\dd`), delimiters (`\abs`, `\norm`, `\qty`, `\pqty`…, `\eval`, `\order`),
 *   Dirac notation (`\expval`, `\mel`, `\ip`, `\op`, two-argument `\braket`), brackets (`\comm`,
 *   `\acomm`, `\pb`), vectors (`\vb`, `\va`, `\vu`, `\grad`, `\curl`, `\laplacian`, `\divergence`,
 *   `\vdot`, `\dotproduct`, `\cross`, `\crossproduct`, `\cp`), `\diffd`, `\flatfrac`,
 *   operators (`\tr`, `\Tr`, `\rank`, `\erf`, `\Res`) and matrices (`\mqty`, `\pmqty`, `\bmqty`,
 *   `\vmqty`, `\smqty`). braket's `\bra`, `\ket`, `\braket`, cancel's `\cancel`, `\bcancel`, `\xcancel`
 *   and mhchem's `\ce` are KaTeX's own (mhchem loaded in render/katex.ts);
 * - MathJax base's `\mbox{…}` (as `\text{…}`), `\displaylines{…}` (as gathered), `\buildrel a \over b`
 *   (as `\stackrel{a}{b}`), `\overparen` and `\underparen` (as `\overgroup`, `\undergroup`), and
 *   amsmath's `\idotsint`;
 * - the others get a suggestion in KaTeX's "Undefined control sequence" error: what to write instead.
 * physics's `\div` (divergence) is left as KaTeX's ÷: a post that means the divergence writes
 * `\divergence`, and a post without physics means ÷.
 */
import katex from 'katex';

/** The part of KaTeX's macro context (MacroExpander) the emulations use. */
interface MacroContext {
  future(): { text: string };
  popToken(): { text: string };
  consumeSpaces(): void;
  consumeArg(delims?: string[]): { tokens: { text: string }[] };
}

export type KatexMacro = string | ((context: MacroContext) => string);

/** Tokens back to TeX (a control word is followed by a space, so that `\alpha x` stays two tokens). */
function toTex(tokens: readonly { text: string }[]): string {
  return tokens.map((t) => (/^\\[A-Za-z@]+$/.test(t.text) ? `${t.text} ` : t.text)).join('');
}

function peek(c: MacroContext): string {
  c.consumeSpaces();
  return c.future().text;
}

function star(c: MacroContext): boolean {
  if (peek(c) !== '*') return false;
  c.popToken();
  return true;
}

/** `{…}` next: its TeX; anything else is not consumed. */
function group(c: MacroContext): string | undefined {
  // consumeArg gives the tokens in stack order (last first).
  return peek(c) === '{' ? toTex([...c.consumeArg().tokens].reverse()) : undefined;
}

/** From the opening token next (already checked) to its matching `close`, nesting counted. */
function delimited(c: MacroContext, open: string, close: string): string {
  c.popToken();
  const out: { text: string }[] = [];
  let depth = 0;
  let braces = 0;
  for (;;) {
    const t = c.popToken();
    if (t.text === 'EOF') throw new katex.ParseError(`Expected '${close}' to close the '${open}' of a physics command`);
    if (t.text === '{') braces++;
    else if (t.text === '}') braces--;
    else if (braces === 0 && t.text === close && depth === 0) break;
    else if (braces === 0 && open !== close && t.text === open) depth++;
    else if (braces === 0 && open !== close && t.text === close) depth--;
    out.push(t);
  }
  return toTex(out);
}

/** `[…]` next (an optional argument): its TeX. */
function optional(c: MacroContext): string | undefined {
  return peek(c) === '[' ? delimited(c, '[', ']') : undefined;
}

/** The argument of a command taking `{…}`, `(…)`, `[…]` or `|…|`: the delimiters written and the TeX. */
function anyDelimited(c: MacroContext): { open: string; tex: string } | undefined {
  const next = peek(c);
  if (next === '{') return { open: '{', tex: group(c)! };
  if (next === '(') return { open: '(', tex: delimited(c, '(', ')') };
  if (next === '[') return { open: '[', tex: delimited(c, '[', ']') };
  if (next === '|') return { open: '|', tex: delimited(c, '|', '|') };
  return undefined;
}

const SIZED: Record<string, [string, string]> = { '(': ['\\left(', '\\right)'], '[': ['\\left[', '\\right]'], '{': ['\\left\\{', '\\right\\}'], '|': ['\\left|', '\\right|'] };
const FIXED: Record<string, [string, string]> = { '(': ['(', ')'], '[': ['[', ']'], '{': ['\\{', '\\}'], '|': ['|', '|'] };

/** `\dv`, `\pdv`, `\fdv`: `[n]{f}{x}`, `{x}` alone, `{f}{x}{y}` (mixed partial); `*` is the inline f/x form. */
function derivative(d: string, mixed: boolean) {
  return (c: MacroContext): string => {
    const inline = star(c);
    const n = optional(c);
    const first = group(c);
    if (first === undefined) return d;
    const second = group(c);
    const third = mixed && second !== undefined ? group(c) : undefined;
    const fn = second === undefined ? '' : `{${first}}`;
    const x = second ?? first;
    const power = n === undefined ? '' : `^{${n}}`;
    if (third !== undefined) {
      const top = `${d}^{2}${fn}`;
      const bottom = `${d}{${x}}\\,${d}{${third}}`;
      return inline ? `${top}/${bottom}` : `\\frac{${top}}{${bottom}}`;
    }
    const top = `${d}${power}${fn}`;
    const bottom = `${d}{${x}}${power}`;
    return inline ? `${top}/${bottom}` : `\\frac{${top}}{${bottom}}`;
  };
}

/** A pair of delimiters around one argument, sized unless starred. */
function delimiters(open: string, close: string, fixedOpen: string, fixedClose: string) {
  return (c: MacroContext): string => {
    const fixed = star(c);
    const x = group(c) ?? '';
    return fixed ? `${fixedOpen}{${x}}${fixedClose}` : `${open}{${x}}${close}`;
  };
}

function twoArgs(f: (a: string, b: string) => string) {
  return (c: MacroContext): string => f(group(c) ?? '', group(c) ?? '');
}

function matrix(env: string | undefined) {
  return (c: MacroContext): string => {
    const arg = env ? { open: '', tex: group(c) ?? '' } : anyDelimited(c);
    if (!arg) return '';
    const name = env ?? ({ '(': 'pmatrix', '[': 'bmatrix', '|': 'vmatrix', '{': 'matrix' } as Record<string, string>)[arg.open]!;
    return `\\begin{${name}}${arg.tex}\\end{${name}}`;
  };
}

const D = '\\mathrm{d}';

export const PACKAGE_MACROS: Readonly<Record<string, KatexMacro>> = {
  // MathJax's base: \mbox is text in math (KaTeX has \text, not \mbox)
  '\\mbox': '\\text',
  // MathJax's base: \overparen{AB} and \underparen{AB}, an arc over (under) its argument, stretched to its
  // width (U+23DC, U+23DD); KaTeX's \overgroup and \undergroup draw the same arc (a wide one flat in the
  // middle, with rounded ends, as MathJax stretches it)
  '\\overparen': '\\overgroup',
  '\\underparen': '\\undergroup',
  // MathJax's base: \displaylines{a \\ b} centres its lines, as gathered does
  '\\displaylines': '\\begin{gathered}#1\\end{gathered}',
  // amsmath's \idotsint (MathJax's AMS package): two integral signs with dots between
  '\\idotsint': '\\int\\cdots\\int',
  // TeX's \buildrel a \over b (MathJax's base): a set over the relation b
  '\\buildrel': (c) => {
    const over = [...c.consumeArg(['\\over']).tokens].reverse();
    const rel = [...c.consumeArg().tokens].reverse();
    return `\\mathrel{\\mathop{${toTex(rel)}}\\limits^{${toTex(over)}}}`;
  },
  // physics: derivatives
  '\\dv': derivative(D, false),
  '\\derivative': derivative(D, false),
  '\\pdv': derivative('\\partial', true),
  '\\partialderivative': derivative('\\partial', true),
  '\\fdv': derivative('\\delta', false),
  '\\functionalderivative': derivative('\\delta', false),
  '\\dd': (c) => {
    const n = optional(c);
    const x = group(c);
    return `\\mathop{}\\!${D}${n === undefined ? '' : `^{${n}}`}${x === undefined ? '' : `{${x}}`}`;
  },
  '\\var': (c) => {
    const x = group(c);
    return x === undefined ? '\\delta' : `\\delta{${x}}`;
  },
  // physics: delimiters
  '\\abs': delimiters('\\left\\lvert', '\\right\\rvert', '\\lvert', '\\rvert'),
  '\\absolutevalue': delimiters('\\left\\lvert', '\\right\\rvert', '\\lvert', '\\rvert'),
  '\\norm': delimiters('\\left\\lVert', '\\right\\rVert', '\\lVert', '\\rVert'),
  '\\qty': (c) => {
    const fixed = star(c);
    const arg = anyDelimited(c);
    if (!arg) return '';
    const [open, close] = (fixed ? FIXED : SIZED)[arg.open]!;
    return `${open}{${arg.tex}}${close}`;
  },
  '\\quantity': '\\qty',
  '\\pqty': delimiters('\\left(', '\\right)', '(', ')'),
  '\\bqty': delimiters('\\left[', '\\right]', '[', ']'),
  '\\Bqty': delimiters('\\left\\{', '\\right\\}', '\\{', '\\}'),
  '\\vqty': delimiters('\\left|', '\\right|', '|', '|'),
  '\\eval': (c) => {
    const next = peek(c);
    if (next === '(' || next === '[') {
      const x = delimited(c, next, '|');
      return `\\left${next}{${x}}\\right|`;
    }
    return `\\left.{${group(c) ?? ''}}\\right|`;
  },
  '\\evaluated': '\\eval',
  '\\order': (c) => {
    const arg = anyDelimited(c);
    return `\\mathcal{O}\\left(${arg?.tex ?? ''}\\right)`;
  },
  // physics: Dirac notation (KaTeX has braket's \bra, \ket, \braket{…})
  '\\expval': (c) => {
    const fixed = star(c);
    const a = group(c) ?? '';
    const state = group(c);
    const [l, m, r] = fixed ? ['\\langle', '|', '\\rangle'] : ['\\left\\langle', '\\middle|', '\\right\\rangle'];
    return state === undefined ? `${l}{${a}}${r}` : `${l}{${state}}${m}{${a}}${m}{${state}}${r}`;
  },
  '\\ev': '\\expval',
  '\\expectationvalue': '\\expval',
  '\\mel': (c) => {
    const fixed = star(c);
    const [n, a, m] = [group(c) ?? '', group(c) ?? '', group(c) ?? ''];
    return fixed ? `\\langle{${n}}|{${a}}|{${m}}\\rangle` : `\\left\\langle{${n}}\\middle|{${a}}\\middle|{${m}}\\right\\rangle`;
  },
  '\\matrixelement': '\\mel',
  '\\ip': twoArgs((a, b) => `\\left\\langle{${a}}\\middle|{${b}}\\right\\rangle`),
  '\\innerproduct': '\\ip',
  '\\op': twoArgs((a, b) => `\\lvert{${a}}\\rangle\\!\\langle{${b}}\\rvert`),
  '\\outerproduct': '\\op',
  '\\braket': (c) => {
    const a = group(c) ?? '';
    const b = group(c);
    // braket's one-argument form as KaTeX has it; physics's two-argument form ⟨a|b⟩.
    return b === undefined ? `\\mathinner{\\langle{${a}}\\rangle}` : `\\left\\langle{${a}}\\middle|{${b}}\\right\\rangle`;
  },
  // physics: brackets
  '\\comm': twoArgs((a, b) => `\\left[{${a}},{${b}}\\right]`),
  '\\commutator': '\\comm',
  '\\acomm': twoArgs((a, b) => `\\left\\{{${a}},{${b}}\\right\\}`),
  '\\anticommutator': '\\acomm',
  '\\pb': twoArgs((a, b) => `\\left\\{{${a}},{${b}}\\right\\}`),
  '\\poissonbracket': '\\pb',
  // physics: vectors
  '\\vb': (c) => (star(c) ? `\\boldsymbol{${group(c) ?? ''}}` : `\\mathbf{${group(c) ?? ''}}`),
  '\\vectorbold': '\\vb',
  '\\va': (c) => (star(c) ? `\\vec{${group(c) ?? ''}}` : `\\vec{\\mathrm{${group(c) ?? ''}}}`),
  '\\vectorarrow': '\\va',
  '\\vu': (c) => (star(c) ? `\\hat{\\boldsymbol{${group(c) ?? ''}}}` : `\\hat{\\mathbf{${group(c) ?? ''}}}`),
  '\\vectorunit': '\\vu',
  '\\grad': '\\nabla',
  '\\gradient': '\\nabla',
  '\\curl': '\\nabla\\times',
  '\\divergence': '\\nabla\\cdot',
  '\\laplacian': '\\nabla^2',
  // physics: products (bold ⋅, ×) and \diffd, \flatfrac as physics draws them
  '\\vdot': '\\mathbin{\\boldsymbol{\\cdot}}',
  '\\dotproduct': '\\mathbin{\\boldsymbol{\\cdot}}',
  '\\cross': '\\times',
  '\\crossproduct': '\\times',
  '\\cp': '\\times',
  '\\diffd': D,
  '\\flatfrac': '\\left.#1\\middle/#2\\right.',
  // physics: operators
  '\\tr': '\\operatorname{tr}',
  '\\trace': '\\operatorname{tr}',
  '\\Tr': '\\operatorname{Tr}',
  '\\rank': '\\operatorname{rank}',
  '\\erf': '\\operatorname{erf}',
  '\\Res': '\\operatorname{Res}',
  // physics: matrices
  '\\mqty': matrix(undefined),
  '\\matrixquantity': '\\mqty',
  '\\pmqty': matrix('pmatrix'),
  '\\bmqty': matrix('bmatrix'),
  '\\vmqty': matrix('vmatrix'),
  '\\Bmqty': matrix('Bmatrix'),
  '\\smqty': matrix('smallmatrix'),
};

/** MathJax commands KaTeX lacks that are not emulated: what to write instead. */
export const SUGGESTIONS: Readonly<Record<string, string>> = {
  '\\cancelto': 'KaTeX has no \\cancelto (MathJax cancel): write \\cancel{x} and put the value beside it, e.g. \\overset{0}{\\cancel{x}}',
  '\\bbox': 'KaTeX has no \\bbox (MathJax bbox): write \\boxed{…}, \\fbox{…} or \\colorbox{color}{…}',
  '\\enclose': 'KaTeX has no \\enclose (MathJax enclose): write \\boxed{…}, \\cancel{…}, \\bcancel{…}, \\xcancel{…} or \\sout{…}',
  '\\unicode': 'KaTeX has no \\unicode (MathJax unicode): write the character itself',
  '\\class': 'KaTeX has no \\class (MathJax html): remove it, or style the page instead',
  '\\cssId': 'KaTeX has no \\cssId (MathJax html): remove it',
  '\\style': 'KaTeX has no \\style (MathJax html): remove it, or use \\color{…}',
  '\\mmlToken': 'KaTeX has no \\mmlToken (MathJax): write the symbol in TeX',
  '\\newenvironment': 'KaTeX has no \\newenvironment: write the environment out, or define a command with \\newcommand',
  '\\renewenvironment': 'KaTeX has no \\renewenvironment: write the environment out, or define a command with \\newcommand',
  '\\sideset': 'KaTeX has no \\sideset: write {}^{a}_{b}\\sum^{c}_{d} instead',
  '\\dmat': 'KaTeX has no physics \\dmat: write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
  '\\admat': 'KaTeX has no physics \\admat: write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
  '\\xmat': 'KaTeX has no physics \\xmat: write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
  '\\zmat': 'KaTeX has no physics \\zmat: write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
  '\\imat': 'KaTeX has no physics \\imat: write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
  '\\pmat': 'KaTeX has no physics \\pmat (Pauli matrices): write the matrix out with \\begin{pmatrix}…\\end{pmatrix}',
};

/**
 * KaTeX's message with what to do about an unknown command: the suggestion for a MathJax command KaTeX
 * lacks, or how to define it.
 */
export function withSuggestion(message: string): string {
  // A `$` inside a formula: two formulas written together (`$a$$b$` is one formula, `a$$b`, as in
  // Pandoc and remark-math), or a dollar sign.
  if (/^Can't use function '\$' in math mode/.test(message)) {
    return `${message}. Two formulas written together ($a$$b$) are read as one: put a space between them ($a$ $b$); a dollar sign in a formula is \\$`;
  }
  const m = /^Undefined control sequence: (\\[A-Za-z@]+|\\.)/.exec(message);
  if (!m) return message;
  const name = m[1]!;
  const hint =
    SUGGESTIONS[name] ??
    `If a MathJax extension defined it, define ${name} yourself: with \\newcommand inside math on the page, before its first use ($\\newcommand{${name}}{…}$), or in params.prerender.katex.macros in the site config`;
  return `${message}. ${hint}`;
}
