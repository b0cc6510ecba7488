/**
 * Hugo's own messages about a prerendered page name its shadow (`/site/.prerender/content/posts/x.md:12:6`).
 * The shadow keeps the original's line numbers (src/prerender-page.ts), so naming the original file
 * instead is all it takes for such a message to point where the author has to look. The manifest says
 * which original made which shadow (a language's tree `content.fr` holds pages of `content/…` or of the
 * language's own contentDir).
 */
import { readFileSync } from 'node:fs';
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
 * What the build writes into a shadow line in place of (or beside) the original's text: a fragment
 * shortcode with its inline HTML, the `{{% %}}` wrapper's tags, markers and tokens, a heading id's
 * shortcode, a summary divider.
 */
const INSERTED =
  /\{\{< (prerender(?:-html|-nofeed)?) k="[^"]*"[^\n]*?\{\{< \/\1 >\}\}|\{\{< \/?prerender-md\b[^\n]*?>\}\}|<!--\/?hugo-prerender:[^\n]*?-->|hugoprerenderfrag[0-9a-f]*n?\d+z|\{\{< prerender-id [^\n]*?>\}\}|<!--more-->/g;

/**
 * The column in the original line of a column (1-based, in bytes, as Hugo counts) in its shadow line. The
 * shadow line is the original with some spans replaced (a formula by its fragment): the text between
 * them is the original's, found in order. A column inside a replacement names where the original's span
 * starts.
 */
export function originalColumn(shadowLine: string, originalLine: string, column: number): number {
  const at = Buffer.from(shadowLine, 'utf8').subarray(0, Math.max(0, column - 1)).toString('utf8').length;
  const toBytes = (i: number) => Buffer.byteLength(originalLine.slice(0, i), 'utf8') + 1;
  let from = 0;
  let inOriginal = 0;
  INSERTED.lastIndex = 0;
  for (;;) {
    const m = INSERTED.exec(shadowLine);
    const end = m ? m.index : shadowLine.length;
    const text = shadowLine.slice(from, end);
    const found = originalLine.indexOf(text, inOriginal);
    if (found < 0) return column;
    if (at < end || !m) return toBytes(found + Math.min(at - from, text.length));
    inOriginal = found + text.length;
    if (at < m.index + m[0].length) return toBytes(inOriginal);
    from = m.index + m[0].length;
  }
}

/**
 * `text` (Hugo's output) with every path of a shadow of this site replaced by its original's, written as
 * Hugo wrote it (absolute when Hugo's was), and a column after it mapped to the original's line (the line
 * is the same). `manifest`: read from `<siteDir>/.prerender` when not given.
 */
export function originalPathsInHugoOutput(text: string, siteDir: string, manifest: Manifest = readManifest(path.join(siteDir, '.prerender'))): string {
  if (!text.includes('.prerender')) return text;
  const site = path.resolve(siteDir);
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) {
      try {
        lines.set(file, readFileSync(file, 'utf8').split('\n'));
      } catch {
        lines.set(file, undefined);
      }
    }
    return lines.get(file);
  };
  const re = new RegExp(`${SHADOW_RE.source}(?::(\\d+):(\\d+))?`, 'gi');
  return text.replace(re, (whole, before: string, tree: string, rel: string, line?: string, column?: string) => {
    const source = originalOf(manifest, tree.toLowerCase(), rel);
    if (source === undefined) return whole;
    let position = line === undefined ? '' : `:${line}:${column}`;
    if (line !== undefined) {
      const shadow = linesOf(path.join(site, '.prerender', tree, rel))?.[Number(line) - 1];
      const original = linesOf(path.join(site, source))?.[Number(line) - 1];
      if (shadow !== undefined && original !== undefined) position = `:${line}:${originalColumn(shadow, original, Number(column))}`;
    }
    if (before === '') return source + position;
    const dir = before.replace(/[\\/]$/, '');
    return path.resolve(dir) === site ? path.join(dir, source) + position : whole;
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
