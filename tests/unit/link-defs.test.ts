/**
 * The plan that carries link reference definitions across the prerender-md wrapper (src/content/link-defs.ts);
 * what a reader gets is asserted with real Hugo in tests/integration/prerender-md.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/content/page.js';
import { DUP_TOKEN, labelKey, planDefinitions, serialize } from '../../src/content/link-defs.js';
import { parseMarkdownWithMath } from '../../src/content/math.js';

function plan(source: string, wrapped: string[]) {
  const parsed = parsePage(source);
  const sc = parsed.shortcodes;
  const w = wrapped.map((name) => ({ shortcode: sc.find((s) => s.name === name)!, md: 'block' as const }));
  expect(w.every((x) => x.shortcode)).toBe(true);
  return planDefinitions(source, parsed.bodyOffset, undefined, sc, w);
}

/** What Markdown reads back from a serialized definition: [the label as matched, url, title]. */
function readBack(line: string): [string, string, string | null] {
  const tree = parseMarkdownWithMath(`${line}\n`, []);
  const d = tree.children[0];
  if (d?.type !== 'definition') throw new Error(`not a definition: ${line}`);
  return [d.identifier, d.url, d.title ?? null];
}

describe('link reference definitions across the wrapper', () => {
  it('gives the wrapper the page definitions its content mentions, the first one of each label', () => {
    const p = plan('[a]: /first\n\n{{% w %}}\n[A] and [ b  c ]\n{{% /w %}}\n\n[a]: /second\n[B C]: /bc\n[d]: /unused\n', ['w']);
    expect(p.forWrap).toEqual([{ before: [], after: ['[a]: </first>', '[B C]: </bc>'] }]);
    expect(p.appended).toEqual([]);
    expect(p.neutralize).toEqual([]);
  });

  it('puts before the Markdown a page definition that beats one of the shortcode (the first one wins)', () => {
    const p = plan('[a]: /page\n\n{{% w %}}\n[a] and [b]\n\n[a]: /inner\n{{% /w %}}\n\n[b]: /b\n', ['w']);
    expect(p.forWrap).toEqual([{ before: ['[a]: </page>'], after: ['[b]: </b>'] }]);
    expect(p.appended).toEqual([]);
  });

  it("moves the wrapped shortcode's winning definitions after the body and renames the page's later ones", () => {
    const source = 'Intro.\n\n{{% w %}}\n  [x]: /inner "t"\n[y]: /inner-y\n{{% /w %}}\n\n[y]: /early\n\n- [X]: /later\n';
    const parsed = parsePage(source);
    // The shortcode comes first: both of its definitions win over the page's.
    const p = planDefinitions(source, parsed.bodyOffset, undefined, parsed.shortcodes, [{ shortcode: parsed.shortcodes[0]!, md: 'block' }]);
    expect(p.appended).toEqual(['[x]: </inner> "t"', '[y]: </inner-y>']);
    expect(p.neutralize.map((at) => source.slice(at - 1, at + 2))).toEqual(['[y]', '[X]']);
    const neutralized = p.neutralize.reduceRight((s, at) => s.slice(0, at) + DUP_TOKEN + s.slice(at), source);
    expect(neutralized).toContain(`[${DUP_TOKEN}y]: /early`);
  });

  it('maps an indented shortcode (de-indented as .InnerDeindent) back to the source, and skips nested shortcodes and labels with {{', () => {
    const source = '1. item\n\n   {{% w %}}\n   [in]: /in\n   {{< n >}}\n\n   [nested]: /n\n   {{< /n >}}\n   {{% /w %}}\n\n[in]: /page\n[x{{y]: /z\n';
    const parsed = parsePage(source);
    const w = parsed.shortcodes.find((s) => s.name === 'w')!;
    const p = planDefinitions(source, parsed.bodyOffset, undefined, parsed.shortcodes, [{ shortcode: w, md: 'block' }]);
    expect(p.appended).toEqual(['[in]: </in>']);
    expect(p.neutralize.map((at) => source.slice(at, at + 3))).toEqual(['in]']);
    expect(p.neutralize[0]).toBe(source.lastIndexOf('[in]') + 1);
  });

  it('within a line, a definition cannot start: the rest of a paragraph', () => {
    const source = 'Text {{% w %}}[q]: /q{{% /w %}} and [q].\n';
    const parsed = parsePage(source);
    const p = planDefinitions(source, parsed.bodyOffset, undefined, parsed.shortcodes, [{ shortcode: parsed.shortcodes[0]!, md: 'inline' }]);
    expect(p).toEqual({ forWrap: [{ before: [], after: [] }], appended: [], neutralize: [] });
  });

  it('serializes on one line what Markdown reads back the same, with no {{ and no marker of the wrapper', () => {
    for (const [label, url, title] of [
      ['a', '/x', null],
      ['Foo\\] bar', '/a b?c=1&d=<2>', 'say "hi" {{< x >}} <!--hugo-prerender:frag--> &amp;\nnext line'],
      ['x', '', 'back\\slash'],
    ] as const) {
      const line = serialize({ label, url, title });
      expect(line).not.toMatch(/\n|\{\{|<!--hugo-prerender:frag-->/);
      expect(readBack(line)).toEqual([labelKey(label).toLowerCase(), url, title]);
    }
  });
});
