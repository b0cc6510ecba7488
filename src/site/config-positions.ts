/**
 * Where each key of a config file is written, for diagnostics at the setting that is wrong rather than
 * at line 1. The text is one that parsed (config.ts parseConfigText), so the scanners may be lenient.
 *
 * - TOML: a small scanner (smol-toml keeps no positions) that follows table headers (`[a.b]`, `[[a]]`),
 *   dotted and quoted keys, inline tables, and skips strings (multi-line ones too), arrays and comments.
 *   A table header defines the path of its last key there; `[a.b.c]` and `a.b.c = 1` also define `a`
 *   and `a.b` (at their first mention) when nothing defines them explicitly.
 * - YAML: the `yaml` library's ranges (block and flow mappings).
 * - JSON: jsonc-parser's tree (a key written twice: the last, as JSON.parse keeps the last).
 *
 * Keys are compared ignoring case, as Hugo does. An array's entries are listed by their index, as a key
 * path segment of decimal digits (`ignoreFiles`, `1`; `module`, `mounts`, `0`, `excludeFiles`, `2`), at
 * the entry's first character (a TOML `[[module.mounts]]` table: its `[[`), and so are the keys of the
 * tables in an array (`[[a]]`, `a = [{…}]`, a YAML or JSON list of maps).
 */
import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ConfigFormat } from './config.js';

/** 1-based line and column (in code points, as Hugo counts them). */
export interface TextPosition {
  line: number;
  column: number;
}

export interface KeyPosition {
  /** The key's first character (for a TOML table header: the last key in the header). */
  key: TextPosition;
  /** The value's first character (for a TOML table header: its `[`). */
  value: TextPosition;
}

/** The key path as config.ts looks it up: lower case, one string. */
export function keyPathId(keyPath: readonly string[]): string {
  return keyPath.map((k) => k.toLowerCase()).join('\u0000');
}

/** Every key path of the file (see keyPathId) with where its key and value are written. */
export function keyPositions(text: string, format: ConfigFormat): Map<string, KeyPosition> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = offsetToPosition(src);
  const out = new Map<string, KeyPosition>();
  const explicit = new Set<string>();
  /** `weak`: an implicit definition, kept only until an explicit one (or the first of several weak ones). */
  const record = (keyPath: readonly string[], key: number, value: number, weak = false) => {
    const id = keyPathId(keyPath);
    if (weak ? out.has(id) : explicit.has(id) && format !== 'json') return;
    out.set(id, { key: at(key), value: at(value) });
    if (!weak) explicit.add(id);
  };
  if (format === 'toml') scanToml(src, record);
  else if (format === 'yaml') walkYaml(parseDocument(src).contents, [], record);
  else walkJson(parseTree(src), [], record);
  return out;
}

type RecordKey = (keyPath: readonly string[], key: number, value: number, weak?: boolean) => void;

/** offset → line and column, columns in code points. */
function offsetToPosition(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: [...text.slice(starts[lo], offset)].length + 1 };
  };
}

// --- YAML ----------------------------------------------------------------------------------------

function walkYaml(node: YamlNode | null | undefined, prefix: string[], record: RecordKey): void {
  if (isSeq(node)) {
    for (const [k, item] of node.items.entries()) {
      const start = (item as YamlNode | null)?.range?.[0];
      if (start === undefined) continue;
      record([...prefix, String(k)], start, start);
      walkYaml(item as YamlNode, [...prefix, String(k)], record);
    }
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const k = pair.key;
    if (!isScalar(k) || !k.range) continue;
    const keyPath = [...prefix, String(k.value)];
    const value = pair.value as YamlNode | null;
    record(keyPath, k.range[0], value?.range?.[0] ?? k.range[0]);
    walkYaml(value, keyPath, record);
  }
}

// --- JSON ----------------------------------------------------------------------------------------

function walkJson(node: JsonNode | undefined, prefix: string[], record: RecordKey): void {
  if (node?.type === 'array') {
    for (const [k, item] of (node.children ?? []).entries()) {
      record([...prefix, String(k)], item.offset, item.offset);
      walkJson(item, [...prefix, String(k)], record);
    }
    return;
  }
  if (node?.type !== 'object') return;
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.type !== 'string') continue;
    const keyPath = [...prefix, String(k.value)];
    record(keyPath, k.offset, v?.offset ?? k.offset);
    walkJson(v, keyPath, record);
  }
}

// --- TOML ----------------------------------------------------------------------------------------

const BARE_KEY = /[A-Za-z0-9_-]/;
const ESCAPES: { [c: string]: string } = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

function scanToml(text: string, record: RecordKey): void {
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  /** Spaces, line breaks and comments (between the entries of an inline table or an array). */
  const skipBlank = () => {
    for (;;) {
      while (i < n && /[ \t\r\n]/.test(text[i]!)) i++;
      if (text[i] !== '#') return;
      while (i < n && text[i] !== '\n') i++;
    }
  };
  const skipLine = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  /** A basic or literal one-line string at i (the quote): its value; i after the closing quote. */
  const oneLineString = (): string => {
    const q = text[i++];
    let s = '';
    while (i < n && text[i] !== q && text[i] !== '\n') {
      if (q === '"' && text[i] === '\\') {
        const c = text[i + 1] ?? '';
        const hex = c === 'u' ? 4 : c === 'U' ? 8 : c === 'x' ? 2 : 0;
        if (hex > 0) {
          s += String.fromCodePoint(Number.parseInt(text.slice(i + 2, i + 2 + hex), 16) || 0xfffd);
          i += 2 + hex;
        } else {
          s += ESCAPES[c] ?? c;
          i += 2;
        }
      } else s += text[i++];
    }
    i++;
    return s;
  };
  /** A dotted key at i: each part with its offset; i after it and the spaces that follow. */
  const keyPath = (): { parts: string[]; offsets: number[] } => {
    const parts: string[] = [];
    const offsets: number[] = [];
    for (;;) {
      skipSpace();
      offsets.push(i);
      if (text[i] === '"' || text[i] === "'") parts.push(oneLineString());
      else {
        const start = i;
        while (i < n && BARE_KEY.test(text[i]!)) i++;
        parts.push(text.slice(start, i));
      }
      skipSpace();
      if (text[i] !== '.') return { parts, offsets };
      i++;
    }
  };
  /** The comma-separated items of an array or inline table at i (its opening bracket), up to `close`. */
  const items = (close: string, item: () => void) => {
    i++;
    for (;;) {
      skipBlank();
      if (i >= n) return;
      if (text[i] === close) {
        i++;
        return;
      }
      const before = i;
      if (text[i] === ',') i++;
      else item();
      if (i === before) i++; // not TOML this scanner understands
    }
  };
  /** Skips a value at i that is not an inline table; an array's entries are listed under `prefix` (null: not listed). */
  const skipValue = (prefix: string[] | null) => {
    const c = text[i];
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), i)) {
        i += 3;
        for (;;) {
          if (i >= n) return;
          if (c === '"' && text[i] === '\\') i += 2;
          else if (text.startsWith(c.repeat(3), i)) {
            i += 3;
            // Up to two quotes of the content may come right before the closing three.
            for (let extra = 0; extra < 2 && text[i] === c; extra++) i++;
            return;
          } else i++;
        }
      }
      oneLineString();
    } else if (c === '[') {
      let k = 0;
      items(']', () => {
        const entry = prefix && [...prefix, String(k++)];
        if (entry) record(entry, i, i);
        if (text[i] === '{') inlineTable(entry);
        else skipValue(entry);
      });
    } else {
      while (i < n && !/[,\]}\r\n#]/.test(text[i]!)) i++;
    }
  };
  /** An inline table at i (the `{`), its keys listed under `prefix` (null: inside an array, not listed). */
  const inlineTable = (prefix: string[] | null) => items('}', () => keyValue(prefix));
  /** `key = value` at i, under `prefix` (null: not listed). */
  const keyValue = (prefix: string[] | null) => {
    const { parts, offsets } = keyPath();
    if (text[i] !== '=') {
      skipLine(); // not TOML this scanner understands: on to the next line
      return;
    }
    i++;
    skipSpace();
    const full = prefix && [...prefix, ...parts];
    if (full) {
      for (let k = 0; k < parts.length - 1; k++) record(full.slice(0, prefix.length + k + 1), offsets[k]!, offsets[k]!, true);
      record(full, offsets.at(-1)!, i);
    }
    if (text[i] === '{') inlineTable(full);
    else skipValue(full);
  };
  /** How many tables each array of tables (`[[a.b]]`, by keyPathId) has had so far. */
  const arrays = new Map<string, number>();
  /** A header's key path with, after each array of tables on the way, the index of its last table (`[a.b]` after `[[a]]`: a, 0, b). */
  const resolved = (parts: readonly string[], upTo: number): string[] => {
    const out: string[] = [];
    for (const [k, part] of parts.entries()) {
      out.push(part);
      const count = k < upTo ? arrays.get(keyPathId(out)) : undefined;
      if (count !== undefined) out.push(String(count - 1));
    }
    return out;
  };

  let table: string[] = [];
  while (i < n) {
    skipBlank();
    if (i >= n) break;
    if (text[i] === '[') {
      const open = i;
      const array = text[i + 1] === '[';
      i += array ? 2 : 1;
      const { parts: written, offsets } = keyPath();
      // The keys of an array's tables belong to its elements: `[[a]]` opens a's next one.
      const parts = resolved(written, written.length - 1);
      for (let k = 0; k < written.length - 1; k++) record(resolved(written.slice(0, k + 1), k), offsets[k]!, offsets[k]!, true);
      record(parts, offsets.at(-1)!, open, array);
      if (array) {
        const id = keyPathId(parts);
        const index = arrays.get(id) ?? 0;
        arrays.set(id, index + 1);
        table = [...parts, String(index)];
        record(table, open, open);
      } else table = parts;
      skipLine();
    } else {
      keyValue(table);
      skipSpace();
      if (text[i] === '#' || text[i] === '\r' || text[i] === '\n') skipLine();
    }
  }
}
