/**
 * mdast-util-from-markdown's compiler calls every event's handler with one shared context instead of a
 * copy per event (scripts/micromark-linear-plugin.mjs, sharedCompileContext; issue 9). The trees must be
 * those of the unpatched package: pages are parsed here (through Vite, patched as in the bundle) and by
 * Node's own import of the same packages in a child process (unpatched), with GFM, and compared. Its
 * handlers are also set up once per `mdastExtensions` array (memoCompiler), which the random pages, all
 * parsed with the same array, go through one after another.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
// @ts-expect-error plain JS module shared with the esbuild build
import { FROM_MARKDOWN, memoCompiler, sharedCompileContext, unnamedVisits, VISIT_PARENTS } from '../../scripts/micromark-linear-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The trees Node's own (unpatched) mdast-util-from-markdown makes of `docs`, as JSON. */
function unpatched(docs: string[]): string[] {
  const script = `
    import { fromMarkdown } from 'mdast-util-from-markdown';
    import { unified } from 'unified';
    import remarkGfm from 'remark-gfm';
    import { readFileSync } from 'node:fs';
    const data = unified().use(remarkGfm).freeze().data();
    const options = { extensions: data.micromarkExtensions, mdastExtensions: data.fromMarkdownExtensions };
    const docs = JSON.parse(readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify(docs.map((d) => JSON.stringify(fromMarkdown(d, options)))));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, input: JSON.stringify(docs), maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8')) as string[];
}

const gfmData = unified().use(remarkGfm).freeze().data();
const patched = (doc: string) =>
  JSON.stringify(fromMarkdown(doc, { extensions: gfmData.micromarkExtensions ?? [], mdastExtensions: gfmData.fromMarkdownExtensions ?? [] }));

const pieces = [
  'a', 'b c', '*', '**', '_', '~~', '`', '``', '[x](y "t")', '[x][r]', '\n[r]: /u "t"\n', '![i](s)', '<b>', '</b>', '<!-- c -->',
  '&amp;', '&#64;', '\\*', '\n', '\n\n', '\n- ', '\n1. ', '\n> ', '\n    ', '\n```js\n', '\n~~~\n', '\n# ', '\n## ', '\n---\n',
  '\n===\n', '|', '\n|---|---|\n', ':-', '[^1]', '\n[^1]: note\n', '- [ ] ', '- [x] ', 'www.a.b', 'http://a.b/c', 'a@b.c', '  \n', 'é',
];
const page = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((a) => a.join(''));

describe('mdast-util-from-markdown with one compile context', () => {
  it('is installed in the tests as in the bundle: every handler sees the same context object', () => {
    const seen = new Set<unknown>();
    const record = function (this: unknown) {
      seen.add(this);
    };
    fromMarkdown('a *b* **c** [d](e)', { mdastExtensions: [{ enter: { emphasisSequence: record, strongSequence: record, labelMarker: record } }] });
    expect(seen.size).toBe(1);
  });

  it('gives the trees of the unpatched package (fixtures and random pages)', () => {
    const fixtures = ['fixtures/seed/learning_to_remember.md', 'fixtures/site/content/posts/learning-to-remember.md'].map((f) =>
      readFileSync(path.join(root, f), 'utf8'),
    );
    const random = fc.sample(page, { numRuns: 400, seed: 9 });
    const docs = [...fixtures, ...random];
    const expected = unpatched(docs);
    docs.forEach((doc, i) => expect(patched(doc), doc).toBe(expected[i]));
  });

  it('fails the build loudly when the package no longer has the three context copies', () => {
    const file = path.join(root, 'node_modules/mdast-util-from-markdown/lib/index.js');
    expect(FROM_MARKDOWN.test(file)).toBe(true);
    expect(sharedCompileContext(readFileSync(file, 'utf8'))).not.toContain('...context');
    expect(() => sharedCompileContext('const x = {...context}')).toThrow(/mdast-util-from-markdown changed/);
  });
});

describe("mdast-util-from-markdown's compiler, once per mdastExtensions array", () => {
  /** What the handlers of a parse see as `this.config` and `this.data`. */
  const seen = (extensions: unknown[]) => {
    const out: { config?: unknown; data?: Record<string, unknown> } = {};
    extensions.push({
      enter: {
        emphasisText(this: { config: unknown; data: Record<string, unknown> }) {
          out.config = this.config;
          out.data = { ...this.data };
          this.data.mark = true;
        },
      },
    });
    return (doc: string) => {
      fromMarkdown(doc, { mdastExtensions: extensions as never });
      return out;
    };
  };

  it('is installed: the same array shares the handlers, another array gets its own, and each parse its own data', () => {
    const one = seen([]);
    const first = one('*a*').config;
    const again = one('*b*');
    expect(again.config).toBe(first);
    // The handler set `mark` in the first parse's data: the second starts with none.
    expect(again.data).toEqual({});
    expect(seen([])('*c*').config).not.toBe(first);
  });

  it('fails the build loudly when the package no longer calls compiler(options) as it did', () => {
    for (const rel of ['lib/index.js', 'dev/lib/index.js']) {
      const file = path.join(root, 'node_modules/mdast-util-from-markdown', rel);
      expect(memoCompiler(sharedCompileContext(readFileSync(file, 'utf8')))).toContain('return __hpCompiler(options)(');
    }
    expect(() => memoCompiler('return compiler(options)(x)')).toThrow(/mdast-util-from-markdown changed/);
  });
});

describe('unist-util-visit-parents without a name per visited node', () => {
  it('is patched as in the bundle, and fails the build loudly when the naming is no longer there', () => {
    const file = path.join(root, 'node_modules/unist-util-visit-parents/lib/index.js');
    expect(VISIT_PARENTS.test(file)).toBe(true);
    const source = readFileSync(file, 'utf8');
    expect(source).toContain("Object.defineProperty(visit, 'name'");
    const patched = unnamedVisits(source);
    expect(patched).not.toContain('defineProperty');
    // Only the naming block goes.
    expect(patched.length).toBeGreaterThan(source.length - 600);
    expect(() => unnamedVisits('function factory() { return visit }')).toThrow(/unist-util-visit-parents changed/);
  });
});

