/**
 * Typesetting TeX with KaTeX at build time: HTML + MathML, mhchem's `\ce`/`\pu`, errors and KaTeX's
 * strict-mode reports returned as data (never thrown, never printed), results cached per renderer.
 */
import katex, { type KatexOptions, type ParseError, type TrustContext } from 'katex';
import * as katexModule from 'katex';
import 'katex/contrib/mhchem';
import { DEFAULT_LIMITS, LIMIT_SETTINGS, type PageLimits } from '../content/limits.js';
import { bytesOver, tooBigMessage } from './output-limits.js';
import { PACKAGE_MACROS, withSuggestion, type KatexMacro } from './mathjax-packages.js';
import { oneTextCopy } from './katex-markup.js';
import { linksRefusedAsText, refusalWarnings, trustedInMath } from './math-links.js';

/** What to do about KaTeX's strict-mode reports that have an answer (added to the warning). */
const STRICT_ADVICE: Readonly<Record<string, string>> = {
  newLineInDisplayMode: 'to break the line, write the rows in \\begin{gathered}…\\end{gathered} (centred) or \\begin{aligned}…\\end{aligned} (aligned at &)',
};

// A link the `trust` option refuses shows as its text, as MathJax's reader saw it (render/math-links.ts).
linksRefusedAsText(katex);

/** The KaTeX version whose CSS and fonts must be shipped with the output. */
export const KATEX_VERSION: string = katex.version;

export interface MathRenderResult {
  /** KaTeX's markup; with `errors: 'render'` KaTeX's red error span when the TeX is invalid, else ''. */
  html: string;
  /** The problem, when the TeX could not be typeset. `texOffset` indexes the tex string given. */
  error?: { message: string; texOffset?: number };
  /** Strict-mode reports (LaTeX-incompatible input), `\require` removals and other notices. */
  warnings: MathWarning[];
  /** Taken from the renderer's cache: typeset earlier in this build (on this page or another). */
  cached?: boolean;
}

/** A notice about a formula that was typeset; `texOffset` (into the tex given) where KaTeX says where. */
export interface MathWarning {
  message: string;
  texOffset?: number;
}

export interface MathRenderer {
  /**
   * `preamble`: TeX typeset before `tex` in the same formula (the page's macro definitions it uses, see
   * render/page-macros.ts); error offsets still index `tex`, and the MathML alttext holds `tex` alone.
   */
  render(tex: string, display: boolean, preamble?: string): MathRenderResult;
  stats(): { rendered: number; cacheHits: number };
  /** The site's own macros (params.prerender.katex.macros), as given. */
  readonly siteMacros: Readonly<Record<string, string>>;
}

export interface MathRendererOptions {
  /** `\name` → expansion, as KaTeX's `macros` option. */
  macros?: Record<string, string>;
  /** `fail`: an invalid formula renders nothing (the caller fails the page); `render`: KaTeX's error span. */
  errors?: 'fail' | 'render';
  /**
   * KaTeX's strict-mode reports (LaTeX-incompatible input): `warn` (default) returns them as warnings,
   * `error` fails the formula on the first (as a formula KaTeX rejects: see `errors`), `ignore` drops them.
   */
  strict?: 'warn' | 'error' | 'ignore';
  /** Work and size limits per formula (src/limits.ts); the defaults when absent. */
  limits?: Partial<Pick<PageLimits, 'mathExpansions' | 'mathMaxSize' | 'mathTokens' | 'fragmentBytes'>>;
}

/** Thrown from inside KaTeX when a formula has used up its token budget. */
class TokenBudgetExceeded extends Error {}

/**
 * The macros object KaTeX reads every token's definition from (Namespace.get calls hasOwnProperty on it
 * for each token it expands or parses, macro bodies included), counting those reads: past `budget`, the
 * render is stopped. This bounds the work of any formula, whatever its macros expand to.
 */
function budgeted(macros: Record<string, KatexMacro>, budget: number): Record<string, KatexMacro> {
  let reads = 0;
  return new Proxy(macros, {
    getOwnPropertyDescriptor(target, key) {
      if (++reads > budget) throw new TokenBudgetExceeded();
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** KaTeX's own error span (as with throwOnError: false), for a formula that could not be typeset at all. */
function errorSpan(tex: string, message: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<span class="katex-error" title="${esc(message)}" style="color:#cc0000">${esc(tex)}</span>`;
}

/**
 * `\require{…}` loads a MathJax extension; KaTeX has the common ones built in (and mhchem loaded).
 * It is blanked with spaces of the same length so that error offsets still index the given tex.
 */
const REQUIRE_RE = /\\require\s*\{[^{}]*\}/g;

/** KaTeX's error once a formula has expanded more macros than its maxExpand option allows. */
const EXPANSION_LIMIT_RE = /^(KaTeX parse error: )?Too many expansions\b/;

/** The error for a formula over params.prerender.limits.mathExpansions, whose value is `limit`. */
export function expansionLimitMessage(limit: number): string {
  return (
    `too many macro expansions: this formula expands more macros than ${LIMIT_SETTINGS.mathExpansions} allows (${limit}); ` +
    `look for a macro that expands into itself (an endless loop), or raise ${LIMIT_SETTINGS.mathExpansions} in the site config ` +
    `if the formula is meant to expand this much`
  );
}

/** What one renderer's cache holds at most: the text of its keys and results, in UTF-16 units. */
const CACHE_CHARS = 1024 * 1024;

export function createMathRenderer(opts: MathRendererOptions = {}): MathRenderer {
  // MathJax-package commands KaTeX lacks (render/mathjax-packages.ts); the site's own macros win.
  const macros: Record<string, KatexMacro> = { ...PACKAGE_MACROS, ...(opts.macros ?? {}) };
  const errors = opts.errors ?? 'fail';
  const strict = opts.strict ?? 'warn';
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // Recent results, for a formula repeated on another page or typeset again for its heading, summary or
  // title: the build's one cache of typeset formulas (a page's fragments memo holds none, see
  // build-page.ts FragmentMemo). Bounded, least recently used out first, so that a large site's formulas
  // are not all held at once while the common ones stay.
  const cache = new Map<string, MathRenderResult>();
  let cacheChars = 0;
  let rendered = 0;
  let cacheHits = 0;

  function typeset(tex: string, display: boolean, preamble: string): MathRenderResult {
    const warnings: MathWarning[] = requireWarnings(tex);
    // The strict-mode reports, in order (also among `warnings` unless the site ignores them).
    const reports: MathWarning[] = [];
    const own = warnings.length > 0 ? tex.replace(REQUIRE_RE, (m) => ' '.repeat(m.length)) : tex;
    const input = preamble + own;
    // What KaTeX's `trust` option refused, in the order it asked (render/math-links.ts).
    const refused: TrustContext[] = [];
    const options = (throwOnError: boolean): KatexOptions => ({
      displayMode: display,
      output: 'htmlAndMathml',
      throwOnError,
      // A fresh copy every time: `\gdef` and `\global` write into this object.
      macros: budgeted({ ...macros }, limits.mathTokens) as KatexOptions['macros'],
      maxExpand: limits.mathExpansions,
      maxSize: limits.mathMaxSize,
      // `\href` and `\url` to http:, https:, mailto: and relative URLs are links, as in MathJax (others
      // show as their text: linksRefusedAsText).
      trust: (context: TrustContext) => {
        if (trustedInMath(context)) return true;
        refused.push(context);
        return false;
      },
      strict: (code: string, message: string, token?: { loc?: { lexer?: { input?: string }; start?: number } }) => {
        // Where the token is in this formula's own text (not in a macro's body, not in the preamble).
        const loc = token?.loc;
        const at = loc && loc.lexer?.input === input && typeof loc.start === 'number' && loc.start >= preamble.length ? loc.start - preamble.length : undefined;
        if (strict === 'ignore') return 'ignore';
        const report = { message: `${message}${STRICT_ADVICE[code] ? `: ${STRICT_ADVICE[code]}` : ''} [${code}]`, ...(at !== undefined ? { texOffset: at } : {}) };
        reports.push(report);
        warnings.push(report);
        return 'ignore';
      },
    });
    try {
      const { markup, glyphsLeft } = katexMarkup(() => quietly(warnings, () => katex.renderToString(input, options(true))));
      if (strict === 'error' && reports.length > 0) {
        // As KaTeX's own strict: "error" would say it, for every report (KaTeX does not throw for a `\\`).
        const first = reports[0]!;
        const message = `LaTeX-incompatible input (params.prerender.katex.strict = "error"): ${first.message}`;
        return { html: errors === 'render' ? errorSpan(tex, message) : '', error: { message, ...(first.texOffset !== undefined ? { texOffset: first.texOffset } : {}) }, warnings: requireWarnings(tex) };
      }
      // Never silent: each command KaTeX refused shows as a red name in the formula.
      warnings.push(...refusalWarnings(own, refused));
      const html = oneTextCopy(oneLine(withoutPreamble(markup, preamble)), glyphsLeft);
      const bytes = bytesOver(html, limits.fragmentBytes);
      if (bytes !== undefined) {
        const message = tooBigMessage('the typeset formula', bytes, limits.fragmentBytes, 'fragmentBytes');
        return { html: errors === 'render' ? errorSpan(tex, message) : '', error: { message }, warnings: [] };
      }
      return { html, warnings };
    } catch (e) {
      if (e instanceof TokenBudgetExceeded) {
        const message =
          `the formula is too big to typeset: more than ${limits.mathTokens.toLocaleString('en-US')} tokens once its macros are expanded ` +
          `(params.prerender.limits.mathTokens); split it, or look for a macro that expands into itself or into copies of its argument`;
        return { html: errors === 'render' ? errorSpan(tex, message) : '', error: { message }, warnings: [] };
      }
      if (e instanceof katex.ParseError && EXPANSION_LIMIT_RE.test(e.rawMessage || e.message)) {
        // KaTeX's own words name its option (maxExpand), which the site does not set: name the site's setting.
        const message = expansionLimitMessage(limits.mathExpansions);
        return { html: errors === 'render' ? errorSpan(tex, message) : '', error: { message }, warnings: [] };
      }
      // KaTeX throws a plain Error on some malformed input (`\begin{aligned}a\end{x aligned}`): a
      // formula error like a parse error, never an internal one.
      const error = e instanceof katex.ParseError ? describeError(e, input, preamble.length) : internalKatexError(e);
      // Strict reports from the failed attempt are noise next to the error.
      warnings.length = 0;
      if (own !== tex) warnings.push(...requireWarnings(tex));
      let html = '';
      if (errors === 'render') {
        try {
          const { markup, glyphsLeft } = katexMarkup(() => quietly([], () => katex.renderToString(input, options(false))));
          html = oneTextCopy(oneLine(withoutPreamble(markup, preamble)), glyphsLeft);
        } catch (again) {
          if (!(again instanceof Error)) throw again;
          html = errorSpan(tex, error.message);
        }
      }
      return { html, error, warnings };
    }
  }

  return {
    render(tex, display, preamble = '') {
      const key = `${display ? 'D' : 'I'}\u0000${preamble}\u0000${tex}`;
      const hit = cache.get(key);
      if (hit) {
        cacheHits++;
        // Most recently used: to the end of the Map's order.
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, warnings: [...hit.warnings], cached: true };
      }
      rendered++;
      const result = typeset(tex, display, preamble);
      cache.set(key, result);
      cacheChars += key.length + result.html.length;
      while (cacheChars > CACHE_CHARS) {
        const [oldKey, old] = cache.entries().next().value!;
        cache.delete(oldKey);
        cacheChars -= oldKey.length + old.html.length;
      }
      return { ...result, warnings: [...result.warnings] };
    },
    stats: () => ({ rendered, cacheHits }),
    siteMacros: opts.macros ?? {},
  };
}

/**
 * KaTeX's markup with the glyphs of its HTML rendering written as data-c attributes where each is alone in
 * a span of its own (the bundle's KaTeX does it while switched on: scripts/katex-plugin.mjs), and whether
 * any glyph was left as text (then oneTextCopy moves it). A KaTeX not so patched leaves them all.
 */
function katexMarkup(render: () => string): { markup: string; glyphsLeft: boolean } {
  if (!glyphsAsAttributes) return { markup: render(), glyphsLeft: true };
  glyphsAsAttributes(true);
  let markup: string;
  try {
    markup = render();
  } catch (e) {
    glyphsAsAttributes(false);
    throw e;
  }
  return { markup, glyphsLeft: glyphsAsAttributes(false) };
}
const glyphsAsAttributes = (katexModule as unknown as { __hpGlyphsAsAttributes?: (on: boolean) => boolean }).__hpGlyphsAsAttributes;

/**
 * KaTeX's markup with each line break (only ever in text: the TeX annotation of a formula written over
 * several lines) as `&#10;` (and `&#13;`), the same characters in the DOM. A fragment that passes through
 * Hugo's Markdown again (inside a theme's `{{% %}}` shortcode or `markdownify`) is then one line, so a
 * TeX line starting with `- ` or `+ ` cannot become a list item inside the MathML.
 */
function oneLine(html: string): string {
  // Most formulas are written on one line: two searches for a character, no copy.
  if (!html.includes('\n') && !html.includes('\r')) return html;
  return html.replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

function requireWarnings(tex: string): MathWarning[] {
  return [...tex.matchAll(REQUIRE_RE)].map((m) => ({
    message: `${m[0].replace(/\s+/g, '')} is MathJax-only and was ignored (KaTeX needs no extensions loaded)`,
    texOffset: m.index,
  }));
}

/** An error KaTeX threw that is not a ParseError (a KaTeX assertion on malformed input). */
function internalKatexError(e: unknown): { message: string } {
  if (!(e instanceof Error)) throw e;
  // KaTeX parses and lays out a group inside a group by recursion. Its parser stops at MATH_GROUP_DEPTH levels
  // (scripts/katex-plugin.mjs) with a located ParseError; this is the net under any other recursion.
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { message: 'KaTeX cannot typeset this formula: its groups (braces, \\left…\\right, environments) nest thousands of levels deep, more than it can follow; write it with fewer levels' };
  }
  return { message: `KaTeX cannot typeset this formula (${e.message}); check that each \\begin has its \\end with the same name and that braces balance` };
}

/**
 * KaTeX's message without the "KaTeX parse error: " prefix, and the offset when it points into the
 * given tex. (Inside a macro's expansion KaTeX positions index the macro's body instead; those are
 * recognised because the excerpt KaTeX quotes does not match the tex at that place.)
 */
function describeError(e: ParseError, tex: string, skip = 0): { message: string; texOffset?: number } {
  const err = e as ParseError & { length?: number };
  const message = withSuggestion(err.rawMessage || err.message.replace(/^KaTeX parse error: /, ''));
  const pos = err.position;
  if (typeof pos !== 'number' || pos < skip || pos > tex.length) return { message };
  const len = typeof err.length === 'number' ? err.length : 0;
  const underlined = tex.slice(pos, pos + len).replace(/[^]/g, '$&\u0332');
  if (underlined && !err.message.includes(underlined)) return { message };
  return { message, texOffset: pos - skip };
}

/**
 * KaTeX's markup with the preamble taken out of the MathML annotation (which holds the TeX as given):
 * the reader's TeX is the formula as written.
 */
function withoutPreamble(html: string, preamble: string): string {
  if (!preamble) return html;
  const escaped = preamble.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  return html.replace(`<annotation encoding="application/x-tex">${escaped}`, '<annotation encoding="application/x-tex">');
}

/**
 * KaTeX prints some notices itself (missing font metrics for a character, `\message`). They are
 * collected instead: rendering is synchronous, so swapping the console for its duration is safe.
 */
function quietly<T>(sink: MathWarning[], fn: () => T): T {
  const saved = { warn: console.warn, log: console.log, error: console.error };
  const collect = (...args: unknown[]) => {
    sink.push({ message: args.map(String).join(' ') });
  };
  console.warn = collect;
  console.log = collect;
  console.error = collect;
  try {
    return fn();
  } finally {
    console.warn = saved.warn;
    console.log = saved.log;
    console.error = saved.error;
  }
}
