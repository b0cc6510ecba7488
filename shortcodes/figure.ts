/**
 * Hugo's built-in `figure`, rendered by us so that its caption can hold math (Hugo's `markdownify`
 * would mangle `$h_{t-1}$`). Same parameters, same markup shape, same escaping as Hugo's; plus checks
 * Hugo does not make: a local image that does not exist, positional use, a figure with no text
 * alternative at all.
 */
import path from 'node:path';
import { defineShortcode, type RenderContext } from '../src/render/types.js';
import type { ParamSpecs } from '../src/render/params.js';
import { figureHtml, isLocalSrc, isSafeUrlGo, UNSAFE_URL } from '../src/render/figure-html.js';
import type { ParamValue } from '../src/content/types.js';
import { lookUpFile, outsideMessage, shownPath, siteRoots } from '../src/site/safe-path.js';

const params = {
  src: {
    type: 'string',
    doc: 'URL of the image. A local path is looked up in the page bundle, `assets/` and `static/`; written to the page as given.',
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
  width: { type: 'string', doc: '`width` attribute of the image.' },
  height: { type: 'string', doc: '`height` attribute of the image.' },
  class: { type: 'string', doc: 'CSS class(es) of the `<figure>`.' },
  loading: { type: 'string', doc: '`loading` attribute of the image: `lazy` or `eager` (Hugo ≥ 0.112).' },
} as const satisfies ParamSpecs;

type FigureParams = typeof params;

export default defineShortcode({
  name: 'figure',
  summary: "Hugo's figure (image, link, title, caption, attribution) with Markdown and math typeset in the caption.",
  params,
  inner: 'none',
  version: 1,
  unknownParams: 'warn',
  // Checks that the image exists, so it must be rendered again when files change.
  cacheable: false,
  async render(ctx) {
    const p = ctx.params;
    const positional = Array.isArray(ctx.rawParams) && ctx.rawParams.length > 0;
    if (positional) {
      const first = String((ctx.rawParams as ParamValue[])[0]);
      ctx.error(
        `takes named parameters only; Hugo reads positional ones as src="" (an empty image). Write src="${first}"`,
        { param: 'src', code: 'figure-src' },
      );
    }
    const src = p.src ?? '';
    if (!positional && src.trim() === '') {
      ctx.error('needs src="…": the URL or path of the image', { param: 'src', code: 'figure-src' });
    } else if (src.trim() !== '') {
      await checkSrc(ctx, src);
    }
    for (const name of ['link', 'attrlink'] as const) {
      const url = p[name];
      if (url && !isSafeUrlGo(url)) {
        ctx.warn(`${name}="${url}" uses a scheme Hugo's templates block (only http, https and mailto pass); it is written as ${UNSAFE_URL}`, {
          param: name,
          code: 'figure-url',
        });
      }
    }
    if (src && !isSafeUrlGo(src)) {
      ctx.warn(`src="${truncate(src)}" uses a scheme Hugo's templates block; it is written as ${UNSAFE_URL}`, {
        param: 'src',
        code: 'figure-url',
      });
    }
    if (p.loading && p.loading !== 'lazy' && p.loading !== 'eager') {
      ctx.warn(`loading="${p.loading}" is not understood by browsers; use "lazy" or "eager"`, { param: 'loading' });
    }

    const caption = given(ctx, 'caption');
    const attr = given(ctx, 'attr');
    let alt: string | undefined = given(ctx, 'alt');
    if (alt === undefined && caption !== undefined) alt = ctx.plainText(caption);
    if (alt === undefined) {
      ctx.warn('has neither alt nor caption, so screen readers get no description of the image; add alt="…"', {
        param: 'alt',
        code: 'figure-alt',
      });
    }

    return figureHtml({
      src,
      link: given(ctx, 'link'),
      target: given(ctx, 'target'),
      rel: given(ctx, 'rel'),
      alt,
      title: given(ctx, 'title'),
      captionHtml: caption !== undefined ? ctx.markdown(caption) : undefined,
      attrHtml: attr !== undefined ? ctx.markdown(attr) : undefined,
      attrlink: given(ctx, 'attrlink'),
      width: given(ctx, 'width'),
      height: given(ctx, 'height'),
      class: given(ctx, 'class'),
      loading: given(ctx, 'loading'),
    });
  },
});

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

/** Warns when a local image exists in none of the places Hugo would serve or resolve it from. */
async function checkSrc(ctx: RenderContext<FigureParams>, src: string): Promise<void> {
  if (!isLocalSrc(src)) return;
  let rel = src.replace(/[?#].*$/s, '');
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // A malformed escape: look the path up as written.
  }
  rel = rel.replace(/^\/+/, '');
  if (rel === '') return;
  const bases = [...ctx.site.staticDirs, ctx.site.assetsDir, ...(ctx.page.bundleDir ? [ctx.page.bundleDir] : [])];
  // Only places inside the site are looked at: a src that leads outside it is not a local file (and the
  // warning must not tell whether such a file exists); a symbolic link that leaves the site is refused.
  const look = lookUpFile(siteRoots(ctx.site), bases, rel);
  if ('found' in look) return;
  if ('refused' in look) {
    ctx.error(`image "${src}": ${outsideMessage(ctx.site.dir, look.link, look.target)}`, { param: 'src', code: 'outside' });
    return;
  }
  if (look.missing.length === 0) return;
  const shown = look.missing.map((c) => shownPath(ctx.site.dir, c));
  const where = ctx.page.bundleDir ? 'static, assets or the page bundle' : 'static or assets (the page is not a bundle)';
  ctx.warn(`image "${src}" was not found in ${where}; looked for ${shown.join(', ')}`, { param: 'src', code: 'figure-missing' });
}
