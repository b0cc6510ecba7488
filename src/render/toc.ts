/**
 * A table of contents with the structure of Hugo's `.TableOfContents` (markup/tableofcontents, the same
 * in 0.111.3 and 0.169): headings are placed by Hugo's row/level rule (an h1 starts a new row; a level
 * skipped gets an empty `<li>`), then written as nested `<ul>`/`<ol>` between startLevel and endLevel,
 * two spaces per indent, inside `<nav id="TableOfContents">`. Titles are our own HTML (typeset math).
 */

import { escapeHtmlGo } from './figure-html.js';

export { DEFAULT_TOC, type TocConfig } from './everywhere-settings.js';
import { DEFAULT_TOC, type TocConfig } from './everywhere-settings.js';

export interface TocEntry {
  level: number;
  /** The heading's id ('' when it has none). */
  id: string;
  /** The heading's content as HTML (no links inside: the entry is a link). */
  titleHtml: string;
}

interface Node {
  id: string;
  title: string;
  children: Node[];
}

const empty = (): Node => ({ id: '', title: '', children: [] });

/** Hugo's Fragments.addAt. */
function addAt(top: Node[], h: Node, row: number, level: number): void {
  while (top.length <= row) top.push(empty());
  if (level === 0) {
    top[row] = h;
    return;
  }
  let heading = top[row]!;
  for (let i = 1; i < level; i++) {
    if (heading.children.length === 0) heading.children.push(empty());
    heading = heading.children[heading.children.length - 1]!;
  }
  heading.children.push(h);
}

/** The TOC HTML for a page's headings in document order. */
export function tableOfContentsHtml(entries: readonly TocEntry[], cfg: TocConfig = DEFAULT_TOC): string {
  const top: Node[] = [];
  let row = -1;
  for (const e of entries) {
    if (e.level === 1 || row === -1) row++;
    addAt(top, { id: e.id, title: e.titleHtml, children: [] }, row, e.level - 1);
  }
  let s = '';
  const indent = (n: number) => {
    s += '  '.repeat(Math.max(0, n));
  };
  const list = cfg.ordered ? 'ol' : 'ul';
  const writeHeadings = (level: number, ind: number, hs: Node[]): void => {
    if (level < cfg.startLevel) {
      for (const h of hs) writeHeadings(level + 1, ind, h.children);
      return;
    }
    if (cfg.endLevel !== -1 && level > cfg.endLevel) return;
    const has = hs.length > 0;
    if (has) {
      s += '\n';
      indent(ind + 1);
      s += `<${list}>\n`;
    }
    for (const h of hs) {
      indent(ind + 2);
      s += '<li>';
      if (h.id !== '' || h.title !== '') s += `<a href="#${escapeHtmlGo(h.id)}">${h.title}</a>`;
      writeHeadings(level + 1, ind + 2, h.children);
      s += '</li>\n';
    }
    if (has) {
      indent(ind + 1);
      s += `</${list}>`;
      s += '\n';
      indent(ind);
    }
  };
  s += '<nav id="TableOfContents">';
  writeHeadings(1, 0, top);
  s += '</nav>';
  return s;
}
