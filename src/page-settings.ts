/**
 * A site's page settings, read from its configuration and layouts: light on purpose (no KaTeX, no
 * Markdown, no shortcode code), so that a warm build can check every page's record without loading the
 * renderer.
 */
import path from 'node:path';
import type { Diagnostic } from './content/types.js';
import { stableStringify } from './render/keys.js';
import type { PageSettings } from './prerender-page.js';
import { DEFAULT_FIGURE_NUMBERING, getIn, type ComponentRoot, type SiteConfig } from './site/config.js';
import { EVERY_MATCHING_MOUNT_SINCE, targetsNest, type MountedRoot } from './site/component-lookup.js';
import { shortcodeList } from './render/shortcode-list.js';
import { everywhereSettings } from './render/everywhere-settings.js';
import {
  HUGO_BUILTIN_SHORTCODES,
  imageRenderHook,
  layoutsComplete,
  markdownShortcodeTemplates,
  mathFenceRendered,
  moduleComponentRoots,
  moduleLayoutDirs,
  renderingWrapperTemplates,
  shortcodeTemplate,
  shortcodeTemplateNames,
  siteLayoutDirs,
  siteShortcodeTemplates,
  templateAsksForImages,
  templateCode,
} from './site/fallbacks.js';
import { DEFAULT_WRAPPERS } from './content/wrappers.js';
import { imageOptions } from './images/options.js';
import { feedContentTemplates, headingDataTemplates } from './site/head-hooks.js';
import { mathAndOutputLimits } from './render/output-limits.js';
import { versionBefore } from './site/hugo-version.js';
import type { SiteInfo } from './render/types.js';

export interface PageSettingsOfSite {
  settings: PageSettings;
  site: SiteInfo;
  /** About the site's own templates (a shortcode of ours that the site overrides). */
  diagnostics: Diagnostic[];
}

/** Whether the site's static or assets mounts have targets that nest (`static` and `static/images`): the Hugo version then decides which file a path is. */
export function nestedMountTargets(config: Pick<SiteConfig, 'staticRoots' | 'assetRoots'>): boolean {
  return targetsNest(config.staticRoots) || targetsNest(config.assetRoots);
}

/**
 * The settings every page of a site is prerendered with (what a page's record is checked against), and
 * where the site's files are: no renderer is made here (build-page.ts pageServices adds it).
 */
/** The version from which Hugo's automatic summary is the HTML of whole paragraphs (before: plain text). */
export const AUTO_SUMMARY_HTML_SINCE = '0.134.0';

export function pageSettings(config: SiteConfig, siteDir: string, errorMode: 'fail' | 'render', hugoVersion?: string): PageSettingsOfSite {
  const diagnostics: Diagnostic[] = [];
  const macros = config.prerender.katex.macros;
  const strict = config.prerender.katex.strict;
  const limits = config.prerender.limits;
  // Captions keep raw HTML only where the site lets Goldmark keep it (markup.goldmark.renderer.unsafe).
  const unsafe = getIn(config.data, 'markup.goldmark.renderer.unsafe') === true;
  // A line `{…}` under a block is that block's attributes (math in it stays as written).
  const blockAttributes = getIn(config.data, 'markup.goldmark.parser.attribute.block') === true;
  // A figure (or any name of ours) that the site, a theme or a module has its own template for stays theirs.
  const layoutDirs = siteLayoutDirs(siteDir, config.data, config.modules);
  const siteShortcodes = siteShortcodeTemplates(siteDir, layoutDirs, shortcodeList.keys());
  for (const [name, where] of siteShortcodes) {
    if (name === 'figure') continue; // Hugo has a figure of its own: a site that overrides it means it
    diagnostics.push({
      severity: 'warning',
      code: 'site-shortcode',
      file: where,
      line: 1,
      column: 1,
      message: `this site has its own "${name}" shortcode, which stays in charge: hugo-prerender does not render {{< ${name} >}} on this site. Rename or remove this template to use hugo-prerender's ${name}`,
    });
  }
  // Our figure's src-dark means nothing to a site's own figure, unless its template reads a src-dark of its own.
  const siteFigureTakesDark = siteShortcodes.has('figure') && /["`]src-dark["`]/.test(templateCode(shortcodeTemplate(layoutDirs, 'figure')));
  // A pass-through wrapper (`math`, …) whose template here renders the formula itself (Doks' `math`) is
  // one formula: typeset whole, unless the site says otherwise (params.prerender.math.wrappers).
  const passThrough = Object.entries(DEFAULT_WRAPPERS).filter(([, kind]) => kind === 'math').map(([name]) => name);
  const rendering = renderingWrapperTemplates(layoutDirs, passThrough);
  let math: PageSettings['math'] = rendering.length > 0 ? { ...config.math, wrappers: { ...Object.fromEntries(rendering.map((n) => [n, 'tex' as const])), ...(config.math.wrappers ?? {}) } } : config.math;
  // So is a ```math block whose render hook here does the same (Doks' render-codeblock-math.html).
  if (mathFenceRendered(layoutDirs)) math = { ...math, fences: true };
  // Math in headings: raw HTML where Goldmark keeps it, text where a template reads Hugo's heading data.
  const headingMath: PageSettings['headingMath'] = unsafe ? 'html' : headingDataTemplates(siteDir, layoutDirs).length > 0 ? 'text' : 'shortcode';
  // Where Hugo's own TOC shows a heading's id, one id is written for every Hugo: the id of the Hugo that
  // renders the site (its raw source line's before 0.144: site/hugo-version.ts), else 0.144's.
  const rawIds = headingMath !== 'shortcode' && hugoVersion !== undefined && versionBefore(hugoVersion, '0.144.0');
  // Every shortcode name Hugo will have a template for, when the site's layouts show them all (a name
  // outside it is a warning at the page: Hugo stops on it). Not in settingsKey, which is part of every
  // fragment's key: a template added does not change a shadow, only which page records still hold
  // (build.ts siteRecordKey).
  const complete = layoutsComplete(siteDir, config.data, config.modules);
  // Markdown images: served as figures' images are, unless an image render hook of the site's, a theme's or
  // a module's renders them (or may: a theme in Hugo's module cache), which then stays in charge; their
  // versions are made (for images.json) only for a hook that asks our partials for them, not for nothing
  // (params.prerender.images.markdown: true or false decides instead).
  const images = imageOptions(config.data).options;
  const hook = images.enable && images.markdown === 'auto' ? imageRenderHook(layoutDirs) : undefined;
  const markdownImages: PageSettings['markdownImages'] =
    !images.enable || images.markdown === false
      ? undefined
      : images.markdown === true || (complete && hook === undefined)
        ? 'render'
        : hook !== undefined && templateAsksForImages(hook, layoutDirs)
          ? 'index'
          : undefined;
  // The hook that renders Markdown images where hugo-prerender does not (for the warning about math in an
  // image's title, which the hook shows as written: prerender-page.ts), site-relative.
  const renderingHook = markdownImages !== 'render' && complete ? (hook ?? imageRenderHook(layoutDirs)) : undefined;
  // The images of a site's own figure are made only where its template asks for them (README: a site's or
  // theme's own figure); where the site's layouts may not all be seen, always.
  const siteFigureImages = siteShortcodes.has('figure') ? !complete || templateAsksForImages(shortcodeTemplate(layoutDirs, 'figure'), layoutDirs) : undefined;
  const shortcodeNames = complete
    ? [...new Set([...shortcodeTemplateNames(layoutDirs), ...HUGO_BUILTIN_SHORTCODES, ...shortcodeList.keys()])].sort()
    : undefined;
  const figures = config.prerender.figures;
  const settings: PageSettings = {
    math,
    figures,
    ...(config.prerender.figureLanguages ? { figureLanguages: config.prerender.figureLanguages } : {}),
    // KaTeX's strict only when the site sets it (the default leaves every fragment key as it was).
    settingsKey: stableStringify({
      macros,
      errorMode,
      math,
      unsafe,
      headingMath,
      ...(blockAttributes ? { blockAttributes } : {}),
      site: [...siteShortcodes.keys()],
      limits: mathAndOutputLimits(limits),
      ...(strict !== 'warn' ? { strict } : {}),
      ...(siteFigureTakesDark ? { siteFigureTakesDark } : {}),
      ...(rawIds ? { headingIds: 'raw' } : {}),
      // Every fragment key holds settingsKey: the usual case leaves them as they were before Markdown images.
      ...(markdownImages !== 'render' ? { markdownImages: markdownImages ?? 'off' } : {}),
      // Numbered figures: the defaults leave every key as it was before them.
      ...(stableStringify(figures) !== stableStringify(DEFAULT_FIGURE_NUMBERING) ? { figures } : {}),
      ...(config.prerender.figureLanguages ? { figureLanguages: config.prerender.figureLanguages } : {}),
    }),
    // Hugo 0.134+ keeps an automatic summary's HTML: no divider for its math (render/everywhere.ts).
    everywhere: {
      ...everywhereSettings(config.data),
      ...(hugoVersion !== undefined && !versionBefore(hugoVersion, AUTO_SUMMARY_HTML_SINCE) ? { autoSummaryHtml: true as const } : {}),
    },
    limits: config.prerender.limits,
    siteShortcodes,
    ...(siteFigureTakesDark ? { siteFigureTakesDark } : {}),
    ...(siteFigureImages !== undefined ? { siteFigureImages } : {}),
    ...(rawIds ? { headingIds: 'raw' as const } : {}),
    ...(markdownImages ? { markdownImages } : {}),
    ...(renderingHook ? { imageHook: path.relative(siteDir, renderingHook).split(path.sep).join('/') } : {}),
    ...(shortcodeNames ? { shortcodeNames } : {}),
    markdownInner: markdownShortcodeTemplates(siteDir, layoutDirs),
    unsafe,
    ...(blockAttributes ? { blockAttributes } : {}),
    headingMath,
    // RSS shows .Summary unless a feed template of the site's reads more (see PageSettings.feeds).
    feeds: feedContentTemplates(siteDir, layoutDirs, moduleLayoutDirs(siteDir, config.data, config.modules)).length > 0 ? 'content' : 'summary',
  };
  // Static or assets mounts whose targets nest are read as the Hugo that builds the site reads them (site/component-lookup.ts).
  const nested = hugoVersion !== undefined && versionBefore(hugoVersion, EVERY_MATCHING_MOUNT_SINCE) && nestedMountTargets(config);
  const mounted = (r: ComponentRoot): MountedRoot => ({ dir: r.dir, target: r.target, ...(r.filter ? { filter: r.filter } : {}) });
  const site: SiteInfo = {
    dir: siteDir,
    staticDirs: config.staticDirs,
    assetsDir: config.assetsDir,
    staticRoots: config.staticRoots.map(mounted),
    assetRoots: config.assetRoots.map(mounted),
    ...(nested ? { nestedMounts: 'longest' as const } : {}),
    // The themes' and modules' own static and assets folders, after the site's.
    moduleRoots: moduleComponentRoots(siteDir, config.data, config.modules),
    contentDirs: config.contentRoots.map((r) => r.dir),
    filtered: config.filteredRoots,
  };
  return { settings, site, diagnostics };
}
