import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMarketing, marketingFindings } from '../../src/engine/marketing.ts';
import { channelBreakEven } from '../../src/engine/break-even.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { MarketingFile, PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);
type Channel = NonNullable<MarketingFile['channels']>[number];
// The generated budget type (an `anyOf` of required-field conditions) does not accept plain objects; the schema does.
type Budget = { total?: number; phasing?: string; monthly?: Record<string, number> };
const channel = (id: string, { budget, ...over }: Omit<Partial<Channel>, 'budget'> & { budget?: Budget }): Channel => ({
  id, name: id, kind: 'paid-ads', platform: id, drives: ['shop'], pricing: { type: 'fixed' }, cvr: 0, newCustomerShare: 0, owner: 'marketing', ...over,
  budget: (budget ?? { total: 0 }) as Channel['budget'],
});
const salesChannel = (id: string, aov: number) => ({
  id, name: id, platform: 'tmall' as const, model: 'marketplace' as const,
  funnel: { visitors: 0, cvr: 0, aov, returnRate: 0, newCustomerShare: 0 }, fees: { commission: 0, paymentFee: 0 },
});
// Phasing: half in January, a quarter each in February and March.
const phasing = { id: 'p', name: 'p', shares: { '2027-01': 0.5, '2027-02': 0.25, '2027-03': 0.25 } };

function plan(channels: Channel[], experiments: MarketingFile['experiments'] = []): PlanInput {
  return {
    plan: minimalPlan as PlanInput['plan'],
    targets: { seasonality: [phasing] },
    channels: { channels: [salesChannel('shop', 200), salesChannel('shop2', 100)] },
    marketing: { channels, experiments },
  };
}
// A customer lifetime of 1 + 0.1 + 0.1 = 1.2 expected orders (customer-value.test.ts derives them from a curve).
const lifetime = { discountRate: 0, lifespanMonths: 3, ordersPerActiveMonth: 1, expectedOrders: [1, 0.1, 0.1], ordersPerCustomer: 1.2 };
// The sales channels' computed AOVs (GMV ÷ orders from their SKUs).
const channelAov = { shop: 200, shop2: 100 };
const options = { grossMarginRate: 0.5, lifetime, planAov: 200, channelAov };

describe('marketing', () => {
  const input = plan([
    channel('search', { budget: { total: 1200 }, pricing: { type: 'cpc', cpc: 2 }, cvr: 0.1, aov: 250, newCustomerShare: 0.5 }),
    channel('feed', { drives: ['shop', 'shop2'], budget: { monthly: { '2027-01': 1000, '2027-02': 500 } }, pricing: { type: 'cpm', cpm: 10, ctr: 0.02 }, cvr: 0.05, newCustomerShare: 0.4 }),
    channel('kol', { kind: 'kol', budget: { total: 1000, phasing: 'p' }, pricing: { type: 'cps', rate: 0.2 }, aov: 100, newCustomerShare: 1 }),
    channel('notes', { kind: 'content', budget: { total: 300, phasing: 'p' }, pricing: { type: 'fixed', visitors: 1000 }, cvr: 0.01, aov: 200, newCustomerShare: 0.5 }),
    channel('idle', { kind: 'private-domain', budget: { total: 0 }, pricing: { type: 'fixed' }, cvr: 0.03, newCustomerShare: 0.1 }),
  ], [
    { id: 'x', name: 'x', hypothesis: 'x', channel: 'search', metric: 'cvr', baselineRate: 0.1, minimumDetectableEffect: 0.2, dailyTraffic: 1000, start: '2027-03', owner: 'ops' },
    { id: 'y', name: 'y', hypothesis: 'y', channel: 'search', metric: 'cvr', baselineRate: 0.9, minimumDetectableEffect: 0.2, start: '2027-03', owner: 'ops' },
  ]);
  const r = computeMarketing(input, months, options);

  it('cpc: clicks = spend ÷ CPC, evenly spread without phasing', () => {
    const c = r.channels.search!;
    // 1,200 ÷ 12 = 100 a month; ÷ ¥2 = 50 clicks; × 0.1 = 5 orders; × ¥250 = ¥1,250
    expect(c.spend['2027-05']).toBe(100);
    expect([c.clicks['2027-05'], c.orders['2027-05'], c.gmv['2027-05']]).toEqual([50, 5, 1250]);
    // totals: 600 clicks, 60 orders, ¥15,000 GMV, 60 × 0.5 = 30 new customers
    expect(c.totals).toEqual({ spend: 1200, clicks: 600, orders: 60, gmv: 15_000, newCustomers: 30 });
    // CAC = 1,200 ÷ 30 = 40; ROAS = 15,000 ÷ 1,200 = 12.5; ROI = (15,000 × 0.5 − 1,200) ÷ 1,200 = 5.25
    expect([c.cac, c.roas, c.roi]).toEqual([40, 12.5, 5.25]);
    // CLV = 250 × 0.5 × 1.2 = 150; LTV/CAC = 150 ÷ 40 = 3.75;
    // payback: the first order already earns 250 × 0.5 × 1 = 125 ≥ 40 → month 0
    expect(c.ltv).toBe(150);
    expect(c.ltvCac).toBe(3.75);
    expect(c.paybackMonths).toBe(0);
  });

  it('cpm with a monthly budget and the mean AOV of the driven sales channels', () => {
    const c = r.channels.feed!;
    expect([c.spend['2027-01'], c.spend['2027-02'], c.spend['2027-03']]).toEqual([1000, 500, 0]);
    // January: 1,000 ÷ ¥10 × 1,000 × 0.02 = 2,000 clicks; × 0.05 = 100 orders; × (200 + 100) ÷ 2 = ¥150 → ¥15,000
    expect([c.clicks['2027-01'], c.orders['2027-01'], c.gmv['2027-01']]).toEqual([2000, 100, 15_000]);
    // totals: 3,000 clicks, 150 orders, ¥22,500, 60 new customers; CAC = 1,500 ÷ 60 = 25
    expect(c.totals).toEqual({ spend: 1500, clicks: 3000, orders: 150, gmv: 22_500, newCustomers: 60 });
    expect(c.cac).toBe(25);
  });

  it('cps: GMV = spend ÷ commission rate, phased', () => {
    const c = r.channels.kol!;
    // spend 500, 250, 250; GMV = 2,500, 1,250, 1,250; orders = GMV ÷ 100
    expect([c.spend['2027-01'], c.spend['2027-02'], c.spend['2027-03'], c.spend['2027-04']]).toEqual([500, 250, 250, 0]);
    expect(c.totals).toEqual({ spend: 1000, clicks: 0, orders: 50, gmv: 5000, newCustomers: 50 });
    expect([c.cac, c.roas]).toEqual([20, 5]);
  });

  it('fixed: the plan\'s visitors spread like the spend; no visitors → cost only', () => {
    const c = r.channels.notes!;
    // 1,000 visitors × (0.5, 0.25, 0.25) = 500, 250, 250; × 0.01 = 10 orders; × ¥200 = ¥2,000
    expect([c.clicks['2027-01'], c.clicks['2027-02'], c.clicks['2027-03']]).toEqual([500, 250, 250]);
    expect(c.totals.orders).toBeCloseTo(10, 12);
    expect(c.totals.gmv).toBe(2000);
    const idle = r.channels.idle!;
    expect([idle.totals.spend, idle.totals.gmv, idle.cac, idle.roas, idle.roi, idle.ltvCac, idle.paybackMonths]).toEqual([0, 0, null, null, null, null, null]);
  });

  it('totals over channels and blended CAC / ROAS', () => {
    // spend 1,200 + 1,500 + 1,000 + 300 + 0 = 4,000; GMV 15,000 + 22,500 + 5,000 + 2,000 = 44,500
    // new customers 30 + 60 + 50 + 5 = 145; CAC = 4,000 ÷ 145 = 27.586 → ¥27.59; ROAS = 11.125
    expect(r.totals.spend).toBe(4000);
    expect(r.totals.gmv).toBe(44_500);
    expect(r.totals.newCustomers).toBeCloseTo(145, 9);
    expect(r.totals.cac).toBe(27.59);
    expect(r.totals.roas).toBe(11.125);
    // the plan's CLV at its AOV: 200 × 0.5 × 1.2 = 120; LTV/CAC = 120 ÷ 27.59 = 4.3494; payback: 100 ≥ 27.59 → month 0
    expect([r.totals.ltv, r.totals.paybackMonths]).toEqual([120, 0]);
    expect(r.totals.ltvCac).toBeCloseTo(120 / 27.59, 12);
    // January: 100 + 1,000 + 500 + 150 = 1,750
    expect(r.spend['2027-01']).toBe(1750);
  });

  it('sizes experiments and the days they need', () => {
    // n = 3,841 per variant (see ab-sample-size.test.ts); days = ⌈2 × 3,841 ÷ 1,000⌉ = ⌈7.682⌉ = 8
    expect(r.experiments.x).toMatchObject({ sampleSizePerVariant: 3841, days: 8 });
    expect(r.experiments.y).toMatchObject({ sampleSizePerVariant: null, days: null }); // p2 = 1.08
  });

  it('warns when LTV is below CAC', () => {
    // CAC = 1,200 ÷ (1,200 ÷ 100 × 0.1 × 0.5 = 0.6) = 2,000 > LTV = 250 × 0.5 × 1.2 = 150
    const dear = plan([channel('dear', { budget: { total: 1200 }, pricing: { type: 'cpc', cpc: 100 }, cvr: 0.1, aov: 250, newCustomerShare: 0.5 })]);
    const costly = computeMarketing(dear, months, options);
    expect(costly.channels.dear!.cac).toBe(2000);
    // cumulative margin 125, 137.5, 150 never reaches 2,000 within the 3-month lifespan: no payback
    expect(costly.channels.dear!.paybackMonths).toBeNull();
    expect(marketingFindings(costly, dear)).toEqual([
      { kind: 'ltv-below-cac', severity: 'warning', subject: { entity: { entity: 'marketing-channel', id: 'dear' }, file: 'marketing', path: ['channels', 0] }, facts: { ltv: { value: 150, unit: 'money' }, cac: { value: 2000, unit: 'money' } } },
    ]);
    expect(marketingFindings(r, input)).toEqual([]);
  });

  it('warns when a target ROAS is below the break-even ROAS of the channels it drives, at the targetRoas line', () => {
    // The driven channels keep (80,000 − 40,000 − 5,000 − 600 − 4,400) ÷ 100,000 = 30,000 ÷ 100,000 = 30 % of GMV:
    // break-even ROAS = 1 ÷ 0.3 = 3.33…; a target of 3 is below it, 3.5 above, and a channel without a target is not judged.
    const be = channelBreakEven({ gmv: 100_000, netRevenue: 80_000, cogs: 40_000, platformFees: 5000, paymentFees: 600, fulfilment: 4400 });
    const targets = plan([channel('low', { targetRoas: 3 }), channel('high', { targetRoas: 3.5 }), channel('none', {})]);
    const result = computeMarketing(targets, months, options);
    const findings = marketingFindings(result, targets, { low: be, high: be, none: be });
    expect(findings).toEqual([
      {
        kind: 'roas-below-break-even',
        severity: 'warning',
        subject: { entity: { entity: 'marketing-channel', id: 'low' }, file: 'marketing', path: ['channels', 0, 'targetRoas'] },
        facts: { roas: { value: 3, unit: 'ratio' }, breakEvenRoas: { value: 1 / 0.3, unit: 'ratio' }, contributionRate: { value: 0.3, unit: 'rate' } },
      },
    ]);
    // No contribution at all (COGS above net revenue): no break-even ROAS exists, and no finding claims one.
    const loss = channelBreakEven({ gmv: 100, netRevenue: 80, cogs: 90, platformFees: 0, paymentFees: 0, fulfilment: 0 });
    expect(marketingFindings(result, targets, { low: loss, high: loss, none: loss })).toEqual([]);
  });

  it('warns when a CPS channel pays commission on sales whose channel fees already carry an affiliate commission', () => {
    // shop pays affiliates 11 % of its net sales in its fees; a CPS channel driving shop and shop2 at 22 % pays the
    // same creators again on shop (one finding, at its pricing.rate), not on shop2 (no affiliate fee); a fixed-fee
    // channel (slot fees, samples) and a CPS channel on shop2 alone are fine.
    const p = plan([
      channel('kol', { drives: ['shop', 'shop2'], pricing: { type: 'cps', rate: 0.22 } }),
      channel('slots', { drives: ['shop'], pricing: { type: 'fixed', visitors: 1000 } }),
      channel('tk', { drives: ['shop2'], pricing: { type: 'cps', rate: 0.1 } }),
    ]);
    p.channels!.channels![0]!.fees = { commission: 0.05, paymentFee: 0.006, affiliate: 0.11 };
    expect(marketingFindings(computeMarketing(p, months, options), p)).toEqual([
      {
        kind: 'commission-twice',
        severity: 'warning',
        subject: { entity: { entity: 'marketing-channel', id: 'kol' }, file: 'marketing', path: ['channels', 0, 'pricing', 'rate'] },
        facts: { channel: { entity: 'channel', id: 'shop' }, affiliate: { value: 0.11, unit: 'rate' }, rate: { value: 0.22, unit: 'rate' } },
      },
    ]);
  });

  it('property: months add up exactly to budget.total in fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }).map((f) => f / 100),
        fc.option(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }), { nil: undefined }),
        fc.constantFrom('cpc', 'cpm', 'cps', 'fixed'),
        (total, raw, type) => {
          const sum = raw ? raw.reduce((a, b) => a + b, 0) || 1 : 1;
          const shares = raw ? Object.fromEntries(months.map((m, i) => [m, raw[i]! / sum])) : {};
          const pricing = type === 'cpc' ? { type, cpc: 1.5 } : type === 'cpm' ? { type, cpm: 30, ctr: 0.01 } : type === 'cps' ? { type, rate: 0.2 } : { type, visitors: 1000 };
          const p: PlanInput = {
            plan: minimalPlan as PlanInput['plan'],
            targets: { seasonality: [{ id: 'q', name: 'q', shares }] },
            marketing: { channels: [channel('c', { budget: raw ? { total, phasing: 'q' } : { total }, pricing: pricing as Channel['pricing'], cvr: 0.03, aov: 100, newCustomerShare: 0.5 })] },
          };
          const res = computeMarketing(p, months, options);
          const fen = (x: number) => Math.round(x * 100);
          expect(Object.values(res.channels.c!.spend).reduce((a, v) => a + fen(v), 0)).toBe(fen(total));
          expect(fen(res.totals.spend)).toBe(fen(total));
          const c = res.channels.c!;
          const nums = [...Object.values(c.clicks), ...Object.values(c.orders), ...Object.values(c.gmv), c.cac ?? 0, c.roas ?? 0, c.roi ?? 0, c.ltv ?? 0, c.ltvCac ?? 0, c.paybackMonths ?? 0];
          expect(nums.every(Number.isFinite)).toBe(true);
        },
      ),
    );
  });

  it('property: zero budget, zero CVR or zero margin never give NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 0.5), fc.constantFrom(0, 0.03), fc.constantFrom(0, 1), fc.constantFrom(null, 0, 150), (gm, cvr, opc, planAov) => {
        const flat = { ...lifetime, expectedOrders: [opc], ordersPerCustomer: opc };
        const res = computeMarketing(plan([channel('c', { budget: { total: 0 }, pricing: { type: 'cpc', cpc: 0 }, cvr, aov: 0, newCustomerShare: 0 })]), months, { grossMarginRate: gm, lifetime: flat, planAov, channelAov });
        const c = res.channels.c!;
        const nums = [...Object.values(c.spend), ...Object.values(c.clicks), ...Object.values(c.orders), c.cac ?? 0, c.roas ?? 0, c.roi ?? 0, c.ltv ?? 0, c.ltvCac ?? 0, c.paybackMonths ?? 0, res.totals.cac ?? 0, res.totals.roas ?? 0, res.totals.ltv ?? 0, res.totals.ltvCac ?? 0, res.totals.paybackMonths ?? 0];
        expect(nums.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
