/**
 * Link reference definitions (`[label]: /url "title"`) across the `prerender-md` wrapper (issue 10).
 *
 * Hugo inserts a top-level `{{% %}}`'s output into the page's Markdown, so a definition anywhere on the
 * page reaches a reference inside the shortcode and the other way round (CommonMark makes definitions
 * page-wide, also inside lists and blockquotes; the first definition of a label wins; labels match
 * case-insensitively with whitespace collapsed). On a site with `unsafe = false` such a shortcode holding a
 * fragment travels inside the wrapper, whose RenderString makes its Markdown a document of its own. The plan
 * below gives both documents the definitions plain Hugo's one document has:
 *
 * - each wrapper gets the winning definitions of the labels its shortcode's inner content has in brackets
 *   that are not its own (`forWrap`): after its Markdown (so that the lines of the text it renders stay the
 *   shortcode's), or before it where the shortcode defines the label too and loses (the first one wins);
 * - the winning definitions written inside wrapped shortcodes go after the page's body (`appended`), where
 *   the page's Markdown sees them; the page's later definitions of those labels, which they beat in plain
 *   Hugo and would lose to there, get a token in their label (`neutralize`), so that they define a label no
 *   reference uses (a definition renders as nothing either way).
 *
 * What counts as the shortcode's Markdown is its inner content as written (de-indented as `.InnerDeindent`
 * does; within a line, as the rest of a paragraph), which is what Hugo renders when the theme's template
 * prints `.Inner`: definitions that the template itself writes, or that its markup hides (an HTML block
 * around `.Inner` without a blank line), are not seen.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Shortcode } from './types.js';
import { parseMarkdownWithMath } from './math.js';

export interface LinkDefinition {
  /** The label as Goldmark and micromark match it: whitespace collapsed, trimmed, case folded. */
  key: string;
  /** The label as written, whitespace runs collapsed to one space. */
  label: string;
  /** Destination and title, decoded (entities and backslash escapes resolved). */
  url: string;
  title: string | null;
  /** Offset in the source of the label's first character (just after `[`). */
  at: number;
  /** -1: the page's Markdown; else the index of the wrapped shortcode whose content holds it. */
  origin: number;
}

/** The token put at the start of a definition's label that loses to a definition moved after the body. */
export const DUP_TOKEN = 'hugoprerenderdupz';
/** CommonMark's (and Goldmark's) longest label. */
const MAX_LABEL = 999;

/** micromark's normalizeIdentifier (Goldmark: the same for ASCII and most scripts). */
export function labelKey(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

export interface WrappedMarkdown {
  /** The wrapped top-level `{{% %}}`: [start, end) and its inner content. */
  shortcode: Shortcode;
  md: 'block' | 'inline';
}

export interface DefinitionPlan {
  /** Per wrapped shortcode (the order given): one-line definitions to render before and after its Markdown. */
  forWrap: { before: string[]; after: string[] }[];
  /** One-line definitions to write after the page's body. */
  appended: string[];
  /** Source offsets where DUP_TOKEN goes (the start of a losing definition's label). */
  neutralize: number[];
}

/**
 * `tree`: the page body's Markdown tree (offsets relative to `bodyOffset`), or undefined to parse it here.
 * `topLevel`: the page's top-level shortcodes. `wrapped`: the top-level `{{% %}}` shortcodes that travel
 * inside the wrapper (in page order).
 */
export function planDefinitions(
  source: string,
  bodyOffset: number,
  tree: Root | undefined,
  topLevel: readonly Shortcode[],
  wrapped: readonly WrappedMarkdown[],
): DefinitionPlan {
  const defs: LinkDefinition[] = [];
  // The page's own Markdown, outside every top-level shortcode: a {{< >}}'s content is not in it, a
  // {{% %}}'s is read below on its own (the tags in the tree make its first line a paragraph's).
  const page = tree ?? parseMarkdownWithMath(source.slice(bodyOffset), []);
  const inShortcode = (at: number) => topLevel.some((sc) => at >= sc.offset && at < sc.end);
  for (const d of definitionsOf(page, source.slice(bodyOffset))) {
    const at = bodyOffset + d.start + 1;
    if (!inShortcode(at) && source[at - 1] === '[') defs.push({ ...d.def, at, origin: -1 });
  }
  for (const sc of topLevel) {
    if (sc.markup !== '%' || sc.innerStart === undefined || sc.innerEnd === undefined) continue;
    const w = wrapped.findIndex((x) => x.shortcode === sc);
    const md = w >= 0 ? wrapped[w]!.md : alone(source, sc) ? 'block' : 'inline';
    defs.push(...innerDefinitions(source, sc, md, w));
  }
  defs.sort((a, b) => a.at - b.at);
  const winner = new Map<string, LinkDefinition>();
  for (const d of defs) if (!winner.has(d.key)) winner.set(d.key, d);
  const winners = [...winner.values()];
  const forWrap = wrapped.map((x, i) => {
    const mentions = bracketed(source.slice(x.shortcode.innerStart, x.shortcode.innerEnd));
    const own = new Set(defs.filter((d) => d.origin === i).map((d) => d.key));
    const needed = winners.filter((d) => d.origin !== i && mentions.has(d.key));
    return { before: needed.filter((d) => own.has(d.key)).map(serialize), after: needed.filter((d) => !own.has(d.key)).map(serialize) };
  });
  const moved = winners.filter((d) => d.origin >= 0);
  const movedKeys = new Set(moved.map((d) => d.key));
  const neutralize = defs.filter((d) => d.origin === -1 && movedKeys.has(d.key) && d.label.length + DUP_TOKEN.length <= MAX_LABEL).map((d) => d.at);
  return { forWrap, appended: moved.map(serialize), neutralize };
}

/**
 * The keys of every bracketed text without brackets inside (`[x]`, `[text][label]`, `[label][]`): a superset
 * of the labels the text's references use (a label holds no unescaped bracket).
 */
function bracketed(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\[((?:[^[\]\\]|\\[^]){1,999})\]/g)) out.add(labelKey(m[1]!));
  return out;
}

/** Whether a shortcode has its lines to itself (Hugo renders its output as a block of its own). */
export function alone(source: string, sc: Shortcode): boolean {
  const lineStart = source.lastIndexOf('\n', sc.offset - 1) + 1;
  const lineEnd = source.indexOf('\n', sc.end);
  return source.slice(lineStart, sc.offset).trim() === '' && source.slice(sc.end, lineEnd < 0 ? source.length : lineEnd).trim() === '';
}

/** The definitions of `tree`, parsed from `text`, each with its label as written (escapes kept: they are part of what matches). */
function definitionsOf(tree: Root, text: string): { start: number; def: Omit<LinkDefinition, 'at' | 'origin'> }[] {
  const out: { start: number; def: Omit<LinkDefinition, 'at' | 'origin'> }[] = [];
  visit(tree, 'definition', (node) => {
    const start = node.position?.start.offset;
    if (start === undefined || text[start] !== '[') return;
    const close = /(?:[^\\\]]|\\[^])*\]/y;
    close.lastIndex = start + 1;
    if (!close.exec(text)) return;
    const label = text.slice(start + 1, close.lastIndex - 1);
    // A definition holding `{{` cannot travel (Hugo's lexer would read a shortcode), nor one holding anything
    // like our markers (`<!--/hugo-prerender:refs-->` in a label ended the block early: what followed was
    // printed as a fragment's HTML).
    const ours = /hugo-prerender/i;
    if (/\{\{/.test(label) || ours.test(label) || ours.test(node.url) || ours.test(node.title ?? '')) return;
    out.push({ start, def: { key: labelKey(label), label: label.replace(/[\t\n\r ]+/g, ' '), url: node.url, title: node.title ?? null } });
  });
  return out;
}

/**
 * The definitions of a top-level `{{% %}}`'s inner content as the wrapper renders it: de-indented by the
 * shortcode's indentation; within a line (`inline`), as the rest of a paragraph. Not those inside a nested
 * shortcode (Hugo renders its content apart).
 */
function innerDefinitions(source: string, sc: Shortcode, md: 'block' | 'inline', origin: number): LinkDefinition[] {
  const prefix = md === 'inline' ? 'x ' : '';
  let text = prefix;
  // Per line of `text`: where it starts there and in the source.
  const starts: [number, number][] = [];
  const ind = sc.indentation ?? '';
  for (let at = sc.innerStart!; at <= sc.innerEnd!; ) {
    const nl = source.indexOf('\n', at);
    const end = nl < 0 || nl >= sc.innerEnd! ? sc.innerEnd! : nl + 1;
    const cut = ind && source.startsWith(ind, at) && at + ind.length <= end ? ind.length : 0;
    starts.push([text.length, at + cut]);
    text += source.slice(at + cut, end);
    if (end >= sc.innerEnd!) break;
    at = end;
  }
  const toSource = (i: number) => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]![0] > i) k--;
    return starts[k]![1] + (i - starts[k]![0]);
  };
  const out: LinkDefinition[] = [];
  for (const d of definitionsOf(parseMarkdownWithMath(text, []), text)) {
    if (d.start < prefix.length) continue;
    const at = toSource(d.start + 1);
    if (source[at - 1] !== '[' || sc.children.some((c) => at >= c.offset && at < c.end)) continue;
    out.push({ ...d.def, at, origin });
  }
  return out;
}

/**
 * A definition on one line, as Goldmark reads it back to the same label, destination and title: the
 * destination in `<…>` and the title in quotes, with a backslash before each character that would end them
 * or start an escape or an entity, and before braces and `<` (so no `{{` for Hugo's lexer, no `<!--` for
 * the wrapper's markers); a line break in the title as a character reference.
 */
export function serialize(d: Pick<LinkDefinition, 'label' | 'url' | 'title'>): string {
  const esc = (s: string) => s.replace(/[\\<>&{}"]/g, (c) => `\\${c}`);
  const title = d.title === null ? '' : ` "${esc(d.title).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;')}"`;
  return `[${d.label}]: <${esc(d.url)}>${title}`;
}
