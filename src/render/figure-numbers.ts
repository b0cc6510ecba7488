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
import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagnostic, Shortcode } from '../content/types.js';
import type { FigureNumbering } from '../site/config.js';
import { delimiterPairs, parseMarkdownWithMath } from '../content/math.js';
import { closestKey } from './closest-name.js';

/** An id's grammar: a letter, then letters, digits and `_`, with single `-`, `.` or `:` between them. */
const ID = String.raw`[A-Za-z]\w*(?:[-.:]\w+)*`;

/** A usable figure id. */
export const FIGURE_ID = new RegExp(`^${ID}$`);

/**
 * `@id` in text (see the module comment); group 1 is the id. Not after `!` or `]` either: the link it
 * becomes would make `![…](…)` an image, `[…][…]` a reference.
 */
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}_\\@.+!\]-])@(${ID})`, 'gu');

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
export function planFigureNumbers(figures: readonly Shortcode[], numbering: FigureNumbering, file: string): FigurePlan {
  const plan: FigurePlan = { figures: new Map(), ids: new Map(), diagnostics: [] };
  const where = new Map<string, Shortcode>();
  let n = 0;
  for (const sc of figures) {
    const raw = Array.isArray(sc.params) ? undefined : sc.params.id;
    let id: string | undefined;
    if (raw !== undefined && raw !== '') {
      const at = sc.paramPositions?.id ?? { line: sc.line, column: sc.column, offset: sc.offset };
      const warn = (message: string) => plan.diagnostics.push({ severity: 'warning', file, ...at, code: 'figure-id', message: `${sc.name}: ${message}` });
      const text = String(raw);
      const first = where.get(text);
      if (!FIGURE_ID.test(text)) {
        warn(`id=${JSON.stringify(text)} is not a usable figure id, so this figure gets none: start it with a letter, then letters, digits and "_", with "-", "." or ":" between them (id="fig-lstm")`);
      } else if (first) {
        warn(`id="${text}" is already the id of the ${first.name} at line ${first.line}, so this one gets none: ids must differ on a page`);
      } else {
        id = text;
        where.set(text, sc);
      }
    }
    const numbered = numbering.numbers === 'all' || (numbering.numbers === 'id' && id !== undefined);
    const label = numbered ? `${numbering.label} ${++n}` : undefined;
    plan.figures.set(sc.offset, { ...(id !== undefined ? { id } : {}), ...(label !== undefined ? { label, separator: numbering.separator } : {}) });
    if (id !== undefined) plan.ids.set(id, label);
  }
  return plan;
}

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

/** Markdown for text shown as it is: every ASCII punctuation character escaped. */
function markdownLiteral(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
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

/** The reference `@id` at [start, end) resolved against the page's figures. */
function resolve(id: string, start: number, end: number, { ids, numbers, foreign }: ReferenceTargets): Reference {
  if (ids.has(id)) {
    const label = ids.get(id);
    if (label !== undefined) return { start, end, id, markdown: `[${markdownLiteral(label)}](#${id})` };
    return {
      start,
      end,
      id,
      problem:
        numbers === 'none'
          ? `@${id} is left as written: figures are not numbered on this site (params.prerender.figures.numbers = "none"), so it has no number to show. Link to it with [text](#${id})`
          : `@${id} is left as written: its figure has no number`,
    };
  }
  const template = foreign?.get(id);
  if (template !== undefined) {
    return {
      start,
      end,
      id,
      problem: `@${id} is left as written: the figure with that id is rendered by the site's own template (${template}), which hugo-prerender does not number. Link to it with [text](#${id})`,
    };
  }
  if (!id.startsWith('fig-')) return { start, end, id };
  const known = [...ids.keys()];
  const meant = closestKey(id, known);
  return {
    start,
    end,
    id,
    problem:
      `@${id} refers to no figure on this page, so it is left as written` +
      (meant ? `; did you mean @${meant}?` : known.length ? ` (figure ids here: ${known.join(', ')})` : '; give the figure id="' + id + '"'),
  };
}

/** Every `@id` in `text` (a run of Markdown text as written), offsets plus `base`. */
function referencesInText(text: string, base: number, targets: ReferenceTargets, out: Reference[]): void {
  if (!text.includes('@')) return;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const ref = resolve(m[1]!, base + m.index, base + m.index + m[0].length, targets);
    if (ref.markdown !== undefined || ref.problem !== undefined) out.push(ref);
  }
}

/**
 * The references in a Markdown tree's text (not in links, whose text cannot hold another link; not in
 * headings, whose text makes their id and their entry in the table of contents: those are `inHeading`).
 * The tree's offsets plus `base` index `source` (the page's text as written, where the tree may have been
 * parsed from a masked copy of its body), and so do the references'; `blocked` says which ranges are not
 * the page's Markdown text (a shortcode's, a formula's).
 */
export function findReferences(
  tree: Root,
  source: string,
  base: number,
  targets: ReferenceTargets,
  blocked: (start: number, end: number) => boolean = () => false,
): { references: Reference[]; inHeading: Reference[] } {
  const references: Reference[] = [];
  const inHeading: Reference[] = [];
  const walk = (node: Nodes, heading: boolean) => {
    visit(node, (n) => {
      if (n.type === 'link' || n.type === 'linkReference' || n.type === 'definition' || n.type === 'code' || n.type === 'inlineCode' || n.type === 'html') return SKIP;
      if (n.type === 'heading' && !heading) {
        walk(n, true);
        return SKIP;
      }
      if (n.type !== 'text' || !n.position) return;
      const start = base + n.position.start.offset!;
      const end = base + n.position.end.offset!;
      const found: Reference[] = [];
      referencesInText(source.slice(start, end), start, targets, found);
      for (const r of found) if (!blocked(r.start, r.end)) (heading ? inHeading : references).push(r);
    });
  };
  walk(tree, false);
  return { references, inHeading };
}

/**
 * A caption's (or any short Markdown string's) references made links, before it is rendered; what stays
 * as written and why in `problems`.
 */
export function withReferences(md: string, targets: ReferenceTargets): { md: string; problems: string[] } {
  if (!md.includes('@')) return { md, problems: [] };
  const tree = parseMarkdownWithMath(md, delimiterPairs(undefined));
  const { references, inHeading } = findReferences(tree, md, 0, targets);
  const problems = [...references, ...inHeading].flatMap((r) => (r.problem !== undefined ? [r.problem] : []));
  let out = '';
  let at = 0;
  for (const r of references) {
    if (r.markdown === undefined) continue;
    out += md.slice(at, r.start) + r.markdown;
    at = r.end;
  }
  return { md: out + md.slice(at), problems };
}

/** The number's text in front of a caption, as HTML: `<span class="hp-figure-number">Figure 2:</span>`. */
export function figureNumberHtml(label: FigureLabel, escape: (s: string) => string): string {
  return label.label === undefined ? '' : `<span class="hp-figure-number">${escape(label.label + (label.separator ?? ''))}</span>`;
}
