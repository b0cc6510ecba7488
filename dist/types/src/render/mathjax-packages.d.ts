/** The part of KaTeX's macro context (MacroExpander) the emulations use. */
interface MacroContext {
    future(): {
        text: string;
    };
    popToken(): {
        text: string;
    };
    consumeSpaces(): void;
    consumeArg(delims?: string[]): {
        tokens: {
            text: string;
        }[];
    };
}
export type KatexMacro = string | ((context: MacroContext) => string);
export declare const PACKAGE_MACROS: Readonly<Record<string, KatexMacro>>;
/** MathJax commands KaTeX lacks that are not emulated: what to write instead. */
export declare const SUGGESTIONS: Readonly<Record<string, string>>;
/**
 * KaTeX's message with what to do about an unknown command: the suggestion for a MathJax command KaTeX
 * lacks, or how to define it.
 */
export declare function withSuggestion(message: string): string;
export {};
