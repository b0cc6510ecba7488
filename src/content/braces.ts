/**
 * Whether TeX's braces balance (`\{` and `\}` are characters, not braces): the first problem, or
 * undefined. `unclosed` counts the `{` left open at the end.
 */
export function braceProblem(tex: string): { kind: 'unopened' } | { kind: 'unclosed'; open: number } | undefined {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return { kind: 'unopened' };
  }
  return depth > 0 ? { kind: 'unclosed', open: depth } : undefined;
}
