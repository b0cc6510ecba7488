import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { excludeStyle, serveLayer } from '../../src/serve.js';
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
        'notes/n.md': 'x',
      },
      ['.prerender/content/posts/a [1].md', '.prerender/content/notes/n.md', '.prerender/content/posts/gone.md'],
    );
    const data = readSiteConfig(dir, { environment: 'development' }).data;
    const old = serveLayer(dir, data, excludeStyle('0.111.3'));
    expect(old.mounts.map((m) => [m.source, m.target, m.excludeFiles ?? m.files])).toEqual([
      ['.prerender/content', 'content', undefined],
      // A shadow without its original (gone.md) leaves nothing out; glob characters are escaped.
      ['content', 'content', ['*.bak', 'posts/a \\[1\\].md']],
      ['notes', 'content/notes', ['n.md']],
      ['static', 'static', undefined],
      ['data', 'data', undefined],
      ['.prerender/serve-data', 'data', undefined],
    ]);
    expect(old.ignoreFiles).toEqual(['\\.draft$', `^${path.join(dir, 'content/posts/a [1].md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, `^${path.join(dir, 'notes/n.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`]);
    const current = serveLayer(dir, data, excludeStyle('0.169.0'));
    expect(current.mounts[1]).toEqual({ source: 'content', target: 'content', excludeFiles: ['*.bak'], files: ['! posts/a \\[1\\].md'] });
  });
});
