/**
 * Math everywhere Hugo shows a page, not only in its body. Called once per page by prerenderPage; it
 * returns edits to the shadow, the page's extras and its titles with math:
 *
 * - heading ids: a heading whose text the shadow changes gets the id Hugo gave it on the original
 *   (src/content/headings.ts), written as `{#id}`, or as `{#{{< prerender-id "RAW" "PLAIN" >}}}`
 *   where Hugo before and from 0.144 disagree;
 * - the typeset table of contents (and a variant with the ids of Hugo 0.144+ when they differ) and a
 *   front-matter summary with math: page extras (src/site/handoff.ts), read by
 *   layouts/partials/prerender/toc.html and summary.html;
 * - a `<!--more-->` divider when the automatic summary would hold math (src/render/summary.ts);
 * - titles and descriptions with math, by md5 of the text, for the site-wide titles.html
 *   (partials/prerender/title.html).
 */
import type { Root } from 'mdast';
import type { ParsedPage } from '../content/types.js';
import { applyMask, delimiterPairs, parseMarkdownWithMath, type MathOptions, type Range } from '../content/math.js';
import { collectHeadings, idAttributeText, planHeadingIds, type AutoIdType } from '../content/headings.js';
import { md5Hex } from './keys.js';
import { renderInlineMarkdown } from './markdown.js';
import type { PageExtras } from '../site/handoff.js';
import { textWithMathHtml } from './inline-text.js';
import { tableOfContentsHtml } from './toc.js';
import { hugoBool, type EverywhereSettings } from './everywhere-settings.js';
export { DEFAULT_EVERYWHERE, everywhereSettings, type EverywhereSettings } from './everywhere-settings.js';
import { automaticSummary, CJK_TEXT, SUMMARY_DIVIDER } from './summary.js';

export interface EverywhereInput {
  source: string;
  parsed: ParsedPage;
  /** The ranges the shadow replaces with placeholders (math spans, our shortcodes). Empty: no shadow. */
  replaced: readonly Range[];
  /** Ranges that are not Markdown text (shortcode tags, code-like shortcodes, escapes). */
  masked: readonly Range[];
  /** Every top-level shortcode [offset, end): headings inside them are not the page's; no divider inside. */
  shortcodes: readonly Range[];
  /** Our shortcodes that render a figure (figure, the diagrams, the plots): an automatic summary stops before one. */
  figures?: readonly Range[];
  /**
   * The top-level `{{% %}}` shortcodes (of `shortcodes`) that travel in the prerender-md wrapper: plain Hugo
   * puts their output into the page's Markdown, so their headings are the page's (ids counted with the
   * page's, entries of its table of contents), while the wrapper renders them apart: each gets the id
   * plain Hugo gives it written out, and the typeset table of contents lists it.
   */
  apart?: readonly Range[];
  math: MathOptions;
  settings: EverywhereSettings;
  /**
   * Typesets a formula; `raw`, the formula as written, shows in its place when KaTeX rejects it. `field`:
   * the front-matter field it is in (reported there); none for a heading's (the body reports it).
   */
  renderMath: (tex: string, display: boolean, raw?: string, field?: string) => string;
  /**
   * The body's Markdown tree as locateMath parsed it (same `math`, same `masked`): the page is parsed
   * once. Parsed here when absent.
   */
  tree?: Root;
  /**
   * Hugo's own TOC shows these headings (PageSettings.headingMath is not `shortcode`): where Hugo
   * versions disagree on a heading's id, the id of Hugo 0.144+ is written as it is, since a
   * `prerender-id` shortcode in it would reach .TableOfContents and .Fragments as Hugo's placeholder.
   */
  hugoToc?: boolean;
  /** With hugoToc: `raw` writes the id of Hugo before 0.144 instead (the Hugo that renders the site is one). */
  hugoIds?: 'raw';
}

export interface EverywhereResult {
  /** Insertions into the shadow (zero-length replacements). */
  edits: { at: number; text: string }[];
  /** Table of contents and front-matter summary (only when the page has a shadow, or a summary with math). */
  extras: PageExtras;
  /** md5 of a title, linkTitle or description with math → its HTML; title.html computes the md5. */
  titles: Map<string, string>;
  /** The text of each heading of the page ([start, end) in the source): math there travels without a shortcode. */
  headings: { start: number; end: number }[];
  /**
   * Where the part of the page that Hugo's `.Summary` shows ends (an offset into the source): the
   * divider (the author's or the one added here), else the end of the automatic summary; null when the
   * summary shows no part of the body (a front-matter summary, an empty body) or the page has no shadow.
   */
  summaryEnd: number | null;
}

const A_TAG = /<\/?a\b[^>]*>/g;

/**
 * Typeset math without its links (`\href`, `\url`: KaTeX's `<a>`), their text kept: for a title or a table of
 * contents entry, which themes and the TOC show as links of their own (an `<a>` inside an `<a>` splits it).
 */
const unlinked = (html: string): string => (html.includes('<a') ? html.replace(A_TAG, '') : html);


function frontMatterString(data: Record<string, unknown>, key: string): string | undefined {
  const k = Object.keys(data).find((x) => x.toLowerCase() === key);
  const v = k === undefined ? undefined : data[k];
  return typeof v === 'string' ? v : undefined;
}

export function planMathEverywhere(input: EverywhereInput): EverywhereResult {
  const { source, parsed, settings } = input;
  const pairs = delimiterPairs(input.math);
  const edits: { at: number; text: string }[] = [];
  const extras: PageExtras = {};
  const titles = new Map<string, string>();

  // Titles, descriptions and front-matter summaries with math: needed with or without a shadow.
  const fm = parsed.frontMatter.data;
  for (const field of ['title', 'linktitle', 'description']) {
    const text = frontMatterString(fm, field);
    if (text === undefined) continue;
    const key = md5Hex(text);
    if (titles.has(key)) continue;
    const html = textWithMathHtml(text, pairs, (tex, display, raw) => unlinked(input.renderMath(tex, display, raw, field)));
    if (html !== null) titles.set(key, html);
  }
  // A front-matter summary is what .Summary shows only without a divider in the body (which comes first).
  const fmSummary = parsed.summaryDivider === undefined ? frontMatterString(fm, 'summary') : undefined;
  if (fmSummary !== undefined && textWithMathHtml(fmSummary, pairs, () => '') !== null) {
    extras.summary = renderInlineMarkdown(fmSummary, (tex, display, raw) => input.renderMath(tex, display, raw, 'summary'), { unsafe: settings.unsafe, math: input.math });
  }

  if (input.replaced.length === 0) return { edits, extras, titles, headings: [], summaryEnd: null };

  const tree: Root = input.tree ?? parseMarkdownWithMath(applyMask(source.slice(parsed.bodyOffset), parsed.bodyOffset, input.masked), pairs);
  const apart = input.apart ?? [];
  const isApart = (h: { contentStart: number; contentEnd: number }) => apart.some((r) => r.start <= h.contentStart && h.contentEnd <= r.end);
  const inners = input.shortcodes.filter((r) => !apart.some((a) => a.start === r.start && a.end === r.end)).map((r) => ({ start: r.start, end: r.end }));
  const all = collectHeadings(source, tree, parsed.bodyOffset, inners, settings.passthrough ? { passthrough: pairs } : {});
  // The page's own headings: math in them may travel without a shortcode (those in a wrapper are typeset there).
  const headings = all.filter((h) => !isApart(h));

  // Heading ids.
  const changed = (h: { contentStart: number; contentEnd: number }) =>
    input.replaced.some((r) => r.start < h.contentEnd && h.contentStart < r.end);
  const plans = planHeadingIds(
    all.map((h) => ({ ...h, changed: changed(h), apart: isApart(h) })),
    settings.idType,
  );
  /** The one id written where versions disagree but a switch cannot be used (below): every TOC links to it. */
  const literalIds = new Map<number, string>();
  all.forEach((h, i) => {
    const plan = plans[i]!;
    // Where Hugo's TOC shows the heading, a prerender-id shortcode would reach it as a placeholder (not from a wrapper).
    const literal = input.hugoToc && plan.write.kind === 'switch' && !isApart(h);
    if (literal && plan.write.kind === 'switch') literalIds.set(i, input.hugoIds === 'raw' ? plan.write.raw : plan.write.plain);
    const text = idAttributeText(
      literal && plan.write.kind === 'switch' ? { ...plan, write: { kind: 'literal', id: literalIds.get(i)! } } : plan,
      h,
    );
    if (text !== '') edits.push({ at: h.attrOpen ?? h.insertAt, text });
  });

  // Table of contents, typeset: only where a heading has a fragment, or is rendered apart in a wrapper.
  // Elsewhere Hugo's own .TableOfContents of the shadow is the original's (toc.html falls back to it), and
  // a page block costs Hugo a read of .RawContent per page.
  if (all.some(changed) || all.length > headings.length) {
    // Entries are links: Markdown links give their text only; raw `<a>` tags (unsafe sites) and a formula's
    // links are dropped.
    const titles = all.map((h) => {
      const opts = { unsafe: settings.unsafe, math: input.math, links: false };
      const html = renderInlineMarkdown(h.markdown, (tex, _display, raw) => unlinked(input.renderMath(tex, false, raw)), opts);
      return settings.unsafe ? html.replace(A_TAG, '') : html;
    });
    const toc = (rule: 'raw' | 'plain') =>
      tableOfContentsHtml(
        all.map((h, i) => ({
          level: h.level,
          id: literalIds.get(i) ?? (rule === 'raw' ? plans[i]!.raw : (plans[i]!.plain ?? '')),
          titleHtml: titles[i]!,
        })),
        settings.toc,
      );
    extras.toc = toc('raw');
    const plain = toc('plain');
    if (plain !== extras.toc) extras.tocPlain = plain;
  }

  // Summary divider.
  const fmSummaryGiven = frontMatterString(fm, 'summary') !== undefined;
  // A page in a CJK language (Hugo's rule: its front matter's isCJKLanguage, else hasCJKLanguage and such
  // text anywhere in the file) has its words counted as Hugo counts them there.
  const cjkSet = Object.keys(fm).find((k) => k.toLowerCase() === 'iscjklanguage');
  const cjk = cjkSet !== undefined ? hugoBool(fm[cjkSet]) : settings.hasCJKLanguage === true && CJK_TEXT.test(source);
  const auto = automaticSummary(tree, parsed.bodyOffset, settings.summaryLength, input.shortcodes, input.figures, cjk);
  // Hugo 0.111.3's automatic summary (a divider it does not honour included) is plain text, whatever it spans.
  // The divider first, then a front-matter summary, then the automatic one (Hugo's order).
  const summaryEnd = parsed.summaryDivider ?? (fmSummaryGiven ? null : auto.end);
  // Without front matter, Hugo 0.111.3 may not honour `<!--more-->` (a leading `#` switches to Org's divider).
  if (!fmSummaryGiven && parsed.summaryDivider === undefined && parsed.frontMatter.format !== null && parsed.frontMatter.format !== 'org') {
    // After a `{` (text such as `{{` ending the block), `<!--more-->` would make `{{<!`, which Hugo's lexer
    // reads as a shortcode it cannot parse, and the site stops (a fuzz find): a space keeps them apart.
    // Math alone needs a divider only where Hugo plainifies the automatic summary (before 0.134): from
    // 0.134 Hugo's own summary keeps it typeset, and a divider would only make .Truncated true on a short
    // page whose footnotes Hugo renders after it.
    if ((auto.figure || (auto.math && settings.autoSummaryHtml !== true)) && auto.end !== null) {
      // After the page's closing link or footnote definitions, on the last line, which the page ends
      // (on theirs it would be part of a URL or a footnote; a line more would shift none of Hugo's line
      // numbers, but the shadow keeps the original's lines).
      const last = auto.definitionsEnd !== undefined && source.endsWith('\n') && source.slice(auto.definitionsEnd).trim() === '';
      edits.push(last ? { at: source.length, text: SUMMARY_DIVIDER } : { at: auto.end, text: source[auto.end - 1] === '{' ? ` ${SUMMARY_DIVIDER}` : SUMMARY_DIVIDER });
    }
  }
  return { edits, extras, titles, headings: headings.map((h) => ({ start: h.contentStart, end: h.contentEnd })), summaryEnd };
}
