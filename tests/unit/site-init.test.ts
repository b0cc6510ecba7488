import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempSites } from '../helpers/temp-site.js';
import { moduleMounts, readSiteConfig } from '../../src/site/config.js';
import { InitError, initSite, planMounts } from '../../src/site/init.js';

const site = tempSites('hp-init-');

const pairs = (dir: string) => moduleMounts(readSiteConfig(dir).data).map((m) => `${m.source} -> ${m.target}`);
const PKG = 'node_modules/hugo-prerender/layouts';
const DEFAULT_RESULT = [
  '.prerender/content -> content',
  'content -> content',
  'layouts -> layouts',
  'static -> static',
  '.prerender/layouts -> layouts',
  `${PKG} -> layouts`,
  '.prerender/static -> static',
];

describe('planMounts', () => {
  const base = { contentDir: 'content', layoutDir: 'layouts', staticDirs: ['static'], packageLayouts: PKG };
  it('puts our content first and re-adds the defaults it displaces', () => {
    expect(planMounts({ ...base, mounts: [] }).map((m) => `${m.source} -> ${m.target}`)).toEqual(DEFAULT_RESULT);
  });
  it('is a fixed point', () => {
    const once = planMounts({ ...base, mounts: [{ source: 'blog', target: 'content/posts' }] });
    expect(planMounts({ ...base, mounts: once })).toEqual(once);
  });
  it('keeps user mounts of a component instead of the default, after ours for content', () => {
    const plan = planMounts({ ...base, mounts: [{ source: 'c2', target: 'content' }, { source: 'assets', target: 'assets' }] });
    expect(plan.map((m) => m.source)).toEqual(['.prerender/content', 'c2', 'assets', 'layouts', 'static', '.prerender/layouts', PKG, '.prerender/static']);
  });
});

describe('initSite on TOML', () => {
  const original = [
    '# My blog',
    'baseURL = "https://example.org/"  # keep me',
    'title = "Blog"',
    '',
    '[params]',
    '  # an indented comment',
    '  author = "Me"',
    '',
  ].join('\n');

  it('appends mount tables, keeps the rest byte for byte, and is idempotent', () => {
    const dir = site({ 'hugo.toml': original });
    const r = initSite(dir);
    expect(r.changed).toBe(true);
    expect(r.file).toBe(path.join(dir, 'hugo.toml'));
    const text = readFileSync(r.file, 'utf8');
    expect(text.startsWith(original)).toBe(true);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(readSiteConfig(dir).data.params).toEqual({ author: 'Me' });
    expect(r.messages.join('\n')).toMatch(/\.gitignore.*\.prerender\//);
    expect(r.messages.join('\n')).toContain('(Hugo default, re-added)');

    const again = initSite(dir);
    expect(again.changed).toBe(false);
    expect(again.messages[0]).toMatch(/already has the mounts.*nothing changed/);
    expect(readFileSync(r.file, 'utf8')).toBe(text);
    // Written atomically: no temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('puts ours before existing content mounts and keeps the user mounts and their comments', () => {
    const text = [
      'title = "x"',
      '[module]',
      '  proxy = "direct"',
      '[[module.mounts]]',
      '  # my posts',
      '  source = "posts"',
      '  target = "content/posts"',
      '  excludeFiles = ["*.draft.md"]',
      '[[module.mounts]]',
      '  source = "assets"',
      '  target = "assets"',
      '[params]',
      '  a = 1',
      '',
    ].join('\n');
    const dir = site({ 'hugo.toml': text });
    expect(initSite(dir).changed).toBe(true);
    const after = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(after).toContain('  # my posts\n  source = "posts"\n  target = "content/posts"\n  excludeFiles = ["*.draft.md"]\n');
    expect(pairs(dir)).toEqual([
      '.prerender/content -> content',
      // Hugo 0.111 reads a folder below content/posts from the mounts at content/posts alone.
      '.prerender/content/posts -> content/posts',
      'posts -> content/posts',
      'assets -> assets',
      'layouts -> layouts',
      'static -> static',
      '.prerender/layouts -> layouts',
      `${PKG} -> layouts`,
      '.prerender/static -> static',
    ]);
    expect(moduleMounts(readSiteConfig(dir).data)[2]!.excludeFiles).toEqual(['*.draft.md']);
    expect(readSiteConfig(dir).data).toMatchObject({ title: 'x', module: { proxy: 'direct' }, params: { a: 1 } });
    expect(initSite(dir).changed).toBe(false);
  });

  it('repairs misordered mounts of its own', () => {
    const dir = site({
      'hugo.toml':
        '[[module.mounts]]\nsource = "content"\ntarget = "content"\n\n[[module.mounts]]\nsource = ".prerender/content"\ntarget = "content"\n',
    });
    expect(initSite(dir).changed).toBe(true);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(initSite(dir).changed).toBe(false);
  });

  it('honours a custom contentDir, layoutDir, staticDir list and package location', () => {
    const dir = site({ 'config.toml': 'contentDir = "src/content"\nlayoutDir = "tpl"\nstaticDir = ["static", "public-extra"]\n' });
    initSite(dir, { packageLayouts: path.join(dir, 'vendor/hp/layouts') });
    expect(pairs(dir)).toEqual([
      '.prerender/content -> content',
      'src/content -> content',
      'tpl -> layouts',
      'static -> static',
      'public-extra -> static',
      '.prerender/layouts -> layouts',
      'vendor/hp/layouts -> layouts',
      '.prerender/static -> static',
    ]);
  });

  it('keeps CRLF line endings', () => {
    const dir = site({ 'hugo.toml': 'title = "x"\r\n[params]\r\na = 1\r\n' });
    initSite(dir);
    const text = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
  });

  it('writes CRLF into a file most of whose lines end so (one LF line first), LF into one mostly LF', () => {
    const dir = site({ 'hugo.toml': 'title = "x"\n[params]\r\na = 1\r\nb = 2\r\n' });
    initSite(dir);
    const text = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(text.split('\n').length - 1 - (text.split('\r\n').length - 1)).toBe(1);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    const lf = site({ 'hugo.toml': 'title = "x"\r\n[params]\na = 1\nb = 2\n' });
    initSite(lf);
    expect(readFileSync(path.join(lf, 'hugo.toml'), 'utf8').split('\r\n').length - 1).toBe(1);
  });

  it('refuses an inline mounts array it cannot edit safely, leaving the file alone', () => {
    const text = 'title = "x"\n[module]\nmounts = [{ source = "content", target = "content" }]\n';
    const dir = site({ 'hugo.toml': text });
    expect(() => initSite(dir)).toThrow(InitError);
    // Where, what, and the lines to paste.
    expect(() => initSite(dir)).toThrow(/^hugo\.toml:3:1: module\.mounts is not written as \[\[module\.mounts\]\] tables.*cannot extend safely; the file was not changed\.[^]*\n\[\[module\.mounts\]\]\nsource = "\.prerender\/content"\ntarget = "content"\n/);
    expect(readFileSync(path.join(dir, 'hugo.toml'), 'utf8')).toBe(text);
  });

  it('edits config/_default/module.toml ([[mounts]]) when the module config lives there', () => {
    const dir = site({
      'config/_default/hugo.toml': 'title = "x"\n',
      'config/_default/module.toml': '# module settings\n[[mounts]]\nsource = "content"\ntarget = "content"\n',
    });
    const r = initSite(dir);
    expect(path.relative(dir, r.file)).toBe('config/_default/module.toml');
    expect(readFileSync(r.file, 'utf8')).toMatch(/^# module settings\n\[\[mounts\]\]\n# hugo-prerender/);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(initSite(dir).changed).toBe(false);
  });

  it('fails clearly without a config', () => {
    expect(() => initSite(site({}))).toThrow(/no Hugo configuration found/);
  });

  it('does not suggest the .gitignore line when it is already there', () => {
    const dir = site({ 'hugo.toml': '', '.gitignore': 'public/\n.prerender/\n' });
    expect(initSite(dir).messages.join('\n')).not.toMatch(/gitignore/);
  });

  it('nor when git ignores it from a .gitignore above the site (a site in a folder of its repository)', () => {
    const root = site({ 'blog/hugo.toml': '', '.gitignore': '.prerender/\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    expect(initSite(path.join(root, 'blog')).messages.join('\n')).not.toMatch(/gitignore/);
    // Outside a repository, or not ignored there: said, as before.
    const other = site({ 'blog/hugo.toml': '', '.gitignore': 'public/\n' });
    execFileSync('git', ['init', '-q'], { cwd: other });
    expect(initSite(path.join(other, 'blog')).messages.join('\n')).toMatch(/Add this line to \.gitignore/);
  });
});

describe('initSite on YAML', () => {
  it('keeps comments and other settings, and is idempotent', () => {
    const text = ['# site', 'title: Blog # inline', 'params:', '  # who', '  author: Me', ''].join('\n');
    const dir = site({ 'hugo.yaml': text });
    expect(initSite(dir).changed).toBe(true);
    const after = readFileSync(path.join(dir, 'hugo.yaml'), 'utf8');
    expect(after).toContain('# site\ntitle: Blog # inline\nparams:\n  # who\n  author: Me\n');
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(initSite(dir).changed).toBe(false);
    expect(readFileSync(path.join(dir, 'hugo.yaml'), 'utf8')).toBe(after);
  });
  it('reorders existing mounts keeping the user entries (and their comments)', () => {
    const text = ['Module:', '  Mounts:', '    # mine', '    - source: notes', '      target: content/notes', '      lang: en', ''].join('\n');
    const dir = site({ 'hugo.yml': text });
    initSite(dir);
    const after = readFileSync(path.join(dir, 'hugo.yml'), 'utf8');
    expect(after).toContain('# mine');
    expect(after).toContain('Mounts:');
    expect(after).not.toMatch(/^module:/m);
    // The user's mount has a language: its shadows get a tree of their own, mounted with the same lang.
    expect(pairs(dir).slice(0, 5)).toEqual([
      '.prerender/content -> content',
      '.prerender/content.en -> content',
      '.prerender/content.en/notes -> content/notes',
      'notes -> content/notes',
      'layouts -> layouts',
    ]);
    expect(moduleMounts(readSiteConfig(dir).data).map((m) => m.lang).slice(0, 4)).toEqual([undefined, 'en', 'en', 'en']);
  });
});

describe('initSite only inserts lines', () => {
  it('keeps a byte-order mark, CRLF line endings and a last line without a line break', () => {
    const text = '\uFEFFtitle = "x"\r\n\r\n\r\n[params]\r\n  a = 1';
    const dir = site({ 'hugo.toml': text });
    initSite(dir);
    const after = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(after.startsWith(`${text}\r\n`)).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
  });
  it('YAML: adds `mounts` to an existing module section, after its last key, in the file\'s indentation', () => {
    const text = ['title: x', 'module:', '    # imports', '    imports:', '        - path: github.com/x/y', '# a commented-out block', '# params:', '#   a: 1', 'markup: {}', ''].join('\n');
    const dir = site({ 'hugo.yaml': text });
    initSite(dir);
    const after = readFileSync(path.join(dir, 'hugo.yaml'), 'utf8');
    expect(after.startsWith('title: x\nmodule:\n    # imports\n    imports:\n        - path: github.com/x/y\n    mounts:\n')).toBe(true);
    expect(after.endsWith('# a commented-out block\n# params:\n#   a: 1\nmarkup: {}\n')).toBe(true);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(initSite(dir).changed).toBe(false);
  });
  it('YAML: inserts ours before the first user mount and after the last, leaving theirs as written', () => {
    const text = ['module:', '  mounts:', '  # mine', '  - {source: notes, target: content/notes}', '  - source: "assets"', '    target: assets # theirs', 'params: {a: 1}', ''].join('\n');
    const dir = site({ 'hugo.yaml': text });
    initSite(dir);
    const after = readFileSync(path.join(dir, 'hugo.yaml'), 'utf8');
    expect(after).toContain('  # mine\n  - {source: notes, target: content/notes}\n  - source: "assets"\n    target: assets # theirs\n');
    expect(pairs(dir).slice(0, 4)).toEqual(['.prerender/content -> content', '.prerender/content/notes -> content/notes', 'notes -> content/notes', 'assets -> assets']);
    expect(initSite(dir).changed).toBe(false);
  });
  it('YAML: a flow-style module section is an error at its line and column, with the lines to paste', () => {
    const text = 'title: x\nmodule: {imports: [{path: a/b}]}\n';
    const dir = site({ 'hugo.yaml': text });
    expect(() => initSite(dir)).toThrow(/^hugo\.yaml:2:9: "module" is written in flow style.*the file was not changed\.[^]*\nmodule:\n  mounts:\n    - source: \.prerender\/content\n      target: content\n/);
    expect(readFileSync(path.join(dir, 'hugo.yaml'), 'utf8')).toBe(text);
  });
  it('JSON: a mounts value that is not an array is an error at its position, with the lines to paste', () => {
    const text = '{\n  "module": {\n    "mounts": "content"\n  }\n}\n';
    const dir = site({ 'hugo.json': text });
    expect(() => initSite(dir)).toThrow(/^hugo\.json:3:15: "mounts" is not an array[^]*"module": \{\n  "mounts": \[\n/);
  });
  it('replaces its own mount of an earlier package location, and nothing else', () => {
    const text = 'title = "x"\n';
    const dir = site({ 'hugo.toml': text });
    initSite(dir, { packageLayouts: '../../hugo-prerender/layouts' });
    initSite(dir);
    const after = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(after).not.toContain('../../hugo-prerender');
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(after.startsWith(text)).toBe(true);
  });
});

describe('initSite on JSON', () => {
  it('keeps the indentation and keys, and is idempotent', () => {
    const text = '{\n    "title": "Blog",\n    "params": {\n        "a": 1\n    }\n}\n';
    const dir = site({ 'hugo.json': text });
    expect(initSite(dir).changed).toBe(true);
    const after = readFileSync(path.join(dir, 'hugo.json'), 'utf8');
    expect(after.startsWith('{\n    "title": "Blog",\n    "params": {\n        "a": 1\n    },\n    "module": {\n        "mounts": [\n')).toBe(true);
    expect(pairs(dir)).toEqual(DEFAULT_RESULT);
    expect(initSite(dir).changed).toBe(false);
  });
});
