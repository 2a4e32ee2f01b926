import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeProducts, productsFindings } from '../../src/engine/products.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);
type Products = NonNullable<PlanInput['products']>;
type Sku = NonNullable<Products['skus']>[number];

function plan(products: Products, openingStock?: Record<string, number>, vatRate = 0.2): PlanInput {
  return {
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate } } as PlanInput['plan'],
    products,
    ...(openingStock ? { supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0.2, orderCost: 100, maxDaysOfInventory: 120, openingStock } } } : {}),
  };
}

function sku(over: Partial<Sku> & Pick<Sku, 'id' | 'role' | 'cost' | 'pricing'>): Sku {
  return { name: over.id, category: 'tea', status: 'active', forecast: { monthlyUnits: 0, demandStdDev: 0 }, ...over } as Sku;
}

const example: Products = {
  selectionCriteria: [
    { id: 'q', name: 'Quality', weight: 0.6 },
    { id: 'm', name: 'Margin', weight: 0.4 },
  ],
  skus: [
    // price = 40 × (1 + 0.5) = 60; without 20 % VAT 50; margin 50 − 40 = 10 (20 %)
    sku({ id: 'a', role: 'traffic', cost: 40, pricing: { type: 'cost-plus', markup: 0.5 }, scores: { q: 5, m: 1 }, forecast: { monthlyUnits: 100, demandStdDev: 10 } }),
    // price = 100 × (1 − 0.1) = 90; net 75; margin 75 − 30 = 45 (60 %); on sale from July
    sku({ id: 'b', role: 'profit', status: 'new', launch: '2027-07', cost: 30, pricing: { type: 'competitor', reference: 100, position: -0.1 }, scores: { q: 3 }, forecast: { monthlyUnits: 50, demandStdDev: 10 } }),
    // price 120; net 100; margin 0; phase-out with 25 units of stock: sells 10, 10, 5, then nothing
    sku({ id: 'c', role: 'image', status: 'phase-out', cost: 100, pricing: { type: 'value', price: 120 }, scores: { q: 4, m: 4 }, forecast: { monthlyUnits: 10, demandStdDev: 3 }, lastYear: { units: 75, gmv: 9000 } }),
  ],
  slowSeller: { maxMonthsOfCover: 4, minSellThrough: 0.8 },
};

describe('products', () => {
  const r = computeProducts(plan(example, { a: 500, c: 25 }), months);

  it('prices each SKU by its method and computes its margin without VAT', () => {
    expect([r.skus.a!.price, r.skus.b!.price, r.skus.c!.price]).toEqual([60, 90, 120]);
    expect([r.skus.a!.unitMargin, r.skus.b!.unitMargin, r.skus.c!.unitMargin]).toEqual([10, 45, 0]);
    expect(r.skus.a!.marginRate).toBeCloseTo(0.2, 12); // 10 / 50
    expect(r.skus.b!.marginRate).toBeCloseTo(0.6, 12); // 45 / 75
    expect(r.skus.c!.marginRate).toBe(0);
  });

  it('scores by weighted criteria (missing = 0) and ranks', () => {
    // a: 0.6 × 5 + 0.4 × 1 = 3.4; b: 0.6 × 3 + 0.4 × 0 = 1.8; c: 0.6 × 4 + 0.4 × 4 = 4.0
    expect(r.skus.a!.score).toBeCloseTo(3.4, 12);
    expect(r.skus.b!.score).toBeCloseTo(1.8, 12);
    expect(r.skus.c!.score).toBeCloseTo(4.0, 12);
    expect(r.ranking).toEqual(['c', 'a', 'b']);
    expect([r.skus.c!.rank, r.skus.a!.rank, r.skus.b!.rank]).toEqual([1, 2, 3]);
  });

  it('forecasts units from launch and stops a phase-out SKU when its stock is sold', () => {
    expect(r.skus.b!.units['2027-06']).toBe(0);
    expect(r.skus.b!.units['2027-07']).toBe(50);
    expect(['2027-01', '2027-02', '2027-03', '2027-04'].map((m) => r.skus.c!.units[m])).toEqual([10, 10, 5, 0]);
    // January: 100 + 0 + 10 = 110 units; GMV 100 × 60 + 10 × 120 = 7,200
    expect(r.units['2027-01']).toBe(110);
    expect(r.gmv['2027-01']).toBe(7200);
    // July: 100 + 50 = 150 units; GMV 6,000 + 50 × 90 = 10,500; COGS 100 × 40 + 50 × 30 = 5,500
    expect(r.gmv['2027-07']).toBe(10500);
    expect(r.cogs['2027-07']).toBe(5500);
  });

  it('balances the product matrix by GMV and gross profit', () => {
    // GMV: a 1,200 × 60 = 72,000; b 300 × 90 = 27,000; c 25 × 120 = 3,000; total 102,000
    expect(r.matrix.traffic.gmvShare).toBeCloseTo(72000 / 102000, 12);
    expect(r.matrix.profit.gmvShare).toBeCloseTo(27000 / 102000, 12);
    expect(r.matrix.image.gmvShare).toBeCloseTo(3000 / 102000, 12);
    // gross profit: a 1,200 × 10 = 12,000; b 300 × 45 = 13,500; c 0; total 25,500
    expect(r.matrix.traffic.grossProfitShare).toBeCloseTo(12000 / 25500, 12);
    expect(r.matrix.image.grossProfitShare).toBe(0);
    expect(r.matrix.profit.skus).toBe(1);
    // COGS ratio = (40 × 1,200 + 30 × 300 + 100 × 25) / (50 × 1,200 + 75 × 300 + 100 × 25) = 59,500 / 85,000 = 0.7
    expect(r.cogsRatio).toBeCloseTo(0.7, 12);
  });

  it('flags slow sellers: phase-out, too many months of cover, low sell-through', () => {
    // a: 500 / 100 = 5 months of cover > 4
    expect(r.skus.a!.monthsOfCover).toBe(5);
    expect(r.skus.a!.slowSeller).toBe(true);
    // b: no opening stock → unknown cover, not slow
    expect(r.skus.b!.monthsOfCover).toBeNull();
    expect(r.skus.b!.slowSeller).toBe(false);
    // c: 25 / 10 = 2.5 months; sell-through 75 / (75 + 25) = 0.75 < 0.8; and phase-out
    expect(r.skus.c!.monthsOfCover).toBe(2.5);
    expect(r.skus.c!.sellThrough).toBe(0.75);
    expect(r.skus.c!.slowReasons).toEqual([
      { reason: 'phase-out' },
      { reason: 'sell-through', sellThrough: { value: 0.75, unit: 'rate' }, minimum: { value: 0.8, unit: 'rate' } },
    ]);
    expect(r.skus.a!.slowReasons).toEqual([{ reason: 'months-of-cover', monthsOfCover: { value: 5, unit: 'months' }, maximum: { value: 4, unit: 'months' } }]);
    expect(productsFindings(r, plan(example, { a: 500, c: 25 })).map((f) => [f.kind, f.subject.entity.id, f.subject.path])).toEqual([
      ['slow-seller', 'a', ['skus', 0]],
      ['slow-seller', 'c', ['skus', 2]],
    ]);
  });

  it('warns of a SKU sold below cost', () => {
    // 24 / 1.2 = 20 without VAT, under a cost of 25: −5 a unit
    const p = computeProducts(plan({ skus: [sku({ id: 'x', role: 'traffic', cost: 25, pricing: { type: 'value', price: 24 } })] }), months);
    expect(p.skus.x!.unitMargin).toBe(-5);
    const money = (value: number) => ({ value, unit: 'money' });
    expect(productsFindings(p, plan({ skus: [sku({ id: 'x', role: 'traffic', cost: 25, pricing: { type: 'value', price: 24 } })] }))).toEqual([
      { kind: 'margin-negative', severity: 'warning', subject: { entity: { entity: 'sku', id: 'x' }, file: 'products', path: ['skus', 0, 'cost'] }, facts: { price: money(24), netPrice: money(20), cost: money(25), unitMargin: money(-5) } },
    ]);
  });

  it('gives defined results with no products, zero prices and zero forecasts', () => {
    const empty = computeProducts(plan({}), months);
    expect(empty.cogsRatio).toBeNull();
    expect(empty.matrix.traffic).toEqual({ skus: 0, gmvShare: null, grossProfitShare: null });
    expect(empty.gmv['2027-05']).toBe(0);
    const zero = computeProducts(plan({ skus: [sku({ id: 'z', role: 'image', cost: 0, pricing: { type: 'value', price: 0 } })] }, { z: 10 }), months);
    expect(zero.skus.z!.marginRate).toBeNull();
    expect(zero.skus.z!.monthsOfCover).toBeNull();
    expect(zero.skus.z!.slowSeller).toBe(true); // stock against no forecast sales
    expect(zero.cogsRatio).toBeNull();
  });

  it('property: finite numbers everywhere; SKU series add up to the totals; shares add up to 1', () => {
    const money = fc.integer({ min: 0, max: 500_000 }).map((f) => f / 100);
    const arbSku = fc.record({
      role: fc.constantFrom('traffic' as const, 'profit' as const, 'image' as const),
      status: fc.constantFrom('active' as const, 'new' as const, 'phase-out' as const),
      cost: money,
      price: money,
      units: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true })),
      launch: fc.option(fc.constantFrom(...months), { nil: undefined }),
      stock: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbSku, { maxLength: 6 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (list, vat) => {
        const skus = list.map((s, i) => sku({ id: `s${i}`, role: s.role, status: s.status, cost: s.cost, pricing: { type: 'value', price: s.price }, launch: s.launch, forecast: { monthlyUnits: s.units, demandStdDev: 0 } }));
        const stock = Object.fromEntries(list.flatMap((s, i) => (s.stock === undefined ? [] : [[`s${i}`, s.stock]])));
        const p = computeProducts(plan({ skus, slowSeller: { maxMonthsOfCover: 3, minSellThrough: 0.5 } }, stock, vat), months);
        const walk = (x: unknown): void => {
          if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk(p);
        for (const m of months) {
          const sum = Object.values(p.skus).reduce((s, k) => s + Math.round(k.gmv[m]! * 100), 0);
          expect(Math.round(p.gmv[m]! * 100)).toBe(sum);
        }
        const shares = Object.values(p.matrix).map((c) => c.gmvShare);
        if (shares.every((s) => s !== null)) expect(shares.reduce((a, b) => a! + b!, 0)).toBeCloseTo(1, 9);
      }),
    );
  });
});
