// Builds the CLI and the library as single ESM bundles into dist/, and copies the stylesheet and fonts
// of the exact KaTeX that the bundle contains (so CSS and renderer can never drift apart).
// dist/ is committed (an install from a path, a git URL or a tarball needs no build step and no
// dependencies); tests/unit/dist-fresh.test.ts fails when the committed dist/ is not what this script
// and `tsc -p tsconfig.build.json` (together: `npm run bundle`; not "build", which would make npm install a
// git dependency's devDependencies to run it) make from the committed sources. HP_DIST=<dir> builds elsewhere.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { esbuildShortcodes } from './shortcodes-plugin.mjs';
import { esbuildMicromarkLinear } from './micromark-linear-plugin.mjs';
import { esbuildKatex } from './katex-plugin.mjs';
import { appendBlocks, esbuildEmbed } from './embed-plugin.mjs';

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
  plugins: [esbuildShortcodes(), esbuildMicromarkLinear(), esbuildKatex()],
  define: {
    __PKG_VERSION__: JSON.stringify(pkg.version),
    __KATEX_VERSION__: JSON.stringify(katexVersion),
  },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
};

// Two bundles, one file each: the command (dist/cli.js, which also runs build's worker threads) and the
// API (dist/index.js). What a command needs only sometimes is imported with `import()`: in a bundle that
// is not split, esbuild keeps such a module's code in the file but evaluates it only when the import runs,
// so a warm build with nothing to prerender never evaluates KaTeX, Markdown or the shortcodes.
// Each bundle carries the md5 of its own text (the text holding the placeholder), read by
// src/site/page-records.ts as the code's identity: no file read or hashed at run time.
const CODE_ID_PLACEHOLDER = '@@hugo-prerender-bundle-code-id@';
const LEGAL_HEADER = 'Bundled license information:\n\n';

/** esbuild's LEGAL.txt texts as one: each file's entry once, in the order first seen. */
function mergeLegal(texts) {
  const entries = [];
  for (const text of texts) {
    if (!text.startsWith(LEGAL_HEADER)) throw new Error(`a LEGAL.txt of esbuild's that does not start with ${JSON.stringify(LEGAL_HEADER)}`);
    for (const entry of text.slice(LEGAL_HEADER.length).trimEnd().split(/\n\n(?=\S)/)) if (!entries.includes(entry)) entries.push(entry);
  }
  return `${LEGAL_HEADER}${entries.join('\n\n')}\n`;
}
// The command carries its renderer, the YAML and JSON parsers and the file watcher in comments, compiled
// when first needed (scripts/embed-plugin.mjs, src/embedded.ts).
const { banner: _banner, legalComments: _legal, ...embedOptions } = common;
for (const [name, entry, shebang, embed] of [
  ['cli', 'src/cli.ts', '#!/usr/bin/env node\n', [{ module: 'src/build-page.ts' }, { package: 'yaml' }, { package: 'jsonc-parser/lib/esm/main.js' }, { package: 'chokidar' }]],
  ['index', 'src/index.ts', '', []],
]) {
  const legal = [];
  const blocks = new Map();
  const out = await build({
    ...common,
    plugins: [...(embed.length ? [esbuildEmbed({ modules: embed, options: embedOptions, blocks, legal })] : []), ...common.plugins],
    entryPoints: { [name]: path.join(root, entry) },
    outdir: dist,
    banner: { js: shebang + common.banner.js },
    write: false,
  });
  for (const file of out.outputFiles) {
    let bytes = file.contents;
    if (file.path.endsWith('.js')) {
      // ASCII only, which V8 reads quicker: esbuild escapes strings and identifiers, and the rest are our
      // comments' arrows and dashes, as escapes they are the same comments.
      const text = appendBlocks(file.text, blocks).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      // Once in the bundle's own code, and maybe again in a module it embeds.
      if (!text.includes(CODE_ID_PLACEHOLDER)) throw new Error(`${file.path}: the code-id placeholder is not there`);
      bytes = Buffer.from(text.replaceAll(CODE_ID_PLACEHOLDER, createHash('md5').update(text).digest('hex')), 'utf8');
    } else if (file.path.endsWith('.LEGAL.txt')) {
      bytes = Buffer.from(mergeLegal([file.text, ...legal]), 'utf8');
    }
    mkdirSync(path.dirname(file.path), { recursive: true });
    // The command is executable, as git holds it (100755): npm makes a linked package's bin so, and a
    // file written 644 here would show as changed in a clone installed with `npm i ../hugo-prerender`,
    // break that install's `npx` until it is linked again, and stop `git pull` (found by an audit).
    writeFileSync(file.path, bytes, file.path.endsWith(`${path.sep}cli.js`) ? { mode: 0o755 } : {});
    if (file.path.endsWith(`${path.sep}cli.js`)) chmodSync(file.path, 0o755);
  }
}

cpSync(path.join(katexDir, 'dist/katex.min.css'), path.join(dist, 'katex/katex.min.css'));
cpSync(path.join(katexDir, 'dist/fonts'), path.join(dist, 'katex/fonts'), { recursive: true });
cpSync(path.join(katexDir, 'LICENSE'), path.join(dist, 'katex/LICENSE'));
writeFileSync(path.join(dist, 'katex/VERSION'), katexVersion + '\n');
