import type { ParsedPage } from '../content/types.js';
import { type MathOptions, type Range } from '../content/math.js';
import { type AutoIdType } from '../content/headings.js';
import { type TocConfig } from './toc.js';
export interface EverywhereSettings {
    idType: AutoIdType;
    toc: TocConfig;
    summaryLength: number;
    /** markup.goldmark.renderer.unsafe */
    unsafe: boolean;
    /** Passthrough enabled: Hugo 0.144+ gives math no text in heading ids. */
    passthrough: boolean;
}
export declare const DEFAULT_EVERYWHERE: EverywhereSettings;
/** The settings above from a site's merged configuration, with Hugo's defaults. */
export declare function everywhereSettings(data: Record<string, unknown>): EverywhereSettings;
export interface EverywhereFragment {
    key: string;
    html: string;
    kind: 'math' | 'shortcode';
}
export interface EverywhereInput {
    source: string;
    parsed: ParsedPage;
    /** The ranges the shadow replaces with placeholders (math spans, our shortcodes). Empty: no shadow. */
    replaced: readonly Range[];
    /** Ranges that are not Markdown text (shortcode tags, code-like shortcodes, escapes). */
    masked: readonly Range[];
    /** Every top-level shortcode [offset, end): headings inside them are not the page's; no divider inside. */
    shortcodes: readonly Range[];
    math: MathOptions;
    settings: EverywhereSettings;
    /** The page's path inside the content tree, as Hugo's `.File.Path` (`posts/x.md`). */
    contentPath: string;
    /** The page's fragments so far (math and shortcodes); `html` '' means a cached one already on disk. */
    fragments: readonly EverywhereFragment[];
    /** TeX of the math fragments, to re-render a cached one whose feed variant is missing. */
    mathOf: (key: string) => {
        tex: string;
        display: boolean;
    } | undefined;
    renderMath: (tex: string, display: boolean) => string;
    hasFragment?: (key: string) => boolean;
}
export interface EverywhereResult {
    /** Insertions into the shadow (zero-length replacements). */
    edits: {
        at: number;
        text: string;
    }[];
    fragments: EverywhereFragment[];
}
/** The per-page TOC fragment key; toc.html computes the same from `.File.Path`. */
export declare function tocKey(contentPath: string): string;
/** The fragment key of a text (title, description) with math; title.html computes it with `md5`. */
export declare function titleKey(text: string): string;
export declare function markdownKey(text: string): string;
export declare function planMathEverywhere(input: EverywhereInput): EverywhereResult;
