/** Questions about ranges of a page's text, answered in O(log n) each (issue 14: pages hold thousands of them). */
/**
 * Whether [s, e) overlaps any of `ranges`, in O(log n) a question (a page may have as many images as
 * shortcodes and masks, each in the thousands: issue 14): among the ranges that start before e, does the
 * furthest-reaching one end after s?
 */
export function overlapChecker(ranges: readonly { start: number; end: number }[]): (s: number, e: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const r of sorted) reach.push(Math.max(r.end, reach[reach.length - 1] ?? -Infinity));
  return (s, e) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > s;
  };
}

/** How many of `offsets` (ascending) are below `at`. */
export function countBelow(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
