// `npm run docs`: regenerates the README's parameter tables from the shortcodes' parameter specs.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shortcodes, updateParamsBlocks } from '../dist/index.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = updateParamsBlocks(before, shortcodes.values());
if (after !== before) {
  writeFileSync(readme, after);
  console.log('README.md: parameter tables updated');
} else {
  console.log('README.md: parameter tables already up to date');
}
