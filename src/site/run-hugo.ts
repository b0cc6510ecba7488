/**
 * Hugo as a child process whose messages name the originals of prerendered pages: serve's `hugo server`
 * and the `hugo` command's `hugo …` (src/hugo-command.ts) both start it here. Hugo's stdout and stderr
 * go through forwardHugoOutput line by line (src/site/hugo-messages.ts); its stdin is either ignored or
 * the caller's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { forwardHugoOutput } from './hugo-messages.js';

export interface HugoExit {
  /** The exit status: Hugo's own; 128 + the signal's number when a signal ended it (as a shell reports it); 1 when it could not start. */
  status: number;
  /** The signal that ended Hugo, if one did. */
  signal?: NodeJS.Signals;
  /** Why Hugo could not be started (a missing binary). */
  error?: Error;
}

export interface HugoRun {
  child: ChildProcess;
  /** Settles once Hugo has exited and all its output has been forwarded. */
  exited: Promise<HugoExit>;
}

export interface StartHugoOptions {
  /** The site: shadow paths below it are rewritten to their originals. */
  siteDir: string;
  /** Hugo's working directory (default: the site). */
  cwd?: string;
  /** `inherit`: Hugo reads the caller's stdin (and sees its terminal there); default `ignore`. */
  stdin?: 'ignore' | 'inherit';
}

export function startHugo(bin: string, args: readonly string[], opts: StartHugoOptions): HugoRun {
  const child = spawn(bin, args, { cwd: opts.cwd ?? opts.siteDir, stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'] });
  forwardHugoOutput(child.stdout!, process.stdout, opts.siteDir);
  forwardHugoOutput(child.stderr!, process.stderr, opts.siteDir);
  const exited = new Promise<HugoExit>((resolve) => {
    child.once('error', (error) => resolve({ status: 1, error }));
    // 'close', not 'exit': Hugo's output has been read to its end by then.
    child.once('close', (code, signal) => {
      resolve(signal ? { status: 128 + (constants.signals[signal] ?? 0), signal } : { status: code ?? 1 });
    });
  });
  return { child, exited };
}
