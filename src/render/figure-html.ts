/**
 * The markup of Hugo's built-in `figure` shortcode, as a pure function. The shape and whitespace follow
 * Hugo ≥ 0.162 (tpl/tplimpl/embedded/templates/_shortcodes/figure.html); values are escaped the way
 * Go's html/template escapes a plain string in that position (see COMPAT §3.1), so a theme's CSS and a
 * reader see the same figure whether Hugo or we rendered it.
 */
import { placeholderStyle } from '../images/service.js';

/** What goes into the figure; `…Html` fields are trusted markup, everything else plain text. */
export interface FigureHtmlInput {
  src: string;
  link?: string;
  target?: string;
  rel?: string;
  /** Plain text; `undefined` means no `alt` attribute at all (Hugo's behaviour without alt and caption). */
  alt?: string;
  /** Plain text, shown as `<h4>` in the figcaption. */
  title?: string;
  /** The `id` of the `<figure>` (a usable id: src/render/figure-numbers.ts FIGURE_ID). */
  id?: string;
  /** The figure's number (`<span class="hp-figure-number">Figure 2:</span>`), trusted markup, in front of the caption. */
  numberHtml?: string;
  captionHtml?: string;
  attrHtml?: string;
  /** URL wrapping the attribution. */
  attrlink?: string;
  width?: string;
  height?: string;
  class?: string;
  loading?: string;
  decoding?: string;
  /**
   * Responsive versions (src/images): the `<img>` gets `srcset` and `sizes` and is wrapped in `<picture>`
   * with one `<source>` per modern format, best first. `src` is then the fallback's largest version.
   */
  picture?: { sources: { type: string; srcset: string }[]; srcset: string; sizes: string; placeholder?: string };
  /**
   * The image shown instead when the page is dark (`src-dark`): both images are written, the light one
   * with class hp-light-only, this one with hp-dark-only (on the `<picture>` when there is one), and
   * prerender.css shows the one that matches the page (DARK_MODE_CSS). Same alt, loading and decoding.
   */
  dark?: { src: string; width?: string; height?: string; picture?: FigureHtmlInput['picture'] };
}

/** html/template's escaping of a plain string in text and in quoted attributes. */
export function escapeHtmlGo(s: string): string {
  return s.replace(/[\0"&'+<>]/g, (c) => GO_HTML_ESCAPES[c]!);
}
const GO_HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  '&': '&amp;',
  "'": '&#39;',
  '+': '&#43;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * html/template's URL filter: a URL with a scheme other than http, https or mailto becomes
 * `#ZgotmplZ` (so `javascript:` and `data:` never reach the page).
 */
export function isSafeUrlGo(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon === -1) return true;
  const scheme = url.slice(0, colon);
  if (scheme.includes('/')) return true;
  return ['http', 'https', 'mailto'].includes(scheme.toLowerCase());
}

/** Whether `src` points into the site rather than elsewhere (`http:`, `data:`, `//host/…`). */
export function isLocalSrc(src: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !src.startsWith('//');
}

export const UNSAFE_URL = '#ZgotmplZ';

/**
 * html/template's URL normaliser: percent-encodes (lower-case hex, UTF-8) every byte that is neither
 * unreserved nor reserved in RFC 3986, keeping existing `%xx` escapes.
 */
export function normalizeUrlGo(url: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(url)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~!#$&*+,/:;=?@[\]%]/.test(c)) out += c;
    else out += '%' + byte.toString(16).padStart(2, '0');
  }
  return out;
}

/** A URL attribute value as html/template writes it: filtered, normalised, escaped. */
export function urlAttrGo(url: string): string {
  return escapeHtmlGo(isSafeUrlGo(url) ? normalizeUrlGo(url) : UNSAFE_URL);
}

const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeHtmlGo(value)}"` : '');

/** One image as a figure (ours, or a Markdown image) shows it: `<img>`, in `<picture>` with responsive versions. */
export interface ImageHtmlInput {
  src: string;
  picture?: FigureHtmlInput['picture'];
  /** Plain text; `undefined` means no `alt` attribute at all (an empty one is written). */
  alt?: string;
  /** The alt on a line of its own (`\n\t\t\talt="…"`), as Hugo's figure writes it. */
  altOnItsLine?: boolean;
  /** Plain text (a Markdown image's title). */
  title?: string;
  width?: string;
  height?: string;
  loading?: string;
  decoding?: string;
  /** On the `<picture>` when there is one, else on the `<img>`. */
  class?: string;
}

export function imageHtml(v: ImageHtmlInput): string {
  const pic = v.picture;
  let out = '';
  if (pic) {
    out += `<picture${attr('class', v.class)}>`;
    for (const s of pic.sources) out += `<source type="${escapeHtmlGo(s.type)}"${attr('srcset', s.srcset)}${attr('sizes', pic.sizes)}>`;
  }
  out += `<img${pic ? '' : attr('class', v.class)} src="${urlAttrGo(v.src)}"`;
  if (pic) out += `${attr('srcset', pic.srcset)}${attr('sizes', pic.sizes)}`;
  if (v.alt !== undefined) out += `${v.altOnItsLine ? '\n\t\t\t' : ' '}alt="${escapeHtmlGo(v.alt)}"`;
  out += `${attr('title', v.title)}${attr('width', v.width)}${attr('height', v.height)}${attr('loading', v.loading)}${attr('decoding', v.decoding)}`;
  out += `${pic?.placeholder ? attr('style', placeholderStyle(pic.placeholder)) : ''}>`;
  if (pic) out += '</picture>';
  return out;
}

export function figureHtml(f: FigureHtmlInput): string {
  let html = `<figure${attr('id', f.id)}${attr('class', f.class)}>`;
  if (f.link) {
    html += `<a href="${urlAttrGo(f.link)}"${attr('target', f.target)}${attr('rel', f.rel)}>`;
  }
  // Hugo's figure writes its alt on a line of its own.
  const image = (v: { src: string; width?: string; height?: string; picture?: FigureHtmlInput['picture'] }, cls?: string) =>
    imageHtml({ src: v.src, picture: v.picture, width: v.width, height: v.height, alt: f.alt, altOnItsLine: true, loading: f.loading, decoding: f.decoding, class: cls });
  html += image(f, f.dark ? 'hp-light-only' : undefined);
  if (f.dark) html += image(f.dark, 'hp-dark-only');
  if (f.link) html += '</a>';
  if (f.title || f.captionHtml || f.attrHtml || f.numberHtml) {
    html += '<figcaption>\n\t\t\t';
    if (f.title) html += `<h4>${escapeHtmlGo(f.title)}</h4>`;
    if (f.captionHtml || f.attrHtml || f.numberHtml) {
      html += `<p>${f.numberHtml ?? ''}${f.numberHtml && (f.captionHtml || f.attrHtml) ? ' ' : ''}${f.captionHtml ?? ''}`;
      if (f.attrlink) html += `\n\t\t\t\t\t\t<a href="${urlAttrGo(f.attrlink)}">`;
      html += f.attrHtml ?? '';
      if (f.attrlink) html += '</a>';
      html += '</p>';
    }
    html += '\n\t\t</figcaption>';
  }
  return `${html}\n</figure>\n`;
}
