/**
 * Theme tokens and the scoped stylesheet every diagram embeds.
 *
 * Design, so that one SVG looks right on any Hugo theme without configuration:
 * - Text and strokes use `currentColor`, so they follow the page's own text colour in light and dark.
 *   Node backgrounds are `currentColor` at low opacity (no hard-coded white/black anywhere).
 * - Accents (inputs, hidden states, outputs, gates…) are CSS custom properties. The public names
 *   (`--hp-accent-input`, …) are never set by us, only read: `var(--hp-accent-input, <default>)`, so a
 *   site can override them from its own CSS. The defaults are private properties (`--hp-d-…`) that we set
 *   on the SVG with a light and a dark variant.
 * - The dark variant applies under `@media (prefers-color-scheme: dark)` AND under the class/attribute
 *   toggles of popular Hugo themes on `<html>` or `<body>`: PaperMod (`body.dark`, `html[data-theme=dark]`),
 *   hextra/Blowfish/Congo (`html.dark`), FixIt/DoIt (`[data-theme=dark]`), LoveIt (`[theme=dark]`),
 *   Stack (`[data-scheme=dark]`), hugo-coder (`.colorscheme-dark`), Docsy/Bootstrap (`[data-bs-theme=dark]`),
 *   plus `[data-mode=dark]`, `.dark-mode`, and our own `.hp-dark` on any ancestor. The explicit LIGHT
 *   markers of the same themes come last, so a site switched to light on a dark-OS machine wins.
 *   All selectors are wrapped in `:where()` so they add no specificity: source order decides.
 * - Every rule is scoped by the SVG's page-unique id: an inline `<style>` applies to the whole document.
 * - Every shape also carries presentation attributes with the light default, so renderers without CSS
 *   custom property support (librsvg via sharp) still draw it; the CSS, where understood, overrides them.
 */

export type Tone = 'input' | 'hidden' | 'output' | 'gate' | 'loss' | 'target' | 'highlight';

export interface Token {
  /** Public custom property a site may set. */
  name: string;
  light: string;
  dark: string;
  doc: string;
}

/** Accent colours, chosen to keep ≥3:1 contrast on white (light) and on #1e1e1e (dark). */
export const ACCENTS: Record<Tone, Token> = {
  input: { name: '--hp-accent-input', light: '#c2452d', dark: '#f08c73', doc: 'inputs x (Karpathy: red)' },
  hidden: { name: '--hp-accent-hidden', light: '#2e8540', dark: '#6fcf7f', doc: 'hidden states h (green)' },
  output: { name: '--hp-accent-output', light: '#2f62b8', dark: '#7fa8f0', doc: 'outputs o, y (blue)' },
  gate: { name: '--hp-accent-gate', light: '#b86e00', dark: '#f2b24c', doc: 'gates and layers (amber)' },
  loss: { name: '--hp-accent-loss', light: '#8e44ad', dark: '#c99ae0', doc: 'losses L (purple)' },
  target: { name: '--hp-accent-target', light: '#5d6d7e', dark: '#a9b7c6', doc: 'targets y (slate)' },
  highlight: { name: '--hp-accent-highlight', light: '#d0306b', dark: '#ff7aa8', doc: 'gradients, emphasis (rose)' },
};

export const TONES = Object.keys(ACCENTS) as Tone[];

/** Non-accent tokens. Their defaults derive from currentColor, so they work on any background. */
export const BASE_TOKENS: Token[] = [
  { name: '--hp-ink', light: 'currentColor', dark: 'currentColor', doc: 'text and stroke colour' },
  {
    name: '--hp-fill',
    light: 'color-mix(in srgb, currentColor 6%, transparent)',
    dark: 'color-mix(in srgb, currentColor 10%, transparent)',
    doc: 'neutral node background',
  },
  {
    name: '--hp-muted',
    light: 'color-mix(in srgb, currentColor 55%, transparent)',
    dark: 'color-mix(in srgb, currentColor 60%, transparent)',
    doc: 'secondary text and dashed strokes',
  },
];

/** Opacity of tinted fills (accent at this opacity as a node background). */
export const TINT_OPACITY = 0.16;

export const FONT_SANS = '"Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif';
export const FONT_MATH = '"Times New Roman", Times, "Liberation Serif", "Nimbus Roman", serif';

const TOGGLES = (v: string) => [`.${v}`, `.${v}-mode`, `.colorscheme-${v}`, `[data-theme="${v}"]`, `[data-scheme="${v}"]`, `[data-mode="${v}"]`, `[data-bs-theme="${v}"]`, `[theme="${v}"]`];

/** Ancestor selectors (on html/body) that mean "the site is in dark mode". */
export const DARK_SELECTORS: readonly string[] = [
  `:where(html, body):where(${TOGGLES('dark').join(', ')})`,
  ':where(.hp-dark)',
];
/** Ancestor selectors that mean "the site is explicitly in light mode"; they win over the OS setting. */
export const LIGHT_SELECTORS: readonly string[] = [
  `:where(html, body):where(${TOGGLES('light').join(', ')})`,
  ':where(.hp-light)',
];

function declarations(mode: 'light' | 'dark'): string {
  const accents = TONES.map((t) => `--hp-d-${t}:${ACCENTS[t][mode]}`);
  const base = BASE_TOKENS.map((t) => `${t.name.replace('--hp-', '--hp-d-')}:${t[mode]}`);
  return [...accents, ...base].join(';');
}

/** `var(--hp-accent-input, var(--hp-d-input))`: the site's value if set, else our mode-aware default. */
export function toneVar(tone: Tone): string {
  return `var(${ACCENTS[tone].name}, var(--hp-d-${tone}))`;
}

const base = (name: 'ink' | 'fill' | 'muted') => `var(--hp-${name}, var(--hp-d-${name}))`;

/**
 * The stylesheet for one SVG whose id is `svgId`. `extra` is appended verbatim (already scoped by the
 * caller, e.g. `#id .hp-dim{opacity:.3}`); it must not contain `{{`.
 */
export function themeCss(svgId: string, extra = ''): string {
  const s = `#${svgId}`;
  const scoped = (sels: readonly string[]) => sels.map((a) => `${a} ${s}`).join(', ');
  const toneRules = TONES.map(
    (t) =>
      `${s} .hp-stroke-${t}{stroke:${toneVar(t)}}` +
      `${s} .hp-fill-${t}{fill:${toneVar(t)}}` +
      `${s} .hp-tint-${t}{fill:color-mix(in srgb, ${toneVar(t)} ${TINT_OPACITY * 100}%, transparent);fill-opacity:1}`,
  ).join('');
  return (
    `${s}{${declarations('light')};color:${base('ink')};max-width:100%;height:auto;font-family:var(--hp-font-sans, ${FONT_SANS})}` +
    `@media (prefers-color-scheme: dark){${s}{${declarations('dark')}}}` +
    `${scoped(DARK_SELECTORS)}{${declarations('dark')}}` +
    `${scoped(LIGHT_SELECTORS)}{${declarations('light')}}` +
    `${s} .hp-math{font-family:var(--hp-font-math, ${FONT_MATH})}` +
    `${s} .hp-node{fill:${base('fill')};fill-opacity:1}` +
    `${s} .hp-muted{fill:${base('muted')};fill-opacity:1}` +
    `${s} .hp-muted-stroke{stroke:${base('muted')};stroke-opacity:1}` +
    toneRules +
    extra
  );
}
