/**
 * Shadow paths that cannot collide. Each content file gets one shadow at the same path in its shadow
 * tree; two sources must never map to one shadow (the second would silently replace the first page's
 * prerendered copy), and no name may turn into a different path on the way. Refused, each with one
 * error at that file (the build goes on with the other pages):
 *
 * - a backslash in a name: a folder separator on Windows, and our writer's (`posts/victim\index.md`
 *   would become `posts/victim/index.md`, another page's shadow; `0\..\..\x.md` a path outside the tree);
 * - a backtick or a control character: the staleness check carries the path in a Go raw string, one line;
 * - two names that differ only in case or Unicode normalisation (`Case.md` and `case.md`, `café` in NFC
 *   and NFD): Hugo treats them as one page (measured: 0.111.3 and 0.169 each publish one of two
 *   case-twins, not the same one), and a case-insensitive disk holds one file for both. The first in
 *   sorted order is prerendered, the other is the error.
 */
export declare class ShadowNames {
    /** Folded shadow path → the source that claimed it. */
    private readonly claimed;
    /**
     * Claims the shadow `tree/rel` for `source` (site-relative). Returns undefined when it is this file's,
     * or the message of the error that keeps this file from being prerendered.
     */
    claim(tree: string, rel: string, source: string): string | undefined;
}
