/**
 * What Goldmark (and so Hugo, markup/goldmark/render_hooks.go) writes into `href` and `src` for a
 * Markdown link, image or autolink: the destination through util.URLEscape, then dropped (an empty
 * attribute) when html.IsDangerousURL says so, unless the site sets
 * `markup.goldmark.renderer.unsafe = true`. Ported from yuin/goldmark util/util.go and
 * renderer/html/html.go; the table tests in tests/unit/goldmark-url.test.ts are Goldmark's behaviour.
 *
 * URLEscape percent-encodes everything outside a small safe set (controls, spaces, quotes, angle
 * brackets, non-ASCII), so a browser never gets to strip a tab or a newline out of `java\tscript:`:
 * what is left after escaping is what IsDangerousURL judges and what the browser sees.
 */

/** Bytes util.URLEscape keeps as they are (its urlEscapeTable). */
const SAFE = new Set("!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
const HEX = /^[0-9A-Fa-f]$/;

/**
 * Goldmark's util.URLEscape(url, false): the URL has its entities and backslash escapes resolved
 * already (remark does that while parsing, as URLEscape(url, true) does).
 */
export function goldmarkUrlEscape(url: string): string {
  let out = '';
  const chars = [...url];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (SAFE.has(c)) {
      out += c;
      continue;
    }
    // An existing escape is kept. (Goldmark tests the first hex digit twice: `%4z` is kept too.)
    if (c === '%' && i + 2 < chars.length && HEX.test(chars[i + 1]!) && chars[i + 1]!.length === 1 && chars[i + 2]!.length === 1) {
      out += c + chars[i + 1]! + chars[i + 2]!;
      i += 2;
      continue;
    }
    if (c === ' ') {
      out += '%20';
      continue;
    }
    // Go's url.QueryEscape of the character's UTF-8 bytes (upper-case hex); a lone surrogate is U+FFFD.
    for (const b of new TextEncoder().encode(c)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const hasPrefix = (s: string, prefix: string) => s.slice(0, prefix.length).toLowerCase() === prefix;

/**
 * Goldmark's html.IsDangerousURL: `javascript:`, `vbscript:`, `file:` and `data:` (any case), except
 * `data:image/png;`, `gif;`, `jpeg;` and `webp;`.
 */
export function isDangerousUrl(url: string): boolean {
  if (hasPrefix(url, 'data:image/') && url.length >= 11) {
    const v = url.slice(11);
    return !(hasPrefix(v, 'png;') || hasPrefix(v, 'gif;') || hasPrefix(v, 'jpeg;') || hasPrefix(v, 'webp;'));
  }
  return hasPrefix(url, 'javascript:') || hasPrefix(url, 'vbscript:') || hasPrefix(url, 'file:') || hasPrefix(url, 'data:');
}

/** The value Goldmark writes into `href`/`src` for a destination: escaped, or '' when dangerous and not unsafe. */
export function goldmarkUrl(url: string, unsafe: boolean): string {
  const escaped = goldmarkUrlEscape(url);
  return unsafe || !isDangerousUrl(escaped) ? escaped : '';
}
