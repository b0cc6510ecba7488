/**
 * micromark's tokenizer consumes a paragraph's characters a run at a time instead of one call of a state
 * per character (scripts/micromark-linear-plugin.mjs, consumeRuns and the four states that use it; issue
 * 9). The events must be those of the unpatched package, to the last point: documents are tokenized here
 * (through Vite, patched as in the bundle: micromark's development build) and by Node's own import of
 * micromark in a child process (unpatched), with GFM, and every event's type and both points (line,
 * column, offset and the chunk indices) compared; and again through micromark's production build,
 * bundled by esbuild with the same patches as dist/ is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, Effects, Event, Extension } from 'micromark-util-types';
// @ts-expect-error plain JS module shared with the esbuild build
import { consumeRuns, contentRuns, documentRuns, esbuildMicromarkLinear, paragraphRuns, textRuns } from '../../scripts/micromark-linear-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SERIALIZE = `
  const at = (p) => [p.line, p.column, p.offset, p._index, p._bufferIndex].join(':');
  const serialize = (events) => events.map(([kind, token]) => kind + ' ' + token.type + ' ' + at(token.start) + ' ' + at(token.end)).join('\\n');
`;

/** A module that tokenizes the documents on its stdin with GFM and prints their events, one string per document. */
const TOKENIZE = `
  import { parse, postprocess, preprocess } from 'micromark';
  import { gfm } from 'micromark-extension-gfm';
  import { readFileSync } from 'node:fs';
  ${SERIALIZE}
  const docs = JSON.parse(readFileSync(0, 'utf8'));
  const options = { extensions: [gfm()] };
  process.stdout.write(JSON.stringify(docs.map((d) => serialize(postprocess(parse(options).document().write(preprocess()(d, undefined, true)))))));
`;

/** Every event of `docs` as Node's own (unpatched) micromark makes them. */
function unpatched(docs: string[]): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', TOKENIZE], { cwd: root, input: JSON.stringify(docs), maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8')) as string[];
}

/**
 * The same through micromark's production build bundled by esbuild with the patches, as dist/ ships it
 * (the tests' own micromark, through Vite, is its development build).
 */
async function bundled(docs: string[]): Promise<string[]> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-runs-'));
  try {
    const outfile = path.join(dir, 'events.mjs');
    await build({
      stdin: { contents: TOKENIZE, resolveDir: root, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      plugins: [esbuildMicromarkLinear()],
      logLevel: 'silent',
    });
    expect(readFileSync(outfile, 'utf8')).toContain('effects.hpConsumeRun(atBreak)');
    const out = execFileSync(process.execPath, [outfile], { input: JSON.stringify(docs), maxBuffer: 1 << 28 });
    return JSON.parse(out.toString('utf8')) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const serialize = new Function('events', `${SERIALIZE} return serialize(events);`) as (events: Event[]) => string;
const options = { extensions: [gfm()] };
const patched = (doc: string, opts: { extensions: Extension[] } = options) => serialize(postprocess(parse(opts).document().write(preprocess()(doc, undefined, true))));

const pieces = [
  'a', 'b c', 'word ', '*', '**', '_', '~~', '`', '[x](y "t")', '[x][r]', '\n[r]: /u "t"\n', '![i](s)', '<b>', '<!-- c -->', '&amp;',
  '\\*', '\n', '\n\n', '\r\n', '\r', '\t', ' \t ', '\0', '\n- ', '\n1. ', '\n> ', '\n>\ta', '\n    ', '\n  ', '\n```js\n', '\n# ',
  '\n---\n', '\n===\n', '|', '\n|---|---|\n', '[^1]', '\n[^1]: note\n', '- [ ] ', 'www.a.b', 'http://a.b/c', 'a@b.c', ' x@y.z',
  '(www.q.r)', '  \n', 'é', '😀', '$x$', '\\(', '<http://a>',
];
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

describe('micromark consuming runs of characters', () => {
  it('is installed in the tests as in the bundle: the document, flow, paragraph and text tokenizers consume runs', () => {
    const calls: Record<string, number> = {};
    const wrapped = new WeakSet<Effects>();
    const probe = (layer: string): Construct => ({
      name: `probe-${layer}`,
      tokenize(effects, _ok, nok) {
        if (!wrapped.has(effects)) {
          wrapped.add(effects);
          const run = (effects as Effects & { hpConsumeRun?: (...a: unknown[]) => void }).hpConsumeRun;
          calls[layer] = 0;
          if (typeof run === 'function') {
            (effects as unknown as Record<string, unknown>).hpConsumeRun = (...a: unknown[]) => {
              calls[layer]!++;
              run(...a);
            };
          }
        }
        return (code) => nok(code);
      },
    });
    const probes: Extension = { document: { 37: probe('document') }, flow: { 37: probe('flow') }, contentInitial: { 37: probe('paragraph') }, text: { 37: probe('text') } };
    const doc = '%abc def\n%ghi jkl\n';
    // The probes decline: the events are those of the document without them.
    expect(patched(doc, { extensions: [gfm(), probes] })).toBe(patched(doc));
    expect(Object.keys(calls).sort()).toEqual(['document', 'flow', 'paragraph', 'text']);
    for (const layer of Object.keys(calls)) expect(calls[layer], layer).toBeGreaterThan(0);
  });

  it('gives the events of the unpatched package (fixtures and random documents), in both builds of micromark', async () => {
    const corpus = path.join(root, 'fixtures/corpus');
    const files = (readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
    expect(files.length).toBeGreaterThan(3);
    const fixtures = [path.join(root, 'README.md'), ...files.map((f) => path.join(corpus, f))].map((f) => readFileSync(f, 'utf8'));
    const docs = [...fixtures, ...fc.sample(page, { numRuns: 400, seed: 9 })];
    const theirs = unpatched(docs);
    docs.forEach((doc, i) => expect(patched(doc), `document ${i}: ${JSON.stringify(doc.slice(0, 200))}`).toBe(theirs[i]));
    const ours = await bundled(docs);
    docs.forEach((doc, i) => expect(ours[i], `bundled, document ${i}: ${JSON.stringify(doc.slice(0, 200))}`).toBe(theirs[i]));
  });

  it('fails the build loudly when micromark changes under a patch', () => {
    expect(() => consumeRuns('export function createTokenizer() {}', 'create-tokenizer.js')).toThrow(/micromark changed/);
    for (const patch of [documentRuns, paragraphRuns, contentRuns, textRuns]) {
      expect(() => patch('function data(code) { effects.consume(code); return other }', 'x.js')).toThrow(/micromark changed/);
    }
  });
});
