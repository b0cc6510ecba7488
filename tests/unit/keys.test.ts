import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentKey, md5Hex, stableStringify } from '../../src/render/keys.js';

/** The key as it has always been defined: a sha256 over each part and a NUL, fed part by part. */
function reference(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? p : stableStringify(p));
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 20);
}

describe('contentKey', () => {
  // A cache written by an earlier version stays valid only if the keys do not change.
  it.each([
    [['math', '0.16.21', 'settings', true, 'x_t + 7']],
    [['sc', 'figure', 3, { b: 1, a: [null, 'é'] }, null, undefined]],
    [['', '', '']],
    [['∑ résumé 𝔼', '\u0000inside']],
  ])('is the sha256 of the parts, each followed by a NUL: %j', (parts) => {
    expect(contentKey(...parts)).toBe(reference(...parts));
    expect(contentKey(...parts)).toMatch(/^[0-9a-f]{20}$/);
  });

  it('tells parts apart from their concatenation', () => {
    expect(contentKey('ab', 'c')).not.toBe(contentKey('a', 'bc'));
    expect(contentKey({ a: 1, b: 2 })).toBe(contentKey({ b: 2, a: 1 }));
  });
});

describe('md5Hex', () => {
  it('is the md5 of a string and of its UTF-8 bytes', () => {
    const text = 'Learning to remember: ∂L/∂h';
    const want = createHash('md5').update(text).digest('hex');
    expect(md5Hex(text)).toBe(want);
    expect(md5Hex(Buffer.from(text, 'utf8'))).toBe(want);
  });
});
