/**
 * The package's templates must never take the place of a user's: Hugo's precedence between layout
 * mounts differs by version (measured: the LAST layouts mount wins in 0.111.3, the FIRST in 0.169.0), so
 * mount order cannot protect a user's template. Namespaced names can: everything we ship lives under
 * partials/prerender/ or is the `prerender` shortcode.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../layouts');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
}
const list = (dir: string) => walk(dir).map((p) => path.relative(root, p).split(path.sep).join('/'));

describe('layouts/ shipped by the package', () => {
  it('uses only namespaced template names', () => {
    const files = [...new Set(list(root))];
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^(partials\/prerender\/[a-z0-9-]+\.html|shortcodes\/prerender(-[a-z0-9-]+)?(\.[a-z0-9]+)?\.(html|xml|json))$/);
  });
  it('trims whitespace around the placeholder output (it stands inside a line of text)', () => {
    const sc = readFileSync(path.join(root, 'shortcodes/prerender.html'), 'utf8');
    expect(sc.startsWith('{{-')).toBe(true);
    expect(sc.trimEnd().endsWith('-}}')).toBe(true);
  });
});
