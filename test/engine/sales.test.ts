// The revenue model from products up (sales.ts, with funnel.ts and products.ts on top): hand-computed cases for a
// price, a mix share, a launch month, a promotion's depth and uplift, and properties — channels, SKUs, categories
// and months reconcile; the factorised model equals a plain SKU × channel × day computation; a higher price never
// lowers GMV; nothing is NaN.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { computeTraffic } from '../../src/engine/funnel.ts';
import { computeSales, type SalesNumbers } from '../../src/engine/sales.ts';
import { computePnl } from '../../src/engine/pnl.ts';
import { projectStock } from '../../src/engine/stock-projection.ts';
import { dateOf, daysInMonth } from '../../src/engine/calendar.ts';
import { priceOf } from '../../src/engine/pricing.ts';
import { promotionTerms } from '../../src/engine/promotion-terms.ts';
import { minimalPlan } from '../helpers/plan.ts';
import { modelled } from '../helpers/engine.ts';
import { zeros } from '../../src/engine/series.ts';
import { computePromotions } from '../../src/engine/promotions.ts';
import { salesCogsRatio } from '../../src/engine/products.ts';

const months = horizonMonths('2027-01', 12);
type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];
type Sku = NonNullable<NonNullable<PlanInput['products']>['skus']>[number];
type Promotion = NonNullable<NonNullable<PlanInput['promotions']>['promotions']>[number];
const cents = (x: number) => Math.round(x * 100);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

const sku = (id: string, over: Partial<Sku> = {}): Sku => ({ id, name: id, category: 'tea', role: 'profit', status: 'active', cost: 10, pricing: { type: 'value', price: 20 }, forecast: { monthlyUnits: 10, demandStdDev: 0 }, ...over }) as Sku;
const shop = (over: Partial<Channel> & Record<string, unknown> = {}): Channel =>
  ({ id: 'shop', name: 'shop', platform: 'tmall', model: 'marketplace', funnel: { visitors: 1000, cvr: 0.1, unitsPerOrder: 1.5, returnRate: 0.1, newCustomerShare: 0.5 }, everydayDiscount: 0.1, fees: { commission: 0, paymentFee: 0 }, ...over }) as Channel;
const promo = (p: Partial<Promotion> & Pick<Promotion, 'id' | 'start' | 'end' | 'channels' | 'mechanics' | 'expectedUplift'>): Promotion => ({ name: p.id, kind: 'festival', owner: 'ops', ...p }) as Promotion;

// x: ¥50, cost 20, forecast 60 (category tea); y: ¥100, cost 30, forecast 40 (category ware). One channel: 1,000
// visitors × 10 % = 100 orders a month × 1.5 units = 150 units; shared 60 : 40 → x 90, y 60; 10 % everyday discount;
// 10 % returns; VAT 25 %.
//   GMV a month   = 90 × 50 × 0.9 + 60 × 100 × 0.9 = 4,050 + 5,400 = 9,450; AOV = 9,450 ÷ 100 = 94.5
//   COGS          = units kept × cost = 0.9 × (90 × 20 + 60 × 30) = 0.9 × 3,600 = 3,240
//   refunds 945; net sales 8,505; VAT 8,505 − 8,505 ÷ 1.25 = 1,701; net revenue 6,804; gross profit 6,804 − 3,240 = 3,564
const X = sku('x', { cost: 20, pricing: { type: 'value', price: 50 }, forecast: { monthlyUnits: 60, demandStdDev: 12 } });
const Y = sku('y', { category: 'ware', cost: 30, pricing: { type: 'value', price: 100 }, forecast: { monthlyUnits: 40, demandStdDev: 8 } });

function plan(over: { skus?: Sku[]; channels?: Channel[]; promotions?: Promotion[]; supply?: PlanInput['supply']; categories?: Array<{ id: string; seasonality?: string }>; seasonality?: NonNullable<PlanInput['targets']>['seasonality'] } = {}): PlanInput {
  return {
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate: 0.25 } } as PlanInput['plan'],
    ...(over.seasonality ? { targets: { seasonality: over.seasonality } } : {}),
    channels: { channels: over.channels ?? [shop()] },
    products: { categories: (over.categories ?? [{ id: 'tea' }, { id: 'ware' }]).map((c) => ({ name: c.id, ...c })), skus: over.skus ?? [X, Y] },
    ...(over.promotions ? { promotions: { promotions: over.promotions } } : {}),
    ...(over.supply ? { supply: over.supply } : {}),
  } as PlanInput;
}

/** P&L lines of the plan (GMV, COGS, gross profit, net revenue) by month, from the channels. */
function pnlOf(input: PlanInput) {
  const m = modelled(input, months);
  const none = zeros(months);
  const pnl = computePnl(months, { funnel: m.funnel.totals, marketing: none, promotions: none, payroll: none, incentives: none, training: none, systems: none, warehousing: none, holdingCost: none, pointsCost: none });
  return { ...m, pnl };
}

/** Units kept of a SKU by month in the stock projection's demand. */
const demandOf = (input: PlanInput, id: string) => {
  const m = modelled(input, months);
  const stock = projectStock(input, months, m.sales);
  const s = m.sales.skuIds.indexOf(id);
  return months.map((_, k) => stock.demand[s * months.length + k]!);
};

describe('one revenue model from products up', () => {
  const base = pnlOf(plan());

  it('fills the channel’s orders with SKUs at their channel price (hand-computed month)', () => {
    const jan = base.pnl.months['2027-01']!;
    expect(jan.gmv).toBe(9_450);
    expect(jan.refunds).toBe(945);
    expect(jan.netRevenue).toBe(6_804);
    expect(jan.cogs).toBe(3_240);
    expect(jan.grossProfit).toBe(3_564);
    const ch = base.funnel.channels.shop!;
    expect(ch.orders['2027-01']).toBeCloseTo(100, 9);
    expect(ch.units['2027-01']).toBeCloseTo(150, 9);
    expect(ch.aov).toBeCloseTo(94.5, 9);
    expect(base.products.skus.x!.units['2027-01']).toBeCloseTo(90, 9);
    expect(base.products.skus.y!.gmv['2027-01']).toBe(5_400);
    // SKU gross profit: x (4,050 − 405) ÷ 1.25 − 0.9 × 90 × 20 = 2,916 − 1,620 = 1,296; y (5,400 − 540) ÷ 1.25 − 1,620 = 2,268
    expect(base.products.skus.x!.grossProfit['2027-01']).toBe(1_296);
    expect(base.products.skus.y!.grossProfit['2027-01']).toBe(2_268);
    expect(base.pnl.total.gmv).toBe(12 * 9_450);
  });

  it('a price change moves GMV and gross profit, not COGS or stock', () => {
    // y at ¥110: GMV + 60 × 10 × 0.9 = +540 a month; gross profit + 540 × 0.9 ÷ 1.25 = +388.8; COGS and units unchanged
    const up = pnlOf(plan({ skus: [X, { ...Y, pricing: { type: 'value', price: 110 } }] }));
    expect(up.pnl.months['2027-05']!.gmv - base.pnl.months['2027-05']!.gmv).toBeCloseTo(540, 9);
    expect(up.pnl.total.gmv - base.pnl.total.gmv).toBeCloseTo(12 * 540, 6);
    expect(up.pnl.total.grossProfit - base.pnl.total.grossProfit).toBeCloseTo(12 * 388.8, 6);
    expect(up.pnl.total.cogs).toBe(base.pnl.total.cogs);
    expect(demandOf(plan({ skus: [X, { ...Y, pricing: { type: 'value', price: 110 } }] }), 'y')).toEqual(demandOf(plan(), 'y'));
    // AOV is a result: (9,450 + 540) ÷ 100 = 99.9
    expect(up.funnel.channels.shop!.aov).toBeCloseTo(99.9, 9);
  });

  it('a mix share change moves GMV, COGS, gross profit and stock', () => {
    // categories 50 : 50 instead of the forecast's 60 : 40 → x 75, y 75 units a month
    //   GMV = 75 × 45 + 75 × 90 = 10,125 (+675); COGS = 0.9 × (75 × 20 + 75 × 30) = 3,375 (+135)
    //   gross profit + 675 × 0.9 ÷ 1.25 − 135 = 486 − 135 = +351; y's demand (units kept) 0.9 × 75 = 67.5 instead of 54
    const even = plan({ channels: [shop({ mix: { categories: { tea: 0.5, ware: 0.5 } } })] });
    const same = pnlOf(plan({ channels: [shop({ mix: { categories: { tea: 0.6, ware: 0.4 } } })] }));
    const r = pnlOf(even);
    expect(same.pnl.total).toEqual(base.pnl.total);
    expect(r.pnl.months['2027-03']!.gmv).toBe(10_125);
    expect(r.pnl.months['2027-03']!.cogs).toBe(3_375);
    expect(r.pnl.months['2027-03']!.grossProfit - base.pnl.months['2027-03']!.grossProfit).toBeCloseTo(351, 9);
    expect(demandOf(even, 'y')[2]).toBeCloseTo(67.5, 9);
    expect(demandOf(plan(), 'y')[2]).toBeCloseTo(54, 9);
    // by SKU: the same 150 units, 30 % on y instead of 40 %
    const bySku = pnlOf(plan({ channels: [shop({ mix: { skus: { x: 0.7, y: 0.3 } } })] }));
    expect(bySku.products.skus.y!.units['2027-03']).toBeCloseTo(45, 9);
    // GMV = 105 × 45 + 45 × 90 = 4,725 + 4,050 = 8,775
    expect(bySku.pnl.months['2027-03']!.gmv).toBe(8_775);
  });

  it('a launch month change moves GMV, COGS, gross profit and stock by the months it shifts', () => {
    // Before y launches, x takes all 150 units: GMV 150 × 45 = 6,750, COGS 0.9 × 150 × 20 = 2,700.
    // Launch in April instead of July: April–June at 9,450 / 3,240 instead: GMV + 3 × 2,700 = 8,100,
    // COGS + 3 × 540 = 1,620, gross profit + 8,100 × 0.9 ÷ 1.25 − 1,620 = 5,832 − 1,620 = 4,212
    const july = pnlOf(plan({ skus: [X, { ...Y, status: 'new', launch: '2027-07' }] }));
    const april = pnlOf(plan({ skus: [X, { ...Y, status: 'new', launch: '2027-04' }] }));
    expect(july.pnl.months['2027-05']!.gmv).toBe(6_750);
    expect(july.pnl.months['2027-05']!.cogs).toBe(2_700);
    expect(april.pnl.total.gmv - july.pnl.total.gmv).toBeCloseTo(8_100, 6);
    expect(april.pnl.total.cogs - july.pnl.total.cogs).toBeCloseTo(1_620, 6);
    expect(april.pnl.total.grossProfit - july.pnl.total.grossProfit).toBeCloseTo(4_212, 6);
    // y's demand starts in April: 0.9 × 60 = 54 units kept a month
    expect(demandOf(plan({ skus: [X, { ...Y, status: 'new', launch: '2027-04' }] }), 'y').slice(2, 5)).toEqual([0, expect.closeTo(54, 9), expect.closeTo(54, 9)]);
  });

  it('a promotion’s depth moves GMV and gross profit; its uplift moves units, COGS and stock', () => {
    // y on promotion on 1–10 June (10 of 30 days), uplift 1.0. Everyday June: y 60 units, GMV 60 × 90 = 5,400.
    //   covered third: units 20 × 2 = 40; GMV 1,800 × 2 × (1 − depth); uncovered: 40 units, 3,600
    //   depth 0.2: GMV y = 3,600 + 2,880 = 6,480; depth 0.3: 3,600 + 2,520 = 6,120 → −360; gross profit −360 × 0.9 ÷ 1.25 = −259.2
    const at = (rate: number, uplift = 1) => plan({ promotions: [promo({ id: 'p', start: '2027-06-01', end: '2027-06-10', channels: ['shop'], skus: ['y'], mechanics: [{ type: 'direct-discount', rate }], expectedUplift: uplift })] });
    const d2 = pnlOf(at(0.2));
    const d3 = pnlOf(at(0.3));
    expect(d2.products.skus.y!.gmv['2027-06']).toBe(6_480);
    expect(d2.products.skus.y!.units['2027-06']).toBeCloseTo(80, 9);
    expect(d2.pnl.months['2027-06']!.gmv).toBe(4_050 + 6_480);
    expect(d3.pnl.months['2027-06']!.gmv - d2.pnl.months['2027-06']!.gmv).toBe(-360);
    expect(d3.pnl.total.grossProfit - d2.pnl.total.grossProfit).toBeCloseTo(-259.2, 6);
    expect(d3.pnl.total.cogs).toBe(d2.pnl.total.cogs);
    expect(demandOf(at(0.3), 'y')).toEqual(demandOf(at(0.2), 'y'));
    // the promotion's extra units are extra orders: (90 + 80) ÷ 1.5 = 113.33
    expect(d2.funnel.channels.shop!.orders['2027-06']).toBeCloseTo(170 / 1.5, 9);
    // uplift 1.5 instead of 1: + 20 × 0.5 = 10 units of y; COGS + 0.9 × 10 × 30 = 270; GMV + 1,800 × 0.5 × 0.8 = 720;
    // y's demand in June + 9 units kept
    const u15 = pnlOf(at(0.2, 1.5));
    expect(u15.pnl.months['2027-06']!.cogs - d2.pnl.months['2027-06']!.cogs).toBe(270);
    expect(u15.pnl.months['2027-06']!.gmv - d2.pnl.months['2027-06']!.gmv).toBe(720);
    expect(demandOf(at(0.2, 1.5), 'y')[5]! - demandOf(at(0.2), 'y')[5]!).toBeCloseTo(9, 9);
    // the promotion report shows the same: baseline 1,800, promotion GMV 2,880 (incremental 1,080), depth 0.2
    const report = modelledPromotion(at(0.2));
    expect(report.baselineGmv).toBe(1_800);
    expect(report.promoGmv).toBe(2_880);
    expect(report.incrementalGmv).toBe(1_080);
    expect(report.gmvByMonth['2027-06']).toBe(2_880);
  });

  it('follows category seasonality and shifts presale GMV to the balance month', () => {
    // ware peaks: profile with 0.3 in December, 0.7 ÷ 11 elsewhere; index = share × 12. In December y's weight is
    // 40 × 3.6 = 144 against x 60 → y = 150 × 144 ÷ 204
    const other = 0.7 / 11;
    const shares = Object.fromEntries(months.map((m) => [m, m === '2027-12' ? 0.3 : other]));
    const r = modelled(plan({ categories: [{ id: 'tea' }, { id: 'ware', seasonality: 'gifts' }], seasonality: [{ id: 'gifts', name: 'gifts', shares }] }), months);
    expect(r.products.skus.y!.units['2027-12']).toBeCloseTo((150 * 144) / 204, 9);
    expect(r.products.skus.y!.units['2027-03']).toBeCloseTo((150 * 40 * other * 12) / (60 + 40 * other * 12), 9);
    // presale 20–29 October (deposits), balance from 30 October into November: the deposit days' GMV lands in November
    const presale = promo({ id: 'd11', start: '2027-10-20', end: '2027-11-05', channels: ['shop'], mechanics: [{ type: 'presale', deposit: 0.2, depositStart: '2027-10-20', balanceStart: '2027-11-01', depositBonus: 0 }], expectedUplift: 1 });
    const p = pnlOf(plan({ promotions: [presale] }));
    // October: 19 everyday days of 31 stay (9,450 × 19 ÷ 31); the 12 presale days × 2 go to November
    expect(p.pnl.months['2027-10']!.gmv).toBeCloseTo(9_450 * (19 / 31), 1);
    // November: 9,450 + 9,450 × 12 ÷ 31 × 2 (presale) + 9,450 × 5 ÷ 30 (the spot days doubled: + 5 ÷ 30 once more)
    expect(p.pnl.months['2027-11']!.gmv).toBeCloseTo(9_450 + 9_450 * (12 / 31) * 2 + 9_450 * (5 / 30), 1);
  });

  it('keeps a channel that no SKU sells on at orders × stated AOV, and sells nothing in months with no SKU on sale', () => {
    const r = pnlOf(plan({ skus: [{ ...X, channels: ['shop'] }], channels: [shop(), shop({ id: 'old', funnel: { visitors: 1000, cvr: 0.1, aov: 80, returnRate: 0, newCustomerShare: 0 } })] }));
    // old: 100 orders × 80 = 8,000 a month; COGS at the SKUs' ratio: cost 20 per unit kept ÷ net 50 × 0.9 ÷ 1.25 = 0.555…
    expect(r.funnel.channels.old!.productDriven).toBe(false);
    expect(r.funnel.channels.old!.gmv['2027-02']).toBe(8_000);
    expect(r.funnel.channels.old!.cogs['2027-02']).toBeCloseTo(8_000 / 1.25 * (20 / (45 / 1.25)), 2);
    const late = pnlOf(plan({ skus: [{ ...X, status: 'new', launch: '2027-04' }] }));
    expect(late.funnel.channels.shop!.orders['2027-02']).toBe(0);
    expect(late.funnel.channels.shop!.unfilledOrders).toBeCloseTo(300, 9);
  });

  it('sells a phase-out SKU while its opening stock covers its forecast', () => {
    // forecast 60 a month, 150 in stock: on sale January and February, half of March, then not
    const r = modelled(plan({ skus: [{ ...X, status: 'phase-out' }, Y], supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0, orderCost: 0, maxDaysOfInventory: 120, openingStock: { x: 150 } } } }), months);
    const onSale = months.slice(0, 4).map((_, k) => r.sales.onSale[k]);
    expect(onSale).toEqual([1, 1, 0.5, 0]);
    // March: weights x 30, y 40 → x = 150 × 30 ÷ 70
    expect(r.products.skus.x!.units['2027-03']).toBeCloseTo((150 * 30) / 70, 9);
    expect(r.products.skus.y!.units['2027-04']).toBeCloseTo(150, 9);
  });
});

/** The report of promotion `p`, from the same sales numbers. */
function modelledPromotion(input: PlanInput) {
  const { sales } = modelled(input, months);
  return computePromotions(input, months, sales, { cogsRatio: salesCogsRatio(sales) })['p']!;
}

// ---------------------------------------------------------------------------------------------------------------
// Properties on random plans.

// Numbers from integers: fast-check's doubles favour extremes (1e-200), which would leave the plans empty.
const rate = (max = 1) => fc.integer({ min: 0, max: Math.round(max * 1000) }).map((x) => x / 1000);
const arbPlan = fc
  .record({
    skus: fc.array(
      fc.record({
        category: fc.constantFrom('a', 'b', 'c'),
        cost: fc.integer({ min: 0, max: 20_000 }).map((x) => x / 100),
        price: fc.integer({ min: 0, max: 50_000 }).map((x) => x / 100),
        units: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
        status: fc.constantFrom('active' as const, 'new' as const, 'phase-out' as const),
        launch: fc.option(fc.constantFrom(...months), { nil: undefined }),
        channels: fc.option(fc.subarray(['c0', 'c1', 'c2']), { nil: undefined }),
        profile: fc.boolean(),
        stock: fc.option(fc.integer({ min: 0, max: 1e5 }), { nil: undefined }),
      }),
      { maxLength: 7 },
    ),
    channels: fc.array(
      fc.record({
        visitors: fc.integer({ min: 0, max: 1_000_000 }),
        cvr: rate(0.2),
        upo: fc.option(fc.integer({ min: 10, max: 30 }).map((x) => x / 10), { nil: undefined }),
        discount: fc.option(rate(0.5), { nil: undefined }),
        returnRate: rate(0.5),
        byCategory: fc.option(rate(0.5), { nil: undefined }),
        aov: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        mix: fc.constantFrom('forecast', 'categories', 'skus'),
        seasonal: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    promotions: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 364 }),
        length: fc.integer({ min: 1, max: 60 }),
        channels: fc.subarray(['c0', 'c1', 'c2'], { minLength: 1 }),
        skus: fc.option(fc.subarray(['s0', 's1', 's2', 's3'], { minLength: 1 }), { nil: undefined }),
        rate: rate(0.6),
        uplift: rate(3),
        threshold: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        presale: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    vat: rate(0.2),
  })
  .map((r) => {
    const day = (n: number) => {
      let k = 0;
      while (n >= daysInMonth(months[k]!)) n -= daysInMonth(months[k++]!);
      return dateOf(months[k]!, n + 1);
    };
    const skus = r.skus.map((s, i) =>
      sku(`s${i}`, {
        category: s.category,
        cost: s.cost,
        pricing: { type: 'value', price: s.price },
        forecast: { monthlyUnits: s.units, demandStdDev: s.units / 4 },
        status: s.status,
        ...(s.launch ? { launch: s.launch } : {}),
        ...(s.channels ? { channels: s.channels } : {}),
        ...(s.profile ? { seasonality: 'peak' } : {}),
      }),
    );
    const channels = r.channels.map((c, i) => {
      const mix =
        c.mix === 'categories' ? { mix: { categories: { a: 0.5, b: 0.3, c: 0.2 } } } : c.mix === 'skus' && skus.length ? { mix: { skus: Object.fromEntries(skus.slice(0, 2).map((s, k, all) => [s.id, 1 / all.length])) } } : {};
      return shop({
        id: `c${i}`,
        ...(c.seasonal ? { seasonality: 'peak' } : {}),
        funnel: { visitors: c.visitors, cvr: c.cvr, returnRate: c.returnRate, newCustomerShare: 0.5, ...(c.upo !== undefined ? { unitsPerOrder: c.upo } : {}), ...(c.aov !== undefined ? { aov: c.aov } : {}), ...(c.byCategory !== undefined ? { returnRateByCategory: { b: c.byCategory } } : {}) },
        everydayDiscount: c.discount ?? 0,
        ...mix,
      });
    });
    const promotions = r.promotions.map((p, i) => {
      const start = day(Math.min(p.start, 364));
      const end = day(Math.min(364, p.start + p.length - 1));
      const mechanics: Array<Record<string, unknown>> = [{ type: 'direct-discount', rate: p.rate }];
      if (p.threshold) mechanics.push({ type: 'threshold', threshold: p.threshold, off: p.threshold / 10 });
      // presale: deposits until the last day, which is the balance day (often a later month)
      if (p.presale && p.length > 1) mechanics.push({ type: 'presale', deposit: 0.3, depositStart: start, balanceStart: end, depositBonus: 5 });
      return promo({ id: `p${i}`, start, end, channels: p.channels, ...(p.skus ? { skus: p.skus } : {}), mechanics: mechanics as Promotion['mechanics'], expectedUplift: p.uplift });
    });
    const stock = Object.fromEntries(r.skus.flatMap((s, i) => (s.stock === undefined ? [] : [[`s${i}`, s.stock]])));
    const peak = Object.fromEntries(months.map((m, k) => [m, k === 10 ? 0.34 : 0.06]));
    return {
      plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate: r.vat } },
      targets: { seasonality: [{ id: 'peak', name: 'peak', shares: peak }] },
      channels: { channels },
      products: { categories: [{ id: 'a', name: 'a' }, { id: 'b', name: 'b', seasonality: 'peak' }, { id: 'c', name: 'c' }], skus },
      promotions: { promotions },
      supply: { inventory: { serviceLevel: 0.95, holdingCostRate: 0.2, orderCost: 100, maxDaysOfInventory: 120, openingStock: stock } },
    } as unknown as PlanInput;
  });

/**
 * The same model written the plain way: every SKU on every channel on every day. Slow (SKUs × channels × days)
 * but obviously what docs/engine.md says; the factorised model must give the same numbers.
 */
function plainSales(input: PlanInput, fast: SalesNumbers) {
  const M = months.length;
  const skus = input.products!.skus!;
  const channels = input.channels!.channels!;
  const traffic = computeTraffic(input, months);
  const profiles = new Map((input.targets?.seasonality ?? []).map((p) => [p.id, months.map((m) => (p.shares[m] ?? 0) * M)]));
  const cats = new Map((input.products!.categories ?? []).map((c) => [c.id, (c as { seasonality?: string }).seasonality]));
  const idx = (s: Sku, m: number) => {
    const id = (s as { seasonality?: string }).seasonality ?? cats.get(s.category);
    return id ? profiles.get(id)![m]! : 1;
  };
  const catIdx = (k: string, m: number) => (cats.get(k) ? profiles.get(cats.get(k)!)![m]! : 1);
  const onSale = (s: number, m: number) => fast.onSale[s * M + m]!;
  const sells = (s: Sku, c: string) => !s.channels || s.channels.includes(c);
  const terms = (input.promotions?.promotions ?? []).map((p, i) => promotionTerms(p, i, months, fast.vatRate));
  const out = {
    skuUnits: new Float64Array(skus.length * M),
    skuGmv: new Float64Array(skus.length * M),
    skuKept: new Float64Array(skus.length * M),
    skuRefunds: new Float64Array(skus.length * M),
    chUnits: channels.map(() => new Float64Array(M)),
    chGmv: channels.map(() => new Float64Array(M)),
    chCogs: channels.map(() => new Float64Array(M)),
    chRefunds: channels.map(() => new Float64Array(M)),
  };
  channels.forEach((ch, c) => {
    const mix = (ch as { mix?: { categories?: Record<string, number>; skus?: Record<string, number> } }).mix;
    const upo = (ch.funnel as { unitsPerOrder?: number }).unitsPerOrder ?? 1;
    const disc = (ch as { everydayDiscount?: number }).everydayDiscount ?? 0;
    const byCategory = (ch.funnel as { returnRateByCategory?: Record<string, number> }).returnRateByCategory ?? {};
    for (let m = 0; m < M; m++) {
      const U = traffic.channels[c]!.orders[m]! * upo;
      // everyday units per SKU
      const units = skus.map((s, i) => {
        const f = s.forecast.monthlyUnits * idx(s, m) * onSale(i, m);
        if (mix?.skus) {
          const w = (k: number) => (mix.skus![skus[k]!.id] ?? 0) * idx(skus[k]!, m) * onSale(k, m) * (sells(skus[k]!, ch.id) ? 1 : 0);
          const W = sum(skus.map((_, k) => w(k)));
          return W > 0 ? (U * w(i)) / W : 0;
        }
        if (!sells(s, ch.id)) return 0;
        if (mix?.categories) {
          const F = (k: string) => sum(skus.map((t, j) => (t.category === k && sells(t, ch.id) ? t.forecast.monthlyUnits * idx(t, m) * onSale(j, m) : 0)));
          const ks = [...new Set(skus.map((t) => t.category))];
          const W = sum(ks.map((k) => (F(k) > 0 ? (mix.categories![k] ?? 0) * catIdx(k, m) : 0)));
          return W > 0 && F(s.category) > 0 ? (U * (mix.categories[s.category] ?? 0) * catIdx(s.category, m) * f) / W / F(s.category) : 0;
        }
        const F = sum(skus.map((t, j) => (sells(t, ch.id) ? t.forecast.monthlyUnits * idx(t, m) * onSale(j, m) : 0)));
        return F > 0 ? (U * f) / F : 0;
      });
      const D = daysInMonth(months[m]!);
      skus.forEach((s, i) => {
        const eu = units[i]!;
        if (eu === 0) return;
        const price = priceOf(s.pricing, s.cost) * (1 - disc);
        const r = byCategory[s.category] ?? ch.funnel.returnRate;
        for (let d = 1; d <= D; d++) {
          const date = dateOf(months[m]!, d);
          let uplift = 0;
          let depth = 0;
          let target = m;
          terms.forEach((t, p) => {
            const promotion = input.promotions!.promotions![p]!;
            if (!promotion.channels.includes(ch.id) || date < promotion.start || date > promotion.end) return;
            if (t.skus && !t.skus.has(s.id)) return;
            uplift += t.uplift;
            depth += fast.promotions[p]!.channels.find((x) => x.channel === c)?.priceDepth ?? 0;
            if (target === m && t.balanceMonth !== null && t.isPresale(date)) target = t.balanceMonth;
          });
          if (target < 0) continue;
          const u = (eu / D) * (1 + uplift);
          const g = u * price * Math.max(0, 1 - depth);
          out.skuUnits[i * M + target]! += u;
          out.skuGmv[i * M + target]! += g;
          out.skuKept[i * M + target]! += u * (1 - r);
          out.skuRefunds[i * M + target]! += g * r;
          out.chUnits[c]![target]! += u;
          out.chGmv[c]![target]! += g;
          out.chCogs[c]![target]! += u * (1 - r) * s.cost;
          out.chRefunds[c]![target]! += g * r;
        }
      });
    }
  });
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('properties of the revenue model', () => {
  it('equals the plain SKU × channel × day computation', () => {
    fc.assert(
      fc.property(arbPlan, (input) => {
        const traffic = computeTraffic(input, months);
        const fast = computeSales(input, months, traffic);
        const plain = plainSales(input, fast);
        fast.skuUnits.forEach((v, i) => expect(close(v, plain.skuUnits[i]!), `units ${i}: ${v} vs ${plain.skuUnits[i]}`).toBe(true));
        fast.skuGmv.forEach((v, i) => expect(close(v, plain.skuGmv[i]!), `gmv ${i}: ${v} vs ${plain.skuGmv[i]}`).toBe(true));
        fast.skuKept.forEach((v, i) => expect(close(v, plain.skuKept[i]!), `kept ${i}`).toBe(true));
        fast.skuRefunds.forEach((v, i) => expect(close(v, plain.skuRefunds[i]!), `refunds ${i}`).toBe(true));
        fast.channels.forEach((c, k) => {
          if (!c.productDriven) return;
          c.units.forEach((v, m) => expect(close(v, plain.chUnits[k]![m]!)).toBe(true));
          c.gmv.forEach((v, m) => expect(close(v, plain.chGmv[k]![m]!)).toBe(true));
          c.cogs.forEach((v, m) => expect(close(v, plain.chCogs[k]![m]!)).toBe(true));
          c.refunds.forEach((v, m) => expect(close(v, plain.chRefunds[k]![m]!)).toBe(true));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('channels, SKUs, categories and months reconcile to the fen; no NaN anywhere', () => {
    fc.assert(
      fc.property(arbPlan, (input) => {
        const { sales, funnel, products } = modelled(input, months);
        const walk = (x: unknown): void => {
          if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk(funnel);
        walk(products);
        const driven = Object.values(funnel.channels).filter((c) => c.productDriven);
        for (const [k, m] of months.entries()) {
          for (const key of ['gmv', 'cogs'] as const) {
            const channels = sum(driven.map((c) => cents(c[key][m]!)));
            const skus = sum(Object.values(products.skus).map((s) => cents(s[key][m]!)));
            const categories = sum(Object.values(products.categories).map((c) => cents(c[key][m]!)));
            expect(skus).toBe(channels);
            expect(categories).toBe(channels);
            expect(cents(products[key][m]!)).toBe(channels);
          }
          // units: SKUs = channels (decimals)
          expect(close(sum(Object.values(products.skus).map((s) => s.units[m]!)), sum(driven.map((c) => c.units[m]!)))).toBe(true);
          // gross profit of the SKUs = net revenue − COGS of the channels they sell on
          expect(cents(products.grossProfit[m]!)).toBe(sum(driven.map((c) => cents(c.netRevenue[m]!) - cents(c.cogs[m]!))));
          expect(sales.channels.every((c) => c.units[k]! >= -1e-9)).toBe(true);
        }
        // months add up to the totals
        for (const s of Object.values(products.skus)) expect(cents(s.unitsSold * 1)).toBe(cents(sum(Object.values(s.units))));
        expect(cents(funnel.totals.totals.gmv)).toBe(sum(months.map((m) => cents(funnel.totals.gmv[m]!))));
      }),
      { numRuns: 80 },
    );
  });

  it('a higher price never lowers GMV when units stay the same', () => {
    fc.assert(
      fc.property(arbPlan, fc.nat(), rate(2), (input, pick, raise) => {
        const skus = input.products!.skus!;
        if (skus.length === 0) return;
        const i = pick % skus.length;
        const s = skus[i]!;
        const higher = { ...input, products: { ...input.products, skus: skus.map((x, k) => (k === i ? { ...x, pricing: { type: 'value' as const, price: priceOf(s.pricing, s.cost) * (1 + raise) } } : x)) } } as PlanInput;
        const a = computeSales(input, months, computeTraffic(input, months));
        const b = computeSales(higher, months, computeTraffic(higher, months));
        a.skuUnits.forEach((v, k) => expect(close(v, b.skuUnits[k]!)).toBe(true));
        a.channels.forEach((c, k) => c.gmv.forEach((v, m) => expect(b.channels[k]!.gmv[m]!).toBeGreaterThanOrEqual(v - 1e-6 * Math.max(1, v))));
      }),
      { numRuns: 60 },
    );
  });
});
