/**
 * A Hugo-compatible page lexer: the same state machine as Hugo's `parser/pageparser` (a state
 * function returns the next state function), producing the same items, so that what we call a
 * shortcode, front matter or summary divider is exactly what Hugo calls one. Hugo's own test tables
 * run against it (tests/unit/lexer.test.ts).
 *
 * Differences from Hugo that are deliberate:
 * - Hugo works on UTF-8 bytes; this works on JavaScript strings, so offsets are UTF-16 indices into
 *   the original source (a BOM counts as one). Values are identical.
 * - Hugo may go on emitting text and EOF after an error item, but every consumer stops at the first
 *   error; this lexer stops there too, so the item list ends with `tError` or `tEOF`.
 * - The emoji handler of old Hugo (only with `enableEmoji`, which changes no shortcode) is not here.
 *
 * Two dialects (`compat`): `latest` (Hugo HEAD, the default) and `v0.111.3` (the Debian/Ubuntu build
 * many sites run). They differ in: whitespace inside tags (v0.111.3: only space, tab, CR, LF; `\v` and
 * `\f` are errors; after a closing name only space and tab), Unicode spaces ending bare values,
 * parameters after a self-closing `/` (v0.111.3 accepts `{{< x / y >}}`), files starting with `<`
 * (v0.111.3: "plain HTML documents not supported", or front matter read from inside `<!-- … -->`),
 * and Org files (v0.111.3 switches the summary divider to `# more` on any leading `#`).
 * `parsePage` lexes with `latest` and uses the v0.111.3 dialect only to warn about (and read
 * comment-wrapped) front matter; see page.ts.
 */
/** Item types, with exactly Hugo's names (`ItemType` in parser/pageparser/item.go). */
export declare const ITEM_TYPES: readonly ["tError", "tEOF", "TypeLeadSummaryDivider", "TypeFrontMatterYAML", "TypeFrontMatterTOML", "TypeFrontMatterJSON", "TypeFrontMatterORG", "TypeIgnore", "tLeftDelimScNoMarkup", "tRightDelimScNoMarkup", "tLeftDelimScWithMarkup", "tRightDelimScWithMarkup", "tScClose", "tScName", "tScNameInline", "tScParam", "tScParamVal", "tIndentation", "tText"];
export type ItemType = (typeof ITEM_TYPES)[number];
export type FrontMatterItemType = 'TypeFrontMatterYAML' | 'TypeFrontMatterTOML' | 'TypeFrontMatterJSON' | 'TypeFrontMatterORG';
export interface Item {
    type: ItemType;
    /** The value as Hugo's `Item.ValStr` gives it (quotes and escape backslashes removed); the message for `tError`. */
    val: string;
    /** Hugo's `Item.Pos()`: where the value starts in the source (for `tError`: where the failing token started). */
    offset: number;
    /**
     * Where the raw text of the value ends. `source.slice(offset, end) === val` except for quoted values
     * from which `\` escapes were removed, and for `tError` (whose `end` is where lexing stopped).
     */
    end: number;
    /** For `tScParam` / `tScParamVal`: the value was quoted (`"…"` or `` `…` ``), so it stays a string. */
    quoted?: boolean;
    /** For front matter items (and their errors): offset of the first delimiter character. */
    blockStart?: number;
}
export type LexStart = 'lexIntroSection' | 'lexMainSection';
export type HugoCompat = 'latest' | 'v0.111.3';
export interface LexOptions {
    /** `lexIntroSection` (a whole file: BOM, front matter, body; the default) or `lexMainSection` (a body only). */
    start?: LexStart;
    compat?: HugoCompat;
    /** Start lexing at this offset (Hugo allows this too); offsets stay relative to the whole source. */
    from?: number;
}
/** Go's `unicode.IsSpace` (used by v0.111.3 for bare values and the summary divider, and by `bytes.TrimSpace`). */
export declare function isUnicodeSpace(r: number): boolean;
/** Go's `fmt.Sprintf("%#U", r)`: `U+0025 '%'`, or just `U+0000` for a non-printable rune. */
export declare function formatRune(r: number): string;
/**
 * Lexes a content file (or, with `start: 'lexMainSection'`, a body) into Hugo's items. Never throws
 * for any input except on an internal bug; the last item is `tEOF` or `tError`.
 */
export declare function lex(source: string, options?: LexOptions): Item[];
/**
 * Hugo's `Item.ValTyped`: an unquoted `true`/`false` is a boolean, an integer or decimal number is a
 * number, anything else (and anything quoted) a string. Integers outside Go's int64 stay strings, as
 * in Hugo (where `strconv.Atoi` fails); integers beyond 2^53 lose precision in JavaScript.
 */
export declare function typedValue(item: Pick<Item, 'val' | 'quoted'>): string | number | boolean;
