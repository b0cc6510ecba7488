/**
 * Small dense float64 matrices, row-major in a Float64Array. Sizes here are tens, not thousands, so plain
 * loops in cache-friendly order (i-k-j for products) beat anything cleverer, and keep results exact to
 * the last bit across runs (no parallel reductions, fixed summation order).
 */
import type { Rng } from './rng.js';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Entry (i, j) is `data[i * cols + j]`. */
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`invalid matrix size ${rows}×${cols}`);
  }
  return { rows: smallInt(rows), cols: smallInt(cols), data: new Float64Array(rows * cols) };
}

/**
 * The same integer, as V8 stores small integers (a "Smi") rather than as a double. A size that arrives
 * as a double (32 read from an object whose field also holds fractions, like a parameter spec's
 * `default`) makes every index computed from it floating-point and the kernels about 1.5× slower.
 */
export function smallInt(x: number): number {
  return (x | 0) === x ? x | 0 : x;
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const m = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`row ${i} has ${row.length} entries, expected ${c}`);
    m.data.set(row, i * c);
  });
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function diag(values: ArrayLike<number>): Matrix {
  const n = values.length;
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = values[i]!;
  return m;
}

export function clone(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.slice() };
}

export function transpose(a: Matrix): Matrix {
  const t = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  }
  return t;
}

/** a·b. `out` (if given) must not alias `a` or `b`. */
export function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const n = a.rows;
  const p = b.cols;
  const c = out ?? zeros(n, p);
  if (c.rows !== n || c.cols !== p) throw new RangeError('output matrix has the wrong size');
  matmulInto(a.data, b.data, c.data, n, a.cols, p);
  return c;
}

/**
 * C = A·B for row-major A (n×m), B (m×p), C (n×p); C must not alias A or B.
 *
 * What bounds this loop in V8 is loads and stores, not arithmetic, so it is register-blocked: each pass
 * over four rows of B updates four rows of C, so every B entry loaded feeds 4 multiply-adds (16 per
 * inner iteration) and each C entry is loaded and stored once per four k. About 2× faster than one row
 * of C per pass for 32×32, and 3× faster than the plain i-k-j loop.
 *
 * Every entry is summed in the same order whatever the blocking (k in groups of four, left to right,
 * then the k remainder one by one), so the rows handled four at a time and the remainder rows handled
 * one at a time give bit-identical results to each other and to the unblocked loop.
 *
 * With `colScale` (length m) it computes A·diag(colScale)·B, scaling each entry of A as it is loaded:
 * the same rounded products a_ik·s_k as scaling A first, so the same bits, without a pass over A.
 */
export function matmulInto(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  n: number,
  m: number,
  p: number,
  colScale?: Float64Array,
): void {
  C.fill(0, 0, n * p);
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    const c0 = i * p;
    const c1 = c0 + p;
    const c2 = c1 + p;
    const c3 = c2 + p;
    const r0 = i * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    for (let k = 0; k < m4; k += 4) {
      // Multiplying by 1 is exact: without colScale these are plain loads.
      const s0 = colScale ? colScale[k]! : 1;
      const s1 = colScale ? colScale[k + 1]! : 1;
      const s2 = colScale ? colScale[k + 2]! : 1;
      const s3 = colScale ? colScale[k + 3]! : 1;
      const a00 = A[r0 + k]! * s0, a01 = A[r0 + k + 1]! * s1, a02 = A[r0 + k + 2]! * s2, a03 = A[r0 + k + 3]! * s3;
      const a10 = A[r1 + k]! * s0, a11 = A[r1 + k + 1]! * s1, a12 = A[r1 + k + 2]! * s2, a13 = A[r1 + k + 3]! * s3;
      const a20 = A[r2 + k]! * s0, a21 = A[r2 + k + 1]! * s1, a22 = A[r2 + k + 2]! * s2, a23 = A[r2 + k + 3]! * s3;
      const a30 = A[r3 + k]! * s0, a31 = A[r3 + k + 1]! * s1, a32 = A[r3 + k + 2]! * s2, a33 = A[r3 + k + 3]! * s3;
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const x0 = B[b0 + j]!;
        const x1 = B[b1 + j]!;
        const x2 = B[b2 + j]!;
        const x3 = B[b3 + j]!;
        C[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        C[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        C[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        C[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    for (let k = m4; k < m; k++) {
      const sk = colScale ? colScale[k]! : 1;
      const a0 = A[r0 + k]! * sk, a1 = A[r1 + k]! * sk, a2 = A[r2 + k]! * sk, a3 = A[r3 + k]! * sk;
      const bk = k * p;
      for (let j = 0; j < p; j++) {
        const x = B[bk + j]!;
        C[c0 + j] += a0 * x;
        C[c1 + j] += a1 * x;
        C[c2 + j] += a2 * x;
        C[c3 + j] += a3 * x;
      }
    }
  }
  for (let i = n4; i < n; i++) {
    const ci = i * p;
    const ai = i * m;
    for (let k = 0; k < m4; k += 4) {
      const a0 = A[ai + k]! * (colScale ? colScale[k]! : 1);
      const a1 = A[ai + k + 1]! * (colScale ? colScale[k + 1]! : 1);
      const a2 = A[ai + k + 2]! * (colScale ? colScale[k + 2]! : 1);
      const a3 = A[ai + k + 3]! * (colScale ? colScale[k + 3]! : 1);
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) C[ci + j] += a0 * B[b0 + j]! + a1 * B[b1 + j]! + a2 * B[b2 + j]! + a3 * B[b3 + j]!;
    }
    for (let k = m4; k < m; k++) {
      const aik = A[ai + k]! * (colScale ? colScale[k]! : 1);
      const bk = k * p;
      for (let j = 0; j < p; j++) C[ci + j] += aik * B[bk + j]!;
    }
  }
}

/**
 * a·x for a vector x. Four rows at a time: their four sums are independent, so the CPU overlaps them
 * instead of waiting on one running sum (about 3× faster for 32×32); each row is still summed left to
 * right, so the result is the same as one row at a time.
 */
export function matvec(a: Matrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (x.length !== a.cols) throw new RangeError(`cannot multiply ${a.rows}×${a.cols} by a vector of ${x.length}`);
  const y = out ?? new Float64Array(a.rows);
  const A = a.data;
  const n = a.rows;
  const m = a.cols;
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    const o0 = i * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < m; j++) {
      const xj = x[j]!;
      s0 += A[o0 + j]! * xj;
      s1 += A[o1 + j]! * xj;
      s2 += A[o2 + j]! * xj;
      s3 += A[o3 + j]! * xj;
    }
    y[i] = s0;
    y[i + 1] = s1;
    y[i + 2] = s2;
    y[i + 3] = s3;
  }
  for (let i = n4; i < n; i++) {
    let s = 0;
    const o = i * m;
    for (let j = 0; j < m; j++) s += A[o + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

export function scale(a: Matrix, s: number): Matrix {
  const out = clone(a);
  for (let i = 0; i < out.data.length; i++) out.data[i]! *= s;
  return out;
}

export function add(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('matrix sizes differ');
  const out = clone(a);
  for (let i = 0; i < out.data.length; i++) out.data[i]! += b.data[i]!;
  return out;
}

/** diag(d)·a: scales row i by d[i]. */
export function scaleRows(d: ArrayLike<number>, a: Matrix): Matrix {
  const out = clone(a);
  for (let i = 0; i < a.rows; i++) {
    const s = d[i]!;
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) out.data[o + j]! *= s;
  }
  return out;
}

/** a·diag(d): scales column j by d[j]. */
export function scaleCols(a: Matrix, d: ArrayLike<number>): Matrix {
  const out = clone(a);
  for (let i = 0; i < a.rows; i++) {
    const o = i * a.cols;
    for (let j = 0; j < a.cols; j++) out.data[o + j]! *= d[j]!;
  }
  return out;
}

export function frobeniusNorm(a: Matrix): number {
  let s = 0;
  for (const v of a.data) s += v * v;
  return Math.sqrt(s);
}

export function maxAbsDiff(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError('matrix sizes differ');
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i]! - b.data[i]!));
  return m;
}

/** Entries drawn i.i.d. from N(0, std²), row by row. */
export function gaussianMatrix(rows: number, cols: number, rng: Rng, std = 1): Matrix {
  const m = zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = std * rng.normal();
  return m;
}

export function gaussianVector(n: number, rng: Rng, std = 1): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = std * rng.normal();
  return v;
}
