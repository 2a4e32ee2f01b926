// Every SMART target judged: the plan's projection of the target's metric (read from the engine measures, so
// it follows whatever model computes them) against the target, by month, quarter, year and through the
// deadline, with a green / amber / red status, overshoot, and the milestones on or off track.
//
//   attainment = projection ÷ target   (null when the target is 0)
//   status     = green when attainment ≥ thresholds.green, amber when ≥ thresholds.amber, else red
//   overshoot  = attainment > 1 + thresholds.overshoot
// A period's target: the sum of the monthly split for totals, the ramp's value at the period's last month for
// levels (targets.ts). A period's projection: see ProjectionBasis. The target itself (`overall`) is its value
// against the projection through its deadline month.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { quarterOf } from '../model/calendar.ts';
import type { TargetMetric, TargetResult } from '../model/result/targets.ts';
import type { Measure } from '../model/result/measures.ts';
import type { MilestoneVerdict, PeriodVerdict, ProjectionBasis, StatusThresholds, TargetVerdict } from '../model/result/target-verdicts.ts';
import type { MeasureValue } from './measures.ts';
import { explainAs } from './explain.ts';
import { fen, ratio } from './series.ts';

/** How a target's projection is read, as the formula its verdict is explained with. */
const JUDGED = { total: 'target.judgedTotal', rate: 'target.judgedRate', level: 'target.judgedLevel' } as const;

export const DEFAULT_THRESHOLDS: StatusThresholds = { green: 0.98, amber: 0.9, overshoot: 0.1 };

/** The measure(s) that project each target metric, and how a period is read from them. */
export const TARGET_BASIS: Record<TargetMetric, ProjectionBasis> = {
  gmv: { kind: 'total', measure: 'gmv' },
  revenue: { kind: 'total', measure: 'net_revenue' },
  'gross-profit': { kind: 'total', measure: 'gross_profit' },
  'operating-profit': { kind: 'total', measure: 'operating_profit' },
  'new-customers': { kind: 'total', measure: 'new_customers' },
  orders: { kind: 'total', measure: 'orders' },
  dau: { kind: 'level', measure: 'dau' },
  mau: { kind: 'level', measure: 'mau' },
  'repurchase-rate': { kind: 'level', measure: 'repurchase_rate' },
  aov: { kind: 'rate', of: 'gmv', per: 'orders' },
  // everyday orders: a promotion's uplift adds orders, not visitors (measures.ts)
  cvr: { kind: 'rate', of: 'everyday_orders', per: 'visitors' },
};

export type Measures = Record<Measure, MeasureValue>;

/** The projection of a target's metric over `months` (in horizon order; the last one for a level). */
export function projectionOver(basis: ProjectionBasis, measures: Measures, months: readonly string[]): number | null {
  if (months.length === 0) return null;
  const sum = (m: Measure) => months.reduce((s, month) => s + (measures[m].monthly[month] ?? 0), 0);
  if (basis.kind === 'total') return sum(basis.measure);
  if (basis.kind === 'rate') return ratio(sum(basis.of), sum(basis.per));
  // A level the plan cannot project (no repurchase data: the measure's total is null) is no projection, not 0.
  if (measures[basis.measure].total === null) return null;
  return measures[basis.measure].monthly[months[months.length - 1]!] ?? null;
}

/** The months of the horizon up to and including the target's deadline (all of them if it lies beyond). */
export function monthsThrough(target: Pick<TargetResult, 'monthly' | 'deadline'>): string[] {
  return Object.keys(target.monthly).filter((m) => m <= target.deadline);
}

/** The target's projection through its deadline: what its attainment is judged on. */
export function targetProjection(target: TargetResult, measures: Measures): number | null {
  return projectionOver(TARGET_BASIS[target.metric], measures, monthsThrough(target));
}

export function thresholdsOf(input: PlanInput, targetIndex: number): StatusThresholds {
  const own = input.targets?.targets?.[targetIndex]?.thresholds;
  return { ...DEFAULT_THRESHOLDS, ...input.targets?.thresholds, ...own };
}

export function judge(target: number, projection: number | null, money: boolean, th: StatusThresholds): PeriodVerdict {
  if (projection === null) return { target, projection: null, gap: null, attainment: null, status: null, overshoot: false };
  const gap = money ? fen(projection - target) : projection - target;
  const attainment = target > 0 ? projection / target : null;
  // Shares computed from rounded money can miss a threshold by a hair: compare with a little slack.
  const at = (limit: number) => attainment !== null && attainment >= limit - 1e-9;
  const status = attainment === null ? (projection >= target ? 'green' : 'red') : at(th.green) ? 'green' : at(Math.min(th.amber, th.green)) ? 'amber' : 'red';
  return { target, projection, gap, attainment, status, overshoot: attainment !== null && attainment > 1 + th.overshoot + 1e-9 };
}

export function computeVerdicts(input: PlanInput, targets: readonly TargetResult[], measures: Measures): TargetVerdict[] {
  // Every projection starts from the sales channels: a plan without any (a new plan, before its channels are
  // written) projects nothing yet, and its targets have no status rather than a miss of 100 %.
  const projects = (input.channels?.channels ?? []).length > 0;
  return targets.map((t, i) => {
    const basis = TARGET_BASIS[t.metric];
    const th = thresholdsOf(input, i);
    const money = t.unit === 'money';
    const months = Object.keys(t.monthly);
    // The target for a run of months: the monthly split summed (totals), the ramp at its last month (levels).
    const targetOver = (run: readonly string[]) =>
      t.kind === 'total' ? roundAs(run.reduce((s, m) => s + (t.monthly[m] ?? 0), 0), money) : (t.monthly[run[run.length - 1]!] ?? t.value);
    const projection = (run: readonly string[]) => (projects ? projectionOver(basis, measures, run) : null);
    const period = (run: readonly string[]) => judge(targetOver(run), projection(run), money, th);
    const groups = (key: (m: string) => string) => {
      const runs = new Map<string, string[]>();
      for (const m of months) runs.set(key(m), [...(runs.get(key(m)) ?? []), m]);
      return Object.fromEntries([...runs].map(([k, run]) => [k, period(run)]));
    };
    const through = monthsThrough(t);
    const overall = { ...judge(t.value, projection(through), money, th), through: through[through.length - 1] ?? t.deadline };
    const spec = input.targets?.targets?.[i];
    const milestones: MilestoneVerdict[] = t.milestones.map((ms) => {
      const run = months.filter((m) => m <= ms.month);
      const share = ms.cumulativeShare;
      // What the milestone asks: its share of a total when it names one, else the target's own split by then.
      const asked = t.kind === 'total' && share !== undefined ? roundAs(share * t.value, money) : targetOver(run);
      const v = judge(asked, projection(run), money, th);
      return { id: ms.id, month: ms.month, ...v, onTrack: v.status === 'green' };
    });
    const source = (path: string) => ({ file: 'targets.yaml', path });
    const thresholdSource = spec?.thresholds ? source(`targets[${i}].thresholds`) : input.targets?.thresholds ? source('thresholds') : undefined;
    return {
      targetId: t.id,
      metric: t.metric,
      unit: t.unit,
      basis,
      thresholds: th,
      overall,
      months: Object.fromEntries(months.map((m) => [m, period([m])])),
      quarters: groups(quarterOf),
      years: groups((m) => m.slice(0, 4)),
      milestones,
      toClose: [],
      explain: explainAs(
        JUDGED[basis.kind],
        [
          { label: 'target', value: t.value, unit: t.unit, source: source(`targets[${i}].value`) },
          { label: 'greenFrom', value: th.green, unit: 'rate', ...(thresholdSource ? { source: thresholdSource } : {}) },
          { label: 'amberFrom', value: th.amber, unit: 'rate', ...(thresholdSource ? { source: thresholdSource } : {}) },
          { label: 'overshootAbove', value: th.overshoot, unit: 'rate', ...(thresholdSource ? { source: thresholdSource } : {}) },
        ],
        basis.kind === 'rate' ? { measure: basis.of, per: basis.per, through: overall.through } : { measure: basis.measure, through: overall.through },
      ),
    };
  });
}

function roundAs(v: number, money: boolean): number {
  return money ? fen(v) : Math.round(v * 1e6) / 1e6;
}
