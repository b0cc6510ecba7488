import { describe, expect, it } from 'vitest';
import { hugoArgsProblem, hugoSourceArg, needsNoBuild } from '../../src/hugo-command.js';

describe('hugoSourceArg: the site a hugo command line names, as Hugo reads -s/--source', () => {
  it('reads every spelling, the last one winning, and nothing after --', () => {
    expect(hugoSourceArg(['--minify'])).toBeUndefined();
    expect(hugoSourceArg(['-s', 'a', '--minify'])).toBe('a');
    expect(hugoSourceArg(['-sa'])).toBe('a');
    expect(hugoSourceArg(['-s=a'])).toBe('a');
    expect(hugoSourceArg(['--source', 'a'])).toBe('a');
    expect(hugoSourceArg(['--source=a', '-s', 'b'])).toBe('b');
    expect(hugoSourceArg(['--', '-s', 'a'])).toBeUndefined();
    expect(hugoSourceArg(['-s'])).toBeUndefined();
  });
});

describe('hugoArgsProblem', () => {
  it('sends hugo server to serve, and lets everything else through', () => {
    expect(hugoArgsProblem(['server', '--port', '1414'])).toMatch(/hugo-prerender serve/);
    expect(hugoArgsProblem(['--minify'])).toBeUndefined();
    expect(hugoArgsProblem(['list', 'drafts'])).toBeUndefined();
  });

  it("refuses hugo-prerender's own options after the word hugo (Hugo stopped at them, after a build that ignored them)", () => {
    // `hugo-prerender hugo --errors render` built with errors = "fail" and then ran Hugo, which exited 255
    // with "Error: unknown flag: --errors" and its usage.
    expect(hugoArgsProblem(['--minify', '--errors', 'render'])).toBe(
      '--errors is an option of hugo-prerender, not of Hugo: put it before the word hugo (hugo-prerender --errors … hugo [hugo arguments])',
    );
    expect(hugoArgsProblem(['--jobs=2'])).toMatch(/^--jobs is an option of hugo-prerender/);
    expect(hugoArgsProblem(['--wait', '5'])).toMatch(/^--wait is an option of hugo-prerender/);
    expect(hugoArgsProblem(['--hugo', '/usr/bin/hugo'])).toMatch(/^--hugo is an option of hugo-prerender/);
    // Hugo's own options, and anything after --, go through.
    expect(hugoArgsProblem(['--quiet', '--environment', 'production', '--', '--errors'])).toBeUndefined();
    expect(hugoArgsProblem(['--errorsFoo'])).toBeUndefined();
  });
});

describe('needsNoBuild', () => {
  it("is true for Hugo's help and version only", () => {
    expect(needsNoBuild(['version'])).toBe(true);
    expect(needsNoBuild(['--help'])).toBe(true);
    expect(needsNoBuild(['new', '-h'])).toBe(true);
    expect(needsNoBuild([])).toBe(false);
    expect(needsNoBuild(['--minify'])).toBe(false);
    expect(needsNoBuild(['new', 'content', 'posts/version.md'])).toBe(false);
  });
});
