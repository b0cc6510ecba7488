import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCp1252, findMojibake, mangle } from '../../src/content/mojibake.js';

describe('Windows-1252', () => {
  it('decodes the 0x80–0x9F block and leaves Latin-1 alone', () => {
    expect(decodeCp1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x96, 0x97, 0x99, 0x9f]))).toBe('€…‘’–—™Ÿ');
    expect(decodeCp1252(new Uint8Array([0x41, 0xa9, 0xe9, 0xff]))).toBe('A©éÿ');
    expect(decodeCp1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('differs from Latin-1 exactly in the 27 characters Windows defines in 0x80–0x9F', () => {
    // (Node's TextDecoder('windows-1252') decodes as Latin-1, so it cannot serve as the reference.)
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const decoded = decodeCp1252(bytes);
    const differing = [...decoded].flatMap((c, i) => (c.charCodeAt(0) !== i ? [i] : []));
    expect(differing).toHaveLength(27);
    expect(differing.every((b) => b >= 0x80 && b <= 0x9f)).toBe(true);
  });

  it('mangles like a UTF-8 file opened as Windows-1252', () => {
    expect(mangle('—')).toBe('â€”');
    expect(mangle('’')).toBe('â€™');
    expect(mangle('é')).toBe('Ã©');
  });
});

describe('findMojibake', () => {
  it("finds the seed post's mangled em dash", () => {
    const line = 'no "memory"â€”when presented';
    const found = findMojibake(line, 0);
    expect(found).toEqual([{ offset: line.indexOf('â'), length: 3, found: 'â€”', likely: '—' }]);
  });

  it.each([
    ['donâ€™t', 'â€™', '’'],
    ['cafÃ©', 'Ã©', 'é'],
    ['â€œquotedâ€\u009d', 'â€œ', '“'],
    ['waitâ€¦', 'â€¦', '…'],
    ['Â°C', 'Â°', '°'],
    ['ÃŸ', 'ÃŸ', 'ß'],
    ['Ïƒ(x)', 'Ïƒ', 'σ'],
    ['xâ†’y', 'â†’', '→'],
    ['Å‚Ã³dÅº', 'Å‚', 'ł'],
    ['Â\u00a0', 'Â\u00a0', '\u00a0'],
  ])('%s', (text, found, likely) => {
    expect(findMojibake(text, 0)[0]).toMatchObject({ found, likely, offset: text.indexOf(found) });
  });

  it('finds twice-mangled text as one finding', () => {
    const twice = mangle(mangle('’'));
    expect(twice).toBe('Ã¢â‚¬â„¢');
    expect(findMojibake(`don${twice}t`, 10)).toEqual([{ offset: 13, length: twice.length, found: twice, likely: '’' }]);
  });

  it('adds the base offset and finds every occurrence', () => {
    const found = findMojibake('a â€” b â€” c', 100);
    expect(found.map((f) => f.offset)).toEqual([102, 108]);
  });

  it.each([
    'SÃO PAULO e SÃ',
    'Ærø, Ça va, Île-de-France, Ångström, Ølby',
    'naïve café — “quoted” ’s … ±3 °C',
    'σ(Wx + b) → ∞, ∑ᵢ αᵢ',
    'Â la carte',
    '',
  ])('does not fire on legitimate text: %s', (text) => {
    expect(findMojibake(text, 0)).toEqual([]);
  });

  it('finds every candidate character when mangled, and nothing in correctly decoded text', () => {
    const chars = fc.constantFrom(...'—–’‘“”…•é©°±×÷ßäöüñçłœŠαβσθ→≤≥∞€™'.split(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(chars, fc.constantFrom('a', ' ', 'x', '\n', '.')), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(findMojibake(text, 0)).toEqual([]);
        const mangledChars = parts.filter((p) => p.charCodeAt(0) > 0x7f);
        expect(findMojibake(mangle(text), 0).map((f) => f.likely)).toEqual(mangledChars);
      }),
      { numRuns: 300 },
    );
  });
});
