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
export declare function reflector(a: Float64Array, start: number, stride: number, len: number, v: Float64Array): Reflector | undefined;
/** Rows row0 … row0+len−1, columns c0 … c1−1 of a matrix with `cols` columns ← (I − βvvᵀ)·block. */
export declare function reflectRows(a: Float64Array, cols: number, row0: number, len: number, c0: number, c1: number, v: Float64Array, beta: number): void;
/** Rows 0 … rows−1, columns col0 … col0+len−1 of a matrix with `cols` columns ← block·(I − βvvᵀ). */
export declare function reflectCols(a: Float64Array, cols: number, col0: number, len: number, rows: number, v: Float64Array, beta: number): void;
