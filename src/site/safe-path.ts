/**
 * Reading only inside the site. A guest post can commit symbolic links (a plot's CSV, a content page, a
 * file in static/) that point anywhere on the build machine; following them would publish that file or
 * print it in the build log. Hugo 0.169 ignores symlinked files altogether (measured: a symlinked CSV read
 * with readFile is empty, a symlinked page or static file is not published, without a message), while
 * 0.111.3 follows them. We match the safer: a path is resolved component by component, and a link whose
 * target lies outside the allowed roots (the site, and the content, static and assets directories its
 * config names) is refused.
 *
 * The resolution never looks at anything outside the roots: a link's target is read with readlink and
 * checked as text before anything at that target is touched, so a refused path says nothing about
 * whether its target exists (no existence oracle for files outside the site).
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/types.js';
import { componentCandidates, componentMounts, type ComponentMounts, type ModuleRoots, type MountedRoot, type NestedMounts } from './component-lookup.js';
import { fsAdvice, fsErrorCode, fsReason } from './fs-errors.js';

export interface Roots {
  /** Each allowed directory as the config gives it and as it really is (symlinks in its own path resolved). */
  readonly dirs: readonly { given: string; real: string }[];
  /** Whether Hugo leaves out the file at this path (absolute, as looked up): see hiddenBy. */
  readonly hidden?: (p: string) => boolean;
  /** The static and assets mounts, for places that name a component (Place): see component-lookup.ts. */
  readonly components?: ComponentMounts;
}

export type Resolved =
  | { ok: true; real: string }
  /**
   * `link` is the symbolic link (absolute, as written under a root) whose target leaves the roots; with
   * `loop`, the first link of a chain that never ends (a → b → a), `target` its own target.
   */
  | { ok: false; why: 'outside'; link?: string; target?: string; loop?: true }
  | { ok: false; why: 'missing' }
  /**
   * A component could not be looked at for another reason than its absence: `at` is the directory the
   * user cannot enter (permission denied) or the path the system could not read, `error` what it said.
   */
  | { ok: false; why: 'blocked'; at: string; kind: 'file' | 'directory'; error: NodeJS.ErrnoException };

/** The allowed roots: directories that do not exist are left out. */
export function allowedRoots(dirs: readonly string[]): Roots {
  const out: { given: string; real: string }[] = [];
  for (const d of dirs) {
    const given = path.resolve(d);
    try {
      out.push({ given, real: realpathSync(given) });
    } catch {
      /* not there: nothing to read in it */
    }
  }
  return { dirs: out };
}

function within(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** Whether `p` (absolute, normalised) is lexically inside one of the roots, as given or as real. */
export function lexicallyInside(roots: Roots, p: string): boolean {
  return roots.dirs.some((d) => within(d.given, p) || within(d.real, p));
}

/** `p` with the longest root prefix it starts with, as given, replaced by that root's real path. */
function toReal(roots: Roots, p: string): { root: string; rest: string[] } | undefined {
  let best: { root: string; rest: string[]; len: number } | undefined;
  for (const d of roots.dirs) {
    for (const base of [d.real, d.given]) {
      if (within(base, p) && (!best || base.length > best.len)) {
        best = { root: d.real, rest: path.relative(base, p).split(path.sep).filter((s) => s !== ''), len: base.length };
      }
    }
  }
  return best && { root: best.root, rest: best.rest };
}

/**
 * Resolves `file` (absolute) through the roots: its real path when every link on the way stays inside
 * them, `outside` when the path or a link leaves them, `missing` when a component does not exist.
 */
export function resolveInside(roots: Roots, file: string): Resolved {
  let pending = path.resolve(file);
  let lastLink: string | undefined;
  let lastTarget: string | undefined;
  let firstLink: string | undefined;
  let firstTarget: string | undefined;
  for (let hops = 0; hops < 40; hops++) {
    const start = toReal(roots, pending);
    if (!start) return { ok: false, why: 'outside', ...(lastLink ? { link: lastLink, target: lastTarget } : {}) };
    let cur = start.root;
    let followed = false;
    for (let i = 0; i < start.rest.length; i++) {
      const next = path.join(cur, start.rest[i]!);
      let st;
      try {
        st = lstatSync(next);
      } catch (e) {
        const code = fsErrorCode(e);
        if (code === undefined || code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, why: 'missing' };
        // Permission denied on `next` means `cur` cannot be entered (no x for this user).
        const dir = code === 'EACCES' || code === 'EPERM';
        return { ok: false, why: 'blocked', at: dir ? cur : next, kind: dir ? 'directory' : 'file', error: e as NodeJS.ErrnoException };
      }
      if (st.isSymbolicLink()) {
        lastLink = next;
        lastTarget = readlinkSync(next);
        firstLink ??= lastLink;
        firstTarget ??= lastTarget;
        pending = path.resolve(path.dirname(next), lastTarget, ...start.rest.slice(i + 1));
        followed = true;
        break;
      }
      cur = next;
    }
    if (!followed) return { ok: true, real: cur };
  }
  // 40 links and still one more (as the system's ELOOP): a loop, whose first link is the one to name.
  return { ok: false, why: 'outside', link: firstLink, target: firstTarget, loop: true };
}

/** `p` relative to the site, with forward slashes, for messages (absolute when it is not inside). */
export function shownPath(siteDir: string, p: string): string {
  const rel = path.relative(siteDir, p);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? p : rel.split(path.sep).join('/');
}

const cache = new WeakMap<object, Roots>();

/**
 * The roots a page's files may be read from: the site, its content directories, its static and assets
 * roots (every mount's source as the config names it, so a content, static or assets mount outside the
 * site is allowed, and nothing else outside it).
 */
export function siteRoots(site: {
  dir: string;
  staticDirs: readonly string[];
  assetsDir: string;
  contentDirs?: readonly string[];
  filtered?: readonly FilteredRoot[];
  staticRoots?: readonly MountedRoot[];
  assetRoots?: readonly MountedRoot[];
  nestedMounts?: NestedMounts;
  moduleRoots?: readonly ModuleRoots[];
}): Roots {
  let r = cache.get(site);
  if (!r) {
    const components = componentMounts(site);
    const modules = (components.modules ?? []).flatMap((m) => [...m.static, ...m.assets].map((x) => x.dir));
    r = {
      ...allowedRoots([site.dir, ...(site.contentDirs ?? []), ...components.static.map((m) => m.dir), ...components.assets.map((m) => m.dir), ...modules]),
      components,
    };
    const filtered = site.filtered;
    if (filtered?.some((f) => f.filter)) r = { ...r, hidden: (p) => hiddenBy(filtered, p) };
    cache.set(site, r);
  }
  return r;
}

/** A content, static or assets root and which of its files Hugo reads (SiteInfo.filtered). */
export interface FilteredRoot {
  dir: string;
  filter?: (rel: string, isDir: boolean) => boolean;
}

/**
 * Whether Hugo leaves out the file at `p` (absolute): it lies in one of the roots at least, and each root
 * that holds it leaves it out, or a folder on the way to it (a folder left out is not walked).
 */
export function hiddenBy(roots: readonly FilteredRoot[], p: string): boolean {
  let inside = false;
  for (const r of roots) {
    const dir = path.resolve(r.dir);
    if (!within(dir, p) || p === dir) continue;
    inside = true;
    if (!r.filter) return false;
    const parts = path.relative(dir, p).split(path.sep);
    let shown = true;
    for (let k = 1; k <= parts.length && shown; k++) shown = r.filter(parts.slice(0, k).join('/'), k < parts.length);
    if (shown) return false;
  }
  return inside;
}

export type Lookup =
  | { found: string }
  /** A symbolic link on the way leaves the site (or, `loop`, leads round in a loop): nothing was read. */
  | { refused: string; link: string; target: string; loop?: true }
  /**
   * Not in any of the places (only places inside the site were looked at); `blocked`: the first place
   * that could not be looked into (a directory the user cannot enter), where the file may well be.
   */
  | {
      missing: string[];
      blocked?: { at: string; kind: 'file' | 'directory'; error: NodeJS.ErrnoException };
      /** The first place that holds the file but where the site's mounts (or ignoreFiles) leave it out: Hugo does not publish it. */
      hidden?: string;
      /**
       * A file that is there, in a mount the Hugo in use does not read for this path: `by`, the sources of
       * the mounts it reads instead (Hugo before 0.124 reads a path from the mounts with the longest target
       * alone), mounted at `target` (`static/images`). Hugo does not publish the file at that path.
       */
      unread?: { file: string; by: string[]; target: string };
    };

/**
 * Where a file is looked for: a directory (absolute; the file is `rel` below it), or a component of the
 * site, static or assets, where `rel` is looked up through the site's mounts of it as Hugo looks it up
 * (a path Hugo serves at `/rel`, or `resources.Get` finds: component-lookup.ts).
 */
export type Place = string | { component: 'static' | 'assets' };

/** A place as text, for keys (a component cannot be mistaken for a directory: those are absolute or site-relative paths). */
export function placeKey(p: Place): string {
  return typeof p === 'string' ? p : `\u0001${p.component}`;
}

/** Told of every lookup a page makes (src/site/page-records.ts: what the page read, for incremental builds). */
export type LookupTracker = (bases: readonly Place[], rel: string, result: Lookup) => void;

/**
 * Lookups already made, by places and name: one build's (the same roots throughout), so that the image
 * of a figure shown on every page is looked up once (each lookup is an lstat per path component).
 */
export type LookupMemo = Map<string, Lookup>;

/**
 * Looks `rel` up in each base directory in turn, reading nothing outside the roots: a place whose path
 * leaves the roots is not looked at (and not listed in `missing`), a link that leaves them refuses.
 * With `memo`, a lookup it holds is not made again.
 */
export function lookUpFile(roots: Roots, bases: readonly Place[], rel: string, track?: LookupTracker, memo?: LookupMemo): Lookup {
  const key = memo ? `${bases.map(placeKey).join('\0')}\0\0${rel}` : '';
  let result = memo?.get(key);
  if (!result) {
    result = lookUp(roots, bases, rel);
    memo?.set(key, result);
  }
  track?.(bases, rel, result);
  return result;
}

function lookUp(roots: Roots, bases: readonly Place[], rel: string): Lookup {
  const looked: string[] = [];
  let blocked: { at: string; kind: 'file' | 'directory'; error: NodeJS.ErrnoException } | undefined;
  let hidden: string | undefined;
  /** The component lookups made, for `unread` when nothing is found. */
  const components: { component: string; found: ReturnType<typeof componentCandidates> }[] = [];
  /** Whether the file at `p` is there (a file, every link on the way inside the roots). */
  const isThere = (p: string): boolean => {
    const r = resolveInside(roots, p);
    try {
      return r.ok && lstatSync(r.real).isFile();
    } catch {
      return false;
    }
  };
  for (const base of bases) {
    // A directory: the one file below it. A component: the file of each of its mounts that could serve
    // `rel`, in the order Hugo prefers them, each mount's own filter deciding whether Hugo reads it there.
    const places: { p: string; hiddenHere: boolean }[] = [];
    if (typeof base === 'string') {
      const p = path.resolve(base, rel);
      places.push({ p, hiddenHere: roots.hidden?.(p) ?? false });
    } else {
      const found = componentCandidates(roots.components?.[base.component] ?? [], rel, roots.components?.nested);
      for (const c of found.candidates) places.push({ p: c.file, hiddenHere: !c.shown });
      components.push({ component: base.component, found });
      // Then the themes' and modules', each by its own mounts (the newest Hugo's reading of them).
      for (const m of roots.components?.modules ?? []) {
        for (const c of componentCandidates(m[base.component], rel).candidates) places.push({ p: c.file, hiddenHere: !c.shown });
      }
    }
    for (const { p, hiddenHere } of places) {
      if (!lexicallyInside(roots, p)) continue;
      looked.push(p);
      if (hiddenHere) {
        // Not read: Hugo cannot see it. Whether it is there is said (the message tells why the page shows
        // no image), as it is for any file inside the site.
        if (hidden === undefined && isThere(p)) hidden = p;
        continue;
      }
      const r = resolveInside(roots, p);
      if (r.ok) {
        try {
          if (lstatSync(r.real).isFile()) return { found: r.real };
        } catch {
          /* gone meanwhile */
        }
      } else if (r.why === 'outside') {
        return { refused: p, link: r.link ?? p, target: r.target ?? '', ...(r.loop ? { loop: r.loop } : {}) };
      } else if (r.why === 'blocked') {
        blocked ??= { at: r.at, kind: r.kind, error: r.error };
      }
    }
  }
  // A file of a mount the Hugo in use does not read for this path (before 0.124: only the mounts with the
  // longest target that matches), which the page would otherwise be expected to show.
  let unread: { file: string; by: string[]; target: string } | undefined;
  for (const { component, found } of components) {
    const there = found.unread.find((u) => u.shown && lexicallyInside(roots, u.file) && isThere(u.file));
    if (there && found.candidates[0]) {
      const target = found.candidates[0].root.target;
      unread = { file: there.file, by: [...new Set(found.candidates.map((c) => c.root.dir))], target: target ? `${component}/${target}` : component };
      break;
    }
  }
  return { missing: looked, ...(blocked ? { blocked } : {}), ...(hidden ? { hidden } : {}), ...(unread ? { unread } : {}) };
}

/**
 * Why a file could not be looked for (Lookup's `blocked`): `static/data cannot be entered (permission
 * denied): fix its permissions so that the user running the build can enter it (chmod a+x static/data)`.
 */
export function blockedMessage(siteDir: string, b: { at: string; kind: 'file' | 'directory'; error: NodeJS.ErrnoException }): string {
  const shown = shownPath(siteDir, b.at);
  const code = fsErrorCode(b.error);
  if (b.kind === 'directory' && (code === 'EACCES' || code === 'EPERM')) {
    const quoted = /^[\w./@+-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
    return `${shown} cannot be entered (${fsReason(b.error)}): fix its permissions so that the user running the build can enter it (chmod a+x ${quoted})`;
  }
  return `${shown} cannot be read (${fsReason(b.error)}): ${fsAdvice(b.error, b.kind, shown)}`;
}

/** The message for a refused link: `<link> is a symbolic link to <target>, outside the site; …`. */
export function outsideMessage(siteDir: string, link: string, target: string, loop?: boolean): string {
  if (loop) {
    return (
      `${shownPath(siteDir, link)} is a symbolic link to ${JSON.stringify(target)} whose links lead round in a loop and never to a file; ` +
      `replace one of them with the file it stands for`
    );
  }
  return (
    `${shownPath(siteDir, link)} is a symbolic link to ${JSON.stringify(target)}, outside the site; hugo-prerender reads nothing ` +
    `outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it`
  );
}

/** The error at a content link that leaves the site (see listContentFiles in build.ts). */
export function refusedLinkDiagnostic(siteDir: string, r: { link: string; target: string; loop?: true }): Diagnostic {
  return { severity: 'error', code: r.loop ? 'link-loop' : 'outside', file: shownPath(siteDir, r.link), line: 1, column: 1, message: outsideMessage(siteDir, r.link, r.target, r.loop) };
}
