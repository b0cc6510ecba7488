/**
 * Child processes for tests: `start(cmd, args, cwd)` keeps everything the process prints and lets a test
 * wait for a line, then stop it (SIGTERM, SIGKILL after 5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A child process whose stdout and stderr are kept, with a way to wait for a line. */
export interface Proc {
  child: ChildProcess;
  /** Everything printed so far, both streams interleaved as received. */
  output(): string;
  /** Waits until `re` matches the output printed from offset `from` on. */
  waitFor(re: RegExp, timeoutMs: number, from?: number): Promise<void>;
  stop(): Promise<void>;
}

export function start(cmd: string, args: string[], cwd: string): Proc {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.on('exit', () => {
    exited = true;
    for (const w of waiters) w();
  });
  return {
    child,
    output: () => out,
    waitFor(re, timeoutMs, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (re.test(out.slice(from))) done(resolve);
          else if (exited) done(() => reject(new Error(`${cmd} exited before printing ${re}:\n${out}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${cmd}: no ${re} within ${timeoutMs} ms:\n${out}`))), timeoutMs);
        const done = (f: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (exited || child.exitCode !== null) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Whether a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of a process's descendants, the whole tree below it (Linux /proc, every thread's children). */
export function descendantsOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = tasks.flatMap((t) => {
    try {
      return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return [...new Set(children)].flatMap((c) => [c, ...descendantsOf(c)]);
}
