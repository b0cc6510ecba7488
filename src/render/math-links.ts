/**
 * What math may link to, and what is said where it may not: KaTeX's `trust` option for `\href` and `\url`
 * (MathJax typesets both as links, KaTeX refuses them by default and shows a red `\href` in place of
 * the link and its text), and a located warning for each command KaTeX then still refuses.
 *
 * A link in math follows the rules Goldmark applies to a Markdown link (render/goldmark-url.ts), only
 * stricter: http:, https:, mailto: and relative URLs are linked, everything else is not, so that
 * `javascript:`, `vbscript:`, `file:` and `data:` never are (whatever `markup.goldmark.renderer.unsafe`
 * says: a formula's link is the author's TeX, not HTML they chose to allow). KaTeX's own commands that
 * write HTML attributes or load images (`\htmlClass`, `\htmlId`, `\htmlStyle`, `\htmlData`,
 * `\includegraphics`) stay refused: MathJax has none of them, and a post must not style or script the
 * page through its TeX.
 */
import type { TrustContext } from 'katex';
import { isDangerousUrl } from './goldmark-url.js';
import { groupEnd } from './mathjax-compat.js';

/** The URL schemes a link in math may have (`_relative`: KaTeX's name for a URL without one). */
const LINKED_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'https', 'mailto', '_relative']);

/** KaTeX's `trust` answer: `\href` and `\url` to an http:, https:, mailto: or relative URL. */
export function trustedInMath(context: TrustContext): boolean {
  if (context.command !== '\\href' && context.command !== '\\url') return false;
  // KaTeX sets the protocol before asking (and never asks when it cannot tell it: see urlScheme).
  const protocol = context.protocol ?? urlScheme(context.url);
  return protocol !== null && LINKED_PROTOCOLS.has(protocol) && !isDangerousUrl(context.url.replace(/^[\x00-\x20]+/, ''));
}

/**
 * KaTeX's protocolFromUrl (katex/src/utils.ts): the URL's scheme in lower case, `_relative` when it has
 * none, null when it has one KaTeX will not read (a colon written as an entity, `&colon;` or `&#58;`; a
 * space or another character a scheme cannot have before the colon): KaTeX then refuses the URL
 * without asking the `trust` function.
 */
export function urlScheme(url: string): string | null {
  const m = /^[\x00-\x20]*([^\\/#?]*?)(:|&#0*58|&#x0*3a|&colon)/i.exec(url);
  if (!m) return '_relative';
  if (m[2] !== ':' || !/^[a-zA-Z][a-zA-Z0-9+\-.]*$/.test(m[1]!)) return null;
  return m[1]!.toLowerCase();
}

/** A notice about a formula; `texOffset` into the TeX searched (see refusalWarnings). */
export interface RefusalWarning {
  message: string;
  texOffset?: number;
}

/** KaTeX's commands that ask its `trust` option, as written in TeX. */
const TRUST_COMMANDS = /\\(href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![A-Za-z@])/g;

/** One of TRUST_COMMANDS in the formula's own text, with its URL as KaTeX reads it (for `\href`, `\url`). */
interface Occurrence {
  command: string;
  offset: number;
  url?: string;
  used?: boolean;
}

/** The `{…}` argument at i (after spaces), as KaTeX reads a URL: braces balanced, `\#` & co. unescaped. */
function urlArgument(tex: string, i: number): string | undefined {
  while (/\s/.test(tex[i] ?? '')) i++;
  if (tex[i] !== '{') return undefined;
  const end = groupEnd(tex, i);
  return end < 0 ? undefined : tex.slice(i + 1, end - 1).replace(/\\([#$%&~_^{}])/g, '$1');
}

function occurrences(tex: string): Occurrence[] {
  return [...tex.matchAll(TRUST_COMMANDS)].map((m) => {
    const command = `\\${m[1]!}`;
    const url = command === '\\href' || command === '\\url' ? urlArgument(tex, m.index + m[0].length) : undefined;
    return { command, offset: m.index, ...(url !== undefined ? { url } : {}) };
  });
}

/** A URL as quoted in a message: at most 80 characters, control characters shown as `\u…`. */
function quoted(url: string): string {
  const short = url.length > 80 ? `${url.slice(0, 79)}…` : url;
  return short.replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const WHAT_KATEX_SHOWS = (command: string) => `KaTeX shows a red ${command} in its place, without its content`;

function linkMessage(command: string, url: string, protocol: string | null): string {
  const written = `${command}{${quoted(url)}}`;
  const onlyThese = 'in math, hugo-prerender links only http:, https:, mailto: and relative URLs';
  const why =
    protocol === null
      ? `KaTeX cannot tell its scheme (a colon written as an entity such as &colon; or &#58;, or a space or control character before the colon), so it refuses the URL`
      : isDangerousUrl(url.replace(/^[\x00-\x20]+/, ''))
        ? `${onlyThese}, never javascript:, vbscript:, file: or data: ones (Goldmark drops those from Markdown links too)`
        : `${onlyThese}, not ${protocol}: ones`;
  return `${written} is not made a link: ${why}; ${WHAT_KATEX_SHOWS(command)}. Write an http:, https:, mailto: or relative URL, or the text alone`;
}

function refusedMessage(context: TrustContext): string {
  switch (context.command) {
    case '\\href':
    case '\\url':
      return linkMessage(context.command, context.url, context.protocol ?? urlScheme(context.url));
    case '\\includegraphics':
      return `\\includegraphics{${quoted(context.url)}} is not typeset: math may not load images here (MathJax has no \\includegraphics either); ${WHAT_KATEX_SHOWS('\\includegraphics')}. Put the image outside the formula, as a Markdown image or a figure`;
    default:
      return `${context.command} is not typeset: it is KaTeX's, writes HTML attributes into the page (MathJax has no such command), and math may not here; ${WHAT_KATEX_SHOWS(context.command)}. Take it out and keep its content`;
  }
}

/**
 * The warnings for what KaTeX refused while typesetting `tex` (the formula's own text, offsets index it):
 * `refused`, what the `trust` option said no to, in the order KaTeX asked, each at the command it is
 * about when that is in `tex` (not in a macro's body); and the `\href` and `\url` in `tex` whose URL KaTeX
 * refused without asking (urlScheme null).
 */
export function refusalWarnings(tex: string, refused: readonly TrustContext[]): RefusalWarning[] {
  if (refused.length === 0 && !tex.includes('\\href') && !tex.includes('\\url')) return [];
  const found = occurrences(tex);
  const out: RefusalWarning[] = [];
  for (const context of refused) {
    const url = 'url' in context ? context.url : undefined;
    const at = found.find((o) => !o.used && o.command === context.command && (url === undefined || o.url === undefined || o.url === url));
    if (at) at.used = true;
    out.push({ message: refusedMessage(context), ...(at ? { texOffset: at.offset } : {}) });
  }
  for (const o of found) {
    if (o.used || o.url === undefined || urlScheme(o.url) !== null) continue;
    out.push({ message: linkMessage(o.command, o.url, null), texOffset: o.offset });
  }
  return out.sort((a, b) => (a.texOffset ?? -1) - (b.texOffset ?? -1));
}
