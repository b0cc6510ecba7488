/**
 * Images of figures that a site's or theme's own `figure` template renders (it stays in charge of the
 * markup, see site/fallbacks.ts): the build still makes their responsive versions and writes them to
 * `.prerender/images.json`, which `partials/prerender/image.html` and `picture.html` read for that
 * template. Keyed by the page's path in its content tree (Hugo's `.File.Path`) and the `src` as written.
 */
import type { Diagnostic, Shortcode } from '../content/types.js';
import type { PageInfo, SiteInfo } from '../render/types.js';
import { type ImageService, type PictureData } from './service.js';
export declare const IMAGE_INDEX_FILE = "images.json";
/** Page path in its content tree → `src` as written → what its template may show. */
export type ImageIndex = Record<string, Record<string, PictureData>>;
/**
 * The responsive versions of every local image the page's `figure` shortcodes show, and the problems
 * with them as warnings at each figure's `src` (and `src-dark`).
 */
export declare function siteFigureImages(shortcodes: readonly Shortcode[], page: PageInfo, site: SiteInfo, images: ImageService, opts?: {
    /** The site's figure template reads `src-dark` (page-settings.ts): its images are made too. */
    withDark?: boolean;
    /**
     * False where the template does not ask for the versions (page-settings.ts siteFigureImages): the
     * images are only looked for, a missing one still a warning, and none is decoded or resized.
     */
    make?: boolean;
}): Promise<{
    entries: Record<string, PictureData>;
    diagnostics: Diagnostic[];
}>;
