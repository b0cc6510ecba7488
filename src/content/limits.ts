/**
 * Hard limits on one page, checked before the expensive phases (Markdown parsing, KaTeX). Real posts are
 * far below every default; a page above one is hostile or broken, and without the limit it could cost
 * minutes and gigabytes (the Markdown parser and tree walkers grow faster than linearly with nesting
 * depth). A page over a limit gets one located error naming the limit and how to raise it, and is left to
 * Hugo as it is; the other pages are not affected.
 */
import type { Diagnostic } from './types.js';
import { LineIndex } from './position.js';
import { getHeapStatistics } from 'node:v8';

export interface PageLimits {
  /** Size of the content file in bytes (UTF-8). */
  pageBytes: number;
  /** Formulas (math spans) on one page. */
  formulas: number;
  /** Shortcodes on one page (ours and the theme's, nested ones included). */
  shortcodes: number;
  /** Nesting of Markdown containers (blockquotes, list items) on one line. */
  nesting: number;
  /** KaTeX `maxExpand`: macro expansions per formula. */
  mathExpansions: number;
  /** KaTeX `maxSize`: the largest size, in em, a formula may ask for (`\rule`, `\kern`, `\hspace`). */
  mathMaxSize: number;
  /**
   * Tokens KaTeX may process per formula, macro expansions included (KaTeX's maxExpand counts expansions,
   * not what they produce: a 2.2 KB macro bomb expands to millions of tokens). See render/katex.ts.
   */
  mathTokens: number;
  /** Bytes of HTML or SVG one formula, figure, diagram or plot may produce (render/output-limits.ts). */
  fragmentBytes: number;
  /** Bytes of prerendered output one page may add up to (its shadow and its fragments). */
  outputBytes: number;
  /**
   * Seconds one page may take to prerender (checked before each formula, shortcode and phase; one
   * formula or shortcode is bounded by the work limits above). The only limit that counts time.
   */
  pageSeconds: number;
  /** Megabytes the JavaScript heap may grow by while one page is prerendered (checked as pageSeconds). */
  pageMemoryMB: number;
}

export const DEFAULT_LIMITS: PageLimits = {
  pageBytes: 2 * 1024 * 1024,
  formulas: 10_000,
  shortcodes: 10_000,
  nesting: 64,
  mathExpansions: 1000,
  mathMaxSize: 200,
  mathTokens: 20_000,
  fragmentBytes: 2_000_000,
  outputBytes: 10_000_000,
  pageSeconds: 120,
  pageMemoryMB: 1024,
};

/** The setting that raises each limit, for messages and the README. */
export const LIMIT_SETTINGS: Record<keyof PageLimits, string> = {
  pageBytes: 'params.prerender.limits.pageBytes',
  formulas: 'params.prerender.limits.formulas',
  shortcodes: 'params.prerender.limits.shortcodes',
  nesting: 'params.prerender.limits.nesting',
  mathExpansions: 'params.prerender.limits.mathExpansions',
  mathMaxSize: 'params.prerender.limits.mathMaxSize',
  mathTokens: 'params.prerender.limits.mathTokens',
  fragmentBytes: 'params.prerender.limits.fragmentBytes',
  outputBytes: 'params.prerender.limits.outputBytes',
  pageSeconds: 'params.prerender.limits.pageSeconds',
  pageMemoryMB: 'params.prerender.limits.pageMemoryMB',
};

const WHAT: Record<keyof PageLimits, string> = {
  pageBytes: 'bytes',
  formulas: 'formulas',
  shortcodes: 'shortcodes',
  nesting: 'levels of nested blockquotes or lists',
  mathExpansions: 'macro expansions in a formula',
  mathMaxSize: 'em in a size',
  mathTokens: 'tokens in a formula',
  fragmentBytes: 'bytes of output in a fragment',
  outputBytes: 'bytes of prerendered output',
  pageSeconds: 'seconds of prerendering',
  pageMemoryMB: 'MB of memory allocated while prerendering',
};

/** What becomes of a page held back by a limit (src/build.ts: keepOrCut). */
const HELD = "it keeps the copy the last build wrote, which Hugo's staleness check reports; a page without one is rendered by Hugo as it is";

/** The located error for a page over `limit` (found is what the page has, or at least has). */
export function limitDiagnostic(limit: keyof PageLimits, limits: PageLimits, found: number, offset: number, lines: LineIndex, file: string): Diagnostic {
  return limitError(
    offset,
    lines,
    file,
    `this page has ${found > limits[limit] ? `${found}` : `more than ${limits[limit]}`} ${WHAT[limit]}, over the limit of ${limits[limit]}, so it was not prerendered ` +
      `(${HELD}). Split the page, or raise ${LIMIT_SETTINGS[limit]} in the site config if it is meant to be this large`,
  );
}

function limitError(offset: number, lines: LineIndex, file: string, message: string): Diagnostic {
  return { severity: 'error', code: 'limit', file, ...lines.at(offset), offset, message };
}

/**
 * The time and memory one page may use (pageSeconds, pageMemoryMB), checked between pieces of work:
 * `over()` names the budget the page has run past since `pageBudget` was called, if any. The heap is
 * sampled every few checks (V8's heap statistics: process.memoryUsage() also reads the resident size from
 * /proc, about 0.1 ms); time at every check.
 */
export function pageBudget(limits: PageLimits, now: () => number = () => performance.now(), heap: () => number = () => getHeapStatistics().used_heap_size) {
  const start = now();
  // The lowest reading so far: a collection during the page frees garbage made before it, which would
  // otherwise hide as much of the page's own growth (measured from the start, a page that allocated past
  // its budget could end below the heap it started with).
  let heapLow = heap();
  let checks = 0;
  return {
    over(): 'pageSeconds' | 'pageMemoryMB' | undefined {
      if (now() - start > limits.pageSeconds * 1000) return 'pageSeconds';
      if (++checks % 16 === 0) {
        const used = heap();
        if (used - heapLow > limits.pageMemoryMB * 1024 * 1024) return 'pageMemoryMB';
        heapLow = Math.min(heapLow, used);
      }
      return undefined;
    },
  };
}

/** The located error for a page stopped by its time or memory budget at `offset` (what it was about to do). */
export function budgetDiagnostic(limit: 'pageSeconds' | 'pageMemoryMB', limits: PageLimits, offset: number, what: string, lines: LineIndex, file: string): Diagnostic {
  const spent = limit === 'pageSeconds' ? `took more than ${limits.pageSeconds} s` : `allocated more than ${limits.pageMemoryMB} MB`;
  return limitError(
    offset,
    lines,
    file,
    `prerendering this page ${spent} and was stopped at this ${what}, so it was not prerendered (${HELD}). ` +
      `Split the page, or raise ${LIMIT_SETTINGS[limit]} in the site config if it is meant to be this heavy`,
  );
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;

function isListMarkerAt(source: string, i: number): number {
  // `-`, `*`, `+` or up to nine digits then `.` or `)`, followed by a space or tab: the marker's length.
  const c = source.charCodeAt(i);
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    const n = source.charCodeAt(i + 1);
    return n === SPACE || n === TAB ? 1 : 0;
  }
  let j = i;
  while (j < source.length && j - i < 9 && source.charCodeAt(j) >= 0x30 && source.charCodeAt(j) <= 0x39) j++;
  if (j === i) return 0;
  const d = source.charCodeAt(j);
  if (d !== 0x2e && d !== 0x29) return 0;
  const n = source.charCodeAt(j + 1);
  return n === SPACE || n === TAB ? j + 1 - i : 0;
}

/**
 * The deepest container nesting of the body, estimated in one pass: per line, the `>` and list markers
 * that open it, plus the indentation before the first of them in steps of two columns (nested list items sit on lines of their
 * own, indented under their parent). It never underestimates what CommonMark can nest on a line, which
 * is what matters for a limit. Returns the depth and the offset of the first line that reaches it.
 */
export function containerDepth(source: string, from = 0): { depth: number; offset: number } {
  let best = 0;
  let bestAt = from;
  let i = from;
  while (i < source.length) {
    const lineStart = i;
    let depth = 0;
    let indent = 0;
    // A line of nothing but `-` (or `*`) and spaces is a thematic break (`- - -`), not nested lists.
    let bullets = '';
    let onlyOneBullet = true;
    for (;;) {
      const c = source.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        // Only the indentation before the first marker nests (spaces after a marker belong to it).
        if (depth === 0) indent += c === TAB ? 4 : 1;
        i++;
      } else if (c === GT) {
        depth++;
        onlyOneBullet = false;
        i++;
      } else {
        const m = isListMarkerAt(source, i);
        if (m === 0) break;
        if (m > 1 || (bullets !== '' && bullets !== source[i])) onlyOneBullet = false;
        bullets = source[i]!;
        depth++;
        i += m;
      }
    }
    const c = source.charCodeAt(i);
    const atEol = i >= source.length || c === 0x0a || c === 0x0d;
    const lastIsBullet = (source[i] === '-' || source[i] === '*') && (bullets === '' || bullets === source[i]);
    if (onlyOneBullet && (atEol || (lastIsBullet && /^[-*][ \t]*(\r?\n|$)/.test(source.slice(i, i + 3))))) depth = 0;
    // Indentation nests only under a container marker: an indented line without one is code or text.
    if (depth > 0) depth += indent >> 1;
    if (depth > best) {
      best = depth;
      bestAt = lineStart;
    }
    const nl = source.indexOf('\n', i);
    if (nl < 0) break;
    i = nl + 1;
  }
  return { depth: best, offset: bestAt };
}
