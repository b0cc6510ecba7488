/**
 * A page's own macros, as MathJax keeps them: `\newcommand`, `\renewcommand`, `\providecommand`, `\def`,
 * `\gdef`, `\let` and `\DeclareMathOperator` (and `*`) in one formula hold for every later formula of the same
 * page, in document order (never for another page). KaTeX forgets definitions between formulas, so the
 * definitions are collected here first: each is blanked out of its formula (spaces, so that KaTeX's error
 * offsets still index the formula), and each formula is given, as a preamble, the definitions in effect
 * that it uses (directly or through another definition), written as `\def`s KaTeX accepts whether or not
 * the name is already defined. A formula that held only definitions typesets to nothing.
 *
 * The preamble is typeset with its formula, so KaTeX's limits (mathExpansions, mathTokens) bound it like
 * the rest of the formula; its length is bounded by `maxChars` as well.
 */
import { groupEnd } from './mathjax-compat.js';

export interface PageMacroResult {
  /** The formula with its definitions blanked out. */
  tex: string;
  /** The definitions in effect that the formula uses, as TeX to put before it (often ''). */
  preamble: string;
  /** True when the formula held definitions and nothing else: it typesets to nothing. */
  definitionsOnly: boolean;
  warnings: string[];
}

interface Definition {
  /** The definition as KaTeX should read it. */
  tex: string;
  /** Control sequences its body uses. */
  uses: Set<string>;
  /** Order of definition on the page (the preamble keeps it). */
  seq: number;
}

const CONTROL = /\\([A-Za-z@]+|[^A-Za-z@])/g;

function controlSequences(tex: string): Set<string> {
  const out = new Set<string>();
  for (const m of tex.matchAll(CONTROL)) out.add(`\\${m[1]}`);
  return out;
}

/** Skips spaces (and newlines) from i. */
function skipSpace(tex: string, i: number): number {
  while (i < tex.length && /\s/.test(tex[i]!)) i++;
  return i;
}

/** A control sequence name at i (`\name` or `\x`), or undefined. */
function controlAt(tex: string, i: number): string | undefined {
  if (tex[i] !== '\\') return undefined;
  const m = /^\\(?:[A-Za-z@]+|[^A-Za-z@\s])/.exec(tex.slice(i, i + 200));
  return m?.[0];
}

/** The macro name of `{\name}` or `\name` at i, and where it ends. */
function nameAt(tex: string, i: number): { name: string; end: number } | undefined {
  i = skipSpace(tex, i);
  if (tex[i] === '{') {
    const end = groupEnd(tex, i);
    if (end < 0) return undefined;
    const inner = tex.slice(i + 1, end - 1).trim();
    const name = controlAt(inner, 0);
    return name && name === inner ? { name, end } : undefined;
  }
  const name = controlAt(tex, i);
  return name ? { name, end: i + name.length } : undefined;
}

/** `[…]` at i (after spaces): its content and end. */
function bracketAt(tex: string, i: number): { text: string; end: number } | undefined {
  const j = skipSpace(tex, i);
  if (tex[j] !== '[') return undefined;
  let depth = 0;
  for (let k = j + 1; k < tex.length; k++) {
    const c = tex[k];
    if (c === '\\') k++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ']' && depth === 0) return { text: tex.slice(j + 1, k), end: k + 1 };
  }
  return undefined;
}

/** `{…}` at i (after spaces): its content and end. */
function braceAt(tex: string, i: number): { text: string; end: number } | undefined {
  const j = skipSpace(tex, i);
  if (tex[j] !== '{') return undefined;
  const end = groupEnd(tex, j);
  return end < 0 ? undefined : { text: tex.slice(j + 1, end - 1), end };
}

/** Letters only, for helper macro names (`\hp@opt@b`). */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

interface Found {
  start: number;
  end: number;
  /** name → its definition as KaTeX should read it (two for a command with an optional argument). */
  defs: [string, string][];
  warning?: string;
}

const DEFINER = /\\(newcommand|renewcommand|providecommand|DeclareMathOperator|def|gdef|let)(?![A-Za-z@])/g;

/** Whether a formula may define something (a cheap test first: almost no formula does). */
function mayDefine(tex: string): boolean {
  return tex.includes('command') || tex.includes('def') || tex.includes('DeclareMathOperator') || tex.includes('\\let');
}

/** The definition starting at `m` (a DEFINER match), or undefined when it is malformed (KaTeX reports it). */
function readDefinition(tex: string, kind: string, at: number, after: number, optCount: { n: number }): Found | undefined {
  if (kind === 'let') {
    // `\let\name\target` or `\let\name=\target`: the name means what the target means (KaTeX has \let).
    const name = controlAt(tex, skipSpace(tex, after));
    if (!name) return undefined;
    let i = skipSpace(tex, skipSpace(tex, after) + name.length);
    if (tex[i] === '=') i = skipSpace(tex, i + 1);
    const target = controlAt(tex, i) ?? (/[^\s{}%\\]/.test(tex[i] ?? '') ? tex[i] : undefined);
    if (!target) return undefined;
    // A space after a control word ends it, so that the formula after the preamble cannot extend its name.
    return { start: at, end: i + target.length, defs: [[name, `\\let${name}=${target}${/^\\[A-Za-z@]+$/.test(target) ? ' ' : ''}`]] };
  }
  if (kind === 'def' || kind === 'gdef') {
    const name = controlAt(tex, skipSpace(tex, after));
    if (!name) return undefined;
    const paramsStart = skipSpace(tex, after) + name.length;
    const open = tex.indexOf('{', paramsStart);
    if (open < 0) return undefined;
    const params = tex.slice(paramsStart, open);
    if (/[{}]/.test(params)) return undefined;
    const end = groupEnd(tex, open);
    if (end < 0) return undefined;
    return { start: at, end, defs: [[name, `\\def${name}${params}${tex.slice(open, end)}`]] };
  }
  let i = after;
  let star = false;
  if (tex[skipSpace(tex, i)] === '*') {
    star = true;
    i = skipSpace(tex, i) + 1;
  }
  const named = nameAt(tex, i);
  if (!named) return undefined;
  const { name } = named;
  if (kind === 'DeclareMathOperator') {
    const body = braceAt(tex, named.end);
    if (!body) return undefined;
    return { start: at, end: body.end, defs: [[name, `\\def${name}{\\operatorname${star ? '*' : ''}{${body.text}}}`]] };
  }
  let n = 0;
  let pos = named.end;
  const count = bracketAt(tex, pos);
  if (count) {
    if (!/^\s*[0-9]\s*$/.test(count.text)) return undefined;
    n = Number(count.text.trim());
    pos = count.end;
  }
  const optional = n > 0 ? bracketAt(tex, pos) : undefined;
  if (optional) pos = optional.end;
  const body = braceAt(tex, pos);
  if (!body) return undefined;
  const params = Array.from({ length: n }, (_, k) => `#${k + 1}`).join('');
  if (kind === 'providecommand') {
    // Defined only when the name is not: KaTeX knows its own commands.
    return { start: at, end: body.end, defs: [[name, `\\providecommand{${name}}${n ? `[${n}]` : ''}{${body.text}}`]] };
  }
  if (!optional) return { start: at, end: body.end, defs: [[name, `\\def${name}${params}{${body.text}}`]] };
  // An optional first argument with a default: the command looks for `[`, a helper takes it delimited.
  const helper = `\\hp@opt@${letters(optCount.n++)}`;
  const rest = Array.from({ length: n - 1 }, (_, k) => `#${k + 2}`).join('');
  return {
    start: at,
    end: body.end,
    defs: [
      [helper, `\\def${helper}[#1]${rest}{${body.text}}`],
      [name, `\\def${name}{\\@ifnextchar[{${helper}}{${helper}[{${optional.text}}]}}`],
    ],
  };
}

/** Replaces every character but line breaks with a space. */
function blank(text: string): string {
  return text.replace(/[^\n\r]/g, ' ');
}

/**
 * The page's formulas, in document order, with definitions carried forward. `maxChars` bounds a
 * formula's preamble (its definitions beyond it are left out and reported).
 */
export function carryPageMacros(formulas: readonly { tex: string }[], maxChars: number): PageMacroResult[] {
  const defined = new Map<string, Definition>();
  let seq = 0;
  const optCount = { n: 0 };
  return formulas.map(({ tex }) => {
    const warnings: string[] = [];
    let out = '';
    let pos = 0;
    let found = 0;
    DEFINER.lastIndex = 0;
    // Cheap test first: almost no formula defines anything.
    if (mayDefine(tex)) {
      for (let m = DEFINER.exec(tex); m; m = DEFINER.exec(tex)) {
        const def = readDefinition(tex, m[1]!, m.index, m.index + m[0].length, optCount);
        if (!def) continue;
        found++;
        for (const [name, text] of def.defs) {
          defined.set(name, { tex: text, uses: controlSequences(text.slice(text.indexOf(name) + name.length)), seq: seq++ });
        }
        out += tex.slice(pos, def.start) + blank(tex.slice(def.start, def.end));
        pos = def.end;
        DEFINER.lastIndex = def.end;
      }
    }
    const own = out + tex.slice(pos);
    if (found > 0 && own.trim() === '') return { tex: own, preamble: '', definitionsOnly: true, warnings };
    if (defined.size === 0) return { tex: own, preamble: '', definitionsOnly: false, warnings };
    // The definitions this formula uses, and the ones those use.
    const needed = new Map<string, Definition>();
    const queue = [...controlSequences(own)];
    while (queue.length > 0) {
      const name = queue.pop()!;
      const def = defined.get(name);
      if (!def || needed.has(name)) continue;
      needed.set(name, def);
      queue.push(...def.uses);
    }
    const ordered = [...needed.values()].sort((a, b) => a.seq - b.seq);
    let preamble = '';
    for (const d of ordered) {
      if (preamble.length + d.tex.length > maxChars) {
        warnings.push(`the page's macros this formula uses add up to more than ${maxChars} characters; the rest were left out (params.prerender.limits.mathTokens)`);
        break;
      }
      preamble += d.tex;
    }
    return { tex: own, preamble, definitionsOnly: false, warnings };
  });
}

/**
 * For copies of the page's math shown elsewhere (a heading in the table of contents, the summary, a title
 * with math): each copy gets the page's definitions it uses, as of the end of the page, as MathJax would
 * have them by the time such a copy is typeset. Only the formulas that define something are read again.
 */
export function pageMacrosForCopies(formulas: readonly { tex: string }[], maxChars: number): (tex: string) => PageMacroResult {
  // Copies of the texts: the caller may blank the definitions out of its formulas afterwards.
  const defining = formulas.filter(({ tex }) => mayDefine(tex)).map(({ tex }) => ({ tex }));
  if (defining.length === 0) return (tex) => ({ tex, preamble: '', definitionsOnly: false, warnings: [] });
  return (tex) => carryPageMacros([...defining, { tex }], maxChars).at(-1)!;
}
