import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  pageServices,
  prerenderPage
} from "./chunk-JR2GY7AL.js";
import {
  listContentFiles
} from "./chunk-MH6PMCU3.js";
import {
  refusedLinkDiagnostic,
  siteRoots
} from "./chunk-XTQKZYJQ.js";
import {
  readSiteConfig
} from "./chunk-4NMVV5T6.js";

// src/check.ts
import { readFileSync } from "node:fs";
import path from "node:path";
async function checkSite(source) {
  const siteDir = path.resolve(source);
  const result = { pages: [], found: 0, typeset: 0, diagnostics: [] };
  let config;
  try {
    config = readSiteConfig(siteDir);
  } catch (e) {
    result.diagnostics.push({ severity: "error", line: 1, column: 1, message: `cannot read the site configuration: ${e.message}` });
    return result;
  }
  result.diagnostics.push(...config.diagnostics);
  if (!config.file) {
    result.diagnostics.push({
      severity: "error",
      line: 1,
      column: 1,
      message: `${siteDir} has no Hugo configuration (hugo.toml, hugo.yaml, hugo.json or config.*); is this a Hugo site? Pass it with -s DIR`
    });
    return result;
  }
  const errorMode = "render";
  const { renderer, services, settings, site, diagnostics } = pageServices(config, siteDir, errorMode);
  result.diagnostics.push(...diagnostics);
  const seen = /* @__PURE__ */ new Set();
  for (const root of config.contentRoots) {
    if (seen.has(root.dir)) continue;
    seen.add(root.dir);
    const refused = [];
    const files = listContentFiles(root.dir, siteRoots(site), refused);
    for (const r of refused) {
      result.diagnostics.push(refusedLinkDiagnostic(siteDir, r));
    }
    for (const abs of files) {
      const file = path.relative(siteDir, abs).split(path.sep).join("/");
      let text;
      try {
        text = readFileSync(abs, "utf8");
      } catch (e) {
        result.diagnostics.push({ severity: "error", file, line: 1, column: 1, message: `cannot read: ${e.message}` });
        continue;
      }
      const r = await prerenderPage(text, {
        page: { absPath: abs, relPath: file, bundleDir: path.dirname(abs), frontMatter: {} },
        site,
        settings,
        renderer,
        errorMode,
        services
      });
      const typeset = r.formulas.filter((f) => f.error === void 0).length;
      result.pages.push({ file, formulas: r.formulas, found: r.formulas.length, typeset, diagnostics: r.diagnostics });
      result.found += r.formulas.length;
      result.typeset += typeset;
    }
  }
  return result;
}
function formatCheck(r, opts) {
  const lines = [];
  for (const d of r.diagnostics) lines.push(opts.formatDiagnostic(d));
  const percent = (a, b) => b === 0 ? "100.0" : (100 * a / b).toFixed(1);
  for (const p of r.pages) {
    const problems = p.diagnostics;
    if (p.found === 0 && problems.length === 0) continue;
    const failed = p.found - p.typeset;
    lines.push(`${p.file}: ${p.found} formulas found, ${p.typeset} typeset, ${failed} failed`);
    for (const d of problems) lines.push(`  ${opts.formatDiagnostic(d)}`);
  }
  lines.push(
    `hugo-prerender check: ${r.pages.length} pages, ${r.found} formulas found, ${r.typeset} typeset (${percent(r.typeset, r.found)} %), ${r.found - r.typeset} failed`
  );
  return lines.join("\n");
}

export {
  checkSite,
  formatCheck
};
