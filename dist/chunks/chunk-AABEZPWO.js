import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/site/write-atomic.ts
import { renameSync, writeFileSync } from "node:fs";
function writeFileAtomic(file, data) {
  const tmp = `${file}.hugo-prerender.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export {
  writeFileAtomic
};
