/**
 * Finding mojibake: UTF-8 text that was once decoded as Windows-1252 and saved again, so that "—"
 * became "â€”" and "é" became "Ã©". The table is derived, not hand-written: each candidate character
 * is encoded to UTF-8 and the bytes decoded as Windows-1252 (and, for text mangled twice, once more).
 * Only these exact sequences are reported, so legitimate text ("SÃO PAULO", "Ærø", "Ça va") does not
 * fire: every sequence needs a lead character followed by what can only be a UTF-8 continuation
 * byte shown as Windows-1252 (€, ‚, ƒ, …, ™, ©, ±, ¼ and the like).
 */
export interface MojibakeFinding {
    /** Offset of the sequence (baseOffset + index in the text). */
    offset: number;
    length: number;
    /** The mangled text as it appears. */
    found: string;
    /** What it most likely was. */
    likely: string;
}
/** Decodes bytes as Windows-1252 (0x00–0x7F and 0xA0–0xFF are the same code points as Latin-1). */
export declare function decodeCp1252(bytes: Uint8Array): string;
/** What `s` becomes when its UTF-8 bytes are read as Windows-1252. */
export declare function mangle(s: string): string;
/**
 * Finds UTF-8-read-as-Windows-1252 sequences in `text`, longest first (so a twice-mangled "’" is one
 * finding). Offsets are `baseOffset` plus the index in `text`.
 */
export declare function findMojibake(text: string, baseOffset: number): MojibakeFinding[];
