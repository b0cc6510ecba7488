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
export declare const ACCENTS: Record<Tone, Accent>;
export declare const TONES: Tone[];
/**
 * Non-accent tokens. Neutral colours derive from currentColor; how strong a fill is comes from an
 * opacity, so no colour is ever mixed with white or black (and no `color-mix()`, which librsvg lacks).
 */
export declare const BASE_TOKENS: Token[];
/** Opacity of tinted fills (accent at this opacity as a node background); the light default. */
export declare const TINT_OPACITY = 0.16;
/** Opacity of neutral node fills (currentColor); the light default. */
export declare const FILL_OPACITY = 0.06;
/** Opacity of muted text and strokes (currentColor). */
export declare const MUTED_OPACITY = 0.62;
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
export declare const SERVED_SANS = "hp-katex-sans";
export declare const SERVED_MATH = "hp-katex-math";
export declare const SERVED_CAL = "hp-katex-cal";
export declare const FONT_FACES: readonly FontFace[];
/**
 * Font stacks: our served font, then the fonts whose widths metrics.ts also takes (Arial and Helvetica
 * share Liberation Sans's widths, Times and Times New Roman Liberation Serif's), then the generic family.
 */
/** The sans stack without the served font: for plain text the served font lacks glyphs of (class hp-sys). */
export declare const FONT_SYS = "Arial, Helvetica, \"Liberation Sans\", \"DejaVu Sans\", Roboto, sans-serif";
export declare const FONT_SANS = "hp-katex-sans, Arial, Helvetica, \"Liberation Sans\", \"DejaVu Sans\", Roboto, sans-serif";
export declare const FONT_MATH = "hp-katex-math, \"Times New Roman\", Times, \"Liberation Serif\", \"Nimbus Roman\", \"DejaVu Serif\", serif";
/** Calligraphic letters: KaTeX's, else the math stack (an upright letter, the best a fallback can do). */
export declare const FONT_CAL = "hp-katex-cal, hp-katex-math, \"Times New Roman\", Times, \"Liberation Serif\", \"Nimbus Roman\", \"DejaVu Serif\", serif";
/** Ancestor selectors (on html/body) that mean "the site is in dark mode". */
export declare const DARK_SELECTORS: readonly string[];
/** Ancestor selectors that mean "the site is explicitly in light mode"; they win over the OS setting. */
export declare const LIGHT_SELECTORS: readonly string[];
/** `var(--hp-accent-input, var(--hp-d-input))`: the site's value if set, else our mode-aware default. */
export declare function toneVar(tone: Tone): string;
/**
 * The stylesheet for one SVG whose id is `svgId`. `extra` is appended verbatim (already scoped by the
 * caller, e.g. `#id .hp-dim{opacity:.3}`); it must not contain `{{`.
 */
export declare function themeCss(svgId: string, extra?: string): string;
