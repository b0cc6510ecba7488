// Builds the CLI and the library as single ESM bundles into dist/, and copies the stylesheet and fonts
// of the exact KaTeX that the bundle contains (so CSS and renderer can never drift apart).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { esbuildShortcodes } from './shortcodes-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const katexDir = path.dirname(require.resolve('katex/package.json'));
const katexVersion = JSON.parse(readFileSync(path.join(katexDir, 'package.json'), 'utf8')).version;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  // sharp is a native addon: it is loaded from node_modules at run time.
  external: ['sharp'],
  plugins: [esbuildShortcodes()],
  define: {
    __PKG_VERSION__: JSON.stringify(pkg.version),
    __KATEX_VERSION__: JSON.stringify(katexVersion),
  },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { cli: path.join(root, 'src/cli.ts') },
  outdir: dist,
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
await build({ ...common, entryPoints: { index: path.join(root, 'src/index.ts') }, outdir: dist });

cpSync(path.join(katexDir, 'dist/katex.min.css'), path.join(dist, 'katex/katex.min.css'));
cpSync(path.join(katexDir, 'dist/fonts'), path.join(dist, 'katex/fonts'), { recursive: true });
cpSync(path.join(katexDir, 'LICENSE'), path.join(dist, 'katex/LICENSE'));
writeFileSync(path.join(dist, 'katex/VERSION'), katexVersion + '\n');
