export declare function removeMarkdownEscapes(tex: string): string;
