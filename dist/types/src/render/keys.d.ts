/**
 * A stable content key: same parts, same key. Lower-case hex, so Hugo 0.111.3's case-sensitive lookup works.
 * The sha256 of the parts, each followed by a NUL; hashed in one call (a hash object and an update per part
 * cost three times as much, and a cold build makes one key per formula and per shortcode).
 */
export declare function contentKey(...parts: unknown[]): string;
/** JSON with object keys sorted, so equal values give equal strings. */
export declare function stableStringify(v: unknown): string;
export declare function md5Hex(data: string | Buffer): string;
