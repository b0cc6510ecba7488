import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { attrsToString, createIds, el, escapeAttr, escapeText, fmt, fragment, raw } from '../../src/svg/index.js';

describe('fmt', () => {
  test('rounds to two decimals and drops trailing zeros', () => {
    expect(fmt(1)).toBe('1');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(12.300000000000001)).toBe('12.3');
    expect(fmt(0.125)).toBe('0.13');
    expect(fmt(2 / 3)).toBe('0.67');
    expect(fmt(-2 / 3)).toBe('-0.67');
  });
  test('never prints -0', () => {
    expect(fmt(-0)).toBe('0');
    expect(fmt(-0.001)).toBe('0');
    expect(fmt(-0.004999)).toBe('0');
  });
  test('never uses exponent notation', () => {
    expect(fmt(1e21)).toBe('1000000000000000000000');
    expect(fmt(-3e22)).toBe('-30000000000000000000000');
    expect(fmt(1e-7)).toBe('0');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = fmt(n);
        expect(s).toMatch(/^-?\d+(\.\d{1,2})?$/);
        expect(s).not.toBe('-0');
      }),
    );
  });
  test('rejects non-finite numbers with a clear message', () => {
    expect(() => fmt(NaN)).toThrow(/not finite/);
    expect(() => fmt(Infinity)).toThrow(/not finite/);
  });
});

describe('escaping', () => {
  test('text escapes & < > and keeps quotes', () => {
    expect(escapeText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
  });
  test('attributes also escape quotes and whitespace controls', () => {
    expect(escapeAttr('say "hi"\n\tnow\r')).toBe('say &quot;hi&quot;&#10;&#9;now&#13;');
  });
  test('control characters that XML forbids become U+FFFD', () => {
    expect(escapeText('a\u0000b\u0007c\u001Fd\u007F')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    expect(escapeText('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeText('ok 😀')).toBe('ok 😀');
    expect(escapeText('tab\tnl\n')).toBe('tab\tnl\n');
  });
  test('a Go template action cannot appear', () => {
    expect(escapeText('{{ .Title }}')).not.toContain('{{');
    expect(escapeAttr('{{{x}}}')).not.toContain('{{');
  });
  test('escaped output never contains raw markup characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const t = escapeAttr(s);
        expect(t).not.toMatch(/[<>"]|&(?!(amp|lt|gt|quot|#\d+);)/);
        // eslint-disable-next-line no-control-regex
        expect(t).not.toMatch(/[\u0000-\u001F]/);
      }),
    );
  });
});

describe('el', () => {
  test('prints attributes in a stable order: id, class, then alphabetical', () => {
    const a = el('rect', { y: 2, x: 1, class: 'c', id: 'i', 'stroke-width': 1.5, height: 3 });
    const b = el('rect', { height: 3, 'stroke-width': 1.5, x: 1, id: 'i', y: 2, class: 'c' });
    expect(a.html).toBe('<rect id="i" class="c" height="3" stroke-width="1.5" x="1" y="2"/>');
    expect(b.html).toBe(a.html);
  });
  test('omits null/undefined/false attributes, prints true as "true"', () => {
    expect(el('g', { a: undefined, b: null, c: false, 'aria-hidden': true }).html).toBe('<g aria-hidden="true"/>');
  });
  test('string children are escaped, Markup children are not', () => {
    expect(el('text', {}, 'a<b', raw('<tspan>c</tspan>'), 3.14159).html).toBe('<text>a&lt;b<tspan>c</tspan>3.14</text>');
    expect(fragment('x', [el('g'), null, false, 'y']).html).toBe('x<g/>y');
  });
  test('rejects invalid names instead of emitting broken markup', () => {
    expect(() => el('a b')).toThrow();
    expect(() => attrsToString({ 'on"x': 1 })).toThrow();
  });
});

describe('ids', () => {
  test('prefixes every id and sanitises the prefix', () => {
    const ids = createIds('hp-3');
    expect(ids.id('marker-arrow')).toBe('hp-3-marker-arrow');
    expect(ids.href('title')).toBe('#hp-3-title');
    expect(ids.url('marker-arrow-ink')).toBe('url(#hp-3-marker-arrow-ink)');
    expect(createIds('3 posts/x').prefix).toMatch(/^[A-Za-z_][\w-]*$/);
    expect(createIds('').id('a')).toMatch(/^[A-Za-z_][\w-]*$/);
  });
  test('different prefixes never produce the same id', () => {
    const a = createIds('p1');
    const b = createIds('p2');
    for (const n of ['svg', 'title', 'desc', 'marker-arrow-ink']) expect(a.id(n)).not.toBe(b.id(n));
  });
});
