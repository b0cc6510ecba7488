/**
 * Parsing a content file into front matter, a shortcode tree and located diagnostics, on top of the
 * Hugo-compatible lexer. `parsePage` never throws.
 *
 * Hugo decides whether an opening tag needs a closing tag from the shortcode's template (does it use
 * `.Inner`?). A parser without templates cannot, so here an opening tag that is later closed by a
 * closing tag of the same name (with proper nesting) owns the text in between; any other opening tag
 * is standalone. A closing tag that closes nothing is an error, as it is in Hugo.
 *
 * Lexing uses current Hugo's rules. Files whose first character is `<` are also lexed with v0.111.3's
 * rules, because there the versions differ in ways that fail builds: v0.111.3 rejects such a file
 * ("plain HTML documents not supported") unless it starts with an HTML comment, in which case it reads
 * front matter wrapped in that comment. We take such wrapped front matter as front matter (current
 * Hugo renders the whole comment as an invisible HTML comment, so no visible content is lost either
 * way) and warn in both cases.
 */
import { lex, typedValue, type Item, type ItemType } from './lexer.js';
import { decodeFrontMatter } from './frontmatter.js';
import { LineIndex } from './position.js';
import type {
  Diagnostic,
  EscapedShortcode,
  FrontMatter,
  FrontMatterFormat,
  ParamValue,
  ParsedPage,
  Shortcode,
} from './types.js';

export interface ParsePageOptions {
  /** The file's path, put on every diagnostic. */
  path?: string;
  /** The source's line index, if the caller has one already (built for the same text). */
  lines?: LineIndex;
}

const FRONT_MATTER_FORMATS: Partial<Record<ItemType, FrontMatterFormat>> = {
  TypeFrontMatterYAML: 'yaml',
  TypeFrontMatterTOML: 'toml',
  TypeFrontMatterJSON: 'json',
  TypeFrontMatterORG: 'org',
};

/** Parses a whole content file. Never throws; problems are diagnostics. */
export function parsePage(source: string, opts: ParsePageOptions = {}): ParsedPage {
  try {
    const text = String(source);
    return new PageParser(text, opts.path, opts.lines ?? new LineIndex(text)).parse();
  } catch (e) {
    const d: Diagnostic = {
      severity: 'error',
      message: `internal error while parsing the page: ${(e as Error)?.message ?? String(e)}. Please report this with the file.`,
      line: 1,
      column: 1,
      offset: 0,
      code: 'internal',
    };
    if (opts.path !== undefined) d.file = opts.path;
    return { frontMatter: { format: null, data: {} }, shortcodes: [], diagnostics: [d], bodyOffset: 0, escapes: [] };
  }
}

/** One tag: `{{< name params >}}`, `{{< name />}}` or `{{< /name >}}`. */
interface Tag {
  kind: 'open' | 'self' | 'close';
  markup: '<' | '%';
  name: string;
  params: ParamValue[] | Record<string, ParamValue>;
  paramPositions: Record<string, { line: number; column: number; offset: number }>;
  paramValues: Record<string, { start: number; end: number }>;
  offset: number;
  tagEnd: number;
  indentation?: string;
}

class PageParser {
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly source: string,
    private readonly file: string | undefined,
    private readonly lines: LineIndex,
  ) {}

  private report(severity: Diagnostic['severity'], offset: number, message: string, code: string): void {
    const off = Math.max(0, Math.min(offset, this.source.length));
    const d: Diagnostic = { severity, message, ...this.lines.at(off), offset: off, code };
    if (this.file !== undefined) d.file = this.file;
    this.diagnostics.push(d);
  }

  parse(): ParsedPage {
    const { source } = this;
    const firstSignificant = firstSignificantOffset(source);
    let items = lex(source);
    let wrapperStart: number | undefined;
    if (source[firstSignificant] === '<') {
      const legacy = this.checkLegacyHtmlStart(firstSignificant);
      if (legacy) {
        items = legacy;
        wrapperStart = firstSignificant;
      }
    }

    let frontMatter: FrontMatter = { format: null, data: {} };
    let bodyOffset = 0;
    let summaryDivider: number | undefined;
    const escapes: EscapedShortcode[] = [];
    const tags: Tag[] = [];
    let lastLeftDelim = 0;

    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      const format = FRONT_MATTER_FORMATS[it.type];
      if (format) {
        const decoded = decodeFrontMatter(format, it.val, { offset: it.offset, lines: this.lines, file: this.file });
        this.diagnostics.push(...decoded.diagnostics);
        bodyOffset = items[k + 1]?.offset ?? it.end;
        frontMatter = { format, data: decoded.data, raw: it.val, start: wrapperStart ?? it.blockStart ?? it.offset, end: bodyOffset };
        continue;
      }
      switch (it.type) {
        case 'TypeIgnore':
          // The BOM, or (v0.111.3 comment-wrapped front matter) the `<!--` and `-->` around it.
          bodyOffset = it.end;
          if (frontMatter.format !== null) frontMatter.end = it.end;
          break;
        case 'TypeLeadSummaryDivider':
          summaryDivider ??= it.offset;
          break;
        case 'tText':
          if ((it.val === '{{<' || it.val === '{{%') && source.startsWith('/*', it.end)) {
            const close = `*/${it.val === '{{<' ? '>}}' : '%}}'}`;
            const end = source.indexOf(close, it.end) + close.length;
            escapes.push({ offset: it.offset, end, ...this.lines.at(it.offset) });
          }
          break;
        case 'tLeftDelimScNoMarkup':
        case 'tLeftDelimScWithMarkup': {
          lastLeftDelim = it.offset;
          const { tag, next } = this.readTag(items, k);
          if (tag) tags.push(tag);
          k = next - 1;
          break;
        }
        case 'tError':
          this.reportLexError(it, lastLeftDelim);
          break;
        default:
          break;
      }
    }

    const page: ParsedPage = {
      frontMatter,
      shortcodes: this.buildTree(tags),
      diagnostics: this.diagnostics,
      bodyOffset,
      escapes,
    };
    if (summaryDivider !== undefined) page.summaryDivider = summaryDivider;
    return page;
  }

  /**
   * A file starting with `<`: see what Hugo v0.111.3 makes of it. Returns the items to use when it
   * finds front matter wrapped in an HTML comment.
   */
  private checkLegacyHtmlStart(at: number): Item[] | undefined {
    const legacy = lex(this.source, { compat: 'v0.111.3' });
    const error = legacy.find((i) => i.type === 'tError');
    const fmIndex = legacy.findIndex((i) => FRONT_MATTER_FORMATS[i.type] !== undefined);
    const closing = fmIndex >= 0 ? legacy.findIndex((i, n) => n > fmIndex && i.type === 'TypeIgnore') : -1;
    if (closing >= 0) {
      this.report(
        'warning',
        at,
        'front matter inside an HTML comment is read only by Hugo before v0.123.0 (such as 0.111.3); newer Hugo ignores it and the page loses its title, date and params. Remove the <!-- and --> around the front matter',
        'hugo-compat',
      );
      const wrapperEnd = legacy[closing]!.end;
      return [...legacy.slice(0, closing + 1), ...lex(this.source, { start: 'lexMainSection', from: wrapperEnd })];
    }
    if (error) {
      const why =
        error.val === 'plain HTML documents not supported'
          ? 'because its first character is "<"'
          : 'because it starts with "<!--", which that version reads as the start of front matter wrapped in an HTML comment';
      this.report(
        'warning',
        at,
        `Hugo before v0.123.0 (such as 0.111.3) fails on this file with "${error.val}" ${why}. Start the file with front matter (an empty ---/--- pair is enough)`,
        'hugo-compat',
      );
    }
    return undefined;
  }

  private reportLexError(it: Item, lastLeftDelim: number): void {
    const message = it.val;
    let offset = it.offset;
    if (it.blockStart !== undefined) offset = it.blockStart;
    else if (message === 'unclosed shortcode action') offset = lastLeftDelim;
    this.report('error', offset, `${message}: ${lexErrorHint(message)}`, 'shortcode-syntax');
  }

  /** Reads the items of one tag starting at the left delimiter `items[k]`. */
  private readTag(items: Item[], k: number): { tag?: Tag; next: number } {
    const left = items[k]!;
    const markup = left.type === 'tLeftDelimScWithMarkup' ? '%' : '<';
    let j = k + 1;
    let closing = false;
    if (items[j]?.type === 'tScClose') {
      closing = true;
      j++;
    }
    let name = '';
    if (items[j]?.type === 'tScName' || items[j]?.type === 'tScNameInline') {
      name = items[j]!.val;
      j++;
    }
    const positional: ParamValue[] = [];
    const named = new Map<string, ParamValue>();
    const positions = new Map<string, { line: number; column: number; offset: number }>();
    const values = new Map<string, { start: number; end: number }>();
    let selfClosed = false;
    for (;;) {
      const it = items[j];
      if (!it) return { next: j };
      if (it.type === 'tScParam') {
        const val = items[j + 1];
        if (val?.type === 'tScParamVal') {
          if (named.has(it.val)) {
            this.report('warning', it.offset, `parameter '${it.val}' is given twice in shortcode '${name}': Hugo uses the last value; remove one`, 'shortcode-param');
          }
          named.set(it.val, typedValue(val));
          positions.set(it.val, { ...this.lines.at(it.offset), offset: it.offset });
          // Where the value is in the source as written (not for one Hugo took escape backslashes out of).
          if (val.end - val.offset === val.val.length) values.set(it.val, { start: val.offset, end: val.end });
          else values.delete(it.val);
          j += 2;
        } else {
          positional.push(typedValue(it));
          j++;
        }
      } else if (it.type === 'tScParamVal') {
        j++; // a value with no name (`{{< x =y >}}`): Hugo ignores it
      } else if (it.type === 'tScClose') {
        selfClosed = true;
        j++;
      } else {
        break;
      }
    }
    const right = items[j]!;
    if (right.type !== 'tRightDelimScNoMarkup' && right.type !== 'tRightDelimScWithMarkup') {
      // A lexer error inside the tag: the caller reports it.
      return { next: j };
    }
    if (name === '' && !closing) {
      this.report('error', left.offset, 'shortcode has no name: write the name of the shortcode after the opening delimiter, e.g. {{< figure … >}}', 'shortcode-syntax');
      return { next: j + 1 };
    }
    const tag: Tag = {
      kind: closing ? 'close' : selfClosed ? 'self' : 'open',
      markup,
      name,
      params: named.size > 0 ? Object.fromEntries(named) : positional,
      paramPositions: Object.fromEntries(positions),
      paramValues: Object.fromEntries(values),
      offset: left.offset,
      tagEnd: right.end,
    };
    const before = items[k - 1];
    if (before?.type === 'tIndentation' && before.end === left.offset) tag.indentation = before.val;
    return { tag, next: j + 1 };
  }

  /**
   * Pairs opening and closing tags (innermost first, like well-formed markup), then builds the tree.
   * An opening tag left unpaired is a standalone shortcode.
   */
  private buildTree(tags: Tag[]): Shortcode[] {
    const pairOf = new Map<number, number>();
    const open: number[] = [];
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i]!;
      if (t.kind === 'open') {
        open.push(i);
      } else if (t.kind === 'close') {
        let s = open.length - 1;
        while (s >= 0 && tags[open[s]!]!.name !== t.name) s--;
        if (s < 0) {
          this.reportUnmatchedClose(t, open.map((o) => tags[o]!.name));
          continue;
        }
        pairOf.set(open[s]!, i);
        pairOf.set(i, open[s]!);
        open.length = s; // the tags above it were standalone
      }
    }

    const root: Shortcode[] = [];
    const containers: Shortcode[] = [];
    const definedInline = new Set<string>();
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i]!;
      if (t.kind === 'close') {
        if (!pairOf.has(i)) continue;
        const node = containers.pop()!;
        node.innerEnd = t.offset;
        node.inner = this.source.slice(node.innerStart, t.offset);
        node.end = t.tagEnd;
        if (node.name.endsWith('.inline')) definedInline.add(node.name);
        continue;
      }
      const siblings = containers.length > 0 ? containers[containers.length - 1]!.children : root;
      const node: Shortcode = {
        name: t.name,
        markup: t.markup,
        params: t.params,
        selfClosed: t.kind === 'self',
        children: [],
        ordinal: siblings.length,
        ...this.lines.at(t.offset),
        offset: t.offset,
        tagEnd: t.tagEnd,
        end: t.tagEnd,
      };
      if (Object.keys(t.paramPositions).length > 0) node.paramPositions = t.paramPositions;
      if (Object.keys(t.paramValues).length > 0) node.paramValues = t.paramValues;
      if (t.indentation !== undefined) node.indentation = t.indentation;
      siblings.push(node);
      if (pairOf.has(i)) {
        node.innerStart = t.tagEnd;
        containers.push(node);
      } else if (t.name.endsWith('.inline')) {
        this.checkInline(t, definedInline);
      }
    }
    return root;
  }

  private reportUnmatchedClose(t: Tag, openNames: string[]): void {
    const tag = `{{${t.markup} /${t.name} ${t.markup === '<' ? '>' : '%'}}}`;
    if (t.name === '') {
      this.report('error', t.offset, `closing tag without a name: write the name of the shortcode it closes, e.g. {{< /${openNames.at(-1) ?? 'name'} >}}`, 'shortcode-syntax');
      return;
    }
    const open = openNames.length > 0 ? `the open shortcodes here are ${openNames.map((n) => `'${n}'`).join(', ')}` : 'no shortcode is open here';
    this.report(
      'error',
      t.offset,
      `closing tag for shortcode '${t.name}' does not match start tag: ${tag} closes nothing (${open}); remove it, fix the name, or close the inner shortcodes first`,
      'shortcode-syntax',
    );
  }

  private checkInline(t: Tag, definedInline: Set<string>): void {
    if (t.kind === 'self') {
      if (!definedInline.has(t.name)) {
        this.report(
          'warning',
          t.offset,
          `no earlier definition of shortcode "${t.name}" found (a build error when security.enableInlineShortcodes is on): define it first with {{< ${t.name} >}}…{{< /${t.name} >}}`,
          'shortcode-syntax',
        );
      }
    } else {
      this.report(
        'warning',
        t.offset,
        `inline shortcode "${t.name}" is never closed, so Hugo takes the rest of the page as its template: close it with {{< /${t.name} >}}, or self-close it ({{< ${t.name} />}}) to reuse an earlier definition`,
        'shortcode-syntax',
      );
    }
  }
}

/** Where the lexer decides about front matter: after a BOM and ASCII whitespace. */
function firstSignificantOffset(source: string): number {
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0xfeff || c === 0x20 || (c >= 0x09 && c <= 0x0d)) i++;
    else break;
  }
  return i;
}

/** What to do about each lexer error (Hugo's message stays first, unchanged). */
function lexErrorHint(message: string): string {
  if (message.startsWith('unrecognized character in shortcode action')) {
    return 'quote parameter values that contain other characters than letters, digits, "-", "_" and "." (e.g. src="/a.png"), and close the tag with the delimiter it was opened with ({{< … >}} or {{% … %}})';
  }
  if (message === 'got closing shortcode, but none is open') {
    return 'remove the stray closing tag; to show a shortcode literally, write it as {{</* name */>}}';
  }
  if (message.startsWith('closing tag for shortcode')) {
    return 'check the name, and close nested shortcodes before the shortcode that contains them; nothing but the name may follow a "/"';
  }
  if (message === 'unclosed shortcode') return 'a closing tag takes no parameters: write {{< /name >}}';
  if (message === 'unclosed shortcode action') {
    return 'this tag is never closed with >}} (or %}}); if an unquoted value touches the delimiter, as in src=/a.png>}}, add a space before >}} or quote the value';
  }
  if (message.startsWith('unterminated quoted string')) {
    return 'close the quote on the same line; for a value with newlines use a `raw string` in backticks';
  }
  if (message.startsWith('unterminated raw string')) return 'add the closing backtick';
  if (message === 'unrecognized escape character') {
    return 'inside a shortcode tag only \\" is an escape, and a backtick cannot be escaped; use "…" around a value that contains a backtick';
  }
  if (message === 'comment must be closed') {
    return 'an escaped shortcode must end with */>}} (or */%}}), with nothing between */ and the delimiter';
  }
  if (message === 'period in shortcode name only allowed for inline identifiers') {
    return 'rename the shortcode without the period; only NAME.inline (lower case, followed by a space) is allowed';
  }
  if (message === 'inline shortcodes do not support nesting') {
    return 'close the inline shortcode (with a space before >}}: {{< /name.inline >}}) before using another shortcode';
  }
  if (message.includes('Cannot mix named and positional parameters')) {
    return 'give either only named parameters (key="value") or only positional ones';
  }
  if (message === 'invalid TOML delimiter' || message === 'invalid YAML delimiter') {
    const d = message.includes('TOML') ? '+++' : '---';
    const c = message.includes('TOML') ? '+' : '-';
    return `Hugo reads a file whose first character is "${c}" as front matter opened by a ${d} line; start the file with real front matter (an empty ---/--- pair is enough) if this is content`;
  }
  if (message.startsWith('EOF looking for end')) {
    const d = message.includes('TOML') ? '+++' : '---';
    return `add a line starting with ${d} after the front matter`;
  }
  if (message === 'unexpected EOF parsing JSON front matter') {
    return 'Hugo reads a file whose first character is "{" as JSON front matter; balance its braces, or start the file with front matter (an empty ---/--- pair is enough) if this is content';
  }
  return 'fix the syntax at this position';
}
