/**
 * What math may link to, and what is said where it may not: KaTeX's `trust` option for `\href` and `\url`
 * (MathJax typesets both as links, KaTeX refuses them by default and shows a red `\href` in place of
 * the link and its text), a refused link shown as its text (linksRefusedAsText), and a located warning
 * for each command KaTeX then still refuses.
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

/** A node of KaTeX's parse tree, as its functions' handlers make them (katex/src/parseNode.ts). */
interface KatexNode {
  type: string;
  mode: string;
  [field: string]: unknown;
}

/** What KaTeX's `__defineFunction` takes (katex/src/defineFunction.ts), as far as a link needs. */
interface KatexFunctionSpec {
  type: string;
  names: string[];
  props: { numArgs: number; argTypes: string[]; allowedInText: boolean };
  handler: (context: { parser: { mode: string; settings: { isTrusted(context: { command: string; url: string }): boolean } } }, args: KatexNode[]) => KatexNode;
}

/**
 * KaTeX's `\href` and `\url` (katex/src/functions/href.ts), except that a link its `trust` option
 * refuses shows as its text, not linked: `\href{javascript:…}{y}` as `y` in the formula (a group of
 * its own, as `{y}`), `\url{…}` as its URL in typewriter type, as the link's text would be. KaTeX's own
 * shows a red `\href` (`\url`) in its place and drops the text, which the reader of MathJax's page
 * saw. Whether a link is made is still the `trust` option's answer (trustedInMath), asked as KaTeX asks
 * it (`isTrusted`, which refuses a URL whose scheme it cannot read without asking); a link it allows is
 * KaTeX's, markup and all (the builders of its `href` nodes are kept).
 */
export function linksRefusedAsText(katex: object): void {
  const define = (katex as { __defineFunction?: (spec: KatexFunctionSpec) => void }).__defineFunction;
  if (typeof define !== 'function') throw new Error('KaTeX has no __defineFunction: hugo-prerender cannot show a refused \\href as its text');
  /** KaTeX's ordargument: a group's content, or the one node. */
  const content = (arg: KatexNode): KatexNode[] => (arg.type === 'ordgroup' ? (arg.body as KatexNode[]) : [arg]);
  define({
    type: 'href',
    names: ['\\href'],
    props: { numArgs: 2, argTypes: ['url', 'original'], allowedInText: true },
    handler: ({ parser }, args) => {
      const href = args[0]!.url as string;
      const body = content(args[1]!);
      return parser.settings.isTrusted({ command: '\\href', url: href }) ? { type: 'href', mode: parser.mode, href, body } : { type: 'ordgroup', mode: parser.mode, body };
    },
  });
  define({
    type: 'href',
    names: ['\\url'],
    props: { numArgs: 1, argTypes: ['url'], allowedInText: true },
    handler: ({ parser }, args) => {
      const href = args[0]!.url as string;
      const chars = href.split('').map((c) => ({ type: 'textord', mode: 'text', text: c === '~' ? '\\textasciitilde' : c }));
      const text: KatexNode = { type: 'text', mode: parser.mode, font: '\\texttt', body: chars };
      return parser.settings.isTrusted({ command: '\\url', url: href }) ? { type: 'href', mode: parser.mode, href, body: [text] } : text;
    },
  });
}

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

/** What the formula shows in place of a refused link (linksRefusedAsText). */
const WHAT_IS_SHOWN = (command: string) => (command === '\\url' ? 'the formula shows the URL as text, not linked' : "the formula shows the link's text, not linked");

function linkMessage(command: string, url: string, protocol: string | null): string {
  const written = `${command}{${quoted(url)}}`;
  const onlyThese = 'in math, hugo-prerender links only http:, https:, mailto: and relative URLs';
  const why =
    protocol === null
      ? `KaTeX cannot tell its scheme (a colon written as an entity such as &colon; or &#58;, or a space or control character before the colon), so it refuses the URL`
      : isDangerousUrl(url.replace(/^[\x00-\x20]+/, ''))
        ? `${onlyThese}, never javascript:, vbscript:, file: or data: ones (Goldmark drops those from Markdown links too)`
        : `${onlyThese}, not ${protocol}: ones`;
  return `${written} is not made a link: ${why}; ${WHAT_IS_SHOWN(command)}. Write an http:, https:, mailto: or relative URL, or the text alone`;
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
