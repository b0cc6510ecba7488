import { DEFAULT_LIMITS } from '../../src/content/limits.js';
import type { Diagnostic } from '../../src/content/types.js';
import { imageOptions } from '../../src/images/options.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempSites } from '../helpers/temp-site.js';
import {
  applyEnvOverrides,
  autoHeadingIDType,
  contentRoots,
  findSiteConfig,
  findSiteConfigFiles,
  getIn,
  layoutRoots,
  passthroughDelimiters,
  prerenderOptions,
  DEFAULT_FIGURE_NUMBERING,
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
  it('says what a string left open is, and where it opened, as in front matter (it said "control characters are not allowed")', () => {
    const t = readSiteConfig(site({ 'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Audit\n' }));
    expect(t.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['hugo.toml', 2, 15, 'invalid TOML in site config: a string is not closed on this line: end it on the same line with the quote it opened with, or use """ for a string of several lines'],
    ]);
    const y = readSiteConfig(site({ 'hugo.yaml': 'baseURL: https://example.org/\ntitle: "Audit\nlanguageCode: en\n' }));
    expect(y.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['hugo.yaml', 2, 8, 'invalid YAML in site config: a string opened here with " is never closed: end it with " (on this line, for a title or a description)'],
    ]);
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
    expect(prerenderOptions({}).options).toEqual({
      math: { escapes: 'auto' },
      katex: { macros: {}, strict: 'warn' },
      errors: 'fail',
      stale: 'warn',
      limits: DEFAULT_LIMITS,
      figures: { numbers: 'id', label: 'Figure', separator: ':' },
    });
    const cfg = readSiteConfig(
      site({
        'hugo.toml':
          '[Params.Prerender]\nErrors = "Render"\nstale = "sometimes"\n[params.prerender.math]\nescapes = "markdown"\n' +
          '[params.prerender.katex]\nstrict = "Error"\n[params.prerender.katex.macros]\n"\\\\RR" = "\\\\mathbb{R}"\n"\\\\bad" = 3\n',
      }),
    );
    const { options, diagnostics } = prerenderOptions(cfg.data, 'hugo.toml');
    expect(options).toEqual({ math: { escapes: 'markdown' }, katex: { macros: { '\\RR': '\\mathbb{R}' }, strict: 'error' }, errors: 'render', stale: 'warn', limits: DEFAULT_LIMITS, figures: { numbers: 'id', label: 'Figure', separator: ':' } });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'params.prerender.stale = "sometimes" is not one of "warn", "error"; using "warn"',
      'params.prerender.katex.macros: the definition of "\\\\bad" must be a string; ignored',
    ]);
  });
  it('params.prerender.figures: numbers, label and separator, bad values warned about at the setting', () => {
    const figures = (toml: string) => {
      const cfg = readSiteConfig(site({ 'hugo.toml': toml }));
      return { figures: cfg.prerender.figures, warnings: cfg.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`) };
    };
    expect(figures('[params.prerender.figures]\nnumbers = "ALL"\nlabel = " Fig. "\nseparator = "."\n')).toEqual({
      figures: { numbers: 'all', label: 'Fig.', separator: '.' },
      warnings: [],
    });
    // true and false read as "all" and "none".
    expect(figures('[params.prerender.figures]\nnumbers = false\n').figures.numbers).toBe('none');
    expect(figures('[params.prerender.figures]\nnumbers = true\n').figures.numbers).toBe('all');
    expect(figures('[params.prerender.figures]\nnumbers = "some"\nlabel = ""\nseparator = 3\nlabels = "x"\n')).toEqual({
      figures: { numbers: 'id', label: 'Figure', separator: ':' },
      // The unknown key first (said as the table is read), then each bad value.
      warnings: [
        '5:1 params.prerender.figures.labels is not a setting hugo-prerender knows, and is ignored: did you mean label? params.prerender.figures has numbers, label, separator',
        '2:11 params.prerender.figures.numbers = "some" is not one of "id", "all", "none"; using "id"',
        '3:9 params.prerender.figures.label = "" must be a word or two (not empty); using "Figure"',
        '4:13 params.prerender.figures.separator = 3 must be a line of text; using ":"',
      ],
    });
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

describe('params.prerender diagnostics: at the setting, in the file that sets it', () => {
  /** The config's warnings and the image pipeline's (build reports both), in file order. */
  const warnings = (dir: string) => {
    const cfg = readSiteConfig(dir);
    const all: Diagnostic[] = [...cfg.diagnostics, ...imageOptions(cfg.data, cfg.locate).diagnostics];
    return all
      .map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, severity: d.severity, message: d.message }))
      .sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));
  };
  const at = (place: string, message: RegExp) => ({ at: place, severity: 'warning', message: expect.stringMatching(message) });
  const UNKNOWN_TOP = /params\.prerender has math, katex, errors, stale, limits, images, figures$/;

  it('TOML: each bad value at its value, each unknown key or section at its key', () => {
    const dir = site({
      'hugo.toml': [
        'baseURL = "https://example.org/"', // 1
        'description = """', // 2
        '[params.prerender]', // 3: inside a string
        'stale = "x"', // 4: inside a string
        '"""', // 5
        '[params.prerender]', // 6
        'errors = "explode"', // 7
        'stale = 3', // 8
        'unknownkey = true # what is this?', // 9
        '', // 10
        '[params.prerender.limits]', // 11
        'pageBytes = -5', // 12
        'pagebyte = 1', // 13
        '', // 14
        '[params.prerender.images]', // 15
        'widths = ["a", 0, -1]', // 16
        'quality = 500', // 17
        'widht = [1]', // 18
        '', // 19
        '  [params.prerender.math]   # indented, with a comment', // 20
        '  escapes = "weird"', // 21
        '', // 22
        '[params.prerender.limit]', // 23
        'formulas = 3', // 24
        '', // 25
        '[ params . "prerender" . image ]', // 26
        'widths = [400]', // 27
        '', // 28
        '[params.prerender.katex.macros]', // 29
        'RR = "\\\\mathbb{R}"', // 30
        '"\\\\ok" = "\\\\mathrm{ok}"', // 31
        "'\\bad' = 3", // 32
        '', // 33
        '[params.prerender.katex]', // 34
        'strict = "loud"', // 35
        '',
      ].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.toml:7:10', /^params\.prerender\.errors = "explode" is not one of "fail", "render"; using "fail"$/),
      at('hugo.toml:8:9', /^params\.prerender\.stale = 3 is not one of "warn", "error"; using "warn"$/),
      at('hugo.toml:9:1', /^params\.prerender\.unknownkey is not a setting hugo-prerender knows, and is ignored: params\.prerender has math, katex, errors, stale, limits, images, figures$/),
      at('hugo.toml:12:13', /^params\.prerender\.limits\.pageBytes = -5 is not a positive whole number; using 2097152$/),
      at('hugo.toml:13:1', /^params\.prerender\.limits\.pagebyte is not a limit hugo-prerender knows, and is ignored: did you mean pageBytes\? params\.prerender\.limits has pageBytes, /),
      at('hugo.toml:16:11', /^params\.prerender\.images\.widths: "a" is not a whole number of pixels between 16 and 8192; using \[/),
      at('hugo.toml:17:11', /^params\.prerender\.images\.quality must be a whole number from 1 to 100/),
      at('hugo.toml:18:1', /^params\.prerender\.images\.widht is not a setting hugo-prerender knows, and is ignored: did you mean widths\? params\.prerender\.images has enable, widths, formats, quality, sizes, metadata, maxPixels, markdown, placeholder$/),
      at('hugo.toml:21:13', /^params\.prerender\.math\.escapes = "weird" is not one of "auto", "none", "markdown"; using "auto"$/),
      at('hugo.toml:23:19', /^params\.prerender\.limit is not a setting hugo-prerender knows, and is ignored: did you mean limits\? params\.prerender has /),
      at('hugo.toml:26:26', /^params\.prerender\.image is not a setting hugo-prerender knows, and is ignored: did you mean images\? /),
      at('hugo.toml:30:1', /^params\.prerender\.katex\.macros: the macro name "RR" does not start with a backslash; write "\\\\RR" \(in quotes, the backslash doubled\); ignored$/),
      at('hugo.toml:32:10', /^params\.prerender\.katex\.macros: the definition of "\\\\bad" must be a string; ignored$/),
      at('hugo.toml:35:10', /^params\.prerender\.katex\.strict = "loud" is not one of "warn", "error", "ignore"; using "warn"$/),
    ]);
    expect(readSiteConfig(dir).prerender).toEqual({ math: { escapes: 'auto' }, katex: { macros: { '\\ok': '\\mathrm{ok}' }, strict: 'warn' }, errors: 'fail', stale: 'warn', limits: DEFAULT_LIMITS, figures: DEFAULT_FIGURE_NUMBERING });
  });

  it('a bad entry of images.widths or images.formats is said at that entry (the list as a whole ignored)', () => {
    const dir = site({
      'hugo.toml': ['[params.prerender.images]', 'widths = [400, 800,', '  12]', 'formats = ["avif", "png"]', ''].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.toml:3:3', /^params\.prerender\.images\.widths: 12 is not a whole number of pixels between 16 and 8192; using \[400,800,1200,1600,2000\]$/),
      at('hugo.toml:4:20', /^params\.prerender\.images\.formats: "png" is not "avif" or "webp" \(the image's own format is always written\); using \["avif","webp"\]$/),
    ]);
  });

  it('TOML: dotted keys and inline tables', () => {
    const dir = site({
      'hugo.toml': [
        '[params]', // 1
        'prerender.stale = 3', // 2
        'prerender.limits = { pageBytes = -5, nope = 1 }', // 3
        'prerender.katex = { macros = { RR = "x" } }', // 4
        'prerender.maths.escapes = "none"', // 5
        '',
      ].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.toml:2:19', /^params\.prerender\.stale = 3 /),
      at('hugo.toml:3:34', /^params\.prerender\.limits\.pageBytes = -5 /),
      at('hugo.toml:3:38', /^params\.prerender\.limits\.nope is not a limit hugo-prerender knows, and is ignored: params\.prerender\.limits has pageBytes, /),
      at('hugo.toml:4:32', /the macro name "RR" does not start with a backslash/),
      at('hugo.toml:5:11', /^params\.prerender\.maths is not a setting hugo-prerender knows, and is ignored: did you mean math\? /),
    ]);
  });

  it('a macro whose braces do not balance: said once, at its definition (each use failed at its page only)', () => {
    const dir = site({
      'hugo.toml': ['[params.prerender.katex.macros]', '"\\\\bad" = "\\\\frac{"', '"\\\\ok" = "\\\\{x\\\\}"', '"\\\\worse" = "a}{"', ''].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.toml:2:11', /^params\.prerender\.katex\.macros: the definition of \\bad \("\\\\frac\{"\) has a "\{" never closed, so every formula that uses \\bad fails; balance its braces$/),
      at('hugo.toml:4:13', /the definition of \\worse .* has a "\}" that closes no "\{"/),
    ]);
  });

  it('YAML: block and flow mappings', () => {
    const dir = site({
      'hugo.yaml': [
        'title: T', // 1
        'params:', // 2
        '  prerender:', // 3
        '    errors: explode', // 4
        '    stale: 3', // 5
        '    unknownkey: true', // 6
        '    limits: {pageBytes: -5}', // 7
        '    images:', // 8
        '      widths: [a, 0, -1]', // 9
        '      quality: 500', // 10
        '    math:', // 11
        '      escapes: weird', // 12
        '    limit:', // 13
        '      formulas: 3', // 14
        '    katex:', // 15
        '      macros:', // 16
        '        RR: \\mathbb{R}', // 17
        "        '\\ok': \\mathrm{ok}", // 18
        '',
      ].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.yaml:4:13', /^params\.prerender\.errors = "explode" /),
      at('hugo.yaml:5:12', /^params\.prerender\.stale = 3 /),
      at('hugo.yaml:6:5', UNKNOWN_TOP),
      at('hugo.yaml:7:25', /^params\.prerender\.limits\.pageBytes = -5 /),
      at('hugo.yaml:9:16', /^params\.prerender\.images\.widths: "a" is not a whole number/),
      at('hugo.yaml:10:16', /^params\.prerender\.images\.quality /),
      at('hugo.yaml:12:16', /^params\.prerender\.math\.escapes = "weird" /),
      at('hugo.yaml:13:5', /^params\.prerender\.limit is not a setting .*did you mean limits\?/),
      at('hugo.yaml:17:9', /the macro name "RR" does not start with a backslash; write "\\\\RR"/),
    ]);
    expect(readSiteConfig(dir).prerender.katex.macros).toEqual({ '\\ok': '\\mathrm{ok}' });
  });

  it('JSON: nested objects', () => {
    const dir = site({
      'hugo.json': [
        '{', // 1
        '  "title": "T",', // 2
        '  "params": {', // 3
        '    "prerender": {', // 4
        '      "errors": "explode",', // 5
        '      "stale": 3,', // 6
        '      "unknownkey": true,', // 7
        '      "limits": { "pageBytes": -5 },', // 8
        '      "image": { "widths": [400] },', // 9
        '      "images": { "widths": ["a", 0, -1], "quality": 500 },', // 10
        '      "math": { "escapes": "weird" },', // 11
        '      "katex": { "macros": { "RR": "\\\\mathbb{R}" } }', // 12
        '    }', // 13
        '  }', // 14
        '}', // 15
      ].join('\n'),
    });
    expect(warnings(dir)).toEqual([
      at('hugo.json:5:17', /^params\.prerender\.errors = "explode" /),
      at('hugo.json:6:16', /^params\.prerender\.stale = 3 /),
      at('hugo.json:7:7', UNKNOWN_TOP),
      at('hugo.json:8:32', /^params\.prerender\.limits\.pageBytes = -5 /),
      at('hugo.json:9:7', /^params\.prerender\.image is not a setting .*did you mean images\?/),
      at('hugo.json:10:30', /^params\.prerender\.images\.widths: "a" is not a whole number/),
      at('hugo.json:10:54', /^params\.prerender\.images\.quality /),
      at('hugo.json:11:28', /^params\.prerender\.math\.escapes = "weird" /),
      at('hugo.json:12:30', /the macro name "RR" does not start with a backslash/),
    ]);
  });

  it('config/_default/params.toml: in the file whose value Hugo uses', () => {
    const dir = site({
      'hugo.toml': 'title = "T"\n[params.prerender]\nerrors = "explode"\nstale = "error"\n',
      'config/_default/params.toml': '[prerender]\nstale = 3\n\n[prerender.limits]\npageBytes = -5\n[prerender.limit]\n',
      'config/_default/hugo.yaml': 'params:\n  prerender:\n    images:\n      quality: 500\n',
    });
    expect(warnings(dir)).toEqual([
      at('config/_default/hugo.yaml:4:16', /^params\.prerender\.images\.quality /),
      at('config/_default/params.toml:2:9', /^params\.prerender\.stale = 3 /),
      at('config/_default/params.toml:5:13', /^params\.prerender\.limits\.pageBytes = -5 /),
      at('config/_default/params.toml:6:12', /^params\.prerender\.limit is not a setting .*did you mean limits\?/),
      at('hugo.toml:3:10', /^params\.prerender\.errors = "explode" /),
    ]);
  });

  it('params.prerender that is not a table, in each format', () => {
    const NOT_A_TABLE = /^params\.prerender = "yes" is not a table; write its settings \(math, katex, errors, stale, limits, images, figures\) inside a \[params\.prerender\] table .*; using the defaults$/;
    expect(warnings(site({ 'hugo.toml': 'title = "T"\n[params]\nprerender = "yes"\n' }))).toEqual([at('hugo.toml:3:13', NOT_A_TABLE)]);
    expect(warnings(site({ 'hugo.yaml': 'params:\n  prerender: "yes"\n' }))).toEqual([at('hugo.yaml:2:14', NOT_A_TABLE)]);
    expect(warnings(site({ 'hugo.json': '{\n  "params": {"prerender": "yes"}\n}\n' }))).toEqual([at('hugo.json:2:27', NOT_A_TABLE)]);
    expect(warnings(site({ 'hugo.toml': '', 'config/_default/params.toml': 'prerender = "yes"\n' }))).toEqual([at('config/_default/params.toml:1:13', NOT_A_TABLE)]);
    expect(readSiteConfig(site({ 'hugo.toml': '[params]\nprerender = "yes"\n' })).prerender).toEqual(prerenderOptions({}).options);
  });

  it('sections that must be tables', () => {
    const dir = site({ 'hugo.toml': '[params.prerender]\nmath = "auto"\nkatex = { macros = ["\\\\RR"] }\nlimits = 5\nimages = "no"\n' });
    expect(warnings(dir)).toEqual([
      at('hugo.toml:2:8', /^params\.prerender\.math = "auto" is not a table; write its settings \(escapes, wrappers, numbering\) inside a \[params\.prerender\.math\] table/),
      at('hugo.toml:3:20', /^params\.prerender\.katex\.macros = \["\\\\RR"\] is not a table; write its entries inside a \[params\.prerender\.katex\.macros\] table/),
      at('hugo.toml:4:10', /^params\.prerender\.limits must be a table of limits; using the defaults$/),
      at('hugo.toml:5:10', /^params\.prerender\.images must be a table \(or false\); using the defaults$/),
    ]);
  });
});

describe("Hugo's HUGO_ variables (applyEnvOverrides)", () => {
  const data = () => ({
    title: 't',
    summaryLength: 70,
    hasCJKLanguage: false,
    Params: { Prerender: { errors: 'fail', limits: { pageBytes: 5 } }, list: [1], my_key: 'x' },
  });

  it('sets a key path, the character after HUGO being the delimiter, over any case of the keys', () => {
    const out = applyEnvOverrides(data(), {
      HUGO_PARAMS_PRERENDER_ERRORS: 'render',
      HUGO_SUMMARYLENGTH: '10',
      HUGO_HASCJKLANGUAGE: 'true',
      HUGOxPARAMSxMY_KEY: 'y',
      HUGO_PARAMS_LIST: '[2, 3]',
    });
    expect(out).toEqual({
      title: 't',
      summaryLength: 10,
      hasCJKLanguage: true,
      Params: { Prerender: { errors: 'render', limits: { pageBytes: 5 } }, list: [2, 3], my_key: 'y' },
    });
  });

  it("keeps a setting whose text is not of its type; makes the tables a new key needs; reads a new key's number or boolean", () => {
    const out = applyEnvOverrides(data(), {
      HUGO_SUMMARYLENGTH: 'many',
      HUGO_HASCJKLANGUAGE: 'yes',
      HUGO_PARAMS_PRERENDER_LIMITS_FORMULAS: '3',
      HUGO_MARKUP_GOLDMARK_RENDERER_UNSAFE: 'true',
      HUGO_PARAMS_PRERENDER_STALE: 'error',
    });
    expect(out).toMatchObject({ summaryLength: 70, hasCJKLanguage: false, Params: { Prerender: { limits: { pageBytes: 5, formulas: 3 }, stale: 'error' } } });
    expect(getIn(out, 'markup.goldmark.renderer.unsafe')).toBe(true);
  });

  it('reads them with the config: readSiteConfig applies them before the flags', () => {
    const dir = site({ 'hugo.toml': 'title = "t"\n[params.prerender]\nerrors = "fail"\n' });
    expect(readSiteConfig(dir, { env: { HUGO_PARAMS_PRERENDER_ERRORS: 'render' } }).prerender.errors).toBe('render');
    expect(readSiteConfig(dir, { env: {} }).prerender.errors).toBe('fail');
    expect(getIn(readSiteConfig(dir, { env: { HUGO_BASEURL: 'https://a.example/' }, overrides: { baseURL: 'https://b.example/' } }).data, 'baseURL')).toBe('https://b.example/');
  });
});
