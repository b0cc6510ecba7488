/**
 * The name a misspelled one most likely meant (a config key, a shortcode, a shortcode's parameter): the
 * one known name closest to it, when it is clearly close.
 */

/** Optimal string alignment distance (Levenshtein with transpositions). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known key `key` is most likely a misspelling of (case ignored): one closest, at most 2 edits and less than half of it. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const scored = known.map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) })).filter(({ k, d }) => d <= 2 && d < k.length / 2);
  const best = Math.min(...scored.map((s) => s.d));
  const closest = scored.filter((s) => s.d === best);
  return closest.length === 1 ? closest[0]!.k : undefined;
}
