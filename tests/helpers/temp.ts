/**
 * Temporary directories of a test file: `tempDir('hp-x-')` makes one, and every one made while a test file
 * runs is removed when that file ends (tests/helpers/setup.ts registers removeTempDirs as an afterAll of
 * every file; vitest ends its worker processes without running their `exit` handlers, so a handler alone
 * left every directory behind: some 2,000 directories and gigabytes of /tmp per run of the suite).
 * KEEP_TEST_TMP=1 keeps them, to look at what a failing test left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh temporary directory, removed when the test file ends (unless KEEP_TEST_TMP is set). */
export function tempDir(prefix = 'hp-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes the directories tempDir made so far (unless KEEP_TEST_TMP is set). */
export function removeTempDirs(): void {
  if (process.env.KEEP_TEST_TMP) return;
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

// A run that ends otherwise (a file run by hand outside vitest's pool) still cleans up.
process.on('exit', removeTempDirs);
