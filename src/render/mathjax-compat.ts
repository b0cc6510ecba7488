/**
 * What posts written for MathJax use and KaTeX lacks, emulated page by page before KaTeX sees the TeX
 * (measured on fixtures/corpus: `\label`/`\eqref`/`\ref`, `_\boldsymbol{…}`, MathJax's lenient array
 * column specs; `multline`, which KaTeX does not have):
 * - equation numbering across the page, as MathJax's AMS numbering: every row of an unstarred
 *   equation, align, gather, alignat, flalign, eqnarray or multline gets the next number (`\nonumber`
 *   and `\notag` rows none, `\tag{…}` rows their own), written out as `\tag{n}` in the starred form, so
 *   numbers do not depend on CSS counters; `\label{x}` records the row's number, and `\eqref{x}` and
 *   `\ref{x}` anywhere on the page become `(n)` and `n`;
 * - `_\cmd{…}` and `^\cmd{…}` with a one-argument command (MathJax takes the command and its argument as
 *   the script; KaTeX wants braces) get braces;
 * - `\begin{array}{…}` column letters other than l, c, r (which MathJax ignores) become c;
 * - `multline` becomes `gather` (each line centred instead of the first left and the last right).
 * Each change that alters what the reader sees is reported as a warning at the formula.
 */

export interface AdaptedFormula {
  tex: string;
  warnings: string[];
}

const NUMBERED = /\\begin\{(equation|align|gather|alignat|flalign|eqnarray)\}/g;
const ONE_ARG =
  'boldsymbol|bm|mathbf|mathrm|mathit|mathcal|mathbb|mathsf|mathtt|mathfrak|mathscr|text|textrm|textbf|textit|operatorname|hat|bar|tilde|vec|dot|ddot|overline|underline|widehat|widetilde|sqrt';
const SCRIPT_ARG = new RegExp(`([_^])\\s*(\\\\(?:${ONE_ARG}))\\s*(\\{(?:[^{}]|\\{(?:[^{}]|\\{[^{}]*\\})*\\})*\\})`, 'g');
const ARRAY_SPEC = /\\begin\{array\}\{([A-Za-z|: ]*)\}/g;

/** The index just after the `}` closing the group that starts at `open` (a `{`), or -1. */
export function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits an environment body into rows at top-level `\\` (not inside braces or a nested environment). */
function rows(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let envDepth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '\\') {
      if (body.startsWith('\\begin{', i)) envDepth++;
      else if (body.startsWith('\\end{', i)) envDepth--;
      else if (body[i + 1] === '\\' && depth === 0 && envDepth === 0) {
        out.push(body.slice(start, i));
        start = i + 2;
      }
      i++;
    }
  }
  out.push(body.slice(start));
  return out;
}

const LABEL = /\\label\s*\{([^{}]*)\}/g;
const TAG = /\\tag\*?\s*\{([^{}]*)\}/;

export function adaptForKatex(formulas: readonly { tex: string }[]): AdaptedFormula[] {
  const labels = new Map<string, string>();
  let n = 0;
  const numberRow = (row: string, numbered: boolean): string => {
    const tag = TAG.exec(row);
    const off = /\\(nonumber|notag)\b/.test(row);
    let number: string | undefined;
    let out = row.replace(/\\(nonumber|notag)\b/g, '');
    if (tag) number = tag[1];
    else if (numbered && !off) {
      number = String(++n);
      const trailing = /\s*$/.exec(out)![0];
      out = `${out.slice(0, out.length - trailing.length)} \\tag{${number}}${trailing}`;
    }
    return out.replace(LABEL, (_m, name: string) => {
      if (number !== undefined) labels.set(name.trim(), number);
      return '';
    });
  };

  const first = formulas.map(({ tex }) => {
    const warnings: string[] = [];
    let t = tex;
    if (/\\begin\{multline\*?\}/.test(t)) {
      t = t.replace(/\\(begin|end)\{multline(\*?)\}/g, '\\$1{gather$2}');
      warnings.push('multline is typeset as gather (KaTeX has no multline): every line is centred');
    }
    t = t.replace(ARRAY_SPEC, (m, spec: string) => {
      const fixed = spec.replace(/[A-Za-z]/g, (c) => ('lcr'.includes(c) ? c : 'c'));
      return fixed === spec ? m : m.replace(`{${spec}}`, `{${fixed}}`);
    });
    t = t.replace(SCRIPT_ARG, '$1{$2$3}');
    // Numbered environments, outermost first, left to right.
    let out = '';
    let pos = 0;
    NUMBERED.lastIndex = 0;
    for (let m = NUMBERED.exec(t); m; m = NUMBERED.exec(t)) {
      const name = m[1]!;
      const end = `\\end{${name}}`;
      const close = t.indexOf(end, m.index);
      if (close === -1) break;
      let bodyStart = m.index + m[0].length;
      // alignat's column count argument stays with the opening.
      if (name === 'alignat' && t[bodyStart] === '{') bodyStart = groupEnd(t, bodyStart);
      const body = t.slice(bodyStart, close);
      out += `${t.slice(pos, m.index)}\\begin{${name}*}${t.slice(m.index + m[0].length, bodyStart)}`;
      out += rows(body)
        .map((r) => numberRow(r, true))
        .join('\\\\');
      out += `\\end{${name}*}`;
      pos = close + end.length;
      NUMBERED.lastIndex = pos;
    }
    t = out + t.slice(pos);
    // A label outside numbered environments: the formula's own \tag, else nothing to refer to.
    if (LABEL.test(t)) {
      LABEL.lastIndex = 0;
      t = numberRow(t, false);
    }
    LABEL.lastIndex = 0;
    return { tex: t, warnings };
  });

  return first.map(({ tex, warnings }) => ({
    tex: tex.replace(/\\(eqref|ref)\s*\{([^{}]*)\}/g, (_m, cmd: string, name: string) => {
      const number = labels.get(name.trim());
      if (number === undefined) {
        warnings.push(`\\${cmd}{${name}} refers to no \\label{${name}} on this page; it shows as (?)`);
        return cmd === 'eqref' ? '\\text{(?)}' : '\\text{?}';
      }
      return cmd === 'eqref' ? `\\text{(${number})}` : `\\text{${number}}`;
    }),
    warnings,
  }));
}
