/**
 * The name a misspelled one most likely meant (a config key, a shortcode, a shortcode's parameter): the
 * one known name closest to it, when it is clearly close.
 */
/** The known key `key` is most likely a misspelling of (case ignored): one closest, at most 2 edits and less than half of it. */
export declare function closestKey(key: string, known: readonly string[]): string | undefined;
