/**
 * File-system errors met while reading the site (a page, a directory of content/, a shortcode's data
 * file) in words a user can act on: what the system said, without its code and the path it was given
 * (`EACCES: permission denied, open '/abs/path'` → `permission denied`), and what to do about it. They are
 * the site's problems, never hugo-prerender's bugs.
 */
/** The error's system code (`EACCES`, `ENOENT`, `EMFILE`…) when it is a file-system error, else undefined. */
export declare function fsErrorCode(e: unknown): string | undefined;
/** What the system says went wrong: `permission denied` (Node's message without its code, call and path). */
export declare function fsReason(e: unknown): string;
/**
 * What to do about the error, for the file or directory shown as `shown` (site-relative): the advice that
 * fits its code, ending without a full stop.
 */
export declare function fsAdvice(e: unknown, kind: 'file' | 'directory', shown: string): string;
/** `cannot be read (permission denied): fix its permissions …`: the reason and the advice in one. */
export declare function cannotRead(e: unknown, kind: 'file' | 'directory', shown: string): string;
/**
 * The message at a page or a content directory the build could not read: `this file cannot be read
 * (permission denied), so <consequence> (Hugo stops on it too): <advice>`; Hugo's part only where the
 * error stays until someone fixes it.
 */
export declare function unreadableMessage(e: unknown, kind: 'file' | 'directory', shown: string, consequence: string): string;
