/** A PageEnv for prerenderPage in unit tests: a page of an imaginary site at /site, default settings. */
import type { PageEnv } from '../../src/prerender-page.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { createHostServices } from '../../src/render/host.js';

export function pageEnv(relPath = 'content/posts/p.md'): PageEnv {
  const renderer = createMathRenderer({ errors: 'fail' });
  return {
    page: { absPath: `/site/${relPath}`, relPath, frontMatter: {} },
    site: { dir: '/site', staticDirs: ['/site/static'], assetsDir: '/site/assets' },
    settings: { math: { escapes: 'none' }, settingsKey: 'test' },
    renderer,
    errorMode: 'fail',
    services: createHostServices(renderer),
  };
}
