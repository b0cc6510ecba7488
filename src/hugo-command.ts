/**
 * `hugo-prerender hugo [hugo arguments]`: `build`, then `hugo` with those arguments, as one command whose
 * Hugo messages name the original of a prerendered page instead of its copy (src/site/hugo-messages.ts),
 * as under serve. Hugo gets the caller's stdin and terminal input, its exit status becomes the command's
 * (128 + the signal's number when a signal ended it), and SIGINT, SIGTERM and SIGHUP received while it
 * runs are passed on to it. A failed build stops before Hugo, with status 1.
 */
import path from 'node:path';
import { buildSite, type BuildOptions, type BuildResult } from './build.js';
import { startHugo } from './site/run-hugo.js';
import { configSelection, type ConfigSelection } from './site/config.js';

export interface HugoCommandOptions extends Omit<BuildOptions, 'source'> {
  /** Hugo's arguments, untouched (the site is their `-s/--source`, else the current directory). */
  hugoArgs: string[];
  /** The hugo binary (default: `hugo` on PATH). */
  hugo?: string;
  /** Called with the build's result, before Hugo starts (or instead, when the build failed). */
  onBuild(result: BuildResult): void;
  /** Where notes of the command itself go (default: stderr). */
  log?: (line: string) => void;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The site directory a Hugo command line names: the value of its last `-s`/`--source` (`-s DIR`, `-sDIR`,
 * `-s=DIR`, `--source DIR`, `--source=DIR`, as Hugo reads them), or undefined. Arguments after `--` are
 * not Hugo's flags.
 */
export function hugoSourceArg(args: readonly string[]): string | undefined {
  return hugoFlag(args, 'source', 's');
}

/** The value Hugo's arguments give a flag (`--name V`, `--name=V`, `-x V`, `-xV`, `-x=V`; the last wins), or undefined. */
export function hugoFlag(args: readonly string[], name: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if ((a === `--${name}` || (short && a === `-${short}`)) && i + 1 < args.length) value = args[++i];
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else if (short && a.startsWith(`-${short}`) && a.length > 2 && !a.startsWith('--')) value = a.slice(a[2] === '=' ? 3 : 2);
  }
  return value;
}

/**
 * The config files Hugo reads with these arguments: its environment (`-e`/`--environment`, else
 * HUGO_ENVIRONMENT, else `command`'s default), the files of `--config a.toml,b.toml`, and what its
 * flags set over them: `-b`/`--baseURL` (Hugo 0.111 also takes `--baseUrl`), `-t`/`--theme`,
 * `--themesDir` (else HUGO_BASEURL, HUGO_THEME, HUGO_THEMESDIR).
 */
export function hugoConfigSelection(args: readonly string[], command: 'build' | 'server'): ConfigSelection {
  return configSelection(command, hugoFlag(args, 'environment', 'e'), hugoFlag(args, 'config'), {
    baseURL: hugoFlag(args, 'baseURL', 'b') ?? hugoFlag(args, 'baseUrl'),
    theme: hugoFlag(args, 'theme', 't'),
    themesDir: hugoFlag(args, 'themesDir'),
  });
}

/** Why these Hugo arguments are not for this command, or undefined. */
export function hugoArgsProblem(args: readonly string[]): string | undefined {
  if (args[0] === 'server' || args[0] === 'serve') {
    return 'for `hugo server`, run `hugo-prerender serve` (arguments after -- go to hugo server): it prerenders again on every change';
  }
  // Options of ours that Hugo does not have: after the word hugo they went to Hugo, which stopped at them
  // ("unknown flag"), after a build that had not applied them (--errors render ignored).
  const end = args.indexOf('--');
  for (const a of end < 0 ? args : args.slice(0, end)) {
    const own = /^--(errors|wait|jobs|hugo)(=.*)?$/.exec(a)?.[1];
    if (own) return `--${own} is an option of hugo-prerender, not of Hugo: put it before the word hugo (hugo-prerender --${own} … hugo [hugo arguments])`;
  }
  return undefined;
}

/** Hugo commands about Hugo itself, not the site: they run without a build (and outside a site). */
const ABOUT_HUGO = new Set(['version', 'help', 'env', 'completion']);

/** Whether these Hugo arguments ask for Hugo's help or version only, which needs no prerendered site. */
export function needsNoBuild(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const own = end < 0 ? args : args.slice(0, end);
  return ABOUT_HUGO.has(own[0] ?? '') || own.includes('--help') || own.includes('-h');
}

export async function hugoCommand(opts: HugoCommandOptions): Promise<number> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const siteDir = path.resolve(hugoSourceArg(opts.hugoArgs) ?? '.');
  const { hugoArgs, hugo, onBuild, log: _log, ...build } = opts;
  if (!needsNoBuild(hugoArgs)) {
    // The config files Hugo will read (its environment, --config): the prerender reads the same.
    const result = await buildSite({ ...build, source: siteDir, config: hugoConfigSelection(hugoArgs, 'build'), ...(hugo ? { hugo } : {}) });
    onBuild(result);
    if (result.failed) {
      log('hugo-prerender: the prerender build failed (see above), so Hugo was not run');
      return 1;
    }
  }
  const bin = hugo ?? 'hugo';
  const run = startHugo(bin, hugoArgs, { siteDir, cwd: process.cwd(), stdin: 'inherit' });
  const pass = (signal: NodeJS.Signals) => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, pass);
  try {
    const exit = await run.exited;
    if (exit.error) log(`hugo-prerender: could not start ${bin}: ${exit.error.message} (install Hugo, or pass --hugo PATH)`);
    return exit.status;
  } finally {
    for (const s of FORWARDED) process.removeListener(s, pass);
  }
}
