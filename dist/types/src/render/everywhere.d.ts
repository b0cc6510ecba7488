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
import { type MathOptions, type Range } from '../content/math.js';
import type { PageExtras } from '../site/handoff.js';
import { type EverywhereSettings } from './everywhere-settings.js';
export { DEFAULT_EVERYWHERE, everywhereSettings, type EverywhereSettings } from './everywhere-settings.js';
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
    edits: {
        at: number;
        text: string;
    }[];
    /** Table of contents and front-matter summary (only when the page has a shadow, or a summary with math). */
    extras: PageExtras;
    /** md5 of a title, linkTitle or description with math → its HTML; title.html computes the md5. */
    titles: Map<string, string>;
    /** The text of each heading of the page ([start, end) in the source): math there travels without a shortcode. */
    headings: {
        start: number;
        end: number;
    }[];
    /**
     * Where the part of the page that Hugo's `.Summary` shows ends (an offset into the source): the
     * divider (the author's or the one added here), else the end of the automatic summary; null when the
     * summary shows no part of the body (a front-matter summary, an empty body) or the page has no shadow.
     */
    summaryEnd: number | null;
}
export declare function planMathEverywhere(input: EverywhereInput): EverywhereResult;
