// What a change does to the numbers: headline figures, every target's value and projection,
// the P&L lines, GMV and operating profit by quarter and month (where they moved), KPI projections
// and risk triggers that start or stop firing — each as before, after, Δ and Δ%.
import type { PlanResult } from '../model/result/plan-result.ts';
import { PNL_LINES, type PnlLineKey } from '../model/result/pnl.ts';
import { t } from '../i18n/catalog.ts';
import { changed, deltaOf, type Delta } from './numbers.ts';
import type { DiffUnit } from './units.ts';

export interface OutputRow extends Delta {
  /** Stable key: `pnl.gmv`, `targets.gmv.value`, `kpis.gmv.projectedTotal` … */
  key: string;
  /** English label for text output; the site uses its own by `key`. */
  label: string;
  unit: DiffUnit;
  /** A month (`2027-03`) or quarter (`2027-Q1`) for rows by period. */
  period?: string;
}

export interface TargetChange {
  id: string;
  metric: string;
  unit: DiffUnit;
  value: Delta;
  /** The plan's projection for the target (its verdict's), when the plan projects it. */
  projection: Delta | null;
}

export interface RiskFiring {
  id: string;
  period: string;
  basis: 'projection' | 'actual';
  value: number;
  threshold: number;
}

export interface OutputsDiff {
  currency: string;
  /** Always present, changed or not: the figures a reader looks at first. */
  headline: OutputRow[];
  targets: TargetChange[];
  /** P&L totals for the horizon, lines that changed. */
  pnl: OutputRow[];
  /** GMV, net revenue and operating profit by quarter, where changed. */
  quarters: OutputRow[];
  /** GMV and operating profit by month (and the monthly target of a changed target), where changed. */
  months: OutputRow[];
  /** KPI projections for the horizon, where changed. */
  kpis: OutputRow[];
  risks: { fired: RiskFiring[]; cleared: RiskFiring[] };
}

export const PNL_LABELS = Object.fromEntries(PNL_LINES.map((k) => [k, t('en', `label.pnl.${k}`)])) as Record<PnlLineKey, string>;

const HEADLINE: readonly PnlLineKey[] = ['gmv', 'netRevenue', 'grossProfit', 'marketing', 'operatingProfit'];
const BY_QUARTER: readonly PnlLineKey[] = ['gmv', 'netRevenue', 'operatingProfit'];
const BY_MONTH: readonly PnlLineKey[] = ['gmv', 'operatingProfit'];

const KPI_UNITS: Record<string, DiffUnit> = { yuan: 'money', count: 'count', rate: 'rate', ratio: 'ratio' };
const TARGET_UNITS: Record<string, DiffUnit> = { money: 'money', count: 'count', rate: 'rate' };

/** The projection the plan makes for a target, as its verdict judges it (through the deadline); null when it projects none. */
function projectionOf(result: PlanResult, id: string): number | null {
  return result.verdicts[id]?.overall.projection ?? null;
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

export function diffOutputs(a: PlanResult, b: PlanResult): OutputsDiff {
  const row = (key: string, label: string, unit: DiffUnit, before: number | null | undefined, after: number | null | undefined, period?: string): OutputRow => ({
    key,
    label,
    unit,
    ...(period ? { period } : {}),
    ...deltaOf(before, after, unit),
  });
  const currency = b.meta.currency || a.meta.currency;

  const gmvTarget = (r: PlanResult) => Object.values(r.targets).find((t) => t.metric === 'gmv');
  const headline: OutputRow[] = [];
  if (gmvTarget(a) || gmvTarget(b)) headline.push(row('targets.gmv', 'GMV target', 'money', gmvTarget(a)?.value ?? null, gmvTarget(b)?.value ?? null));
  for (const line of HEADLINE) headline.push(row(`pnl.${line}`, line === 'gmv' ? 'GMV (projected)' : PNL_LABELS[line], 'money', a.pnl.total[line], b.pnl.total[line]));

  const targets: TargetChange[] = [];
  for (const id of union(Object.keys(a.targets), Object.keys(b.targets))) {
    const x = a.targets[id];
    const y = b.targets[id];
    const unit = TARGET_UNITS[(y ?? x)!.unit] ?? 'number';
    const value = deltaOf(x?.value, y?.value, unit);
    const px = x ? projectionOf(a, id) : null;
    const py = y ? projectionOf(b, id) : null;
    const projection = px === null && py === null ? null : deltaOf(px, py, unit);
    if (changed(value) || (projection && changed(projection))) targets.push({ id, metric: (y ?? x)!.metric, unit, value, projection });
  }

  const pnl = PNL_LINES.map((line) => row(`pnl.${line}`, PNL_LABELS[line], 'money', a.pnl.total[line], b.pnl.total[line])).filter(changed);

  const quarters: OutputRow[] = [];
  for (const q of union(Object.keys(a.pnl.quarters), Object.keys(b.pnl.quarters))) {
    for (const line of BY_QUARTER) quarters.push(row(`pnl.${line}`, PNL_LABELS[line], 'money', a.pnl.quarters[q]?.[line], b.pnl.quarters[q]?.[line], q));
  }

  const months: OutputRow[] = [];
  const monthKeys = union(Object.keys(a.pnl.months), Object.keys(b.pnl.months));
  for (const line of BY_MONTH) for (const m of monthKeys) months.push(row(`pnl.${line}`, PNL_LABELS[line], 'money', a.pnl.months[m]?.[line], b.pnl.months[m]?.[line], m));
  for (const t of targets) {
    const x = a.targets[t.id];
    const y = b.targets[t.id];
    for (const m of union(Object.keys(x?.monthly ?? {}), Object.keys(y?.monthly ?? {}))) months.push(row(`targets.${t.id}`, `${t.id} target`, t.unit, x?.monthly[m], y?.monthly[m], m));
  }

  const kpis: OutputRow[] = [];
  for (const id of union(Object.keys(a.kpis), Object.keys(b.kpis))) {
    const x = a.kpis[id];
    const y = b.kpis[id];
    kpis.push(row(`kpis.${id}`, id, KPI_UNITS[(y ?? x)!.unit] ?? 'number', x?.projectedTotal, y?.projectedTotal));
  }

  const firings = (r: PlanResult) => {
    const out = new Map<string, RiskFiring>();
    for (const risk of Object.values(r.risks.items)) for (const f of risk.fired) out.set(`${risk.id}|${f.basis}|${f.period}`, { id: risk.id, period: f.period, basis: f.basis, value: f.value, threshold: f.threshold });
    return out;
  };
  const fa = firings(a);
  const fb = firings(b);

  return {
    currency,
    headline,
    targets,
    pnl,
    quarters: quarters.filter(changed),
    months: months.filter(changed),
    kpis: kpis.filter(changed),
    risks: { fired: [...fb].filter(([k]) => !fa.has(k)).map(([, v]) => v), cleared: [...fa].filter(([k]) => !fb.has(k)).map(([, v]) => v) },
  };
}
