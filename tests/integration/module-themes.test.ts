/**
 * Themes and modules that are not in `themes/` or `_vendor/`: a theme installed as a Hugo Module (in Hugo's
 * module cache; here a `module.replacements` folder, which Hugo resolves the same way without Go), and a
 * theme that imports a module of its own. hugo-prerender used to look for their templates in `themes/` and
 * `_vendor/` only, so it did not see the theme's own `figure` and replaced it with its own (PaperMod's
 * `align="center"` figure became ours, with a warning at `align`). It now asks Hugo (`hugo config mounts`)
 * and gets the same pages as with the theme in `themes/`. Each Hugo version.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, describeEachHugo } from '../helpers/hugo.js';
import { parseDiagnostics, runCli } from '../helpers/prerender.js';
import { prepareThemeSite, POST, type ThemeSite } from '../helpers/themes.js';
import { tempSites, write, HEAD_LAYOUT } from '../helpers/temp-site.js';
import { buildSite as prerender } from '../../src/build.js';

/** The theme of fixtures/themes/NAME as a Hugo Module: imported by path, its folder given by module.replacements (outside themes/). */
function asModule(name: string, model: string, modulePath: string, hugoBin: string): ThemeSite {
  return prepareThemeSite(name, {
    cliOptions: ['--hugo', hugoBin],
    before: (site) => {
      const modules = path.join(path.dirname(site), 'modules');
      mkdirSync(modules);
      renameSync(path.join(site, 'themes', model), path.join(modules, model));
      rmSync(path.join(site, 'themes'), { recursive: true });
      const config = path.join(site, 'hugo.toml');
      const text = readFileSync(config, 'utf8');
      expect(text).toContain(`theme = "${model}"\n`);
      writeFileSync(
        config,
        text.replace(`theme = "${model}"\n`, '') +
          // Relative to themesDir (site/themes), as Hugo reads a replacement.
          `\n[module]\nreplacements = "${modulePath} -> ../../modules/${model}"\n[[module.imports]]\npath = "${modulePath}"\n`,
      );
    },
  });
}

const THEMES: [name: string, model: string, modulePath: string, figure: RegExp][] = [
  ['papermod', 'PaperMod-model', 'github.com/adityatelange/hugo-PaperMod', /<figure class="align-center ?"/],
  ['congo', 'congo-model', 'github.com/jpanther/congo/v2', /<figure[^>]*>/],
];

describeEachHugo('a theme installed as a Hugo module', (hugo) => {
  for (const [name, model, modulePath, figure] of THEMES) {
    it(`${name}: its own figure stays in charge, and the post is the page it is with the theme in themes/`, () => {
      const inThemes = prepareThemeSite(name, { cliOptions: ['--hugo', hugo.bin] });
      expect(inThemes.run.code, inThemes.run.stderr).toBe(0);
      const mod = asModule(name, model, modulePath, hugo.bin);
      const site = mod.dir;
      expect(mod.init.code, mod.init.stdout + mod.init.stderr).toBe(0);
      expect(mod.run.code, mod.run.stdout + mod.run.stderr).toBe(0);
      // The same warnings as in themes/ (none about the theme's figure parameters, such as align).
      const where = (out: string) => parseDiagnostics(out).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
      expect(where(mod.run.stdout + mod.run.stderr)).toEqual(where(inThemes.run.stdout + inThemes.run.stderr));
      expect(mod.run.stdout).toMatch(/, 0 figures,/);
      expect(existsSync(path.join(site, '.prerender/cache/hugo-modules.json'))).toBe(true);
      const a = buildSite(hugo.bin, inThemes.dir);
      const b = buildSite(hugo.bin, site, { copy: false });
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const page = b.read(POST);
      expect(page).toMatch(figure);
      expect(page).toBe(a.read(POST));
    });
  }
});

describeEachHugo('init on a site whose theme is a Hugo module', (hugo) => {
  for (const [name, model, modulePath, hook] of [
    ['papermod', 'PaperMod-model', 'github.com/adityatelange/hugo-PaperMod', 'layouts/partials/extend_head.html'],
    ['congo', 'congo-model', 'github.com/jpanther/congo/v2', 'layouts/partials/extend-head.html'],
  ] as const) {
    it(`${name}: names the theme's head hook, found through Hugo (the site has none yet)`, () => {
      const mod = asModule(name, model, modulePath, hugo.bin);
      rmSync(path.join(mod.dir, hook));
      const init = runCli(['init', '-s', mod.dir, '--hugo', hugo.bin]);
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toContain(`Your theme has a head hook (${name === 'papermod' ? 'PaperMod' : 'Congo or Blowfish'}): create ${hook} containing the line {{ partial "prerender/head.html" . }}`);
      // Without a Hugo to ask, the advice for any theme.
      const blind = runCli(['init', '-s', mod.dir, '--hugo', path.join(mod.dir, 'no-such-hugo'), '--hugo-version', hugo.version]);
      expect(blind.code, blind.stderr).toBe(0);
      expect(blind.stdout).toContain('In your <head> template add:');
    });
  }
});

const site = tempSites('hp-modules-', { nested: true });

describeEachHugo('modules Hugo finds and hugo-prerender asks it for', (hugo) => {
  it("a theme that imports a module of its own: that module's figure stays in charge", () => {
    const dir = site({
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\ntheme = "wrapper"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
      'themes/wrapper/hugo.toml': '[[module.imports]]\npath = "figures-lib"\n',
      'themes/wrapper/layouts/_default/baseof.html': HEAD_LAYOUT['layouts/_default/baseof.html']!,
      'themes/wrapper/layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'themes/wrapper/layouts/_default/list.html': '{{ define "main" }}{{ end }}\n',
      'themes/figures-lib/layouts/shortcodes/figure.html': '<figure class="lib-figure">{{ .Get "caption" }}</figure>\n',
      'content/posts/p.md': '---\ntitle: p\n---\nThe state $h_t$.\n\n{{< figure src="https://example.org/x.png" caption="A caption" >}}\n',
    });
    expect(runCli(['init', '-s', dir]).code).toBe(0);
    const run = runCli(['--hugo', hugo.bin, 'hugo', '-s', dir, '-d', path.join(path.dirname(dir), 'public'), '--noBuildLock']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/, 0 figures,/);
    const html = readFileSync(path.join(path.dirname(dir), 'public/posts/p/index.html'), 'utf8');
    expect(html).toContain('<figure class="lib-figure">A caption</figure>');
    expect(html).toContain('class="katex"');
  });

  it('Hugo is asked once: the answer is kept until the config changes; a module Hugo cannot find is a warning at module.imports', async () => {
    const dir = site({
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\n[module]\nreplacements = "example.org/lib -> ../../lib"\n[[module.imports]]\npath = "example.org/lib"\n',
      ...HEAD_LAYOUT,
      'content/p.md': '---\ntitle: p\n---\n$x$\n',
    });
    write(path.dirname(dir), 'lib/layouts/shortcodes/figure.html', '<figure class="lib"></figure>\n');
    // A hugo that logs each call and runs the real one.
    const log = path.join(path.dirname(dir), 'calls.log');
    const bin = path.join(path.dirname(dir), 'logging-hugo');
    writeFileSync(bin, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${hugo.bin}' "$@"\n`, { mode: 0o755 });
    const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('config mounts')).length : 0);
    const first = await prerender({ source: dir, hugo: bin });
    expect(first.diagnostics).toEqual([]);
    expect(calls()).toBe(1);
    await prerender({ source: dir, hugo: bin });
    expect(calls()).toBe(1);
    // The config changes: asked again; and Hugo cannot find the module now.
    writeFileSync(path.join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "t"\n[[module.imports]]\npath = "example.org/nowhere"\n');
    const third = await prerender({ source: dir, hugo: bin });
    expect(calls()).toBe(2);
    const warning = third.diagnostics.find((d) => d.code === 'modules');
    expect(warning, JSON.stringify(third.diagnostics)).toMatchObject({ severity: 'warning', file: 'hugo.toml', line: 3 });
    expect(warning!.message).toContain('Hugo could not say where they are');
    expect(warning!.message).toContain('example.org/nowhere');
    expect(third.failed).toBe(false);
  });
});

