/** Elementwise activations and their derivatives, as functions of the pre-activation. */

export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function sigmoid(a: number): number {
  // Two branches so that exp never overflows: for a ≪ 0, exp(−a) would be Infinity.
  if (a >= 0) return 1 / (1 + Math.exp(-a));
  const e = Math.exp(a);
  return e / (1 + e);
}

export function activate(phi: Activation, a: number): number {
  switch (phi) {
    case 'tanh':
      return Math.tanh(a);
    case 'relu':
      return a > 0 ? a : 0;
    case 'sigmoid':
      return sigmoid(a);
    case 'linear':
      return a;
  }
}

/** φ′(a). For ReLU the derivative at exactly 0 is taken as 0 (the subgradient frameworks use). */
export function derivative(phi: Activation, a: number): number {
  switch (phi) {
    case 'tanh': {
      const t = Math.tanh(a);
      return 1 - t * t;
    }
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'sigmoid': {
      const s = sigmoid(a);
      return s * (1 - s);
    }
    case 'linear':
      return 1;
  }
}
