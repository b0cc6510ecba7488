/**
 * The site's `ignoreFiles`, matched as Hugo matches them (read in its source: source/sourceSpec.go and
 * hugolib/pages_capture.go of 0.111.3; config/allconfig/allconfig.go, source/sourceSpec.go and
 * hugofs/walk.go of 0.165): each pattern is a Go regular expression (RE2), unanchored (MatchString),
 * tried against the ABSOLUTE file name of every file and folder Hugo walks in the content tree (the
 * real path below the mount's source, `/abs/site/content/drafts/x.md`); one that matches leaves the file
 * out, and a folder left out is not entered. Hugo also leaves out every name that starts with `.` or `#`
 * or ends with `~` (IgnoreFile).
 *
 * Hugo matches the name of the file it reads: for a prerendered page that is its shadow
 * (`/abs/site/.prerender/content/drafts/x.md`), so a pattern anchored to the original
 * (`^/abs/site/content/drafts/`) did not leave the page out (found by an audit: it was published), and
 * one that matches the shadow but not the original (`content/notes/` for a page of `notes/` mounted at
 * content/notes) left the shadow out, and Hugo published the original, or (0.169) nothing. So an
 * original a pattern matches is never read, shadowed or published (as a mount's excludeFiles), and one
 * whose shadow a pattern would match gets no shadow: Hugo publishes it as written, as without
 * hugo-prerender, and build says so at the pattern.
 */
import path from 'node:path';
import type { Diagnostic } from '../content/types.js';
import { getIn, isRecord, PRERENDER_DIR, type ConfigLocator } from './config.js';

export interface IgnorePattern {
  /** As written in the config. */
  source: string;
  /** Its place in the ignoreFiles list (the order of the diagnostics). */
  index: number;
  /** Where it is in the config, for a diagnostic at the pattern (`['ignoreFiles', '2']`; a lone string: `['ignoreFiles']`). */
  keyPath: readonly string[];
  re: RegExp;
}

/** The patterns hugo-prerender can apply; empty when the site has none. */
export type IgnoreFiles = readonly IgnorePattern[];

/** ignoreFiles as Hugo reads it (cast.ToStringSlice): a string, or a list of them; each with where it is written. */
function rawPatterns(data: Record<string, unknown>): { source: string; keyPath: string[] }[] {
  const v = getIn(data, 'ignoreFiles');
  if (typeof v === 'string') return [{ source: v, keyPath: ['ignoreFiles'] }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, k) => (x !== null && x !== undefined && !isRecord(x) && !Array.isArray(x) ? [{ source: String(x), keyPath: ['ignoreFiles', String(k)] }] : []));
}

/**
 * The site's ignoreFiles as JavaScript regular expressions; a pattern that cannot be read as Hugo reads it
 * is left out, with a warning at the setting (when `locate` is given).
 */
export function ignoreFiles(data: Record<string, unknown>, locate?: ConfigLocator): { patterns: IgnoreFiles; diagnostics: Diagnostic[] } {
  const patterns: IgnorePattern[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [index, { source, keyPath }] of rawPatterns(data).entries()) {
    try {
      patterns.push({ source, index, keyPath, re: goRegExp(source) });
    } catch (e) {
      const at = locate ? locate(keyPath) : { line: 1, column: 1 };
      diagnostics.push({
        severity: 'warning',
        code: 'config',
        ...at,
        message: `ignoreFiles: ${JSON.stringify(source)}: ${(e as Error).message}; hugo-prerender does not apply it, so the pages it leaves out may be prerendered and published`,
      });
    }
  }
  return { patterns, diagnostics };
}

/** Whether Hugo leaves out a file or folder by its name alone (IgnoreFile: `.x`, `#x`, `x~`). */
export function ignoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~');
}

/** The first pattern that matches `abs` (an absolute path, as Hugo passes it), or undefined. */
export function ignoredBy(patterns: IgnoreFiles, abs: string): IgnorePattern | undefined {
  for (const p of patterns) if (p.re.test(abs)) return p;
  return undefined;
}

/**
 * The first pattern that matches the shadow of a page as Hugo sees it: its file (`<site>/.prerender/<tree>/<rel>`)
 * or a folder on the way to it below the shadow tree (Hugo walks those; the tree itself is a mount's source).
 */
export function shadowIgnoredBy(patterns: IgnoreFiles, siteDir: string, tree: string, relToContent: string): IgnorePattern | undefined {
  if (patterns.length === 0) return undefined;
  const root = path.join(siteDir, PRERENDER_DIR, tree);
  const parts = relToContent.split('/');
  for (let k = 1; k <= parts.length; k++) {
    const hit = ignoredBy(patterns, path.join(root, ...parts.slice(0, k)));
    if (hit) return hit;
  }
  return undefined;
}

/** The warning for the pages whose shadows a pattern matches (see above), at the pattern. */
export function shadowIgnoredDiagnostic(pattern: IgnorePattern, pages: readonly { page: string; shadow: string }[], locate: ConfigLocator): Diagnostic {
  const first = pages[0]!;
  const others = pages.length > 1 ? ` (and of ${pages.length - 1} other page${pages.length === 2 ? '' : 's'})` : '';
  return {
    severity: 'warning',
    code: 'ignore-files',
    ...locate(pattern.keyPath),
    message:
      `ignoreFiles: ${JSON.stringify(pattern.source)} matches ${first.shadow}, the prerendered copy of ${first.page}${others}, but not the page itself: ` +
      `Hugo would leave the copy out, so such pages are not prerendered, and Hugo publishes them as written (math as TeX); ` +
      `anchor the pattern to your own folders (Hugo matches it against absolute file names) so that it matches nothing under ${PRERENDER_DIR}/`,
  };
}

// --- Go (RE2) regular expressions as JavaScript ones ------------------------------------------------

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** RE2's Perl classes, ASCII as in RE2 (JavaScript's \s is wider). */
const PERL: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: '\\t\\n\\f\\r ' };

class Unsupported extends Error {}

/**
 * A JavaScript RegExp that matches what the Go (RE2) regular expression `pattern` matches: leading flags
 * `(?i)`, `(?s)`, `(?m)`, `(?P<name>…)`, `\A`, `\z`, `\Q…\E`, POSIX classes in brackets, RE2's ASCII `\s`,
 * `.` that stops at a newline only, `]` first in a class. Throws, saying why, for what it cannot say so
 * (flags in the middle, `\C`, a negated POSIX class) and for what RE2 refuses (backreferences, look-around).
 */
export function goRegExp(pattern: string): RegExp {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]*)\)/.exec(src);
  if (lead) {
    if (lead[1]!.includes('U')) throw new Unsupported('the flag U (ungreedy) has no JavaScript equivalent');
    flags = [...new Set(lead[1]!)].join('');
    src = src.slice(lead[0].length);
  }
  const dotAll = flags.includes('s');
  const multi = flags.includes('m');
  let out = '';
  let unicode = false;
  let i = 0;
  /** A character as itself: escaped where it would mean something (only there: with the u flag an escaped `#` is an error). */
  const literal = (ch: string, inClass: boolean) => ((inClass ? /[\\\]\[^-]/ : /[\\^$.*+?()[\]{}|/]/).test(ch) ? `\\${ch}` : ch);
  /** An escape outside or inside a class: its JavaScript text, and how many characters it took. */
  const escape = (at: number, inClass: boolean): [string, number] => {
    const c = src[at + 1];
    if (c === undefined) throw new Unsupported('it ends with a lone backslash (RE2 refuses it)');
    if (/[dws]/.test(c)) return [inClass ? PERL[c]! : `[${PERL[c]}]`, 2];
    if (/[DWS]/.test(c)) {
      if (inClass) throw new Unsupported(`\\${c} inside brackets is not supported`);
      return [`[^${PERL[c.toLowerCase()]}]`, 2];
    }
    if (c === 'b' || c === 'B') {
      if (inClass) throw new Unsupported(`\\${c} inside brackets (RE2 refuses it)`);
      return [`\\${c}`, 2];
    }
    if (c === 'A' && !inClass) return [multi ? '(?<![^])' : '^', 2];
    if (c === 'z' && !inClass) return ['(?![^])', 2];
    if (c === 'a') return ['\\x07', 2];
    if (/[fntrv]/.test(c)) return [`\\${c}`, 2];
    if (c === 'x') {
      const braced = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(src.slice(at));
      if (braced) {
        unicode = true;
        return [`\\u{${braced[1]}}`, braced[0].length];
      }
      const two = /^\\x([0-9A-Fa-f]{2})/.exec(src.slice(at));
      if (two) return [`\\x${two[1]}`, 4];
      throw new Unsupported('a \\x escape without two hex digits (RE2 refuses it)');
    }
    if (c === 'p' || c === 'P') {
      const m = /^\\[pP](\{\^?[A-Za-z_]+\}|[A-Za-z])/.exec(src.slice(at));
      if (!m) throw new Unsupported(`a \\${c} without a class name`);
      unicode = true;
      let name = m[1]!.replace(/[{}]/g, '');
      let neg = c === 'P';
      if (name.startsWith('^')) {
        neg = !neg;
        name = name.slice(1);
      }
      const property = name.length <= 2 ? name : `Script=${name}`;
      return [`\\${neg ? 'P' : 'p'}{${property}}`, m[0].length];
    }
    if (/[0-9]/.test(c)) {
      if (c === '0' || /^\\[0-7]{2,3}/.test(src.slice(at))) {
        const m = /^\\([0-7]{1,3})/.exec(src.slice(at))!;
        return [`\\x${parseInt(m[1]!, 8).toString(16).padStart(2, '0').slice(-2)}`, m[0].length];
      }
      throw new Unsupported('a backreference (RE2 refuses it)');
    }
    if (c === 'C') throw new Unsupported('\\C (any byte) has no JavaScript equivalent');
    if (c === 'Q' && !inClass) {
      const end = src.indexOf('\\E', at + 2);
      const lit = end < 0 ? src.slice(at + 2) : src.slice(at + 2, end);
      return [[...lit].map((ch) => literal(ch, false)).join(''), end < 0 ? src.length - at : end + 2 - at];
    }
    // Punctuation escaped is itself (RE2 refuses a letter or digit it does not know).
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`the escape \\${c} (RE2 refuses it)`);
    return [literal(c, inClass), 2];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const [text, n] = escape(i, false);
      out += text;
      i += n;
    } else if (c === '.') {
      out += dotAll ? '[^]' : '[^\\n]';
      i++;
    } else if (c === '(') {
      if (src[i + 1] === '?') {
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(src.slice(i));
        if (named) {
          out += `(?<${named[1]}>`;
          i += named[0].length;
        } else if (src.startsWith('(?:', i)) {
          out += '(?:';
          i += 3;
        } else throw new Unsupported('a flag group or look-around that is not at the start (hugo-prerender reads flags only as a leading (?i), (?s), (?m))');
      } else {
        out += '(';
        i++;
      }
    } else if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (src[j] === '^') {
        cls += '^';
        j++;
      }
      let first = true;
      for (;;) {
        const d = src[j];
        if (d === undefined) throw new Unsupported('a "[" never closed (RE2 refuses it)');
        if (d === ']' && !first) break;
        first = false;
        if (d === '[' && src[j + 1] === ':') {
          const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(j));
          if (!m || POSIX[m[2]!] === undefined) throw new Unsupported('an unknown POSIX class');
          if (m[1]) throw new Unsupported('a negated POSIX class ([:^…:]) inside brackets');
          cls += POSIX[m[2]!];
          j += m[0].length;
        } else if (d === '\\') {
          const [text, n] = escape(j, true);
          cls += text;
          j += n;
        } else {
          cls += d === ']' || d === '[' || d === '^' ? `\\${d}` : d;
          j++;
        }
      }
      out += `${cls}]`;
      i = j + 1;
    } else {
      out += c === '/' ? '\\/' : c;
      i++;
    }
  }
  const jsFlags = (flags.includes('i') ? 'i' : '') + (multi ? 'm' : '') + (unicode ? 'u' : '');
  try {
    return new RegExp(out, jsFlags);
  } catch (e) {
    throw new Unsupported(`not a regular expression hugo-prerender can read (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`);
  }
}
