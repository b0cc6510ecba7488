/**
 * Axis domains and ticks. Linear axes use d3-scale's nice domains and ticks and d3-format's matching
 * number format; log axes put major ticks on powers of ten (labelled 10ⁿ, thinned to fit) with minor
 * ticks between, or on 1–2–5 steps when the data spans little more than a decade.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';

export type AxisType = 'linear' | 'log';

export interface AxisSpec {
  type?: AxisType;
  /** Label: words with `$math$`. */
  label?: string;
  /** Fixed ends of the domain; otherwise taken from the data and made nice. */
  min?: number;
  max?: number;
  /** Only whole-number ticks (for step counts such as k). */
  integer?: boolean;
}

export interface Tick {
  value: number;
  /** TeX-like source for `mathLabel`. */
  tex: string;
}

export interface AxisTicks {
  type: AxisType;
  domain: [number, number];
  ticks: Tick[];
  /** Unlabelled minor ticks (log axes). */
  minor: number[];
}

/** 10^e exactly as a decimal literal would give it (10 ** -3 is 0.0010000000000000002). */
export function pow10(e: number): number {
  return Number(`1e${e}`);
}

/** m·10^e as the decimal literal `me` reads (3 * 0.1 would be 0.30000000000000004). */
function dec(m: number, e: number): number {
  return Number(`${m}e${e}`);
}

/** Smallest and largest finite value (positive only, for log axes) of the data. */
export function extent(values: Iterable<number>, type: AxisType): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (type === 'log' && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

function numberTex(s: string): string {
  return `\\text{${s}}`;
}

/**
 * Ticks for a linear axis over `data` (or the spec's fixed ends), about `count` of them.
 */
export function linearTicks(data: [number, number] | undefined, spec: AxisSpec, count: number): AxisTicks {
  let [lo, hi] = data ?? [0, 1];
  if (spec.min !== undefined) lo = spec.min;
  if (spec.max !== undefined) hi = spec.max;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    // A single value: centre it in a unit-wide (or 10%-wide) window.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const s = scaleLinear().domain([lo, hi]);
  if (spec.min === undefined || spec.max === undefined) s.nice(count);
  let [d0, d1] = s.domain() as [number, number];
  if (spec.min !== undefined) d0 = spec.min;
  if (spec.max !== undefined) d1 = spec.max;
  s.domain([d0, d1]);
  let values = s.ticks(count);
  let fmt = s.tickFormat(count);
  if (spec.integer) {
    values = values.filter((v) => Number.isInteger(v));
    if (values.length < 2) values = integerTicks(d0, d1);
    fmt = format(',d');
  }
  const step = values.length > 1 ? Math.abs(values[1]! - values[0]!) : 1;
  // Ticks finer than 0.01 would print as 0.0000, 0.0002, …: write them as multiples of a power of ten.
  const small = !spec.integer && step < 0.01 ? Math.floor(Math.log10(step) + 1e-9) : undefined;
  const tex = (v: number) => (small === undefined ? numberTex(fmt(v)) : scaledTex(v, small));
  return {
    type: 'linear',
    domain: [d0, d1],
    ticks: values.map((v) => ({ value: v, tex: tex(v) })),
    minor: [],
  };
}

/**
 * `v` as m × 10^k (m with at most two decimals, trailing zeros dropped), or 0; where m would reach 10 (the
 * top tick of 0.0002 … 0.001 was "10 × 10⁻⁴"), with the power of ten that keeps it under 10.
 */
export function scaledTex(v: number, k: number): string {
  if (v === 0) return numberTex('0');
  let e = k;
  let m = Math.round((v / 10 ** e) * 100) / 100;
  while (Math.abs(m) >= 10) {
    e++;
    m = Math.round((v / 10 ** e) * 100) / 100;
  }
  return `${numberTex(String(m).replace('-', '\u2212'))}\\times 10^{${e}}`;
}

function integerTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(lo); v <= Math.floor(hi); v++) out.push(v);
  return out;
}

/** Decade steps of a log axis's labels that read as regular; past the last, multiples of 100. */
const DECADE_STEPS = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100];

/** The smallest of DECADE_STEPS (or multiple of 100) at least `raw`. */
function niceDecadeStep(raw: number): number {
  return DECADE_STEPS.find((d) => d >= raw) ?? Math.ceil(raw / 100) * 100;
}

/**
 * Ticks for a log axis. `maxMajor` bounds the number of labelled ticks: decades are thinned to every
 * second, third, fifth, tenth, … power of ten when the range is wide.
 */
export function logTicks(data: [number, number] | undefined, spec: AxisSpec, maxMajor: number): AxisTicks {
  let [lo, hi] = data ?? [1, 10];
  if (spec.min !== undefined && spec.min > 0) lo = spec.min;
  if (spec.max !== undefined && spec.max > 0) hi = spec.max;
  if (lo > hi) [lo, hi] = [hi, lo];
  const fixedLo = spec.min !== undefined && spec.min > 0;
  const fixedHi = spec.max !== undefined && spec.max > 0;
  if (Math.log10(hi) - Math.log10(lo) <= 1.3) {
    // Little more than a decade: 1–2–5 steps labelled as plain numbers, the domain rounded out to them.
    const fmt = format('~g');
    const steps: number[] = [];
    for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
      for (const m of [1, 2, 5]) steps.push(dec(m, e));
    }
    const d0 = fixedLo ? lo : Math.max(...steps.filter((v) => v <= lo * (1 + 1e-12)));
    const d1 = fixedHi ? hi : Math.min(...steps.filter((v) => v >= hi * (1 - 1e-12)));
    const inside = (v: number) => v >= d0 * (1 - 1e-12) && v <= d1 * (1 + 1e-12);
    const minor: number[] = [];
    for (let e = Math.floor(Math.log10(d0)) - 1; e <= Math.ceil(Math.log10(d1)); e++) {
      for (const m of [3, 4, 6, 7, 8, 9]) if (inside(dec(m, e))) minor.push(dec(m, e));
    }
    return {
      type: 'log',
      domain: [d0, d1],
      ticks: steps.filter(inside).map((v) => ({ value: v, tex: numberTex(fmt(v)) })),
      minor: minor.sort((a, b) => a - b),
    };
  }
  let e0 = Math.floor(Math.log10(lo) + 1e-12);
  let e1 = Math.ceil(Math.log10(hi) - 1e-12);
  const d0 = fixedLo ? lo : pow10(e0);
  const d1 = fixedHi ? hi : pow10(e1);
  e0 = Math.ceil(Math.log10(d0) - 1e-12);
  e1 = Math.floor(Math.log10(d1) + 1e-12);
  const decades = e1 - e0;
  const inDomain = (v: number) => v >= d0 * (1 - 1e-12) && v <= d1 * (1 + 1e-12);
  // Every `step`-th decade labelled, `step` a round number (10⁰, 10²⁰, 10⁴⁰, not 10⁰, 10²³, 10⁴⁶), and the
  // decades between marked every `minorStep`-th: at most five parts to a step, so that a range of a
  // hundred decades is not a ruler of a hundred ticks.
  const step = niceDecadeStep(Math.ceil((decades + 1) / Math.max(2, maxMajor)));
  const minorStep = DECADE_STEPS.find((d) => step % d === 0 && step / d <= 5) ?? step;
  const ticks: Tick[] = [];
  const minor: number[] = [];
  // Multiples of `step`: 10⁰ is labelled when in range.
  for (let e = e0; e <= e1; e++) {
    if (e % step === 0) ticks.push({ value: pow10(e), tex: `10^{${e}}` });
    else if (e % minorStep === 0) minor.push(pow10(e));
  }
  if (step === 1 && decades <= 12) {
    for (let e = e0 - 1; e <= e1; e++) {
      for (let m = 2; m <= 9; m++) {
        const v = dec(m, e);
        if (inDomain(v)) minor.push(v);
      }
    }
  }
  minor.sort((a, b) => a - b);
  return { type: 'log', domain: [d0, d1], ticks, minor };
}

export function axisTicks(data: [number, number] | undefined, spec: AxisSpec, count: number): AxisTicks {
  return (spec.type ?? 'linear') === 'log' ? logTicks(data, spec, count + 1) : linearTicks(data, spec, count);
}

/** Maps data values to a pixel range with the axis's domain and type. */
export function axisScale(t: AxisTicks, range: [number, number]): (v: number) => number {
  const s = t.type === 'log' ? scaleLog().domain(t.domain).range(range) : scaleLinear().domain(t.domain).range(range);
  return (v: number) => s(v);
}
