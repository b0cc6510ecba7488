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
