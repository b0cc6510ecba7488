/**
 * Where config keys are written (src/site/config-positions.ts), for diagnostics at the setting; see
 * site-config.test.ts for the diagnostics themselves.
 */
import { describe, expect, it } from 'vitest';
import { keyPathId, keyPositions } from '../../src/site/config-positions.js';
import { configLocator, parseConfigText, type ConfigFormat } from '../../src/site/config.js';

/** "line:column" of the key and of the value at a dotted path (no dots inside keys). */
const place = (text: string, format: ConfigFormat, keyPath: string) => {
  const p = keyPositions(text, format).get(keyPathId(keyPath.split('.')));
  return p && `${p.key.line}:${p.key.column} ${p.value.line}:${p.value.column}`;
};

describe('keyPositions: TOML', () => {
  it('follows headers, dotted and quoted keys and inline tables, ignoring case', () => {
    const text = [
      'title = "x" # a [comment]', // 1
      '[Params . "Pre\\u0072ender"]', // 2
      "'stale' = 1", // 3
      'a.b.c = { d = [1, 2], e = { f = "}" } }', // 4
      '[params.prerender.limits]', // 5
      '  pageBytes=3', // 6
      '',
    ].join('\n');
    expect(place(text, 'toml', 'title')).toBe('1:1 1:9');
    expect(place(text, 'toml', 'params.prerender')).toBe('2:11 2:1');
    expect(place(text, 'toml', 'params')).toBe('2:2 2:2');
    expect(place(text, 'toml', 'params.prerender.stale')).toBe('3:1 3:11');
    expect(place(text, 'toml', 'params.prerender.a.b')).toBe('4:3 4:3');
    expect(place(text, 'toml', 'params.prerender.a.b.c.e.f')).toBe('4:29 4:33');
    expect(place(text, 'toml', 'params.prerender.a.b.c.d')).toBe('4:11 4:15');
    expect(place(text, 'toml', 'params.prerender.limits.pagebytes')).toBe('6:3 6:13');
  });

  it('skips strings, multi-line strings and arrays that look like headers or keys', () => {
    const text = [
      'a = """', // 1
      '[params.prerender]', // 2
      'stale = 1 \\"""', // 3
      '"""', // 4
      "b = '''", // 5
      '[x]', // 6
      "y = 2''''", // 7: two quotes of the content, then the closing three
      'c = [', // 8
      '  "]", # ] [z]', // 9
      '  { z = 1 },', // 10
      ']', // 11
      '[params.prerender]', // 12
      'stale = 2', // 13
      '',
    ].join('\n');
    expect(parseConfigText(text, 'toml').diagnostics).toEqual([]);
    const ids = [...keyPositions(text, 'toml').keys()].map((id) => id.split('\u0000').join('.'));
    expect(ids).toEqual(['a', 'b', 'c', 'c.0', 'c.1', 'c.1.z', 'params', 'params.prerender', 'params.prerender.stale']);
    expect(place(text, 'toml', 'c.1.z')).toBe('10:5 10:9');
    expect(place(text, 'toml', 'params.prerender.stale')).toBe('13:1 13:9');
  });

  it('lists the keys of an array of tables under each table\'s index, not under the array', () => {
    const text = '[[module.mounts]]\nsource = "content"\n[params]\nx = 1\n';
    expect(place(text, 'toml', 'module.mounts')).toBe('1:10 1:1');
    expect(place(text, 'toml', 'module.mounts.source')).toBeUndefined();
    expect(place(text, 'toml', 'module.mounts.0')).toBe('1:1 1:1');
    expect(place(text, 'toml', 'module.mounts.0.source')).toBe('2:1 2:10');
    expect(place(text, 'toml', 'params.x')).toBe('4:1 4:5');
  });

  it('lists the entries of arrays by their index: one-line and multi-line, in tables of an array, nested, inline', () => {
    const text = [
      'ignoreFiles = ["a", \'b\', "c"]', // 1
      '[[module.mounts]]', // 2
      'source = "content"', // 3
      '[[module.mounts]]', // 4
      'source = "static"', // 5
      'excludeFiles = [', // 6
      '  "x/**", # a comment, ]', // 7
      '  "[y]",', // 8
      ']', // 9
      '[module.mounts.sites]', // 10: a table of the last mount
      'm = [[1, 2], [3]]', // 11
      '[params]', // 12
      'list = [{ k = "v" }, { k = "w" }]', // 13
      '',
    ].join('\n');
    expect(parseConfigText(text, 'toml').diagnostics).toEqual([]);
    expect(place(text, 'toml', 'ignorefiles.0')).toBe('1:16 1:16');
    expect(place(text, 'toml', 'ignorefiles.1')).toBe('1:21 1:21');
    expect(place(text, 'toml', 'ignorefiles.2')).toBe('1:26 1:26');
    expect(place(text, 'toml', 'ignorefiles.3')).toBeUndefined();
    expect(place(text, 'toml', 'module.mounts.0.source')).toBe('3:1 3:10');
    expect(place(text, 'toml', 'module.mounts.1')).toBe('4:1 4:1');
    expect(place(text, 'toml', 'module.mounts.1.excludefiles.0')).toBe('7:3 7:3');
    expect(place(text, 'toml', 'module.mounts.1.excludefiles.1')).toBe('8:3 8:3');
    expect(place(text, 'toml', 'module.mounts.1.sites.m.1.0')).toBe('11:15 11:15');
    expect(place(text, 'toml', 'params.list.1.k')).toBe('13:24 13:28');
  });

  it('a table defined after a dotted key or header that implied it is at its own header', () => {
    expect(place('[a.b.c]\nx = 1\n[a]\ny = 2\n', 'toml', 'a')).toBe('3:2 3:1');
    expect(place('[a.b.c]\nx = 1\n', 'toml', 'a')).toBe('1:2 1:2');
  });

  it('counts columns in code points, after a byte-order mark, with CRLF line ends', () => {
    const text = '\uFEFFx = 1\r\n"é😀" = { y = 2 }\r\n';
    expect(place(text, 'toml', 'x')).toBe('1:1 1:5');
    expect(place(text, 'toml', 'é😀.y')).toBe('2:10 2:14');
  });
});

describe('keyPositions: YAML and JSON', () => {
  it('YAML: block and flow mappings, quoted keys', () => {
    const text = 'params:\n  "Prerender":\n    limits: {pageBytes: -5, "nope": 1}\n    stale: 3\n';
    expect(place(text, 'yaml', 'params.prerender')).toBe('2:3 3:5');
    expect(place(text, 'yaml', 'params.prerender.limits.pagebytes')).toBe('3:14 3:25');
    expect(place(text, 'yaml', 'params.prerender.limits.nope')).toBe('3:29 3:37');
    expect(place(text, 'yaml', 'params.prerender.stale')).toBe('4:5 4:12');
  });

  it('YAML and JSON: the entries of lists by their index, and the keys of maps in lists', () => {
    const yaml = 'ignoreFiles:\n  - "a"\n  - b\nmodule:\n  mounts:\n    - source: content\n      excludeFiles: [x, "y"]\n';
    expect(place(yaml, 'yaml', 'ignorefiles.1')).toBe('3:5 3:5');
    expect(place(yaml, 'yaml', 'module.mounts.0')).toBe('6:7 6:7');
    expect(place(yaml, 'yaml', 'module.mounts.0.source')).toBe('6:7 6:15');
    expect(place(yaml, 'yaml', 'module.mounts.0.excludefiles.1')).toBe('7:25 7:25');
    const json = '{"ignoreFiles": ["a",\n  "b"], "module": {"mounts": [{"source": "s", "excludeFiles": ["x", "y"]}]}}';
    expect(place(json, 'json', 'ignorefiles.1')).toBe('2:3 2:3');
    expect(place(json, 'json', 'module.mounts.0.excludefiles.1')).toBe('2:69 2:69');
  });

  it('JSON: nested objects; a key written twice is at its last (the one JSON.parse keeps)', () => {
    const text = '{"params": {\n  "prerender": {"stale": 1,\n    "stale": 3}}}';
    expect(place(text, 'json', 'params.prerender')).toBe('2:3 2:16');
    expect(place(text, 'json', 'params.prerender.stale')).toBe('3:5 3:14');
  });
});

describe('configLocator', () => {
  const source = (file: string, format: ConfigFormat, key: string | null, text: string) => ({ file, format, key, text, data: parseConfigText(text, format).data });

  it('names the file of highest precedence that sets the key; inside a keyed file the path drops the key', () => {
    const locate = configLocator(
      [source('hugo.toml', 'toml', null, '[params.prerender]\nstale = 1\nerrors = 2\n'), source('config/_default/params.yaml', 'yaml', 'params', 'prerender:\n  stale: 3\n')],
      'hugo.toml',
    );
    expect(locate(['params', 'prerender', 'stale'])).toEqual({ file: 'config/_default/params.yaml', line: 2, column: 10 });
    expect(locate(['Params', 'Prerender', 'stale'], 'key')).toEqual({ file: 'config/_default/params.yaml', line: 2, column: 3 });
    expect(locate(['params', 'prerender', 'errors'])).toEqual({ file: 'hugo.toml', line: 3, column: 10 });
    expect(locate(['params', 'prerender', 'nothing'])).toEqual({ file: 'hugo.toml', line: 1, column: 1 });
  });

  it('locates an array\'s entry by its index, in the file that sets the array; an index past its end at the array', () => {
    const locate = configLocator(
      [source('hugo.toml', 'toml', null, 'ignoreFiles = ["a"]\n'), source('config/_default/hugo.yaml', 'yaml', null, 'ignoreFiles:\n  - "b"\n  - "c"\n')],
      'hugo.toml',
    );
    expect(locate(['ignoreFiles', '1'])).toEqual({ file: 'config/_default/hugo.yaml', line: 3, column: 5 });
    expect(locate(['IGNOREFILES', '0'])).toEqual({ file: 'config/_default/hugo.yaml', line: 2, column: 5 });
    expect(locate(['ignoreFiles', '2'])).toEqual({ file: 'hugo.toml', line: 1, column: 1 });
  });

  it('falls back to the nearest enclosing key the file shows (a YAML alias)', () => {
    const locate = configLocator([source('hugo.yaml', 'yaml', null, 'base: &b\n  stale: 3\nparams:\n  prerender: *b\n')]);
    expect(locate(['params', 'prerender', 'stale'])).toEqual({ file: 'hugo.yaml', line: 4, column: 3 });
  });
});
