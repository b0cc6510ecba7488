/**
 * What the `shortcode-case` warning says, checked against real Hugo: a shortcode whose name differs from its
 * template's only in case builds on Hugo 0.146 and newer (template names are looked up lower-cased) and
 * stops the site on older Hugo (names matched exactly); the exact name builds on both. hugo-prerender warns
 * at exactly the tags older Hugo stops on.
 */
import { expect, it } from 'vitest';
import { buildSite as hugoBuild, describeEachHugo } from '../helpers/hugo.js';
import { tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';

const site = tempSites('hp-sc-case-', {
  defaults: {
    'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
    'layouts/_default/single.html': '{{ .Content }}\n',
    'layouts/_default/list.html': '{{ .Title }}\n',
    'layouts/shortcodes/Card.html': '<b>card</b>\n',
    'layouts/shortcodes/note.html': '<i>note</i>\n',
  },
});

const CASES = [
  ['{{< Card >}}', true],
  ['{{< note >}}', true],
  ['{{< highlight go >}}x{{< /highlight >}}', true],
  ['{{< card >}}', false],
  ['{{< CARD >}}', false],
  ['{{< Note >}}', false],
  ['{{< Highlight go >}}x{{< /Highlight >}}', false],
] as const;

describeEachHugo('a shortcode named in another case than its template', (hugo) => {
  const [major, minor] = hugo.version.split('.').map(Number) as [number, number];
  const exactOnly = major === 0 && minor < 146;
  for (const [tag, exact] of CASES) {
    it(`${tag}: ${exact || !exactOnly ? 'builds' : 'stops the site'} on Hugo ${hugo.version}; hugo-prerender ${exact ? 'says nothing' : 'warns'}`, async () => {
      const dir = site({ 'content/p.md': `---\ntitle: P\n---\nA ${tag} here.\n` });
      const ours = await buildSite({ source: dir });
      expect(ours.diagnostics.filter((d) => d.code === 'shortcode-case').map((d) => `${d.line}:${d.column}`)).toEqual(exact ? [] : ['4:3']);
      const b = hugoBuild(hugo.bin, dir, { linkPackage: false });
      const out = b.stdout + b.stderr;
      if (exact || !exactOnly) {
        expect(b.code, out).toBe(0);
        expect(b.read('p/index.html')).toMatch(/<b>card<\/b>|<i>note<\/i>|class="highlight"/);
      } else {
        expect(b.code, out).not.toBe(0);
        expect(out).toMatch(/template for shortcode "[A-Za-z]+" not found/);
      }
    });
  }
});
