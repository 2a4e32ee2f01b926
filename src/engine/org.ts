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
// - Training counts the heads of the audience teams themselves (not their sub-teams) in its month.
// - Incentives: payout share = the share of the last payout step whose attainment ≤ actual (steps
//   sorted ascending, 1e-9 tolerance), 0 below the first step or without an attainment; the payout is
//   accrued evenly over the horizon, split in fen by largest remainder.
import type { OrgFile, PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { explain } from './explain.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { seriesOf, zeros } from './series.ts';
import type { IncentiveResult, OrgResult } from '../model/result/org.ts';

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

export function computeOrg(input: PlanInput, months: readonly string[], attainment: Record<string, number | null>): OrgResult {
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
  for (const t of org?.training ?? []) {
    const i = months.indexOf(t.month);
    if (i < 0) continue;
    const heads = t.audience.reduce((a, team) => a + (byTeam[team]?.[t.month] ?? 0), 0);
    trainingMinor[i]! += toMinor(heads * Math.max(0, t.costPerHead));
  }
  const training = seriesOf(months, (_, i) => fromMinor(trainingMinor[i]!));

  // Incentives.
  const incentives: Record<string, IncentiveResult> = {};
  let payoutMinor = 0;
  (org?.incentives ?? []).forEach((inc, k) => {
    const actual = attainment[inc.target] ?? null;
    const share = payoutShare(inc.payout, actual);
    const payout = fromMinor(toMinor(Math.max(0, inc.pool) * share));
    payoutMinor += toMinor(payout);
    incentives[inc.id] = {
      attainment: actual,
      payoutShare: share,
      payout,
      explain: explain(
        actual === null ? 'payout = pool × share of the step reached: no attainment for the target, 0' : 'payout = pool × share of the last payout step whose attainment ≤ actual attainment (0 below the first step)',
        { name: 'pool', value: inc.pool, source: { file: 'org.yaml', path: `incentives[${k}].pool` } },
        { name: `attainment of ${inc.target}`, value: actual ?? 'unknown' },
        { name: 'payout steps', value: inc.payout.map((s) => `${s.attainment}→${s.share}`).join(', '), source: { file: 'org.yaml', path: `incentives[${k}].payout` } },
      ),
    };
  });
  const accrual = allocate(payoutMinor, months.map(() => 1));
  const incentiveCost = seriesOf(months, (_, i) => fromMinor(accrual[i]!));

  const p = (path: string) => ({ file: 'org.yaml', path: `payroll.${path}` });
  return {
    headcount,
    byTeam,
    byRole,
    salary,
    socialInsurance,
    bonus,
    payroll: payrollSeries,
    training,
    incentives,
    incentiveCost,
    explain: {
      headcount: explain('headcount = Σ roles of the latest headcount entry on or before the month (0 before the first)', { name: 'roles', value: roles.length, source: { file: 'org.yaml', path: 'roles' } }),
      salary: explain(
        raise ? 'salary = Σ heads × monthly salary × (1 + annual raise)^(full plan years elapsed)' : 'salary = Σ heads × monthly salary',
        ...(raise ? [{ name: 'annual raise', value: raise, source: p('annualRaise') }] : []),
      ),
      socialInsurance: explain(
        'social insurance = Σ heads × clamp(monthly salary, base floor, base cap) × rate',
        { name: 'rate', value: rate, ...(payroll ? { source: p('socialInsuranceRate') } : {}) },
        { name: 'base floor', value: floor, ...(payroll ? { source: p('baseFloor') } : {}) },
        { name: 'base cap', value: Number.isFinite(cap) ? cap : 'none', ...(payroll ? { source: p('baseCap') } : {}) },
      ),
      bonus: explain('bonus accrual = salary × bonus months ÷ 12', { name: 'bonus months', value: bonusMonths, ...(payroll?.bonusMonths !== undefined ? { source: p('bonusMonths') } : {}) }),
      payroll: explain('payroll = salary + social insurance + bonus accrual'),
      training: explain('training = Σ trainings in the month of cost per head × heads of the audience teams that month', { name: 'trainings', value: (org?.training ?? []).length, source: { file: 'org.yaml', path: 'training' } }),
      incentiveCost: explain('incentive cost = Σ payouts ÷ months of the plan, rounded by largest remainder to ¥0.01', { name: 'Σ payouts', value: fromMinor(payoutMinor) }),
    },
  };
}
