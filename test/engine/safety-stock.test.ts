import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAYS_PER_MONTH, dailyStdDev, eoq, orderingCycle, reorderPoint, safetyStock, zScore } from '../../src/engine/safety-stock.ts';

describe('z-score', () => {
  it('matches the normal tables', () => {
    // Φ⁻¹(0.95) = 1.644854, Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.8) = 0.841621, Φ⁻¹(0.98) = 2.053749
    expect(zScore(0.95)).toBeCloseTo(1.644854, 6);
    expect(zScore(0.975)).toBeCloseTo(1.959964, 6);
    expect(zScore(0.8)).toBeCloseTo(0.841621, 6);
    expect(zScore(0.98)).toBeCloseTo(2.053749, 6);
    expect(zScore(0.05)).toBeCloseTo(-1.644854, 6);
    expect(zScore(0.5)).toBe(0);
  });

  it('stays finite at and beyond the ends of (0, 1)', () => {
    for (const p of [0, 1, -1, 2, 1e-300, 1 - 1e-16, Number.NaN]) expect(Number.isFinite(zScore(p))).toBe(true);
    expect(zScore(1)).toBeGreaterThan(4.7); // clamped to 1 − 1e-6 → 4.753
  });
});

describe('safety stock, reorder point, EOQ', () => {
  it('computes z·√(L·σd² + d²·σL²)', () => {
    // z = 2, L = 4 days, σd = 3, d = 2, σL = 4: √(4 × 9 + 4 × 16) = √100 = 10 → 2 × 10 = 20
    expect(safetyStock({ z: 2, leadTimeDays: 4, leadTimeStdDevDays: 4, dailyDemand: 2, dailyDemandStdDev: 3 })).toBe(20);
    // reorder point = d × L + SS = 2 × 4 + 20 = 28
    expect(reorderPoint({ dailyDemand: 2, leadTimeDays: 4, safetyStock: 20 })).toBe(28);
  });

  it('never goes negative (service level below 50 %)', () => {
    expect(safetyStock({ z: zScore(0.3), leadTimeDays: 4, leadTimeStdDevDays: 4, dailyDemand: 2, dailyDemandStdDev: 3 })).toBe(0);
  });

  it('computes EOQ √(2DS/H), 0 without demand, null without holding cost', () => {
    // √(2 × 1,200 × 50 ÷ 3) = √40,000 = 200
    expect(eoq({ annualDemand: 1200, orderCost: 50, holdingCostPerUnitYear: 3 })).toBe(200);
    expect(eoq({ annualDemand: 0, orderCost: 50, holdingCostPerUnitYear: 3 })).toBe(0);
    expect(eoq({ annualDemand: 0, orderCost: 50, holdingCostPerUnitYear: 0 })).toBe(0);
    expect(eoq({ annualDemand: 1200, orderCost: 50, holdingCostPerUnitYear: 0 })).toBeNull();
  });

  it('turns a monthly σ into a daily one over 365.25 / 12 days', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
    // σ_day = σ_month / √30.4375: a monthly σ of 3 × √30.4375 is a daily σ of 3
    expect(dailyStdDev(3 * Math.sqrt(30.4375))).toBeCloseTo(3, 12);
  });

  const demand = fc.record({
    leadTimeDays: fc.double({ min: 0, max: 120, noNaN: true }),
    leadTimeStdDevDays: fc.double({ min: 0, max: 30, noNaN: true }),
    dailyDemand: fc.double({ min: 0, max: 1e5, noNaN: true }),
    dailyDemandStdDev: fc.double({ min: 0, max: 1e5, noNaN: true }),
  });

  it('property: safety stock is finite, ≥ 0 and grows with the service level', () => {
    fc.assert(
      fc.property(demand, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (d, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const ssLo = safetyStock({ ...d, z: zScore(lo) });
        const ssHi = safetyStock({ ...d, z: zScore(hi) });
        expect(Number.isFinite(ssLo) && Number.isFinite(ssHi)).toBe(true);
        expect(ssLo).toBeGreaterThanOrEqual(0);
        // monotone up to floating-point noise of the Newton-refined quantile
        expect(ssHi).toBeGreaterThanOrEqual(ssLo - 1e-9 * Math.max(1, ssLo));
      }),
    );
  });

  it('property: zero demand and extreme service levels give finite numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1e-12, 0.5, 1 - 1e-12, 1), fc.double({ min: 0, max: 1e4, noNaN: true }), (level, cost) => {
        const z = zScore(level);
        const ss = safetyStock({ z, leadTimeDays: 10, leadTimeStdDevDays: 2, dailyDemand: 0, dailyDemandStdDev: 0 });
        const q = eoq({ annualDemand: 0, orderCost: cost, holdingCostPerUnitYear: cost * 0.2 });
        expect([z, ss, reorderPoint({ dailyDemand: 0, leadTimeDays: 10, safetyStock: ss }), q ?? 0].every(Number.isFinite)).toBe(true);
        expect(ss).toBe(0);
      }),
    );
  });

  it('ordering cycle from EOQ: orders a year, ordering and holding cost, cycle time', () => {
    // D = 1,200 units a year, S = ¥100 an order, H = ¥6 a unit-year: EOQ = √(2 × 1,200 × 100 ÷ 6) = √40,000 = 200
    const q = eoq({ annualDemand: 1200, orderCost: 100, holdingCostPerUnitYear: 6 })!;
    expect(q).toBe(200);
    // orders = 1,200 ÷ 200 = 6; ordering = 6 × 100 = ¥600; holding = 200 ÷ 2 × 6 = ¥600 (equal at the EOQ); cycle = 365 × 200 ÷ 1,200 = 60.83 days
    const c = orderingCycle({ annualDemand: 1200, orderCost: 100, holdingCostPerUnitYear: 6, orderQuantity: q });
    expect(c).toEqual({ ordersPerYear: 6, orderingCostPerYear: 600, holdingCostPerYear: 600, cycleDays: (365 * 200) / 1200 });
    // an MOQ of 300 raises the lot: 4 orders = ¥400, holding 150 × 6 = ¥900, every 91.25 days
    expect(orderingCycle({ annualDemand: 1200, orderCost: 100, holdingCostPerUnitYear: 6, orderQuantity: 300 })).toEqual({ ordersPerYear: 4, orderingCostPerYear: 400, holdingCostPerYear: 900, cycleDays: 91.25 });
    // no order quantity or no demand: nothing to cycle
    expect(orderingCycle({ annualDemand: 1200, orderCost: 100, holdingCostPerUnitYear: 6, orderQuantity: 0 })).toEqual({ ordersPerYear: null, orderingCostPerYear: null, holdingCostPerYear: 0, cycleDays: null });
    expect(orderingCycle({ annualDemand: 0, orderCost: 100, holdingCostPerUnitYear: 6, orderQuantity: 50 }).cycleDays).toBeNull();
  });

  it('property: at the EOQ ordering cost equals holding cost, and no other lot costs less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 1e3, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }), (D, S, H, k) => {
          const q = eoq({ annualDemand: D, orderCost: S, holdingCostPerUnitYear: H })!;
          const at = orderingCycle({ annualDemand: D, orderCost: S, holdingCostPerUnitYear: H, orderQuantity: q });
          const other = orderingCycle({ annualDemand: D, orderCost: S, holdingCostPerUnitYear: H, orderQuantity: q * k });
          expect(at.orderingCostPerYear!).toBeCloseTo(at.holdingCostPerYear, 6);
          expect(other.orderingCostPerYear! + other.holdingCostPerYear).toBeGreaterThanOrEqual((at.orderingCostPerYear! + at.holdingCostPerYear) * (1 - 1e-9));
        }),
    );
  });
});
