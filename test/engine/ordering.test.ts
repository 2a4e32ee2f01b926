// The ordering cycle of each SKU from its EOQ, with the policy's order cost and holding rate: hand-computed.
import { describe, expect, it } from 'vitest';
import { computeOrdering } from '../../src/engine/ordering.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import type { SupplyResult } from '../../src/model/result/supply.ts';
import { minimalPlan } from '../helpers/plan.ts';

describe('ordering cycle per SKU', () => {
  it('orders a year, ordering and holding cost, days between orders', () => {
    const input = {
      plan: minimalPlan as PlanInput['plan'],
      products: { skus: [{ id: 'tea', cost: 50 }, { id: 'cup', cost: 20 }, { id: 'pot', cost: 50 }] },
      supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0.12, orderCost: 100 } },
    } as unknown as PlanInput;
    // tea: D = 1,200 a year (daily 1,200 ÷ 365.25), H = ¥50 × 12 % = ¥6, EOQ = √(2 × 1,200 × 100 ÷ 6) = 200
    //   orders = 1,200 ÷ 200 = 6; ordering = 6 × ¥100 = ¥600; holding = 200 ÷ 2 × ¥6 = ¥600; every 365 × 200 ÷ 1,200 = 60.83 days
    // cup: no EOQ (null) and no MOQ, so a lot of 0: no orders, no cycle stock
    // pot: as tea, but its supplier's MOQ of 300 is above the EOQ, so it is ordered in lots of 300 (supply.ts lotSize):
    //   orders = 1,200 ÷ 300 = 4; ordering = 4 × ¥100 = ¥400; holding = 300 ÷ 2 × ¥6 = ¥900; every 365 × 300 ÷ 1,200 = 91.25 days
    const supply = {
      skus: { tea: { dailyDemand: 1200 / 365.25, eoq: 200, lotSize: 200 }, cup: { dailyDemand: 10, eoq: null, lotSize: 0 }, pot: { dailyDemand: 1200 / 365.25, eoq: 200, lotSize: 300 } },
    } as unknown as SupplyResult;
    const r = computeOrdering(input, supply);
    expect(r.skus.tea!.ordersPerYear).toBeCloseTo(6, 9);
    expect(r.skus.tea!.orderingCostPerYear).toBeCloseTo(600, 6);
    expect(r.skus.tea!.holdingCostPerYear).toBeCloseTo(600, 9);
    expect(r.skus.tea!.cycleDays).toBeCloseTo(60.8333, 3);
    expect(r.skus.cup).toEqual({ ordersPerYear: null, orderingCostPerYear: null, holdingCostPerYear: 0, cycleDays: null });
    expect(r.skus.pot!.ordersPerYear).toBeCloseTo(4, 9);
    expect(r.skus.pot!.orderingCostPerYear).toBeCloseTo(400, 6);
    expect(r.skus.pot!.holdingCostPerYear).toBeCloseTo(900, 9);
    expect(r.skus.pot!.cycleDays).toBeCloseTo(91.25, 6);
    // totals: ¥600 + nothing + ¥400; ¥600 + 0 + ¥900
    expect([r.orderingCostPerYear, r.holdingCostPerYear]).toEqual([1000, 1500]);
  });
});
