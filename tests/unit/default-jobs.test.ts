/**
 * The default --jobs (src/build.ts): HUGO_PRERENDER_JOBS, else every core from 3 cores up, else 1 (on 2 cores
 * a worker thread shortened no build and cost more CPU; README, Scale).
 */
import { afterEach, expect, it } from 'vitest';
import os from 'node:os';
import { defaultJobs, jobsForCores } from '../../src/build.js';

const saved = process.env.HUGO_PRERENDER_JOBS;
afterEach(() => {
  if (saved === undefined) delete process.env.HUGO_PRERENDER_JOBS;
  else process.env.HUGO_PRERENDER_JOBS = saved;
});

it('uses every core from 3 cores up, one thread below', () => {
  expect([1, 2, 3, 4, 16].map(jobsForCores)).toEqual([1, 1, 3, 4, 16]);
});

it('HUGO_PRERENDER_JOBS overrides it; a value that is not a whole number from 1 is ignored', () => {
  delete process.env.HUGO_PRERENDER_JOBS;
  expect(defaultJobs()).toBe(jobsForCores(os.availableParallelism()));
  process.env.HUGO_PRERENDER_JOBS = '2';
  expect(defaultJobs()).toBe(2);
  for (const bad of ['0', '-1', 'two', '1.5', '']) {
    process.env.HUGO_PRERENDER_JOBS = bad;
    expect(defaultJobs()).toBe(jobsForCores(os.availableParallelism()));
  }
});
