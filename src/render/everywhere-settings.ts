/**
 * The site settings of math everywhere (render/everywhere.ts): read from the site's configuration before
 * any page is prerendered, so kept apart from the Markdown machinery (a warm build reads settings only).
 */
import type { AutoIdType } from '../content/headings.js';
import { getIn, isRecord } from '../site/config.js';

export interface TocConfig {
  /** markup.tableOfContents.startLevel (Hugo's default 2). */
  startLevel: number;
  /** markup.tableOfContents.endLevel (default 3; -1: all). */
  endLevel: number;
  ordered: boolean;
}

export const DEFAULT_TOC: TocConfig = { startLevel: 2, endLevel: 3, ordered: false };

export interface EverywhereSettings {
  idType: AutoIdType;
  toc: TocConfig;
  summaryLength: number;
  /** markup.goldmark.renderer.unsafe */
  unsafe: boolean;
  /** Passthrough enabled: Hugo 0.144+ gives math no text in heading ids. */
  passthrough: boolean;
  /**
   * `hasCJKLanguage`: a page with Chinese, Japanese or Korean text in its file (or `isCJKLanguage: true`
   * in its front matter) has its summary's words counted as Hugo counts them there (render/summary.ts).
   * Present only when set, so that other sites' page records stay as they were.
   */
  hasCJKLanguage?: true;
  /**
   * The Hugo that renders the site (0.134 and newer) keeps the HTML of an automatic summary, formulas
   * typeset: a summary with math needs no divider there (render/summary.ts), only one that stops before a
   * figure does. Present only when that Hugo is known to be one.
   */
  autoSummaryHtml?: true;
}

export const DEFAULT_EVERYWHERE: EverywhereSettings = {
  idType: 'github',
  toc: DEFAULT_TOC,
  summaryLength: 70,
  unsafe: false,
  passthrough: false,
};

/** The settings above from a site's merged configuration, with Hugo's defaults. */
export function everywhereSettings(data: Record<string, unknown>): EverywhereSettings {
  // Hugo 0.144 renamed autoHeadingIDType to autoIDType; the old name still wins when set.
  const idv = getIn(data, 'markup.goldmark.parser.autoHeadingIDType') ?? getIn(data, 'markup.goldmark.parser.autoIDType');
  const ids = typeof idv === 'string' ? idv.toLowerCase() : '';
  const int = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) ? v : d);
  const toc = getIn(data, 'markup.tableOfContents');
  return {
    idType: ids === 'github-ascii' || ids === 'blackfriday' ? ids : 'github',
    toc: isRecord(toc)
      ? {
          startLevel: int(getIn(toc, 'startLevel'), DEFAULT_TOC.startLevel),
          endLevel: int(getIn(toc, 'endLevel'), DEFAULT_TOC.endLevel),
          ordered: getIn(toc, 'ordered') === true,
        }
      : DEFAULT_TOC,
    summaryLength: int(getIn(data, 'summaryLength'), 70),
    unsafe: getIn(data, 'markup.goldmark.renderer.unsafe') === true,
    passthrough: getIn(data, 'markup.goldmark.extensions.passthrough.enable') === true,
    ...(hugoBool(getIn(data, 'hasCJKLanguage')) ? { hasCJKLanguage: true as const } : {}),
  };
}

/** A boolean setting as Hugo's config reads it (cast.ToBool: true, "true", "1", 1, …). */
export function hugoBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return typeof v === 'string' && ['1', 't', 'true'].includes(v.trim().toLowerCase());
}
