/**
 * Heading ids as Hugo computes them, so that a heading whose math we replace by a placeholder keeps
 * the id Hugo gave it on the original page (and links to it keep working).
 *
 * Hugo's ids come from two things, both measured with hugo 0.111.3 and 0.169.0:
 *
 * - The TEXT a heading's id is made from changed in Hugo 0.144.0 (commit 24cc25552):
 *   - before ("raw"): Goldmark's own auto-id, fed the heading's last source LINE as written, minus the
 *     `#` markers, a closing `##` sequence and a trailing `{…}` attribute block. `$\mathbf{W}_{hh}$`
 *     gives `mathbfw_hh`, a link `[a](u)` keeps its URL, `--` stays two dashes.
 *   - from 0.144 ("plain"): Hugo's TextPlain of the parsed heading: text of text nodes (after the
 *     typographer, entities resolved), code spans, link and image text (no URLs), raw HTML tags
 *     stripped. Underscores that Markdown read as emphasis vanish (`mathbfwhh-and-mathbfwxh`), `--`
 *     becomes an en dash (dropped). An empty text gives no id at all.
 * - The SANITIZING (markup/goldmark/autoid.go, unchanged): `github` keeps letters, digits and `_`,
 *   lower-cased, turns spaces and `-` into `-`, drops the rest; `github-ascii` first removes accents
 *   and then drops any non-ASCII; `blackfriday` joins runs of letters/digits with single dashes. An
 *   empty result is `heading`; a value already used on the page gets `-1`, `-2`… Author ids (`{#x}`)
 *   are registered in document order too, and every heading of the page counts.
 */
import type { Root } from 'mdast';
import { type Range } from './math.js';
import type { DelimiterPair } from './math-syntax.js';
export type AutoIdType = 'github' | 'github-ascii' | 'blackfriday';
/** Which Hugo text rule: before 0.144 the raw source line, from 0.144 the plain text. */
export type IdRule = 'raw' | 'plain';
/** The Hugo version from which headings' ids use the plain text (the `prerender-id` shortcode tests it). */
export declare const PLAIN_TEXT_IDS_SINCE = "0.144.0";
/** Hugo's sanitizeAnchorName: the id for `text` before the empty and duplicate rules. */
export declare function anchorize(text: string, type: AutoIdType): string;
/** Hugo's idFactory: ids handed out on one page, with `-1`, `-2` for repeats. */
export declare class IdFactory {
    readonly type: AutoIdType;
    private readonly used;
    constructor(type: AutoIdType);
    /** The id Hugo would generate for `text` now, without registering it. */
    peek(text: string): string;
    generate(text: string): string;
    /** An id given by the author (`{#id}`), registered as is. */
    put(id: string): void;
}
export interface PageHeading {
    level: number;
    /** Offsets (into the full source) of the heading's inline content: no markers, closing `#`s or attributes. */
    contentStart: number;
    contentEnd: number;
    /** Where an id attribute goes: ` {#id}` at this offset (end of the heading's last line). */
    insertAt: number;
    /** When the heading ends with an attribute block without an id (`{.c}`): the offset just after its `{`. */
    attrOpen?: number;
    /** The id the author gave (`{#id}`), if any. */
    explicitId?: string;
    /** The text Hugo before 0.144 makes the id from. */
    rawText: string;
    /** The text Hugo 0.144+ makes the id from ('' gives no id). */
    plainText: string;
    /** The heading's content as Markdown (for rendering it in a table of contents). */
    markdown: string;
}
type AttrValue = string | number | boolean | null | AttrValue[] | GoldmarkAttribute[];
export interface GoldmarkAttribute {
    name: string;
    value: AttrValue;
}
/** Goldmark's ParseAttributes at `line[i]` (spaces, then `{`): the attributes and the offset after `}`. */
export declare function parseGoldmarkAttributes(line: string, i: number): {
    attrs: GoldmarkAttribute[];
    end: number;
} | null;
/**
 * Where Goldmark reads attributes on a page (offsets into the source, each to the end of its line): every
 * heading's trailing attribute block, at any depth (an ATX heading's `{…}`, a setext heading's on its last
 * line, one in a quote or a list item), and, with `blockAttributes` (markup.goldmark.parser.attribute.block),
 * each line of a paragraph that is an attribute block (`{.c title="…"}`: Goldmark ends the paragraph
 * there and gives it the attributes). What one holds ends up inside an HTML attribute.
 */
export declare function attributeRanges(source: string, tree: Root, bodyOffset: number, blockAttributes: boolean): (Range & {
    heading: boolean;
})[];
/**
 * Whether the formula `spans[i]` (spans in document order) is part of what Goldmark's linkify (on in
 * Hugo by default) takes for an e-mail address in the shadow, where the formula is a shortcode
 * placeholder of letters and digits: from it, over characters of an address's local part and other
 * formulas, to an `@` and a domain with a dot (`m$x$@example.org`, `$a$b@example.org`). Micromark's
 * own autolinks take no `$` in an address, so the page's parse sees math there.
 */
export declare function joinedToEmailAddress(source: string, spans: readonly Range[], i: number): boolean;
export interface HeadingParseOptions {
    /** Passthrough delimiters configured in the site: Hugo 0.144+ then gives math no text in ids. */
    passthrough?: readonly DelimiterPair[];
}
/** Test hook: with `enabled` false every heading is parsed. */
export declare const plainHeadingFastPath: {
    enabled: boolean;
};
/** The plain text Hugo 0.144+ gives a heading whose inline Markdown is `markdown`. */
export declare function plainHeadingText(markdown: string, opts?: HeadingParseOptions): string;
/**
 * Every heading of a page body, in document order, from the Markdown structure `tree` of the body
 * (parsed with math and with shortcode tags masked, offsets relative to `bodyOffset`).
 * Headings inside `skip` ranges (the inner content of shortcodes) are left out.
 */
export declare function collectHeadings(source: string, tree: Root, bodyOffset: number, skip?: readonly Range[], opts?: HeadingParseOptions): PageHeading[];
export interface HeadingIdInput {
    rawText: string;
    plainText: string;
    explicitId?: string;
    /** True when the shadow changes this heading's text (math or one of our shortcodes in it). */
    changed: boolean;
    /**
     * Rendered apart from the page's Markdown (inside a `{{% %}}` that travels in the prerender-md wrapper,
     * whose RenderString hands out ids of its own): plain Hugo counts it among the page's headings, the
     * shadow cannot, so it always gets its id written and takes none from the page's.
     */
    apart?: boolean;
}
export interface HeadingIdPlan {
    /** The id Hugo gives this heading on the original page, before 0.144 and from 0.144 (null: none). */
    raw: string;
    plain: string | null;
    /**
     * What the shadow must say: nothing (Hugo computes the same id), one literal id for every Hugo, or
     * one per rule (written as the `prerender-id` shortcode, which picks by Hugo's version).
     */
    write: {
        kind: 'none';
    } | {
        kind: 'literal';
        id: string;
    } | {
        kind: 'switch';
        raw: string;
        plain: string;
    };
}
/** The ids of the original page's headings, per rule. */
export declare function originalIds(headings: readonly Omit<HeadingIdInput, 'changed'>[], type: AutoIdType): {
    raw: string[];
    plain: (string | null)[];
};
/**
 * Plans the shadow's heading ids so that, with either Hugo rule, every heading ends up with the id it
 * has on the original page. A changed heading always gets an explicit id; an unchanged one only when
 * the ids handed out before it in the shadow differ from the original's and would change its suffix.
 */
export declare function planHeadingIds(headings: readonly HeadingIdInput[], type: AutoIdType): HeadingIdPlan[];
/** The text to insert into the shadow for a plan (`''` when nothing). */
export declare function idAttributeText(plan: HeadingIdPlan, heading: Pick<PageHeading, 'attrOpen'>): string;
export {};
