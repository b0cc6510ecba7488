/**
 * `hugo-prerender hugo [hugo arguments]` (issue 10): build, then real Hugo with those arguments, whose
 * messages about a prerendered page name the original file and its line, as a user sees them in a plain
 * `hugo` run and in CI. Hugo's exit status is the command's, signals reach Hugo, and a failed build
 * stops before Hugo with status 1. Each Hugo version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachHugo, type HugoBinary } from '../helpers/hugo.js';
import { CLI, ensureBundle, runCli, type CliRun } from '../helpers/prerender.js';
import { alive, descendantsOf, start, type Proc } from '../helpers/proc.js';
import sharp from 'sharp';
import { HEAD_LAYOUT, tempSites, write } from '../helpers/temp-site.js';
import { versionBefore } from '../../src/site/hugo-version.js';

const site = tempSites('hp-hugocmd-', { nested: true });

/** A page whose line 12 is `last`, after a display formula over four lines (7 to 10). */
const PAGE = (last: string) => `---\ntitle: Command\n---\n\nA display formula over four lines:\n\n$$\nh_t = W x_t\n  + b\n$$\n\n${last}\n`;

/** The site (in `<root>/site`), after `init`. `config`: more lines at the top of hugo.toml. */
function makeSite(last: string, config = ''): string {
  const dir = site({
    'hugo.toml': `${config}baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n`,
    ...HEAD_LAYOUT,
    'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
    'layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
    // A theme's shortcode that reports a problem where it is used.
    'layouts/shortcodes/needs-alt.html': '{{ if not (.Get "alt") }}{{ errorf "needs-alt: no alt text at %s" .Position }}{{ end }}\n',
    'content/posts/p.md': PAGE(last),
  });
  expect(runCli(['init', '-s', dir]).code).toBe(0);
  return dir;
}

/** `hugo-prerender --hugo BIN hugo -s site -d public …` run from the site's parent directory. */
function runHugoCommand(hugo: HugoBinary, dir: string, more: string[] = []): CliRun {
  return runCli(['--hugo', hugo.bin, 'hugo', '-s', 'site', '-d', 'public', '--noBuildLock', ...more], { cwd: path.dirname(dir) });
}

const procs: Proc[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) {
    for (const pid of descendantsOf(p.child.pid ?? 0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await p.stop();
  }
});

describeEachHugo('hugo-prerender hugo', (hugo) => {
  describe("Hugo's messages name the original file and its line", () => {
    it('a warning (a missing ref with refLinksErrorLevel = "WARNING"): exit status 0, the page is built and typeset', () => {
      const dir = makeSite('See {{< ref "missing" >}} here.', 'refLinksErrorLevel = "WARNING"\n');
      const r = runHugoCommand(hugo, dir);
      const output = r.stdout + r.stderr;
      expect(r.code, output).toBe(0);
      expect(output).toMatch(/hugo-prerender: 1 page \(1 prerendered\)/);
      const m = /REF_NOT_FOUND: Ref "missing": "([^"]+):(\d+):\d+": page not found/.exec(output);
      expect(m, output).not.toBeNull();
      expect(m![1]).toBe(path.join(dir, 'content/posts/p.md'));
      expect(Number(m![2])).toBe(12);
      expect(output).not.toContain('.prerender/content');
      // Plain hugo on the same prerendered site names the copy: what the command rewrote.
      const plain = spawnSync(hugo.bin, ['-s', dir, '-d', path.join(path.dirname(dir), 'public-plain'), '--noBuildLock'], { encoding: 'utf8' });
      expect(plain.stdout + plain.stderr).toContain(`"${path.join(dir, '.prerender/content/posts/p.md')}:12:`);
      // Hugo's own arguments are read as hugo reads them: -s relative to where the command runs, -d to the site.
      const html = readFileSync(path.join(dir, 'public/posts/p/index.html'), 'utf8');
      expect(html).toContain('class="katex-display"');
      expect(html).not.toContain('$$');
    });

    it("an error (a theme shortcode's errorf): Hugo's exit status, the original's path and line", () => {
      const dir = makeSite('A figure: {{< needs-alt >}}');
      const r = runHugoCommand(hugo, dir);
      const output = r.stdout + r.stderr;
      const m = /needs-alt: no alt text at "([^"]+):(\d+):\d+"/.exec(output);
      expect(m, output).not.toBeNull();
      expect(m![1]).toBe(path.join(dir, 'content/posts/p.md'));
      expect(Number(m![2])).toBe(12);
      expect(output).not.toContain('.prerender/content');
      // The status is Hugo's own: what hugo exits with on this prerendered site.
      const plain = spawnSync(hugo.bin, ['-s', dir, '-d', path.join(path.dirname(dir), 'public-plain'), '--noBuildLock'], { encoding: 'utf8' });
      expect(plain.status).not.toBe(0);
      expect(r.code, output).toBe(plain.status);
    });
  });

  it('a failed build stops before Hugo, with status 1 and the located error', () => {
    const dir = makeSite('A broken formula: $\\frac{a$ here.');
    const r = runHugoCommand(hugo, dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/p\.md:12:\d+: error: /m);
    expect(r.stderr).toContain('the prerender build failed (see above), so Hugo was not run');
    expect(r.stdout + r.stderr).not.toMatch(/hugo v0\.|Total in|Built in/);
    expect(existsSync(path.join(dir, 'public'))).toBe(false);
  });

  it("Hugo's --baseURL, -b and HUGO_BASEURL reach the build: figure images are under that path, as with it in the config", async () => {
    // GitHub Pages' and Netlify's Hugo workflows pass the site's address on the command line
    // (`hugo --baseURL "$base_url/"`); a project site lives below a path. The build read the config
    // file's baseURL alone, so every figure image pointed at /prerender/img/…: a 404 there.
    const dir = makeSite('Fine.');
    write(dir, 'content/posts/p.md', '---\ntitle: p\n---\nThe state $h_t$.\n\n{{< figure src="/photo.png" alt="A photo" >}}\n');
    write(dir, 'static/photo.png', await sharp({ create: { width: 900, height: 500, channels: 3, background: '#48c' } }).png().toBuffer());
    const env = { ...process.env };
    delete env.HUGO_BASEURL;
    const page = () => readFileSync(path.join(dir, 'public/posts/p/index.html'), 'utf8');
    const urls = () => [...page().matchAll(/[^\s"',]*prerender\/img\/[^\s"',]+/g)].map((m) => m[0]);
    const runs: [string, string[], NodeJS.ProcessEnv][] = [
      ['--baseURL', ['--baseURL', 'https://example.org/blog/'], env],
      ['-b', ['-b', 'https://example.org/blog/'], env],
      ['--baseURL=', ['--baseURL=https://example.org/blog/'], env],
      ['HUGO_BASEURL', [], { ...env, HUGO_BASEURL: 'https://example.org/blog/' }],
    ];
    for (const [how, more, runEnv] of runs) {
      const r = runCli(['--hugo', hugo.bin, 'hugo', '-s', 'site', '-d', 'public', '--noBuildLock', ...more], { cwd: path.dirname(dir), env: runEnv });
      expect(r.code, how + r.stdout + r.stderr).toBe(0);
      expect(urls().length, how).toBeGreaterThan(2);
      for (const url of urls()) {
        expect(url, how).toMatch(/^\/blog\/prerender\/img\//);
        expect(existsSync(path.join(dir, 'public', url.replace(/^\/blog\//, ''))), url).toBe(true);
      }
      // Hugo itself put the stylesheet there too: the same base for both.
      expect(page(), how).toContain('/blog/prerender/prerender.css');
    }
    // Without it, the config's baseURL again (the pages are built again, not taken from the cache).
    const r = runCli(['--hugo', hugo.bin, 'hugo', '-s', 'site', '-d', 'public', '--noBuildLock'], { cwd: path.dirname(dir), env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const url of urls()) expect(url).toMatch(/^\/prerender\/img\//);
  });

  it("a theme given by Hugo's -t/--theme or HUGO_THEME is the site's theme to the build too: its own figure, as with theme in the config", () => {
    // `hugo -t mytheme` (older guides, CI scripts): the build read the config alone, so it rendered the
    // page's figure itself (with a warning at every parameter our figure lacks) where the theme's own
    // figure template should have run: the published page differed from the theme-in-config one.
    const files = {
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
      'themes/mytheme/layouts/_default/baseof.html': '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
      'themes/mytheme/layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'themes/mytheme/layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
      'themes/mytheme/layouts/shortcodes/figure.html': '<figure class="theme-figure" data-align="{{ .Get "align" }}">{{ .Get "caption" }}</figure>\n',
      'content/posts/p.md': '---\ntitle: p\n---\nThe state $h_t$.\n\n{{< figure src="/x.png" align="center" caption="Its caption" >}}\n',
    };
    const env = { ...process.env };
    delete env.HUGO_THEME;
    delete env.HUGO_THEMESDIR;
    const published = (config: string, more: string[], runEnv: NodeJS.ProcessEnv) => {
      const dir = site({ ...files, 'hugo.toml': config + files['hugo.toml'] });
      expect(runCli(['init', '-s', dir]).code).toBe(0);
      const r = runCli(['--hugo', hugo.bin, 'hugo', '-s', 'site', '-d', 'public', '--noBuildLock', ...more], { cwd: path.dirname(dir), env: runEnv });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/warning/);
      return readFileSync(path.join(dir, 'public/posts/p/index.html'), 'utf8');
    };
    const inConfig = published('theme = "mytheme"\n', [], env);
    expect(inConfig).toContain('<figure class="theme-figure" data-align="center">Its caption</figure>');
    expect(inConfig).toContain('class="katex"');
    expect(published('', ['-t', 'mytheme'], env)).toBe(inConfig);
    expect(published('', ['--theme=mytheme'], env)).toBe(inConfig);
    expect(published('', [], { ...env, HUGO_THEME: 'mytheme' })).toBe(inConfig);
  });

  it("Hugo's version and help need no site and no build", () => {
    const r = runCli(['--hugo', hugo.bin, 'hugo', 'version'], { cwd: path.dirname(site({})) });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`hugo v${hugo.version}`);
    expect(r.stdout + r.stderr).not.toMatch(/hugo-prerender: \d+ page/);
  });

  describe('hugo new', () => {
    const ARCHETYPE = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndraft: true\n---\nThe state $h_t$.\n';
    const shadow = (dir: string, rel: string) => path.join(dir, '.prerender/content', rel);

    it('creates the page in content/, where plain `hugo new` on an init-ed site puts it in .prerender/content', () => {
      const dir = makeSite('Fine.');
      write(dir, 'archetypes/default.md', ARCHETYPE);
      expect(runCli(['build', '-s', dir]).code).toBe(0);
      // Why: Hugo creates a page in its first content mount, which init made .prerender/content, a folder
      // the README has users leave out of git. (And Hugo 0.111.3 panics on `hugo new content/posts/x.md`
      // there, as the first mount has a posts/ folder too.)
      const plain = spawnSync(hugo.bin, ['new', 'posts/plain-new.md', '-s', dir], { encoding: 'utf8' });
      expect(plain.status, plain.stdout + plain.stderr).toBe(0);
      expect(existsSync(shadow(dir, 'posts/plain-new.md'))).toBe(true);
      const forms: [string[], string][] = [
        [['new', 'posts/first-post.md'], 'first-post'],
        [['new', 'content/posts/second-post.md'], 'second-post'],
        [['new', '--kind', 'default', 'posts/third-post.md'], 'third-post'],
      ];
      // `hugo new content PATH`, the form of Hugo's quick start since 0.120.
      if (!versionBefore(hugo.version, '0.120.0')) forms.push([['new', 'content', 'content/posts/fourth-post.md'], 'fourth-post']);
      for (const [args, name] of forms) {
        const r = runCli(['--hugo', hugo.bin, 'hugo', ...args, '-s', 'site'], { cwd: path.dirname(dir) });
        const output = r.stdout + r.stderr;
        expect(r.code, args.join(' ') + output).toBe(0);
        expect(output).toContain(`Content "${path.join(dir, 'content/posts', `${name}.md`)}" created`);
        expect(output, 'no build before it').not.toMatch(/hugo-prerender: \d+ page/);
        const made = readFileSync(path.join(dir, 'content/posts', `${name}.md`), 'utf8');
        expect(made).toContain(`title: "${name.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())}"`);
        expect(made).toContain('The state $h_t$.');
        expect(existsSync(shadow(dir, `posts/${name}.md`))).toBe(false);
        expect(existsSync(path.join(dir, '.prerender/hugo-new'))).toBe(false);
      }
      // The next build prerenders the new pages; the one plain Hugo put among the copies is named.
      const b = runCli(['build', '-s', dir]);
      expect(b.code, b.stdout + b.stderr).toBe(0);
      for (const [, name] of forms) expect(readFileSync(shadow(dir, `posts/${name}.md`), 'utf8')).toContain('class="katex"');
      const foreign = (b.stdout + b.stderr).split('\n').filter((l) => l.includes('not one hugo-prerender wrote'));
      expect(foreign).toHaveLength(1);
      expect(foreign[0]).toMatch(/^\.prerender\/content\/posts\/plain-new\.md:1:1: warning: /);
      expect(foreign[0]).toContain('move it to content/posts/plain-new.md, where your pages are (`hugo-prerender hugo new content/posts/plain-new.md` creates a page there)');
    });

    for (const [file, text] of [
      ['config/_default/module.toml', '[[mounts]]\nsource = "content"\ntarget = "content"\n'],
      ['config/_default/module.yaml', 'mounts:\n  - source: content\n    target: content\n'],
    ]) {
      it(`a site whose mounts are in its config directory (${file}): the page in content/, the config directory as it was`, () => {
        const dir = site({
          'config/_default/hugo.toml': 'baseURL = "https://example.org/"\ntitle = "t"\n',
          [file!]: text!,
          'config/_default/params.toml': 'color = "red"\n',
          'archetypes/default.md': ARCHETYPE,
          'content/posts/p.md': PAGE('Fine.'),
        });
        expect(runCli(['init', '-s', dir]).code).toBe(0);
        const mounts = readFileSync(path.join(dir, file!), 'utf8');
        expect(mounts).toContain('.prerender/content');
        expect(runCli(['build', '-s', dir]).code).toBe(0);
        // Plain hugo new: among the copies, as with the mounts in hugo.toml.
        const plain = spawnSync(hugo.bin, ['new', 'posts/plain-new.md', '-s', dir], { encoding: 'utf8' });
        expect(plain.status, plain.stdout + plain.stderr).toBe(0);
        expect(existsSync(shadow(dir, 'posts/plain-new.md'))).toBe(true);
        const r = runCli(['--hugo', hugo.bin, 'hugo', 'new', 'posts/from-config-dir.md', '-s', 'site'], { cwd: path.dirname(dir) });
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(readFileSync(path.join(dir, 'content/posts/from-config-dir.md'), 'utf8')).toContain('title: "From Config Dir"');
        expect(existsSync(shadow(dir, 'posts/from-config-dir.md'))).toBe(false);
        expect(existsSync(path.join(dir, '.prerender/hugo-new'))).toBe(false);
        expect(readFileSync(path.join(dir, file!), 'utf8')).toBe(mounts);
      });
    }

    it('`hugo new site DIR` makes a new site without a build', () => {
      const root = path.dirname(site({}));
      const r = runCli(['--hugo', hugo.bin, 'hugo', 'new', 'site', 'fresh'], { cwd: root });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/hugo-prerender: \d+ page/);
      expect(existsSync(path.join(root, 'fresh/archetypes'))).toBe(true);
    });
  });

  describe('signals', () => {
    const watching = async (dir: string): Promise<{ proc: Proc; hugoPid: number }> => {
      ensureBundle();
      const proc = start(process.execPath, [CLI, '--hugo', hugo.bin, 'hugo', '-s', dir, '-d', path.join(path.dirname(dir), 'public'), '--noBuildLock', '--watch'], path.dirname(dir));
      procs.push(proc);
      await proc.waitFor(/Press Ctrl\+C to stop/, 60_000);
      const [hugoPid] = descendantsOf(proc.child.pid!);
      expect(hugoPid, proc.output()).toBeDefined();
      return { proc, hugoPid: hugoPid! };
    };
    const exited = (proc: Proc) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) resolve({ code: proc.child.exitCode, signal: proc.child.signalCode });
        else proc.child.once('exit', (code, signal) => resolve({ code, signal }));
      });

    it('SIGTERM to hugo-prerender reaches Hugo, whose exit status is the command\'s; no Hugo is left', async () => {
      const { proc, hugoPid } = await watching(makeSite('Fine.'));
      const gone = exited(proc);
      proc.child.kill('SIGTERM');
      // hugo --watch stops cleanly on SIGTERM (0), or dies of it (128 + 15) when it comes before Hugo
      // listens for it (seen with 0.111.3 right after "Press Ctrl+C to stop"). Not passed on, the signal
      // would end hugo-prerender itself (signal SIGTERM) and leave Hugo running.
      const status = await gone;
      expect([{ code: 0, signal: null }, { code: 128 + 15, signal: null }], proc.output()).toContainEqual(status);
      expect(alive(hugoPid)).toBe(false);
    });

    it('Hugo ended by a signal: exit status 128 + its number', async () => {
      const { proc, hugoPid } = await watching(makeSite('Fine.'));
      const gone = exited(proc);
      process.kill(hugoPid, 'SIGKILL');
      expect(await gone, proc.output()).toEqual({ code: 128 + 9, signal: null });
    });
  });
});
