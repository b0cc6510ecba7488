/**
 * Sites whose languages have their own content directory (`[languages.fr] contentDir = "content.fr"`):
 * which content roots Hugo reads, the mounts init plans for them, and how their language is spelled
 * for each Hugo (`lang` before 0.153, `sites.matrix` after: measured, neither reads the other's).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempSites } from '../helpers/temp-site.js';
import {
  contentRoots,
  defaultContentMounts,
  languageContentDirs,
  languageMountStyle,
  moduleMounts,
  mountLanguage,
  readSiteConfig,
  shadowTree,
  type Mount,
} from '../../src/site/config.js';
import { initSite, planMounts } from '../../src/site/init.js';
import { OutputPathError, PrerenderOutput } from '../../src/site/output.js';
import { existsSync } from 'node:fs';

const site = tempSites('hp-lang-');

const BOOK = {
  languages: { en: { weight: 1, contentDir: 'content.en' }, FR: { weight: 2, contentDir: 'content.fr/' } },
};
const show = (m: Mount) => {
  const l = mountLanguage(m);
  return `${m.source} -> ${m.target}${l ? ` [${l.style} ${l.lang}]` : ''}`;
};

describe('content roots of a site with a content directory per language', () => {
  it('are each language own directory, with its language (lower case), and not content/ when every language has one', () => {
    expect(languageContentDirs(BOOK)).toEqual([
      { lang: 'en', source: 'content.en' },
      { lang: 'fr', source: 'content.fr/' },
    ]);
    expect(defaultContentMounts(BOOK).map(show)).toEqual(['content.en -> content [lang en]', 'content.fr/ -> content [lang fr]']);
    const roots = contentRoots('/s', BOOK);
    expect(roots.map((r) => [r.dir, r.lang])).toEqual([
      ['/s/content.en', 'en'],
      ['/s/content.fr', 'fr'],
    ]);
  });
  it('keep the shared contentDir, without a language, for languages that have no directory of their own', () => {
    const data = { contentDir: 'docs', languages: { en: {}, de: { contentDir: 'docs.de' }, it: { contentDir: 'docs' } } };
    expect(defaultContentMounts(data, 'sites.matrix').map(show)).toEqual(['docs -> content', 'docs.de -> content [sites.matrix de]']);
  });
  it('are the content mounts alone once the config has any (Hugo then drops the per-language directories)', () => {
    const data = { ...BOOK, module: { mounts: [{ source: 'content.en', target: 'content' }, { source: 'fr', target: 'content/blog', sites: { matrix: { languages: ['fr'] } } }] } };
    expect(contentRoots('/s', data).map((r) => [r.source, r.target, r.lang])).toEqual([
      ['content.en', '', undefined],
      ['fr', 'blog', 'fr'],
    ]);
  });
  it('a single-language site is unchanged: one root, no language', () => {
    expect(contentRoots('/s', { title: 't' })).toEqual([{ source: 'content', dir: '/s/content', target: '' }]);
    expect(contentRoots('/s', { languages: { en: { weight: 1 }, fr: { weight: 2 } } })).toHaveLength(1);
  });
});

describe('language mount spelling', () => {
  it('follows the Hugo version: lang before 0.153, sites.matrix from 0.153 on', () => {
    expect(languageMountStyle('0.111.3')).toBe('lang');
    expect(languageMountStyle('0.152.2')).toBe('lang');
    expect(languageMountStyle('0.153.0')).toBe('sites.matrix');
    expect(languageMountStyle('v0.169.0')).toBe('sites.matrix');
    expect(languageMountStyle('1.0.0')).toBe('sites.matrix');
  });
  it('is read back either way; several languages are not one language', () => {
    expect(mountLanguage({ source: 'a', target: 'content', lang: 'FR' })).toEqual({ lang: 'fr', style: 'lang' });
    expect(mountLanguage({ source: 'a', target: 'content', sites: { matrix: { languages: ['fr'] } } })).toEqual({ lang: 'fr', style: 'sites.matrix' });
    expect(mountLanguage({ source: 'a', target: 'content', sites: { matrix: { languages: ['fr', 'en'] } } })).toBeUndefined();
    expect(mountLanguage({ source: 'a', target: 'content' })).toBeUndefined();
  });
  it('shadow trees: content for no language, content.<lang> otherwise, none for a code that is not a plain name', () => {
    expect(shadowTree()).toBe('content');
    expect(shadowTree('pt-BR')).toBe('content.pt-br');
    expect(shadowTree('../x')).toBeUndefined();
    expect(shadowTree('')).toBeUndefined();
  });
});

describe('planMounts for languages with their own content', () => {
  const base = { contentDir: 'content', layoutDir: 'layouts', staticDirs: ['static'], packageLayouts: 'pkg/layouts' };
  for (const style of ['lang', 'sites.matrix'] as const) {
    it(`puts every language's shadow mount before the content, and re-adds each language's directory (${style})`, () => {
      const plan = planMounts({ ...base, mounts: [], contentDefaults: defaultContentMounts(BOOK, style), languageStyle: style });
      expect(plan.filter((m) => m.target === 'content').map(show)).toEqual([
        '.prerender/content -> content',
        `.prerender/content.en -> content [${style} en]`,
        `.prerender/content.fr -> content [${style} fr]`,
        `content.en -> content [${style} en]`,
        `content.fr/ -> content [${style} fr]`,
      ]);
      // A fixed point: planning again from the planned mounts changes nothing.
      expect(planMounts({ ...base, mounts: plan, languageStyle: style })).toEqual(plan);
    });
  }
  it('adds a shadow mount for the language of a user mount, and spells both the way asked', () => {
    const plan = planMounts({ ...base, mounts: [{ source: 'notes', target: 'content/notes', lang: 'de' }, { source: 'content', target: 'content' }], languageStyle: 'sites.matrix' });
    expect(plan.filter((m) => m.target.startsWith('content')).map(show)).toEqual([
      '.prerender/content -> content',
      '.prerender/content.de -> content [sites.matrix de]',
      '.prerender/content.de/notes -> content/notes [sites.matrix de]',
      'notes -> content/notes [sites.matrix de]',
      'content -> content',
    ]);
    // Without a Hugo to spell for, a user mount stays as written.
    expect(planMounts({ ...base, mounts: [{ source: 'notes', target: 'content', lang: 'de' }] }).map(show)[2]).toBe('notes -> content [lang de]');
  });
  it('leaves a site without per-language directories as it was', () => {
    const plan = planMounts({ ...base, mounts: [], contentDefaults: defaultContentMounts({ languages: { en: {}, fr: {} } }), languageStyle: 'sites.matrix' });
    expect(plan.map(show)).toEqual(planMounts({ ...base, mounts: [] }).map(show));
  });
});

/** The content mounts init writes for an en + fr site for Hugo ≥ 0.153 (languages as sites.matrix). */
const MATRIX_MOUNTS = [
  '.prerender/content -> content',
  '.prerender/content.en -> content [sites.matrix en]',
  '.prerender/content.fr -> content [sites.matrix fr]',
  'content.en -> content [sites.matrix en]',
  'content.fr -> content [sites.matrix fr]',
];

describe('initSite with a content directory per language', () => {
  const TOML = '[languages.en]\ncontentDir = "content.en"\n[languages.fr]\ncontentDir = "content.fr"\n';
  const contentMounts = (dir: string) => moduleMounts(readSiteConfig(dir).data).filter((m) => m.target === 'content').map(show);
  it('TOML: writes the language mounts for the Hugo asked for, idempotently, and respells them all for another Hugo', () => {
    const dir = site({ 'hugo.toml': TOML });
    expect(initSite(dir, { languageStyle: 'lang' }).changed).toBe(true);
    const text = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(text).toContain('source = ".prerender/content.fr"\ntarget = "content"\nlang = "fr"\n');
    expect(contentMounts(dir)).toEqual([
      '.prerender/content -> content',
      '.prerender/content.en -> content [lang en]',
      '.prerender/content.fr -> content [lang fr]',
      'content.en -> content [lang en]',
      'content.fr -> content [lang fr]',
    ]);
    expect(initSite(dir, { languageStyle: 'lang' }).changed).toBe(false);
    expect(readFileSync(path.join(dir, 'hugo.toml'), 'utf8')).toBe(text);
    // The site moves to a newer Hugo, which stops at `lang`: every language mount is respelled, in place.
    expect(initSite(dir, { languageStyle: 'sites.matrix' }).changed).toBe(true);
    expect(contentMounts(dir)).toEqual(MATRIX_MOUNTS);
    const newer = readFileSync(path.join(dir, 'hugo.toml'), 'utf8');
    expect(newer).toContain('source = "content.fr"\ntarget = "content"\nsites = { matrix = { languages = ["fr"] } }\n');
    expect(newer).not.toMatch(/^lang =/m);
    expect(initSite(dir, { languageStyle: 'sites.matrix' }).changed).toBe(false);
    // And back, for a site pinned to an older Hugo.
    expect(initSite(dir, { languageStyle: 'lang' }).changed).toBe(true);
    expect(readFileSync(path.join(dir, 'hugo.toml'), 'utf8')).toBe(text);
  });
  it('YAML and JSON: the same mounts, with sites.matrix as nested maps', () => {
    const yamlDir = site({ 'hugo.yaml': 'languages:\n  en:\n    contentDir: content.en\n  fr:\n    contentDir: content.fr\n' });
    const jsonDir = site({ 'hugo.json': JSON.stringify({ languages: { en: { contentDir: 'content.en' }, fr: { contentDir: 'content.fr' } } }, null, 2) });
    for (const dir of [yamlDir, jsonDir]) {
      expect(initSite(dir, { languageStyle: 'sites.matrix' }).changed).toBe(true);
      expect(contentMounts(dir)).toEqual(MATRIX_MOUNTS);
      expect(initSite(dir, { languageStyle: 'sites.matrix' }).changed).toBe(false);
      expect(initSite(dir, { languageStyle: 'lang' }).changed).toBe(true);
      expect(contentMounts(dir).slice(3)).toEqual(['content.en -> content [lang en]', 'content.fr -> content [lang fr]']);
      expect(readFileSync(path.join(dir, dir === yamlDir ? 'hugo.yaml' : 'hugo.json'), 'utf8')).not.toContain('matrix');
    }
  });
  it('keeps the rest of a user language mount when respelling it (YAML comments, other keys)', () => {
    const dir = site({
      'hugo.yaml': 'module:\n  mounts:\n    # French notes\n    - source: notes.fr\n      target: content/notes\n      lang: fr\n      excludeFiles: ["*.draft.md"]\n',
    });
    expect(initSite(dir, { languageStyle: 'sites.matrix' }).changed).toBe(true);
    const after = readFileSync(path.join(dir, 'hugo.yaml'), 'utf8');
    expect(after).toContain('# French notes');
    const notes = moduleMounts(readSiteConfig(dir).data).find((m) => m.source === 'notes.fr')!;
    expect(notes).toEqual({ source: 'notes.fr', target: 'content/notes', excludeFiles: ['*.draft.md'], sites: { matrix: { languages: ['fr'] } } });
    expect(contentMounts(dir)).toEqual(['.prerender/content -> content', '.prerender/content.fr -> content [sites.matrix fr]']);
  });
});

describe('shadow trees in .prerender', () => {
  it('keep a manifest per tree, keep a failed page per tree, and remove a tree whose language is gone', () => {
    const dir = site({ 'hugo.toml': '' });
    const b1 = new PrerenderOutput(dir);
    b1.writeShadow('posts/a.md', 'EN', { source: 'content.en/posts/a.md', partials: [] }, 'content.en');
    b1.writeShadow('posts/a.md', 'FR', { source: 'content.fr/posts/a.md', partials: [] }, 'content.fr');
    b1.writeShadow('posts/a.md', 'DE', { source: 'content.de/posts/a.md', partials: [] }, 'content.de');
    expect(Object.keys(b1.finish().manifest.trees ?? {})).toEqual(['content.de', 'content.en', 'content.fr']);
    // Next build: German is gone from the config, the French page failed (kept).
    const b2 = new PrerenderOutput(dir);
    b2.writeShadow('posts/a.md', 'EN', { source: 'content.en/posts/a.md', partials: [] }, 'content.en');
    b2.keep('posts/a.md', 'content.fr');
    const r = b2.finish();
    expect(r.removed).toEqual(['content.de/posts/a.md']);
    expect(existsSync(path.join(dir, '.prerender/content.de/posts'))).toBe(false);
    expect(r.manifest.trees?.['content.fr']).toEqual({ 'posts/a.md': { source: 'content.fr/posts/a.md', partials: [] } });
    expect(readFileSync(path.join(dir, '.prerender/content.fr/posts/a.md'), 'utf8')).toBe('FR');
  });
  it('refuses a tree that is not content or content.<lang>', () => {
    const out = new PrerenderOutput(site({ 'hugo.toml': '' }));
    for (const bad of ['layouts', 'content/fr', 'content.', '../content.fr', 'content.FR']) {
      expect(() => out.writeShadow('a.md', 'x', { source: 'a.md', partials: [] }, bad)).toThrow(OutputPathError);
    }
  });
});
