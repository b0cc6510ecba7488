import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunks/chunk-Y6XI727W.js";
import {
  ITEM_TYPES,
  LineIndex,
  cachedGradientDecay,
  clearGradientDecayCache,
  createHostServices,
  createMathRenderer,
  decodeFrontMatter,
  defineShortcode,
  describeSpec,
  gaussianMatrix,
  getParamCI,
  getShortcode,
  gradientDecay,
  gradientDecayConfig,
  gradientDecayCost,
  lex,
  matmul,
  parsePage,
  renderShortcode,
  rngFromKey,
  rngFromSeed,
  shortcodes,
  spectralNorm,
  typedValue,
  validateParams,
  zeros
} from "./chunks/chunk-JR2GY7AL.js";
import {
  initSite
} from "./chunks/chunk-T7CE7I73.js";
import "./chunks/chunk-AABEZPWO.js";
import {
  DEFAULT_IMAGE_OPTIONS,
  ImagePipeline,
  buildSite,
  formatDiagnostic,
  imageOptions,
  summaryLine,
  variantWidths
} from "./chunks/chunk-MH6PMCU3.js";
import {
  contentKey,
  stableStringify
} from "./chunks/chunk-XTQKZYJQ.js";
import "./chunks/chunk-4NMVV5T6.js";

// src/render/docs.ts
function formatDefault(spec) {
  if (spec.required) return "*(required)*";
  const d = spec.default;
  if (d === void 0) return "";
  if (Array.isArray(d)) return d.length ? `\`${d.join(",")}\`` : "";
  return `\`${String(d)}\``;
}
function cell(s) {
  return s.replace(/\|/g, "\\|").replace(/\n+/g, " ");
}
function paramsTable(def) {
  const rows = Object.entries(def.params).map(
    ([name, spec]) => `| \`${name}\` | ${cell(describeSpec(spec))} | ${cell(formatDefault(spec))} | ${cell(spec.doc)} |`
  );
  const inner = def.inner === "required" ? `

Inner content: required (\`{{< ${def.name} \u2026 >}}\u2026{{< /${def.name} >}}\`).` : def.inner === "optional" ? `

Inner content: optional.` : "";
  return `| parameter | accepts | default | meaning |
|---|---|---|---|
${rows.join("\n")}${inner}`;
}
var MARK = (name, end = false) => `<!-- ${end ? "/" : ""}params:${name} -->`;
function updateParamsBlocks(readme, defs) {
  let out = readme;
  for (const def of defs) {
    const start = MARK(def.name);
    const end = MARK(def.name, true);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) continue;
    out = `${out.slice(0, i + start.length)}
${paramsTable(def)}
${out.slice(j)}`;
  }
  return out;
}

// src/render/standalone.ts
async function renderStandalone(name, params, opts = {}) {
  const def = getShortcode(name);
  if (!def) {
    return {
      html: "",
      diagnostics: [{ severity: "error", line: 1, column: 1, message: `unknown shortcode "${name}"` }]
    };
  }
  const siteDir = opts.siteDir ?? process.cwd();
  const renderer = createMathRenderer({ macros: opts.macros, errors: "render" });
  const sc = {
    name,
    markup: "<",
    params,
    selfClosed: false,
    inner: opts.inner,
    children: [],
    ordinal: 0,
    line: 1,
    column: 1,
    offset: 0,
    tagEnd: 0,
    end: 0
  };
  const idPrefix = `hp${contentKey(name, stableStringify(params), opts.inner ?? null).slice(0, 8)}`;
  const r = await renderShortcode(def, sc, {
    page: { absPath: `${siteDir}/standalone.md`, relPath: "standalone.md", frontMatter: {} },
    site: { dir: siteDir, staticDirs: [`${siteDir}/static`], assetsDir: `${siteDir}/assets` },
    idPrefix,
    services: createHostServices(renderer)
  });
  return { html: r.html, diagnostics: r.diagnostics };
}
export {
  DEFAULT_IMAGE_OPTIONS,
  ITEM_TYPES,
  ImagePipeline,
  LineIndex,
  buildSite,
  cachedGradientDecay,
  checkSite,
  clearGradientDecayCache,
  decodeFrontMatter,
  defineShortcode,
  describeSpec,
  formatCheck,
  formatDiagnostic,
  gaussianMatrix,
  getParamCI,
  getShortcode,
  gradientDecay,
  gradientDecayConfig,
  gradientDecayCost,
  imageOptions,
  initSite,
  lex,
  matmul,
  paramsTable,
  parsePage,
  renderStandalone,
  rngFromKey,
  rngFromSeed,
  shortcodes,
  spectralNorm,
  summaryLine,
  typedValue,
  updateParamsBlocks,
  validateParams,
  variantWidths,
  zeros
};
