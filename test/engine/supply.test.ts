import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSupply, supplyFindings } from '../../src/engine/supply.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);
const Z95 = 1.6448536; // Φ⁻¹(0.95)
const Z975 = 1.959964; // Φ⁻¹(0.975)

type Sku = NonNullable<NonNullable<PlanInput['products']>['skus']>[number];
const sku = (id: string, over: Partial<Sku>): Sku => ({
  id, name: id, category: 'tea', role: 'profit', status: 'active', cost: 10, pricing: { type: 'value', price: 20 },
  forecast: { monthlyUnits: 0, demandStdDev: 0 }, ...over,
});

function plan(): PlanInput {
  return {
    plan: minimalPlan as PlanInput['plan'],
    products: {
      skus: [
        // 304.375 units a month = 10 a day; no demand variance
        sku('a', { cost: 10, supplier: 's', forecast: { monthlyUnits: 304.375, demandStdDev: 0 } }),
        // nothing sold, 50 on hand
        sku('b', { cost: 5 }),
        // launches in July; daily σ = 3; lead time overridden to 25 days
        sku('c', { cost: 20, status: 'new', launch: '2027-07', supplier: 's', forecast: { monthlyUnits: 304.375, demandStdDev: 3 * Math.sqrt(30.4375) } }),
      ],
    },
    supply: {
      suppliers: [{ id: 's', name: 's', kind: 'oem', leadTimeDays: 10, leadTimeStdDevDays: 2, moq: 1 }],
      warehouses: [
        { id: 'w1', name: 'w1', kind: 'own', costPerOrder: 1, monthlyFixedCost: 1000 },
        { id: 'w2', name: 'w2', kind: '3pl', costPerOrder: 1, monthlyFixedCost: 500.5 },
      ],
      inventory: {
        serviceLevel: 0.95,
        holdingCostRate: 0.2,
        orderCost: 100,
        maxDaysOfInventory: 30,
        openingStock: { a: 100, b: 50 },
        overrides: [{ sku: 'c', serviceLevel: 0.975, leadTimeDays: 25 }],
      },
    },
  };
}

describe('supply', () => {
  const result = computeSupply(plan(), months);
  const a = result.skus.a!;
  const b = result.skus.b!;
  const c = result.skus.c!;

  it('computes safety stock, reorder point and EOQ from the supplier and the policy', () => {
    expect(a.supplier).toBe('s');
    expect(a.dailyDemand).toBe(10); // 304.375 ÷ 30.4375
    // SS = 1.6448536 × √(10 × 0² + 10² × 2²) = 1.6448536 × 20 = 32.897
    expect(a.safetyStock).toBeCloseTo(Z95 * 20, 5);
    // ROP = 10 × 10 + 32.897 = 132.897
    expect(a.reorderPoint).toBeCloseTo(100 + Z95 * 20, 5);
    // EOQ = √(2 × 3,652.5 × 100 ÷ (10 × 0.2)) = √365,250 = 604.36
    expect(a.eoq).toBeCloseTo(Math.sqrt(365_250), 9);
    // average inventory = 32.8971 + 604.3625 ÷ 2 = 335.0773 units; × ¥10 = ¥3,350.773 → ¥3,350.77
    expect(a.averageInventoryUnits).toBeCloseTo(Z95 * 20 + Math.sqrt(365_250) / 2, 5);
    expect(a.inventoryValue).toBe(3350.77);
    // turnover = 3,652.5 × 10 ÷ 3,350.77 = 10.900; days = 365 ÷ 10.900 = 33.49
    expect(a.turnover).toBeCloseTo(36_525 / 3350.77, 9);
    expect(a.daysOfInventory).toBeCloseTo(365 / (36_525 / 3350.77), 9);
  });

  it('applies per-SKU overrides of service level and lead time', () => {
    expect(c.serviceLevel).toBe(0.975);
    expect(c.leadTimeDays).toBe(25);
    // SS = 1.959964 × √(25 × 3² + 10² × 2²) = 1.959964 × √625 = 1.959964 × 25 = 48.999
    expect(c.safetyStock).toBeCloseTo(Z975 * 25, 4);
    // ROP = 10 × 25 + 49.0 = 299.0
    expect(c.reorderPoint).toBeCloseTo(250 + Z975 * 25, 4);
    // EOQ = √(2 × 3,652.5 × 100 ÷ (20 × 0.2)) = √182,625 = 427.35
    expect(c.eoq).toBeCloseTo(Math.sqrt(182_625), 9);
    expect(c.explain.safetyStock!.inputs.find((i) => 'name' in i && i.name.startsWith('L'))!.source).toEqual({ file: 'supply.yaml', path: 'inventory.overrides[0].leadTimeDays' });
    expect(c.explain.dailyDemand!.inputs[0]!.source).toEqual({ file: 'products.yaml', path: 'skus[2].forecast.monthlyUnits' });
  });

  it('flags stock-outs and overstock from the opening stock', () => {
    // a: 100 on hand < reorder point 132.9 → stock-out; cover 100 ÷ 10 = 10 days ≤ 30 → not overstocked
    expect([a.stockOut, a.overstock]).toEqual([true, false]);
    // b: no demand, 50 on hand → reorder point 0, cover unlimited → overstocked
    expect([b.stockOut, b.overstock]).toEqual([false, true]);
    expect([b.eoq, b.turnover, b.daysOfInventory, b.inventoryValue]).toEqual([0, null, null, 0]);
    // c: no opening stock → not checked
    expect([c.openingStock, c.stockOut, c.overstock]).toEqual([null, false, false]);
    const count = (value: number) => ({ value, unit: 'count' });
    expect(supplyFindings(result, plan())).toEqual([
      { kind: 'stock-out', severity: 'warning', subject: { entity: { entity: 'sku', id: 'a' }, file: 'supply', path: ['inventory', 'openingStock', 'a'] }, facts: { openingStock: count(100), reorderPoint: count(a.reorderPoint), safetyStock: count(a.safetyStock) } },
      // no demand: the stock covers any number of days
      { kind: 'overstock', severity: 'warning', subject: { entity: { entity: 'sku', id: 'b' }, file: 'supply', path: ['inventory', 'openingStock', 'b'] }, facts: { openingStock: count(50), daysOfCover: null, maximumDays: { value: 30, unit: 'days' } } },
    ]);
  });

  it('ties up capital only once a SKU is on sale, with holding cost and warehouse fixed cost', () => {
    expect(result.capitalTied['2027-06']).toBe(a.inventoryValue);
    expect(result.capitalTied['2027-07']).toBe(Math.round((a.inventoryValue + c.inventoryValue) * 100) / 100);
    // holding = capital × 0.2 ÷ 12: 3,350.77 × 0.2 ÷ 12 = 55.846 → ¥55.85
    expect(result.holdingCost['2027-01']).toBe(55.85);
    expect(result.warehouseFixed['2027-05']).toBe(1500.5);
    expect(result.inventoryValue).toBe(Math.round((a.inventoryValue + c.inventoryValue) * 100) / 100);
    // turnover = Σ COGS ÷ Σ value = (36,525 + 0 + 73,050) ÷ Σ value; days = 365 ÷ turnover
    expect(result.turnover).toBeCloseTo((36_525 + 73_050) / result.inventoryValue, 9);
    expect(result.daysOfInventory).toBeCloseTo((365 * result.inventoryValue) / 109_575, 9);
  });

  it('works without any supply section (default 95 %, no costs)', () => {
    const bare = computeSupply({ plan: minimalPlan as PlanInput['plan'], products: plan().products! }, months);
    expect(bare.skus.a!.serviceLevel).toBe(0.95);
    expect(bare.skus.a!.leadTimeDays).toBe(0);
    expect(bare.skus.a!.eoq).toBeNull(); // holding cost 0
    expect(Object.values(bare.holdingCost).every((v) => v === 0)).toBe(true);
  });

  it('property: never NaN or Infinity for zero demand, zero cost, extreme service levels', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.constantFrom(1e-9, 0.5, 0.95, 1 - 1e-9),
        fc.constantFrom(0, 0.2),
        (units, sigma, cost, level, holding) => {
          const input = plan();
          input.products!.skus![0] = sku('a', { cost, supplier: 's', forecast: { monthlyUnits: units, demandStdDev: sigma } });
          input.supply!.inventory!.serviceLevel = level;
          input.supply!.inventory!.holdingCostRate = holding;
          const r = computeSupply(input, months);
          const s = r.skus.a!;
          const nums = [s.z, s.dailyDemand, s.safetyStock, s.reorderPoint, s.eoq ?? 0, s.averageInventoryUnits, s.inventoryValue, s.turnover ?? 0, s.daysOfInventory ?? 0, r.inventoryValue, r.turnover ?? 0, r.daysOfInventory ?? 0, ...Object.values(r.capitalTied), ...Object.values(r.holdingCost)];
          expect(nums.every(Number.isFinite)).toBe(true);
          expect(s.safetyStock).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
