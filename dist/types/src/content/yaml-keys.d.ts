/**
 * YAML keys Hugo refuses: a key that is a list or a map (`[a, b]: 1`, `{a: b}: 2`, `? - k`). Both Hugo
 * versions fail on one (0.111.3: "cannot unmarshal !!seq into string"; 0.169: "found an invalid key for
 * this map"), in front matter and in a site config; the `yaml` package would turn it into a string and
 * print a process warning that names no file.
 */
import { type Document } from 'yaml';
/** The first such key of `doc` (parsed from `src`): its offset, its text as written, and what it is. */
export declare function collectionKey(doc: Document, src: string): {
    offset: number;
    text: string;
    kind: 'list' | 'map';
} | undefined;
/** What is wrong with such a key, for a message: "the key '[a]' is a list". */
export declare function collectionKeyText(key: {
    text: string;
    kind: 'list' | 'map';
}): string;
