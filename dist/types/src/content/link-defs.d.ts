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
import type { Shortcode } from './types.js';
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
export declare const DUP_TOKEN = "hugoprerenderdupz";
/** micromark's normalizeIdentifier (Goldmark: the same for ASCII and most scripts). */
export declare function labelKey(label: string): string;
export interface WrappedMarkdown {
    /** The wrapped top-level `{{% %}}`: [start, end) and its inner content. */
    shortcode: Shortcode;
    md: 'block' | 'inline';
}
export interface DefinitionPlan {
    /** Per wrapped shortcode (the order given): one-line definitions to render before and after its Markdown. */
    forWrap: {
        before: string[];
        after: string[];
    }[];
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
export declare function planDefinitions(source: string, bodyOffset: number, tree: Root | undefined, topLevel: readonly Shortcode[], wrapped: readonly WrappedMarkdown[]): DefinitionPlan;
/** Whether a shortcode has its lines to itself (Hugo renders its output as a block of its own). */
export declare function alone(source: string, sc: Shortcode): boolean;
/**
 * A definition on one line, as Goldmark reads it back to the same label, destination and title: the
 * destination in `<…>` and the title in quotes, with a backslash before each character that would end them
 * or start an escape or an entity, and before braces and `<` (so no `{{` for Hugo's lexer, no `<!--` for
 * the wrapper's markers); a line break in the title as a character reference.
 */
export declare function serialize(d: Pick<LinkDefinition, 'label' | 'url' | 'title'>): string;
