/**
 * Eigenvalues of a general real matrix, for the spectral radius of Gaussian recurrent matrices.
 *
 * Householder reduction to upper Hessenberg form, then the Francis double-shift QR iteration with
 * deflation (the algorithm of EISPACK's `hqr`, as presented in Numerical Recipes §11.6; written here from
 * that description). Power iteration is not used because a real Gaussian matrix's dominant eigenvalues
 * usually form a complex pair of equal modulus, where power iteration does not converge at all.
 */
import type { Matrix } from './matrix.js';
import { reflectCols, reflectRows, reflector } from './householder.js';

export interface Eigenvalues {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts; complex pairs are adjacent, the positive one first. */
  im: Float64Array;
}

const EPS = Number.EPSILON;

/** Reduces a square matrix (row-major, overwritten) to upper Hessenberg form by orthogonal similarity. */
export function hessenberg(h: Float64Array, n: number): void {
  const v = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const off = k + 1;
    const len = n - off;
    const r = reflector(h, off * n + k, n, len, v);
    if (!r) continue;
    // Left: rows off.., columns k.. ← (I − βvvᵀ)·H; right: all rows, columns off.. ← H·(I − βvvᵀ).
    reflectRows(h, n, off, len, k, n, v, r.beta);
    reflectCols(h, n, off, len, n, v, r.beta);
    h[off * n + k] = r.alpha;
    for (let i = 1; i < len; i++) h[(off + i) * n + k] = 0;
  }
}

/** Eigenvalues of an upper Hessenberg matrix (overwritten) by the Francis double-shift QR iteration. */
export function hessenbergEigenvalues(a: Float64Array, n: number): Eigenvalues {
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  const A = (i: number, j: number): number => a[i * n + j]!;
  const set = (i: number, j: number, x: number): void => {
    a[i * n + j] = x;
  };
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(A(i, j));
  let nn = n - 1;
  let t = 0; // accumulated exceptional shifts
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      // Look for a negligible subdiagonal element that splits the matrix.
      for (l = nn; l >= 1; l--) {
        let s = Math.abs(A(l - 1, l - 1)) + Math.abs(A(l, l));
        if (s === 0) s = anorm;
        if (Math.abs(A(l, l - 1)) <= EPS * s) {
          set(l, l - 1, 0);
          break;
        }
      }
      let x = A(nn, nn);
      if (l === nn) {
        // One real root found.
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        let y = A(nn - 1, nn - 1);
        let w = A(nn, nn - 1) * A(nn - 1, nn);
        if (l === nn - 1) {
          // A 2×2 block: two real roots or a complex pair.
          const p = 0.5 * (y - x);
          const q = p * p + w;
          let z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
            wr[nn - 1] = wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn - 1] = z;
            wi[nn] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) throw new Error('eigenvalues: QR iteration did not converge');
          if (its === 10 || its === 20 || its === 40) {
            // Exceptional shift, to break cycles of the standard shift.
            t += x;
            for (let i = 0; i <= nn; i++) set(i, i, A(i, i) - x);
            const s = Math.abs(A(nn, nn - 1)) + Math.abs(A(nn - 1, nn - 2));
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          its++;
          // Find two consecutive small subdiagonal elements, to start the double-shift sweep at m.
          let m: number;
          let p = 0;
          let q = 0;
          let r = 0;
          let z: number;
          for (m = nn - 2; m >= l; m--) {
            z = A(m, m);
            r = x - z;
            let s = y - z;
            p = (r * s - w) / A(m + 1, m) + A(m, m + 1);
            q = A(m + 1, m + 1) - z - r - s;
            r = A(m + 2, m + 1);
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(A(m, m - 1)) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(A(m - 1, m - 1)) + Math.abs(z) + Math.abs(A(m + 1, m + 1)));
            if (u <= EPS * v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            set(i, i - 2, 0);
            if (i !== m + 2) set(i, i - 3, 0);
          }
          // Double-shift QR step on rows l..nn and columns m..nn (bulge chase).
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = A(k, k - 1);
              q = A(k + 1, k - 1);
              r = 0;
              if (k !== nn - 1) r = A(k + 2, k - 1);
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const norm = Math.sqrt(p * p + q * q + r * r);
            const s = p >= 0 ? norm : -norm;
            if (s !== 0) {
              if (k === m) {
                if (l !== m) set(k, k - 1, -A(k, k - 1));
              } else {
                set(k, k - 1, -s * x);
              }
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = A(k, j) + q * A(k + 1, j);
                if (k !== nn - 1) {
                  p += r * A(k + 2, j);
                  set(k + 2, j, A(k + 2, j) - p * z);
                }
                set(k + 1, j, A(k + 1, j) - p * y);
                set(k, j, A(k, j) - p * x);
              }
              const mmin = nn < k + 3 ? nn : k + 3;
              for (let i = l; i <= mmin; i++) {
                p = x * A(i, k) + y * A(i, k + 1);
                if (k !== nn - 1) {
                  p += z * A(i, k + 2);
                  set(i, k + 2, A(i, k + 2) - p * r);
                }
                set(i, k + 1, A(i, k + 1) - p * q);
                set(i, k, A(i, k) - p);
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  return { re: wr, im: wi };
}

/** All eigenvalues of a square matrix (unordered). */
export function eigenvalues(m: Matrix): Eigenvalues {
  if (m.rows !== m.cols) throw new RangeError(`eigenvalues need a square matrix, got ${m.rows}×${m.cols}`);
  const n = m.rows;
  const h = m.data.slice();
  for (const x of h) if (!Number.isFinite(x)) throw new RangeError('eigenvalues: matrix has non-finite entries');
  hessenberg(h, n);
  return hessenbergEigenvalues(h, n);
}

/** max |λ| over the eigenvalues λ of a square matrix. */
export function spectralRadius(m: Matrix): number {
  const { re, im } = eigenvalues(m);
  let r = 0;
  for (let i = 0; i < re.length; i++) r = Math.max(r, Math.hypot(re[i]!, im[i]!));
  return r;
}
