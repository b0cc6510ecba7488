/**
 * YAML keys Hugo refuses: a key that is a list or a map (`[a, b]: 1`, `{a: b}: 2`, `? - k`). Both Hugo
 * versions fail on one (0.111.3: "cannot unmarshal !!seq into string"; 0.169: "found an invalid key for
 * this map"), in front matter and in a site config; the `yaml` package would turn it into a string and
 * print a process warning that names no file.
 */
import { isCollection, isSeq, visit, type Document } from 'yaml';

/** The first such key of `doc` (parsed from `src`): its offset, its text as written, and what it is. */
export function collectionKey(doc: Document, src: string): { offset: number; text: string; kind: 'list' | 'map' } | undefined {
  let found: { offset: number; text: string; kind: 'list' | 'map' } | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (!isCollection(pair.key)) return undefined;
      const [start, end] = pair.key.range ?? [0, 0];
      found = { offset: start, text: src.slice(start, end).trim(), kind: isSeq(pair.key) ? 'list' : 'map' };
      return visit.BREAK;
    },
  });
  return found;
}

/** What is wrong with such a key, for a message: "the key '[a]' is a list". */
export function collectionKeyText(key: { text: string; kind: 'list' | 'map' }): string {
  return `the key ${key.text ? `'${key.text}' ` : ''}is a ${key.kind}`;
}
