/**
 * Reading a Hugo site's configuration the way Hugo does (measured with hugo 0.111.3 and 0.169.0):
 *
 * - At the site root Hugo reads ONE file: the first of hugo.toml, hugo.yaml, hugo.yml, hugo.json,
 *   config.toml, config.yaml, config.yml, config.json (hugo.* wins over config.*, and toml over yaml
 *   over json).
 * - It ALSO reads the config directory config/_default/ and then config/<environment>/ (`hugo` builds
 *   in "production"), merging them over the root file: maps merge deeply, later files win per key.
 *   Inside a directory config.* is read before hugo.* (hugo.* wins) and any other file name X.* is the
 *   value of the top-level key X (params.toml → params), read after those two.
 * - Keys are case-insensitive (Hugo lower-cases them); lookups here ignore case but `data` keeps the
 *   user's spelling, which matters for values such as KaTeX macro names that are keys.
 */
import { DEFAULT_LIMITS, type PageLimits } from '../content/limits.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { HugoModule } from './hugo-modules.js';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../content/types.js';
import { LineIndex } from '../content/position.js';
import { braceProblem } from '../content/braces.js';
import { explainTomlError, explainYamlError } from '../content/frontmatter.js';
import { collectionKey, collectionKeyText } from '../content/yaml-keys.js';
import { keyPathId, keyPositions, type KeyPosition, type TextPosition } from './config-positions.js';
import { closestKey } from '../render/closest-name.js';
import { eitherFilter, mountFilter, MountGlobError, mountPatterns, type MountFilter } from './mount-filter.js';
import { versionBefore } from './hugo-version.js';
import { ignoredBy, ignoreFiles, type IgnoreFiles } from './ignore-files.js';

export type ConfigFormat = 'toml' | 'yaml' | 'json';

export interface ConfigFile {
  /** Absolute path. */
  path: string;
  format: ConfigFormat;
  /** The top-level key this file's content is the value of (config/_default/params.toml → "params"); null for a whole config. */
  key: string | null;
}

const EXTENSIONS: readonly [string, ConfigFormat][] = [
  ['toml', 'toml'],
  ['yaml', 'yaml'],
  ['yml', 'yaml'],
  ['json', 'json'],
];

/** Whether `p` is a file (through symbolic links); false when it cannot be looked at. */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The first existing `<base>.<ext>` in Hugo's extension order. */
function firstWithBase(dir: string, base: string): ConfigFile | null {
  for (const [ext, format] of EXTENSIONS) {
    const p = path.join(dir, `${base}.${ext}`);
    if (isFile(p)) return { path: p, format, key: null };
  }
  return null;
}

/** The single root config file Hugo reads (hugo.* before config.*), or null. */
export function findRootConfig(siteDir: string): ConfigFile | null {
  return firstWithBase(siteDir, 'hugo') ?? firstWithBase(siteDir, 'config');
}

/** The files of one config directory (config/_default, config/production…) in Hugo's merge order. */
function configDirFiles(dir: string): ConfigFile[] {
  if (!existsSync(dir)) return [];
  const out: ConfigFile[] = [];
  const config = firstWithBase(dir, 'config');
  const hugo = firstWithBase(dir, 'hugo');
  if (config) out.push(config);
  if (hugo) out.push(hugo);
  const others = new Map<string, ConfigFile>();
  for (const name of readdirSync(dir).sort()) {
    const ext = path.extname(name).slice(1).toLowerCase();
    const format = EXTENSIONS.find(([e]) => e === ext)?.[1];
    const base = name.slice(0, name.length - ext.length - 1);
    // "menus.en.toml" is language-specific configuration: not something we read.
    if (!format || base.includes('.') || base === 'config' || base === 'hugo') continue;
    if (!others.has(base.toLowerCase()) && isFile(path.join(dir, name))) {
      others.set(base.toLowerCase(), firstWithBase(dir, base)!);
    }
  }
  for (const [key, file] of [...others].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push({ ...file, key });
  }
  return out;
}

/**
 * Which of a site's config files Hugo reads, as its flags say: the environment (`-e`/`--environment`,
 * else HUGO_ENVIRONMENT or HUGO_ENV, else `production` for a build and `development` for `hugo server`),
 * whose config/<environment>/ is merged last; and `--config a.toml,b.toml`, files that replace the root
 * config file (relative to the site; later files win, as in Hugo).
 */
export interface ConfigSelection {
  environment?: string | null;
  files?: readonly string[];
  /**
   * Settings Hugo is given over its config files, as Hugo applies them: its flags (`--baseURL`/`-b`,
   * `--theme`/`-t`, `--themesDir`), else its HUGO_BASEURL, HUGO_THEME and HUGO_THEMESDIR variables.
   * The baseURL places image variants (`/blog/prerender/img/…`); the theme decides which templates
   * (its `figure`, its head hook) the site has.
   */
  overrides?: Record<string, unknown>;
  /** The variables whose HUGO_ settings apply (applyEnvOverrides); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The environment Hugo builds in without `--environment`: its variables', else its default for the command. */
export function defaultEnvironment(command: 'build' | 'server', env: NodeJS.ProcessEnv = process.env): string {
  return env.HUGO_ENVIRONMENT || env.HUGO_ENV || (command === 'server' ? 'development' : 'production');
}

/** The selection Hugo makes from its `--environment` and `--config` values (either absent) for a command. */
export function configSelection(
  command: 'build' | 'server',
  environment: string | undefined,
  config: string | undefined,
  flags: HugoOverrideFlags = {},
  env: NodeJS.ProcessEnv = process.env,
): ConfigSelection {
  const overrides = hugoOverrides(flags, env);
  return {
    environment: environment ?? defaultEnvironment(command, env),
    ...(config ? { files: config.split(',').filter(Boolean) } : {}),
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
  };
}

/** The values of Hugo's flags that set a config key (absent: not given). */
export interface HugoOverrideFlags {
  baseURL?: string | undefined;
  theme?: string | undefined;
  themesDir?: string | undefined;
}

/** What Hugo sets over its config files: each flag, else its HUGO_ variable (Hugo reads both so). */
export function hugoOverrides(flags: HugoOverrideFlags, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const fromEnv = (name: string) => (env[name] !== undefined && env[name] !== '' ? env[name] : undefined);
  const out: Record<string, unknown> = {};
  const baseURL = flags.baseURL ?? fromEnv('HUGO_BASEURL');
  if (baseURL !== undefined) out.baseURL = baseURL;
  // --theme a,b and HUGO_THEME="a,b" name several themes, as `theme = ["a", "b"]` does.
  const theme = flags.theme ?? fromEnv('HUGO_THEME');
  if (theme !== undefined) {
    const list = theme.split(',').map((t) => t.trim()).filter(Boolean);
    out.theme = list.length === 1 ? list[0] : list;
  }
  const themesDir = flags.themesDir ?? fromEnv('HUGO_THEMESDIR');
  if (themesDir !== undefined) out.themesDir = themesDir;
  return out;
}

/** A file named with --config: as written, else with each of Hugo's extensions (`--config site`). */
function explicitConfig(siteDir: string, name: string): ConfigFile | null {
  const p = path.resolve(siteDir, name);
  const format = formatOf(p);
  if (format && isFile(p)) return { path: p, format, key: null };
  return firstWithBase(path.dirname(p), path.basename(p));
}

/**
 * Every config file Hugo merges for this site, lowest precedence first. `environment` null leaves out
 * the environment directory (what every environment shares); `files` replace the root config file.
 */
export function findSiteConfigFiles(siteDir: string, environment: string | null = 'production', files?: readonly string[]): ConfigFile[] {
  const roots = files ? files.map((f) => explicitConfig(siteDir, f)).filter((f): f is ConfigFile => f !== null) : [findRootConfig(siteDir)].filter((f): f is ConfigFile => f !== null);
  return [
    ...roots,
    ...configDirFiles(path.join(siteDir, 'config', '_default')),
    ...(environment ? configDirFiles(path.join(siteDir, 'config', environment)) : []),
  ];
}

/**
 * The main config file of the site: the root file if there is one, else config/_default/hugo.* or
 * config/_default/config.*; null when the site has no configuration Hugo would find.
 */
export function findSiteConfig(siteDir: string, files?: readonly string[]): ConfigFile | null {
  const root = files ? (files.map((f) => explicitConfig(siteDir, f)).find((f) => f !== null) ?? null) : findRootConfig(siteDir);
  if (root) return root;
  const dir = path.join(siteDir, 'config', '_default');
  return firstWithBase(dir, 'hugo') ?? firstWithBase(dir, 'config');
}

export function formatOf(file: string): ConfigFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return EXTENSIONS.find(([e]) => e === ext)?.[1] ?? null;
}

/** Parses config text; never throws: problems come back as diagnostics with line and column. */
export function parseConfigText(
  text: string,
  format: ConfigFormat,
  file?: string,
): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fail = (message: string, line = 1, column = 1) => {
    diagnostics.push({ severity: 'error', code: 'config', message: `invalid ${format.toUpperCase()} in site config: ${message}`, file, line, column });
    return { data: {}, diagnostics };
  };
  try {
    let value: unknown;
    if (format === 'toml') {
      value = parseToml(src);
    } else if (format === 'yaml') {
      // logLevel 'error': a key that is a list or map is an error here, at its place (Hugo fails on it),
      // not the library's process warning that it was stringified.
      const doc = parseDocument(src, { logLevel: 'error' });
      const err = doc.errors[0];
      if (err) {
        const explained = explainYamlError(src, err);
        const at = new LineIndex(src).at(explained.offset);
        return fail(explained.message, at.line, at.column);
      }
      const badKey = collectionKey(doc, src);
      if (badKey) {
        const at = new LineIndex(src).at(badKey.offset);
        return fail(`${collectionKeyText(badKey)}, which Hugo does not accept (it fails to load the configuration); write the key as plain text`, at.line, at.column);
      }
      value = doc.toJS() ?? {};
    } else {
      value = src.trim() === '' ? {} : JSON.parse(src);
    }
    if (!isRecord(value)) return fail('the top level must be a table/map/object');
    return { data: value, diagnostics };
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    if (typeof err.line === 'number') {
      const message = format === 'toml' && typeof err.column === 'number' ? explainTomlError(src, { message: err.message, line: err.line, column: err.column }) : err.message.split('\n')[0]!;
      return fail(message, err.line, err.column);
    }
    // One line: JSON.parse quotes the offending text, newlines included.
    const message = err.message.replace(/\s*\n\s*/g, ' ');
    const pos = /position (\d+)/.exec(err.message);
    if (pos) {
      const before = src.slice(0, Number(pos[1]));
      const lines = before.split('\n');
      return fail(message, lines.length, lines[lines.length - 1]!.length + 1);
    }
    // Node 20's JSON.parse often names no position ("Unexpected token '}'"): find it.
    const offset = format === 'json' ? jsonErrorOffset(src) : undefined;
    if (offset !== undefined) {
      const lines = src.slice(0, offset).split('\n');
      return fail(message, lines.length, lines[lines.length - 1]!.length + 1);
    }
    return fail(message);
  }
}

/**
 * Where JSON text goes wrong: the length of its longest prefix that is still the beginning of some valid
 * JSON (JSON.parse of it fails only for running out of input), found by bisection.
 */
export function jsonErrorOffset(src: string): number | undefined {
  const validPrefix = (n: number): boolean => {
    try {
      JSON.parse(src.slice(0, n));
      return true;
    } catch (e) {
      const msg = (e as Error).message;
      if (/Unexpected end of JSON input/.test(msg)) return true;
      const pos = /position (\d+)/.exec(msg);
      return pos !== null && Number(pos[1]) >= n;
    }
  };
  if (validPrefix(src.length)) return undefined;
  let lo = 0; // valid prefix
  let hi = src.length; // not valid
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** The actual spelling of `key` in `obj`, ignoring case (an exact match first). */
export function findKey(obj: Record<string, unknown>, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

/** Case-insensitive lookup of a dotted path (`markup.goldmark.parser.autoHeadingIDType`) or key list. */
export function getIn(data: unknown, keyPath: string | readonly string[]): unknown {
  const keys = typeof keyPath === 'string' ? keyPath.split('.') : keyPath;
  let cur: unknown = data;
  for (const k of keys) {
    if (!isRecord(cur)) return undefined;
    const actual = findKey(cur, k);
    if (actual === undefined) return undefined;
    cur = cur[actual];
  }
  return cur;
}

/** getIn that also steps into arrays, by an index written in decimal digits (`['module', 'mounts', '0', 'source']`). */
export function valueAt(data: unknown, keyPath: readonly string[]): unknown {
  let cur: unknown = data;
  for (const k of keyPath) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(k)) return undefined;
      cur = cur[Number(k)];
    } else cur = getIn(cur, [k]);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Deep merge as Hugo merges config files: maps merge key by key (ignoring case), anything else is replaced. */
export function mergeConfig(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const existing = findKey(out, k);
    if (existing !== undefined && isRecord(out[existing]) && isRecord(v)) {
      out[existing] = mergeConfig(out[existing] as Record<string, unknown>, v);
    } else {
      if (existing !== undefined) delete out[existing];
      out[k] = v;
    }
  }
  return out;
}

/**
 * Hugo's settings from the OS environment, applied over the config files as Hugo applies them
 * (applyOsEnvOverrides: hugolib/config.go in 0.111.3, config/allconfig/load.go in 0.169.0): a variable
 * HUGO<d>KEY<d>KEY…, where <d> is the character after HUGO (`_`, or another for keys with underscores:
 * HUGOxPARAMSxMY_KEY), sets that key path, lower-cased: HUGO_PARAMS_PRERENDER_ERRORS=render sets
 * params.prerender.errors. A setting that is there takes the text read as its type (a boolean, a number, a
 * list or table as JSON), and is left as it is where the text is no such value; one that is not there takes
 * the text, its tables made as needed, read as a boolean or a whole number where it is one (Hugo's own
 * settings that a site does not write, such as summaryLength and hasCJKLanguage, have defaults of those
 * types, which Hugo converts the text to; hugo-prerender's settings are read the same way).
 */
export function applyEnvOverrides(data: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const vars = Object.keys(env)
    .filter((k) => k.startsWith('HUGO') && k.length >= 6 && env[k] !== undefined)
    .sort();
  if (vars.length === 0) return data;
  const out = structuredClone(data);
  for (const name of vars) {
    const parts = name.slice(5).split(name[4]!).map((p) => p.toLowerCase());
    if (parts.some((p) => p === '')) continue;
    const text = env[name]!;
    // Down the tables that are there; the last key's value converted, or the text where it is new.
    let owner: Record<string, unknown> = out;
    let i = 0;
    for (; i < parts.length - 1; i++) {
      const k = findKey(owner, parts[i]!);
      const next = k === undefined ? undefined : owner[k];
      if (!isRecord(next)) break;
      owner = next;
    }
    if (i < parts.length - 1) {
      // A table on the way is not there (or is no table): made, as Hugo sets the dotted key.
      for (; i < parts.length - 1; i++) {
        const k = findKey(owner, parts[i]!);
        if (k !== undefined) delete owner[k];
        const t: Record<string, unknown> = {};
        owner[parts[i]!] = t;
        owner = t;
      }
      owner[parts[i]!] = envValueNew(text);
      continue;
    }
    const last = parts[parts.length - 1]!;
    const k = findKey(owner, last);
    if (k === undefined) {
      owner[last] = envValueNew(text);
      continue;
    }
    const value = envValueAs(owner[k], text);
    if (value !== undefined) owner[k] = value;
  }
  return out;
}

/** The text of a HUGO_ variable for a setting not written: a boolean or whole number where it is one, else the text. */
function envValueNew(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

/** `text` read as a value of `existing`'s type (Hugo's metadecoders.UnmarshalStringTo), or undefined. */
function envValueAs(existing: unknown, text: string): unknown {
  if (typeof existing === 'string') return text;
  if (typeof existing === 'boolean') {
    // Go's strconv.ParseBool.
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
    return undefined;
  }
  if (typeof existing === 'number') {
    const n = Number(text.trim());
    return text.trim() === '' || !Number.isFinite(n) || (Number.isInteger(existing) && !Number.isInteger(n)) ? undefined : n;
  }
  if (Array.isArray(existing) || isRecord(existing)) {
    try {
      const v: unknown = JSON.parse(text);
      return Array.isArray(existing) ? (Array.isArray(v) ? v : undefined) : isRecord(v) ? v : undefined;
    } catch {
      return undefined;
    }
  }
  return text;
}

export interface SiteConfig {
  /** The main config file (see findSiteConfig); null when the site has none. */
  file: string | null;
  format: ConfigFormat | null;
  /** Every file read, lowest precedence first. */
  files: ConfigFile[];
  /** The merged configuration, keys spelled as the user wrote them. */
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
  // Conveniences computed from `data` with the accessors below (paths absolute):
  /** The first content root (contentDir, or the first content mount that is not ours). */
  contentDir: string;
  /** The site's languages, to tell whether Hugo publishes a page at all (see pageInDisabledLanguage). */
  languages: SiteLanguages;
  /** Every content root, with where its files land inside the content tree. */
  contentRoots: ComponentRoot[];
  staticDirs: string[];
  /** The first assets root. */
  assetsDir: string;
  /** Every static root, with its target below static/ (a mount at `static/images`: `images`) and its filter, in mount order. */
  staticRoots: ComponentRoot[];
  /** Every assets root, the same way. */
  assetRoots: ComponentRoot[];
  prerender: PrerenderOptions;
  /** Where a setting of `data` is written (for diagnostics about it, such as imageOptions'). */
  locate: ConfigLocator;
  /** The site's ignoreFiles that hugo-prerender applies (ignore-files.ts; already part of each content root's filter). */
  ignoreFiles: IgnoreFiles;
  /** Every content, static and assets root with its filter (SiteInfo.filtered): what Hugo reads of each. */
  filteredRoots: { dir: string; filter?: MountFilter }[];
  /**
   * The site's themes and modules as Hugo reads them (site/hugo-modules.ts), where the build asked Hugo
   * because the folders it can see do not show them all; undefined: looked up in themes/ and _vendor/.
   */
  modules?: HugoModule[];
  /** What math location needs: the passthrough delimiters (when configured) and the escapes mode. */
  math: { delimiters?: PassthroughDelimiters; escapes: 'auto' | 'none' | 'markdown'; wrappers?: Record<string, 'tex' | 'math'>; numbering?: 'none' };
}

/** Reads and merges a site's configuration. Never throws for bad config: see `diagnostics`. */
export function readSiteConfig(siteDir: string, opts: ConfigSelection = {}): SiteConfig {
  const files = findSiteConfigFiles(siteDir, opts.environment, opts.files);
  const main = findSiteConfig(siteDir, opts.files);
  const diagnostics: Diagnostic[] = [];
  let data: Record<string, unknown> = {};
  if (files.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'config',
      message: opts.files
        ? `no Hugo configuration found in ${siteDir}: --config names ${opts.files.join(', ')}, which ${opts.files.length === 1 ? 'is' : 'are'} not there, and config/_default/ is empty`
        : `no Hugo configuration found in ${siteDir} (looked for hugo.toml|yaml|yml|json, config.toml|yaml|yml|json and config/_default/); is this the site's root? Pass it with --source`,
      line: 1,
      column: 1,
    });
  }
  const sources: ConfigSource[] = [];
  for (const f of files) {
    const rel = path.relative(siteDir, f.path).split(path.sep).join('/');
    const text = readFileSync(f.path, 'utf8');
    const parsed = parseConfigText(text, f.format, rel);
    diagnostics.push(...parsed.diagnostics);
    sources.push({ file: rel, format: f.format, key: f.key, text, data: parsed.data });
    data = mergeConfig(data, f.key === null ? parsed.data : { [f.key]: parsed.data });
  }
  // Hugo's HUGO_ variables (any setting: HUGO_PARAMS_PRERENDER_ERRORS), then its flags, over the files.
  data = applyEnvOverrides(data, opts.env ?? process.env);
  if (opts.overrides) data = mergeConfig(data, opts.overrides);
  const mainRel = main ? path.relative(siteDir, main.path).split(path.sep).join('/') : undefined;
  const locate = configLocator(sources, mainRel);
  const prerender = prerenderOptions(data, locate);
  diagnostics.push(...prerender.diagnostics);
  const ignore = ignoreFiles(data, locate);
  diagnostics.push(...ignore.diagnostics);
  const content = contentRoots(siteDir, data, ignore.patterns);
  for (const bad of new Set(content.map((r) => r.badFilter).filter((b): b is string => b !== undefined))) {
    // Hugo stops at it too; Hugo's own message comes when it runs. At the pattern, else at the mounts.
    const at = badGlobPlace(data, bad);
    diagnostics.push({ severity: 'error', code: 'config', message: `module.mounts: ${bad}, which Hugo does not accept either; fix the pattern`, ...(at ? locate(at) : locate(['module', 'mounts'], 'key')) });
  }
  const delimiters = passthroughDelimiters(data);
  const statics = staticRoots(siteDir, data);
  const assets = assetRoots(siteDir, data);
  return {
    file: main?.path ?? null,
    format: main?.format ?? null,
    files,
    data,
    diagnostics,
    contentDir: content[0]?.dir ?? path.resolve(siteDir, 'content'),
    languages: siteLanguages(data),
    contentRoots: content,
    staticDirs: statics.map((r) => r.dir),
    assetsDir: assets[0]?.dir ?? path.resolve(siteDir, 'assets'),
    staticRoots: statics,
    assetRoots: assets,
    filteredRoots: [...content, ...statics, ...assets].map((r) => ({ dir: r.dir, ...(r.filter ? { filter: r.filter } : {}) })),
    prerender: prerender.options,
    locate,
    ignoreFiles: ignore.patterns,
    math: {
      ...(delimiters ? { delimiters } : {}),
      escapes: prerender.options.math.escapes,
      ...(prerender.options.math.wrappers ? { wrappers: prerender.options.math.wrappers } : {}),
      ...(prerender.options.math.numbering ? { numbering: prerender.options.math.numbering } : {}),
    },
  };
}

// --- where a setting is written ------------------------------------------------------------------

/** One config file as read: its path relative to the site, and its text and data. */
export interface ConfigSource {
  file: string;
  format: ConfigFormat;
  /** As ConfigFile.key: the top-level key the file's content is the value of (lower case), or null. */
  key: string | null;
  text: string;
  data: Record<string, unknown>;
}

/** A place in a config file: what a diagnostic needs. */
export interface ConfigPlace extends TextPosition {
  file?: string;
}

/**
 * Where the setting at `keyPath` (a path into the merged data, any case; an array's entry by its index,
 * `['ignoreFiles', '1']`) is written: in the file of
 * highest precedence that sets it (the one whose value Hugo uses), at its key (`at` "key") or its value
 * (the default). When that file's text does not show the key (a shape the scan does not follow), at
 * the nearest enclosing key or table header it shows, else at 1:1 of that file; when no file sets it,
 * at 1:1 of the main file.
 */
export type ConfigLocator = (keyPath: readonly string[], at?: 'key' | 'value') => ConfigPlace;

/** The locator of a site's config files (lowest precedence first, as findSiteConfigFiles lists them). */
export function configLocator(sources: readonly ConfigSource[], mainFile?: string): ConfigLocator {
  const scanned = new Map<ConfigSource, Map<string, KeyPosition>>();
  const positionsOf = (s: ConfigSource) => {
    let positions = scanned.get(s);
    if (!positions) {
      try {
        positions = keyPositions(s.text, s.format);
      } catch {
        positions = new Map(); // a place at 1:1 rather than no diagnostic
      }
      scanned.set(s, positions);
    }
    return positions;
  };
  return (keyPath, at = 'value') => {
    for (let i = sources.length - 1; i >= 0; i--) {
      const s = sources[i]!;
      const rel = s.key === null ? keyPath : keyPath[0]?.toLowerCase() === s.key ? keyPath.slice(1) : undefined;
      if (rel === undefined || valueAt(s.data, rel) === undefined) continue;
      const positions = positionsOf(s);
      for (let k = rel.length; k > 0; k--) {
        const p = positions.get(keyPathId(rel.slice(0, k)));
        if (p) return { file: s.file, ...(k === rel.length && at === 'value' ? p.value : p.key) };
      }
      return { file: s.file, line: 1, column: 1 };
    }
    return { file: mainFile, line: 1, column: 1 };
  };
}

/** Reports a warning about the setting at `keyPath`, placed at its key or (the default) its value. */
export type ConfigWarn = (keyPath: readonly string[], message: string, at?: 'key' | 'value') => void;

/**
 * A ConfigWarn that adds to `diagnostics`. `where`: a site's locator (SiteConfig.locate), or just the
 * file to name (at 1:1) for data that comes with no text.
 */
export function configWarn(diagnostics: Diagnostic[], where?: string | ConfigLocator): ConfigWarn {
  const locate: ConfigLocator = typeof where === 'function' ? where : () => ({ file: where, line: 1, column: 1 });
  return (keyPath, message, at = 'value') => {
    const { file, line, column } = locate(keyPath, at);
    diagnostics.push({ severity: 'warning', code: 'config', message, file, line, column });
  };
}

/**
 * Warns about `key` of the table at `tablePath`, which is none of `known`: names it, the closest known
 * key when one is obvious, and every known key. `noun`: what the table's keys are ("setting", "limit").
 */
export function warnUnknownKey(warn: ConfigWarn, tablePath: readonly string[], key: string, known: readonly string[], noun = 'setting'): void {
  const table = tablePath.join('.');
  const close = closestKey(key, known);
  warn(
    [...tablePath, key],
    `${table}.${key} is not a ${noun} hugo-prerender knows, and is ignored: ${close ? `did you mean ${close}? ` : ''}${table} has ${known.join(', ')}`,
    'key',
  );
}

/** Warns about each key of `table` (at `tablePath`) that is none of `known` (case ignored). */
export function warnUnknownKeys(warn: ConfigWarn, table: Record<string, unknown>, tablePath: readonly string[], known: readonly string[], noun?: string): void {
  const lower = new Set(known.map((k) => k.toLowerCase()));
  for (const key of Object.keys(table)) if (!lower.has(key.toLowerCase())) warnUnknownKey(warn, tablePath, key, known, noun);
}

// ---------------------------------------------------------------------------------------------
// Typed accessors. Each takes the merged `data` of a SiteConfig.

export interface Mount {
  source: string;
  target: string;
  /** Any other fields the mount has (lang, includeFiles, excludeFiles…), kept as written. */
  [other: string]: unknown;
}

/** A path as written in config, compared the way Hugo would: forward slashes, no "./", no trailing "/". */
export function normalizeRel(p: string): string {
  let s = p.replace(/\\/g, '/').replace(/\/+/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** module.mounts as configured (source/target found case-insensitively), in order. */
export function moduleMounts(data: Record<string, unknown>): Mount[] {
  const raw = getIn(data, 'module.mounts');
  if (!Array.isArray(raw)) return [];
  const out: Mount[] = [];
  for (const m of raw) {
    if (!isRecord(m)) continue;
    const source = getIn(m, 'source');
    const target = getIn(m, 'target');
    if (typeof source !== 'string' || typeof target !== 'string') continue;
    out.push({ ...m, source, target });
  }
  return out;
}

/**
 * The first file of `config` but `rootConfig` that sets module.mounts, or undefined. Hugo merges a config
 * directory after the files given with --config (measured, 0.111.3 and 0.169.0), so mounts set there would
 * replace those of a config layer that `serve` or `hugo new` adds.
 */
export function mountsAfterLayer(config: SiteConfig, rootConfig: string): string | undefined {
  return config.files.find((f) => {
    if (f.path === rootConfig) return false;
    const parsed = parseConfigText(readFileSync(f.path, 'utf8'), f.format).data;
    return moduleMounts(f.key === null ? parsed : { [f.key]: parsed }).length > 0;
  })?.path;
}

/**
 * Where in module.mounts the glob whose MountGlobError says `message` is written: the key path of the
 * entry (`module`, `mounts`, `2`, `excludeFiles`, `0`; the setting itself when it is one string).
 */
export function badGlobPlace(data: Record<string, unknown>, message: string): string[] | undefined {
  const raw = getIn(data, 'module.mounts');
  if (!Array.isArray(raw)) return undefined;
  for (const [m, mount] of raw.entries()) {
    if (!isRecord(mount)) continue;
    for (const key of Object.keys(mount)) {
      if (!['files', 'includefiles', 'excludefiles'].includes(key.toLowerCase())) continue;
      const v = mount[key];
      const entries: [unknown, string[]][] = Array.isArray(v) ? v.map((x, j) => [x, [String(j)]]) : [[v, []]];
      for (const [x, index] of entries) {
        try {
          mountFilter(mountPatterns({ [key]: x }));
        } catch (e) {
          if (e instanceof MountGlobError && e.message === message) return ['module', 'mounts', String(m), key, ...index];
        }
      }
    }
  }
  return undefined;
}

/** The index in module.mounts (as written, every entry counted) of the first mount `which` picks; undefined for none. */
export function mountIndex(data: Record<string, unknown>, which: (m: Mount) => boolean): number | undefined {
  const raw = getIn(data, 'module.mounts');
  if (!Array.isArray(raw)) return undefined;
  const k = raw.findIndex((m) => moduleMounts({ module: { mounts: [m] } }).some(which));
  return k < 0 ? undefined : k;
}

/** The component a mount target belongs to: "content/posts" → "content". */
export function mountComponent(target: string): string {
  return normalizeRel(target).split('/')[0]!.toLowerCase();
}

function stringSetting(data: Record<string, unknown>, key: string, dflt: string): string {
  const v = getIn(data, key);
  return typeof v === 'string' && v.trim() !== '' ? v : dflt;
}

export const contentDirSetting = (data: Record<string, unknown>): string => stringSetting(data, 'contentDir', 'content');
export const layoutDirSetting = (data: Record<string, unknown>): string => stringSetting(data, 'layoutDir', 'layouts');
export const assetDirSetting = (data: Record<string, unknown>): string => stringSetting(data, 'assetDir', 'assets');

/** staticDir may be a string or a list in Hugo. */
export function staticDirSetting(data: Record<string, unknown>): string[] {
  const v = getIn(data, 'staticDir');
  if (typeof v === 'string' && v.trim() !== '') return [v];
  if (Array.isArray(v)) {
    const dirs = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (dirs.length > 0) return dirs;
  }
  return ['static'];
}

/** A directory that contributes to one of Hugo's components (content, static, assets, layouts). */
export interface ComponentRoot {
  /** As written in config, relative to the site (or absolute). */
  source: string;
  /** Absolute path. */
  dir: string;
  /** Where its files land inside the component: "" for the component root, "posts" for target "content/posts". */
  target: string;
  /** The language its files belong to (a mount's `lang`, or a language's own `contentDir`); absent: by file name. */
  lang?: string;
  /**
   * Which of its files and folders Hugo reads (the mount's `files`, `includeFiles`, `excludeFiles`; see
   * mount-filter.ts), by their path relative to `dir`; absent: every one.
   */
  filter?: MountFilter;
  /** Why the mount's filter could not be read (a glob Hugo refuses too): then none of its files is read. */
  badFilter?: string;
}

/** Directories `hugo-prerender` itself mounts; never a user's source. */
export const PRERENDER_DIR = '.prerender';

/**
 * What a build's `changed` lists when `.prerender/` was deleted (or replaced) while watch ran: that build
 * makes it all again, lock and marker included. `hugo server` stops watching a folder that is deleted
 * (measured on 0.111.3: it served untypeset originals until restarted); serve restarts it, and watch's
 * caller says to.
 */
export const OUTPUT_REMADE = `${PRERENDER_DIR}/`;

function isPrerenderSource(source: string): boolean {
  const s = normalizeRel(source);
  return s === PRERENDER_DIR || s.startsWith(PRERENDER_DIR + '/');
}

function componentRoots(siteDir: string, data: Record<string, unknown>, component: string, defaults: Mount[]): ComponentRoot[] {
  const mounts = moduleMounts(data).filter((m) => mountComponent(m.target) === component);
  // Hugo drops a component's default directory as soon as any mount targets that component.
  const list = mounts.length > 0 ? mounts : defaults;
  return list
    .filter((m) => !isPrerenderSource(m.source))
    .map((m) => {
      const lang = mountLanguage(m)?.lang;
      let filter: MountFilter | undefined;
      let badFilter: string | undefined;
      try {
        filter = mountFilter(mountPatterns(m));
      } catch (e) {
        if (!(e instanceof MountGlobError)) throw e;
        badFilter = e.message;
        filter = () => false;
      }
      return {
        source: m.source,
        dir: path.resolve(siteDir, m.source),
        target: normalizeRel(m.target).split('/').slice(1).join('/'),
        ...(lang ? { lang } : {}),
        ...(filter ? { filter } : {}),
        ...(badFilter ? { badFilter } : {}),
      };
    });
}

/**
 * How a mount says which language its files belong to. Measured: Hugo 0.111.3 reads `lang = "fr"` and
 * ignores `sites`; Hugo 0.153 and later read `[sites.matrix] languages = ["fr"]` and stop the build
 * with an error when a mount has `lang` ("module.mounts.lang was deprecated in Hugo v0.153.0 and
 * subsequently removed"). No single spelling works in both.
 */
export type LanguageMountStyle = 'lang' | 'sites.matrix';

/** The spelling a Hugo version (e.g. "0.169.0") understands. */
export function languageMountStyle(hugoVersion: string): LanguageMountStyle {
  return versionBefore(hugoVersion, '0.153.0') ? 'lang' : 'sites.matrix';
}

/** A mount whose files belong to one language, spelled in `style`. */
export function languageMount(source: string, target: string, lang: string, style: LanguageMountStyle): Mount {
  return style === 'lang' ? { source, target, lang } : { source, target, sites: { matrix: { languages: [lang] } } };
}

/** The one language a mount's files belong to (lower case), and how the mount says it; undefined for none or several. */
export function mountLanguage(m: Mount): { lang: string; style: LanguageMountStyle } | undefined {
  const lang = getIn(m, 'lang');
  if (typeof lang === 'string' && lang.trim() !== '') return { lang: lang.toLowerCase(), style: 'lang' };
  const langs = getIn(m, ['sites', 'matrix', 'languages']);
  const list = typeof langs === 'string' ? [langs] : Array.isArray(langs) ? langs : [];
  if (list.length === 1 && typeof list[0] === 'string' && list[0].trim() !== '') return { lang: list[0].toLowerCase(), style: 'sites.matrix' };
  return undefined;
}

/**
 * Languages with a content directory of their own (`[languages.fr] contentDir = "content.fr"`, not the
 * site's contentDir), sorted by language code (lower case, as Hugo spells it).
 */
export function languageContentDirs(data: Record<string, unknown>): { lang: string; source: string }[] {
  const langs = getIn(data, 'languages');
  if (!isRecord(langs)) return [];
  const shared = normalizeRel(contentDirSetting(data));
  const out: { lang: string; source: string }[] = [];
  for (const [lang, conf] of Object.entries(langs)) {
    const dir = getIn(conf, 'contentDir');
    if (typeof dir !== 'string' || dir.trim() === '' || normalizeRel(dir) === shared) continue;
    out.push({ lang: lang.toLowerCase(), source: dir });
  }
  return out.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
}

/**
 * The content mounts Hugo makes itself when the config defines none (measured with 0.111.3 and 0.169.0):
 * the site's contentDir, plus, for each language with its own contentDir, that directory with `lang`.
 * The site's contentDir is read only when some language has no directory of its own (with every
 * language in its own directory, content/ is not published). A site that defines any content mount
 * gets none of these: its per-language directories are dropped too.
 */
export function defaultContentMounts(data: Record<string, unknown>, style: LanguageMountStyle = 'lang'): Mount[] {
  const own = languageContentDirs(data);
  const langs = getIn(data, 'languages');
  const configured = isRecord(langs) ? Object.keys(langs).length : 0;
  const sharedUsed = own.length === 0 || configured > own.length;
  return [
    ...(sharedUsed ? [{ source: contentDirSetting(data), target: 'content' }] : []),
    ...own.map((l) => languageMount(l.source, 'content', l.lang, style)),
  ];
}

/**
 * The directory inside .prerender that holds the shadows of one language's content tree: `content`
 * for files whose language comes from their name (what every single-language site has), and
 * `content.<lang>` for a language-specific root. One tree per language rather than per root: a
 * language's roots share one content tree in Hugo, and `content.fr` cannot collide with `content/…`.
 * Undefined for a language code that is not a plain name (it would not be a safe directory name).
 */
export function shadowTree(lang?: string): string | undefined {
  if (lang === undefined) return 'content';
  return /^[a-z0-9][a-z0-9_-]*$/i.test(lang) ? `content.${lang.toLowerCase()}` : undefined;
}

/**
 * The shadow mounts that content mounts with a target below `content` need (`source = "notes"`, `target =
 * "content/notes"`): the same folder of the shadow tree at that target (`.prerender/content/notes` at
 * `content/notes`), with the mount's language spelled as the mount spells it; one per target and tree,
 * in the order of `mounts` (any list of mounts: those of other components and our own are passed over).
 *
 * Measured, Hugo 0.111.3 (hugofs/rootmapping_fs.go, doLstat and getRoots): a folder below a mount's
 * target (`content/notes/sub`) is read from the mounts whose target is the LONGEST prefix of its path
 * (radix LongestPrefix), and from those alone; `.prerender/content` at `content` is not among them, so
 * every page below `notes/<folder>/` was published from the original, unprerendered (the pages directly
 * in `notes/` were not: a mount's own folder lists its ancestors' files too). With a mount of the shadows
 * at the same target, listed first, both are read there and the first wins (its weight, basefs.go).
 * Hugo 0.169.0 takes the shadow either way, and reads the extra mount as well.
 */
export function nestedShadowMounts(mounts: readonly Mount[]): Mount[] {
  const out: Mount[] = [];
  for (const m of mounts) {
    const target = normalizeRel(m.target);
    if (mountComponent(target) !== 'content' || isPrerenderSource(m.source)) continue;
    const sub = target.split('/').slice(1).join('/');
    if (sub === '') continue;
    const lang = mountLanguage(m);
    const tree = shadowTree(lang?.lang);
    if (tree === undefined) continue;
    const shadow: Mount = lang ? languageMount(`${PRERENDER_DIR}/${tree}/${sub}`, `content/${sub}`, lang.lang, lang.style) : { source: `${PRERENDER_DIR}/${tree}/${sub}`, target: `content/${sub}` };
    if (!out.some((o) => o.source === shadow.source && o.target === shadow.target)) out.push(shadow);
  }
  return out;
}

/** The mounts of nestedShadowMounts(mounts) that `mounts` does not list (an init from before they were made). */
export function missingNestedShadows(mounts: readonly Mount[]): Mount[] {
  return nestedShadowMounts(mounts).filter((n) => !mounts.some((m) => normalizeRel(m.source) === n.source && normalizeRel(m.target) === n.target));
}

/**
 * Where the user's content comes from (our own .prerender/content… excluded). One folder mounted twice at
 * one place in one language is one root, reading what either mount reads (Hugo reads both). Each root's
 * filter also leaves out what the site's ignoreFiles match (by absolute path, as Hugo matches them; see
 * ignore-files.ts); `ignore`: the patterns, when the caller has them already.
 */
export function contentRoots(siteDir: string, data: Record<string, unknown>, ignore: IgnoreFiles = ignoreFiles(data).patterns): ComponentRoot[] {
  const roots = componentRoots(siteDir, data, 'content', defaultContentMounts(data));
  const out: ComponentRoot[] = [];
  for (const r of roots) {
    const same = out.findIndex((o) => o.dir === r.dir && o.target === r.target && o.lang === r.lang);
    if (same < 0) {
      out.push(r);
      continue;
    }
    const o = out[same]!;
    const filter = eitherFilter([o.filter, r.filter]);
    const { filter: _f, ...rest } = o;
    out[same] = { ...rest, ...(filter ? { filter } : {}), ...(o.badFilter ?? r.badFilter ? { badFilter: o.badFilter ?? r.badFilter } : {}) };
  }
  if (ignore.length === 0) return out;
  return out.map((r) => {
    const own = r.filter;
    const filter: MountFilter = (rel, isDir) => (!own || own(rel, isDir)) && ignoredBy(ignore, path.join(r.dir, rel)) === undefined;
    return { ...r, filter };
  });
}

export function staticRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[] {
  return componentRoots(siteDir, data, 'static', staticDirSetting(data).map((d) => ({ source: d, target: 'static' })));
}

export function assetRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[] {
  return componentRoots(siteDir, data, 'assets', [{ source: assetDirSetting(data), target: 'assets' }]);
}

export function layoutRoots(siteDir: string, data: Record<string, unknown>): ComponentRoot[] {
  return componentRoots(siteDir, data, 'layouts', [{ source: layoutDirSetting(data), target: 'layouts' }]);
}

// --- params.prerender ---------------------------------------------------------------------------

export interface PrerenderOptions {
  math: {
    /**
     * "auto" (default): recognised per page; "markdown": the posts escape their TeX for Markdown
     * (\\( … \\), \_): undo that before KaTeX; "none": TeX as written.
     */
    escapes: 'auto' | 'none' | 'markdown';
    /** The site's own wrapper shortcodes: "tex" (the inner content is one formula) or "math" (it holds delimited math). */
    wrappers?: Record<string, 'tex' | 'math'>;
    /** "none": no automatic equation numbers (MathJax 3's default, tags: 'none'); absent: "ams", every numbered row. */
    numbering?: 'none';
  };
  katex: {
    /** Site-wide macros, names as written (TeX is case-sensitive). */
    macros: Record<string, string>;
    /**
     * KaTeX's strict-mode reports (what it typesets but LaTeX would not: a `\\` at the top level of a
     * display formula, a Unicode letter in math): "warn" (default), "error" (the formula fails, as a
     * formula KaTeX rejects does), or "ignore".
     */
    strict: 'warn' | 'error' | 'ignore';
  };
  /** "fail": a formula KaTeX rejects is an error (exit 1); "render": KaTeX's red error span, as a warning. */
  errors: 'fail' | 'render';
  /** What plain `hugo` does with a shadow older than its source (checked by the prerender shortcode). */
  stale: 'warn' | 'error';
  /** Hard limits per page (src/content/limits.ts). */
  limits: PageLimits;
  /** Numbered figures and references to them (src/render/figure-numbers.ts). */
  figures: FigureNumbering;
  /**
   * A multilingual site's figure settings per language (`[languages.de.params.prerender.figures]`, over
   * the site's), with every language code and the default one, to tell a page's language; absent on a
   * site whose languages set none.
   */
  figureLanguages?: FigureLanguages;
}

export interface FigureLanguages {
  /** Language code (lower case) → its settings, for the languages that set any. */
  byLanguage: Record<string, FigureNumbering>;
  /** Every language code of the site (lower case): a page file named `post.de.md` is in `de`. */
  codes: string[];
  /** defaultContentLanguage (lower case; "en" when unset): the language of a page that names none. */
  defaultLanguage: string;
}

export interface SiteLanguages {
  /** Every language code of `[languages]` (lower case), disabled ones included: `post.de.md` is in `de`. */
  codes: string[];
  /** defaultContentLanguage (lower case; "en" when unset). */
  defaultLanguage: string;
  /** The languages Hugo builds no page of: `disabled = true` in their table, or named in `disableLanguages`. */
  disabled: string[];
  /** A language's own baseURL (a multihost site: `[languages.fr] baseURL = …`), by its code. */
  baseURLs: Record<string, string>;
}

/** The site's languages, as Hugo reads them to place and to leave out pages. */
export function siteLanguages(data: Record<string, unknown>): SiteLanguages {
  const langs = getIn(data, 'languages');
  const codes = isRecord(langs) ? Object.keys(langs).map((c) => c.toLowerCase()).sort() : [];
  const dflt = getIn(data, 'defaultContentLanguage');
  const disabled = new Set<string>();
  const baseURLs: Record<string, string> = {};
  if (isRecord(langs)) {
    for (const [code, conf] of Object.entries(langs)) {
      if (getIn(conf, 'disabled') === true) disabled.add(code.toLowerCase());
      const base = getIn(conf, 'baseURL');
      if (typeof base === 'string' && base.trim() !== '') baseURLs[code.toLowerCase()] = base;
    }
  }
  const listed = getIn(data, 'disableLanguages');
  if (Array.isArray(listed)) for (const code of listed) if (typeof code === 'string') disabled.add(code.toLowerCase());
  return { codes, defaultLanguage: typeof dflt === 'string' && dflt.trim() !== '' ? dflt.trim().toLowerCase() : 'en', disabled: [...disabled].sort(), baseURLs };
}

/** The language of a page: its content root's (`lang`), else its file name's (`post.de.md`, a code of the site's), else the default. */
export function pageLanguage(languages: SiteLanguages, relPath: string, lang?: string): string {
  const suffix = /\.([^./]+)\.[^./]+$/.exec(relPath)?.[1]?.toLowerCase();
  return lang?.toLowerCase() ?? (suffix !== undefined && languages.codes.includes(suffix) ? suffix : languages.defaultLanguage);
}

/**
 * What goes before `prerender/img/…` in the pages: the path part of baseURL, ending in `/` (what Hugo's
 * relURL puts before a site path); `/` with canonifyURLs, where Hugo itself puts the whole baseURL before
 * every root-relative URL of a page (0.111 to 0.143.0 doubled a path already there: /blog/blog/…).
 */
export function urlBase(baseURL: unknown, canonifyURLs: unknown = false): string {
  if (typeof baseURL !== 'string' || baseURL.trim() === '' || canonifyURLs === true) return '/';
  let p: string;
  try {
    p = new URL(baseURL.trim()).pathname;
  } catch {
    p = baseURL.trim().startsWith('/') ? baseURL.trim() : '/';
  }
  return p.endsWith('/') ? p : `${p}/`;
}

/**
 * On a multihost site, the URL base of image variants for each language whose own baseURL has another
 * path than the site's (Hugo serves that language's static files below it); empty otherwise.
 */
export function languageImageBases(data: Record<string, unknown>, languages: SiteLanguages): Record<string, string> {
  const canonify = getIn(data, 'canonifyURLs');
  const site = urlBase(getIn(data, 'baseURL'), canonify);
  const out: Record<string, string> = {};
  for (const [code, base] of Object.entries(languages.baseURLs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const own = urlBase(base, canonify);
    if (own !== site) out[code] = own;
  }
  return out;
}

/**
 * Whether Hugo leaves the page out because its language is disabled: the language of its content root
 * (`lang`: a language's contentDir, a mount's lang), else of its file name (`post.de.md`, for a code of
 * the site's), else the default language. Such a page is not published, so it is not prerendered either.
 */
export function pageInDisabledLanguage(languages: SiteLanguages, relPath: string, lang?: string): boolean {
  if (languages.disabled.length === 0) return false;
  return languages.disabled.includes(pageLanguage(languages, relPath, lang));
}

/** The figure settings of a page in language `lang` (its content root's), or by its file name, or the default one. */
export function figureNumberingFor(site: FigureNumbering, languages: FigureLanguages | undefined, relPath: string, lang?: string): FigureNumbering {
  if (!languages) return site;
  const suffix = /\.([^./]+)\.[^./]+$/.exec(relPath)?.[1]?.toLowerCase();
  const code = lang ?? (suffix !== undefined && languages.codes.includes(suffix) ? suffix : languages.defaultLanguage);
  return languages.byLanguage[code.toLowerCase()] ?? site;
}

/**
 * `[params.prerender.figures]`: which of the figures we render get a number ("id": those with an `id`,
 * the default; "all"; "none"), the word before the number (in the caption and in a reference), and what
 * follows the number in the caption.
 */
export interface FigureNumbering {
  numbers: 'id' | 'all' | 'none';
  label: string;
  separator: string;
}

export const DEFAULT_FIGURE_NUMBERING: FigureNumbering = { numbers: 'id', label: 'Figure', separator: ':' };

export const DEFAULT_PRERENDER_OPTIONS: PrerenderOptions = {
  math: { escapes: 'auto' },
  katex: { macros: {}, strict: 'warn' },
  errors: 'fail',
  stale: 'warn',
  limits: DEFAULT_LIMITS,
  figures: DEFAULT_FIGURE_NUMBERING,
};

/** The keys of each table of params.prerender (images: see images/options.ts IMAGE_KEYS). */
const PRERENDER_KEYS = ['math', 'katex', 'errors', 'stale', 'limits', 'images', 'figures'] as const;
const FIGURES_KEYS = ['numbers', 'label', 'separator'] as const;
const MATH_KEYS = ['escapes', 'wrappers', 'numbering'] as const;
const KATEX_KEYS = ['macros', 'strict'] as const;
const PRERENDER = ['params', 'prerender'] as const;

function enumSetting<T extends string>(value: unknown, allowed: readonly T[], dflt: T, keyPath: readonly string[], warn: ConfigWarn): T {
  if (value === undefined) return dflt;
  const v = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  warn(keyPath, `${keyPath.join('.')} = ${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}; using ${JSON.stringify(dflt)}`);
  return dflt;
}

/**
 * The table at `key` of `parent` (a table at `parentPath`), its unknown keys reported; undefined when
 * there is none, or (with a warning that says what it holds) when the value is not a table.
 */
function settingsTable(
  parent: unknown,
  parentPath: readonly string[],
  key: string,
  known: readonly string[] | null,
  warn: ConfigWarn,
): Record<string, unknown> | undefined {
  const value = getIn(parent, [key]);
  const keyPath = [...parentPath, key];
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    const holds = known ? `its settings (${known.join(', ')})` : 'its entries';
    warn(keyPath, `${keyPath.join('.')} = ${JSON.stringify(value)} is not a table; write ${holds} inside a [${keyPath.join('.')}] table (in YAML and JSON: nested under ${key}); using the defaults`);
    return undefined;
  }
  if (known) warnUnknownKeys(warn, value, keyPath, known);
  return value;
}

/**
 * `[params.prerender]` with defaults; bad values become warnings and fall back to the default, unknown
 * keys are warnings and ignored. `where`: the site's locator (SiteConfig.locate) to place each warning
 * at its setting, or just the file to name.
 */
export function prerenderOptions(
  data: Record<string, unknown>,
  where?: string | ConfigLocator,
): { options: PrerenderOptions; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = configWarn(diagnostics, where);
  const p = settingsTable(getIn(data, 'params'), ['params'], 'prerender', PRERENDER_KEYS, warn);
  const math = settingsTable(p, PRERENDER, 'math', MATH_KEYS, warn);
  const escapes = enumSetting(math && getIn(math, ['escapes']), ['auto', 'none', 'markdown'] as const, 'auto', [...PRERENDER, 'math', 'escapes'], warn);
  const numbering = enumSetting(math && getIn(math, ['numbering']), ['ams', 'none'] as const, 'ams', [...PRERENDER, 'math', 'numbering'], warn);
  const errors = enumSetting(p && getIn(p, ['errors']), ['fail', 'render'] as const, 'fail', [...PRERENDER, 'errors'], warn);
  const stale = enumSetting(p && getIn(p, ['stale']), ['warn', 'error'] as const, 'warn', [...PRERENDER, 'stale'], warn);
  const macros: Record<string, string> = {};
  const macrosPath = [...PRERENDER, 'katex', 'macros'];
  const katexTable = settingsTable(p, PRERENDER, 'katex', KATEX_KEYS, warn);
  const strict = enumSetting(katexTable && getIn(katexTable, ['strict']), ['warn', 'error', 'ignore'] as const, 'warn', [...PRERENDER, 'katex', 'strict'], warn);
  const rawMacros = settingsTable(katexTable, [...PRERENDER, 'katex'], 'macros', null, warn);
  for (const [name, def] of Object.entries(rawMacros ?? {})) {
    if (!name.startsWith('\\')) {
      warn(
        [...macrosPath, name],
        `params.prerender.katex.macros: the macro name ${JSON.stringify(name)} does not start with a backslash; write ${JSON.stringify('\\' + name)} (in quotes, the backslash doubled); ignored`,
        'key',
      );
    } else if (typeof def === 'string') {
      macros[name] = def;
      // Braces that do not balance break every formula that uses the macro, each reported at its page
      // without a word of the config (found by an audit): said once, here.
      const braces = braceProblem(def);
      const unbalanced = braces && (braces.kind === 'unopened' ? 'a "}" that closes no "{"' : `${braces.open === 1 ? 'a "{"' : `${braces.open} "{"`} never closed`);
      if (unbalanced) {
        warn(
          [...macrosPath, name],
          `params.prerender.katex.macros: the definition of ${name} (${JSON.stringify(def)}) has ${unbalanced}, so every formula that uses ${name} fails; balance its braces`,
        );
      }
    } else warn([...macrosPath, name], `params.prerender.katex.macros: the definition of ${JSON.stringify(name)} must be a string; ignored`);
  }
  const limits = { ...DEFAULT_LIMITS };
  const limitsPath = [...PRERENDER, 'limits'];
  const rawLimits = p && getIn(p, ['limits']);
  if (rawLimits !== undefined && !isRecord(rawLimits)) {
    warn(limitsPath, 'params.prerender.limits must be a table of limits; using the defaults');
  } else if (rawLimits) {
    const known = Object.keys(DEFAULT_LIMITS) as (keyof PageLimits)[];
    for (const [key, value] of Object.entries(rawLimits)) {
      const name = known.find((k) => k.toLowerCase() === key.toLowerCase());
      if (name === undefined) {
        warnUnknownKey(warn, limitsPath, key, known, 'limit');
      } else if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
        limits[name] = value;
      } else {
        warn([...limitsPath, key], `params.prerender.limits.${key} = ${JSON.stringify(value)} is not a positive whole number; using ${DEFAULT_LIMITS[name]}`);
      }
    }
  }
  let wrappers: Record<string, 'tex' | 'math'> | undefined;
  const rawWrappers = settingsTable(math, [...PRERENDER, 'math'], 'wrappers', null, warn);
  if (rawWrappers) {
    wrappers = {};
    for (const [name, kind] of Object.entries(rawWrappers)) {
      wrappers[name] = enumSetting(kind, ['tex', 'math'] as const, 'math', [...PRERENDER, 'math', 'wrappers', name], warn);
    }
  }
  const figures = figureNumbering(settingsTable(p, PRERENDER, 'figures', FIGURES_KEYS, warn), warn, PRERENDER, DEFAULT_FIGURE_NUMBERING);
  const figureLanguages = languageFigureNumbering(data, figures, warn);
  return {
    options: { math: { escapes, ...(wrappers ? { wrappers } : {}), ...(numbering === 'none' ? { numbering } : {}) }, katex: { macros, strict }, errors, stale, limits, figures, ...(figureLanguages ? { figureLanguages } : {}) },
    diagnostics,
  };
}

/** `[languages.<code>.params.prerender.figures]` of each language that has one, over the site's settings. */
function languageFigureNumbering(data: Record<string, unknown>, site: FigureNumbering, warn: ConfigWarn): FigureLanguages | undefined {
  const langs = getIn(data, 'languages');
  if (!isRecord(langs)) return undefined;
  const byLanguage: Record<string, FigureNumbering> = {};
  for (const [code, conf] of Object.entries(langs)) {
    const path = ['languages', code, 'params', 'prerender'];
    const own = getIn(conf, ['params', 'prerender']);
    // Only the figures' words differ by language; every other setting is the site's.
    if (isRecord(own)) {
      for (const key of Object.keys(own)) {
        if (key.toLowerCase() !== 'figures') warn([...path, key], `${[...path, key].join('.')} is not read: of params.prerender, a language sets only figures (its label, separator and numbers); set ${key} in the site's params.prerender`, 'key');
      }
    }
    const table = settingsTable(own, path, 'figures', FIGURES_KEYS, warn);
    if (table) byLanguage[code.toLowerCase()] = figureNumbering(table, warn, path, site);
  }
  if (Object.keys(byLanguage).length === 0) return undefined;
  const dflt = getIn(data, 'defaultContentLanguage');
  return {
    byLanguage,
    codes: Object.keys(langs).map((c) => c.toLowerCase()).sort(),
    defaultLanguage: typeof dflt === 'string' && dflt.trim() !== '' ? dflt.trim().toLowerCase() : 'en',
  };
}

/**
 * A `figures` table under `parent` (`params.prerender`, or a language's), each value given over `base`'s
 * (the defaults, or the site's settings), bad values warned about and replaced by `base`'s.
 */
function figureNumbering(table: Record<string, unknown> | undefined, warn: ConfigWarn, parent: readonly string[], base: FigureNumbering): FigureNumbering {
  const path = [...parent, 'figures'];
  const raw = table && getIn(table, ['numbers']);
  // true and false read as "all" and "none" (numbers = false is what one writes to turn them off).
  const numbers = raw === true ? 'all' : raw === false ? 'none' : enumSetting(raw, ['id', 'all', 'none'] as const, base.numbers, [...path, 'numbers'], warn);
  const text = (key: 'label' | 'separator', allowEmpty: boolean): string => {
    const v = table && getIn(table, [key]);
    const dflt = base[key];
    if (v === undefined) return dflt;
    // One line of plain text: it goes into captions and into the page's Markdown (a reference's link text).
    if (typeof v !== 'string' || /[\r\n]/.test(v) || (!allowEmpty && v.trim() === '')) {
      warn([...path, key], `${[...path, key].join('.')} = ${JSON.stringify(v)} must be ${allowEmpty ? 'a line of text' : 'a word or two (not empty)'}; using ${JSON.stringify(dflt)}`);
      return dflt;
    }
    return key === 'label' ? v.trim() : v;
  };
  return { numbers, label: text('label', false), separator: text('separator', true) };
}

// --- markup ---------------------------------------------------------------------------------------

export interface PassthroughDelimiters {
  inline: [string, string][];
  block: [string, string][];
}

function delimiterPairs(v: unknown): [string, string][] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
  );
}

/**
 * markup.goldmark.extensions.passthrough.delimiters, or null when the site does not configure them
 * (in which case the tool's own default delimiters apply). Hugo ignores them unless the extension is
 * enabled; we honour them whenever they are written, since a site that lists them means them.
 */
export function passthroughDelimiters(data: Record<string, unknown>): PassthroughDelimiters | null {
  const d = getIn(data, 'markup.goldmark.extensions.passthrough.delimiters');
  if (!isRecord(d)) return null;
  return { inline: delimiterPairs(getIn(d, 'inline')), block: delimiterPairs(getIn(d, 'block')) };
}

export type AutoHeadingIDType = 'github' | 'github-ascii' | 'blackfriday';

export function autoHeadingIDType(data: Record<string, unknown>): AutoHeadingIDType {
  const v = getIn(data, 'markup.goldmark.parser.autoHeadingIDType');
  const s = typeof v === 'string' ? v.toLowerCase() : '';
  return s === 'github-ascii' || s === 'blackfriday' ? s : 'github';
}

export interface TableOfContents {
  startLevel: number;
  endLevel: number;
  ordered: boolean;
}

/** markup.tableOfContents with Hugo's defaults (2, 3, false). */
export function tableOfContents(data: Record<string, unknown>): TableOfContents {
  const num = (k: string, d: number) => {
    const v = getIn(data, ['markup', 'tableOfContents', k]);
    return typeof v === 'number' && Number.isInteger(v) ? v : d;
  };
  const ordered = getIn(data, 'markup.tableOfContents.ordered');
  return { startLevel: num('startLevel', 2), endLevel: num('endLevel', 3), ordered: ordered === true };
}
