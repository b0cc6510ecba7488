import list from 'virtual:shortcode-list';

/**
 * The name of every shortcode in `shortcodes/` → whether it takes inner content, without loading the
 * shortcodes (and everything they render with): registry.ts has the shortcodes themselves, in the same order.
 */
export const shortcodeList: ReadonlyMap<string, 'none' | 'optional' | 'required'> = new Map(list);
