import { DEFAULT_LIMITS } from '../../src/content/limits.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempSites } from '../helpers/temp-site.js';
import {
  autoHeadingIDType,
  contentRoots,
  findSiteConfig,
  findSiteConfigFiles,
  getIn,
  layoutRoots,
  passthroughDelimiters,
  prerenderOptions,
  readSiteConfig,
  staticRoots,
  assetRoots,
  tableOfContents,
} from '../../src/site/config.js';

const site = tempSites('hp-config-');

const base = (p: string | null | undefined) => (p ? path.basename(p) : p);

describe('findSiteConfig: which root file Hugo reads (measured with 0.111.3 and 0.169.0)', () => {
  it('prefers hugo.* over config.*', () => {
    expect(base(findSiteConfig(site({ 'hugo.toml': '', 'config.toml': '' }))?.path)).toBe('hugo.toml');
    expect(base(findSiteConfig(site({ 'hugo.yaml': '', 'config.toml': '' }))?.path)).toBe('hugo.yaml');
  });
  it('orders formats toml, yaml, yml, json', () => {
    expect(base(findSiteConfig(site({ 'hugo.yaml': '', 'hugo.toml': '' }))?.path)).toBe('hugo.toml');
    expect(base(findSiteConfig(site({ 'hugo.json': '{}', 'hugo.yml': '' }))?.path)).toBe('hugo.yml');
    expect(base(findSiteConfig(site({ 'config.json': '{}', 'config.yaml': '' }))?.path)).toBe('config.yaml');
    const f = findSiteConfig(site({ 'config.json': '{}' }));
    expect(f?.format).toBe('json');
  });
  it('falls back to config/_default/hugo.* then config.*', () => {
    expect(findSiteConfig(site({ 'config/_default/config.toml': '', 'config/_default/hugo.yaml': '' }))?.path).toMatch(
      /config\/_default\/hugo\.yaml$/,
    );
    expect(findSiteConfig(site({ 'config/_default/config.toml': '' }))?.path).toMatch(/config\/_default\/config\.toml$/);
  });
  it('returns null without any config', () => {
    expect(findSiteConfig(site({ 'content/a.md': '' }))).toBeNull();
  });
  it('lists the merge order: root, _default (config, hugo, then keyed files), environment', () => {
    const dir = site({
      'hugo.toml': '',
      'config/_default/params.toml': '',
      'config/_default/hugo.toml': '',
      'config/_default/config.toml': '',
      'config/_default/menus.en.toml': '',
      'config/production/params.yaml': '',
    });
    const files = findSiteConfigFiles(dir).map((f) => [path.relative(dir, f.path), f.key]);
    expect(files).toEqual([
      ['hugo.toml', null],
      ['config/_default/config.toml', null],
      ['config/_default/hugo.toml', null],
      ['config/_default/params.toml', 'params'],
      ['config/production/params.yaml', 'params'],
    ]);
    expect(findSiteConfigFiles(dir, null)).toHaveLength(4);
  });
});

describe('readSiteConfig', () => {
  it('reads each format', () => {
    for (const [name, text] of [
      ['hugo.toml', 'title = "T"\n[params.prerender]\nstale = "error"\n'],
      ['hugo.yaml', 'title: T\nparams:\n  prerender:\n    stale: error\n'],
      ['hugo.json', '{"title": "T", "params": {"prerender": {"stale": "error"}}}'],
    ] as const) {
      const cfg = readSiteConfig(site({ [name]: text }));
      expect(cfg.diagnostics).toEqual([]);
      expect(base(cfg.file)).toBe(name);
      expect(cfg.format).toBe(name.endsWith('toml') ? 'toml' : name.endsWith('json') ? 'json' : 'yaml');
      expect(getIn(cfg.data, 'title')).toBe('T');
      expect(prerenderOptions(cfg.data).options.stale).toBe('error');
    }
  });
  it('merges config/_default over the root file, deeply, as Hugo does', () => {
    const cfg = readSiteConfig(
      site({
        'hugo.toml': 'title = "root"\n[params]\nb = "r"\n',
        'config/_default/hugo.toml': 'title = "d"\n[params]\na = "d"\n',
        'config/_default/params.yaml': 'A: p\n',
      }),
    );
    expect(getIn(cfg.data, 'title')).toBe('d');
    expect(getIn(cfg.data, 'params.a')).toBe('p'); // params.yaml wins, whatever the case of its key
    expect(getIn(cfg.data, 'params.b')).toBe('r');
  });
  it('reports parse errors with file, line and column instead of throwing', () => {
    const cfg = readSiteConfig(site({ 'hugo.toml': 'title = "x"\nbroken = \n' }));
    expect(cfg.diagnostics).toHaveLength(1);
    expect(cfg.diagnostics[0]).toMatchObject({ severity: 'error', file: 'hugo.toml', line: 2 });
    const y = readSiteConfig(site({ 'hugo.yaml': 'a: [\n' }));
    expect(y.diagnostics[0]).toMatchObject({ severity: 'error', file: 'hugo.yaml' });
    const j = readSiteConfig(site({ 'hugo.json': '{"a": }' }));
    expect(j.diagnostics[0]).toMatchObject({ severity: 'error', file: 'hugo.json' });
  });
  it('says where it looked when there is no config', () => {
    const cfg = readSiteConfig(site({}));
    expect(cfg.file).toBeNull();
    expect(cfg.diagnostics[0]!.message).toMatch(/no Hugo configuration found.*hugo\.toml/);
  });
  it('offers the conveniences the build needs, with absolute paths', () => {
    const dir = site({
      'hugo.toml':
        'contentDir = "posts"\nstaticDir = ["static", "s2"]\n[params.prerender]\nerrors = "bogus"\n[params.prerender.math]\nescapes = "markdown"\n' +
        '[markup.goldmark.extensions.passthrough.delimiters]\ninline = [["\\\\(", "\\\\)"]]\n',
    });
    const cfg = readSiteConfig(dir);
    expect(cfg.contentDir).toBe(path.join(dir, 'posts'));
    expect(cfg.staticDirs).toEqual([path.join(dir, 'static'), path.join(dir, 's2')]);
    expect(cfg.assetsDir).toBe(path.join(dir, 'assets'));
    expect(cfg.prerender.errors).toBe('fail');
    expect(cfg.diagnostics).toMatchObject([{ severity: 'warning', file: 'hugo.toml', message: expect.stringMatching(/params\.prerender\.errors/) }]);
    expect(cfg.math).toEqual({ delimiters: { inline: [['\\(', '\\)']], block: [] }, escapes: 'markdown' });
  });
  it('accepts a BOM', () => {
    expect(readSiteConfig(site({ 'hugo.toml': '\uFEFFtitle = "x"\n' })).diagnostics).toEqual([]);
  });
});

describe('accessors (keys are case-insensitive)', () => {
  it('contentDir default, custom and mounted', () => {
    const d1 = site({ 'hugo.toml': '' });
    expect(contentRoots(d1, readSiteConfig(d1).data)).toEqual([{ source: 'content', dir: path.join(d1, 'content'), target: '' }]);
    const d2 = site({ 'hugo.toml': 'ContentDir = "src/posts"\n' });
    expect(contentRoots(d2, readSiteConfig(d2).data).map((r) => r.source)).toEqual(['src/posts']);
    const d3 = site({
      'hugo.toml':
        '[[module.mounts]]\nsource = ".prerender/content"\ntarget = "content"\n' +
        '[[module.mounts]]\nSource = "content"\nTarget = "content"\n' +
        '[[module.mounts]]\nsource = "blog"\ntarget = "content/posts"\n',
    });
    expect(contentRoots(d3, readSiteConfig(d3).data)).toEqual([
      { source: 'content', dir: path.join(d3, 'content'), target: '' },
      { source: 'blog', dir: path.join(d3, 'blog'), target: 'posts' },
    ]);
  });
  it('staticDir as string or list, assets, layouts; mounts replace the defaults per component', () => {
    const d = site({ 'hugo.yaml': 'staticDir: [static, extra]\nassetDir: a\nlayoutDir: l\n' });
    const data = readSiteConfig(d).data;
    expect(staticRoots(d, data).map((r) => r.source)).toEqual(['static', 'extra']);
    expect(assetRoots(d, data).map((r) => r.source)).toEqual(['a']);
    expect(layoutRoots(d, data).map((r) => r.source)).toEqual(['l']);
    const m = site({ 'hugo.toml': 'staticDir = "s"\n[[module.mounts]]\nsource = "pics"\ntarget = "static/img"\n' });
    expect(staticRoots(m, readSiteConfig(m).data)).toEqual([{ source: 'pics', dir: path.join(m, 'pics'), target: 'img' }]);
  });
  it('params.prerender with defaults, validation and macro names kept as written', () => {
    expect(prerenderOptions({}).options).toEqual({ math: { escapes: 'auto' }, katex: { macros: {} }, errors: 'fail', stale: 'warn', limits: DEFAULT_LIMITS });
    const cfg = readSiteConfig(
      site({
        'hugo.toml':
          '[Params.Prerender]\nErrors = "Render"\nstale = "sometimes"\n[params.prerender.math]\nescapes = "markdown"\n' +
          '[params.prerender.katex.macros]\n"\\\\RR" = "\\\\mathbb{R}"\n"\\\\bad" = 3\n',
      }),
    );
    const { options, diagnostics } = prerenderOptions(cfg.data, 'hugo.toml');
    expect(options).toEqual({ math: { escapes: 'markdown' }, katex: { macros: { '\\RR': '\\mathbb{R}' } }, errors: 'render', stale: 'warn', limits: DEFAULT_LIMITS });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'params.prerender.stale = "sometimes" is not one of "warn", "error"; using "warn"',
      'params.prerender.katex.macros: the definition of "\\\\bad" must be a string; ignored',
    ]);
  });
  it('markup settings', () => {
    const cfg = readSiteConfig(
      site({
        'hugo.yaml': [
          'markup:',
          '  goldmark:',
          '    extensions:',
          '      passthrough:',
          '        enable: true',
          '        delimiters:',
          "          inline: [['\\(', '\\)'], ['$', '$']]",
          "          block: [['\\[', '\\]'], ['$$', '$$']]",
          '    parser:',
          '      autoHeadingIDType: github-ascii',
          '  TableOfContents:',
          '    endLevel: 4',
          '    ordered: true',
          '',
        ].join('\n'),
      }),
    );
    expect(cfg.diagnostics).toEqual([]);
    expect(passthroughDelimiters(cfg.data)).toEqual({
      inline: [
        ['\\(', '\\)'],
        ['$', '$'],
      ],
      block: [
        ['\\[', '\\]'],
        ['$$', '$$'],
      ],
    });
    expect(autoHeadingIDType(cfg.data)).toBe('github-ascii');
    expect(tableOfContents(cfg.data)).toEqual({ startLevel: 2, endLevel: 4, ordered: true });
    expect(passthroughDelimiters({})).toBeNull();
    expect(autoHeadingIDType({})).toBe('github');
    expect(tableOfContents({})).toEqual({ startLevel: 2, endLevel: 3, ordered: false });
  });
});
