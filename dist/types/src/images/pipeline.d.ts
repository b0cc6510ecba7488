import type { ImageOptions } from './options.js';
import { type ImageService } from './service.js';
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff' | 'svg';
export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png' | 'gif';
export declare const MIME: Record<OutputFormat | 'svg', string>;
export interface ImageVariant {
    format: OutputFormat;
    width: number;
    height: number;
    /** Path inside `.prerender/static`, with `/`. */
    file: string;
}
/** What was made of one image; stored as its cache record. */
export interface ImageRecord {
    format: SourceFormat;
    /** Displayed size, after EXIF orientation (one frame of an animation). */
    width: number;
    height: number;
    animated: boolean;
    variants: ImageVariant[];
    /**
     * With `placeholder = "blur"`, for an opaque image: a tiny WebP of it, as a data: URL (added when the
     * record is read: placeholders have cache records of their own, see withPlaceholder).
     */
    placeholder?: string;
}
/** One `srcset` of a format: candidates by ascending width. */
export interface SourceSet {
    format: OutputFormat;
    mime: string;
    candidates: {
        url: string;
        width: number;
    }[];
}
/** What a figure needs to write `<picture>`. `sets` is empty for an SVG, which is used as it is. */
export interface ResponsiveImage {
    format: SourceFormat;
    width?: number;
    height?: number;
    animated: boolean;
    /** Modern formats first, the fallback (the image's own format, or JPEG/PNG) last. */
    sets: SourceSet[];
    /** A tiny blurred version, as a data: URL (see ImageRecord.placeholder). */
    placeholder?: string;
}
/** Where the pipeline writes: the `.prerender` writer (site/output.ts) or a test double. */
export interface ImageStore {
    /** Writes `.prerender/static/<rel>` atomically. */
    writeStatic(rel: string, data: Buffer): void;
    /** Marks `.prerender/static/<rel>` from an earlier build as still used; false when it is missing. */
    keepStatic(rel: string): boolean;
    /** `.prerender/cache/<rel>`, or undefined. */
    readCache(rel: string): Buffer | undefined;
    /** Writes `.prerender/cache/<rel>` atomically and marks it used. */
    writeCache(rel: string, data: Buffer): void;
}
export interface PrepareResult {
    image?: ResponsiveImage;
    /** Problems to report at the figure's `src`. */
    warnings: string[];
    /** sharp could not be loaded (the warning says so): no image is made responsive in this build. */
    unavailable?: true;
}
/**
 * Which sharp a build would load, without loading it: its package.json's path and version, found the
 * way loadSharp looks (beside hugo-prerender, then in the site's or the working directory's
 * node_modules), or "none". Part of the page records' key, so that installing, removing or upgrading
 * sharp builds again the pages whose figures it changes (a page kept as unchanged would otherwise keep
 * the plain image it got without sharp).
 */
export declare function sharpIdentity(siteDir: string | undefined): string;
export interface PipelineStats {
    /** Distinct local images seen in this build. */
    images: number;
    /** Of those, images that were decoded and encoded (not found in the cache). */
    processed: number;
}
export interface ImagePipelineOptions {
    store: ImageStore;
    options: ImageOptions;
    /** The site's URL path (from baseURL), ending in `/`: variants are served from `<base>prerender/img/…`. */
    urlBase?: string;
    /** Encodes at once; default: the size of libuv's thread pool (UV_THREADPOOL_SIZE, 4), where sharp runs. */
    concurrency?: number;
    /** The site, whose node_modules may hold sharp when hugo-prerender's own place does not. */
    siteDir?: string;
}
export declare class ImagePipeline implements ImageService {
    readonly stats: PipelineStats;
    private readonly store;
    private readonly options;
    private readonly urlBase;
    private readonly limiter;
    private readonly siteDir;
    /** Absolute path → outcome, once per build however many figures show the image. */
    private readonly seen;
    constructor(o: ImagePipelineOptions);
    sizes(width: number): string;
    prepare(file: string, shown: string): Promise<PrepareResult>;
    private responsive;
    private load;
    /**
     * The record with its placeholder when `placeholder = "blur"` asks for one (an SVG or an image with an
     * alpha channel gets none: behind a transparent image it would stay visible once the image is shown).
     * Cached apart from the variants, so that turning placeholders on makes no variant again.
     */
    private withPlaceholder;
    /** The record for `key` when it and every variant it lists are still there (and are then kept). */
    private cached;
}
/**
 * The configured widths below the image's own, plus its own when a larger one was asked for and it is
 * more than 25 % wider than the widest kept (a version barely wider than the last is not worth a file):
 * never upscaled. The same rule as @11ty/eleventy-img's default `minimumThreshold`.
 */
export declare function variantWidths(configured: readonly number[], own: number): number[];
