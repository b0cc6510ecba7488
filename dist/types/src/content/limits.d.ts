/**
 * Hard limits on one page, checked before the expensive phases (Markdown parsing, KaTeX). Real posts are
 * far below every default; a page above one is hostile or broken, and without the limit it could cost
 * minutes and gigabytes (the Markdown parser and tree walkers grow faster than linearly with nesting
 * depth). A page over a limit gets one located error naming the limit and how to raise it, and is left to
 * Hugo as it is; the other pages are not affected.
 */
import type { Diagnostic } from './types.js';
import { LineIndex } from './position.js';
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
export declare const DEFAULT_LIMITS: PageLimits;
/** The setting that raises each limit, for messages and the README. */
export declare const LIMIT_SETTINGS: Record<keyof PageLimits, string>;
/** The located error for a page over `limit` (found is what the page has, or at least has). */
export declare function limitDiagnostic(limit: keyof PageLimits, limits: PageLimits, found: number, offset: number, lines: LineIndex, file: string): Diagnostic;
/**
 * The time and memory one page may use (pageSeconds, pageMemoryMB), checked between pieces of work:
 * `over()` names the budget the page has run past since `pageBudget` was called, if any. The heap is
 * sampled every few checks (V8's heap statistics: process.memoryUsage() also reads the resident size from
 * /proc, about 0.1 ms); time at every check.
 */
export declare function pageBudget(limits: PageLimits, now?: () => number, heap?: () => number): {
    over(): "pageSeconds" | "pageMemoryMB" | undefined;
};
/** The located error for a page stopped by its time or memory budget at `offset` (what it was about to do). */
export declare function budgetDiagnostic(limit: 'pageSeconds' | 'pageMemoryMB', limits: PageLimits, offset: number, what: string, lines: LineIndex, file: string): Diagnostic;
/**
 * The deepest container nesting of the body, estimated in one pass: per line, the `>` and list markers
 * that open it, plus the indentation before the first of them in steps of two columns (nested list items sit on lines of their
 * own, indented under their parent). It never underestimates what CommonMark can nest on a line, which
 * is what matters for a limit. Returns the depth and the offset of the first line that reaches it.
 */
export declare function containerDepth(source: string, from?: number): {
    depth: number;
    offset: number;
};
