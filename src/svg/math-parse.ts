/**
 * A recursive-descent parser for the small TeX subset that diagram labels use:
 * `h_{t-1}`, `x^{(t)}`, `\hat{y}`, `\alpha_{t,i}`, `\tilde{c}_t`, `\sigma`, `\tanh`, `\odot`, `\mathbf{W}`.
 *
 * It never throws: an unknown command becomes its literal text (`\foo` printed upright), an unbalanced
 * brace is read as a literal brace, and a stray `_`/`^` attaches to an empty base. Labels are short and
 * written by authors who know TeX, so "show what was written" beats an error in the middle of a figure.
 */

/** `cal`: calligraphic capitals (`\mathcal`, `\mathscr`), drawn in KaTeX_Caligraphic when served. */
export type MathStyle = 'italic' | 'upright' | 'bold' | 'bolditalic' | 'cal';
/** TeX atom classes that decide spacing: ordinary, binary operator, relation, punctuation, fences, function. */
export type MathRole = 'ord' | 'bin' | 'rel' | 'punct' | 'open' | 'close' | 'op';

export type MathNode =
  | { kind: 'sym'; text: string; style: MathStyle; role: MathRole; font?: 'sans' }
  | { kind: 'group'; children: MathNode[] }
  | { kind: 'scripts'; base: MathNode; sub?: MathNode; sup?: MathNode }
  | { kind: 'space'; em: number };

const GREEK_LOWER: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο',
  pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
};
const GREEK_UPPER: Record<string, string> = {
  Alpha: 'Α', Beta: 'Β', Gamma: 'Γ', Delta: 'Δ', Epsilon: 'Ε', Zeta: 'Ζ', Eta: 'Η', Theta: 'Θ', Iota: 'Ι',
  Kappa: 'Κ', Lambda: 'Λ', Mu: 'Μ', Nu: 'Ν', Xi: 'Ξ', Omicron: 'Ο', Pi: 'Π', Rho: 'Ρ', Sigma: 'Σ', Tau: 'Τ',
  Upsilon: 'Υ', Phi: 'Φ', Chi: 'Χ', Psi: 'Ψ', Omega: 'Ω',
};
const SYMBOLS: Record<string, [string, MathRole]> = {
  odot: ['⊙', 'bin'], oplus: ['⊕', 'bin'], otimes: ['⊗', 'bin'], times: ['×', 'bin'], cdot: ['⋅', 'bin'],
  pm: ['±', 'bin'], mp: ['∓', 'bin'], ast: ['∗', 'bin'], circ: ['∘', 'bin'], bullet: ['•', 'bin'],
  div: ['÷', 'bin'], cup: ['∪', 'bin'], cap: ['∩', 'bin'], wedge: ['∧', 'bin'], vee: ['∨', 'bin'],
  leq: ['≤', 'rel'], le: ['≤', 'rel'], geq: ['≥', 'rel'], ge: ['≥', 'rel'], neq: ['≠', 'rel'], ne: ['≠', 'rel'],
  approx: ['≈', 'rel'], sim: ['∼', 'rel'], equiv: ['≡', 'rel'], propto: ['∝', 'rel'], in: ['∈', 'rel'],
  to: ['→', 'rel'], rightarrow: ['→', 'rel'], leftarrow: ['←', 'rel'], gets: ['←', 'rel'], mapsto: ['↦', 'rel'],
  Rightarrow: ['⇒', 'rel'], leftrightarrow: ['↔', 'rel'], coloneqq: ['≔', 'rel'],
  infty: ['∞', 'ord'], partial: ['∂', 'ord'], nabla: ['∇', 'ord'], ldots: ['…', 'ord'], dots: ['…', 'ord'],
  cdots: ['⋯', 'ord'], ell: ['ℓ', 'ord'], prime: ['′', 'ord'], emptyset: ['∅', 'ord'], forall: ['∀', 'ord'],
  exists: ['∃', 'ord'], sum: ['∑', 'op'], prod: ['∏', 'op'], top: ['⊤', 'ord'], langle: ['⟨', 'open'],
  rangle: ['⟩', 'close'], lvert: ['|', 'open'], rvert: ['|', 'close'], vert: ['|', 'ord'], mid: ['|', 'rel'],
  lbrace: ['{', 'open'], rbrace: ['}', 'close'], colon: [':', 'punct'],
};
/** Function names set upright, as TeX does for \tanh, \exp… */
const FUNCTIONS = new Set([
  'sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'exp', 'log', 'ln', 'max', 'min', 'arg', 'argmax', 'argmin',
  'det', 'lim', 'sup', 'inf', 'dim', 'ker', 'softmax', 'Pr',
]);
const ACCENTS: Record<string, string> = {
  hat: '\u0302', widehat: '\u0302', tilde: '\u0303', widetilde: '\u0303', bar: '\u0304', overline: '\u0304',
  vec: '\u20d7', dot: '\u0307', ddot: '\u0308', check: '\u030c', breve: '\u0306', acute: '\u0301', grave: '\u0300',
};
const SPACES: Record<string, number> = { ',': 3 / 18, ':': 4 / 18, '>': 4 / 18, ';': 5 / 18, '!': -3 / 18, ' ': 0.25, quad: 1, qquad: 2, enspace: 0.5, thinspace: 3 / 18 };
const BLACKBOARD: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ' };
const IGNORED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits']);

function classifyChar(ch: string): { style: MathStyle; role: MathRole; text: string } {
  if (/^[A-Za-z]$/.test(ch)) return { style: 'italic', role: 'ord', text: ch };
  if (/^[0-9.]$/.test(ch)) return { style: 'upright', role: 'ord', text: ch };
  switch (ch) {
    case '+': case '*': return { style: 'upright', role: 'bin', text: ch === '*' ? '∗' : '+' };
    case '-': return { style: 'upright', role: 'bin', text: '\u2212' };
    case '=': case '<': case '>': return { style: 'upright', role: 'rel', text: ch };
    case ',': case ';': return { style: 'upright', role: 'punct', text: ch };
    case '(': case '[': return { style: 'upright', role: 'open', text: ch };
    case ')': case ']': return { style: 'upright', role: 'close', text: ch };
    case "'": return { style: 'upright', role: 'ord', text: '′' };
    default: {
      // Greek typed directly (α) is italic like \alpha; capitals upright.
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x3b1 && cp <= 0x3f5) return { style: 'italic', role: 'ord', text: ch };
      return { style: 'upright', role: 'ord', text: ch };
    }
  }
}

function restyle(node: MathNode, f: (s: MathStyle) => MathStyle): MathNode {
  switch (node.kind) {
    case 'sym': return { ...node, style: f(node.style) };
    case 'group': return { kind: 'group', children: node.children.map((c) => restyle(c, f)) };
    case 'scripts': return {
      kind: 'scripts',
      base: restyle(node.base, f),
      ...(node.sub ? { sub: restyle(node.sub, f) } : {}),
      ...(node.sup ? { sup: restyle(node.sup, f) } : {}),
    };
    case 'space': return node;
  }
}

/** Puts a combining accent on the last symbol of a node (one letter in practice: \hat{y}, \tilde{c}). */
function accent(node: MathNode, mark: string): MathNode {
  switch (node.kind) {
    case 'sym': return { ...node, text: (node.text + mark).normalize('NFC') };
    case 'group': {
      const kids = node.children.slice();
      for (let i = kids.length - 1; i >= 0; i--) {
        if (kids[i]!.kind !== 'space') { kids[i] = accent(kids[i]!, mark); break; }
      }
      return { kind: 'group', children: kids };
    }
    case 'scripts': return { ...node, base: accent(node.base, mark) };
    case 'space': return node;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): MathNode[] {
    const out: MathNode[] = [];
    while (this.i < this.s.length) {
      out.push(...this.expr());
      // A stray closing brace at top level: keep it as text and carry on.
      if (this.s[this.i] === '}') { out.push({ kind: 'sym', text: '}', style: 'upright', role: 'close' }); this.i++; }
    }
    return out;
  }

  private skipWs(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  /** A sequence of atoms with their scripts, up to a `}` (not consumed) or the end. */
  private expr(): MathNode[] {
    const out: MathNode[] = [];
    for (;;) {
      this.skipWs();
      if (this.i >= this.s.length || this.s[this.i] === '}') return out;
      let atom = this.atom();
      if (atom === null) continue;
      for (;;) {
        this.skipWs();
        const c = this.s[this.i];
        if (c !== '_' && c !== '^') break;
        this.i++;
        const arg = this.arg() ?? { kind: 'group', children: [] };
        const sc: MathNode = atom.kind === 'scripts' ? atom : { kind: 'scripts', base: atom };
        if (sc.kind !== 'scripts') break;
        const slot = c === '_' ? 'sub' : 'sup';
        // x_a_b is an error in TeX; we append instead of failing.
        sc[slot] = sc[slot] ? { kind: 'group', children: [sc[slot]!, arg] } : arg;
        atom = sc;
      }
      out.push(atom);
    }
  }

  private group(): MathNode {
    // at '{'
    this.i++;
    const children = this.expr();
    if (this.s[this.i] === '}') this.i++;
    // An unclosed brace is shown, so the author sees what went wrong.
    else children.unshift({ kind: 'sym', text: '{', style: 'upright', role: 'open' });
    return children.length === 1 ? children[0]! : { kind: 'group', children };
  }

  /** The argument of a command or script: a braced group or a single token. */
  private arg(): MathNode | null {
    this.skipWs();
    if (this.i >= this.s.length) return null;
    const c = this.s[this.i]!;
    if (c === '{') return this.group();
    if (c === '}') return null;
    return this.atom();
  }

  /** Raw text of a braced argument (for \text), nested braces kept balanced and dropped. */
  private rawArg(): string {
    this.skipWs();
    if (this.s[this.i] !== '{') {
      const ch = String.fromCodePoint(this.s.codePointAt(this.i) ?? 32);
      this.i += ch.length;
      return ch;
    }
    let depth = 0;
    let out = '';
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i]!;
      if (c === '\\' && this.i + 1 < this.s.length) { out += this.s[++this.i]; continue; }
      if (c === '{') { if (depth++ > 0) out += c; continue; }
      if (c === '}') { if (--depth === 0) { this.i++; return out; } out += c; continue; }
      out += c;
    }
    return out;
  }

  private atom(): MathNode | null {
    const c = this.s[this.i]!;
    if (c === '{') return this.group();
    if (c === '_' || c === '^') return { kind: 'group', children: [] };
    if (c === '~') { this.i++; return { kind: 'space', em: 0.25 }; }
    if (c === '\\') return this.command();
    const ch = String.fromCodePoint(this.s.codePointAt(this.i)!);
    this.i += ch.length;
    return { kind: 'sym', ...classifyChar(ch) };
  }

  private command(): MathNode | null {
    const start = this.i;
    this.i++; // backslash
    if (this.i >= this.s.length) return { kind: 'sym', text: '\\', style: 'upright', role: 'ord' };
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    const name = m ? m[0] : this.s[this.i]!;
    this.i += name.length;
    const sym = (text: string, style: MathStyle, role: MathRole): MathNode => ({ kind: 'sym', text, style, role });

    if (name in SPACES) return { kind: 'space', em: SPACES[name]! };
    if (!m) {
      // \{ \} \_ \% \$ \& \# and \\ (a line break, meaningless in a label).
      if (name === '\\') return { kind: 'space', em: 0.25 };
      if (name === '{') return sym('{', 'upright', 'open');
      if (name === '}') return sym('}', 'upright', 'close');
      return sym(name, 'upright', 'ord');
    }
    if (name in GREEK_LOWER) return sym(GREEK_LOWER[name]!, 'italic', 'ord');
    if (name in GREEK_UPPER) return sym(GREEK_UPPER[name]!, 'upright', 'ord');
    if (name in SYMBOLS) { const [t, role] = SYMBOLS[name]!; return sym(t, 'upright', role); }
    if (FUNCTIONS.has(name)) return sym(name, 'upright', 'op');
    if (IGNORED.has(name)) {
      this.skipWs();
      if (this.s[this.i] === '.') this.i++; // \left. is an invisible fence
      return null;
    }
    if (name in ACCENTS) {
      const a = this.arg();
      return a ? accent(a, ACCENTS[name]!) : sym(ACCENTS[name]!.normalize('NFC'), 'upright', 'ord');
    }
    switch (name) {
      case 'mathbf': case 'textbf': { const a = this.arg(); return a && restyle(a, () => 'bold'); }
      case 'boldsymbol': case 'bm': { const a = this.arg(); return a && restyle(a, (s) => (s === 'italic' || s === 'bolditalic' ? 'bolditalic' : 'bold')); }
      case 'mathcal': case 'mathscr': { const a = this.arg(); return a && restyle(a, (s) => (s === 'bold' || s === 'bolditalic' ? 'bold' : 'cal')); }
      case 'mathrm': case 'mathsf': case 'mathtt': case 'mathup': {
        const a = this.arg(); return a && restyle(a, (s) => (s === 'bold' || s === 'bolditalic' ? 'bold' : 'upright'));
      }
      case 'mathit': { const a = this.arg(); return a && restyle(a, (s) => (s === 'bold' || s === 'bolditalic' ? 'bolditalic' : 'italic')); }
      case 'text': case 'textrm': case 'textup': case 'textnormal': case 'mbox': case 'textsf':
        return sym(this.rawArg(), 'upright', 'ord');
      case 'textit': case 'emph': return sym(this.rawArg(), 'italic', 'ord');
      case 'operatorname': return sym(this.rawArg(), 'upright', 'op');
      case 'mathbb': {
        const t = this.rawArg();
        return sym([...t].map((ch) => BLACKBOARD[ch] ?? ch).join(''), 'upright', 'ord');
      }
      case 'frac': case 'tfrac': case 'dfrac': {
        // No stacked fractions in a one-line label: a/b, parenthesised when needed.
        const num = this.arg() ?? { kind: 'group', children: [] };
        const den = this.arg() ?? { kind: 'group', children: [] };
        const wrap = (n: MathNode): MathNode[] =>
          n.kind === 'group' && n.children.length > 1 ? [sym('(', 'upright', 'open'), n, sym(')', 'upright', 'close')] : [n];
        return { kind: 'group', children: [...wrap(num), sym('/', 'upright', 'ord'), ...wrap(den)] };
      }
      case 'sqrt': {
        const a = this.arg() ?? { kind: 'group', children: [] };
        return { kind: 'group', children: [sym('√', 'upright', 'ord'), a] };
      }
    }
    // Unknown: the literal text as written.
    return sym(this.s.slice(start, this.i), 'upright', 'ord');
  }
}

/** Parses a label; never throws (falls back to the literal source as upright text). */
export function parseMath(src: string): MathNode[] {
  try {
    return new Parser(src).parse();
  } catch {
    return src === '' ? [] : [{ kind: 'sym', text: src, style: 'upright', role: 'ord' }];
  }
}
