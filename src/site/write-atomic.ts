/** Writing a file so that no reader (Hugo's watcher, a build) ever sees half of it. */
import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes `file` through a temporary name that Hugo's watcher ignores (`*.tmp`), then renames it into
 * place (atomic on one filesystem).
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.hugo-prerender.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
