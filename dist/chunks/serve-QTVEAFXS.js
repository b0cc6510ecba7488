import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-AABEZPWO.js";
import {
  startHugo
} from "./chunk-RC6F4ES5.js";
import {
  watchSite
} from "./chunk-Z64GMOKO.js";
import "./chunk-MH6PMCU3.js";
import "./chunk-XTQKZYJQ.js";
import {
  PRERENDER_DIR,
  findRootConfig,
  getIn,
  moduleMounts,
  mountComponent,
  mountLanguage,
  normalizeRel,
  parseConfigText,
  readSiteConfig,
  shadowTree,
  stringify
} from "./chunk-4NMVV5T6.js";

// src/serve.ts
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
var SERVE_CONFIG = `${PRERENDER_DIR}/serve.toml`;
var SERVE_DATA = `${PRERENDER_DIR}/serve-data`;
var SERVE_ERRORS = "hugo_prerender_serve.json";
function excludeStyle(hugoVersion) {
  const [major = 0, minor = 0] = hugoVersion.replace(/^v/, "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  return major > 0 || minor >= 153 ? "files" : "excludeFiles";
}
function literalGlob(rel) {
  return rel.replace(/[\\*?[\]{}!,]/g, (c) => `\\${c}`);
}
function literalRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function oneGlob(rels) {
  return rels.length === 1 ? literalGlob(rels[0]) : `{${rels.map(literalGlob).join(",")}}`;
}
function filesBelow(dir, prefix = "") {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return filesBelow(dir, rel);
    return e.isFile() && !e.name.endsWith(".tmp") ? [rel] : [];
  });
}
function withoutKeys(m, ...drop) {
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => !["source", "target", ...drop].includes(k.toLowerCase())));
  return { source: m.source, target: m.target, ...rest };
}
function serveLayer(siteDir, data, style) {
  const mounts = moduleMounts(data);
  const originals = [];
  const out = mounts.map((mount) => {
    const m = withoutKeys(mount);
    const source = normalizeRel(m.source);
    const target = normalizeRel(m.target);
    if (mountComponent(target) !== "content" || source.startsWith(`${PRERENDER_DIR}/`)) return m;
    const tree = shadowTree(mountLanguage(m)?.lang);
    if (tree === void 0) return m;
    const sub = target.split("/").slice(1).join("/");
    const shadows = filesBelow(path.join(siteDir, PRERENDER_DIR, tree)).filter((f) => /\.(md|markdown|mdown)$/i.test(f) && (sub === "" || f.startsWith(`${sub}/`))).map((f) => sub === "" ? f : f.slice(sub.length + 1)).filter((rel) => existsSync(path.join(siteDir, source, rel)));
    if (shadows.length === 0) return m;
    shadows.sort();
    originals.push({ dir: path.resolve(siteDir, source), rels: shadows });
    const key = style === "files" ? "files" : "excludeFiles";
    const own2 = getIn(m, key);
    const before = typeof own2 === "string" ? [own2] : Array.isArray(own2) ? own2.filter((x) => typeof x === "string") : [];
    const pattern = style === "files" ? `! ${oneGlob(shadows)}` : oneGlob(shadows);
    return { ...withoutKeys(m, key.toLowerCase()), [key]: [...before, pattern] };
  });
  if (!out.some((m) => mountComponent(m.target) === "data")) {
    const dataDir = getIn(data, "dataDir");
    out.push({ source: typeof dataDir === "string" && dataDir.trim() ? dataDir : "data", target: "data" });
  }
  out.push({ source: SERVE_DATA, target: "data" });
  const own = getIn(data, "ignoreFiles");
  const ignoreFiles = [
    ...typeof own === "string" ? [own] : Array.isArray(own) ? own.filter((x) => typeof x === "string") : [],
    ...originals.map(({ dir, rels }) => `^${literalRegExp(dir + path.sep)}(?:${rels.map(literalRegExp).join("|")})$`)
  ];
  const ownHeaders = getIn(data, "server.headers");
  const headers = [
    ...Array.isArray(ownHeaders) ? ownHeaders.filter((h) => typeof h === "object" && h !== null) : [],
    { for: "/**", values: { "Cache-Control": "no-store" } }
  ];
  return { mounts: out, ignoreFiles, headers };
}
function layerText(layer) {
  return "# Written by `hugo-prerender serve` for `hugo server --config <site config>,.prerender/serve.toml`:\n# the site's mounts, without the originals of prerendered pages (and those ignored), and the errors data.\n" + stringify({
    ...layer.ignoreFiles.length ? { ignoreFiles: layer.ignoreFiles } : {},
    module: { mounts: layer.mounts },
    server: { headers: layer.headers }
  }) + "\n";
}
function errorsText(result) {
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => ({ file: d.file ?? "", line: d.line, column: d.column, message: d.message })).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);
  return `${JSON.stringify({ errors }, null, 2)}
`;
}
function update(siteDir, file, text) {
  const abs = path.join(siteDir, file);
  try {
    if (readFileSync(abs, "utf8") === text) return false;
  } catch {
  }
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileAtomic(abs, text);
  return true;
}
var ServeError = class extends Error {
};
function hugoServerArgs(siteDir, rootConfig, hugoArgs) {
  const rest = [];
  let files = path.relative(siteDir, rootConfig);
  for (let i = 0; i < hugoArgs.length; i++) {
    const a = hugoArgs[i];
    if (a === "--config" && i + 1 < hugoArgs.length) files = hugoArgs[++i];
    else if (a.startsWith("--config=")) files = a.slice("--config=".length);
    else rest.push(a);
  }
  return ["server", "--source", siteDir, "--config", `${files},${SERVE_CONFIG}`, ...rest];
}
function renderToMemory(bin, hugoArgs) {
  if (hugoArgs.some((a) => /^(--renderTo(Memory|Disk)|--renderStaticToDisk|-M|--destination)(=|$)|^-d/.test(a))) return [];
  const help = spawnSync(bin, ["server", "--help"], { encoding: "utf8", timeout: 3e4 });
  return help.status === 0 && /--renderToMemory\b/.test(help.stdout) ? ["--renderToMemory"] : [];
}
function serveSite(opts) {
  const siteDir = path.resolve(opts.source);
  const log = opts.log ?? ((l) => process.stderr.write(`${l}
`));
  const root = findRootConfig(siteDir);
  if (!root) {
    throw new ServeError(
      `${siteDir}: serve needs a site config file (hugo.toml, hugo.yaml, hugo.json or config.*) to add its layer to; with only a config directory, run \`hugo-prerender watch\` beside \`hugo server\``
    );
  }
  const config = readSiteConfig(siteDir, { environment: "development" });
  const overriding = config.files.find((f) => {
    if (f.path === root.path) return false;
    const parsed = parseConfigText(readFileSync(f.path, "utf8"), f.format).data;
    return moduleMounts(f.key === null ? parsed : { [f.key]: parsed }).length > 0;
  });
  if (overriding) {
    const rel = path.relative(siteDir, overriding.path);
    throw new ServeError(
      `${rel}: serve cannot run with module mounts in a config directory (Hugo reads it after the layer serve adds with --config, so the browser could show pages rendered without their prerendered math); move the mounts to ${path.relative(siteDir, root.path)}, or run \`hugo-prerender watch\` beside \`hugo server\``
    );
  }
  if (!moduleMounts(config.data).some((m) => normalizeRel(m.source) === `${PRERENDER_DIR}/content`)) {
    throw new ServeError(`${path.relative(siteDir, root.path)}: the site does not mount ${PRERENDER_DIR}/content; run \`hugo-prerender init\` first`);
  }
  const bin = opts.hugo ?? "hugo";
  const probe = spawnSync(bin, ["version"], { encoding: "utf8", timeout: 3e4 });
  const version = probe.status === 0 ? /v(\d+\.\d+\.\d+)/.exec(probe.stdout)?.[1] : void 0;
  if (!version) throw new ServeError(`could not run \`${bin} version\`: ${probe.error?.message ?? probe.stderr?.trim() ?? "no version"}; install Hugo, or pass --hugo PATH`);
  const style = excludeStyle(version);
  let last;
  const refresh = (result) => {
    const data = readSiteConfig(siteDir, { environment: "development" }).data;
    update(siteDir, `${SERVE_DATA}/${SERVE_ERRORS}`, result ? errorsText(result) : '{\n  "errors": []\n}\n');
    update(siteDir, SERVE_CONFIG, layerText(serveLayer(siteDir, data, style)));
  };
  let hugo;
  let stopping = false;
  let killTimer;
  const watcher = watchSite({
    ...opts,
    // Hugo never sees the originals (the layer leaves them out), so nothing needs settling.
    settle: false,
    onBuild: (result, changed) => {
      last = result;
      try {
        refresh(result);
      } catch (e) {
        log(`hugo-prerender serve: could not update ${SERVE_CONFIG}: ${e.message}`);
      }
      opts.onBuild(result, changed);
    }
  });
  const killHugo = () => {
    if (!hugo || hugo.exitCode !== null || hugo.signalCode !== null) return;
    hugo.kill("SIGTERM");
    killTimer = setTimeout(() => hugo?.kill("SIGKILL"), 5e3);
    killTimer.unref();
  };
  const onExit = () => {
    if (hugo && hugo.exitCode === null && hugo.signalCode === null) hugo.kill("SIGKILL");
  };
  process.once("exit", onExit);
  const done = (async () => {
    try {
      await watcher.ready;
    } catch (e) {
      await watcher.close();
      process.removeListener("exit", onExit);
      throw e;
    }
    refresh(last);
    if (stopping) {
      await watcher.close();
      return 0;
    }
    const args = [...hugoServerArgs(siteDir, root.path, opts.hugoArgs), ...renderToMemory(bin, opts.hugoArgs)];
    const run = startHugo(bin, args, { siteDir });
    hugo = run.child;
    const exit = await run.exited;
    if (exit.error) log(`hugo-prerender serve: could not start ${bin}: ${exit.error.message} (install Hugo, or pass --hugo PATH)`);
    const status = stopping ? 0 : exit.status;
    if (killTimer) clearTimeout(killTimer);
    stopping = true;
    await watcher.close();
    process.removeListener("exit", onExit);
    return status;
  })();
  return {
    done,
    stop() {
      stopping = true;
      killHugo();
    }
  };
}
export {
  SERVE_CONFIG,
  SERVE_DATA,
  SERVE_ERRORS,
  ServeError,
  excludeStyle,
  hugoServerArgs,
  renderToMemory,
  serveLayer,
  serveSite
};
