/**
 * The data table that goes with a plot, inside a collapsed `<details>`: for readers who cannot see the
 * plot, and for anyone checking the numbers. First column the x values, one column per series.
 */
import { escapeAttr, escapeText } from '../escape.js';

export interface TableColumn {
  /** Header as plain text. */
  header: string;
  values: ArrayLike<number>;
}

/**
 * `digits` significant digits, ASCII minus and exponent (`3.1262e-6`), so values can be pasted into a
 * spreadsheet or parsed with Number(). Integers print as integers; NaN and ±∞ as "n/a".
 */
export function formatSignificant(v: number, digits = 5): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const s = v.toPrecision(digits);
  return s.replace('e+', 'e');
}

/** `<details><summary>…</summary><div …><table>…</table></div></details>`; `x` values are written as given. */
export function dataTable(
  x: TableColumn,
  columns: readonly TableColumn[],
  opts: { summary?: string; caption?: string; class?: string; digits?: number; format?: (v: number) => string } = {},
): string {
  const digits = opts.digits ?? 5;
  const f = opts.format ?? ((v: number) => formatSignificant(v, digits));
  const head =
    `<tr><th scope="col">${escapeText(x.header)}</th>` +
    columns.map((c) => `<th scope="col">${escapeText(c.header)}</th>`).join('') +
    '</tr>';
  const rows: string[] = [];
  for (let i = 0; i < x.values.length; i++) {
    const xv = x.values[i]!;
    rows.push(
      `<tr><th scope="row">${escapeText(f(xv))}</th>` +
        columns.map((c) => `<td>${escapeText(f(c.values[i] ?? Number.NaN))}</td>`).join('') +
        '</tr>',
    );
  }
  const caption = opts.caption ? `<caption>${escapeText(opts.caption)}</caption>` : '';
  const summary = opts.summary ?? 'Data table';
  // A table wider than a phone's column scrolls in a box of its own (a named region a keyboard can reach,
  // like the figures' .hp-scroll), never the whole page sideways. Inline styles: no stylesheet needed.
  return (
    `<details class="${escapeAttr(['hp-plot-table', opts.class].filter(Boolean).join(' '))}">` +
    `<summary>${escapeText(summary)}</summary>` +
    `<div class="hp-table-scroll" role="region" tabindex="0" aria-label="${escapeAttr(summary)}" style="overflow-x:auto;max-width:100%">` +
    `<table>${caption}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div></details>`
  );
}
