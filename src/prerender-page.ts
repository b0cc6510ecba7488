/**
 * One page in, its shadow and fragments out: pure apart from the renderers it is given. The shadow is the
 * original source byte for byte, except that each construct we own (a math span, one of our shortcodes)
 * is replaced by `{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`, the rendered fragment inline
 * (src/site/handoff.ts), plus heading ids, a summary divider and the page's extras after the body.
 */
import type { Diagnostic, MathSpan, ParsedPage, Shortcode } from './content/types.js';
import { parsePage } from './content/page.js';
import { blockStructure, locateMath, texOffsetToSource, type MathOptions } from './content/math.js';
import type { Root } from 'mdast';
import { findMojibake } from './content/mojibake.js';
import { LineIndex } from './content/position.js';
import { renderedOrder } from './content/footnotes.js';
import { budgetDiagnostic, containerDepth, DEFAULT_LIMITS, limitDiagnostic, pageBudget, type PageLimits } from './content/limits.js';
import { renderShortcode, type HostServices } from './render/host.js';
import { getShortcode } from './render/registry.js';
import { contentKey, md5Hex, stableStringify } from './render/keys.js';
import { bytesOver } from './render/output-limits.js';
import type { PageInfo, SiteInfo } from './render/types.js';
import type { MathRenderer } from './render/katex.js';
import { adaptForKatex } from './render/mathjax-compat.js';
import { carryPageMacros, pageMacrosForCopies } from './render/page-macros.js';
import { SUMMARY_DIVIDER } from './render/summary.js';
import { DEFAULT_EVERYWHERE, planMathEverywhere, type EverywhereSettings } from './render/everywhere.js';
import { inlineFragment, InlineFragmentError } from './render/inline-safe.js';
import { FEED_SPLIT, splitFeed, withFeedVariant } from './render/feed.js';
import { markdownSafeHtml, markdownText, mathText } from './render/math-text.js';
import { appendDefinitions, appendPageBlock, cutOwnTags, hasExtras, inlineShortcode, isOwnShortcodeName, JoinedText, OWN_SHORTCODE_MESSAGE, ownTagRanges, pageBlock, wrapAttribute, wrapOpen, wrapToken, WRAP_CLOSE, type StaleCheck } from './site/handoff.js';
import { alone, DUP_TOKEN, planDefinitions } from './content/link-defs.js';
import { DEFAULT_WRAPPERS, texOfWrapper } from './content/wrappers.js';
import { escapeHtml } from './render/inline-text.js';
import { attributeRanges, joinedToEmailAddress } from './content/headings.js';
import { closestKey } from './render/closest-name.js';
import { isRecord } from './site/config.js';
import { findMarkdownImages, markdownPictureHtml, serveMarkdownImages, type ServedImage } from './images/markdown-images.js';
import { countBelow, overlapChecker } from './content/ranges.js';
import type { ImageService, PictureData } from './images/service.js';
import { findReferences, planFigureNumbers, type ReferenceTargets } from './render/figure-numbers.js';
import { FIGURE_ID_PARAM, type ParamSpecs } from './render/params.js';
import { DEFAULT_FIGURE_NUMBERING, figureNumberingFor, type FigureLanguages, type FigureNumbering } from './site/config.js';

/** Shortcodes whose inner content is code: nothing inside them is math. */
export const CODE_SHORTCODES = new Set(['highlight', 'code', 'mermaid', 'chart']);

/**
 * A code shortcode, or an inline one (`{{< x.inline >}}`), whose inner content is a Go template: nothing
 * in it is ours to replace, and Hugo's lexer rejects any shortcode inside it ("inline shortcodes do not
 * support nesting": a fuzz find). And one of our own written in the page (left out of its shadow, see
 * ownInPage): nothing in it is typeset.
 */
function isCode(name: string): boolean {
  return CODE_SHORTCODES.has(name) || name.endsWith('.inline') || isOwnShortcodeName(name);
}

/**
 * Our own shortcodes (OWN_SHORTCODES) written in the page's text, anywhere but inside a shortcode that we
 * render (replaced whole, whatever it holds): nested ones too, inside code shortcodes and `tex` wrappers
 * too (Hugo runs every shortcode it lexes; a wrapper whose formula KaTeX rejects stays as written).
 */
function ownInPage(list: readonly Shortcode[], owned: (sc: Shortcode) => boolean, out: Shortcode[] = []): Shortcode[] {
  for (const sc of list) {
    if (owned(sc)) continue;
    if (isOwnShortcodeName(sc.name)) out.push(sc);
    ownInPage(sc.children, owned, out);
  }
  return out;
}

/**
 * A `tex` wrapper with inner content, as a formula (its inner content as the TeX). Not inside one of our
 * shortcodes: that is replaced whole, its inner content is its parent's data (an attention-map's rows).
 */
function wrapperSpans(
  list: Shortcode[],
  wrappers: Readonly<Record<string, 'tex' | 'math'>>,
  owned: (sc: Shortcode) => boolean,
  source: string,
  lines: LineIndex,
  out: MathSpan[] = [],
): MathSpan[] {
  for (const sc of list) {
    if (owned(sc)) continue;
    if (wrappers[sc.name] === 'tex') {
      if (sc.innerEnd !== undefined && source.slice(sc.tagEnd, sc.innerEnd).trim() !== '') {
        const p = sc.params as Record<string, unknown> | unknown[];
        const flag = Array.isArray(p) ? p.includes('display') || p.includes(true) : p['display'] === true || p['display'] === 'true';
        const { tex, display } = texOfWrapper(source.slice(sc.tagEnd, sc.innerEnd).replace(/\r\n?/g, '\n'), flag);
        out.push({
          tex,
          display,
          start: sc.offset,
          end: sc.end,
          ...lines.at(sc.offset),
          delimiter: source.slice(sc.offset, sc.tagEnd),
        });
      }
      continue;
    }
    if (!isCode(sc.name)) wrapperSpans(sc.children, wrappers, owned, source, lines, out);
  }
  return out;
}

/**
 * The parameters of Hugo's `figure` that a site's own figure template shows as text: its caption, title and
 * attribution (Markdown, through markdownify, in PaperMod's, Congo's and Hugo's own), and alt, which it may
 * take from the caption. Only these: a template may look its other parameters up (`src`, `link`) or print
 * them as they are (`class`, `width`), where a token would not be the value.
 */
const SITE_FIGURE_TEXT = ['caption', 'title', 'attr', 'alt'] as const;
/**
 * The parameters of any other shortcode of the site's (a theme's `details`, `alert`, `tab`, Hugo's own
 * `youtube`) that are its text: a title or caption, shown as text (or put into an attribute, where the
 * formula goes as written).
 */
const SITE_SHORTCODE_TEXT = ['title', 'caption'] as const;
/** A parameter with something that may be math (the test of the site-shortcode warning too). */
const MATH_HINT = /\$[^$]+\$|\\\(|\\\[/;

/**
 * Math in the text parameters of shortcodes the site's own templates render (a theme's `figure`, its
 * `details`), located as in the page's Markdown (the templates render them as Markdown, or print them; a
 * value Hugo took escape backslashes out of is left alone). Each becomes a fragment: the shortcode goes
 * inside a wrapper (`prerender-md`) with a token in the formula's place, which the template passes on as
 * text, and the wrapper puts the typeset formula where the token is printed as text, and the formula as
 * written where a template put it in an attribute (alt). Not for a shortcode inside one of our own
 * (rendered with it), a code shortcode, or a math wrapper (typeset whole).
 */
function siteParamSpans(
  list: readonly Shortcode[],
  owned: (sc: Shortcode) => boolean,
  wrappers: Readonly<Record<string, 'tex' | 'math'>>,
  lines: LineIndex,
  math: MathOptions,
  out: { sc: Shortcode; param: string; span: MathSpan }[] = [],
): { sc: Shortcode; param: string; span: MathSpan }[] {
  for (const sc of list) {
    if (owned(sc) || isCode(sc.name)) continue;
    if (!Array.isArray(sc.params) && wrappers[sc.name] === undefined) {
      for (const param of sc.name === 'figure' ? SITE_FIGURE_TEXT : SITE_SHORTCODE_TEXT) {
        const value = sc.params[param];
        const at = sc.paramValues?.[param];
        if (typeof value !== 'string' || at === undefined || !MATH_HINT.test(value)) continue;
        for (const span of locateMath(value, { bodyOffset: 0, masked: [], math }).spans) {
          const start = at.start + span.start;
          out.push({ sc, param, span: { ...span, start, end: at.start + span.end, ...lines.at(start) } });
        }
      }
    }
    siteParamSpans(sc.children, owned, wrappers, lines, math, out);
  }
  return out;
}

export interface PageSettings {
  math: MathOptions;
  /** Part of every fragment key, so changing a setting (macros, error mode) re-renders. */
  settingsKey: string;
  /** Heading ids, TOC, summaries (see src/render/everywhere.ts); Hugo's defaults when absent. */
  everywhere?: EverywhereSettings;
  /**
   * Names of our shortcodes that the site, a theme or a module has its own template for (e.g. a theme's
   * `figure`), with where that template is (site-relative): the site's template stays in charge, Hugo
   * renders those shortcodes and we leave them alone.
   */
  siteShortcodes?: ReadonlyMap<string, string>;
  /** The site's own figure template reads a `src-dark` parameter of its own (else ours is ignored there: a warning). */
  siteFigureTakesDark?: boolean;
  /**
   * With a site's own figure template: whether it asks for its images' responsive versions (it calls
   * `prerender/picture.html` or `image.html`, itself or through its partials), so that `build` makes them.
   */
  siteFigureImages?: boolean;
  /**
   * `raw`: where Hugo's own TOC shows a heading's id (headingMath not `shortcode`), the id of Hugo before
   * 0.144 is written (the Hugo that renders the site is one); else that of 0.144 and later.
   */
  headingIds?: 'raw';
  /**
   * Every shortcode name Hugo will find a template for (the site's, its themes', Hugo's and ours, spelled
   * as their templates are), when the site's layouts show them all; a shortcode of another name is a
   * warning, and so is one that differs from a template's name only in case.
   */
  shortcodeNames?: readonly string[];
  /** Hard limits per page (src/content/limits.ts); the defaults when absent. */
  limits?: PageLimits;
  /**
   * For a shortcode we leave to Hugo: the site's template for it when that template runs its inner
   * content through Markdown (`markdownify`, `RenderString`), else undefined.
   */
  markdownInner?: (name: string) => string | undefined;
  /** markup.goldmark.renderer.unsafe: whether Hugo's Markdown keeps raw HTML (our fragments). */
  unsafe?: boolean;
  /**
   * markup.goldmark.parser.attribute.block: Goldmark reads a line `{…}` under a block as that block's
   * attributes (math in one is left as written, as in a heading's attribute block).
   */
  blockAttributes?: boolean;
  /**
   * How math in a heading travels (Hugo builds .TableOfContents and .Fragments from the heading's
   * Markdown before it expands shortcodes): `html`, the fragment as raw HTML (unsafe = true: typeset in
   * the page and in Hugo's TOC); `text`, readable plain text (unsafe = false on a site whose templates
   * read .TableOfContents or .Fragments); `shortcode` (the default), like any other fragment.
   */
  headingMath?: 'html' | 'text' | 'shortcode';
  /**
   * What the site's RSS feeds show of a page: `summary` when every feed template is Hugo's own (it shows
   * `.Summary`) or reads nothing else of the content (see feedContentTemplates); `content` (the default)
   * otherwise. With `summary`, a page whose summary holds no math sends its fragments as `prerender-nofeed`
   * (no RSS variant: Hugo renders its content once, not again for the feed; see src/site/handoff.ts).
   */
  feeds?: 'content' | 'summary';
  /**
   * Markdown images (`![alt](photo.jpg)`) with a local image: `render`, each one we can serve becomes a
   * fragment (a `<picture>`, as a figure's image); `index`, an image render hook of the site's that asks
   * our partials for them stays in charge, and their versions go to images.json for it (build-page.ts);
   * absent, left alone.
   */
  markdownImages?: 'render' | 'index';
  /**
   * The site's (theme's, module's) image render hook, site-relative, where it renders Markdown images
   * (markdownImages is not `render`): math in an image's title, which it shows as written, is a warning.
   */
  imageHook?: string;
  /** Numbered figures and references (params.prerender.figures); the defaults when absent. */
  figures?: FigureNumbering;
  /** A multilingual site's figure settings by language, over `figures` (the page's language: PageInfo.lang, else its file name). */
  figureLanguages?: FigureLanguages;
}

export interface Fragment {
  key: string;
  /**
   * The fragment as it travels in the shadow: inline-safe (src/render/inline-safe.ts), with its feed
   * variant after FEED_SPLIT when it has math; on a page whose math no feed shows (`prerender-nofeed`), a
   * formula typeset for that page is its page part alone.
   */
  html: string;
  kind: 'math' | 'shortcode';
  /**
   * Rendering it reported diagnostics. Such a fragment is never reused by a later build, which reports
   * them again instead of hiding them behind a cache hit.
   */
  noisy?: boolean;
}

/** One formula of the page and what became of it (for `hugo-prerender check`). */
export interface FormulaReport {
  start: number;
  end: number;
  line: number;
  column: number;
  display: boolean;
  /** The TeX given to KaTeX (Markdown escapes undone, MathJax-only commands emulated). */
  tex: string;
  /** KaTeX's message when it could not be typeset. */
  error?: string;
}

/**
 * A formula outside the page's text: in a shortcode's parameters or inner content (a caption, a label), in
 * a title, description or front-matter summary. Where it is written: the parameter or front-matter field.
 */
export interface OtherFormula {
  line: number;
  column: number;
  tex: string;
  display: boolean;
  /** The shortcode's name, or the front-matter field (`title`, `linktitle`, `description`, `summary`). */
  where: string;
  /** KaTeX's message when it could not be typeset. */
  error?: string;
}

export interface PageResult {
  /** Every formula located in the text, in source order. */
  formulas: FormulaReport[];
  /** Every formula of the page outside its text that was typeset (a shortcode from the cache is not). */
  otherFormulas?: OtherFormula[];
  /** The shadow text, or undefined when the page owns nothing (Hugo reads the original). */
  shadow?: string;
  fragments: Fragment[];
  /** md5 of a title, linkTitle or description with math → its HTML (needed with or without a shadow). */
  titles: Map<string, string>;
  diagnostics: Diagnostic[];
  /** True when the page has an error: the build exits 1. */
  failed: boolean;
  /**
   * True when that error means this page's output must not be published (a page Hugo cannot parse, a
   * shortcode that failed, a limit). A formula KaTeX rejects does not hold its page back: the page is
   * written with that formula left as the author's TeX.
   */
  held?: boolean;
  stats: { formulas: number; figures: number; shortcodes: number; cacheHits: number };
  parsed: ParsedPage;
  /** With markdownImages `index`: the page's Markdown images that have responsive versions, by destination (for images.json). */
  imageEntries?: Record<string, PictureData>;
}

export interface PageEnv {
  page: PageInfo;
  site: SiteInfo;
  settings: PageSettings;
  renderer: MathRenderer;
  /** What a formula KaTeX rejects does: fail the page, or render KaTeX's error span with a warning. */
  errorMode: 'fail' | 'render';
  services: HostServices;
  /** md5 of the original file's bytes (defaults to the md5 of `source` encoded as UTF-8). */
  sourceMd5?: string;
  /** The original's site-relative path for the staleness check, when not `page.relPath` (see build-page.ts readablePath). */
  checkPath?: string;
  /**
   * The fragment for this key as an earlier build (or an earlier page of this build) produced it, ready to
   * travel (Fragment.html); undefined: render it. Noisy fragments must not be offered.
   */
  cached?: (key: string) => string | undefined;
  /** The page's time and memory budget (content/limits.ts pageBudget); one from the page limits when absent. */
  budget?: ReturnType<typeof pageBudget>;
  /**
   * Without an image service (`check`): Markdown images are still looked up, and a bundle's missing one
   * is a warning, as build says; none is made.
   */
  lookUpImagesOnly?: boolean;
}

/** An image service that makes nothing (PageEnv.lookUpImagesOnly): every image stays as written, quietly. */
const LOOK_UP_ONLY: ImageService = { prepare: async () => ({ warnings: [], unavailable: true }), sizes: () => '' };

interface Replacement {
  start: number;
  end: number;
  key: string;
  /** Literal text instead of a placeholder (heading ids, summary divider). */
  text?: string;
  /** The tag of one of our own shortcodes written in the page, cut out wherever the page is copied as written. */
  own?: true;
}

/** A rendered fragment as it travels in the shadow. */
function travelling(html: string): string {
  return inlineFragment(withFeedVariant(html));
}

/** The ranges of the source that are not Markdown text for locating math. */
function maskedRanges(
  parsed: ParsedPage,
  owned: (sc: Shortcode) => boolean,
  wrappers: Readonly<Record<string, 'tex' | 'math'>>,
): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const walk = (list: Shortcode[]) => {
    for (const sc of list) {
      if (owned(sc) || isCode(sc.name) || wrappers[sc.name] === 'tex') {
        ranges.push({ start: sc.offset, end: sc.end });
        continue;
      }
      ranges.push({ start: sc.offset, end: sc.tagEnd });
      if (sc.innerEnd !== undefined && sc.innerEnd < sc.end) ranges.push({ start: sc.innerEnd, end: sc.end });
      walk(sc.children);
    }
  };
  walk(parsed.shortcodes);
  const open = openInline(parsed.shortcodes);
  if (open !== undefined) ranges.push({ start: open, end: Infinity });
  for (const e of parsed.escapes) ranges.push({ start: e.offset, end: e.end });
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * Where an inline shortcode that is never closed starts: Hugo's lexer rejects any shortcode after it
 * ("inline shortcodes do not support nesting"), so nothing from there on is ours to replace (a fuzz find).
 */
function openInline(list: readonly Shortcode[]): number | undefined {
  for (const sc of list) {
    if (sc.name.endsWith('.inline') && !sc.selfClosed && sc.innerEnd === undefined) return sc.offset;
    const inner = openInline(sc.children);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/**
 * Our shortcodes that are not inside another one of ours (those are rendered by their parent) nor inside
 * a `tex` wrapper (whose inner content is TeX, typeset whole).
 */
function ownedShortcodes(
  list: Shortcode[],
  owned: (sc: Shortcode) => boolean,
  wrappers: Readonly<Record<string, 'tex' | 'math'>>,
  out: Shortcode[] = [],
): Shortcode[] {
  for (const sc of list) {
    if (owned(sc)) out.push(sc);
    else if (!isCode(sc.name) && wrappers[sc.name] !== 'tex') ownedShortcodes(sc.children, owned, wrappers, out);
  }
  return out;
}

/** Every `{{< >}}` shortcode of the page, at any depth: Hugo does not render what it holds as the page's Markdown. */
function angleShortcodes(list: readonly Shortcode[], out: { start: number; end: number }[] = []): { start: number; end: number }[] {
  for (const sc of list) {
    if (sc.markup === '<') out.push({ start: sc.offset, end: sc.end });
    else angleShortcodes(sc.children, out);
  }
  return out;
}

/** The site's own shortcodes that we leave to Hugo although we know their name, anywhere on the page. */
function siteOwned(list: Shortcode[], site: ReadonlyMap<string, string>, out: Shortcode[] = []): Shortcode[] {
  for (const sc of list) {
    if (site.has(sc.name)) out.push(sc);
    if (!isCode(sc.name)) siteOwned(sc.children, site, out);
  }
  return out;
}

/** Shortcodes Hugo looks a template up for: every one but those inside one of ours (rendered with it). */
function hugoShortcodes(list: Shortcode[], owned: (sc: Shortcode) => boolean, out: Shortcode[] = []): Shortcode[] {
  for (const sc of list) {
    out.push(sc);
    if (!owned(sc)) hugoShortcodes(sc.children, owned, out);
  }
  return out;
}

/** A site's shortcode names: as spelled, and lower-cased (Hugo 0.146 and newer ignore the case). */
const knownSets = new WeakMap<readonly string[], { exact: ReadonlySet<string>; lower: ReadonlyMap<string, string> }>();

/**
 * The warning at a shortcode whose name matches a template only when case is ignored: Hugo 0.146 and newer
 * find the template, older Hugo stops on the page (measured: `{{< Card >}}` with card.html, and
 * `{{< card >}}` with Card.html, fail on 0.111.3 and build on 0.169.0).
 */
function shortcodeCaseMessage(name: string, template: string): string {
  return (
    `{{< ${name} >}}: the template is named ${template}; Hugo 0.146 and newer find it whatever the case, but older Hugo ` +
    `(Debian's 0.111.3, for one) matches names exactly and stops on this page (template for shortcode "${name}" not found). ` +
    `Write {{< ${template} >}}`
  );
}

/**
 * The warning at a shortcode no template has (Hugo stops on it): with the name it most likely misspells,
 * or else the names that start as it does (`rnn-zoo`: rnn-architectures, rnn-unroll).
 */
function unknownShortcodeMessage(name: string, known: readonly string[]): string {
  const close = closestKey(name, known);
  const head = /^([a-z0-9]{3,})[-_]/i.exec(name)?.[1]?.toLowerCase();
  const alike = head ? known.filter((k) => k === head || k.startsWith(`${head}-`) || k.startsWith(`${head}_`)) : [];
  const hint = close ? `; did you mean ${close}?` : alike.length > 0 ? `; the shortcodes whose name starts so: ${alike.join(', ')}` : '';
  return (
    `{{< ${name} >}}: no shortcode has this name (not one of this site's or its theme's templates, Hugo's or hugo-prerender's), ` +
    `so Hugo stops on this page (template for shortcode "${name}" not found)${hint}`
  );
}

/** How many diagnostics of one code a page reports; past it, one more says how many were left out. */
export const DIAGNOSTICS_PER_CODE = 50;

/**
 * A page's diagnostics with at most DIAGNOSTICS_PER_CODE of each code, in their order: the rest become one
 * diagnostic at the first one left out, saying how many (an error if any of them is). A page of 200,000
 * mojibake sequences printed as many warnings, and spreading them into the build's list overflowed the
 * stack (an internal error instead of the page).
 */
export function capDiagnostics(diagnostics: Diagnostic[], perCode = DIAGNOSTICS_PER_CODE): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code ?? '', (counts.get(d.code ?? '') ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= perCode)) return diagnostics;
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  /** Per code past the cap: the first one left out (its place in `out`), how many, of which severities. */
  const left = new Map<string, { at: number; n: number; errors: boolean; warnings: boolean }>();
  for (const d of diagnostics) {
    const code = d.code ?? '';
    const n = (seen.get(code) ?? 0) + 1;
    seen.set(code, n);
    if (n <= perCode) {
      out.push(d);
      continue;
    }
    let l = left.get(code);
    if (!l) {
      left.set(code, (l = { at: out.length, n: 0, errors: false, warnings: false }));
      out.push(d);
    }
    l.n++;
    if (d.severity === 'error') l.errors = true;
    else l.warnings = true;
  }
  for (const [code, l] of left) {
    const d = out[l.at]!;
    const what = l.errors && l.warnings ? 'errors and warnings' : l.errors ? 'errors' : 'warnings';
    out[l.at] = {
      ...d,
      severity: l.errors ? 'error' : d.severity,
      message: `${l.n.toLocaleString('en-US')} more ${what} of this kind (${code}) on this page, from here on, are not shown: fix the ${perCode} above, and build again to see the rest`,
    };
  }
  return out;
}

export async function prerenderPage(source: string, env: PageEnv): Promise<PageResult> {
  const r = await prerenderPageUncapped(source, env);
  r.diagnostics = capDiagnostics(r.diagnostics);
  return r;
}

async function prerenderPageUncapped(source: string, env: PageEnv): Promise<PageResult> {
  const budget = env.budget ?? pageBudget(env.settings.limits ?? DEFAULT_LIMITS);
  const file = env.page.relPath;
  const diagnostics: Diagnostic[] = [];
  const stats = { formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0 };
  // One line index for the page: its parse, its math and its own diagnostics.
  const lines = new LineIndex(source);
  const parsed = parsePage(source, { path: file, lines });
  for (const d of parsed.diagnostics) diagnostics.push({ ...d, file });

  for (const m of findMojibake(source, 0)) {
    const at = lines.at(m.offset);
    diagnostics.push({
      severity: 'warning',
      file,
      ...at,
      offset: m.offset,
      code: 'mojibake',
      message: `"${m.found}" looks like mojibake (UTF-8 read as Windows-1252): it was probably "${m.likely}". Replace it in the source.`,
    });
  }

  // Shortcodes see the page's front matter (one that reads it must be `cacheable: false`: front matter is
  // not part of fragment keys).
  env.page.frontMatter = parsed.frontMatter.data;

  // Math in a double-quoted front-matter string whose backslash became an escape (\tanh a tab).
  for (const field of ['title', 'linktitle', 'description', 'summary']) {
    const key = Object.keys(parsed.frontMatter.data).find((k) => k.toLowerCase() === field);
    const value = key === undefined ? undefined : parsed.frontMatter.data[key];
    const eaten = typeof value === 'string' && value.includes('$') ? escapeEaten(value, source.slice(0, parsed.bodyOffset)) : undefined;
    if (eaten) diagnostics.push({ severity: 'warning', file, ...frontMatterPlace(source, parsed.bodyOffset, field, undefined, lines), code: 'front-matter-escape', message: `${field}: ${eaten}` });
  }

  // A page Hugo itself cannot parse is left alone: Hugo will report it too, and we must not guess.
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { formulas: [], fragments: [], titles: new Map(), diagnostics, failed: true, held: true, stats, parsed };
  }

  const siteShortcodes = env.settings.siteShortcodes ?? new Map<string, string>();
  const isOwned = (sc: Shortcode) => getShortcode(sc.name) !== undefined && !siteShortcodes.has(sc.name);
  // Math in the caption (title, attribution, alt) of a site's own figure, the title of its other shortcodes: typeset inside a wrapper.
  const wrappers = { ...DEFAULT_WRAPPERS, ...(env.settings.math.wrappers ?? {}) };
  // (Not on a page over a limit, which is held: a page of a million such shortcodes is not parsed a million times.)
  const limits = env.settings.limits ?? DEFAULT_LIMITS;
  const overLimit = pageOverLimits(source, parsed, limits, lines, file);
  const paramSpans = !overLimit && MATH_HINT.test(source) ? siteParamSpans(parsed.shortcodes, isOwned, wrappers, lines, env.settings.math) : [];
  for (const sc of siteOwned(parsed.shortcodes, siteShortcodes)) {
    const template = siteShortcodes.get(sc.name);
    /** A warning at one of the shortcode's parameters, about the site's template being in charge. */
    const atParam = (param: string, message: string) => {
      const at = sc.paramPositions?.[param] ?? { line: sc.line, column: sc.column, offset: sc.offset };
      diagnostics.push({ severity: 'warning', file, line: at.line, column: at.column, offset: at.offset, code: 'site-shortcode', message });
    };
    // Our figure's dark image, given to the site's figure, which shows src alone on a dark page.
    if (sc.name === 'figure' && !env.settings.siteFigureTakesDark && !Array.isArray(sc.params) && sc.params['src-dark'] !== undefined) {
      atParam(
        'src-dark',
        `figure: src-dark is hugo-prerender's, but the site's own figure template (${template}) renders this shortcode and ignores it, so dark pages show src too. Remove that template to use hugo-prerender's figure, or show the dark image with your theme's own means`,
      );
    }
    // Its template renders its parameters (Hugo's markdownify eats `_` and `\\` in TeX): say so where math is
    // that is not typeset (siteParamSpans).
    for (const [param, value] of Array.isArray(sc.params) ? [] : Object.entries(sc.params)) {
      if (typeof value !== 'string' || !MATH_HINT.test(value)) continue;
      if (paramSpans.some((f) => f.sc === sc && f.param === param)) continue;
      if (sc.name === 'figure' && (SITE_FIGURE_TEXT as readonly string[]).includes(param) && sc.paramValues?.[param] === undefined) {
        // Hugo issue #10236: a quoted value with an escaped quote loses every backslash, its TeX's too.
        atParam(
          param,
          `figure: ${param}="…" has math, which hugo-prerender cannot typeset here: the value has an escaped quote (\\"), so Hugo drops every backslash in it, the TeX's too. Write the value in backticks instead (${param}=\`…\`), or the quote as &quot;`,
        );
        continue;
      }
      atParam(
        param,
        `${sc.name}: ${param}="…" has math, which hugo-prerender does not typeset here: the site's own ${sc.name} template (${template}) renders this shortcode. Keep math out of its parameters, or remove that template to use hugo-prerender's ${sc.name}`,
      );
    }
  }
  // A shortcode no template has: Hugo stops on it; said here, with the name meant where it is clear.
  const names = env.settings.shortcodeNames;
  if (names) {
    let known = knownSets.get(names);
    if (!known) knownSets.set(names, (known = { exact: new Set(names), lower: new Map([...names].reverse().map((n) => [n.toLowerCase(), n])) }));
    for (const sc of hugoShortcodes(parsed.shortcodes, isOwned)) {
      if (known.exact.has(sc.name) || sc.name.toLowerCase().endsWith('.inline') || isOwnShortcodeName(sc.name)) continue;
      const at = { severity: 'warning' as const, file, line: sc.line, column: sc.column, offset: sc.offset };
      const template = known.lower.get(sc.name.toLowerCase());
      if (template !== undefined) diagnostics.push({ ...at, code: 'shortcode-case', message: shortcodeCaseMessage(sc.name, template) });
      else diagnostics.push({ ...at, code: 'unknown-shortcode', message: unknownShortcodeMessage(sc.name, names) });
    }
  }
  // A page past its time or memory budget: held (keeps its previous output), one error where it stopped.
  const stopped = (limit: 'pageSeconds' | 'pageMemoryMB', offset: number, what: string): PageResult => ({
    formulas: [],
    fragments: [],
    titles: new Map(),
    diagnostics: [...diagnostics, budgetDiagnostic(limit, limits, offset, what, lines, file)],
    failed: true,
    held: true,
    stats,
    parsed,
  });
  if (overLimit) return { formulas: [], fragments: [], titles: new Map(), diagnostics: [...diagnostics, overLimit], failed: true, held: true, stats, parsed };

  /** What is not the page's Markdown text (shortcode tags, code-like shortcodes, escapes): the same all along. */
  const masked = maskedRanges(parsed, isOwned, wrappers);
  /** Every `{{< >}}` shortcode: what it holds is not the page's Markdown (no image is served, no reference made there). */
  const angle = angleShortcodes(parsed.shortcodes);
  // Markdown images (images/markdown-images.ts), as many as the shortcodes limit allows: each one a
  // fragment, and each one parsed (a large page's paragraphs without math are otherwise masked out of its
  // parse: a page of 100,000 images ran into its memory budget, 1,024 MB, after 21 s).
  // `check` makes no images, but looks each one up as build does (a bundle's missing image is a warning there too).
  const imageService = env.services.images ?? (env.lookUpImagesOnly ? LOOK_UP_ONLY : undefined);
  let imageMode = imageService ? env.settings.markdownImages : undefined;
  if (imageMode) {
    let count = 0;
    let tooMany: number | undefined;
    for (let at = source.indexOf('![', parsed.bodyOffset); at >= 0; at = source.indexOf('![', at + 2)) {
      if (++count > limits.shortcodes) {
        tooMany = at;
        break;
      }
    }
    if (count === 0) imageMode = undefined;
    else if (tooMany !== undefined) {
      imageMode = undefined;
      diagnostics.push({
        severity: 'warning',
        file,
        ...lines.at(tooMany),
        offset: tooMany,
        code: 'limit',
        message: `this page has more than ${limits.shortcodes} Markdown images (params.prerender.limits.shortcodes), so its Markdown images are left as plain Hugo renders them. Split the page, or raise the limit`,
      });
    }
  }
  // References to figures (`@fig-lstm`, render/figure-numbers.ts): looked for on a page whose text has an `@`.
  const refsWanted = source.indexOf('@', parsed.bodyOffset) >= 0;
  const located = locateMath(source, {
    bodyOffset: parsed.bodyOffset,
    masked,
    math: env.settings.math,
    file,
    maxFormulas: limits.formulas,
    lines,
    images: imageMode !== undefined,
    refs: refsWanted,
  });
  if (located.tooMany !== undefined) {
    diagnostics.push(limitDiagnostic('formulas', limits, limits.formulas, located.tooMany, lines, file));
    return { formulas: [], fragments: [], titles: new Map(), diagnostics, failed: true, held: true, stats, parsed };
  }
  for (const d of located.diagnostics) diagnostics.push({ ...d, file });
  if (located.spans.length > limits.formulas) {
    const first = located.spans[limits.formulas]!;
    diagnostics.push(limitDiagnostic('formulas', limits, located.spans.length, first.start, lines, file));
    return { formulas: [], fragments: [], titles: new Map(), diagnostics, failed: true, held: true, stats, parsed };
  }
  located.spans.push(...wrapperSpans(parsed.shortcodes, wrappers, isOwned, source, lines));
  located.spans.push(...paramSpans.map((f) => f.span));
  located.spans.sort((a, b) => a.start - b.start);
  // Markdown images with a local image (images/markdown-images.ts). Where we render them: outside headings
  // and `{{< >}}` shortcodes (inside a `{{% %}}` one, whose output Hugo renders as the page's Markdown, as
  // formulas are), each we can serve becomes a fragment (a formula inside one goes with it, as written,
  // into the alt text). Where the site's image render hook renders them: all of them, for images.json.
  let servedImages: ServedImage[] = [];
  let imageEntries: Record<string, PictureData> | undefined;
  if (imageMode && located.inlineTree) {
    const blocked = overlapChecker(imageMode === 'render' ? [...angle, ...masked] : masked);
    const candidates = findMarkdownImages(located.inlineTree, parsed.bodyOffset, imageMode === 'index', source).filter((img) => !blocked(img.start, img.end));
    const served = candidates.length
      ? await serveMarkdownImages(candidates, env.page, env.site, imageService!, lines, () => budget.over())
      : { served: [], diagnostics: [] };
    diagnostics.push(...served.diagnostics);
    if (served.stopped) return stopped(served.stopped.limit, served.stopped.offset, 'Markdown image');
    if (imageMode === 'render') {
      servedImages = served.served.filter((s) => s.data !== undefined);
      const inImage = overlapChecker(servedImages.map((s) => s.image));
      if (servedImages.length) located.spans = located.spans.filter((span) => !inImage(span.start, span.end));
    } else {
      for (const s of served.served) if (s.data) (imageEntries ??= {})[s.image.url] = s.data;
    }
  }
  // Math in the title of a Markdown image that the site's image render hook renders (themes make a caption
  // of it, as MathJax readers saw it typeset): the hook gets the title as written; said where it is.
  const imageHook = env.settings.imageHook;
  if (imageHook !== undefined && imageMode !== 'render' && located.inlineTree && source.includes('![', parsed.bodyOffset) && MATH_HINT.test(source)) {
    for (const image of findMarkdownImages(located.inlineTree, parsed.bodyOffset, true, source)) {
      if (image.title === null || !MATH_HINT.test(image.title)) continue;
      diagnostics.push({
        severity: 'warning',
        file,
        ...lines.at(image.start),
        offset: image.start,
        code: 'image-title',
        message: `the title of this image has math, which hugo-prerender does not typeset there: the site's image render hook (${imageHook}) renders the image and gets its title as written, so a caption it makes of the title shows the TeX. Put the formula in the text around the image, or write the image as {{< figure src="…" caption="…" >}}, whose caption's math is typeset`,
      });
    }
  }
  // Math where Goldmark makes the text an attribute's value would put a fragment's HTML into that
  // attribute, ending it: left as written, as plain Hugo leaves it. Attribute blocks (`## Head
  // {title="a $k$"}`, a setext heading's, one in a quote or a list, a block's own line `{…}` where the
  // site reads those), and an e-mail address Goldmark's linkify makes of the formula and the text
  // after it (`m$x$@example.org`: the formula's placeholder is letters to Goldmark).
  if (located.spans.length && located.inlineTree) {
    const inAttribute = attributeRanges(source, located.inlineTree, parsed.bodyOffset, env.settings.blockAttributes === true);
    const spans = located.spans;
    const leftAsWritten = new Set<number>();
    for (const [i, span] of spans.entries()) {
      const where = inAttribute.find((r) => r.start <= span.start && span.start < r.end);
      const message = where
        ? where.heading
          ? "math in a heading's attribute block ({…}) is left as written: typeset, it would be HTML inside an attribute. Move it into the heading's text"
          : 'math in an attribute block ({…}) is left as written: typeset, it would be HTML inside an attribute. Move it out of the braces'
        : joinedToEmailAddress(source, spans, i)
          ? 'math joined to an e-mail address is left as written: Hugo makes the formula and the address one mailto: link, and typeset it would be HTML inside the link. Put a space between the formula and the address'
          : undefined;
      if (message === undefined) continue;
      leftAsWritten.add(i);
      diagnostics.push({ severity: 'warning', file, line: span.line, column: span.column, offset: span.start, code: 'math-in-attribute', message });
    }
    if (leftAsWritten.size) located.spans = spans.filter((_, i) => !leftAsWritten.has(i));
  }
  // The page's \newcommand & co. carried to later formulas (render/page-macros.ts), then MathJax's
  // numbering, \label/\eqref and leniencies, page by page (render/mathjax-compat.ts).
  const locatedTex = located.spans.map((span) => span.tex);
  const copyMacros = pageMacrosForCopies(located.spans, limits.mathTokens);
  const macros = carryPageMacros(located.spans, limits.mathTokens);
  located.spans.forEach((span, i) => {
    span.tex = macros[i]!.tex;
  });
  // MathJax numbers equations in the order the page shows them: a footnote's after the body's, in
  // Goldmark's order of footnotes (content/footnotes.ts).
  const shownOrder = located.inlineTree && source.includes('[^', parsed.bodyOffset) ? renderedOrder(located.inlineTree, located.spans.map((span) => span.start - parsed.bodyOffset)) : undefined;
  const adapted = adaptForKatex(
    located.spans.map((span, i) => ({ tex: span.tex, preamble: macros[i]!.preamble })),
    env.renderer.siteMacros,
    env.settings.math.numbering ?? 'ams',
    shownOrder,
  );
  located.spans.forEach((span, i) => {
    span.tex = adapted[i]!.tex;
    // What an error's position is mapped back through (texOffsetToSource).
    if (span.tex !== locatedTex[i]) span.located = locatedTex[i]!;
    for (const message of [...macros[i]!.warnings, ...adapted[i]!.warnings]) {
      diagnostics.push({ severity: 'warning', file, line: span.line, column: span.column, offset: span.start, code: 'mathjax', message });
    }
  });
  const missed = dollarsLeftOut(source, parsed, masked, env.settings.math, located.spans);
  if (missed) diagnostics.push({ ...missed, file });

  const fragments = new Map<string, Fragment>();
  const replacements: Replacement[] = [];
  let failed = false;
  let held = false;
  // Served Markdown images, and the figures we render: only the first image of the page loads eagerly.
  const firstFigure = servedImages.length ? (ownedShortcodes(parsed.shortcodes, isOwned, wrappers).find((sc) => sc.name === 'figure')?.offset ?? Infinity) : Infinity;
  const imageStarts = servedImages.map((s) => s.image.start);
  const imagesBefore = (offset: number) => countBelow(imageStarts, offset);
  for (const [i, { image, data }] of servedImages.entries()) {
    const later = i > 0 || firstFigure < image.start;
    const html = markdownPictureHtml(image, data!, later);
    const key = contentKey('img', __PKG_VERSION__, env.settings.settingsKey, html);
    replacements.push({ start: image.start, end: image.end, key });
    fragments.set(key, { key, html: travelling(html), kind: 'shortcode' });
  }

  // Our own shortcodes written in the page (a guest post's `{{< prerender >}}<script>…`): an error, and
  // their tags are left out of the shadow (their line breaks kept), so that Hugo renders what they held
  // as the page's Markdown, as it renders any text. The page is written: its original, which Hugo would
  // read instead, would run them.
  const ownCuts: Replacement[] = [];
  for (const sc of ownInPage(parsed.shortcodes, isOwned)) {
    failed = true;
    diagnostics.push({
      severity: 'error',
      file,
      line: sc.line,
      column: sc.column,
      offset: sc.offset,
      code: 'own-shortcode',
      message: `{{< ${sc.name} >}} is hugo-prerender's own shortcode, which only the prerendered copies it writes may use; it is left out of this page (what it holds stays as text). Remove it from the page`,
    });
    const tags = sc.innerEnd !== undefined && sc.innerEnd < sc.end ? [[sc.offset, sc.tagEnd], [sc.innerEnd, sc.end]] : [[sc.offset, sc.end]];
    for (const [start, end] of tags) ownCuts.push({ start: start!, end: end!, key: '', text: source.slice(start, end).replace(/[^\n]+/g, ''), own: true });
  }
  // And their tags anywhere else in the file, as text: in the front matter, escaped (`{{</*`), in a shortcode
  // we render, in code. A template that renders text as Markdown (`.Description | markdownify`, a
  // shortcode's `.Page.RenderString .Inner`) runs them: what Hugo alone stops at ("template for shortcode
  // not found"), ours would print as HTML.
  for (const r of ownTagRanges(source)) {
    if (ownCuts.some((c) => c.start < r.end && r.start < c.end)) continue;
    failed = true;
    const field = r.start < parsed.bodyOffset;
    diagnostics.push({
      severity: 'error',
      file,
      ...lines.at(r.start),
      offset: r.start,
      code: 'own-shortcode',
      message: `${OWN_SHORTCODE_MESSAGE}; ${field ? 'in the front matter' : 'written as text'}, a template that renders it as Markdown (markdownify, RenderString) would run this one. It is left out of this page. Remove it from the page`,
    });
    ownCuts.push({ start: r.start, end: r.end, key: '', text: source.slice(r.start, r.end).replace(/[^\n]+/g, ''), own: true });
  }
  // A front-matter value that holds one only once decoded (`\u007B\u007B< prerender >}}` in a YAML or TOML
  // string, `\u007b` in JSON): no cut of the file's text can take it out, so the copy's front matter is
  // the decoded one without them, as JSON (which Hugo reads too), on as many lines as the original's.
  const fm = parsed.frontMatter;
  const holdsTag = (v: unknown): boolean =>
    typeof v === 'string' ? ownTagRanges(v).length > 0 : Array.isArray(v) ? v.some(holdsTag) : isRecord(v) && Object.values(v).some(holdsTag);
  if (fm.start !== undefined && fm.end !== undefined && fm.format !== null && holdsTag(fm.data)) {
    const reported = ownCuts.some((c) => c.start < fm.end!);
    for (let i = ownCuts.length - 1; i >= 0; i--) if (ownCuts[i]!.start < fm.end) ownCuts.splice(i, 1);
    if (!reported) {
      failed = true;
      const key = Object.keys(fm.data).find((k) => holdsTag(fm.data[k]))!;
      diagnostics.push({
        severity: 'error',
        file,
        ...frontMatterPlace(source, parsed.bodyOffset, key, undefined, lines),
        code: 'own-shortcode',
        message: `${OWN_SHORTCODE_MESSAGE}; ${key} holds one, written with escapes, which a template that renders it as Markdown (markdownify) would run. It is left out of this page's front matter (written as JSON in its prerendered copy). Remove it from the page`,
      });
    }
    const clean = (v: unknown): unknown =>
      typeof v === 'string' ? (cutOwnTags(v) ?? v) : Array.isArray(v) ? v.map(clean) : isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) : v;
    const json = JSON.stringify(clean(fm.data));
    const breaks = source.slice(fm.start, fm.end).split('\n').length - 1;
    ownCuts.push({ start: fm.start, end: fm.end, key: '', text: `${json.slice(0, -1)}${'\n'.repeat(Math.max(0, breaks - 1))}}\n`, own: true });
  }
  ownCuts.sort((a, b) => a.start - b.start);

  const fromCache = new Set<string>();
  // Formulas typeset for this page, as KaTeX's markup: each is made into its travelling form (with the
  // MathML-only variant for feeds) only when a feed can show this page's math (feedShowsMath); on a page
  // whose math no feed shows, its markup goes into the shadow as it is, inline-safe, and no feed variant is
  // made (which walked every span of the formula once more: 2-3 % of a cold build of the bench's posts).
  const typeset = new Map<string, string>();
  /** A fragment as it travels (with its feed variant), made now if it is a formula typeset for this page. */
  const travellingOf = (key: string): string => {
    const f = fragments.get(key)!;
    const html = typeset.get(key);
    if (html !== undefined) {
      f.html = travelling(html);
      typeset.delete(key);
    }
    return f.html;
  };
  /** What the page shows of a fragment (without its feed variant), inline-safe. */
  const pageOf = (key: string): string => {
    const html = typeset.get(key);
    return html !== undefined ? inlineFragment(html) : splitFeed(fragments.get(key)!.html).page;
  };
  const formulas: FormulaReport[] = [];
  const otherFormulas: OtherFormula[] = [];
  const errorOf = new Map<string, string>();
  for (const [i, span] of located.spans.entries()) {
    stats.formulas++;
    const { preamble, definitionsOnly } = macros[i]!;
    const report: FormulaReport = { start: span.start, end: span.end, line: span.line, column: span.column, display: span.display, tex: preamble + span.tex };
    formulas.push(report);
    if (definitionsOnly) {
      // Only definitions (kept for the later formulas): nothing to show, as with MathJax.
      replacements.push({ start: span.start, end: span.end, key: '', text: '' });
      continue;
    }
    const key = contentKey('math', __KATEX_VERSION__, env.settings.settingsKey, span.display, span.tex, ...(preamble ? [preamble] : []));
    replacements.push({ start: span.start, end: span.end, key });
    const known = fragments.get(key);
    // A repeated formula is rendered once (and counts as a cache hit wherever its first occurrence was
    // one); a faulty one is reported at every place it appears.
    if (known && !known.noisy) {
      if (fromCache.has(key)) stats.cacheHits++;
      continue;
    }
    if (known && errorOf.has(key)) report.error = errorOf.get(key)!;
    const hit = known ? undefined : env.cached?.(key);
    if (hit !== undefined) {
      stats.cacheHits++;
      fromCache.add(key);
      fragments.set(key, { key, html: hit, kind: 'math' });
      continue;
    }
    const spent = budget.over();
    if (spent) return stopped(spent, span.start, 'formula');
    const r = env.renderer.render(span.tex, span.display, preamble);
    if (r.cached && !known && !r.error && r.warnings.length === 0) {
      // Typeset earlier in this build (another page, a title): a cache hit as one from the memo would be
      // (a formula with diagnostics never counts as one: they are reported again).
      stats.cacheHits++;
      fromCache.add(key);
    }
    if (r.error) {
      report.error = r.error.message;
      errorOf.set(key, r.error.message);
      diagnostics.push(mathDiagnostic(source, span, r.error, lines, file, env.errorMode === 'render'));
      if (env.errorMode !== 'render') {
        // The rest of the page still goes out; this formula stays as written.
        failed = true;
        replacements.pop();
        continue;
      }
    }
    for (const w of r.warnings) {
      // At the character KaTeX reports on when it says which (mapped back into the file as an error is).
      const offset = w.texOffset !== undefined ? texOffsetToSource(source, span, w.texOffset) : span.start;
      diagnostics.push({ severity: 'warning', file, ...lines.at(offset), offset, code: 'katex', message: w.message });
    }
    if (!known) {
      // Its html is set once it is known whether a feed shows this page's math (typeset, above).
      fragments.set(key, { key, html: '', kind: 'math', noisy: !!r.error || r.warnings.length > 0 });
      typeset.set(key, r.html);
    }
  }

  // Numbered figures: our shortcodes that render one <figure> (they take its id), in the page's order.
  const owned = ownedShortcodes(parsed.shortcodes, isOwned, wrappers);
  // In the page's language's words on a multilingual site that sets them.
  const numbering = figureNumberingFor(env.settings.figures ?? DEFAULT_FIGURE_NUMBERING, env.settings.figureLanguages, file, env.page.lang);
  const figureShortcodes = owned.filter((sc) => (getShortcode(sc.name)!.params as ParamSpecs).id === FIGURE_ID_PARAM);
  const figurePlan = planFigureNumbers(
    figureShortcodes,
    numbering,
    file,
  );
  diagnostics.push(...figurePlan.diagnostics);
  // Ids of figures the site's own figure template renders: a reference to one is said to stay as written.
  const foreign = new Map<string, string>();
  for (const sc of siteOwned(parsed.shortcodes, siteShortcodes)) {
    const id = sc.name === 'figure' && !Array.isArray(sc.params) ? sc.params.id : undefined;
    if (typeof id === 'string' && id !== '' && !foreign.has(id)) foreign.set(id, siteShortcodes.get('figure')!);
  }
  const references: ReferenceTargets = { ids: figurePlan.ids, numbers: numbering.numbers, ...(foreign.size ? { foreign } : {}) };

  // Identical shortcodes on one page get distinct id prefixes (and so distinct keys): no shared ids.
  const seen = new Map<string, number>();
  const occurrences = new Map<string, number>();
  for (const sc of owned) {
    const def = getShortcode(sc.name)!;
    const occurrence = occurrences.get(sc.name) ?? 0;
    occurrences.set(sc.name, occurrence + 1);
    if (sc.name === 'figure') stats.figures++;
    else stats.shortcodes++;
    const paramsText = stableStringify(sc.params);
    const identity = contentKey(sc.name, paramsText, sc.inner ?? null);
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    const idPrefix = `hp${identity.slice(0, 8)}${n ? `-${n}` : ''}`;
    // A shortcode that reads files (cacheable: false) renders differently on different pages with the same
    // parameters (plot file="loss.csv" resolves in each page's bundle): its key names the page, or the last
    // page rendered would overwrite the fragment every other page includes.
    const pageScope = def.cacheable === false ? [file] : [];
    // Its id and number, and the page's figures when its parameters may refer to them (`@id` in a caption).
    const figure = figurePlan.figures.get(sc.offset);
    const refersTo = refsWanted && paramsText.includes('@') ? references : undefined;
    if (figure && (figure.id !== undefined || figure.label !== undefined)) pageScope.push(stableStringify(figure));
    if (refersTo) pageScope.push(stableStringify([...figurePlan.ids]));
    // The package and KaTeX versions are part of the key: a diagram's drawing code (or the KaTeX in its
    // caption) may change in any release, while its own `version` is bumped only for deliberate changes.
    const key = contentKey('sc', sc.name, def.version, __PKG_VERSION__, __KATEX_VERSION__, env.settings.settingsKey, idPrefix, identity, ...pageScope);
    replacements.push({ start: sc.offset, end: sc.end, key });
    const hit = def.cacheable === false ? undefined : env.cached?.(key);
    if (hit !== undefined) {
      stats.cacheHits++;
      fragments.set(key, { key, html: hit, kind: 'shortcode' });
      continue;
    }
    const spentBefore = budget.over();
    if (spentBefore) return stopped(spentBefore, sc.offset, `${sc.name} shortcode`);
    // A figure after a served Markdown image is not the page's first image either.
    const shownAfter = sc.name === 'figure' ? occurrence + imagesBefore(sc.offset) : occurrence;
    const r = await renderShortcode(def, sc, {
      page: env.page,
      site: env.site,
      idPrefix,
      services: env.services,
      occurrence: shownAfter,
      ...(figure ? { figure } : {}),
      ...(refersTo ? { references: refersTo } : {}),
      locate: (offset) => lines.at(offset),
    });
    diagnostics.push(...r.diagnostics);
    if (r.failed) failed = true;
    if (r.held) held = true;
    for (const f of r.formulas) otherFormulas.push({ line: f.line, column: f.column, tex: f.tex, display: f.display, where: sc.name, ...(f.error !== undefined ? { error: f.error } : {}) });
    let html = '';
    try {
      html = travelling(r.html);
    } catch (e) {
      if (!(e instanceof InlineFragmentError)) throw e;
      failed = held = true;
      const at = lines.at(sc.offset);
      diagnostics.push({ severity: 'error', file, ...at, offset: sc.offset, code: 'shortcode', message: `${sc.name}: ${e.message}` });
    }
    fragments.set(key, { key, html, kind: 'shortcode', noisy: r.diagnostics.length > 0 });
  }

  // References to figures in the page's text (`@fig-lstm` → "[Figure 2](#fig-lstm)", as Markdown: a link
  // wherever Hugo shows the text). Not in shortcodes that Hugo renders without Markdown (`{{< >}}`), nor in
  // what the shadow replaces; in headings (their text makes their id) they stay as written.
  if (refsWanted && located.inlineTree) {
    const blockedRanges = [...replacements, ...masked, ...angle];
    const found = findReferences(located.inlineTree, source, parsed.bodyOffset, references, overlapChecker(blockedRanges.map((r) => ({ start: r.start, end: r.end }))));
    const warnAt = (offset: number, message: string) => diagnostics.push({ severity: 'warning', file, ...lines.at(offset), offset, code: 'figure-ref', message });
    for (const ref of found.references) {
      if (ref.markdown !== undefined) replacements.push({ start: ref.start, end: ref.end, key: '', text: ref.markdown });
      else if (ref.problem !== undefined) warnAt(ref.start, ref.problem);
    }
    for (const ref of found.inHeading) {
      warnAt(ref.start, ref.problem ?? `@${ref.id} is left as written: a heading's text makes its id and its entry in the table of contents. Refer to the figure in the text below it`);
    }
  }

  // The tags of our own shortcodes go, but for those inside a formula or shortcode replaced whole (a `tex`
  // wrapper typeset; one whose formula KaTeX rejected stays as written, and so needs them cut).
  for (const cut of ownCuts) {
    if (!replacements.some((r) => r.start <= cut.start && cut.end <= r.end)) replacements.push(cut);
  }

  // Math everywhere Hugo shows the page: heading ids, TOC, summary divider, summary and titles.
  const spentAfter = budget.over();
  if (spentAfter) return stopped(spentAfter, parsed.bodyOffset, 'page (its headings, summary and titles)');
  // Shortcodes whose content Hugo's Markdown would strip of our fragments travel inside a wrapper.
  const wraps = markdownWraps(parsed.shortcodes, isOwned, replacements, env.settings, source);
  const paramStarts = new Set(paramSpans.map((f) => f.span.start));
  if (wraps.some((wrap) => wrap.md)) {
    const fences = fencedCode(located.tree ?? blockStructure(source.slice(parsed.bodyOffset)), parsed.bodyOffset);
    for (const wrap of wraps) {
      if (!wrap.md || !fences.some(([a, b]) => a >= wrap.innerStart && a < wrap.innerEnd && b > wrap.innerEnd)) continue;
      // A code fence opened inside a top-level {{% %}} and still open at its closing tag: Hugo puts the
      // shortcode's output into the page's Markdown, so the fence runs on past it (what follows is code up to
      // the fence's end), which the wrapper, rendering the content on its own, would end there. The shortcode stays
      // as written, its math untypeset, as plain Hugo shows it.
      wrap.verbatim = true;
      diagnostics.push({
        severity: 'warning',
        file,
        ...lines.at(wrap.start),
        offset: wrap.start,
        code: 'fence-crosses-shortcode',
        message:
          'a code fence opened inside this {{% %}} shortcode is still open at its closing tag, so Hugo shows what follows it as code until the fence closes; ' +
          'the math inside the shortcode is left untypeset. Close the fence before the closing tag',
      });
    }
  }
  const everywhere = planMathEverywhere({
    source,
    parsed,
    replaced: replacements,
    masked,
    shortcodes: parsed.shortcodes.map((sc) => ({ start: sc.offset, end: sc.end })),
    figures: figureShortcodes.map((sc) => ({ start: sc.offset, end: sc.end })),
    apart: wraps.filter((wrap) => wrap.md && !wrap.verbatim).map((wrap) => ({ start: wrap.start, end: wrap.end })),
    math: env.settings.math,
    settings: env.settings.everywhere ?? DEFAULT_EVERYWHERE,
    renderMath: (tex, display, raw, field) => {
      const m = copyMacros(tex);
      const r = env.renderer.render(m.tex, display, m.preamble);
      const rendered = env.errorMode === 'render';
      // Math in the body (a heading's, in the table of contents) was reported where the body has it.
      if (field !== undefined) {
        const at = frontMatterPlace(source, parsed.bodyOffset, field, raw, lines);
        otherFormulas.push({ line: at.line, column: at.column, tex, display, where: field, ...(r.error ? { error: r.error.message } : {}) });
        if (r.error) {
          if (!rendered) failed = true;
          diagnostics.push({
            severity: rendered ? 'warning' : 'error',
            file,
            ...at,
            code: 'katex',
            message: `${field}: ${r.error.message} (in "${tex}")${rendered ? ' (rendered as an error span)' : ', left as written'}`,
          });
        }
        for (const w of r.warnings) diagnostics.push({ severity: 'warning', file, ...at, code: 'katex', message: `${field}: ${w.message}` });
      }
      return r.error && !rendered ? escapeHtml(raw ?? tex) : r.html;
    },
    tree: located.tree,
    hugoToc: (env.settings.headingMath ?? 'shortcode') !== 'shortcode',
    ...(env.settings.headingIds ? { hugoIds: env.settings.headingIds } : {}),
  });
  const titles = everywhere.titles;
  // Math in a heading, on a site where Hugo's TOC would show a shortcode as its placeholder: raw HTML
  // where Hugo keeps it (unsafe = true), else readable text (PageSettings.headingMath).
  const headingMath = env.settings.headingMath ?? 'shortcode';
  for (const r of headingMath === 'shortcode' ? [] : replacements) {
    const fragment = fragments.get(r.key);
    if (r.text !== undefined || fragment?.kind !== 'math' || !everywhere.headings.some((h) => h.start <= r.start && r.end <= h.end)) continue;
    const html = pageOf(r.key);
    r.text = headingMath === 'html' ? markdownSafeHtml(html) : markdownText(mathText(html) ?? '');
  }
  // After an inline shortcode left open, the page block (a shortcode) would stop Hugo: none then.
  const extras = hasExtras(everywhere.extras) && openInline(parsed.shortcodes) === undefined;
  if (replacements.length === 0 && !extras) {
    return { formulas, otherFormulas, fragments: [...fragments.values()], titles, diagnostics, failed, held, stats, parsed, ...(imageEntries ? { imageEntries } : {}) };
  }
  // A summary divider at the end of a fenced code block left open at the end of the page would be inside
  // it: Hugo 0.111.3 splits the highlighted block there (a broken code block showing `e>`), 0.169.0 shows
  // blank lines in it. The fence is closed before the divider (which leaves the code block as it was).
  const openFence = unclosedFenceAtEnd(source, parsed.bodyOffset, located.tree);
  let fenceClosed = false;
  for (const e of everywhere.edits) {
    let text = e.text;
    if (openFence && e.at === openFence.end && text.trimStart() === SUMMARY_DIVIDER) {
      text = `${/[\r\n]$/.test(source.slice(0, e.at)) ? '' : '\n'}${openFence.marker}\n${SUMMARY_DIVIDER}`;
      fenceClosed = true;
    }
    replacements.push({ start: e.at, end: e.at, key: '', text });
  }
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  // The first fragment (or the page block) carries the staleness check: the md5 of the original and its
  // path from the site root (a raw string: a backtick cannot be written in it).
  const sourceMd5 = env.sourceMd5 ?? md5Hex(Buffer.from(source, 'utf8'));
  let check: StaleCheck | undefined = { md5: sourceMd5, path: (env.checkPath ?? file).replace(/`/g, '') };
  // Line breaks a replacement takes out travel in its fragment's opening tag: the shadow keeps every line
  // where the original has it, so Hugo's messages about the shadow name the original's lines.
  const breaks = (from: number, to: number) => {
    let n = 0;
    for (let at = source.indexOf('\n', from); at >= 0 && at < to; at = source.indexOf('\n', at + 1)) n++;
    return n;
  };
  const name = feedShowsMath(env.settings.feeds, everywhere.summaryEnd, replacements, (key) => fragments.has(key) && travellingOf(key).includes(FEED_SPLIT))
    ? 'prerender'
    : 'prerender-nofeed';
  for (const key of [...typeset.keys()]) {
    if (name === 'prerender') travellingOf(key);
    else fragments.get(key)!.html = pageOf(key);
  }
  typeset.clear();
  const fragmentShortcode = (key: string, newlines = 0) => {
    const out = inlineShortcode(key, fragments.get(key)?.html ?? '', check, newlines, name);
    check = undefined;
    return out;
  };
  const textBreaks = (r: Replacement) => breaks(r.start, r.end) - (r.text!.match(/\n/g)?.length ?? 0);
  // Where a replacement's own text cannot hold the line breaks it takes out: an empty shortcode of ours
  // after it that holds them, which Hugo reads and prints as nothing.
  const keepBreaks = (n: number) => (n > 0 ? `{{< ${name} k="none"${'\n'.repeat(n)} >}}{{< /${name} >}}` : '');
  // Link reference definitions across wrappers, as plain Hugo's one document has them (src/content/link-defs.ts).
  const mdWraps = wraps.filter((wrap) => wrap.md && !wrap.verbatim);
  const defPlan = mdWraps.length
    ? planDefinitions(
        source,
        parsed.bodyOffset,
        located.tree,
        parsed.shortcodes,
        mdWraps.map((wrap) => ({ shortcode: wrap.shortcode, md: wrap.md! })),
      )
    : undefined;
  if (defPlan) {
    mdWraps.forEach((wrap, k) => (wrap.defs = defPlan.forWrap[k]));
    for (const at of defPlan.neutralize) replacements.push({ start: at, end: at, key: '', text: DUP_TOKEN });
    replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  const joined = new JoinedText();
  let pos = 0;
  let w = 0;
  for (let i = 0; i < replacements.length; i++) {
    const r = replacements[i]!;
    const wrap = wraps[w];
    if (wrap?.verbatim && r.start >= wrap.start) {
      // As written, but for the tags of our own shortcodes (cut everywhere).
      joined.add(source.slice(pos, wrap.start));
      let at = wrap.start;
      for (; i < replacements.length && replacements[i]!.start < wrap.end; i++) {
        const inner = replacements[i]!;
        if (!inner.own) continue;
        joined.add(source.slice(at, inner.start)).add(inner.text!);
        at = inner.end;
      }
      i--;
      joined.add(source.slice(at, wrap.end));
      pos = wrap.end;
      w++;
      continue;
    }
    if (wrap && r.start >= wrap.start) {
      // Every replacement inside the wrapped shortcode: fragments become tokens, text stays text.
      joined.add(source.slice(pos, wrap.start));
      const keys: string[] = [];
      /** For a formula in a shortcode's parameter: the formula as written, for where the template puts it in an attribute. */
      const asWritten: (string | undefined)[] = [];
      const edits = [...wrap.tags];
      // The lines a token (or a text) takes out stay where they were, in an empty shortcode after it: every
      // line inside the wrapped shortcode keeps its number too (a token is Markdown's, it holds no break).
      for (; i < replacements.length && replacements[i]!.start < wrap.end; i++) {
        const inner = replacements[i]!;
        if (inner.text !== undefined) {
          edits.push({ start: inner.start, end: inner.end, text: inner.text + keepBreaks(textBreaks(inner)) });
        } else {
          let n = keys.indexOf(inner.key);
          if (n < 0) n = keys.push(inner.key) - 1;
          if (paramStarts.has(inner.start)) {
            // In a parameter's value: its line breaks stay in the value (an empty shortcode cannot be there).
            asWritten[n] ??= source.slice(inner.start, inner.end);
            edits.push({ start: inner.start, end: inner.end, text: wrapToken(n, sourceMd5) + '\n'.repeat(breaks(inner.start, inner.end)) });
          } else {
            edits.push({ start: inner.start, end: inner.end, text: wrapToken(n, sourceMd5) + keepBreaks(breaks(inner.start, inner.end)) });
          }
        }
      }
      i--;
      edits.sort((a, b) => a.start - b.start || a.end - b.end);
      const body = new JoinedText();
      let at = wrap.start;
      for (const e of edits) {
        body.add(source.slice(at, e.start)).add(e.text);
        at = e.end;
      }
      body.add(source.slice(at, wrap.end));
      const listed = keys.map((k, n) => fragmentShortcode(k) + (asWritten[n] !== undefined ? wrapAttribute(asWritten[n]!, sourceMd5) : ''));
      joined.add(wrapOpen(listed, sourceMd5, wrap.md, wrap.defs)).add(body.toString()).add(WRAP_CLOSE);
      pos = wrap.end;
      w++;
      continue;
    }
    joined.add(source.slice(pos, r.start));
    if (r.text === undefined) joined.add(fragmentShortcode(r.key, breaks(r.start, r.end)));
    else if (r.text === '') joined.add(keepBreaks(textBreaks(r)));
    else joined.add(r.text);
    pos = r.end;
  }
  let shadow = joined.add(source.slice(pos)).toString();
  // After an inline shortcode left open, the definitions would be inside it: none then (Hugo's lexer takes the rest of the page as its template).
  const appended = openInline(parsed.shortcodes) === undefined ? (defPlan?.appended ?? []) : [];
  if ((appended.length || extras) && !fenceClosed) shadow = closeOpenFence(shadow, source, parsed.bodyOffset, located.tree, appended.length > 0);
  if (appended.length) shadow = appendDefinitions(shadow, appended);
  if (extras) shadow = appendPageBlock(shadow, pageBlock(everywhere.extras, check));
  shadow = keepWithoutFrontMatter(shadow, parsed);
  return { formulas, otherFormulas, shadow, fragments: [...fragments.values()], titles, diagnostics, failed, held, stats, parsed, ...(imageEntries ? { imageEntries } : {}) };
}

interface Wrap {
  start: number;
  end: number;
  /** The shortcode's inner content ([innerStart, innerEnd) in the source). */
  innerStart: number;
  innerEnd: number;
  /** Left as written (a code fence crosses its closing tag): no wrapper, nothing inside replaced. */
  verbatim?: boolean;
  /** How Hugo renders the shortcode's output as Markdown (a top-level `{{% %}}`), if it does. */
  md?: 'block' | 'inline';
  /** A top-level `{{% %}}` is written `{{< >}}` inside the wrapper, which renders its output as Markdown. */
  tags: { start: number; end: number; text: string }[];
  shortcode: Shortcode;
  /** With md: the page's link reference definitions its Markdown needs, one line each, to go before and after it. */
  defs?: { before: string[]; after: string[] };
}

/**
 * Whether a feed can show math of this page, so that its fragments need their MathML-only variant in RSS:
 * on a site whose feeds may show content, whenever a fragment has one; on a site whose feeds show
 * summaries only, when a fragment with one starts in the part of the page that `.Summary` shows
 * (`summaryEnd`: see planMathEverywhere).
 */
function feedShowsMath(
  feeds: PageSettings['feeds'],
  summaryEnd: number | null,
  replacements: readonly Replacement[],
  /** Whether the fragment of this key has a feed variant (false for a key that is no fragment). */
  hasFeed: (key: string) => boolean,
): boolean {
  const withFeed = (r: Replacement) => r.text === undefined && hasFeed(r.key);
  if (feeds !== 'summary') return replacements.some(withFeed);
  return summaryEnd !== null && replacements.some((r) => r.start < summaryEnd && withFeed(r));
}

/**
 * Whether a fragment (a replacement without text of its own) lies within [from, to): a binary search over
 * their starts, then the fragments starting inside (fragments do not overlap, so the first one decides).
 */
function fragmentsWithin(replacements: readonly Replacement[]): (from: number, to: number) => boolean {
  const list = replacements.filter((r) => r.text === undefined).sort((a, b) => a.start - b.start);
  const starts = list.map((r) => r.start);
  return (from, to) => {
    for (let i = countBelow(starts, from); i < list.length && list[i]!.start < to; i++) if (list[i]!.end <= to) return true;
    return false;
  };
}

/**
 * The shortcodes of the site that hold a fragment and whose content Hugo renders as Markdown, where
 * Goldmark drops raw HTML (`unsafe = false`): written `{{% %}}`, or with a template that markdownifies its
 * inner content (`settings.markdownInner`). The outermost such shortcode travels inside a
 * `prerender-md` wrapper (src/site/handoff.ts), which puts the fragments back after Hugo's Markdown; where
 * it is nested in another shortcode, the wrapper goes around the top-level one. So does every shortcode
 * of the site's with a fragment in its parameters (siteParamSpans), whatever `unsafe` says: a template
 * gets a parameter as text, never our HTML.
 */
function markdownWraps(
  list: readonly Shortcode[],
  owned: (sc: Shortcode) => boolean,
  replacements: readonly Replacement[],
  settings: PageSettings,
  source: string,
  level = 0,
  out: Wrap[] = [],
  within?: (from: number, to: number) => boolean,
): Wrap[] {
  // Made when a shortcode of the site's is met (a page of our shortcodes alone needs none).
  const holds = (from: number, to: number) => (within ??= fragmentsWithin(replacements))(from, to);
  for (const sc of list) {
    if (owned(sc) || isCode(sc.name)) continue;
    const inner = sc.innerStart !== undefined && sc.innerEnd !== undefined && holds(sc.innerStart, sc.innerEnd);
    // A formula in its parameters (siteParamSpans): a token there, whatever Markdown does with raw HTML.
    const inParams = holds(sc.offset, sc.tagEnd);
    if (!inner && !inParams) continue;
    if (inParams || (!settings.unsafe && (sc.markup === '%' || settings.markdownInner?.(sc.name)))) {
      const wrap: Wrap = { start: sc.offset, end: sc.end, innerStart: sc.innerStart ?? sc.tagEnd, innerEnd: sc.innerEnd ?? sc.tagEnd, tags: [], shortcode: sc };
      if (sc.markup === '%' && level === 0) {
        // Hugo inserts a top-level {{% %}}'s output into the page's Markdown: a block when the shortcode
        // has its lines to itself, else within the paragraph around it. Its delimiters are written {{< >}}
        // (only them: a token may be in its parameters).
        wrap.md = alone(source, sc) ? 'block' : 'inline';
        for (const [a, b] of [
          [sc.offset, sc.tagEnd],
          [sc.innerEnd, sc.end],
        ] as const) {
          if (a === undefined || b === a) continue;
          const tag = source.slice(a, b);
          if (tag.startsWith('{{%') && tag.endsWith('%}}')) wrap.tags.push({ start: a, end: a + 3, text: '{{<' }, { start: b - 3, end: b, text: '>}}' });
        }
      }
      out.push(wrap);
      continue;
    }
    if (level > 0) {
      markdownWraps(sc.children, owned, replacements, settings, source, level + 1, out, holds);
      continue;
    }
    // Such a shortcode nested in one of the site's that Hugo does not render as Markdown (a {{% tab %}} in
    // {{< tabs >}}), or a figure with a formula in its caption inside a gallery: the wrapper goes around the
    // top-level one, so that the nested one keeps its own .Parent (a tab registers itself in its parent's
    // .Scratch: wrapped alone, it registered in the wrapper's, and its tab was lost).
    if (markdownWraps(sc.children, owned, replacements, settings, source, level + 1, [], holds).length > 0) {
      out.push({ start: sc.offset, end: sc.end, innerStart: sc.innerStart ?? sc.tagEnd, innerEnd: sc.innerEnd ?? sc.tagEnd, tags: [], shortcode: sc });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A site whose passthrough delimiters leave out `$` (or `$$`) while this page writes math with it: the
 * first such formula, as a warning saying what to add. Hugo leaves it raw and so do we (the site's
 * delimiters are the only math), which is easy to miss while figure captions are typeset.
 */
function dollarsLeftOut(
  source: string,
  parsed: ParsedPage,
  masked: { start: number; end: number }[],
  math: MathOptions,
  found: readonly MathSpan[],
): Diagnostic | undefined {
  const d = math.delimiters;
  if (!d || math.escapes === 'markdown') return undefined;
  const has = (list: [string, string][], open: string) => list.some(([o, c]) => o === open && c === open);
  const inline = has(d.inline, '$');
  const block = has(d.block, '$$');
  if (inline && block) return undefined;
  const taken = (s: MathSpan) => found.some((f) => f.start < s.end && s.start < f.end);
  const spans = locateMath(source, { bodyOffset: parsed.bodyOffset, masked, math: {} }).spans.filter(
    (s) => (s.delimiter === '$' ? !inline : s.delimiter === '$$' ? !block : false) && !taken(s),
  );
  const first = spans[0];
  if (!first) return undefined;
  const missing = [...(spans.some((s) => s.delimiter === '$') ? ["inline ['$', '$']"] : []), ...(spans.some((s) => s.delimiter === '$$') ? ["block ['$$', '$$']"] : [])];
  const own = first.delimiter === '$' ? d.inline[0] : d.block[0];
  const instead = own ? ` (or write ${own[0]}…${own[1]})` : '';
  const count = spans.length === 1 ? 'this formula' : `this and ${spans.length - 1} more formula${spans.length === 2 ? '' : 's'} on the page`;
  return {
    severity: 'warning',
    line: first.line,
    column: first.column,
    offset: first.start,
    code: 'passthrough',
    message: `${first.delimiter}…${first.delimiter} is not math on this site: markup.goldmark.extensions.passthrough.delimiters leaves out ${first.delimiter}, so ${count} stay${spans.length === 1 ? 's' : ''} raw TeX. Add ${missing.join(' and ')} to those delimiters in the site config${instead}`,
  };
}

/** The fenced and indented code blocks of a page's Markdown tree, as [start, end) in the source. */
function fencedCode(tree: Root, bodyOffset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const walk = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    const a = node.position?.start.offset;
    const b = node.position?.end.offset;
    if (node.type === 'code' && a !== undefined && b !== undefined) out.push([bodyOffset + a, bodyOffset + b]);
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  return out;
}

/**
 * The page block goes after the page's last block. A fenced code block left open at the end of the file
 * runs to its end and would hold the block: Hugo would show it as code (Hugo 0.111.3 stops on our
 * shortcode's placeholder highlighted there, "unknown shortcode token": a fuzz find). Such a fence is
 * closed first, which leaves the code block as it was.
 */
function closeOpenFence(shadow: string, source: string, bodyOffset: number, tree: Root | undefined, html = false): string {
  const body = source.slice(bodyOffset);
  const last = (tree ?? blockStructure(body)).children.at(-1);
  if (html && last?.type === 'html' && last.position?.end.offset !== undefined && body.slice(last.position.end.offset).trim() === '') {
    return `${shadow}${closeHtmlBlock(last.value)}`;
  }
  const open = unclosedFenceAtEnd(source, bodyOffset, tree);
  return open ? `${shadow}${/[\r\n]$/.test(shadow) ? '' : '\n'}${open.marker}\n` : shadow;
}

/**
 * The page's last block when it is a fenced code block left open (no closing fence before the end of the
 * file): its opening fence's marker (```` ``` ````, `~~~~`) and where the block ends (an offset into the
 * source); null otherwise.
 */
function unclosedFenceAtEnd(source: string, bodyOffset: number, tree: Root | undefined): { marker: string; end: number } | null {
  const body = source.slice(bodyOffset);
  const last = (tree ?? blockStructure(body)).children.at(-1);
  if (last?.type !== 'code' || last.position?.end.offset === undefined) return null;
  const text = body.slice(last.position.start.offset, last.position.end.offset);
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
  if (!open || body.slice(last.position.end.offset).trim() !== '') return null;
  const lines = text.split(/\r?\n|\r/);
  const close = new RegExp(`^ {0,3}${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*$`);
  if (lines.length > 1 && close.test(lines[lines.length - 1]!)) return null;
  return { marker: open[1]!, end: bodyOffset + last.position.end.offset };
}

/**
 * What ends an HTML block of CommonMark's kinds 1 to 5 (`<pre`, `<script`, `<style`, `<textarea`; a
 * comment; `<?`; `<!X`; CDATA) left open at the end of the page, on a line of its own after it: '' when it is
 * closed, or of a kind a blank line ends. Appended link definitions must not end up inside it. With
 * `unsafe = false` (the only case that appends them) Goldmark shows such a block as one
 * `<!-- raw HTML omitted -->` whatever it holds, so closing it changes nothing a reader sees.
 */
function closeHtmlBlock(value: string): string {
  const start = value.trimStart();
  const kinds: [RegExp, string][] = [
    [/^<(pre|script|style|textarea)(?=[\s>]|$)/i, ''],
    [/^<!--/, '-->'],
    [/^<\?/, '?>'],
    [/^<![A-Za-z]/, '>'],
    [/^<!\[CDATA\[/, ']]>'],
  ];
  for (const [re, end] of kinds) {
    const m = re.exec(start);
    if (!m) continue;
    const close = end || `</${m[1]!.toLowerCase()}>`;
    const rest = start.slice(m[0].length);
    return (end ? rest.includes(close) : rest.toLowerCase().includes(close)) ? '' : `\n${close}\n`;
  }
  return '';
}

/**
 * A page without front matter whose text starts with something we replace (`\(x\) …`) would give a
 * shadow starting with `{{<`, which Hugo reads as JSON front matter and rejects. An empty JSON front
 * matter, `{}` on the same line, keeps the page as Hugo saw the original (no params) and every line
 * where it was.
 *
 * So does a page starting with an HTML comment (`<!--more-->` and math on the next line: a fuzz find).
 * Hugo before v0.123.0 reads such a file as front matter wrapped in a comment: a `{{<` at the start of
 * the next line as JSON front matter, and everything up to the next `-->` (our fragments have them) as
 * the comment. On the original it fails ("starting HTML comment with no end", which we warn about); the
 * shadow would fail differently or lose text. With `{}` first, every Hugo reads the comment as body.
 * Hugo's lexer takes the first significant character of a file without front matter for its own, so a
 * `<!--more-->` there is no summary divider; after `{}` it would be one: it becomes `<!--more -->`, the
 * same invisible HTML comment, still no divider.
 */
/** Hugo's summary divider as written. */
const DIVIDER = '<!--more-->';

function keepWithoutFrontMatter(shadow: string, parsed: ParsedPage): string {
  if (parsed.frontMatter.format !== null) return shadow;
  // Hugo skips a BOM and ASCII whitespace before deciding (src/content/page.ts firstSignificantOffset).
  const first = shadow.search(/[^\ufeff \t\n\v\f\r]/);
  if (first < 0 || !(shadow[first] === '{' || shadow.startsWith('<!--', first))) return shadow;
  const rest = shadow.startsWith(DIVIDER, first) ? `<!--more -->${shadow.slice(first + DIVIDER.length)}` : shadow.slice(first);
  return `${shadow.slice(0, first)}{}${rest}`;
}


/** The first limit the page is over (size, shortcodes, nesting), checked before Markdown parsing. */
function pageOverLimits(source: string, parsed: ParsedPage, limits: PageLimits, lines: LineIndex, file: string): Diagnostic | undefined {
  const bytes = bytesOver(source, limits.pageBytes);
  if (bytes !== undefined) return limitDiagnostic('pageBytes', limits, bytes, 0, lines, file);
  let count = 0;
  let at = -1;
  const walk = (list: readonly Shortcode[]) => {
    for (const sc of list) {
      if (++count === limits.shortcodes + 1) at = sc.offset;
      walk(sc.children);
    }
  };
  walk(parsed.shortcodes);
  if (at >= 0) return limitDiagnostic('shortcodes', limits, count, at, lines, file);
  const nesting = containerDepth(source, parsed.bodyOffset);
  if (nesting.depth > limits.nesting) return limitDiagnostic('nesting', limits, nesting.depth, nesting.offset, lines, file);
  return undefined;
}

/** The escape letter of each control character a double-quoted string makes of a TeX command's `\` and first letter. */
const ESCAPED: Record<string, [string, string]> = {
  '\x07': ['a', 'bell character'],
  '\b': ['b', 'backspace'],
  '\x1b': ['e', 'escape character'],
  '\f': ['f', 'form feed'],
  '\n': ['n', 'line break'],
  '\r': ['r', 'carriage return'],
  '\t': ['t', 'tab'],
  '\v': ['v', 'vertical tab'],
};

/**
 * A front-matter string with math that holds a control character followed by letters, written in the
 * front matter (`head`) as its escape: the string was double-quoted (YAML, or a TOML or JSON string),
 * where `\frac` is a form feed and `rac`, `\tanh` a tab and `anh`; KaTeX then typesets `rac` without a
 * word. A line break or tab the file holds as it is (a YAML block scalar, a TOML multi-line string) is
 * not one. What to write instead, or undefined.
 */
function escapeEaten(tex: string, head: string): string | undefined {
  const m = [...tex.matchAll(/([\x07\b\x1b\f\n\r\t\v])([A-Za-z]+)/g)].find((c) => head.includes(`\\${ESCAPED[c[1]!]![0]}${c[2]}`));
  if (!m) return undefined;
  const [letter, what] = ESCAPED[m[1]!]!;
  return (
    `"${tex.replace(/[\x00-\x1f]/g, ' ')}" holds a ${what} where the file probably has \\${letter}${m[2]}: in a double-quoted string ` +
    `(YAML "…", a TOML or JSON string) \\${letter} is an escape, not TeX. Double the backslash (\\\\${letter}${m[2]}), or quote the value with ` +
    `single quotes in YAML ('…'), or as a literal string in TOML ('…')`
  );
}

/**
 * Where a front-matter field's formula is written: the formula as written (`raw`) after the field's key,
 * else the key, else the front matter's start. The value may be quoted or escaped (YAML, TOML, JSON):
 * then the formula is not found as written and the key is named.
 */
function frontMatterPlace(source: string, bodyOffset: number, field: string, raw: string | undefined, lines: LineIndex): { line: number; column: number; offset: number } {
  const head = source.slice(0, bodyOffset);
  // At a line's start (YAML, TOML, org), or after `{` or `,` (JSON on one line); a top-level key, not
  // indented, before one nested in a YAML mapping or a JSON object (`  title:` under `params:`).
  const key =
    new RegExp(`^(?:#\\+)?["']?${field}["']?[ \\t]*[:=]`, 'im').exec(head) ??
    new RegExp(`(?:^|[{,])[ \\t]*(?:#\\+)?["']?${field}["']?[ \\t]*[:=]`, 'im').exec(head);
  let offset = 0;
  if (key) {
    offset = key.index + key[0].length - key[0].replace(/^[{,]?[ \t]*/, '').length;
    const from = key.index + key[0].length;
    let found = raw === undefined ? -1 : head.indexOf(raw, from);
    // In a double-quoted string (TOML, YAML, JSON) the formula is written escaped: `$\\nope$` for `$\nope$`.
    if (found < 0 && raw !== undefined) found = head.indexOf(raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"'), from);
    if (found >= 0) offset = found;
  }
  return { ...lines.at(offset), offset };
}

function mathDiagnostic(
  source: string,
  span: MathSpan,
  error: { message: string; texOffset?: number },
  lines: LineIndex,
  file: string,
  asWarning: boolean,
): Diagnostic {
  // Point at the offending character when KaTeX knows it (mapped through CRLF, blockquote markers and
  // removed Markdown escapes back into the original file).
  const offset = error.texOffset !== undefined ? texOffsetToSource(source, span, error.texOffset) : span.start;
  const at = lines.at(offset);
  return {
    severity: asWarning ? 'warning' : 'error',
    file,
    ...at,
    offset,
    code: 'katex',
    message: `${error.message}${asWarning ? ' (rendered as an error span)' : ''}`,
  };
}
