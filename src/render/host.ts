/**
 * The shortcode host: turns one parsed shortcode that we own into an HTML fragment. It validates the
 * parameters against the definition's table, gives the definition a RenderContext whose reporters point
 * at the shortcode's (or the parameter's) place in the original file, and never lets a definition's bug
 * escape as an exception: a throw becomes an error diagnostic at the shortcode.
 */
import type { Diagnostic, Shortcode } from '../content/types.js';
import { validateParams, type ParamProblem } from './params.js';
import type { PageInfo, RenderContext, ShortcodeDefinition, SiteInfo } from './types.js';
import type { MathRenderer } from './katex.js';
import { markdownToPlainText, renderInlineMarkdown } from './markdown.js';
import type { ImageService } from '../images/service.js';
import { DEFAULT_LIMITS } from '../content/limits.js';
import { tooBigMessage } from './output-limits.js';

/** Reports a formula KaTeX rejected; a warning when the site renders such formulas as error spans. */
export type MathReport = (message: string, severity?: 'error' | 'warning') => void;

export interface HostServices {
  math(tex: string, display: boolean, report: MathReport): string;
  markdown(md: string, report: MathReport): string;
  plainText(md: string): string;
  /** Responsive images for figures; a build without them leaves it out. */
  images?: ImageService;
  /** The most bytes one shortcode may produce (params.prerender.limits.fragmentBytes). */
  fragmentBytes?: number;
}

/**
 * The services every shortcode gets, from one KaTeX renderer: math, captions (Markdown with math) and
 * plain text. A formula KaTeX rejects is reported through the caller's reporter, at the shortcode: an
 * error, or with `errors: 'render'` (the renderer's mode too) a warning, as for formulas in the text.
 */
export function createHostServices(
  renderer: MathRenderer,
  opts: { unsafe?: boolean; errors?: 'fail' | 'render'; fragmentBytes?: number } = {},
): HostServices {
  const rendered = opts.errors === 'render';
  const typeset = (report: MathReport) => (tex: string, display: boolean) => {
    const r = renderer.render(tex, display);
    if (r.error) {
      report(`${r.error.message} (in "${tex}")${rendered ? ' (rendered as an error span)' : ''}`, rendered ? 'warning' : 'error');
    }
    return r.html;
  };
  return {
    math: (tex, display, report) => typeset(report)(tex, display),
    markdown: (md, report) => renderInlineMarkdown(md, typeset(report), opts),
    plainText: (md) => markdownToPlainText(md, opts),
    ...(opts.fragmentBytes !== undefined ? { fragmentBytes: opts.fragmentBytes } : {}),
  };
}

type Reporter = (message: string, opts?: { param?: string; code?: string }) => void;

/** Parameter problems as diagnostics: errors, except unknown names where the definition only warns. */
export function reportParamProblems(def: ShortcodeDefinition<any>, problems: readonly ParamProblem[], error: Reporter, warn: Reporter): void {
  for (const p of problems) {
    if (p.unknown && def.unknownParams === 'warn') warn(`${p.message}; it is ignored`, { param: p.param, code: 'shortcode-param' });
    else error(p.message, { param: p.param || undefined, code: 'shortcode-param' });
  }
}

export interface HostResult {
  html: string;
  diagnostics: Diagnostic[];
  /** True when an error was reported: the fragment must not be published as if it were fine. */
  failed: boolean;
}

export async function renderShortcode(
  def: ShortcodeDefinition<any>,
  sc: Shortcode,
  env: { page: PageInfo; site: SiteInfo; idPrefix: string; services: HostServices; occurrence?: number },
): Promise<HostResult> {
  const diagnostics: Diagnostic[] = [];
  const place = (param?: string) => {
    const p = param ? sc.paramPositions?.[param] : undefined;
    return p ? { line: p.line, column: p.column, offset: p.offset } : { line: sc.line, column: sc.column, offset: sc.offset };
  };
  const report =
    (severity: Diagnostic['severity']) =>
    (message: string, opts?: { param?: string; code?: string }) => {
      diagnostics.push({
        severity,
        message: `${sc.name}: ${message}`,
        file: env.page.relPath,
        ...place(opts?.param),
        code: opts?.code ?? 'shortcode',
      });
    };
  const error = report('error');
  const warn = report('warning');
  const katexReport: MathReport = (m, severity) => (severity === 'warning' ? warn : error)(m, { code: 'katex' });

  if (def.inner === 'none' && sc.inner !== undefined) {
    error(`takes no inner content; write {{< ${sc.name} … >}} without a closing {{< /${sc.name} >}}`);
  } else if (def.inner === 'required' && sc.inner === undefined) {
    error(`needs inner content: write {{< ${sc.name} … >}}…{{< /${sc.name} >}}`);
  }

  const { values, problems } = validateParams(def.params, sc.params);
  reportParamProblems(def, problems, error, warn);

  const ctx: RenderContext<any> = {
    name: sc.name,
    params: values,
    rawParams: sc.params,
    inner: sc.inner,
    page: env.page,
    site: env.site,
    idPrefix: env.idPrefix,
    ...(env.occurrence !== undefined ? { occurrence: env.occurrence } : {}),
    ...(env.services.images ? { images: env.services.images } : {}),
    math: (tex, display) => env.services.math(tex, display, katexReport),
    markdown: (md) => env.services.markdown(md, katexReport),
    plainText: (md) => env.services.plainText(md),
    error,
    warn,
  };

  let html = '';
  try {
    html = await def.render(ctx);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    error(`could not be rendered: ${msg}. This is a bug in hugo-prerender; please report it with this shortcode.`, {
      code: 'internal',
    });
  }
  const limit = env.services.fragmentBytes ?? DEFAULT_LIMITS.fragmentBytes;
  const bytes = Buffer.byteLength(html);
  if (bytes > limit) {
    error(tooBigMessage('its output', bytes, limit, 'fragmentBytes'), { code: 'limit' });
    html = '';
  }
  return { html, diagnostics, failed: diagnostics.some((d) => d.severity === 'error') };
}
