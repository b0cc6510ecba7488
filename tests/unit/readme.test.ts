import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shortcodes } from '../../src/render/registry.js';
import { updateParamsBlocks } from '../../src/render/docs.js';
import { parsePage } from '../../src/content/page.js';
import { validateParams } from '../../src/render/params.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every shortcode with an up-to-date parameter table (run `npm run docs` to fix)', () => {
    for (const name of shortcodes.keys()) {
      expect(readme, `README has no params block for ${name}`).toContain(`<!-- params:${name} -->`);
    }
    expect(updateParamsBlocks(readme, shortcodes.values())).toBe(readme);
  });

  it('shows only shortcode examples that validate against the shortcodes themselves', () => {
    const fences = [...readme.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]!);
    let checked = 0;
    for (const block of fences) {
      const page = parsePage(`---\n---\n${block}`);
      expect(page.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const sc of page.shortcodes) {
        const def = shortcodes.get(sc.name);
        if (!def) continue;
        const { problems } = validateParams(def.params, sc.params);
        expect(problems, `README example {{< ${sc.name} … >}}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('links only to files that exist and that the published package holds (package.json "files")', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] }).files;
    const links = [...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const rel = decodeURI(link).replace(/^\.\//, '');
      expect(existsSync(root + rel), link).toBe(true);
      expect(files.some((f) => rel === f || rel.startsWith(`${f}/`)), `${link} is not in the package`).toBe(true);
    }
  });
});
