/**
 * One page of `hugo-prerender build`, from its bytes to what the build writes for it: the part of a build
 * that runs in a worker thread (src/build-workers.ts) or, for one page or a few, in the build's own
 * thread. Everything a page needs comes in a PageJob and every result goes back in a PageOutcome, both
 * plain data; writing `.prerender/`, the page records and the manifest stays with the build, which takes
 * outcomes in page order whichever thread made them (same input, same bytes, whatever the number of
 * workers).
 */
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { md5Hex, stableStringify } from './render/keys.js';
import { prerenderPage, type PageSettings } from './prerender-page.js';
import { getIn, type SiteConfig } from './site/config.js';
import { createMathRenderer } from './render/katex.js';
import { createHostServices, type HostServices } from './render/host.js';
import { shortcodes } from './render/registry.js';
import { everywhereSettings } from './render/everywhere.js';
import { markdownShortcodeTemplates, moduleLayoutDirs, siteLayoutDirs, siteShortcodeTemplates } from './site/fallbacks.js';
import { feedContentTemplates, headingDataTemplates } from './site/head-hooks.js';
import { mathAndOutputLimits, pageTooBig } from './render/output-limits.js';
import type { PageInfo, SiteInfo } from './render/types.js';
import { FileHashes, PageReads, type LookupRecord } from './site/page-records.js';
import { siteFigureImages } from './images/site-figures.js';
import type { PictureData, ImageService } from './images/service.js';

/** A page to prerender: where it is, its bytes as the build read them, the fragments of its previous shadow. */
export interface PageJob {
  abs: string;
  relPath: string;
  relToContent: string;
  bytes: Uint8Array;
  /** Key → fragment of the shadow the previous build wrote for this page (PrerenderOutput.previousFragments). */
  previous: [string, string][];
}

/** What became of a page: everything the build writes or records for it. */
export interface PageOutcome {
  /** The page's diagnostics, in the order a build reports them (kept in its record). */
  diagnostics: Diagnostic[];
  /** prerenderPage threw: `diagnostics` ends with the internal error; nothing else is set. */
  internal?: boolean;
  /** The page's output must not be published: the build keeps what it had. */
  held: boolean;
  /** The shadow to write; undefined when the page owns nothing (or is held). */
  shadow?: string;
  /** Its fragments' keys, in order, and those whose rendering reported diagnostics. */
  keys: string[];
  noisy: string[];
  /** Titles with math: md5 → HTML. */
  titles: [string, string][];
  stats: { formulas: number; figures: number; shortcodes: number; cacheHits: number };
  /** Whether its titles, and its fragments, hold KaTeX HTML and figures. */
  titlesHave: { math: boolean; figure: boolean };
  fragmentsHave: { math: boolean; figure: boolean };
  /** What the page read besides its source (its record's lookups, images, markdownInner). */
  reads: { lookups: LookupRecord[]; images: { file: string; shown: string }[]; markdownInner: Record<string, string | null> };
  /** For .prerender/images.json, when the site's own figure template renders figures. */
  imageEntries?: Record<string, PictureData>;
}

/** What every page of a site is prerendered with: the math renderer, shortcode services and settings. */
export function pageServices(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render') {
  const diagnostics: Diagnostic[] = [];
  const macros = config.prerender.katex.macros;
  const limits = config.prerender.limits;
  const renderer = createMathRenderer({ macros, errors: errorMode, limits });
  // Captions keep raw HTML only where the site lets Goldmark keep it (markup.goldmark.renderer.unsafe).
  const unsafe = getIn(config.data, 'markup.goldmark.renderer.unsafe') === true;
  const services = createHostServices(renderer, { unsafe, errors: errorMode, fragmentBytes: limits.fragmentBytes });
  // A figure (or any name of ours) that the site, a theme or a module has its own template for stays theirs.
  const layoutDirs = siteLayoutDirs(siteDir, config.data);
  const siteShortcodes = siteShortcodeTemplates(siteDir, layoutDirs, shortcodes.keys());
  for (const [name, where] of siteShortcodes) {
    if (name === 'figure') continue; // Hugo has a figure of its own: a site that overrides it means it
    diagnostics.push({
      severity: 'warning',
      code: 'site-shortcode',
      file: where,
      line: 1,
      column: 1,
      message: `this site has its own "${name}" shortcode, which stays in charge: hugo-prerender does not render {{< ${name} >}} on this site. Rename or remove this template to use hugo-prerender's ${name}`,
    });
  }
  // Math in headings: raw HTML where Goldmark keeps it, text where a template reads Hugo's heading data.
  const headingMath: PageSettings['headingMath'] = unsafe ? 'html' : headingDataTemplates(siteDir, layoutDirs).length > 0 ? 'text' : 'shortcode';
  const settings: PageSettings = {
    math: config.math,
    settingsKey: stableStringify({ macros, errorMode, math: config.math, unsafe, headingMath, site: [...siteShortcodes.keys()], limits: mathAndOutputLimits(limits) }),
    everywhere: everywhereSettings(config.data),
    limits: config.prerender.limits,
    siteShortcodes,
    markdownInner: markdownShortcodeTemplates(siteDir, layoutDirs),
    unsafe,
    headingMath,
    // RSS shows .Summary unless a feed template of the site's reads more (see PageSettings.feeds).
    feeds: feedContentTemplates(siteDir, layoutDirs, moduleLayoutDirs(siteDir, config.data)).length > 0 ? 'content' : 'summary',
  };
  const site: SiteInfo = { dir: siteDir, staticDirs: config.staticDirs, assetsDir: config.assetsDir, contentDirs: config.contentRoots.map((r) => r.dir) };
  return { renderer, services, settings, site, diagnostics };
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
  /** Whether the site's own figure template renders figures (their images go to images.json). */
  imageIndex: boolean;
  hashes: FileHashes;
  memo: FragmentMemo;
}

/**
 * Fragments rendered by earlier pages, reused by later ones (a formula on many pages is typeset once):
 * bounded, so that a large site's fragments are not all held at once.
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
  base: ReturnType<typeof pageServices> = pageServices(config, siteDir, errorMode),
): PageContext {
  const { renderer, services, settings, site } = base;
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
    hashes: new FileHashes(),
    memo: new FragmentMemo(),
  };
}

/**
 * The first byte sequence that is not UTF-8, as a position. Hugo expects UTF-8; such a file is decoded
 * with U+FFFD in place of the bad bytes, so its shadow would not be the original byte for byte.
 */
export function invalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    /* find where, below */
  }
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { line, column, byte: b };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return { line, column, byte: b };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return undefined;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
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
  const base = path.basename(abs).replace(/\.[^.]+$/, '');
  const isBundle = base === 'index' || base === '_index' || /^_?index\.[a-z-]+$/i.test(base);
  const page: PageInfo = {
    absPath: abs,
    relPath,
    bundleDir: isBundle ? path.dirname(abs) : undefined,
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
  const pageImages: ImageService | undefined = images && {
    prepare: (file, shown) => {
      reads.image(file, shown);
      return images.prepare(file, shown);
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
      cached: (key) => ctx.memo.get(key) ?? previous.get(key),
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
    const own = await siteFigureImages(r.parsed.shortcodes, page, ctx.site, pageImages);
    pageDiagnostics.push(...own.diagnostics);
    if (Object.keys(own.entries).length > 0) outcome.imageEntries = own.entries;
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
    else ctx.memo.add(f.key, f.html);
  }
  if (r.shadow === undefined) return outcome;
  outcome.shadow = r.shadow;
  outcome.keys = r.fragments.map((f) => f.key);
  outcome.fragmentsHave.math = r.stats.formulas > 0;
  has(
    r.fragments.map((f) => f.html),
    outcome.fragmentsHave,
  );
  return outcome;
}

/**
 * The outcome of a page that could not be prerendered because of a bug (an exception, a worker thread
 * that died under it): an error that says so, no record (the next build tries the page again).
 */
export function internalOutcome(relPath: string, why: string): PageOutcome {
  const error: Diagnostic = { severity: 'error', file: relPath, line: 1, column: 1, code: 'internal', message: `internal error while prerendering this page (please report it): ${why}` };
  return { ...emptyOutcome([error]), internal: true, held: true };
}

/** An outcome with nothing in it yet but these diagnostics. */
function emptyOutcome(diagnostics: Diagnostic[]): PageOutcome {
  return {
    diagnostics,
    held: false,
    keys: [],
    noisy: [],
    titles: [],
    stats: { formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0 },
    titlesHave: { math: false, figure: false },
    fragmentsHave: { math: false, figure: false },
    reads: { lookups: [], images: [], markdownInner: {} },
  };
}
