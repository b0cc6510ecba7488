/**
 * Temporary sites for unit tests: `const site = tempSites('hp-x-')` in a test file, then
 * `site({ 'hugo.toml': '…', 'content/a.md': '…' })` returns the directory of a fresh site with those
 * files. Every site is removed after each test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export interface TempSiteOptions {
  /** Put the site in a `site/` folder of the temporary directory (so `..` of the site is ours too). */
  nested?: boolean;
  /** Files every site gets unless the test gives its own (e.g. a minimal `hugo.toml`). */
  defaults?: Record<string, string | Buffer>;
}

export function tempSites(prefix: string, opts: TempSiteOptions = {}): (files: Record<string, string | Buffer>) => string {
  const roots: string[] = [];
  afterEach(() => {
    for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return (files) => {
    const root = mkdtempSync(path.join(os.tmpdir(), prefix));
    roots.push(root);
    const dir = opts.nested ? path.join(root, 'site') : root;
    for (const [rel, text] of Object.entries({ ...opts.defaults, ...files })) write(dir, rel, text);
    return dir;
  };
}

/** Writes `rel` (a path inside `root`) with `data`, making its directories. */
export function write(root: string, rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
}

/** A base template that calls the head partial: sites with math warn without one. */
export const HEAD_LAYOUT: Record<string, string> = {
  'layouts/_default/baseof.html': '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
};

/** A valid 1×1 PNG, for sites whose figures need a real image (the image pipeline warns about others). */
export const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
