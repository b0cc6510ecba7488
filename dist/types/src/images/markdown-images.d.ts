/**
 * Markdown images (`![alt](photo.jpg "title")`, and `![alt][ref]` with its definition) served as a
 * figure's image is: `<picture>` with AVIF and WebP sources, srcset, sizes, the real width and height.
 *
 * Only images whose file is certain are taken, looked up as the browser would find them on the page Hugo
 * publishes: a relative path on a page bundle is one of its resources (published beside the page), an
 * absolute path is a file of `static/` (published at the site's root, through the site's static mounts:
 * site/component-lookup.ts). A relative path on a page that is
 * not a bundle resolves against the page's URL, which the file's place does not tell: left as written,
 * as are remote images, images in headings (their text makes the heading's id) and images inside a
 * `{{< >}}` shortcode (its template decides what its content becomes). Inside a `{{% %}}` one, whose
 * output Hugo renders as the page's Markdown, they are taken as its math is (prerender-page.ts).
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../content/types.js';
import type { LineIndex } from '../content/position.js';
import type { PageInfo, SiteInfo } from '../render/types.js';
import { type Lookup, type Place } from '../site/safe-path.js';
import { type ImageService, type PictureData } from './service.js';
export interface MarkdownImage {
    /** Offsets of the whole image (`![` to its closing `)` or `]`) in the page's source. */
    start: number;
    end: number;
    /** The destination as Hugo's image render hooks see it (`.Destination`): escapes and references resolved. */
    url: string;
    /** The image description as plain text (Goldmark's alt text). */
    alt: string;
    title: string | null;
}
/**
 * Every Markdown image of the page's tree (offsets relative to `bodyOffset`), in source order, those in
 * headings only with `inHeadings`, with the definitions of reference images resolved (the first definition of a label wins).
 */
export declare function findMarkdownImages(tree: Root, bodyOffset: number, inHeadings?: boolean, source?: string): MarkdownImage[];
/**
 * Where the browser finds the image of `url` on the published page, looked up inside the site: undefined
 * when that is not certain (remote, a relative path on a page that is not a bundle, `..`, a query).
 */
export declare function lookUpMarkdownImage(url: string, site: SiteInfo, page: PageInfo): {
    rel: string;
    lookup: Lookup;
    bases: Place[];
} | undefined;
/** The `<picture>` of a Markdown image (`later`: not the first image of the page, so lazy). */
export declare function markdownPictureHtml(image: MarkdownImage, data: PictureData, later: boolean): string;
/** What became of one Markdown image: its `<picture>` data, or nothing (left as written). */
export interface ServedImage {
    image: MarkdownImage;
    data?: PictureData;
}
/**
 * The responsive versions of each image in `images` that can be served, its problems as warnings at the
 * image: a file of the page bundle that is missing, one that cannot be read or decoded, a link out of the
 * site. `sizes`: the page's `sizes` for an image of a given width (the site's setting, or computed).
 */
export declare function serveMarkdownImages(images: readonly MarkdownImage[], page: PageInfo, site: SiteInfo, service: ImageService, lines: LineIndex, 
/** The page's budget (content/limits.ts pageBudget), asked before each image: past it, the images stop there. */
over?: () => 'pageSeconds' | 'pageMemoryMB' | undefined): Promise<{
    served: ServedImage[];
    diagnostics: Diagnostic[];
    stopped?: {
        limit: 'pageSeconds' | 'pageMemoryMB';
        offset: number;
    };
}>;
