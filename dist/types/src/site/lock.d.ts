export declare const LOCK_FILE = "lock";
/** How long a build waits for another one by default. */
export declare const DEFAULT_LOCK_WAIT_MS = 60000;
export interface LockOwner {
    pid: number;
    host: string;
    command: string;
    /** ISO time. */
    started: string;
}
export declare class LockError extends Error {
}
export interface SiteLock {
    readonly file: string;
    release(): void;
}
/**
 * `.prerender/` must be a real directory inside the site: a symlink would send every write (and the
 * manifest read) somewhere else. Creates it when missing. Throws a LockError saying what to do.
 */
export declare function ensurePrerenderDir(siteDir: string): string;
export declare function describeOwner(o: LockOwner | undefined): string;
export interface LockOptions {
    /** `build` or `watch`, shown to a process that waits. */
    command: string;
    /** How long to wait for another process, in ms (0: not at all). */
    waitMs?: number;
    /** Called once when the lock is held by another process and this one starts waiting. */
    onWait?: (message: string) => void;
}
/**
 * Takes `<site>/.prerender/lock`, waiting at most `waitMs` for another hugo-prerender to finish.
 * Throws a LockError naming the other process when it does not. Release it with `release()` (it is also
 * removed when this process exits normally).
 */
export declare function acquireSiteLock(siteDir: string, opts: LockOptions): Promise<SiteLock>;
