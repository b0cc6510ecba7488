/**
 * Reading the data files behind `plot`: CSV/TSV (RFC 4180 quoting) and JSON (an array of row objects, or
 * an object of column arrays). Pure functions from text to columns of numbers; every problem is a message
 * that says where (line, column name) and what to do, never an exception.
 */

/** Limits, documented in the `plot` shortcode: beyond them a file is rejected, not silently cut. */
export const DATA_LIMITS = {
  /** File size in bytes. */
  bytes: 2_000_000,
  /** Data rows. */
  rows: 50_000,
  columns: 64,
} as const;

export interface DataTable {
  columns: string[];
  /** One array per column; NaN marks a missing value (an empty cell, NA, NaN or null). */
  values: Float64Array[];
  rows: number;
  /**
   * Per column, the cells written as NaN or ±infinity (or a number too large for a double, 1e400): values
   * a plot cannot draw, unlike an empty cell or NA, which mean "not measured". `first` says where the
   * first one is ("line 4", "row 3").
   */
  nonFinite: { count: number; first?: string }[];
}

export type DataResult = { ok: true; table: DataTable } | { ok: false; message: string };

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const MISSING = new Set(['', 'na', 'nan', 'null', 'n/a', '-']);

/** Whether a cell (parsed to `v`) says NaN or infinity, rather than leaving the value out. */
export function isNonFiniteCell(s: string, v: number): boolean {
  return v === Infinity || v === -Infinity || s.trim().toLowerCase() === 'nan';
}

function countNonFinite(n: { count: number; first?: string }, where: string): void {
  n.count++;
  n.first ??= where;
}

/** A cell as a number: NaN for a missing value, undefined when it is not a number at all. */
export function parseCell(s: string): number | undefined {
  const t = s.trim();
  if (MISSING.has(t.toLowerCase())) return Number.NaN;
  if (/^[-+]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return NUMBER_RE.test(t) ? Number(t) : undefined;
}

/** Splits CSV text into records of fields, with their 1-based line numbers. */
export function splitCsv(text: string, delimiter: string): { records: { line: number; fields: string[] }[]; error?: string } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoted = false;
  let i = 0;
  const endField = () => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    // Blank lines are skipped (a trailing newline, spacing between blocks).
    if (!(fields.length === 1 && fields[0] === '' )) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (inQuotes) return { records, error: `line ${recordLine}: a quoted field is not closed (missing ")` };
  if (field !== '' || fields.length) endRecord();
  return { records };
}

/** Picks the delimiter from the header line: tab, semicolon or comma (the default). */
function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if (first.includes('\t')) return '\t';
  if (!first.includes(',') && first.includes(';')) return ';';
  return ',';
}

function checkHeader(names: string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (n === '') return `column ${i + 1} of the header has no name; every column needs one`;
    if (seen.has(n)) return `the header names column "${n}" twice; column names must be unique`;
    seen.add(n);
  }
  if (names.length > DATA_LIMITS.columns) return `the file has ${names.length} columns; the limit is ${DATA_LIMITS.columns}`;
  return undefined;
}

export function parseCsv(text: string, delimiter?: string): DataResult {
  const src = text.replace(/^\uFEFF/, '');
  const delim = delimiter ?? sniffDelimiter(src);
  const { records, error } = splitCsv(src, delim);
  if (error) return { ok: false, message: error };
  if (records.length === 0) return { ok: false, message: 'the file is empty; it needs a header line with column names and rows of numbers' };
  const header = records[0]!;
  const names = header.fields;
  const bad = checkHeader(names);
  if (bad) return { ok: false, message: `line ${header.line}: ${bad}` };
  const rows = records.length - 1;
  if (rows === 0) return { ok: false, message: 'the file has a header but no data rows' };
  if (rows > DATA_LIMITS.rows) {
    return { ok: false, message: `the file has ${rows} data rows; the limit is ${DATA_LIMITS.rows}: downsample it (every n-th row) first` };
  }
  const values = names.map(() => new Float64Array(rows));
  const nonFinite = names.map(() => ({ count: 0 }) as { count: number; first?: string });
  for (let r = 0; r < rows; r++) {
    const rec = records[r + 1]!;
    if (rec.fields.length !== names.length) {
      return {
        ok: false,
        message: `line ${rec.line} has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, but the header has ${names.length}; every row needs one value per column (leave a cell empty for a missing value)`,
      };
    }
    for (let c = 0; c < names.length; c++) {
      const v = parseCell(rec.fields[c]!);
      if (v === undefined) {
        return {
          ok: false,
          message: `line ${rec.line}, column "${names[c]}": ${JSON.stringify(rec.fields[c])} is not a number (write numbers like 0.25 or 1e-3; leave the cell empty or write NA for a missing value)`,
        };
      }
      if (isNonFiniteCell(rec.fields[c]!, v)) countNonFinite(nonFinite[c]!, `line ${rec.line}`);
      values[c]![r] = v;
    }
  }
  return { ok: true, table: { columns: names, values, rows, nonFinite } };
}

function jsonValue(v: unknown, where: string): number | string {
  if (v === null) return Number.NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseCell(v);
    if (n !== undefined) return n;
  }
  return `${where}: ${JSON.stringify(v)} is not a number (use numbers, or null for a missing value)`;
}

/**
 * JSON data: `[{"step": 1, "loss": 0.9}, …]` (keys of the first row are the columns, in order) or
 * `{"step": [1, 2, …], "loss": [0.9, 0.7, …]}`.
 */
export function parseJsonData(text: string): DataResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: `the file is not valid JSON: ${(e as Error).message}` };
  }
  const shape =
    'expected an array of row objects ([{"x": 1, "y": 2}, …]) or an object of column arrays ({"x": [1, …], "y": [2, …]})';
  if (Array.isArray(data)) {
    if (data.length === 0) return { ok: false, message: 'the JSON array is empty; it needs at least one row' };
    if (data.length > DATA_LIMITS.rows) return { ok: false, message: `the file has ${data.length} rows; the limit is ${DATA_LIMITS.rows}: downsample it first` };
    const first = data[0];
    if (first === null || typeof first !== 'object' || Array.isArray(first)) return { ok: false, message: `row 1 is not an object; ${shape}` };
    const names = Object.keys(first);
    const bad = checkHeader(names);
    if (bad) return { ok: false, message: bad };
    const values = names.map(() => new Float64Array(data.length));
    const nonFinite = names.map(() => ({ count: 0 }) as { count: number; first?: string });
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return { ok: false, message: `row ${r + 1} is not an object; ${shape}` };
      const keys = Object.keys(row);
      const missing = names.filter((n) => !(n in row));
      const extra = keys.filter((k) => !names.includes(k));
      if (missing.length || extra.length) {
        return {
          ok: false,
          message: `row ${r + 1} ${missing.length ? `lacks ${missing.map((m) => `"${m}"`).join(', ')}` : `has extra ${extra.map((m) => `"${m}"`).join(', ')}`}; every row needs the same keys as row 1 (use null for a missing value)`,
        };
      }
      for (let c = 0; c < names.length; c++) {
        const raw = (row as Record<string, unknown>)[names[c]!];
        const v = jsonValue(raw, `row ${r + 1}, "${names[c]}"`);
        if (typeof v === 'string') return { ok: false, message: v };
        if (raw !== null && isNonFiniteCell(String(raw), v)) countNonFinite(nonFinite[c]!, `row ${r + 1}`);
        values[c]![r] = v;
      }
    }
    return { ok: true, table: { columns: names, values, rows: data.length, nonFinite } };
  }
  if (data !== null && typeof data === 'object') {
    const names = Object.keys(data);
    const bad = checkHeader(names);
    if (bad) return { ok: false, message: bad };
    if (names.length === 0) return { ok: false, message: `the JSON object has no columns; ${shape}` };
    const cols = names.map((n) => (data as Record<string, unknown>)[n]);
    const nonArray = names.find((_, i) => !Array.isArray(cols[i]));
    if (nonArray !== undefined) return { ok: false, message: `"${nonArray}" is not an array; ${shape}` };
    const lengths = cols.map((c) => (c as unknown[]).length);
    const rows = lengths[0]!;
    const ragged = names.findIndex((_, i) => lengths[i] !== rows);
    if (ragged >= 0) {
      return { ok: false, message: `column "${names[ragged]}" has ${lengths[ragged]} values but "${names[0]}" has ${rows}; all columns need the same length (use null for a missing value)` };
    }
    if (rows === 0) return { ok: false, message: 'the columns are empty; they need at least one value' };
    if (rows > DATA_LIMITS.rows) return { ok: false, message: `the file has ${rows} rows; the limit is ${DATA_LIMITS.rows}: downsample it first` };
    const values = names.map(() => new Float64Array(rows));
    const nonFinite = names.map(() => ({ count: 0 }) as { count: number; first?: string });
    for (let c = 0; c < names.length; c++) {
      for (let r = 0; r < rows; r++) {
        const raw = (cols[c] as unknown[])[r];
        const v = jsonValue(raw, `"${names[c]}"[${r}]`);
        if (typeof v === 'string') return { ok: false, message: v };
        if (raw !== null && isNonFiniteCell(String(raw), v)) countNonFinite(nonFinite[c]!, `"${names[c]}"[${r}]`);
        values[c]![r] = v;
      }
    }
    return { ok: true, table: { columns: names, values, rows, nonFinite } };
  }
  return { ok: false, message: shape };
}
