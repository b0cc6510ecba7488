/**
 * Where Goldmark (Hugo's Markdown) shows what footnote definitions hold: not where they are written, but
 * in one list at the end of the page, in the order their first references were read, the definitions no
 * reference names left out (Goldmark's extension/footnote.go). MathJax numbers equations in the order
 * the rendered page shows them, so a formula in a footnote is numbered after every formula of the body.
 *
 * Goldmark reads references block by block, in the order of its tree, after the block structure is
 * known; its footnote list stands where the first definition was, holding every definition in the order
 * written. So the references inside definitions are read at the place of the first definition, before
 * those of the body that comes after it. A reference names the first definition of exactly its label
 * (Goldmark compares the bytes, where CommonMark's link labels ignore case).
 */
import type { Root } from 'mdast';
interface Definition {
    start: number;
    end: number;
    label: string;
    /** Its place in the rendered footnote list (0 first), none when no reference names it. */
    place?: number;
}
/** The footnote definitions of `tree` in the order written, each with its place in Goldmark's list. */
export declare function footnoteDefinitions(tree: Root): Definition[];
/**
 * The order in which the rendered page shows things at `offsets` (into the tree's text, ascending): the
 * body's in the order written, then each footnote's, in Goldmark's order. Indices into `offsets`; those
 * in a definition Goldmark leaves out are not in it. Undefined when the page has no footnote definition
 * (the order written).
 */
export declare function renderedOrder(tree: Root, offsets: readonly number[]): number[] | undefined;
export {};
