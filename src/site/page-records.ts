/**
 * Incremental builds: one record per page in `.prerender/cache/pages.json`, saying what the page was
 * built from and what became of it. A page whose record still holds (same bytes, same site settings and
 * package, every file it read unchanged, its shadow still on disk) is not parsed, rendered or rewritten:
 * the build keeps its output and replays its diagnostics from the record, so a page with an error is not
 * typeset again on every build and the build still fails for it.
 *
 * What a page reads besides its source is tracked while it renders (PageReads): every file lookup of its
 * shortcodes (plot data, figure images: the places looked at, what was found and that file's md5), the
 * images it gave the image pipeline (kept, not processed, when the page is skipped), and for the site's
 * own shortcodes whether their templates run inner content through Markdown.
 *
 * Nothing machine-specific goes into the record (paths are relative to the site), so two copies of a
 * site get byte-identical records.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../content/types.js';
import { contentKey, md5Hex, stableStringify } from '../render/keys.js';
import { lookUpFile, placeKey, siteRoots, type Lookup, type LookupMemo, type Place } from './safe-path.js';
import { fsErrorCode } from './fs-errors.js';
import type { SiteInfo } from '../render/types.js';

export const PAGE_RECORDS_FILE = 'pages.json';
/** Bump when a record's meaning changes: every page is built again once. */
const RECORDS_VERSION = 2;

/** One file lookup of a shortcode: where it looked, and what it found (an md5, so no path leaks). */
export interface LookupRecord {
  /** The places looked in: directories relative to the site, or a component (static, assets: its mounts). */
  bases: Place[];
  rel: string;
  /** md5 of the outcome (found where, missing, refused) with paths relative to the site. */
  outcome: string;
  /** md5 of the file found, when one was. */
  md5?: string;
}

export interface PageRecord {
  /** The original, site-relative (the record is keyed by its shadow's place). */
  source: string;
  /** md5 of the original's bytes, as read (BOM included). */
  md5: string;
  lookups: LookupRecord[];
  /** Images given to the pipeline, relative to the site, with the `src` they were named by. */
  images: { file: string; shown: string }[];
  /** Site shortcode name → the template that renders its inner content as Markdown (null: none). */
  markdownInner: Record<string, string | null>;
  /** Bytes of the shadow this page wrote; absent when it wrote none (it owns nothing, or it was held). */
  shadowBytes?: number;
  /** The page's output was held back (its old shadow, if any, is kept). */
  held: boolean;
  diagnostics: Diagnostic[];
  stats: { formulas: number; figures: number; shortcodes: number };
  /** Whether its output has KaTeX HTML and figures (for the stylesheets and fonts the build copies). */
  math: boolean;
  figure: boolean;
  /** Whether its output has a figure's dark image (`src-dark`), which prerender.css hides or shows. */
  dark?: boolean;
}

interface RecordsFile {
  version: number;
  /** The site settings and package every record was made with. */
  site: string;
  pages: Record<string, PageRecord>;
}

/** Where the records live: the `.prerender` writer (site/output.ts). */
export interface RecordStore {
  readCache(rel: string): Buffer | undefined;
  writeCache(rel: string, data: Buffer): void;
  /** Keeps the file as an earlier build wrote it (false: there is none). */
  keepCache(rel: string): boolean;
  /** Where the file is and what it is now (size, times, inode), or undefined when it is not there. */
  cacheStamp(rel: string): { where: string; stamp: string } | undefined;
}

/**
 * The records file as this process last read or wrote it: `watch` builds again and again, and each build
 * reuses it while the file is as it was (not parsed again: 1.3 MB for 1000 posts of the seed).
 */
let lastFile: { where: string; stamp: string; site: string; pages: Record<string, PageRecord> } | undefined;

let codeId: string | undefined;

/**
 * In the bundle, the md5 of the bundle's own text, written over this placeholder by scripts/build.mjs
 * (the hash is of the text holding the placeholder); unbundled, the placeholder stays.
 */
const BUNDLE_CODE_ID = '@@hugo-prerender-bundle-code-id@';

/**
 * What identifies the running code: the package version plus the md5 of the bundle that is running
 * (computed when the bundle was made, see BUNDLE_CODE_ID), so that a rebuilt package with the same version
 * number still builds every page again. Unbundled (the tests run the sources), the md5 of this module's file.
 */
export function runningCodeId(): string {
  if (codeId === undefined) {
    let id = BUNDLE_CODE_ID.startsWith('@@') ? '' : BUNDLE_CODE_ID;
    if (!id) {
      try {
        id = md5Hex(readFileSync(fileURLToPath(import.meta.url)));
      } catch {
        /* not a file (bundled into something else): the version alone */
      }
    }
    codeId = `${__PKG_VERSION__}/${__KATEX_VERSION__}/${id}`;
  }
  return codeId;
}

/** The key every record of a build is made under: change any part and every page is built again. */
export function siteRecordKey(parts: unknown): string {
  return contentKey('pages', RECORDS_VERSION, runningCodeId(), stableStringify(parts));
}

function rel(siteDir: string, p: string): string {
  return path.relative(siteDir, p).split(path.sep).join('/');
}

/** A lookup's outcome with the paths made site-relative, hashed (a refused link's target may be absolute). */
function outcomeOf(siteDir: string, r: Lookup): string {
  const v =
    'found' in r
      ? { found: rel(siteDir, r.found) }
      : 'refused' in r
        ? { refused: rel(siteDir, r.refused), link: rel(siteDir, r.link), target: r.target }
        : {
            missing: r.missing.map((m) => rel(siteDir, m)),
            ...(r.blocked ? { blocked: [rel(siteDir, r.blocked.at), fsErrorCode(r.blocked.error) ?? ''] } : {}),
            ...(r.hidden ? { hidden: rel(siteDir, r.hidden) } : {}),
            ...(r.unread ? { unread: [rel(siteDir, r.unread.file), ...r.unread.by.map((b) => rel(siteDir, b)), r.unread.target] } : {}),
          };
  return md5Hex(stableStringify(v));
}

/**
 * md5 of each file's bytes, read at most once per build (null: unreadable); and each lookup a record
 * repeats, made once per build (a figure's image shown on every page is looked up once, not per page).
 */
export class FileHashes {
  private readonly known = new Map<string, string | null>();
  /** The build's lookups (the pages' shortcodes make theirs through it too: see PageReads.memo). */
  readonly lookups: LookupMemo = new Map();
  /** Each lookup's outcome (outcomeOf), by site directory. */
  private readonly outcomes = new WeakMap<Lookup, Map<string, string>>();
  /** lookUpRecorded's lookups, by the places as records have them. */
  private readonly recorded = new Map<string, { result: Lookup; outcome: string }>();

  /** lookUpFile with its outcome hashed (outcomeOf), made at most once per build for the same places and name. */
  lookUp(site: SiteInfo, bases: readonly Place[], rel: string): { result: Lookup; outcome: string } {
    const result = lookUpFile(siteRoots(site), bases, rel, undefined, this.lookups);
    return { result, outcome: this.outcome(site.dir, result) };
  }

  /** outcomeOf, once per lookup. */
  outcome(siteDir: string, result: Lookup): string {
    let bySite = this.outcomes.get(result);
    if (!bySite) this.outcomes.set(result, (bySite = new Map()));
    let o = bySite.get(siteDir);
    if (o === undefined) bySite.set(siteDir, (o = outcomeOf(siteDir, result)));
    return o;
  }

  /** lookUp with the places as a record has them (relative to the site): the same lookup made again, once per build. */
  lookUpRecorded(site: SiteInfo, bases: readonly Place[], rel: string): { result: Lookup; outcome: string } {
    const key = `${bases.map(placeKey).join('\0')}\0\0${rel}`;
    let r = this.recorded.get(key);
    if (!r) {
      r = this.lookUp(
        site,
        bases.map((b) => (typeof b === 'string' ? path.resolve(site.dir, b) : b)),
        rel,
      );
      this.recorded.set(key, r);
    }
    return r;
  }

  get(file: string): string | null {
    let h = this.known.get(file);
    if (h === undefined) {
      try {
        h = md5Hex(readFileSync(file));
      } catch {
        h = null;
      }
      this.known.set(file, h);
    }
    return h;
  }
}

/** What one page reads while it renders (see the module comment). */
export class PageReads {
  readonly lookups: LookupRecord[] = [];
  readonly images: { file: string; shown: string }[] = [];
  readonly markdownInner: Record<string, string | null> = {};
  /** The build's lookups, for the page's shortcodes to look up through (lookUpFile). */
  readonly memo: LookupMemo;
  constructor(
    private readonly siteDir: string,
    private readonly hashes: FileHashes,
  ) {
    this.memo = hashes.lookups;
  }

  /** Called by lookUpFile (safe-path.ts) with every lookup a shortcode of this page makes. */
  readonly lookup = (bases: readonly Place[], relPath: string, result: Lookup): void => {
    const md5 = 'found' in result ? this.hashes.get(result.found) : null;
    this.lookups.push({
      bases: bases.map((b) => (typeof b === 'string' ? rel(this.siteDir, b) : { component: b.component })),
      rel: relPath,
      outcome: this.hashes.outcome(this.siteDir, result),
      ...(md5 ? { md5 } : {}),
    });
  };

  image(file: string, shown: string): void {
    this.images.push({ file: rel(this.siteDir, file), shown });
  }
}

/** Whether every file the record's page read is as it was (each lookup made again, each file found hashed). */
export function readsUnchanged(record: PageRecord, site: SiteInfo, hashes: FileHashes, markdownInner: ((name: string) => string | undefined) | undefined): boolean {
  for (const l of record.lookups) {
    const { result: r, outcome } = hashes.lookUpRecorded(site, l.bases, l.rel);
    if (outcome !== l.outcome) return false;
    if ('found' in r && hashes.get(r.found) !== (l.md5 ?? null)) return false;
  }
  for (const [name, was] of Object.entries(record.markdownInner)) {
    if ((markdownInner?.(name) ?? null) !== was) return false;
  }
  return true;
}

/**
 * The records of the previous build (those made under another site key are dropped) and those of this
 * one, which `save` writes.
 */
export class PageRecords {
  private readonly previous: Record<string, PageRecord>;
  private readonly next = new Map<string, PageRecord>();
  /** How many records the file held (undefined: no usable file). */
  private readonly previousCount: number | undefined;
  /** A record was set (not only carried over). */
  private changed = false;

  constructor(
    private readonly store: RecordStore,
    private readonly siteKey: string,
  ) {
    let prev: Record<string, PageRecord> = {};
    let count: number | undefined;
    const now = store.cacheStamp(PAGE_RECORDS_FILE);
    if (now && lastFile && lastFile.where === now.where && lastFile.stamp === now.stamp && lastFile.site === siteKey) {
      prev = lastFile.pages;
      count = Object.keys(prev).length;
    } else {
      try {
        const f = JSON.parse(store.readCache(PAGE_RECORDS_FILE)?.toString('utf8') ?? 'null') as RecordsFile | null;
        if (f && f.version === RECORDS_VERSION && f.site === siteKey && f.pages && typeof f.pages === 'object' && !Array.isArray(f.pages)) {
          prev = f.pages;
          count = Object.keys(prev).length;
          // Read again if the file changed while it was read.
          const after = store.cacheStamp(PAGE_RECORDS_FILE);
          lastFile = now && after?.stamp === now.stamp ? { ...now, site: siteKey, pages: prev } : undefined;
        }
      } catch {
        /* unreadable: every page is built */
      }
    }
    this.previous = prev;
    this.previousCount = count;
  }

  /** The previous build's record of the page whose shadow is `id` (`<tree>/<path in the content tree>`). */
  get(id: string): PageRecord | undefined {
    return Object.hasOwn(this.previous, id) ? this.previous[id] : undefined;
  }

  set(id: string, record: PageRecord): void {
    this.next.set(id, record);
    this.changed = true;
  }

  /** Carries the previous record over unchanged (the page was kept). */
  carry(id: string): void {
    const r = this.get(id);
    if (r) this.next.set(id, r);
  }

  /**
   * Writes the records of this build (unchanged bytes are not rewritten). When every record of the file
   * was carried over as it was, and no other, the file already says what it would write: it is kept
   * without being made again.
   */
  save(): void {
    if (!this.changed && this.previousCount === this.next.size && this.store.keepCache(PAGE_RECORDS_FILE)) return;
    const pages = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const file: RecordsFile = { version: RECORDS_VERSION, site: this.siteKey, pages };
    this.store.writeCache(PAGE_RECORDS_FILE, Buffer.from(JSON.stringify(file) + '\n', 'utf8'));
    const now = this.store.cacheStamp(PAGE_RECORDS_FILE);
    lastFile = now ? { ...now, site: this.siteKey, pages } : undefined;
  }
}
