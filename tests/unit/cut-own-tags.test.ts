/**
 * cutOwnTags: what is written for a page that failed before it had a shadow (src/build.ts). Every tag of
 * our own shortcodes goes, as Hugo's lexer would read it; nothing else changes, line breaks stay.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { cutOwnTags, isOwnShortcodeName, JoinedText, MENTIONS_PRERENDER, OWN_SHORTCODES } from '../../src/site/handoff.js';

/** Two pieces joined by JoinedText. */
const joinText = (a: string, b: string) => new JoinedText().add(a).add(b).toString();

/**
 * The rule by its definition, on the whole text so far: a space before a piece when some `{{<` or `{{%`
 * of the joined text starts in the text before it and ends in the piece.
 */
function reference(pieces: readonly string[]): string {
  let out = '';
  for (const p of pieces) {
    if (out !== '' && p !== '') {
      const w = out + p;
      let opens = false;
      for (let i = Math.max(0, out.length - 2); i < out.length; i++) if (/^\{\{[<%]/.test(w.slice(i, i + 3))) opens = true;
      if (opens) out += ' ';
    }
    out += p;
  }
  return out;
}

it('cuts each of our shortcodes, opening and closing, {{< >}} and {{% %}}, with spaces and line breaks in the tag', () => {
  for (const name of OWN_SHORTCODES) {
    expect(cutOwnTags(`a {{< ${name} k="1" >}}<b>x</b>{{< /${name} >}} b`), name).toBe('a <b>x</b> b');
  }
  expect(cutOwnTags('a {{%prerender%}}x{{%/prerender%}} b')).toBe('a x b');
  expect(cutOwnTags('a {{<\n  prerender\n  k="1"\n>}}x{{<  /  prerender  >}} b')).toBe('a \n\n\nx b');
  expect(cutOwnTags('{{< prerender-page />}}')).toBe('');
});

it('a tag whose end is missing loses its opening, which is what makes it a shortcode', () => {
  expect(cutOwnTags('a {{< prerender k="x"\nno end')).toBe('a  prerender k="x"\nno end');
});

it('leaves other shortcodes alone, those whose names start like ours too, and says when there is nothing to cut', () => {
  const text = '{{< prerenderx >}} {{< prerender.inline >}}{{< /prerender.inline >}} {{< prerender-nofeedy >}} {{< figure src="prerender" >}} {{ prerender }}';
  expect(cutOwnTags(text)).toBeUndefined();
  expect(cutOwnTags('no tags')).toBeUndefined();
});

it('cuts our names in any case and after a namespace, as Hugo 0.169 and 0.111.3 find them', () => {
  expect(cutOwnTags('a {{< PRERENDER-NOFEED >}}x{{< /Prerender-NoFeed >}} b')).toBe('a x b');
  expect(cutOwnTags('a {{< shortcodes/prerender >}}x{{< /shortcodes/prerender >}} b')).toBe('a x b');
  for (const name of ['Prerender', 'PRERENDER-page', 'shortcodes/prerender', 'a/b/prerender-md']) expect(isOwnShortcodeName(name), name).toBe(true);
  for (const name of ['prerenderx', 'prerender/x', 'figure', 'prerender.inline']) expect(isOwnShortcodeName(name), name).toBe(false);
});

it('never joins the text on each side of a cut into a tag', () => {
  expect(cutOwnTags('{{{{< prerender >}}<prerender-nofeed >}}x')).toBe('{{ <prerender-nofeed >}}x');
  expect(cutOwnTags('{{< prerender >}}{{{< prerender >}}<x')).toBe('{<x');
  expect(cutOwnTags('{{{< prerender >}}{<x')).toBe('{ {<x');
});

it('JoinedText: a space only where the seam would make {{< or {{%', () => {
  expect(joinText('a{{', '< x')).toBe('a{{ < x');
  expect(joinText('a{', '{% x')).toBe('a{ {% x');
  expect(joinText('{', '{<')).toBe('{ {<');
  expect(joinText('a{{', '{< x')).toBe('a{{ {< x');
  // Our own fragment after an author's braces: its opener is whole in it.
  expect(joinText('a{{', '{{< prerender')).toBe('a{{{{< prerender');
  expect(joinText('a{{<', 'x')).toBe('a{{<x');
  expect(joinText('a{', '{ <')).toBe('a{{ <');
  expect(joinText('', '{{<')).toBe('{{<');
  expect(joinText('{{', '')).toBe('{{');
  // Built piece by piece, a seam across three pieces is found at the last.
  expect(['x{', '{', '<'].reduce((t, p) => new JoinedText().add(t).add(p).toString())).toBe('x{{ <');
});

it('JoinedText: the rule applied to the whole text at each seam, whatever the pieces', () => {
  const pieces = fc.array(fc.oneof(fc.constantFrom('', '{', '{{', '<', '%', '{{<', ' ', 'x', '{x', 'x{', '%}}', '\n'), fc.string({ maxLength: 4 })), { maxLength: 12 });
  fc.assert(
    fc.property(pieces, (list) => {
      const joined = new JoinedText();
      for (const p of list) joined.add(p);
      expect(joined.toString()).toBe(reference(list));
    }),
    { numRuns: 3000 },
  );
});

it('the quick look for our name finds what /prerender/i finds, also among letters outside ASCII', () => {
  // Letters whose case folds onto or near ASCII ones (Kelvin sign, long s, dotted and dotless i), and others.
  const piece = fc.constantFrom('prerender', 'PRERENDER', 'PreRender', 'prerende', 'rerender', 'p', 'r', 'e', 'n', 'd', 'P', 'R', 'E', 'N', 'D', '\u212a', '\u017f', '\u0130', '\u0131', 'é', 'É', 'ℙ', 'ʀ', 'ᴘ', 'x', ' ', '{{<', 'â€”');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), (parts, noise) => {
      const text = parts.join('') + noise;
      expect(MENTIONS_PRERENDER.test(text)).toBe(/prerender/i.test(text));
    }),
    { numRuns: 3000 },
  );
});
