import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludeStyle, hugoServerArgs, renderToMemory, ServeError, serveLayer, serveSite } from '../../src/serve.js';
import { describeEachHugo } from '../helpers/hugo.js';
import { readSiteConfig } from '../../src/site/config.js';
import { tempSites } from '../helpers/temp-site.js';

const site = tempSites('hp-serve-layer-');

function withShadows(files: Record<string, string>, shadows: string[]): string {
  const dir = site(files);
  for (const s of shadows) {
    mkdirSync(path.dirname(path.join(dir, s)), { recursive: true });
    writeFileSync(path.join(dir, s), '---\ntitle: x\n---\n');
  }
  return dir;
}

describe('the config layer serve gives hugo server', () => {
  it('leaves the originals of prerendered pages out of their mounts, spelled for the Hugo version', () => {
    const dir = withShadows(
      {
        'hugo.toml': [
          'ignoreFiles = ["\\\\.draft$"]',
          '[[module.mounts]]', 'source = ".prerender/content"', 'target = "content"',
          '[[module.mounts]]', 'source = "content"', 'target = "content"', 'excludeFiles = ["*.bak"]',
          '[[module.mounts]]', 'source = "notes"', 'target = "content/notes"',
          '[[module.mounts]]', 'source = "static"', 'target = "static"',
          '',
        ].join('\n'),
        'content/posts/a [1].md': 'x',
        'content/posts/b.md': 'x',
        'content/posts/c,d.md': 'x',
        'notes/n.md': 'x',
      },
      ['.prerender/content/posts/a [1].md', '.prerender/content/posts/c,d.md', '.prerender/content/notes/n.md', '.prerender/content/posts/gone.md'],
    );
    const data = readSiteConfig(dir, { environment: 'development' }).data;
    const old = serveLayer(dir, data, excludeStyle('0.111.3'));
    expect(old.mounts.map((m) => [m.source, m.target, m.excludeFiles ?? m.files])).toEqual([
      ['.prerender/content', 'content', undefined],
      // An init from before it left this out: the shadows of notes at its target (config.ts
      // nestedShadowMounts), before the user's first content mount.
      ['.prerender/content/notes', 'content/notes', undefined],
      // A shadow without its original (gone.md) leaves nothing out; glob characters are escaped; the
      // originals of one mount are one glob (measured on both versions: b.md stays, the others go).
      ['content', 'content', ['*.bak', '{posts/a \\[1\\].md,posts/c\\,d.md}']],
      ['notes', 'content/notes', ['n.md']],
      ['static', 'static', undefined],
      ['data', 'data', undefined],
      ['.prerender/serve-data', 'data', undefined],
    ]);
    const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // One regular expression per content mount, matching exactly its originals.
    expect(old.ignoreFiles).toEqual(['\\.draft$', `^${re(`${dir}/content/`)}(?:posts/a \\[1\\]\\.md|posts/c,d\\.md)$`, `^${re(`${dir}/notes/`)}(?:n\\.md)$`]);
    const ignored = old.ignoreFiles.slice(1).map((r) => new RegExp(r));
    const matched = ['content/posts/a [1].md', 'content/posts/b.md', 'content/posts/c,d.md', 'notes/n.md', 'content/posts/a [1].md.bak'].filter((f) => ignored.some((r) => r.test(path.join(dir, f))));
    expect(matched).toEqual(['content/posts/a [1].md', 'content/posts/c,d.md', 'notes/n.md']);
    const current = serveLayer(dir, data, excludeStyle('0.169.0'));
    expect(current.mounts[2]).toEqual({ source: 'content', target: 'content', excludeFiles: ['*.bak'], files: ['! {posts/a \\[1\\].md,posts/c\\,d.md}'] });
  });

  it('puts the originals first in a mount\'s own `files`, where the first pattern that matches decides', () => {
    const dir = withShadows(
      {
        'hugo.toml': ['[[module.mounts]]', 'source = ".prerender/content"', 'target = "content"', '[[module.mounts]]', 'source = "content"', 'target = "content"', 'files = ["posts/**", "! posts/old/**"]', ''].join('\n'),
        'content/posts/a.md': 'x',
      },
      ['.prerender/content/posts/a.md'],
    );
    const layer = serveLayer(dir, readSiteConfig(dir, { environment: 'development' }).data, excludeStyle('0.169.0'));
    expect(layer.mounts[1]).toEqual({ source: 'content', target: 'content', files: ['! posts/a.md', 'posts/**', '! posts/old/**'] });
  });
});

describe('serve refuses, with what to do, a site its layer cannot cover', () => {
  const mounts = ['[[module.mounts]]', 'source = ".prerender/content"', 'target = "content"', '[[module.mounts]]', 'source = "content"', 'target = "content"', ''].join('\n');
  const refusal = (dir: string): string => {
    try {
      serveSite({ source: dir, hugoArgs: [], hugo: '/nonexistent/hugo', onBuild: () => undefined });
    } catch (e) {
      expect(e).toBeInstanceOf(ServeError);
      return (e as Error).message;
    }
    throw new Error('serve started');
  };

  it('a site configured only by a config directory', () => {
    const dir = site({ 'config/_default/hugo.toml': mounts });
    expect(refusal(dir)).toMatch(/serve needs a site config file \(hugo\.toml.*run `hugo-prerender watch` beside `hugo server`/);
  });

  it('mounts in a config directory beside the root config (Hugo reads them after the layer)', () => {
    const dir = site({ 'hugo.toml': mounts, 'config/_default/module.toml': '[[mounts]]\nsource = "notes"\ntarget = "content"\n' });
    expect(refusal(dir)).toMatch(/^config\/_default\/module\.toml: serve cannot run with module mounts in a config directory .* move the mounts to hugo\.toml/);
  });

  it('a site without the mounts of init', () => {
    const dir = site({ 'hugo.toml': 'title = "x"\n' });
    expect(refusal(dir)).toMatch(/^hugo\.toml: the site does not mount \.prerender\/content; run `hugo-prerender init` first/);
  });
});

describe('the hugo server command line', () => {
  it('adds the layer to the config files, the site\'s or those given after --', () => {
    const layer = '.prerender/serve.toml';
    expect(hugoServerArgs('/s', '/s/hugo.toml', ['--port', '1414'])).toEqual(['server', '--source', '/s', '--port', '1414', '--config', `hugo.toml,${layer}`]);
    expect(hugoServerArgs('/s', '/s/hugo.toml', ['--config', 'hugo.toml,dev.toml', '-D'])).toEqual(['server', '--source', '/s', '-D', '--config', `hugo.toml,dev.toml,${layer}`]);
    expect(hugoServerArgs('/s', '/s/config.yaml', ['--config=a.yaml'])).toEqual(['server', '--source', '/s', '--config', `a.yaml,${layer}`]);
  });
});

describeEachHugo('rendering to memory', (hugo) => {
  it('asks Hugo to render to memory where it would render to disk (0.169), unless the arguments choose', () => {
    const flag = hugo.version.startsWith('0.111') ? [] : ['--renderToMemory'];
    expect(renderToMemory(hugo.bin, ['--port', '1414'])).toEqual(flag);
    for (const chosen of ['--renderToDisk', '--renderToMemory', '-M', '--renderStaticToDisk', '--renderToDisk=true', '--destination', '--destination=out', '-d', '-dout']) {
      expect(renderToMemory(hugo.bin, [chosen])).toEqual([]);
    }
  });
});
