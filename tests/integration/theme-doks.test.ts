/**
 * hugo-prerender on a real theme: Doks, installed from npm (@thulite/doks-core 1.8.0 with @thulite/core,
 * @thulite/seo and @thulite/images: this project's devDependencies), on a small site whose config follows
 * Doks' starter (fixtures/themes/doks; see fixtures/themes/README.md). The same post as the models of
 * themes.test.ts, plus Doks' own shortcodes with math inside and its figure and image render hook. One
 * prerender, one Hugo build per Hugo version; what a reader sees of the table of contents and of dark mode
 * is measured in Chromium. Its results make the Doks column of docs/themes.md (tests/helpers/theme-matrix.ts).
 *
 * Hugo builds the site in the development environment: Doks' production stylesheet goes through PostCSS,
 * which Hugo 0.169 starts as `node --permission …`, a flag Node 20 (this project's Node) rejects ("bad
 * option: --permission"), with or without hugo-prerender. The two environments differ only in how the
 * theme's own stylesheet is post-processed.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, copySite, describeEachHugo, PROJECT_ROOT, type BuildResult } from '../helpers/hugo.js';
import { ACCENT_DARK, ACCENT_LIGHT, describeWithChromium, diagramColours, launchChromium, type LaunchedBrowser } from '../helpers/browser.js';
import { attr, byClass, byTag, findAll, hasClass, outermost, parseHtml, texOf, text, textWithout, type Element as HastElement } from '../helpers/html.js';
import { parseDiagnostics, runCli } from '../helpers/prerender.js';
import { body, FIRST, head, HEADING, once, POST, prepareThemeSite, rssItemText, TEX, visible, type ThemeSite } from '../helpers/themes.js';
import { MATRIX_ROWS, MatrixRecorder, NOT_APPLICABLE } from '../helpers/theme-matrix.js';

const THEME = 'doks';
/** The npm packages the site mounts (its hugo.toml), as its starter installs them. */
const PACKAGES = ['@thulite/doks-core', '@thulite/core', '@thulite/seo', '@thulite/images'];

/**
 * Hugo versions that cannot build the theme itself, with why (measured: plain Hugo 0.111.3 on this site
 * without hugo-prerender stops at the same template). The build test asserts the failure is the theme's.
 */
const UNBUILDABLE: Record<string, { reason: string; error: RegExp }> = {
  '0.111.3': {
    reason:
      "Hugo 0.111.3 cannot build the theme: @thulite/seo 2.4.1 (the oldest on npm) reads `site.Language.LanguageCode` and Hugo's embedded `_funcs/get-page-images`, which 0.111 lacks; @thulite/images' figure asks for 0.118",
    error: /@thulite\/seo\/layouts\/partials\/seo\/opengraph\.html.*can't evaluate field LanguageCode/,
  },
};

const matrix = new MatrixRecorder('tests/integration/theme-doks.test.ts');

let site: ThemeSite;
beforeAll(() => {
  site = prepareThemeSite(THEME, { packages: PACKAGES, bundleImage: true });
}, 300_000);

/** Doks' two tables of contents (docs-toc-desktop.html and docs-toc-mobile.html, both `.TableOfContents`). */
const isToc = (e: HastElement) => e.tagName === 'nav' && (hasClass(e, 'docs-toc') || hasClass(e, 'toc-mobile'));
/** The page without its tables of contents, KaTeX's MathML copy and SVG text. */
const article = (html: string) => textWithout(body(html), (e) => isToc(e) || hasClass(e, 'katex-mathml') || e.tagName === 'svg');

/** Doks' shortcodes of post-extra.md with math inside: name, the text of its content, how Doks' template renders it. */
const SHORTCODES: [name: string, start: string, how: string][] = [
  ['callout', 'A callout: the state', '`.RenderString`'],
  ['details', 'Details: the state', '`markdownify`'],
  ['tab', 'A tab: the state', "stored by `tab`, `.RenderString` in `tabs`"],
  ['step', 'A step: the state', '`page.RenderString`'],
  // Doks' math shortcode asks a remote service for an SVG of its TeX (resources.GetRemote): hugo-prerender
  // typesets it whole instead (src/site/fallbacks.ts, renderingWrapperTemplates), so no request leaves the build.
  ['math', 'A math shortcode: the state', 'typeset whole by hugo-prerender, not sent to its remote math API'],
];

describeEachHugo('themes: Doks, from npm', (hugo) => {
  const v = hugo.version;
  let built: BuildResult;
  beforeAll(() => {
    built = buildSite(hugo.bin, site.dir, { copy: false, env: { HUGO_ENVIRONMENT: 'development' } });
  }, 300_000);
  const page = () => built.read(POST);

  const unbuildable = UNBUILDABLE[v];
  if (unbuildable) {
    matrix.it(
      'build',
      THEME,
      v,
      `doks: Hugo ${v} cannot build the theme itself (the build stops in its own templates)`,
      () => {
        expect(site.run.code, site.run.stdout + site.run.stderr).toBe(0);
        expect(built.code).not.toBe(0);
        expect(built.errors.join('\n')).toMatch(unbuildable.error);
      },
      { unbuildable: unbuildable.reason },
    );
    for (const [row] of MATRIX_ROWS.filter(([r]) => r !== 'build' && !NOT_APPLICABLE[`${r}/${THEME}`])) {
      matrix.skip(row, THEME, v, `doks: ${row}, on Hugo ${v}`, unbuildable.reason);
    }
    return;
  }

  matrix.it(
    'build',
    THEME,
    v,
    'doks: init and hugo-prerender build report nothing; hugo builds without errors',
    () => {
      expect(site.init.code, site.init.stdout + site.init.stderr).toBe(0);
      expect(site.run.code, site.run.stdout + site.run.stderr).toBe(0);
      expect(parseDiagnostics(site.run.stdout + site.run.stderr)).toEqual([]);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      expect(built.errors).toEqual([]);
    },
    { note: "Hugo 0.169.0 in its development environment (its production stylesheet runs PostCSS as `node --permission`, which Node 20 rejects)" },
  );

  matrix.it(
    'hook',
    THEME,
    v,
    "doks: the starter's head hook, with the line, links the KaTeX stylesheet and figure styles",
    () => {
      const links = findAll(head(page()), (e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet').map((l) => attr(l, 'href'));
      expect(links).toContain('/prerender/katex/katex.min.css');
      expect(links).toContain('/prerender/prerender.css');
    },
    { note: "`layouts/partials/head/custom-head.html` (the starter's file, plus the line)" },
  );

  matrix.it('math', THEME, v, 'doks: typesets the math of the post body, no TeX left visible', () => {
    expect(byClass(body(page()), 'katex').length).toBeGreaterThanOrEqual(5);
    expect(article(page())).not.toMatch(TEX);
  });

  matrix.it('diagrams', THEME, v, 'doks: draws every diagram and plot', () => {
    expect(findAll(body(page()), (e) => e.tagName === 'svg' && attr(e, 'role') === 'img').length).toBeGreaterThanOrEqual(8);
  });

  matrix.it(
    'figure',
    THEME,
    v,
    "doks: its own figure (@thulite/images) and Markdown image hook keep their parameters and markup",
    () => {
      const figures = findAll(body(page()), (e) => e.tagName === 'figure' && byTag(e, 'img').some((i) => hasClass(i, 'doks-dot')));
      expect(figures).toHaveLength(1);
      const img = byTag(figures[0]!, 'img')[0]!;
      expect(['lazyload', 'blur-up', 'doks-dot'].every((c) => hasClass(img, c))).toBe(true);
      expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'alt')]).toEqual(['4', '4', 'A dot']);
      expect(attr(img, 'dataSrcset')).toMatch(/^\/posts\/why-tanh\/dot_hu_\w+\.webp 4w$/);
      expect(byTag(figures[0]!, 'figcaption').map(visible)).toEqual(['A dot at the origin']);
      // The Markdown image, through @thulite/images' render-image.html: a processed WebP, its size.
      const hooked = findAll(body(page()), (e) => e.tagName === 'img' && attr(e, 'alt') === 'A dot, as a Markdown image');
      expect(hooked.map((i) => [attr(i, 'id'), /\.webp$/.test(attr(i, 'src') ?? ''), attr(i, 'width')])).toEqual([['h-rh-i-0', true, '4']]);
    },
    { note: "the theme's own (`@thulite/images`): `class` kept, its WebP `data-srcset`; its Markdown image hook too" },
  );

  matrix.it(
    'shortcodes',
    THEME,
    v,
    'doks: math inside callout, details, tabs and steps (Markdown rendered by their templates) is typeset, the Markdown around it rendered; so are its math shortcode and ```math block',
    () => {
      for (const [sc, start] of SHORTCODES) {
        // The innermost element holding the shortcode's text (details: its <details>, markdownify makes no paragraph).
        const holders = findAll(body(page()), (e) => visible(e).includes(start));
        const p = holders[holders.length - 1];
        expect(p, `${sc}: no element holds "${start}"`).toBeDefined();
        expect(byClass(p!, 'katex').length, sc).toBe(1);
        expect(texOf(byClass(p!, 'katex')[0]!), sc).toBe('h_t');
        expect(byTag(p!, 'strong').map(visible), sc).toEqual(['bold']);
        expect(visible(p!), sc).not.toMatch(/\$|hugoprerender|HAHAHUGO|\\/);
      }
      // The callout's title (a parameter Doks renders with .RenderString): its formula typeset too.
      const titles = byClass(body(page()), 'callout-title');
      expect(titles).toHaveLength(1);
      expect(byClass(titles[0]!, 'katex').map(texOf)).toEqual(['x_0']);
      expect(visible(titles[0]!)).not.toMatch(/\$|hugoprerender/);
      // Doks' math shortcode with a display formula ($$…$$ in it), and its ```math code block (its render
      // hook asks the same web API): typeset by hugo-prerender, as display formulas.
      const displays = byClass(body(page()), 'katex-display').map((d) => texOf(byClass(d, 'katex')[0]!));
      expect(displays.filter((t) => t === 'h_t = \\sigma(z_t)' || t === '\\frac{\\partial h_t}{\\partial h_{t-1}}')).toHaveLength(2);
    },
    { note: `${SHORTCODES.map(([sc, , how]) => `\`${sc}\` (${how})`).join(', ')}; its \`math\` code block likewise; \`unsafe = true\`` },
  );

  matrix.it('toc-links', THEME, v, 'doks: every link of both tables of contents leads to a heading of the page', () => {
    const ids = new Set(findAll(parseHtml(page()), (e) => /^h[1-6]$/.test(e.tagName)).map((e) => attr(e, 'id')));
    const tocs = outermost(body(page()), isToc);
    expect(tocs).toHaveLength(2);
    for (const t of tocs) {
      const hrefs = byTag(t, 'a').map((a) => attr(a, 'href') ?? '');
      expect(hrefs.length).toBeGreaterThanOrEqual(4);
      expect(hrefs.filter((h) => !ids.has(h.replace(/^#/, '')))).toEqual([]);
    }
  });

  matrix.it(
    'og',
    THEME,
    v,
    'doks: the og:description (and twitter:description) shows each formula once, readably',
    () => {
      for (const p of ['og:description', 'twitter:description']) {
        const content = findAll(head(page()), (e) => e.tagName === 'meta' && (attr(e, 'property') === p || attr(e, 'name') === p)).map((e) => attr(e, 'content') ?? '');
        expect(content, p).toHaveLength(1);
        once(content[0]!, FIRST);
      }
    },
    { note: '`@thulite/seo`: `.Summary | plainify | htmlUnescape`' },
  );

  matrix.it(
    'search',
    THEME,
    v,
    "doks: the search index (FlexSearch's search-index.json, .Plain) shows each formula once, readably",
    () => {
      const entries = JSON.parse(built.read('search-index.json')) as { permalink: string; content: string; summary: string }[];
      const post = entries.filter((e) => e.permalink === `/${POST.replace(/index\.html$/, '')}`);
      expect(post).toHaveLength(1);
      once(post[0]!.content, FIRST);
      // The result list shows `summary` (.Summary) as HTML: its text holds each formula once too (the
      // MathML; KaTeX's glyphs are drawn from data-c by the stylesheet, where a page links it).
      once(text(parseHtml(post[0]!.summary)), FIRST);
    },
    { note: '`search-index.json`: `.Plain`, and `.Summary` shown as HTML' },
  );

  matrix.it('rss', THEME, v, 'doks: the RSS item shows each formula once, readably', () => once(rssItemText(built.read('posts/index.xml')), FIRST), {
    note: "Hugo's own RSS template",
  });

  // What a reader sees, in Chromium: Doks' tables of contents (Hugo 0.169 keeps of a heading's HTML in
  // .TableOfContents only spans and their class: the formula's glyphs and its <math> are gone), and dark mode.
  describeWithChromium(`doks in Chromium [${hugo.name}]`, () => {
    let browser: LaunchedBrowser;
    beforeAll(async () => {
      expect(built.code, built.stdout + built.stderr).toBe(0);
      browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
      // The site's baseURL (https://example.org/, in <base href>), answered from the built files.
      await browser.page.route(/^https:\/\/example\.org\//, async (route) => {
        const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/\/$/, '/index.html');
        const file = path.join(built.publicDir, rel);
        if (existsSync(file) && !rel.includes('..')) await route.fulfill({ path: file });
        else await route.fulfill({ status: 404, body: '' });
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });
    const open = async (width: number) => {
      await browser.page.setViewportSize({ width, height: 900 });
      await browser.page.goto(`https://example.org/${POST.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
    };

    /** The text of `selector` a reader sees: text in a box larger than a pixel (KaTeX hides its MathML in a 1px box), and generated glyphs. */
    const seen = (selector: string) =>
      browser.page.evaluate((sel) => {
        const root = document.querySelector(sel);
        if (!root) return null;
        const shown = (el: Element): boolean => {
          for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) {
            const r = e.getBoundingClientRect();
            if (!e.checkVisibility() || r.width <= 1 || r.height <= 1) return false;
          }
          return true;
        };
        const out: string[] = [];
        const walk = (n: Node) => {
          if (n.nodeType === Node.TEXT_NODE) {
            if (n.parentElement && shown(n.parentElement)) out.push(n.textContent ?? '');
            return;
          }
          if (!(n instanceof Element)) return;
          const before = getComputedStyle(n, '::before').content;
          if (/^".*"$/.test(before) && shown(n)) out.push(JSON.parse(before) as string);
          n.childNodes.forEach(walk);
        };
        walk(root);
        return out.join('').replace(/\s+/g, ' ').trim();
      }, selector);

    matrix.it(
      'toc',
      THEME,
      v,
      "doks: both tables of contents show the heading's formula once, readably (what Chromium draws)",
      async () => {
        await open(1400);
        const desktop = await seen('nav.docs-toc a[href="#why-tanh-saturates"]');
        await open(800);
        await browser.page.evaluate(() => document.querySelectorAll('nav.toc-mobile details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const mobile = await seen('nav.toc-mobile a[href="#why-tanh-saturates"]');
        for (const t of [desktop, mobile]) {
          expect(t).toMatch(/^Why .+ saturates$/);
          once(t!, HEADING);
        }
      },
      { note: '`.TableOfContents`, twice (desktop and mobile)' },
    );

    const [LIGHT, DARK] = [ACCENT_LIGHT, ACCENT_DARK];
    const colours = () => diagramColours(browser.page);
    matrix.it(
      'dark',
      THEME,
      v,
      "doks: its colour mode script sets html[data-bs-theme] from the system's scheme, its toggle flips it, and the diagrams follow",
      async () => {
        for (const [scheme, want, not, other] of [['light', LIGHT, DARK, 'dark'], ['dark', DARK, LIGHT, 'light']] as const) {
          await browser.page.emulateMedia({ colorScheme: scheme });
          await open(1400);
          expect(await browser.page.evaluate(() => document.documentElement.getAttribute('data-bs-theme')), scheme).toBe(scheme);
          const c = await colours();
          expect(c, scheme).toContain(want);
          expect(c, scheme).not.toContain(not);
          // What Doks' toggler does (assets/js/color-mode.js): the attribute on <html>.
          await browser.page.evaluate((t) => document.documentElement.setAttribute('data-bs-theme', t), other);
          const flipped = await colours();
          expect(flipped, `${scheme}, toggled`).toContain(not);
          expect(flipped, `${scheme}, toggled`).not.toContain(want);
        }
      },
      { note: '`html[data-bs-theme=dark]`, set by its script' },
    );
  });
});

it('doks: the site mounts the Thulite packages this project pins (package.json)', () => {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const config = readFileSync(path.join(PROJECT_ROOT, 'fixtures/themes/doks/hugo.toml'), 'utf8');
  for (const p of PACKAGES) {
    expect(pkg.devDependencies[p], p).toMatch(/^\d+\.\d+\.\d+$/);
    expect(config, p).toContain(`node_modules/${p}/layouts`);
  }
});

it("doks: init finds Doks' head hook in the mounted @thulite/doks-core and names the file, when no template links the stylesheets yet", () => {
  const dir = copySite(path.join(PROJECT_ROOT, 'fixtures/themes/doks'));
  writeFileSync(path.join(dir, 'layouts/partials/head/custom-head.html'), "{{/* the site's own head content */}}\n");
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const init = runCli(['init', '-s', dir]);
  expect(init.code, init.stdout + init.stderr).toBe(0);
  expect(init.stdout).toContain(
    `Your theme has a head hook (Doks): create layouts/partials/head/custom-head.html containing the line {{ partial "prerender/head.html" . }} (Doks' starter has this file: add the line to it)`,
  );
});
