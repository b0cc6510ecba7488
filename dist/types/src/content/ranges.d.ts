/** Questions about ranges of a page's text, answered in O(log n) each (issue 14: pages hold thousands of them). */
/**
 * Whether [s, e) overlaps any of `ranges`, in O(log n) a question (a page may have as many images as
 * shortcodes and masks, each in the thousands: issue 14): among the ranges that start before e, does the
 * furthest-reaching one end after s?
 */
export declare function overlapChecker(ranges: readonly {
    start: number;
    end: number;
}[]): (s: number, e: number) => boolean;
/** How many of `offsets` (ascending) are below `at`. */
export declare function countBelow(offsets: readonly number[], at: number): number;
