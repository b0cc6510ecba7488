import { type ConfigSelection } from './site/config.js';
import type { HugoModule } from './site/hugo-modules.js';
import { type PageContext, type PageJob, type PageOutcome } from './build-page.js';
import type { ImageService } from './images/service.js';
export interface WorkerInit {
    siteDir: string;
    /** Which config files the build read (environment, --config): the worker reads the same. */
    config: ConfigSelection;
    errorMode: 'fail' | 'render';
    /** contextFingerprint of the build's own context: a worker whose differs stops. */
    fingerprint: string;
    /** Images on (the build's pipeline serves them), with the site's `sizes` setting; undefined: off. */
    images?: {
        sizes: string;
    };
    imageIndex: boolean;
    /** The version of the Hugo that renders the site, when the build asked (see BuildOptions.hugo). */
    hugoVersion?: string;
    /** The site's modules as the build asked Hugo for them (SiteConfig.modules), when it did. */
    modules?: HugoModule[];
}
/** What must be the same in the build and its workers: every setting that shapes a page's output. */
export declare function contextFingerprint(ctx: PageContext): string;
export declare function workersAvailable(): boolean;
/**
 * A pool of page workers; `run` resolves with each page's outcome (a crash becomes an error outcome). With
 * `local`, the build's own thread renders pages too, one at a time, as one more of the build's --jobs (it
 * reads and writes every page, which leaves it most of its time: measured idle 81 % of a 1000-page build
 * with one worker when it rendered none); and all the pages no worker can take (none is left, none is
 * starting).
 */
export declare class PagePool {
    /** Worker threads to start. */
    readonly workers: number;
    private readonly init;
    private readonly images;
    private readonly local?;
    private readonly queue;
    /** Started workers and the pages each holds, oldest (the one it renders) first. */
    private readonly held;
    private readonly starting;
    private started;
    private closed;
    private localBusy;
    /** Why workers cannot be used (one failed to start): later pages get it as their error. */
    private fatal;
    private nextId;
    constructor(
    /** Worker threads to start. */
    workers: number, init: WorkerInit, images: ImageService | undefined, local?: ((job: PageJob) => Promise<PageOutcome>) | undefined);
    run(job: PageJob): Promise<PageOutcome>;
    close(): Promise<void>;
    private spawn;
    private onMessage;
    private onExit;
    private pump;
    /** Whether the build's own thread may take a page: all but the one the tests of a crash name (a worker must take that). */
    private localCan;
    private feedWorkers;
    /** Pages the workers prerendered. */
    renderedThere: number;
    /** One page in the build's own thread, after the messages already waiting. */
    private runLocal;
}
