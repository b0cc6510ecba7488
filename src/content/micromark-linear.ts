/**
 * A linear replacement for micromark's text resolver (issue 14, hostile input).
 *
 * micromark ends every text and string tokenizer (a paragraph, a heading, a table cell, a link title)
 * by merging runs of adjacent `data` events into one, with an `events.splice` per run: each splice moves
 * every later event, so a paragraph with many runs costs O(events × runs). Runs are made wherever a
 * construct was tried and failed between two data events, so a paragraph of `\( a ` (or of `` `x` a ``,
 * `&amp; a `, `\* a `) repeated has one run per repetition: 40,000 of them took 45 s in one page.
 *
 * `mergeAdjacentData` does the same merge in one pass, compacting the array in place. The bundle and the
 * tests install it in place of micromark's own (scripts/micromark-linear-plugin.mjs rewrites micromark's
 * `initialize/text.js` at build time); tests/unit/micromark-linear.test.ts checks that it returns what
 * micromark's algorithm returns.
 */
import type { Event, Resolver } from 'micromark-util-types';

/** Calls of the installed resolver: lets a test see that the build step did install it. */
export const linearTextStats = { calls: 0 };

/**
 * Merges each run of adjacent `data` events into its first data token (whose end becomes the run's
 * end), in place, in O(events). Same result as micromark's `resolveAllText`.
 */
export function mergeAdjacentData(events: Event[]): Event[] {
  const n = events.length;
  let out = 0;
  let i = 0;
  while (i < n) {
    const event = events[i]!;
    if (event[1].type !== 'data' || i + 1 >= n) {
      events[out++] = event;
      i++;
      continue;
    }
    // `event` enters a data token and events[i + 1] exits it; further data events extend the run.
    let j = i + 2;
    while (j < n && events[j]![1].type === 'data') j++;
    if (j !== i + 2) event[1].end = events[j - 1]![1].end;
    events[out++] = event;
    events[out++] = events[i + 1]!;
    i = j;
  }
  events.length = out;
  return events;
}

/** The resolver micromark's `createResolver(extra)` makes, in linear time. */
export function linearTextResolver(extra?: Resolver): Resolver {
  return (events, context) => {
    linearTextStats.calls++;
    const merged = mergeAdjacentData(events);
    return extra ? extra(merged, context) : merged;
  };
}
