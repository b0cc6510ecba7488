/**
 * Renders a shortcode definition outside the pipeline, for unit and browser tests of diagram shortcodes:
 * validates raw params like the host, builds a RenderContext by hand (Markdown is reduced to escaped
 * text with `*em*` and `` `code` ``, enough to check where a caption goes), and collects diagnostics.
 */
import type { ParamValue } from '../../src/content/types.js';
import { validateParams } from '../../src/render/params.js';
import type { RenderContext, ShortcodeDefinition } from '../../src/render/types.js';
import { escapeText } from '../../src/svg/escape.js';

export interface Reported {
  severity: 'error' | 'warning';
  message: string;
  param?: string;
}

export interface TestRender {
  html: string;
  diagnostics: Reported[];
  errors: Reported[];
}

function miniMarkdown(md: string): string {
  return escapeText(md)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>');
}

export async function renderWith(
  def: ShortcodeDefinition<any>,
  raw: Record<string, ParamValue> = {},
  opts: { idPrefix?: string; inner?: string } = {},
): Promise<TestRender> {
  const diagnostics: Reported[] = [];
  const rep = (severity: Reported['severity']) => (message: string, o?: { param?: string }) =>
    diagnostics.push({ severity, message, param: o?.param });
  const { values, problems } = validateParams(def.params, raw);
  for (const p of problems) diagnostics.push({ severity: 'error', message: p.message, param: p.param });
  const ctx: RenderContext<any> = {
    name: def.name,
    params: values,
    rawParams: raw,
    inner: opts.inner,
    page: { absPath: '/site/content/post.md', relPath: 'content/post.md', frontMatter: {} },
    site: { dir: '/site', staticDirs: ['/site/static'], assetsDir: '/site/assets' },
    idPrefix: opts.idPrefix ?? 'hp-t0',
    math: (tex) => `<span class="katex">${escapeText(tex)}</span>`,
    markdown: miniMarkdown,
    plainText: (md) => md.replace(/[*`]/g, ''),
    error: rep('error'),
    warn: rep('warning'),
  };
  const html = await def.render(ctx);
  return { html, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error') };
}
