// Installs src/content/micromark-linear.ts in place of micromark's text resolver, which is quadratic in
// the number of data runs of a paragraph (see that file), for esbuild (the bundle) and for Vite
// (vitest) alike. micromark's `initialize/text.js` (its `lib/` and its `dev/` build) gets three lines
// appended that replace the `resolveAll` of the objects it exports; nothing else of micromark changes.
// If a micromark release renames what this relies on, the build fails here instead of silently going
// quadratic again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINEAR = path.join(root, 'src/content/micromark-linear.ts').split(path.sep).join('/');

/** micromark's text initializer, in either build. */
export const MICROMARK_TEXT = /[\\/]micromark[\\/](dev[\\/])?lib[\\/]initialize[\\/]text\.js$/;

const NEEDED = [
  /export const resolver = \{\s*resolveAll: createResolver\(\)\s*\}/,
  /export const string = initializeFactory\('string'\)/,
  /export const text = initializeFactory\('text'\)/,
  /function resolveAllLineSuffixes\(/,
];

/** micromark's `initialize/text.js` source with the linear resolver installed. */
export function linearMicromarkText(source, file = 'micromark/lib/initialize/text.js') {
  for (const re of NEEDED) {
    if (!re.test(source)) throw new Error(`${file}: micromark changed (${re.source} not found); update scripts/micromark-linear-plugin.mjs`);
  }
  return (
    `${source}\n` +
    `import { linearTextResolver as __hpLinear } from ${JSON.stringify(LINEAR)};\n` +
    'resolver.resolveAll = __hpLinear();\n' +
    'string.resolveAll = __hpLinear();\n' +
    'text.resolveAll = __hpLinear(resolveAllLineSuffixes);\n'
  );
}

export function esbuildMicromarkLinear() {
  return {
    name: 'micromark-linear',
    setup(build) {
      build.onLoad({ filter: MICROMARK_TEXT }, (args) => ({
        contents: linearMicromarkText(readFileSync(args.path, 'utf8'), args.path),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

export function viteMicromarkLinear() {
  return {
    name: 'micromark-linear',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      return MICROMARK_TEXT.test(file) ? { code: linearMicromarkText(code, file), map: null } : null;
    },
  };
}
