/**
 * The data model of a parsed content file. Offsets are UTF-16 code-unit indices into the original
 * source string (as JavaScript strings index them); lines and columns are 1-based, columns counted in
 * code points like Hugo's (a tab is one column).
 */

/** A problem found in a page, always pointing into the original file. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** Path of the original file, as the user would type it (relative to the site when known). */
  file?: string;
  line: number;
  column: number;
  /** Offset into the original source, when known. */
  offset?: number;
  /** A short stable identifier for the kind of problem (e.g. `katex`, `shortcode-param`, `mojibake`). */
  code?: string;
}

export type FrontMatterFormat = 'toml' | 'yaml' | 'json' | 'org';

export interface FrontMatter {
  format: FrontMatterFormat | null;
  data: Record<string, unknown>;
  /** The raw text between the delimiters (for JSON: the whole object), as Hugo's lexer emits it. */
  raw?: string;
  /** Offset of the first character of the whole front matter block, delimiters included. */
  start?: number;
  /** Offset just after the front matter block (and the one newline Hugo consumes after it). */
  end?: number;
}

/** Hugo-typed shortcode parameter value: bool, int or float (both `number`), or string. */
export type ParamValue = string | number | boolean;

export interface Shortcode {
  name: string;
  /** `<` for `{{< >}}`, `%` for `{{% %}}` (of the opening tag). */
  markup: '<' | '%';
  /** Positional parameters as an array, named ones as an object; values typed as Hugo types them. */
  params: ParamValue[] | Record<string, ParamValue>;
  /** True for `{{< x />}}`. */
  selfClosed: boolean;
  /** Raw text between the opening and closing tags, when the shortcode has a closing tag. */
  inner?: string;
  children: Shortcode[];
  /** Zero-based index among siblings (top level: among all top-level shortcodes of the page). */
  ordinal: number;
  line: number;
  column: number;
  /** Offset of the `{{` of the opening tag in the original source. */
  offset: number;
  /** Offset just after the opening tag's closing delimiter (`>}}` / `%}}`). */
  tagEnd: number;
  /** Offset just after the whole shortcode: after the closing tag if it has one, else `tagEnd`. */
  end: number;
  /** Offsets of the inner content, when there is a closing tag. */
  innerStart?: number;
  innerEnd?: number;
  /** Whether the (named) params were written with their exact spelling, for error positions. */
  paramPositions?: Record<string, { line: number; column: number; offset: number }>;
  /** Where each named parameter's value is in the source (its text, quotes left out), when it is there as Hugo reads it. */
  paramValues?: Record<string, { start: number; end: number }>;
  /**
   * Spaces/tabs between the start of the line and the opening tag, when the tag is the first thing on
   * its line (Hugo's `tIndentation`): Hugo indents every output line after the first of a shortcode
   * without inner content by this, and `.InnerDeindent` strips it.
   */
  indentation?: string;
}

/** An escaped shortcode, written with a slash-star comment inside the delimiters: printed literally by Hugo, never rendered. */
export interface EscapedShortcode {
  offset: number;
  end: number;
  line: number;
  column: number;
}

export interface ParsedPage {
  frontMatter: FrontMatter;
  shortcodes: Shortcode[];
  diagnostics: Diagnostic[];
  /** Offset where the Markdown body starts (after front matter and BOM). */
  bodyOffset: number;
  /** Escaped shortcodes (comments), in document order. */
  escapes: EscapedShortcode[];
  /** Offset of the first `<!--more-->` summary divider in the body, if any. */
  summaryDivider?: number;
}

/** A located math span in the original source. */
export interface MathSpan {
  /** The TeX to typeset (delimiters removed; Markdown escapes removed when that mode is on). */
  tex: string;
  display: boolean;
  /** Offsets of the whole construct including delimiters in the original source. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** The opening delimiter as written (`$`, `$$`, `\\(`, `\\[`, or a configured one). */
  delimiter: string;
  /**
   * The TeX as located, when the page's macros or MathJax's numbering have since rewritten `tex`: an
   * offset into `tex` is mapped back through it (texOffsetToSource).
   */
  located?: string;
}
