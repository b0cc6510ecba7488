/**
 * What posts written for MathJax use and KaTeX lacks, emulated page by page before KaTeX sees the TeX
 * (measured on fixtures/corpus: `\label`/`\eqref`/`\ref`, `_\boldsymbol{…}`, MathJax's lenient array
 * column specs; `multline`, `eqnarray` and `flalign`, which KaTeX does not have):
 * - equation numbering across the page in the order the rendered page shows the formulas (footnotes
 *   last, as Goldmark puts them), as MathJax 3's AMS numbering: every row of an unstarred
 *   equation, align, gather, alignat, flalign or eqnarray gets the next number (`\nonumber` and `\notag`
 *   rows none, `\tag{…}` rows their own), multline one number on its last line, an empty last row (a
 *   trailing `\\`) none, written out as `\tag{n}` in the starred form, so numbers do not depend on CSS
 *   counters; `\label{x}` records its row's number (or `\tag`, starred environments too), and
 *   `\eqref{x}` and `\ref{x}` anywhere on the page become `(n)` and `n`;
 * - `_\cmd…` and `^\cmd…` with a command that takes arguments (`x_\boldsymbol\mu`, `y^\overrightarrow{AB}`,
 *   `x_\operatorname*{max}`), or a page's or site's macro whose body is one such command (`\nabla_\vtheta`
 *   with `\vtheta` → `\boldsymbol{\theta}`): MathJax takes the command and its arguments as the script,
 *   KaTeX wants braces, which they get;
 * - `\begin{array}{…}` column specs become what KaTeX takes (l, c, r, `|`, `:`): `*{n}{…}` expanded,
 *   `p{…}`, `m{…}`, `b{…}` as l, other letters (which MathJax ignores) as c, `@{…}`, `!{…}`, `>{…}`,
 *   `<{…}` and an optional `[t]` left out (see adaptArrays);
 * - `multline` becomes `gather` (each line centred instead of the first left and the last right),
 *   `flalign` becomes `align` (centred instead of spread to the margins) and `eqnarray` becomes `align`
 *   with its middle column joined to the right-hand side (`a &=& b` as `a &= b`).
 * Each change that alters what the reader sees is reported as a warning at the formula.
 */

export interface AdaptedFormula {
  tex: string;
  warnings: string[];
}

/**
 * KaTeX's commands that take arguments, by how many: as a script (`x_\boldsymbol\mu`) KaTeX rejects them
 * without braces ("Got function … with no arguments as subscript"), MathJax takes the command and its
 * arguments as the script.
 */
const ARITY: Readonly<Record<string, number>> = Object.fromEntries([
  ...'boldsymbol bm pmb mathbf mathrm mathit mathcal mathbb mathsf mathtt mathfrak mathscr mathnormal mathsfit Bbb bold frak text textrm textbf textit textsf texttt textup textmd textnormal emph operatorname mathop mathbin mathrel mathord mathopen mathclose mathpunct mathinner hat check breve acute grave tilde bar vec dot ddot dddot mathring widehat widetilde widecheck overline underline overrightarrow overleftarrow overleftrightarrow underrightarrow underleftarrow underleftrightarrow overgroup undergroup overparen underparen overbrace underbrace overlinesegment underlinesegment Overrightarrow sqrt boxed cancel bcancel xcancel sout phantom hphantom vphantom smash mathllap mathrlap mathclap llap rlap clap'
    .split(' ')
    .map((name) => [`\\${name}`, 1] as const),
  ...'frac dfrac tfrac cfrac binom dbinom tbinom overset underset stackrel textcolor colorbox'.split(' ').map((name) => [`\\${name}`, 2] as const),
]);

/** A macro's parameter count and body (page's or site's). */
interface Macro {
  arity: number;
  body: string;
}

/** The `\def`s of a formula's preamble (render/page-macros.ts writes them so), name → macro. */
function preambleMacros(preamble: string): Map<string, Macro> {
  const out = new Map<string, Macro>();
  for (const m of preamble.matchAll(/\\def(\\[A-Za-z@]+)((?:#[1-9])*)\{/g)) {
    const end = groupEnd(preamble, m.index + m[0].length - 1);
    if (end > 0) out.set(m[1]!, { arity: m[2]!.length / 2, body: preamble.slice(m.index + m[0].length, end - 1) });
  }
  return out;
}

/** Where the argument at i ends (after spaces: a group, a control sequence or one character), or -1. */
function argEnd(tex: string, i: number): number {
  while (/\s/.test(tex[i] ?? '')) i++;
  const c = tex[i];
  if (c === undefined || c === '}' || c === '&' || c === '_' || c === '^') return -1;
  if (c === '{') return groupEnd(tex, i);
  if (c === '\\') return i + (/^\\(?:[A-Za-z@]+|[^])/.exec(tex.slice(i, i + 100))?.[0].length ?? 1);
  return i + 1;
}

/**
 * Where the item starting with the control word `name` at i ends when it is one that KaTeX needs braces
 * around as a script: a command of ARITY with its arguments (`\operatorname*{…}`, `\sqrt[3]{…}` too), or a
 * macro whose body is one such item, with its own arguments. -1 for anything else (a symbol KaTeX takes
 * as it is; a macro whose body is more than one item, whose first item alone MathJax takes as the script).
 */
function scriptItemEnd(tex: string, i: number, name: string, macros: ReadonlyMap<string, Macro>, depth = 0): number {
  let end = i + name.length;
  const arity = ARITY[name];
  if (arity !== undefined) {
    if (name === '\\operatorname' && /^\s*\*/.test(tex.slice(end))) end = tex.indexOf('*', end) + 1;
    if (name === '\\sqrt' && /^\s*\[/.test(tex.slice(end))) {
      end = tex.indexOf(']', end) + 1;
      if (end === 0) return -1;
    }
    for (let k = 0; k < arity; k++) {
      end = argEnd(tex, end);
      if (end < 0) return -1;
    }
    return end;
  }
  const macro = macros.get(name);
  if (!macro || depth > 8) return -1;
  const body = macro.body.trim();
  const inner = /^\\[A-Za-z@]+/.exec(body)?.[0];
  if (!inner || scriptItemEnd(body, 0, inner, macros, depth + 1) !== body.length) return -1;
  for (let k = 0; k < macro.arity; k++) {
    end = argEnd(tex, end);
    if (end < 0) return -1;
  }
  return end;
}

/** `_\cmd…` and `^\cmd…` where KaTeX needs braces around the command and its arguments: braced. */
function braceScripts(tex: string, macros: ReadonlyMap<string, Macro>): string {
  let out = '';
  let pos = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '_' && c !== '^') continue;
    let j = i + 1;
    while (/\s/.test(tex[j] ?? '')) j++;
    const name = /^\\[A-Za-z@]+/.exec(tex.slice(j, j + 100))?.[0];
    if (!name) continue;
    const end = scriptItemEnd(tex, j, name, macros);
    if (end < 0) continue;
    out += `${tex.slice(pos, j)}{${tex.slice(j, end)}}`;
    pos = end;
    i = end - 1;
  }
  return out + tex.slice(pos);
}

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

/** The most columns a `\begin{array}` spec may have once its `*{n}{…}` are expanded. */
const MAX_ARRAY_COLUMNS = 256;

/** `@{…}` or `!{…}` content that is only space between the columns (or none): leaving it out moves nothing. */
const SPACING_ONLY = /^(?:\s|\\[,:;! ]|\\(?:quad|qquad|enspace|thinspace|medspace|thickspace|negthinspace|negmedspace|negthickspace)(?![A-Za-z@])|\\(?:hspace\*?|hskip|kern|mkern|mskip)\s*(?:\{[^{}]*\}|[-+\d.]+\s*[a-z]{2}))*$/;

/** An argument in a column spec at i (after spaces): a `{…}` group's inside, a control word, or one character. */
function specArgument(spec: string, i: number): { text: string; end: number } | undefined {
  while (/\s/.test(spec[i] ?? '')) i++;
  const c = spec[i];
  if (c === undefined || c === '}') return undefined;
  if (c === '{') {
    const end = groupEnd(spec, i);
    return end < 0 ? undefined : { text: spec.slice(i + 1, end - 1), end };
  }
  const word = /^\\(?:[A-Za-z@]+|[^])/.exec(spec.slice(i, i + 100))?.[0] ?? c;
  return { text: word, end: i + word.length };
}

/**
 * An array's column spec as KaTeX takes it (l, c, r, `|` and `:` only), from what LaTeX's array package
 * and MathJax accept: `*{n}{…}` repeated, `p{…}`, `m{…}`, `b{…}` as l (the width is not kept, as in
 * MathJax 3), `w{…}{…}` and `W{…}{…}` as their alignment, other letters as c (MathJax ignores them);
 * `@{…}`, `!{…}`, `>{…}` and `<{…}` left out, named in `lost` when that hides something (not a space).
 * `problem` when it cannot be made one (a repeat count that is not a number, too many columns).
 */
function katexColumns(spec: string, lost: string[], depth = 0): { columns: string; problem?: string } {
  let columns = '';
  if (depth > 8) return { columns, problem: 'its braces or *{…}{…} nest more than 8 levels deep: write fewer levels' };
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (/\s/.test(c)) continue;
    if ('lcr|:'.includes(c)) {
      columns += c;
    } else if ('pmb'.includes(c)) {
      const width = specArgument(spec, i + 1);
      if (width && /^\s*\{/.test(spec.slice(i + 1))) i = width.end - 1;
      columns += 'l';
    } else if (c === 'w' || c === 'W') {
      const align = specArgument(spec, i + 1);
      const width = align && specArgument(spec, align.end);
      if (!align || !width) return { columns, problem: `${c} needs two arguments: write ${c}{l}{2cm} (l, c or r, then the width)` };
      columns += /^\s*[lcr]\s*$/.test(align.text) ? align.text.trim() : 'c';
      i = width.end - 1;
    } else if (c === '*') {
      const count = specArgument(spec, i + 1);
      const body = count && specArgument(spec, count.end);
      if (!count || !body || !/^\s*\d+\s*$/.test(count.text)) return { columns, problem: '* needs a whole number and the columns it repeats: write *{3}{c} for ccc' };
      const inner = katexColumns(body.text, lost, depth + 1);
      if (inner.problem) return inner;
      const n = Number(count.text);
      const letters = inner.columns.replace(/[|:]/g, '').length;
      if (n * letters > MAX_ARRAY_COLUMNS || n * inner.columns.length > 4 * MAX_ARRAY_COLUMNS) {
        return { columns, problem: `*{${n}}{${body.text}} makes more than ${MAX_ARRAY_COLUMNS} columns, more than hugo-prerender writes out: give as many as the array has` };
      }
      columns += inner.columns.repeat(n);
      i = body.end - 1;
    } else if ('@!<>'.includes(c)) {
      const arg = specArgument(spec, i + 1);
      if (!arg) return { columns, problem: `${c} needs an argument: write ${c}{…}` };
      const written = spec.slice(i, arg.end).replace(/\s+/g, ' ');
      if ('@!'.includes(c) ? !SPACING_ONLY.test(arg.text) : arg.text.trim() !== '') {
        lost.push(`${written} (${'@!'.includes(c) ? 'between two columns' : `${c === '>' ? 'before' : 'after'} each cell of a column`})`);
      }
      i = arg.end - 1;
    } else if (c === '{') {
      const end = groupEnd(spec, i);
      if (end < 0) return { columns, problem: 'its braces do not balance: close each { with a }' };
      const inner = katexColumns(spec.slice(i + 1, end - 1), lost, depth + 1);
      if (inner.problem) return inner;
      columns += inner.columns;
      i = end - 1;
    } else if (/[A-Za-z]/.test(c)) {
      columns += 'c';
    } else {
      const what = /^\\(?:[A-Za-z@]+|[^])/.exec(spec.slice(i, i + 100))?.[0] ?? c;
      lost.push(`${what} (no column type)`);
      i += what.length - 1;
    }
    if (columns.replace(/[|:]/g, '').length > MAX_ARRAY_COLUMNS) return { columns, problem: `it has more than ${MAX_ARRAY_COLUMNS} columns, more than hugo-prerender writes out: give as many as the array has` };
  }
  return { columns };
}

const ARRAY_BEGIN = /\\begin\s*\{array\}/g;

/** A column spec as quoted in a warning: at most 60 characters. */
const quotedSpec = (spec: string): string => (spec.length > 60 ? `${spec.slice(0, 59)}…` : spec);

/** Each `\begin{array}` of `tex` with its column spec as KaTeX takes it (katexColumns), and the warnings. */
function adaptArrays(tex: string, warnings: string[]): string {
  if (!tex.includes('{array}')) return tex;
  let out = '';
  let pos = 0;
  for (const m of tex.matchAll(ARRAY_BEGIN)) {
    let i = m.index + m[0].length;
    if (i < pos) continue;
    while (/\s/.test(tex[i] ?? '')) i++;
    // MathJax's optional vertical position, `\begin{array}[t]{…}`, which KaTeX does not take.
    let position: { start: number; end: number; value: string } | undefined;
    if (tex[i] === '[') {
      const close = tex.indexOf(']', i);
      if (close < 0) continue;
      position = { start: i, end: close + 1, value: tex.slice(i + 1, close).trim() };
      i = close + 1;
      while (/\s/.test(tex[i] ?? '')) i++;
    }
    if (tex[i] !== '{') continue;
    const end = groupEnd(tex, i);
    if (end < 0) continue;
    const spec = tex.slice(i + 1, end - 1);
    const lost: string[] = [];
    const { columns, problem } = katexColumns(spec, lost);
    if (problem) {
      warnings.push(`\\begin{array}{${quotedSpec(spec)}}: left as written, which KaTeX rejects (it takes only l, c, r, | and : columns): ${problem}`);
      continue;
    }
    if (lost.length > 0) {
      warnings.push(
        `\\begin{array}{${quotedSpec(spec)}}: KaTeX's array takes only l, c, r, | and : columns, so it is typeset without ${lost.join(', ')}; write that into the cells instead (text between two columns in a column of its own: a & : & b)`,
      );
    }
    if (position && position.value !== 'c' && position.value !== '') {
      warnings.push(`\\begin{array}[${position.value}]: KaTeX has no vertical position for an array, so it is centred on the line, not aligned at its ${position.value === 't' ? 'top' : position.value === 'b' ? 'bottom' : position.value} row; write \\begin{array} without [${position.value}] to say so and silence this`);
    }
    if (!position && columns === spec.replace(/\s/g, '')) continue;
    out += `${tex.slice(pos, position ? position.start : i)}{${columns}}`;
    pos = end;
  }
  return out + tex.slice(pos);
}

/**
 * The offsets of `\\` (row ends) or `&` (column ends) at the top level of an environment's body or row:
 * not inside braces or a nested environment.
 */
function topLevel(text: string, mark: '\\\\' | '&'): number[] {
  const out: number[] = [];
  let depth = 0;
  let envDepth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '&' && mark === '&' && depth === 0 && envDepth === 0) out.push(i);
    else if (c === '\\') {
      if (text.startsWith('\\begin{', i)) envDepth++;
      else if (text.startsWith('\\end{', i)) envDepth--;
      else if (mark === '\\\\' && text[i + 1] === '\\' && depth === 0 && envDepth === 0) out.push(i);
      i++;
    }
  }
  return out;
}

/** Splits an environment body into rows at top-level `\\`. */
function rows(body: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const at of topLevel(body, '\\\\')) {
    out.push(body.slice(start, at));
    start = at + 2;
  }
  out.push(body.slice(start));
  return out;
}

const LABEL = /\\label\s*\{([^{}]*)\}/g;
const NO_NUMBER = /\\(nonumber|notag)(?![A-Za-z@])/g;
const HAS_NO_NUMBER = /\\(nonumber|notag)(?![A-Za-z@])/;
const HAS_LABEL = /\\label\s*\{[^{}]*\}/;

/** The first `\tag{…}` or `\tag*{…}` of a row (its braces balanced: `\tag{$x_{1}$}`), or undefined. */
function findTag(row: string): { start: number; end: number; text: string; star: boolean } | undefined {
  const re = /\\tag(\*?)\s*\{/g;
  for (let m = re.exec(row); m; m = re.exec(row)) {
    const open = m.index + m[0].length - 1;
    const end = groupEnd(row, open);
    if (end > 0) return { start: m.index, end, text: row.slice(open + 1, end - 1), star: m[1] === '*' };
  }
  return undefined;
}

/** The row without its `\tag{…}`s. */
function withoutTags(row: string): string {
  for (let tag = findTag(row); tag; tag = findTag(row)) row = row.slice(0, tag.start) + row.slice(tag.end);
  return row;
}

/**
 * A row with nothing to typeset: only spaces, `\label`, `\tag`, `\nonumber`, `\notag` and the `[…]` of
 * the `\\` before it. MathJax drops such a row at the end of an environment (a trailing `\\`), with its tag.
 */
function emptyRow(row: string): boolean {
  return withoutTags(row).replace(LABEL, '').replace(NO_NUMBER, '').replace(/^\s*\*?\s*\[[^\]]*\]/, '').trim() === '';
}

/** The environments MathJax numbers (AMS numbering), and what KaTeX typesets each as. */
const ENVIRONMENT = /\\begin\{(equation|align|gather|alignat|flalign|eqnarray|multline)(\*?)\}/g;
const KATEX_NAME: Record<string, string> = { flalign: 'align', eqnarray: 'align', multline: 'gather' };
/** A middle cell of eqnarray that reads the same joined to the right-hand side: one relation symbol. */
const ONE_RELATION = /^\s*(?:[=<>:]|\\[A-Za-z]+|[<>:]=|:=)?\s*$/;

/**
 * `formulas`: the page's, in document order, each with the page's macro definitions it is typeset with
 * (render/page-macros.ts); `siteMacros`: params.prerender.katex.macros.
 */
export function adaptForKatex(
  formulas: readonly { tex: string; preamble?: string }[],
  siteMacros: Readonly<Record<string, string>> = {},
  /** `none`: no automatic numbers (MathJax 3's default, tags: 'none'); `\tag{…}` still numbers its row. */
  numbering: 'ams' | 'none' = 'ams',
  /**
   * The order the rendered page shows the formulas in (indices into `formulas`), which MathJax numbers
   * them in: the body's, then the footnotes' (content/footnotes.ts renderedOrder). A formula left out of
   * it is not on the rendered page (in a footnote no text refers to): it takes no number, and its labels
   * refer to nothing. Absent: the order of `formulas`.
   */
  order?: readonly number[],
): AdaptedFormula[] {
  const site = new Map<string, Macro>(
    Object.entries(siteMacros).map(([name, body]) => [name, { arity: Math.max(0, ...[...body.matchAll(/#([1-9])/g)].map((m) => Number(m[1]))), body }]),
  );
  const labels = new Map<string, string>();
  /** The labels of formulas not on the rendered page (see `order`). */
  const leftOut = new Set<string>();
  let n = 0;
  /** Whether the formula being adapted is on the rendered page (see `order`): else it numbers nothing. */
  let shown = true;
  /** Records the row's labels as `number` (none when undefined), and takes them out. */
  const takeLabels = (row: string, number: string | undefined): string =>
    row.replace(LABEL, (_m, name: string) => {
      if (!shown) leftOut.add(name.trim());
      else if (number !== undefined) labels.set(name.trim(), number);
      return '';
    });
  /** `\tag{number}` put at the end of a row, before its trailing spaces. */
  const tagged = (row: string, number: string, star = false): string => {
    const trailing = /\s*$/.exec(row)![0];
    return `${row.slice(0, row.length - trailing.length)} \\tag${star ? '*' : ''}{${number}}${trailing}`;
  };
  const numberRow = (row: string, numbered: boolean): string => {
    const tag = findTag(row);
    const off = HAS_NO_NUMBER.test(row);
    let number: string | undefined;
    let out = row.replace(NO_NUMBER, '');
    if (tag) number = tag.text;
    else if (numbered && !off && numbering === 'ams' && shown) {
      number = String(++n);
      out = tagged(out, number);
    }
    return takeLabels(out, number);
  };

  const adapt = ({ tex, preamble }: { tex: string; preamble?: string }): AdaptedFormula => {
    const warnings: string[] = [];
    let t = tex;
    t = adaptArrays(t, warnings);
    t = braceScripts(t, preamble ? new Map([...site, ...preambleMacros(preamble)]) : site);
    // Numbered environments (and their starred forms, for their \tag and \label), outermost first, left to right.
    let out = '';
    let pos = 0;
    ENVIRONMENT.lastIndex = 0;
    for (let m = ENVIRONMENT.exec(t); m; m = ENVIRONMENT.exec(t)) {
      const name = m[1]!;
      const starred = m[2] === '*';
      const end = `\\end{${name}${m[2]}}`;
      const close = t.indexOf(end, m.index);
      if (close === -1) break;
      const katexName = KATEX_NAME[name] ?? name;
      let bodyStart = m.index + m[0].length;
      // alignat's column count argument stays with the opening.
      if (name === 'alignat' && t[bodyStart] === '{') bodyStart = groupEnd(t, bodyStart);
      let lines = rows(t.slice(bodyStart, close));
      // A trailing `\\` leaves an empty last row, which MathJax drops: no number, and its labels refer to nothing.
      const dropped = lines.length > 1 && emptyRow(lines.at(-1)!);
      const kept = dropped ? lines.slice(0, -1) : lines;
      if (name === 'eqnarray') {
        // `a &=& b`: the relation's column joined to the right-hand side, as align's `a &= b`.
        let uncentred: string | undefined;
        lines = lines.map((row) => {
          const at = topLevel(row, '&');
          if (at.length < 2) return row;
          const middle = row.slice(at[0]! + 1, at[1]);
          if (!ONE_RELATION.test(middle)) uncentred ??= middle.trim();
          return row.slice(0, at[1]) + row.slice(at[1]! + 1);
        });
        if (uncentred !== undefined) {
          warnings.push(
            `eqnarray is typeset as align (KaTeX has no eqnarray): its middle column is joined to the right-hand side, so "${uncentred}" is not centred between the sides; write the rows as align's a &= b to choose where they align`,
          );
        }
      } else if (name === 'flalign') {
        warnings.push('flalign is typeset as align (KaTeX has no flalign): its columns are centred together instead of spread to the margins; write align to say so and silence this');
      } else if (name === 'multline') {
        warnings.push('multline is typeset as gather (KaTeX has no multline): every line is centred instead of the first at the left and the last at the right; write gather, or split the lines with \\begin{split} inside an equation');
      }
      let body: string[];
      if (name === 'multline') {
        // One number for the whole environment, on its last line (none with \nonumber or \notag anywhere);
        // a \tag anywhere is that number, and a \label anywhere refers to it.
        const tag = kept.map(findTag).find((x) => x !== undefined);
        const off = kept.some((row) => HAS_NO_NUMBER.test(row));
        const number = tag ? tag.text : !starred && !off && numbering === 'ams' && shown ? String(++n) : undefined;
        body = lines.map((row, i) => {
          const plain = takeLabels(withoutTags(row).replace(NO_NUMBER, ''), dropped && i === kept.length ? undefined : number);
          return i === kept.length - 1 && number !== undefined ? tagged(plain, number, tag?.star) : plain;
        });
      } else {
        body = lines.map((row, i) => (dropped && i === lines.length - 1 ? takeLabels(withoutTags(row).replace(NO_NUMBER, ''), undefined) : numberRow(row, !starred)));
      }
      if (dropped && HAS_LABEL.test(lines.at(-1)!)) {
        warnings.push(`a \\label after the last \\\\ of ${name}${m[2]} is in an empty row, which MathJax drops: it refers to nothing; move it before the \\\\`);
      }
      out += `${t.slice(pos, m.index)}\\begin{${katexName}*}${t.slice(m.index + m[0].length, bodyStart)}${body.join('\\\\')}\\end{${katexName}*}`;
      pos = close + end.length;
      ENVIRONMENT.lastIndex = pos;
    }
    t = out + t.slice(pos);
    // A label outside numbered environments: the formula's own \tag, else nothing to refer to.
    if (LABEL.test(t)) {
      LABEL.lastIndex = 0;
      t = numberRow(t, false);
    }
    LABEL.lastIndex = 0;
    return { tex: t, warnings };
  };
  // In the order the page shows them (MathJax's), then those it does not show.
  const first: AdaptedFormula[] = new Array<AdaptedFormula>(formulas.length);
  for (const i of order ?? formulas.keys()) first[i] = adapt(formulas[i]!);
  shown = false;
  for (const [i, formula] of formulas.entries()) first[i] ??= adapt(formula);

  return first.map(({ tex, warnings }) => ({
    tex: tex.replace(/\\(eqref|ref)\s*\{([^{}]*)\}/g, (_m, cmd: string, name: string) => {
      const number = labels.get(name.trim());
      if (number === undefined) {
        warnings.push(
          leftOut.has(name.trim())
            ? `\\${cmd}{${name}} refers to a \\label{${name}} in a footnote that no text on the page refers to, which Hugo leaves out of the page; it shows as (?)`
            : `\\${cmd}{${name}} refers to no \\label{${name}} on this page; it shows as (?)`,
        );
        return cmd === 'eqref' ? '\\text{(?)}' : '\\text{?}';
      }
      return cmd === 'eqref' ? `\\text{(${number})}` : `\\text{${number}}`;
    }),
    warnings,
  }));
}
