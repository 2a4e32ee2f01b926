import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { productsFindings } from '../../src/engine/products.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';
import { modelled } from '../helpers/engine.ts';

const months = horizonMonths('2027-01', 12);
type Products = NonNullable<PlanInput['products']>;
type Sku = NonNullable<Products['skus']>[number];

// One channel selling 110 orders of one unit a month (1,100 visitors × 10 %), no discount, no returns: the SKUs on
// sale share those 110 units in proportion to their forecast.
function plan(products: Products, openingStock?: Record<string, number>, vatRate = 0.2): PlanInput {
  return {
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate } } as PlanInput['plan'],
    channels: { channels: [{ id: 'shop', name: 'shop', platform: 'tmall', model: 'marketplace', funnel: { visitors: 1100, cvr: 0.1, returnRate: 0, newCustomerShare: 0 }, fees: { commission: 0, paymentFee: 0 } }] },
    products,
    ...(openingStock ? { supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0.2, orderCost: 100, maxDaysOfInventory: 120, openingStock } } } : {}),
  };
}
const productsOf = (input: PlanInput) => modelled(input, months).products;

function sku(over: Partial<Sku> & Pick<Sku, 'id' | 'role' | 'cost' | 'pricing'>): Sku {
  return { name: over.id, category: 'tea', status: 'active', forecast: { monthlyUnits: 0, demandStdDev: 0 }, ...over } as Sku;
}

const example: Products = {
  selectionCriteria: [
    { id: 'q', name: 'Quality', weight: 0.6 },
    { id: 'm', name: 'Margin', weight: 0.4 },
  ],
  skus: [
    // price = 40 × (1 + 0.5) = 60; without 20 % VAT 50; margin 50 − 40 = 10 (20 %); forecast 100 a month
    sku({ id: 'a', role: 'traffic', cost: 40, pricing: { type: 'cost-plus', markup: 0.5 }, scores: { q: 5, m: 1 }, forecast: { monthlyUnits: 100, demandStdDev: 10 } }),
    // price = 100 × (1 − 0.1) = 90; net 75; margin 75 − 30 = 45 (60 %); on sale from July; forecast 50
    sku({ id: 'b', role: 'profit', status: 'new', launch: '2027-07', cost: 30, pricing: { type: 'competitor', reference: 100, position: -0.1 }, scores: { q: 3 }, forecast: { monthlyUnits: 50, demandStdDev: 10 } }),
    // price 120; net 100; margin 0; phase-out with 20 units of stock against a forecast of 10: on sale January and February
    sku({ id: 'c', role: 'image', status: 'phase-out', cost: 100, pricing: { type: 'value', price: 120 }, scores: { q: 4, m: 4 }, forecast: { monthlyUnits: 10, demandStdDev: 3 }, lastYear: { units: 75, gmv: 9000 } }),
  ],
  slowSeller: { maxMonthsOfCover: 4, minSellThrough: 0.8 },
};

// Units: January–February a 100, c 10 (weights 100 : 10 of 110); March–June a 110; July–December a : b = 100 : 50 →
// a 73.33, b 36.67. Over the year a = 200 + 440 + 440 = 1,080, b = 220, c = 20 (1,320 = 12 × 110).
describe('products', () => {
  const r = productsOf(plan(example, { a: 500, c: 20 }));
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

  it('takes units from the channel: from launch, and a phase-out SKU while its stock lasts', () => {
    expect(r.skus.b!.units['2027-06']).toBe(0);
    expect(r.skus.b!.units['2027-07']).toBeCloseTo(110 / 3, 9);
    expect(['2027-01', '2027-02', '2027-03'].map((m) => r.skus.c!.units[m])).toEqual([10, 10, 0]);
    expect(r.skus.a!.units['2027-03']).toBeCloseTo(110, 9);
    // January: 100 + 10 = 110 units; GMV 100 × 60 + 10 × 120 = 7,200
    expect(r.units['2027-01']).toBeCloseTo(110, 9);
    expect(r.gmv['2027-01']).toBe(7200);
    // July: a 73.33 × 60 = 4,400 + b 36.67 × 90 = 3,300 → 7,700; COGS 73.33 × 40 + 36.67 × 30 = 2,933.33 + 1,100 = 4,033.33
    expect(r.gmv['2027-07']).toBe(7700);
    expect(r.cogs['2027-07']).toBe(4033.33);
    expect(r.skus.a!.unitsSold).toBeCloseTo(1080, 9);
  });

  it('compares the units sold with the forecast', () => {
    // a: 1,080 ÷ (100 × 12) − 1 = −10 %; b: 220 ÷ (50 × 6) − 1 = −26.7 % (beyond 20 %); c: 20 ÷ (10 × 2) − 1 = 0
    expect(r.skus.a!.forecastGap).toBeCloseTo(-0.1, 9);
    expect(r.skus.b!.forecastUnits).toBe(300);
    expect(r.skus.b!.forecastGap).toBeCloseTo(220 / 300 - 1, 9);
    expect(r.skus.c!.forecastGap).toBeCloseTo(0, 9);
    const input = plan(example, { a: 500, c: 20 });
    expect(productsFindings(r, input).filter((f) => f.kind === 'forecast-gap')).toEqual([
      {
        kind: 'forecast-gap',
        severity: 'warning',
        subject: { entity: { entity: 'sku', id: 'b' }, file: 'products', path: ['skus', 1, 'forecast', 'monthlyUnits'] },
        facts: { unitsSold: { value: r.skus.b!.unitsSold, unit: 'count' }, forecastUnits: { value: 300, unit: 'count' }, gap: { value: r.skus.b!.forecastGap, unit: 'rate' } },
      },
    ]);
    expect(productsFindings(r, input, 0.3).filter((f) => f.kind === 'forecast-gap')).toEqual([]);
  });

  it('balances the product matrix by GMV and gross profit', () => {
    // GMV: a 1,080 × 60 = 64,800; b 220 × 90 = 19,800; c 20 × 120 = 2,400; total 87,000 (to the fen)
    expect(r.matrix.traffic.gmvShare).toBeCloseTo(64800 / 87000, 6);
    expect(r.matrix.profit.gmvShare).toBeCloseTo(19800 / 87000, 6);
    expect(r.matrix.image.gmvShare).toBeCloseTo(2400 / 87000, 6);
    // gross profit: a 1,080 × 10 = 10,800; b 220 × 45 = 9,900; c 0; total 20,700
    expect(r.matrix.traffic.grossProfitShare).toBeCloseTo(10800 / 20700, 4); // from fen-rounded months
    expect(r.matrix.image.grossProfitShare).toBeCloseTo(0, 6);
    expect(r.matrix.profit.skus).toBe(1);
    // COGS ratio = (40 × 1,080 + 30 × 220 + 100 × 20) ÷ (50 × 1,080 + 75 × 220 + 100 × 20) = 51,800 ÷ 72,500
    expect(r.cogsRatio).toBeCloseTo(51800 / 72500, 9);
    // categories add up to the SKUs: one category here
    expect(r.categories.tea!.gmv['2027-07']).toBe(7700);
  });

  it('flags slow sellers: phase-out, too many months of cover, low sell-through', () => {
    // a: 500 lasts January (100), February (100), March–April (110 each): 420, then 80 of May's 110 → 4.73 months > 4
    expect(r.skus.a!.monthsOfCover).toBeCloseTo(4 + 80 / 110, 9);
    expect(r.skus.a!.slowSeller).toBe(true);
    // b: no opening stock → unknown cover, not slow
    expect(r.skus.b!.monthsOfCover).toBeNull();
    expect(r.skus.b!.slowSeller).toBe(false);
    // c: 20 lasts January and February (10 each) = 2 months; sell-through 75 ÷ (75 + 20) = 0.789 < 0.8; and phase-out
    expect(r.skus.c!.monthsOfCover).toBeCloseTo(2, 9);
    expect(r.skus.c!.sellThrough).toBeCloseTo(75 / 95, 12);
    expect(r.skus.c!.slowReasons).toEqual([{ reason: 'phase-out' }, { reason: 'sell-through', sellThrough: { value: r.skus.c!.sellThrough, unit: 'rate' }, minimum: { value: 0.8, unit: 'rate' } }]);
    expect(productsFindings(r, plan(example, { a: 500, c: 20 })).filter((f) => f.kind === 'slow-seller').map((f) => [f.kind, f.subject.entity.id, f.subject.path])).toEqual([
      ['slow-seller', 'a', ['skus', 0]],
      ['slow-seller', 'c', ['skus', 2]],
    ]);
  });

  it('warns of a SKU sold below cost', () => {
    // 24 / 1.2 = 20 without VAT, under a cost of 25: −5 a unit
    const p = productsOf(plan({ skus: [sku({ id: 'x', role: 'traffic', cost: 25, pricing: { type: 'value', price: 24 }, forecast: { monthlyUnits: 110, demandStdDev: 0 } })] }));
    expect(p.skus.x!.unitMargin).toBe(-5);
    const money = (value: number) => ({ value, unit: 'money' });
    expect(productsFindings(p, plan({ skus: [sku({ id: 'x', role: 'traffic', cost: 25, pricing: { type: 'value', price: 24 } })] }))).toEqual([
      { kind: 'margin-negative', severity: 'warning', subject: { entity: { entity: 'sku', id: 'x' }, file: 'products', path: ['skus', 0, 'cost'] }, facts: { price: money(24), netPrice: money(20), cost: money(25), unitMargin: money(-5) } },
    ]);
  });

  it('gives defined results with no products, zero prices and zero forecasts', () => {
    const empty = productsOf(plan({}));
    expect(empty.cogsRatio).toBeNull();
    expect(empty.matrix.traffic).toEqual({ skus: 0, gmvShare: null, grossProfitShare: null });
    expect(empty.gmv['2027-05']).toBe(0);
    const zero = productsOf(plan({ skus: [sku({ id: 'z', role: 'image', cost: 0, pricing: { type: 'value', price: 0 } })] }, { z: 10 }));
    expect(zero.skus.z!.marginRate).toBeNull();
    expect(zero.skus.z!.monthsOfCover).toBeNull();
    expect(zero.skus.z!.slowSeller).toBe(true); // stock against no projected sales (forecast 0: no weight in the mix)
    expect(zero.cogsRatio).toBeNull();
  });

  it('property: finite numbers everywhere; SKU series add up to the totals; shares add up to 1', () => {
    const money = fc.integer({ min: 0, max: 500_000 }).map((f) => f / 100);
    const arbSku = fc.record({
      role: fc.constantFrom('traffic' as const, 'profit' as const, 'image' as const),
      status: fc.constantFrom('active' as const, 'new' as const, 'phase-out' as const),
      cost: money,
      price: money,
      units: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      launch: fc.option(fc.constantFrom(...months), { nil: undefined }),
      stock: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbSku, { maxLength: 6 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (list, vat) => {
        const skus = list.map((s, i) => sku({ id: `s${i}`, role: s.role, status: s.status, cost: s.cost, pricing: { type: 'value', price: s.price }, launch: s.launch, forecast: { monthlyUnits: s.units, demandStdDev: 0 } }));
        const stock = Object.fromEntries(list.flatMap((s, i) => (s.stock === undefined ? [] : [[`s${i}`, s.stock]])));
        const p = productsOf(plan({ skus, slowSeller: { maxMonthsOfCover: 3, minSellThrough: 0.5 } }, stock, vat));
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
