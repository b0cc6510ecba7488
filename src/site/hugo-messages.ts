/**
 * Hugo's own messages about a prerendered page name its shadow (`/site/.prerender/content/posts/x.md:12:6`).
 * The shadow keeps the original's line numbers (src/prerender-page.ts), so naming the original file
 * instead is all it takes for such a message to point where the author has to look. The manifest says
 * which original made which shadow (a language's tree `content.fr` holds pages of `content/…` or of the
 * language's own contentDir).
 */
import path from 'node:path';
import { DEFAULT_TREE, readManifest, type Manifest } from './output.js';

/** `.prerender/<tree>/<path>` in a message, after the site's directory or on its own; the path ends where a Hugo position does. */
const SHADOW_RE = /((?:[^\s"'`(\[]*[\\/])?)\.prerender[\\/](content(?:\.[a-z0-9_-]+)?)[\\/]([^\s"'`:]+)/gi;

/** The site-relative original of a shadow (`content/posts/x.md`), or undefined when the manifest does not know it. */
function originalOf(manifest: Manifest, tree: string, rel: string): string | undefined {
  const pages = tree === DEFAULT_TREE ? manifest.pages : manifest.trees?.[tree];
  return pages?.[rel.replace(/\\/g, '/')]?.source;
}

/**
 * `text` (Hugo's output) with every path of a shadow of this site replaced by its original's, written as
 * Hugo wrote it (absolute when Hugo's was); line and column stay as they are. `manifest`: read from
 * `<siteDir>/.prerender` when not given.
 */
export function originalPathsInHugoOutput(text: string, siteDir: string, manifest: Manifest = readManifest(path.join(siteDir, '.prerender'))): string {
  if (!text.includes('.prerender')) return text;
  const site = path.resolve(siteDir);
  return text.replace(SHADOW_RE, (whole, before: string, tree: string, rel: string) => {
    const source = originalOf(manifest, tree.toLowerCase(), rel);
    if (source === undefined) return whole;
    if (before === '') return source;
    const dir = before.replace(/[\\/]$/, '');
    return path.resolve(dir) === site ? path.join(dir, source) : whole;
  });
}

/**
 * Forwards Hugo's output (`from`, a child's stdout or stderr) to `to` line by line, each line with its
 * shadow paths named as originals (read from the manifest as it is when the line arrives: serve
 * rebuilds while Hugo runs), unless `manifest` is given.
 */
export function forwardHugoOutput(from: NodeJS.ReadableStream, to: NodeJS.WritableStream, siteDir: string, manifest?: Manifest): void {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    pending += chunk;
    const end = pending.lastIndexOf('\n') + 1;
    if (end === 0) return;
    to.write(originalPathsInHugoOutput(pending.slice(0, end), siteDir, manifest));
    pending = pending.slice(end);
  });
  from.on('end', () => {
    if (pending) to.write(originalPathsInHugoOutput(pending, siteDir, manifest));
    pending = '';
  });
}
