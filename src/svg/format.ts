/**
 * Deterministic number formatting for SVG attributes and path data.
 *
 * Layout code produces floats such as 12.300000000000001 or -0; printing them raw would make the output
 * depend on floating-point noise and bloat the markup. Every number that reaches the SVG goes through
 * `fmt`: rounded to two decimals (a hundredth of a user unit is far below a device pixel), trailing zeros
 * dropped, never "-0", never exponent notation.
 */

/** Formats a finite number with at most two decimals: `fmt(1.5) === "1.5"`, `fmt(-0.001) === "0"`. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) {
    // A NaN in a coordinate is a layout bug; printing "NaN" would silently produce a broken SVG.
    throw new RangeError(`cannot format ${n} as an SVG number: a coordinate or size was not finite`);
  }
  // toFixed switches to exponent notation from 1e21; integers that large are exact as BigInt.
  if (Math.abs(n) >= 1e15) return BigInt(Math.round(n)).toString();
  let s = n.toFixed(2);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') return '0';
  return s;
}

/** Rounds like `fmt` but returns a number (for arithmetic that must match what is printed). */
export function round2(n: number): number {
  return Number(fmt(n));
}
