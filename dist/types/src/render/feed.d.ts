/**
 * Feeds (RSS) load no KaTeX stylesheet, so KaTeX's `htmlAndMathml` output would show every formula twice
 * there (the MathML and the HTML rendering are both visible). The feed keeps only the MathML of each
 * formula, which feed readers and browsers render natively, without the TeX annotation (readers that
 * strip MathML tags would otherwise show the TeX after the formula's letters); the TeX moves to
 * `alttext`, MathML's own attribute for it.
 *
 * The build computes that variant here and sends it to Hugo with the fragment, after FEED_SPLIT:
 * layouts/shortcodes/prerender.html prints what comes before it, prerender.rss.xml what comes after.
 * Hugo renders a page's content once more for a feed (it has its own shortcode template), so what the
 * feed template does runs for every fragment of every page: a split costs next to nothing, where a
 * regular expression over KaTeX's HTML (the earlier design) cost Hugo 0.2 ms per formula.
 */
export declare const FEED_SPLIT = "<!--hugo-prerender:feed-->";
/** The opening tag of a KaTeX element (outermost: `katex-display`, or `katex` for inline math). */
export declare const KATEX_OPEN: RegExp;
/**
 * The index just after the `</span>` closing the span opened at `start`, or -1: the tags are those of
 * `/<span\b[^>]*>|<\/span>/g` from `start` on, found with `indexOf` (a regular expression tried at every
 * character of KaTeX's markup cost a cold build of a thousand pages 60 ms).
 */
export declare function spanEnd(html: string, start: number): number;
/**
 * `html` with every KaTeX element replaced by its MathML and every figure's dark image left out; null
 * when there is neither in it (the fragment needs no feed variant).
 */
export declare function feedVariant(html: string): string | null;
/**
 * The fragment as it travels to Hugo: `html`, then FEED_SPLIT and its feed variant when it has KaTeX.
 * A FEED_SPLIT already in `html` (an author's raw HTML) is defused first: it would cut the page's copy.
 */
export declare function withFeedVariant(html: string): string;
/** The two parts of a travelling fragment: what the page shows, what a feed shows. */
export declare function splitFeed(travelling: string): {
    page: string;
    feed: string;
};
