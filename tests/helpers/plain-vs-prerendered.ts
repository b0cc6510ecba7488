/**
 * The comparison most Hugo integration tests make: a site built by plain Hugo (a copy, with an empty
 * stand-in for the head partial its templates call), and the same site after `init` and a prerender,
 * built by the same Hugo.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { buildSite as prerender, type BuildOptions as PrerenderOptions, type BuildResult as PrerenderResult } from '../../src/build.js';
import { excludeStyle } from '../../src/serve.js';
import { languageMountStyle } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, copySite, PROJECT_ROOT, type BuildResult, type HugoBinary } from './hugo.js';
import { write } from './temp-site.js';

/** Plain Hugo on a copy of `site` (the head partial an empty template): its build, without errors. */
export function buildPlain(hugo: HugoBinary, site: string, plainSite = copySite(site)): BuildResult {
  write(plainSite, 'layouts/partials/prerender/head.html', '');
  const plain = buildSite(hugo.bin, plainSite, { copy: false, linkPackage: false });
  expect(plain.errors, plain.stdout + plain.stderr).toEqual([]);
  return plain;
}

/** `init` (mounts in the style of this Hugo), a prerender of `site`, then this Hugo on it, without errors. */
export async function buildPrerendered(
  hugo: HugoBinary,
  site: string,
  opts: Omit<PrerenderOptions, 'source'> = {},
): Promise<{ prerendered: PrerenderResult; built: BuildResult }> {
  initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts'), languageStyle: languageMountStyle(hugo.version) });
  const prerendered = await prerender({ ...opts, source: site });
  const built = buildSite(hugo.bin, site, { copy: false });
  expect(built.errors, built.stdout + built.stderr).toEqual([]);
  return { prerendered, built };
}

/** A mount's line that leaves `pattern` out, spelled for this Hugo (`files = ["! …"]` from 0.153, else excludeFiles). */
export function excludeLine(hugo: HugoBinary, pattern: string): string {
  return excludeStyle(hugo.version) === 'files' ? `files = ["! ${pattern}"]` : `excludeFiles = ["${pattern}"]`;
}
