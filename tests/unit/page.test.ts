import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePage } from '../../src/content/page.js';
import type { Shortcode } from '../../src/content/types.js';

const fm = '---\ntitle: t\n---\n';

/** name/children skeleton of a tree, for shape assertions. */
const shape = (list: Shortcode[]): unknown[] =>
  list.map((s) => (s.children.length ? { [s.name]: shape(s.children) } : s.name));

const flatten = (list: Shortcode[]): Shortcode[] => list.flatMap((s) => [s, ...flatten(s.children)]);

describe('shortcode tree', () => {
  it('pairs open and close tags into a tree, in document order', () => {
    const src = `${fm}{{< a >}}x{{% b %}}y{{< c />}}z{{< d >}}{{% /b %}}w{{< /a >}}{{< e >}}`;
    const page = parsePage(src);
    expect(page.diagnostics).toEqual([]);
    expect(shape(page.shortcodes)).toEqual([{ a: [{ b: ['c', 'd'] }] }, 'e']);
  });

  it('treats an opening tag without a closing tag as standalone', () => {
    const page = parsePage(`${fm}{{< figure src="a" >}} text {{< figure src="b" >}}`);
    expect(shape(page.shortcodes)).toEqual(['figure', 'figure']);
    expect(page.shortcodes.every((s) => s.inner === undefined && s.innerStart === undefined)).toBe(true);
  });

  it('nests a shortcode inside one of the same name', () => {
    const src = `${fm}{{< s >}}1{{< s >}}2{{< /s >}}3{{< /s >}}`;
    const page = parsePage(src);
    expect(shape(page.shortcodes)).toEqual([{ s: ['s'] }]);
    expect(page.shortcodes[0]!.inner).toBe('1{{< s >}}2{{< /s >}}3');
    expect(page.shortcodes[0]!.children[0]!.inner).toBe('2');
  });

  it('pairs the innermost open tag, leaving an unclosed outer one standalone', () => {
    const page = parsePage(`${fm}{{< s >}}{{< s >}}in{{< /s >}}`);
    expect(shape(page.shortcodes)).toEqual(['s', 's']);
    expect(page.shortcodes[1]!.inner).toBe('in');
  });

  it('numbers ordinals like Hugo: all top-level shortcodes, nested restart at 0', () => {
    const src = `${fm}{{< a >}}{{< b >}}{{< p >}}{{< q />}}{{< r >}}{{< /p >}}{{< c >}}`;
    const page = parsePage(src);
    expect(page.shortcodes.map((s) => [s.name, s.ordinal])).toEqual([
      ['a', 0],
      ['b', 1],
      ['p', 2],
      ['c', 3],
    ]);
    expect(page.shortcodes[2]!.children.map((s) => [s.name, s.ordinal])).toEqual([
      ['q', 0],
      ['r', 1],
    ]);
  });

  it('keeps the markup kind of the opening tag and marks self-closing', () => {
    const page = parsePage(`${fm}{{% m %}}x{{< /m >}}{{< s />}}`);
    expect(page.shortcodes.map((s) => [s.name, s.markup, s.selfClosed])).toEqual([
      ['m', '%', false],
      ['s', '<', true],
    ]);
  });

  it('gives the inner text exactly, newlines and escapes included', () => {
    const inner = '\n  line one\r\n  {{</* not me */>}} $x_1$\n';
    const src = `${fm}{{< note >}}${inner}{{< /note >}}`;
    const [sc] = parsePage(src).shortcodes;
    expect(sc!.inner).toBe(inner);
    expect(src.slice(sc!.innerStart, sc!.innerEnd)).toBe(inner);
    expect(src.slice(sc!.innerEnd, sc!.end)).toBe('{{< /note >}}');
  });

  it('parses inline shortcodes', () => {
    const src = `${fm}{{< t.inline >}}{{ .Get 0 }}{{< /t.inline >}} and {{< t.inline "x" />}}`;
    const page = parsePage(src);
    expect(page.diagnostics).toEqual([]);
    expect(page.shortcodes.map((s) => [s.name, s.inner, s.selfClosed, s.params])).toEqual([
      ['t.inline', '{{ .Get 0 }}', false, []],
      ['t.inline', undefined, true, ['x']],
    ]);
  });

  it('warns about a self-closed inline shortcode with no earlier definition', () => {
    const page = parsePage(`${fm}{{< u.inline />}}`);
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ severity: 'warning', line: 4, column: 1 });
    expect(page.diagnostics[0]!.message).toContain('no earlier definition of shortcode "u.inline" found');
  });

  it('records the indentation of a tag that starts its line', () => {
    const page = parsePage(`${fm}text\n    {{< a >}}\n\t{{< b >}}`);
    expect(page.shortcodes.map((s) => s.indentation)).toEqual(['    ', '\t']);
  });
});

describe('parameters', () => {
  it('types values like Hugo (COMPAT: a=true b="true" c=1 d=1.0 e=hello f=-1)', () => {
    const [sc] = parsePage(`${fm}{{< params a=true b="true" c=1 d=1.0 e=hello f=-1 >}}`).shortcodes;
    expect(sc!.params).toEqual({ a: true, b: 'true', c: 1, d: 1, e: 'hello', f: -1 });
    const p = sc!.params as Record<string, unknown>;
    expect(typeof p.a).toBe('boolean');
    expect(typeof p.b).toBe('string');
    expect(typeof p.d).toBe('number');
  });

  it('types positional values and keeps quoted ones as strings', () => {
    const [sc] = parsePage(`${fm}{{< p 42 "42" \`true\` 3.14 -ziL-Q_4 >}}`).shortcodes;
    expect(sc!.params).toEqual([42, '42', 'true', 3.14, '-ziL-Q_4']);
  });

  it('gives an empty list when there are no params', () => {
    expect(parsePage(`${fm}{{< p >}}`).shortcodes[0]!.params).toEqual([]);
  });

  it('keeps param names as written, even __proto__', () => {
    const [sc] = parsePage(`${fm}{{< p Src="a" __proto__="b" >}}`).shortcodes;
    expect(Object.keys(sc!.params)).toEqual(['Src', '__proto__']);
    expect(Object.getPrototypeOf(sc!.params)).toBe(Object.prototype);
  });

  it('locates named params', () => {
    const src = `${fm}{{< figure\n  src="a.png"\n  alt=x >}}`;
    const [sc] = parsePage(src).shortcodes;
    expect(sc!.paramPositions).toEqual({
      src: { line: 5, column: 3, offset: src.indexOf('src') },
      alt: { line: 6, column: 3, offset: src.indexOf('alt') },
    });
  });

  it('warns about a repeated named param and keeps the last value', () => {
    const page = parsePage(`${fm}{{< p a=1 a=2 >}}`);
    expect(page.shortcodes[0]!.params).toEqual({ a: 2 });
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ severity: 'warning', line: 4, column: 11 });
  });
});

describe('escapes and summary divider', () => {
  it('records escaped shortcodes and does not treat them as shortcodes', () => {
    const src = `${fm}a {{</* figure src="x" */>}} b {{%/* x */%}}`;
    const page = parsePage(src);
    expect(page.shortcodes).toEqual([]);
    expect(page.escapes.map((e) => src.slice(e.offset, e.end))).toEqual(['{{</* figure src="x" */>}}', '{{%/* x */%}}']);
    expect(page.escapes[0]).toMatchObject({ line: 4, column: 3 });
  });

  it('finds the first summary divider only', () => {
    const src = `${fm}Intro.\n<!--more-->\nMore <!--more--> text`;
    const page = parsePage(src);
    expect(page.summaryDivider).toBe(src.indexOf('<!--more-->'));
    expect(parsePage(`${fm}<!-- more -->`).summaryDivider).toBeUndefined();
  });

  it('uses "# more" as the divider of Org files', () => {
    const src = '#+TITLE: T\n\nIntro.\n# more\nRest';
    expect(parsePage(src).summaryDivider).toBe(src.indexOf('# more'));
  });
});

describe('positions with a BOM and CRLF', () => {
  const src =
    '\ufeff+++\r\ntitle = "é😀"\r\n+++\r\n' +
    'Line 😀 one {{< a x="1" >}}\r\n' +
    '\r\n' +
    '  {{% b %}}\r\n' +
    'inner\r\n' +
    '{{% /b %}} tail {{< c />}}\r\n';
  const page = parsePage(src, { path: 'posts/p.md' });

  it('parses without diagnostics and finds front matter after the BOM', () => {
    expect(page.diagnostics).toEqual([]);
    expect(page.frontMatter).toMatchObject({ format: 'toml', data: { title: 'é😀' }, raw: 'title = "é😀"\r\n', start: 1 });
    expect(src.slice(page.frontMatter.start, page.frontMatter.end)).toBe('+++\r\ntitle = "é😀"\r\n+++\r\n');
    expect(page.bodyOffset).toBe(page.frontMatter.end);
    expect(src.slice(page.bodyOffset).startsWith('Line')).toBe(true);
  });

  it('gives each shortcode its line, column (in code points) and offsets in the original source', () => {
    const all = flatten(page.shortcodes);
    expect(all.map((s) => [s.name, s.line, s.column])).toEqual([
      ['a', 4, 12],
      ['b', 6, 3],
      ['c', 8, 17],
    ]);
    for (const s of all) expect(src.slice(s.offset, s.offset + 2)).toBe('{{');
    expect(src.slice(all[0]!.offset, all[0]!.tagEnd)).toBe('{{< a x="1" >}}');
    const b = all[1]!;
    expect(src.slice(b.offset, b.tagEnd)).toBe('{{% b %}}');
    expect(b.inner).toBe('\r\ninner\r\n');
    expect(src.slice(b.offset, b.end)).toBe('{{% b %}}\r\ninner\r\n{{% /b %}}');
    expect(b.indentation).toBe('  ');
    expect(src.slice(all[2]!.offset, all[2]!.end)).toBe('{{< c />}}');
    expect(all[0]!.paramPositions).toEqual({ x: { line: 4, column: 18, offset: src.indexOf('x="1"') } });
  });
});

describe('front matter', () => {
  it.each([
    ['yaml', '---\ntitle: Yaml\n---\nbody', { title: 'Yaml' }, 'title: Yaml\n'],
    ['toml', '+++\ntitle = "T"\n+++\nbody', { title: 'T' }, 'title = "T"\n'],
    ['json', '{ "title": "J" }\nbody', { title: 'J' }, '{ "title": "J" }\n'],
    ['org', '#+TITLE: O\nbody', { title: 'O' }, '#+TITLE: O\n'],
  ] as const)('%s', (format, src, data, raw) => {
    const page = parsePage(src);
    expect(page.diagnostics).toEqual([]);
    expect(page.frontMatter).toEqual({ format, data, raw, start: 0, end: src.indexOf('body') });
    expect(page.bodyOffset).toBe(src.indexOf('body'));
  });

  it('allows blank lines before front matter', () => {
    const src = '\n\n---\na: 1\n---\nbody';
    expect(parsePage(src).frontMatter).toMatchObject({ format: 'yaml', start: 2, end: src.indexOf('body') });
  });

  it('handles no front matter', () => {
    const page = parsePage('Just text {{< a >}}');
    expect(page.frontMatter).toEqual({ format: null, data: {} });
    expect(page.bodyOffset).toBe(0);
    expect(page.shortcodes).toHaveLength(1);
  });

  it('reports a decoding error at its line in the file, and still parses shortcodes', () => {
    const src = '---\ntitle: ok\nbad: [1, 2\n---\n{{< a >}}';
    const page = parsePage(src, { path: 'x.md' });
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ severity: 'error', file: 'x.md', line: 4, code: 'front-matter' });
    expect(page.shortcodes.map((s) => s.name)).toEqual(['a']);
  });

  it('reads front matter wrapped in an HTML comment (Hugo 0.111.3) with a warning', () => {
    const src = '<!--\n---\ntitle: W\n---\n-->\nBody {{< a >}}';
    const page = parsePage(src);
    expect(page.frontMatter).toMatchObject({ format: 'yaml', data: { title: 'W' }, start: 0, end: src.indexOf('\nBody') });
    expect(page.bodyOffset).toBe(src.indexOf('\nBody'));
    expect(page.shortcodes.map((s) => [s.name, s.offset])).toEqual([['a', src.indexOf('{{<')]]);
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'hugo-compat', line: 1, column: 1 });
    expect(page.diagnostics[0]!.message).toContain('Remove the <!-- and -->');
  });

  it('warns that Hugo 0.111.3 rejects a file starting with "<"', () => {
    const page = parsePage('  <div>hi</div>');
    expect(page.frontMatter.format).toBeNull();
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]).toMatchObject({ severity: 'warning', line: 1, column: 3 });
    expect(page.diagnostics[0]!.message).toContain('plain HTML documents not supported');
  });
});

describe('errors', () => {
  /** The single diagnostic of `body` placed after front matter, with its position in the body. */
  function errorIn(body: string) {
    const src = fm + body;
    const page = parsePage(src, { path: 'e.md' });
    const errors = page.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const d = errors[0]!;
    expect(d.file).toBe('e.md');
    expect(d.line).toBeGreaterThanOrEqual(4);
    return { ...d, at: src.slice(d.offset) };
  }

  it.each([
    ['{{< sc1 %}}', "unrecognized character in shortcode action: U+0025 '%'. Note: Parameters with non-alphanumeric args must be quoted", '%}}'],
    ['x {{< /sc1 >}}', 'got closing shortcode, but none is open', '/sc1'],
    ['{{< sc1 >}}{{< /another >}}', "closing tag for shortcode 'another' does not match start tag", 'another'],
    ['{{< sc1 >}}{{< /sc1 keyword>}}', 'unclosed shortcode', 'keyword'],
    ['a\n{{< figure src=/a.png>}}\n', 'unclosed shortcode action', '{{< figure'],
    ['{{< sc1 p="Hello>}}', "unterminated quoted string in shortcode parameter-argument: 'Hello>}}'", 'Hello'],
    ['{{< sc1 `Hello >}}', "unterminated raw string in shortcode parameter-argument: 'Hello >}}'", 'Hello'],
    ['{{< sc1 p=\\`x\\` >}}', 'unrecognized escape character', '\\`x'],
    ['{{</* sc1 >}}', 'comment must be closed', '{{</*'],
    ['{{< sc1.Inline >}}', 'period in shortcode name only allowed for inline identifiers', 'sc1.Inline'],
    ['{{< a.inline >}}x{{< b >}}{{< /a.inline >}}', 'inline shortcodes do not support nesting', '{{< b'],
    ['{{< sc1 a="x" b >}}', "got positional parameter 'b'. Cannot mix named and positional parameters", 'b >}}'],
    ['{{< >}}', 'shortcode has no name', '{{< >}}'],
  ])('%s', (body, message, at) => {
    const d = errorIn(body);
    expect(d.message.startsWith(message)).toBe(true);
    // Hugo's message, then what to do.
    expect(d.message.length).toBeGreaterThan(message.length + 10);
    expect(d.at.startsWith(at)).toBe(true);
    expect(d.code).toBe('shortcode-syntax');
  });

  it('reports a closing tag that closes nothing, even when the lexer accepts it', () => {
    const d = errorIn('{{< a >}}{{< /a >}} and {{< /a >}}');
    expect(d.message).toMatch(/^closing tag for shortcode 'a' does not match start tag: \{\{< \/a >\}\} closes nothing/);
    expect(d.at.startsWith('{{< /a >}}')).toBe(true);
    expect(d.column).toBe(25);
  });

  it('reports crossed nesting', () => {
    const d = errorIn('{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}');
    expect(d.message).toContain("closing tag for shortcode 'b' does not match start tag");
    expect(d.at).toBe('{{< /b >}}');
  });

  it.each([
    ['- item\n', 'invalid YAML delimiter', 0],
    ['+ item\n', 'invalid TOML delimiter', 0],
    ['\n---\ntitle: x\n', 'EOF looking for end YAML front matter delimiter', 1],
    ['{ "a": 1\n', 'unexpected EOF parsing JSON front matter', 0],
  ])('front matter syntax: %j', (src, message, offset) => {
    const page = parsePage(src);
    expect(page.diagnostics).toHaveLength(1);
    expect(page.diagnostics[0]!.message.startsWith(message + ': ')).toBe(true);
    expect(page.diagnostics[0]!.offset).toBe(offset);
  });

  it('explains a file that starts with a shortcode', () => {
    const page = parsePage('{{< figure src="a.png" >}}\nText');
    expect(page.frontMatter.format).toBe('json');
    expect(page.diagnostics[0]!.message).toContain('add front matter first');
  });
});

describe('robustness', () => {
  const pieces = fc.constantFrom(
    '{{<', '>}}', '{{%', '%}}', '/', '/*', '*/', ' ', '\n', '\r\n', '"', '`', '\\', '=', 'a', 'sc', 'x.inline', '1',
    '---', '+++', '{', '}', '#+T: v\n', '<!--more-->', '<!--', '-->', '<', '\ufeff', 'é', '😀', 'yes', ':', '[',
  );
  const page = fc.array(pieces, { maxLength: 50 }).map((p) => p.join(''));

  it('never throws, and everything it reports points into the source', () => {
    fc.assert(
      fc.property(page, (src) => {
        const p = parsePage(src, { path: 'f.md' });
        expect(p.diagnostics.every((d) => d.code !== 'internal')).toBe(true);
        for (const d of p.diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.offset).toBeLessThanOrEqual(src.length);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.file).toBe('f.md');
        }
        for (const s of flatten(p.shortcodes)) {
          expect(src.startsWith('{{', s.offset)).toBe(true);
          expect(s.offset < s.tagEnd && s.tagEnd <= s.end && s.end <= src.length).toBe(true);
          if (s.inner !== undefined) expect(src.slice(s.innerStart, s.innerEnd)).toBe(s.inner);
        }
        for (const e of p.escapes) expect(src.slice(e.offset, e.end)).toMatch(/^\{\{[<%]\/\*[\s\S]*\*\/[>%]\}\}$/);
        expect(p.bodyOffset).toBeGreaterThanOrEqual(0);
        expect(p.bodyOffset).toBeLessThanOrEqual(src.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (src) => {
        expect(() => parsePage(src)).not.toThrow();
        expect(parsePage(src).diagnostics.every((d) => d.code !== 'internal')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
