/**
 * One page of `hugo-prerender build`, from its bytes to what the build writes for it: the part of a build
 * that runs in a worker thread (src/build-workers.ts) or, for one page or a few, in the build's own
 * thread. Everything a page needs comes in a PageJob and every result goes back in a PageOutcome, both
 * plain data; writing `.prerender/`, the page records and the manifest stays with the build, which takes
 * outcomes in page order whichever thread made them (same input, same bytes, whatever the number of
 * workers).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { md5Hex } from './render/keys.js';
import { prerenderPage, type PageSettings } from './prerender-page.js';
import { getIn, languageImageBases, pageLanguage, urlBase, type SiteConfig, type SiteLanguages } from './site/config.js';
import { createMathRenderer } from './render/katex.js';
import { createHostServices, type HostServices } from './render/host.js';
import { pageTooBig } from './render/output-limits.js';
import type { PageInfo, SiteInfo } from './render/types.js';
import { FileHashes, PageReads } from './site/page-records.js';
import { siteFigureImages } from './images/site-figures.js';
import type { ImageService, PictureData } from './images/service.js';
import type { ResponsiveImage } from './images/pipeline.js';
import { pageSettings, type PageSettingsOfSite } from './page-settings.js';
import { emptyOutcome, internalOutcome, invalidUtf8, type PageJob, type PageOutcome } from './page-outcome.js';

export { internalOutcome, invalidUtf8, type PageJob, type PageOutcome } from './page-outcome.js';
export { pageSettings } from './page-settings.js';
// For `check`, which takes the renderer from here as `build` does (the command embeds this module: src/embedded.ts).
export { prerenderPage } from './prerender-page.js';

/** What every page of a site is prerendered with: the math renderer and shortcode services, and the settings (page-settings.ts). */
export function pageServices(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render', light: PageSettingsOfSite = pageSettings(config, siteDir, errorMode)) {
  const limits = config.prerender.limits;
  const renderer = createMathRenderer({ macros: config.prerender.katex.macros, strict: config.prerender.katex.strict, errors: errorMode, limits });
  // Captions keep raw HTML only where the site lets Goldmark keep it (markup.goldmark.renderer.unsafe).
  const services = createHostServices(renderer, { unsafe: light.settings.unsafe, errors: errorMode, fragmentBytes: limits.fragmentBytes });
  return { renderer, services, ...light };
}

/**
 * Everything pages are prerendered with in one thread: the site's services, the hashes of files pages
 * read, and the fragments earlier pages of this thread rendered.
 */
export interface PageContext {
  siteDir: string;
  errorMode: 'fail' | 'render';
  services: HostServices;
  settings: PageSettings;
  site: SiteInfo;
  renderer: ReturnType<typeof createMathRenderer>;
  outputBytes: number;
  /** The image pipeline (or a stand-in for it in a worker), when images are on. */
  images?: ImageService;
  /** Whether the site's own figure template or image render hook renders images (theirs go to images.json). */
  imageIndex: boolean;
  hashes: FileHashes;
  memo: FragmentMemo;
  /**
   * A multihost site whose languages are served below other paths: the site's URL base of image variants
   * and each such language's (see languageImageBases); absent otherwise.
   */
  imageBases?: { site: string; byLanguage: Record<string, string>; languages: SiteLanguages };
}

/**
 * Shortcode fragments (figures, diagrams, plots) rendered by earlier pages, reused by later ones: bounded,
 * so that a large site's fragments are not all held at once. Formulas are not held here: the renderer's
 * own cache (render/katex.ts) already has each recent one, and holding them twice, each fragment
 * promoted to the old generation and dropped later, is what made a large cold build's memory grow: 3000
 * posts of the bench, cold, --jobs 1, peak RSS 254-280 -> 218-219 MB on Node 20 and 437-441 -> 342-343 MB
 * on Node 24, the same CPU.
 */
export class FragmentMemo {
  private readonly map = new Map<string, string>();
  private chars = 0;
  constructor(private readonly limit = 4 * 1024 * 1024) {}
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  add(key: string, html: string): void {
    if (this.map.has(key) || html.length >= this.limit / 64) return;
    if (this.chars > this.limit) {
      this.map.clear();
      this.chars = 0;
    }
    this.map.set(key, html);
    this.chars += html.length;
  }
}

export function createPageContext(
  config: SiteConfig,
  siteDir: string,
  errorMode: 'fail' | 'render',
  images: { service?: ImageService; index: boolean },
  light: PageSettingsOfSite = pageSettings(config, siteDir, errorMode),
  hashes: FileHashes = new FileHashes(),
): PageContext {
  const { renderer, services, settings, site } = pageServices(config, siteDir, errorMode, light);
  if (images.service) services.images = images.service;
  return {
    siteDir,
    errorMode,
    services,
    settings,
    site,
    renderer,
    outputBytes: config.prerender.limits.outputBytes,
    ...(images.service ? { images: images.service } : {}),
    imageIndex: images.index && images.service !== undefined,
    hashes,
    memo: new FragmentMemo(),
    ...imageBasesOf(config),
  };
}

function imageBasesOf(config: SiteConfig): Pick<PageContext, 'imageBases'> {
  const byLanguage = languageImageBases(config.data, config.languages);
  if (Object.keys(byLanguage).length === 0) return {};
  return { imageBases: { site: urlBase(getIn(config.data, 'baseURL'), getIn(config.data, 'canonifyURLs')), byLanguage, languages: config.languages } };
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/**
 * The original's path as the staleness check reads it (Hugo's readFile): through no symbolic link, when
 * the page was reached through one that stays in the site (Hugo 0.169 reads no link: the check failed
 * on every such page). Undefined when that is its path already, or it cannot be resolved.
 */
const realSites = new Map<string, string>();

function readablePath(siteDir: string, abs: string, relPath: string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch {
    return undefined;
  }
  let site = realSites.get(siteDir);
  if (site === undefined) realSites.set(siteDir, (site = realpathSync.native(siteDir)));
  const rel = path.relative(site, real).split(path.sep).join('/');
  return rel === relPath || rel.startsWith('../') || path.isAbsolute(rel) ? undefined : rel;
}

/**
 * The directory of the page bundle a content file heads (`index.md`, `_index.md`, `index.fr.md`), where
 * its resources are; undefined for a page that is not a bundle.
 */
export function bundleDirOf(abs: string): string | undefined {
  const base = path.basename(abs).replace(/\.[^.]+$/, '');
  return base === 'index' || base === '_index' || /^_?index\.[a-z-]+$/i.test(base) ? path.dirname(abs) : undefined;
}

/** Prerenders one page (see the module comment). Never throws for a page's own problems. */
export async function renderPage(job: PageJob, ctx: PageContext): Promise<PageOutcome> {
  const { abs, relPath } = job;
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  /** This page's diagnostics (kept in its record). */
  const pageDiagnostics: Diagnostic[] = [];
  // Without a leading UTF-8 BOM: newer Hugo's readFile drops it (0.169 measured; 0.111.3 keeps it), and the
  // prerender template trims it too, so the staleness check agrees in every version.
  const sourceMd5 = md5Hex(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  const source = bytes.toString('utf8');
  const bad = invalidUtf8(bytes);
  if (bad) {
    pageDiagnostics.push({
      severity: 'warning',
      code: 'encoding',
      file: relPath,
      line: bad.line,
      column: bad.column,
      message: `not UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')}); Hugo expects UTF-8, and the bad bytes show as "\uFFFD". Convert the file, e.g. iconv -f windows-1252 -t utf-8`,
    });
  }
  const page: PageInfo = {
    absPath: abs,
    relPath,
    bundleDir: bundleDirOf(abs),
    ...(job.lang !== undefined ? { lang: job.lang } : {}),
    frontMatter: {},
  };
  const reads = new PageReads(ctx.siteDir, ctx.hashes);
  page.reads = reads;
  const markdownInner = ctx.settings.markdownInner;
  const pageSettings: PageSettings = {
    ...ctx.settings,
    markdownInner: (name) => {
      const t = markdownInner?.(name);
      reads.markdownInner[name] = t ?? null;
      return t;
    },
  };
  const images = ctx.images;
  // A language of a multihost site served below another path than the site's: its pages name the image
  // variants below that path (Hugo copies the static files to each language's root). Such a page's
  // fragments are its own: not taken from, nor given to, the pages of other languages.
  const bases = ctx.imageBases;
  const ownBase = bases?.byLanguage[pageLanguage(bases.languages, relPath, job.lang)];
  const rebase = (img: ResponsiveImage): ResponsiveImage => {
    if (ownBase === undefined || !bases) return img;
    const from = `${bases.site}prerender/img/`;
    return { ...img, sets: img.sets.map((set) => ({ ...set, candidates: set.candidates.map((c) => (c.url.startsWith(from) ? { ...c, url: ownBase + c.url.slice(bases.site.length) } : c)) })) };
  };
  const pageImages: ImageService | undefined = images && {
    prepare: async (file, shown) => {
      reads.image(file, shown);
      const made = await images.prepare(file, shown);
      return made.image ? { ...made, image: rebase(made.image) } : made;
    },
    sizes: (width) => images.sizes(width),
  };
  const services = pageImages ? { ...ctx.services, images: pageImages } : ctx.services;
  const previous = new Map(job.previous);
  const outcome: PageOutcome = {
    ...emptyOutcome(pageDiagnostics),
    reads: { lookups: reads.lookups, images: reads.images, markdownInner: reads.markdownInner },
  };
  let r;
  try {
    r = await prerenderPage(source, {
      page,
      site: ctx.site,
      settings: pageSettings,
      renderer: ctx.renderer,
      errorMode: ctx.errorMode,
      services,
      sourceMd5,
      checkPath: readablePath(ctx.siteDir, abs, relPath),
      cached: (key) => (ownBase === undefined ? ctx.memo.get(key) : undefined) ?? previous.get(key),
    });
  } catch (e) {
    const o = internalOutcome(relPath, `${(e as Error).stack ?? e}`);
    o.diagnostics.unshift(...pageDiagnostics);
    return o;
  }
  pageDiagnostics.push(...r.diagnostics);
  const tooBig = r.held ? undefined : pageTooBig(r.shadow, r.fragments, ctx.outputBytes);
  if (tooBig) {
    pageDiagnostics.push({ severity: 'error', code: 'limit', file: relPath, line: 1, column: 1, message: tooBig });
    r.failed = r.held = true;
  }
  outcome.stats = r.stats;
  if (ctx.imageIndex && pageImages) {
    // The images of figures the site's own template renders, and of Markdown images its image render hook does.
    const entries: Record<string, PictureData> = {};
    if (ctx.settings.siteShortcodes?.has('figure')) {
      const own = await siteFigureImages(r.parsed.shortcodes, page, ctx.site, pageImages, {
        withDark: ctx.settings.siteFigureTakesDark === true,
        make: ctx.settings.siteFigureImages !== false,
      });
      pageDiagnostics.push(...own.diagnostics);
      Object.assign(entries, own.entries);
    }
    for (const [src, data] of Object.entries(r.imageEntries ?? {})) entries[src] ??= data;
    if (Object.keys(entries).length > 0) outcome.imageEntries = entries;
  }
  if (r.held) return { ...outcome, held: true };
  const has = (htmls: Iterable<string>, into: { math: boolean; figure: boolean }) => {
    for (const html of htmls) {
      into.math ||= html.includes('class="katex');
      into.figure ||= html.includes('<svg');
    }
  };
  has(r.titles.values(), outcome.titlesHave);
  outcome.titles = [...r.titles];
  for (const f of r.fragments) {
    if (f.noisy) outcome.noisy.push(f.key);
    else if (f.kind !== 'math' && ownBase === undefined) ctx.memo.add(f.key, f.html);
  }
  if (r.shadow === undefined) return outcome;
  outcome.shadow = r.shadow;
  outcome.keys = r.fragments.map((f) => f.key);
  outcome.fragmentsHave.math = r.stats.formulas > 0;
  has(
    r.fragments.map((f) => f.html),
    outcome.fragmentsHave,
  );
  if (hasDarkImage(r.fragments)) outcome.fragmentsHave.dark = true;
  return outcome;
}

/** Whether a page's fragments hold a figure's dark image (src-dark), which only prerender.css hides (build and check). */
export function hasDarkImage(fragments: readonly { kind: string; html: string }[]): boolean {
  // A shortcode's fragment, never a formula's.
  return fragments.some((f) => f.kind === 'shortcode' && f.html.includes('class="hp-dark-only"'));
}
