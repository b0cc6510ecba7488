/**
 * The command line's own complaints: one line each, naming the option and what to write instead, exit
 * status 2; and output piped into a reader that stops early (`| head`) ends nothing with a stack trace.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/prerender.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';

describe('usage errors', () => {
  it.each([
    [['build', '--bogus'], 'hugo-prerender: unknown option --bogus'],
    [['build', '-x'], 'hugo-prerender: unknown option -x'],
    [['build', '--quite'], 'hugo-prerender: unknown option --quite; did you mean --quiet?'],
    [['build', '--hugo-versoin=0.111.3'], 'hugo-prerender: unknown option --hugo-versoin; did you mean --hugo-version?'],
    [['biuld'], 'hugo-prerender: unknown command "biuld"; did you mean build? Commands: init, build, serve, watch, hugo, check. See --help.'],
    [['frobnicate'], 'hugo-prerender: unknown command "frobnicate". Commands: init, build, serve, watch, hugo, check. See --help.'],
    [['build', '--wait', '-1'], 'hugo-prerender: --wait needs a value: for one that starts with "-", write --wait=-1'],
    [['build', '--wait'], 'hugo-prerender: --wait needs a value'],
    [['check', '--errors', 'loud'], 'hugo-prerender: --errors must be "fail" or "render", not "loud"'],
    // An option the command does not take (they were accepted and ignored, even with bad values).
    [['check', '--jobs', '0'], 'hugo-prerender: check takes no --jobs (it is for build, watch, serve, hugo)'],
    [['check', '--wait', 'x'], 'hugo-prerender: check takes no --wait (it is for build, watch, serve, hugo)'],
    [['init', '--errors', 'bad'], 'hugo-prerender: init takes no --errors (it is for build, watch, serve, hugo, check)'],
    [['build', '--hugo-version', '0.1'], 'hugo-prerender: build takes no --hugo-version (it is for init)'],
    [['init', '--errors', 'render'], 'hugo-prerender: init takes no --errors (it is for build, watch, serve, hugo, check)'],
  ])('%j', (args, first) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(first);
    expect(r.stderr).not.toMatch(/\\n|place it at the end/);
  });
});

/** Runs the CLI with its stdout closed before it writes, as `| head -c0` leaves it. */
function closedEarly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output into a closed pipe', () => {
  it('init, --help and check exit without a stack trace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-epipe-'));
    try {
      const site = path.join(dir, 'site');
      cpSync(path.join(PROJECT_ROOT, 'fixtures/math-check'), site, { recursive: true });
      for (const args of [['init'], ['--help'], ['check']]) {
        const r = await closedEarly(args, site);
        expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|Unhandled|node:events/);
        expect(r.code, args.join(' ')).not.toBeNull();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a site without the mounts', () => {
  it('build says that Hugo will not read the prerendered pages, and to run init; after init it says nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-unmounted-'));
    try {
      const site = path.join(dir, 'site');
      cpSync(path.join(PROJECT_ROOT, 'fixtures/math-check'), site, { recursive: true });
      const before = runCli(['build', '-s', site]);
      expect(before.stderr).toContain('hugo-prerender: warning: hugo.toml does not mount .prerender/content, so Hugo reads none of the prerendered pages');
      expect(before.stderr).toContain('run `hugo-prerender init`');
      expect(runCli(['init', '-s', site]).code).toBe(0);
      expect(runCli(['build', '-s', site]).stderr).not.toContain('does not mount');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a directory that is not a Hugo site', () => {
  it.each([['build'], ['watch'], ['serve']])('%s says so, exits 1 and writes nothing there', (command) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-not-a-site-'));
    try {
      const r = runCli([command, '-s', dir], { timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`no Hugo configuration found in ${dir}`);
      // A build or watch started in the wrong directory made a .prerender/ there, and watch kept watching.
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
