/**
 * `init` on site configs in the shapes of theme example sites (fixtures/theme-configs, written for this
 * project: PaperMod's YAML, hugo-book in TOML and YAML, Hextra, LoveIt, Ananke, Congo's config directory,
 * a JSON one): only inserted lines
 * differ from the original, byte for byte; a second run changes nothing; and real Hugo (both versions)
 * accepts the result and reads the mounts in the planned order (`hugo config mounts`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getIn, languageMountStyle, moduleMounts, mountLanguage, readSiteConfig, type LanguageMountStyle, type Mount } from '../../src/site/config.js';
import { initSite } from '../../src/site/init.js';
import { describeEachHugo, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';

const FIXTURES = path.join(PROJECT_ROOT, 'fixtures/theme-configs');
const THEMES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Configs that a Hugo version rejects before init. */
const REJECTED_AS_IS: Record<string, RegExp> = {
  // The LoveIt-shaped config's permalinks use :contentbasename (Hugo 0.144).
  'loveit@0.111.3': /":contentbasename": permalink attribute not recognised/,
};

function copyTheme(name: string): string {
  // Two levels down, so a themesDir of "../.." (the LoveIt-shaped config's) stays inside the temporary directory.
  const dir = path.join(tempDir('hp-theme-'), 'a', 'b', 'site');
  cpSync(path.join(FIXTURES, name, 'site'), dir, { recursive: true });
  return dir;
}

function configFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/**
 * The lines of `after` that are not in `before`, when `before`'s lines are `after`'s lines with some
 * removed (undefined otherwise). In JSON, a line may also have gained the comma that separates it from
 * an inserted member.
 */
function insertedLines(before: string, after: string, json: boolean): string[] | undefined {
  const a = before.split('\n');
  const inserted: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < a.length && (line === a[i] || (json && line === `${a[i]},`))) i++;
    else inserted.push(line);
  }
  return i === a.length ? inserted : undefined;
}

const OURS_TOML = /^\s*(\[\[(module\.)?mounts\]\]|# hugo-prerender.*|source = "[^"]+"|target = "[^"]+"|lang = "[a-z]+"|sites = \{ matrix = \{ languages = \["[a-z]+"\] \} \}|)$/;
const OURS_YAML = /^\s*(module:|mounts:|# hugo-prerender.*|- source: \S+|target: \S+|lang: [a-z]+|sites: \{ matrix: \{ languages: \[[a-z]+\] \} \}|)$/;
const OURS_JSON = /^\s*("module": \{|"mounts": \[|\{|\},?|\],?|"source": "[^"]+",|"target": "[^"]+",?|"lang": "[a-z]+"|"sites": \{|"matrix": \{|"languages": \[|"[a-z]+"|)$/;

describe.each(THEMES)('init on the %s example config', (name) => {
  it.each(['lang', 'sites.matrix'] as LanguageMountStyle[])('only inserts lines (language mounts as %s), and a second run changes nothing', (style) => {
    const dir = copyTheme(name);
    const before = configFiles(dir);
    const r = initSite(dir, { languageStyle: style });
    expect(r.changed).toBe(true);
    const after = configFiles(dir);
    const rel = path.relative(dir, r.file);
    for (const [f, text] of before) if (f !== rel) expect(after.get(f), f).toBe(text);
    const json = rel.endsWith('.json');
    const inserted = insertedLines(before.get(rel)!, after.get(rel)!, json);
    expect(inserted, `${rel}: an original line changed`).toBeDefined();
    const ours = json ? OURS_JSON : rel.endsWith('.toml') ? OURS_TOML : OURS_YAML;
    expect(inserted!.filter((l) => !ours.test(l))).toEqual([]);
    expect(inserted!.filter((l) => /source/.test(l))).toHaveLength(moduleMounts(readSiteConfig(dir).data).length - moduleMounts(readSiteConfig(path.join(FIXTURES, name, 'site')).data).length);

    const again = initSite(dir, { languageStyle: style });
    expect(again.changed).toBe(false);
    expect(configFiles(dir)).toEqual(after);
  });
});

/**
 * Stand-ins for the themes and imported modules a config names (empty, or the fixture's theme-stub/ when
 * the config needs something the theme defines), and a directory for every mount source (Hugo lists
 * only the mounts whose source exists).
 */
function stubSite(name: string, dir: string): void {
  const data = readSiteConfig(dir).data;
  const themesDir = (getIn(data, 'themesDir') as string | undefined) ?? 'themes';
  const theme = getIn(data, 'theme');
  const imports = getIn(data, 'module.imports');
  const modules = [
    ...(Array.isArray(theme) ? theme : theme ? [theme] : []),
    ...(Array.isArray(imports) ? imports.map((i) => getIn(i, 'path')) : []),
  ].filter((m): m is string => typeof m === 'string');
  const stub = path.join(FIXTURES, name, 'theme-stub');
  for (const m of modules) {
    mkdirSync(path.resolve(dir, themesDir, m), { recursive: true });
    if (existsSync(stub)) cpSync(stub, path.resolve(dir, themesDir, m), { recursive: true });
  }
  for (const m of moduleMounts(data)) mkdirSync(path.resolve(dir, m.source), { recursive: true });
}

/** The project's mounts as `hugo config mounts` lists them: `source -> target [lang]`. */
function hugoMounts(bin: string, dir: string): { code: number | null; output: string; mounts: string[] } {
  const r = spawnSync(bin, ['config', 'mounts'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HUGO_MODULE_WORKSPACE: 'off', HUGO_ENVIRONMENT: 'production' },
  });
  const output = `${r.stdout}\n${r.stderr}`;
  const objects = r.stdout.split(/\n(?=\{)/).filter((s) => s.trim().startsWith('{'));
  const project = objects.map((o) => JSON.parse(o) as { path: string; mounts: Mount[] | null }).find((o) => o.path === 'project');
  return { code: r.status, output, mounts: (project?.mounts ?? []).map(describeMount) };
}

function describeMount(m: Mount): string {
  const l = mountLanguage(m);
  return `${m.source} -> ${m.target}${l ? ` [${l.lang}]` : ''}`;
}

describeEachHugo('init on the theme example configs, read by Hugo', (hugo) => {
  it.each(THEMES)('%s: Hugo accepts the config and reads its mounts in the planned order', (name) => {
    const dir = copyTheme(name);
    stubSite(name, dir);
    const rejected = REJECTED_AS_IS[`${name}@${hugo.version}`];
    const asIs = hugoMounts(hugo.bin, dir);
    if (rejected) expect(asIs.output).toMatch(rejected);
    else expect(asIs.code, asIs.output).toBe(0);

    initSite(dir, { languageStyle: languageMountStyle(hugo.version) });
    stubSite(name, dir);
    const planned = moduleMounts(readSiteConfig(dir).data).map(describeMount);
    const read = hugoMounts(hugo.bin, dir);
    if (rejected) {
      // Rejected for the same reason, and for nothing init wrote.
      expect(read.output).toMatch(rejected);
      return;
    }
    expect(read.code, read.output).toBe(0);
    expect(read.output).not.toMatch(/\b(ERROR|Error:)/);
    const components = new Set(planned.map((m) => m.split(' -> ')[1]!.split('/')[0]));
    expect(read.mounts.filter((m) => components.has(m.split(' -> ')[1]!.split(/[/ ]/)[0]!))).toEqual(planned);
    expect(planned[0]).toBe('.prerender/content -> content');
  });
});
