/**
 * Where a figure's local `src` lives, looked up as Hugo's figure looks it up: a page resource (the page
 * bundle), then a global resource (assets/), then static/, the last two through the site's mounts (a
 * mount of `vendor/pics` at `static/images` serves `/images/x.png` from vendor/pics/x.png:
 * site/component-lookup.ts). Only places inside the roots are looked at, and a symbolic link that leaves
 * them is refused (src/site/safe-path.ts).
 */
import { isLocalSrc } from '../render/figure-html.js';
import type { SiteInfo } from '../render/types.js';
import { blockedMessage, lookUpFile, shownPath, siteRoots, type Lookup, type LookupMemo, type LookupTracker, type Place } from '../site/safe-path.js';

/** What a figure says of a local image found nowhere: where it looked (`missing`: the paths tried). */
export function missingImageMessage(
  src: string,
  site: SiteInfo,
  bundleDir: string | undefined,
  missing: readonly string[],
  blocked?: { at: string; kind: 'file' | 'directory'; error: NodeJS.ErrnoException },
  hidden?: string,
  unread?: { file: string; by: readonly string[]; target: string },
): string {
  // A place that could not be looked into may hold it: say that, not "not found".
  if (blocked) return `image "${src}" could not be looked for: ${blockedMessage(site.dir, blocked)}`;
  const where = bundleDir ? 'static, assets or the page bundle' : 'static or assets (the page is not a bundle)';
  if (hidden) return `image "${src}": ${hiddenImageMessage(site.dir, hidden)}`;
  if (unread) return `image "${src}": ${unreadImageMessage(site.dir, unread)}`;
  return `image "${src}" was not found in ${where}; looked for ${missing.map((c) => shownPath(site.dir, c)).join(', ')}`;
}

/** Why an image file that is there is not used (Lookup's `hidden`): Hugo does not publish it. */
export function hiddenImageMessage(siteDir: string, hidden: string): string {
  return (
    `${shownPath(siteDir, hidden)} is a file the site's mounts leave out (their excludeFiles, includeFiles or files, or ignoreFiles), ` +
    `so Hugo does not publish it and the page shows a broken image: it is not processed, and the image is left as written`
  );
}

/**
 * Why an image file that is there is not used (Lookup's `unread`): Hugo before 0.124 reads a folder that
 * a mount targets from the mounts at that target alone (site/component-lookup.ts), so it does not publish it.
 */
export function unreadImageMessage(siteDir: string, unread: { file: string; by: readonly string[]; target: string }): string {
  const by = unread.by.map((b) => shownPath(siteDir, b)).join(', ');
  return (
    `${shownPath(siteDir, unread.file)} is not published by the Hugo that builds this site (before 0.124): it reads ${unread.target}/ from the mount${unread.by.length > 1 ? 's' : ''} ` +
    `of ${by} at ${unread.target} alone, so the page shows a broken image: it is not processed, and the image is left as written (move the file into ${by}, or upgrade Hugo)`
  );
}

/** What `lookUpFile` says about the image `src` names; undefined for a remote or empty `src`. */
export function lookUpImage(src: string, site: SiteInfo, bundleDir: string | undefined, track?: LookupTracker, memo?: LookupMemo): Lookup | undefined {
  if (!isLocalSrc(src)) return undefined;
  let rel = src.replace(/[?#].*$/s, '');
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // A malformed escape: look the path up as written.
  }
  rel = rel.replace(/^\/+/, '');
  if (rel === '') return undefined;
  const bases: Place[] = [...(bundleDir ? [bundleDir] : []), { component: 'assets' }, { component: 'static' }];
  return lookUpFile(siteRoots(site), bases, rel, track, memo);
}
