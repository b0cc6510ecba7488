/**
 * cutOwnTags: what is written for a page that failed before it had a shadow (src/build.ts). Every tag of
 * our own shortcodes goes, as Hugo's lexer would read it; nothing else changes, line breaks stay.
 */
import { expect, it } from 'vitest';
import { cutOwnTags, OWN_SHORTCODES } from '../../src/site/handoff.js';

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
