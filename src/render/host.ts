/**
 * The shortcode host: turns one parsed shortcode that we own into an HTML fragment. It validates the
 * parameters against the definition's table, gives the definition a RenderContext whose reporters point
 * at the shortcode's (or the parameter's) place in the original file, and never lets a definition's bug
 * escape as an exception: a throw becomes an error diagnostic at the shortcode.
 */
import type { Diagnostic, Shortcode } from '../content/types.js';
import { labelProblem, validateParams, type ParamProblem, type ParamSpec } from './params.js';
import type { PageInfo, RenderContext, ShortcodeDefinition, SiteInfo } from './types.js';
import type { MathRenderer } from './katex.js';
import { markdownToPlainText, renderInlineMarkdown } from './markdown.js';
import type { ImageService } from '../images/service.js';
import { DEFAULT_LIMITS } from '../content/limits.js';
import { bytesOver, tooBigMessage } from './output-limits.js';
import { escapeHtml } from './inline-text.js';
import { cannotRead, fsErrorCode } from '../site/fs-errors.js';
import { shownPath } from '../site/safe-path.js';
import { withReferences, type FigureLabel, type ReferenceTargets } from './figure-numbers.js';

/** One formula of a shortcode (a caption's, a label's), typeset or not: KaTeX's message when not. */
export interface TypesetFormula {
  tex: string;
  display: boolean;
  error?: string;
  /** KaTeX's notices about it (strict-mode reports, `\require`), when it was typeset. */
  warnings?: string[];
}

/** Told of every formula a shortcode's text holds (src/render/host.ts reports the failed ones). */
export type MathSink = (formula: TypesetFormula) => void;

export interface HostServices {
  /**
   * `raw`: the formula as written (delimiters included), shown in its place when KaTeX rejects it and the
   * site does not render errors; the TeX alone when absent.
   */
  math(tex: string, display: boolean, sink: MathSink, raw?: string): string;
  markdown(md: string, sink: MathSink): string;
  /** `render`: a formula KaTeX rejects shows KaTeX's red error span and is a warning; `fail`: an error. */
  errors: 'fail' | 'render';
  plainText(md: string): string;
  /** Responsive images for figures; a build without them leaves it out. */
  images?: ImageService;
  /** The most bytes one shortcode may produce (params.prerender.limits.fragmentBytes). */
  fragmentBytes?: number;
}

/**
 * The services every shortcode gets, from one KaTeX renderer: math, captions (Markdown with math) and
 * plain text. Every formula goes to the caller's sink (renderShortcode reports a failed one at the
 * shortcode's parameter: an error, or with `errors: 'render'`, the renderer's mode too, a warning, as
 * for formulas in the text). A formula KaTeX rejects stays as written, as in the text, unless the site
 * renders errors: one bad formula in a caption never holds back its figure or its page.
 */
export function createHostServices(
  renderer: MathRenderer,
  opts: { unsafe?: boolean; errors?: 'fail' | 'render'; fragmentBytes?: number } = {},
): HostServices {
  const errors = opts.errors ?? 'fail';
  const typeset = (sink: MathSink) => (tex: string, display: boolean, raw?: string) => {
    const r = renderer.render(tex, display);
    sink({ tex, display, ...(r.error ? { error: r.error.message } : {}), ...(r.warnings.length > 0 ? { warnings: r.warnings.map((w) => w.message) } : {}) });
    return r.error && errors === 'fail' ? escapeHtml(raw ?? tex) : r.html;
  };
  return {
    errors,
    math: (tex, display, sink, raw) => typeset(sink)(tex, display, raw),
    markdown: (md, sink) => renderInlineMarkdown(md, typeset(sink), opts),
    plainText: (md) => markdownToPlainText(md, opts),
    ...(opts.fragmentBytes !== undefined ? { fragmentBytes: opts.fragmentBytes } : {}),
  };
}

type Reporter = (message: string, opts?: { param?: string; code?: string; at?: number }) => void;

/** Parameter problems as diagnostics: errors, except unknown names where the definition only warns. */
export function reportParamProblems(def: ShortcodeDefinition<any>, problems: readonly ParamProblem[], error: Reporter, warn: Reporter): void {
  for (const p of problems) {
    if (p.positional && def.positional === 'render') continue; // the shortcode says what to write instead
    if (p.unknown && def.unknownParams === 'warn') warn(`${p.message}; it is ignored`, { param: p.param, code: 'shortcode-param' });
    else error(p.message, { param: p.param || undefined, code: 'shortcode-param' });
  }
}

/** A formula of a shortcode where it is written: the parameter's place, else the shortcode's. */
export interface ShortcodeFormula extends TypesetFormula {
  line: number;
  column: number;
  offset: number;
}

export interface HostResult {
  html: string;
  diagnostics: Diagnostic[];
  /** True when an error was reported: the build exits 1. */
  failed: boolean;
  /**
   * True when an error other than a formula KaTeX rejected was reported: the fragment must not be
   * published as if it were fine (its page keeps its previous output). A rejected formula stays as written.
   */
  held: boolean;
  /** Every formula of its parameters and inner content (captions, labels), in the order typeset. */
  formulas: ShortcodeFormula[];
}

export async function renderShortcode(
  def: ShortcodeDefinition<any>,
  sc: Shortcode,
  env: {
    page: PageInfo;
    site: SiteInfo;
    idPrefix: string;
    services: HostServices;
    occurrence?: number;
    /** For a figure-like shortcode: its id and number (src/render/figure-numbers.ts). */
    figure?: FigureLabel;
    /** The page's figure ids → their labels, for `@id` in the shortcode's captions. */
    references?: ReferenceTargets;
    /** Line and column of an offset in the page's source: a problem inside the inner content is reported where it is. */
    locate?: (offset: number) => { line: number; column: number };
  },
): Promise<HostResult> {
  const diagnostics: Diagnostic[] = [];
  const place = (param?: string, at?: number) => {
    if (at !== undefined && sc.innerStart !== undefined && env.locate) {
      const offset = sc.innerStart + at;
      const { line, column } = env.locate(offset);
      return { line, column, offset };
    }
    const p = param ? sc.paramPositions?.[param] : undefined;
    return p ? { line: p.line, column: p.column, offset: p.offset } : { line: sc.line, column: sc.column, offset: sc.offset };
  };
  const report =
    (severity: Diagnostic['severity']) =>
    (message: string, opts?: { param?: string; code?: string; at?: number }) => {
      diagnostics.push({
        severity,
        message: `${sc.name}: ${message}`,
        file: env.page.relPath,
        ...place(opts?.param, opts?.at),
        code: opts?.code ?? 'shortcode',
      });
    };
  const error = report('error');
  const warn = report('warning');
  const formulas: ShortcodeFormula[] = [];
  const rendered = env.services.errors === 'render';
  const sinkAt =
    (param?: string): MathSink =>
    (f) => {
      const { warnings, ...formula } = f;
      formulas.push({ ...formula, ...place(param) });
      // As for a formula in the text (at the parameter: a caption is not mapped character by character).
      for (const w of warnings ?? []) warn(`${w} (in "${f.tex}")`, { ...(param ? { param } : {}), code: 'katex' });
      if (f.error === undefined) return;
      (rendered ? warn : error)(`${f.error} (in "${f.tex}")${rendered ? ' (rendered as an error span)' : ', left as written'}`, {
        ...(param ? { param } : {}),
        code: 'katex',
      });
    };

  if (def.inner === 'none' && sc.inner !== undefined) {
    error(`takes no inner content; write {{< ${sc.name} … >}} without a closing {{< /${sc.name} >}}`);
  } else if (def.inner === 'required' && sc.inner === undefined) {
    error(`needs inner content: write {{< ${sc.name} … >}}…{{< /${sc.name} >}}`);
  }

  const { values, problems } = validateParams(def.params, sc.params);
  reportParamProblems(def, problems, error, warn);
  // A label that would be drawn as written (an unclosed brace or $): said at the parameter.
  for (const [param, spec] of Object.entries(def.params as Record<string, ParamSpec>)) {
    const v = Array.isArray(sc.params) ? undefined : sc.params[param];
    if (!('label' in spec) || !spec.label || typeof v !== 'string') continue;
    const parts = spec.type === 'list' ? v.split(',') : [v];
    const problem = parts.map((part) => labelProblem(spec.label!, part)).find((x) => x !== undefined);
    if (problem) warn(`${param}="${v}" ${problem}`, { param });
  }

  // `@id` in a caption: a link to that figure of the page (what stays as written and why, at the parameter).
  const refs = env.references;
  const resolved = (md: string, param?: string): string => {
    if (!refs) return md;
    const r = withReferences(md, refs);
    for (const problem of r.problems) warn(problem, { ...(param ? { param } : {}), code: 'figure-ref' });
    return r.md;
  };
  const ctx: RenderContext<any> = {
    name: sc.name,
    params: values,
    rawParams: sc.params,
    inner: sc.inner,
    page: env.page,
    site: env.site,
    idPrefix: env.idPrefix,
    ...(env.occurrence !== undefined ? { occurrence: env.occurrence } : {}),
    ...(env.figure ? { figure: env.figure } : {}),
    ...(env.services.images ? { images: env.services.images } : {}),
    math: (tex, display, param) => env.services.math(tex, display, sinkAt(param)),
    markdown: (md, param) => env.services.markdown(resolved(md, param), sinkAt(param)),
    plainText: (md) => env.services.plainText(refs ? withReferences(md, refs).md : md),
    error,
    warn,
  };

  let html = '';
  try {
    html = await def.render(ctx);
  } catch (e) {
    const file = (e as NodeJS.ErrnoException | undefined)?.path;
    if (fsErrorCode(e) !== undefined && typeof file === 'string') {
      // A file the shortcode reads that the system would not give (permissions, a disk error): the site's
      // problem, not ours. (Our shortcodes report it at the parameter that names the file.)
      const shown = shownPath(env.site.dir, file);
      error(`${shown} ${cannotRead(e, 'file', shown)}`, { code: 'unreadable' });
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      error(`could not be rendered: ${msg}. This is a bug in hugo-prerender; please report it with this shortcode.`, {
        code: 'internal',
      });
    }
  }
  const limit = env.services.fragmentBytes ?? DEFAULT_LIMITS.fragmentBytes;
  const bytes = bytesOver(html, limit);
  if (bytes !== undefined) {
    error(tooBigMessage('its output', bytes, limit, 'fragmentBytes'), { code: 'limit' });
    html = '';
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return { html, diagnostics, failed: errors.length > 0, held: errors.some((d) => d.code !== 'katex'), formulas };
}
