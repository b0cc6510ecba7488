import type { Root as MdastRoot } from 'mdast';
import { type MathOptions } from '../content/math.js';
import type { DelimiterPair } from '../content/math-syntax.js';
/** `raw`: the formula as written, delimiters included (what shows when KaTeX rejects it). */
export type MathCallback = (tex: string, display: boolean, raw?: string) => string;
export interface InlineMarkdownOptions {
    /**
     * Hugo's `markup.goldmark.renderer.unsafe`. False (Hugo's default): raw HTML is left out, as Hugo
     * replaces it with a `<!-- raw HTML omitted -->` comment that Go templates then drop. True: kept.
     */
    unsafe?: boolean;
    /** Math delimiters; the defaults (`$`, `$$`, `\(`, `\[`) unless the site configures passthrough. */
    math?: MathOptions;
}
export interface RenderInlineOptions extends InlineMarkdownOptions {
    /** False: links are written as their content only (a table of contents entry is a link itself). */
    links?: boolean;
}
/** The raw HTML Goldmark writes instead of raw HTML when `unsafe` is false. */
export declare const RAW_HTML_OMITTED = " raw HTML omitted ";
export declare function isPlainWords(md: string, pairs: readonly DelimiterPair[]): boolean;
/** Test hook: with `enabled` false every caption, title and entry is parsed (no isPlainWords, no simpleInlineHtml). */
export declare const plainInlineFastPath: {
    enabled: boolean;
};
/** Markdown → HTML, with a lone wrapping paragraph removed (like Hugo's `markdownify`). */
export declare function renderInlineMarkdown(md: string, math: MathCallback, opts?: RenderInlineOptions): string;
/**
 * The text a reader sees, for `alt` attributes and SVG titles: emphasis, links and HTML tags dropped,
 * images by their alt text, math as its TeX source (without delimiters), entities decoded, typographic
 * quotes and dashes as Hugo's `markdownify | plainify` gives them, whitespace collapsed.
 */
export declare function markdownToPlainText(md: string, opts?: InlineMarkdownOptions): string;
/** Curly-quotes and dashes every text node, looking across node boundaries inside one block. */
export declare function typographer(tree: MdastRoot): void;
/** Applies the substitutions to one text, `before`/`after` being the characters around it. */
export declare function smarten(text: string, before?: string, after?: string): string;
