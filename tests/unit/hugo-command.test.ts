import { describe, expect, it } from 'vitest';
import { createsPage, hugoArgsProblem, hugoSourceArg, needsNoBuild, withConfigDir, withConfigLayer } from '../../src/hugo-command.js';

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
  it("is true for Hugo's help and version, and for `hugo new` (a new page is prerendered by the next build)", () => {
    expect(needsNoBuild(['version'])).toBe(true);
    expect(needsNoBuild(['--help'])).toBe(true);
    expect(needsNoBuild(['new', '-h'])).toBe(true);
    expect(needsNoBuild([])).toBe(false);
    expect(needsNoBuild(['--minify'])).toBe(false);
    expect(needsNoBuild(['--', 'new'])).toBe(false);
    expect(needsNoBuild(['new', 'content', 'posts/version.md'])).toBe(true);
  });
});

describe('createsPage', () => {
  it('is `hugo new PATH` and `hugo new content PATH`, not a new site or theme, nor help', () => {
    expect(createsPage(['new', 'posts/x.md'])).toBe(true);
    expect(createsPage(['new', 'content', 'posts/x.md'])).toBe(true);
    expect(createsPage(['new', '--kind', 'post', 'posts/x.md', '-s', 'site'])).toBe(true);
    expect(createsPage(['new', 'site', 'blog'])).toBe(false);
    expect(createsPage(['new', 'theme', 'mine'])).toBe(false);
    expect(createsPage(['new', '--help'])).toBe(false);
    expect(createsPage(['--minify'])).toBe(false);
  });
});

describe('withConfigLayer', () => {
  it('adds the layer after the config files the arguments name, else after the root config, before any --', () => {
    expect(withConfigLayer(['new', 'posts/x.md'], '/s/hugo.toml', '/s/.prerender/l.toml')).toEqual(['new', 'posts/x.md', '--config', '/s/hugo.toml,/s/.prerender/l.toml']);
    expect(withConfigLayer(['new', '--config', 'a.toml,b.toml', 'x.md'], '/s/hugo.toml', '/l')).toEqual(['new', 'x.md', '--config', 'a.toml,b.toml,/l']);
    expect(withConfigLayer(['new', '--config=a.yaml', 'x.md'], '/s/hugo.toml', '/l')).toEqual(['new', 'x.md', '--config', 'a.yaml,/l']);
    expect(withConfigLayer(['new', 'x.md', '--', '--config', 'z'], '/s/hugo.toml', '/l')).toEqual(['new', 'x.md', '--config', '/s/hugo.toml,/l', '--', '--config', 'z']);
  });
});

describe('withConfigDir', () => {
  it('gives Hugo --configDir DIR, in place of one the arguments give, before any --', () => {
    expect(withConfigDir(['new', 'x.md'], '/c')).toEqual(['new', 'x.md', '--configDir', '/c']);
    expect(withConfigDir(['new', '--configDir', 'cfg', 'x.md'], '/c')).toEqual(['new', 'x.md', '--configDir', '/c']);
    expect(withConfigDir(['new', '--configDir=cfg', 'x.md', '--', 'y'], '/c')).toEqual(['new', 'x.md', '--configDir', '/c', '--', 'y']);
  });
});
