/**
 * A formula as readable plain text, from the MathML KaTeX wrote: `h_{t-1}` → "hₜ₋₁", `x^2` → "x²",
 * `\frac{a}{b+1}` → "a/(b + 1)", `\tanh z` → "tanh z". Unicode sub- and superscripts where every
 * character has one, else `_(…)` / `^(…)`; spaces around relations and binary operators.
 *
 * Used where a formula must be Markdown text (a heading on a site whose Hugo drops raw HTML: Hugo builds
 * `.TableOfContents` and `.Fragments` from the heading's Markdown, before any shortcode is expanded).
 */

interface Node {
  name: string;
  attrs: string;
  children: (Node | string)[];
}

const TOKEN = /<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>|[^<]+/g;

function decode(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (m, hex?: string, dec?: string, named?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named!.toLowerCase()] ?? m;
  });
}

/** The first `<math>` element of `html` as a tree; null when there is none. */
function parseMath(html: string): Node | null {
  const start = html.indexOf('<math');
  if (start < 0) return null;
  const root: Node = { name: '#root', attrs: '', children: [] };
  const stack: Node[] = [root];
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const top = stack[stack.length - 1]!;
    if (m[2] === undefined) {
      top.children.push(decode(m[0]));
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      while (stack.length > 1 && stack.pop()!.name !== name);
      if (name === 'math') break;
      continue;
    }
    const node: Node = { name, attrs: m[3] ?? '', children: [] };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  const math = root.children[0];
  return typeof math === 'object' ? math : null;
}

const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '−': '₋', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '−': '⁻', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ',
};
/** Superscripts written as they are: primes, stars, daggers. */
const SUP_AS_IS = /^[′″‴*∗†‡]+$/;
/** Accents KaTeX writes in <mover accent="true">, as combining characters. */
const ACCENT: Record<string, string> = { '^': '\u0302', ˆ: '\u0302', '¯': '\u0304', '‾': '\u0305', '~': '\u0303', '˜': '\u0303', '˙': '\u0307', '¨': '\u0308', '→': '\u20d7', '⃗': '\u20d7', ˇ: '\u030c', '˘': '\u0306', '´': '\u0301', '`': '\u0300' };
/** Operators written with a space on each side. */
const SPACED = new Set('=+−±∓×÷·⋅∗<>≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔↦⟶⟹∈∉∋⊂⊆⊃⊇∪∩∧∨⊕⊗∘'.split(''));

function script(s: string, table: Record<string, string>, mark: string): string {
  s = s.replace(/ /g, '');
  if (s === '') return '';
  const chars = [...s];
  if (chars.every((c) => table[c] !== undefined)) return chars.map((c) => table[c]).join('');
  return mark + group(s);
}

/** Parentheses around anything longer than one symbol or one word. */
function group(s: string): string {
  return /^(?:[\p{L}\p{N}]+|.)$/u.test(s) ? s : `(${s})`;
}

function kids(n: Node): Node[] {
  return n.children.filter((c): c is Node => typeof c === 'object');
}

function text(n: Node | string | undefined): string {
  if (n === undefined) return '';
  if (typeof n === 'string') return n;
  const k = kids(n);
  switch (n.name) {
    case 'mo': {
      const t = n.children.map(text).join('');
      if (t === '\u2061') return '\u2061';
      if (t === '\u2062' || t === '\u2063') return t === '\u2063' ? ', ' : '';
      return SPACED.has(t) ? ` ${t} ` : t;
    }
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return n.children.map(text).join('');
    case 'mspace':
      return ' ';
    case 'mphantom':
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'msub':
      return operator(k[0], script(tight(k[1]), SUB, '_'));
    case 'msup':
      return operator(k[0], sup(tight(k[1])));
    case 'msubsup':
      return operator(k[0], script(tight(k[1]), SUB, '_') + sup(tight(k[2])));
    case 'munder':
      return operator(k[0], script(tight(k[1]), SUB, '_'));
    case 'munderover':
      return operator(k[0], script(tight(k[1]), SUB, '_') + sup(tight(k[2])));
    case 'mover': {
      const over = tight(k[1]);
      if (/accent="true"/.test(n.attrs) && ACCENT[over]) return text(k[0]) + ACCENT[over];
      if (/^[→←↔⏞︷‾¯]$/.test(over)) return text(k[0]);
      return text(k[0]) + sup(over);
    }
    case 'mfrac':
      return `${group(tight(k[0]))}/${group(tight(k[1]))}`;
    case 'msqrt':
      return `√${group(tight(n))}`;
    case 'mroot':
      return `${sup(tight(k[1]))}√${group(tight(k[0]))}`;
    case 'mtable':
      return k.map((row) => kids(row).map((cell) => tight(cell)).join(' ')).join('; ');
    default:
      return n.children.map(text).join('');
  }
}

function sup(s: string): string {
  return SUP_AS_IS.test(s.replace(/ /g, '')) ? s.replace(/ /g, '') : script(s, SUP, '^');
}

/** Sums, integrals, limits: a space after their scripts, before what they apply to. */
const BIG_OP = /^(?:[∑∏∐∫∬∭∮⋃⋂⋁⋀⨁⨂]|lim|max|min|sup|inf|argmax|argmin)$/;

function operator(base: Node | undefined, scripts: string): string {
  const b = text(base);
  return b + scripts + (BIG_OP.test(b.trim()) ? ' ' : '');
}

/** A node's text, spaces tidied (used for scripts, fractions, roots). */
function tight(n: Node | undefined): string {
  if (n === undefined) return '';
  return tidy(n.name === 'msqrt' ? n.children.map(text).join('') : text(n));
}

function tidy(s: string): string {
  return s
    .replace(/\u2061(?=\s*[([{|‖⟨])/g, '')
    .replace(/\u2061/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/([([{]) /g, '$1')
    .replace(/ ([)\]},;])/g, '$1')
    .trim()
    .replace(/^([−+±]) /, '$1')
    .normalize('NFC');
}

/** The first formula of KaTeX's output `html` as plain text; null when it has no MathML. */
export function mathText(html: string): string | null {
  const math = parseMath(html);
  return math ? tidy(text(math)) : null;
}

/**
 * Plain text as Markdown that Goldmark renders as the same text whatever the site's extensions: every
 * ASCII punctuation character as a numeric character reference (no emphasis, link, passthrough
 * delimiter, typographer quote or dash, and no `{{` for Hugo's shortcode lexer).
 */
export function markdownText(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * KaTeX's HTML as raw inline HTML that Goldmark (with unsafe = true) passes through as it is: the text
 * between tags (the MathML's) with its ASCII punctuation as character references, so that no Markdown
 * inline syntax, passthrough delimiter or typographer rule applies to it. Tags are left alone: Goldmark
 * does not read inside them.
 */
export function markdownSafeHtml(html: string): string {
  return html.replace(/>([^<]+)</g, (_, t: string) => `>${markdownText(decode(t))}<`);
}
