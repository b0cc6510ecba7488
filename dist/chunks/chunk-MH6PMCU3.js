import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FONT_FACES,
  FileHashes,
  GLYPH_CSS,
  IMAGE_INDEX_FILE,
  PageRecords,
  contentKey,
  defaultSizes,
  internalOutcome,
  md5Hex,
  pageSettings,
  parseTitlesTemplate,
  readsUnchanged,
  refusedLinkDiagnostic,
  resolveInside,
  shadowFragments,
  shortcodeList,
  siteRecordKey,
  siteRoots,
  stableStringify,
  titlesTemplate
} from "./chunk-XTQKZYJQ.js";
import {
  PRERENDER_DIR,
  fallbackNames,
  fallbackTemplate,
  headAdvice,
  headReport,
  readSiteConfig,
  shadowTree,
  siteLayoutDirs
} from "./chunk-4NMVV5T6.js";

// src/site/output.ts
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeFileSync
} from "node:fs";
import path from "node:path";
var DEFAULT_TREE = "content";
var TREE_RE = /^content(\.[a-z0-9][a-z0-9_-]*)?$/;
var MANIFEST_FILE = "manifest.json";
var PARTIALS_DIR = "layouts/partials/prerender";
var TITLES_FILE = "titles.html";
var SHORTCODES_DIR = "layouts/shortcodes";
var WATCH_MARKER = "watching";
var CACHE_DIR = "cache";
var MANIFEST_VERSION = 3;
var OutputPathError = class extends Error {
};
var KEY_RE = /^[a-z0-9][a-z0-9_-]*$/;
function toPosix(p) {
  return p.split(path.sep).join("/");
}
function lstatOrNull(p) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
function readdirOrEmpty(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function sameBytes(file, data) {
  const st = lstatOrNull(file);
  if (!st || !st.isFile() || st.size !== data.length) return false;
  return readFileSync(file).equals(data);
}
function stableJson(value) {
  const sort = (v) => {
    if (Array.isArray(v)) {
      let copy;
      for (let i = 0; i < v.length; i++) {
        const x = sort(v[i]);
        if (x !== v[i]) (copy ??= v.slice())[i] = x;
      }
      return copy ?? v;
    }
    if (v && typeof v === "object") {
      const o = v;
      const keys = Object.keys(o);
      const sorted = [...keys].sort();
      let same = true;
      for (let i = 0; i < keys.length && same; i++) same = keys[i] === sorted[i] && sort(o[keys[i]]) === o[keys[i]];
      return same ? v : Object.fromEntries(sorted.map((k) => [k, sort(o[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 2) + "\n";
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function readManifest(root) {
  const empty = { version: MANIFEST_VERSION, pages: {}, static: [] };
  try {
    const m = JSON.parse(readFileSync(path.join(root, MANIFEST_FILE), "utf8"));
    if (m.version !== MANIFEST_VERSION || typeof m.pages !== "object" || m.pages === null) return empty;
    return {
      version: MANIFEST_VERSION,
      pages: m.pages,
      ...isPlainObject(m.trees) ? { trees: Object.fromEntries(Object.entries(m.trees).filter(([t, p]) => TREE_RE.test(t) && t !== DEFAULT_TREE && isPlainObject(p))) } : {},
      static: Array.isArray(m.static) ? m.static : [],
      ...Array.isArray(m.noisy) ? { noisy: m.noisy.filter((k) => typeof k === "string") } : {},
      ...isPlainObject(m.titles) ? { titles: m.titles } : {}
    };
  } catch {
    return empty;
  }
}
var PrerenderOutput = class {
  /** Absolute `<site>/.prerender`. */
  root;
  siteReal;
  previous;
  /** Shadow tree (`content`, `content.fr`) → shadow path inside it → what made it. */
  trees = /* @__PURE__ */ new Map();
  staticWritten = /* @__PURE__ */ new Set();
  cacheWritten = /* @__PURE__ */ new Set();
  shortcodesWritten = /* @__PURE__ */ new Set();
  noisy = /* @__PURE__ */ new Set();
  /** Original → its titles with math (md5 → HTML), written or kept by this build. */
  titles = /* @__PURE__ */ new Map();
  previousTitles;
  keptAny = false;
  /** Folder → the files in it, as isShadowFile listed them. */
  shadowDirs = /* @__PURE__ */ new Map();
  keptKeys = /* @__PURE__ */ new Set();
  tmpCounter = 0;
  constructor(siteDir) {
    const site = path.resolve(siteDir);
    this.siteReal = realpathSync(site);
    this.root = path.join(site, PRERENDER_DIR);
    this.previous = readManifest(this.root);
  }
  /**
   * `.prerender/<tree>/<rel>`; `rel` is the page's path inside the content tree (`posts/x.md`), `tree`
   * the shadow tree of its language (config.ts shadowTree: `content`, or `content.fr`).
   */
  writeShadow(rel, text, info, tree = DEFAULT_TREE) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    for (const k of info.partials) this.checkKey(k);
    this.write(`${tree}/${relPath}`, Buffer.from(text, "utf8"));
    this.treePages(tree).set(relPath, {
      source: info.source,
      partials: [...new Set(info.partials)].sort(),
      ...info.sourceMd5 ? { sourceMd5: info.sourceMd5 } : {}
    });
  }
  /** Records that rendering this fragment reported diagnostics (see Manifest.noisy). */
  markNoisy(key) {
    this.checkKey(key);
    this.noisy.add(key);
  }
  /**
   * The fragments of this page's shadow as the previous build wrote it (key → inline HTML), to be reused:
   * the fragment cache. Fragments that build marked noisy are left out, so their diagnostics are reported
   * again. Empty when there is no such shadow (or it was written by another version).
   */
  previousFragments(rel, tree = DEFAULT_TREE) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    const old = (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath];
    if (!old || old.partials.length === 0) return /* @__PURE__ */ new Map();
    let text;
    try {
      text = readFileSync(this.resolve(`${tree}/${relPath}`), "utf8");
    } catch {
      return /* @__PURE__ */ new Map();
    }
    const found = shadowFragments(text);
    for (const k of this.previous.noisy ?? []) found.delete(k);
    return found;
  }
  /** The titles and descriptions with math of one original (site-relative path): md5 of the text → HTML. */
  setTitles(source, titles) {
    if (titles.size > 0) this.titles.set(source, new Map(titles));
    else this.titles.delete(source);
  }
  /** Keeps the titles an earlier build wrote for this original (the page was not prerendered this time). */
  keepTitles(source) {
    const md5s = this.previous.titles?.[source];
    if (!md5s?.length) return;
    if (!this.previousTitles) {
      try {
        this.previousTitles = parseTitlesTemplate(readFileSync(this.resolve(`${PARTIALS_DIR}/${TITLES_FILE}`), "utf8"));
      } catch {
        this.previousTitles = /* @__PURE__ */ new Map();
      }
    }
    const kept = /* @__PURE__ */ new Map();
    for (const k of md5s) {
      const html = this.previousTitles.get(k);
      if (html !== void 0) kept.set(k, html);
    }
    this.setTitles(source, kept);
  }
  /** `.prerender/static/<rel>`, served by Hugo at `/<rel>`. */
  writeStatic(rel, data) {
    const relPath = this.cleanRel(rel, "static file");
    this.write(`static/${relPath}`, typeof data === "string" ? Buffer.from(data, "utf8") : data);
    this.staticWritten.add(relPath);
  }
  /**
   * Marks `.prerender/static/<rel>`, written by an earlier build, as used by this one (so `finish` keeps
   * it) without reading it. False when it is not there.
   */
  keepStatic(rel) {
    const relPath = this.cleanRel(rel, "static file");
    if (!lstatOrNull(this.resolve(`static/${relPath}`))?.isFile()) return false;
    this.staticWritten.add(relPath);
    return true;
  }
  /** `.prerender/cache/<rel>` as written by this or an earlier build, or undefined. */
  readCache(rel) {
    const relPath = this.cleanRel(rel, "cache file");
    try {
      return readFileSync(this.resolve(`${CACHE_DIR}/${relPath}`));
    } catch {
      return void 0;
    }
  }
  /** Keeps `.prerender/cache/<rel>`, as an earlier build wrote it, past `finish`. False when it is not there. */
  keepCache(rel) {
    const relPath = this.cleanRel(rel, "cache file");
    if (!lstatOrNull(this.resolve(`${CACHE_DIR}/${relPath}`))?.isFile()) return false;
    this.cacheWritten.add(relPath);
    return true;
  }
  /** Where `.prerender/cache/<rel>` is and what it is now (size, modification and change times, inode); undefined when it is not a file. */
  cacheStamp(rel) {
    const where = this.resolve(`${CACHE_DIR}/${this.cleanRel(rel, "cache file")}`);
    let st;
    try {
      st = lstatSync(where, { bigint: true });
    } catch {
      return void 0;
    }
    return st.isFile() ? { where, stamp: `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}` } : void 0;
  }
  /** Writes `.prerender/cache/<rel>` (unless it already has these bytes) and keeps it past `finish`. */
  writeCache(rel, data) {
    const relPath = this.cleanRel(rel, "cache file");
    this.write(`${CACHE_DIR}/${relPath}`, data);
    this.cacheWritten.add(relPath);
  }
  /**
   * `.prerender/layouts/shortcodes/<name>.html`: what Hugo runs for one of our shortcodes on a page it
   * renders from the original rather than from a shadow (no shadow yet, or `hugo server` 0.111 in the
   * instant between a save and the watcher's rewrite, when it re-reads the original itself).
   */
  writeShortcodeFallback(name, html) {
    this.checkKey(name);
    this.write(`${SHORTCODES_DIR}/${name}.html`, Buffer.from(html, "utf8"));
    this.shortcodesWritten.add(`${name}.html`);
  }
  /**
   * Writes an existing shadow again, same bytes, new file (atomic rename), so that Hugo's watcher sees
   * it change once more. Returns false when there is no such shadow. See watch.ts for why.
   */
  rewriteShadow(rel, tree = DEFAULT_TREE) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    const file = this.resolve(`${tree}/${relPath}`);
    if (!lstatOrNull(file)?.isFile()) return false;
    this.write(`${tree}/${relPath}`, readFileSync(file), { force: true });
    return true;
  }
  /** Writes `.prerender/<name>` (a marker such as WATCH_MARKER, or data the templates read), atomically. */
  writeMarker(name, text) {
    this.checkRootName(name);
    this.write(name, Buffer.from(text, "utf8"));
  }
  /** `.prerender/<name>` as an earlier build (or this one) wrote it, or undefined. */
  readMarker(name) {
    this.checkRootName(name);
    try {
      return readFileSync(this.resolve(name), "utf8");
    } catch {
      return void 0;
    }
  }
  /** Removes `.prerender/<name>` if it exists. */
  removeMarker(name) {
    this.checkRootName(name);
    const file = this.resolve(name);
    if (lstatOrNull(file)?.isFile()) unlinkSync(file);
  }
  /**
   * Keeps what an earlier build produced for this page (its shadow, with its fragments), e.g. because the
   * page failed this time: its old shadow stays, and Hugo's staleness check reports it.
   */
  keep(rel, tree = DEFAULT_TREE, opts = {}) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    if (!opts.unchanged) this.keptAny = true;
    const old = (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath];
    if (!old) return false;
    if (opts.seen || this.isShadowFile(tree, relPath)) {
      this.treePages(tree).set(relPath, old);
      for (const k of old.partials) this.keptKeys.add(k);
      return true;
    }
    return false;
  }
  /**
   * Whether the shadow is a file (not a link, not a folder), from one listing of its folder per build
   * (`watch` keeps every other page of a large site on each save: a lookup each, not a system call). The
   * listings are of shadows an earlier build wrote; this build's writes do not change what they say of
   * the pages it keeps.
   */
  isShadowFile(tree, relPath) {
    const file = this.shadowPath(tree, relPath);
    const slash = relPath.lastIndexOf("/");
    const dir = slash < 0 ? path.join(this.root, tree) : path.dirname(file);
    let files = this.shadowDirs.get(dir);
    if (files === void 0) {
      files = /* @__PURE__ */ new Set();
      try {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          if (e.isFile() || !e.isDirectory() && !e.isSymbolicLink() && lstatOrNull(path.join(dir, e.name))?.isFile()) files.add(e.name);
        }
      } catch {
      }
      this.shadowDirs.set(dir, files);
    }
    return files.has(slash < 0 ? relPath : relPath.slice(slash + 1));
  }
  /** The size in bytes of the shadow `.prerender/<tree>/<rel>`, or undefined when there is none. */
  shadowBytes(rel, tree = DEFAULT_TREE) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    const st = lstatOrNull(this.shadowPath(tree, relPath));
    return st?.isFile() ? st.size : void 0;
  }
  /** Whether the previous build's manifest has this shadow (what `keep` needs besides the file). */
  hadShadow(rel, tree = DEFAULT_TREE) {
    const relPath = this.cleanRel(rel, "shadow");
    this.checkTree(tree);
    return (tree === DEFAULT_TREE ? this.previous.pages : this.previous.trees?.[tree])?.[relPath] !== void 0;
  }
  /**
   * Where a shadow is, for looking at it (lstat) without touching it: its path is checked as text only
   * (cleanRel, checkTree), not resolved link by link as every write and delete is (resolve). Keeping
   * the pages of a large site stays one lstat each.
   */
  shadowPath(tree, relPath) {
    return path.sep === "/" ? `${this.root}/${tree}/${relPath}` : path.join(this.root, tree, relPath);
  }
  /**
   * Ends the build: writes titles.html, removes every shadow, template and static file this build neither
   * wrote nor kept (a deleted source loses its shadow; per-fragment partials of older versions go),
   * removes emptied directories, and writes the manifest.
   */
  finish(opts = {}) {
    const referenced = /* @__PURE__ */ new Set();
    for (const pages of this.trees.values()) for (const info of pages.values()) for (const k of info.partials) referenced.add(k);
    const allTitles = /* @__PURE__ */ new Map();
    for (const t of this.titles.values()) for (const [k, v] of t) allTitles.set(k, v);
    this.write(`${PARTIALS_DIR}/${TITLES_FILE}`, Buffer.from(titlesTemplate(allTitles), "utf8"));
    const keepStatic = /* @__PURE__ */ new Set([...this.staticWritten, ...this.keptAny ? this.previous.static : []]);
    const removed = [];
    const treesOnDisk = readdirOrEmpty(this.root).filter((n) => TREE_RE.test(n));
    for (const tree of [.../* @__PURE__ */ new Set([DEFAULT_TREE, ...treesOnDisk])].sort()) {
      const pages = this.trees.get(tree);
      this.sweep(tree, (rel) => pages?.has(rel) === true, removed);
    }
    this.sweep(PARTIALS_DIR, (rel) => rel === TITLES_FILE, removed);
    this.sweep("static", (rel) => keepStatic.has(rel), removed);
    if (!opts.incremental) this.sweep(CACHE_DIR, (rel) => this.cacheWritten.has(rel), removed);
    this.sweep(SHORTCODES_DIR, (rel) => this.shortcodesWritten.has(rel), removed);
    const noisy = new Set(this.noisy);
    for (const k of this.previous.noisy ?? []) if (this.keptKeys.has(k)) noisy.add(k);
    const sortedPages = (m) => Object.fromEntries([...m ?? []].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    const others = [...this.trees.keys()].filter((t) => t !== DEFAULT_TREE && this.trees.get(t).size > 0).sort();
    const manifest = {
      version: MANIFEST_VERSION,
      pages: sortedPages(this.trees.get(DEFAULT_TREE)),
      ...others.length ? { trees: Object.fromEntries(others.map((t) => [t, sortedPages(this.trees.get(t))])) } : {},
      static: [...keepStatic].sort(),
      ...noisy.size ? { noisy: [...noisy].sort() } : {},
      ...this.titles.size ? { titles: Object.fromEntries([...this.titles].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([src, t]) => [src, [...t.keys()].sort()])) } : {}
    };
    this.write(MANIFEST_FILE, Buffer.from(stableJson(manifest), "utf8"));
    return { removed: removed.sort(), manifest };
  }
  // --- internals -----------------------------------------------------------------------------
  treePages(tree) {
    let pages = this.trees.get(tree);
    if (!pages) this.trees.set(tree, pages = /* @__PURE__ */ new Map());
    return pages;
  }
  checkTree(tree) {
    if (!TREE_RE.test(tree)) {
      throw new OutputPathError(`shadow tree ${JSON.stringify(tree)} is not valid: "content" or "content.<language code>" (lower case)`);
    }
  }
  /** A file directly in .prerender/: a key, optionally with `.json`. */
  checkRootName(name) {
    if (!KEY_RE.test(name.replace(/\.json$/, ""))) this.checkKey(name);
  }
  checkKey(key) {
    if (!KEY_RE.test(key)) {
      throw new OutputPathError(`fragment key ${JSON.stringify(key)} is not valid: use lower-case letters, digits, '-' and '_'`);
    }
  }
  /** A relative path inside a component: forward slashes, no `..`, not absolute. */
  cleanRel(rel, what) {
    const p = rel.replace(/\\/g, "/");
    const parts = p.split("/");
    if (p === "" || p.startsWith("/") || /^[a-zA-Z]:/.test(p) || p.includes("\0") || parts.some((s) => s === ".." || s === "." || s === "")) {
      throw new OutputPathError(`refusing to write ${what} ${JSON.stringify(rel)}: not a plain relative path inside ${PRERENDER_DIR}/`);
    }
    return p;
  }
  /**
   * The absolute path of `rel` inside .prerender, after checking that it stays inside, textually and
   * once every existing symlink on the way is resolved.
   */
  resolve(rel) {
    return this.resolveAt(rel).abs;
  }
  /** resolve, also saying whether the file's directory exists already (then nothing is to be created). */
  resolveAt(rel) {
    const abs = path.resolve(this.root, rel);
    if (!abs.startsWith(this.root + path.sep)) {
      throw new OutputPathError(`refusing to touch ${abs}: outside ${this.root}`);
    }
    const expectedRoot = path.join(this.siteReal, PRERENDER_DIR);
    let probe = path.dirname(abs);
    for (; ; ) {
      if (lstatOrNull(probe)) break;
      probe = path.dirname(probe);
    }
    if (probe.length < this.root.length) return { abs, dirExists: false };
    let real;
    try {
      real = realpathSync.native(probe);
    } catch (e) {
      throw new OutputPathError(`refusing to touch ${abs}: cannot resolve ${probe} (${e.message})`);
    }
    if (real !== expectedRoot && !real.startsWith(expectedRoot + path.sep)) {
      throw new OutputPathError(
        `refusing to touch ${abs}: ${probe} resolves to ${real}, outside ${expectedRoot} (a symlink?); hugo-prerender only writes inside ${PRERENDER_DIR}/`
      );
    }
    return { abs, dirExists: probe === path.dirname(abs) };
  }
  write(rel, data, opts = {}) {
    const { abs: file, dirExists } = this.resolveAt(rel);
    if (!opts.force && sameBytes(file, data)) return;
    const dir = path.dirname(file);
    if (!dirExists) {
      mkdirSync(dir, { recursive: true });
      this.resolve(rel);
    }
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${this.tmpCounter++}.tmp`);
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, file);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
      }
      throw e;
    }
  }
  /** Deletes files under `.prerender/<dir>` for which `keep(relative path)` is false; never follows symlinks. */
  sweep(dir, keep, removed) {
    const base = path.join(this.root, dir);
    const walk = (abs, relDir) => {
      let empty = true;
      const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      for (const e of entries) {
        const child = path.join(abs, e.name);
        const rel = relDir + e.name;
        const isDir = e.isDirectory() || !e.isFile() && !e.isSymbolicLink() && lstatSync(child).isDirectory();
        if (isDir) {
          if (walk(child, `${rel}/`)) {
            this.resolve(path.relative(this.root, child) + "/x");
            rmdirSync(child);
          } else empty = false;
        } else if (keep(rel)) {
          empty = false;
        } else {
          this.resolve(path.relative(this.root, child));
          unlinkSync(child);
          removed.push(toPosix(path.relative(this.root, child)));
        }
      }
      return empty;
    };
    const st = lstatOrNull(base);
    if (!st) return;
    if (!st.isDirectory()) throw new OutputPathError(`${base} is not a directory (a symlink?); refusing to clean it`);
    this.resolve(path.relative(this.root, base) + "/x");
    walk(base, "");
  }
};

// src/log.ts
var UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\x1B": "\\e", "\0": "\\0" };
function escapeChar(c) {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeControls(s) {
  return s.replace(UNSAFE_CHAR, escapeChar);
}
function safeLine(s) {
  let line = escapeControls(s).replace(/##vso\[/gi, (m) => `#\\x23${m.slice(2)}`);
  if (/^\s*(::|##\[)/.test(line)) line = line.replace(/^(\s*)(.)/, (_, sp, c) => `${sp}\\x${c.charCodeAt(0).toString(16)}`);
  return line;
}
function safeLines(text) {
  return text.split("\n").map(safeLine).join("\n");
}

// src/site/lock.ts
import { hostname } from "node:os";
import { linkSync, lstatSync as lstatSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync2, renameSync as renameSync2, unlinkSync as unlinkSync2, writeFileSync as writeFileSync2 } from "node:fs";
import path2 from "node:path";
var LOCK_FILE = "lock";
var DEFAULT_LOCK_WAIT_MS = 6e4;
var POLL_MS = 100;
var LockError = class extends Error {
};
var local = /* @__PURE__ */ new Map();
function ensurePrerenderDir(siteDir) {
  const dir = path2.join(siteDir, PRERENDER_DIR);
  let st;
  try {
    st = lstatSync2(dir);
  } catch {
    try {
      mkdirSync2(dir);
    } catch (e) {
      throw new LockError(`cannot create ${PRERENDER_DIR}/ in ${siteDir}: ${e.message}`);
    }
    return dir;
  }
  if (st.isSymbolicLink()) {
    throw new LockError(
      `${PRERENDER_DIR} is a symbolic link; hugo-prerender writes only into a real ${PRERENDER_DIR}/ directory of the site. Delete the link (rm ${PRERENDER_DIR}) and build again`
    );
  }
  if (!st.isDirectory()) {
    throw new LockError(`${PRERENDER_DIR} is not a directory; delete it (it is generated) and build again`);
  }
  return dir;
}
function readOwner(file) {
  try {
    const o = JSON.parse(readFileSync2(file, "utf8"));
    if (typeof o.pid !== "number" || typeof o.host !== "string") return void 0;
    return { pid: o.pid, host: o.host, command: String(o.command ?? "hugo-prerender"), started: String(o.started ?? "") };
  } catch {
    return void 0;
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function stale(owner) {
  return owner !== void 0 && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid);
}
function describeOwner(o) {
  if (!o) return "another hugo-prerender";
  const host = o.host === hostname() ? "" : ` on ${o.host}`;
  return `another hugo-prerender ${o.command} (pid ${o.pid}${host}, started ${o.started || "at an unknown time"})`;
}
function tryCreate(file, owner, counter) {
  const tmp = `${file}.${process.pid}.${counter.n++}.tmp`;
  writeFileSync2(tmp, `${JSON.stringify(owner)}
`);
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    return false;
  } finally {
    unlinkSync2(tmp);
  }
}
function removeStale(file, seen, counter) {
  const aside = `${file}.${process.pid}.${counter.n++}.stale.tmp`;
  try {
    renameSync2(file, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== seen.pid || moved.started !== seen.started || moved.host !== seen.host)) {
    try {
      linkSync(aside, file);
    } catch {
    }
  }
  unlinkSync2(aside);
}
async function acquireSiteLock(siteDir, opts) {
  const dir = ensurePrerenderDir(siteDir);
  const file = path2.join(dir, LOCK_FILE);
  const waitMs = opts.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    const before = local.get(file);
    if (!before) break;
    const left = deadline - Date.now();
    if (left <= 0 || !await settlesWithin(before, left)) {
      throw new LockError(`${PRERENDER_DIR}/ of this site is in use by another build in this process; waited ${Math.round(waitMs / 1e3)} s`);
    }
  }
  let releaseLocal;
  local.set(file, new Promise((resolve) => releaseLocal = resolve));
  const dropLocal = () => {
    local.delete(file);
    releaseLocal();
  };
  const owner = { pid: process.pid, host: hostname(), command: opts.command, started: (/* @__PURE__ */ new Date()).toISOString() };
  const counter = { n: 0 };
  let told = false;
  try {
    for (; ; ) {
      if (tryCreate(file, owner, counter)) break;
      const other = readOwner(file);
      if (stale(other)) {
        removeStale(file, other, counter);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockError(
          `${describeOwner(other)} is using ${PRERENDER_DIR}/ of this site${waitMs > 0 ? `; waited ${Math.round(waitMs / 1e3)} s` : ""}. Wait for it to finish or stop it, then run again (--wait SECONDS waits longer). If no hugo-prerender is running, delete ${PRERENDER_DIR}/${LOCK_FILE}`
        );
      }
      if (!told) {
        told = true;
        opts.onWait?.(`waiting for ${describeOwner(other)}, which is using ${PRERENDER_DIR}/ of this site`);
      }
      await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
    }
  } catch (e) {
    dropLocal();
    throw e;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    try {
      if (readOwner(file)?.started === owner.started && readOwner(file)?.pid === owner.pid) unlinkSync2(file);
    } catch {
    }
    dropLocal();
  };
  process.once("exit", release);
  return { file, release };
}
async function settlesWithin(p, ms) {
  let timer;
  const timeout = new Promise((r) => timer = setTimeout(() => r(false), ms));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// src/images/options.ts
var DEFAULT_IMAGE_OPTIONS = {
  enable: true,
  widths: [400, 800, 1200, 1600, 2e3],
  formats: ["avif", "webp"],
  // sharp's own defaults.
  quality: { avif: 50, webp: 80, jpeg: 80 },
  sizes: "",
  metadata: "strip",
  maxPixels: 1e8
};
var KEY = "params.prerender.images";
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function imageOptions(data, file) {
  const diagnostics = [];
  const warn = (message) => diagnostics.push({ severity: "warning", code: "config", message, file, line: 1, column: 1 });
  const params = isRecord(data.params) ? data.params : {};
  const prerender = isRecord(params.prerender) ? params.prerender : {};
  const raw = prerender.images;
  const o = structuredClone(DEFAULT_IMAGE_OPTIONS);
  if (raw === void 0) return { options: o, diagnostics };
  if (raw === false) return { options: { ...o, enable: false }, diagnostics };
  if (!isRecord(raw)) {
    warn(`${KEY} must be a table (or false); using the defaults`);
    return { options: o, diagnostics };
  }
  const p = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  if (p.enable !== void 0) {
    if (typeof p.enable === "boolean") o.enable = p.enable;
    else warn(`${KEY}.enable must be true or false; using true`);
  }
  if (p.widths !== void 0) {
    const ok = Array.isArray(p.widths) && p.widths.length > 0 && p.widths.every((w) => Number.isInteger(w) && w >= 16 && w <= 8192);
    if (ok) o.widths = [...new Set(p.widths)].sort((a, b) => a - b);
    else warn(`${KEY}.widths must be a non-empty list of whole numbers of pixels between 16 and 8192; using ${JSON.stringify(o.widths)}`);
  }
  if (p.formats !== void 0) {
    const list = Array.isArray(p.formats) ? p.formats.map((f) => typeof f === "string" ? f.toLowerCase() : f) : null;
    if (list && list.every((f) => f === "avif" || f === "webp")) o.formats = [...new Set(list)];
    else warn(`${KEY}.formats must be a list of "avif" and "webp" (the image's own format is always written); using ${JSON.stringify(o.formats)}`);
  }
  if (p.quality !== void 0) {
    const valid = (q) => Number.isInteger(q) && q >= 1 && q <= 100;
    if (valid(p.quality)) o.quality = { avif: p.quality, webp: p.quality, jpeg: p.quality };
    else if (isRecord(p.quality)) {
      for (const [k, q] of Object.entries(p.quality)) {
        const f = k.toLowerCase();
        if ((f === "avif" || f === "webp" || f === "jpeg") && valid(q)) o.quality[f] = q;
        else warn(`${KEY}.quality.${k} must be a whole number from 1 to 100 for avif, webp or jpeg; ignored`);
      }
    } else warn(`${KEY}.quality must be a whole number from 1 to 100, or a table of them per format (avif, webp, jpeg); using the defaults`);
  }
  if (p.sizes !== void 0) {
    if (typeof p.sizes === "string") o.sizes = p.sizes.trim();
    else warn(`${KEY}.sizes must be a string (a sizes attribute); computing it per image`);
  }
  if (p.metadata !== void 0) {
    const m = typeof p.metadata === "string" ? p.metadata.toLowerCase() : "";
    if (m === "strip" || m === "keep") o.metadata = m;
    else warn(`${KEY}.metadata must be "strip" or "keep"; using "strip"`);
  }
  if (p.maxpixels !== void 0) {
    if (Number.isInteger(p.maxpixels) && p.maxpixels > 0) o.maxPixels = p.maxpixels;
    else warn(`${KEY}.maxPixels must be a positive whole number; using ${o.maxPixels}`);
  }
  return { options: o, diagnostics };
}

// src/images/pipeline.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync3 } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path3 from "node:path";
import { pathToFileURL } from "node:url";
var PIPELINE_VERSION = 1;
var MIME = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  svg: "image/svg+xml"
};
var EXTENSION = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png", gif: "gif" };
var NAMES = {
  jpeg: [".jpg", ".jpeg", ".jpe", ".jfif"],
  png: [".png"],
  webp: [".webp"],
  gif: [".gif"],
  avif: [".avif"],
  tiff: [".tif", ".tiff"],
  svg: [".svg", ".svgz"]
};
var LABEL = { jpeg: "JPEG", png: "PNG", webp: "WebP", gif: "GIF", avif: "AVIF", tiff: "TIFF", svg: "SVG" };
var sharpModule;
function sharpIdentity(siteDir) {
  const from = [import.meta.url, ...[siteDir, process.cwd()].filter((d) => d !== void 0).map((d) => path3.join(d, "package.json"))];
  for (const base of from) {
    try {
      let dir = path3.dirname(createRequire(base).resolve("sharp"));
      for (; ; ) {
        try {
          const pkg = JSON.parse(readFileSync3(path3.join(dir, "package.json"), "utf8"));
          if (pkg.name === "sharp") return `${path3.join(dir, "package.json")}@${String(pkg.version)}`;
        } catch {
        }
        const up = path3.dirname(dir);
        if (up === dir) break;
        dir = up;
      }
    } catch {
    }
  }
  return "none";
}
function loadSharp(siteDir) {
  sharpModule ??= (async () => {
    let m;
    try {
      m = await import("sharp");
    } catch (first) {
      const from = [siteDir, process.cwd()].filter((d) => d !== void 0);
      let found;
      for (const dir of from) {
        try {
          found = createRequire(path3.join(dir, "package.json")).resolve("sharp");
          break;
        } catch {
        }
      }
      if (!found) return first instanceof Error ? first : new Error(String(first));
      m = await import(pathToFileURL(found).href);
    }
    const s = m.default;
    s.cache(false);
    return s;
  })().catch((e) => e instanceof Error ? e : new Error(String(e)));
  return sharpModule;
}
var Limiter = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  running = 0;
  queue = [];
  async run(task) {
    if (this.running >= this.limit) await new Promise((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
};
var ImagePipeline = class {
  stats = { images: 0, processed: 0 };
  store;
  options;
  urlBase;
  limiter;
  siteDir;
  /** Absolute path → outcome, once per build however many figures show the image. */
  seen = /* @__PURE__ */ new Map();
  constructor(o) {
    this.store = o.store;
    this.options = o.options;
    this.urlBase = o.urlBase ?? "/";
    this.limiter = new Limiter(Math.max(1, o.concurrency ?? (Number(process.env.UV_THREADPOOL_SIZE) || 4)));
    this.siteDir = o.siteDir;
  }
  sizes(width) {
    return this.options.sizes || defaultSizes(width);
  }
  async prepare(file, shown) {
    let outcome = this.seen.get(file);
    if (!outcome) {
      this.stats.images++;
      outcome = this.load(file).catch((e) => ({ problems: [`cannot be processed (${firstLine(e)})`] }));
      this.seen.set(file, outcome);
    }
    const { record, problems } = await outcome;
    const warnings = problems.map((p) => `image "${shown}" ${p}; the original is used as it is`);
    if (!record) return { warnings };
    const ext = path3.extname(file).toLowerCase();
    if (ext && !NAMES[record.format].includes(ext)) {
      warnings.push(
        `image "${shown}" is a ${LABEL[record.format]} file although its name ends in ${ext}; it is served as ${LABEL[record.format]} (rename it to ${NAMES[record.format][0]} so that other tools agree)`
      );
    }
    return { image: this.responsive(record), warnings };
  }
  responsive(r) {
    const sets = [];
    for (const v of r.variants) {
      let set = sets.find((s) => s.format === v.format);
      if (!set) sets.push(set = { format: v.format, mime: MIME[v.format], candidates: [] });
      set.candidates.push({ url: this.urlBase + v.file, width: v.width });
    }
    return { format: r.format, width: r.width, height: r.height, animated: r.animated, sets };
  }
  async load(file) {
    const bytes = await readFile(file);
    const sharp = await loadSharp(this.siteDir);
    if (sharp instanceof Error) {
      return {
        problems: [
          `was not made responsive: sharp, which hugo-prerender uses for images, could not be loaded (${firstLine(sharp)}); install it beside hugo-prerender: npm install --save-dev sharp`
        ]
      };
    }
    const o = this.options;
    const key = contentKey(
      "image",
      PIPELINE_VERSION,
      sharp.versions,
      { widths: o.widths, formats: o.formats, quality: o.quality, metadata: o.metadata },
      createHash("sha256").update(bytes).digest("hex")
    );
    const cached = this.cached(key);
    if (cached) return { record: cached, problems: [] };
    const input = { limitInputPixels: o.maxPixels, failOn: "error" };
    let meta;
    try {
      meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata();
    } catch (e) {
      return { problems: [`is not an image sharp can read (${firstLine(e)})`] };
    }
    const format = sourceFormat(meta.format, meta.compression);
    if (!format) return { problems: [`is in a format browsers do not show (${meta.format})`] };
    const frames = format === "gif" || format === "webp" ? meta.pages ?? 1 : 1;
    const frameHeight = frames > 1 ? meta.pageHeight ?? meta.height : meta.height;
    const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const width = oriented.width;
    const height = frames > 1 ? frameHeight : oriented.height;
    if (!width || !height) return { problems: ["has no width or height"] };
    if (format === "svg") return { record: { format, width, height, animated: false, variants: [] }, problems: [] };
    const pixels = meta.width * (meta.pageHeight ?? meta.height) * frames;
    if (pixels > o.maxPixels) {
      return {
        problems: [
          `has ${meta.width}\xD7${meta.height} pixels${frames > 1 ? ` in ${frames} frames` : ""}, more than params.prerender.images.maxPixels (${o.maxPixels}); it was not decoded (a decompression bomb?)`
        ]
      };
    }
    const animated = frames > 1;
    const fallback = fallbackFormat(format, meta.hasAlpha === true);
    const formats = [...o.formats.filter((f) => f !== fallback && !(animated && f === "avif")), fallback];
    const widths = variantWidths(o.widths, width);
    const stem = safeStem(path3.basename(file, path3.extname(file)));
    const plan = [];
    for (const f of formats) {
      for (const w of widths) {
        plan.push({ format: f, width: w, height: Math.max(1, Math.round(height * w / width)), file: `prerender/img/${key}/${stem}-${w}.${EXTENSION[f]}` });
      }
    }
    let encoded;
    try {
      encoded = await Promise.all(
        plan.map(
          (v) => this.limiter.run(
            () => encode(sharp(bytes, { ...input, animated }), v, { width, quality: o.quality, keep: o.metadata === "keep", palette: meta.isPalette === true })
          )
        )
      );
    } catch (e) {
      return { problems: [`cannot be decoded (${firstLine(e)}): is the file truncated or corrupt?`] };
    }
    plan.forEach((v, i) => this.store.writeStatic(v.file, encoded[i]));
    const record = { format, width, height, animated, variants: plan };
    this.store.writeCache(recordPath(key), Buffer.from(JSON.stringify(record, null, 1) + "\n", "utf8"));
    this.stats.processed++;
    return { record, problems: [] };
  }
  /** The record for `key` when it and every variant it lists are still there (and are then kept). */
  cached(key) {
    const raw = this.store.readCache(recordPath(key));
    if (!raw) return void 0;
    let record;
    try {
      record = JSON.parse(raw.toString("utf8"));
    } catch {
      return void 0;
    }
    if (!Array.isArray(record.variants) || !record.variants.every((v) => this.store.keepStatic(v.file))) return void 0;
    this.store.writeCache(recordPath(key), raw);
    return record;
  }
};
function firstLine(e) {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0].trim();
}
function recordPath(key) {
  return `images/${key}.json`;
}
function sourceFormat(format, compression) {
  switch (format) {
    case "jpeg":
    case "png":
    case "webp":
    case "gif":
    case "tiff":
    case "svg":
      return format;
    case "heif":
      return compression === "av1" ? "avif" : void 0;
    default:
      return void 0;
  }
}
function fallbackFormat(format, alpha) {
  if (format === "avif" || format === "tiff") return alpha ? "png" : "jpeg";
  return format;
}
function variantWidths(configured, own) {
  const below = [...new Set(configured.filter((w) => w < own))].sort((a, b) => a - b);
  const widest = below.at(-1);
  if (configured.some((w) => w >= own) && (widest === void 0 || own > Math.floor(widest * 1.25))) below.push(own);
  return below;
}
function safeStem(stem) {
  const s = stem.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return s || "image";
}
async function encode(img, v, o) {
  img = img.autoOrient();
  if (v.width !== o.width) img = img.resize({ width: v.width, withoutEnlargement: true });
  if (o.keep) img = img.keepMetadata();
  switch (v.format) {
    case "avif":
      img = img.avif({ quality: o.quality.avif });
      break;
    case "webp":
      img = img.webp({ quality: o.quality.webp });
      break;
    case "jpeg":
      img = img.jpeg({ quality: o.quality.jpeg });
      break;
    case "png":
      img = img.png({ palette: o.palette });
      break;
    case "gif":
      img = img.gif();
      break;
  }
  return img.toBuffer();
}

// src/build.ts
import { closeSync, openSync, readdirSync as readdirSync3, readSync, realpathSync as realpathSync2, statSync } from "node:fs";
import os from "node:os";
import path5 from "node:path";

// src/render/static-assets.ts
import { existsSync, readdirSync as readdirSync2, readFileSync as readFileSync4 } from "node:fs";
import path4 from "node:path";
import { createRequire as createRequire2 } from "node:module";
import { fileURLToPath } from "node:url";
var FONT_FACE_CSS = FONT_FACES.map(
  (f) => `@font-face { font-family: ${f.family}; src: url(katex/fonts/${f.file}.woff2) format("woff2"); font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; }
`
).join("");
var PRERENDER_CSS = `/* hugo-prerender: layout for prerendered math and figures */
${FONT_FACE_CSS}.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.1em 0; }
.katex { text-rendering: auto; }
.hp-figure { margin: 1.5rem auto; max-width: 100%; }
.hp-figure > svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.hp-figure > figcaption { margin-top: 0.5rem; }
.hp-figure details { margin-top: 0.5rem; font-size: 0.85em; text-align: left; }
.hp-figure table { border-collapse: collapse; margin: 0.5rem auto; font-variant-numeric: tabular-nums; }
.hp-figure th, .hp-figure td { padding: 0.15em 0.6em; border-bottom: 1px solid color-mix(in srgb, currentColor 25%, transparent); text-align: right; }
`;
function katexDistDir() {
  const here = path4.dirname(fileURLToPath(import.meta.url));
  const bundled = path4.join(path4.basename(here) === "chunks" ? path4.dirname(here) : here, "katex");
  if (existsSync(path4.join(bundled, "VERSION"))) {
    return { dir: bundled, version: readFileSync4(path4.join(bundled, "VERSION"), "utf8").trim() };
  }
  const require2 = createRequire2(import.meta.url);
  const pkgDir = path4.dirname(require2.resolve("katex/package.json"));
  const version = JSON.parse(readFileSync4(path4.join(pkgDir, "package.json"), "utf8")).version;
  return { dir: path4.join(pkgDir, "dist"), version };
}
function copyStaticAssets(out, opts) {
  out.writeStatic("prerender/prerender.css", PRERENDER_CSS);
  if (!opts.math && !opts.figures) return;
  const { dir, version } = katexDistDir();
  if (version !== "0.16.47") {
    throw new Error(
      `the KaTeX stylesheet found (${version}, in ${dir}) does not match the KaTeX that renders (${"0.16.47"}); reinstall hugo-prerender`
    );
  }
  const fonts = path4.join(dir, "fonts");
  const figureFonts = new Set(FONT_FACES.map((f) => `${f.file}.woff2`));
  if (opts.math) out.writeStatic("prerender/katex/katex.min.css", readFileSync4(path4.join(dir, "katex.min.css"), "utf8") + GLYPH_CSS);
  for (const f of readdirSync2(fonts).sort()) {
    if (opts.math || figureFonts.has(f)) out.writeStatic(`prerender/katex/fonts/${f}`, readFileSync4(path4.join(fonts, f)));
  }
}

// src/site/shadow-names.ts
var UNSAFE = /[\\`\u0000-\u001f\u007f]/;
var ShadowNames = class {
  /** Folded shadow path → the source that claimed it. */
  claimed = /* @__PURE__ */ new Map();
  /**
   * Claims the shadow `tree/rel` for `source` (site-relative). Returns undefined when it is this file's,
   * or the message of the error that keeps this file from being prerendered.
   */
  claim(tree, rel, source) {
    const bad = UNSAFE.exec(rel);
    if (bad) {
      const what = bad[0] === "\\" ? "a backslash (\\)" : bad[0] === "`" ? "a backtick (`)" : "a control character";
      const why = bad[0] === "\\" ? "a folder separator on Windows, which could make its prerendered copy replace another page" : bad[0] === "`" ? "which the check that keeps stale pages from publishing cannot carry" : "which tools and logs mangle";
      return `the file name contains ${what}, ${why}; it was not prerendered. Rename the file`;
    }
    const key = `${tree}/${rel.normalize("NFC").toLowerCase()}`;
    const first = this.claimed.get(key);
    if (first !== void 0 && first !== source) {
      return `${first} and this file are the same page to Hugo and to a case-insensitive disk (their paths differ only in upper/lower case or Unicode normalisation); this one was not prerendered. Rename one of them`;
    }
    this.claimed.set(key, source);
    return void 0;
  }
};

// src/build.ts
var START_WORKERS_AFTER = 4;
var PAGES_PER_WORKER = 8;
var IN_FLIGHT_PER_WORKER = 3;
function defaultJobs() {
  const env = process.env.HUGO_PRERENDER_JOBS;
  if (env !== void 0 && /^\d+$/.test(env.trim()) && Number(env) >= 1) return Number(env);
  return os.availableParallelism();
}
var CONTENT_EXTENSIONS = /* @__PURE__ */ new Set([".md", ".markdown", ".mdown"]);
function listContentFiles(dir, roots, refused = []) {
  const out = [];
  const walk = (d, seen) => {
    let entries;
    let real;
    try {
      real = realpathSync2(d);
      entries = readdirSync3(d, { withFileTypes: true });
    } catch {
      return;
    }
    if (seen.has(real)) return;
    const inside = new Set(seen).add(real);
    for (const e of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      if (e.name.startsWith(".")) continue;
      const p = d.endsWith(path5.sep) ? d + e.name : d + path5.sep + e.name;
      let st = void 0;
      if (e.isSymbolicLink()) {
        const r = resolveInside(roots, p);
        if (!r.ok) {
          if (r.why === "outside") refused.push({ link: p, target: r.target ?? "" });
          continue;
        }
        try {
          st = statSync(r.real);
        } catch {
          continue;
        }
      }
      if (st ? st.isDirectory() : e.isDirectory()) walk(p, inside);
      else if ((st ? st.isFile() : e.isFile()) && CONTENT_EXTENSIONS.has(path5.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(path5.resolve(dir), /* @__PURE__ */ new Set());
  return out;
}
var readBuffer = Buffer.allocUnsafe(1 << 16);
function readSource(file) {
  const fd = openSync(file, "r");
  try {
    let n = 0;
    for (; ; ) {
      if (n === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger, 0, 0, n);
        readBuffer = bigger;
      }
      const got = readSync(fd, readBuffer, n, readBuffer.length - n, null);
      if (got === 0) break;
      n += got;
    }
    return readBuffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
function writeFailure(e) {
  if (e instanceof OutputPathError) return e.message;
  const code = e?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
    return `cannot write the prerendered output: ${e.message}; hugo-prerender writes only inside .prerender/: check that it is a writable directory (or delete it)`;
  }
  return void 0;
}
function toPosix2(p) {
  return p.split(path5.sep).join("/");
}
function relativePosix(from, to) {
  if (to.startsWith(from + path5.sep) && !to.includes(`${path5.sep}.`)) return toPosix2(to.slice(from.length + 1));
  return toPosix2(path5.relative(from, to));
}
function emptyBuildResult() {
  return { pages: 0, shadowed: 0, formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0, unchanged: 0, images: 0, imagesProcessed: 0, ms: 0, workers: 0, diagnostics: [], failed: false };
}
async function buildSite(opts) {
  if (opts.locked || !existsDir(path5.resolve(opts.source))) return buildLocked(opts);
  let lock;
  try {
    lock = await acquireSiteLock(path5.resolve(opts.source), { command: "build", waitMs: opts.lockWaitMs, onWait: opts.onLockWait });
  } catch (e) {
    if (!(e instanceof LockError)) throw e;
    const result = emptyBuildResult();
    result.diagnostics.push({ severity: "error", code: "lock", line: 1, column: 1, message: e.message });
    result.failed = true;
    return result;
  }
  try {
    return await buildLocked(opts);
  } finally {
    lock.release();
  }
}
async function buildLocked(opts) {
  const t0 = performance.now();
  const siteDir = path5.resolve(opts.source);
  const result = emptyBuildResult();
  const fail = (message, file) => {
    result.diagnostics.push({ severity: "error", message, file, line: 1, column: 1 });
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  };
  if (!existsDir(siteDir)) {
    if (existsPath(siteDir)) return fail(`${siteDir} is a file, not a directory: -s takes the site's directory (${path5.dirname(siteDir)}?)`);
    return fail(`the site directory ${siteDir} does not exist; pass the site with -s DIR`);
  }
  let config;
  try {
    config = readSiteConfig(siteDir);
  } catch (e) {
    return fail(`cannot read the site configuration: ${e.message}`);
  }
  result.diagnostics.push(...config.diagnostics);
  if (config.diagnostics.some((d) => d.severity === "error")) {
    result.failed = true;
    result.ms = Math.round(performance.now() - t0);
    return result;
  }
  if (!config.file) {
    return fail(
      `${siteDir} has no Hugo configuration (hugo.toml, hugo.yaml, hugo.json or config.*); is this a Hugo site? Pass it with -s DIR`
    );
  }
  const errorMode = opts.errors ?? config.prerender.errors;
  const base = pageSettings(config, siteDir, errorMode);
  result.diagnostics.push(...base.diagnostics);
  const { settings, site } = base;
  let output;
  try {
    output = new PrerenderOutput(siteDir);
  } catch (e) {
    const why = writeFailure(e);
    if (why) return fail(why);
    throw e;
  }
  const images = imageOptions(config.data, config.file ? toPosix2(path5.relative(siteDir, config.file)) : void 0);
  result.diagnostics.push(...images.diagnostics);
  const pipeline = images.options.enable ? new ImagePipeline({ store: output, options: images.options, urlBase: urlBase(config.data.baseURL), siteDir }) : void 0;
  const imageIndex = pipeline && settings.siteShortcodes?.has("figure") ? {} : void 0;
  const previousIndex = imageIndex ? readImageIndex(output) : {};
  const keepIndex = (relToContent) => {
    if (imageIndex && previousIndex[relToContent]) imageIndex[relToContent] = previousIndex[relToContent];
  };
  const hashes = new FileHashes();
  let ctx;
  const pageContext = () => ctx ??= import("./build-page-D6SJIBVP.js").then(
    (m) => m.createPageContext(config, siteDir, errorMode, { service: pipeline, index: imageIndex !== void 0 }, base, hashes)
  );
  const files = [];
  const seenRoots = /* @__PURE__ */ new Set();
  const refused = [];
  for (const root of config.contentRoots) {
    if (seenRoots.has(root.dir)) continue;
    seenRoots.add(root.dir);
    const tree = shadowTree(root.lang);
    if (tree === void 0) {
      result.diagnostics.push({
        severity: "error",
        code: "config",
        file: toPosix2(path5.relative(siteDir, config.file)),
        line: 1,
        column: 1,
        message: `the content of ${JSON.stringify(root.source)} has language ${JSON.stringify(root.lang)}, which is not a plain language code (letters, digits, '-', '_'); its pages were not prerendered`
      });
      continue;
    }
    for (const abs of listContentFiles(root.dir, siteRoots(site), refused)) {
      const rel = relativePosix(root.dir, abs);
      files.push({ abs, tree, relToContent: root.target ? path5.posix.join(root.target, rel) : rel });
    }
  }
  for (const r of refused) {
    result.diagnostics.push(refusedLinkDiagnostic(siteDir, r));
  }
  let anyMath = false;
  let anyFigure = false;
  const records = new PageRecords(
    output,
    siteRecordKey({
      settings: settings.settingsKey,
      everywhere: settings.everywhere,
      limits: settings.limits,
      siteShortcodes: [...settings.siteShortcodes ?? []],
      feeds: settings.feeds,
      images: pipeline ? { options: images.options, base: urlBase(config.data.baseURL), index: imageIndex !== void 0, sharp: sharpIdentity(siteDir) } : null
    })
  );
  const canReplay = (record, relToContent, tree) => {
    if (!readsUnchanged(record, site, hashes, settings.markdownInner)) return false;
    if (record.held || record.shadowBytes === void 0) return true;
    return output.hadShadow(relToContent, tree) && output.shadowBytes(relToContent, tree) === record.shadowBytes;
  };
  const replayPage = async (record, p) => {
    if (record.held) output.keep(p.relToContent, p.tree);
    else if (record.shadowBytes !== void 0) output.keep(p.relToContent, p.tree, { unchanged: true, seen: true });
    output.keepTitles(p.relPath);
    keepIndex(p.relToContent);
    if (pipeline) for (const img of record.images) await pipeline.prepare(path5.resolve(siteDir, img.file), img.shown);
    result.diagnostics.push(...record.diagnostics);
    result.formulas += record.stats.formulas;
    result.figures += record.stats.figures;
    result.shortcodes += record.stats.shortcodes;
    result.cacheHits += record.stats.formulas + record.stats.figures + record.stats.shortcodes;
    if (!record.held && record.shadowBytes !== void 0) result.shadowed++;
    anyMath ||= record.math;
    anyFigure ||= record.figure;
    result.unchanged++;
  };
  const jobs = Math.max(1, Math.floor(opts.jobs ?? defaultJobs()));
  let pool;
  let toBuild = 0;
  const render = async (job, seen, left) => {
    toBuild++;
    const here = await pageContext();
    if (!pool && jobs > 1 && toBuild >= START_WORKERS_AFTER) {
      const w = await import("./build-workers-X77SEBKB.js");
      const size = Math.min(jobs, Math.floor(toBuild / seen * left / PAGES_PER_WORKER));
      if (!pool && size >= 2 && w.workersAvailable()) {
        result.workers = size;
        pool = new w.PagePool(
          size,
          { siteDir, errorMode, fingerprint: w.contextFingerprint(here), imageIndex: here.imageIndex, ...pipeline ? { images: { sizes: images.options.sizes } } : {} },
          pipeline
        );
      }
    }
    return pool ? pool.run(job) : structuredClone(await (await import("./build-page-D6SJIBVP.js")).renderPage(job, here));
  };
  const names = new ShadowNames();
  const startPage = async ({ abs, relToContent, tree }, index) => {
    result.pages++;
    const relPath = relativePosix(siteDir, abs);
    const badName = names.claim(tree, relToContent, relPath);
    if (badName) return () => void result.diagnostics.push({ severity: "error", code: "file-name", file: relPath, line: 1, column: 1, message: badName });
    const id = `${tree}/${relToContent}`;
    const keepPage = () => {
      output.keep(relToContent, tree);
      output.keepTitles(relPath);
      keepIndex(relToContent);
    };
    if (opts.only && !opts.only.has(relPath)) {
      return () => {
        keepPage();
        records.carry(id);
      };
    }
    let bytes;
    try {
      bytes = readSource(abs);
    } catch (e) {
      return () => {
        result.diagnostics.push({ severity: "error", file: relPath, line: 1, column: 1, message: `cannot read: ${e.message}` });
        keepPage();
      };
    }
    const bytesMd5 = md5Hex(bytes);
    const record = records.get(id);
    if (record && record.source === relPath && record.md5 === bytesMd5 && canReplay(record, relToContent, tree)) {
      return async () => {
        await replayPage(record, { relPath, relToContent, tree });
        records.carry(id);
      };
    }
    bytes = Buffer.from(bytes);
    let o;
    try {
      const previous = [...output.previousFragments(relToContent, tree)];
      o = await render({ abs, relPath, relToContent, bytes, previous }, index + 1, files.length - index - 1);
    } catch (e) {
      o = internalOutcome(relPath, e.stack ?? String(e));
    }
    return () => {
      if (o.internal) {
        result.diagnostics.push(...o.diagnostics);
        keepPage();
        return;
      }
      result.formulas += o.stats.formulas;
      result.figures += o.stats.figures;
      result.shortcodes += o.stats.shortcodes;
      result.cacheHits += o.stats.cacheHits;
      if (imageIndex && o.imageEntries) imageIndex[relToContent] = o.imageEntries;
      result.diagnostics.push(...o.diagnostics);
      const record2 = {
        source: relPath,
        md5: bytesMd5,
        lookups: o.reads.lookups,
        images: o.reads.images,
        markdownInner: o.reads.markdownInner,
        held: o.held,
        diagnostics: o.diagnostics,
        stats: { formulas: o.stats.formulas, figures: o.stats.figures, shortcodes: o.stats.shortcodes },
        math: false,
        figure: false
      };
      if (o.held) {
        keepPage();
        records.set(id, record2);
        return;
      }
      output.setTitles(relPath, new Map(o.titles));
      record2.math = o.titlesHave.math;
      record2.figure = o.titlesHave.figure;
      for (const key of o.noisy) output.markNoisy(key);
      if (o.shadow !== void 0) {
        try {
          output.writeShadow(relToContent, o.shadow, { source: relPath, partials: o.keys }, tree);
        } catch (e) {
          const why = writeFailure(e);
          if (!why) throw e;
          if (!result.diagnostics.some((d) => d.code === "write")) {
            result.diagnostics.push({ severity: "error", code: "write", file: relPath, line: 1, column: 1, message: why });
          }
          keepPage();
          return;
        }
        result.shadowed++;
        record2.math ||= o.fragmentsHave.math;
        record2.figure ||= o.fragmentsHave.figure;
        record2.shadowBytes = Buffer.byteLength(o.shadow, "utf8");
      }
      records.set(id, record2);
      anyMath ||= record2.math;
      anyFigure ||= record2.figure;
    };
  };
  const started = [];
  try {
    for (const [index, file] of files.entries()) {
      started.push(startPage(file, index));
      while (started.length > (pool ? pool.size * IN_FLIGHT_PER_WORKER : 0)) await (await started.shift())();
    }
    while (started.length > 0) await (await started.shift())();
  } finally {
    await Promise.allSettled(started);
    await pool?.close();
  }
  if (anyMath) {
    const head = headReport(siteLayoutDirs(siteDir, config.data));
    if (head.linking.length === 0) {
      result.diagnostics.push({
        severity: "warning",
        code: "head",
        file: toPosix2(path5.relative(siteDir, config.file)),
        line: 1,
        column: 1,
        message: `pages have math, but no template of this site or its theme calls the head partial, so no page links the KaTeX stylesheet and formulas show untypeset (as bare MathML); ${headAdvice(head, siteDir)}`
      });
    }
  }
  try {
    if (imageIndex) output.writeMarker(IMAGE_INDEX_FILE, stableStringify(imageIndex) + "\n");
    else if (!opts.only) output.removeMarker(IMAGE_INDEX_FILE);
    copyStaticAssets(output, { math: anyMath, figures: anyFigure });
    for (const name of fallbackNames(shortcodeList.keys(), siteLayoutDirs(siteDir, config.data))) {
      output.writeShortcodeFallback(name, fallbackTemplate(name, shortcodeList.get(name)));
    }
    records.save();
    output.finish({ incremental: opts.only !== void 0 });
  } catch (e) {
    const why = writeFailure(e);
    if (!why) throw e;
    if (!result.diagnostics.some((d) => d.code === "write")) result.diagnostics.push({ severity: "error", code: "write", line: 1, column: 1, message: why });
  }
  if (pipeline) {
    result.images = pipeline.stats.images;
    result.imagesProcessed = pipeline.stats.processed;
  }
  result.diagnostics.sort(compareDiagnostics);
  result.failed = result.failed || result.diagnostics.some((d) => d.severity === "error");
  result.ms = Math.round(performance.now() - t0);
  return result;
}
function readImageIndex(output) {
  try {
    const v = JSON.parse(output.readMarker(IMAGE_INDEX_FILE) ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
function urlBase(baseURL) {
  if (typeof baseURL !== "string" || baseURL.trim() === "") return "/";
  let p;
  try {
    p = new URL(baseURL.trim()).pathname;
  } catch {
    p = baseURL.trim().startsWith("/") ? baseURL.trim() : "/";
  }
  return p.endsWith("/") ? p : `${p}/`;
}
function existsPath(p) {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
function existsDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function compareDiagnostics(a, b) {
  const fa = a.file ?? "";
  const fb = b.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
function formatDiagnostic(d) {
  const where = d.file ? `${d.file}:${d.line}:${d.column}: ` : "";
  return safeLine(`${where}${d.severity}: ${d.message}`);
}
function summaryLine(r) {
  const n = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = r.diagnostics.length - errors;
  return `hugo-prerender: ${n(r.pages, "page")} (${r.shadowed} prerendered${r.unchanged ? `, ${r.unchanged} unchanged` : ""}), ${n(r.formulas, "formula")}, ${n(r.figures, "figure")}, ${n(r.shortcodes, "other shortcode")}, ${n(r.cacheHits, "cache hit")}, ` + (r.images > 0 ? `${n(r.images, "image")} (${r.imagesProcessed} processed), ` : "") + `${n(errors, "error")}, ${n(warnings, "warning")}, ${r.ms} ms` + (r.workers ? ` (${n(r.workers, "worker thread")})` : "");
}

export {
  DEFAULT_TREE,
  WATCH_MARKER,
  readManifest,
  PrerenderOutput,
  safeLine,
  safeLines,
  DEFAULT_LOCK_WAIT_MS,
  LockError,
  acquireSiteLock,
  DEFAULT_IMAGE_OPTIONS,
  imageOptions,
  ImagePipeline,
  variantWidths,
  listContentFiles,
  emptyBuildResult,
  buildSite,
  formatDiagnostic,
  summaryLine
};
