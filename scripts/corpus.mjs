// `npm run corpus`: how much of the real posts in fixtures/corpus hugo-prerender typesets with default
// settings. For each source site (fixtures/corpus/sites.json) the formulas are counted twice:
// - found: by the site's own delimiters, with a small reimplementation of how MathJax (or KaTeX's
//   auto-render) scans a page, run on the Markdown source (see countFormulas below); it shares no code
//   with hugo-prerender's parser;
// - typeset: formulas that `checkSite` (the code behind `hugo-prerender check`) located and KaTeX
//   rendered without an error, matched to the found ones by position.
// Prints one line per site and the total; `--json` prints the numbers as JSON; `--misses` lists every
// found formula that was not typeset.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, 'fixtures/corpus');

/** Replaces [start, end) of the char array with spaces, keeping line breaks (offsets stay valid). */
function blank(chars, start, end) {
  for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

const MATH_CODE = [/^\$[^$][\s\S]*[^$]\$$/, /^\$\$[\s\S]+\$\$$/, /^\\\([\s\S]+\\\)$/, /^\\\[[\s\S]+\\\]$/, /^\\begin\{([^}]+)\}[\s\S]+\\end\{\1\}$/];

/**
 * The formulas of one Markdown file as the site's renderer finds them: [{start, end}] offsets into the
 * source. Code (fences, inline code, HTML comments, script/style, escaped shortcodes) is skipped, except
 * inline code that blogdown's math-code.js turns into math (`codeMath`). Then, left to right, as
 * MathJax's FindTeX does: `\$` is text (processEscapes), an opening delimiter looks for its closer at
 * brace depth 0 (a backslash takes the next character with it) within the same paragraph, and
 * `\begin{env}` looks for its `\end{env}` (processEnvironments).
 */
export function countFormulas(source, site) {
  const chars = source.split('');
  const found = [];
  const fm = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(\r?\n|$)/.exec(source);
  if (fm) blank(chars, 0, fm[0].length);
  const text = () => chars.join('');
  const blankAll = (re, fn) => {
    const t = text();
    for (const m of t.matchAll(re)) {
      if (fn && fn(m)) continue;
      blank(chars, m.index, m.index + m[0].length);
    }
  };
  blankAll(/^[ \t>]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t>]*\1[`~]*[ \t]*$/gm);
  blankAll(/<!--[\s\S]*?-->/g);
  blankAll(/\{\{[<%]\s*\/\*[\s\S]*?\*\/\s*[>%]\}\}/g);
  blankAll(/<(script|style)\b[\s\S]*?<\/\1>/gi);
  const wrappers = site.wrappers ?? {};
  // Wrapper shortcodes: katex holds one formula; raw holds TeX with single-backslash delimiters.
  for (const [name, kind] of Object.entries(wrappers)) {
    const re = new RegExp(`\\{\\{[<%]\\s*${name}\\b([^}]*?)[>%]\\}\\}([\\s\\S]*?)\\{\\{[<%]\\s*/${name}\\s*[>%]\\}\\}`, 'g');
    for (const m of text().matchAll(re)) {
      const innerStart = m.index + m[0].indexOf('}}') + 2;
      const inner = m[2];
      if (kind === 'tex') {
        if (inner.trim()) found.push({ start: innerStart, end: innerStart + inner.length });
      } else {
        const sub = { inline: [['$', '$'], ['\\(', '\\)']], display: [['$$', '$$'], ['\\[', '\\]']], environments: true };
        for (const f of scan(inner, sub)) found.push({ start: innerStart + f.start, end: innerStart + f.end });
      }
      blank(chars, m.index, m.index + m[0].length);
    }
  }
  blankAll(/\{\{[<%][\s\S]*?[>%]\}\}/g);
  blankAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (m) => {
    if (site.codeMath && !m[0].includes('\n\n') && MATH_CODE.some((re) => re.test(m[2].trim()))) {
      found.push({ start: m.index, end: m.index + m[0].length });
      blank(chars, m.index, m.index + m[0].length);
      return true;
    }
    return false;
  });
  for (const f of scan(text(), site)) found.push(f);
  return found.sort((a, b) => a.start - b.start);
}

function scan(t, site) {
  const pairs = [...(site.display ?? []), ...(site.inline ?? [])].sort((a, b) => b[0].length - a[0].length);
  const out = [];
  let i = 0;
  while (i < t.length) {
    // `\$` is a dollar sign (processEscapes); so is `\\$`, which Markdown hands MathJax as `\$`.
    const esc = /^\\{1,2}\$/.exec(t.slice(i, i + 3));
    if (esc) {
      i += esc[0].length;
      continue;
    }
    const pair = pairs.find(([open]) => t.startsWith(open, i));
    if (pair) {
      const end = findClose(t, i + pair[0].length, pair[1], false);
      if (end !== -1) {
        out.push({ start: i, end });
        i = end;
        continue;
      }
      i += pair[0].length;
      continue;
    }
    if (site.environments && t.startsWith('\\begin{', i)) {
      const m = /^\\begin\{([A-Za-z]+\*?)\}/.exec(t.slice(i, i + 40));
      if (m) {
        const end = findClose(t, i + m[0].length, `\\end{${m[1]}}`, true);
        if (end !== -1) {
          out.push({ start: i, end });
          i = end;
          continue;
        }
      }
    }
    i += t[i] === '\\' ? 2 : 1;
  }
  return out;
}

/** HTML that starts or ends a block: MathJax scans each block's text on its own. */
const BLOCK_TAG = /^<\/?(p|div|td|th|tr|table|thead|tbody|li|ul|ol|h[1-6]|blockquote|details|summary|figure|figcaption)\b/i;

/**
 * The offset after the closer, or -1. Outside environments a blank line (a new paragraph) or an HTML
 * block tag ends the search.
 */
function findClose(t, from, close, environment) {
  let depth = 0;
  for (let i = from; i < t.length; i++) {
    if (!environment && t[i] === '<' && BLOCK_TAG.test(t.slice(i, i + 12))) return -1;
    if (depth === 0 && t.startsWith(close, i)) return i === from ? -1 : i + close.length;
    const c = t[i];
    if (t.startsWith('\\\\$', i)) i += 2; // `\\$`: Markdown hands MathJax `\$`, an escaped dollar
    else if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n' && !environment && /^\n[ \t>]*\n/.test(t.slice(i, i + 40))) return -1;
  }
  return -1;
}

async function main() {
  const { checkSite } = await import(path.join(root, 'dist/index.js'));
  const { sites } = JSON.parse(readFileSync(path.join(corpus, 'sites.json'), 'utf8'));
  const json = process.argv.includes('--json');
  const misses = process.argv.includes('--misses');
  const rows = [];
  for (const site of sites) {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'hp-corpus-'));
    try {
      writeFileSync(path.join(tmp, 'hugo.toml'), `baseURL = "https://example.org/"\ntitle = "corpus"\n${site.config}`);
      mkdirSync(path.join(tmp, 'content'));
      cpSync(path.join(corpus, site.dir, site.content), path.join(tmp, 'content'), { recursive: true });
      const r = await checkSite(tmp);
      let found = 0;
      let typeset = 0;
      const missed = [];
      for (const page of r.pages) {
        const source = readFileSync(path.join(tmp, page.file), 'utf8');
        const formulas = countFormulas(source, site);
        if (formulas.length === 0) continue;
        const ok = page.formulas.filter((f) => f.error === undefined);
        let k = 0;
        for (const f of formulas) {
          found++;
          while (k < ok.length && ok[k].end <= f.start) k++;
          if (k < ok.length && ok[k].start < f.end) {
            typeset++;
            k++;
          } else {
            const line = source.slice(0, f.start).split('\n').length;
            missed.push(`${site.dir}/${site.content}/${page.file.replace(/^content\//, '')}:${line}: ${source.slice(f.start, Math.min(f.end, f.start + 80)).replace(/\n/g, '⏎')}`);
          }
        }
      }
      rows.push({ site: site.dir, pages: r.pages.length, found, typeset, missed });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const total = rows.reduce((a, r) => ({ pages: a.pages + r.pages, found: a.found + r.found, typeset: a.typeset + r.typeset }), { pages: 0, found: 0, typeset: 0 });
  const pct = (a, b) => (b === 0 ? 100 : (100 * a) / b).toFixed(1);
  if (json) {
    process.stdout.write(`${JSON.stringify({ sites: rows.map(({ missed, ...r }) => r), total }, null, 2)}\n`);
    return;
  }
  const w = Math.max(...rows.map((r) => r.site.length));
  for (const r of rows) {
    process.stdout.write(`${r.site.padEnd(w)}  ${String(r.pages).padStart(3)} pages  ${String(r.found).padStart(5)} found  ${String(r.typeset).padStart(5)} typeset  ${pct(r.typeset, r.found).padStart(5)} %\n`);
    if (misses) for (const m of r.missed) process.stdout.write(`    ${m}\n`);
  }
  process.stdout.write(`${'total'.padEnd(w)}  ${String(total.pages).padStart(3)} pages  ${String(total.found).padStart(5)} found  ${String(total.typeset).padStart(5)} typeset  ${pct(total.typeset, total.found).padStart(5)} %\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
