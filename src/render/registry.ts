import all from 'virtual:shortcodes';
import type { ShortcodeDefinition } from './types.js';

/** Every shortcode in `shortcodes/`, by name. */
export const shortcodes: ReadonlyMap<string, ShortcodeDefinition<any>> = new Map(all.map((s) => [s.name, s]));

export function getShortcode(name: string): ShortcodeDefinition<any> | undefined {
  return shortcodes.get(name);
}
