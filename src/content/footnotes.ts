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
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

interface Definition {
  start: number;
  end: number;
  label: string;
  /** Its place in the rendered footnote list (0 first), none when no reference names it. */
  place?: number;
}

/** The label as written (mdast's `label`), else its identifier. */
const labelOf = (node: { label?: string | null; identifier: string }): string => node.label ?? node.identifier;

/** The footnote definitions of `tree` in the order written, each with its place in Goldmark's list. */
export function footnoteDefinitions(tree: Root): Definition[] {
  const definitions: Definition[] = [];
  const references: { offset: number; label: string }[] = [];
  visit(tree, (node: Nodes) => {
    if (!node.position) return;
    if (node.type === 'footnoteDefinition') definitions.push({ start: node.position.start.offset!, end: node.position.end.offset!, label: labelOf(node) });
    else if (node.type === 'footnoteReference') references.push({ offset: node.position.start.offset!, label: labelOf(node) });
  });
  if (definitions.length === 0) return definitions;
  definitions.sort((a, b) => a.start - b.start);
  const first = definitions[0]!.start;
  const reach = reaches(definitions);
  // Read order: [where it is read, then which definition holds it (-1: the body), then where it is].
  const key = (offset: number): [number, number, number] => {
    const d = innermost(definitions, reach, offset);
    return d < 0 ? [offset, -1, offset] : [first, d, offset];
  };
  const keyed = references.map((r) => ({ ...r, key: key(r.offset) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  // A label names its first definition; a later one of the same label is left out.
  const byLabel = new Map<string, Definition>();
  for (const d of definitions) if (!byLabel.has(d.label)) byLabel.set(d.label, d);
  let places = 0;
  for (const r of keyed) {
    const d = byLabel.get(r.label);
    if (d && d.place === undefined) d.place = places++;
  }
  return definitions;
}

/**
 * The index of the innermost definition holding `offset`, or -1: the last one starting at or before it
 * that ends after it (`reach[i]`: the furthest end among definitions 0…i, which stops the search back).
 */
function innermost(definitions: readonly Definition[], reach: readonly number[], offset: number): number {
  let lo = 0;
  let hi = definitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (definitions[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && reach[i]! > offset; i--) if (offset < definitions[i]!.end) return i;
  return -1;
}

/** reach[i]: the furthest end among definitions[0…i]. */
function reaches(definitions: readonly Definition[]): number[] {
  const reach: number[] = [];
  for (const d of definitions) reach.push(Math.max(d.end, reach[reach.length - 1] ?? -Infinity));
  return reach;
}

/**
 * The order in which the rendered page shows things at `offsets` (into the tree's text, ascending): the
 * body's in the order written, then each footnote's, in Goldmark's order. Indices into `offsets`; those
 * in a definition Goldmark leaves out are not in it. Undefined when the page has no footnote definition
 * (the order written).
 */
export function renderedOrder(tree: Root, offsets: readonly number[]): number[] | undefined {
  const definitions = footnoteDefinitions(tree);
  if (definitions.length === 0) return undefined;
  const reach = reaches(definitions);
  const body: number[] = [];
  const notes = new Map<number, number[]>();
  for (const [i, offset] of offsets.entries()) {
    const d = innermost(definitions, reach, offset);
    if (d < 0) body.push(i);
    else {
      const place = definitions[d]!.place;
      if (place === undefined) continue;
      let list = notes.get(place);
      if (!list) notes.set(place, (list = []));
      list.push(i);
    }
  }
  return [...body, ...[...notes.keys()].sort((a, b) => a - b).flatMap((place) => notes.get(place)!)];
}
