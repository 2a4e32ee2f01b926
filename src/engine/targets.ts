// SMART targets → months and quarters. Totals (GMV, orders, customers …) are spread by a seasonality
// profile with largest-remainder rounding in minor units, so the months add up exactly; levels
// (AOV, CVR, repurchase rate, DAU/MAU) ramp linearly from the baseline to the target by the deadline.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { quarterOf } from '../model/calendar.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { explainAs } from './explain.ts';
import type { TargetMetric, Unit, MilestoneResult, TargetResult } from '../model/result/targets.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';

type Target = NonNullable<NonNullable<PlanInput['targets']>['targets']>[number];

const UNITS: Record<TargetMetric, Unit> = {
  gmv: 'money',
  revenue: 'money',
  'gross-profit': 'money',
  'operating-profit': 'money',
  'new-customers': 'count',
  orders: 'count',
  dau: 'count',
  mau: 'count',
  'repurchase-rate': 'rate',
  aov: 'money',
  cvr: 'rate',
};

/** Metrics whose target is a total over the plan; the others are a level to reach. */
const TOTALS = new Set<TargetMetric>(['gmv', 'revenue', 'gross-profit', 'operating-profit', 'new-customers', 'orders']);

export function computeTargets(input: PlanInput, months: readonly string[]): TargetResult[] {
  const profiles = new Map((input.targets?.seasonality ?? []).map((p, k) => [p.id, { ...p, index: k }]));
  return (input.targets?.targets ?? []).map((target, i) => {
    const unit = UNITS[target.metric];
    const kind = TOTALS.has(target.metric) ? 'total' : 'level';
    const profile = target.seasonality ? profiles.get(target.seasonality) : undefined;
    const weights = months.map((m) => (profile ? (profile.shares[m] ?? 0) : 1));
    const monthlyValues = kind === 'total' ? spreadTotal(target.value, unit, weights) : ramp(target, months);
    const monthly = Object.fromEntries(months.map((m, k) => [m, monthlyValues[k]!]));
    const quarterly: Record<string, number> = {};
    const cumulative: Record<string, number> = {};
    let running = 0;
    months.forEach((m, k) => {
      const q = quarterOf(m);
      const v = monthlyValues[k]!;
      if (kind === 'total') {
        running = round(running + v, unit);
        quarterly[q] = round((quarterly[q] ?? 0) + v, unit);
        cumulative[m] = running;
      } else {
        quarterly[q] = v; // a level's quarter is the level reached at its end
        cumulative[m] = v;
      }
    });
    const source = (path: string) => ({ file: 'targets.yaml', path: `targets[${i}].${path}` });
    return {
      id: target.id,
      metric: target.metric,
      unit,
      kind,
      value: target.value,
      ...(target.baseline ? { baseline: target.baseline.value } : {}),
      ...(target.baseline && target.baseline.value > 0 ? { growth: target.value / target.baseline.value - 1 } : {}),
      deadline: target.deadline,
      owner: target.owner,
      monthly,
      quarterly,
      cumulative,
      milestones: (target.milestones ?? []).map((ms) => milestone(ms, kind === 'total' ? cumulative[ms.month] : undefined, target.value)),
      explain:
        kind === 'total'
          ? explainAs(
              profile ? 'target.seasonal' : 'target.even',
              [
                { label: 'total', value: target.value, unit, source: source('value') },
                ...(profile ? [{ label: 'seasonality', value: ref('seasonality', profile.id), source: { file: 'targets.yaml', path: `seasonality[${profile.index}]` } } as const] : []),
              ],
              { target: target.id, months: months.length, unit },
            )
          : explainAs(
              target.baseline ? 'target.ramp' : 'target.level',
              [
                { label: 'target', value: target.value, unit, source: source('value') },
                ...(target.baseline ? [{ label: 'baseline', value: target.baseline.value, unit, source: source('baseline.value') } as const] : []),
                { label: 'deadline', value: target.deadline, source: source('deadline') },
              ],
              { target: target.id },
            ),
    };
  });
}

function spreadTotal(total: number, unit: Unit, weights: number[]): number[] {
  if (unit === 'money') return allocate(toMinor(total), weights).map(fromMinor);
  if (Number.isInteger(total)) return allocate(total, weights);
  // A fractional count (rare) is spread in hundredths like money.
  return allocate(Math.round(total * 100), weights).map((v) => v / 100);
}

function ramp(target: Target, months: readonly string[]): number[] {
  const start = target.baseline?.value;
  if (start === undefined) return months.map(() => target.value);
  const deadline = months.indexOf(target.deadline);
  const last = deadline < 0 ? months.length - 1 : deadline;
  return months.map((_, k) => (k >= last ? target.value : start + ((target.value - start) * (k + 1)) / (last + 1)));
}

function milestone(ms: NonNullable<Target['milestones']>[number], reached: number | undefined, total: number): MilestoneResult {
  const plannedShare = reached !== undefined && total > 0 ? reached / total : undefined;
  return {
    id: ms.id,
    month: ms.month,
    name: ms.name,
    ...(ms.cumulativeShare !== undefined ? { cumulativeShare: ms.cumulativeShare } : {}),
    ...(plannedShare !== undefined ? { plannedShare } : {}),
    ...(plannedShare !== undefined && ms.cumulativeShare !== undefined ? { onTrack: plannedShare + 1e-9 >= ms.cumulativeShare } : {}),
  };
}

function round(v: number, unit: Unit): number {
  return unit === 'money' ? fromMinor(toMinor(v)) : Math.round(v * 100) / 100;
}

/** A finding for each milestone the monthly plan does not reach by its month. */
export function milestoneFindings(targets: readonly TargetResult[]): Finding[] {
  return targets.flatMap((t, i) =>
    t.milestones.flatMap((m, k) =>
      m.onTrack === false
        ? [
            finding('milestone-off-track', { entity: ref('milestone', m.id, t.id), file: 'targets', path: ['targets', i, 'milestones', k, 'cumulativeShare'] }, {
              target: ref('target', t.id),
              month: m.month,
              asked: amount(m.cumulativeShare ?? 0, 'rate'),
              planned: amount(m.plannedShare ?? 0, 'rate'),
            }),
          ]
        : [],
    ),
  );
}
