/**
 * Editing the module mounts of a Hugo config file by inserting lines, never by re-serialising it: every
 * byte that is not one of the mounts init writes stays as the user wrote it (comments, quoting, key
 * order, blank lines, line endings, a byte-order mark). The only other edits are the ones init owns:
 * removing its own earlier mount entries (to rewrite them in order) and respelling the language keys of
 * a content mount (`lang` ↔ `sites.matrix`, see config.ts LanguageMountStyle).
 *
 * Where the file's shape leaves no safe place to insert (a flow-style `module: {…}` or `mounts: […]`, an
 * inline TOML array, an alias), the editor throws EditError with the offset of that construct; init
 * turns it into file:line:column and the lines to paste.
 */
// The ESM build: the package's main (UMD) loads its parts with require() calls a bundle cannot follow.
import { applyEdits, findNodeAtLocation, modify, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { mountLanguage, type ConfigFormat, type Mount } from './config.js';

/** What to change in a file's mounts list. */
export interface MountEdit {
  /** The mounts the file has, in order (as config.ts moduleMounts reads them). */
  inFile: Mount[];
  /** Indices into inFile of entries to remove (init's own, rewritten in place by `before`/`after`). */
  remove: ReadonlySet<number>;
  /** Indices into inFile whose language keys are rewritten to those of the given mount. */
  respell: ReadonlyMap<number, Mount>;
  /** New entries, in order, before every entry that is kept. */
  before: Mount[];
  /** New entries, in order, after every entry that is kept. */
  after: Mount[];
  /** A one-line comment written above a new entry (TOML and YAML). */
  comment: (m: Mount) => string | undefined;
}

/** The file cannot be edited safely; `offset` is where the construct that prevents it starts. */
export class EditError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Edits the mounts of `text` (a whole config, or with `rootIsModule` the content of a `module.*` file in
 * a config directory, whose top level is the module section).
 */
export function editMounts(format: ConfigFormat, text: string, rootIsModule: boolean, edit: MountEdit): string {
  if (format === 'toml') return editToml(text, rootIsModule, edit);
  if (format === 'yaml') return editYaml(text, rootIsModule, edit);
  return editJson(text, rootIsModule, edit);
}

/** The mounts as the lines to paste into a file of this format, for when init cannot edit it. */
export function mountsSnippet(format: ConfigFormat, rootIsModule: boolean, mounts: Mount[]): string {
  if (format === 'toml') {
    const header = rootIsModule ? '[[mounts]]' : '[[module.mounts]]';
    return mounts.map((m) => [header, ...tomlBody(m)].join('\n')).join('\n\n');
  }
  if (format === 'yaml') {
    const ind = rootIsModule ? '' : '  ';
    return [...(rootIsModule ? [] : ['module:']), `${ind}mounts:`, ...mounts.flatMap((m) => yamlItem(m, `${ind}  `, 2, undefined))].join('\n');
  }
  const list = JSON.stringify(mounts.map(written), null, 2);
  return rootIsModule ? `"mounts": ${list}` : `"module": {\n  "mounts": ${list.replace(/\n/g, '\n  ')}\n}`;
}

/** A mount as init writes it: source, target and, when it has one, its language. */
export function written(m: Mount): Record<string, unknown> {
  const l = mountLanguage(m);
  if (!l) return { source: m.source, target: m.target };
  return l.style === 'lang'
    ? { source: m.source, target: m.target, lang: l.lang }
    : { source: m.source, target: m.target, sites: { matrix: { languages: [l.lang] } } };
}

// --- text as lines ----------------------------------------------------------------------------

/** The file's line ending: its first one, else "\n". */
/** The file's line ending: CRLF where most of its lines end so (an editor's mixed file), else LF. */
function eolOf(text: string): string {
  const all = text.split('\n').length - 1;
  const crlf = text.split('\r\n').length - 1;
  return crlf * 2 > all ? '\r\n' : '\n';
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices of the original text. Insertions at one offset keep their given order. */
function applySplices(text: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    out += text.slice(pos, Math.max(pos, s.start)) + s.text;
    pos = Math.max(pos, s.end);
  }
  return out + text.slice(pos);
}

/** Offsets where each line starts (line 0 at 0). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The offset just after the line holding `offset` (after its line break; the end of text on the last line). */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Lines to insert at `at`: when `at` is the end of a text without a final line break, one comes first. */
function insertLines(text: string, at: number, lines: string[], eol: string): Splice {
  const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, text: lead + lines.map((l) => l + eol).join('') };
}

// --- TOML ----------------------------------------------------------------------------------------

function tomlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid TOML basic string
}

function tomlBody(m: Mount): string[] {
  const lines = [`source = ${tomlString(m.source)}`, `target = ${tomlString(m.target)}`];
  const l = mountLanguage(m);
  // An inline table keeps the block one table long.
  if (l?.style === 'lang') lines.push(`lang = ${tomlString(l.lang)}`);
  else if (l) lines.push(`sites = { matrix = { languages = [${tomlString(l.lang)}] } }`);
  return lines;
}

/**
 * TOML: each mount is an `[[module.mounts]]` table (`[[mounts]]` in config/_default/module.toml). A table
 * runs from its header to its last key line (trailing comments and blank lines belong to what follows).
 */
function editToml(text: string, rootIsModule: boolean, edit: MountEdit): string {
  const eol = eolOf(text);
  const headerRe = rootIsModule ? /^[ \t]*\[\[[ \t]*mounts[ \t]*\]\]/i : /^[ \t]*\[\[[ \t]*module[ \t]*\.[ \t]*mounts[ \t]*\]\]/i;
  const header = rootIsModule ? '[[mounts]]' : '[[module.mounts]]';
  const starts = lineStarts(text);
  const lineAt = (i: number) => text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length).replace(/\r?\n$/, '');
  const nLines = text.endsWith('\n') ? starts.length - 1 : starts.length;
  const headers: number[] = [];
  for (let i = 0; i < nLines; i++) if (headerRe.test(lineAt(i))) headers.push(i);
  if (headers.length !== edit.inFile.length) {
    const m = /^[ \t]*(module[ \t]*\.[ \t]*)?mounts[ \t]*=|^[ \t]*module[ \t]*=/im.exec(text);
    throw new EditError(`module.mounts is not written as ${header} tables (an inline array or table?), which init cannot extend safely`, m?.index ?? 0);
  }
  const blocks = headers.map((h) => {
    let last = h;
    for (let i = h + 1; i < nLines && !/^[ \t]*\[/.test(lineAt(i)); i++) if (!/^[ \t]*(#.*)?$/.test(lineAt(i))) last = i;
    return { header: h, last };
  });
  const lineStart = (i: number) => (i < starts.length ? starts[i]! : text.length);
  const splices: Splice[] = [];
  const block = (m: Mount) => {
    const c = edit.comment(m);
    return [header, ...(c ? [`# ${c}`] : []), ...tomlBody(m)];
  };

  for (const [k, b] of blocks.entries()) {
    if (edit.remove.has(k)) {
      // The table, and the blank line init wrote before it.
      let from = b.header;
      if (from > 0 && lineAt(from - 1).trim() === '') from--;
      splices.push({ start: lineStart(from), end: lineStart(b.last + 1), text: '' });
      continue;
    }
    const m = edit.respell.get(k);
    if (!m) continue;
    const keyLines: number[] = [];
    for (let i = b.header + 1; i <= b.last; i++) if (/^[ \t]*(lang|sites)[ \t]*[=.]/i.test(lineAt(i))) keyLines.push(i);
    const body = tomlBody(m).slice(2);
    if (keyLines.length === 0) throw new EditError('this mount has a language that init cannot find to respell', lineStart(b.header));
    for (const [j, i] of keyLines.entries()) {
      const indent = /^[ \t]*/.exec(lineAt(i))![0];
      splices.push({ start: lineStart(i), end: lineStart(i + 1), text: j === 0 ? body.map((l) => indent + l + eol).join('') : '' });
    }
  }

  const kept = blocks.filter((_, k) => !edit.remove.has(k));
  const groups = (ms: Mount[]) => ms.flatMap((m, i) => [...(i > 0 ? [''] : []), ...block(m)]);
  if (kept.length === 0) {
    // Everything at the end of the file.
    const all = [...edit.before, ...edit.after];
    if (all.length > 0) {
      const tail = text.replace(/(\r?\n)*$/, '').length;
      const lines = groups(all);
      const at = text.length;
      splices.push(insertLines(text, at, tail > 0 && !/(\r?\n){2}$/.test(text) ? ['', ...lines] : lines, eol));
    }
  } else {
    if (edit.before.length > 0) {
      // Right before the first kept table.
      splices.push(insertLines(text, lineStart(kept[0]!.header), [...groups(edit.before), ''], eol));
    }
    if (edit.after.length > 0) {
      const last = kept.at(-1)!.last;
      splices.push(insertLines(text, lineStart(last + 1), ['', ...groups(edit.after)], eol));
    }
  }
  return applySplices(text, splices);
}

// --- YAML ----------------------------------------------------------------------------------------

const PLAIN_YAML = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;
const YAML_SPECIAL = /^(true|false|null|yes|no|on|off|y|n|~|[-+.]?\d[\d._eE+-]*|\.inf|\.nan)$/i;

function yamlScalar(s: string): string {
  return PLAIN_YAML.test(s) && !YAML_SPECIAL.test(s) ? s : JSON.stringify(s);
}

function yamlLanguage(m: Mount): string | undefined {
  const l = mountLanguage(m);
  if (!l) return undefined;
  return l.style === 'lang' ? `lang: ${yamlScalar(l.lang)}` : `sites: { matrix: { languages: [${yamlScalar(l.lang)}] } }`;
}

/** A sequence item: `- source: …` at `indent`, its other keys `offset` further in. */
function yamlItem(m: Mount, indent: string, offset: number, comment: string | undefined): string[] {
  const inner = indent + ' '.repeat(offset);
  const lang = yamlLanguage(m);
  return [
    ...(comment ? [`${indent}# ${comment}`] : []),
    `${indent}-${' '.repeat(offset - 1)}source: ${yamlScalar(m.source)}`,
    `${inner}target: ${yamlScalar(m.target)}`,
    ...(lang ? [`${inner}${lang}`] : []),
  ];
}

function keyOf(p: Pair): string | undefined {
  const k = isScalar(p.key) ? p.key.value : p.key;
  return typeof k === 'string' ? k : undefined;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => keyOf(p)?.toLowerCase() === key);
}

function nodeStart(n: unknown): number {
  return (n as Node | null)?.range?.[0] ?? 0;
}

/** The offset of the last non-space character of a node (its value end, before trailing space and comments). */
function nodeLastChar(text: string, n: Node): number {
  let end = n.range![1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end - 1;
}

/** The indentation unit of a YAML file: the smallest indentation of a key line, or 2. */
function yamlIndentUnit(text: string): number {
  let unit = 0;
  for (const m of text.matchAll(/^( +)[^\s#-]/gm)) {
    const n = m[1]!.length;
    if (unit === 0 || n < unit) unit = n;
  }
  return unit || 2;
}

function editYaml(text: string, rootIsModule: boolean, edit: MountEdit): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length > 1) throw new EditError('the file holds more than one YAML document', 0);
  const doc = docs[0];
  if (doc && doc.errors.length > 0) throw new EditError(doc.errors[0]!.message, doc.errors[0]!.pos[0]);
  const eol = eolOf(text);
  const unit = yamlIndentUnit(text);
  const col = (offset: number) => offset - startOfLine(text, offset);
  const spaces = (n: number) => ' '.repeat(n);
  const items = (ms: Mount[], indent: number, offset: number) => ms.flatMap((m) => yamlItem(m, spaces(indent), offset, edit.comment(m)));
  const all = [...edit.before, ...edit.after];
  const endOfDoc = (): number => {
    if (doc && /^\.\.\.\s*$/m.test(text.slice(doc.range[1]))) throw new EditError('the YAML document ends with "..."', doc.range[1]);
    return text.length;
  };
  const root = doc?.contents ?? null;

  // The map that holds `mounts` (the module section), found or added.
  let moduleMap: YAMLMap | undefined;
  if (root !== null && !isMap(root)) throw new EditError('the top level of the file is not a map', nodeStart(root));
  if (root !== null && root.flow) throw new EditError('the top level is a flow map ({…})', nodeStart(root));
  if (rootIsModule) {
    if (root === null || root.items.length === 0) {
      return applySplices(text, [insertLines(text, endOfDoc(), ['mounts:', ...items(all, unit, 2)], eol)]);
    }
    moduleMap = root;
  } else {
    const pair = root ? findPair(root, 'module') : undefined;
    if (!pair) {
      const at = root && root.items.length > 0 ? col(nodeStart(root.items[0]!.key)) : 0;
      const lines = [`${spaces(at)}module:`, `${spaces(at + unit)}mounts:`, ...items(all, at + 2 * unit, 2)];
      const lead = text.trim() === '' || /(\r?\n){2}$/.test(text) ? [] : [''];
      return applySplices(text, [insertLines(text, endOfDoc(), [...lead, ...lines], eol)]);
    }
    const value = pair.value as Node | null;
    const keyCol = col(nodeStart(pair.key));
    if (value === null || (isScalar(value) && value.value === null && value.source === '')) {
      const at = endOfLine(text, nodeStart(pair.key));
      return applySplices(text, [insertLines(text, at, [`${spaces(keyCol + unit)}mounts:`, ...items(all, keyCol + 2 * unit, 2)], eol)]);
    }
    if (!isMap(value) || value.flow) {
      throw new EditError('"module" is written in flow style ({…}) or is not a map, so init cannot add lines to it', nodeStart(value));
    }
    moduleMap = value;
  }

  const mapCol = col(nodeStart(moduleMap.items[0]!.key));
  const mountsPair = findPair(moduleMap, 'mounts');
  if (!mountsPair) {
    const lastPair = moduleMap.items.at(-1)!;
    const last = (lastPair.value as Node | null) ?? (lastPair.key as Node);
    const at = endOfLine(text, nodeLastChar(text, last));
    return applySplices(text, [insertLines(text, at, [`${spaces(mapCol)}mounts:`, ...items(all, mapCol + unit, 2)], eol)]);
  }
  const seqValue = mountsPair.value as Node | null;
  const afterKey = endOfLine(text, nodeStart(mountsPair.key));
  if (seqValue === null || (isScalar(seqValue) && seqValue.value === null && seqValue.source === '')) {
    return applySplices(text, [insertLines(text, afterKey, items(all, mapCol + unit, 2), eol)]);
  }
  if (!isSeq(seqValue) || seqValue.flow) {
    throw new EditError('"mounts" is written in flow style ([…]) or is not a list, so init cannot add lines to it', nodeStart(seqValue));
  }
  const seq = seqValue as YAMLSeq;
  const entries = seq.items as Node[];
  const dashCol = col(nodeStart(seq));
  const first = entries[0];
  const offset = first && isMap(first) && !first.flow ? Math.max(2, col(nodeStart(first)) - dashCol) : 2;
  const splices: Splice[] = [];
  const mountEntries = entries.filter((e) => isMap(e) && findPair(e, 'source') && findPair(e, 'target'));
  if (mountEntries.length !== edit.inFile.length) throw new EditError('a mount in this list is not a map with source and target', nodeStart(seq));

  for (const [k, node] of mountEntries.entries()) {
    const map = node as YAMLMap;
    if (edit.remove.has(k)) {
      let from = startOfLine(text, nodeStart(map));
      // The comment init wrote above it.
      while (from > 0) {
        const prev = startOfLine(text, from - 1);
        if (!/^[ \t]*#\s*hugo-prerender/.test(text.slice(prev, from))) break;
        from = prev;
      }
      if (!/^[ \t]*-/.test(text.slice(startOfLine(text, nodeStart(map))))) throw new EditError('a mount of hugo-prerender shares its line with other text', nodeStart(map));
      splices.push({ start: from, end: endOfLine(text, nodeLastChar(text, map)), text: '' });
      continue;
    }
    const m = edit.respell.get(k);
    if (!m) continue;
    if (map.flow) throw new EditError('this language mount is written in flow style ({…}); respell its language by hand', nodeStart(map));
    const langPairs = (map.items as Pair[]).filter((p) => ['lang', 'sites'].includes(keyOf(p)?.toLowerCase() ?? ''));
    if (langPairs.length === 0) throw new EditError('this mount has a language that init cannot find to respell', nodeStart(map));
    for (const [j, p] of langPairs.entries()) {
      const start = nodeStart(p.key);
      const end = nodeLastChar(text, (p.value as Node | null) ?? (p.key as Node)) + 1;
      if (j === 0) splices.push({ start, end, text: yamlLanguage(m)! });
      else splices.push({ start: startOfLine(text, start), end: endOfLine(text, end - 1), text: '' });
    }
  }

  const kept = mountEntries.filter((_, k) => !edit.remove.has(k));
  if (edit.before.length > 0 || kept.length === 0) {
    splices.push(insertLines(text, afterKey, items(kept.length === 0 ? all : edit.before, dashCol, offset), eol));
  }
  if (kept.length > 0 && edit.after.length > 0) {
    splices.push(insertLines(text, endOfLine(text, nodeLastChar(text, kept.at(-1)!)), items(edit.after, dashCol, offset), eol));
  }
  return applySplices(text, splices);
}

// --- JSON ----------------------------------------------------------------------------------------

function jsonKey(node: JsonNode | undefined, key: string): string | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    const k = p.children?.[0]?.value;
    if (typeof k === 'string' && k.toLowerCase() === key) return k;
  }
  return undefined;
}

function editJson(text: string, rootIsModule: boolean, edit: MountEdit): string {
  const eol = eolOf(text);
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  let t = text;
  const tree = () => {
    const root = parseTree(t);
    if (!root || root.type !== 'object') throw new EditError('the top level of the file is not an object', 0);
    return root;
  };
  let root = tree();
  const base: string[] = [];
  if (!rootIsModule) {
    const mk = jsonKey(root, 'module') ?? 'module';
    const mod = findNodeAtLocation(root, [mk]);
    if (mod && mod.type !== 'object') throw new EditError('"module" is not an object', mod.offset);
    base.push(mk);
  }
  const moduleNode = base.length ? findNodeAtLocation(root, base) : root;
  const mountsKey = jsonKey(moduleNode, 'mounts') ?? 'mounts';
  const path = [...base, mountsKey];
  const list = findNodeAtLocation(root, path);
  const all = [...edit.before, ...edit.after];
  const apply = (p: (string | number)[], value: unknown, isArrayInsertion = false) => {
    t = applyEdits(t, modify(t, p, value, { formattingOptions, isArrayInsertion }));
  };
  if (!list) {
    apply(path, all.map(written));
    return t;
  }
  if (list.type !== 'array') throw new EditError('"mounts" is not an array', list.offset);
  const elements = list.children ?? [];
  const mountIdx = elements.map((e, i) => (e.type === 'object' ? i : -1)).filter((i) => i >= 0);
  if (mountIdx.length !== edit.inFile.length) throw new EditError('a mount in this list is not an object with source and target', list.offset);

  for (const [k, m] of edit.respell) {
    const i = mountIdx[k]!;
    root = tree();
    const node = findNodeAtLocation(root, [...path, i]);
    const keys = (node?.children ?? []).map((p) => p.children?.[0]?.value).filter((v): v is string => typeof v === 'string');
    for (const key of keys.filter((x) => ['lang', 'sites'].includes(x.toLowerCase()))) apply([...path, i, key], undefined);
    for (const [key, value] of Object.entries(written(m)).filter(([x]) => x === 'lang' || x === 'sites')) apply([...path, i, key], value);
  }
  const removed = [...edit.remove].map((k) => mountIdx[k]!).sort((a, b) => b - a);
  for (const i of removed) apply([...path, i], undefined);
  const keptCount = elements.length - removed.length;
  edit.after.forEach((m, j) => apply([...path, keptCount + j], written(m), true));
  edit.before.forEach((m, j) => apply([...path, j], written(m), true));
  return t;
}
