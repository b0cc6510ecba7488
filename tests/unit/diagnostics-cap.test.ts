/**
 * A page reports at most DIAGNOSTICS_PER_CODE diagnostics of one code, then one that says how many more
 * there were: a page of 200,000 mojibake sequences (or unknown references) printed as many warnings, and
 * spreading them into the build's list overflowed the stack, so the page failed with an internal error.
 */
import { describe, expect, it } from 'vitest';
import { capDiagnostics, DIAGNOSTICS_PER_CODE, prerenderPage } from '../../src/prerender-page.js';
import { buildSite } from '../../src/build.js';
import type { Diagnostic } from '../../src/content/types.js';
import { pageEnv } from '../helpers/page-env.js';
import { tempSites } from '../helpers/temp-site.js';

const tempSite = tempSites('hp-cap-');

const many = (piece: string, n: number) => Array.from({ length: n / 100 }, () => Array(100).fill(piece).join(' ')).join('\n\n');

describe('diagnostics per code on a page', () => {
  it('keeps the first 50 of a code in order, then one that counts the rest, an error if any of them is', () => {
    const d = (code: string, i: number, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({ severity, code, file: 'p.md', line: i, column: 1, message: `${code} ${i}` });
    const list = [d('a', 1), ...Array.from({ length: 60 }, (_, i) => d('b', i + 2)), d('a', 70), d('b', 71, 'error')];
    const capped = capDiagnostics(list);
    expect(capped).toHaveLength(1 + DIAGNOSTICS_PER_CODE + 1 + 1);
    expect(capped.slice(0, 3).map((x) => x.message)).toEqual(['a 1', 'b 2', 'b 3']);
    const summary = capped[1 + DIAGNOSTICS_PER_CODE]!;
    expect(summary).toMatchObject({ severity: 'error', line: 52, code: 'b' });
    expect(summary.message).toBe('11 more errors and warnings of this kind (b) on this page, from here on, are not shown: fix the 50 above, and build again to see the rest');
    expect(capped.at(-1)!.message).toBe('a 70');
    // Under the cap: the same list.
    expect(capDiagnostics(list.slice(0, 20))).toEqual(list.slice(0, 20));
  });

  it('prerenders a page of 100,000 mojibake sequences and 100,000 unknown references, with 51 warnings of each', async () => {
    const source = `---\ntitle: T\n---\n${many('cafÃ©', 100_000)}\n\n${many('@fig-none', 100_000)}\n\n{{< gru-cell id="fig-a" >}}\n`;
    const r = await prerenderPage(source, pageEnv('content/posts/p/index.md'));
    expect(r.failed).toBe(false);
    const byCode = (code: string) => r.diagnostics.filter((d) => d.code === code);
    expect(byCode('mojibake')).toHaveLength(DIAGNOSTICS_PER_CODE + 1);
    expect(byCode('figure-ref')).toHaveLength(DIAGNOSTICS_PER_CODE + 1);
    expect(byCode('mojibake').at(-1)!.message).toBe(
      '99,950 more warnings of this kind (mojibake) on this page, from here on, are not shown: fix the 50 above, and build again to see the rest',
    );
    expect(r.shadow).toContain('{{< prerender');
  }, 60_000);

  it('builds such a page: no internal error', async () => {
    const dir = tempSite({ 'hugo.toml': 'title = "t"\n', 'content/posts/p.md': `---\ntitle: T\n---\n${many('cafÃ©', 200_000)}\n\n$x$\n` });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'mojibake')).toHaveLength(DIAGNOSTICS_PER_CODE + 1);
    expect(r.shadowed).toBe(1);
  }, 60_000);
});
