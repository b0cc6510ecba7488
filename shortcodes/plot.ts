/**
 * `plot`: line and scatter plots from a CSV, TSV or JSON file, drawn at build time as SVG.
 *
 *   {{< plot file="loss.csv" x="step" y="train,valid" ylabel="loss $\mathcal{L}$" yscale="log" >}}
 *
 * The file is looked up in the page bundle first (beside index.md), then in static/ and assets/ as Hugo
 * reads them through the site's mounts (src/site/component-lookup.ts); a path starting with `/` only in
 * static/ and assets/. It never leaves them.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { blockedMessage, lookUpFile, outsideMessage, shownPath, siteRoots, type Place } from '../src/site/safe-path.js';
import { cannotRead, fsErrorCode } from '../src/site/fs-errors.js';
import { defineShortcode, type RenderContext } from '../src/render/types.js';
import { figureTitle, wrapFigure } from '../src/render/figure-wrap.js';
import { createIds } from '../src/svg/ids.js';
import { DATA_LIMITS, parseCsv, parseJsonData, splitCsv, type DataTable } from '../src/svg/plot/data.js';
import { dataTable, formatSignificant, labelToPlain, MARKERS, renderPlot, SERIES_TONES, type PlotSeries } from '../src/svg/plot/index.js';

/** Data tables longer than this are left out (the plot still shows every point). */
const TABLE_ROWS = 500;

const params = {
  file: {
    type: 'string',
    required: true,
    doc: `Data file: CSV (comma, semicolon or tab separated, header line first), .tsv, or JSON (rows as objects, or columns as arrays). Looked up in the page bundle, then static/ and assets/ (through the site's mounts: a folder mounted at static/data holds /data/…). At most ${DATA_LIMITS.bytes / 1e6} MB, ${DATA_LIMITS.rows.toLocaleString('en-US')} rows and ${DATA_LIMITS.columns} columns.`,
  },
  format: { type: 'enum', values: ['auto', 'csv', 'tsv', 'json'], default: 'auto', doc: 'File format; `auto` goes by the extension (.json, .tsv, else CSV).' },
  x: { type: 'string', doc: 'Column for the horizontal axis; default the first column.' },
  y: {
    type: 'string',
    doc: 'Columns to plot, one series each, separated by commas (`y="train,valid"`), or by `|` when y holds one (`y="Train loss, smoothed|Val loss (EMA)"`); a name in double quotes, as in a CSV header, may hold either. Default every column but x.',
  },
  labels: {
    type: 'string',
    label: 'text',
    doc: 'Legend labels for the y columns, separated by `|` (labels may contain commas and `$math$`); default the column names.',
  },
  mode: { type: 'enum', values: ['line', 'scatter', 'both'], default: 'line', doc: 'Lines, markers only, or both.' },
  xscale: { type: 'enum', values: ['linear', 'log'], default: 'linear', doc: 'Horizontal axis scale (log leaves out x ≤ 0).' },
  yscale: { type: 'enum', values: ['linear', 'log'], default: 'linear', doc: 'Vertical axis scale (log leaves out y ≤ 0).' },
  xlabel: { type: 'string', label: 'text', doc: 'Horizontal axis label (words with `$math$`); default the x column name.' },
  ylabel: { type: 'string', label: 'text', doc: 'Vertical axis label; default the y column name when there is one.' },
  xmin: { type: 'number', doc: 'Fixed left end of the x axis (default: from the data, rounded to nice numbers).' },
  xmax: { type: 'number', doc: 'Fixed right end of the x axis.' },
  ymin: { type: 'number', doc: 'Fixed bottom of the y axis.' },
  ymax: { type: 'number', doc: 'Fixed top of the y axis.' },
  legend: { type: 'bool', default: true, doc: 'Show a legend when there are two or more series.' },
  table: { type: 'bool', default: true, doc: `Add the data as a collapsed table below the plot (files up to ${TABLE_ROWS} rows).` },
  ...FIGURE_PARAMS,
} as const;

type Params = typeof params;

/** Joins `rel` to `base` and checks that the result stays inside `base`. */
function inside(base: string, rel: string): string | undefined {
  const p = path.resolve(base, rel);
  const r = path.relative(base, p);
  return r === '' || r.startsWith('..') || path.isAbsolute(r) ? undefined : p;
}

/** Whether `rel` stays below the folder it is joined to (no `..` that leaves it, not absolute). */
function staysBelow(rel: string): boolean {
  const n = path.posix.normalize(rel);
  return !(n === '..' || n.startsWith('../') || path.posix.isAbsolute(n));
}

function readData(ctx: RenderContext<Params>): { table: DataTable; shown: string } | undefined {
  const file = (ctx.params.file ?? '').trim();
  if (ctx.params.file === undefined) return undefined; // reported by the host as a missing required parameter
  if (file === '') {
    ctx.error('file is empty; give the data file, e.g. file="loss.csv" beside the page\'s index.md', { param: 'file' });
    return undefined;
  }
  const siteRooted = file.startsWith('/');
  const rel = siteRooted ? file.replace(/^\/+/, '') : file;
  // The page bundle, then static/ and assets/ through the site's mounts of them (a folder mounted at
  // `static/data` holds /data/loss.csv: src/site/component-lookup.ts).
  const bases: { place: Place; what: string }[] = [];
  if (!siteRooted && ctx.page.bundleDir) bases.push({ place: ctx.page.bundleDir, what: 'the page bundle' });
  bases.push({ place: { component: 'static' }, what: 'static' }, { place: { component: 'assets' }, what: 'assets' });
  // Only places inside the site are looked at, and a symbolic link that leaves it is refused.
  const roots = siteRoots(ctx.site);
  const inBases = bases.filter((b) => (typeof b.place === 'string' ? inside(b.place, rel) !== undefined : staysBelow(rel)));
  const look = inBases.length ? lookUpFile(roots, inBases.map((b) => b.place), rel, ctx.page.reads?.lookup) : undefined;
  if (look && 'refused' in look) {
    ctx.error(`file "${file}": ${outsideMessage(ctx.site.dir, look.link, look.target, look.loop)}`, { param: 'file', code: 'outside' });
    return undefined;
  }
  const found = look && 'found' in look ? look.found : undefined;
  if (!found) {
    if (inBases.length < bases.length) {
      ctx.error(`file "${file}" points outside the page bundle, static/ and assets/; data files must be inside them`, { param: 'file' });
    } else {
      if (look && 'missing' in look && look.blocked) {
        ctx.error(`file "${file}" could not be looked for: ${blockedMessage(ctx.site.dir, look.blocked)}`, { param: 'file', code: 'unreadable' });
        return undefined;
      }
      const where = bases.map((b) => b.what).join(', ');
      const hint = ctx.page.bundleDir ? '' : ' (this page is not a bundle: put it in a folder as index.md to keep data beside it)';
      ctx.error(`file "${file}" not found; looked in ${where}${hint}`, { param: 'file' });
    }
    return undefined;
  }
  let text: string;
  try {
    const size = statSync(found).size;
    if (size > DATA_LIMITS.bytes) {
      ctx.error(
        `file "${file}" is ${(size / 1e6).toFixed(1)} MB; the limit is ${DATA_LIMITS.bytes / 1e6} MB: downsample it (a plot shows a few hundred points per series at most)`,
        { param: 'file' },
      );
      return undefined;
    }
    text = readFileSync(found, 'utf8');
  } catch (e) {
    // The site's file, not our bug: permissions, a disk error, too many open files.
    if (fsErrorCode(e) === undefined) throw e;
    ctx.error(`file "${file}" ${cannotRead(e, 'file', shownPath(ctx.site.dir, found))}`, { param: 'file', code: 'unreadable' });
    return undefined;
  }
  const fmt = ctx.params.format === 'auto' ? (/\.json$/i.test(found) ? 'json' : /\.tsv$/i.test(found) ? 'tsv' : 'csv') : ctx.params.format;
  const r = fmt === 'json' ? parseJsonData(text) : parseCsv(text, fmt === 'tsv' ? '\t' : undefined);
  if (!r.ok) {
    ctx.error(`file "${file}": ${r.message}`, { param: 'file' });
    return undefined;
  }
  return { table: r.table, shown: file };
}

/**
 * The column names a y= (or x=) value gives: split on commas, or only on `|` when it holds one outside
 * double quotes; a name in double quotes (`""` for a quote) is read as in a CSV header, so it may hold
 * either. A value that is exactly one column's name is that column. Undefined for a quote not closed.
 */
function columnNames(value: string, columns: readonly string[]): string[] | undefined {
  const v = value.trim();
  if (v === '') return [];
  if (columns.includes(v)) return [v];
  const outsideQuotes = v.replace(/"(?:[^"]|"")*"/g, '');
  const { records, error } = splitCsv(v.replace(/[\r\n]+/g, ' '), outsideQuotes.includes('|') ? '|' : ',');
  if (error) return undefined;
  return records.flatMap((r) => r.fields).map((f) => f.trim()).filter((f) => f !== '');
}

/** A name written in double quotes, as in a CSV header (`""` for a quote), unless it is a column as written. */
function unquoted(name: string, columns: readonly string[]): string {
  const m = /^"((?:[^"]|"")*)"$/.exec(name);
  return m && !columns.includes(name) ? m[1]!.replace(/""/g, '"') : name;
}

function render(ctx: RenderContext<Params>): string {
  const p = ctx.params;
  const data = readData(ctx);
  if (!data) return '';
  const { table } = data;
  const names = table.columns;
  const list = names.map((n) => `"${n}"`).join(', ');
  const xName = p.x === undefined ? names[0]! : unquoted(p.x.trim(), names);
  const xi = names.indexOf(xName);
  if (xi < 0) {
    ctx.error(`x="${xName}" is not a column of ${data.shown}; its columns are ${list}`, { param: 'x' });
    return '';
  }
  const given = p.y === undefined ? [] : columnNames(p.y, names);
  if (given === undefined) {
    // Shown as Hugo's raw string (y=`…`), which holds double quotes as they are.
    ctx.error(`y=\`${p.y}\` has a double quote that is not closed; close it after the name, or leave the quotes out and separate the names with |`, { param: 'y' });
    return '';
  }
  const yNames = given.length ? given : names.filter((n) => n !== xName);
  if (yNames.length === 0) {
    ctx.error(`${data.shown} has only the column "${xName}"; add a y column to plot`, { param: 'y' });
    return '';
  }
  const missing = yNames.filter((n) => !names.includes(n));
  if (missing.length) {
    const quoted = missing.map((m) => `"${m}"`);
    const which = quoted.length === 1 ? `${quoted[0]} is not a column` : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} are not columns`;
    // A header name with a comma, cut in two by the comma between names: say how to name it whole.
    const split = names.filter((n) => n !== xName && n.includes(','));
    const hint = split.length && !p.y?.includes('|')
      ? `; a name that holds a comma is read whole when the names are separated by | (y="${[split[0]!, ...names.filter((n) => n !== xName && n !== split[0])].slice(0, 2).join('|')}") or put in double quotes`
      : '';
    ctx.error(`y: ${which} of ${data.shown}; its columns are ${list}${hint}`, { param: 'y' });
    return '';
  }
  const labels = p.labels !== undefined ? p.labels.split('|').map((s) => s.trim()) : yNames;
  if (labels.length !== yNames.length) {
    ctx.error(`labels gives ${labels.length} label${labels.length === 1 ? '' : 's'} for ${yNames.length} y column${yNames.length === 1 ? '' : 's'}; separate them with "|"`, { param: 'labels' });
    return '';
  }
  if (yNames.length > SERIES_TONES.length) {
    ctx.warn(`${yNames.length} series share ${SERIES_TONES.length} colours; markers and dashes tell them apart, but fewer series read better`, { param: 'y' });
  }
  const xs = table.values[xi]!;
  const logX = p.xscale === 'log';
  const logY = p.yscale === 'log';
  let skipped = 0;
  const series: PlotSeries[] = yNames.map((name, i) => {
    const ys = table.values[names.indexOf(name)]!;
    const points: [number, number][] = [];
    for (let r = 0; r < table.rows; r++) {
      const x = xs[r]!;
      const y = ys[r]!;
      if ((logX && x <= 0) || (logY && y <= 0)) skipped++;
      points.push([x, y]);
    }
    return {
      label: labels[i]!,
      points,
      mode: p.mode,
      tone: SERIES_TONES[i % SERIES_TONES.length]!,
      marker: MARKERS[i % MARKERS.length]!,
      dash: i >= SERIES_TONES.length ? 'dashed' : 'solid',
    };
  });
  if (skipped > 0) {
    ctx.warn(`${skipped} point${skipped === 1 ? ' is' : 's are'} ≤ 0 and left out of the log-scale axis`, { param: logY ? 'yscale' : 'xscale' });
  }
  // A series with no point to draw (every value missing, infinite or past the largest number) was drawn
  // as nothing, and said nowhere but in its description (found by an audit).
  const empty = new Set<string>();
  for (const [i, s] of series.entries()) {
    if (s.points.some(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) continue;
    empty.add(yNames[i]!);
    ctx.warn(`column "${yNames[i]}" has no value to draw: every row is missing, infinite or too large for a number (over about 1.8e308) there or in the x column; check the data`, {
      param: p.y !== undefined ? 'y' : 'file',
    });
  }
  // Cells written as NaN or infinity (a diverged run, an overflow) are left out like empty ones, but unlike
  // an empty cell they are rarely meant: say so, per column drawn.
  for (const name of [xName, ...yNames.filter((n) => !empty.has(n))]) {
    const bad = table.nonFinite[names.indexOf(name)]!;
    if (bad.count === 0) continue;
    ctx.warn(
      `column "${name}" has ${bad.count} cell${bad.count === 1 ? '' : 's'} that ${bad.count === 1 ? 'is' : 'are'} NaN or infinite (${bad.count === 1 ? '' : 'the first '}at ${bad.first}), left out of the plot${name === xName ? ' with ' + (bad.count === 1 ? 'its row' : 'their rows') : ''}; write a number there, or leave the cell empty (or NA) for a value that was not measured`,
      { param: 'file' },
    );
  }
  for (const [lo, hi, name] of [[p.xmin, p.xmax, 'x'], [p.ymin, p.ymax, 'y']] as const) {
    if (lo !== undefined && hi !== undefined && lo >= hi) {
      ctx.error(`${name}min (${lo}) must be less than ${name}max (${hi})`, { param: `${name}min` });
      return '';
    }
  }
  if ((logX && p.xmin !== undefined && p.xmin <= 0) || (logY && p.ymin !== undefined && p.ymin <= 0)) {
    ctx.error('a log axis needs a positive minimum', { param: logY && p.ymin !== undefined && p.ymin <= 0 ? 'ymin' : 'xmin' });
    return '';
  }
  // A fixed range that holds no point, and no line crossing it, drew an empty plot in silence (found by an audit).
  const lines = p.mode !== 'scatter';
  for (const [axis, lo, hi, at] of [['x', p.xmin, p.xmax, 0], ['y', p.ymin, p.ymax, 1]] as const) {
    if (lo === undefined && hi === undefined) continue;
    const within = (a: number, b: number) => (lo === undefined || Math.max(a, b) >= lo) && (hi === undefined || Math.min(a, b) <= hi);
    let dataLo = Infinity;
    let dataHi = -Infinity;
    let shows = false;
    for (const s of series) {
      let previous: number | undefined;
      for (const [x, y] of s.points) {
        if (!Number.isFinite(x) || !Number.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) {
          previous = undefined; // not drawn, and the line breaks there
          continue;
        }
        const v = at === 0 ? x : y;
        dataLo = Math.min(dataLo, v);
        dataHi = Math.max(dataHi, v);
        shows ||= within(v, v) || (lines && previous !== undefined && within(previous, v));
        previous = v;
      }
    }
    if (shows || dataLo > dataHi) continue; // something shows, or there is nothing to show (warned above)
    const shown = (v: number) => String(Number(v.toPrecision(4)));
    const range = lo !== undefined && hi !== undefined ? `from ${lo} to ${hi}` : lo !== undefined ? `from ${lo} up` : `up to ${hi}`;
    const fixed = [lo !== undefined && `${axis}min`, hi !== undefined && `${axis}max`].filter(Boolean).join(' and ');
    ctx.warn(
      `the ${axis} axis ${range} holds none of the data (whose ${axis} runs from ${shown(dataLo)} to ${shown(dataHi)}), so the plot is empty; change ${fixed}, or leave ${lo !== undefined && hi !== undefined ? 'them' : 'it'} out to fit the data`,
      { param: lo !== undefined && (hi === undefined || dataLo < lo) ? `${axis}min` : `${axis}max` },
    );
  }

  const xLabel = p.xlabel ?? xName;
  const yLabel = p.ylabel ?? (yNames.length === 1 ? labels[0] : undefined);
  const kind = p.mode === 'scatter' ? 'Scatter plot' : p.mode === 'both' ? 'Line plot with markers' : 'Line plot';
  const ranges = series.map((s) => {
    const ok = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (!ok.length) return `${labelToPlain(s.label)}: no values.`;
    const ysOk = ok.map(([, y]) => y);
    return `${labelToPlain(s.label)}: ${ok.length} points, from ${formatSignificant(Math.min(...ysOk), 3)} to ${formatSignificant(Math.max(...ysOk), 3)}.`;
  });
  const desc =
    `${kind} of ${series.length} series from ${data.shown}. Horizontal axis: ${labelToPlain(xLabel)}${logX ? ' (logarithmic)' : ''}. ` +
    `Vertical axis: ${yLabel ? labelToPlain(yLabel) : yNames.join(', ')}${logY ? ' (logarithmic)' : ''}. ` +
    ranges.join(' ');
  const ids = createIds(ctx.idPrefix);
  const { svg } = renderPlot(
    {
      x: { type: p.xscale, label: xLabel, min: p.xmin, max: p.xmax },
      y: { type: p.yscale, label: yLabel, min: p.ymin, max: p.ymax },
      series,
      legend: p.legend && series.length > 1,
    },
    { ids, title: figureTitle(ctx, p, `${kind} of ${yNames.join(', ')} against ${xName}`), desc, class: 'hp-data-plot' },
  );
  let html = svg;
  if (p.table && table.rows <= TABLE_ROWS) {
    html += dataTable(
      { header: labelToPlain(xLabel), values: xs },
      yNames.map((n, i) => ({ header: labelToPlain(labels[i]!), values: table.values[names.indexOf(n)]! })),
      { summary: 'Data table', format: (v) => (Number.isFinite(v) ? String(v) : 'n/a') },
    );
  }
  return wrapFigure(ctx, html, { caption: p.caption, class: p.class });
}

export default defineShortcode({
  name: 'plot',
  summary: 'Line and scatter plots from a CSV or JSON file in the page bundle, as themed SVG with axes, legend and math labels.',
  params,
  inner: 'none',
  version: 6,
  // Reads a data file: re-render on every build so an edited file shows up.
  cacheable: false,
  render,
});
