/**
 * The injection battery (issue 14): hostile payloads through every field of every shortcode (figure and
 * each diagram and plot), front matter (title, linkTitle, description, summary), headings (text, link
 * titles, attribute blocks) and a Markdown image's alt text and title, built twice per configuration:
 *
 * - with hugo-prerender: `init`, `hugo-prerender build`, then real Hugo, the layout printing the
 *   prerender title, toc and summary partials;
 * - with plain Hugo on the same content and settings: Hugo's own `figure`, `.Title`, `.TableOfContents`,
 *   `.Summary`, and for our diagram shortcodes stand-ins that do what Hugo does with such parameters
 *   (`markdownify` for caption-like fields, escaped text for the rest);
 *
 * for `markup.goldmark.renderer.unsafe` false and true, with every available Hugo (0.111.3, newest).
 * Every page is loaded in Chromium with a dialog listener; then a mouse event of each kind is
 * dispatched on every element (handlers that need a pointer) and every URL-bearing attribute is
 * checked for a script URL (links that would run script when clicked). Each payload instance carries
 * its own number (`alert(N)`), so what ran is known per field: nothing may run with hugo-prerender
 * that does not run with plain Hugo on the same content and settings.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo, tempDir, type HugoBinary } from '../helpers/hugo.js';
import { describeWithChromium, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { serveDir, type StaticServer } from '../helpers/serve.js';
import { runCli, runPrerender } from '../helpers/prerender.js';

/** `N` is replaced by the instance's number. */
const PAYLOADS: string[] = [
  '[x](javascript:alert(N))',
  '[x](JaVaScRiPt:alert(N))',
  '[x](&#106;avascript:alert(N))',
  '[x](&#x6A;&#x61;vascript&colon;alert(N))',
  '[x](javascript&#58;alert(N))',
  '[x](<java\tscript:alert(N)>)',
  '[x](<javascript:alert(N)>)',
  '<javascript:alert(N)>',
  '[x](vbscript:alert(N))',
  '[x](data:text/html,%3Cscript%3Ealert(N)%3C/script%3E)',
  '[x][r]\n\n[r]: javascript:alert(N)',
  '![i](javascript:alert(N))',
  '![i"onerror="alert(N)](x.png)',
  '[x](/u "a\\"><img src=x onerror=alert(N)>")',
  "[x](/u 'a\"><img src=x onerror=alert(N)>')",
  '[x](/u "a>b<img src=x onerror=alert(N)>")',
  '[a "q" <b>](/u)',
  '<img src=x onerror=alert(N)>',
  '<svg onload=alert(N)>',
  '<svg/onload=alert(N)>',
  '<script>alert(N)</script>',
  '</script><script>alert(N)</script>',
  '<a href="javascript:alert(N)">x</a>',
  '<details open ontoggle=alert(N)>x</details>',
  '<!--<img src="--><img src=x onerror=alert(N)//">',
  'a\n\n<img src=x onerror=alert(N)>\n\nb',
  '*<img src=x onerror=alert(N)>*',
  '`<img src=x onerror=alert(N)>`',
  '&lt;img src=x onerror=alert(N)&gt;',
  '"><img src=x onerror=alert(N)>',
  "'><img src=x onerror=alert(N)>",
  '" onmouseover="alert(N)" x="',
  "' onmouseover='alert(N)' x='",
  'x onmouseover=alert(N) y',
  'javascript:alert(N)',
  ' javascript:alert(N)',
  '\tjava\nscript:alert(N)',
  'JAVASCRIPT:alert(N)',
  '&#106;avascript:alert(N)',
  'data:text/html,<script>alert(N)</script>',
  'vbscript:alert(N)',
  '{{ "<img src=x onerror=alert(N)>" | safeHTML }}',
  '{{< figure src="x" caption="<img src=x onerror=alert(N)>" >}}',
  '}} {{ .Title }} {{/* */}} ` ` alert(N)',
  '[x](java\u00ADscript:alert(N)) ｊａｖａｓｃｒｉｐｔ:alert(N) \u202e<img src=x onerror=alert(N)>',
  '\u2028<img src=x onerror=alert(N)>\u2029',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(N)>',
  '$\\href{javascript:alert(N)}{x}$ $\\url{javascript:alert(N)}$',
  '$\\htmlClass{x" onmouseover="alert(N)}{y}$ $\\text{<img src=x onerror=alert(N)>}$',
  'www.example.com/"><img src=x onerror=alert(N)>',
];

/** Attribute blocks for headings (after `## H $y$ `). */
const HEADING_ATTRS: string[] = [
  '{#a"><svg/onload=alert(N)>}',
  '{.c #x"onmouseover="alert(N)"}',
  '{id="q\\"><img src=x onerror=alert(N)>"}',
  '{id="javascript:alert(N)"}',
  '{#x onmouseover="alert(N)"}',
  '{#x title="\\"><img src=x onerror=alert(N)>"}',
  "{id=\"'><img src=x onerror=alert(N)>\"}",
  '{#ü-1:2.3 .c}',
];

/**
 * Our shortcodes and the parameters that take text, with what else they need to render. (lstm-cell's
 * `state` is left out: anything but one letter is rejected, so no payload gets through.)
 */
const DIAGRAMS: { name: string; fields: string[]; fixed?: string; inner?: (values: Record<string, string>) => string }[] = [
  { name: 'rnn-unroll', fields: ['caption', 'alt', 'class', 'input', 'hidden', 'output', 'loss', 'target', 'unfold'], fixed: 'steps=2 losses=true' },
  { name: 'rnn-architectures', fields: ['caption', 'alt', 'class'] },
  { name: 'lstm-cell', fields: ['caption', 'alt', 'class'] },
  { name: 'gru-cell', fields: ['caption', 'alt', 'class'] },
  { name: 'seq2seq-attention', fields: ['caption', 'alt', 'class', 'source'] },
  {
    name: 'attention-map',
    fields: ['caption', 'alt', 'class', 'source', 'target'],
    // One row per target token, one column per source token.
    inner: (v) => {
      const n = (t: string) => t.trim().split(/\s+/).filter(Boolean).length;
      return Array.from({ length: n(v.target!) }, () => Array(n(v.source!)).fill('0.5').join(' ')).join('\n');
    },
  },
  { name: 'gradient-decay', fields: ['caption', 'alt', 'class', 'xlabel', 'ylabel'], fixed: 'hidden=2 steps=3 seeds=1 table=false' },
  { name: 'plot', fields: ['caption', 'alt', 'class', 'xlabel', 'ylabel', 'labels'], fixed: 'file="d.csv"' },
];
const FIGURE_FIELDS = ['src', 'src-dark', 'link', 'target', 'rel', 'alt', 'title', 'caption', 'attr', 'attrlink', 'width', 'height', 'class', 'loading'];
const FRONT_MATTER = ['title', 'linkTitle', 'description', 'summary'];

/** A Hugo shortcode parameter value holding `s` exactly. */
function quote(s: string): string {
  if (!s.includes('`')) return `\`${s}\``;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

interface Instance {
  id: number;
  where: string;
}

/** A 1×1 PNG: the Markdown image of every page. */
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** One page per payload; every field gets the payload with its own number. */
function writeContent(site: string): Instance[] {
  const instances: Instance[] = [];
  let next = 1;
  const inst = (payload: string, where: string) => {
    const id = next++;
    instances.push({ id, where: `${where} ← ${JSON.stringify(payload)}` });
    return payload.replace(/\bN\b/g, String(id));
  };
  const page = (dir: string, p: string, i: number, attrs: string[]) => {
    const fm = FRONT_MATTER.map((k) => `${k}: ${JSON.stringify(`$x$ ${inst(p, `front matter ${k}`)}`)}`).join('\n');
    const lines = [`---\n${fm}\n---\n`, `Intro $a$ text.\n`];
    lines.push(`## Heading $y$ ${inst(p, 'heading').replace(/\n/g, ' ')}\n`);
    lines.push(`## Link in heading $y$ [t](/u ${JSON.stringify(inst(p, 'heading link title').replace(/\n/g, ' '))})\n`);
    for (const a of attrs) lines.push(`### Attr $y$ ${inst(a, 'heading attributes')}\n`);
    // Hugo 0.169's own figure fails the whole site on a src its urls.Parse rejects (` javascript:`, `a%zz`,
    // control characters), so the plain build needs a path there; script URLs in src are tested in
    // tests/unit/figure.test.ts.
    const src = (v: string) => `/i/${encodeURIComponent(v)}`;
    const fig = FIGURE_FIELDS.map((f) => `${f}=${quote(f === 'src' ? src(inst(p, 'figure src')) : inst(p, `figure ${f}`))}`).join(' ');
    lines.push(`{{< figure ${fig} >}}\n`);
    // A Markdown image of the page bundle, which hugo-prerender serves as <picture> (its alt and title are ours to write).
    const oneLine = (v: string) => v.replace(/\n/g, ' ');
    lines.push(`![${oneLine(inst(p, 'Markdown image alt'))}](m.png "${oneLine(inst(p, 'Markdown image title')).replace(/[\\"]/g, '\\$&')}")\n`);
    for (const d of DIAGRAMS) {
      const values: Record<string, string> = {};
      // plot: one y column, so one label (`|` separates labels).
      for (const f of d.fields) values[f] = inst(d.name === 'plot' && f === 'labels' ? p.replace(/\|/g, '/') : p, `${d.name} ${f}`);
      const params = d.fields.map((f) => `${f}=${quote(values[f]!)}`).join(' ');
      const inner = d.inner ? `\n${d.inner(values)}\n{{< /${d.name} >}}` : '';
      lines.push(`{{< ${d.name} ${d.fixed ?? ''} ${params} >}}${inner}\n`);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.md'), lines.join('\n'));
    writeFileSync(path.join(dir, 'd.csv'), 'step,loss\n0,1\n1,0.5\n2,0.25\n');
    writeFileSync(path.join(dir, 'm.png'), ONE_PIXEL_PNG);
    void i;
  };
  PAYLOADS.forEach((p, i) => page(path.join(site, 'content/p', String(i)), p, i, i < HEADING_ATTRS.length ? [HEADING_ATTRS[i]!] : []));
  return instances;
}

const CONFIG = (unsafe: boolean) =>
  `baseURL = "http://example.org/"\ntitle = "battery"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = ${unsafe}\n`;

const HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}">';
const LAYOUT_PRERENDER = `${HEAD}{{ partial "prerender/head.html" . }}</head><body>
<h1>{{ partial "prerender/title.html" . }}</h1><p class="desc">{{ partial "prerender/title.html" .Description }}</p><p class="lt">{{ partial "prerender/title.html" .LinkTitle }}</p>
<nav class="toc">{{ partial "prerender/toc.html" . }}</nav><div class="summary">{{ partial "prerender/summary.html" . }}</div>
<main>{{ .Content }}</main></body></html>`;
const LAYOUT_PLAIN = `${HEAD}</head><body>
<h1>{{ .Title }}</h1><p class="desc">{{ .Description }}</p><p class="lt">{{ .LinkTitle }}</p>
<nav class="toc">{{ .TableOfContents }}</nav><div class="summary">{{ .Summary }}</div>
<main>{{ .Content }}</main></body></html>`;
/** What plain Hugo does with our shortcodes' parameters: caption Markdown, everything else text. */
const PLAIN_SHORTCODE = (inner: boolean) => `<figure class="{{ .Get "class" }}">{{ range $k, $v := .Params }}{{ if ne $k "caption" }}<span data-k="{{ $k }}" title="{{ $v }}">{{ $v }}</span>{{ end }}{{ end }}{{ with .Get "caption" }}<figcaption><p>{{ . | markdownify }}</p></figcaption>{{ end }}${inner ? '<pre>{{ .Inner }}</pre>' : ''}</figure>`;

function makeSite(kind: 'prerender' | 'plain', unsafe: boolean): { dir: string; instances: Instance[] } {
  const dir = path.join(tempDir(`hp-inject-${kind}-`), 'site');
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), CONFIG(unsafe));
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), kind === 'prerender' ? LAYOUT_PRERENDER : LAYOUT_PLAIN);
  writeFileSync(path.join(dir, 'layouts/_default/list.html'), '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}');
  if (kind === 'plain') {
    mkdirSync(path.join(dir, 'layouts/shortcodes'), { recursive: true });
    for (const d of DIAGRAMS) writeFileSync(path.join(dir, `layouts/shortcodes/${d.name}.html`), PLAIN_SHORTCODE(d.inner !== undefined));
  }
  const instances = writeContent(dir);
  return { dir, instances };
}

interface Executions {
  /** Instance numbers that ran (dialog) or would run on a click (script URL), per page. */
  ran: Set<number>;
  pages: number;
}

const DISPATCHED = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'focus', 'animationstart', 'toggle'];

/**
 * Loads every page and collects the instance numbers that ran: dialogs (at load, and after a mouse
 * event of each kind is dispatched on every element that has an event-handler attribute), plus those
 * that would run on a pointer or a click: event-handler attributes that reached the DOM, and script
 * URLs in URL attributes (`javascript:`, `vbscript:`, `data:` other than images, after the control
 * characters and spaces a browser strips).
 */
async function execute(browser: LaunchedBrowser, server: StaticServer, publicDir: string): Promise<Executions> {
  const ran = new Set<number>();
  const record = (text: string) => {
    for (const m of String(text).matchAll(/\d+/g)) ran.add(Number(m[0]));
  };
  const dirs = readdirSync(path.join(publicDir, 'p')).filter((d) => /^\d+$/.test(d));
  const queue = [...dirs];
  // A few tabs at once: most of a page's time is waiting for its load event.
  const tab = async () => {
    const page = await browser.context.newPage();
    page.on('dialog', (d) => {
      record(d.message());
      void d.dismiss().catch(() => {});
    });
    for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
      await page.goto(server.url(`/p/${d}/`), { waitUntil: 'load' });
      for (const f of await page.evaluate(inspect, DISPATCHED)) record(f);
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: 4 }, tab));
  return { ran, pages: dirs.length };
}

/** In the page: handler attributes and script URLs, after dispatching `events` on elements with handlers. */
function inspect(events: string[]): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    let handler = false;
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) {
        handler = true;
        out.push(attr.value);
        continue;
      }
      if (!['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background'].includes(name)) continue;
      // eslint-disable-next-line no-control-regex
      const v = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript):/.test(v) || (/^data:/.test(v) && !/^data:image\/(png|gif|jpeg|webp);/.test(v))) out.push(attr.value);
    }
    // Inline handlers run on the events they name; a click is left out (it would follow links).
    if (handler) for (const type of events) el.dispatchEvent(new Event(type, { bubbles: false }));
  }
  return out;
}

function describeInstances(ids: Iterable<number>, instances: Instance[]): string[] {
  const by = new Map(instances.map((i) => [i.id, i.where]));
  return [...ids].sort((a, b) => a - b).map((id) => `${id}: ${by.get(id) ?? '?'}`);
}

interface Prepared {
  sites: Record<Kind, string>;
  instances: Instance[];
}
type Kind = 'prerender' | 'plain';

/** The two sites of one setting, made and prerendered once for every Hugo. */
const prepared = new Map<boolean, Prepared>();
function prepare(unsafe: boolean): Prepared {
  let p = prepared.get(unsafe);
  if (p) return p;
  const hp = makeSite('prerender', unsafe);
  const plain = makeSite('plain', unsafe);
  const init = runCli(['init', '-s', hp.dir]);
  expect(init.code, init.stdout + init.stderr).toBe(0);
  const t0 = performance.now();
  const pre = runPrerender(hp.dir);
  console.log(`[unsafe=${unsafe}] hugo-prerender build: ${Math.round(performance.now() - t0)} ms`);
  // A page the build rejects would keep no shadow (and test nothing): none of these may be rejected.
  expect(pre.diagnostics.filter((d) => d.severity === 'error'), pre.stdout + pre.stderr).toEqual([]);
  // The Markdown images are served (as <picture>, their alt and title written by us) on most pages: a
  // payload with a line break, `]` or `[` leaves no image syntax.
  const served = PAYLOADS.filter((_, i) => readFileSync(path.join(hp.dir, '.prerender/content/p', String(i), 'index.md'), 'utf8').includes('<picture>')).length;
  console.log(`[unsafe=${unsafe}] Markdown images served on ${served} of ${PAYLOADS.length} pages`);
  expect(served).toBeGreaterThan(PAYLOADS.length / 2);
  p = { sites: { prerender: hp.dir, plain: plain.dir }, instances: hp.instances };
  prepared.set(unsafe, p);
  return p;
}

describeEachHugo('injection battery', (hugo: HugoBinary) => {
  describeWithChromium(`no script runs through hugo-prerender that plain Hugo does not run [${hugo.name}]`, () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    for (const unsafe of [false, true]) {
      it(`unsafe = ${unsafe}`, async () => {
        const { sites, instances } = prepare(unsafe);
        const results = {} as Record<Kind, Executions>;
        for (const kind of ['prerender', 'plain'] as const) {
          // Development: a page hugo-prerender had rejected would show a note instead of failing the site.
          const t0 = performance.now();
          const built = buildSite(hugo.bin, sites[kind], { copy: false, env: { HUGO_ENVIRONMENT: 'development' } });
          const t1 = performance.now();
          expect(built.code, `${kind}: ${built.stdout}\n${built.stderr}`).toBe(0);
          const server = await serveDir(built.publicDir);
          try {
            results[kind] = await execute(browser, server, built.publicDir);
            console.log(`[${hugo.name}, unsafe=${unsafe}] ${kind}: hugo ${Math.round(t1 - t0)} ms, Chromium ${Math.round(performance.now() - t1)} ms`);
          } finally {
            await server.close();
          }
          expect(results[kind].pages).toBe(PAYLOADS.length);
        }
        const extra = [...results.prerender.ran].filter((id) => !results.plain.ran.has(id));
        console.log(
          `[${hugo.name}, unsafe=${unsafe}] ${instances.length} payload instances on ${PAYLOADS.length} pages: ` +
            `${results.prerender.ran.size} ran with hugo-prerender, ${results.plain.ran.size} with plain Hugo, ${extra.length} only with hugo-prerender`,
        );
        expect(describeInstances(extra, instances)).toEqual([]);
        // The battery can see script run: raw HTML runs in both builds when the site allows it.
        if (unsafe) expect(results.plain.ran.size).toBeGreaterThan(100);
      }, 600_000);
    }
  });
});
