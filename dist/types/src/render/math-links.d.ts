/**
 * What math may link to, and what is said where it may not: KaTeX's `trust` option for `\href` and `\url`
 * (MathJax typesets both as links, KaTeX refuses them by default and shows a red `\href` in place of
 * the link and its text), a refused link shown as its text (linksRefusedAsText), and a located warning
 * for each command KaTeX then still refuses.
 *
 * A link in math follows the rules Goldmark applies to a Markdown link (render/goldmark-url.ts), only
 * stricter: http:, https:, mailto: and relative URLs are linked, everything else is not, so that
 * `javascript:`, `vbscript:`, `file:` and `data:` never are (whatever `markup.goldmark.renderer.unsafe`
 * says: a formula's link is the author's TeX, not HTML they chose to allow). KaTeX's own commands that
 * write HTML attributes or load images (`\htmlClass`, `\htmlId`, `\htmlStyle`, `\htmlData`,
 * `\includegraphics`) stay refused: MathJax has none of them, and a post must not style or script the
 * page through its TeX.
 */
import type { TrustContext } from 'katex';
/**
 * KaTeX's `\href` and `\url` (katex/src/functions/href.ts), except that a link its `trust` option
 * refuses shows as its text, not linked: `\href{javascript:…}{y}` as `y` in the formula (a group of
 * its own, as `{y}`), `\url{…}` as its URL in typewriter type, as the link's text would be. KaTeX's own
 * shows a red `\href` (`\url`) in its place and drops the text, which the reader of MathJax's page
 * saw. Whether a link is made is still the `trust` option's answer (trustedInMath), asked as KaTeX asks
 * it (`isTrusted`, which refuses a URL whose scheme it cannot read without asking); a link it allows is
 * KaTeX's, markup and all (the builders of its `href` nodes are kept).
 */
export declare function linksRefusedAsText(katex: object): void;
/** KaTeX's `trust` answer: `\href` and `\url` to an http:, https:, mailto: or relative URL. */
export declare function trustedInMath(context: TrustContext): boolean;
/**
 * KaTeX's protocolFromUrl (katex/src/utils.ts): the URL's scheme in lower case, `_relative` when it has
 * none, null when it has one KaTeX will not read (a colon written as an entity, `&colon;` or `&#58;`; a
 * space or another character a scheme cannot have before the colon): KaTeX then refuses the URL
 * without asking the `trust` function.
 */
export declare function urlScheme(url: string): string | null;
/** A notice about a formula; `texOffset` into the TeX searched (see refusalWarnings). */
export interface RefusalWarning {
    message: string;
    texOffset?: number;
}
/**
 * The warnings for what KaTeX refused while typesetting `tex` (the formula's own text, offsets index it):
 * `refused`, what the `trust` option said no to, in the order KaTeX asked, each at the command it is
 * about when that is in `tex` (not in a macro's body); and the `\href` and `\url` in `tex` whose URL KaTeX
 * refused without asking (urlScheme null).
 */
export declare function refusalWarnings(tex: string, refused: readonly TrustContext[]): RefusalWarning[];
