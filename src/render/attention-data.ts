/**
 * The data behind the attention shortcodes, kept apart from drawing so it can be tested on its own:
 * reading an attention matrix written as a shortcode's inner content, checking it against the axis
 * tokens, splitting token lists, and normalising a weight vector. Every function returns problems as
 * sentences that say where (row, column) and what to do; none of them throws on bad input.
 */

/** Matrices larger than this are almost certainly a mistake (and would not be readable as a figure). */
export const MAX_MATRIX_SIDE = 64;

/** At most this many problems are listed one by one; the rest are summarised in one more line. */
const MAX_LISTED_PROBLEMS = 8;

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A problem with the matrix, and where in the text it is (an offset into the text given), when it is at one place. */
export interface MatrixProblem {
  message: string;
  at?: number;
}

export interface MatrixResult {
  /** The matrix, rows in order, when it could be read completely and is rectangular and non-negative. */
  matrix?: number[][];
  problems: MatrixProblem[];
}

/**
 * Reads an attention matrix: either JSON (an array of arrays of numbers; chosen when the text starts with
 * `[`), or plain rows, one per line, numbers separated by commas and/or whitespace. Blank lines are
 * ignored. Rows are target (output) tokens, columns are source (input) tokens.
 */
export function parseAttentionMatrix(text: string): MatrixResult {
  const trimmed = text.trim();
  if (trimmed === '') {
    return {
      problems: [
        {
          message:
            'the inner content is empty: write one row of numbers per line (one row per target token, one number per source token), or a JSON array of arrays',
        },
      ],
    };
  }
  const start = text.length - text.trimStart().length;
  const read = trimmed.startsWith('[') ? readJson(trimmed) : readRows(trimmed);
  const shifted = (problems: MatrixProblem[]) => capProblems(problems.map((p) => (p.at === undefined ? p : { ...p, at: p.at + start })));
  if (read.problems.length > 0 || !read.cells) return { problems: shifted(read.problems) };
  const problems = checkCells(read.cells, read.places ?? []);
  return problems.length > 0 ? { problems: shifted(problems) } : { matrix: read.cells as number[][], problems: [] };
}

/**
 * A cell before checking: a finite number, or the text that was not one (`huge`: a number too large for a
 * double; `quoted`: a JSON string).
 */
type Cell = number | { text: string; huge?: true; quoted?: true };

/** What a reader gives back: the cells, and where each row and each cell starts in the text. */
interface ReadCells {
  cells?: Cell[][];
  places?: Places;
  problems: MatrixProblem[];
}

/** Each row's offset, and each of its cells' offsets. */
type Places = { row: number; cells: number[] }[];

function readRows(text: string): ReadCells {
  const cells: Cell[][] = [];
  const places: Places = [];
  const problems: MatrixProblem[] = [];
  const LINE = /[^\r\n]*(\r\n|\r|\n|$)/gy;
  for (let m = LINE.exec(text); m && m.index < text.length; m = LINE.exec(text)) {
    const line = m[0].replace(/[\r\n]+$/, '');
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body === '') continue;
    const row = cells.length + 1;
    // A trailing comma is a common copy-paste leftover (Python reprs, CSV exports); accept it.
    const kept = body.replace(/,\s*$/, '');
    const out: Cell[] = [];
    const at: number[] = [];
    // Each item with its offset: the separators are commas and/or white space, as in split(/\s*,\s*|\s+/).
    const ITEM = /([^\s,]*)(\s*,\s*|\s+|$)/gy;
    for (let i = 0, im = ITEM.exec(kept); im; i++, im = ITEM.exec(kept)) {
      const item = im[1]!;
      const offset = m.index + lead + im.index;
      at.push(offset);
      if (item === '') {
        problems.push({ message: `row ${row}, column ${i + 1} is empty (two commas in a row?); write a number there`, at: offset });
        out.push({ text: '' });
      } else if (NUMBER_RE.test(item)) {
        // `1e400` is a number's spelling, but not a number JavaScript holds (Infinity): said as such.
        const n = Number(item);
        out.push(Number.isFinite(n) ? n : { text: item, huge: true });
      } else {
        out.push({ text: item });
      }
      if (im[2] === '') break;
    }
    cells.push(out);
    places.push({ row: m.index + lead, cells: at });
    if (m[0] === '') break;
  }
  return { cells, places, problems };
}

function readJson(text: string): ReadCells {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    // V8 says where: "… in JSON at position 12" (Node 20), "… at position 12 (line 2 column 3)" (Node 22+).
    const position = /at position (\d+)/.exec(why);
    return {
      problems: [
        {
          message: `the inner content starts with "[" so it is read as JSON, but it is not valid JSON (${why}); write an array of rows such as [[0.9, 0.1], [0.2, 0.8]], or plain rows of numbers without brackets`,
          ...(position ? { at: Math.min(Number(position[1]), text.length) } : {}),
        },
      ],
    };
  }
  if (!Array.isArray(data) || data.length === 0) {
    return { problems: [{ message: 'the JSON must be a non-empty array of rows, such as [[0.9, 0.1], [0.2, 0.8]]' }] };
  }
  const places = jsonPlaces(text);
  const problems: MatrixProblem[] = [];
  const cells: Cell[][] = [];
  data.forEach((row: unknown, r) => {
    const at = places[r]?.row;
    if (!Array.isArray(row)) {
      problems.push({ message: `row ${r + 1} of the JSON is ${JSON.stringify(row)}, not an array; every row must be an array of numbers`, ...(at !== undefined ? { at } : {}) });
      cells.push([]);
      return;
    }
    if (row.length === 0) problems.push({ message: `row ${r + 1} of the JSON is empty; every row needs one number per source token`, ...(at !== undefined ? { at } : {}) });
    cells.push(
      row.map((v: unknown): Cell =>
        typeof v === 'number'
          ? Number.isFinite(v)
            ? v
            : { text: String(v), huge: true } // 1e400 in JSON parses as Infinity
          : typeof v === 'string'
            ? { text: v, quoted: true }
            : { text: JSON.stringify(v) ?? String(v) },
      ),
    );
  });
  return { cells, places, problems };
}

/**
 * Where the rows of a JSON array of arrays start, and the values in each (text that JSON.parse accepted):
 * a scan for the first character of each value at depths 1 and 2, strings skipped whole.
 */
function jsonPlaces(text: string): Places {
  const places: Places = [];
  let depth = 0;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') continue;
    if (expectValue && ch !== ']') {
      if (depth === 1) places.push({ row: i, cells: [] });
      else if (depth === 2) places.at(-1)?.cells.push(i);
      expectValue = false;
    }
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '[' || ch === '{') {
      depth++;
      expectValue = ch === '[';
    } else if (ch === ']' || ch === '}') {
      depth--;
    } else if (ch === ',') {
      expectValue = true;
    }
  }
  return places;
}

/** Non-numbers, negative values, ragged rows and oversize matrices, in reading order. */
function checkCells(cells: Cell[][], places: Places): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const push = (message: string, at: number | undefined) => problems.push(at === undefined ? { message } : { message, at });
  cells.forEach((row, r) => {
    row.forEach((v, c) => {
      const at = places[r]?.cells[c];
      if (typeof v !== 'number' && v.huge) {
        push(`row ${r + 1}, column ${c + 1} is ${v.text}, larger than any number can be here (about 1.8e308); attention weights lie between 0 and 1: write one such as 0.25`, at);
      } else if (typeof v !== 'number' && v.quoted) {
        push(`row ${r + 1}, column ${c + 1} is the string "${v.text}", not a number; write numbers without quotes, such as 0.25`, at);
      } else if (typeof v !== 'number') {
        push(`row ${r + 1}, column ${c + 1} is "${v.text}", which is not a number; write a number such as 0.25`, at);
      } else if (v < 0) {
        push(`row ${r + 1}, column ${c + 1} is ${v}; attention weights cannot be negative (use the softmax output, not the scores)`, at);
      }
    });
  });
  const width = cells[0]!.length;
  cells.forEach((row, r) => {
    if (r > 0 && row.length !== width && row.length > 0) {
      // At the first value too many, or at the row that has too few.
      push(
        `row ${r + 1} has ${row.length} ${plural(row.length, 'value')} but row 1 has ${width}; every row needs one value per source token`,
        row.length > width ? places[r]?.cells[width] : places[r]?.row,
      );
    }
  });
  if (cells.length > MAX_MATRIX_SIDE || width > MAX_MATRIX_SIDE) {
    push(
      `the matrix is ${cells.length} × ${width}; at most ${MAX_MATRIX_SIDE} rows and columns can be drawn legibly, so show a slice of it`,
      cells.length > MAX_MATRIX_SIDE ? places[MAX_MATRIX_SIDE]?.row : places[0]?.cells[MAX_MATRIX_SIDE],
    );
  }
  return problems;
}

function capProblems(problems: MatrixProblem[]): MatrixProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const rest = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), { message: `… and ${rest} more ${plural(rest, 'problem')} like these` }];
}

/**
 * Compares the matrix's size with the axis tokens (when given): rows are target tokens, columns source
 * tokens. Returns one problem per mismatched axis, naming the parameter to fix.
 */
export function checkMatrixShape(
  matrix: readonly (readonly number[])[],
  source: readonly string[] | undefined,
  target: readonly string[] | undefined,
): { param: 'source' | 'target'; message: string }[] {
  const problems: { param: 'source' | 'target'; message: string }[] = [];
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  if (target && target.length !== rows) {
    problems.push({
      param: 'target',
      message: `the matrix has ${rows} ${plural(rows, 'row')} but target= has ${target.length} ${plural(target.length, 'token')} (${quoteTokens(target)}); give one row per target token`,
    });
  }
  if (source && source.length !== cols) {
    problems.push({
      param: 'source',
      message: `the matrix has ${cols} ${plural(cols, 'column')} but source= has ${source.length} ${plural(source.length, 'token')} (${quoteTokens(source)}); give one number per source token in every row`,
    });
  }
  return problems;
}

/**
 * Splits a token list on whitespace. Whitespace, not commas, separates tokens so that punctuation such as
 * "," and "." can be tokens, as it is in real attention maps. Returns undefined for an absent or blank value.
 */
export function splitTokens(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tokens = value.trim().split(/\s+/).filter((t) => t !== '');
  return tokens.length > 0 ? tokens : undefined;
}

/** How far a weight vector's sum may be from 1 before we say so (rounded printouts sum to 0.99 or 1.01). */
export const SUM_TOLERANCE = 0.015;

export interface NormalisedWeights {
  weights: number[];
  /** The sum before normalising. */
  sum: number;
  /** True when the sum was off by more than SUM_TOLERANCE, so the author should hear about it. */
  rescaled: boolean;
}

/** Scales non-negative weights to sum to 1. Returns undefined when they sum to zero (nothing to scale). */
export function normaliseWeights(weights: readonly number[]): NormalisedWeights | undefined {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return undefined;
  // Weights whose sum is past the largest double (1e308, 1e308): scaled by the largest first, so that
  // they keep their proportions (each was drawn as 0.00, the sum being Infinity: found by an audit).
  if (!Number.isFinite(sum)) {
    const max = Math.max(...weights);
    const scaled = weights.map((w) => w / max);
    const scaledSum = scaled.reduce((a, b) => a + b, 0);
    return { weights: scaled.map((w) => w / scaledSum), sum, rescaled: true };
  }
  return { weights: weights.map((w) => w / sum), sum, rescaled: Math.abs(sum - 1) > SUM_TOLERANCE };
}

/**
 * A plausible default attention distribution over `n` source positions: peaked at `peak` (0-based) and
 * falling off geometrically on both sides, so the figure shows one strong edge and several faint ones.
 */
export function peakedWeights(n: number, peak: number): number[] {
  const raw = Array.from({ length: n }, (_, i) => Math.pow(0.3, Math.abs(i - peak)));
  const sum = raw.reduce((a, b) => a + b, 0);
  // Rounded to two decimals so printed values in the figure and the desc read like real numbers.
  const rounded = raw.map((w) => Math.round((w / sum) * 100) / 100);
  // Put the rounding remainder on the peak so the weights still sum to exactly 1 (in hundredths).
  const rest = Math.round((1 - rounded.reduce((a, b) => a + b, 0)) * 100) / 100;
  rounded[peak] = Math.round((rounded[peak]! + rest) * 100) / 100;
  return rounded;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function quoteTokens(tokens: readonly string[]): string {
  const shown = tokens.slice(0, 6).map((t) => `"${t}"`).join(', ');
  return tokens.length > 6 ? `${shown}, …` : shown;
}
