/**
 * Output size limits (params.prerender.limits.fragmentBytes and outputBytes, see content/limits.ts): a
 * formula, figure, diagram or plot that would produce more than fragmentBytes is an error at its place
 * (ten plots of a 2 MB CSV made a 115 MB page), and a page whose output adds up to more than outputBytes
 * is an error at the page, which is then not prerendered. Sizes, never times: the same input always
 * gives the same result.
 */
import { LIMIT_SETTINGS, type PageLimits } from '../content/limits.js';

/** `1.5 MB`, `900 kB`, `12 bytes`. */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} bytes`;
}

/**
 * The size of `text` in UTF-8 when it is more than `limit` bytes, else undefined. A UTF-16 code unit is at
 * most three bytes, so text of up to a third of the limit in code units is not counted (counting was about
 * 1 % of a cold build: every formula, fragment and page is checked).
 */
export function bytesOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

/** The error for output over a byte limit. */
export function tooBigMessage(what: string, bytes: number, limit: number, key: 'fragmentBytes' | 'outputBytes'): string {
  return `${what} is ${formatBytes(bytes)}, more than the limit of ${formatBytes(limit)} (${LIMIT_SETTINGS[key]}); make it smaller (e.g. downsample a plot's data), or raise the limit`;
}

/**
 * The error for a page whose output (its shadow and the fragments rendered for it in this build) is over
 * `outputBytes`, or undefined. Fragments reused from disk count 0 here: each passed the fragment limit.
 */
export function pageTooBig(shadow: string | undefined, fragments: readonly { html: string }[], outputBytes: number): string | undefined {
  let units = shadow === undefined ? 0 : shadow.length;
  for (const f of fragments) units += f.html.length;
  if (units * 3 <= outputBytes) return undefined;
  let bytes = shadow === undefined ? 0 : Buffer.byteLength(shadow);
  for (const f of fragments) bytes += Buffer.byteLength(f.html);
  if (bytes <= outputBytes) return undefined;
  return `${tooBigMessage("this page's prerendered output", bytes, outputBytes, 'outputBytes')}; it was not prerendered, the other pages were`;
}

/** The limits that change what a fragment holds: part of fragment keys, so changing one re-renders. */
export function mathAndOutputLimits(l: PageLimits): Pick<PageLimits, 'mathExpansions' | 'mathMaxSize' | 'mathTokens' | 'fragmentBytes'> {
  return { mathExpansions: l.mathExpansions, mathMaxSize: l.mathMaxSize, mathTokens: l.mathTokens, fragmentBytes: l.fragmentBytes };
}
