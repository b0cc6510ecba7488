/**
 * Renders one of our shortcodes outside a Hugo page: for scripts (the example site's PNG figures are made
 * this way), for other tools, and for tests. Parameters are given as Hugo would type them.
 */
import type { Diagnostic, ParamValue, Shortcode } from '../content/types.js';
import { createMathRenderer } from './katex.js';
import { createHostServices, renderShortcode } from './host.js';
import { getShortcode } from './registry.js';
import { contentKey, stableStringify } from './keys.js';

export interface StandaloneOptions {
  inner?: string;
  /** Directory that stands for the site root (for shortcodes that read files). Default: the cwd. */
  siteDir?: string;
  /** KaTeX macros, as in params.prerender.katex.macros. */
  macros?: Record<string, string>;
}

export async function renderStandalone(
  name: string,
  params: Record<string, ParamValue>,
  opts: StandaloneOptions = {},
): Promise<{ html: string; diagnostics: Diagnostic[] }> {
  const def = getShortcode(name);
  if (!def) {
    return {
      html: '',
      diagnostics: [{ severity: 'error', line: 1, column: 1, message: `unknown shortcode "${name}"` }],
    };
  }
  const siteDir = opts.siteDir ?? process.cwd();
  const renderer = createMathRenderer({ macros: opts.macros, errors: 'render' });
  const sc: Shortcode = {
    name,
    markup: '<',
    params,
    selfClosed: false,
    inner: opts.inner,
    children: [],
    ordinal: 0,
    line: 1,
    column: 1,
    offset: 0,
    tagEnd: 0,
    end: 0,
  };
  const idPrefix = `hp${contentKey(name, stableStringify(params), opts.inner ?? null).slice(0, 8)}`;
  const r = await renderShortcode(def, sc, {
    page: { absPath: `${siteDir}/standalone.md`, relPath: 'standalone.md', frontMatter: {} },
    site: { dir: siteDir, staticDirs: [`${siteDir}/static`], assetsDir: `${siteDir}/assets` },
    idPrefix,
    services: createHostServices(renderer),
  });
  return { html: r.html, diagnostics: r.diagnostics };
}
