import { defineConfig } from 'vitest/config';
// @ts-expect-error plain JS module shared with the esbuild build
import { viteShortcodes } from './scripts/shortcodes-plugin.mjs';
// @ts-expect-error plain JS module shared with the esbuild build
import { viteMicromarkLinear } from './scripts/micromark-linear-plugin.mjs';
// @ts-expect-error plain JS module shared with the esbuild build
import { viteKatex } from './scripts/katex-plugin.mjs';

import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const katexPkg = JSON.parse(readFileSync(new URL('./node_modules/katex/package.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [viteShortcodes(), viteMicromarkLinear(), viteKatex()],
  define: {
    __PKG_VERSION__: JSON.stringify(pkg.version),
    __KATEX_VERSION__: JSON.stringify(katexPkg.version),
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Each file's temporary directories are removed when it ends (tests/helpers/temp.ts).
    setupFiles: ['tests/helpers/setup.ts'],
    // micromark runs through Vite, so that the tests parse Markdown with the linear text resolver the
    // bundle has (scripts/micromark-linear-plugin.mjs), not micromark's quadratic one, and the states
    // that consume runs of characters (micromark-core-commonmark's content among them); KaTeX too,
    // patched as in the bundle (scripts/katex-plugin.mjs); the footnote extension, whose walk back at each
    // `]` is bounded there too.
    server: { deps: { inline: [/[\\/]node_modules[\\/](remark-parse|mdast-util-from-markdown|micromark|micromark-core-commonmark|micromark-extension-gfm-footnote|unist-util-visit|unist-util-visit-parents|katex)[\\/]/] } },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests start hugo and Chromium; the machines have two cores.
    maxWorkers: 2,
    // The console report, plus a machine-readable one that .ci/run summarises in one plain line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest.json' },
  },
});
