/**
 * What a figure sees of the image pipeline: the responsive versions of one local image, and the `sizes`
 * attribute to offer them with. Implemented by ImagePipeline (pipeline.ts); absent when images are off.
 */
import type { PrepareResult } from './pipeline.js';

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
