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

export interface MatrixResult {
  /** The matrix, rows in order, when it could be read completely and is rectangular and non-negative. */
  matrix?: number[][];
  problems: string[];
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
        'the inner content is empty: write one row of numbers per line (one row per target token, one number per source token), or a JSON array of arrays',
      ],
    };
  }
  const read = trimmed.startsWith('[') ? readJson(trimmed) : readRows(trimmed);
  if (read.problems.length > 0 || !read.cells) return { problems: capProblems(read.problems) };
  const problems = checkCells(read.cells);
  return problems.length > 0 ? { problems: capProblems(problems) } : { matrix: read.cells as number[][], problems: [] };
}

/**
 * A cell before checking: a finite number, or the text that was not one (`huge`: a number too large for a
 * double; `quoted`: a JSON string).
 */
type Cell = number | { text: string; huge?: true; quoted?: true };

function readRows(text: string): { cells?: Cell[][]; problems: string[] } {
  const cells: Cell[][] = [];
  const problems: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const body = line.trim();
    if (body === '') continue;
    const row = cells.length + 1;
    // A trailing comma is a common copy-paste leftover (Python reprs, CSV exports); accept it.
    const items = body.replace(/,\s*$/, '').split(/\s*,\s*|\s+/);
    const out: Cell[] = [];
    items.forEach((item, i) => {
      if (item === '') {
        problems.push(`row ${row}, column ${i + 1} is empty (two commas in a row?); write a number there`);
        out.push({ text: '' });
      } else if (NUMBER_RE.test(item)) {
        // `1e400` is a number's spelling, but not a number JavaScript holds (Infinity): said as such.
        const n = Number(item);
        out.push(Number.isFinite(n) ? n : { text: item, huge: true });
      } else {
        out.push({ text: item });
      }
    });
    cells.push(out);
  }
  return { cells, problems };
}

function readJson(text: string): { cells?: Cell[][]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        `the inner content starts with "[" so it is read as JSON, but it is not valid JSON (${why}); write an array of rows such as [[0.9, 0.1], [0.2, 0.8]], or plain rows of numbers without brackets`,
      ],
    };
  }
  if (!Array.isArray(data) || data.length === 0) {
    return { problems: ['the JSON must be a non-empty array of rows, such as [[0.9, 0.1], [0.2, 0.8]]'] };
  }
  const problems: string[] = [];
  const cells: Cell[][] = [];
  data.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) {
      problems.push(`row ${r + 1} of the JSON is ${JSON.stringify(row)}, not an array; every row must be an array of numbers`);
      cells.push([]);
      return;
    }
    if (row.length === 0) problems.push(`row ${r + 1} of the JSON is empty; every row needs one number per source token`);
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
  return { cells, problems };
}

/** Non-numbers, negative values, ragged rows and oversize matrices, in reading order. */
function checkCells(cells: Cell[][]): string[] {
  const problems: string[] = [];
  cells.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== 'number' && v.huge) {
        problems.push(`row ${r + 1}, column ${c + 1} is ${v.text}, larger than any number can be here (about 1.8e308); attention weights lie between 0 and 1: write one such as 0.25`);
      } else if (typeof v !== 'number' && v.quoted) {
        problems.push(`row ${r + 1}, column ${c + 1} is the string "${v.text}", not a number; write numbers without quotes, such as 0.25`);
      } else if (typeof v !== 'number') {
        problems.push(`row ${r + 1}, column ${c + 1} is "${v.text}", which is not a number; write a number such as 0.25`);
      } else if (v < 0) {
        problems.push(
          `row ${r + 1}, column ${c + 1} is ${v}; attention weights cannot be negative (use the softmax output, not the scores)`,
        );
      }
    });
  });
  const width = cells[0]!.length;
  cells.forEach((row, r) => {
    if (r > 0 && row.length !== width && row.length > 0) {
      problems.push(
        `row ${r + 1} has ${row.length} ${plural(row.length, 'value')} but row 1 has ${width}; every row needs one value per source token`,
      );
    }
  });
  if (cells.length > MAX_MATRIX_SIDE || width > MAX_MATRIX_SIDE) {
    problems.push(
      `the matrix is ${cells.length} × ${width}; at most ${MAX_MATRIX_SIDE} rows and columns can be drawn legibly, so show a slice of it`,
    );
  }
  return problems;
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const rest = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `… and ${rest} more ${plural(rest, 'problem')} like these`];
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
