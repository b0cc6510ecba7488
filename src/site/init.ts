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
 * (config.ts LanguageMountStyle): the caller says which Hugo it is for. A user's content mount whose
 * target is below `content` (`content/notes`) gets the same folder of its shadow tree mounted at that
 * target, before it: Hugo 0.111.3 reads a folder below such a target from the mounts there alone
 * (config.ts nestedShadowMounts).
 *
 * The config is edited in place, keeping everything else the user wrote: TOML textually (tables are
 * inserted/appended, nothing else is re-serialised), YAML through the `yaml` Document API (comments
 * kept), JSON re-serialised with the file's own indentation. Every edit is parsed back and checked
 * before the file is replaced (atomically).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-atomic.js';
import { EditError, editMounts, lineColumn, mountsSnippet, type MountEdit } from './config-edit.js';
import { HEAD_HOOKS, HEAD_PARTIAL_CALL, headAdvice, headReport } from './head-hooks.js';
import { layoutsComplete, siteLayoutDirs } from './fallbacks.js';
import { askHugoModules, moduleLookupNeeded } from './hugo-modules.js';
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
  nestedShadowMounts,
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
  /**
   * The Hugo to ask where the site's themes and modules are (`hugo config mounts`), when the folders do not
   * show them all (a theme installed as a Hugo Module): their head hook is advised then. Default `hugo`.
   */
  hugo?: string;
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
    isShadowSource(s) ||
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
  // And the shadows of a mount below `content` (target content/notes) at its target (see nestedShadowMounts).
  return [OUR_CONTENT, ...shadows, ...nestedShadowMounts(content), ...user, ...defaults, OUR_LAYOUTS, pkg, OUR_STATIC];
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

function sameSpelling(a: unknown, b: Mount): boolean {
  const la = isRecord(a) ? mountLanguage(a as Mount) : undefined;
  const lb = mountLanguage(b);
  return la?.lang === lb?.lang && la?.style === lb?.style;
}

/** A shadow tree (`.prerender/content`, `.prerender/content.fr`) or a folder of one (`.prerender/content/notes`). */
function isShadowSource(s: string): boolean {
  return /^\.prerender\/content(\.[^/]+)?(\/.+)?$/.test(s);
}

/** The shadow content mounts of a plan (ours, read before every user mount). */
function isOurContent(m: Mount): boolean {
  return isShadowSource(normalizeRel(m.source));
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

const WHY: Record<string, string> = {
  [OUR_CONTENT.source]: 'hugo-prerender: prerendered copies of pages, read before content/ (the first mount wins)',
  [OUR_LAYOUTS.source]: 'hugo-prerender: rendered fragments (partials/prerender/*)',
  [OUR_STATIC.source]: 'hugo-prerender: KaTeX stylesheet and fonts, generated images',
};

function commentFor(m: Mount, packageLayouts: string, reAdded: Set<Mount>): string | undefined {
  if (WHY[m.source]) return WHY[m.source];
  if (isOurContent(m) && normalizeRel(m.target) !== 'content') {
    return `hugo-prerender: prerendered copies of the pages of ${normalizeRel(m.target)}, read before your mount there (Hugo 0.111 reads its folders from the mounts at ${normalizeRel(m.target)} alone)`;
  }
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
 * What to insert, remove and respell in the file: init's own entries are rewritten (removed, then our
 * content mounts inserted before the user's first mount and the rest after the last), the user's stay
 * where they are, in order, with only a language respelled for the Hugo asked for.
 */
function mountEdit(plan: Mount[], inFile: Mount[], packageLayouts: string, reAdded: Set<Mount>): MountEdit {
  const remove = new Set(inFile.map((m, k) => (isOurs(m, packageLayouts) ? k : -1)).filter((k) => k >= 0));
  // The user's entries, in order, are the plan's user entries in order.
  const planned = plan.filter((m) => !isOurs(m, packageLayouts) && !reAdded.has(m));
  const respell = new Map<number, Mount>();
  let j = 0;
  for (const [k, m] of inFile.entries()) {
    if (remove.has(k)) continue;
    const p = planned[j++];
    if (p && !sameSpelling(m, p)) respell.set(k, p);
  }
  return {
    inFile,
    remove,
    respell,
    before: plan.filter(isOurContent),
    after: plan.filter((m) => reAdded.has(m) || (isOurs(m, packageLayouts) && !isOurContent(m))),
    comment: (m) => commentFor(m, packageLayouts, reAdded),
  };
}

/** Everything but module.mounts, to check that an edit changed nothing else. */
function withoutMounts(data: Record<string, unknown>, rootIsModule: boolean): string {
  const copy = structuredClone(data);
  const mod = rootIsModule ? copy : copy[findKey(copy, 'module') ?? 'module'];
  if (isRecord(mod)) {
    const k = findKey(mod, 'mounts');
    if (k !== undefined) delete mod[k];
    if (!rootIsModule && Object.keys(mod).length === 0) delete copy[findKey(copy, 'module')!];
  }
  return JSON.stringify(copy);
}


function describe(m: Mount): string {
  const l = mountLanguage(m);
  const lang = !l ? '' : l.style === 'lang' ? `, lang = ${JSON.stringify(l.lang)}` : `, sites = { matrix = { languages = [${JSON.stringify(l.lang)}] } }`;
  return `source = ${JSON.stringify(m.source)}, target = ${JSON.stringify(m.target)}${lang}`;
}

/**
 * What links the stylesheets: nothing to say when a template already calls the head partial; else the
 * head hook of the site's theme (a one-line file), or the line for the base template.
 */
function headHints(site: string, data: Record<string, unknown>, hugo = 'hugo'): string[] {
  // A theme installed as a Hugo Module (in Hugo's module cache, not in themes/): Hugo says where it is, as
  // for build (site/hugo-modules.ts); without an answer, the advice for any theme.
  const asked = moduleLookupNeeded(layoutsComplete(site, data), data) ? askHugoModules(hugo, site, {}) : undefined;
  const report = headReport(siteLayoutDirs(site, data, asked && 'modules' in asked ? asked.modules : undefined));
  if (report.linking.length > 0) return [];
  const hook = report.hooks[0];
  if (hook) return [`Your theme has a head hook (${hook.theme}): create ${hook.file} containing the line ${HEAD_PARTIAL_CALL}${hook.note ? ` (${hook.note})` : ''}`];
  if (report.override) return [headAdvice(report, site).replace(/^your/, 'Your')];
  const list = HEAD_HOOKS.map((h) => `${h.theme}: ${h.file}`).join('; ');
  return [`In your <head> template add: ${HEAD_PARTIAL_CALL} (with a theme, put it in the theme's head hook instead of copying its head: ${list})`];
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
  // The site's own .gitignore, else whatever git says (a .gitignore above the site, in a repository that
  // holds it: the hint was printed there too, found by an audit).
  const ignored = (existsSync(gitignore) && /^\/?\.prerender\/?\s*$/m.test(readFileSync(gitignore, 'utf8'))) || gitIgnores(site, `${PRERENDER_DIR}/`);
  const hints = [
    ...(ignored ? [] : [`Add this line to .gitignore (generated output): ${PRERENDER_DIR}/`]),
    ...headHints(site, merged, opts.hugo),
    'Build with `npx hugo-prerender hugo [hugo arguments]`: it prerenders, then runs hugo, and names your files in Hugo\'s messages (not their .prerender/ copies). Or run `npx hugo-prerender build` before `hugo`; `npx hugo-prerender serve` instead of `hugo server`.',
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
  const rootIsModule = target.file.key === 'module';
  const inFile = moduleMounts(rootIsModule ? { module: target.data } : target.data);
  const cannot = (where: string, why: string) =>
    new InitError(
      `${where}: ${why}; the file was not changed. Make its module mounts these, in this order (the lines to paste):\n\n${mountsSnippet(target.file.format, rootIsModule, plan)}\n`,
    );
  let text: string;
  try {
    text = editMounts(target.file.format, target.text, rootIsModule, mountEdit(plan, inFile, packageLayouts, reAdded));
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    const at = lineColumn(target.text, e.offset);
    throw cannot(`${rel}:${at.line}:${at.column}`, e.message);
  }

  // Check the edit before replacing the file: it must parse, give exactly the planned mounts and leave
  // every other setting as it was.
  const check = parseConfigText(text, target.file.format, rel);
  const after = moduleMounts(rootIsModule ? { module: check.data } : check.data);
  if (check.diagnostics.length > 0 || !sameMounts(after, plan) || withoutMounts(check.data, rootIsModule) !== withoutMounts(target.data, rootIsModule)) {
    const d = check.diagnostics[0];
    throw cannot(d ? `${rel}:${d.line}:${d.column}` : rel, `could not add the mounts safely (${d?.message ?? 'the edited config did not read back as planned'})`);
  }
  writeFileAtomic(target.file.path, text);

  messages.push(`Updated ${rel}: module mounts now (per component, first wins):`);
  for (const m of plan) {
    const isNew = !current.some((c) => normalizeRel(c.source) === normalizeRel(m.source) && normalizeRel(c.target) === normalizeRel(m.target));
    messages.push(`  ${isNew ? '+' : ' '} ${describe(m)}${reAdded.has(m) ? '  (Hugo default, re-added)' : ''}`);
  }
  messages.push(...hints);
  return { changed: true, file: target.file.path, messages };
}

/** Whether git ignores `rel` in `dir` (false outside a repository, or without git). */
function gitIgnores(dir: string, rel: string): boolean {
  const r = spawnSync('git', ['-C', dir, 'check-ignore', '-q', '--', rel], { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0;
}
