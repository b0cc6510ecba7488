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
 * - The dark variant applies under the class/attribute toggles of popular Hugo themes on `<html>` or
 *   `<body>`: PaperMod (`body.dark`, `html[data-theme=dark]`),
 *   hextra/Blowfish/Congo (`html.dark`), FixIt/DoIt (`[data-theme=dark]`), LoveIt (`[theme=dark]`),
 *   Stack (`[data-scheme=dark]`), hugo-coder (`.colorscheme-dark`), Docsy/Bootstrap (`[data-bs-theme=dark]`),
 *   plus `[data-mode=dark]`, `.dark-mode`, and our own `.hp-dark` on any ancestor. The explicit LIGHT
 *   markers of the same themes come last, so a site switched to light on a dark-OS machine wins.
 *   All selectors are wrapped in `:where()` so they add no specificity: source order decides.
 * - Under `@media (prefers-color-scheme: dark)` alone (no toggle says which), the page may be dark (a theme
 *   that follows the system) or light (a theme without dark mode, or one whose light mode is only the
 *   absence of its dark class, as Congo's): accents of middle luminance (`any`) that keep ≥ 4:1 on white
 *   and on near-black alike, instead of the dark variant's, which fall to about 2:1 on a white page.
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

export interface Accent extends Token {
  /** For a page that may be light or dark (the system is dark, the theme does not say): ≥ 4:1 on both. */
  any: string;
}

/**
 * Accent colours, chosen to keep ≥3:1 contrast on white (light) and on #1e1e1e (dark); `any`, the light
 * colour's hue and chroma at relative luminance 0.207, where the contrast on white and on #1e1e1e meet
 * (4.1:1 on each, 4.6:1 on #121212).
 */
export const ACCENTS: Record<Tone, Accent> = {
  input: { name: '--hp-accent-input', light: '#c2452d', dark: '#f08c73', any: '#d4543a', doc: 'inputs x (Karpathy: red)' },
  hidden: { name: '--hp-accent-hidden', light: '#2e8540', dark: '#6fcf7f', any: '#398e49', doc: 'hidden states h (green)' },
  output: { name: '--hp-accent-output', light: '#2f62b8', dark: '#7fa8f0', any: '#507bd5', doc: 'outputs o, y (blue)' },
  gate: { name: '--hp-accent-gate', light: '#b86e00', dark: '#f2b24c', any: '#b66c00', doc: 'gates and layers (amber)' },
  loss: { name: '--hp-accent-loss', light: '#8e44ad', dark: '#c99ae0', any: '#a95ec9', doc: 'losses L (purple)' },
  target: { name: '--hp-accent-target', light: '#5d6d7e', dark: '#a9b7c6', any: '#6f7f91', doc: 'targets y (slate)' },
  highlight: { name: '--hp-accent-highlight', light: '#d0306b', dark: '#ff7aa8', any: '#df4077', doc: 'gradients, emphasis (rose)' },
};

export const TONES = Object.keys(ACCENTS) as Tone[];

/**
 * Non-accent tokens. Neutral colours derive from currentColor; how strong a fill is comes from an
 * opacity, so no colour is ever mixed with white or black (and no `color-mix()`, which librsvg lacks).
 */
export const BASE_TOKENS: Token[] = [
  { name: '--hp-ink', light: 'currentColor', dark: 'currentColor', doc: 'text and stroke colour' },
  { name: '--hp-fill', light: 'currentColor', dark: 'currentColor', doc: 'neutral node background colour' },
  { name: '--hp-fill-opacity', light: '0.06', dark: '0.1', doc: 'opacity of neutral node backgrounds' },
  { name: '--hp-tint-opacity', light: '0.16', dark: '0.2', doc: 'opacity of accent-tinted node backgrounds' },
  { name: '--hp-muted', light: 'currentColor', dark: 'currentColor', doc: 'secondary text and strokes (drawn at reduced opacity)' },
];

/** Opacity of tinted fills (accent at this opacity as a node background); the light default. */
export const TINT_OPACITY = 0.16;
/** Opacity of neutral node fills (currentColor); the light default. */
export const FILL_OPACITY = 0.06;
/** Opacity of muted text and strokes (currentColor). */
export const MUTED_OPACITY = 0.62;

/**
 * Fonts we serve with every page that has a figure (src/render/static-assets.ts writes them and the
 * @font-face rules): the KaTeX fonts, so labels match the page's math. `file` is in KaTeX's fonts folder.
 * scripts/font-metrics.mjs measures exactly these (plus the fallbacks below) for metrics.ts.
 */
export interface FontFace {
  family: string;
  file: string;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
}
export const SERVED_SANS = 'hp-katex-sans';
export const SERVED_MATH = 'hp-katex-math';
export const SERVED_CAL = 'hp-katex-cal';
export const FONT_FACES: readonly FontFace[] = [
  { family: SERVED_SANS, file: 'KaTeX_SansSerif-Regular', weight: 'normal', style: 'normal' },
  { family: SERVED_SANS, file: 'KaTeX_SansSerif-Italic', weight: 'normal', style: 'italic' },
  { family: SERVED_SANS, file: 'KaTeX_SansSerif-Bold', weight: 'bold', style: 'normal' },
  // Math: upright from KaTeX_Main, italic (variables) from KaTeX_Math, as KaTeX sets them.
  { family: SERVED_MATH, file: 'KaTeX_Main-Regular', weight: 'normal', style: 'normal' },
  { family: SERVED_MATH, file: 'KaTeX_Math-Italic', weight: 'normal', style: 'italic' },
  { family: SERVED_MATH, file: 'KaTeX_Main-Bold', weight: 'bold', style: 'normal' },
  { family: SERVED_MATH, file: 'KaTeX_Math-BoldItalic', weight: 'bold', style: 'italic' },
  // \mathcal, \mathscr (capitals only; anything else falls through to the math font).
  { family: SERVED_CAL, file: 'KaTeX_Caligraphic-Regular', weight: 'normal', style: 'normal' },
];

/**
 * Font stacks: our served font, then the fonts whose widths metrics.ts also takes (Arial and Helvetica
 * share Liberation Sans's widths, Times and Times New Roman Liberation Serif's), then the generic family.
 */
/** The sans stack without the served font: for plain text the served font lacks glyphs of (class hp-sys). */
export const FONT_SYS = `Arial, Helvetica, "Liberation Sans", "DejaVu Sans", Roboto, sans-serif`;
export const FONT_SANS = `${SERVED_SANS}, ${FONT_SYS}`;
export const FONT_MATH = `${SERVED_MATH}, "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif`;
/** Calligraphic letters: KaTeX's, else the math stack (an upright letter, the best a fallback can do). */
export const FONT_CAL = `${SERVED_CAL}, ${FONT_MATH}`;

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

/** The private defaults of a mode; `any` (a dark system, no toggle): middle accents, the light opacities. */
function declarations(mode: 'light' | 'dark' | 'any'): string {
  const accents = TONES.map((t) => `--hp-d-${t}:${ACCENTS[t][mode]}`);
  const base = BASE_TOKENS.map((t) => `${t.name.replace('--hp-', '--hp-d-')}:${t[mode === 'any' ? 'light' : mode]}`);
  return [...accents, ...base].join(';');
}

/** `var(--hp-accent-input, var(--hp-d-input))`: the site's value if set, else our mode-aware default. */
export function toneVar(tone: Tone): string {
  return `var(${ACCENTS[tone].name}, var(--hp-d-${tone}))`;
}

const base = (name: 'ink' | 'fill' | 'muted' | 'fill-opacity' | 'tint-opacity') => `var(--hp-${name}, var(--hp-d-${name}))`;

/**
 * The stylesheet for one SVG whose id is `svgId`. `extra` is appended verbatim (already scoped by the
 * caller, e.g. `#id .hp-dim{opacity:.3}`); it must not contain `{{`.
 */
export function themeCss(svgId: string, extra = ''): string {
  const s = `#${svgId}`;
  const scoped = (sels: readonly string[]) => sels.map((a) => `${a} ${s}`).join(', ');
  // Opacities live in presentation attributes (fill-opacity=".16"); rules that change an opacity use
  // nested var()s, which librsvg drops as a whole, so the attribute stays in force there.
  const toneRules = TONES.map(
    (t) =>
      `${s} .hp-stroke-${t}{stroke:${toneVar(t)}}` +
      `${s} .hp-fill-${t}{fill:${toneVar(t)}}` +
      `${s} .hp-tint-${t}{fill:${toneVar(t)};fill-opacity:${base('tint-opacity')}}`,
  ).join('');
  return (
    `${s}{${declarations('light')};color:${base('ink')};max-width:100%;height:auto;vertical-align:top;font-family:var(--hp-font-sans, ${FONT_SANS})}` +
    `@media (prefers-color-scheme: dark){${s}{${declarations('any')}}}` +
    `${scoped(DARK_SELECTORS)}{${declarations('dark')}}` +
    `${scoped(LIGHT_SELECTORS)}{${declarations('light')}}` +
    `${s} .hp-math{font-family:var(--hp-font-math, ${FONT_MATH})}` +
    `${s} .hp-cal{font-family:${SERVED_CAL}, var(--hp-font-math, ${FONT_MATH})}` +
    `${s} .hp-sys{font-family:var(--hp-font-sans, ${FONT_SYS})}` +
    `${s} .hp-node{fill:${base('fill')};fill-opacity:${base('fill-opacity')}}` +
    `${s} .hp-muted{fill:${base('muted')}}` +
    `${s} .hp-muted-stroke{stroke:${base('muted')}}` +
    toneRules +
    extra
  );
}
