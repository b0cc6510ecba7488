/**
 * Output size limits (params.prerender.limits.fragmentBytes and outputBytes, see content/limits.ts): a
 * formula, figure, diagram or plot that would produce more than fragmentBytes is an error at its place
 * (ten plots of a 2 MB CSV made a 115 MB page), and a page whose output adds up to more than outputBytes
 * is an error at the page, which is then not prerendered. Sizes, never times: the same input always
 * gives the same result.
 */
import { type PageLimits } from '../content/limits.js';
/** `1.5 MB`, `900 kB`, `12 bytes`. */
export declare function formatBytes(n: number): string;
/**
 * The size of `text` in UTF-8 when it is more than `limit` bytes, else undefined. A UTF-16 code unit is at
 * most three bytes, so text of up to a third of the limit in code units is not counted (counting was about
 * 1 % of a cold build: every formula, fragment and page is checked).
 */
export declare function bytesOver(text: string, limit: number): number | undefined;
/** The error for output over a byte limit. */
export declare function tooBigMessage(what: string, bytes: number, limit: number, key: 'fragmentBytes' | 'outputBytes'): string;
/**
 * The error for a page whose output (its shadow and the fragments rendered for it in this build) is over
 * `outputBytes`, or undefined. Fragments reused from disk count 0 here: each passed the fragment limit.
 */
export declare function pageTooBig(shadow: string | undefined, fragments: readonly {
    html: string;
}[], outputBytes: number): string | undefined;
/** The limits that change what a fragment holds: part of fragment keys, so changing one re-renders. */
export declare function mathAndOutputLimits(l: PageLimits): Pick<PageLimits, 'mathExpansions' | 'mathMaxSize' | 'mathTokens' | 'fragmentBytes'>;
