/**
 * Plot labels (axis labels, legend entries) are written like a Markdown line: plain words with math
 * between dollars, `steps back $k$` or `$\rho = 0.9$`. They are drawn with the toolkit's `mathLabel`
 * (SVG text, real sub- and superscripts), so the words become `\text{…}` runs and the math is kept.
 */
import { parseMath, type MathNode } from '../math-parse.js';

/** Norm bars: the toolkit's parser reads `\|` as a single bar and does not know `\Vert`. */
function normBars(tex: string): string {
  return tex.replace(/\\[lr]?Vert(?![A-Za-z])\s?|\\\|/g, '‖');
}

/** Escapes characters that are special inside `\text{…}`. */
function textArg(s: string): string {
  return s.replace(/[\\{}]/g, (c) => `\\${c}`);
}

/**
 * Converts `words $math$ words` into one TeX-like string for `mathLabel`. A label without any `$` is all
 * words. `\$` is a literal dollar; an unmatched `$` is kept as text.
 */
export function labelToTex(src: string): string {
  const parts: string[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text !== '') parts.push(`\\text{${textArg(text)}}`);
    text = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && src[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (c === '$') {
      const end = src.indexOf('$', i + 1);
      if (end > i + 1) {
        flush();
        parts.push(`{${normBars(src.slice(i + 1, end))}}`);
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return parts.join('');
}

function nodesToPlain(nodes: MathNode[], depth = 0): string {
  let out = '';
  nodes.forEach((n, i) => {
    switch (n.kind) {
      case 'sym':
        // Spaces around relations and binary operators at the outer level, as the drawn label has.
        if (depth === 0 && (n.role === 'rel' || (n.role === 'bin' && i > 0)) && i < nodes.length - 1) out += ` ${n.text} `;
        else out += n.text;
        break;
      case 'space':
        if (n.em >= 0.2) out += ' ';
        break;
      case 'group':
        out += nodesToPlain(n.children, depth);
        break;
      case 'scripts': {
        out += nodesToPlain([n.base], depth + 1);
        const script = (m: MathNode) => {
          const s = nodesToPlain([m], depth + 1);
          return [...s].length > 1 ? `(${s})` : s;
        };
        if (n.sub) out += `_${script(n.sub)}`;
        if (n.sup) out += `^${script(n.sup)}`;
        break;
      }
    }
  });
  return out;
}

/** A label as plain text for `<desc>` and table headers: `$h_{t-1}$` → `h_(t−1)`. */
export function labelToPlain(src: string): string {
  return nodesToPlain(parseMath(labelToTex(src))).replace(/\s+/g, ' ').trim();
}
