// The esbuild and Vite plugins that patch dependencies' files as they are read (micromark-linear-plugin.mjs,
// katex-plugin.mjs): the same patches for the bundle and for vitest, so that the tests run the code that
// ships. `patches`: [filter, patch(source, file)] pairs, a file taking the first whose filter matches its
// path; a patch throws when the dependency no longer has the text it changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function esbuildPatches(name, patches) {
  return {
    name,
    setup(build) {
      for (const [filter, patch] of patches) {
        build.onLoad({ filter }, (args) => ({
          contents: patch(readFileSync(args.path, 'utf8'), args.path),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        }));
      }
    },
  };
}

export function vitePatches(name, patches) {
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      for (const [filter, patch] of patches) if (filter.test(file)) return { code: patch(code, file), map: null };
      return null;
    },
  };
}
