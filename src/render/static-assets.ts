/**
 * The static files pages need: the stylesheet and fonts of the very KaTeX that rendered the math (a
 * mismatch silently breaks layout), and a small stylesheet for our figures. Served by Hugo from
 * `.prerender/static/prerender/`, i.e. at `/prerender/…`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DARK_SELECTORS, FONT_FACES, LIGHT_SELECTORS } from '../svg/theme.js';
import { GLYPH_CSS } from './katex-markup.js';

export interface StaticWriter {
  writeStatic(relPath: string, data: Buffer | string): void;
}

/**
 * The fonts our SVGs ask for first (theme.ts), from the KaTeX fonts that build copies next to this
 * stylesheet. `swap`: text shows at once in a fallback font, whose widths the layout allows for too.
 */
const FONT_FACE_CSS = FONT_FACES.map(
  (f) =>
    `@font-face { font-family: ${f.family}; src: url(katex/fonts/${f.file}.woff2) format("woff2"); font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; }\n`,
).join('');

/**
 * A figure's light and dark image (`src-dark`, src/render/figure-html.ts): the one that does not match the
 * page is hidden. Dark is the reader's system setting, unless the theme's switch says otherwise: the same
 * markers on html or body as our diagrams follow (src/svg/theme.ts), an explicit light marker winning over
 * a dark one. Only hiding rules, `!important`, so that the shown image keeps the display the theme's CSS
 * gives it, and no theme rule (`.post img { display: block }`) shows both.
 */
const DARK = `:is(${DARK_SELECTORS.join(', ')})`;
const LIGHT = `:is(${LIGHT_SELECTORS.join(', ')})`;
export const DARK_MODE_CSS =
  `@media not all and (prefers-color-scheme: dark) { .hp-dark-only:not(${DARK} *) { display: none !important; } }\n` +
  `${LIGHT} .hp-dark-only { display: none !important; }\n` +
  `@media (prefers-color-scheme: dark) { .hp-light-only:not(${LIGHT} *) { display: none !important; } }\n` +
  `${DARK} .hp-light-only:not(${LIGHT} *) { display: none !important; }\n`;

/**
 * A display formula's equation number (`\tag`, a numbered environment's) never covers the formula: KaTeX
 * puts the number at the column's right edge (position: absolute), over a formula wider than the column
 * (KaTeX issues 1983, 3066). Here the formula and its number share a line as flex items between two
 * spacers of equal share: where there is room the formula is centred and the number flush right, as
 * KaTeX draws them; where there is not, the number keeps its width (and 1em before it) and the formula
 * moves left, or scrolls with it (`.katex-display`'s overflow). A formula whose lines are broken with `\\`
 * outside an environment stays KaTeX's (its lines are blocks); so does everything in a browser without `:has`.
 */
const TAGGED = '.katex-display > .katex > .katex-html:has(> .tag):not(:has(> .newline))';
export const TAG_CSS =
  `${TAGGED} { display: flex; align-items: baseline; }\n` +
  `${TAGGED}::before { content: ""; flex: 1 1 0; }\n` +
  `${TAGGED} > .base { flex: none; }\n` +
  `${TAGGED} > .tag { position: static; flex: 1 1 0; text-align: right; }\n` +
  `${TAGGED} > .tag::before { content: ""; display: inline-block; width: 1em; }\n`;

/**
 * On paper nothing scrolls: a figure that keeps a legible width on a phone and scrolls sideways there
 * (`.hp-scroll`, src/render/figure-wrap.ts: a 16-step rnn-unroll, a 20 × 30 attention map) was cut off at
 * the page's edge. In print its inner box gives up that width (an inline style, hence !important) and the
 * SVG scales down to the printable width, as every other figure does.
 */
export const PRINT_CSS =
  `@media print {\n` +
  `  .hp-scroll { overflow: visible !important; }\n` +
  `  .hp-scroll > div { min-width: 0 !important; }\n` +
  `  .hp-figure svg { max-width: 100% !important; height: auto !important; }\n` +
  `}\n`;

/** Styles every page with our fragments may need; small, and scoped to our class names and font names. */
export const PRERENDER_CSS = `/* hugo-prerender: layout for prerendered math and figures */
${FONT_FACE_CSS}.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.1em 0; }
${TAG_CSS}.katex { text-rendering: auto; }
.hp-figure { margin: 1.5rem auto; max-width: 100%; }
.hp-figure > svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.hp-figure > figcaption { margin-top: 0.5rem; }
.hp-figure details { margin-top: 0.5rem; font-size: 0.85em; text-align: left; }
.hp-figure table { border-collapse: collapse; margin: 0.5rem auto; font-variant-numeric: tabular-nums; }
.hp-figure th, .hp-figure td { padding: 0.15em 0.6em; border-bottom: 1px solid color-mix(in srgb, currentColor 25%, transparent); text-align: right; }
${DARK_MODE_CSS}${PRINT_CSS}`;

/**
 * Where the KaTeX stylesheet and fonts are: in the bundle's folder (dist/katex, copied by the build from the
 * KaTeX that was bundled), or, when running from source, the installed katex package.
 */
export function katexDistDir(): { dir: string; version: string } {
  const bundled = path.join(path.dirname(fileURLToPath(import.meta.url)), 'katex');
  if (existsSync(path.join(bundled, 'VERSION'))) {
    return { dir: bundled, version: readFileSync(path.join(bundled, 'VERSION'), 'utf8').trim() };
  }
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('katex/package.json'));
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version as string;
  return { dir: path.join(pkgDir, 'dist'), version };
}

/**
 * Writes prerender.css always; with math, KaTeX's stylesheet and all its fonts; with figures (any SVG),
 * at least the fonts that prerender.css serves to them.
 */
export function copyStaticAssets(out: StaticWriter, opts: { math: boolean; figures?: boolean }): void {
  out.writeStatic('prerender/prerender.css', PRERENDER_CSS);
  if (!opts.math && !opts.figures) return;
  const { dir, version } = katexDistDir();
  if (version !== __KATEX_VERSION__) {
    throw new Error(
      `the KaTeX stylesheet found (${version}, in ${dir}) does not match the KaTeX that renders (${__KATEX_VERSION__}); reinstall hugo-prerender`,
    );
  }
  const fonts = path.join(dir, 'fonts');
  const figureFonts = new Set(FONT_FACES.map((f) => `${f.file}.woff2`));
  if (opts.math) out.writeStatic('prerender/katex/katex.min.css', readFileSync(path.join(dir, 'katex.min.css'), 'utf8') + GLYPH_CSS);
  for (const f of readdirSync(fonts).sort()) {
    // woff2 is supported by every browser KaTeX supports; the CSS lists woff and ttf as fallbacks.
    if (opts.math || figureFonts.has(f)) out.writeStatic(`prerender/katex/fonts/${f}`, readFileSync(path.join(fonts, f)));
  }
}
