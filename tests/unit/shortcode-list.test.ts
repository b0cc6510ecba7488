/**
 * A build reads the shortcodes' names and `inner` from virtual:shortcode-list (read from their source
 * text, scripts/shortcodes-plugin.mjs) so as not to load the shortcodes when no page needs rendering: it
 * must say what the shortcodes themselves say, in the same order.
 */
import { expect, it } from 'vitest';
import { shortcodes } from '../../src/render/registry.js';
import { shortcodeList } from '../../src/render/shortcode-list.js';
// @ts-expect-error plain JS module shared with the esbuild build
import { shortcodeListSource } from '../../scripts/shortcodes-plugin.mjs';

it("the shortcode list has every shortcode's name and inner, in the registry's order", () => {
  expect([...shortcodeList]).toEqual([...shortcodes.values()].map((s) => [s.name, s.inner]));
  expect(shortcodeList.size).toBeGreaterThanOrEqual(9);
});

it('the list is read from the source text of each shortcode', () => {
  expect(shortcodeListSource()).toContain('["attention-map","required"]');
});
