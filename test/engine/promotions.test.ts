import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePromotions, promotionsFindings } from '../../src/engine/promotions.ts';
import { salesCogsRatio } from '../../src/engine/products.ts';
import { daysByMonth, daysInMonth } from '../../src/engine/calendar.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';
import { modelled } from '../helpers/engine.ts';

const months = horizonMonths('2027-01', 12);
type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];
type Promotion = NonNullable<NonNullable<PlanInput['promotions']>['promotions']>[number];
type Sku = NonNullable<NonNullable<PlanInput['products']>['skus']>[number];
const fen = (x: number) => Math.round(x * 100);

// Seasonality "days of the month ÷ 365": 36,500 visitors × 12 × days/365 × 1 % = 12 orders (of one unit) a day on every
// channel. On t only s1 (¥100) sells: ¥1,200 a day, AOV 100 (January 31 × 1,200 = 37,200). On u, s1 and s2 share
// the units by forecast 30 : 20: 7.2 × ¥100 + 4.8 × ¥50 = ¥960 a day, AOV 80.
const daily = Object.fromEntries(months.map((m) => [m, daysInMonth(m) / 365]));
const channel = (id: string, visitors = 36_500): Channel =>
  ({ id, name: id, platform: 'tmall', model: 'marketplace', seasonality: 'days', funnel: { visitors, cvr: 0.01, returnRate: 0, newCustomerShare: 0.5 }, fees: { commission: 0, paymentFee: 0 } }) as Channel;
const sku = (id: string, price: number, cost: number, units: number, channels?: string[]): Sku =>
  ({ id, name: id, category: 'tea', role: 'profit', status: 'active', cost, pricing: { type: 'value', price }, forecast: { monthlyUnits: units, demandStdDev: 0 }, ...(channels ? { channels } : {}) }) as Sku;
const promo = (p: Partial<Promotion> & Pick<Promotion, 'id' | 'start' | 'end' | 'channels' | 'mechanics' | 'expectedUplift'>): Promotion => ({ name: p.id, kind: 'festival', owner: 'ops', ...p }) as Promotion;

function run(promotions: Promotion[], skus: Sku[] = [sku('s1', 100, 40, 30), sku('s2', 50, 35, 20, ['u'])], channels = [channel('t'), channel('u')]) {
  const input: PlanInput = {
    // VAT 25 %: s1 sells for 100 = 80 without VAT → margin (80 − 40) / 80 = 0.5; s2: 40 net → (40 − 35) / 40 = 0.125
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate: 0.25 } } as PlanInput['plan'],
    targets: { seasonality: [{ id: 'days', name: 'days', shares: daily }] },
    channels: { channels },
    products: { skus },
    promotions: { promotions },
  };
  const { sales } = modelled(input, months);
  return computePromotions(input, months, sales, { cogsRatio: salesCogsRatio(sales) });
}

const p1 = promo({
  id: 'p1',
  start: '2027-01-11',
  end: '2027-01-20',
  channels: ['t'],
  mechanics: [
    { type: 'direct-discount', rate: 0.1 },
    { type: 'threshold', threshold: 200, off: 20 },
    { type: 'coupon', value: 10, minSpend: 0, redemptionRate: 0.5, budget: 500 },
    { type: 'platform-subsidy', rate: 0.05 },
    { type: 'gift', costPerOrder: 4 },
  ],
  expectedUplift: 0.8,
  budget: 1000,
});
const p2 = promo({
  id: 'p2',
  start: '2027-01-25',
  end: '2027-02-03',
  channels: ['t'],
  skus: ['s1'],
  mechanics: [
    { type: 'presale', deposit: 0.3, depositStart: '2027-01-25', balanceStart: '2027-02-01', depositBonus: 10 },
    { type: 'direct-discount', rate: 0.1 },
  ],
  expectedUplift: 0.6,
  budget: 1000,
});
const p3 = promo({ id: 'p3', start: '2027-01-15', end: '2027-01-31', channels: ['u'], skus: ['s1'], mechanics: [{ type: 'direct-discount', rate: 0.2 }], expectedUplift: 1 });
const p4 = promo({ id: 'p4', kind: 'daily', start: '2027-01-18', end: '2027-01-19', channels: ['t', 'u'], mechanics: [{ type: 'direct-discount', rate: 0.05 }], expectedUplift: 0.2 });

describe('promotions', () => {
  const r = run([p1, p2, p3, p4]);

  it('computes depth, break-even uplift, GMV and gross-profit impact (hand-computed)', () => {
    const a = r.p1!;
    expect(a.days).toBe(10);
    // baseline = 10 days × ¥1,200 = 12,000
    expect(a.baselineGmv).toBe(12_000);
    // price depth = 0.1 direct + 20 / max(200, 100) threshold + 10 × 0.5 / 100 coupon − 0.05 subsidy = 0.2
    expect(a.priceDepth).toBeCloseTo(0.2, 12);
    // gift: ¥4 excl. VAT per order ÷ (AOV 100 ÷ 1.25 = 80) = 0.05 → d = 0.25
    expect(a.depth).toBeCloseTo(0.25, 12);
    // only s1 sells on t: m = 1 − cost 120 × 40 ÷ (12,000 ÷ 1.25) = 1 − 4,800 ÷ 9,600 = 0.5;
    // break-even = 0.25 / (0.5 − 0.25) = 1.0 > expected 0.8 → below break-even
    expect(a.margin).toBeCloseTo(0.5, 12);
    expect(a.breakEvenUplift).toBeCloseTo(1, 12);
    expect(a.belowBreakEven).toBe(true);
    // promo GMV = 12,000 × 1.8 × (1 − 0.2) = 17,280; incremental 5,280
    expect(a.promoGmv).toBe(17_280);
    expect(a.incrementalGmv).toBe(5_280);
    // GP impact = 12,000 / 1.25 × (1.8 × (0.5 − 0.25) − 0.5) = 9,600 × −0.05 = −480
    // (check: without 9,600 × 0.5 = 4,800; with 17,280 / 1.25 = 13,824 − 216 units × 40 − 216 orders × 4 = 4,320)
    expect(a.grossProfitImpact).toBe(-480);
    expect(a.netProfitImpact).toBe(-1_480); // − budget 1,000
    // orders = 120 baseline units × 1.8 ÷ 1 unit per order = 216; gift cost = 216 × 4 = 864; fixed = budget 1,000 + coupon budget 500
    expect(a.orders).toBeCloseTo(216, 9);
    expect(a.giftCost).toBe(864);
    expect(a.fixedCost).toBe(1_500);
    expect(a.costByMonth['2027-01']).toBe(2_364);
    expect(a.gmvByMonth['2027-01']).toBe(17_280);
  });

  it('books presale GMV at the balance and splits deposit and balance cash across months', () => {
    const b = r.p2!;
    // presale days Jan 25 … 31 = 7 of 10 days → deposit bonus 10 / AOV 100 × 0.7 = 0.07; depth = 0.1 + 0.07 = 0.17
    expect(b.depth).toBeCloseTo(0.17, 12);
    // break-even = 0.17 / (0.5 − 0.17) = 0.5152 < 0.6
    expect(b.breakEvenUplift).toBeCloseTo(0.17 / 0.33, 12);
    expect(b.belowBreakEven).toBe(false);
    // promo GMV = 12,000 × 1.6 × 0.83 = 15,936: presale 8,400 × 1.328 = 11,155.20, spot Feb 1 … 3 3,600 × 1.328 = 4,780.80
    expect(b.promoGmv).toBe(15_936);
    expect(b.gmvByMonth['2027-01']).toBe(0);
    expect(b.gmvByMonth['2027-02']).toBe(15_936);
    // cash: deposits 0.3 × 11,155.20 = 3,346.56 in January; balance 7,808.64 + spot 4,780.80 = 12,589.44 in February
    expect(b.cashByMonth['2027-01']).toBe(3_346.56);
    expect(b.cashByMonth['2027-02']).toBe(12_589.44);
    // budget 1,000 over 10 days: 7 in January, 3 in February
    expect([b.costByMonth['2027-01'], b.costByMonth['2027-02']]).toEqual([700, 300]);
  });

  it("takes the listed SKUs' everyday sales on the channel as the baseline", () => {
    // on u, s1 sells 7.2 units × ¥100 = ¥720 a day; Jan 15 … 31 = 17 days × 720 = 12,240
    expect(r.p3!.baselineGmv).toBe(12_240);
    expect(r.p3!.margin).toBeCloseTo(0.5, 12);
    // without skus, the margin of everything sold on the channels in the window (2 days):
    //   t: net 2 × 1,200 ÷ 1.25 = 1,920, cost 2 × 12 × 40 = 960; u: net 2 × 960 ÷ 1.25 = 1,536, cost 2 × (7.2 × 40 + 4.8 × 35) = 912
    //   m = 1 − (960 + 912) ÷ (1,920 + 1,536) = 1 − 1,872 ÷ 3,456 = 0.4583
    expect(r.p4!.margin).toBeCloseTo(1 - 1872 / 3456, 12);
  });

  it('finds overlaps on a shared channel and reports each pair once, with the shared days and channels', () => {
    expect(r.p1!.overlaps).toEqual(['p4']);
    expect(r.p3!.overlaps).toEqual(['p4']); // p1 and p3 share days but no channel
    expect(r.p4!.overlaps).toEqual(['p1', 'p3']);
    const findings = promotionsFindings(r);
    // p1 Jan 11–20 on t, p4 Jan 18–19 on t and u → Jan 18–19 on t; p3 Jan 15–31 on u → Jan 18–19 on u
    expect(findings.filter((f) => f.kind === 'promotion-overlap').map((f) => [f.subject.entity.id, f.facts])).toEqual([
      ['p1', { other: { entity: 'promotion', id: 'p4' }, from: '2027-01-18', to: '2027-01-19', channels: [{ entity: 'channel', id: 't' }] }],
      ['p3', { other: { entity: 'promotion', id: 'p4' }, from: '2027-01-18', to: '2027-01-19', channels: [{ entity: 'channel', id: 'u' }] }],
    ]);
    expect(findings.filter((f) => f.kind === 'promotion-below-break-even').map((f) => [f.subject.entity.id, f.subject.path])).toEqual([['p1', ['promotions', 0, 'expectedUplift']]]);
  });

  it('reports a promotion deeper than the margin as below break-even with no break-even uplift', () => {
    const deep = run([promo({ id: 'deep', start: '2027-03-01', end: '2027-03-05', channels: ['t'], mechanics: [{ type: 'direct-discount', rate: 0.6 }], expectedUplift: 9 })]).deep!;
    expect(deep.breakEvenUplift).toBeNull();
    expect(deep.belowBreakEven).toBe(true);
    // Depth 60 % reaches the margin: an error at the mechanics, not a break-even warning.
    expect(promotionsFindings({ deep })).toEqual([
      { kind: 'promotion-margin', severity: 'error', subject: { entity: { entity: 'promotion', id: 'deep' }, file: 'promotions', path: ['promotions', 0, 'mechanics'], key: true }, facts: { depth: { value: deep.depth, unit: 'rate' }, margin: { value: deep.margin, unit: 'rate' } } },
    ]);
  });

  it('gives defined results with no products and zero traffic', () => {
    const none = run([p1], [], [channel('t', 0)]);
    expect(none.p1!.baselineGmv).toBe(0);
    expect(none.p1!.margin).toBeNull();
    expect(none.p1!.grossProfitImpact).toBeNull();
    expect(none.p1!.belowBreakEven).toBe(false);
    expect(Number.isFinite(none.p1!.depth)).toBe(true);
  });

  const dateAt = (n: number) => {
    let left = n;
    for (const m of months) {
      const d = daysInMonth(m);
      if (left < d) return `${m}-${String(left + 1).padStart(2, '0')}`;
      left -= d;
    }
    return '2027-12-31';
  };
  const date = fc.integer({ min: 0, max: 364 }).map(dateAt);
  const rate = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);
  const money = fc.integer({ min: 0, max: 100_000 }).map((f) => f / 100);
  const mechanic = fc.oneof(
    fc.record({ type: fc.constant('direct-discount' as const), rate }),
    fc.record({ type: fc.constant('threshold' as const), threshold: money, off: money }),
    fc.record({ type: fc.constant('coupon' as const), value: money, minSpend: money, redemptionRate: rate, budget: money }),
    fc.record({ type: fc.constant('platform-subsidy' as const), rate }),
    fc.record({ type: fc.constant('gift' as const), costPerOrder: money }),
  );

  it('property: windows across month boundaries are split by days; series add up to their totals; all finite', () => {
    fc.assert(
      fc.property(
        date,
        date,
        fc.array(mechanic, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
        fc.option(money, { nil: undefined }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 364 }), rate), { nil: undefined }),
        (x, y, mechanics, uplift, budget, presale) => {
          const [start, end] = x <= y ? [x, y] : [y, x];
          // a presale from the first day with the balance on any day of the year from then on
          const all = presale ? [...mechanics, { type: 'presale' as const, deposit: presale[1], depositStart: start, balanceStart: [start, dateAt(presale[0])].sort()[1]! }] : mechanics;
          const res = run([promo({ id: 'p', start, end, channels: ['t'], mechanics: all as Promotion['mechanics'], expectedUplift: uplift, ...(budget !== undefined ? { budget } : {}) })]).p!;
          const walk = (v: unknown): void => {
            if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            else if (v && typeof v === 'object') Object.values(v).forEach(walk);
          };
          walk(res);
          expect(res.days).toBe(daysByMonth(start, end).reduce((s, p) => s + p.days, 0));
          // a flat ¥1,200 a day: each month's GMV is its window days × 1,200 × (1 + uplift) × (1 − price depth)
          const factor = (1 + uplift) * (1 - res.priceDepth);
          if (!presale) for (const part of daysByMonth(start, end)) expect(Math.abs(res.gmvByMonth[part.month]! - part.days * 1200 * factor)).toBeLessThan(0.0101 + 1e-9 * res.promoGmv);
          expect(res.baselineGmv).toBe(res.days * 1200);
          const sum = (s: Record<string, number>) => months.reduce((a, m) => a + fen(s[m]!), 0);
          expect(sum(res.gmvByMonth)).toBe(fen(res.promoGmv));
          expect(sum(res.cashByMonth)).toBe(fen(res.promoGmv));
          expect(sum(res.costByMonth)).toBe(fen(res.fixedCost) + fen(res.giftCost));
          expect(res.priceDepth).toBeGreaterThanOrEqual(0);
          expect(res.priceDepth).toBeLessThanOrEqual(1);
          expect(res.depth).toBeGreaterThanOrEqual(res.priceDepth);
          if (res.breakEvenUplift !== null) expect(res.belowBreakEven).toBe(uplift < res.breakEvenUplift);
        },
      ),
    );
  });
});
