/**
 * The HTML of a short inline Markdown text (a figure's caption, a title) written without a parse when
 * it uses only what captions mostly use: words, spaces and plain punctuation, `*emphasis*`,
 * `**strong**` and `[links](https://…)`. Everything else is declined (undefined) and goes through the
 * parser, as does anything whose reading CommonMark, GFM or the typographer could make subtle: code,
 * escapes, entities, HTML, `_`, quotes, `--`, `..`, literal URLs (GFM links them), a line a block could
 * start, `*` where it could both open and close, brackets that are not one link. A parse of a caption
 * costs about 0.18 ms at the start of a build (micromark, mdast, hast, HTML); this, a few µs. The
 * seed's two captions are of this kind: about a tenth of a cold build of its 1000 posts.
 *
 * tests/unit/simple-inline.test.ts checks the result against the parser's on random texts made of
 * exactly the characters and constructs at these edges.
 */
import type { DelimiterPair } from '../content/math-syntax.js';
export interface SimpleInlineOptions {
    unsafe: boolean;
    /** False: a link is written as its content only. */
    links: boolean;
    /** Math delimiters: a text holding an opener is declined. */
    pairs: readonly DelimiterPair[];
}
export declare function simpleInlineHtml(md: string, opts: SimpleInlineOptions): string | undefined;
