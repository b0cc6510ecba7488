/** Replaced at bundle time by scripts/build.mjs (and by vitest's define). */
declare const __PKG_VERSION__: string;
declare const __KATEX_VERSION__: string;
