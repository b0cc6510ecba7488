/**
 * Responsive images for figures: one local image in, variants out (the widths of
 * `params.prerender.images` that fit, in AVIF and WebP beside the image's own format), written
 * content-addressed under `.prerender/static/prerender/img/<key>/` with sharp.
 *
 * - The key is the image's bytes plus every option that changes the output (and sharp's and libvips'
 *   versions): a renamed or moved image reuses its variants, an edited one gets new ones.
 * - A record per key in `.prerender/cache/images/<key>.json` says what was made; a build that finds it,
 *   and every file it lists, processes nothing. Variants and records no figure uses any more are
 *   removed by the writer at the end of a full build (they are neither written nor kept).
 * - The format comes from the bytes (sharp's sniffing), never from the name.
 * - Bad input (truncated, corrupt, too many pixels, not an image) is a warning for the caller to place;
 *   the figure then keeps the original image as Hugo would show it.
 * - Work is bounded: at most `concurrency` encodes at once (each one libvips pipeline; sharp runs them
 *   on libuv's thread pool, 4 threads unless UV_THREADPOOL_SIZE says otherwise, so more would only
 *   queue there), sharp's operation cache off, and `limitInputPixels` on every decode.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Sharp, SharpOptions } from 'sharp';
import { contentKey } from '../render/keys.js';
import type { ImageOptions } from './options.js';
import { defaultSizes, type ImageService } from './service.js';

/** The larger side of a placeholder (`placeholder = "blur"`), in pixels: the browser scales it up, blurred. */
const PLACEHOLDER_WIDTH = 16;

/** Bump when the same input and options would give other variants. */
const PIPELINE_VERSION = 1;

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff' | 'svg';
export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png' | 'gif';

export const MIME: Record<OutputFormat | 'svg', string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

const EXTENSION: Record<OutputFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png', gif: 'gif' };

/** File name endings that agree with each format (for the "named like another format" warning). */
const NAMES: Record<SourceFormat, string[]> = {
  jpeg: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  png: ['.png'],
  webp: ['.webp'],
  gif: ['.gif'],
  avif: ['.avif'],
  tiff: ['.tif', '.tiff'],
  svg: ['.svg', '.svgz'],
};

const LABEL: Record<SourceFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', avif: 'AVIF', tiff: 'TIFF', svg: 'SVG' };

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
  candidates: { url: string; width: number }[];
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

type SharpModule = typeof import('sharp').default;

let sharpModule: Promise<SharpModule | Error> | undefined;

/**
 * Which sharp a build would load, without loading it: its package.json's path and version, found the
 * way loadSharp looks (beside hugo-prerender, then in the site's or the working directory's
 * node_modules), or "none". Part of the page records' key, so that installing, removing or upgrading
 * sharp builds again the pages whose figures it changes (a page kept as unchanged would otherwise keep
 * the plain image it got without sharp).
 */
export function sharpIdentity(siteDir: string | undefined): string {
  const from = [import.meta.url, ...[siteDir, process.cwd()].filter((d): d is string => d !== undefined).map((d) => path.join(d, 'package.json'))];
  for (const base of from) {
    try {
      // sharp's exports do not include its package.json: from its entry point up to the package's root.
      let dir = path.dirname(createRequire(base).resolve('sharp'));
      for (;;) {
        try {
          const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
          if (pkg.name === 'sharp') return `${path.join(dir, 'package.json')}@${String(pkg.version)}`;
        } catch {
          // no package.json at this level
        }
        const up = path.dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    } catch {
      // not there
    }
  }
  return 'none';
}

/**
 * sharp, loaded on first use (a site without images never pays for it), or why it could not be. It is
 * an optional peer dependency: found beside hugo-prerender, or else in the site's own node_modules
 * (hugo-prerender installed by path is a symlink, and Node resolves from its real place).
 */
function loadSharp(siteDir: string | undefined): Promise<SharpModule | Error> {
  sharpModule ??= (async () => {
    let m: { default: SharpModule };
    try {
      m = await import('sharp');
    } catch (first) {
      const from = [siteDir, process.cwd()].filter((d): d is string => d !== undefined);
      let found: string | undefined;
      for (const dir of from) {
        try {
          found = createRequire(path.join(dir, 'package.json')).resolve('sharp');
          break;
        } catch {
          // not there either
        }
      }
      if (!found) return first instanceof Error ? first : new Error(String(first));
      m = (await import(pathToFileURL(found).href)) as { default: SharpModule };
    }
    const s = m.default;
    // libvips' operation cache helps repeated operations on one image; ours are one-shot pipelines,
    // and the cache would hold decoded images in memory across them.
    s.cache(false);
    return s;
  })().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  return sharpModule;
}

/** A counting semaphore: at most `limit` tasks run at once, started in call order. */
class Limiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

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

interface Outcome {
  record?: ImageRecord;
  /** Problems with the file itself (the same for every figure that shows it). */
  problems: string[];
  /** sharp could not be loaded: no image is made responsive. */
  unavailable?: true;
}

export class ImagePipeline implements ImageService {
  readonly stats: PipelineStats = { images: 0, processed: 0 };
  private readonly store: ImageStore;
  private readonly options: ImageOptions;
  private readonly urlBase: string;
  private readonly limiter: Limiter;
  private readonly siteDir: string | undefined;
  /** Absolute path → outcome, once per build however many figures show the image. */
  private readonly seen = new Map<string, Promise<Outcome>>();

  constructor(o: ImagePipelineOptions) {
    this.store = o.store;
    this.options = o.options;
    this.urlBase = o.urlBase ?? '/';
    this.limiter = new Limiter(Math.max(1, o.concurrency ?? (Number(process.env.UV_THREADPOOL_SIZE) || 4)));
    this.siteDir = o.siteDir;
  }

  sizes(width: number): string {
    return this.options.sizes || defaultSizes(width);
  }

  async prepare(file: string, shown: string): Promise<PrepareResult> {
    let outcome = this.seen.get(file);
    if (!outcome) {
      this.stats.images++;
      outcome = this.load(file).catch((e: unknown) => ({ problems: [`cannot be processed (${firstLine(e)})`] }));
      this.seen.set(file, outcome);
    }
    const { record, problems, unavailable } = await outcome;
    const warnings = problems.map((p) => `image "${shown}" ${p}; the original is used as it is`);
    if (!record) return unavailable ? { warnings, unavailable } : { warnings };
    const ext = path.extname(file).toLowerCase();
    if (ext && !NAMES[record.format].includes(ext)) {
      warnings.push(
        `image "${shown}" is a ${LABEL[record.format]} file although its name ends in ${ext}; it is served as ${LABEL[record.format]} (rename it to ${NAMES[record.format][0]} so that other tools agree)`,
      );
    }
    return { image: this.responsive(record), warnings };
  }

  private responsive(r: ImageRecord): ResponsiveImage {
    const sets: SourceSet[] = [];
    for (const v of r.variants) {
      let set = sets.find((s) => s.format === v.format);
      if (!set) sets.push((set = { format: v.format, mime: MIME[v.format], candidates: [] }));
      set.candidates.push({ url: this.urlBase + v.file, width: v.width });
    }
    return { format: r.format, width: r.width, height: r.height, animated: r.animated, sets, ...(r.placeholder ? { placeholder: r.placeholder } : {}) };
  }

  private async load(file: string): Promise<Outcome> {
    const bytes = await readFile(file);
    const sharp = await loadSharp(this.siteDir);
    if (sharp instanceof Error) {
      return {
        problems: [
          `was not made responsive: sharp, which hugo-prerender uses for images, could not be loaded (${firstLine(sharp)}); install it beside hugo-prerender: npm install --save-dev sharp`,
        ],
        unavailable: true,
      };
    }
    const o = this.options;
    // The variants are named after the file (BPTT-400.avif): the name is part of the key, so that the same
    // bytes under two names make a set each, whichever page a build reaches first. Keyed by the bytes
    // alone, the first name seen named both, and a page's output depended on the build's history.
    const stem = safeStem(path.basename(file, path.extname(file)));
    const digest = createHash('sha256').update(bytes).digest('hex');
    const key = contentKey(
      'image',
      PIPELINE_VERSION,
      sharp.versions,
      { widths: o.widths, formats: o.formats, quality: o.quality, metadata: o.metadata },
      digest,
      stem,
    );
    const cached = this.cached(key);
    if (cached) return this.withPlaceholder(cached, bytes, sharp, digest);

    const input: SharpOptions = { limitInputPixels: o.maxPixels, failOn: 'error' };
    let meta;
    try {
      // A header read: the pixel limit is checked below, with a message that says what it is.
      meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
    } catch (e) {
      return { problems: [`is not an image sharp can read (${firstLine(e)})`] };
    }
    const format = sourceFormat(meta.format, meta.compression);
    if (!format) return { problems: [`is in a format browsers do not show (${meta.format})`] };
    const frames = format === 'gif' || format === 'webp' ? (meta.pages ?? 1) : 1;
    const frameHeight = frames > 1 ? (meta.pageHeight ?? meta.height) : meta.height;
    const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const width = oriented.width;
    const height = frames > 1 ? frameHeight : oriented.height;
    if (!width || !height) return { problems: ['has no width or height'] };
    if (format === 'svg') return { record: { format, width, height, animated: false, variants: [] }, problems: [] };
    const pixels = meta.width * (meta.pageHeight ?? meta.height) * frames;
    if (pixels > o.maxPixels) {
      return {
        problems: [
          `has ${meta.width}×${meta.height} pixels${frames > 1 ? ` in ${frames} frames` : ''}, more than params.prerender.images.maxPixels (${o.maxPixels}); it was not decoded (a decompression bomb?)`,
        ],
      };
    }

    const animated = frames > 1;
    const fallback = fallbackFormat(format, meta.hasAlpha === true);
    const formats = [...o.formats.filter((f) => f !== fallback && !(animated && f === 'avif')), fallback];
    const widths = variantWidths(o.widths, width);
    const plan: ImageVariant[] = [];
    for (const f of formats) {
      for (const w of widths) {
        plan.push({ format: f, width: w, height: Math.max(1, Math.round((height * w) / width)), file: `prerender/img/${key}/${stem}-${w}.${EXTENSION[f]}` });
      }
    }

    let encoded: Buffer[];
    try {
      encoded = await Promise.all(
        plan.map((v) =>
          this.limiter.run(() =>
            encode(sharp(bytes, { ...input, animated }), v, { width, quality: o.quality, keep: o.metadata === 'keep', palette: meta.isPalette === true }),
          ),
        ),
      );
    } catch (e) {
      return { problems: [`cannot be decoded (${firstLine(e)}): is the file truncated or corrupt?`] };
    }
    plan.forEach((v, i) => this.store.writeStatic(v.file, encoded[i]!));
    const record: ImageRecord = { format, width, height, animated, variants: plan };
    this.store.writeCache(recordPath(key), Buffer.from(JSON.stringify(record, null, 1) + '\n', 'utf8'));
    this.stats.processed++;
    return this.withPlaceholder(record, bytes, sharp, digest);
  }

  /**
   * The record with its placeholder when `placeholder = "blur"` asks for one (an SVG or an image with an
   * alpha channel gets none: behind a transparent image it would stay visible once the image is shown).
   * Cached apart from the variants, so that turning placeholders on makes no variant again.
   */
  private async withPlaceholder(record: ImageRecord, bytes: Buffer, sharp: SharpModule, digest: string): Promise<Outcome> {
    if (this.options.placeholder !== 'blur' || record.format === 'svg') return { record, problems: [] };
    const rel = recordPath(contentKey('placeholder', PIPELINE_VERSION, sharp.versions, PLACEHOLDER_WIDTH, digest));
    const raw = this.store.readCache(rel);
    let placeholder: string | undefined;
    let valid = false;
    try {
      const parsed: unknown = raw ? JSON.parse(raw.toString('utf8')) : undefined;
      if (parsed && typeof parsed === 'object') {
        placeholder = (parsed as { placeholder?: unknown }).placeholder as string | undefined;
        valid = placeholder === undefined || (typeof placeholder === 'string' && placeholder.startsWith('data:image/webp;base64,'));
      }
    } catch {
      /* made again below */
    }
    if (!raw || !valid) {
      const input: SharpOptions = { limitInputPixels: this.options.maxPixels, failOn: 'error' };
      try {
        const meta = await sharp(bytes, input).metadata();
        placeholder = undefined;
        if (meta.hasAlpha !== true) {
          const tiny = await this.limiter.run(() =>
            sharp(bytes, input).autoOrient().resize({ width: PLACEHOLDER_WIDTH, height: PLACEHOLDER_WIDTH, fit: 'inside' }).blur(1).webp({ quality: 40 }).toBuffer(),
          );
          placeholder = `data:image/webp;base64,${tiny.toString('base64')}`;
        }
      } catch (e) {
        return { problems: [`cannot be decoded (${firstLine(e)}): is the file truncated or corrupt?`] };
      }
      this.store.writeCache(rel, Buffer.from(JSON.stringify(placeholder ? { placeholder } : {}) + '\n', 'utf8'));
    } else this.store.writeCache(rel, raw); // still in use: kept by the end of a full build
    return { record: placeholder ? { ...record, placeholder } : record, problems: [] };
  }

  /** The record for `key` when it and every variant it lists are still there (and are then kept). */
  private cached(key: string): ImageRecord | undefined {
    const raw = this.store.readCache(recordPath(key));
    if (!raw) return undefined;
    let record: ImageRecord;
    try {
      record = JSON.parse(raw.toString('utf8')) as ImageRecord;
    } catch {
      return undefined;
    }
    if (!Array.isArray(record.variants) || !record.variants.every((v) => this.store.keepStatic(v.file))) return undefined;
    this.store.writeCache(recordPath(key), raw);
    return record;
  }
}

/** libvips repeats its messages, one per line. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
}

function recordPath(key: string): string {
  return `images/${key}.json`;
}

function sourceFormat(format: string | undefined, compression: string | undefined): SourceFormat | undefined {
  switch (format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
    case 'svg':
      return format;
    case 'heif':
      return compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

/** The format every browser shows, for `<img src>`: the image's own where it is one. */
function fallbackFormat(format: Exclude<SourceFormat, 'svg'>, alpha: boolean): OutputFormat {
  if (format === 'avif' || format === 'tiff') return alpha ? 'png' : 'jpeg';
  return format;
}

/**
 * The configured widths below the image's own, plus its own when a larger one was asked for and it is
 * more than 25 % wider than the widest kept (a version barely wider than the last is not worth a file):
 * never upscaled. The same rule as @11ty/eleventy-img's default `minimumThreshold`.
 */
export function variantWidths(configured: readonly number[], own: number): number[] {
  const below = [...new Set(configured.filter((w) => w < own))].sort((a, b) => a - b);
  const widest = below.at(-1);
  if (configured.some((w) => w >= own) && (widest === undefined || own > Math.floor(widest * 1.25))) below.push(own);
  return below;
}

/** A file name stem that needs no URL escaping. */
function safeStem(stem: string): string {
  const s = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return s || 'image';
}

async function encode(
  img: Sharp,
  v: ImageVariant,
  o: { width: number; quality: ImageOptions['quality']; keep: boolean; palette: boolean },
): Promise<Buffer> {
  img = img.autoOrient();
  if (v.width !== o.width) img = img.resize({ width: v.width, withoutEnlargement: true });
  if (o.keep) img = img.keepMetadata();
  switch (v.format) {
    case 'avif':
      img = img.avif({ quality: o.quality.avif });
      break;
    case 'webp':
      img = img.webp({ quality: o.quality.webp });
      break;
    case 'jpeg':
      img = img.jpeg({ quality: o.quality.jpeg });
      break;
    case 'png':
      // A palette image stays one (resizing adds colours that would otherwise triple its size).
      img = img.png({ palette: o.palette });
      break;
    case 'gif':
      img = img.gif();
      break;
  }
  return img.toBuffer();
}
