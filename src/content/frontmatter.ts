/**
 * Decoding front matter as Hugo does: TOML, YAML, JSON and Org. Keys stay as written (Hugo lowercases
 * them only for `.Params`; use `getParamCI` to look them up the way templates see them), except Org
 * keys, which Hugo's Org decoder itself lowercases.
 *
 * Version choices (Hugo 0.111.3 is the supported floor; COMPAT §2.2):
 * - YAML is read as YAML 1.1, like gopkg.in/yaml.v2 in Hugo ≤ 0.151: `yes`/`no`/`on`/`off`/`y`/`n`
 *   are booleans, and unquoted dates are dates. Hugo ≥ 0.152 reads those words as strings, so each
 *   one gets a warning asking for `true`/`false` (or quotes), which mean the same in every version.
 * - A repeated YAML key keeps its last value, as yaml.v2 does, with a warning (newer Hugo rejects it).
 * - Org: `#+KEY[]: a b` is a list; `tags`/`categories`/`aliases` are split on whitespace as in 0.111.3
 *   (newer Hugo keeps one string, hence a warning); a repeated key gives a list, as newer Hugo does.
 *
 * Errors never throw: they come back as diagnostics positioned in the original file.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { isAlias, isScalar, parseDocument, visit } from 'yaml';
import type { Diagnostic, FrontMatterFormat } from './types.js';
import { LineIndex } from './position.js';
import { collectionKey, collectionKeyText } from './yaml-keys.js';

export interface DecodeOptions {
  /** Offset of the first character of `raw` in the original source. */
  offset?: number;
  /** Line index of the original source; without it, positions are relative to `raw`. */
  lines?: LineIndex;
  /** The file, for diagnostics. */
  file?: string;
}

export interface DecodedFrontMatter {
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/** Decodes the raw front matter text (as the lexer emits it) into a map. Never throws. */
export function decodeFrontMatter(format: FrontMatterFormat, raw: string, opts: DecodeOptions = {}): DecodedFrontMatter {
  const base = opts.offset ?? 0;
  const rawLines = opts.lines ? undefined : new LineIndex(raw);
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], rawOffset: number, message: string, code: string) => {
    const inRaw = Math.max(0, Math.min(rawOffset, raw.length));
    const offset = base + inRaw;
    const { line, column } = opts.lines ? opts.lines.at(offset) : rawLines!.at(inRaw);
    const d: Diagnostic = { severity, message, line, column, offset, code };
    if (opts.file !== undefined) d.file = opts.file;
    diagnostics.push(d);
  };
  try {
    switch (format) {
      case 'yaml':
        return { data: decodeYaml(raw, report), diagnostics };
      case 'toml':
        return { data: decodeToml(raw, report), diagnostics };
      case 'json':
        return { data: decodeJson(raw, report), diagnostics };
      case 'org':
        return { data: decodeOrg(raw, report), diagnostics };
    }
  } catch (e) {
    // The decoders catch their libraries' errors; this is a last resort against a library bug.
    report('error', 0, `failed to unmarshal ${format.toUpperCase()}: ${(e as Error).message}`, 'front-matter');
  }
  return { data: {}, diagnostics };
}

type Report = (severity: Diagnostic['severity'], rawOffset: number, message: string, code: string) => void;

const NOT_A_MAP_HINT = 'front matter must be a map of keys to values';

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return `a ${typeof v}`;
}

function asMap(v: unknown, format: string, report: Report): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) return v as Record<string, unknown>;
  report('error', 0, `failed to unmarshal ${format}: got ${describeValue(v)}; ${NOT_A_MAP_HINT}`, 'front-matter');
  return {};
}

// ---------------------------------------------------------------------------------------------
// YAML

/** The words YAML 1.1 reads as booleans and YAML 1.2 (Hugo ≥ 0.152) as strings. */
const YAML11_ONLY_BOOL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function decodeYaml(raw: string, report: Report): Record<string, unknown> {
  // logLevel 'error': what the library would only warn about (a key that is a list or map, stringified)
  // is reported here, at its place, instead of as a process warning without one.
  const doc = parseDocument(raw, { version: '1.1', uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  let failed = false;
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = raw.slice(err.pos[0], err.pos[1]);
      report(
        'warning',
        err.pos[0],
        `duplicate front matter key '${key}': Hugo 0.111.3 keeps the last value, newer Hugo fails ("mapping key already defined"); remove one of them`,
        'front-matter',
      );
      continue;
    }
    if (!failed) {
      const explained = explainYamlError(raw, err);
      report('error', explained.offset, `failed to unmarshal YAML: ${explained.message}`, 'front-matter');
      failed = true;
    }
  }
  if (failed) return {};
  const badKey = collectionKey(doc, raw);
  if (badKey) {
    report('error', badKey.offset, `failed to unmarshal YAML: ${collectionKeyText(badKey)}, which Hugo does not accept as a front matter key (it fails the build); write the key as plain text`, 'front-matter');
    return {};
  }
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'boolean' && node.source !== undefined && YAML11_ONLY_BOOL.test(node.source) && node.range) {
        report(
          'warning',
          node.range[0],
          `'${node.source}' is the boolean ${node.value} for Hugo up to 0.151 (YAML 1.1) but the string "${node.source}" for Hugo 0.152 and later; write ${node.value} (or quote it if you mean the text)`,
          'hugo-compat',
        );
      }
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // e.g. excessive alias expansion (a "billion laughs" document).
    const node = doc.contents;
    report('error', isAlias(node) || isScalar(node) ? (node.range?.[0] ?? 0) : 0, `failed to unmarshal YAML: ${(e as Error).message}`, 'front-matter');
    return {};
  }
  return asMap(value, 'YAML', report);
}

// ---------------------------------------------------------------------------------------------
// TOML

/**
 * The YAML library's error said as Hugo users need it: where a quoted string that is never closed was
 * opened (the library points at the end of the text), and what to write for TeX's backslashes in a
 * double-quoted string.
 */
export function explainYamlError(raw: string, err: { code: string; message: string; pos: [number, number] }): { offset: number; message: string } {
  const message = err.message.split('\n')[0]!;
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (err.code === 'MISSING_CHAR' && quote) {
    // The last quote before the error that opens a value (after `key:`, `- `, `[`, `{` or `,`).
    const opens = [...raw.slice(0, err.pos[0]).matchAll(new RegExp(`(^|[:\\-\\[{,][ \\t]*|\\n[ \\t]*)${quote}`, 'g'))];
    const last = opens[opens.length - 1];
    if (last) {
      return { offset: last.index + last[0].length - 1, message: `a string opened here with ${quote} is never closed: end it with ${quote} (on this line, for a title or a description)` };
    }
  }
  if (err.code === 'BAD_DQ_ESCAPE') {
    return {
      offset: err.pos[0],
      message: `${message}: in a double-quoted YAML string a backslash starts an escape, so each backslash of TeX is written twice (\\\\alpha for \\alpha); or put the text in single quotes ('…'), where a backslash is itself`,
    };
  }
  return { offset: err.pos[0], message };
}

/** The TOML library's error without its prefix; a string left open at the end of its line said as such. */
export function explainTomlError(raw: string, e: { message: string; line: number; column: number }): string {
  const message = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
  // The control character is the line break: a string left open at the end of its line.
  const lineText = raw.split('\n')[e.line - 1]?.replace(/\r$/, '') ?? '';
  if (/control characters are not allowed in strings/.test(message) && e.column > lineText.length) {
    return `a string is not closed on this line: end it on the same line with the quote it opened with, or use """ for a string of several lines`;
  }
  return message;
}

function decodeToml(raw: string, report: Report): Record<string, unknown> {
  try {
    return plainObjects(parseToml(raw)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      report('error', offsetOfLineColumn(raw, e.line, e.column), `failed to unmarshal TOML: ${explainTomlError(raw, e)}`, 'front-matter');
    } else {
      report('error', 0, `failed to unmarshal TOML: ${(e as Error).message}`, 'front-matter');
    }
    return {};
  }
}

/** smol-toml builds null-prototype objects; give callers ordinary ones (dates stay dates). */
function plainObjects(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainObjects);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plainObjects(x);
    return out;
  }
  return v;
}

/** Offset in `text` of a 1-based line and column (columns in UTF-16 units, as the libraries count). */
function offsetOfLineColumn(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl === -1) return text.length;
    off = nl + 1;
  }
  return Math.min(text.length, off + Math.max(0, column - 1));
}

// ---------------------------------------------------------------------------------------------
// JSON

function decodeJson(raw: string, report: Report): Record<string, unknown> {
  const problem = findJsonError(raw);
  if (problem) {
    let message = `failed to unmarshal JSON: ${problem.message}`;
    if (raw.trimStart().startsWith('{{')) {
      message +=
        '. Hugo reads a file whose first character is "{" as JSON front matter, so a file cannot start with a shortcode: add front matter first (even an empty ---/--- pair)';
    }
    report('error', problem.offset, message, 'front-matter');
    return {};
  }
  return asMap(JSON.parse(raw), 'JSON', report);
}

/**
 * Finds the first JSON syntax error with Go's encoding/json wording (what Hugo prints) and its
 * offset; `undefined` when the text is valid JSON.
 */
export function findJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const n = text.length;
  class JsonSyntax extends Error {
    constructor(
      readonly offset: number,
      message: string,
    ) {
      super(message);
    }
  }
  const quoteChar = (c: string) => (c === "'" ? "'\\''" : c === '"' ? `'"'` : `'${JSON.stringify(c).slice(1, -1)}'`);
  const fail = (context: string): never => {
    if (i >= n) throw new JsonSyntax(n, 'unexpected end of JSON input');
    throw new JsonSyntax(i, `invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(i)!))} ${context}`);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const digits = (context: string) => {
    if (!(text[i]! >= '0' && text[i]! <= '9')) fail(context);
    while (text[i]! >= '0' && text[i]! <= '9') i++;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail('');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('in string literal');
      if (c === 0x5c) {
        i++;
        if (i >= n) fail('');
        const e = text[i]!;
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('in \\u hexadecimal character escape');
          }
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) fail('in string escape code');
      }
      i++;
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting '${word[k]}')`);
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        string();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('after object key:value pair');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('after array element');
      }
    } else if (c === '"') {
      string();
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else digits('in numeric literal');
      if (text[i] === '.') {
        i++;
        digits('after decimal point in numeric literal');
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits('in exponent of numeric literal');
      }
    } else if (c === 't') {
      literal('true');
    } else if (c === 'f') {
      literal('false');
    } else if (c === 'n') {
      literal('null');
    } else {
      fail('looking for beginning of value');
    }
  };
  try {
    value();
    ws();
    if (i < n) fail('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, message: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Org

/** go-org's keyword line: `#+KEY:` then whitespace and the value, or nothing. */
const ORG_KEYWORD = /^\s*#\+([^:]+):(?:\s+(.*)|\s*)$/;
const ORG_DATE = /[<[](\d{4}-\d{2}-\d{2}) .*[>\]]/;
const ORG_WORD_LISTS = new Set(['tags', 'categories', 'aliases']);
const ORG_DATES = new Set(['date', 'lastmod', 'publishdate', 'expirydate']);

function decodeOrg(raw: string, report: Report): Record<string, unknown> {
  // Collect `#+KEY: value` lines; a repeated key accumulates (go-org joins them with newlines).
  const settings = new Map<string, { values: string[]; offset: number; rawKey: string }>();
  let lineStart = 0;
  for (const line of raw.split('\n')) {
    const m = ORG_KEYWORD.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (m) {
      const rawKey = m[1]!;
      const key = rawKey.toLowerCase();
      const value = (m[2] ?? '').trim();
      const entry = settings.get(key);
      if (entry) entry.values.push(value);
      else settings.set(key, { values: [value], offset: lineStart, rawKey });
    }
    lineStart += line.length + 1;
  }
  const data: Record<string, unknown> = {};
  for (const [key, { values, offset, rawKey }] of settings) {
    const v = values.join('\n');
    if (key.endsWith('[]')) {
      data[key.slice(0, -2)] = v.split(/\s+/).filter(Boolean);
    } else if (values.length > 1) {
      data[key] = values;
    } else if (ORG_WORD_LISTS.has(key)) {
      data[key] = v.split(/\s+/).filter(Boolean);
      if (/\s/.test(v)) {
        report(
          'warning',
          offset,
          `#+${rawKey}: Hugo 0.111.3 splits this on spaces into a list, newer Hugo keeps it as the single value "${v}"; write #+${rawKey}[]: to get a list in every version`,
          'hugo-compat',
        );
      }
    } else if (key === 'filetags') {
      data[key] = v.replace(/^:/, '').replace(/:$/, '').split(':');
    } else if (ORG_DATES.has(key)) {
      data[key] = ORG_DATE.exec(v)?.[1] ?? v;
    } else {
      data[key] = v;
    }
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Lookup

/**
 * Looks a key up the way Hugo templates see it (`.Params` keys are lowercased): the exact key if
 * present, else the first key that matches case-insensitively.
 */
export function getParamCI(data: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(data, key)) return data[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(data)) {
    if (k.toLowerCase() === lower) return data[k];
  }
  return undefined;
}
