/**
 * Fragments for feeds (RSS) and other places without our stylesheet: KaTeX's `htmlAndMathml` output
 * shows every formula twice when KaTeX's CSS is absent (the MathML and the HTML rendering are both
 * visible). The feed variant keeps only the MathML, which feed readers and browsers render natively,
 * without the TeX annotation (readers that strip MathML tags would otherwise show the TeX after the
 * formula's letters); the TeX source moves to `alttext`, MathML's own attribute for it.
 */
/**
 * `html` with every KaTeX element replaced by its MathML; null when there is no KaTeX in it (the
 * fragment needs no feed variant).
 */
export declare function feedVariant(html: string): string | null;
