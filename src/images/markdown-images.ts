/**
 * Markdown images (`![alt](photo.jpg "title")`, and `![alt][ref]` with its definition) served as a
 * figure's image is: `<picture>` with AVIF and WebP sources, srcset, sizes, the real width and height.
 *
 * Only images whose file is certain are taken, looked up as the browser would find them on the page Hugo
 * publishes: a relative path on a page bundle is one of its resources (published beside the page), an
 * absolute path is a file of `static/` (published at the site's root, through the site's static mounts:
 * site/component-lookup.ts). A relative path on a page that is
 * not a bundle resolves against the page's URL, which the file's place does not tell: left as written,
 * as are remote images, images in headings (their text makes the heading's id) and images inside a
 * `{{< >}}` shortcode (its template decides what its content becomes). Inside a `{{% %}}` one, whose
 * output Hugo renders as the page's Markdown, they are taken as its math is (prerender-page.ts).
 */
import type { Definition, Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { parseMarkdownWithMath } from '../content/math.js';
import type { Diagnostic } from '../content/types.js';
import type { LineIndex } from '../content/position.js';
import { imageHtml, isLocalSrc } from '../render/figure-html.js';
import type { PageInfo, SiteInfo } from '../render/types.js';
import { lookUpFile, outsideMessage, shownPath, siteRoots, type Lookup, type Place } from '../site/safe-path.js';
import { pictureData, type ImageService, type PictureData } from './service.js';
import { hiddenImageMessage, unreadImageMessage } from './resolve.js';

export interface MarkdownImage {
  /** Offsets of the whole image (`![` to its closing `)` or `]`) in the page's source. */
  start: number;
  end: number;
  /** The destination as Hugo's image render hooks see it (`.Destination`): escapes and references resolved. */
  url: string;
  /** The image description as plain text (Goldmark's alt text). */
  alt: string;
  title: string | null;
}

/**
 * Every Markdown image of the page's tree (offsets relative to `bodyOffset`), in source order, those in
 * headings only with `inHeadings`, with the definitions of reference images resolved (the first definition of a label wins).
 */
export function findMarkdownImages(tree: Root, bodyOffset: number, inHeadings = false, source?: string): MarkdownImage[] {
  const definitions = new Map<string, Definition>();
  let any = false;
  visit(tree, (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    else if (node.type === 'image' || node.type === 'imageReference') any = true;
  });
  if (!any) return [];
  const out: MarkdownImage[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading' && !inHeadings) return SKIP;
    if ((node.type !== 'image' && node.type !== 'imageReference') || !node.position) return undefined;
    const target = node.type === 'image' ? node : definitions.get(node.identifier);
    if (!target) return undefined;
    const start = bodyOffset + node.position.start.offset!;
    const end = bodyOffset + node.position.end.offset!;
    out.push({ start, end, url: target.url, alt: (source !== undefined ? altWithMath(source.slice(start, end)) : undefined) ?? node.alt ?? '', title: target.title ?? null });
    return undefined;
  });
  return out;
}

/**
 * The alt text Goldmark writes for an image whose description holds math (`![plot of $\tanh$](t.png)`):
 * the description's text with its math as written, delimiters and all (the page's tree took the math
 * out: its alt holds the TeX alone). Undefined when the description holds no math opener.
 */
function altWithMath(raw: string): string | undefined {
  let label: string | undefined;
  let depth = 0;
  for (let i = 2; i < raw.length && label === undefined; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '`') {
      // A code span: its brackets are text.
      let n = 1;
      while (raw[i + n] === '`') n++;
      const close = raw.indexOf('`'.repeat(n), i + n);
      i = close < 0 ? i + n - 1 : close + n - 1;
    } else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) label = raw.slice(2, i);
      else depth--;
    }
  }
  if (label === undefined || !/\$|\\[([]/.test(label)) return undefined;
  const text = (node: Nodes): string =>
    node.type === 'image' || node.type === 'imageReference'
      ? (node.alt ?? '')
      : 'value' in node && node.type !== 'html'
        ? node.value
        : 'children' in node
          ? node.children.map(text).join('')
          : '';
  return text(parseMarkdownWithMath(label, []));
}

/**
 * Where the browser finds the image of `url` on the published page, looked up inside the site: undefined
 * when that is not certain (remote, a relative path on a page that is not a bundle, `..`, a query).
 */
export function lookUpMarkdownImage(url: string, site: SiteInfo, page: PageInfo): { rel: string; lookup: Lookup; bases: Place[] } | undefined {
  if (!isLocalSrc(url) || /[?#]/.test(url) || url.trim() !== url || url === '') return undefined;
  let rel = url;
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return undefined;
  }
  const absolute = rel.startsWith('/');
  rel = rel.replace(/^\/+/, '').replace(/^(\.\/)+/, '');
  if (rel === '' || rel.split('/').some((part) => part === '..' || part === '.' || part === '') || rel.includes('\\')) return undefined;
  const bases: Place[] = absolute ? [{ component: 'static' }] : page.bundleDir ? [page.bundleDir] : [];
  if (bases.length === 0) return undefined;
  return { rel, bases, lookup: lookUpFile(siteRoots(site), bases, rel, page.reads?.lookup, page.reads?.memo) };
}

/** The `<picture>` of a Markdown image (`later`: not the first image of the page, so lazy). */
export function markdownPictureHtml(image: MarkdownImage, data: PictureData, later: boolean): string {
  return imageHtml({
    src: data.src,
    picture: { sources: data.sources, srcset: data.srcset, sizes: data.sizes, ...(data.placeholder ? { placeholder: data.placeholder } : {}) },
    alt: image.alt,
    ...(image.title !== null ? { title: image.title } : {}),
    ...(data.width !== undefined ? { width: String(data.width) } : {}),
    ...(data.height !== undefined ? { height: String(data.height) } : {}),
    ...(later ? { loading: 'lazy', decoding: 'async' } : {}),
  });
}

/** What became of one Markdown image: its `<picture>` data, or nothing (left as written). */
export interface ServedImage {
  image: MarkdownImage;
  data?: PictureData;
}

/**
 * The responsive versions of each image in `images` that can be served, its problems as warnings at the
 * image: a file of the page bundle that is missing, one that cannot be read or decoded, a link out of the
 * site. `sizes`: the page's `sizes` for an image of a given width (the site's setting, or computed).
 */
export async function serveMarkdownImages(
  images: readonly MarkdownImage[],
  page: PageInfo,
  site: SiteInfo,
  service: ImageService,
  lines: LineIndex,
  /** The page's budget (content/limits.ts pageBudget), asked before each image: past it, the images stop there. */
  over: () => 'pageSeconds' | 'pageMemoryMB' | undefined = () => undefined,
): Promise<{ served: ServedImage[]; diagnostics: Diagnostic[]; stopped?: { limit: 'pageSeconds' | 'pageMemoryMB'; offset: number } }> {
  const served: ServedImage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const image of images) {
    const limit = over();
    if (limit) return { served, diagnostics, stopped: { limit, offset: image.start } };
    /** `message` starts as the pipeline's do: `image "<url>" …`. */
    const warn = (code: string, message: string) =>
      diagnostics.push({ severity: 'warning', code, file: page.relPath, ...lines.at(image.start), offset: image.start, message: `Markdown ${message}` });
    const look = lookUpMarkdownImage(image.url, site, page);
    if (!look) {
      served.push({ image });
      continue;
    }
    const { lookup } = look;
    if ('refused' in lookup) warn('outside', `image "${image.url}": ${outsideMessage(site.dir, lookup.link, lookup.target, lookup.loop)}; the image is left as written`);
    // A file the site's mounts leave out (static/ too: no other step publishes it where Hugo does not).
    else if ('missing' in lookup && lookup.hidden) warn('image-missing', `image "${image.url}": ${hiddenImageMessage(site.dir, lookup.hidden)}`);
    // A file of static/ that the Hugo in use does not publish at that path (a mount's target below static/ hides it).
    else if ('missing' in lookup && lookup.unread) warn('image-missing', `image "${image.url}": ${unreadImageMessage(site.dir, lookup.unread)}`);
    else if ('missing' in lookup && lookup.missing.length > 0 && !look.bases.some((b) => typeof b !== 'string')) {
      // A bundle's resource that is not there: the page shows a broken image (a file of static/ may be made by another step).
      warn('image-missing', `image "${image.url}" is not in the page bundle (looked for ${lookup.missing.map((m) => shownPath(site.dir, m)).join(', ')}), so the page shows a broken image`);
    }
    if (!('found' in lookup)) {
      served.push({ image });
      continue;
    }
    const { image: made, warnings, unavailable } = await service.prepare(lookup.found, image.url);
    // Without sharp, Markdown images stay as written, quietly: a figure says why (each one), and a site
    // that never meant to serve images responsively is not told so at every image.
    if (!unavailable) for (const w of warnings) warn('image', w);
    const data = made ? pictureData(made, service.sizes(made.width ?? 0)) : undefined;
    served.push(data ? { image, data } : { image });
  }
  return { served, diagnostics };
}
