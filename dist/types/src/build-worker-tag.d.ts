/** The key of a build worker's `workerData` (src/build-workers.ts): what marks a thread as one of ours. */
export declare const BUILD_WORKER_TAG = "hugo-prerender build worker";
/**
 * Whether this thread is a page worker started by `build`. A worker runs the bundle it was started from
 * (dist/cli.js or dist/index.js), whose entry then loads the renderer: the bundle is one file, in which
 * esbuild defers evaluating a module imported with `import()` until that import runs.
 */
export declare function isBuildWorker(): boolean;
