// Stock by month (stock-projection.ts, supply.ts): demand from the channels, safety stock and reorder point from the
// month's demand, receipts ahead of the lead time and of a peak, stock-outs, turnover and days of inventory.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSupply, computeSupplyTotals, supplyFindings } from '../../src/engine/supply.ts';
import { projectStock } from '../../src/engine/stock-projection.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';
import { modelled } from '../helpers/engine.ts';

const months = horizonMonths('2027-01', 12);
const Z95 = 1.6448536; // Φ⁻¹(0.95)
const D = 30.4375;

type Sku = NonNullable<NonNullable<PlanInput['products']>['skus']>[number];
type Supply = NonNullable<PlanInput['supply']>;
const sku = (id: string, over: Partial<Sku> = {}): Sku => ({
  id, name: id, category: 'tea', role: 'profit', status: 'active', cost: 10, pricing: { type: 'value', price: 20 }, supplier: 's',
  forecast: { monthlyUnits: 350, demandStdDev: 70 }, ...over,
});

// One channel selling 300 units a month and 900 in November (shares 1/14, November 3/14; 350 visitors × 12 × share
// × CVR 1), no returns: the SKU's demand is 300 a month, 900 in November, 4,200 a year.
const shares = Object.fromEntries(months.map((m) => [m, m === '2027-11' ? 3 / 14 : 1 / 14]));
function plan(skus: Sku[], supply: Partial<Supply> = {}, inventory: Partial<NonNullable<Supply['inventory']>> = {}): PlanInput {
  return {
    plan: minimalPlan as PlanInput['plan'],
    targets: { seasonality: [{ id: 'peak', name: 'peak', shares }] },
    channels: { channels: [{ id: 'shop', name: 'shop', platform: 'tmall', model: 'marketplace', seasonality: 'peak', funnel: { visitors: 350, cvr: 1, returnRate: 0, newCustomerShare: 0 }, fees: { commission: 0, paymentFee: 0 } }] },
    products: { skus },
    supply: {
      // lead time 40 days: a receipt is ordered ⌈40 ÷ 30.4375⌉ = 2 months ahead, so the first can arrive in March
      suppliers: [{ id: 's', name: 's', kind: 'oem', leadTimeDays: 40, leadTimeStdDevDays: 0, moq: 1 }],
      warehouses: [{ id: 'w', name: 'w', kind: 'own', costPerOrder: 0, monthlyFixedCost: 1000 }],
      ...supply,
      inventory: { serviceLevel: 0.95, holdingCostRate: 0, orderCost: 100, maxDaysOfInventory: 60, openingStock: { a: 700 }, ...inventory },
    },
  } as PlanInput;
}

function supplyOf(input: PlanInput) {
  const { sales } = modelled(input, months);
  const projection = projectStock(input, months, sales);
  return computeSupply(input, months, projection, computeSupplyTotals(input, months, projection));
}
const byMonth = (s: Record<string, number>) => months.map((m) => s[m]!);

// Safety stock: σ = CV × demand = 70 ÷ 350 × 300 = 60 units a month; σd = 60 ÷ √30.4375; σL = 0
//   SS = z × √(L × σd²) = 1.6448536 × 60 × √(40 ÷ 30.4375) = 113.14; November (demand 900, σ 180): 339.41
const SS = Z95 * 60 * Math.sqrt(40 / D);

describe('stock by month', () => {
  const r = supplyOf(plan([sku('a')]));
  const a = r.skus.a!;

  it('scales safety stock and reorder point with the month’s demand', () => {
    expect(byMonth(a.demand)[0]).toBeCloseTo(300, 9);
    expect(a.safetyStock['2027-01']).toBeCloseTo(SS, 4);
    expect(a.safetyStock['2027-11']).toBeCloseTo(3 * SS, 4);
    // ROP = d × L + SS = 300 ÷ 30.4375 × 40 + 113.14 = 394.25 + 113.14
    expect(a.reorderPoint['2027-01']).toBeCloseTo((300 / D) * 40 + SS, 4);
    expect(a.leadMonths).toBe(2);
  });

  it('applies a SKU’s override of service level and lead time to its safety stock, reorder point and receipts', () => {
    const Z975 = 1.959964; // Φ⁻¹(0.975)
    const over = supplyOf(plan([sku('a')], {}, { overrides: [{ sku: 'a', serviceLevel: 0.975, leadTimeDays: 25 }] })).skus.a!;
    expect([over.serviceLevel, over.leadTimeDays]).toEqual([0.975, 25]);
    expect(over.z).toBeCloseTo(Z975, 5);
    // SS = 1.959964 × 60 × √(25 ÷ 30.4375) = 1.959964 × 60 × 0.906287 = 106.58 (policy: 1.6448536 × 60 × √(40 ÷ 30.4375) = 113.14)
    const ss = Z975 * 60 * Math.sqrt(25 / D);
    expect(over.safetyStock['2027-01']).toBeCloseTo(ss, 3);
    expect(over.safetyStock['2027-01']).toBeCloseTo(106.58, 2);
    // November, 3 × the demand and so 3 × σ: 319.73
    expect(over.safetyStock['2027-11']).toBeCloseTo(3 * ss, 3);
    // ROP = 300 ÷ 30.4375 × 25 + 106.58 = 246.41 + 106.58 = 352.98 (policy: 394.25 + 113.14 = 507.39)
    expect(over.reorderPoint['2027-01']).toBeCloseTo((300 / D) * 25 + ss, 3);
    expect(over.reorderPoint['2027-01']).toBeCloseTo(352.98, 2);
    // November: 900 ÷ 30.4375 × 25 + 319.73 = 739.22 + 319.73 = 1,058.95
    expect(over.reorderPoint['2027-11']).toBeCloseTo(1058.95, 1);
    // ⌈25 ÷ 30.4375⌉ = 1 month ahead, so the first receipt can arrive in February (policy: March):
    // February: 300 + March's SS 106.58 − 400 on hand = 6.58 → 7, close 107; March: 300 + 106.58 − 107 = 299.58 → 300
    expect(over.leadMonths).toBe(1);
    expect(byMonth(over.receipts).slice(0, 3)).toEqual([0, 7, 300]);
    expect(byMonth(over.closingStock).slice(0, 3)).toEqual([400, 107, 107]);
    // the explanation names the override's lines
    const sources = over.explain.safetyStock!.inputs.flatMap((i) => ('source' in i && i.source ? [i.source] : []));
    expect(sources).toContainEqual({ file: 'supply.yaml', path: 'inventory.overrides[0].leadTimeDays' });
    expect(over.explain.z!.inputs[0]).toMatchObject({ source: { file: 'supply.yaml', path: 'inventory.overrides[0].serviceLevel' } });
  });

  it('plans receipts ahead of the lead time and builds stock before the November peak', () => {
    // January and February live on the opening 700: 400, 100 left.
    // March: cover March's 300 + April's SS 113.14 − 100 on hand = 313.14 → 314; close 100 + 314 − 300 = 114.
    // April–September: 300 + 113.14 − 114 = 299.14 → 300; close 114.
    // October: 300 + November's SS 339.41 − 114 = 525.41 → 526; close 340 (built up before the peak).
    // November: 900 + 113.14 − 340 = 673.14 → 674; close 114. December: 300; close 114.
    expect(byMonth(a.receipts)).toEqual([0, 0, 314, 300, 300, 300, 300, 300, 300, 526, 674, 300]);
    expect(byMonth(a.closingStock).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([400, 100, 114, 114, 114, 114, 114, 114, 114, 340, 114, 114]);
    // each receipt is ordered two months earlier: the March receipt in January, November's in September
    expect(byMonth(a.purchaseOrders)).toEqual([314, 300, 300, 300, 300, 300, 300, 526, 674, 300, 0, 0]);
    expect(a.stockOut).toBe(false);
  });

  it('computes turnover and days of inventory from average stock and from opening and closing stock', () => {
    // average stock = (opening + receipts + closing) ÷ 2: Jan 550, Feb 250, Mar–Sep 264, Oct 490, Nov 564, Dec 264;
    // mean = 3,966 ÷ 12 = 330.5 units = ¥3,305; annual COGS 4,200 × 10 = 42,000 → turnover 12.708, 28.72 days
    expect(a.averageInventoryUnits).toBeCloseTo(330.5, 6);
    expect(a.inventoryValue).toBe(3305);
    expect(a.turnover).toBeCloseTo(42_000 / 3305, 6);
    expect(a.daysOfInventory).toBeCloseTo(365 / (42_000 / 3305), 6);
    // opening and closing: (700 + 114) ÷ 2 = 407 units = ¥4,070 → turnover 10.32, 35.37 days
    expect(a.turnoverOpeningClosing).toBeCloseTo(42_000 / 4070, 6);
    expect(a.daysOfInventoryOpeningClosing).toBeCloseTo(365 / (42_000 / 4070), 6);
    expect(r.daysOfInventory).toBeCloseTo(a.daysOfInventory!, 9);
    expect(r.daysOfInventoryOpeningClosing).toBeCloseTo(a.daysOfInventoryOpeningClosing!, 9);
    // capital tied up = closing stock × cost: October 340 × 10
    expect(r.capitalTied['2027-10']).toBe(3400);
    expect(r.warehouseFixed['2027-05']).toBe(1000);
  });

  it('flags the months stock runs out, and overstock of the opening stock', () => {
    // 500 on hand: January 200 left, February −100 (a stock-out); March's receipt covers the backlog: 300 + 113.14 + 100 → 514
    const short = supplyOf(plan([sku('a')], {}, { openingStock: { a: 500 } })).skus.a!;
    expect(short.stockOutMonths).toEqual(['2027-02']);
    expect(short.shortfall).toBe(100);
    expect(short.receipts['2027-03']).toBe(514);
    expect(short.closingStock['2027-03']).toBe(114);
    const shortPlan = plan([sku('a')], {}, { openingStock: { a: 500 } });
    expect(supplyFindings(supplyOf(shortPlan), shortPlan)).toEqual([
      { kind: 'stock-out', severity: 'warning', subject: { entity: { entity: 'sku', id: 'a' }, file: 'supply', path: ['inventory', 'openingStock', 'a'] }, facts: { months: ['2027-02'], shortfall: { value: 100, unit: 'count' }, openingStock: { value: 500, unit: 'count' } } },
    ]);
    // 700 on hand lasts January (31 days), February (28) and 100 ÷ 300 of March (10.33): 69.3 days > 60 → overstock
    expect(a.openingCoverDays).toBeCloseTo(31 + 28 + (100 / 300) * 31, 9);
    expect(a.overstock).toBe(true);
    // 10,000 on hand against 4,200 units of demand in the year: not used up within the plan's 365 days — the
    // finding says it outlasts the plan (horizonDays), not that there is no demand (horizonDays null).
    const plenty = plan([sku('a')], {}, { openingStock: { a: 10_000 } });
    const over = supplyOf(plenty);
    expect(over.skus.a!.openingCoverDays).toBeNull();
    expect(supplyFindings(over, plenty).find((f) => f.kind === 'overstock')?.facts).toEqual({
      openingStock: { value: 10_000, unit: 'count' }, daysOfCover: null, maximumDays: { value: 60, unit: 'days' }, horizonDays: { value: 365, unit: 'days' },
    });
  });

  it('orders in lots of at least the EOQ, with holding cost from average stock', () => {
    // holding 20 %: EOQ = √(2 × 4,200 × 100 ÷ (10 × 0.2)) = √420,000 = 648.07 → a lot is 649
    // March: need 313.14 → 649, close 449; April: 413.14 − 449 < 0 → none, close 149; May: 264.14 → 649, close 498
    const lots = supplyOf(plan([sku('a')], {}, { holdingCostRate: 0.2 }));
    const s = lots.skus.a!;
    expect(s.eoq).toBeCloseTo(Math.sqrt(420_000), 9);
    expect(byMonth(s.receipts).slice(2, 5)).toEqual([649, 0, 649]);
    expect(byMonth(s.closingStock).slice(2, 5)).toEqual([449, 149, 498]);
    // holding cost in January = average 550 units × 10 × 0.2 ÷ 12 = 91.67
    expect(lots.holdingCost['2027-01']).toBe(91.67);
  });

  it('buys a harvest for the year in the supplier’s delivery months', () => {
    // March only: it covers March–December (9 × 300 + 900 = 3,600) + December's SS − 100 on hand → 3,614
    const harvest = supplyOf(plan([sku('a')], { suppliers: [{ id: 's', name: 's', kind: 'farm-cooperative', leadTimeDays: 40, leadTimeStdDevDays: 0, moq: 1, deliveryMonths: [3] }] as Supply['suppliers'] }));
    const s = harvest.skus.a!;
    expect(byMonth(s.receipts)).toEqual([0, 0, 3614, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.closingStock['2027-12']).toBeCloseTo(114, 6); // 700 + 3,614 − 4,200
    // stock held for the year: far more days of inventory than buying monthly
    expect(s.daysOfInventory!).toBeGreaterThan(a.daysOfInventory! * 3);
  });

  it('assumes the policy’s opening stock when supply.yaml gives none, and never reorders a phase-out SKU', () => {
    // demand until the first receipt (January, February: 600) + March's SS 113.14 → 714, marked as assumed
    const assumed = supplyOf(plan([sku('a')], {}, { openingStock: {} })).skus.a!;
    expect(assumed.opening).toBe(714);
    expect(assumed.openingAssumed).toBe(true);
    expect(assumed.openingStock).toBeNull();
    expect(assumed.stockOut).toBe(false);
    // phase-out with 700: on sale while it covers its forecast of 350 a month (January, February, 0 of March …)
    const clearing = supplyOf(plan([sku('a', { status: 'phase-out' }), sku('b')], {}, { openingStock: { a: 700 } })).skus.a!;
    expect(Object.values(clearing.receipts).every((v) => v === 0)).toBe(true);
  });

  it('property: finite numbers; stock never negative unless the month is flagged as a stock-out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100),
        fc.constantFrom(1e-9, 0.5, 0.95, 1 - 1e-9),
        fc.constantFrom(0, 0.2),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
        fc.constantFrom('active' as const, 'phase-out' as const),
        fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1 }), { nil: undefined }),
        (units, sigma, cost, level, holding, lead, opening, status, delivery) => {
          const input = plan(
            [sku('a', { cost, status, forecast: { monthlyUnits: units, demandStdDev: sigma } })],
            { suppliers: [{ id: 's', name: 's', kind: 'oem', leadTimeDays: lead, leadTimeStdDevDays: 3, moq: 10, ...(delivery ? { deliveryMonths: delivery } : {}) }] as Supply['suppliers'] },
            { serviceLevel: level, holdingCostRate: holding, openingStock: opening === undefined ? {} : { a: opening } },
          );
          const r = supplyOf(input);
          const walk = (x: unknown): void => {
            if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
            else if (x && typeof x === 'object') Object.values(x).forEach(walk);
          };
          walk(r);
          const s = r.skus.a!;
          for (const m of months) {
            if (s.closingStock[m]! < -1e-9) expect(s.stockOutMonths).toContain(m);
            expect(s.safetyStock[m]!).toBeGreaterThanOrEqual(0);
            expect(s.receipts[m]!).toBeGreaterThanOrEqual(0);
          }
          // stock balance: opening + receipts − demand = closing at the end
          const end = s.opening + Object.values(s.receipts).reduce((x, y) => x + y, 0) - Object.values(s.demand).reduce((x, y) => x + y, 0);
          expect(s.closingStock['2027-12']!).toBeCloseTo(end, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
