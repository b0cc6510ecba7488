// Makes `import shortcodes from 'virtual:shortcodes'` list every file in shortcodes/, for esbuild (the
// bundle) and for Vite (vitest) alike. A new shortcode is one new file; nothing else changes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ID = 'virtual:shortcodes';

export function shortcodesModuleSource() {
  const dir = path.join(root, 'shortcodes');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
  const imports = files.map((f, i) => `import s${i} from ${JSON.stringify(path.join(dir, f).split(path.sep).join('/'))};`);
  return `${imports.join('\n')}\nexport default [${files.map((_, i) => `s${i}`).join(', ')}];\n`;
}

export function esbuildShortcodes() {
  return {
    name: 'shortcodes',
    setup(build) {
      build.onResolve({ filter: /^virtual:shortcodes$/ }, () => ({ path: ID, namespace: 'shortcodes' }));
      build.onLoad({ filter: /.*/, namespace: 'shortcodes' }, () => ({
        contents: shortcodesModuleSource(),
        resolveDir: root,
        loader: 'ts',
        watchDirs: [path.join(root, 'shortcodes')],
      }));
    },
  };
}

export function viteShortcodes() {
  return {
    name: 'shortcodes',
    resolveId(id) {
      return id === ID ? '\0' + ID : null;
    },
    load(id) {
      return id === '\0' + ID ? shortcodesModuleSource() : null;
    },
  };
}
