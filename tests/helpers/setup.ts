// Run by vitest before every test file (vitest.config.ts setupFiles): the file's temporary directories
// are removed when it ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

afterAll(removeTempDirs);
