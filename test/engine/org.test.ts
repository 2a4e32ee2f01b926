import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeOrg, headsIn, payoutShare } from '../../src/engine/org.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { OrgFile, PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);
type Role = NonNullable<OrgFile['roles']>[number];
const role = (id: string, team: string, monthlySalary: number, headcount: Record<string, number>): Role => ({ id, name: id, team, monthlySalary, headcount, responsibilities: [] });
const team = (id: string) => ({ id, name: id, mission: id, responsibilities: [] });
const steps: [{ attainment: number; share: number }, ...{ attainment: number; share: number }[]] = [
  { attainment: 1.2, share: 1.5 }, // written out of order on purpose
  { attainment: 0.8, share: 0.5 },
  { attainment: 1.0, share: 1.0 },
];

const org: OrgFile = {
  payroll: { socialInsuranceRate: 0.3, baseFloor: 5000, baseCap: 25_000, bonusMonths: 1.2, annualRaise: 0.1 },
  teams: [team('mgmt'), team('cs'), team('empty')],
  roles: [role('lead', 'mgmt', 30_000, { '2027-01': 1 }), role('agent', 'cs', 4000, { '2027-06': 3, '2027-03': 2 })],
  training: [
    { id: 't1', name: 't1', audience: ['cs'], month: '2027-06', costPerHead: 100, hours: 4, skill: 's' },
    { id: 't2', name: 't2', audience: ['cs', 'mgmt'], month: '2027-03', costPerHead: 50, hours: 4, skill: 's' },
    { id: 'late', name: 'late', audience: ['cs'], month: '2028-06', costPerHead: 100, hours: 4, skill: 's' },
  ],
  incentives: [
    { id: 'gmv-bonus', name: 'g', team: 'mgmt', target: 'gmv', pool: 1000, payout: steps },
    { id: 'nc-bonus', name: 'n', team: 'cs', target: 'new-customers', pool: 600, payout: steps },
    { id: 'profit-bonus', name: 'p', team: 'mgmt', target: 'operating-profit', pool: 999, payout: steps },
  ],
};
const input: PlanInput = { plan: minimalPlan as PlanInput['plan'], org };

describe('org', () => {
  const r = computeOrg(input, months, { gmv: 1.1, 'new-customers': 0.79, 'operating-profit': null });

  it('steps headcount by the latest key on or before the month', () => {
    expect(headsIn({ '2027-06': 3, '2027-03': 2 }, '2027-02')).toBe(0);
    expect(headsIn({ '2027-06': 3, '2027-03': 2 }, '2027-05')).toBe(2);
    expect(headsIn({ '2027-06': 3, '2027-03': 2 }, '2027-12')).toBe(3);
    expect([r.headcount['2027-01'], r.headcount['2027-03'], r.headcount['2027-06']]).toEqual([1, 3, 4]);
    expect([r.byTeam.cs!['2027-02'], r.byTeam.cs!['2027-03'], r.byTeam.cs!['2027-12']]).toEqual([0, 2, 3]);
    expect(Object.values(r.byTeam.empty!).every((v) => v === 0)).toBe(true);
    expect(r.byRole.lead!['2027-12']).toBe(1);
  });

  it('computes salary, social insurance on the clamped base, bonus accrual and payroll', () => {
    // January: lead only. salary 30,000; SI base capped at 25,000 × 0.3 = 7,500; bonus 30,000 × 1.2 ÷ 12 = 3,000
    expect([r.salary['2027-01'], r.socialInsurance['2027-01'], r.bonus['2027-01'], r.payroll['2027-01']]).toEqual([30_000, 7500, 3000, 40_500]);
    // March: + 2 agents at 4,000 (base raised to the 5,000 floor)
    // salary 30,000 + 8,000 = 38,000; SI 7,500 + 2 × 5,000 × 0.3 = 10,500; bonus 3,800; payroll 52,300
    expect([r.salary['2027-03'], r.socialInsurance['2027-03'], r.bonus['2027-03'], r.payroll['2027-03']]).toEqual([38_000, 10_500, 3800, 52_300]);
    // June: 3 agents. salary 42,000; SI 7,500 + 4,500 = 12,000; bonus 4,200; payroll 58,200
    expect([r.salary['2027-06'], r.socialInsurance['2027-06'], r.bonus['2027-06'], r.payroll['2027-06']]).toEqual([42_000, 12_000, 4200, 58_200]);
  });

  it('applies the annual raise from the 13th month of the horizon', () => {
    const long = computeOrg(input, horizonMonths('2027-01', 24), {});
    // 2028-01: lead 30,000 × 1.1 = 33,000 (SI still capped at 25,000 × 0.3 = 7,500); agents 3 × 4,400 = 13,200 (floor 5,000)
    expect(long.salary['2027-12']).toBe(42_000);
    expect(long.salary['2028-01']).toBe(46_200);
    expect(long.socialInsurance['2028-01']).toBe(12_000);
  });

  it('costs training by the heads of the audience teams in its month', () => {
    // March: t2 = 50 × (2 agents + 1 lead) = 150; June: t1 = 100 × 3 agents = 300; 2028-06 is outside the plan
    expect(r.training['2027-03']).toBe(150);
    expect(r.training['2027-06']).toBe(300);
    expect(Object.values(r.training).reduce((a, b) => a + b, 0)).toBe(450);
  });

  it('sums payroll by quarter (the quarters add up to the year)', () => {
    // Jan–Feb 40,500; Mar–May 52,300; Jun–Dec 58,200 (see above)
    // Q1 = 2 × 40,500 + 52,300 = 133,300; Q2 = 2 × 52,300 + 58,200 = 162,800; Q3 = Q4 = 3 × 58,200 = 174,600
    expect(r.payrollByQuarter).toEqual({ '2027-Q1': 133_300, '2027-Q2': 162_800, '2027-Q3': 174_600, '2027-Q4': 174_600 });
    // year: 81,000 + 156,900 + 407,400 = 645,300
    expect(Object.values(r.payrollByQuarter).reduce((a, b) => a + b, 0)).toBe(645_300);
  });

  it('keeps each training course with its heads and cost (courses outside the horizon left out)', () => {
    expect(r.trainingByCourse).toEqual({ t2: { month: '2027-03', heads: 3, cost: 150 }, t1: { month: '2027-06', heads: 3, cost: 300 } });
  });

  it('property: payroll by quarter adds up to the monthly payroll to the fen, for any salaries and rates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 24 }), (lead, agent, rate, bonus) => {
        const o: OrgFile = { ...org, payroll: { socialInsuranceRate: rate / 1000, baseFloor: 0, baseCap: 1_000_000, bonusMonths: bonus / 10 }, roles: [role('lead', 'mgmt', lead / 100, { '2027-01': 1 }), role('agent', 'cs', agent / 100, { '2027-05': 7 })] };
        const x = computeOrg({ ...input, org: o }, horizonMonths('2027-01', 18), {});
        const fenSum = (values: number[]) => values.reduce((a, v) => a + Math.round(v * 100), 0);
        expect(fenSum(Object.values(x.payrollByQuarter))).toBe(fenSum(Object.values(x.payroll)));
        expect(Object.keys(x.payrollByQuarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2']);
      }),
      { numRuns: 100 },
    );
  });

  it('pays incentives by the last step reached and accrues them evenly', () => {
    expect(payoutShare(steps, 0.79)).toBe(0);
    expect(payoutShare(steps, 0.8)).toBe(0.5);
    expect(payoutShare(steps, 0.9999999999)).toBe(1); // within 1e-9 of the step
    expect(payoutShare(steps, 1.1)).toBe(1);
    expect(payoutShare(steps, 1.25)).toBe(1.5);
    expect(payoutShare(steps, null)).toBe(0);
    // gmv 1.1 → share 1 → 1,000; new customers 0.79 → 0; profit unknown → 0
    expect(r.incentives['gmv-bonus']).toMatchObject({ attainment: 1.1, payoutShare: 1, payout: 1000 });
    expect(r.incentives['nc-bonus']).toMatchObject({ attainment: 0.79, payoutShare: 0, payout: 0 });
    expect(r.incentives['profit-bonus']).toMatchObject({ attainment: null, payoutShare: 0, payout: 0 });
    // 1,000 ÷ 12 = 83.333…: 100,000 fen = 8,333 × 12 + 4 → the first four months get ¥83.34, the rest ¥83.33
    expect(Object.values(r.incentiveCost).slice(0, 5)).toEqual([83.34, 83.34, 83.34, 83.34, 83.33]);
    expect(Math.round(Object.values(r.incentiveCost).reduce((a, b) => a + b, 0) * 100)).toBe(100_000);
  });

  it('property: payroll = salary + social insurance + bonus every month, in fen, never NaN', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            salary: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }).map((f) => f / 100)),
            heads: fc.integer({ min: 0, max: 50 }),
            from: fc.integer({ min: 0, max: 11 }),
          }),
          { maxLength: 6 },
        ),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (roles, rate, bonusMonths) => {
          const o: OrgFile = {
            payroll: { socialInsuranceRate: rate, baseFloor: 4812, baseCap: 24_930, bonusMonths },
            roles: roles.map((x, i) => role(`r${i}`, 't', x.salary, { [months[x.from]!]: x.heads })),
          };
          const res = computeOrg({ plan: minimalPlan as PlanInput['plan'], org: o }, months, {});
          const fen = (x: number) => Math.round(x * 100);
          for (const m of months) {
            expect(fen(res.payroll[m]!)).toBe(fen(res.salary[m]!) + fen(res.socialInsurance[m]!) + fen(res.bonus[m]!));
            expect([res.payroll[m], res.salary[m], res.socialInsurance[m], res.bonus[m], res.headcount[m]].every(Number.isFinite)).toBe(true);
          }
        },
      ),
    );
  });
});
