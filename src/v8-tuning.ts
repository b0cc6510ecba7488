/**
 * V8's optimising compiler, tuned for a build that runs for seconds: hugo-prerender runs a great deal of
 * different code (micromark's state functions, KaTeX's builders, our rewriting) a few thousand times each,
 * so compiling it costs as much as running it. A cold build of 1000 posts spent about a quarter of its CPU
 * in TurboFan (perf), most of it on inlined callees: with V8's default budget (920 bytes of inlined
 * bytecode per function) one compile of `prerenderPage` took 92 ms. With a budget of 100 the build took
 * 8–12 % less CPU at 1000 and 3000 posts, with --jobs 1 and 2, and the warm build no more (README, Scale).
 */
import { setFlagsFromString } from 'node:v8';

export const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative';
export const INLINING_BUDGET = 100;

/**
 * Sets the inlining budget for this process (worker threads included), unless the user chose one in Node's
 * own arguments (`node --max-inlined-bytecode-size-cumulative=920 node_modules/.bin/hugo-prerender build`;
 * Node does not accept the flag in NODE_OPTIONS). Returns the flag set, or undefined.
 */
export function tuneCompiler(execArgv: readonly string[] = process.execArgv): string | undefined {
  if (execArgv.some((a) => a.replace(/_/g, '-').startsWith(INLINING_FLAG))) return undefined;
  const flag = `${INLINING_FLAG}=${INLINING_BUDGET}`;
  setFlagsFromString(flag);
  return flag;
}
