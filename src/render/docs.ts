/**
 * The README's parameter tables come from the shortcodes' own parameter specs, so the documentation
 * cannot drift from the code: `npm run docs` rewrites the README between markers, and a test fails when
 * the README is out of date.
 */
import { describeSpec, type ParamSpec } from './params.js';
import type { ShortcodeDefinition } from './types.js';

function formatDefault(spec: ParamSpec): string {
  if (spec.required) return '*(required)*';
  const d = spec.default;
  if (d === undefined) return '';
  if (Array.isArray(d)) return d.length ? `\`${d.join(',')}\`` : '';
  return `\`${String(d)}\``;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** A Markdown table of one shortcode's parameters. */
export function paramsTable(def: ShortcodeDefinition<any>): string {
  const rows = Object.entries(def.params as Record<string, ParamSpec>).map(
    ([name, spec]) => `| \`${name}\` | ${cell(describeSpec(spec))} | ${cell(formatDefault(spec))} | ${cell(spec.doc)} |`,
  );
  const inner =
    def.inner === 'required'
      ? `\n\nInner content: required (\`{{< ${def.name} … >}}…{{< /${def.name} >}}\`).`
      : def.inner === 'optional'
        ? `\n\nInner content: optional.`
        : '';
  return `| parameter | accepts | default | meaning |\n|---|---|---|---|\n${rows.join('\n')}${inner}`;
}

const MARK = (name: string, end = false) => `<!-- ${end ? '/' : ''}params:${name} -->`;

/** Replaces every `<!-- params:NAME -->…<!-- /params:NAME -->` block with the current table. */
export function updateParamsBlocks(readme: string, defs: Iterable<ShortcodeDefinition<any>>): string {
  let out = readme;
  for (const def of defs) {
    const start = MARK(def.name);
    const end = MARK(def.name, true);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) continue;
    out = `${out.slice(0, i + start.length)}\n${paramsTable(def)}\n${out.slice(j)}`;
  }
  return out;
}
