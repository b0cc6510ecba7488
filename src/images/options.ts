/**
 * `[params.prerender.images]`: what the image pipeline makes of a figure's local image. Bad values are
 * warnings at the site config and fall back to the default, like every other setting.
 */
import type { Diagnostic } from '../content/types.js';
import { configWarn, getIn, isRecord, warnUnknownKey, warnUnknownKeys, type ConfigLocator } from '../site/config.js';

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
  quality: { avif: number; webp: number; jpeg: number };
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

export const DEFAULT_IMAGE_OPTIONS: ImageOptions = {
  enable: true,
  widths: [400, 800, 1200, 1600, 2000],
  formats: ['avif', 'webp'],
  // sharp's own defaults.
  quality: { avif: 50, webp: 80, jpeg: 80 },
  sizes: '',
  metadata: 'strip',
  maxPixels: 100_000_000,
  markdown: 'auto',
  placeholder: 'none',
};

const KEY = 'params.prerender.images';
const PATH = ['params', 'prerender', 'images'];
/** The settings of `[params.prerender.images]`. */
export const IMAGE_KEYS = ['enable', 'widths', 'formats', 'quality', 'sizes', 'metadata', 'maxPixels', 'markdown', 'placeholder'] as const;
const QUALITY_KEYS = ['avif', 'webp', 'jpeg'] as const;

/**
 * Reads `params.prerender.images` from the merged site config data (keys in any case). `where`: the
 * site's locator (SiteConfig.locate) to place each warning at its setting, or just the file to name.
 */
export function imageOptions(data: Record<string, unknown>, where?: string | ConfigLocator): { options: ImageOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = configWarn(diagnostics, where);
  /** A warning at the value of images.<keys>. */
  const warn = (keys: string[], message: string) => report([...PATH, ...keys], message);
  const raw = getIn(data, PATH);
  const o: ImageOptions = structuredClone(DEFAULT_IMAGE_OPTIONS);
  if (raw === undefined) return { options: o, diagnostics };
  if (raw === false) return { options: { ...o, enable: false }, diagnostics };
  if (!isRecord(raw)) {
    report(PATH, `${KEY} must be a table (or false); using the defaults`);
    return { options: o, diagnostics };
  }
  warnUnknownKeys(report, raw, PATH, IMAGE_KEYS);
  const p = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));

  if (p.enable !== undefined) {
    if (typeof p.enable === 'boolean') o.enable = p.enable;
    else warn(['enable'], `${KEY}.enable must be true or false; using true`);
  }
  if (p.widths !== undefined) {
    const width = (w: unknown) => Number.isInteger(w) && (w as number) >= 16 && (w as number) <= 8192;
    // A list with a bad entry: said at that entry (the first), the list as a whole ignored.
    const bad = Array.isArray(p.widths) ? p.widths.findIndex((w) => !width(w)) : -1;
    if (Array.isArray(p.widths) && p.widths.length > 0 && bad < 0) o.widths = [...new Set(p.widths as number[])].sort((a, b) => a - b);
    else if (bad >= 0) warn(['widths', String(bad)], `${KEY}.widths: ${JSON.stringify((p.widths as unknown[])[bad])} is not a whole number of pixels between 16 and 8192; using ${JSON.stringify(o.widths)}`);
    else warn(['widths'], `${KEY}.widths must be a non-empty list of whole numbers of pixels between 16 and 8192; using ${JSON.stringify(o.widths)}`);
  }
  if (p.formats !== undefined) {
    const list = Array.isArray(p.formats) ? p.formats.map((f) => (typeof f === 'string' ? f.toLowerCase() : f)) : null;
    const bad = list ? list.findIndex((f) => f !== 'avif' && f !== 'webp') : -1;
    if (list && bad < 0) o.formats = [...new Set(list as ModernFormat[])];
    else if (bad >= 0) warn(['formats', String(bad)], `${KEY}.formats: ${JSON.stringify((p.formats as unknown[])[bad])} is not "avif" or "webp" (the image's own format is always written); using ${JSON.stringify(o.formats)}`);
    else warn(['formats'], `${KEY}.formats must be a list of "avif" and "webp" (the image's own format is always written); using ${JSON.stringify(o.formats)}`);
  }
  if (p.quality !== undefined) {
    const valid = (q: unknown): q is number => Number.isInteger(q) && (q as number) >= 1 && (q as number) <= 100;
    if (valid(p.quality)) o.quality = { avif: p.quality, webp: p.quality, jpeg: p.quality };
    else if (isRecord(p.quality)) {
      for (const [k, q] of Object.entries(p.quality)) {
        const f = k.toLowerCase();
        if (f !== 'avif' && f !== 'webp' && f !== 'jpeg') warnUnknownKey(report, [...PATH, 'quality'], k, QUALITY_KEYS, 'format');
        else if (valid(q)) o.quality[f] = q;
        else warn(['quality', k], `${KEY}.quality.${k} must be a whole number from 1 to 100; ignored`);
      }
    } else warn(['quality'], `${KEY}.quality must be a whole number from 1 to 100, or a table of them per format (avif, webp, jpeg); using the defaults`);
  }
  if (p.sizes !== undefined) {
    if (typeof p.sizes === 'string') o.sizes = p.sizes.trim();
    else warn(['sizes'], `${KEY}.sizes must be a string (a sizes attribute); computing it per image`);
  }
  if (p.metadata !== undefined) {
    const m = typeof p.metadata === 'string' ? p.metadata.toLowerCase() : '';
    if (m === 'strip' || m === 'keep') o.metadata = m;
    else warn(['metadata'], `${KEY}.metadata must be "strip" or "keep"; using "strip"`);
  }
  if (p.maxpixels !== undefined) {
    if (Number.isInteger(p.maxpixels) && (p.maxpixels as number) > 0) o.maxPixels = p.maxpixels as number;
    else warn(['maxpixels'], `${KEY}.maxPixels must be a positive whole number; using ${o.maxPixels}`);
  }
  if (p.markdown !== undefined) {
    const m = typeof p.markdown === 'string' ? p.markdown.toLowerCase() : p.markdown;
    if (m === true || m === false || m === 'auto') o.markdown = m;
    else warn(['markdown'], `${KEY}.markdown must be true, false or "auto"; using "auto"`);
  }
  if (p.placeholder !== undefined) {
    const m = typeof p.placeholder === 'string' ? p.placeholder.toLowerCase() : p.placeholder === false ? 'none' : '';
    if (m === 'none' || m === 'blur') o.placeholder = m;
    else warn(['placeholder'], `${KEY}.placeholder must be "blur" or "none"; using "none"`);
  }
  return { options: o, diagnostics };
}
