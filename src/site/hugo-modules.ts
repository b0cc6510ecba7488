/**
 * Where the site's themes and modules are, asked of Hugo itself (`hugo config mounts`) when the folders
 * hugo-prerender can see do not show them all. A theme installed as a Hugo Module (the way Congo, Blowfish
 * and Hextra recommend) lives in Hugo's module cache, one that `module.replacements` points at lives
 * wherever it says, and a theme may import modules of its own: looked up only in `themes/` and `_vendor/`
 * (site/fallbacks.ts moduleLayoutDirs), their templates were not seen, so a theme's own `figure` was
 * replaced by ours. Hugo prints every module it uses, in the order it reads them, with the folder it reads
 * it from and its mounts (the same output on 0.111.3 and 0.169.0: JSON objects one after another).
 *
 * Asked only of sites whose modules the folders do not show (moduleLookupNeeded), and remembered in
 * `.prerender/cache/hugo-modules.json` by what decides the answer: the Hugo binary, the config files and
 * their selection, go.mod, go.sum, go.work, `_vendor/modules.txt`, the HUGO_ variables and each module's
 * own config files. `hugo config mounts` takes 0.2 s, and downloads what a module site has not downloaded
 * yet, as the `hugo` after the build would.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getIn, isRecord, type ConfigSelection, type Mount } from './config.js';
import type { PrerenderOutput } from './output.js';
import { hugoBinary } from './hugo-version.js';

export interface HugoModule {
  /** The module's path as the config names it (`github.com/adityatelange/hugo-PaperMod`, a theme's folder name). */
  path: string;
  /** The folder Hugo reads it from, absolute. */
  dir: string;
  /** Its mounts as Hugo has them (sources relative to `dir`). */
  mounts: Mount[];
}

const CACHE = 'hugo-modules.json';

/** Longest wait for `hugo config mounts` (which may download modules). */
const TIMEOUT_MS = 180_000;

/**
 * The modules of `hugo config mounts` output, the project (path "project") left out, in Hugo's order;
 * undefined when the text is not that output.
 */
export function parseConfigMounts(text: string): HugoModule[] | undefined {
  const out: HugoModule[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text.slice(start, i + 1));
      } catch {
        return undefined;
      }
      if (!isRecord(parsed) || typeof parsed.path !== 'string' || typeof parsed.dir !== 'string' || !Array.isArray(parsed.mounts)) return undefined;
      seen = true;
      if (parsed.path === 'project') continue;
      const mounts = parsed.mounts.filter((m): m is Mount => isRecord(m) && typeof m.source === 'string' && typeof m.target === 'string');
      out.push({ path: parsed.path, dir: path.resolve(parsed.dir), mounts });
    }
  }
  return seen && depth === 0 ? out : undefined;
}

/** The arguments that make `hugo config mounts` read the config files and settings the build read. */
export function configMountsArgs(siteDir: string, selection: ConfigSelection): string[] {
  const args = ['config', 'mounts', '--source', siteDir];
  if (selection.environment) args.push('--environment', selection.environment);
  if (selection.files?.length) args.push('--config', selection.files.map((f) => path.resolve(siteDir, f)).join(','));
  const theme = selection.overrides?.theme;
  if (typeof theme === 'string' || Array.isArray(theme)) args.push('--theme', ([] as unknown[]).concat(theme).join(','));
  const themesDir = selection.overrides?.themesDir;
  if (typeof themesDir === 'string') args.push('--themesDir', themesDir);
  return args;
}

/** Runs `bin config mounts` for the site: its modules, or why there are none. */
export function askHugoModules(bin: string, siteDir: string, selection: ConfigSelection): { modules: HugoModule[] } | { why: string } {
  const r = spawnSync(bin, configMountsArgs(siteDir, selection), { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { why: r.error.message };
  if (r.status !== 0) {
    const first = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim()).find((l) => l !== '');
    return { why: first ?? `exit status ${r.status}` };
  }
  const modules = parseConfigMounts(r.stdout);
  return modules ? { modules } : { why: 'its output was not the list of modules expected' };
}

/**
 * Whether the site's themes and modules may be somewhere the folders hugo-prerender looks in do not show:
 * a theme or module found in neither `themes/` nor `_vendor/`, one that names modules, a theme or mounts of
 * its own, or any `module.replacements` or `module.workspace`.
 */
export function moduleLookupNeeded(complete: boolean, data: Record<string, unknown>): boolean {
  if (!complete) return true;
  const replacements = getIn(data, 'module.replacements');
  if ((typeof replacements === 'string' && replacements.trim() !== '') || (Array.isArray(replacements) && replacements.length > 0)) return true;
  const workspace = getIn(data, 'module.workspace');
  return typeof workspace === 'string' && workspace.trim() !== '' && workspace.trim() !== 'off';
}

/** A file's bytes hashed, '-' when it cannot be read. */
function fileHash(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return '-';
  }
}

/** Size and modification time of a module's own config files (hugo.*, config.*, theme.*, config/ one level down). */
function moduleConfigStamp(dir: string): string {
  const parts: string[] = [];
  const add = (file: string) => {
    try {
      const st = statSync(file);
      if (st.isFile()) parts.push(`${file}:${st.size}:${st.mtimeMs}`);
    } catch {
      /* none */
    }
  };
  for (const name of ['hugo', 'config', 'theme']) for (const ext of ['toml', 'yaml', 'yml', 'json']) add(path.join(dir, `${name}.${ext}`));
  try {
    for (const sub of readdirSync(path.join(dir, 'config')).sort()) {
      const d = path.join(dir, 'config', sub);
      try {
        for (const f of readdirSync(d).sort()) add(path.join(d, f));
      } catch {
        add(d);
      }
    }
  } catch {
    /* no config folder */
  }
  return parts.join('\n');
}

/**
 * The site's modules as `bin` reads them (see askHugoModules), from the cache when nothing it depends on
 * changed. `output`: the build's, whose cache is read and written; without it Hugo is asked.
 */
export function hugoModulesFor(
  bin: string,
  siteDir: string,
  selection: ConfigSelection,
  configFiles: readonly string[],
  output?: PrerenderOutput,
): { modules: HugoModule[] } | { why: string } {
  const found = hugoBinary(bin);
  if (!('file' in found)) return found;
  const { file, identity: binary } = found;
  const env = Object.keys(process.env)
    .filter((k) => k.startsWith('HUGO_') || k.startsWith('GO'))
    .sort()
    .map((k) => `${k}=${process.env[k]}`);
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        binary,
        siteDir,
        args: configMountsArgs(siteDir, selection),
        files: configFiles.map((f) => [f, fileHash(f)]),
        go: ['go.mod', 'go.sum', 'go.work', '_vendor/modules.txt'].map((f) => fileHash(path.join(siteDir, f))),
        env,
      }),
    )
    .digest('hex');
  if (output) {
    try {
      const cached = JSON.parse(output.readCache(CACHE)?.toString('utf8') ?? '{}') as { key?: unknown; modules?: unknown; stamps?: unknown };
      if (cached.key === key && Array.isArray(cached.modules) && Array.isArray(cached.stamps)) {
        const modules = cached.modules as HugoModule[];
        if (modules.every((m, i) => moduleConfigStamp(m.dir) === (cached.stamps as unknown[])[i])) {
          output.keepCache(CACHE);
          return { modules };
        }
      }
    } catch {
      /* none yet, or not ours */
    }
  }
  const asked = askHugoModules(file, siteDir, selection);
  if (output && 'modules' in asked) {
    const stamps = asked.modules.map((m) => moduleConfigStamp(m.dir));
    try {
      output.writeCache(CACHE, Buffer.from(`${JSON.stringify({ key, modules: asked.modules, stamps })}\n`));
    } catch {
      /* asked again next time */
    }
  }
  return asked;
}

/** The modules an earlier build asked Hugo for (for what `watch` watches), without checking they still hold. */
export function cachedHugoModules(siteDir: string, prerenderDir: string): HugoModule[] | undefined {
  try {
    const cached = JSON.parse(readFileSync(path.join(siteDir, prerenderDir, 'cache', CACHE), 'utf8')) as { modules?: unknown };
    return Array.isArray(cached.modules) ? (cached.modules as HugoModule[]) : undefined;
  } catch {
    return undefined;
  }
}
