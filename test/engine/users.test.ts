import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeUsers } from '../../src/engine/users.ts';
import { retentionAt } from '../../src/engine/retention.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput, UsersFile } from '../../src/model/plan-input.generated.ts';
import type { Series } from '../../src/model/result/series.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 4);
const s = (values: number[]): Series => Object.fromEntries(months.map((m, i) => [m, values[i] ?? 0]));
const stage = (id: string, st: 'acquisition' | 'activation' | 'retention' | 'conversion' | 'revenue' | 'referral', rate?: number) => ({
  id, stage: st, name: id, metric: id, tactics: [], owner: 'ops', ...(rate !== undefined ? { rate } : {}),
});

const users: UsersFile = {
  lifecycle: {
    stages: [stage('acq', 'acquisition'), stage('act', 'activation', 0.5), stage('ret', 'retention'), stage('conv', 'conversion', 0.1), stage('rep', 'revenue', 0.3)],
    retention: { curve: [{ month: 3, rate: 0.2 }, { month: 1, rate: 0.5 }], dauMauRatio: 0.1 },
  },
  membership: {
    tiers: [
      { id: 'basic', name: 'basic', minAnnualSpend: 0, share: 0.75, pointsMultiplier: 1, benefits: [] },
      { id: 'gold', name: 'gold', minAnnualSpend: 1000, share: 0.25, pointsMultiplier: 2, benefits: [] },
    ],
    points: { earnPerYuan: 2, valuePerPoint: 0.01, redemptionRate: 0.5 },
    members: { start: 1000, monthlyJoinRate: 0.5 },
    memberGmvShare: 0.4,
  },
  rfm: {
    recencyDays: [30, 90, 180, 365],
    frequency: [1, 2, 4, 8],
    monetary: [200, 600, 1500, 4000],
    segments: [{ id: 'champions', name: 'Champions', rule: { r: [5], f: [5] }, action: 'care', tier: 'gold' }],
  },
};
const input: PlanInput = { plan: minimalPlan as PlanInput['plan'], users };
const funnel = { visitors: s([1000, 1000, 0, 0]), orders: s([120, 220, 0, 0]), newCustomers: s([100, 200, 0, 0]), gmv: s([10_000, 0, 0, 0]) };

describe('users', () => {
  const result = computeUsers(input, months, funnel);

  it('interpolates the retention curve from r(0) = 1 and holds the last point', () => {
    const curve = users.lifecycle!.retention!.curve;
    // r(1) = 0.5; r(2) = 0.5 + (0.2 − 0.5) × 1/2 = 0.35; r(3) = 0.2; r(4) = r(12) = 0.2 (held)
    expect([0, 1, 2, 3, 4, 12].map((k) => retentionAt(curve, k))).toEqual([1, 0.5, 0.35, 0.2, 0.2, 0.2]);
    expect(retentionAt(undefined, 0)).toBe(1);
    expect(retentionAt(undefined, 1)).toBe(0);
  });

  it('runs the AARRR funnel from the visitors', () => {
    // 2,000 visitors → × 0.5 = 1,000 activated → no retention rate: 1,000 → × 0.1 = 100 → × 0.3 = 30
    expect(result.aarrr.map((a) => [a.id, a.rate, a.count])).toEqual([
      ['acq', null, 2000],
      ['act', 0.5, 1000],
      ['ret', null, 1000],
      ['conv', 0.1, 100],
      ['rep', 0.3, 30],
    ]);
  });

  it('builds cohorts and active customers with the starting base', () => {
    // January cohort 100 × r(0..3) = 100, 50, 35, 20; February cohort 200 × r(0..2) = 0, 200, 100, 70
    expect(Object.values(result.cohorts['2027-01']!)).toEqual([100, 50, 35, 20]);
    expect(Object.values(result.cohorts['2027-02']!)).toEqual([0, 200, 100, 70]);
    expect(Object.values(result.cohorts['2027-03']!)).toEqual([0, 0, 0, 0]);
    // base 1,000 × r(1..4) = 500, 350, 200, 200
    // active = 100 + 500 = 600; 50 + 200 + 350 = 600; 35 + 100 + 200 = 335; 20 + 70 + 200 = 290
    expect(Object.values(result.activeCustomers)).toEqual([600, 600, 335, 290]);
    expect(result.mau).toEqual(result.activeCustomers);
    // DAU = MAU × 0.1
    expect(Object.values(result.dau).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([60, 60, 33.5, 29]);
  });

  it('takes the repurchase rate from the revenue stage, else the curve at month 12', () => {
    expect(result.repurchaseRate).toBe(0.3);
    const noStage = computeUsers({ ...input, users: { ...users, lifecycle: { ...users.lifecycle!, stages: [stage('acq', 'acquisition')] } } }, months, funnel);
    expect(noStage.repurchaseRate).toBe(0.2); // r(12) = last point held
    expect(computeUsers({ plan: input.plan }, months, funnel).repurchaseRate).toBeNull();
  });

  it('grows members and issues points by tier', () => {
    // members: 1,000 + 100 × 0.5 = 1,050; + 200 × 0.5 = 1,150; then flat
    expect(Object.values(result.membership.members)).toEqual([1050, 1150, 1150, 1150]);
    // tiers at the end: 1,150 × 0.75 = 862.5; 1,150 × 0.25 = 287.5
    expect(result.membership.tiers).toEqual({ basic: { share: 0.75, members: 862.5 }, gold: { share: 0.25, members: 287.5 } });
    // multiplier = 0.75 × 1 + 0.25 × 2 = 1.25; points = 10,000 × 0.4 × 2 × 1.25 = 10,000
    expect(result.membership.pointsIssued['2027-01']).toBe(10_000);
    // cost = 10,000 × 0.5 × ¥0.01 = ¥50
    expect(result.membership.pointsCost['2027-01']).toBe(50);
    expect(result.membership.pointsLiability).toBe(50);
  });

  it('keeps the RFM structure', () => {
    expect(result.rfm.segments).toEqual([{ id: 'champions', name: 'Champions', rule: { r: [5], f: [5] }, action: 'care', tier: 'gold', channel: null }]);
    expect(result.rfm.cutoffs).toEqual({ recencyDays: [30, 90, 180, 365], frequency: [1, 2, 4, 8], monetary: [200, 600, 1500, 4000] });
  });

  it('property: no NaN or Infinity for zero traffic, zero customers or an empty users file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (values, withUsers) => {
          const zeros = s([0, 0, 0, 0]);
          const r = computeUsers(withUsers ? input : { plan: input.plan }, months, { visitors: zeros, orders: zeros, newCustomers: s(values), gmv: s(values) });
          const nums = [
            ...r.aarrr.map((a) => a.count),
            ...Object.values(r.activeCustomers),
            ...Object.values(r.dau),
            ...Object.values(r.membership.members),
            ...Object.values(r.membership.pointsIssued),
            ...Object.values(r.membership.pointsCost),
            r.membership.pointsLiability,
          ];
          expect(nums.every(Number.isFinite)).toBe(true);
        },
      ),
    );
  });
});
