/**
 * One hugo-prerender at a time per site: `.prerender/lock` holds the pid, host, command and start time of
 * the build or watch that owns `.prerender/`. Two builds writing the same shadows, fragments and manifest
 * at once could leave a page pointing at a fragment the other one swept (measured: a broken site while
 * one of them exited 0).
 *
 * The lock is created atomically (a complete file linked into place, which fails if one exists). A second
 * build waits for it, a bounded time, then gives up with a message naming the other process. A lock
 * whose process is gone (same host, no such pid: a build killed by Ctrl+C) is stale and taken over.
 * Within one process the lock is shared by a queue, so two builds started by the same program never
 * overlap either.
 */
import { hostname } from 'node:os';
import { linkSync, lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PRERENDER_DIR } from './config.js';

export const LOCK_FILE = 'lock';
/** How long a build waits for another one by default. */
export const DEFAULT_LOCK_WAIT_MS = 60_000;
const POLL_MS = 100;

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  /** ISO time. */
  started: string;
}

export class LockError extends Error {}

export interface SiteLock {
  readonly file: string;
  release(): void;
}

/** Locks this process holds, by lock file: a build started while another of ours runs waits for it. */
const local = new Map<string, Promise<void>>();

/**
 * `.prerender/` must be a real directory inside the site: a symlink would send every write (and the
 * manifest read) somewhere else. Creates it when missing. Throws a LockError saying what to do.
 */
export function ensurePrerenderDir(siteDir: string): string {
  const dir = path.join(siteDir, PRERENDER_DIR);
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    try {
      mkdirSync(dir);
    } catch (e) {
      throw new LockError(`cannot create ${PRERENDER_DIR}/ in ${siteDir}: ${(e as Error).message}`);
    }
    return dir;
  }
  if (st.isSymbolicLink()) {
    throw new LockError(
      `${PRERENDER_DIR} is a symbolic link; hugo-prerender writes only into a real ${PRERENDER_DIR}/ directory of the site. Delete the link (rm ${PRERENDER_DIR}) and build again`,
    );
  }
  if (!st.isDirectory()) {
    throw new LockError(`${PRERENDER_DIR} is not a directory; delete it (it is generated) and build again`);
  }
  return dir;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return undefined;
    return { pid: o.pid, host: o.host, command: String(o.command ?? 'hugo-prerender'), started: String(o.started ?? '') };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the owner is surely gone: same host and no such process. A lock of another host is respected. */
function stale(owner: LockOwner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid);
}

export function describeOwner(o: LockOwner | undefined): string {
  if (!o) return 'another hugo-prerender';
  const host = o.host === hostname() ? '' : ` on ${o.host}`;
  return `another hugo-prerender ${o.command} (pid ${o.pid}${host}, started ${o.started || 'at an unknown time'})`;
}

/** One attempt: true when the lock is ours. */
function tryCreate(file: string, owner: LockOwner, counter: { n: number }): boolean {
  const tmp = `${file}.${process.pid}.${counter.n++}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(owner)}\n`);
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Moves a stale lock aside so that exactly one waiting process takes it over: the rename succeeds for one
 * of them, and a lock that turns out not to be the stale one (someone took it over in between) is put
 * back.
 */
function removeStale(file: string, seen: LockOwner, counter: { n: number }): void {
  const aside = `${file}.${process.pid}.${counter.n++}.stale.tmp`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== seen.pid || moved.started !== seen.started || moved.host !== seen.host)) {
    try {
      linkSync(aside, file);
    } catch {
      /* another build holds it now; that one stays */
    }
  }
  unlinkSync(aside);
}

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
export async function acquireSiteLock(siteDir: string, opts: LockOptions): Promise<SiteLock> {
  const dir = ensurePrerenderDir(siteDir);
  const file = path.join(dir, LOCK_FILE);
  const waitMs = opts.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;

  // Another build of this process first: wait our turn.
  for (;;) {
    const before = local.get(file);
    if (!before) break;
    const left = deadline - Date.now();
    if (left <= 0 || !(await settlesWithin(before, left))) {
      throw new LockError(`${PRERENDER_DIR}/ of this site is in use by another build in this process; waited ${Math.round(waitMs / 1000)} s`);
    }
  }
  let releaseLocal!: () => void;
  local.set(file, new Promise<void>((resolve) => (releaseLocal = resolve)));
  const dropLocal = () => {
    local.delete(file);
    releaseLocal();
  };

  const owner: LockOwner = { pid: process.pid, host: hostname(), command: opts.command, started: new Date().toISOString() };
  const counter = { n: 0 };
  let told = false;
  try {
    for (;;) {
      if (tryCreate(file, owner, counter)) break;
      const other = readOwner(file);
      if (stale(other)) {
        removeStale(file, other!, counter);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockError(
          `${describeOwner(other)} is using ${PRERENDER_DIR}/ of this site${waitMs > 0 ? `; waited ${Math.round(waitMs / 1000)} s` : ''}. ` +
            `Wait for it to finish or stop it, then run again (--wait SECONDS waits longer). If no hugo-prerender is running, delete ${PRERENDER_DIR}/${LOCK_FILE}`,
        );
      }
      if (!told) {
        told = true;
        opts.onWait?.(`waiting for ${describeOwner(other)}, which is using ${PRERENDER_DIR}/ of this site`);
      }
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
    }
  } catch (e) {
    dropLocal();
    throw e;
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    try {
      if (readOwner(file)?.started === owner.started && readOwner(file)?.pid === owner.pid) unlinkSync(file);
    } catch {
      /* already gone */
    }
    dropLocal();
  };
  process.once('exit', release);
  return { file, release };
}

async function settlesWithin(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
