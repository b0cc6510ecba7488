/**
 * Images of figures that a site's or theme's own `figure` template renders (it stays in charge of the
 * markup, see site/fallbacks.ts): the build still makes their responsive versions and writes them to
 * `.prerender/images.json`, which `partials/prerender/image.html` and `picture.html` read for that
 * template. Keyed by the page's path in its content tree (Hugo's `.File.Path`) and the `src` as written.
 */
import type { Diagnostic, Shortcode } from '../content/types.js';
import type { PageInfo, SiteInfo } from '../render/types.js';
import { outsideMessage } from '../site/safe-path.js';
import { lookUpImage, missingImageMessage } from './resolve.js';
import { pictureData, type ImageService, type PictureData } from './service.js';

export const IMAGE_INDEX_FILE = 'images.json';

/** Page path in its content tree → `src` as written → what its template may show. */
export type ImageIndex = Record<string, Record<string, PictureData>>;

/** Shortcodes whose inner content is code, never figures (as for math: prerender-page.ts). */
const CODE = new Set(['highlight', 'code', 'mermaid', 'chart', 'katex', 'math']);

function figures(list: readonly Shortcode[], out: Shortcode[] = []): Shortcode[] {
  for (const sc of list) {
    if (sc.name === 'figure') out.push(sc);
    else if (!CODE.has(sc.name)) figures(sc.children, out);
  }
  return out;
}

/**
 * The responsive versions of every local image the page's `figure` shortcodes show, and the problems
 * with them as warnings at each figure's `src` (and `src-dark`).
 */
export async function siteFigureImages(
  shortcodes: readonly Shortcode[],
  page: PageInfo,
  site: SiteInfo,
  images: ImageService,
  opts: {
    /** The site's figure template reads `src-dark` (page-settings.ts): its images are made too. */
    withDark?: boolean;
    /**
     * False where the template does not ask for the versions (page-settings.ts siteFigureImages): the
     * images are only looked for, a missing one still a warning, and none is decoded or resized.
     */
    make?: boolean;
  } = {},
): Promise<{ entries: Record<string, PictureData>; diagnostics: Diagnostic[] }> {
  const { withDark = false, make = true } = opts;
  const entries: Record<string, PictureData> = {};
  const diagnostics: Diagnostic[] = [];
  for (const sc of figures(shortcodes)) {
    // `src`, and `src-dark` where the template passes it on (partials/prerender/picture.html's srcDark).
    for (const param of withDark ? ['src', 'src-dark'] : ['src']) {
      const src = Array.isArray(sc.params) ? undefined : sc.params[param];
      if (typeof src !== 'string' || src.trim() === '') continue;
      await figureImage(sc, param, src);
    }
  }
  return { entries, diagnostics };

  async function figureImage(sc: Shortcode, param: string, src: string): Promise<void> {
    const at = sc.paramPositions?.[param] ?? { line: sc.line, column: sc.column, offset: sc.offset };
    const warn = (message: string, code: string) =>
      diagnostics.push({ severity: 'warning', code, file: page.relPath, line: at.line, column: at.column, offset: at.offset, message: `figure: ${message}` });
    const look = lookUpImage(src, site, page.bundleDir, page.reads?.lookup, page.reads?.memo);
    // Remote (the site's figure shows it as written), a link out of the site (not read), or missing (said
    // as our figure says it: the page would show a broken image).
    if (look && 'refused' in look) warn(`image "${src}": ${outsideMessage(site.dir, look.link, look.target, look.loop)}`, 'outside');
    if (look && 'missing' in look && look.missing.length > 0) warn(missingImageMessage(src, site, page.bundleDir, look.missing, look.blocked, look.hidden, look.unread), 'figure-missing');
    if (!look || !('found' in look) || !make) return;
    const { image, warnings } = await images.prepare(look.found, src);
    for (const w of warnings) warn(w, 'figure-image');
    const data = image ? pictureData(image, images.sizes(image.width ?? 0)) : undefined;
    if (data) entries[src] = data;
  }
}
