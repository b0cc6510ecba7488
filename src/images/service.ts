/**
 * What a figure sees of the image pipeline: the responsive versions of one local image, and the `sizes`
 * attribute to offer them with. Implemented by ImagePipeline (pipeline.ts); absent when images are off.
 */
import type { PrepareResult, ResponsiveImage, SourceSet } from './pipeline.js';

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
export const COLUMN_WIDTH = 800;

/**
 * `sizes` when the site sets none: the full viewport up to the width the image is shown at (its own, or
 * the column's when smaller), that width beyond.
 */
export function defaultSizes(width: number): string {
  const w = Math.max(1, Math.min(Math.round(width), COLUMN_WIDTH));
  return `(max-width: ${w}px) 100vw, ${w}px`;
}

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
  sources: { type: string; srcset: string }[];
  /** `placeholder = "blur"`: a tiny blurred version as a data: URL, for the `<img>`'s CSS background. */
  placeholder?: string;
}

function srcsetOf(s: SourceSet): string {
  return s.candidates.map((c) => `${c.url} ${c.width}w`).join(', ');
}

/** The `<picture>` of an image, or undefined when there is nothing to offer (an SVG, used as it is). */
export function pictureData(image: ResponsiveImage, sizes: string): PictureData | undefined {
  const fallback = image.sets.at(-1);
  if (!fallback) return undefined;
  return {
    src: fallback.candidates.at(-1)!.url,
    srcset: srcsetOf(fallback),
    sizes,
    ...(image.width !== undefined ? { width: image.width } : {}),
    ...(image.height !== undefined ? { height: image.height } : {}),
    format: image.format,
    sources: image.sets.slice(0, -1).map((s) => ({ type: s.mime, srcset: srcsetOf(s) })),
    ...(image.placeholder ? { placeholder: image.placeholder } : {}),
  };
}

/** The `style` of an `<img>` with a placeholder: shown, stretched over the image's box, until the image covers it. */
export function placeholderStyle(placeholder: string): string {
  return `background-size:cover;background-image:url(${placeholder})`;
}
