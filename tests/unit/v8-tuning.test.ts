/**
 * The command line sets V8's inlining budget (src/v8-tuning.ts) unless the user set it in Node's own
 * arguments (Node refuses the flag in NODE_OPTIONS). V8 prints "unrecognized flag" for a flag it no longer knows: a Node whose V8
 * dropped it must fail here rather than print that on every build.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { INLINING_BUDGET, INLINING_FLAG, tuneCompiler } from '../../src/v8-tuning.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';

it('sets the budget when the user has not chosen one', () => {
  expect(tuneCompiler([])).toBe(`${INLINING_FLAG}=${INLINING_BUDGET}`);
  expect(tuneCompiler(['--enable-source-maps', '--max-old-space-size=4096'])).toBe(`${INLINING_FLAG}=${INLINING_BUDGET}`);
});

it("leaves the user's own choice alone, in either spelling", () => {
  expect(tuneCompiler(['--max-inlined-bytecode-size-cumulative=500'])).toBeUndefined();
  expect(tuneCompiler(['--max-old-space-size=4096', '--max_inlined_bytecode_size_cumulative=920'])).toBeUndefined();
});

it('the bundled command sets it without a word from V8', () => {
  const site = path.join(PROJECT_ROOT, 'fixtures/site');
  for (const args of [['--version'], ['check', '-s', site]]) {
    const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/unrecognized flag|Try --help for options/);
    expect(r.status, r.stderr).toBe(0);
  }
  // A user's own budget, in Node's arguments, is taken as it is.
  const own = spawnSync(process.execPath, ['--max-inlined-bytecode-size-cumulative=920', path.join(PROJECT_ROOT, 'dist/cli.js'), '--version'], { encoding: 'utf8' });
  expect(own.stderr).toBe('');
  expect(own.stdout).toMatch(/^hugo-prerender /);
});
