/**
 * The default --jobs and how many threads a build starts (src/build.ts): HUGO_PRERENDER_JOBS, else every
 * core; on one or two cores, where a worker thread competes with the build's own, the default starts one
 * only for a long build (measured on 2 cores: slower below about 800 pages, faster from 1000; README, Scale).
 */
import { afterEach, expect, it } from 'vitest';
import os from 'node:os';
import { defaultJobs, jobsForCores, renderThreads } from '../../src/build.js';

const saved = process.env.HUGO_PRERENDER_JOBS;
afterEach(() => {
  if (saved === undefined) delete process.env.HUGO_PRERENDER_JOBS;
  else process.env.HUGO_PRERENDER_JOBS = saved;
});

it('uses every core', () => {
  expect([1, 2, 3, 4, 16].map(jobsForCores)).toEqual([1, 2, 3, 4, 16]);
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

it('with the default on two cores, a worker starts only for 800 pages or more', () => {
  const threads = (expected: number) => renderThreads(2, 2, expected, false);
  expect([4, 100, 300, 799, 800, 1000, 3000].map(threads)).toEqual([1, 1, 1, 1, 2, 2, 2]);
  expect(renderThreads(1, 1, 5000, false)).toBe(1);
});

it('with cores to spare, or a number the user gave, one thread for every 8 pages, up to --jobs', () => {
  expect([8, 15, 16, 24, 31, 1000].map((n) => renderThreads(4, 4, n, false))).toEqual([1, 1, 2, 3, 3, 4]);
  expect([15, 16, 31, 1000].map((n) => renderThreads(3, 2, n, true))).toEqual([1, 2, 3, 3]);
  expect(renderThreads(1, 8, 1000, true)).toBe(1);
});
