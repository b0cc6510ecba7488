/**
 * `hugo-prerender build`: every content file of the site through prerenderPage, the results written into
 * `<site>/.prerender/`. One bad page never stops the others: its diagnostics are collected, its previous
 * output (if any) is left as it was, and the result says the build failed.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { createMathRenderer } from './render/katex.js';
import { md5Hex, stableStringify } from './render/keys.js';
import { prerenderPage, type PageSettings } from './prerender-page.js';
import { everywhereSettings } from './render/everywhere.js';
import { getIn, readSiteConfig, shadowTree, type SiteConfig } from './site/config.js';
import { OutputPathError, PrerenderOutput } from './site/output.js';
import { copyStaticAssets } from './render/static-assets.js';
import { createHostServices } from './render/host.js';
import { shortcodes } from './render/registry.js';
import { fallbackNames, fallbackTemplate, markdownShortcodeTemplates, siteLayoutDirs, siteShortcodeTemplates } from './site/fallbacks.js';
import type { PageInfo, SiteInfo } from './render/types.js';
import { headAdvice, headingDataTemplates, headReport } from './site/head-hooks.js';
import { safeLine } from './log.js';
import { mathAndOutputLimits, pageTooBig } from './render/output-limits.js';
import { acquireSiteLock, LockError } from './site/lock.js';
import { ShadowNames } from './site/shadow-names.js';
import { refusedLinkDiagnostic, resolveInside, siteRoots, type Roots } from './site/safe-path.js';
import { imageOptions } from './images/options.js';
import { ImagePipeline, sharpIdentity } from './images/pipeline.js';
import { IMAGE_INDEX_FILE, siteFigureImages, type ImageIndex } from './images/site-figures.js';
import type { ImageService } from './images/service.js';
import { FileHashes, PageReads, PageRecords, readsUnchanged, siteRecordKey, type PageRecord } from './site/page-records.js';

export interface BuildOptions {
  /** The Hugo site root. */
  source: string;
  /** Overrides `params.prerender.errors` from the site config. */
  errors?: 'fail' | 'render';
  /**
   * An incremental build: only these content files (site-relative, `/`-separated) are prerendered; every
   * other page keeps what the previous build wrote for it. `watch` uses this when only pages changed.
   */
  only?: ReadonlySet<string>;
  /** How long to wait for another hugo-prerender using this site's `.prerender/`, in ms (see site/lock.ts). */
  lockWaitMs?: number;
  /** Told once when another process holds the lock and this build starts waiting for it. */
  onLockWait?: (message: string) => void;
  /** The caller already holds the site's lock (watch holds it for as long as it runs). */
  locked?: boolean;
}

export interface BuildResult {
  pages: number;
  /** Pages that own something and so got a shadow. */
  shadowed: number;
  formulas: number;
  figures: number;
  shortcodes: number;
  cacheHits: number;
  /**
   * Pages whose record still held (src/site/page-records.ts): not parsed, rendered or rewritten, their
   * diagnostics replayed.
   */
  unchanged: number;
  /** Distinct local figure images, and how many of them were processed (not found in the cache). */
  images: number;
  imagesProcessed: number;
  ms: number;
  diagnostics: Diagnostic[];
  failed: boolean;
}

const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.mdown']);

/**
 * Every content file below `dir`, sorted. Symlinked files and directories that stay inside the roots are
 * followed, as Hugo 0.111 follows them; a link that leaves them is not (Hugo 0.169 ignores symlinks, and a
 * guest post's link must not publish a file from elsewhere on the machine): it goes to `refused`. A
 * directory already on the path (a symlink loop) is not entered again.
 */
export function listContentFiles(dir: string, roots: Roots, refused: { link: string; target: string }[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string, seen: ReadonlySet<string>) => {
    let entries;
    let real;
    try {
      real = realpathSync(d);
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    if (seen.has(real)) return;
    const inside = new Set(seen).add(real);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      let st: Stats | undefined = undefined;
      if (e.isSymbolicLink()) {
        const r = resolveInside(roots, p);
        if (!r.ok) {
          // A dangling link is skipped, as Hugo skips it; one that leaves the site is refused.
          if (r.why === 'outside') refused.push({ link: p, target: r.target ?? '' });
          continue;
        }
        try {
          st = statSync(r.real);
        } catch {
          continue;
        }
      }
      if (st ? st.isDirectory() : e.isDirectory()) walk(p, inside);
      else if ((st ? st.isFile() : e.isFile()) && CONTENT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir, new Set());
  return out;
}

/**
 * The first byte sequence that is not UTF-8, as a position. Hugo expects UTF-8; such a file is decoded
 * with U+FFFD in place of the bad bytes, so its shadow would not be the original byte for byte.
 */
export function invalidUtf8(bytes: Buffer): { line: number; column: number; byte: number } | undefined {
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

/** A file system error while writing .prerender/ (permissions, a file where a directory should be, a full disk). */
function writeFailure(e: unknown): string | undefined {
  if (e instanceof OutputPathError) return e.message;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return `cannot write the prerendered output: ${(e as Error).message}; hugo-prerender writes only inside .prerender/: check that it is a writable directory (or delete it)`;
  }
  return undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
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
  };
  const site: SiteInfo = { dir: siteDir, staticDirs: config.staticDirs, assetsDir: config.assetsDir, contentDirs: config.contentRoots.map((r) => r.dir) };
  return { renderer, services, settings, site, diagnostics };
}

/** A result with nothing counted yet. */
export function emptyBuildResult(): BuildResult {
  return { pages: 0, shadowed: 0, formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0, unchanged: 0, images: 0, imagesProcessed: 0, ms: 0, diagnostics: [], failed: false };
}

/** Builds the site while holding its lock: never two builds writing one `.prerender/` at once. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  if (opts.locked || !existsDir(path.resolve(opts.source))) return buildLocked(opts);
  let lock;
  try {
    lock = await acquireSiteLock(path.resolve(opts.source), { command: 'build', waitMs: opts.lockWaitMs, onWait: opts.onLockWait });
  } catch (e) {
    if (!(e instanceof LockError)) throw e;
    const result = emptyBuildResult();
    result.diagnostics.push({ severity: 'error', code: 'lock', line: 1, column: 1, message: e.message });
    result.failed = true;
    return result;
  }
  try {
    return await buildLocked(opts);
  } finally {
    lock.release();
  }
}

async function buildLocked(opts: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const siteDir = path.resolve(opts.source);
  const result = emptyBuildResult();
  const fail = (message: string, file?: string) => {
    result.diagnostics.push({ severity: 'error', message, file, line: 1, column: 1 });
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  };

  if (!existsDir(siteDir)) {
    if (existsPath(siteDir)) return fail(`${siteDir} is a file, not a directory: -s takes the site's directory (${path.dirname(siteDir)}?)`);
    return fail(`the site directory ${siteDir} does not exist; pass the site with -s DIR`);
  }
  let config: SiteConfig;
  try {
    config = readSiteConfig(siteDir);
  } catch (e) {
    return fail(`cannot read the site configuration: ${(e as Error).message}`);
  }
  result.diagnostics.push(...config.diagnostics);
  if (config.diagnostics.some((d) => d.severity === 'error')) {
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  }
  if (!config.file) {
    return fail(
      `${siteDir} has no Hugo configuration (hugo.toml, hugo.yaml, hugo.json or config.*); is this a Hugo site? Pass it with -s DIR`,
    );
  }

  const errorMode = opts.errors ?? config.prerender.errors;
  const { renderer, services, settings, site, diagnostics: siteDiagnostics } = pageServices(config, siteDir, errorMode);
  result.diagnostics.push(...siteDiagnostics);

  let output: PrerenderOutput;
  try {
    output = new PrerenderOutput(siteDir);
  } catch (e) {
    const why = writeFailure(e);
    if (why) return fail(why);
    throw e;
  }
  const images = imageOptions(config.data, config.file ? toPosix(path.relative(siteDir, config.file)) : undefined);
  result.diagnostics.push(...images.diagnostics);
  const pipeline = images.options.enable
    ? new ImagePipeline({ store: output, options: images.options, urlBase: urlBase(config.data.baseURL), siteDir })
    : undefined;
  if (pipeline) services.images = pipeline;
  // A site whose own figure template stays in charge still gets its figures' images, for
  // partials/prerender/image.html and picture.html to read from .prerender/images.json.
  const imageIndex: ImageIndex | undefined = pipeline && settings.siteShortcodes?.has('figure') ? {} : undefined;
  const previousIndex = imageIndex ? readImageIndex(output) : {};
  const keepIndex = (relToContent: string) => {
    if (imageIndex && previousIndex[relToContent]) imageIndex[relToContent] = previousIndex[relToContent];
  };
  // Every content root: the site's content dir, each language's own contentDir, or the content mounts.
  // Each language's shadows go to a tree of their own (.prerender/content.fr), mounted with that `lang`.
  const files: { abs: string; relToContent: string; tree: string }[] = [];
  const seenRoots = new Set<string>();
  const refused: { link: string; target: string }[] = [];
  for (const root of config.contentRoots) {
    if (seenRoots.has(root.dir)) continue;
    seenRoots.add(root.dir);
    const tree = shadowTree(root.lang);
    if (tree === undefined) {
      result.diagnostics.push({
        severity: 'error',
        code: 'config',
        file: toPosix(path.relative(siteDir, config.file)),
        line: 1,
        column: 1,
        message: `the content of ${JSON.stringify(root.source)} has language ${JSON.stringify(root.lang)}, which is not a plain language code (letters, digits, '-', '_'); its pages were not prerendered`,
      });
      continue;
    }
    for (const abs of listContentFiles(root.dir, siteRoots(site), refused)) {
      files.push({ abs, tree, relToContent: path.posix.join(root.target, toPosix(path.relative(root.dir, abs))) });
    }
  }
  for (const r of refused) {
    result.diagnostics.push(refusedLinkDiagnostic(siteDir, r));
  }
  // Whether any fragment holds KaTeX output: formulas in the text, but also math in a caption, a diagram
  // label or a title, which head.html links the stylesheet for (it looks for the same class); and whether
  // any fragment is a figure (an SVG), which needs the fonts prerender.css serves to figures.
  let anyMath = false;
  let anyFigure = false;
  // Fragments rendered by earlier pages of this build, reused by later ones (a formula on many pages is
  // typeset once): bounded, so that a large site's fragments are not all held at once.
  const memo = new Map<string, string>();
  let memoChars = 0;
  const MEMO_CHARS = 4 * 1024 * 1024;

  // What each page was built from last time: a page whose inputs are unchanged is kept as it is.
  const hashes = new FileHashes();
  const records = new PageRecords(
    output,
    siteRecordKey({
      settings: settings.settingsKey,
      everywhere: settings.everywhere,
      limits: settings.limits,
      siteShortcodes: [...(settings.siteShortcodes ?? [])],
      images: pipeline ? { options: images.options, base: urlBase(config.data.baseURL), index: imageIndex !== undefined, sharp: sharpIdentity(siteDir) } : null,
    }),
  );

  /**
   * Keeps a page whose record still holds (same bytes, checked by the caller; every file it read
   * unchanged; its shadow still there) as the previous build left it, and replays what the record says.
   * False, having changed nothing that matters, when the page must be built.
   */
  const replayPage = async (record: PageRecord, p: { relPath: string; relToContent: string; tree: string }): Promise<boolean> => {
    if (!readsUnchanged(record, site, hashes, settings.markdownInner)) return false;
    if (record.held) output.keep(p.relToContent, p.tree);
    else if (record.shadowBytes !== undefined) {
      if (output.shadowBytes(p.relToContent, p.tree) !== record.shadowBytes) return false;
      if (!output.keep(p.relToContent, p.tree, { unchanged: true })) return false;
    }
    output.keepTitles(p.relPath);
    keepIndex(p.relToContent);
    // Its images' variants and records are still in use (found in the cache: nothing is processed).
    if (pipeline) for (const img of record.images) await pipeline.prepare(path.resolve(siteDir, img.file), img.shown);
    result.diagnostics.push(...record.diagnostics);
    result.formulas += record.stats.formulas;
    result.figures += record.stats.figures;
    result.shortcodes += record.stats.shortcodes;
    result.cacheHits += record.stats.formulas + record.stats.figures + record.stats.shortcodes;
    if (!record.held && record.shadowBytes !== undefined) result.shadowed++;
    anyMath ||= record.math;
    anyFigure ||= record.figure;
    result.unchanged++;
    return true;
  };

  const names = new ShadowNames();
  for (const { abs, relToContent, tree } of files) {
    result.pages++;
    const relPath = toPosix(path.relative(siteDir, abs));
    const badName = names.claim(tree, relToContent, relPath);
    if (badName) {
      result.diagnostics.push({ severity: 'error', code: 'file-name', file: relPath, line: 1, column: 1, message: badName });
      continue;
    }
    const id = `${tree}/${relToContent}`;
    // This page keeps what the previous build wrote for it (its shadow and titles).
    const keepPage = () => {
      output.keep(relToContent, tree);
      output.keepTitles(relPath);
      keepIndex(relToContent);
    };
    if (opts.only && !opts.only.has(relPath)) {
      keepPage();
      records.carry(id);
      continue;
    }
    let source: string;
    let sourceMd5: string;
    /** This page's diagnostics (kept in its record). */
    const pageDiagnostics: Diagnostic[] = [];
    let bytesMd5: string;
    try {
      const bytes = readFileSync(abs);
      bytesMd5 = md5Hex(bytes);
      const record = records.get(id);
      if (record && record.source === relPath && record.md5 === bytesMd5 && (await replayPage(record, { relPath, relToContent, tree }))) {
        records.carry(id);
        continue;
      }
      // Without a leading UTF-8 BOM: newer Hugo's readFile drops it (0.169 measured; 0.111.3 keeps it), and the
      // prerender template trims it too, so the staleness check agrees in every version.
      sourceMd5 = hasUtf8Bom(bytes) ? md5Hex(bytes.subarray(3)) : bytesMd5;
      source = bytes.toString('utf8');
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
    } catch (e) {
      result.diagnostics.push({ severity: 'error', file: relPath, line: 1, column: 1, message: `cannot read: ${(e as Error).message}` });
      keepPage();
      continue;
    }
    const base = path.basename(abs).replace(/\.[^.]+$/, '');
    const isBundle = base === 'index' || base === '_index' || /^_?index\.[a-z-]+$/i.test(base);
    const page: PageInfo = {
      absPath: abs,
      relPath,
      bundleDir: isBundle ? path.dirname(abs) : undefined,
      frontMatter: {},
    };
    const reads = new PageReads(siteDir, hashes);
    page.reads = reads;
    const markdownInner = settings.markdownInner;
    const pageSettings: PageSettings = {
      ...settings,
      markdownInner: (name) => {
        const t = markdownInner?.(name);
        reads.markdownInner[name] = t ?? null;
        return t;
      },
    };
    const pageImages: ImageService | undefined = pipeline && {
      prepare: (file, shown) => {
        reads.image(file, shown);
        return pipeline.prepare(file, shown);
      },
      sizes: (width) => pipeline.sizes(width),
    };
    const pageServices = pageImages ? { ...services, images: pageImages } : services;
    let r;
    try {
      const previous = output.previousFragments(relToContent, tree);
      r = await prerenderPage(source, {
        page,
        site,
        settings: pageSettings,
        renderer,
        errorMode,
        services: pageServices,
        sourceMd5,
        cached: (key) => memo.get(key) ?? previous.get(key),
      });
    } catch (e) {
      // No record: the next build tries this page again.
      result.diagnostics.push(...pageDiagnostics, {
        severity: 'error',
        file: relPath,
        line: 1,
        column: 1,
        code: 'internal',
        message: `internal error while prerendering this page (please report it): ${(e as Error).stack ?? e}`,
      });
      keepPage();
      continue;
    }
    pageDiagnostics.push(...r.diagnostics);
    const tooBig = r.held ? undefined : pageTooBig(r.shadow, r.fragments, config.prerender.limits.outputBytes);
    if (tooBig) {
      pageDiagnostics.push({ severity: 'error', code: 'limit', file: relPath, line: 1, column: 1, message: tooBig });
      r.failed = r.held = true;
    }
    result.formulas += r.stats.formulas;
    result.figures += r.stats.figures;
    result.shortcodes += r.stats.shortcodes;
    result.cacheHits += r.stats.cacheHits;
    if (imageIndex && pageImages) {
      const own = await siteFigureImages(r.parsed.shortcodes, page, site, pageImages);
      pageDiagnostics.push(...own.diagnostics);
      if (Object.keys(own.entries).length > 0) imageIndex[relToContent] = own.entries;
    }
    // A copy: a message may hold a slice of the page's text, which would keep the whole source alive
    // for the rest of the build (23 MB of sources at 3000 posts, found in a heap snapshot).
    const diagnosticsCopy = structuredClone(pageDiagnostics);
    result.diagnostics.push(...diagnosticsCopy);
    const record: PageRecord = {
      source: relPath,
      md5: bytesMd5,
      lookups: reads.lookups,
      images: reads.images,
      markdownInner: reads.markdownInner,
      held: !!r.held,
      diagnostics: diagnosticsCopy,
      stats: { formulas: r.stats.formulas, figures: r.stats.figures, shortcodes: r.stats.shortcodes },
      math: false,
      figure: false,
    };
    if (r.held) {
      // Leave whatever this page had before: a stale shadow is caught by Hugo's staleness check, while a
      // half-updated one would be published silently.
      keepPage();
      records.set(id, record);
      continue;
    }
    output.setTitles(relPath, r.titles);
    const has = (htmls: Iterable<string>) => {
      for (const html of htmls) {
        record.math ||= html.includes('class="katex');
        record.figure ||= html.includes('<svg');
      }
    };
    has(r.titles.values());
    for (const f of r.fragments) {
      if (f.noisy) output.markNoisy(f.key);
      else if (!memo.has(f.key) && f.html.length < MEMO_CHARS / 64) {
        if (memoChars > MEMO_CHARS) {
          memo.clear();
          memoChars = 0;
        }
        memo.set(f.key, f.html);
        memoChars += f.html.length;
      }
    }
    if (r.shadow === undefined) {
      records.set(id, record);
      anyMath ||= record.math;
      anyFigure ||= record.figure;
      continue;
    }
    try {
      output.writeShadow(relToContent, r.shadow, { source: relPath, partials: r.fragments.map((f) => f.key) }, tree);
    } catch (e) {
      const why = writeFailure(e);
      if (!why) throw e;
      // Said once: the next pages would fail the same way.
      if (!result.diagnostics.some((d) => d.code === 'write')) {
        result.diagnostics.push({ severity: 'error', code: 'write', file: relPath, line: 1, column: 1, message: why });
      }
      keepPage();
      continue;
    }
    result.shadowed++;
    record.math ||= r.stats.formulas > 0;
    has(r.fragments.map((f) => f.html));
    record.shadowBytes = Buffer.byteLength(r.shadow, 'utf8');
    records.set(id, record);
    anyMath ||= record.math;
    anyFigure ||= record.figure;
  }

  if (anyMath) {
    // Without the head partial formulas show as the browser's bare MathML (KaTeX's HTML draws nothing unstyled).
    const head = headReport(siteLayoutDirs(siteDir, config.data));
    if (head.linking.length === 0) {
      result.diagnostics.push({
        severity: 'warning',
        code: 'head',
        file: toPosix(path.relative(siteDir, config.file)),
        line: 1,
        column: 1,
        message: `pages have math, but no template of this site or its theme calls the head partial, so no page links the KaTeX stylesheet and formulas show untypeset (as bare MathML); ${headAdvice(head, siteDir)}`,
      });
    }
  }

  try {
    if (imageIndex) output.writeMarker(IMAGE_INDEX_FILE, stableStringify(imageIndex) + '\n');
    else if (!opts.only) output.removeMarker(IMAGE_INDEX_FILE);
    copyStaticAssets(output, { math: anyMath, figures: anyFigure });
    // What Hugo runs for our shortcodes on a page it renders from the original (see site/fallbacks.ts).
    for (const name of fallbackNames(shortcodes.keys(), siteLayoutDirs(siteDir, config.data))) {
      output.writeShortcodeFallback(name, fallbackTemplate(name, shortcodes.get(name)!.inner));
    }
    records.save();
    output.finish({ incremental: opts.only !== undefined });
  } catch (e) {
    const why = writeFailure(e);
    if (!why) throw e;
    if (!result.diagnostics.some((d) => d.code === 'write')) result.diagnostics.push({ severity: 'error', code: 'write', line: 1, column: 1, message: why });
  }

  if (pipeline) {
    result.images = pipeline.stats.images;
    result.imagesProcessed = pipeline.stats.processed;
  }
  result.diagnostics.sort(compareDiagnostics);
  result.failed = result.failed || result.diagnostics.some((d) => d.severity === 'error');
  result.ms = Math.round(performance.now() - t0);
  return result;
}

/** .prerender/images.json as the previous build wrote it (an incremental build keeps the pages it skips). */
function readImageIndex(output: PrerenderOutput): ImageIndex {
  try {
    const v = JSON.parse(output.readMarker(IMAGE_INDEX_FILE) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ImageIndex) : {};
  } catch {
    return {};
  }
}

/** The path part of baseURL, ending in `/` (what Hugo's relURL puts before a site path). */
export function urlBase(baseURL: unknown): string {
  if (typeof baseURL !== 'string' || baseURL.trim() === '') return '/';
  let p: string;
  try {
    p = new URL(baseURL.trim()).pathname;
  } catch {
    p = baseURL.trim().startsWith('/') ? baseURL.trim() : '/';
  }
  return p.endsWith('/') ? p : `${p}/`;
}

function hasUtf8Bom(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function existsPath(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/**
 * `file:line:col: severity: message`, the shape editors and CI annotate: always one line, with the file
 * name and message made safe for a terminal and a CI log (see log.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : '';
  return safeLine(`${where}${d.severity}: ${d.message}`);
}

export function summaryLine(r: BuildResult): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  return (
    `hugo-prerender: ${n(r.pages, 'page')} (${r.shadowed} prerendered${r.unchanged ? `, ${r.unchanged} unchanged` : ''}), ${n(r.formulas, 'formula')}, ` +
    `${n(r.figures, 'figure')}, ${n(r.shortcodes, 'other shortcode')}, ${n(r.cacheHits, 'cache hit')}, ` +
    (r.images > 0 ? `${n(r.images, 'image')} (${r.imagesProcessed} processed), ` : '') +
    `${n(errors, 'error')}, ${n(warnings, 'warning')}, ${r.ms} ms`
  );
}
