import type { ShortcodeDefinition } from './types.js';
/** Every shortcode in `shortcodes/`, by name. */
export declare const shortcodes: ReadonlyMap<string, ShortcodeDefinition<any>>;
export declare function getShortcode(name: string): ShortcodeDefinition<any> | undefined;
