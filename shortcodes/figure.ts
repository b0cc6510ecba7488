/**
 * Hugo's built-in `figure`, rendered by us so that its caption can hold math (Hugo's `markdownify`
 * would mangle `$h_{t-1}$`). Same parameters, same markup shape, same escaping as Hugo's; plus checks
 * Hugo does not make: a local image that does not exist, positional use, a figure with no text
 * alternative at all.
 */
import path from 'node:path';
import { defineShortcode, type RenderContext } from '../src/render/types.js';
import { FIGURE_ID_PARAM, type ParamSpecs } from '../src/render/params.js';
import { figureNumberHtml } from '../src/render/figure-numbers.js';
import { escapeHtmlGo, figureHtml, isSafeUrlGo, UNSAFE_URL, type FigureHtmlInput } from '../src/render/figure-html.js';
import type { ParamValue } from '../src/content/types.js';
import { outsideMessage } from '../src/site/safe-path.js';
import type { ResponsiveImage } from '../src/images/pipeline.js';
import { lookUpImage, missingImageMessage } from '../src/images/resolve.js';
import { pictureData } from '../src/images/service.js';

const params = {
  src: {
    type: 'string',
    doc: 'URL of the image. A local path is looked up in the page bundle, `assets/` and `static/` (the site first, then its theme and modules), and served as AVIF, WebP and its own format in several widths (see Images); a remote URL is written as given.',
  },
  link: { type: 'string', doc: 'URL the image links to (wraps the image in `<a>`).' },
  target: { type: 'string', doc: '`target` of the link (e.g. `_blank`); only with `link`.' },
  rel: { type: 'string', doc: '`rel` of the link (e.g. `noopener`); only with `link`.' },
  alt: {
    type: 'string',
    doc: 'Alternative text, as written. When absent or empty it is the caption as plain text (math as TeX).',
  },
  title: { type: 'string', doc: 'Heading of the caption (`<h4>` in the `<figcaption>`), plain text.' },
  caption: { type: 'string', doc: 'Caption (`<p>` in the `<figcaption>`): Markdown, math allowed.' },
  attr: { type: 'string', doc: 'Attribution after the caption, in the same `<p>`: Markdown, math allowed.' },
  attrlink: { type: 'string', doc: 'URL that the attribution links to.' },
  width: { type: 'string', doc: '`width` attribute of the image: a number of pixels (`600`), written as given.' },
  height: { type: 'string', doc: '`height` attribute of the image: a number of pixels, written as given.' },
  class: { type: 'string', doc: 'CSS class(es) of the `<figure>`.' },
  id: FIGURE_ID_PARAM,
  loading: {
    type: 'string',
    doc: '`loading` attribute of the image: `lazy` or `eager` (Hugo ≥ 0.112). Default for a local image: `lazy`, except on the first figure of the page.',
  },
  sizes: {
    type: 'string',
    doc: '`sizes` attribute of a responsive local image (overrides `params.prerender.images.sizes`).',
  },
  'src-dark': {
    type: 'string',
    doc: "URL of the image shown instead of `src` when the page is dark (the reader's system setting, or the theme's dark-mode switch); looked up and served as `src` is. Both images are then `loading=\"lazy\"` unless `loading` is given, so the hidden one is never downloaded.",
  },
} as const satisfies ParamSpecs;

type FigureParams = typeof params;

export default defineShortcode({
  name: 'figure',
  summary: "Hugo's figure (image, link, title, caption, attribution) with Markdown and math typeset in the caption.",
  params,
  inner: 'none',
  version: 3,
  unknownParams: 'warn',
  // Positional use gets one error, from render, naming the src to write.
  positional: 'render',
  // Checks that the image exists, so it must be rendered again when files change.
  cacheable: false,
  async render(ctx) {
    const p = ctx.params;
    const positional = Array.isArray(ctx.rawParams) && ctx.rawParams.length > 0;
    if (positional) {
      const [first, ...rest] = (ctx.rawParams as ParamValue[]).map(String);
      ctx.error(
        `takes named parameters only; Hugo reads positional ones as src="" (an empty image). Write src="${first}"${rest.length ? `, and name the other${rest.length === 1 ? '' : 's'} too (caption="${rest[0]}", alt="…")` : ''}`,
        { param: 'src', code: 'figure-src' },
      );
    }
    const src = p.src ?? '';
    let file: string | undefined;
    if (!positional && src.trim() === '') {
      ctx.error('needs src="…": the URL or path of the image', { param: 'src', code: 'figure-src' });
    } else if (src.trim() !== '') {
      file = findSrc(ctx, src, 'src');
    }
    const srcDark = given(ctx, 'src-dark');
    const darkFile = srcDark !== undefined && srcDark.trim() !== '' ? findSrc(ctx, srcDark, 'src-dark') : undefined;
    for (const name of ['link', 'attrlink'] as const) {
      const url = p[name];
      if (url && !isSafeUrlGo(url)) {
        ctx.warn(`${name}="${url}" uses a scheme Hugo's templates block (only http, https and mailto pass); it is written as ${UNSAFE_URL}`, {
          param: name,
          code: 'figure-url',
        });
      }
    }
    for (const [name, url] of [['src', src], ['src-dark', srcDark]] as const) {
      if (url && !isSafeUrlGo(url)) {
        ctx.warn(`${name}="${truncate(url)}" uses a scheme Hugo's templates block; it is written as ${UNSAFE_URL}`, {
          param: name,
          code: 'figure-url',
        });
      }
    }
    // Written as given, as Hugo's figure does; but the attribute holds pixels only, and a browser ignores
    // or misreads anything else (abc, 50%, 20em) without a word.
    for (const name of ['width', 'height'] as const) {
      const v = given(ctx, name);
      if (v !== undefined && positiveNumber(v) === undefined) {
        ctx.warn(
          `${name}="${v}" is not a number of pixels, the only thing an image's ${name} attribute holds: it is written as given, as Hugo's figure does, but browsers ignore or misread it. Write ${name}="${name === 'width' ? 600 : 400}", or set a size in other units (%, em) with a CSS class`,
          { param: name, code: 'figure-size' },
        );
      }
    }
    if (p.loading && p.loading !== 'lazy' && p.loading !== 'eager') {
      ctx.warn(`loading="${p.loading}" is not understood by browsers; use "lazy" or "eager"`, { param: 'loading' });
    }

    const caption = given(ctx, 'caption');
    const attr = given(ctx, 'attr');
    let alt: string | undefined = given(ctx, 'alt');
    if (alt === undefined && caption !== undefined) alt = ctx.plainText(caption);
    // Without an image (no src, or positional use, which Hugo reads as no src) that error is the one to fix.
    if (alt === undefined && !positional && src.trim() !== '') {
      ctx.warn('has neither alt nor caption, so screen readers get no description of the image; add alt="…"', {
        param: 'alt',
        code: 'figure-alt',
      });
    }

    let loading = given(ctx, 'loading');
    let decoding: string | undefined;
    const shown = await shownImage(ctx, 'src', src, file);
    const dark = srcDark !== undefined ? await shownImage(ctx, 'src-dark', srcDark, darkFile) : undefined;
    // Only the first figure is likely above the fold. With a dark variant, one of the two images is
    // hidden, and a hidden lazy image is never downloaded (an eager one is).
    const later = (ctx.occurrence ?? 0) > 0;
    if (dark || (later && shown.responsive)) loading ??= 'lazy';
    if (later && (shown.responsive || dark?.responsive)) decoding = 'async';

    return figureHtml({
      src: shown.src,
      link: given(ctx, 'link'),
      target: given(ctx, 'target'),
      rel: given(ctx, 'rel'),
      alt,
      title: given(ctx, 'title'),
      captionHtml: caption !== undefined ? ctx.markdown(caption, 'caption') : undefined,
      attrHtml: attr !== undefined ? ctx.markdown(attr, 'attr') : undefined,
      attrlink: given(ctx, 'attrlink'),
      width: shown.width,
      height: shown.height,
      class: given(ctx, 'class'),
      ...(ctx.figure?.id !== undefined ? { id: ctx.figure.id } : {}),
      ...(ctx.figure?.label !== undefined ? { numberHtml: figureNumberHtml(ctx.figure, escapeHtmlGo) } : {}),
      loading,
      decoding,
      picture: shown.picture,
      dark,
    });
  },
});

/** One image of the figure as the page shows it: its URL, size, and responsive versions. */
interface ShownImage {
  src: string;
  width?: string;
  height?: string;
  picture?: FigureHtmlInput['picture'];
  /** Whether the image pipeline made versions of it (a local image, with sharp). */
  responsive: boolean;
}

/**
 * The image `param` names (`src`, or `src-dark`) as the page shows it. For a local image with responsive
 * versions: its real size, so the page does not jump while it loads (a given width or height wins, and a
 * lone one gets its partner from the aspect ratio), and its `<picture>` sources.
 */
async function shownImage(ctx: RenderContext<FigureParams>, param: 'src' | 'src-dark', src: string, file: string | undefined): Promise<ShownImage> {
  let width = given(ctx, 'width');
  let height = given(ctx, 'height');
  const image = file && ctx.images ? await responsiveImage(ctx, file, src, param) : undefined;
  if (!image) return { src, width, height, responsive: false };
  if (image.width && image.height) {
    const w = positiveNumber(width);
    const h = positiveNumber(height);
    if (width === undefined && height === undefined) {
      width = String(image.width);
      height = String(image.height);
    } else if (w !== undefined && height === undefined) height = String(Math.round((w * image.height) / image.width));
    else if (h !== undefined && width === undefined) width = String(Math.round((h * image.width) / image.height));
  }
  const shownWidth = positiveNumber(width) ?? image.width ?? 0;
  const data = pictureData(image, given(ctx, 'sizes') ?? ctx.images!.sizes(shownWidth));
  if (!data) return { src, width, height, responsive: true };
  return {
    src: data.src,
    width,
    height,
    picture: { sources: data.sources, srcset: data.srcset, sizes: data.sizes, ...(data.placeholder ? { placeholder: data.placeholder } : {}) },
    responsive: true,
  };
}

/**
 * A parameter as Hugo's `with .Get "x"` sees it: absent, empty, `false` and `0` are all "not set".
 * (The validated value is a string, so the raw value decides.)
 */
function given(ctx: RenderContext<FigureParams>, name: keyof FigureParams): string | undefined {
  const raw = Array.isArray(ctx.rawParams) ? undefined : ctx.rawParams[name];
  if (raw === undefined || raw === '' || raw === false || raw === 0) return undefined;
  return ctx.params[name] ?? String(raw);
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function positiveNumber(v: string | undefined): number | undefined {
  const n = v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return n > 0 ? n : undefined;
}

/** The pipeline's versions of the image, its problems reported at `src`. */
async function responsiveImage(ctx: RenderContext<FigureParams>, file: string, src: string, param: 'src' | 'src-dark'): Promise<ResponsiveImage | undefined> {
  const { image, warnings } = await ctx.images!.prepare(file, src);
  for (const w of warnings) ctx.warn(w, { param, code: 'figure-image' });
  return image;
}

/**
 * The file a local `src` names, looked up where Hugo's figure looks (page bundle, then assets, then
 * static); warns when it exists in none of them. Undefined for a remote or missing image.
 */
function findSrc(ctx: RenderContext<FigureParams>, src: string, param: 'src' | 'src-dark'): string | undefined {
  // A src that leads outside the site is not a local file (and the warning must not tell whether such a
  // file exists); a symbolic link that leaves the site is refused.
  const look = lookUpImage(src, ctx.site, ctx.page.bundleDir, ctx.page.reads?.lookup, ctx.page.reads?.memo);
  if (!look) return undefined;
  if ('found' in look) return look.found;
  if ('refused' in look) {
    ctx.error(`image "${src}": ${outsideMessage(ctx.site.dir, look.link, look.target, look.loop)}`, { param, code: 'outside' });
    return undefined;
  }
  if (look.missing.length === 0) return undefined;
  ctx.warn(missingImageMessage(src, ctx.site, ctx.page.bundleDir, look.missing, look.blocked, look.hidden, look.unread), { param, code: 'figure-missing' });
  return undefined;
}
