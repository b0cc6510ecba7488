/**
 * A RenderContext built by hand, for unit tests of shortcode definitions: parameters validated like the
 * host does, real KaTeX and real caption Markdown, and every `error`/`warn` call recorded.
 *
 *   const { ctx, reports } = makeContext(figure, { src: '/a.png', caption: '$x$' });
 *   const html = await figure.render(ctx);
 *   expect(reports.filter((r) => r.severity === 'error')).toEqual([]);
 */
import type { ParamValue } from '../../src/content/types.js';
import type { MathOptions } from '../../src/content/math.js';
import { validateParams, type ParamSpecs } from '../../src/render/params.js';
import { reportParamProblems } from '../../src/render/host.js';
import type { PageInfo, RenderContext, ShortcodeDefinition, SiteInfo } from '../../src/render/types.js';
import { createMathRenderer, type MathRendererOptions } from '../../src/render/katex.js';
import { markdownToPlainText, renderInlineMarkdown } from '../../src/render/markdown.js';
import type { ImageService } from '../../src/images/service.js';

export interface Report {
  severity: 'error' | 'warning';
  message: string;
  param?: string;
  code?: string;
}

export interface ContextOptions {
  inner?: string;
  idPrefix?: string;
  /** Overrides of the page (default: a non-bundle page `content/post.md` under `/site`). */
  page?: Partial<PageInfo>;
  /** Overrides of the site (default: `/site` with `/site/static` and `/site/assets`). */
  site?: Partial<SiteInfo>;
  /** KaTeX options (macros, error mode). */
  katex?: MathRendererOptions;
  /** Math delimiters for captions. */
  math?: MathOptions;
  /** Hugo's `markup.goldmark.renderer.unsafe`, for captions. */
  unsafe?: boolean;
  /** The image pipeline (figures); none by default, as in a build with images off. */
  images?: ImageService;
  /** The shortcode's place among those of its name on the page (0: the first). */
  occurrence?: number;
}

export function makeContext<P extends ParamSpecs>(
  def: ShortcodeDefinition<P>,
  rawParams: ParamValue[] | Record<string, ParamValue> = {},
  opts: ContextOptions = {},
): { ctx: RenderContext<P>; reports: Report[] } {
  const reports: Report[] = [];
  const reporter =
    (severity: Report['severity']) =>
    (message: string, o?: { param?: string; code?: string }) => {
      reports.push({ severity, message, ...(o?.param !== undefined && { param: o.param }), ...(o?.code !== undefined && { code: o.code }) });
    };
  const error = reporter('error');
  const warn = reporter('warning');

  const { values, problems } = validateParams(def.params, rawParams);
  reportParamProblems(def, problems, error, warn);

  const siteDir = opts.site?.dir ?? '/site';
  const site: SiteInfo = {
    dir: siteDir,
    staticDirs: [`${siteDir}/static`],
    assetsDir: `${siteDir}/assets`,
    ...opts.site,
  };
  const page: PageInfo = {
    absPath: `${siteDir}/content/post.md`,
    relPath: 'content/post.md',
    frontMatter: {},
    ...opts.page,
  };
  const katex = createMathRenderer(opts.katex);
  const math = (tex: string, display: boolean): string => {
    const r = katex.render(tex, display);
    if (r.error) error(`${r.error.message} (in "${tex}")`, { code: 'katex' });
    for (const w of r.warnings) warn(w.message, { code: 'katex' });
    return r.html;
  };

  const ctx: RenderContext<P> = {
    name: def.name,
    params: values,
    rawParams,
    inner: opts.inner,
    page,
    site,
    idPrefix: opts.idPrefix ?? 'hp-test0',
    ...(opts.images ? { images: opts.images } : {}),
    ...(opts.occurrence !== undefined ? { occurrence: opts.occurrence } : {}),
    math,
    markdown: (md) => renderInlineMarkdown(md, math, { unsafe: opts.unsafe, math: opts.math }),
    plainText: (md) => markdownToPlainText(md, { math: opts.math }),
    error,
    warn,
  };
  return { ctx, reports };
}

/** Renders `def` with a fresh context; returns the HTML and what was reported. */
export async function renderShortcodeForTest<P extends ParamSpecs>(
  def: ShortcodeDefinition<P>,
  rawParams: ParamValue[] | Record<string, ParamValue> = {},
  opts: ContextOptions = {},
): Promise<{ html: string; reports: Report[] }> {
  const { ctx, reports } = makeContext(def, rawParams, opts);
  const html = await def.render(ctx);
  return { html, reports };
}
