import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import plot from '../../shortcodes/plot.js';
import { DATA_LIMITS, parseCsv, parseJsonData, splitCsv } from '../../src/svg/plot/data.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv } from '../helpers/page-env.js';

describe('CSV', () => {
  it('reads a header and numeric columns; empty cells and NA are missing values', () => {
    const r = parseCsv('\uFEFFstep,loss\r\n1,0.9\r\n2,\r\n3,NA\n4,1e-3\n\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.columns).toEqual(['step', 'loss']);
    expect(Array.from(r.table.values[1]!)).toEqual([0.9, Number.NaN, Number.NaN, 0.001]);
  });
  it('handles quotes, escaped quotes, embedded newlines and other delimiters', () => {
    expect(splitCsv('"a,b","say ""hi""\nthere"\n1,2', ',').records).toEqual([
      { line: 1, fields: ['a,b', 'say "hi"\nthere'] },
      { line: 3, fields: ['1', '2'] },
    ]);
    const semi = parseCsv('x;y\n1;2');
    expect(semi.ok && semi.table.columns).toEqual(['x', 'y']);
    const tab = parseCsv('x\ty\n1\t2');
    expect(tab.ok && Array.from(tab.table.values[1]!)).toEqual([2]);
  });
  it('reports ragged rows, non-numbers, bad headers and open quotes with the line', () => {
    const msg = (t: string) => {
      const r = parseCsv(t);
      return r.ok ? 'ok' : r.message;
    };
    expect(msg('x,y\n1,2\n3\n')).toBe('line 3 has 1 field, but the header has 2; every row needs one value per column (leave a cell empty for a missing value)');
    expect(msg('x,y\n1,2\n3,abc\n')).toMatch(/^line 3, column "y": "abc" is not a number/);
    expect(msg('x,x\n1,2')).toMatch(/names column "x" twice/);
    expect(msg('x,\n1,2')).toMatch(/column 2 of the header has no name/);
    expect(msg('x,y\n"1,2\n')).toMatch(/quoted field is not closed/);
    expect(msg('')).toMatch(/empty/);
    expect(msg('x,y\n')).toMatch(/no data rows/);
    expect(msg('x\n' + '1\n'.repeat(DATA_LIMITS.rows + 1))).toMatch(/limit is 50000/);
  });
});

describe('JSON', () => {
  it('reads rows of objects and objects of columns; null is missing', () => {
    const a = parseJsonData('[{"x":1,"y":2},{"x":2,"y":null}]');
    const b = parseJsonData('{"x":[1,2],"y":[2,null]}');
    for (const r of [a, b]) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(Array.from(r.table.values[1]!)).toEqual([2, Number.NaN]);
    }
  });
  it('reports ragged, non-numeric and malformed data', () => {
    const msg = (t: string) => {
      const r = parseJsonData(t);
      return r.ok ? 'ok' : r.message;
    };
    expect(msg('[{"x":1,"y":2},{"x":2}]')).toMatch(/^row 2 lacks "y"/);
    expect(msg('{"x":[1,2],"y":[2]}')).toMatch(/column "y" has 1 values but "x" has 2/);
    expect(msg('[{"x":1,"y":"big"}]')).toMatch(/row 1, "y": "big" is not a number/);
    expect(msg('{"x":[1,')).toMatch(/not valid JSON/);
    expect(msg('42')).toMatch(/expected an array of row objects/);
  });
});

describe('plot shortcode', () => {
  let site: string;
  let bundle: string;
  const opts = () => ({ page: { absPath: path.join(bundle, 'index.md'), relPath: 'content/posts/p/index.md', bundleDir: bundle }, site: { dir: site, staticDirs: [path.join(site, 'static')], assetsDir: path.join(site, 'assets') } });
  beforeAll(() => {
    site = mkdtempSync(path.join(tmpdir(), 'hp-plot-'));
    bundle = path.join(site, 'content/posts/p');
    mkdirSync(bundle, { recursive: true });
    mkdirSync(path.join(site, 'static/data'), { recursive: true });
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},${(2.3 * Math.exp(-i / 8) + 0.1).toFixed(4)},${(2.4 * Math.exp(-i / 10) + 0.25).toFixed(4)}`);
    writeFileSync(path.join(bundle, 'loss.csv'), `epoch,train,valid\n${rows.join('\n')}\n`);
    writeFileSync(path.join(site, 'static/data/lr.json'), JSON.stringify({ step: [0, 100, 200, 300], lr: [0.001, 0.0008, 0.0004, 0.0001] }));
    writeFileSync(path.join(bundle, 'ragged.csv'), 'x,y\n1,2\n3\n');
    writeFileSync(path.join(bundle, 'words.csv'), 'x,y\n1,two\n');
    writeFileSync(path.join(bundle, 'huge.csv'), 'x,y\n' + '1,2\n'.repeat(DATA_LIMITS.bytes / 4 + 10));
    writeFileSync(path.join(site, 'secret.csv'), 'x,y\n1,2\n');
    // A header with a comma in a name (found by an audit), numbers quoted or not.
    writeFileSync(path.join(bundle, 'quoted.csv'), '"Epoch #","Train loss, smoothed","Val loss (EMA)"\n1,"2.5","2.7"\n2,"2.1","2.4"\n3,1.8,2.2\n');
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('plots two series from a bundle CSV with legend, labels and a data table', async () => {
    const { html, reports } = await renderShortcodeForTest(plot, { file: 'loss.csv', x: 'epoch', y: 'train,valid', ylabel: 'loss $\\mathcal{L}$', labels: 'training | validation, held out' }, opts());
    expect(reports).toEqual([]);
    expect(html).toMatch(/^<figure class="hp-figure"><svg id="hp-test0-svg" class="hp-diagram hp-plot hp-data-plot"/);
    expect(html).toContain('hp-plot-legend');
    expect(html).toContain('<tspan>training</tspan>');
    expect(html).toContain('<tspan>validation, held out</tspan>');
    expect(html).toMatch(/<desc[^>]*>Line plot of 2 series from loss.csv\. Horizontal axis: epoch\. Vertical axis: loss L\. training: 30 points, from 0.161 to 2.40\. validation, held out: 30 points/);
    expect(html).toContain('<th scope="col">epoch</th><th scope="col">training</th>');
    expect((html.match(/<tr>/g) ?? []).length).toBe(31);
    expect(html.toLowerCase()).not.toMatch(/#000|#fff|black|white/);
  });

  it('finds files under static/ (also site-rooted), reads JSON, draws scatter on a log axis', async () => {
    for (const file of ['data/lr.json', '/data/lr.json']) {
      const { html, reports } = await renderShortcodeForTest(plot, { file, mode: 'scatter', yscale: 'log' }, opts());
      expect(reports).toEqual([]);
      expect(html).toContain('hp-plot-markers');
      expect(html).not.toContain('hp-plot-line');
      expect(html).toContain('<tspan>0.0005</tspan>'); // one decade: 1–2–5 ticks
      expect(html).toContain('<td>0.0008</td>');
    }
  });

  it('finds files a static or assets mount brings from another folder, at its target (vendor/runs at static/data/runs)', async () => {
    mkdirSync(path.join(site, 'vendor/runs'), { recursive: true });
    writeFileSync(path.join(site, 'vendor/runs/lr.json'), JSON.stringify({ step: [0, 100, 200, 300], lr: [0.001, 0.0008, 0.0004, 0.0001] }));
    const mounted = () => {
      const o = opts();
      const staticRoots = [{ dir: path.join(site, 'static'), target: '' }, { dir: path.join(site, 'vendor/runs'), target: 'data/runs' }];
      return { ...o, site: { ...o.site, staticRoots, assetRoots: [{ dir: path.join(site, 'vendor/runs'), target: 'tables' }] } };
    };
    for (const file of ['/data/runs/lr.json', 'data/runs/lr.json', '/tables/lr.json']) {
      const { html, reports } = await renderShortcodeForTest(plot, { file, mode: 'scatter', yscale: 'log' }, mounted());
      expect(reports, file).toEqual([]);
      expect(html, file).toContain('<td>0.0008</td>');
    }
    const { reports } = await renderShortcodeForTest(plot, { file: '/data/runs/../../../secret.csv' }, mounted());
    expect(reports.map((r) => r.message)).toEqual([expect.stringContaining('points outside the page bundle, static/ and assets/')]);
  });

  it('is deterministic', async () => {
    const a = await renderShortcodeForTest(plot, { file: 'loss.csv' }, opts());
    const b = await renderShortcodeForTest(plot, { file: 'loss.csv' }, opts());
    expect(a.html).toBe(b.html);
  });

  const errorOf = async (params: Record<string, string>) => {
    const { html, reports } = await renderShortcodeForTest(plot, params, opts());
    expect(html).toBe('');
    const errs = reports.filter((r) => r.severity === 'error');
    expect(errs.length).toBe(1);
    return errs[0]!;
  };

  it('reports missing, ragged, non-numeric, oversized and escaping files at the file parameter', async () => {
    expect(await errorOf({ file: 'nope.csv' })).toEqual(expect.objectContaining({ param: 'file', message: expect.stringContaining('file "nope.csv" not found; looked in the page bundle, static, assets') }));
    expect((await errorOf({ file: 'ragged.csv' })).message).toContain('file "ragged.csv": line 3 has 1 field, but the header has 2');
    expect((await errorOf({ file: 'words.csv' })).message).toContain('line 2, column "y": "two" is not a number');
    expect((await errorOf({ file: 'huge.csv' })).message).toMatch(/is 2\.0 MB; the limit is 2 MB/);
    expect((await errorOf({ file: '../../../secret.csv' })).message).toContain('points outside the page bundle, static/ and assets/');
  });

  it('reports unknown columns and mismatched labels, naming the valid columns', async () => {
    expect(await errorOf({ file: 'loss.csv', x: 'step' })).toEqual(expect.objectContaining({ param: 'x', message: 'x="step" is not a column of loss.csv; its columns are "epoch", "train", "valid"' }));
    expect((await errorOf({ file: 'loss.csv', y: 'train,test' })).message).toBe('y: "test" is not a column of loss.csv; its columns are "epoch", "train", "valid"');
    expect((await errorOf({ file: 'loss.csv', labels: 'one' })).message).toMatch(/labels gives 1 label for 2 y columns/);
    expect((await errorOf({ file: 'loss.csv', xmin: '5', xmax: '1' })).message).toMatch(/xmin \(5\) must be less than xmax \(1\)/);
  });

  it('requires the file parameter, and warns about points a log axis cannot show', async () => {
    const none = await renderShortcodeForTest(plot, {}, opts());
    expect(none.reports.some((r) => r.severity === 'error' && /missing required parameter "file"/.test(r.message))).toBe(true);
    writeFileSync(path.join(bundle, 'neg.csv'), 'x,y\n1,-1\n2,1\n3,10\n');
    const neg = await renderShortcodeForTest(plot, { file: 'neg.csv', yscale: 'log' }, opts());
    expect(neg.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'yscale', message: '1 point is ≤ 0 and left out of the log-scale axis' })]);
  });

  it('draws a point with no neighbour to join (a validation loss every 5 epochs) as a marker in its colour, listed with its marker in the legend', async () => {
    // Before, each such point was a zero-length line piece ("M…Z"): invisible, though the legend listed the series.
    const rows = Array.from({ length: 10 }, (_, i) => `${i + 1},${(2 / (i + 1)).toFixed(3)},${(i + 1) % 5 === 0 ? (2.5 / (i + 1)).toFixed(3) : ''}`);
    writeFileSync(path.join(bundle, 'sparse.csv'), `epoch,train,val\n${rows.join('\n')}\n`);
    const { html, reports } = await renderShortcodeForTest(plot, { file: 'sparse.csv' }, opts());
    expect(reports).toEqual([]);
    const isolated = [...html.matchAll(/<g[^>]*class="hp-fill-([a-z]+) hp-plot-markers hp-plot-isolated"[^>]*>(.*?)<\/g>/g)];
    expect(isolated.map((m) => m[1])).toEqual(['input']); // val, the second series: red
    const marks = [...isolated[0]![2]!.matchAll(/<path d="([^"]+)" transform="translate\(([\d.]+) ([\d.]+)\)"/g)];
    expect(marks.length).toBe(2);
    expect(marks[0]![1]).toBe('M-3.16,-3.16h6.32v6.32h-6.32Z'); // its square marker, not a zero-length piece
    expect(Number(marks[0]![2])).toBeLessThan(Number(marks[1]![2])); // epochs 5 and 10, left to right
    // The train line has no isolated point, so no markers of its own.
    expect(html).not.toMatch(/hp-fill-output hp-plot-markers/);
    const legend = /<g class="hp-plot-legend">(.*)$/.exec(html)![1]!;
    const items = legend.split('class="hp-plot-legend-item"').slice(1);
    expect(items[0]).not.toContain('hp-fill-output'); // train: a line only
    expect(items[1]).toContain('class="hp-fill-input"'); // val: a line with its marker
  });

  it('marks points a log axis or NaN cells leave without neighbours, and warns about NaN and infinite cells per column', async () => {
    writeFileSync(path.join(bundle, 'nan.csv'), 'x,y,z\n1,1,1\n2,nan,2\n3,2,inf\n4,-inf,3\n5,3,NaN\n6,,4\n');
    const r = await renderShortcodeForTest(plot, { file: 'nan.csv' }, opts());
    expect(r.reports).toEqual([
      { severity: 'warning', param: 'file', message: 'column "y" has 2 cells that are NaN or infinite (the first at line 3), left out of the plot; write a number there, or leave the cell empty (or NA) for a value that was not measured' },
      { severity: 'warning', param: 'file', message: 'column "z" has 2 cells that are NaN or infinite (the first at line 4), left out of the plot; write a number there, or leave the cell empty (or NA) for a value that was not measured' },
    ]);
    const y = /class="hp-fill-output hp-plot-markers hp-plot-isolated"[^>]*>(.*?)<\/g>/.exec(r.html)![1]!;
    expect(y.match(/<path /g)!.length).toBe(3); // y at x = 1, 3 and 5, each between gaps
    const z = /class="hp-fill-input hp-plot-markers hp-plot-isolated"[^>]*>(.*?)<\/g>/.exec(r.html)![1]!;
    expect(z.match(/<path /g)!.length).toBe(2); // z at x = 4 and 6; 1–2 is a line
    writeFileSync(path.join(bundle, 'logiso.csv'), 'x,y\n1,1\n2,-1\n3,2\n4,0\n5,3\n6,4\n');
    const log = await renderShortcodeForTest(plot, { file: 'logiso.csv', yscale: 'log' }, opts());
    expect(log.reports.map((x) => x.message)).toEqual(['2 points are ≤ 0 and left out of the log-scale axis']);
    expect(/hp-plot-isolated"[^>]*>(.*?)<\/g>/.exec(log.html)![1]!.match(/<path /g)!.length).toBe(2);
    const xinf = await renderShortcodeForTest(plot, { file: 'nan.csv', x: 'z', y: 'x' }, opts());
    expect(xinf.reports.map((x) => x.message)).toEqual([
      'column "z" has 2 cells that are NaN or infinite (the first at line 4), left out of the plot with their rows; write a number there, or leave the cell empty (or NA) for a value that was not measured',
    ]);
  });

  it('warns about a column with nothing to draw (all missing, infinite or past 1.8e308), which was drawn as nothing in silence', async () => {
    writeFileSync(path.join(bundle, 'inf.csv'), 'x,big,ok\n1,1e400,1\n2,NA,2\n3,inf,3\n');
    const r = await renderShortcodeForTest(plot, { file: 'inf.csv' }, opts());
    expect(r.reports).toEqual([
      expect.objectContaining({
        severity: 'warning',
        param: 'file',
        message: 'column "big" has no value to draw: every row is missing, infinite or too large for a number (over about 1.8e308) there or in the x column; check the data',
      }),
    ]);
  });

  // The page as written, through Hugo's parameter syntax, and its messages where they are.
  const page = async (shortcodes: string[]) => {
    const env = pageEnv();
    env.page = { absPath: path.join(bundle, 'index.md'), relPath: 'content/posts/p/index.md', frontMatter: {}, bundleDir: bundle };
    env.site = { dir: site, staticDirs: [path.join(site, 'static')], assetsDir: path.join(site, 'assets') };
    const r = await prerenderPage(`---\ntitle: T\n---\n${shortcodes.join('\n\n')}\n`, env);
    const plotted = [...r.fragments.map((f) => f.html).join('\n').matchAll(/<desc[^>]*>Line plot of (\d+) series from quoted\.csv\. Horizontal axis: ([^.]*)\. Vertical axis: ([^.]*)\./g)].map((m) => `${m[1]}: ${m[2]} → ${m[3]}`);
    return { plotted, diagnostics: r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`) };
  };

  it('names a column whose header holds a comma: as written, in double quotes as in the header, or between |', async () => {
    const ok = await page([
      '{{< plot file="quoted.csv" y="\\"Train loss, smoothed\\"" >}}',
      '{{< plot file="quoted.csv" y="Train loss, smoothed" x=`"Epoch #"` >}}',
      '{{< plot file="quoted.csv" y="Train loss, smoothed|Val loss (EMA)" >}}',
      '{{< plot file="quoted.csv" y=`"Train loss, smoothed", "Val loss (EMA)"` >}}',
    ]);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.plotted).toEqual([
      '1: Epoch # → Train loss, smoothed',
      '1: Epoch # → Train loss, smoothed',
      '2: Epoch # → Train loss, smoothed, Val loss (EMA)',
      '2: Epoch # → Train loss, smoothed, Val loss (EMA)',
    ]);
  });

  it('says which names are not columns, each whole, and how to name one with a comma', async () => {
    const r = await page([
      '{{< plot file="quoted.csv" y="Train loss, smoothed,Val loss (EMA)" >}}',
      '{{< plot file="quoted.csv" y="Train loss|Val" >}}',
      '{{< plot file="quoted.csv" y=`"Train loss, smoothed` >}}',
    ]);
    expect(r.diagnostics).toEqual([
      '4:28: error: plot: y: "Train loss" and "smoothed" are not columns of quoted.csv; its columns are "Epoch #", "Train loss, smoothed", "Val loss (EMA)"; a name that holds a comma is read whole when the names are separated by | (y="Train loss, smoothed|Val loss (EMA)") or put in double quotes',
      '6:28: error: plot: y: "Train loss" and "Val" are not columns of quoted.csv; its columns are "Epoch #", "Train loss, smoothed", "Val loss (EMA)"',
      '8:28: error: plot: y=`"Train loss, smoothed` has a double quote that is not closed; close it after the name, or leave the quotes out and separate the names with |',
    ]);
  });

  it('warns, at xmin/xmax or ymin/ymax, when a fixed range holds none of the data (the plot was empty in silence)', async () => {
    writeFileSync(path.join(bundle, 'far.csv'), 'x,y\n1,1\n10,2\n');
    const r = await page([
      '{{< plot file="quoted.csv" xmin=5 xmax=10 >}}',
      '{{< plot file="quoted.csv" ymin=0 ymax=0.5 >}}',
      '{{< plot file="quoted.csv" xmax=0.5 >}}',
      '{{< plot file="far.csv" xmin=4 xmax=6 mode="scatter" >}}',
      // What shows: a point in range, or a line crossing it.
      '{{< plot file="quoted.csv" xmin=2 xmax=10 ymin=2 ymax=2.6 >}}',
      '{{< plot file="far.csv" xmin=4 xmax=6 >}}',
    ]);
    expect(r.diagnostics).toEqual([
      '4:28: warning: plot: the x axis from 5 to 10 holds none of the data (whose x runs from 1 to 3), so the plot is empty; change xmin and xmax, or leave them out to fit the data',
      '6:35: warning: plot: the y axis from 0 to 0.5 holds none of the data (whose y runs from 1.8 to 2.7), so the plot is empty; change ymin and ymax, or leave them out to fit the data',
      '8:28: warning: plot: the x axis up to 0.5 holds none of the data (whose x runs from 1 to 3), so the plot is empty; change xmax, or leave it out to fit the data',
      '10:25: warning: plot: the x axis from 4 to 6 holds none of the data (whose x runs from 1 to 10), so the plot is empty; change xmin and xmax, or leave them out to fit the data',
    ]);
  });
});
