import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTargets } from '../../src/engine/targets.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);

function input(targets: NonNullable<PlanInput['targets']>): PlanInput {
  return { plan: minimalPlan as PlanInput['plan'], targets };
}

const quarterShares = { '2027-01': 0.1, '2027-02': 0.05, '2027-03': 0.1, '2027-04': 0.08, '2027-05': 0.08, '2027-06': 0.1, '2027-07': 0.06, '2027-08': 0.06, '2027-09': 0.09, '2027-10': 0.08, '2027-11': 0.14, '2027-12': 0.06 };

describe('target decomposition', () => {
  it('spreads a GMV total by seasonality shares, in fen, and sums quarters', () => {
    const [gmv] = computeTargets(
      input({ seasonality: [{ id: 's', name: 's', shares: quarterShares }], targets: [{ id: 'gmv', metric: 'gmv', name: 'GMV', value: 1_000_000, deadline: '2027-12', owner: 'ops', seasonality: 's' }] }),
      months,
    );
    // 1,000,000 × 0.10 = 100,000 in January; × 0.14 = 140,000 in November
    expect(gmv!.monthly['2027-01']).toBe(100_000);
    expect(gmv!.monthly['2027-11']).toBe(140_000);
    // Q1 = (0.10 + 0.05 + 0.10) × 1,000,000 = 250,000; Q4 = (0.08 + 0.14 + 0.06) × 1,000,000 = 280,000
    expect(gmv!.quarterly['2027-Q1']).toBe(250_000);
    expect(gmv!.quarterly['2027-Q4']).toBe(280_000);
    expect(gmv!.cumulative['2027-12']).toBe(1_000_000);
  });

  it('rounds an even spread by largest remainder so the months add up to the fen', () => {
    const [gmv] = computeTargets(input({ targets: [{ id: 'gmv', metric: 'gmv', name: 'GMV', value: 100, deadline: '2027-12', owner: 'ops' }] }), months);
    // 10,000 fen / 12 = 833.33 fen; floors 833 × 12 = 9,996; 4 fen go to the first four months
    expect(Object.values(gmv!.monthly)).toEqual([8.34, 8.34, 8.34, 8.34, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33]);
    expect(gmv!.quarterly['2027-Q1']).toBe(25.02);
  });

  it('ramps a level target (CVR) linearly from the baseline to the deadline and holds it there', () => {
    const [cvr] = computeTargets(
      input({ targets: [{ id: 'cvr', metric: 'cvr', name: 'CVR', value: 0.032, baseline: { value: 0.026, period: '2026' }, deadline: '2027-06', owner: 'ops' }] }),
      months,
    );
    // deadline is the 6th month: step = (0.032 − 0.026) / 6 = 0.001 per month
    expect(cvr!.monthly['2027-01']).toBeCloseTo(0.027, 12);
    expect(cvr!.monthly['2027-03']).toBeCloseTo(0.029, 12);
    expect(cvr!.monthly['2027-06']).toBe(0.032);
    expect(cvr!.monthly['2027-12']).toBe(0.032);
    expect(cvr!.quarterly['2027-Q1']).toBeCloseTo(0.029, 12); // a level's quarter is its end-of-quarter value
    expect(cvr!.growth).toBeCloseTo(0.032 / 0.026 - 1, 12);
  });

  it('marks milestones on or off track against the monthly plan', () => {
    const [gmv] = computeTargets(
      input({
        seasonality: [{ id: 's', name: 's', shares: quarterShares }],
        targets: [{ id: 'gmv', metric: 'gmv', name: 'GMV', value: 1_000_000, deadline: '2027-12', owner: 'ops', seasonality: 's', milestones: [
          { id: 'h1', month: '2027-06', name: 'H1', cumulativeShare: 0.5 },
          { id: 'q1', month: '2027-03', name: 'Q1', cumulativeShare: 0.25 },
        ] }],
      }),
      months,
    );
    // H1 plan = 0.10+0.05+0.10+0.08+0.08+0.10 = 0.51 ≥ 0.5 → on track; Q1 = 0.25 ≥ 0.25 → on track
    expect(gmv!.milestones.map((m) => [m.id, m.plannedShare, m.onTrack])).toEqual([
      ['h1', 0.51, true],
      ['q1', 0.25, true],
    ]);
  });

  it('property: monthly parts of any money total sum exactly to it in fen, and quarters sum to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }).map((fen) => fen / 100),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }),
        (value, raw) => {
          const sum = raw.reduce((a, b) => a + b, 0) || 1;
          const shares = Object.fromEntries(months.map((m, i) => [m, raw[i]! / sum]));
          const [t] = computeTargets(input({ seasonality: [{ id: 's', name: 's', shares }], targets: [{ id: 'g', metric: 'gmv', name: 'g', value, deadline: '2027-12', owner: 'o', seasonality: 's' }] }), months);
          const fen = (x: number) => Math.round(x * 100);
          expect(Object.values(t!.monthly).reduce((a, b) => a + fen(b), 0)).toBe(fen(value));
          expect(Object.values(t!.quarterly).reduce((a, b) => a + fen(b), 0)).toBe(fen(value));
          expect(Object.values(t!.monthly).every(Number.isFinite)).toBe(true);
        },
      ),
    );
  });
});
