/**
 * Householder reflections H = I − β·v·vᵀ on row-major Float64Array matrices, shared by the QR
 * decomposition (qr.ts) and the Hessenberg reduction (eigen.ts).
 */

export interface Reflector {
  /** What the reflected column becomes: alpha·e₁, with alpha = −sign(x₀)·‖x‖. */
  alpha: number;
  beta: number;
}

/**
 * Fills v[0..len) with the reflector that maps the column x_i = a[start + i·stride] onto alpha·e₁.
 * Reflecting onto −sign(x₀)·‖x‖ (so that v₀ = x₀ − alpha adds magnitudes) avoids cancellation in v₀.
 * Returns undefined when x is zero: there is nothing to reflect.
 */
export function reflector(a: Float64Array, start: number, stride: number, len: number, v: Float64Array): Reflector | undefined {
  let norm2 = 0;
  for (let i = 0; i < len; i++) {
    const x = a[start + i * stride]!;
    v[i] = x;
    norm2 += x * x;
  }
  if (norm2 === 0) return undefined;
  const norm = Math.sqrt(norm2);
  const alpha = v[0]! >= 0 ? -norm : norm;
  v[0]! -= alpha;
  let vv = 0;
  for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
  if (vv === 0) return undefined;
  return { alpha, beta: 2 / vv };
}

/** Rows row0 … row0+len−1, columns c0 … c1−1 of a matrix with `cols` columns ← (I − βvvᵀ)·block. */
export function reflectRows(
  a: Float64Array,
  cols: number,
  row0: number,
  len: number,
  c0: number,
  c1: number,
  v: Float64Array,
  beta: number,
): void {
  for (let j = c0; j < c1; j++) {
    let s = 0;
    for (let i = 0; i < len; i++) s += v[i]! * a[(row0 + i) * cols + j]!;
    s *= beta;
    for (let i = 0; i < len; i++) a[(row0 + i) * cols + j]! -= s * v[i]!;
  }
}

/** Rows 0 … rows−1, columns col0 … col0+len−1 of a matrix with `cols` columns ← block·(I − βvvᵀ). */
export function reflectCols(
  a: Float64Array,
  cols: number,
  col0: number,
  len: number,
  rows: number,
  v: Float64Array,
  beta: number,
): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < len; i++) s += a[r * cols + col0 + i]! * v[i]!;
    s *= beta;
    for (let i = 0; i < len; i++) a[r * cols + col0 + i]! -= s * v[i]!;
  }
}
