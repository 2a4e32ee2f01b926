import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTargets } from '../../src/engine/targets.ts';
import { computeTargetGaps } from '../../src/engine/target-gap.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';
import { funnelOf } from '../helpers/engine.ts';

const months = horizonMonths('2027-01', 12);
type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];
type Target = NonNullable<NonNullable<PlanInput['targets']>['targets']>[number];

const channel = (id: string, visitors: number): Channel =>
  ({ id, name: id, platform: 'tmall', model: 'marketplace', funnel: { visitors, cvr: 0.1, aov: 100, returnRate: 0, newCustomerShare: 0.5 }, fees: { commission: 0, paymentFee: 0 } }) as Channel;
const target = (id: string, metric: Target['metric'], value: number): Target => ({ id, metric, name: id, value, deadline: '2027-12', owner: 'ops' });

function plan(targets: Target[], mix?: Array<{ channel: string; share: number }>, vatRate = 0.25): PlanInput {
  return {
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate } } as PlanInput['plan'],
    // a: 1,000 visitors × 0.1 × ¥100 = ¥10,000 a month; b: 500 visitors → ¥5,000 a month
    channels: { channels: [channel('a', 1000), channel('b', 500)] },
    targets: { targets },
    ...(mix ? { strategy: { channelMix: mix } } : {}),
  };
}

function gaps(input: PlanInput) {
  return computeTargetGaps(input, computeTargets(input, months), funnelOf(input, months));
}

describe('target gap', () => {
  it('compares the funnel with the target per month and splits the target by channel mix', () => {
    const input = plan([target('gmv', 'gmv', 240_000), target('orders', 'orders', 3_000), target('aov', 'aov', 120)], [{ channel: 'a', share: 0.7 }, { channel: 'b', share: 0.3 }]);
    const g = gaps(input);
    expect(Object.keys(g)).toEqual(['gmv', 'orders']); // AOV is a level the funnel does not project as a total
    const gmv = g.gmv!;
    // target 240,000 / 12 = 20,000 a month; bottom-up 10,000 + 5,000 = 15,000; gap −5,000
    expect(gmv.target['2027-01']).toBe(20_000);
    expect(gmv.bottomUp['2027-01']).toBe(15_000);
    expect(gmv.gap['2027-01']).toBe(-5_000);
    // total gap −60,000 of 240,000 = −25 %
    expect(gmv.totalGap).toBe(-60_000);
    expect(gmv.gapShare).toBe(-0.25);
    // channel targets by mix: a 20,000 × 0.7 = 14,000 (gap 10,000 − 14,000 = −4,000), b 6,000 (gap −1,000)
    expect(gmv.byChannel.a!.target['2027-01']).toBe(14_000);
    expect(gmv.byChannel.a!.gap['2027-01']).toBe(-4_000);
    expect(gmv.byChannel.b!.gap['2027-01']).toBe(-1_000);
    expect(gmv.split).toBe('channel-mix');
    // orders: 3,000 / 12 = 250 a month vs 100 + 50 = 150 → −100; split 175 / 75
    expect(g.orders!.gap['2027-06']).toBeCloseTo(-100, 9);
    expect([g.orders!.byChannel.a!.target['2027-06'], g.orders!.byChannel.b!.target['2027-06']]).toEqual([175, 75]);
  });

  it('without a channel mix, splits by bottom-up share, largest remainder in fen', () => {
    const g = gaps(plan([target('gmv', 'gmv', 240_000)])).gmv!;
    // 2,000,000 fen × 2/3 = 1,333,333.33 → 13,333.33; × 1/3 = 666,666.67 → the spare fen goes to b: 6,666.67
    expect(g.byChannel.a!.target['2027-01']).toBe(13_333.33);
    expect(g.byChannel.b!.target['2027-01']).toBe(6_666.67);
    expect(g.split).toBe('bottom-up');
  });

  it('measures revenue against net revenue and new customers against new customers', () => {
    const g = gaps(plan([target('rev', 'revenue', 144_000), target('new', 'new-customers', 1_200)]));
    // net revenue = 15,000 / 1.25 = 12,000 a month = 144,000 a year → no gap
    expect(g.rev!.bottomUp['2027-02']).toBe(12_000);
    expect(g.rev!.totalGap).toBe(0);
    // new customers = 150 orders × 0.5 = 75 a month vs 100 → −25 a month, −300 a year = −25 %
    expect(g.new!.totalGap).toBeCloseTo(-300, 9);
    expect(g.new!.gapShare).toBeCloseTo(-0.25, 12);
  });

  it('property: channel targets add up to the month target exactly; gaps are finite', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }).map((f) => f / 100),
        fc.integer({ min: 0, max: 1e6 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
        (value, orders, mix) => {
          const input = plan([target('gmv', 'gmv', value), target('orders', 'orders', orders)], mix && [{ channel: 'a', share: mix[0] / 100 }, { channel: 'b', share: mix[1] / 100 }]);
          for (const g of Object.values(gaps(input))) {
            for (const m of months) {
              const sum = Object.values(g.byChannel).reduce((s, c) => s + Math.round(c.target[m]! * 100), 0);
              expect(sum).toBe(Math.round(g.target[m]! * 100));
              expect(Number.isFinite(g.gap[m]!)).toBe(true);
            }
            if (g.gapShare !== null) expect(Number.isFinite(g.gapShare)).toBe(true);
          }
        },
      ),
    );
  });
});
