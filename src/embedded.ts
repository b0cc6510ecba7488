/**
 * Code the command carries in comments at the end of its file and compiles only when it is first needed
 * (scripts/embed-plugin.mjs puts it there). V8 reads through every function of a script when it
 * compiles it, also the functions it will never run: the 1.6 MB of the renderer (KaTeX, Markdown, the
 * shortcodes) and the YAML and JSON parsers cost every command about 40 ms, also a warm build that
 * renders nothing (issue 9). Skipping a comment costs V8 next to nothing; a string literal of the same
 * size was measured at about 20 ms. The command stays one file.
 *
 * Each block is a CommonJS bundle of its own, compiled as Node compiles a CommonJS module (a function of
 * `exports`, `require` and `module`), in strict mode as the rest of the command, with `import.meta.url`
 * the command's own. Its stack frames name the command's file and the block: `dist/cli.js [build-page]`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The parameter the embedded code finds the command's `import.meta.url` in (scripts/embed-plugin.mjs defines it). */
export const META_URL_PARAM = '__hpMetaUrl';

/** What starts a block: `/*` + this + its name + a line break (written in two parts, so that this line is not one). */
export const BLOCK_START = '@hugo-prerender' + '-embedded ';

/**
 * A block's text holds no `*\/` (it would end the comment) and only ASCII (a file of one-byte characters
 * is quicker for V8 to read): scripts/embed-plugin.mjs writes `~` as `~0`, the `/` of `*\/` as `~1`, and any
 * other character above U+007F as `~2` and its UTF-16 code unit in four hex digits. This undoes it.
 */
export function decodeBlock(text: string): string {
  return text.replace(/~(?:0|1|2([0-9a-f]{4}))/g, (m, hex: string | undefined) => (hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : m === '~0' ? '~' : '/'));
}

/** The code of block `name` in the text of a file (undefined when it has none). */
export function findBlock(fileText: string, name: string): string | undefined {
  const start = `\n/*${BLOCK_START}${name}\n`;
  const at = fileText.lastIndexOf(start);
  if (at < 0) return undefined;
  const end = fileText.indexOf('*/', at + start.length);
  return end < 0 ? undefined : decodeBlock(fileText.slice(at + start.length, end));
}

/** The running command's file has lost a block (a copy of it whose comments were stripped). */
export class EmbeddedCodeMissing extends Error {}

/** Compiles and runs an embedded block of the running command; returns its exports. */
export function loadEmbedded(name: string): Record<string, unknown> {
  const metaUrl = import.meta.url;
  const file = fileURLToPath(metaUrl);
  // The file is ASCII (encodeBlock): read as latin1, which Node decodes without a UTF-8 pass.
  const code = findBlock(readFileSync(file, 'latin1'), name);
  if (code === undefined) {
    throw new EmbeddedCodeMissing(
      `${file} has lost the code it carries as ${name} (a comment at the end of the file): run hugo-prerender from the file its package ships (reinstall it), not a copy whose comments were stripped`,
    );
  }
  const run = vm.compileFunction(`"use strict";${code}`, ['exports', 'require', 'module', META_URL_PARAM], { filename: `${file} [${name}]` });
  const module = { exports: {} as Record<string, unknown> };
  run(module.exports, createRequire(metaUrl), module, metaUrl);
  return module.exports;
}

/**
 * An embedded block's exports, compiled on first use: an object with a getter for each of `names` (the
 * build found them), of which the first one read loads the block. For a library the command needs only
 * sometimes (YAML and JSON configurations, `init`'s edits, `watch`): what imports it is evaluated when the
 * command starts, but reads the library's exports only when it calls them.
 */
export function lazyEmbedded(name: string, names: readonly string[]): Record<string, unknown> {
  let loaded: Record<string, unknown> | undefined;
  const lazy: Record<string, unknown> = {};
  for (const key of names) {
    Object.defineProperty(lazy, key, { enumerable: true, get: () => (loaded ??= loadEmbedded(name))[key] });
  }
  return lazy;
}
