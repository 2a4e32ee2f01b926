import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePnl, type PnlInputs } from '../../src/engine/pnl.ts';
import { OPERATING_EXPENSES, PNL_LINES } from '../../src/model/result/pnl.ts';
import type { FunnelTotals } from '../../src/model/result/funnel.ts';
import type { Series } from '../../src/model/result/series.ts';
import { horizonMonths, quarterOf } from '../../src/model/calendar.ts';

const fen = (x: number) => Math.round(x * 100);
const seriesFrom = (months: readonly string[], values: readonly number[]): Series => Object.fromEntries(months.map((m, i) => [m, values[i] ?? 0]));

/** A FunnelTotals-shaped value from per-month arrays; everything left out is 0. */
function funnel(months: readonly string[], parts: Partial<Record<keyof FunnelTotals, number[]>>): FunnelTotals {
  const s = (k: keyof FunnelTotals) => seriesFrom(months, parts[k] ?? []);
  return {
    visitors: s('visitors'), orders: s('orders'), units: s('units'), gmv: s('gmv'), refunds: s('refunds'), netSales: s('netSales'), vat: s('vat'),
    netRevenue: s('netRevenue'), cogs: s('cogs'), platformFees: s('platformFees'), paymentFees: s('paymentFees'), fulfilment: s('fulfilment'),
    newCustomers: s('newCustomers'), returningCustomers: s('returningCustomers'),
    totals: {} as FunnelTotals['totals'], aov: null, cvr: null, returnRate: null,
  };
}

type CostKey = Exclude<keyof PnlInputs, 'funnel'>;
const COSTS: CostKey[] = ['marketing', 'promotions', 'payroll', 'incentives', 'training', 'systems', 'warehousing', 'holdingCost', 'pointsCost'];

function inputs(months: readonly string[], f: FunnelTotals, costs: Partial<Record<CostKey, number[]>> = {}): PnlInputs {
  return { funnel: f, ...Object.fromEntries(COSTS.map((k) => [k, seriesFrom(months, costs[k] ?? [])])) } as PnlInputs;
}

describe('P&L by hand', () => {
  const months = ['2027-01', '2027-02'];
  // GMV 1,000 and 2,000 (10 and 20 orders at ¥100); refunds 5 %; VAT 13 %; platform commission 2 % of net
  // sales; payment fee 0.6 % of GMV; fulfilment ¥3 an order. The funnel rounds each of these to the fen.
  //   refunds      = 1,000 × 0.05 = 50.00             2,000 × 0.05 = 100.00
  //   net sales    = 1,000 − 50 = 950.00              2,000 − 100 = 1,900.00
  //   net revenue  = 950 ÷ 1.13 = 840.7079… → 840.71  1,900 ÷ 1.13 = 1,681.4159… → 1,681.42
  //   platform     = 950 × 0.02 = 19.00               1,900 × 0.02 = 38.00
  //   payment      = 1,000 × 0.006 = 6.00             2,000 × 0.006 = 12.00
  //   fulfilment   = 10 × 3 = 30.00                   20 × 3 = 60.00
  //   COGS (the SKUs' units kept × cost; here 40 % of net revenue)
  //                = 840.71 × 0.4 = 336.284 → 336.28   1,681.42 × 0.4 = 672.568 → 672.57
  const f = funnel(months, {
    orders: [10, 20],
    gmv: [1000, 2000],
    refunds: [50, 100],
    netRevenue: [840.71, 1681.42],
    cogs: [336.28, 672.57],
    platformFees: [19, 38],
    paymentFees: [6, 12],
    fulfilment: [30, 60],
  });
  const pnl = computePnl(months, inputs(months, f, { marketing: [200, 100], payroll: [300, 300], systems: [50, 50] }));

  it('computes every line of each month', () => {
    const jan = pnl.months['2027-01']!;
    expect(jan.gmv).toBe(1000);
    expect(jan.refunds).toBe(50);
    expect(jan.netSales).toBe(950); // 1,000 − 50
    expect(jan.netRevenue).toBe(840.71);
    expect(jan.vat).toBe(109.29); // 950 − 840.71
    expect(jan.cogs).toBe(336.28); // the channels' COGS
    expect(jan.grossProfit).toBe(504.43); // 840.71 − 336.28
    expect(jan.platformFees).toBe(19);
    expect(jan.paymentFees).toBe(6);
    expect(jan.fulfilment).toBe(30);
    expect(jan.marketing).toBe(200);
    expect(jan.payroll).toBe(300);
    expect(jan.systems).toBe(50);
    expect(jan.promotions).toBe(0);
    expect(jan.operatingExpenses).toBe(605); // 19 + 6 + 30 + 200 + 300 + 50
    expect(jan.operatingProfit).toBe(-100.57); // 504.43 − 605

    const feb = pnl.months['2027-02']!;
    expect(feb.netSales).toBe(1900); // 2,000 − 100
    expect(feb.vat).toBe(218.58); // 1,900 − 1,681.42
    expect(feb.cogs).toBe(672.57);
    expect(feb.grossProfit).toBe(1008.85); // 1,681.42 − 672.57
    expect(feb.operatingExpenses).toBe(560); // 38 + 12 + 60 + 100 + 300 + 50
    expect(feb.operatingProfit).toBe(448.85); // 1,008.85 − 560
  });

  it('totals and the quarter are the sums of the months, and the cumulative result runs month by month', () => {
    expect(pnl.total).toMatchObject({
      gmv: 3000,
      refunds: 150,
      netSales: 2850,
      netRevenue: 2522.13, // 840.71 + 1,681.42
      vat: 327.87, // 109.29 + 218.58
      cogs: 1008.85, // 336.28 + 672.57
      grossProfit: 1513.28, // 504.43 + 1,008.85
      marketing: 300,
      payroll: 600,
      operatingExpenses: 1165, // 605 + 560
      operatingProfit: 348.28, // −100.57 + 448.85
    });
    expect(pnl.quarters).toEqual({ '2027-Q1': pnl.total });
    expect(pnl.cumulativeOperatingProfit).toEqual({ '2027-01': -100.57, '2027-02': 348.28 });
    // a loss in January, recovered in February
    expect(pnl.breakEvenMonth).toBe('2027-02');
  });

  it('has no COGS when the channels have none (a plan without products)', () => {
    const none = computePnl(months, inputs(months, { ...f, cogs: seriesFrom(months, []) }));
    expect(none.total.cogs).toBe(0);
    expect(none.total.grossProfit).toBe(2522.13);
  });

  it('treats a non-finite input as 0 instead of spreading NaN', () => {
    const bad = computePnl(['2027-01'], inputs(['2027-01'], funnel(['2027-01'], { gmv: [Number.NaN], netRevenue: [Infinity], cogs: [Number.NaN] }), { marketing: [Number.NaN] }));
    for (const k of PNL_LINES) expect(bad.total[k]).toBe(0);
  });
});

describe('break-even month', () => {
  const months = horizonMonths('2027-01', 6);
  /** A P&L whose monthly operating profit is exactly `profits` (revenue for gains, payroll for losses). */
  const breakEven = (profits: number[]) => {
    const m = months.slice(0, profits.length);
    const f = funnel(m, { gmv: profits.map((p) => Math.max(p, 0)), netRevenue: profits.map((p) => Math.max(p, 0)) });
    const pnl = computePnl(m, inputs(m, f, { payroll: profits.map((p) => Math.max(-p, 0)) }));
    expect(Object.values(pnl.months).map((l) => l.operatingProfit)).toEqual(profits);
    return pnl.breakEvenMonth;
  };

  it('is null when the cumulative result never turns positive', () => {
    expect(breakEven([-10, 5, 3])).toBeNull(); // cumulative −10, −5, −2
  });

  it('is null when it ends below zero after having been positive', () => {
    expect(breakEven([10, -20])).toBeNull(); // cumulative 10, −10
  });

  it('is the first month when the cumulative result never falls below zero, even through a loss month', () => {
    expect(breakEven([10, -5, 3])).toBe('2027-01'); // cumulative 10, 5, 8
  });

  it('is the month a loss is recovered, reaching exactly zero counting as recovered', () => {
    expect(breakEven([-10, 15, 1])).toBe('2027-02'); // cumulative −10, 5, 6
    expect(breakEven([-10, 10])).toBe('2027-02'); // cumulative −10, 0
  });

  it('moves to the later month when the cumulative result dips below zero again', () => {
    expect(breakEven([-10, 15, -10, 20])).toBe('2027-04'); // cumulative −10, 5, −5, 15: not February
  });
});

describe('P&L reconciliation (property)', () => {
  // Money as arbitrary doubles (not already in fen) so rounding is exercised.
  const money = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const starts = fc.constantFrom('2026-11', '2027-01', '2027-02', '2027-12');

  it('every month, quarter and the total satisfy the P&L identities to the fen', () => {
    fc.assert(
      fc.property(
        starts,
        fc.integer({ min: 1, max: 15 }),
        fc.array(fc.array(money, { minLength: 15 + 7 + COSTS.length, maxLength: 15 + 7 + COSTS.length }), { minLength: 15, maxLength: 15 }),
        (start, n, rows) => {
          const months = horizonMonths(start, n);
          const col = (j: number) => months.map((_, i) => rows[i]![j]!);
          const f = funnel(months, { gmv: col(0), refunds: col(1), netRevenue: col(2), platformFees: col(3), paymentFees: col(4), fulfilment: col(5), cogs: col(6) });
          const costs = Object.fromEntries(COSTS.map((k, j) => [k, col(7 + j)]));
          const pnl = computePnl(months, inputs(months, f, costs));

          const check = (l: Record<string, number>) => {
            for (const k of PNL_LINES) expect(Number.isFinite(l[k])).toBe(true);
            expect(fen(l.netSales!)).toBe(fen(l.gmv!) - fen(l.refunds!));
            expect(fen(l.netRevenue!) + fen(l.vat!)).toBe(fen(l.netSales!));
            expect(fen(l.grossProfit!)).toBe(fen(l.netRevenue!) - fen(l.cogs!));
            expect(fen(l.operatingExpenses!)).toBe(OPERATING_EXPENSES.reduce((s, k) => s + fen(l[k]!), 0));
            expect(fen(l.operatingProfit!)).toBe(fen(l.grossProfit!) - fen(l.operatingExpenses!));
          };
          months.forEach((m, i) => {
            const l = pnl.months[m]!;
            check(l);
            // the lines are the inputs, rounded to the fen
            expect(fen(l.gmv)).toBe(fen(rows[i]![0]!));
            expect(fen(l.marketing)).toBe(fen(rows[i]![7]!));
            expect(fen(l.cogs)).toBe(fen(rows[i]![6]!));
          });
          check(pnl.total);
          for (const q of Object.values(pnl.quarters)) check(q);
          expect(Object.keys(pnl.quarters)).toEqual([...new Set(months.map(quarterOf))]);
          for (const k of PNL_LINES) {
            const fromMonths = months.reduce((s, m) => s + fen(pnl.months[m]![k]), 0);
            expect(fen(pnl.total[k])).toBe(fromMonths);
            expect(Object.values(pnl.quarters).reduce((s, q) => s + fen(q[k]), 0)).toBe(fromMonths);
          }
          expect(fen(pnl.cumulativeOperatingProfit[months[months.length - 1]!]!)).toBe(fen(pnl.total.operatingProfit));
        },
      ),
      { numRuns: 100 },
    );
  });
});
