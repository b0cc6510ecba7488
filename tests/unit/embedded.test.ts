/**
 * The command carries its renderer and three libraries in comments at the end of dist/cli.js, compiled
 * when first needed (src/embedded.ts, scripts/embed-plugin.mjs). What is checked: the encoding of a block
 * gives back every text exactly and can never end its comment; the command's file has every block and
 * is ASCII; a warm build never reads the renderer (it runs with the renderer's block cut out of the file),
 * and a build that must render without it says what is wrong instead of crashing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_START, decodeBlock, findBlock, META_URL_PARAM } from '../../src/embedded.js';
// @ts-expect-error plain JS module (the build script's plugin)
import { appendBlocks, BLOCK_START as SCRIPT_BLOCK_START, encodeBlock, META_URL_PARAM as SCRIPT_META_URL_PARAM } from '../../scripts/embed-plugin.mjs';
import { PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { CLI, copyProjectSite, ensureBundle, runCli } from '../helpers/prerender.js';

describe('a block as the comment holds it', () => {
  it('the build script and the loader agree on the names they share', () => {
    expect(SCRIPT_BLOCK_START).toBe(BLOCK_START);
    expect(SCRIPT_META_URL_PARAM).toBe(META_URL_PARAM);
  });

  it('decodes to the code it was made from, holds no end of comment, and is ASCII', () => {
    const tricky = fc.constantFrom('*/', '*', '/', '~', '~0', '~1', '~2', '~20041', '\u2192', '\ud83e\udea6', '\ud800', '/*', '*~1', '`', '\\');
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, fc.string({ unit: 'binary' })), { maxLength: 12 }), (parts) => {
        const code = parts.join('');
        const text = encodeBlock(code);
        expect(text).not.toContain('*/');
        expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
        expect(decodeBlock(text)).toBe(code);
      }),
      { numRuns: 2000 },
    );
  });

  it('is found by its name among others at the end of a file', () => {
    const blocks = new Map([
      ['b', 'module.exports = "*/ and ~ and \u2192";'],
      ['a', 'exports.x = 1;'],
    ]);
    const file = appendBlocks('console.log(1);', blocks);
    // Comments to JavaScript: the file runs as the code before them.
    expect(() => new Function(file)).not.toThrow();
    expect(findBlock(file, 'a')).toBe('exports.x = 1;\n');
    expect(findBlock(file, 'b')).toBe('module.exports = "*/ and ~ and \u2192";\n');
    expect(findBlock(file, 'c')).toBeUndefined();
  });
});

describe('dist/cli.js', () => {
  let text = '';
  beforeAll(() => {
    ensureBundle();
    text = readFileSync(CLI, 'latin1');
  });

  it('is ASCII and carries the renderer, the YAML and JSON parsers and the file watcher, each once', () => {
    expect(/^[\x00-\x7f]*$/.test(text)).toBe(true);
    const names = [...text.matchAll(new RegExp(`^/\\*${BLOCK_START}(\\S+)$`, 'gm'))].map((m) => m[1]);
    expect(names).toEqual(['build-page', 'chokidar', 'jsonc-parser-lib-esm-main-js', 'yaml']);
    // The renderer's own code is in its block only: KaTeX's parser is nowhere else.
    const renderer = findBlock(text, 'build-page')!;
    expect(renderer).toContain('"KaTeX parse error: "');
    expect(text.split('"KaTeX parse error: "').length - 1).toBe(1);
  });

  it('builds a site whose pages are unchanged without its renderer, and says what is wrong when it needs it', () => {
    // A copy of the command's package (the file, KaTeX's stylesheet and fonts, the templates) whose
    // cli.js has lost the renderer's block.
    const pkg = path.join(tempDir('hp-embedded-'), 'hugo-prerender');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'dist/katex'), path.join(pkg, 'dist/katex'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'layouts'), path.join(pkg, 'layouts'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'package.json'), path.join(pkg, 'package.json'));
    const start = text.indexOf(`\n/*${BLOCK_START}build-page\n`);
    const end = text.indexOf('*/', start) + 2;
    expect(start).toBeGreaterThan(0);
    const stripped = path.join(pkg, 'dist/cli.js');
    writeFileSync(stripped, text.slice(0, start) + text.slice(end), 'latin1');

    const site = copyProjectSite('fixtures/site');
    const cold = runCli(['build', '-s', site]);
    expect(cold.code, cold.stdout + cold.stderr).toBe(0);
    const shadows = readFileSync(path.join(site, '.prerender/content/posts/learning-to-remember.md'), 'utf8');

    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [stripped, ...args], { encoding: 'utf8', timeout: 60_000 });
      return { ...r, out: r.stdout + r.stderr };
    };
    const warm = run(['build', '-s', site]);
    expect(warm.status, warm.out).toBe(0);
    expect(warm.out).toMatch(/: (\d+) pages \(\d+ prerendered, \1 unchanged\)/);
    expect(readFileSync(path.join(site, '.prerender/content/posts/learning-to-remember.md'), 'utf8')).toBe(shadows);

    // A changed page needs the renderer: the build fails and names the file that lost it; the page's
    // shadow stays as it was.
    const post = path.join(site, 'content/posts/learning-to-remember.md');
    writeFileSync(post, readFileSync(post, 'utf8') + '\nOne more line, $x^2$.\n');
    const changed = run(['build', '-s', site]);
    expect(changed.status, changed.out).toBe(1);
    const said = changed.out.split('\n').filter((l) => l.includes('has lost'));
    expect(said).toEqual([`error: ${stripped} has lost the code it carries as build-page (a comment at the end of the file): run hugo-prerender from the file its package ships (reinstall it), not a copy whose comments were stripped`]);
    expect(readFileSync(path.join(site, '.prerender/content/posts/learning-to-remember.md'), 'utf8')).toBe(shadows);

    // `check`, which needs the renderer at once: the same message, as an error of the command, not an internal one.
    const check = run(['check', '-s', site]);
    expect(check.status, check.out).toBe(1);
    expect(check.stderr.trim()).toBe(`hugo-prerender: error: ${said[0]!.slice('error: '.length)}`);
  }, 120_000);
});
