import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  LIMIT_SETTINGS,
  feedContentTemplates,
  getIn,
  headingDataTemplates,
  isRecord,
  markdownShortcodeTemplates,
  moduleLayoutDirs,
  siteLayoutDirs,
  siteShortcodeTemplates
} from "./chunk-4NMVV5T6.js";

// src/render/keys.ts
import { createHash } from "node:crypto";
function contentKey(...parts) {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(typeof p === "string" ? p : stableStringify(p));
    h.update("\0");
  }
  return h.digest("hex").slice(0, 20);
}
function stableStringify(v) {
  if (v === void 0) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(",")}}`;
}
function md5Hex(data) {
  return createHash("md5").update(data).digest("hex");
}

// shortcodes:virtual:shortcode-list
var virtual_shortcode_list_default = [["attention-map", "required"], ["figure", "none"], ["gradient-decay", "none"], ["gru-cell", "none"], ["lstm-cell", "none"], ["plot", "none"], ["rnn-architectures", "none"], ["rnn-unroll", "none"], ["seq2seq-attention", "none"]];

// src/render/shortcode-list.ts
var shortcodeList = new Map(virtual_shortcode_list_default);

// src/site/safe-path.ts
import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";
function allowedRoots(dirs) {
  const out = [];
  for (const d of dirs) {
    const given = path.resolve(d);
    try {
      out.push({ given, real: realpathSync(given) });
    } catch {
    }
  }
  return { dirs: out };
}
function within(dir, p) {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
function lexicallyInside(roots, p) {
  return roots.dirs.some((d) => within(d.given, p) || within(d.real, p));
}
function toReal(roots, p) {
  let best;
  for (const d of roots.dirs) {
    for (const base2 of [d.real, d.given]) {
      if (within(base2, p) && (!best || base2.length > best.len)) {
        best = { root: d.real, rest: path.relative(base2, p).split(path.sep).filter((s) => s !== ""), len: base2.length };
      }
    }
  }
  return best && { root: best.root, rest: best.rest };
}
function resolveInside(roots, file) {
  let pending = path.resolve(file);
  let lastLink;
  let lastTarget;
  for (let hops = 0; hops < 40; hops++) {
    const start = toReal(roots, pending);
    if (!start) return { ok: false, why: "outside", ...lastLink ? { link: lastLink, target: lastTarget } : {} };
    let cur = start.root;
    let followed = false;
    for (let i = 0; i < start.rest.length; i++) {
      const next = path.join(cur, start.rest[i]);
      let st;
      try {
        st = lstatSync(next);
      } catch {
        return { ok: false, why: "missing" };
      }
      if (st.isSymbolicLink()) {
        lastLink = next;
        lastTarget = readlinkSync(next);
        pending = path.resolve(path.dirname(next), lastTarget, ...start.rest.slice(i + 1));
        followed = true;
        break;
      }
      cur = next;
    }
    if (!followed) return { ok: true, real: cur };
  }
  return { ok: false, why: "outside", link: lastLink, target: lastTarget };
}
function shownPath(siteDir, p) {
  const rel2 = path.relative(siteDir, p);
  return rel2 === "" || rel2.startsWith("..") || path.isAbsolute(rel2) ? p : rel2.split(path.sep).join("/");
}
var cache = /* @__PURE__ */ new WeakMap();
function siteRoots(site) {
  let r = cache.get(site);
  if (!r) cache.set(site, r = allowedRoots([site.dir, ...site.contentDirs ?? [], ...site.staticDirs, site.assetsDir]));
  return r;
}
function lookUpFile(roots, bases, rel2, track, memo) {
  const key = memo ? `${bases.join("\0")}\0\0${rel2}` : "";
  let result = memo?.get(key);
  if (!result) {
    result = lookUp(roots, bases, rel2);
    memo?.set(key, result);
  }
  track?.(bases, rel2, result);
  return result;
}
function lookUp(roots, bases, rel2) {
  const looked = [];
  for (const base2 of bases) {
    const p = path.resolve(base2, rel2);
    if (!lexicallyInside(roots, p)) continue;
    looked.push(p);
    const r = resolveInside(roots, p);
    if (r.ok) {
      try {
        if (lstatSync(r.real).isFile()) return { found: r.real };
      } catch {
      }
    } else if (r.why === "outside") {
      return { refused: p, link: r.link ?? p, target: r.target ?? "" };
    }
  }
  return { missing: looked };
}
function outsideMessage(siteDir, link, target) {
  return `${shownPath(siteDir, link)} is a symbolic link to ${JSON.stringify(target)}, outside the site; hugo-prerender reads nothing outside the site (Hugo 0.169 ignores such links too): copy it into the site instead of linking it`;
}
function refusedLinkDiagnostic(siteDir, r) {
  return { severity: "error", code: "outside", file: shownPath(siteDir, r.link), line: 1, column: 1, message: outsideMessage(siteDir, r.link, r.target) };
}

// src/images/service.ts
var COLUMN_WIDTH = 800;
function defaultSizes(width) {
  const w = Math.max(1, Math.min(Math.round(width), COLUMN_WIDTH));
  return `(max-width: ${w}px) 100vw, ${w}px`;
}
function srcsetOf(s) {
  return s.candidates.map((c) => `${c.url} ${c.width}w`).join(", ");
}
function pictureData(image, sizes) {
  const fallback = image.sets.at(-1);
  if (!fallback) return void 0;
  return {
    src: fallback.candidates.at(-1).url,
    srcset: srcsetOf(fallback),
    sizes,
    ...image.width !== void 0 ? { width: image.width } : {},
    ...image.height !== void 0 ? { height: image.height } : {},
    format: image.format,
    sources: image.sets.slice(0, -1).map((s) => ({ type: s.mime, srcset: srcsetOf(s) }))
  };
}

// src/render/figure-html.ts
function escapeHtmlGo(s) {
  return s.replace(/[\0"&'+<>]/g, (c) => GO_HTML_ESCAPES[c]);
}
var GO_HTML_ESCAPES = {
  "\0": "\uFFFD",
  '"': "&#34;",
  "&": "&amp;",
  "'": "&#39;",
  "+": "&#43;",
  "<": "&lt;",
  ">": "&gt;"
};
function isSafeUrlGo(url) {
  const colon = url.indexOf(":");
  if (colon === -1) return true;
  const scheme = url.slice(0, colon);
  if (scheme.includes("/")) return true;
  return ["http", "https", "mailto"].includes(scheme.toLowerCase());
}
function isLocalSrc(src) {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !src.startsWith("//");
}
var UNSAFE_URL = "#ZgotmplZ";
function normalizeUrlGo(url) {
  let out = "";
  for (const byte of new TextEncoder().encode(url)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~!#$&*+,/:;=?@[\]%]/.test(c)) out += c;
    else out += "%" + byte.toString(16).padStart(2, "0");
  }
  return out;
}
function urlAttrGo(url) {
  return escapeHtmlGo(isSafeUrlGo(url) ? normalizeUrlGo(url) : UNSAFE_URL);
}
var attr = (name, value) => value ? ` ${name}="${escapeHtmlGo(value)}"` : "";
function figureHtml(f) {
  let html = `<figure${attr("class", f.class)}>`;
  if (f.link) {
    html += `<a href="${urlAttrGo(f.link)}"${attr("target", f.target)}${attr("rel", f.rel)}>`;
  }
  const pic = f.picture;
  if (pic) {
    html += "<picture>";
    for (const s of pic.sources) html += `<source type="${escapeHtmlGo(s.type)}"${attr("srcset", s.srcset)}${attr("sizes", pic.sizes)}>`;
  }
  html += `<img src="${urlAttrGo(f.src)}"`;
  if (pic) html += `${attr("srcset", pic.srcset)}${attr("sizes", pic.sizes)}`;
  if (f.alt !== void 0) html += `
			alt="${escapeHtmlGo(f.alt)}"`;
  html += `${attr("width", f.width)}${attr("height", f.height)}${attr("loading", f.loading)}${attr("decoding", f.decoding)}>`;
  if (pic) html += "</picture>";
  if (f.link) html += "</a>";
  if (f.title || f.captionHtml || f.attrHtml) {
    html += "<figcaption>\n			";
    if (f.title) html += `<h4>${escapeHtmlGo(f.title)}</h4>`;
    if (f.captionHtml || f.attrHtml) {
      html += `<p>${f.captionHtml ?? ""}`;
      if (f.attrlink) html += `
						<a href="${urlAttrGo(f.attrlink)}">`;
      html += f.attrHtml ?? "";
      if (f.attrlink) html += "</a>";
      html += "</p>";
    }
    html += "\n		</figcaption>";
  }
  return `${html}
</figure>
`;
}

// src/images/resolve.ts
function lookUpImage(src, site, bundleDir, track, memo) {
  if (!isLocalSrc(src)) return void 0;
  let rel2 = src.replace(/[?#].*$/s, "");
  try {
    rel2 = decodeURIComponent(rel2);
  } catch {
  }
  rel2 = rel2.replace(/^\/+/, "");
  if (rel2 === "") return void 0;
  const bases = [...bundleDir ? [bundleDir] : [], site.assetsDir, ...site.staticDirs];
  return lookUpFile(siteRoots(site), bases, rel2, track, memo);
}

// src/images/site-figures.ts
var IMAGE_INDEX_FILE = "images.json";
var CODE = /* @__PURE__ */ new Set(["highlight", "code", "mermaid", "chart", "katex", "math"]);
function figures(list, out = []) {
  for (const sc of list) {
    if (sc.name === "figure") out.push(sc);
    else if (!CODE.has(sc.name)) figures(sc.children, out);
  }
  return out;
}
async function siteFigureImages(shortcodes, page, site, images) {
  const entries = {};
  const diagnostics = [];
  for (const sc of figures(shortcodes)) {
    const src = Array.isArray(sc.params) ? void 0 : sc.params.src;
    if (typeof src !== "string" || src.trim() === "") continue;
    const at = sc.paramPositions?.src ?? { line: sc.line, column: sc.column, offset: sc.offset };
    const warn = (message, code) => diagnostics.push({ severity: "warning", code, file: page.relPath, line: at.line, column: at.column, offset: at.offset, message: `figure: ${message}` });
    const look = lookUpImage(src, site, page.bundleDir, page.reads?.lookup, page.reads?.memo);
    if (look && "refused" in look) warn(`image "${src}": ${outsideMessage(site.dir, look.link, look.target)}`, "outside");
    if (!look || !("found" in look)) continue;
    const { image, warnings } = await images.prepare(look.found, src);
    for (const w of warnings) warn(w, "figure-image");
    const data = image ? pictureData(image, images.sizes(image.width ?? 0)) : void 0;
    if (data) entries[src] = data;
  }
  return { entries, diagnostics };
}

// src/site/page-records.ts
import { readdirSync, readFileSync } from "node:fs";
import path2 from "node:path";
import { fileURLToPath } from "node:url";
var PAGE_RECORDS_FILE = "pages.json";
var RECORDS_VERSION = 1;
var lastFile;
var codeId;
function runningCodeId() {
  if (codeId === void 0) {
    let id = "";
    try {
      const file = fileURLToPath(import.meta.url);
      const dir = path2.dirname(file);
      id = path2.basename(dir) === "chunks" && file.endsWith(".js") ? md5Hex(readdirSync(dir).filter((n) => n.endsWith(".js")).sort().join("\n")) : md5Hex(readFileSync(file));
    } catch {
    }
    codeId = `${"0.1.0"}/${"0.16.47"}/${id}`;
  }
  return codeId;
}
function siteRecordKey(parts) {
  return contentKey("pages", RECORDS_VERSION, runningCodeId(), stableStringify(parts));
}
function rel(siteDir, p) {
  return path2.relative(siteDir, p).split(path2.sep).join("/");
}
function outcomeOf(siteDir, r) {
  const v = "found" in r ? { found: rel(siteDir, r.found) } : "refused" in r ? { refused: rel(siteDir, r.refused), link: rel(siteDir, r.link), target: r.target } : { missing: r.missing.map((m) => rel(siteDir, m)) };
  return md5Hex(stableStringify(v));
}
var FileHashes = class {
  known = /* @__PURE__ */ new Map();
  /** The build's lookups (the pages' shortcodes make theirs through it too: see PageReads.memo). */
  lookups = /* @__PURE__ */ new Map();
  /** Each lookup's outcome (outcomeOf), by site directory. */
  outcomes = /* @__PURE__ */ new WeakMap();
  /** lookUpRecorded's lookups, by the places as records have them. */
  recorded = /* @__PURE__ */ new Map();
  /** lookUpFile with its outcome hashed (outcomeOf), made at most once per build for the same places and name. */
  lookUp(site, bases, rel2) {
    const result = lookUpFile(siteRoots(site), bases, rel2, void 0, this.lookups);
    return { result, outcome: this.outcome(site.dir, result) };
  }
  /** outcomeOf, once per lookup. */
  outcome(siteDir, result) {
    let bySite = this.outcomes.get(result);
    if (!bySite) this.outcomes.set(result, bySite = /* @__PURE__ */ new Map());
    let o = bySite.get(siteDir);
    if (o === void 0) bySite.set(siteDir, o = outcomeOf(siteDir, result));
    return o;
  }
  /** lookUp with the places as a record has them (relative to the site): the same lookup made again, once per build. */
  lookUpRecorded(site, bases, rel2) {
    const key = `${bases.join("\0")}\0\0${rel2}`;
    let r = this.recorded.get(key);
    if (!r) {
      r = this.lookUp(
        site,
        bases.map((b) => path2.resolve(site.dir, b)),
        rel2
      );
      this.recorded.set(key, r);
    }
    return r;
  }
  get(file) {
    let h = this.known.get(file);
    if (h === void 0) {
      try {
        h = md5Hex(readFileSync(file));
      } catch {
        h = null;
      }
      this.known.set(file, h);
    }
    return h;
  }
};
var PageReads = class {
  constructor(siteDir, hashes) {
    this.siteDir = siteDir;
    this.hashes = hashes;
    this.memo = hashes.lookups;
  }
  siteDir;
  hashes;
  lookups = [];
  images = [];
  markdownInner = {};
  /** The build's lookups, for the page's shortcodes to look up through (lookUpFile). */
  memo;
  /** Called by lookUpFile (safe-path.ts) with every lookup a shortcode of this page makes. */
  lookup = (bases, relPath, result) => {
    const md5 = "found" in result ? this.hashes.get(result.found) : null;
    this.lookups.push({
      bases: bases.map((b) => rel(this.siteDir, b)),
      rel: relPath,
      outcome: this.hashes.outcome(this.siteDir, result),
      ...md5 ? { md5 } : {}
    });
  };
  image(file, shown) {
    this.images.push({ file: rel(this.siteDir, file), shown });
  }
};
function readsUnchanged(record, site, hashes, markdownInner) {
  for (const l of record.lookups) {
    const { result: r, outcome } = hashes.lookUpRecorded(site, l.bases, l.rel);
    if (outcome !== l.outcome) return false;
    if ("found" in r && hashes.get(r.found) !== (l.md5 ?? null)) return false;
  }
  for (const [name, was] of Object.entries(record.markdownInner)) {
    if ((markdownInner?.(name) ?? null) !== was) return false;
  }
  return true;
}
var PageRecords = class {
  constructor(store, siteKey) {
    this.store = store;
    this.siteKey = siteKey;
    let prev = {};
    let count;
    const now = store.cacheStamp(PAGE_RECORDS_FILE);
    if (now && lastFile && lastFile.where === now.where && lastFile.stamp === now.stamp && lastFile.site === siteKey) {
      prev = lastFile.pages;
      count = Object.keys(prev).length;
    } else {
      try {
        const f = JSON.parse(store.readCache(PAGE_RECORDS_FILE)?.toString("utf8") ?? "null");
        if (f && f.version === RECORDS_VERSION && f.site === siteKey && f.pages && typeof f.pages === "object" && !Array.isArray(f.pages)) {
          prev = f.pages;
          count = Object.keys(prev).length;
          const after = store.cacheStamp(PAGE_RECORDS_FILE);
          lastFile = now && after?.stamp === now.stamp ? { ...now, site: siteKey, pages: prev } : void 0;
        }
      } catch {
      }
    }
    this.previous = prev;
    this.previousCount = count;
  }
  store;
  siteKey;
  previous;
  next = /* @__PURE__ */ new Map();
  /** How many records the file held (undefined: no usable file). */
  previousCount;
  /** A record was set (not only carried over). */
  changed = false;
  /** The previous build's record of the page whose shadow is `id` (`<tree>/<path in the content tree>`). */
  get(id) {
    return Object.hasOwn(this.previous, id) ? this.previous[id] : void 0;
  }
  set(id, record) {
    this.next.set(id, record);
    this.changed = true;
  }
  /** Carries the previous record over unchanged (the page was kept). */
  carry(id) {
    const r = this.get(id);
    if (r) this.next.set(id, r);
  }
  /**
   * Writes the records of this build (unchanged bytes are not rewritten). When every record of the file
   * was carried over as it was, and no other, the file already says what it would write: it is kept
   * without being made again.
   */
  save() {
    if (!this.changed && this.previousCount === this.next.size && this.store.keepCache(PAGE_RECORDS_FILE)) return;
    const pages = Object.fromEntries([...this.next].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
    const file = { version: RECORDS_VERSION, site: this.siteKey, pages };
    this.store.writeCache(PAGE_RECORDS_FILE, Buffer.from(JSON.stringify(file) + "\n", "utf8"));
    const now = this.store.cacheStamp(PAGE_RECORDS_FILE);
    lastFile = now ? { ...now, site: this.siteKey, pages } : void 0;
  }
};

// src/page-outcome.ts
function invalidUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return void 0;
  } catch {
  }
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 128 ? 1 : b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { line, column, byte: b };
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return { line, column, byte: b };
    }
    if (b === 10) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return void 0;
}
function internalOutcome(relPath, why) {
  const error = { severity: "error", file: relPath, line: 1, column: 1, code: "internal", message: `internal error while prerendering this page (please report it): ${why}` };
  return { ...emptyOutcome([error]), internal: true, held: true };
}
function emptyOutcome(diagnostics) {
  return {
    diagnostics,
    held: false,
    keys: [],
    noisy: [],
    titles: [],
    stats: { formulas: 0, figures: 0, shortcodes: 0, cacheHits: 0 },
    titlesHave: { math: false, figure: false },
    fragmentsHave: { math: false, figure: false },
    reads: { lookups: [], images: [], markdownInner: {} }
  };
}

// src/render/output-limits.ts
function formatBytes(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} bytes`;
}
function tooBigMessage(what, bytes, limit, key) {
  return `${what} is ${formatBytes(bytes)}, more than the limit of ${formatBytes(limit)} (${LIMIT_SETTINGS[key]}); make it smaller (e.g. downsample a plot's data), or raise the limit`;
}
function pageTooBig(shadow, fragments, outputBytes) {
  let bytes = shadow === void 0 ? 0 : Buffer.byteLength(shadow);
  for (const f of fragments) bytes += Buffer.byteLength(f.html);
  if (bytes <= outputBytes) return void 0;
  return `${tooBigMessage("this page's prerendered output", bytes, outputBytes, "outputBytes")}; it was not prerendered, the other pages were`;
}
function mathAndOutputLimits(l) {
  return { mathExpansions: l.mathExpansions, mathMaxSize: l.mathMaxSize, mathTokens: l.mathTokens, fragmentBytes: l.fragmentBytes };
}

// src/render/everywhere-settings.ts
var DEFAULT_TOC = { startLevel: 2, endLevel: 3, ordered: false };
var DEFAULT_EVERYWHERE = {
  idType: "github",
  toc: DEFAULT_TOC,
  summaryLength: 70,
  unsafe: false,
  passthrough: false
};
function everywhereSettings(data) {
  const idv = getIn(data, "markup.goldmark.parser.autoHeadingIDType") ?? getIn(data, "markup.goldmark.parser.autoIDType");
  const ids = typeof idv === "string" ? idv.toLowerCase() : "";
  const int = (v, d) => typeof v === "number" && Number.isInteger(v) ? v : d;
  const toc = getIn(data, "markup.tableOfContents");
  return {
    idType: ids === "github-ascii" || ids === "blackfriday" ? ids : "github",
    toc: isRecord(toc) ? {
      startLevel: int(getIn(toc, "startLevel"), DEFAULT_TOC.startLevel),
      endLevel: int(getIn(toc, "endLevel"), DEFAULT_TOC.endLevel),
      ordered: getIn(toc, "ordered") === true
    } : DEFAULT_TOC,
    summaryLength: int(getIn(data, "summaryLength"), 70),
    unsafe: getIn(data, "markup.goldmark.renderer.unsafe") === true,
    passthrough: getIn(data, "markup.goldmark.extensions.passthrough.enable") === true
  };
}

// src/page-settings.ts
function pageSettings(config, siteDir, errorMode) {
  const diagnostics = [];
  const macros = config.prerender.katex.macros;
  const limits = config.prerender.limits;
  const unsafe = getIn(config.data, "markup.goldmark.renderer.unsafe") === true;
  const layoutDirs = siteLayoutDirs(siteDir, config.data);
  const siteShortcodes = siteShortcodeTemplates(siteDir, layoutDirs, shortcodeList.keys());
  for (const [name, where] of siteShortcodes) {
    if (name === "figure") continue;
    diagnostics.push({
      severity: "warning",
      code: "site-shortcode",
      file: where,
      line: 1,
      column: 1,
      message: `this site has its own "${name}" shortcode, which stays in charge: hugo-prerender does not render {{< ${name} >}} on this site. Rename or remove this template to use hugo-prerender's ${name}`
    });
  }
  const headingMath = unsafe ? "html" : headingDataTemplates(siteDir, layoutDirs).length > 0 ? "text" : "shortcode";
  const settings = {
    math: config.math,
    settingsKey: stableStringify({ macros, errorMode, math: config.math, unsafe, headingMath, site: [...siteShortcodes.keys()], limits: mathAndOutputLimits(limits) }),
    everywhere: everywhereSettings(config.data),
    limits: config.prerender.limits,
    siteShortcodes,
    markdownInner: markdownShortcodeTemplates(siteDir, layoutDirs),
    unsafe,
    headingMath,
    // RSS shows .Summary unless a feed template of the site's reads more (see PageSettings.feeds).
    feeds: feedContentTemplates(siteDir, layoutDirs, moduleLayoutDirs(siteDir, config.data)).length > 0 ? "content" : "summary"
  };
  const site = { dir: siteDir, staticDirs: config.staticDirs, assetsDir: config.assetsDir, contentDirs: config.contentRoots.map((r) => r.dir) };
  return { settings, site, diagnostics };
}

// src/render/feed.ts
var FEED_SPLIT = "<!--hugo-prerender:feed-->";
var KATEX_OPEN = /<span class="katex(?:-display)?"[^>]*>/g;
function spanEnd(html, start) {
  const tag = /<span\b[^>]*>|<\/span>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0] === "</span>" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}
function unescapeHtml(s) {
  return s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" })[e]);
}
function escapeAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function mathmlOf(katexHtml) {
  const m = /<math\b([^>]*)>([\s\S]*?)<\/math>/.exec(katexHtml);
  if (!m) return null;
  let inner = m[2];
  let tex;
  inner = inner.replace(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/, (_, t) => {
    tex = unescapeHtml(t);
    return "";
  });
  inner = inner.replace(/^<semantics>([\s\S]*)<\/semantics>$/, "$1");
  const alt = tex !== void 0 ? ` alttext="${escapeAttr(tex)}"` : "";
  return `<math${m[1]}${alt}>${inner}</math>`;
}
function feedVariant(html) {
  let out = "";
  let pos = 0;
  let changed = false;
  KATEX_OPEN.lastIndex = 0;
  for (let m = KATEX_OPEN.exec(html); m; m = KATEX_OPEN.exec(html)) {
    const end = spanEnd(html, m.index);
    if (end === -1) break;
    const mathml = mathmlOf(html.slice(m.index, end));
    if (mathml === null) continue;
    out += html.slice(pos, m.index) + mathml;
    pos = end;
    changed = true;
    KATEX_OPEN.lastIndex = end;
  }
  return changed ? out + html.slice(pos) : null;
}
function withFeedVariant(html) {
  const own = html.includes(FEED_SPLIT) ? html.split(FEED_SPLIT).join("<!--hugo-prerender:feed -->") : html;
  const feed = feedVariant(own);
  return feed === null ? own : own + FEED_SPLIT + feed;
}
function splitFeed(travelling) {
  const at = travelling.indexOf(FEED_SPLIT);
  return at === -1 ? { page: travelling, feed: travelling } : { page: travelling.slice(0, at), feed: travelling.slice(at + FEED_SPLIT.length) };
}

// src/site/handoff.ts
function fragmentOpen(key, check, newlines = 0, name = "prerender") {
  const pad = "\n".repeat(newlines);
  return check ? `{{< ${name} k="${key}" md5="${check.md5}" src=\`${check.path}\`${pad} >}}` : `{{< ${name} k="${key}"${pad} >}}`;
}
function inlineShortcode(key, inline, check, newlines = 0, name = "prerender") {
  return `${fragmentOpen(key, check, newlines, name)}${name === "prerender-nofeed" ? pageOnly(inline) : inline}{{< /${name} >}}`;
}
function pageOnly(inline) {
  const page = splitFeed(inline).page;
  return page.endsWith("{") ? `${page.slice(0, -1)}&#123;` : page;
}
var WRAP_SPLIT = "<!--hugo-prerender:frag-->";
var WRAP_CLOSE = "{{< /prerender-md >}}";
function wrapToken(i) {
  return `hugoprerenderfrag${i}z`;
}
function wrapOpen(fragments, md) {
  return `{{< prerender-md${md ? ` md="${md}"` : ""} >}}${fragments.map((f) => f + WRAP_SPLIT).join("")}`;
}
var FRAGMENT_RE = /\{\{< (prerender(?:-html|-nofeed)?) k="([a-z0-9_-]+)"(?: md5="[0-9a-f]{32}" src=`[^`\n]*`)?\n* >\}\}([^\n]*?)\{\{< \/\1 >\}\}/g;
function shadowFragments(shadow) {
  const out = /* @__PURE__ */ new Map();
  for (const m of shadow.matchAll(FRAGMENT_RE)) {
    if (!out.has(m[2])) out.set(m[2], m[3].includes(FEED_SPLIT) ? m[3] : withFeedVariant(m[3]));
  }
  return out;
}
function safeJsonString(s) {
  return JSON.stringify(s).replace(/[<>&{}]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
var EXTRA_KEYS = ["summary", "toc", "tocPlain"];
function hasExtras(x) {
  return EXTRA_KEYS.some((k) => x[k] !== void 0);
}
function pageBlock(x, check) {
  const json = `{${EXTRA_KEYS.filter((k) => x[k] !== void 0).map((k) => `"${k}":${safeJsonString(x[k])}`).join(",")}}`;
  const open = check ? `{{< prerender-page md5="${check.md5}" src=\`${check.path}\` >}}` : "{{< prerender-page >}}";
  return `${open}${json}{{< /prerender-page >}}`;
}
function appendPageBlock(shadow, block) {
  return `${shadow}

${block}
`;
}
function titlesTemplate(titles) {
  const lines = [...titles].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => `  "${k}" ${safeJsonString(v)}
`);
  return `{{- /* Written by hugo-prerender build: md5 of a title or description with math \u2192 its HTML (partials/prerender/title.html). */ -}}
{{- return dict
${lines.join("")}-}}
`;
}
function parseTitlesTemplate(text) {
  const out = /* @__PURE__ */ new Map();
  for (const m of text.matchAll(/^ {2}"([0-9a-f]{32})" ("(?:[^"\\\n]|\\.)*")$/gm)) {
    try {
      out.set(m[1], JSON.parse(m[2]));
    } catch {
    }
  }
  return out;
}

// src/render/katex-markup.ts
var GLYPH_CSS = "\n/* hugo-prerender: the glyphs of KaTeX's HTML rendering are in data-c (src/render/katex-markup.ts) */\n.katex .katex-html [data-c]::before{content:attr(data-c)}\n";
var OWN_BEFORE = /(?:^|\s)(?:stretchy|eqn-num|mml-eqn-num)(?:\s|$)/;
var TOKEN = /<[^>]*>|[^<]+/g;
function glyphsToAttributes(html) {
  const tokens = html.match(TOKEN) ?? [];
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startsWith("<")) {
      out.push(t);
      continue;
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const onlyChild = prev !== void 0 && /^<span\b[^>]*>$/.test(prev) && next === "</span>";
    const cls = onlyChild ? /\bclass="([^"]*)"/.exec(prev)?.[1] ?? "" : "";
    if (onlyChild && !OWN_BEFORE.test(cls) && !/\sdata-c=/.test(prev)) {
      out[out.length - 1] = `${prev.slice(0, -1)} data-c="${t}">`;
    } else {
      out.push(`<span data-c="${t}"></span>`);
    }
  }
  return out.join("");
}
var ANNOTATION = '<annotation encoding="application/x-tex">';
var MATH_TAIL = "</annotation></semantics></math>";
function texToAlttext(html) {
  let out = "";
  let copied = 0;
  let from = 0;
  for (; ; ) {
    const open = html.indexOf("<math", from);
    if (open === -1) break;
    from = open + 1;
    const gt = html.indexOf(">", open + 5);
    if (gt === -1) break;
    const innerStart = gt + 1 + "<semantics>".length;
    if (!html.startsWith("<semantics>", gt + 1)) continue;
    const close = html.indexOf("</math>", innerStart);
    if (close === -1) break;
    const tail = close + "</math>".length - MATH_TAIL.length;
    if (tail < innerStart || !html.startsWith(MATH_TAIL, tail)) continue;
    const annotation = html.lastIndexOf("<", tail - 1);
    if (annotation < innerStart || !html.startsWith(ANNOTATION, annotation) || annotation + ANNOTATION.length > tail) continue;
    out += `${html.slice(copied, open)}<math${html.slice(open + 5, gt)} alttext="${html.slice(annotation + ANNOTATION.length, tail)}">${html.slice(innerStart, annotation)}</math>`;
    copied = from = close + "</math>".length;
  }
  return copied === 0 ? html : out + html.slice(copied);
}
function oneTextCopy(html) {
  let s = texToAlttext(html);
  const open = /<span class="katex-html"[^>]*>/g;
  let out = "";
  let pos = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const end = spanEnd(s, m.index);
    if (end === -1) break;
    out += s.slice(pos, m.index) + glyphsToAttributes(s.slice(m.index, end));
    pos = end;
    open.lastIndex = end;
  }
  s = out + s.slice(pos);
  return s;
}

// src/svg/theme.ts
var ACCENTS = {
  input: { name: "--hp-accent-input", light: "#c2452d", dark: "#f08c73", doc: "inputs x (Karpathy: red)" },
  hidden: { name: "--hp-accent-hidden", light: "#2e8540", dark: "#6fcf7f", doc: "hidden states h (green)" },
  output: { name: "--hp-accent-output", light: "#2f62b8", dark: "#7fa8f0", doc: "outputs o, y (blue)" },
  gate: { name: "--hp-accent-gate", light: "#b86e00", dark: "#f2b24c", doc: "gates and layers (amber)" },
  loss: { name: "--hp-accent-loss", light: "#8e44ad", dark: "#c99ae0", doc: "losses L (purple)" },
  target: { name: "--hp-accent-target", light: "#5d6d7e", dark: "#a9b7c6", doc: "targets y (slate)" },
  highlight: { name: "--hp-accent-highlight", light: "#d0306b", dark: "#ff7aa8", doc: "gradients, emphasis (rose)" }
};
var TONES = Object.keys(ACCENTS);
var BASE_TOKENS = [
  { name: "--hp-ink", light: "currentColor", dark: "currentColor", doc: "text and stroke colour" },
  { name: "--hp-fill", light: "currentColor", dark: "currentColor", doc: "neutral node background colour" },
  { name: "--hp-fill-opacity", light: "0.06", dark: "0.1", doc: "opacity of neutral node backgrounds" },
  { name: "--hp-tint-opacity", light: "0.16", dark: "0.2", doc: "opacity of accent-tinted node backgrounds" },
  { name: "--hp-muted", light: "currentColor", dark: "currentColor", doc: "secondary text and strokes (drawn at reduced opacity)" }
];
var TINT_OPACITY = 0.16;
var FILL_OPACITY = 0.06;
var MUTED_OPACITY = 0.62;
var SERVED_SANS = "hp-katex-sans";
var SERVED_MATH = "hp-katex-math";
var SERVED_CAL = "hp-katex-cal";
var FONT_FACES = [
  { family: SERVED_SANS, file: "KaTeX_SansSerif-Regular", weight: "normal", style: "normal" },
  { family: SERVED_SANS, file: "KaTeX_SansSerif-Italic", weight: "normal", style: "italic" },
  { family: SERVED_SANS, file: "KaTeX_SansSerif-Bold", weight: "bold", style: "normal" },
  // Math: upright from KaTeX_Main, italic (variables) from KaTeX_Math, as KaTeX sets them.
  { family: SERVED_MATH, file: "KaTeX_Main-Regular", weight: "normal", style: "normal" },
  { family: SERVED_MATH, file: "KaTeX_Math-Italic", weight: "normal", style: "italic" },
  { family: SERVED_MATH, file: "KaTeX_Main-Bold", weight: "bold", style: "normal" },
  { family: SERVED_MATH, file: "KaTeX_Math-BoldItalic", weight: "bold", style: "italic" },
  // \mathcal, \mathscr (capitals only; anything else falls through to the math font).
  { family: SERVED_CAL, file: "KaTeX_Caligraphic-Regular", weight: "normal", style: "normal" }
];
var FONT_SYS = `Arial, Helvetica, "Liberation Sans", "DejaVu Sans", Roboto, sans-serif`;
var FONT_SANS = `${SERVED_SANS}, ${FONT_SYS}`;
var FONT_MATH = `${SERVED_MATH}, "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif`;
var FONT_CAL = `${SERVED_CAL}, ${FONT_MATH}`;
var TOGGLES = (v) => [`.${v}`, `.${v}-mode`, `.colorscheme-${v}`, `[data-theme="${v}"]`, `[data-scheme="${v}"]`, `[data-mode="${v}"]`, `[data-bs-theme="${v}"]`, `[theme="${v}"]`];
var DARK_SELECTORS = [
  `:where(html, body):where(${TOGGLES("dark").join(", ")})`,
  ":where(.hp-dark)"
];
var LIGHT_SELECTORS = [
  `:where(html, body):where(${TOGGLES("light").join(", ")})`,
  ":where(.hp-light)"
];
function declarations(mode) {
  const accents = TONES.map((t) => `--hp-d-${t}:${ACCENTS[t][mode]}`);
  const base2 = BASE_TOKENS.map((t) => `${t.name.replace("--hp-", "--hp-d-")}:${t[mode]}`);
  return [...accents, ...base2].join(";");
}
function toneVar(tone) {
  return `var(${ACCENTS[tone].name}, var(--hp-d-${tone}))`;
}
var base = (name) => `var(--hp-${name}, var(--hp-d-${name}))`;
function themeCss(svgId, extra = "") {
  const s = `#${svgId}`;
  const scoped = (sels) => sels.map((a) => `${a} ${s}`).join(", ");
  const toneRules = TONES.map(
    (t) => `${s} .hp-stroke-${t}{stroke:${toneVar(t)}}${s} .hp-fill-${t}{fill:${toneVar(t)}}${s} .hp-tint-${t}{fill:${toneVar(t)};fill-opacity:${base("tint-opacity")}}`
  ).join("");
  return `${s}{${declarations("light")};color:${base("ink")};max-width:100%;height:auto;vertical-align:top;font-family:var(--hp-font-sans, ${FONT_SANS})}@media (prefers-color-scheme: dark){${s}{${declarations("dark")}}}${scoped(DARK_SELECTORS)}{${declarations("dark")}}${scoped(LIGHT_SELECTORS)}{${declarations("light")}}${s} .hp-math{font-family:var(--hp-font-math, ${FONT_MATH})}${s} .hp-cal{font-family:${SERVED_CAL}, var(--hp-font-math, ${FONT_MATH})}${s} .hp-sys{font-family:var(--hp-font-sans, ${FONT_SYS})}${s} .hp-node{fill:${base("fill")};fill-opacity:${base("fill-opacity")}}${s} .hp-muted{fill:${base("muted")}}${s} .hp-muted-stroke{stroke:${base("muted")}}` + toneRules + extra;
}

export {
  contentKey,
  stableStringify,
  md5Hex,
  FEED_SPLIT,
  withFeedVariant,
  splitFeed,
  inlineShortcode,
  WRAP_CLOSE,
  wrapToken,
  wrapOpen,
  shadowFragments,
  hasExtras,
  pageBlock,
  appendPageBlock,
  titlesTemplate,
  parseTitlesTemplate,
  ACCENTS,
  TONES,
  TINT_OPACITY,
  FILL_OPACITY,
  MUTED_OPACITY,
  FONT_FACES,
  FONT_SYS,
  FONT_SANS,
  FONT_MATH,
  FONT_CAL,
  toneVar,
  themeCss,
  GLYPH_CSS,
  oneTextCopy,
  shortcodeList,
  resolveInside,
  shownPath,
  siteRoots,
  lookUpFile,
  outsideMessage,
  refusedLinkDiagnostic,
  defaultSizes,
  pictureData,
  escapeHtmlGo,
  isSafeUrlGo,
  UNSAFE_URL,
  figureHtml,
  lookUpImage,
  IMAGE_INDEX_FILE,
  siteFigureImages,
  siteRecordKey,
  FileHashes,
  PageReads,
  readsUnchanged,
  PageRecords,
  invalidUtf8,
  internalOutcome,
  emptyOutcome,
  DEFAULT_TOC,
  DEFAULT_EVERYWHERE,
  tooBigMessage,
  pageTooBig,
  pageSettings
};
