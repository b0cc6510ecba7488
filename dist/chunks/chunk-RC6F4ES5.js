import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_TREE,
  readManifest
} from "./chunk-MH6PMCU3.js";

// src/site/run-hugo.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";

// src/site/hugo-messages.ts
import path from "node:path";
var SHADOW_RE = /((?:[^\s"'`(\[]*[\\/])?)\.prerender[\\/](content(?:\.[a-z0-9_-]+)?)[\\/]([^\s"'`:]+)/gi;
function originalOf(manifest, tree, rel) {
  const pages = tree === DEFAULT_TREE ? manifest.pages : manifest.trees?.[tree];
  return pages?.[rel.replace(/\\/g, "/")]?.source;
}
function originalPathsInHugoOutput(text, siteDir, manifest = readManifest(path.join(siteDir, ".prerender"))) {
  if (!text.includes(".prerender")) return text;
  const site = path.resolve(siteDir);
  return text.replace(SHADOW_RE, (whole, before, tree, rel) => {
    const source = originalOf(manifest, tree.toLowerCase(), rel);
    if (source === void 0) return whole;
    if (before === "") return source;
    const dir = before.replace(/[\\/]$/, "");
    return path.resolve(dir) === site ? path.join(dir, source) : whole;
  });
}
function forwardHugoOutput(from, to, siteDir, manifest) {
  let pending = "";
  from.setEncoding("utf8");
  from.on("data", (chunk) => {
    pending += chunk;
    const end = pending.lastIndexOf("\n") + 1;
    if (end === 0) return;
    to.write(originalPathsInHugoOutput(pending.slice(0, end), siteDir, manifest));
    pending = pending.slice(end);
  });
  from.on("end", () => {
    if (pending) to.write(originalPathsInHugoOutput(pending, siteDir, manifest));
    pending = "";
  });
}

// src/site/run-hugo.ts
function startHugo(bin, args, opts) {
  const child = spawn(bin, args, { cwd: opts.cwd ?? opts.siteDir, stdio: [opts.stdin ?? "ignore", "pipe", "pipe"] });
  forwardHugoOutput(child.stdout, process.stdout, opts.siteDir);
  forwardHugoOutput(child.stderr, process.stderr, opts.siteDir);
  const exited = new Promise((resolve) => {
    child.once("error", (error) => resolve({ status: 1, error }));
    child.once("close", (code, signal) => {
      resolve(signal ? { status: 128 + (constants.signals[signal] ?? 0), signal } : { status: code ?? 1 });
    });
  });
  return { child, exited };
}

export {
  startHugo
};
