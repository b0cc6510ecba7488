import { describe, expect, it } from 'vitest';
import { decodeFrontMatter, findJsonError, getParamCI } from '../../src/content/frontmatter.js';
import { LineIndex } from '../../src/content/position.js';

describe('YAML', () => {
  it('decodes a map with keys as written', () => {
    const { data, diagnostics } = decodeFrontMatter('yaml', 'Title: "Hi"\ntags: [a, b]\nweight: 3\ndraft: false\n');
    expect(data).toEqual({ Title: 'Hi', tags: ['a', 'b'], weight: 3, draft: false });
    expect(diagnostics).toEqual([]);
  });

  it('reads YAML 1.1 booleans like Hugo 0.111.3, and warns that Hugo 0.152+ reads them as strings', () => {
    const { data, diagnostics } = decodeFrontMatter('yaml', 'math: yes\ntoc: off\nok: true\n');
    expect(data).toEqual({ math: true, toc: false, ok: true });
    expect(diagnostics.map((d) => [d.severity, d.line, d.column, d.code])).toEqual([
      ['warning', 1, 7, 'hugo-compat'],
      ['warning', 2, 6, 'hugo-compat'],
    ]);
    expect(diagnostics[0]!.message).toContain("'yes' is the boolean true");
    expect(diagnostics[0]!.message).toContain('write true');
  });

  it('reads unquoted dates as dates and quoted ones as strings', () => {
    const { data } = decodeFrontMatter('yaml', 'date: 2023-01-02\ns: "2023-01-02"\n');
    expect(data.date).toBeInstanceOf(Date);
    expect((data.date as Date).toISOString()).toBe('2023-01-02T00:00:00.000Z');
    expect(data.s).toBe('2023-01-02');
  });

  it('keeps CRLF front matter working', () => {
    expect(decodeFrontMatter('yaml', 'a: 1\r\nb: two\r\n').data).toEqual({ a: 1, b: 'two' });
  });

  it('gives empty front matter an empty map', () => {
    expect(decodeFrontMatter('yaml', '')).toEqual({ data: {}, diagnostics: [] });
    expect(decodeFrontMatter('yaml', '# only a comment\n')).toEqual({ data: {}, diagnostics: [] });
  });

  it('reports a syntax error at its line and column in the original file', () => {
    // The front matter starts on line 2 of the file (after `---\n`), at offset 4.
    const source = '---\ntitle: x\nbad: a: b\n---\nbody\n';
    const { data, diagnostics } = decodeFrontMatter('yaml', 'title: x\nbad: a: b\n', { offset: 4, lines: new LineIndex(source), file: 'p.md' });
    expect(data).toEqual({});
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'p.md', line: 3, column: 6, offset: 18, code: 'front-matter' });
    expect(diagnostics[0]!.message).toMatch(/^failed to unmarshal YAML: /);
    expect(source.slice(18, 19)).toBe('a');
  });

  it('keeps the last value of a repeated key, with a warning at the repeat', () => {
    const { data, diagnostics } = decodeFrontMatter('yaml', 'a: 1\nb: 2\na: 3\n');
    expect(data).toEqual({ a: 3, b: 2 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', line: 3, column: 1 });
  });

  it('rejects a key that is a list or a map, as Hugo does, at the key (no process warning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      for (const [raw, kind, column] of [
        ['title: a\n[hugo-transform-tomath]: 1\n', 'list', 1],
        ['title: a\nx: 1\n{a: b}: 2\n', 'map', 1],
        ['title: a\n? - k\n: 3\n', 'list', 3],
      ] as const) {
        const { data, diagnostics } = decodeFrontMatter('yaml', raw);
        expect(data).toEqual({});
        expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([['error', 'front-matter', raw.startsWith('title: a\nx') ? 3 : 2, column]]);
        expect(diagnostics[0]!.message).toMatch(new RegExp(`^failed to unmarshal YAML: the key '.+' is a ${kind}, which Hugo does not accept`));
      }
      // A process warning is emitted on a later tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('rejects a list or scalar as front matter', () => {
    const { data, diagnostics } = decodeFrontMatter('yaml', '- a\n- b\n');
    expect(data).toEqual({});
    expect(diagnostics[0]!.message).toContain('got a list; front matter must be a map');
  });
});

describe('TOML', () => {
  it('decodes tables, arrays and dates into plain objects', () => {
    const { data, diagnostics } = decodeFrontMatter('toml', 'title = "T"\ntags = ["a"]\ndate = 2023-01-02T15:04:05Z\n[params]\nx = 1.5\n');
    expect(diagnostics).toEqual([]);
    expect(data.title).toBe('T');
    expect(data.tags).toEqual(['a']);
    expect((data.date as Date).toISOString()).toBe('2023-01-02T15:04:05.000Z');
    expect(data.params).toEqual({ x: 1.5 });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('reports a syntax error at its position in the file', () => {
    const source = '+++\ntitle = "T"\nbad = \n+++\n';
    const { diagnostics } = decodeFrontMatter('toml', 'title = "T"\nbad = \n', { offset: 4, lines: new LineIndex(source) });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 7 });
    expect(diagnostics[0]!.message).toMatch(/^failed to unmarshal TOML: /);
    expect(diagnostics[0]!.message).not.toContain('\n');
  });

  it('says that a string is not closed where the control character is its line break', () => {
    const source = '+++\ntitle = "unclosed\nx = 1\n+++\n';
    const { diagnostics } = decodeFrontMatter('toml', 'title = "unclosed\nx = 1\n', { offset: 4, lines: new LineIndex(source) });
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 18, 'failed to unmarshal TOML: a string is not closed on this line: end it on the same line with the quote it opened with, or use """ for a string of several lines'],
    ]);
    // A control character written in a string is one.
    const other = decodeFrontMatter('toml', 'title = "a\u0001b"\n', { offset: 4, lines: new LineIndex('+++\ntitle = "a\u0001b"\n+++\n') });
    expect(other.diagnostics[0]!.message).toBe('failed to unmarshal TOML: control characters are not allowed in strings');
  });
});

describe('YAML and TOML mistakes said where they are and what to write (found by an audit)', () => {
  const decode = (format: 'yaml' | 'toml', raw: string) => {
    const fence = format === 'yaml' ? '---' : '+++';
    const source = `${fence}\n${raw}${fence}\nBody.\n`;
    return decodeFrontMatter(format, raw, { offset: 4, lines: new LineIndex(source) }).diagnostics.map((d) => [d.line, d.column, d.message]);
  };
  it('a YAML string never closed: at its opening quote, not at the end of the front matter', () => {
    expect(decode('yaml', 'title: "w2\ndate: 2024-01-01\n')).toEqual([
      [2, 8, 'failed to unmarshal YAML: a string opened here with " is never closed: end it with " (on this line, for a title or a description)'],
    ]);
    expect(decode('yaml', "a: 1\ntags: ['x\n")[0]!.slice(0, 2)).toEqual([3, 8]);
  });
  it('TeX in a double-quoted YAML string: how to write its backslashes', () => {
    expect(decode('yaml', 'description: "desc $\\unknownmac$"\n')).toEqual([
      [2, 21, "failed to unmarshal YAML: Invalid escape sequence \\unkno: in a double-quoted YAML string a backslash starts an escape, so each backslash of TeX is written twice (\\\\alpha for \\alpha); or put the text in single quotes ('…'), where a backslash is itself"],
    ]);
  });
});

describe('JSON', () => {
  it('decodes an object (with the CRLF Hugo includes)', () => {
    expect(decodeFrontMatter('json', '{ "a": { "b": "\\"Hugo\\"}" } }\r\n').data).toEqual({ a: { b: '"Hugo"}' } });
  });

  it("reports errors in Go's words at the failing character", () => {
    const source = '{\n  "a": 1,\n  }\nbody';
    const raw = '{\n  "a": 1,\n  }\n';
    const { diagnostics } = decodeFrontMatter('json', raw, { lines: new LineIndex(source) });
    expect(diagnostics[0]).toMatchObject({
      message: "failed to unmarshal JSON: invalid character '}' looking for beginning of object key string",
      line: 3,
      column: 3,
    });
  });

  it('explains a file that starts with a shortcode', () => {
    const { diagnostics } = decodeFrontMatter('json', '{{< figure src="a.png" >}}\n');
    expect(diagnostics[0]!.message).toContain("invalid character '{' looking for beginning of object key string");
    expect(diagnostics[0]!.message).toContain('add front matter first');
  });

  it.each([
    ['{"a" 1}', "invalid character '1' after object key", 5],
    ['{"a": 1 "b": 2}', "invalid character '\"' after object key:value pair", 8],
    ['[1 2]', "invalid character '2' after array element", 3],
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')", 9],
    ['{"a": 01}', "invalid character '1' after object key:value pair", 7],
    ['{"a": 1.}', "invalid character '}' after decimal point in numeric literal", 8],
    ['{"a": "\\x"}', "invalid character 'x' in string escape code", 8],
    ['{"a": "b', 'unexpected end of JSON input', 8],
    ['{} x', "invalid character 'x' after top-level value", 3],
    ['{"a": \'b\'}', "invalid character '\\'' looking for beginning of value", 6],
  ])('%s', (text, message, offset) => {
    expect(findJsonError(text)).toEqual({ message, offset });
  });

  it('accepts valid JSON', () => {
    expect(findJsonError(' {"a": [1, -2.5e3, true, null, "\\u00e9\\n"], "b": {}}\n')).toBeUndefined();
  });
});

describe('Org', () => {
  it('decodes #+KEY: lines with lowercased keys, lists and dates like Hugo', () => {
    const raw = '\n#+TITLE: T1\n#+AUTHOR: A1\n#+TAGS: a b\n#+categories[]: x y\n#+DATE: <2023-01-02 Mon>\n#+FILETAGS: :p:q:\n';
    const { data, diagnostics } = decodeFrontMatter('org', raw);
    expect(data).toEqual({
      title: 'T1',
      author: 'A1',
      tags: ['a', 'b'],
      categories: ['x', 'y'],
      date: '2023-01-02',
      filetags: ['p', 'q'],
    });
    // `#+TAGS: a b` is a list in 0.111.3 only.
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', line: 4, code: 'hugo-compat' });
  });

  it('collects a repeated key into a list, and handles CRLF', () => {
    expect(decodeFrontMatter('org', '#+AUTHOR: a\r\n#+AUTHOR: b\r\n').data).toEqual({ author: ['a', 'b'] });
  });
});

describe('getParamCI', () => {
  it('finds keys the way .Params does', () => {
    const data = { Title: 'T', MyParam: 1, exact: 2, EXACT: 3 };
    expect(getParamCI(data, 'title')).toBe('T');
    expect(getParamCI(data, 'myparam')).toBe(1);
    expect(getParamCI(data, 'EXACT')).toBe(3);
    expect(getParamCI(data, 'exact')).toBe(2);
    expect(getParamCI(data, 'missing')).toBeUndefined();
    expect(getParamCI(data, 'toString')).toBeUndefined();
  });
});
