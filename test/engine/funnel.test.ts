import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUNNEL_KEYS, MONEY_KEYS } from '../../src/model/result/funnel.ts';
import { funnelOf } from '../helpers/engine.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);
type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];
const fen = (x: number) => Math.round(x * 100);

// Jan 0.2, Feb 0.05, the other ten months 0.075 each: 0.2 + 0.05 + 10 × 0.075 = 1
const shares = Object.fromEntries(months.map((m, i) => [m, i === 0 ? 0.2 : i === 1 ? 0.05 : 0.075]));

function channel(over: Partial<Channel> & Pick<Channel, 'id'>): Channel {
  return {
    name: over.id,
    platform: 'tmall',
    model: 'marketplace',
    funnel: { visitors: 0, cvr: 0, aov: 0, returnRate: 0, newCustomerShare: 0 },
    fees: { commission: 0, paymentFee: 0 },
    ...over,
  } as Channel;
}

function plan(channels: Channel[], extra: Partial<PlanInput> = {}, vatRate = 0.25): PlanInput {
  return {
    plan: { ...minimalPlan, company: { ...minimalPlan.company, vatRate } } as PlanInput['plan'],
    targets: { seasonality: [{ id: 's', name: 's', shares }] },
    channels: { channels },
    ...extra,
  };
}

const supply = {
  warehouses: [
    { id: 'w1', name: 'w1', kind: 'own', costPerOrder: 2, monthlyFixedCost: 0, channels: ['a'] },
    { id: 'w2', name: 'w2', kind: '3pl', costPerOrder: 4, monthlyFixedCost: 0, channels: ['b'] },
    { id: 'w3', name: 'w3', kind: 'own', costPerOrder: 6, monthlyFixedCost: 0 },
  ],
  logistics: [
    { id: 'x', carrier: 'x', service: 'standard', costPerParcel: 6, deliveryDays: 2, channels: ['a'] },
    { id: 'y', carrier: 'y', service: 'standard', costPerParcel: 4, deliveryDays: 2, channels: ['b'] },
    { id: 'z', carrier: 'z', service: 'economy', costPerParcel: 5, deliveryDays: 3 },
  ],
} as PlanInput['supply'];

describe('funnel', () => {
  const a = channel({
    id: 'a',
    seasonality: 's',
    funnel: { visitors: 10_000, cvr: 0.02, aov: 150, returnRate: 0.1, newCustomerShare: 0.25 },
    fees: { commission: 0.05, paymentFee: 0.006, points: 0.01, affiliate: 0.02, otherRate: 0.02, annualFee: 12_000 },
    fulfilment: { costPerOrder: 3 },
  });
  const b = channel({
    id: 'b',
    launch: '2027-03',
    funnel: { visitors: 1_200, cvr: 0.05, aov: 99.99, returnRate: 0, newCustomerShare: 1, growth: 0.1 },
    fees: { commission: 0.05, paymentFee: 0 },
  });
  const r = funnelOf(plan([a, b], { supply }), months);
  const A = r.channels.a!;
  const B = r.channels.b!;

  it('runs visitors × CVR × AOV down to net revenue and fees (hand-computed January)', () => {
    // visitors = 10,000 × 12 × 0.2 = 24,000; orders = 24,000 × 0.02 = 480; GMV = 480 × 150 = 72,000
    expect(A.visitors['2027-01']).toBeCloseTo(24_000, 9);
    expect(A.orders['2027-01']).toBeCloseTo(480, 9);
    expect(A.gmv['2027-01']).toBe(72_000);
    // refunds = 72,000 × 0.1 = 7,200; net sales = 64,800; VAT = 64,800 − 64,800 / 1.25 = 12,960; net revenue = 51,840
    expect(A.refunds['2027-01']).toBe(7_200);
    expect(A.netSales['2027-01']).toBe(64_800);
    expect(A.vat['2027-01']).toBe(12_960);
    expect(A.netRevenue['2027-01']).toBe(51_840);
    // platform fees = 64,800 × (0.05 + 0.01 + 0.02 + 0.02) + 12,000 / 12 = 6,480 + 1,000 = 7,480
    expect(A.platformFees['2027-01']).toBe(7_480);
    // payment fees = 72,000 × 0.006 = 432
    expect(A.paymentFees['2027-01']).toBe(432);
    // fulfilment: own cost per order 3 + cheapest parcel serving a (x 6, z 5 serves all) = 5 → 480 × 8 = 3,840
    expect(A.fulfilmentPerOrder).toBe(8);
    expect(A.fulfilment['2027-01']).toBe(3_840);
    // new = 480 × 0.25 = 120; returning = 360
    expect(A.newCustomers['2027-01']).toBeCloseTo(120, 9);
    expect(A.returningCustomers['2027-01']).toBeCloseTo(360, 9);
    // February: 10,000 × 12 × 0.05 = 6,000 visitors → 120 orders → 18,000 GMV
    expect(A.gmv['2027-02']).toBe(18_000);
  });

  it('starts a channel at launch, grows it month on month and falls back to supply.yaml for fulfilment', () => {
    expect(B.visitors['2027-01']).toBe(0);
    expect(B.gmv['2027-02']).toBe(0);
    expect(B.platformFees['2027-02']).toBe(0);
    // March is month index 2: 1,200 × 12 × 1/12 × 1.1² = 1,452 visitors; orders = 72.6 (not rounded)
    expect(B.visitors['2027-03']).toBeCloseTo(1_452, 9);
    expect(B.orders['2027-03']).toBeCloseTo(72.6, 9);
    // GMV = 72.6 × 99.99 = 7,259.274 → 7,259.27
    expect(B.gmv['2027-03']).toBe(7_259.27);
    // warehouses serving b: w2 (4) and w3 (serves all, 6) → mean 5; cheapest parcel serving b: y 4 → 9 per order
    expect(B.fulfilmentPerOrder).toBe(9);
    expect(B.fulfilment['2027-03']).toBe(653.4); // 72.6 × 9
  });

  it('uses all warehouses and logistics when none serves the channel, and 0 without supply.yaml', () => {
    const c = channel({ id: 'c', funnel: { visitors: 1000, cvr: 0.1, aov: 10, returnRate: 0, newCustomerShare: 0 } });
    const only = { warehouses: [supply!.warehouses![0]!, supply!.warehouses![1]!], logistics: [supply!.logistics![0]!, supply!.logistics![1]!] } as PlanInput['supply'];
    // mean of w1 2 and w2 4 = 3; cheapest of x 6 and y 4 = 4 → 7
    expect(funnelOf(plan([c], { supply: only }), months).channels.c!.fulfilmentPerOrder).toBe(7);
    expect(funnelOf(plan([c]), months).channels.c!.fulfilmentPerOrder).toBe(0);
  });

  it('sums channels into totals with overall AOV, CVR and return rate', () => {
    expect(r.totals.gmv['2027-03']).toBe(fen(A.gmv['2027-03']! + B.gmv['2027-03']!) / 100);
    expect(r.totals.totals.gmv).toBe(fen(A.totals.gmv + B.totals.gmv) / 100);
    expect(r.totals.aov).toBeCloseTo(r.totals.totals.gmv / r.totals.totals.orders, 12);
    expect(r.totals.cvr).toBeCloseTo(r.totals.totals.orders / r.totals.totals.visitors, 12);
    expect(r.totals.returnRate).toBeCloseTo(r.totals.totals.refunds / r.totals.totals.gmv, 12);
    expect(A.explain.orders!.inputs[0]!.source).toEqual({ file: 'channels.yaml', path: 'channels[0].funnel.cvr' });
  });

  it('gives zeros and null ratios with no visitors or no channels', () => {
    const zero = funnelOf(plan([channel({ id: 'z' })]), months);
    expect(zero.totals.totals.gmv).toBe(0);
    expect(zero.totals.aov).toBeNull();
    expect(zero.totals.cvr).toBeNull();
    expect(zero.totals.returnRate).toBeNull();
    const none = funnelOf(plan([]), months);
    expect(none.totals.gmv['2027-06']).toBe(0);
    expect(none.channels).toEqual({});
  });

  const rate = fc.double({ min: 0, max: 1, noNaN: true });
  const arbChannel = fc.record({
    visitors: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5e6, noNaN: true })),
    cvr: rate,
    aov: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 }).map((f) => f / 100)),
    returnRate: rate,
    newCustomerShare: rate,
    growth: fc.double({ min: -1, max: 0.3, noNaN: true }),
    commission: rate,
    paymentFee: rate,
    annualFee: fc.integer({ min: 0, max: 100_000 }),
    seasonal: fc.boolean(),
    launch: fc.option(fc.constantFrom(...months), { nil: undefined }),
    costPerOrder: fc.option(fc.integer({ min: 0, max: 2000 }).map((f) => f / 100), { nil: undefined }),
  });
  const channelsOf = (list: Array<typeof arbChannel extends fc.Arbitrary<infer T> ? T : never>) =>
    list.map((c, i) =>
      channel({
        id: `c${i}`,
        ...(c.seasonal ? { seasonality: 's' } : {}),
        ...(c.launch ? { launch: c.launch } : {}),
        funnel: { visitors: c.visitors, cvr: c.cvr, aov: c.aov, returnRate: c.returnRate, newCustomerShare: c.newCustomerShare, growth: c.growth },
        fees: { commission: c.commission, paymentFee: c.paymentFee, annualFee: c.annualFee },
        ...(c.costPerOrder !== undefined ? { fulfilment: { costPerOrder: c.costPerOrder } } : {}),
      }),
    );

  it('property: channels add up to the totals, money parts add up, orders = visitors × CVR, nothing is NaN', () => {
    fc.assert(
      fc.property(fc.array(arbChannel, { maxLength: 5 }), fc.double({ min: 0, max: 0.2, noNaN: true }), (list, vat) => {
        const res = funnelOf(plan(channelsOf(list), { supply }, vat), months);
        const walk = (x: unknown): void => {
          if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
          else if (x && typeof x === 'object') Object.values(x).forEach(walk);
        };
        walk(res);
        const chans = Object.values(res.channels);
        for (const key of FUNNEL_KEYS) {
          for (const m of months) {
            const parts = chans.map((c) => c[key][m]!);
            if (MONEY_KEYS.has(key)) expect(fen(res.totals[key][m]!)).toBe(parts.reduce((s, v) => s + fen(v), 0));
            else expect(res.totals[key][m]!).toBeCloseTo(parts.reduce((s, v) => s + v, 0), 6);
          }
        }
        for (const c of chans) {
          for (const m of months) {
            expect(c.orders[m]!).toBe(c.visitors[m]! * list[Number(c.id.slice(1))]!.cvr);
            expect(fen(c.gmv[m]!)).toBe(fen(c.refunds[m]!) + fen(c.netSales[m]!));
            expect(fen(c.netSales[m]!)).toBe(fen(c.vat[m]!) + fen(c.netRevenue[m]!));
            expect(c.newCustomers[m]! + c.returningCustomers[m]!).toBeCloseTo(c.orders[m]!, 6);
            if (c.visitors[m] === 0) expect(c.gmv[m]).toBe(0);
          }
          expect(fen(c.totals.gmv)).toBe(months.reduce((s, m) => s + fen(c.gmv[m]!), 0));
        }
      }),
    );
  });
});
