// A PlanDiff as text (terminal), Markdown (a pull-request comment: summary first, details folded) or JSON.
// Formatting only: every delta was computed by the diff.
import type { PlanDiff } from './diff.ts';
import type { InputChange } from './diff-inputs.ts';
import type { OutputRow, RiskFiring } from './diff-outputs.ts';
import { formatDelta, formatNumber, formatPct, formatValue } from './numbers.ts';
import { stableJson } from '../model/stable-json.ts';
import { mdCode, mdText } from './markdown-text.ts';
import { textTable } from '../i18n/text-table.ts';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function formatDiff(diff: PlanDiff, format: DiffFormat): string {
  if (format === 'json') return stableJson(diff);
  return format === 'markdown' ? formatMarkdown(diff) : formatText(diff);
}

const sideName = (s: PlanDiff['from']) => (s.kind === 'ref' ? s.label : `${s.label}/`);

function inputCells(c: InputChange, currency: string): [string, string, string, string] {
  if (c.kind === 'added') return ['—', c.after === undefined ? 'added' : formatValue(c.after, c.unit, currency), 'added', ''];
  if (c.kind === 'removed') return [c.before === undefined ? 'removed' : formatValue(c.before, c.unit, currency), '—', 'removed', ''];
  if (c.before === undefined && c.after === undefined) return ['', '', 'edited', ''];
  const delta = c.delta === undefined ? '' : formatDelta(c.delta, c.unit ?? 'number', currency);
  return [formatValue(c.before, c.unit, currency), formatValue(c.after, c.unit, currency), delta, c.deltaPct === undefined ? '' : formatPct(c.deltaPct)];
}

const where = (c: InputChange) => (c.line ? `${c.file}:${c.line}` : c.file);

function rowCells(r: OutputRow, currency: string): [string, string, string, string] {
  return [formatNumber(r.before, r.unit, currency), formatNumber(r.after, r.unit, currency), formatDelta(r.delta, r.unit, currency), formatPct(r.deltaPct)];
}

const firing = (f: RiskFiring) => `${f.id} (${f.period}, ${f.basis}: ${formatNumber(f.value, 'number')} vs threshold ${formatNumber(f.threshold, 'number')})`;

/** One sentence on what moved: the headline figures that changed. */
function effects(diff: PlanDiff): string {
  const { currency } = diff.outputs;
  const moved = diff.outputs.headline.filter((r) => r.before !== r.after);
  if (moved.length === 0) return 'No change to the headline figures.';
  return moved.map((r) => `${r.label} ${formatDelta(r.delta, r.unit, currency)} (${formatPct(r.deltaPct)})`).join(', ') + '.';
}

function countLine(diff: PlanDiff): string {
  const s = diff.summary;
  if (s.inputChanges === 0) return 'No changes to the plan inputs.';
  const kinds = [s.changed && `${s.changed} changed`, s.added && `${s.added} added`, s.removed && `${s.removed} removed`].filter(Boolean).join(', ');
  return `${s.inputChanges} input change${s.inputChanges === 1 ? '' : 's'} in ${s.files.length} file${s.files.length === 1 ? '' : 's'} (${kinds}).`;
}

// ── text ────────────────────────────────────────────────────────────────────────────────────────────

function formatText(diff: PlanDiff): string {
  const { currency } = diff.outputs;
  const out: string[] = [`Plan diff: ${sideName(diff.from)} → ${sideName(diff.to)}`, countLine(diff), effects(diff), ''];
  const head = ['', 'before', 'after', 'Δ', 'Δ%'];
  out.push('Headline', textTable([head, ...diff.outputs.headline.map((r) => [r.label, ...rowCells(r, currency)])]), '');
  if (diff.inputs.length) {
    out.push('Inputs', textTable([['where', 'path', 'before', 'after', 'Δ', 'Δ%'], ...diff.inputs.map((c) => [where(c), c.path, ...inputCells(c, currency)])], 'll'), '');
  }
  const o = diff.outputs;
  if (o.targets.length) {
    const rows = o.targets.map((t) => [t.id, formatNumber(t.value.before, t.unit, currency), formatNumber(t.value.after, t.unit, currency), formatDelta(t.value.delta, t.unit, currency), formatPct(t.value.deltaPct), t.projection ? formatNumber(t.projection.after, t.unit, currency) : '—', t.projection ? formatDelta(t.projection.delta, t.unit, currency) : '—']);
    out.push('Targets', textTable([['target', 'before', 'after', 'Δ', 'Δ%', 'projection', 'projection Δ'], ...rows]), '');
  }
  const section = (title: string, rows: OutputRow[], label: (r: OutputRow) => string) => {
    if (rows.length) out.push(title, textTable([head, ...rows.map((r) => [label(r), ...rowCells(r, currency)])]), '');
  };
  section('Profit and loss (horizon totals)', o.pnl, (r) => r.label);
  section('By quarter', o.quarters, (r) => `${r.period} ${r.label}`);
  section('By month', o.months, (r) => `${r.period} ${r.label}`);
  section('KPIs (projected totals)', o.kpis, (r) => r.label);
  if (o.risks.fired.length || o.risks.cleared.length) {
    out.push('Risk triggers');
    for (const f of o.risks.fired) out.push(`  now fires: ${firing(f)}`);
    for (const f of o.risks.cleared) out.push(`  no longer fires: ${firing(f)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

// ── markdown ────────────────────────────────────────────────────────────────────────────────────────


function mdTable(head: string[], rows: string[][], align: Array<'l' | 'r'>): string {
  return [`| ${head.map(mdText).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function formatMarkdown(diff: PlanDiff): string {
  const { currency } = diff.outputs;
  const o = diff.outputs;
  const num = (r: OutputRow) => rowCells(r, currency).map(mdText);
  const parts: string[] = [
    `### Plan diff: ${mdCode(sideName(diff.from))} → ${mdCode(sideName(diff.to))}`,
    `**${mdText(countLine(diff))}** ${mdText(effects(diff))}`,
    mdTable(['', 'Before', 'After', 'Δ', 'Δ%'], o.headline.map((r) => [`**${mdText(r.label)}**`, ...num(r)]), ['l', 'r', 'r', 'r', 'r']),
  ];
  if (diff.inputs.length) {
    const rows = diff.inputs.map((c) => [mdCode(where(c)), mdCode(c.path), ...inputCells(c, currency).map(mdText)]);
    parts.push(details(`Inputs changed (${diff.inputs.length})`, mdTable(['File', 'Path', 'Before', 'After', 'Δ', 'Δ%'], rows, ['l', 'l', 'r', 'r', 'r', 'r'])));
  }
  if (o.targets.length) {
    const rows = o.targets.map((t) => [mdCode(t.id), ...[formatNumber(t.value.before, t.unit, currency), formatNumber(t.value.after, t.unit, currency), formatDelta(t.value.delta, t.unit, currency), formatPct(t.value.deltaPct), t.projection ? formatNumber(t.projection.after, t.unit, currency) : '—', t.projection ? formatDelta(t.projection.delta, t.unit, currency) : '—'].map(mdText)]);
    parts.push(details(`Targets (${o.targets.length} changed)`, mdTable(['Target', 'Before', 'After', 'Δ', 'Δ%', 'Projection', 'Projection Δ'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])));
  }
  const section = (title: string, rows: OutputRow[], label: (r: OutputRow) => string) => {
    if (rows.length) parts.push(details(`${title} (${rows.length})`, mdTable(['', 'Before', 'After', 'Δ', 'Δ%'], rows.map((r) => [mdText(label(r)), ...num(r)]), ['l', 'r', 'r', 'r', 'r'])));
  };
  section('Profit and loss, horizon totals', o.pnl, (r) => r.label);
  section('By quarter', o.quarters, (r) => `${r.period} ${r.label}`);
  section('By month', o.months, (r) => `${r.period} ${r.label}`);
  section('KPIs, projected totals', o.kpis, (r) => r.label);
  if (o.risks.fired.length || o.risks.cleared.length) {
    const lines = [...o.risks.fired.map((f) => `- now fires: ${mdText(firing(f))}`), ...o.risks.cleared.map((f) => `- no longer fires: ${mdText(firing(f))}`)];
    parts.push(details(`Risk triggers (${o.risks.fired.length} new, ${o.risks.cleared.length} cleared)`, lines.join('\n')));
  }
  const sides = [diff.from, diff.to].filter((s) => s.migratedFrom !== undefined).map((s) => `${s.label} was written for schemaVersion ${s.migratedFrom} and migrated.`);
  parts.push(`<sub>ShopPlan · ${mdText([diff.from, diff.to].map((s) => (s.commit ? `${s.label} ${s.commit.slice(0, 7)}` : sideName(s))).join(' → '))}${sides.length ? ` · ${mdText(sides.join(' '))}` : ''}</sub>`);
  return parts.join('\n\n') + '\n';
}
