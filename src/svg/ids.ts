/**
 * Page-unique ids. Inline SVGs share one id namespace with the whole HTML page, so two diagrams on one
 * page must never both define `#arrow`. Every id a fragment defines is `${prefix}-${name}`, where the
 * host's `ctx.idPrefix` is unique per shortcode instance on a page and deterministic.
 */

export interface Ids {
  /** The sanitised prefix (a valid id start, only `[A-Za-z0-9_-]`). */
  readonly prefix: string;
  /** The id for a local name: `id('marker-arrow')` → `hp3-marker-arrow`. */
  id(name: string): string;
  /** A fragment reference: `href('title')` → `#hp3-title`. */
  href(name: string): string;
  /** A paint/marker reference: `url('marker-arrow')` → `url(#hp3-marker-arrow)`. */
  url(name: string): string;
}

function sanitise(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** Creates the id helper for one fragment from the host-provided prefix. */
export function createIds(prefix: string): Ids {
  let p = sanitise(prefix).replace(/^-+|-+$/g, '');
  // An id (and a CSS #selector) must not start with a digit or a hyphen-digit.
  if (!/^[A-Za-z_]/.test(p)) p = `hp-${p}`.replace(/-+$/, '');
  const id = (name: string) => `${p}-${sanitise(name)}`;
  return {
    prefix: p,
    id,
    href: (name) => `#${id(name)}`,
    url: (name) => `url(#${id(name)})`,
  };
}
