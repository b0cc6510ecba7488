import type { ShortcodeDefinition } from './types.js';
/** A Markdown table of one shortcode's parameters. */
export declare function paramsTable(def: ShortcodeDefinition<any>): string;
/** Replaces every `<!-- params:NAME -->…<!-- /params:NAME -->` block with the current table. */
export declare function updateParamsBlocks(readme: string, defs: Iterable<ShortcodeDefinition<any>>): string;
