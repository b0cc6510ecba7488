/**
 * inlineFragment: a fragment carried as a shortcode's inner content holds no `{{` (Hugo's shortcode lexer
 * would read it) and no newline (line numbers), and still parses to the same HTML.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { inlineFragment, InlineFragmentError } from '../../src/render/inline-safe.js';

/**
 * The DOM of a fragment, without positions, as it renders: raw text (CSS) with its whitespace collapsed,
 * and a line break in text a space (what it is to HTML), but for <pre>, <textarea>, <listing> and
 * MathML's <annotation>, whose line breaks are kept.
 */
function dom(html: string): unknown {
  const strip = (n: Nodes, raw = false, pre = false): unknown => {
    if (n.type === 'text') return { text: raw ? n.value.replace(/\s+/g, ' ') : pre ? n.value : n.value.replace(/\n/g, ' ') };
    if (n.type === 'comment') return { comment: n.value };
    if (n.type === 'element') {
      const inPre = pre || ['pre', 'textarea', 'listing', 'annotation'].includes(n.tagName);
      return { tag: n.tagName, props: n.properties, children: n.children.map((c) => strip(c, n.tagName === 'style', inPre)) };
    }
    if (n.type === 'root') return n.children.map((c) => strip(c));
    return { other: n.type };
  };
  return strip(fromHtml(html, { fragment: true }));
}

const same = (html: string) => {
  const out = inlineFragment(html);
  expect(out).not.toContain('{{');
  expect(out).not.toMatch(/[\n\r]/);
  expect(out.endsWith('{')).toBe(false);
  expect(dom(out)).toEqual(dom(html));
  return out;
};

describe('inlineFragment', () => {
  it('writes braces in text, and braces and newlines in attribute values, as character references; a newline in text as a space', () => {
    expect(same('<code>{{ x }}</code>\n<p title="a\nb{{c">x{{{y\nz</p>')).toBe(
      '<code>{&#123; x }}</code> <p title="a&#10;b{&#123;c">x{&#123;&#123;y z</p>',
    );
  });
  it('turns newlines between attributes into spaces', () => {
    expect(same('<span\n  class="a"\r\n  id=b>x</span>')).toBe('<span   class="a"   id=b>x</span>');
  });
  it('keeps <pre> text exact, including the first newline the parser drops (also as &#10;)', () => {
    expect(same('<pre>\nline 1\n\nline 3\n</pre>')).toBe('<pre>&#10;line 1&#10;&#10;line 3&#10;</pre>');
    expect(same('<pre>\n\nx</pre>')).toBe('<pre>&#10;&#10;x</pre>');
    same('<textarea>\r\nx\ny</textarea>');
  });
  it('joins <style> lines with spaces and refuses {{ in it', () => {
    expect(same('<svg><style>\n.a{fill:red}\n@media (x){.b{c:d}}\n</style></svg>')).toBe(
      '<svg><style> .a{fill:red} @media (x){.b{c:d}} </style></svg>',
    );
    same('<style>\n.a{fill:red}\n</style><p>{{</p>');
    expect(() => inlineFragment('<style>.a{{x}}</style>')).toThrow(InlineFragmentError);
  });
  it('comments lose their newlines and {{ (they are not content)', () => {
    expect(inlineFragment('<!-- a\n{{b -->x')).toBe('<!-- a { {b -->x');
  });
  it('a fragment ending in "{" does not glue onto the closing tag', () => {
    expect(same('a {')).toBe('a &#123;');
  });
  it('leaves KaTeX output, which has neither, unchanged', () => {
    const k = katex.renderToString('\\begin{aligned}a&=\\{b\\}\\\\c\\end{aligned}', { displayMode: true, output: 'htmlAndMathml' });
    expect(inlineFragment(k)).toBe(k.replace(/\n/g, '&#10;'));
    same(k);
  });

  it('property: never {{ or a newline, and the same DOM', () => {
    const piece = fc.constantFrom('{', '}', '{{', '\n', '\r\n', ' ', 'a', '&amp;', '<', 'x{', '\r');
    const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
    const safeText = text.map((t) => t.replace(/</g, '&lt;'));
    const attrVal = fc.array(fc.constantFrom('{', '{{', '\n', 'v', '>', "'", ' '), { maxLength: 6 }).map((a) => a.join('').replace(/"/g, ''));
    const ws = fc.constantFrom(' ', '\n', ' \r\n ', '\t');
    const attrs = fc.array(fc.tuple(fc.constantFrom('title', 'data-x', 'class'), attrVal, ws), { maxLength: 3 }).map((list) => {
      const seen = new Set<string>();
      return list
        .filter(([n]) => !seen.has(n) && seen.add(n))
        .map(([n, v, w]) => `${w}${n}="${v}"`)
        .join('');
    });
    const css = fc.array(fc.constantFrom('.a{b:c}', '\n', ' ', '}', '{'), { maxLength: 6 }).map((a) => a.join('').replace(/\{(?=\{)/g, '{ '));
    const node: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.oneof(safeText, fc.tuple(attrs, css).map(([a, c]) => `<style${a}>${c}</style>`))
        : fc.oneof(
            safeText,
            fc.tuple(fc.constantFrom('span', 'b', 'pre', 'div', 'textarea'), attrs, fc.array(node(depth - 1), { maxLength: 3 })).map(
              ([tag, a, kids]) => `<${tag}${a}>${tag === 'textarea' ? kids.join('').replace(/</g, '&lt;') : kids.join('')}</${tag}>`,
            ),
          ),
    );
    fc.assert(
      fc.property(fc.array(node(4), { maxLength: 4 }), (nodes) => {
        const html = nodes.join('');
        const out = inlineFragment(html);
        expect(out).not.toContain('{{');
        expect(out).not.toMatch(/[\n\r]/);
        expect(dom(out)).toEqual(dom(html));
      }),
      { numRuns: 500 },
    );
  });
});
