import { type ConfigFormat, type Mount } from './config.js';
/** What to change in a file's mounts list. */
export interface MountEdit {
    /** The mounts the file has, in order (as config.ts moduleMounts reads them). */
    inFile: Mount[];
    /** Indices into inFile of entries to remove (init's own, rewritten in place by `before`/`after`). */
    remove: ReadonlySet<number>;
    /** Indices into inFile whose language keys are rewritten to those of the given mount. */
    respell: ReadonlyMap<number, Mount>;
    /** New entries, in order, before every entry that is kept. */
    before: Mount[];
    /** New entries, in order, after every entry that is kept. */
    after: Mount[];
    /** A one-line comment written above a new entry (TOML and YAML). */
    comment: (m: Mount) => string | undefined;
}
/** The file cannot be edited safely; `offset` is where the construct that prevents it starts. */
export declare class EditError extends Error {
    readonly offset: number;
    constructor(message: string, offset: number);
}
/** 1-based line and column of an offset. */
export declare function lineColumn(text: string, offset: number): {
    line: number;
    column: number;
};
/**
 * Edits the mounts of `text` (a whole config, or with `rootIsModule` the content of a `module.*` file in
 * a config directory, whose top level is the module section).
 */
export declare function editMounts(format: ConfigFormat, text: string, rootIsModule: boolean, edit: MountEdit): string;
/** The mounts as the lines to paste into a file of this format, for when init cannot edit it. */
export declare function mountsSnippet(format: ConfigFormat, rootIsModule: boolean, mounts: Mount[]): string;
/** A mount as init writes it: source, target and, when it has one, its language. */
export declare function written(m: Mount): Record<string, unknown>;
