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
/**
 * Goldmark's util.URLEscape(url, false): the URL has its entities and backslash escapes resolved
 * already (remark does that while parsing, as URLEscape(url, true) does).
 */
export declare function goldmarkUrlEscape(url: string): string;
/**
 * Goldmark's html.IsDangerousURL: `javascript:`, `vbscript:`, `file:` and `data:` (any case), except
 * `data:image/png;`, `gif;`, `jpeg;` and `webp;`.
 */
export declare function isDangerousUrl(url: string): boolean;
/** The value Goldmark writes into `href`/`src` for a destination: escaped, or '' when dangerous and not unsafe. */
export declare function goldmarkUrl(url: string, unsafe: boolean): string;
