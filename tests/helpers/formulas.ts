/**
 * The TeX of the fixtures' formulas (every `.md` under fixtures/), found by their usual delimiters, plus
 * what KaTeX writes only on request (`\htmlClass`, `\htmlData`, `\htmlStyle`: pass `trust: true`), `\tag`,
 * stretchy arrows and text with characters to escape: what tests of KaTeX's markup render.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fixtureFormulas(): string[] {
  const formulas = new Set<string>();
  const files = readdirSync(path.join(root, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  for (const f of files.sort()) {
    const text = readFileSync(path.join(root, 'fixtures', f), 'utf8');
    for (const m of text.matchAll(/\$\$([^$]+)\$\$|\$([^$\n]+)\$|\\\\?\(([^]*?)\\\\?\)|\\\\?\[([^]*?)\\\\?\]/g)) formulas.add(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  for (const tex of [
    '\\htmlData{c=x}{y}',
    '\\htmlClass{stretchy}{x}',
    '\\htmlStyle{color:red}{x}',
    '\\xrightarrow{abc} \\tag{2}',
    'a \\\\ b',
    '\\text{a < b & "c" \'d\' > e}',
    '\\color{#f00}{x} \\colorbox{yellow}{y} \\rule{1em}{0.5ex} \\kern{0.123456em} \\href{https://a.b/?c=1&d=2}{e}',
    '\\ce{H2O + CO2 -> H2CO3} \\pu{123 kJ/mol}',
  ]) {
    formulas.add(tex);
  }
  return [...formulas];
}
