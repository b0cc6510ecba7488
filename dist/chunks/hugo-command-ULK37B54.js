import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  startHugo
} from "./chunk-RC6F4ES5.js";
import {
  buildSite
} from "./chunk-MH6PMCU3.js";
import "./chunk-XTQKZYJQ.js";
import "./chunk-4NMVV5T6.js";

// src/hugo-command.ts
import path from "node:path";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
function hugoSourceArg(args) {
  let source;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") break;
    if ((a === "-s" || a === "--source") && i + 1 < args.length) source = args[++i];
    else if (a.startsWith("--source=")) source = a.slice("--source=".length);
    else if (/^-s./.test(a)) source = a.slice(a[2] === "=" ? 3 : 2);
  }
  return source;
}
function hugoArgsProblem(args) {
  if (args[0] === "server" || args[0] === "serve") {
    return "for `hugo server`, run `hugo-prerender serve` (arguments after -- go to hugo server): it prerenders again on every change";
  }
  return void 0;
}
var ABOUT_HUGO = /* @__PURE__ */ new Set(["version", "help", "env", "completion"]);
function needsNoBuild(args) {
  const end = args.indexOf("--");
  const own = end < 0 ? args : args.slice(0, end);
  return ABOUT_HUGO.has(own[0] ?? "") || own.includes("--help") || own.includes("-h");
}
async function hugoCommand(opts) {
  const log = opts.log ?? ((l) => process.stderr.write(`${l}
`));
  const siteDir = path.resolve(hugoSourceArg(opts.hugoArgs) ?? ".");
  const { hugoArgs, hugo, onBuild, log: _log, ...build } = opts;
  if (!needsNoBuild(hugoArgs)) {
    const result = await buildSite({ ...build, source: siteDir });
    onBuild(result);
    if (result.failed) {
      log("hugo-prerender: the prerender build failed (see above), so Hugo was not run");
      return 1;
    }
  }
  const bin = hugo ?? "hugo";
  const run = startHugo(bin, hugoArgs, { siteDir, cwd: process.cwd(), stdin: "inherit" });
  const pass = (signal) => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, pass);
  try {
    const exit = await run.exited;
    if (exit.error) log(`hugo-prerender: could not start ${bin}: ${exit.error.message} (install Hugo, or pass --hugo PATH)`);
    return exit.status;
  } finally {
    for (const s of FORWARDED) process.removeListener(s, pass);
  }
}
export {
  hugoArgsProblem,
  hugoCommand,
  hugoSourceArg,
  needsNoBuild
};
