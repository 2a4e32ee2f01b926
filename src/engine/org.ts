// Organisation: headcount by role and team per month, payroll (salary, employer social insurance,
// bonus accrual), training cost, and incentive pools paid by target attainment.
//
// Choices:
// - Headcount is a step function: the value of the latest key ≤ the month; 0 before the first key.
// - Salaries in org.yaml are the first plan year's. annualRaise applies from the 13th month of the
//   horizon on, compounding once per further 12 months (a 12-month plan has no raise). The social
//   insurance base follows the raised salary, clamped to [baseFloor, baseCap].
// - Bonus accrual = salary × bonusMonths ÷ 12, every month.
// - Money is summed in fen, so payroll = salary + social insurance + bonus exactly, every month.
// - Training counts the heads of the audience teams themselves (not their sub-teams) in its month; each
//   course's cost is kept, and the month's training cost is the sum of its courses.
// - Payroll by quarter sums the months of the quarter in fen, so the quarters add up to the year exactly.
// - Incentives: payout share = the share of the last payout step whose attainment ≤ actual (steps
//   sorted ascending, 1e-9 tolerance), 0 below the first step or without an attainment; the payout is
//   accrued evenly over the horizon, split in fen by largest remainder.
import type { OrgFile, PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { explainAs } from './explain.ts';
import { ref } from '../model/facts.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { seriesOf, zeros } from './series.ts';
import type { IncentiveResult, OrgResult, TrainingCourseResult } from '../model/result/org.ts';
import { quarterOf } from '../model/calendar.ts';
import { dict } from '../model/dict.ts';

type Incentive = NonNullable<OrgFile['incentives']>[number];

/** Heads in a role in a month: the value of the latest key ≤ month, 0 before the first key. */
export function headsIn(headcount: Record<string, number | undefined>, month: string): number {
  let best: string | null = null;
  for (const key of Object.keys(headcount)) if (key <= month && (best === null || key > best)) best = key;
  return best === null ? 0 : Math.max(0, headcount[best] ?? 0);
}

/** Share of the pool paid at an attainment: the last ascending step reached, 0 below the first. */
export function payoutShare(steps: Incentive['payout'] | ReadonlyArray<{ attainment: number; share: number }>, attainment: number | null): number {
  if (attainment === null || !Number.isFinite(attainment)) return 0;
  let share = 0;
  for (const step of [...steps].sort((a, b) => a.attainment - b.attainment)) if (step.attainment <= attainment + 1e-9) share = step.share;
  return share;
}

/** What org.yaml gives without the targets' attainment: headcount, payroll and training. */
export type OrgPayroll = Omit<OrgResult, 'incentives' | 'incentiveCost' | 'explain'> & { explain: Omit<OrgResult['explain'], 'incentiveCost'> };

/**
 * The plan's organisation; incentive pools pay out on `attainment`. `payroll`: orgPayroll(input, months) when
 * the caller has it — the engine's reruns (what it would take, the tornado) change attainment far more often
 * than org.yaml, so compute.ts keeps it apart.
 */
export function computeOrg(input: PlanInput, months: readonly string[], attainment: Record<string, number | null>, payroll: OrgPayroll = orgPayroll(input, months)): OrgResult {
  // Incentives.
  const incentives: Record<string, IncentiveResult> = {};
  let payoutMinor = 0;
  (input.org?.incentives ?? []).forEach((inc, k) => {
    const actual = attainment[inc.target] ?? null;
    const share = payoutShare(inc.payout, actual);
    const payout = fromMinor(toMinor(Math.max(0, inc.pool) * share));
    payoutMinor += toMinor(payout);
    incentives[inc.id] = {
      attainment: actual,
      payoutShare: share,
      payout,
      explain: explainAs(actual === null ? 'org.payoutUnknown' : 'org.payout', [
        { label: 'pool', value: inc.pool, unit: 'money', source: { file: 'org.yaml', path: `incentives[${k}].pool` } },
        { label: 'attainment', of: ref('target', inc.target), value: actual, unit: 'rate' },
        { label: 'payoutSteps', value: { pairs: inc.payout.map((s) => [s.attainment, s.share] as const), units: ['rate', 'rate'], join: 'arrow' }, source: { file: 'org.yaml', path: `incentives[${k}].payout` } },
      ]),
    };
  });
  const accrual = allocate(payoutMinor, months.map(() => 1));
  const incentiveCost = seriesOf(months, (_, i) => fromMinor(accrual[i]!));
  const { explain, ...figures } = payroll;
  return {
    ...figures,
    incentives,
    incentiveCost,
    explain: { ...explain, incentiveCost: explainAs('org.incentiveCost', [{ label: 'payouts', value: fromMinor(payoutMinor), unit: 'money' }]) },
  };
}

export function orgPayroll(input: PlanInput, months: readonly string[]): OrgPayroll {
  const org = input.org;
  const payroll = org?.payroll;
  const rate = payroll?.socialInsuranceRate ?? 0;
  const floor = payroll?.baseFloor ?? 0;
  const cap = payroll?.baseCap ?? Infinity;
  const bonusMonths = payroll?.bonusMonths ?? 0;
  const raise = payroll?.annualRaise ?? 0;
  const roles = org?.roles ?? [];

  const byRole: Record<string, Series> = {};
  const byTeam: Record<string, Series> = {};
  for (const t of org?.teams ?? []) byTeam[t.id] = zeros(months);
  const salaryMinor = months.map(() => 0);
  const siMinor = months.map(() => 0);
  const bonusMinor = months.map(() => 0);
  for (const role of roles) {
    const heads = seriesOf(months, (m) => headsIn(role.headcount, m));
    byRole[role.id] = heads;
    const team = (byTeam[role.team] ??= zeros(months));
    months.forEach((m, i) => {
      team[m] = team[m]! + heads[m]!;
      const monthly = Math.max(0, role.monthlySalary) * (1 + raise) ** Math.floor(i / 12);
      const base = Math.min(cap, Math.max(floor, monthly));
      const salary = toMinor(heads[m]! * monthly);
      salaryMinor[i]! += salary;
      siMinor[i]! += toMinor(heads[m]! * base * rate);
      bonusMinor[i]! += toMinor((fromMinor(salary) * bonusMonths) / 12);
    });
  }
  const headcount = seriesOf(months, (m) => roles.reduce((a, r) => a + byRole[r.id]![m]!, 0));
  const salary = seriesOf(months, (_, i) => fromMinor(salaryMinor[i]!));
  const socialInsurance = seriesOf(months, (_, i) => fromMinor(siMinor[i]!));
  const bonus = seriesOf(months, (_, i) => fromMinor(bonusMinor[i]!));
  const payrollSeries = seriesOf(months, (_, i) => fromMinor(salaryMinor[i]! + siMinor[i]! + bonusMinor[i]!));

  // Training: cost per head × heads of the audience teams in the training's month.
  const trainingMinor = months.map(() => 0);
  const trainingByCourse = new Map<string, TrainingCourseResult>();
  for (const t of org?.training ?? []) {
    const i = months.indexOf(t.month);
    if (i < 0) continue;
    const heads = t.audience.reduce((a, team) => a + (byTeam[team]?.[t.month] ?? 0), 0);
    const cost = toMinor(heads * Math.max(0, t.costPerHead));
    trainingMinor[i]! += cost;
    trainingByCourse.set(t.id, { month: t.month, heads, cost: fromMinor(cost) });
  }
  const training = seriesOf(months, (_, i) => fromMinor(trainingMinor[i]!));
  const payrollQuarterMinor = new Map<string, number>();
  months.forEach((m, i) => payrollQuarterMinor.set(quarterOf(m), (payrollQuarterMinor.get(quarterOf(m)) ?? 0) + salaryMinor[i]! + siMinor[i]! + bonusMinor[i]!));

  const p = (path: string) => ({ file: 'org.yaml', path: `payroll.${path}` });
  return {
    headcount,
    byTeam,
    byRole,
    salary,
    socialInsurance,
    bonus,
    payroll: payrollSeries,
    payrollByQuarter: dict([...payrollQuarterMinor].map(([q, v]) => [q, fromMinor(v)])),
    training,
    trainingByCourse: dict(trainingByCourse),
    explain: {
      headcount: explainAs('org.headcount', [{ label: 'roles', value: roles.length, unit: 'count', source: { file: 'org.yaml', path: 'roles' } }]),
      salary: raise ? explainAs('org.salaryRaise', [{ label: 'annualRaise', value: raise, unit: 'rate', source: p('annualRaise') }]) : explainAs('org.salary'),
      socialInsurance: explainAs('org.socialInsurance', [
        { label: 'socialInsuranceRate', value: rate, unit: 'rate', ...(payroll ? { source: p('socialInsuranceRate') } : {}) },
        { label: 'baseFloor', value: floor, unit: 'money', ...(payroll ? { source: p('baseFloor') } : {}) },
        { label: 'baseCap', value: Number.isFinite(cap) ? cap : null, unit: 'money', ...(payroll ? { source: p('baseCap') } : {}) },
      ]),
      bonus: explainAs('org.bonus', [{ label: 'bonusMonths', value: bonusMonths, unit: 'months', ...(payroll?.bonusMonths !== undefined ? { source: p('bonusMonths') } : {}) }]),
      payroll: explainAs('org.payroll'),
      training: explainAs('org.training', [{ label: 'trainings', value: (org?.training ?? []).length, unit: 'count', source: { file: 'org.yaml', path: 'training' } }]),
    },
  };
}
