import type { Diagnostic } from '../content/types.js';
import { type ConfigLocator } from './config.js';
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
/**
 * The site's ignoreFiles as JavaScript regular expressions; a pattern that cannot be read as Hugo reads it
 * is left out, with a warning at the setting (when `locate` is given).
 */
export declare function ignoreFiles(data: Record<string, unknown>, locate?: ConfigLocator): {
    patterns: IgnoreFiles;
    diagnostics: Diagnostic[];
};
/** Whether Hugo leaves out a file or folder by its name alone (IgnoreFile: `.x`, `#x`, `x~`). */
export declare function ignoredName(name: string): boolean;
/** The first pattern that matches `abs` (an absolute path, as Hugo passes it), or undefined. */
export declare function ignoredBy(patterns: IgnoreFiles, abs: string): IgnorePattern | undefined;
/**
 * The first pattern that matches the shadow of a page as Hugo sees it: its file (`<site>/.prerender/<tree>/<rel>`)
 * or a folder on the way to it below the shadow tree (Hugo walks those; the tree itself is a mount's source).
 */
export declare function shadowIgnoredBy(patterns: IgnoreFiles, siteDir: string, tree: string, relToContent: string): IgnorePattern | undefined;
/** The warning for the pages whose shadows a pattern matches (see above), at the pattern. */
export declare function shadowIgnoredDiagnostic(pattern: IgnorePattern, pages: readonly {
    page: string;
    shadow: string;
}[], locate: ConfigLocator): Diagnostic;
/**
 * A JavaScript RegExp that matches what the Go (RE2) regular expression `pattern` matches: leading flags
 * `(?i)`, `(?s)`, `(?m)`, `(?P<name>…)`, `\A`, `\z`, `\Q…\E`, POSIX classes in brackets, RE2's ASCII `\s`,
 * `.` that stops at a newline only, `]` first in a class. Throws, saying why, for what it cannot say so
 * (flags in the middle, `\C`, a negated POSIX class) and for what RE2 refuses (backreferences, look-around).
 */
export declare function goRegExp(pattern: string): RegExp;
