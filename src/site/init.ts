/**
 * `hugo-prerender init`: adds the module mounts that make Hugo read our output.
 *
 * Measured with hugo 0.111.3 and 0.169.0: among content mounts the FIRST wins in both, so
 * `.prerender/content` goes before the user's content (a shadow page replaces its original; bundle
 * resources still come from content/). Among layouts mounts the precedence differs (0.111.3: the LAST
 * wins; 0.169.0: the FIRST), so order cannot protect a user's template; our templates therefore use
 * namespaced names only (partials/prerender/…, shortcodes/prerender.html) and static files live under
 * /prerender/. The user's directories are listed first.
 * Defining any mount for a component drops Hugo's default directory for it, so the defaults we
 * displace (contentDir, layoutDir, staticDir) are written back as explicit mounts. That includes the
 * content directories of languages that have their own (`[languages.fr] contentDir = "content.fr"`):
 * a content mount drops them too (both versions), so each is written back with its language, after a
 * shadow mount `.prerender/content.fr` with the same language (among one language's mounts the first
 * wins as well). The language is spelled `lang = "fr"` for Hugo before 0.153 and `sites.matrix` after
 * (config.ts LanguageMountStyle): the caller says which Hugo it is for.
 *
 * The config is edited in place, keeping everything else the user wrote: TOML textually (tables are
 * inserted/appended, nothing else is re-serialised), YAML through the `yaml` Document API (comments
 * kept), JSON re-serialised with the file's own indentation. Every edit is parsed back and checked
 * before the file is replaced (atomically).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
import {
  PRERENDER_DIR,
  contentDirSetting,
  defaultContentMounts,
  findKey,
  languageMount,
  mountLanguage,
  type LanguageMountStyle,
  findSiteConfigFiles,
  getIn,
  isRecord,
  layoutDirSetting,
  mergeConfig,
  mountComponent,
  moduleMounts,
  normalizeRel,
  parseConfigText,
  shadowTree,
  staticDirSetting,
  type ConfigFile,
  type Mount,
} from './config.js';

export const DEFAULT_PACKAGE_LAYOUTS = 'node_modules/hugo-prerender/layouts';

export interface InitOptions {
  /** Where the package's layouts/ is, relative to the site (or absolute). */
  packageLayouts?: string;
  /** How language mounts are spelled, for the Hugo the site is built with (see languageMountStyle); default 'lang'. */
  languageStyle?: LanguageMountStyle;
}

export interface InitResult {
  changed: boolean;
  /** The config file that holds (or now holds) the mounts. */
  file: string;
  messages: string[];
}

export class InitError extends Error {}

export interface MountPlanInput {
  /** The mounts in effect now. */
  mounts: Mount[];
  contentDir: string;
  /**
   * The content mounts Hugo makes when the config has none (config.ts defaultContentMounts: contentDir,
   * and each language's own contentDir with its lang); default: contentDir alone.
   */
  contentDefaults?: Mount[];
  /** How the language mounts init adds say their language (default 'lang', what Hugo before 0.153 reads). */
  languageStyle?: LanguageMountStyle;
  layoutDir: string;
  staticDirs: string[];
  packageLayouts: string;
}

const OUR_CONTENT: Mount = { source: `${PRERENDER_DIR}/content`, target: 'content' };
const OUR_LAYOUTS: Mount = { source: `${PRERENDER_DIR}/layouts`, target: 'layouts' };
const OUR_STATIC: Mount = { source: `${PRERENDER_DIR}/static`, target: 'static' };

/** The shadow mount of one language's content tree (see config.ts shadowTree). */
function ourLanguageContent(lang: string, style: LanguageMountStyle): Mount | undefined {
  const tree = shadowTree(lang);
  return tree === undefined ? undefined : languageMount(`${PRERENDER_DIR}/${tree}`, 'content', lang.toLowerCase(), style);
}

function mountLang(m: Mount): string | undefined {
  return mountLanguage(m)?.lang;
}

function isOurs(m: Mount, packageLayouts: string): boolean {
  const s = normalizeRel(m.source);
  return (
    s === OUR_CONTENT.source ||
    /^\.prerender\/content\.[^/]+$/.test(s) ||
    s === OUR_LAYOUTS.source ||
    s === OUR_STATIC.source ||
    s === normalizeRel(packageLayouts) ||
    // A previous init with another package location.
    /(^|\/)hugo-prerender\/layouts$/.test(s)
  );
}

/**
 * The mounts the site needs, as a pure function of the current ones: ours for content first, then the
 * user's mounts in their order, then the defaults our mounts displace, then our layouts and static.
 * planMounts(planMounts(x)) has the same per-component order as planMounts(x) (idempotent).
 */
export function planMounts(input: MountPlanInput): Mount[] {
  const pkg: Mount = { source: normalizeRel(input.packageLayouts), target: 'layouts' };
  const user = input.mounts.filter((m) => !isOurs(m, input.packageLayouts)).map((m) => respell(m, input.languageStyle));
  const has = (component: string) => user.some((m) => mountComponent(m.target) === component);
  const contentDefaults = input.contentDefaults ?? [{ source: input.contentDir, target: 'content' }];
  const defaults: Mount[] = [
    ...(has('content') ? [] : contentDefaults),
    ...(has('layouts') ? [] : [{ source: input.layoutDir, target: 'layouts' }]),
    ...(has('static') ? [] : input.staticDirs.map((d) => ({ source: d, target: 'static' }))),
  ];
  // A shadow tree for each language that has content of its own, in the order the languages first appear.
  const content = [...user, ...defaults].filter((m) => mountComponent(m.target) === 'content');
  const langs = [...new Set(content.map(mountLang).filter((l): l is string => l !== undefined))];
  const shadows = langs.map((l) => ourLanguageContent(l, input.languageStyle ?? 'lang')).filter((m): m is Mount => m !== undefined);
  return [OUR_CONTENT, ...shadows, ...user, ...defaults, OUR_LAYOUTS, pkg, OUR_STATIC];
}

/**
 * A content mount with its language spelled for the Hugo asked for (none asked: as it is). A `lang` that
 * Hugo 0.153+ stops at, or a `sites.matrix` that 0.111 ignores, would break the site either way, so a
 * user's own language mount is respelled too; everything else in it is kept.
 */
function respell(m: Mount, style: LanguageMountStyle | undefined): Mount {
  const l = mountLanguage(m);
  if (!style || !l || l.style === style || mountComponent(m.target) !== 'content') return m;
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => !['lang', 'sites'].includes(k.toLowerCase())));
  return { ...rest, ...languageMount(m.source, m.target, l.lang, style) };
}

/** The language keys of a mount as init writes them (`lang`, or `sites`), for respelling one in place. */
function languageKeys(m: Mount): Record<string, unknown> {
  const { source: _s, target: _t, ...keys } = written(m);
  return keys;
}

function sameSpelling(a: unknown, b: Mount): boolean {
  const la = isRecord(a) ? mountLanguage(a as Mount) : undefined;
  const lb = mountLanguage(b);
  return la?.lang === lb?.lang && la?.style === lb?.style;
}

/** The shadow content mounts of a plan (ours, read before every user mount). */
function isOurContent(m: Mount): boolean {
  const s = normalizeRel(m.source);
  return s === OUR_CONTENT.source || /^\.prerender\/content\.[^/]+$/.test(s);
}

/** A mount as written by init: source, target and, when it has one, its language. */
function written(m: Mount): Record<string, unknown> {
  const l = mountLanguage(m);
  return l ? { ...languageMount(m.source, m.target, l.lang, l.style) } : { source: m.source, target: m.target };
}

/** The mounts of each component in order, as comparable strings. */
function perComponent(mounts: Mount[]): string {
  const by = new Map<string, string[]>();
  for (const m of mounts) {
    const c = mountComponent(m.target);
    // The spelling counts: a config written for the other Hugo has to be rewritten.
    const l = mountLanguage(m);
    by.set(c, [...(by.get(c) ?? []), `${normalizeRel(m.source)} -> ${normalizeRel(m.target)}${l ? ` (${l.style} ${l.lang})` : ''}`]);
  }
  return JSON.stringify([...by].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function sameMounts(a: Mount[], b: Mount[]): boolean {
  return perComponent(a) === perComponent(b);
}

// --- choosing the file ------------------------------------------------------------------------

/** The mounts (if any) a config file's data defines, and whether it defines `module` at all. */
function fileModule(file: ConfigFile, data: Record<string, unknown>): { hasModule: boolean; mounts: unknown } {
  if (file.key === 'module') return { hasModule: true, mounts: getIn(data, 'mounts') };
  if (file.key !== null) return { hasModule: false, mounts: undefined };
  return { hasModule: getIn(data, 'module') !== undefined, mounts: getIn(data, 'module.mounts') };
}

interface Target {
  file: ConfigFile;
  text: string;
  data: Record<string, unknown>;
}

/**
 * The file to edit: the last (winning) file that defines module.mounts, else the last that defines
 * `module`, else the root config (or config/_default/hugo|config.*). Environment directories are left
 * alone: the mounts must hold for `hugo` and `hugo server` alike.
 */
function chooseTarget(siteDir: string): { target: Target; merged: Record<string, unknown> } {
  const files = findSiteConfigFiles(siteDir, null);
  if (files.length === 0) {
    throw new InitError(
      `no Hugo configuration found in ${siteDir} (hugo.toml, hugo.yaml, hugo.json, config.* or config/_default/); run init in the site's root or pass --source`,
    );
  }
  let merged: Record<string, unknown> = {};
  const parsed: Target[] = [];
  for (const file of files) {
    const text = readFileSync(file.path, 'utf8');
    const { data, diagnostics } = parseConfigText(text, file.format, path.relative(siteDir, file.path));
    const err = diagnostics.find((d) => d.severity === 'error');
    if (err) throw new InitError(`${err.file}:${err.line}:${err.column}: ${err.message}; fix the config before running init`);
    parsed.push({ file, text, data });
    merged = mergeConfig(merged, file.key === null ? data : { [file.key]: data });
  }
  const withMounts = parsed.filter((t) => fileModule(t.file, t.data).mounts !== undefined);
  const withModule = parsed.filter((t) => fileModule(t.file, t.data).hasModule);
  const main = parsed.find((t) => t.file.key === null)!;
  const target = withMounts.at(-1) ?? withModule.at(-1) ?? main;
  return { target, merged };
}

// --- editing ------------------------------------------------------------------------------------

function tomlString(s: string): string {
  return JSON.stringify(s); // a JSON string is a valid TOML basic string for these paths
}

function tomlMountBlock(header: string, m: Mount, eol: string, comment?: string): string {
  const lines = [header];
  if (comment) lines.push(`# ${comment}`);
  lines.push(`source = ${tomlString(m.source)}`, `target = ${tomlString(m.target)}`);
  const l = mountLanguage(m);
  // An inline table keeps the block one table long, which is how the editor finds and removes it.
  if (l?.style === 'lang') lines.push(`lang = ${tomlString(l.lang)}`);
  else if (l) lines.push(`sites = { matrix = { languages = [${tomlString(l.lang)}] } }`);
  return lines.join(eol) + eol;
}

const WHY: Record<string, string> = {
  [OUR_CONTENT.source]: 'hugo-prerender: prerendered copies of pages, read before content/ (the first mount wins)',
  [OUR_LAYOUTS.source]: 'hugo-prerender: rendered fragments (partials/prerender/*)',
  [OUR_STATIC.source]: 'hugo-prerender: KaTeX stylesheet and fonts, generated images',
};

function commentFor(m: Mount, packageLayouts: string, reAdded: Set<Mount>): string | undefined {
  if (WHY[m.source]) return WHY[m.source];
  if (isOurContent(m)) return `hugo-prerender: prerendered copies of the ${mountLang(m)} pages, read before that language's content (the first mount wins)`;
  if (m.source === normalizeRel(packageLayouts)) return 'hugo-prerender: its templates (prerender shortcode, partials/prerender/head.html)';
  const lang = mountLang(m);
  if (reAdded.has(m) && lang && mountComponent(m.target) === 'content') {
    return `hugo-prerender init: the content directory of language ${lang} (its contentDir), re-added with its lang (any content mount replaces it)`;
  }
  if (reAdded.has(m)) return `hugo-prerender init: Hugo's default ${m.target} directory, re-added (any mount replaces the default)`;
  return undefined;
}

/**
 * TOML, textually: our own existing mount tables are removed, our content mount is inserted before the
 * user's first mount table (or appended), and the re-added defaults and our other mounts are appended
 * at the end. Nothing else in the file is touched.
 */
function editToml(t: Target, plan: Mount[], inFile: Mount[], packageLayouts: string, reAdded: Set<Mount>): string {
  const eol = t.text.includes('\r\n') ? '\r\n' : '\n';
  const header = t.file.key === 'module' ? '[[mounts]]' : '[[module.mounts]]';
  const headerRe = t.file.key === 'module' ? /^\s*\[\[\s*mounts\s*\]\]/i : /^\s*\[\[\s*module\s*\.\s*mounts\s*\]\]/i;
  const anyHeader = /^\s*\[/;
  const lines = t.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();

  const headerLines = lines.map((l, i) => (headerRe.test(l) ? i : -1)).filter((i) => i >= 0);
  if (headerLines.length !== inFile.length) {
    throw new InitError(
      `${t.file.path}: module.mounts is not written as ${header} tables (an inline array?), which init cannot edit safely`,
    );
  }
  const blocks = headerLines.map((start, k) => {
    let end = start + 1;
    while (end < lines.length && !anyHeader.test(lines[end]!)) end++;
    return { start, end, mount: inFile[k]! };
  });
  const ours = blocks.filter((b) => isOurs(b.mount, packageLayouts));
  // The user's blocks, in order, are the plan's user entries in order: respell a language in place.
  const planned = plan.filter((m) => !isOurs(m, packageLayouts) && !reAdded.has(m));
  const theirs = blocks.filter((b) => !isOurs(b.mount, packageLayouts));
  for (const [k, b] of [...theirs.entries()].reverse()) {
    const m = planned[k];
    if (!m || sameSpelling(b.mount, m)) continue;
    const body = lines.slice(b.start + 1, b.end).filter((l) => !/^\s*(lang|sites)\s*=/i.test(l));
    const at = body.findIndex((l) => /^\s*target\s*=/i.test(l)) + 1;
    const l = mountLanguage(m);
    const line = l?.style === 'lang' ? `lang = ${tomlString(l.lang)}` : l ? `sites = { matrix = { languages = [${tomlString(l.lang)}] } }` : undefined;
    if (line) body.splice(at, 0, line);
    lines.splice(b.start + 1, b.end - b.start - 1, ...body);
  }
  for (const b of [...ours].reverse()) lines.splice(b.start, b.end - b.start);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();

  const block = (m: Mount) => tomlMountBlock(header, m, eol, commentFor(m, packageLayouts, reAdded)).split(eol).slice(0, -1);
  const shadows = plan.filter(isOurContent);
  const appended = plan.filter((m) => reAdded.has(m) || (isOurs(m, packageLayouts) && !isOurContent(m)));
  const firstUser = lines.findIndex((l) => headerRe.test(l));
  if (firstUser >= 0) lines.splice(firstUser, 0, ...shadows.flatMap((m) => [...block(m), '']));
  else appended.unshift(...shadows);
  for (const m of appended) {
    if (lines.length > 0) lines.push('');
    lines.push(...block(m));
  }
  return lines.join(eol) + eol;
}

function yamlKeyNode(map: YAMLMap, key: string): unknown {
  for (const pair of map.items) {
    const k = (pair.key as { value?: unknown })?.value ?? pair.key;
    if (typeof k === 'string' && k.toLowerCase() === key) return pair;
  }
  return undefined;
}

/** YAML: rebuild the mounts sequence in plan order, reusing the user's own nodes (and their comments). */
function editYaml(t: Target, plan: Mount[], packageLayouts: string): string {
  const doc: Document = parseDocument(t.text);
  let root = doc.contents;
  if (root === null || root === undefined) {
    root = doc.createNode({}) as YAMLMap;
    doc.contents = root as never;
  }
  if (!isMap(root)) throw new InitError(`${t.file.path}: the top level is not a map`);
  let moduleMap: YAMLMap;
  if (t.file.key === 'module') {
    moduleMap = root;
  } else {
    const pair = yamlKeyNode(root, 'module') as { value: unknown } | undefined;
    if (pair && isMap(pair.value)) moduleMap = pair.value;
    else if (pair && (pair.value === null || pair.value === undefined)) {
      moduleMap = doc.createNode({}) as YAMLMap;
      pair.value = moduleMap;
    } else if (pair) throw new InitError(`${t.file.path}: "module" is not a map`);
    else {
      moduleMap = doc.createNode({}) as YAMLMap;
      root.add(doc.createPair('module', moduleMap));
    }
  }
  const mountsPair = yamlKeyNode(moduleMap, 'mounts') as { value: unknown } | undefined;
  const existing = mountsPair && isSeq(mountsPair.value) ? (mountsPair.value as YAMLSeq) : undefined;
  if (mountsPair && !existing && mountsPair.value !== null) throw new InitError(`${t.file.path}: module.mounts is not a list`);
  const userNodes = new Map<Mount, unknown>();
  if (existing) {
    const items = existing.items;
    const asJs = existing.toJSON() as unknown[];
    // Match each plan entry that came from the file to its node, in order.
    let k = 0;
    for (const m of plan) {
      if (isOurs(m, packageLayouts)) continue;
      for (; k < asJs.length; k++) {
        const js = asJs[k];
        if (isRecord(js) && getIn(js, 'source') === m.source && getIn(js, 'target') === m.target) {
          const node = items[k];
          if (!sameSpelling(js, m) && isMap(node)) {
            for (const key of ['lang', 'sites']) {
              const pair = yamlKeyNode(node, key) as { key: unknown } | undefined;
              if (pair) node.delete(pair.key);
            }
            for (const [key, value] of Object.entries(languageKeys(m))) node.add(doc.createPair(key, value));
          }
          userNodes.set(m, node);
          k++;
          break;
        }
      }
    }
  }
  const items = plan.map((m) => userNodes.get(m) ?? doc.createNode(written(m)));
  if (existing) {
    // Reuse the sequence node itself: a comment above its first item belongs to it.
    existing.items = items as never;
  } else {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items = items as never;
    if (mountsPair) mountsPair.value = seq;
    else moduleMap.add(doc.createPair('mounts', seq));
  }
  return doc.toString();
}

/** JSON: rewrite with the file's own indentation, keys and order kept. */
function editJson(t: Target, plan: Mount[]): string {
  const indentMatch = /^([ \t]+)\S/m.exec(t.text);
  const indent = indentMatch ? indentMatch[1]! : '  ';
  const data = JSON.parse(t.text.replace(/^\uFEFF/, '') || '{}') as Record<string, unknown>;
  let moduleObj: Record<string, unknown>;
  if (t.file.key === 'module') moduleObj = data;
  else {
    const k = findKey(data, 'module');
    if (k === undefined) data.module = moduleObj = {};
    else if (isRecord(data[k])) moduleObj = data[k] as Record<string, unknown>;
    else throw new InitError(`${t.file.path}: "module" is not an object`);
  }
  const mk = findKey(moduleObj, 'mounts') ?? 'mounts';
  const existing = Array.isArray(moduleObj[mk]) ? (moduleObj[mk] as unknown[]) : [];
  const used = new Set<number>();
  moduleObj[mk] = plan.map((m) => {
    const i = existing.findIndex(
      (e, j) => !used.has(j) && isRecord(e) && getIn(e, 'source') === m.source && getIn(e, 'target') === m.target,
    );
    if (i >= 0) {
      used.add(i);
      const e = existing[i] as Record<string, unknown>;
      if (sameSpelling(e, m)) return e;
      return { ...Object.fromEntries(Object.entries(e).filter(([k]) => !['lang', 'sites'].includes(k.toLowerCase()))), ...languageKeys(m) };
    }
    return written(m);
  });
  const eol = t.text.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(data, null, indent).replace(/\n/g, eol) + eol;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.hugo-prerender.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function describe(m: Mount): string {
  const l = mountLanguage(m);
  const lang = !l ? '' : l.style === 'lang' ? `, lang = ${JSON.stringify(l.lang)}` : `, sites = { matrix = { languages = [${JSON.stringify(l.lang)}] } }`;
  return `source = ${JSON.stringify(m.source)}, target = ${JSON.stringify(m.target)}${lang}`;
}

/** Adds (or repairs) the mounts hugo-prerender needs in the site's config. */
export function initSite(siteDir: string, opts: InitOptions = {}): InitResult {
  const site = path.resolve(siteDir);
  let packageLayouts = opts.packageLayouts ?? DEFAULT_PACKAGE_LAYOUTS;
  if (path.isAbsolute(packageLayouts)) {
    const rel = path.relative(site, packageLayouts);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) packageLayouts = rel;
  }
  packageLayouts = normalizeRel(packageLayouts);

  const { target, merged } = chooseTarget(site);
  const current = moduleMounts(merged);
  const plan = planMounts({
    mounts: current,
    contentDir: normalizeRel(contentDirSetting(merged)),
    contentDefaults: defaultContentMounts(merged, opts.languageStyle).map((m) => ({ ...m, source: normalizeRel(m.source) })),
    languageStyle: opts.languageStyle,
    layoutDir: normalizeRel(layoutDirSetting(merged)),
    staticDirs: staticDirSetting(merged).map(normalizeRel),
    packageLayouts,
  });
  const rel = path.relative(site, target.file.path).split(path.sep).join('/');
  const messages: string[] = [];
  const gitignore = path.join(site, '.gitignore');
  const ignored = existsSync(gitignore) && /^\/?\.prerender\/?\s*$/m.test(readFileSync(gitignore, 'utf8'));
  const hints = [
    ...(ignored ? [] : [`Add this line to .gitignore (generated output): ${PRERENDER_DIR}/`]),
    `In your <head> template add: {{ partial "prerender/head.html" . }}`,
    `Run \`hugo-prerender build\` before \`hugo\`.`,
  ];

  if (sameMounts(current, plan)) {
    messages.push(`${rel} already has the mounts hugo-prerender needs; nothing changed.`, ...hints);
    return { changed: false, file: target.file.path, messages };
  }

  // Mount entries that come from the file keep their identity so that editors can reuse their nodes.
  // Re-added: the plan's user-side entries that are not (possibly respelled) mounts of the config.
  const reAdded = new Set(
    plan.filter(
      (m) =>
        !isOurs(m, packageLayouts) &&
        !current.some((c) => c === m || (normalizeRel(c.source) === normalizeRel(m.source) && normalizeRel(c.target) === normalizeRel(m.target) && mountLanguage(c)?.lang === mountLanguage(m)?.lang)),
    ),
  );
  const inFile = moduleMounts(target.file.key === 'module' ? { module: target.data } : target.data);
  let text: string;
  if (target.file.format === 'toml') text = editToml(target, plan, inFile, packageLayouts, reAdded);
  else if (target.file.format === 'yaml') text = editYaml(target, plan, packageLayouts);
  else text = editJson(target, plan);

  // Check the edit before replacing the file: it must parse and give exactly the planned mounts.
  const check = parseConfigText(text, target.file.format, rel);
  const after = moduleMounts(target.file.key === 'module' ? { module: check.data } : check.data);
  if (check.diagnostics.length > 0 || !sameMounts(after, plan)) {
    const snippet = plan.map((m) => `[[module.mounts]]\n${describe(m).split(', ').join('\n')}`).join('\n\n');
    throw new InitError(
      `${rel}: could not add the mounts safely (${check.diagnostics[0]?.message ?? 'the edited config did not read back as planned'}); the file was not changed. Replace its module mounts by these, in this order:\n\n${snippet}`,
    );
  }
  writeAtomic(target.file.path, text);

  messages.push(`Updated ${rel}: module mounts now (per component, first wins):`);
  for (const m of plan) {
    const isNew = !current.some((c) => normalizeRel(c.source) === normalizeRel(m.source) && normalizeRel(c.target) === normalizeRel(m.target));
    messages.push(`  ${isNew ? '+' : ' '} ${describe(m)}${reAdded.has(m) ? '  (Hugo default, re-added)' : ''}`);
  }
  messages.push(...hints);
  return { changed: true, file: target.file.path, messages };
}
