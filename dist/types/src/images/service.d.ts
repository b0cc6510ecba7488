/**
 * What a figure sees of the image pipeline: the responsive versions of one local image, and the `sizes`
 * attribute to offer them with. Implemented by ImagePipeline (pipeline.ts); absent when images are off.
 */
import type { PrepareResult, ResponsiveImage } from './pipeline.js';
export interface ImageService {
    /**
     * The variants of the image at `file` (absolute), made now or found in the cache; `shown` names it in
     * warnings (the figure's `src`). Never throws: a problem is a warning, and then there is no image.
     */
    prepare(file: string, shown: string): Promise<PrepareResult>;
    /** The `sizes` attribute for an image shown at most `width` CSS pixels wide. */
    sizes(width: number): string;
}
/** Content columns of blog themes are rarely wider than this (CSS px). */
export declare const COLUMN_WIDTH = 800;
/**
 * `sizes` when the site sets none: the full viewport up to the width the image is shown at (its own, or
 * the column's when smaller), that width beyond.
 */
export declare function defaultSizes(width: number): string;
/** What `<picture>` needs, as strings: the figure's markup and a site's own template (images.json). */
export interface PictureData {
    /** The largest version in the fallback format (the image's own, or JPEG/PNG). */
    src: string;
    srcset: string;
    sizes: string;
    /** The image's size after EXIF orientation. */
    width?: number;
    height?: number;
    /** The format of the image's bytes (jpeg, png, webp, gif, avif, tiff). */
    format: string;
    /** One per modern format, best first. */
    sources: {
        type: string;
        srcset: string;
    }[];
    /** `placeholder = "blur"`: a tiny blurred version as a data: URL, for the `<img>`'s CSS background. */
    placeholder?: string;
}
/** The `<picture>` of an image, or undefined when there is nothing to offer (an SVG, used as it is). */
export declare function pictureData(image: ResponsiveImage, sizes: string): PictureData | undefined;
/** The `style` of an `<img>` with a placeholder: shown, stretched over the image's box, until the image covers it. */
export declare function placeholderStyle(placeholder: string): string;
