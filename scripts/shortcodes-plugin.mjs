// Makes `import shortcodes from 'virtual:shortcodes'` list every file in shortcodes/, for esbuild (the
// bundle) and for Vite (vitest) alike. A new shortcode is one new file; nothing else changes.
// `virtual:shortcode-list` is each one's name and `inner` only, read from its `defineShortcode({…})`
// without loading it: what a build needs before any page is rendered (tests/unit/shortcode-list.test.ts
// checks it against the shortcodes themselves).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ID = 'virtual:shortcodes';
const LIST_ID = 'virtual:shortcode-list';

function shortcodeFiles() {
  const dir = path.join(root, 'shortcodes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .sort();
}

/** `[[name, inner], …]` of every shortcode, from the top-level `name:` and `inner:` of its `export default defineShortcode({`. */
export function shortcodeListSource() {
  const dir = path.join(root, 'shortcodes');
  const list = shortcodeFiles().map((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const start = text.indexOf('export default defineShortcode');
    const body = start < 0 ? '' : text.slice(start);
    const name = /^ {2}name: '([a-z0-9-]+)',$/m.exec(body)?.[1];
    const inner = /^ {2}inner: '(none|optional|required)',$/m.exec(body)?.[1];
    if (!name || !inner) {
      throw new Error(`shortcodes/${f}: write "export default defineShortcode({" with "  name: '…'," and "  inner: 'none' | 'optional' | 'required'," on lines of their own`);
    }
    return [name, inner];
  });
  return `export default ${JSON.stringify(list)};\n`;
}

export function shortcodesModuleSource() {
  const dir = path.join(root, 'shortcodes');
  const files = shortcodeFiles();
  const imports = files.map((f, i) => `import s${i} from ${JSON.stringify(path.join(dir, f).split(path.sep).join('/'))};`);
  return `${imports.join('\n')}\nexport default [${files.map((_, i) => `s${i}`).join(', ')}];\n`;
}

export function esbuildShortcodes() {
  return {
    name: 'shortcodes',
    setup(build) {
      build.onResolve({ filter: /^virtual:shortcode(s|-list)$/ }, (args) => ({ path: args.path, namespace: 'shortcodes' }));
      build.onLoad({ filter: /.*/, namespace: 'shortcodes' }, (args) => ({
        contents: args.path === LIST_ID ? shortcodeListSource() : shortcodesModuleSource(),
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
      return id === ID || id === LIST_ID ? '\0' + id : null;
    },
    load(id) {
      if (id === '\0' + LIST_ID) return shortcodeListSource();
      return id === '\0' + ID ? shortcodesModuleSource() : null;
    },
  };
}
