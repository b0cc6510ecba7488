/**
 * Which files a module mount lets Hugo read: its `files` (Hugo 0.153 and later), `includeFiles` and
 * `excludeFiles`, matched as Hugo matches them (read in its source, hugofs/hglob/filename_filter.go and
 * modules/config.go of 0.153+, hugofs/glob/filename_filter.go of 0.111.3), so that build never reads,
 * renders or shadows a page the site's own mount leaves out (found by an audit: a mount with
 * `excludeFiles = ["private/**"]` had its private pages published through their shadows).
 *
 * - The patterns, in order: `files`, then `includeFiles`, then each of `excludeFiles` as `! pattern`
 *   (Mount.FilesToFilter). A pattern starting with `! ` excludes, any other includes.
 * - A path is the file's or folder's path relative to the mount's source, with a leading `/`
 *   (`/private/secret.md`); patterns get one too. Both are lower-cased: matching ignores case.
 * - The first pattern that matches decides; an including pattern also lets in every folder on the way
 *   to it (`posts/2024/*.md` lets in the folders `/`, `/posts` and `/posts/2024`, so that the walk
 *   reaches its files). Nothing matched: included when no pattern includes, else left out.
 * - A folder left out is not walked: nothing below it is read (`excludeFiles = ["drafts"]`).
 * - Globs are gobwas/glob's with `/` as the separator: `*` any run of characters but `/`, `**` any run,
 *   `?` one character but `/`, `[abc]`, `[a-z]`, `[!…]` one character (`/` too), `{a,b}` either, `\`
 *   escapes. With excludeFiles and includeFiles alone this is also Hugo 0.111.3's order (every inclusion
 *   before every exclusion). `files` is honoured whatever the Hugo: one before 0.153 ignores it (and so
 *   publishes those pages, unprerendered), never the other way round.
 */
import path from 'node:path';
import { getIn, isRecord } from './config.js';

/** A pattern Hugo would refuse (it stops with an error too). */
export class MountGlobError extends Error {}

/** Whether the path (relative to the mount's source, `/`-separated) of a file or a folder is read. */
export type MountFilter = (rel: string, isDir: boolean) => boolean;

/** A config value Hugo reads as a list of strings (types.ToStringSlicePreserveString): one string, or a list. */
function stringList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && !isRecord(x) && !Array.isArray(x)).map(String);
  return isRecord(v) ? [] : [String(v)];
}

/** A mount's patterns in Hugo's order (see above); empty for a mount that filters nothing. */
export function mountPatterns(mount: Record<string, unknown>): string[] {
  return [
    ...stringList(getIn(mount, ['files'])),
    ...stringList(getIn(mount, ['includeFiles'])),
    ...stringList(getIn(mount, ['excludeFiles'])).map((p) => `! ${p}`),
  ];
}

/** A regular expression that matches what the gobwas glob `pattern` matches with `/` as the separator. */
export function hugoGlob(pattern: string, written = pattern): RegExp {
  const s = [...pattern.toLowerCase()];
  let i = 0;
  let depth = 0;
  let re = '';
  const text = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const inClass = (c: string) => c.replace(/[\\\]\[^-]/g, '\\$&');
  const fail = (why: string) => new MountGlobError(`${why} in the glob ${JSON.stringify(written)}`);
  while (i < s.length) {
    const c = s[i]!;
    if (c === '{') {
      depth++;
      re += '(?:';
      i++;
    } else if (depth > 0 && c === ',') {
      re += '|';
      i++;
    } else if (depth > 0 && c === '}') {
      depth--;
      re += ')';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '*') {
      if (s[i + 1] === '*') {
        re += '[^]*';
        i += 2;
      } else {
        re += '[^/]*';
        i++;
      }
    } else if (c === '[') {
      // As gobwas' lexer reads a range: `!` first negates; `x-y` is a range; else characters up to `]`.
      i++;
      let not = false;
      if (s[i] === '!') {
        not = true;
        i++;
      }
      if (i >= s.length) throw fail('a "[" never closed');
      let body: string;
      if (s[i + 1] === '-') {
        const lo = s[i]!;
        const hi = s[i + 2];
        if (hi === undefined || s[i + 3] === undefined) throw fail('a "[" never closed');
        if (s[i + 3] !== ']') throw fail(`"${lo}-${hi}" followed by "${s[i + 3]}" instead of "]"`);
        if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw fail(`the range "${lo}-${hi}" goes backwards`);
        body = `${inClass(lo)}-${inClass(hi)}`;
        i += 4;
      } else {
        let chars = '';
        while (i < s.length && s[i] !== ']') {
          if (s[i] === '\\') i++;
          if (i < s.length) chars += s[i++]!;
        }
        if (i >= s.length) throw fail('a "[" never closed');
        if (chars === '') throw fail('an empty "[]"');
        body = [...chars].map(inClass).join('');
        i++;
      }
      re += not ? `[^${body}]` : `[${body}]`;
    } else if (c === '\\') {
      // An escaped character is itself; a trailing backslash is nothing (gobwas drops it).
      if (i + 1 < s.length) re += text(s[i + 1]!);
      i += 2;
    } else {
      re += text(c);
      i++;
    }
  }
  // A "{" never closed ends with the pattern, as gobwas parses it.
  re += ')'.repeat(depth);
  return new RegExp(`^${re}$`, 'u');
}

/** Go's path.Clean for a `/`-rooted path. */
function clean(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

type Entry = { kind: 'include' | 'folder' | 'exclude'; re: RegExp };

/** The filter of these patterns (see mountPatterns); undefined for none. Throws MountGlobError for a bad glob. */
export function mountFilter(patterns: readonly string[]): MountFilter | undefined {
  if (patterns.length === 0) return undefined;
  const entries: Entry[] = [];
  for (const raw of patterns) {
    const exclude = raw.startsWith('! ');
    const glob = exclude ? raw.slice(2) : raw;
    const p = glob.replace(/^(?!\/)/, '/');
    entries.push({ kind: exclude ? 'exclude' : 'include', re: hugoGlob(p, glob) });
    if (exclude) continue;
    // Every folder on the way to an included file: `/`, `/posts`, `/posts/2024` for `/posts/2024/*.md`.
    const dir = clean(p.slice(0, p.lastIndexOf('/') + 1));
    const parts = dir.split('/');
    for (let k = 0; k < parts.length; k++) {
      const joined = parts.slice(0, k + 1).filter(Boolean).join('/');
      entries.push({ kind: 'folder', re: hugoGlob('/' + (joined ? clean(joined) : ''), glob) });
    }
  }
  return (rel, isDir) => {
    const name = ('/' + rel.replace(/^\/+/, '')).toLowerCase();
    let includes = false;
    for (const e of entries) {
      if (e.kind === 'exclude') {
        if (e.re.test(name)) return false;
      } else if (e.kind === 'include') {
        if (e.re.test(name)) return true;
        includes = true;
      } else if (isDir && e.re.test(name)) return true;
    }
    return !includes;
  };
}

/** A file or folder read when any of these filters reads it (one folder mounted twice); undefined (everything) when any reads everything. */
export function eitherFilter(filters: readonly (MountFilter | undefined)[]): MountFilter | undefined {
  if (filters.length === 0 || filters.some((f) => f === undefined)) return undefined;
  return (rel, isDir) => filters.some((f) => f!(rel, isDir));
}
