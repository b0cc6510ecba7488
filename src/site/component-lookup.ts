/**
 * Where Hugo finds a file of its static or assets component through the site's mounts: the file it
 * publishes at `/images/x.png`, or that `resources.Get "img/y.png"` returns. A mount's target may be a
 * folder below the component (`source = "vendor/pics"`, `target = "static/images"`): `/images/x.png`
 * is then `vendor/pics/x.png`. Read in Hugo's source (hugofs/rootmapping_fs.go: doLstat, getRoots,
 * statRoot, newUnionFile) and measured with Hugo 0.111.3 and 0.169.0 (tests/unit/component-lookup.test.ts
 * holds the measured cases):
 *
 * - The mounts are keyed by their target (`/static/images`), and a path (`/static/images/x.png`) is
 *   matched against the keys as text: a key is a prefix of the path as a string, so a mount at
 *   `static/images` also answers for `static/imagesfoo/e.png`, with its source's file `foo/e.png`
 *   (both Hugos: 0.111.3 then publishes no `/imagesfoo/e.png` from static/; 0.169.0 does, from there).
 * - Hugo before 0.124 (`nested` "longest") reads a path from the mounts of the LONGEST key that matches,
 *   and from those alone: with `static` and `vendor/pics` at `static/images`, static/images/local.png is
 *   not published (measured on 0.111.3). From 0.124 (commit 16406d9, "Fix regression on handling of
 *   overlapping file mounts") it walks up the path and reads every matching key's mounts, longest first.
 * - Of the mounts read, the LAST that has the file wins (its Stat and Open take the last; measured on
 *   both: two mounts at `static` with the same file publish the second one's, and with nested targets
 *   0.169.0 publishes static/images/b.png over vendor/pics/b.png).
 * - A mount whose source does not exist is no mount (NewRootMappingFs skips it).
 * - A mount's filter (its files, includeFiles, excludeFiles) decides whether Hugo reads the file there.
 *
 * Single-file mounts are taken as a folder mount would be (a file mounted at `static/a.png` answers
 * for `/a.png`), whose place in the order 0.124 and later change (they mount its folder): not mirrored.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** A static or assets root: a mount's source (absolute), where it is mounted below the component ("" for the component itself), and what of it Hugo reads. */
export interface MountedRoot {
  dir: string;
  /** `images` for `target = "static/images"`, "" for `target = "static"` (config.ts ComponentRoot.target). */
  target: string;
  filter?: (rel: string, isDir: boolean) => boolean;
}

/** How Hugo reads a path under mounts whose targets nest: "longest" before 0.124 (see above), else "every". */
export type NestedMounts = 'longest' | 'every';

/** The version from which Hugo reads a path from every mount whose target matches it (see above). */
export const EVERY_MATCHING_MOUNT_SINCE = '0.124.0';

/** A theme's or module's static and assets roots (its own mounts of those components). */
export interface ModuleRoots {
  static: MountedRoot[];
  assets: MountedRoot[];
}

export interface ComponentMounts {
  static: readonly MountedRoot[];
  assets: readonly MountedRoot[];
  /** Absent: "every" (the newest Hugo's way). */
  nested?: NestedMounts;
  /**
   * The site's themes and modules, in Hugo's order: a path the site's own mounts do not serve is served
   * from the first of them that has it (Hugo's overlay of modules), each read by its own mounts.
   */
  modules?: readonly ModuleRoots[];
}

/**
 * A site's static and assets mounts: its staticRoots and assetRoots when given, else its static
 * directories and assets directory at the component's root (each with the filter `filtered` has for it).
 */
export function componentMounts(site: {
  staticDirs: readonly string[];
  assetsDir: string;
  staticRoots?: readonly MountedRoot[];
  assetRoots?: readonly MountedRoot[];
  filtered?: readonly { dir: string; filter?: (rel: string, isDir: boolean) => boolean }[];
  nestedMounts?: NestedMounts;
  moduleRoots?: readonly ModuleRoots[];
}): ComponentMounts {
  const atRoot = (dir: string): MountedRoot => {
    const filter = site.filtered?.find((f) => path.resolve(f.dir) === path.resolve(dir))?.filter;
    return { dir: path.resolve(dir), target: '', ...(filter ? { filter } : {}) };
  };
  return {
    static: site.staticRoots ?? site.staticDirs.map(atRoot),
    assets: site.assetRoots ?? [atRoot(site.assetsDir)],
    ...(site.nestedMounts ? { nested: site.nestedMounts } : {}),
    ...(site.moduleRoots?.length ? { modules: site.moduleRoots } : {}),
  };
}

/** Whether the mounts have a target that is a prefix (as text, as Hugo matches) of another's: then the Hugo version decides what is read. */
export function targetsNest(roots: readonly MountedRoot[]): boolean {
  const keys = [...new Set(roots.map((r) => (r.target === '' ? '' : `/${r.target}`)))];
  return keys.some((a) => keys.some((b) => a !== b && b.startsWith(a)));
}

/** Whether `filter` lets Hugo read the file at `rel` (below the mount's source): each folder on the way, then the file (mount-filter.ts). */
export function filterShows(filter: MountedRoot['filter'], rel: string): boolean {
  if (!filter) return true;
  const parts = rel.split('/');
  for (let k = 1; k <= parts.length; k++) if (!filter(parts.slice(0, k).join('/'), k < parts.length)) return false;
  return true;
}

/** One mount's file for a path: `shown` false when the mount's filter leaves it out. */
export interface Candidate {
  root: MountedRoot;
  file: string;
  shown: boolean;
}

/** Whether a mount's source exists (Hugo skips one that does not); looked at once per lookup (a build memoises its lookups: safe-path.ts LookupMemo). */
function exists(dir: string): boolean {
  try {
    statSync(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * The files Hugo may serve for `rel` (a path below the component, `/`-separated, no leading `/`) in the
 * order it prefers them, the first that is there and shown winning (`candidates`); `unread`: the files of
 * the mounts whose target matches but that this Hugo does not read for it ("longest": the shorter
 * targets'), in the same order.
 */
export function componentCandidates(roots: readonly MountedRoot[], rel: string, nested: NestedMounts = 'every'): { candidates: Candidate[]; unread: Candidate[] } {
  const live = roots.filter((r) => exists(r.dir));
  // Keys as Hugo's radix tree has them, without the component's name (the same for all): "/" for the
  // component itself, "/images" for `static/images`; the path as "/images/x.png".
  const full = `/${rel}`;
  const byKey = new Map<string, MountedRoot[]>();
  for (const r of live) {
    const k = r.target === '' ? '' : `/${r.target}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const longest = (p: string): string | undefined => {
    let best: string | undefined;
    for (const k of byKey.keys()) if (p.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
    return best;
  };
  // getRoots: the longest key that matches, then (0.124 and later) again for each folder up the path.
  const levels: string[] = [];
  for (let p = full; ; ) {
    const k = longest(p);
    if (k === undefined) break;
    if (!levels.includes(k)) levels.push(k);
    if (p === '/' || p === '') break;
    p = path.posix.dirname(p);
    if (p === '/') p = '';
  }
  const candidate = (k: string) => (r: MountedRoot): Candidate => {
    const below = full.slice(k.length).replace(/^\/+/, '');
    return { root: r, file: below === '' ? r.dir : path.join(r.dir, below), shown: below === '' || filterShows(r.filter, below) };
  };
  // The last of Hugo's list wins: searched from the end (the shortest key's mounts, the last mount first).
  const order = (ks: readonly string[]) => ks.flatMap((k) => (byKey.get(k) ?? []).map(candidate(k))).reverse();
  const read = nested === 'longest' ? levels.slice(0, 1) : levels;
  // A mount whose source is not there holds nothing, but is where the file was looked for (a message
  // lists it: "looked for static/images/x.png" on a site with no static/ yet).
  const absent = roots.filter((r) => !live.includes(r) && full.startsWith(r.target === '' ? '' : `/${r.target}`)).map((r) => candidate(r.target === '' ? '' : `/${r.target}`)(r));
  return { candidates: [...order(read), ...absent], unread: order(levels.slice(read.length)) };
}
