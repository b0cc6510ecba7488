// Carries modules of the bundle as comments at the end of its file, compiled when first used (src/embedded.ts
// says why: V8 reads through every function of the script it compiles, also those a command never runs).
// An import of one of the `modules` is given a module whose whole code is a call of src/embedded.ts's
// loadEmbedded (or lazyEmbedded) with the block's name; the block is that module bundled on its own as
// CommonJS, collected in `blocks` for scripts/build.mjs to append (appendBlocks). Whatever an embedded
// module imports is in its block, also what the rest of the command has too: the two share nothing but
// the values passed between them (the renderer takes plain data and services, and gives plain data back).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOADER = path.join(root, 'src/embedded.ts');
/** As in src/embedded.ts (tests/unit/embedded.test.ts checks that they agree). */
export const META_URL_PARAM = '__hpMetaUrl';
export const BLOCK_START = '@hugo-prerender-embedded ';

/** A block's code as the comment holds it (src/embedded.ts decodeBlock undoes it). */
export function encodeBlock(code) {
  let out = '';
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    let rep;
    if (c === 0x7e) rep = '~0';
    else if (c === 0x2f && i > 0 && code.charCodeAt(i - 1) === 0x2a) rep = '~1';
    else if (c > 0x7f) rep = `~2${c.toString(16).padStart(4, '0')}`;
    if (rep !== undefined) {
      out += code.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return out + code.slice(from);
}

/** The text of a bundle with its blocks appended, in the order of their names. */
export function appendBlocks(text, blocks) {
  let out = text.endsWith('\n') ? text : `${text}\n`;
  for (const name of [...blocks.keys()].sort()) out += `/*${BLOCK_START}${name}\n${encodeBlock(blocks.get(name))}\n*/\n`;
  return out;
}

/**
 * `modules`: what to embed, each either `{ module: 'src/build-page.ts' }` (a file of the project, path
 * from its root: loaded when what imports it is evaluated) or `{ package: 'yaml' }` (an import specifier as
 * the sources write it: loaded when one of its exports is first read; the build runs the block once to
 * learn their names). `options`: the esbuild options the blocks are made with (those of the bundle that
 * carries them, less its entry, output and banner). Each block's code goes into `blocks` (name → code),
 * and the legal comments of its dependencies onto `legal` (the text of its LEGAL.txt).
 */
export function esbuildEmbed({ modules, options, blocks, legal }) {
  const files = new Map(modules.filter((m) => m.module).map((m) => [path.join(root, m.module), path.basename(m.module).replace(/\.[^.]+$/, '')]));
  const packages = new Set(modules.filter((m) => m.package).map((m) => m.package));
  const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return {
    name: 'embed',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.namespace !== 'file') return undefined;
        const abs = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        // Named by its path from the project's root: the bundle holds no path of the machine that made it.
        return files.has(abs) ? { path: path.relative(root, abs).split(path.sep).join('/'), namespace: 'embed', pluginData: { name: files.get(abs), file: abs } } : undefined;
      });
      if (packages.size) {
        b.onResolve({ filter: new RegExp(`^(${[...packages].map(escaped).join('|')})$`) }, async (args) => {
          if (args.namespace !== 'file') return undefined;
          // The file the specifier names, as esbuild resolves it without this plugin.
          const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
          if (found.errors.length) return { errors: found.errors };
          return { path: args.path, namespace: 'embed', pluginData: { name: args.path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''), file: found.path, lazy: true } };
        });
      }
      b.onLoad({ filter: /.*/, namespace: 'embed' }, async (args) => {
        const { name, file, lazy } = args.pluginData;
        const out = await build({
          ...options,
          entryPoints: [file],
          outfile: path.join(root, 'embedded', `${name}.js`),
          legalComments: 'external',
          metafile: true,
          bundle: true,
          format: 'cjs',
          platform: 'node',
          write: false,
          define: { ...options.define, 'import.meta.url': META_URL_PARAM },
          logLevel: 'warning',
        });
        const code = out.outputFiles.find((f) => f.path.endsWith('.js')).text;
        for (const f of out.outputFiles) if (f.path.endsWith('.LEGAL.txt')) legal.push(f.text);
        if (/\bimport\(/.test(code.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) {
          throw new Error(`${file}: its bundle has an import() left, which embedded code cannot run; import it statically`);
        }
        if (blocks.has(name)) throw new Error(`two embedded modules are called ${name}`);
        blocks.set(name, code);
        const call = lazy ? `lazyEmbedded(${JSON.stringify(name)}, ${JSON.stringify(exportNames(code))})` : `loadEmbedded(${JSON.stringify(name)})`;
        return {
          contents: `const { loadEmbedded, lazyEmbedded } = require(${JSON.stringify(LOADER)});\nmodule.exports = ${call};\n`,
          loader: 'js',
          resolveDir: root,
          watchFiles: Object.keys(out.metafile?.inputs ?? {}),
        };
      });
    },
  };
}

/** The names a CommonJS bundle exports: it is run once, here, to see. */
function exportNames(code) {
  const module = { exports: {} };
  const metaUrl = pathToFileURL(path.join(root, 'dist/cli.js')).href;
  new Function('exports', 'require', 'module', META_URL_PARAM, `"use strict";${code}`)(module.exports, createRequire(path.join(root, 'package.json')), module, metaUrl);
  return Object.keys(module.exports).sort();
}
