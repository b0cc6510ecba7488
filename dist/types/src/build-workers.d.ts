import { type PageContext, type PageJob, type PageOutcome } from './build-page.js';
import type { ImageService } from './images/service.js';
export interface WorkerInit {
    siteDir: string;
    errorMode: 'fail' | 'render';
    /** contextFingerprint of the build's own context: a worker whose differs stops. */
    fingerprint: string;
    /** Images on (the build's pipeline serves them), with the site's `sizes` setting; undefined: off. */
    images?: {
        sizes: string;
    };
    imageIndex: boolean;
}
/** What must be the same in the build and its workers: every setting that shapes a page's output. */
export declare function contextFingerprint(ctx: PageContext): string;
export declare function workersAvailable(): boolean;
/** A pool of page workers; `run` resolves with each page's outcome (a crash becomes an error outcome). */
export declare class PagePool {
    readonly size: number;
    private readonly init;
    private readonly images;
    private readonly queue;
    private readonly idle;
    private readonly busy;
    private readonly starting;
    private started;
    private closed;
    /** Why workers cannot be used (one failed to start): later pages get it as their error. */
    private fatal;
    private nextId;
    constructor(size: number, init: WorkerInit, images: ImageService | undefined);
    run(job: PageJob): Promise<PageOutcome>;
    close(): Promise<void>;
    private spawn;
    private onMessage;
    private onExit;
    private pump;
}
