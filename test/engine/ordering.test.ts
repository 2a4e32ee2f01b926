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
      products: { skus: [{ id: 'tea', cost: 50 }, { id: 'cup', cost: 20 }] },
      supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0.12, orderCost: 100 } },
    } as unknown as PlanInput;
    // tea: D = 1,200 a year (daily 1,200 ÷ 365.25), H = ¥50 × 12 % = ¥6, EOQ = √(2 × 1,200 × 100 ÷ 6) = 200
    //   orders = 1,200 ÷ 200 = 6; ordering = 6 × ¥100 = ¥600; holding = 200 ÷ 2 × ¥6 = ¥600; every 365 × 200 ÷ 1,200 = 60.83 days
    // cup: no EOQ (null): no orders, no cycle stock
    const supply = { skus: { tea: { dailyDemand: 1200 / 365.25, eoq: 200 }, cup: { dailyDemand: 10, eoq: null } } } as unknown as SupplyResult;
    const r = computeOrdering(input, supply);
    expect(r.skus.tea!.ordersPerYear).toBeCloseTo(6, 9);
    expect(r.skus.tea!.orderingCostPerYear).toBeCloseTo(600, 6);
    expect(r.skus.tea!.holdingCostPerYear).toBeCloseTo(600, 9);
    expect(r.skus.tea!.cycleDays).toBeCloseTo(60.8333, 3);
    expect(r.skus.cup).toEqual({ ordersPerYear: null, orderingCostPerYear: null, holdingCostPerYear: 0, cycleDays: null });
    // totals: ¥600 + nothing
    expect([r.orderingCostPerYear, r.holdingCostPerYear]).toEqual([600, 600]);
  });
});
