/**
 * Numbered figures and references to them, page by page (what Hugo lacks; Quarto and pandoc-crossref
 * conventions): a figure we render (`figure` and every diagram and plot) may take an `id`, which becomes
 * the `id` of its `<figure>`; figures are numbered in the order the page has them (by default those with
 * an id: params.prerender.figures.numbers), the number in front of the caption ("Figure 2:"); and `@id`
 * written in the page's text, or in a caption, becomes a link to that figure reading "Figure 2".
 *
 * A reference is `@` and an id, after a character that cannot end a word or an e-mail address's local
 * part, nor be read with the link it becomes (so `me@fig-a.org`, `\@fig-a` and `Wow!@fig-a` stay text); the id ends before a trailing `.`, `:` or `-`
 * (`see @fig-lstm.`). An `@id` that names no figure of the page stays as written: quietly, unless it
 * starts with `fig-` (then it was meant as one: a warning, with the id most likely meant).
 */
import type { Root } from 'mdast';
import type { Diagnostic, Shortcode } from '../content/types.js';
import type { FigureNumbering } from '../site/config.js';
/** A usable figure id. */
export declare const FIGURE_ID: RegExp;
/** What one figure of the page gets: its id (when usable) and its number's text ("Figure 2"). */
export interface FigureLabel {
    id?: string;
    /** "Figure 2", when the figure is numbered. */
    label?: string;
    /** What goes after the label in the caption (params.prerender.figures.separator). */
    separator?: string;
}
export interface FigurePlan {
    /** By the shortcode's offset in the source. */
    figures: Map<number, FigureLabel>;
    /** Every usable id of the page → its figure's label, or undefined when that figure has no number. */
    ids: Map<string, string | undefined>;
    diagnostics: Diagnostic[];
}
/**
 * Numbers and ids for the figures of a page, in source order. `figures`: our figure-like shortcodes that
 * the page renders, in the order the page has them. An unusable or repeated id is a warning at it, and
 * that figure gets no id (and so, numbering figures with ids, no number).
 */
export declare function planFigureNumbers(figures: readonly Shortcode[], numbering: FigureNumbering, file: string): FigurePlan;
/** A reference found in text: [start, end) of the `@id`, and what became of it. */
export interface Reference {
    start: number;
    end: number;
    id: string;
    /** The Markdown it becomes (a link to the figure), or undefined when it stays as written. */
    markdown?: string;
    /** Why it stays as written, when that is worth a warning (it starts with `fig-`, or its figure has no number). */
    problem?: string;
}
/**
 * What references are resolved against: the page's figure ids and their labels, the numbering mode, and
 * the ids of figures the site's own templates render (by id → that template), which we cannot number.
 */
export interface ReferenceTargets {
    ids: ReadonlyMap<string, string | undefined>;
    numbers: FigureNumbering['numbers'];
    foreign?: ReadonlyMap<string, string>;
}
/**
 * The references in a Markdown tree's text (not in links, whose text cannot hold another link; not in
 * headings, whose text makes their id and their entry in the table of contents: those are `inHeading`).
 * The tree's offsets plus `base` index `source` (the page's text as written, where the tree may have been
 * parsed from a masked copy of its body), and so do the references'; `blocked` says which ranges are not
 * the page's Markdown text (a shortcode's, a formula's).
 */
export declare function findReferences(tree: Root, source: string, base: number, targets: ReferenceTargets, blocked?: (start: number, end: number) => boolean): {
    references: Reference[];
    inHeading: Reference[];
};
/**
 * A caption's (or any short Markdown string's) references made links, before it is rendered; what stays
 * as written and why in `problems`.
 */
export declare function withReferences(md: string, targets: ReferenceTargets): {
    md: string;
    problems: string[];
};
/** The number's text in front of a caption, as HTML: `<span class="hp-figure-number">Figure 2:</span>`. */
export declare function figureNumberHtml(label: FigureLabel, escape: (s: string) => string): string;
