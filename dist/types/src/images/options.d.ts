/**
 * `[params.prerender.images]`: what the image pipeline makes of a figure's local image. Bad values are
 * warnings at the site config and fall back to the default, like every other setting.
 */
import type { Diagnostic } from '../content/types.js';
import { type ConfigLocator } from '../site/config.js';
/** Formats written beside the image's own format (which is always written, as the fallback). */
export type ModernFormat = 'avif' | 'webp';
export interface ImageOptions {
    /** false: figures keep Hugo's plain `<img src>` and no image is processed. */
    enable: boolean;
    /** Candidate widths in pixels, ascending; widths above the image's own are never made. */
    widths: number[];
    /** Modern formats offered before the original format, in this order. */
    formats: ModernFormat[];
    /** Encoder quality (1–100) per lossy format. */
    quality: {
        avif: number;
        webp: number;
        jpeg: number;
    };
    /**
     * The `sizes` attribute; empty: computed per image as `(max-width: Wpx) 100vw, Wpx` with W the smaller
     * of its display width and 800.
     */
    sizes: string;
    /** "strip": EXIF (GPS too), XMP and IPTC are removed, the colour profile converted to sRGB; "keep": kept. */
    metadata: 'strip' | 'keep';
    /** Larger images (width × height × frames) are refused as likely decompression bombs. */
    maxPixels: number;
    /**
     * Markdown images (`![alt](photo.jpg)`): "auto" serves them as figures' images are served unless the
     * site, a theme or a module has an image render hook (or a theme's layouts cannot be seen: a Hugo
     * module in Hugo's cache), which then stays in charge (their versions are made for images.json when the
     * hook asks prerender/picture.html or image.html for them); true: always; false: never.
     */
    markdown: 'auto' | boolean;
    /**
     * "blur": each opaque image carries a tiny blurred version of itself (a WebP about 16 px wide, a few
     * hundred bytes, inline as the `<img>`'s CSS background), shown while the image loads; "none": nothing.
     */
    placeholder: 'none' | 'blur';
}
export declare const DEFAULT_IMAGE_OPTIONS: ImageOptions;
/** The settings of `[params.prerender.images]`. */
export declare const IMAGE_KEYS: readonly ["enable", "widths", "formats", "quality", "sizes", "metadata", "maxPixels", "markdown", "placeholder"];
/**
 * Reads `params.prerender.images` from the merged site config data (keys in any case). `where`: the
 * site's locator (SiteConfig.locate) to place each warning at its setting, or just the file to name.
 */
export declare function imageOptions(data: Record<string, unknown>, where?: string | ConfigLocator): {
    options: ImageOptions;
    diagnostics: Diagnostic[];
};
