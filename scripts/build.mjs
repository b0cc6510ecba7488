// Builds the CLI and the library as single ESM bundles into dist/, and copies the stylesheet and fonts
// of the exact KaTeX that the bundle contains (so CSS and renderer can never drift apart).
// dist/ is committed (an install from a path, a git URL or a tarball needs no build step and no
// dependencies); tests/unit/dist-fresh.test.ts fails when the committed dist/ is not what this script
// and `tsc -p tsconfig.build.json` (together: `npm run bundle`; not "build", which would make npm install a
// git dependency's devDependencies to run it) make from the committed sources. HP_DIST=<dir> builds elsewhere.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { esbuildShortcodes } from './shortcodes-plugin.mjs';
import { esbuildMicromarkLinear } from './micromark-linear-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = path.resolve(root, process.env.HP_DIST || 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const katexDir = path.dirname(require.resolve('katex/package.json'));
const katexVersion = JSON.parse(readFileSync(path.join(katexDir, 'package.json'), 'utf8')).version;

// Keep dist/types (tsc's, see package.json "build"); everything else is rewritten.
for (const name of ['cli.js', 'cli.js.map', 'cli.js.LEGAL.txt', 'index.js', 'index.js.map', 'index.js.LEGAL.txt', 'chunks', 'katex']) {
  rmSync(path.join(dist, name), { recursive: true, force: true });
}
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // No source map: the bundle is committed and readable as it is.
  sourcemap: false,
  legalComments: 'linked',
  // sharp is a native addon: it is loaded from node_modules at run time.
  external: ['sharp'],
  plugins: [esbuildShortcodes(), esbuildMicromarkLinear()],
  define: {
    __PKG_VERSION__: JSON.stringify(pkg.version),
    __KATEX_VERSION__: JSON.stringify(katexVersion),
  },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
};

// One build of both entries, split: the code they share, and what they load only when they need it
// (`import()`: the renderer, KaTeX, Markdown and the shortcodes once a page has to be prerendered; each
// command's own modules), goes to dist/chunks/, named by the hash of its content. A build with nothing
// to prerender loads a fraction of the code.
await build({
  ...common,
  entryPoints: { cli: path.join(root, 'src/cli.ts'), index: path.join(root, 'src/index.ts') },
  outdir: dist,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
const cli = path.join(dist, 'cli.js');
writeFileSync(cli, '#!/usr/bin/env node\n' + readFileSync(cli, 'utf8'));

cpSync(path.join(katexDir, 'dist/katex.min.css'), path.join(dist, 'katex/katex.min.css'));
cpSync(path.join(katexDir, 'dist/fonts'), path.join(dist, 'katex/fonts'), { recursive: true });
cpSync(path.join(katexDir, 'LICENSE'), path.join(dist, 'katex/LICENSE'));
writeFileSync(path.join(dist, 'katex/VERSION'), katexVersion + '\n');
