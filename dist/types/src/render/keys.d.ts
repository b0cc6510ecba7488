/** A stable content key: same parts, same key. Lower-case hex, so Hugo 0.111.3's case-sensitive lookup works. */
export declare function contentKey(...parts: unknown[]): string;
/** JSON with object keys sorted, so equal values give equal strings. */
export declare function stableStringify(v: unknown): string;
export declare function md5Hex(data: string | Buffer): string;
