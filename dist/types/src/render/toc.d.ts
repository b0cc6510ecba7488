/**
 * A table of contents with the structure of Hugo's `.TableOfContents` (markup/tableofcontents, the same
 * in 0.111.3 and 0.169): headings are placed by Hugo's row/level rule (an h1 starts a new row; a level
 * skipped gets an empty `<li>`), then written as nested `<ul>`/`<ol>` between startLevel and endLevel,
 * two spaces per indent, inside `<nav id="TableOfContents">`. Titles are our own HTML (typeset math).
 */
export { DEFAULT_TOC, type TocConfig } from './everywhere-settings.js';
import { type TocConfig } from './everywhere-settings.js';
export interface TocEntry {
    level: number;
    /** The heading's id ('' when it has none). */
    id: string;
    /** The heading's content as HTML (no links inside: the entry is a link). */
    titleHtml: string;
}
/** The TOC HTML for a page's headings in document order. */
export declare function tableOfContentsHtml(entries: readonly TocEntry[], cfg?: TocConfig): string;
