/** Elementwise activations and their derivatives, as functions of the pre-activation. */
export declare const ACTIVATIONS: readonly ["tanh", "relu", "sigmoid", "linear"];
export type Activation = (typeof ACTIVATIONS)[number];
export declare function sigmoid(a: number): number;
export declare function activate(phi: Activation, a: number): number;
/** φ′(a). For ReLU the derivative at exactly 0 is taken as 0 (the subgradient frameworks use). */
export declare function derivative(phi: Activation, a: number): number;
