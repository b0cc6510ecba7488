/**
 * Worker threads for `hugo-prerender build`: pages prerendered in parallel, one page at a time per
 * worker (src/build-page.ts renderPage). A worker is the bundle that is running (dist/cli.js or
 * dist/index.js) started again with workerData; it reads the site's configuration itself and checks that
 * it makes the same settings as the build's (the configuration could change in between). Images stay
 * with the build's own pipeline: a worker asks the build for each image it needs (one pipeline, one set
 * of files written, each image processed once). Writing `.prerender/` stays with the build, which takes
 * outcomes in page order.
 *
 * `--jobs N` starts N - 1 workers: the build's own thread is the N-th, busy reading pages and writing
 * their outcomes (about a quarter of a page's CPU). It does not render pages beside the workers: every
 * isolate that renders pages compiles, optimises and warms up its own copy of the code, which costs more
 * than the pages it would take (1000-post bench site, --jobs 2: 8.2 s of CPU with the build's thread
 * rendering too, 6.7 s without, 6.2 s for --jobs 1). It renders pages only when no worker is left.
 *
 * A worker that dies (an exception outside a page, out of memory, exit) fails the page it was working
 * on with an error that says so; another thread takes over the pages still waiting.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { readSiteConfig, type ConfigSelection } from './site/config.js';
import type { HugoModule } from './site/hugo-modules.js';
import { pageSettings } from './page-settings.js';
import { createPageContext, internalOutcome, renderPage, type PageContext, type PageJob, type PageOutcome } from './build-page.js';
import type { ImageService } from './images/service.js';
import { defaultSizes } from './images/service.js';
import type { PrepareResult } from './images/pipeline.js';
import { stableStringify } from './render/keys.js';

import { BUILD_WORKER_TAG as TAG, isBuildWorker } from './build-worker-tag.js';


/**
 * The young generation of a worker's heap, in MB (V8's default lets it grow to 48 MB, three 16 MB
 * semi-spaces). A page's garbage is short-lived, so a smaller one costs no measurable CPU but keeps each
 * worker's resident memory down: cold build of the 1000-post bench site with --jobs 2, 339 -> 266 MB peak
 * RSS; 3000 posts, 454 -> 348 MB (user CPU within the noise of a machine at load 11-17). It cannot make a
 * page fail: what outgrows it is moved to the old generation, which is not limited.
 */
const WORKER_YOUNG_MB = 12;

export interface WorkerInit {
  siteDir: string;
  /** Which config files the build read (environment, --config): the worker reads the same. */
  config: ConfigSelection;
  errorMode: 'fail' | 'render';
  /** contextFingerprint of the build's own context: a worker whose differs stops. */
  fingerprint: string;
  /** Images on (the build's pipeline serves them), with the site's `sizes` setting; undefined: off. */
  images?: { sizes: string };
  imageIndex: boolean;
  /** The version of the Hugo that renders the site, when the build asked (see BuildOptions.hugo). */
  hugoVersion?: string;
  /** The site's modules as the build asked Hugo for them (SiteConfig.modules), when it did. */
  modules?: HugoModule[];
}

type ToWorker = { type: 'page'; id: number; job: PageJob } | { type: 'image'; id: number; result: PrepareResult };
type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'done'; id: number; outcome: PageOutcome }
  | { type: 'image'; id: number; file: string; shown: string };

/** What must be the same in the build and its workers: every setting that shapes a page's output. */
export function contextFingerprint(ctx: PageContext): string {
  const s = ctx.settings;
  return stableStringify({
    settings: s.settingsKey,
    everywhere: s.everywhere,
    limits: s.limits,
    siteShortcodes: [...(s.siteShortcodes ?? [])],
    shortcodeNames: s.shortcodeNames ?? null,
    unsafe: s.unsafe,
    headingMath: s.headingMath,
    feeds: s.feeds,
    site: ctx.site,
    images: ctx.images !== undefined,
    imageBases: ctx.imageBases ?? null,
    imageIndex: ctx.imageIndex,
    outputBytes: ctx.outputBytes,
  });
}

/**
 * The file a worker runs: this bundle. Undefined when the code is not bundled (vitest runs the TypeScript
 * sources, which a worker cannot load): the build then prerenders every page in its own thread.
 */
function workerEntry(): URL | undefined {
  const url = new URL(import.meta.url);
  return url.protocol === 'file:' && url.pathname.endsWith('.js') ? url : undefined;
}

export function workersAvailable(): boolean {
  return workerEntry() !== undefined;
}

interface Waiting {
  job: PageJob;
  resolve: (o: PageOutcome) => void;
}

/**
 * Pages a worker holds at once: the one it renders and the next, so that it does not wait for the build's
 * thread (busy with a page of its own, or writing) to hand it another.
 */
const WORKER_DEPTH = 2;

/**
 * A pool of page workers; `run` resolves with each page's outcome (a crash becomes an error outcome). With
 * `local`, the build's own thread renders pages too, one at a time, as one more of the build's --jobs (it
 * reads and writes every page, which leaves it most of its time: measured idle 81 % of a 1000-page build
 * with one worker when it rendered none); and all the pages no worker can take (none is left, none is
 * starting).
 */
export class PagePool {
  private readonly queue: Waiting[] = [];
  /** Started workers and the pages each holds, oldest (the one it renders) first. */
  private readonly held = new Map<Worker, Waiting[]>();
  private readonly starting = new Set<Worker>();
  private started = 0;
  private closed = false;
  private localBusy = false;
  /** Why workers cannot be used (one failed to start): later pages get it as their error. */
  private fatal: string | undefined;
  private nextId = 0;

  constructor(
    /** Worker threads to start. */
    readonly workers: number,
    private readonly init: WorkerInit,
    private readonly images: ImageService | undefined,
    private readonly local?: (job: PageJob) => Promise<PageOutcome>,
  ) {
    for (let i = 0; i < workers; i++) this.spawn();
  }

  run(job: PageJob): Promise<PageOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.held.keys(), ...this.starting];
    this.held.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): void {
    const entry = workerEntry()!;
    this.started++;
    const w = new Worker(entry, { workerData: { [TAG]: this.init }, argv: [], stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.starting.add(w);
    w.on('message', (m: FromWorker) => this.onMessage(w, m));
    w.on('error', (e) => this.onExit(w, `the worker thread stopped: ${e.stack ?? e.message}`));
    w.on('exit', (code) => this.onExit(w, `the worker thread exited (code ${code})`));
  }

  private onMessage(w: Worker, m: FromWorker): void {
    if (m.type === 'ready') {
      this.starting.delete(w);
      this.held.set(w, []);
      this.pump();
    } else if (m.type === 'fatal') {
      this.fatal ??= m.message;
      this.starting.delete(w);
      void w.terminate();
      this.pump();
    } else if (m.type === 'done') {
      // A worker renders its pages in the order it was given them.
      const waiting = this.held.get(w)?.shift();
      if (waiting) this.renderedThere++;
      waiting?.resolve(m.outcome);
      this.pump();
    } else if (m.type === 'image') {
      const images = this.images;
      const answer = (result: PrepareResult) => {
        if (!this.closed) w.postMessage({ type: 'image', id: m.id, result } satisfies ToWorker);
      };
      if (!images) answer({ warnings: [] });
      else images.prepare(m.file, m.shown).then(answer, (e: unknown) => answer({ warnings: [`could not be processed (${String(e)})`] }));
    }
  }

  private onExit(w: Worker, why: string): void {
    if (this.closed) return;
    const wasStarting = this.starting.delete(w);
    const pages = this.held.get(w);
    if (!pages && !wasStarting) return; // told already (error, then exit)
    this.held.delete(w);
    // The page it was rendering fails; those it had not started go back to the front of the queue.
    const [current, ...notStarted] = pages ?? [];
    if (current) current.resolve(crashed(current.job, why));
    this.queue.unshift(...notStarted);
    if (wasStarting) this.fatal ??= why;
    // A replacement, while pages wait (at most as many again as the pool's workers).
    else if (this.queue.length > 0 && this.started < this.workers * 2) this.spawn();
    this.pump();
  }

  private pump(): void {
    // Every worker one page first, then the build's thread one if it is free (also while the workers
    // start), then every worker a second.
    this.feedWorkers(1);
    if (this.local && !this.localBusy) {
      const next = this.queue.findIndex((q) => this.localCan(q));
      if (next !== -1) this.runLocal(this.queue.splice(next, 1)[0]!);
    }
    this.feedWorkers(WORKER_DEPTH);
    // No worker left and none coming: the build's own thread renders the pages still waiting; without it
    // (or for the page the tests of a crash name) they fail, saying why.
    if (this.held.size === 0 && this.starting.size === 0) {
      const why = this.fatal ?? 'no worker thread is left';
      for (const waiting of this.queue.filter((q) => !this.local || !this.localCan(q))) {
        this.queue.splice(this.queue.indexOf(waiting), 1);
        waiting.resolve(crashed(waiting.job, why));
      }
      if (this.local && !this.localBusy && this.queue.length > 0) this.runLocal(this.queue.shift()!);
    }
  }

  /** Whether the build's own thread may take a page: all but the one the tests of a crash name (a worker must take that). */
  private localCan(q: Waiting): boolean {
    return q.job.relPath !== process.env.HUGO_PRERENDER_TEST_WORKER_EXIT;
  }

  private feedWorkers(depth: number): void {
    for (const [w, pages] of this.held) {
      while (pages.length < depth && this.queue.length > 0) {
        const waiting = this.queue.shift()!;
        pages.push(waiting);
        w.postMessage({ type: 'page', id: this.nextId++, job: waiting.job } satisfies ToWorker);
      }
    }
  }

  /** Pages the workers prerendered. */
  renderedThere = 0;

  /** One page in the build's own thread, after the messages already waiting. */
  private runLocal(waiting: Waiting): void {
    this.localBusy = true;
    const local = this.local!;
    new Promise<void>((r) => setImmediate(r))
      .then(() => local(waiting.job))
      .then(
        (o) => waiting.resolve(o),
        (e: unknown) => waiting.resolve(internalOutcome(waiting.job.relPath, (e as Error).stack ?? String(e))),
      )
      .finally(() => {
        this.localBusy = false;
        if (!this.closed) this.pump();
      });
  }
}

/** The outcome of a page whose worker died under it, or that no worker could take. */
function crashed(job: PageJob, why: string): PageOutcome {
  return internalOutcome(job.relPath, `${why}; build again with --jobs 1 to prerender without worker threads`);
}

/** The worker's side: set up once, then one page per message. */
function runWorker(init: WorkerInit): void {
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  const pending = new Map<number, (r: PrepareResult) => void>();
  let nextImage = 0;
  const images: ImageService | undefined = init.images && {
    prepare: (file, shown) =>
      new Promise<PrepareResult>((resolve) => {
        const id = nextImage++;
        pending.set(id, resolve);
        post({ type: 'image', id, file, shown });
      }),
    sizes: (width) => init.images!.sizes || defaultSizes(width),
  };
  // For the tests of a build whose worker threads cannot start: this one stops as it starts.
  if (process.env.HUGO_PRERENDER_TEST_WORKER_FATAL) {
    post({ type: 'fatal', message: 'stopped by HUGO_PRERENDER_TEST_WORKER_FATAL' });
    return;
  }
  let ctx: PageContext;
  try {
    const config = readSiteConfig(init.siteDir, init.config);
    if (init.modules) config.modules = init.modules;
    ctx = createPageContext(config, init.siteDir, init.errorMode, { service: images, index: init.imageIndex }, pageSettings(config, init.siteDir, init.errorMode, init.hugoVersion));
    if (contextFingerprint(ctx) !== init.fingerprint) {
      post({ type: 'fatal', message: "the site's configuration changed while this build ran; build again" });
      return;
    }
  } catch (e) {
    post({ type: 'fatal', message: `a worker thread could not read the site's configuration (${(e as Error).message})` });
    return;
  }
  // Pages one at a time, in the order they came (the build holds them in that order).
  let last: Promise<void> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'image') {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
      return;
    }
    last = last.then(() => {
      // For the tests of what a crash does: this worker thread dies on the named page.
      if (process.env.HUGO_PRERENDER_TEST_WORKER_EXIT === m.job.relPath) process.exit(70);
      return renderPage(m.job, ctx).then(
        (outcome) => post({ type: 'done', id: m.id, outcome }),
        (e: unknown) => post({ type: 'done', id: m.id, outcome: crashed(m.job, `${(e as Error).stack ?? e}`) }),
      );
    });
  });
  post({ type: 'ready' });
}

const init = isBuildWorker() ? (workerData as Record<string, WorkerInit>)[TAG] : undefined;
if (init) runWorker(init);
