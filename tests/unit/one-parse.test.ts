/**
 * One Markdown parse per page (issue 9): the page body is parsed once, and that tree serves math,
 * headings, the table of contents and the summary divider. What else is parsed is short: a heading's
 * text for its id, a caption, a table of contents entry; never the page again.
 */
import { describe, expect, it } from 'vitest';
import { prerenderPage } from '../../src/prerender-page.js';
import { markdownParses } from '../../src/content/math.js';
import { pageEnv } from '../helpers/page-env.js';

describe('one Markdown parse per page', () => {
  it('parses the body once, whatever uses its structure', async () => {
    const body = [
      '# Intro to $h_t$',
      '',
      'Some text with $x_1$ and a long enough paragraph to make a summary. '.repeat(20),
      '',
      '## Gates $\\sigma$ {#gates}',
      '',
      '$$c_t = f_t \\odot c_{t-1}$$',
      '',
      '{{< figure src="https://example.org/a.png" caption="A cell with $c_t$" >}}',
      '',
      '- a list $y$',
      '',
      '## End',
      '',
    ].join('\n');
    const source = `---\ntitle: "T"\n---\n${body}`;
    const before = { ...markdownParses };
    const r = await prerenderPage(source, pageEnv());
    expect(r.failed).toBe(false);
    expect(r.shadow).toContain('{#gates}');
    expect(r.shadow).toContain('<!--more-->');
    const parses = markdownParses.count - before.count;
    const chars = markdownParses.chars - before.chars;
    // The body once (its length), then short strings only: three headings, three TOC entries, a caption.
    expect(parses).toBeGreaterThan(1);
    expect(chars - body.length).toBeLessThan(body.length / 4);
  });
});
