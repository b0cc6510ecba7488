/**
 * How fragments travel to Hugo: inside the shadow page itself, never as one template each (Hugo parses
 * every template when it starts, at a cost that grows faster than their number).
 *
 * - Each construct we own becomes `{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`; the first one of
 *   a page also carries the staleness check: `{{< prerender k="KEY" md5="…" src=`content/x.md` >}}`.
 *   FRAGMENT went through inlineFragment (no `{{`, no newline), so the shortcode lexer cannot misread it;
 *   the line breaks of the construct it replaces go inside the opening tag, before `>}}`, so the shadow
 *   keeps every line where the original has it (Hugo's messages name the original's lines). A fragment with math is followed, inside the same
 *   shortcode, by `<!--hugo-prerender:feed-->` and its MathML-only variant (src/render/feed.ts):
 *   layouts/shortcodes/prerender.html prints the part before the marker, prerender.rss.xml the part after.
 * - On a page whose math no feed shows (PageSettings.feeds), the shortcode is `prerender-nofeed` instead:
 *   the fragment without its feed variant (nothing would print it), printed as it is in every output
 *   format. Hugo renders a page's
 *   content a second time for RSS only when one of its shortcodes has an RSS template of its own, and
 *   that second rendering was most of what Hugo spent on a prerendered site beyond its plain build.
 * - Per-page extras (the typeset table of contents, its variant with Hugo 0.144+'s ids, a front-matter
 *   summary with math) travel as one `{{< prerender-page >}}JSON{{< /prerender-page >}}` after the end of
 *   the body; it prints nothing, and partials/prerender/toc.html and summary.html read it from
 *   `.RawContent`. Inside JSON strings `<`, `>`, `&`, `{` and `}` are written as `\u00XX`.
 * - Titles and descriptions with math are needed on other pages too (lists, `.Description`): one
 *   site-wide `.prerender/layouts/partials/prerender/titles.html` returns a dict md5 of the text → HTML.
 *
 * The same module reads them back: an earlier shadow's fragments are the cache of the next build.
 */
import { FEED_SPLIT, splitFeed, withFeedVariant } from '../render/feed.js';

export interface StaleCheck {
  md5: string;
  /** The original's path from the site root (backticks removed: the value is a raw string). */
  path: string;
}

/**
 * The fragment shortcodes: `prerender` has a variant for RSS (prerender.rss.xml), `prerender-nofeed` none.
 * (`prerender-html`, the same with the feed variant in its inner content, is what builds wrote before: its
 * template stays, so that such a shadow renders right until the next build, and the cache reads it.)
 */
export type FragmentShortcode = 'prerender' | 'prerender-nofeed';

/**
 * hugo-prerender's own shortcodes (layouts/shortcodes): only the shadows the build writes may use them. In
 * a page's own text they would print their inner content as HTML (a guest post's script), or pass for the
 * build's page block: the build reports them and leaves them out of the page's shadow.
 */
export const OWN_SHORTCODES: ReadonlySet<string> = new Set(['prerender', 'prerender-nofeed', 'prerender-html', 'prerender-md', 'prerender-page', 'prerender-id']);

/**
 * Whether a shortcode name is one of OWN_SHORTCODES as Hugo finds a template for it: in any case (Hugo
 * 0.169 takes `PRERENDER-NOFEED` for `prerender-nofeed`), and after any namespace (0.111.3 takes
 * `shortcodes/prerender` for ours).
 */
export function isOwnShortcodeName(name: string): boolean {
  return OWN_SHORTCODES.has(name.slice(name.lastIndexOf('/') + 1).toLowerCase());
}

/**
 * The opening of a tag of one of OWN_SHORTCODES, as Hugo's lexer reads one (isOwnShortcodeName), or as an
 * escaped one (a comment opening `/` `*` right after the `{{<`), which Hugo shows as the text of a tag, and
 * which a template that renders text as Markdown again (markdownify, .RenderString) then runs.
 */
const OWN_TAG = new RegExp(`\\{\\{([<%])(?:/\\*)?\\s*/?\\s*(?:[^\\s/<>%{}]*/)*(?:${[...OWN_SHORTCODES].sort((a, b) => b.length - a.length).join('|')})(?![\\w./-])`, 'gi');

/**
 * `/prerender/i`, which V8 ran at about 8 ns a character on a page holding anything outside ASCII (32 µs
 * for the seed post, over 100 ms of a cold build of 1000 posts), against 0.4 ns for this; the same
 * matches (without the `u` flag, `i` folds no character outside ASCII onto one inside it).
 */
export const MENTIONS_PRERENDER = /[pP][rR][eE][rR][eE][nN][dD][eE][rR]/;

/**
 * Where each tag of our own shortcodes is in a text (OWN_TAG, to the end of the tag; a tag whose end is
 * missing, its opening alone, which is what makes it a shortcode), in order, not overlapping.
 */
export function ownTagRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!MENTIONS_PRERENDER.test(text)) return out;
  let at = 0;
  for (const m of text.matchAll(OWN_TAG)) {
    if (m.index! < at) continue;
    const close = text.indexOf(m[1] === '<' ? '>}}' : '%}}', m.index! + m[0].length);
    at = close < 0 ? m.index! + 3 : close + 3;
    out.push({ start: m.index!, end: at });
  }
  return out;
}

/** Whether text ending in `tail` (its last two characters) and text starting with `head` (its first two) make `{{<` or `{{%` across the seam. */
function seamOpens(tail: string, head: string): boolean {
  // The seam is at tail.length in w; an opener that starts before it, in the tail, ends after it.
  const w = tail + head;
  for (let i = 0; i < tail.length; i++) {
    if (w[i] === '{' && w[i + 1] === '{' && (w[i + 2] === '<' || w[i + 2] === '%')) return true;
  }
  return false;
}

/**
 * Text joined piece by piece, with a space between two pieces where they would make `{{<` or `{{%` across
 * the seam: the text on each side of something the build left out (a formula of definitions only, a tag
 * of ours cut) must not join into a tag that Hugo would run (`{{$\def\a{1}$< prerender >}}`). In time
 * linear in the pieces' length: the last two characters are kept apart, as reading the end of a string
 * built with `+` makes V8 copy all of it (70 ms of a cold build of 1000 posts, with one such read a piece).
 */
export class JoinedText {
  private readonly parts: string[] = [];
  /** The last two characters so far. */
  private tail = '';

  add(piece: string): this {
    if (piece.length === 0) return this;
    if (this.tail.length > 0 && seamOpens(this.tail, piece.slice(0, 2))) {
      this.parts.push(' ');
      this.tail = `${this.tail} `.slice(-2);
    }
    this.parts.push(piece);
    this.tail = piece.length >= 2 ? piece.slice(-2) : `${this.tail}${piece}`.slice(-2);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** The offset of the first tag of our own shortcodes in a text (see OWN_TAG), or -1. */
export function ownTagAt(text: string): number {
  return ownTagRanges(text)[0]?.start ?? -1;
}

/** What an error at a tag of our own shortcodes in a page starts with. */
export const OWN_SHORTCODE_MESSAGE = "hugo-prerender's own shortcodes (prerender, prerender-nofeed, …) may be used only by the prerendered copies it writes";

/**
 * A page's text with every tag of our own shortcodes cut out (its line breaks kept), wherever it is (Hugo
 * lexes shortcodes in code blocks too), or undefined when it has none. What is written for a page that
 * failed before it had a shadow: Hugo would otherwise render its original, and run them. A tag whose
 * end is missing loses its opening alone, which is what makes it a shortcode.
 */
export function cutOwnTags(text: string): string | undefined {
  const ranges = ownTagRanges(text);
  if (ranges.length === 0) return undefined;
  const out = new JoinedText();
  let at = 0;
  for (const r of ranges) {
    out.add(text.slice(at, r.start)).add(text.slice(r.start, r.end).replace(/[^\n]+/g, ''));
    at = r.end;
  }
  return out.add(text.slice(at)).toString();
}

/**
 * `newlines`: how many line breaks the construct it replaces spanned. They go inside the opening tag
 * (Hugo's lexer allows whitespace before `>}}`), where they change nothing Hugo renders, so every line
 * after it keeps its number in the shadow and Hugo's messages point at the original's lines.
 */
export function fragmentOpen(key: string, check?: StaleCheck, newlines = 0, name: FragmentShortcode = 'prerender'): string {
  const pad = '\n'.repeat(newlines);
  return check ? `{{< ${name} k="${key}" md5="${check.md5}" src=\`${check.path}\`${pad} >}}` : `{{< ${name} k="${key}"${pad} >}}`;
}

/**
 * `inline` must have gone through inlineFragment (a travelling fragment: with its feed variant after
 * FEED_SPLIT when it has math). `prerender-nofeed` has no RSS template, so nothing would ever print that
 * variant: it is left out, and layouts/shortcodes/prerender-nofeed.html prints its inner content as it is
 * (no split per fragment, a shorter shadow for Hugo to read). shadowFragments derives it back.
 */
export function inlineShortcode(key: string, inline: string, check?: StaleCheck, newlines = 0, name: FragmentShortcode = 'prerender'): string {
  return `${fragmentOpen(key, check, newlines, name)}${name === 'prerender-nofeed' ? pageOnly(inline) : inline}{{< /${name} >}}`;
}

/** The part of a travelling fragment the page shows, still inline-safe where it now ends (a final `{`). */
function pageOnly(inline: string): string {
  const page = splitFeed(inline).page;
  return page.endsWith('{') ? `${page.slice(0, -1)}&#123;` : page;
}

/**
 * Fragments inside a shortcode of the site whose content Hugo runs through its Markdown again (written
 * `{{% %}}`, or a template that markdownifies its inner content), where Goldmark drops raw HTML
 * (`unsafe = false`): the whole shortcode goes inside `{{< prerender-md >}}`, its fragments first, each
 * as the usual `prerender` (or `prerender-nofeed`) shortcode followed by the split marker, then the shortcode with each fragment
 * replaced by a token (plain letters, which Markdown leaves alone). layouts/shortcodes/prerender-md.html
 * runs Hugo's Markdown where Hugo would have (`md`: a top-level `{{% %}}`, written `{{< >}}` inside the
 * wrapper, its output rendered as Hugo renders it), then puts each fragment in place of its token. The
 * wrapper is a `{{< >}}` shortcode: Hugo inserts its output after the page's Markdown pass.
 */
export const WRAP_CLOSE = '{{< /prerender-md >}}';

/**
 * The wrapper's split marker and tokens hold a nonce: the md5 of the page's source (the build writes it
 * as the wrapper's `n`). A page cannot hold the md5 of its own text, so no author can write a marker or a
 * token the wrapper would act on (a marker written in the shortcode moved its raw HTML into a fragment's
 * place; a token in a link title, or in a caption, put a fragment's HTML into an attribute).
 */
export function wrapSplit(nonce: string): string {
  return `<!--hugo-prerender:frag:${nonce}-->`;
}

/**
 * What a fragment of a wrapper stands for where a template put its token inside a tag (a figure's caption
 * as its image's alt): `text`, the formula as written, after the fragment and this marker. Escaped for an
 * attribute value, and written so that the shortcode lexer and the shadow's lines see no `{{` and no line
 * break. Without it, a token inside a tag becomes nothing.
 */
export function wrapAttribute(text: string, nonce: string): string {
  const escaped = text.replace(/[&<>"'{}\r\n]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!--hugo-prerender:attr:${nonce}-->${escaped}`;
}

/** The token standing for the i-th fragment of a wrapper. */
export function wrapToken(i: number, nonce: string): string {
  return `hugoprerenderfrag${nonce}n${i}z`;
}

/**
 * Link reference definitions the wrapper renders with the shortcode's Markdown (src/content/link-defs.ts):
 * first in its inner content, each followed by WRAP_REF (the template puts a line break for each), those to
 * go before the Markdown, then WRAP_REFS_AFTER and those to go after it, then WRAP_REFS_END. They hold no
 * line break, so the shadow's lines keep their numbers.
 */
export const WRAP_REFS = '<!--hugo-prerender:refs-->';
export const WRAP_REF = '<!--hugo-prerender:ref-->';
export const WRAP_REFS_AFTER = '<!--hugo-prerender:refs-after-->';
export const WRAP_REFS_END = '<!--/hugo-prerender:refs-->';

/**
 * `fragments`: each the output of inlineShortcode. `md`: how Hugo renders the wrapped shortcode's output as
 * Markdown, if it does. `defs`: one-line link reference definitions its Markdown needs from the page.
 */
export function wrapOpen(
  fragments: readonly string[],
  nonce: string,
  md?: 'block' | 'inline',
  defs: { before: readonly string[]; after: readonly string[] } = { before: [], after: [] },
): string {
  const list = (l: readonly string[]) => l.map((d) => d + WRAP_REF).join('');
  const refs = md && defs.before.length + defs.after.length ? `${WRAP_REFS}${list(defs.before)}${WRAP_REFS_AFTER}${list(defs.after)}${WRAP_REFS_END}` : '';
  return `{{< prerender-md${md ? ` md="${md}"` : ''} n="${nonce}" >}}${refs}${fragments.map((f) => f + wrapSplit(nonce)).join('')}`;
}

/** The definitions that plain Hugo's page has from wrapped shortcodes, after the body (after a blank line: blocks of their own). */
export function appendDefinitions(shadow: string, defs: readonly string[]): string {
  return `${shadow}${/[\r\n]$/.test(shadow) ? '' : '\n'}\n${defs.join('\n')}\n`;
}

const FRAGMENT_RE = /\{\{< (prerender(?:-html|-nofeed)?) k="([a-z0-9_-]+)"(?: md5="[0-9a-f]{32}" src=`[^`\n]*`)?\n* >\}\}([^\n]*?)\{\{< \/\1 >\}\}/g;

/**
 * The fragments of a shadow this module wrote: key → inline HTML as it travels (a `prerender-nofeed`
 * fragment with its feed variant derived again, as the build makes it: the cache may serve it to a page
 * sent as `prerender`).
 */
export function shadowFragments(shadow: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of shadow.matchAll(FRAGMENT_RE)) {
    // Derived where the shadow has none: prerender-nofeed, and prerender-html as ba1381a wrote it.
    if (!out.has(m[2]!)) out.set(m[2]!, m[3]!.includes(FEED_SPLIT) ? m[3]! : withFeedVariant(m[3]!));
  }
  return out;
}

/**
 * A JSON string literal that neither Hugo's shortcode lexer nor an HTML or Go template context can misread.
 * A lone surrogate (JSON front matter may hold `\\ud800`) becomes U+FFFD, as Go decodes it: JSON.stringify
 * would write it as an escape that Go's template parser rejects, failing the whole site.
 */
export function safeJsonString(s: string): string {
  return JSON.stringify(s.replace(LONE_SURROGATE, '\ufffd')).replace(/[<>&{}]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface PageExtras {
  /** The typeset table of contents (`<nav id="TableOfContents">…`). */
  toc?: string;
  /** The same with the ids Hugo 0.144+ gives, when they differ. */
  tocPlain?: string;
  /** The front-matter summary, rendered with its math. */
  summary?: string;
}

const EXTRA_KEYS = ['summary', 'toc', 'tocPlain'] as const;

export function hasExtras(x: PageExtras): boolean {
  return EXTRA_KEYS.some((k) => x[k] !== undefined);
}

/** The `prerender-page` shortcode appended after the body; with the staleness check if no fragment has it. */
export function pageBlock(x: PageExtras, check?: StaleCheck): string {
  const json = `{${EXTRA_KEYS.filter((k) => x[k] !== undefined)
    .map((k) => `"${k}":${safeJsonString(x[k]!)}`)
    .join(',')}}`;
  const open = check ? `{{< prerender-page md5="${check.md5}" src=\`${check.path}\` >}}` : '{{< prerender-page >}}';
  return `${open}${json}{{< /prerender-page >}}`;
}

/** The shadow with the page block after the body, after a blank line: a paragraph of its own (no line of the body moves). */
export function appendPageBlock(shadow: string, block: string): string {
  return `${shadow}\n\n${block}\n`;
}

/** `.prerender/layouts/partials/prerender/titles.html`: md5 of a text → its HTML, sorted, one per line. */
export function titlesTemplate(titles: ReadonlyMap<string, string>): string {
  const lines = [...titles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `  "${k}" ${safeJsonString(v)}\n`);
  return (
    '{{- /* Written by hugo-prerender build: md5 of a title or description with math → its HTML (partials/prerender/title.html). */ -}}\n' +
    `{{- return dict\n${lines.join('')}-}}\n`
  );
}

/** Reads titlesTemplate's output back. */
export function parseTitlesTemplate(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^ {2}"([0-9a-f]{32})" ("(?:[^"\\\n]|\\.)*")$/gm)) {
    try {
      out.set(m[1]!, JSON.parse(m[2]!) as string);
    } catch {
      // Not ours: ignored (rendered again by the build that needs it).
    }
  }
  return out;
}
