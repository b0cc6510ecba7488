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

/**
 * Windows-1252 bytes 0x80–0x9F. The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) decode to the C1 control with the same number, as browsers (WHATWG) and Windows do.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes bytes as Windows-1252 (0x00–0x7F and 0xA0–0xFF are the same code points as Latin-1). */
export function decodeCp1252(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : b);
  return s;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Characters that appear in blog text and are mangled recognisably: Latin-1 symbols and letters,
 * Latin Extended-A letters (Polish, Czech, …, Œ, Š), Greek letters, general punctuation (dashes,
 * quotes, ellipsis, daggers, primes), the euro and trade mark signs, arrows and common math symbols.
 */
const CANDIDATES: number[] = [
  ...range(0xa0, 0xff),
  ...range(0x100, 0x17f),
  0x192,
  0x2c6,
  0x2dc,
  ...range(0x391, 0x3a9),
  ...range(0x3b1, 0x3c9),
  ...range(0x2010, 0x2027),
  0x2030,
  0x2032,
  0x2033,
  0x2039,
  0x203a,
  0x20ac,
  0x2122,
  ...range(0x2190, 0x2195),
  0x21d2,
  0x21d4,
  0x2202,
  0x2207,
  0x2208,
  0x2211,
  0x2212,
  0x221a,
  0x221e,
  0x2248,
  0x2260,
  0x2261,
  0x2264,
  0x2265,
];

const encoder = new TextEncoder();

/** What `s` becomes when its UTF-8 bytes are read as Windows-1252. */
export function mangle(s: string): string {
  return decodeCp1252(encoder.encode(s));
}

interface Table {
  byText: Map<string, string>;
  /** Every character a finding starts with (all outside ASCII), as one character class. */
  leads: RegExp;
  maxLength: number;
}

let table: Table | undefined;

function buildTable(): Table {
  const byText = new Map<string, string>();
  for (const cp of CANDIDATES) {
    const c = String.fromCodePoint(cp);
    const once = mangle(c);
    const twice = mangle(once);
    if (!byText.has(once)) byText.set(once, c);
    if (!byText.has(twice)) byText.set(twice, c);
  }
  const leads = new Set<string>();
  let maxLength = 0;
  for (const k of byText.keys()) {
    leads.add(k[0]!);
    maxLength = Math.max(maxLength, k.length);
  }
  // UTF-16 code units, as the text is indexed (each is a whole character: Windows-1252 has none outside the BMP).
  const escaped = [...leads].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return { byText, leads: new RegExp(`[${escaped}]`, 'g'), maxLength };
}

/**
 * Finds UTF-8-read-as-Windows-1252 sequences in `text`, longest first (so a twice-mangled "’" is one
 * finding). Offsets are `baseOffset` plus the index in `text`.
 */
export function findMojibake(text: string, baseOffset: number): MojibakeFinding[] {
  table ??= buildTable();
  const { byText, leads, maxLength } = table;
  const out: MojibakeFinding[] = [];
  // From one possible start to the next (most pages have none: one scan of the text).
  leads.lastIndex = 0;
  for (let m = leads.exec(text); m; m = leads.exec(text)) {
    const i = m.index;
    for (let len = Math.min(maxLength, text.length - i); len >= 2; len--) {
      const found = text.slice(i, i + len);
      const likely = byText.get(found);
      if (likely !== undefined) {
        out.push({ offset: baseOffset + i, length: len, found, likely });
        leads.lastIndex = i + len;
        break;
      }
    }
  }
  return out;
}
