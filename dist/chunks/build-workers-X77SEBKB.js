import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createPageContext,
  renderPage
} from "./chunk-JR2GY7AL.js";
import {
  defaultSizes,
  internalOutcome,
  stableStringify
} from "./chunk-XTQKZYJQ.js";
import {
  readSiteConfig
} from "./chunk-4NMVV5T6.js";

// src/build-workers.ts
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
var TAG = "hugo-prerender build worker";
var WORKER_YOUNG_MB = 12;
function contextFingerprint(ctx) {
  const s = ctx.settings;
  return stableStringify({
    settings: s.settingsKey,
    everywhere: s.everywhere,
    limits: s.limits,
    siteShortcodes: [...s.siteShortcodes ?? []],
    unsafe: s.unsafe,
    headingMath: s.headingMath,
    feeds: s.feeds,
    site: ctx.site,
    images: ctx.images !== void 0,
    imageIndex: ctx.imageIndex,
    outputBytes: ctx.outputBytes
  });
}
function workerEntry() {
  const url = new URL(import.meta.url);
  return url.protocol === "file:" && url.pathname.endsWith(".js") ? url : void 0;
}
function workersAvailable() {
  return workerEntry() !== void 0;
}
var PagePool = class {
  constructor(size, init2, images) {
    this.size = size;
    this.init = init2;
    this.images = images;
    for (let i = 0; i < size; i++) this.spawn();
  }
  size;
  init;
  images;
  queue = [];
  idle = [];
  busy = /* @__PURE__ */ new Map();
  starting = /* @__PURE__ */ new Set();
  started = 0;
  closed = false;
  /** Why workers cannot be used (one failed to start): later pages get it as their error. */
  fatal;
  nextId = 0;
  run(job) {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }
  async close() {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys(), ...this.starting];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
  spawn() {
    const entry = workerEntry();
    this.started++;
    const w = new Worker(entry, { workerData: { [TAG]: this.init }, argv: [], stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.starting.add(w);
    w.on("message", (m) => this.onMessage(w, m));
    w.on("error", (e) => this.onExit(w, `the worker thread stopped: ${e.stack ?? e.message}`));
    w.on("exit", (code) => this.onExit(w, `the worker thread exited (code ${code})`));
  }
  onMessage(w, m) {
    if (m.type === "ready") {
      this.starting.delete(w);
      this.idle.push(w);
      this.pump();
    } else if (m.type === "fatal") {
      this.fatal ??= m.message;
      this.starting.delete(w);
      void w.terminate();
      this.pump();
    } else if (m.type === "done") {
      const waiting = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      waiting?.resolve(m.outcome);
      this.pump();
    } else if (m.type === "image") {
      const images = this.images;
      const answer = (result) => {
        if (!this.closed) w.postMessage({ type: "image", id: m.id, result });
      };
      if (!images) answer({ warnings: [] });
      else images.prepare(m.file, m.shown).then(answer, (e) => answer({ warnings: [`could not be processed (${String(e)})`] }));
    }
  }
  onExit(w, why) {
    if (this.closed) return;
    const wasStarting = this.starting.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    const waiting = this.busy.get(w);
    if (!waiting && !wasStarting && i < 0) return;
    this.busy.delete(w);
    if (waiting) waiting.resolve(crashed(waiting.job, why));
    if (wasStarting) this.fatal ??= why;
    else if (this.queue.length > 0 && this.started < this.size * 2) this.spawn();
    this.pump();
  }
  pump() {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const w = this.idle.shift();
      const waiting = this.queue.shift();
      this.busy.set(w, waiting);
      w.postMessage({ type: "page", id: this.nextId++, job: waiting.job });
    }
    if (this.idle.length === 0 && this.busy.size === 0 && this.starting.size === 0) {
      const why = this.fatal ?? "no worker thread is left";
      for (const waiting of this.queue.splice(0)) waiting.resolve(crashed(waiting.job, why));
    }
  }
};
function crashed(job, why) {
  return internalOutcome(job.relPath, `${why}; build again with --jobs 1 to prerender without worker threads`);
}
function runWorker(init2) {
  const port = parentPort;
  const post = (m) => port.postMessage(m);
  const pending = /* @__PURE__ */ new Map();
  let nextImage = 0;
  const images = init2.images && {
    prepare: (file, shown) => new Promise((resolve) => {
      const id = nextImage++;
      pending.set(id, resolve);
      post({ type: "image", id, file, shown });
    }),
    sizes: (width) => init2.images.sizes || defaultSizes(width)
  };
  let ctx;
  try {
    const config = readSiteConfig(init2.siteDir);
    ctx = createPageContext(config, init2.siteDir, init2.errorMode, { service: images, index: init2.imageIndex });
    if (contextFingerprint(ctx) !== init2.fingerprint) {
      post({ type: "fatal", message: "the site's configuration changed while this build ran; build again" });
      return;
    }
  } catch (e) {
    post({ type: "fatal", message: `a worker thread could not read the site's configuration (${e.message})` });
    return;
  }
  port.on("message", (m) => {
    if (m.type === "image") {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
      return;
    }
    if (process.env.HUGO_PRERENDER_TEST_WORKER_EXIT === m.job.relPath) process.exit(70);
    renderPage(m.job, ctx).then(
      (outcome) => post({ type: "done", id: m.id, outcome }),
      (e) => post({ type: "done", id: m.id, outcome: crashed(m.job, `${e.stack ?? e}`) })
    );
  });
  post({ type: "ready" });
}
var init = isMainThread ? void 0 : workerData?.[TAG];
if (init) runWorker(init);
export {
  PagePool,
  contextFingerprint,
  workersAvailable
};
