/**
 * `watch` converges: whatever a writer does to a site while watch runs (saves in quick succession,
 * deletes, renames, a folder of pages made and removed, the config changing a macro, an image a figure
 * shows appearing and going, a plot's data file, the site's own figure template, a page bundle's
 * image, a second language switched on and off, its page, the config or content/ renamed away and
 * back), once the edits stop and watch has built what it saw, a full `hugo-prerender build` of the
 * site changes nothing in `.prerender/`, and it is what one build of the site as it now is writes from
 * nothing: the same shadows, the same layouts and static files, the same manifest (but for a page with
 * an error, which keeps the last good shadow an earlier build wrote). A change watch missed, or built
 * from a stale read, leaves a difference here.
 *
 * Each sequence has the config in hugo.toml or in config/_default/ (Hugo's config directory: hugo.toml,
 * and the macro in a params.toml made and removed).
 * WATCH_FUZZ_RUNS sets the number of edit sequences (10 in `npm test`); FUZZ_SEED replays a run;
 * WATCH_FUZZ_STEPS='[true,[[{"kind":"save",…},20],…]]' (a counterexample as printed) runs that one sequence and
 * prints each build (what changed, the formulas, whether the KaTeX files are there, the diagnostics) and
 * the shadows watch left.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { watchSite, type WatchHandle } from '../../src/watch.js';

const RUNS = Math.min(Number(process.env.WATCH_FUZZ_RUNS ?? 10), 500);
const SEED = process.env.FUZZ_SEED === undefined ? 20261206 : Number(process.env.FUZZ_SEED);
const REPLAY = process.env.WATCH_FUZZ_STEPS;

/** Page bodies a writer might save: math, a heading with math, a macro the config defines, a broken formula, figures. */
const BODIES = [
  'Plain text, no math.\n',
  'Inline $a_{1} + b^{2}$ and display:\n\n$$\n\\sum_{t=1}^{T} h_t\n$$\n',
  '## Step $t$\n\nThe state $h_t = \\tanh(W h_{t-1})$.\n',
  'A macro of the config: $\\R^n$.\n',
  'A broken formula $\\frac{1}{$ and a good one $x^2$.\n',
  '{{< figure src="/pic.svg" caption="The cell $c_t$." >}}\n',
  '{{< figure src="/gone.svg" alt="missing" >}}\n\nText $y$.\n',
  '{{< plot file="loss.csv" x="epoch" y="loss" caption="The loss $L$." >}}\n',
];
const TITLES = ['A page', 'About $\\alpha$', 'Notes'];
const MACROS = ['\\\\mathbb{R}', '\\\\mathcal{R}', ''];
const SVG = (w: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20"><rect width="${w}" height="20"/></svg>\n`;

type Op =
  | { kind: 'save'; page: number; body: number; title: number; nested: boolean }
  | { kind: 'delete'; page: number; nested: boolean }
  | { kind: 'rename'; from: number; to: number }
  | { kind: 'drop-folder' }
  | { kind: 'config'; macro: number }
  /** The second language (content.fr/) switched on or off in the config. */
  | { kind: 'french'; on: boolean }
  /** A page of content.fr/ saved (whether or not the config has that language). */
  | { kind: 'fr-save'; body: number }
  /** hugo.toml or content/ renamed away (to h.toml, moved/) or back: both are back once the edits end. */
  | { kind: 'away'; what: 'config' | 'content'; back: boolean }
  | { kind: 'image'; width: number }
  /** static/loss.csv, which the plot body reads: 0 rows removes it. */
  | { kind: 'data'; rows: number }
  /** The site's own figure template (it then renders figures, with our images): made or removed. */
  | { kind: 'own-figure'; on: boolean }
  /** A page bundle whose figure shows its own pic.svg: the page saved, the image made or removed. */
  | { kind: 'bundle'; image: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('save' as const), page: fc.nat(3), body: fc.nat(BODIES.length - 1), title: fc.nat(TITLES.length - 1), nested: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), page: fc.nat(3), nested: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: fc.nat(3), to: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-folder' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), macro: fc.nat(MACROS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('image' as const), width: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('data' as const), rows: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('french' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('away' as const), what: fc.constantFrom('config' as const, 'content' as const), back: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fr-save' as const), body: fc.nat(BODIES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('own-figure' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bundle' as const), image: fc.boolean() }) },
);
/** An edit and the pause after it (ms): 0 for a burst, up to beyond the debounce. */
const step = fc.tuple(op, fc.constantFrom(0, 0, 5, 20, 60, 150, 400));

/** WATCH_FUZZ_STEPS: a counterexample as fast-check prints it, `[dir, [[op, pause], …]]`, or its steps alone (hugo.toml). */
function replayed(json: string): [boolean, [Op, number][]] {
  const v = JSON.parse(json) as [boolean, [Op, number][]] | [Op, number][];
  return typeof v[0] === 'boolean' ? (v as [boolean, [Op, number][]]) : [false, v as [Op, number][]];
}

/** The site config: a macro of the config (or none), and a second language with its own content/; where it is. */
interface SiteConfig {
  macro: number;
  french: boolean;
  /** In config/_default/hugo.toml (Hugo's config directory, the macro in its params.toml) instead of hugo.toml. */
  dir: boolean;
}
const configFile = (c: SiteConfig) => (c.dir ? 'config/_default/hugo.toml' : 'hugo.toml');

const config = (c: SiteConfig) =>
  `baseURL = "https://example.org/"\ntitle = "Watched"\n` +
  (MACROS[c.macro] && !c.dir ? `[params.prerender.katex.macros]\n"\\\\R" = "${MACROS[c.macro]}"\n` : '') +
  (c.french ? `[languages.en]\nweight = 1\ncontentDir = "content"\n[languages.fr]\nweight = 2\ncontentDir = "content.fr"\n` : '');

/** The config as the writer means it: in config/_default/, the macro goes to a params.toml of its own, made and removed. */
function writeConfig(site: string, c: SiteConfig): void {
  writeFileSync(path.join(site, configFile(c)), config(c));
  if (!c.dir) return;
  const params = path.join(site, 'config/_default/params.toml');
  if (MACROS[c.macro]) writeFileSync(params, `[prerender.katex.macros]\n"\\\\R" = "${MACROS[c.macro]}"\n`);
  else rmSync(params, { force: true });
}

const pagePath = (site: string, page: number, nested: boolean) => path.join(site, 'content/posts', nested ? 'sub' : '', `p${page}.md`);

function apply(site: string, o: Op, cfg: SiteConfig): void {
  switch (o.kind) {
    case 'save': {
      const file = pagePath(site, o.page, o.nested);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `---\ntitle: "${TITLES[o.title]!.replace(/\\/g, '\\\\')}"\n---\n${BODIES[o.body]}`);
      return;
    }
    case 'delete':
      rmSync(pagePath(site, o.page, o.nested), { force: true });
      return;
    case 'rename': {
      const from = pagePath(site, o.from, false);
      if (existsSync(from)) renameSync(from, pagePath(site, o.to, false));
      return;
    }
    case 'drop-folder':
      rmSync(path.join(site, 'content/posts/sub'), { recursive: true, force: true });
      return;
    case 'config':
    case 'french':
      if (o.kind === 'config') cfg.macro = o.macro;
      else cfg.french = o.on;
      writeConfig(site, cfg);
      return;
    case 'away': {
      const [here, there] = o.what === 'config' ? [configFile(cfg), 'h.toml'] : ['content', 'moved'];
      const [from, to] = o.back ? [there, here] : [here, there];
      if (existsSync(path.join(site, from)) && !existsSync(path.join(site, to))) renameSync(path.join(site, from), path.join(site, to));
      return;
    }
    case 'fr-save': {
      const file = path.join(site, 'content.fr/posts/p0.md');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `---\ntitle: "Français"\n---\n${BODIES[o.body]}`);
      return;
    }
    case 'image': {
      const file = path.join(site, 'static/pic.svg');
      if (o.width === 0) rmSync(file, { force: true });
      else writeFileSync(file, SVG(o.width * 40));
      return;
    }
    case 'data': {
      const file = path.join(site, 'static/loss.csv');
      if (o.rows === 0) rmSync(file, { force: true });
      else writeFileSync(file, 'epoch,loss\n' + Array.from({ length: o.rows + 1 }, (_, i) => `${i},${(1 / (i + o.rows)).toFixed(3)}`).join('\n') + '\n');
      return;
    }
    case 'own-figure': {
      const file = path.join(site, 'layouts/shortcodes/figure.html');
      if (!o.on) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, '<figure class="own">{{ partial "prerender/picture.html" (dict "page" .Page "src" (.Get "src")) }}<figcaption>{{ .Get "caption" }}</figcaption></figure>\n');
      }
      return;
    }
    case 'bundle': {
      const dir = path.join(site, 'content/posts/bundle');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Bundle\n---\n{{< figure src="pic.svg" caption="Its own $z$." >}}\n');
      if (o.image) writeFileSync(path.join(dir, 'pic.svg'), SVG(60));
      else rmSync(path.join(dir, 'pic.svg'), { force: true });
    }
  }
}

/** Every file under `dir` (relative, sorted) with its bytes, but for the build cache. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (r === 'cache' || name.endsWith('.lock') || name.startsWith('.')) continue;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r), 'latin1'));
    }
  };
  walk('');
  return out;
}

let handle: WatchHandle | undefined;
let tmp: string | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

it(`after ${REPLAY ? 1 : RUNS} random edit sequences, .prerender/ is what a build writes`, { timeout: 60_000 + RUNS * 25_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(REPLAY ? fc.constant(replayed(REPLAY)) : fc.tuple(fc.boolean(), fc.array(step, { minLength: 3, maxLength: 14 })), async ([dir, steps]) => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'hp-watch-conv-'));
      const site = path.join(tmp, 'site');
      mkdirSync(path.join(site, 'content/posts'), { recursive: true });
      mkdirSync(path.join(site, 'static'));
      const cfg: SiteConfig = { macro: 0, french: false, dir };
      mkdirSync(path.dirname(path.join(site, configFile(cfg))), { recursive: true });
      writeConfig(site, cfg);
      apply(site, { kind: 'save', page: 0, body: 1, title: 0, nested: false }, cfg);
      apply(site, { kind: 'save', page: 1, body: 5, title: 1, nested: true }, cfg);
      apply(site, { kind: 'image', width: 1 }, cfg);
      let lastBuild = 0;
      let builds = 0;
      handle = watchSite({
        source: site,
        debounceMs: 60,
        onBuild: (r, changed) => {
          lastBuild = Date.now();
          builds++;
          if (REPLAY) console.log('build', JSON.stringify(changed), r.formulas, existsSync(path.join(site, '.prerender/static/prerender/katex')), JSON.stringify(r.diagnostics.map((d) => d.code)));
        },
      });
      await handle.ready;
      for (const [o, pause] of steps) {
        apply(site, o, cfg);
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
      // The config and content/ back where they belong (what a writer ends with), at once.
      apply(site, { kind: 'away', what: 'config', back: true }, cfg);
      apply(site, { kind: 'away', what: 'content', back: true }, cfg);
      const edited = Date.now();
      // Done when nothing was built for 2.5 s since the last edit (a build for it, its settling rewrite
      // of the shadows after 650 ms, and chokidar's held-back events have all had their time).
      const deadline = edited + 45_000;
      while (Date.now() - Math.max(lastBuild, edited) < 2_500) {
        if (Date.now() > deadline) throw new Error(`watch still building 45 s after the last edit (${builds} builds)`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await handle.close();
      handle = undefined;

      const after = `after ${JSON.stringify(steps)}${dir ? ' (config in config/_default/)' : ''}`;
      const watched = tree(path.join(site, '.prerender'));
      if (REPLAY) console.log('shadows', JSON.stringify([...watched.keys()].filter((f) => f.startsWith('content'))));
      // Nothing left for a full build of the watched site to do.
      await buildSite({ source: site });
      expect(tree(path.join(site, '.prerender')), `a full build after watch changed .prerender/ ${after}`).toEqual(watched);
      // And it is what a build from nothing writes, but where a page failed: a page with an error keeps
      // what an earlier build wrote for it (the last good shadow, which Hugo's staleness check reports),
      // and a build from nothing had none; the manifest lists it, titles.html holds its title, and the
      // static files its math needs (KaTeX's) stay.
      const fresh = path.join(tmp, 'fresh');
      cpSync(site, fresh, { recursive: true, filter: (p) => !/[\\/]\.prerender([\\/]|$)/.test(p) });
      const result = await buildSite({ source: fresh });
      const built = tree(path.join(fresh, '.prerender'));
      const failed = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      const mayDiffer = (f: string) =>
        failed.size > 0 && (failed.has(f) || f === 'manifest.json' || f === 'layouts/partials/prerender/titles.html' || (f.startsWith('static/prerender/katex/') && !built.has(f)));
      const names = (t: Map<string, string>) => [...t.keys()].filter((f) => !mayDiffer(f));
      expect(names(watched), `files of .prerender/ ${after}`).toEqual(names(built));
      for (const [f, bytes] of built) if (!mayDiffer(f)) expect(watched.get(f), `${f} ${after}`).toBe(bytes);
      rmSync(tmp, { recursive: true, force: true });
      tmp = undefined;
    }),
    { numRuns: REPLAY ? 1 : RUNS, seed: SEED, endOnFailure: true },
  );
});
