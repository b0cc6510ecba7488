import type { SiteInfo } from '../render/types.js';
import { type Lookup, type LookupMemo, type LookupTracker } from '../site/safe-path.js';
/** What a figure says of a local image found nowhere: where it looked (`missing`: the paths tried). */
export declare function missingImageMessage(src: string, site: SiteInfo, bundleDir: string | undefined, missing: readonly string[], blocked?: {
    at: string;
    kind: 'file' | 'directory';
    error: NodeJS.ErrnoException;
}, hidden?: string, unread?: {
    file: string;
    by: readonly string[];
    target: string;
}): string;
/** Why an image file that is there is not used (Lookup's `hidden`): Hugo does not publish it. */
export declare function hiddenImageMessage(siteDir: string, hidden: string): string;
/**
 * Why an image file that is there is not used (Lookup's `unread`): Hugo before 0.124 reads a folder that
 * a mount targets from the mounts at that target alone (site/component-lookup.ts), so it does not publish it.
 */
export declare function unreadImageMessage(siteDir: string, unread: {
    file: string;
    by: readonly string[];
    target: string;
}): string;
/** What `lookUpFile` says about the image `src` names; undefined for a remote or empty `src`. */
export declare function lookUpImage(src: string, site: SiteInfo, bundleDir: string | undefined, track?: LookupTracker, memo?: LookupMemo): Lookup | undefined;
