/**
 * A shortcode no template has (a misspelling: `{{< youtub >}}`, `{{< rnn-zoo >}}`): Hugo stops the site on
 * it ("template for shortcode … not found", both versions). build and check say so first, at the tag,
 * with the name meant where it is clear; never for a name the site, a theme, Hugo or we have, and not at
 * all where the site's layouts may not show every template (a theme in Hugo's module cache, or one that
 * imports modules of its own).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { checkSite } from '../../src/check.js';
import type { Diagnostic } from '../../src/content/types.js';

const site = tempSites('hp-unknown-sc-', { defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });

const PAGE = [
  '---',
  'title: T',
  '---',
  '',
  '{{< youtub id="x" >}} and {{< rnn-unrol >}}',
  '',
  '{{< rnn-zoo >}}',
  '',
  '{{< plot-lines >}}',
  '',
  '{{< blorp >}}',
  '',
  // The site's (in a folder; in another case, which only Hugo 0.146+ finds), a theme's, Hugo's, ours, an inline one;
  // and one inside the site's shortcode, which Hugo looks up as well.
  '{{< blog/note >}} {{< Mine >}}x{{< /Mine >}} {{< themed >}} {{< youtube id="x" >}} {{< highlight go >}}x{{< /highlight >}}',
  '{{< gradient-decay >}} {{< time.inline >}}{{ now }}{{< /time.inline >}} {{< mine >}}{{< inside-mine >}}{{< /mine >}}',
  '',
].join('\n');

const unknown = (r: { diagnostics: readonly Diagnostic[] }) =>
  r.diagnostics.filter((d) => d.code === 'unknown-shortcode').map((d) => `${d.line}:${d.column} ${d.message}`);

const THEMED = {
  'hugo.toml': 'title = "t"\ntheme = "th"\n',
  'layouts/shortcodes/blog/note.html': 'n\n',
  'layouts/_shortcodes/mine.html': '{{ .Inner }}\n',
  'themes/th/layouts/shortcodes/themed.html': 't\n',
  'content/p.md': PAGE,
};

describe('a shortcode no template has', () => {
  it('is a warning at its tag, with the name it most likely misspells or the names that start as it does', async () => {
    const dir = site(THEMED);
    const r = await buildSite({ source: dir });
    const why = 'no shortcode has this name (not one of this site\'s or its theme\'s templates, Hugo\'s or hugo-prerender\'s), so Hugo stops on this page';
    expect(unknown(r)).toEqual([
      `5:1 {{< youtub >}}: ${why} (template for shortcode "youtub" not found); did you mean youtube?`,
      `5:27 {{< rnn-unrol >}}: ${why} (template for shortcode "rnn-unrol" not found); did you mean rnn-unroll?`,
      `7:1 {{< rnn-zoo >}}: ${why} (template for shortcode "rnn-zoo" not found); the shortcodes whose name starts so: rnn-architectures, rnn-unroll`,
      `9:1 {{< plot-lines >}}: ${why} (template for shortcode "plot-lines" not found); the shortcodes whose name starts so: plot`,
      `11:1 {{< blorp >}}: ${why} (template for shortcode "blorp" not found)`,
      `14:85 {{< inside-mine >}}: ${why} (template for shortcode "inside-mine" not found)`,
    ]);
    // `Mine` has a template, mine.html, in another case: Hugo 0.146+ finds it, 0.111.3 stops (see below).
    expect(r.diagnostics.filter((d) => d.code === 'shortcode-case').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '13:19 {{< Mine >}}: the template is named mine; Hugo 0.146 and newer find it whatever the case, but older Hugo (Debian\'s 0.111.3, for one) matches names exactly and stops on this page (template for shortcode "Mine" not found). Write {{< mine >}}',
    ]);
    // A warning: the build itself does not fail on it (Hugo will).
    expect(r.failed).toBe(false);
    // check says the same; a warm build replays it.
    const checked = await checkSite(dir);
    expect(unknown({ diagnostics: checked.pages.flatMap((p) => p.diagnostics) })).toEqual(unknown(r));
    const warm = await buildSite({ source: dir });
    expect(warm.unchanged).toBe(1);
    expect(unknown(warm)).toEqual(unknown(r));
  });

  it('is no longer said once the site has a template of that name (the next build, warm or not)', async () => {
    const dir = site(THEMED);
    expect(unknown(await buildSite({ source: dir }))).toHaveLength(6);
    mkdirSync(path.join(dir, 'layouts/shortcodes'), { recursive: true });
    writeFileSync(path.join(dir, 'layouts/shortcodes/blorp.html'), 'b\n');
    expect(unknown(await buildSite({ source: dir })).map((m) => m.split(' ')[2])).toEqual(['youtub', 'rnn-unrol', 'rnn-zoo', 'plot-lines', 'inside-mine']);
  });

  it('is not said for a template in a linked folder (a folder of shortcodes shared between sites)', async () => {
    const dir = site({ ...THEMED, 'shared/blorp.html': 'b\n', 'content/p.md': '---\ntitle: T\n---\n{{< team/blorp >}}\n' });
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'layouts/shortcodes/team'), 'dir');
    expect(unknown(await buildSite({ source: dir }))).toEqual([]);
  });

  it('is not said where the layouts may not show every template and Hugo cannot say where they are: a theme not found, or one with modules of its own', async () => {
    // Hugo is asked where such themes are (site/hugo-modules.ts; tests/integration/module-themes.test.ts);
    // here there is no Hugo to ask, so the layouts stay as hugo-prerender sees them, with a warning.
    const noHugo = (dir: string) => ({ source: dir, hugo: path.join(dir, 'no-hugo-here') });
    const modulesWarning = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code === 'modules').length;
    // A theme Hugo fetches into its module cache (not in themes/ nor _vendor/).
    const elsewhere = await buildSite(noHugo(site({ ...THEMED, 'hugo.toml': 'title = "t"\ntheme = "elsewhere"\n' })));
    expect(unknown(elsewhere)).toEqual([]);
    expect(modulesWarning(elsewhere)).toBe(1);
    // A theme that imports a module (TOML, YAML) or names a theme of its own.
    for (const [file, text] of [
      ['themes/th/hugo.toml', '[[module.imports]]\npath = "github.com/x/y"\n'],
      ['themes/th/config.yaml', 'module:\n  imports:\n    - path: github.com/x/y\n'],
      ['themes/th/theme.toml', 'theme = "base"\n'],
    ]) {
      const r = await buildSite(noHugo(site({ ...THEMED, [file!]: text! })));
      expect(unknown(r), file).toEqual([]);
      expect(modulesWarning(r), file).toBe(1);
    }
    // A theme with a config of its own that imports nothing: still checked, and Hugo not asked.
    const plain = await buildSite(noHugo(site({ ...THEMED, 'themes/th/hugo.toml': '[params]\ncolor = "red"\n' })));
    expect(unknown(plain)).toHaveLength(6);
    expect(modulesWarning(plain)).toBe(0);
  });

  it('differing from a template\'s name only in case is a warning of its own: older Hugo matches names exactly', async () => {
    const dir = site({
      'layouts/shortcodes/Card.html': 'c\n',
      'layouts/shortcodes/note.html': 'n\n',
      'content/p.md': '---\ntitle: T\n---\n{{< Card >}} {{< card >}} {{< NOTE >}} {{< note >}} {{< Highlight go >}}x{{< /Highlight >}} {{< Cards >}}\n',
    });
    const r = await buildSite({ source: dir });
    const found = r.diagnostics.filter((d) => d.code === 'shortcode-case' || d.code === 'unknown-shortcode').map((d) => `${d.column} ${d.code} ${/Write (.*)$|did you mean (\S+)\?/.exec(d.message)?.slice(1).find(Boolean) ?? ''}`);
    expect(found).toEqual(['14 shortcode-case {{< Card >}}', '27 shortcode-case {{< note >}}', '53 shortcode-case {{< highlight >}}', '93 unknown-shortcode Card']);
  });
});
