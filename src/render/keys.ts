import { createHash, hash } from 'node:crypto';

/**
 * A stable content key: same parts, same key. Lower-case hex, so Hugo 0.111.3's case-sensitive lookup works.
 * The sha256 of the parts, each followed by a NUL; hashed in one call (a hash object and an update per part
 * cost three times as much, and a cold build makes one key per formula and per shortcode).
 */
export function contentKey(...parts: unknown[]): string {
  let text = '';
  for (const p of parts) text += `${typeof p === 'string' ? p : stableStringify(p)}\u0000`;
  return sha256Hex(text).slice(0, 20);
}

/** `crypto.hash` where Node has it (20.12, 21.7 and later), else a hash object: the same digest. */
const sha256Hex: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'hex') : (text) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so equal values give equal strings. */
export function stableStringify(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(',')}}`;
}

export function md5Hex(data: string | Buffer): string {
  return typeof hash === 'function' ? hash('md5', data, 'hex') : createHash('md5').update(data).digest('hex');
}
