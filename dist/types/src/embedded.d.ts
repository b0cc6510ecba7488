/** The parameter the embedded code finds the command's `import.meta.url` in (scripts/embed-plugin.mjs defines it). */
export declare const META_URL_PARAM = "__hpMetaUrl";
/** What starts a block: `/*` + this + its name + a line break (written in two parts, so that this line is not one). */
export declare const BLOCK_START: string;
/**
 * A block's text holds no `*\/` (it would end the comment) and only ASCII (a file of one-byte characters
 * is quicker for V8 to read): scripts/embed-plugin.mjs writes `~` as `~0`, the `/` of `*\/` as `~1`, and any
 * other character above U+007F as `~2` and its UTF-16 code unit in four hex digits. This undoes it.
 */
export declare function decodeBlock(text: string): string;
/** The code of block `name` in the text of a file (undefined when it has none). */
export declare function findBlock(fileText: string, name: string): string | undefined;
/** The running command's file has lost a block (a copy of it whose comments were stripped). */
export declare class EmbeddedCodeMissing extends Error {
}
/** Compiles and runs an embedded block of the running command; returns its exports. */
export declare function loadEmbedded(name: string): Record<string, unknown>;
/**
 * An embedded block's exports, compiled on first use: an object with a getter for each of `names` (the
 * build found them), of which the first one read loads the block. For a library the command needs only
 * sometimes (YAML and JSON configurations, `init`'s edits, `watch`): what imports it is evaluated when the
 * command starts, but reads the library's exports only when it calls them.
 */
export declare function lazyEmbedded(name: string, names: readonly string[]): Record<string, unknown>;
