// Break-evens: the plan's units and sales, break-even ROAS per channel, and the volume a price change needs;
// hand-computed cases with the arithmetic shown, and properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelBreakEven, computeBreakEven, planBreakEven, priceChange } from '../../src/engine/break-even.ts';
import { PNL_LINES, type PnlLine } from '../../src/model/result/pnl.ts';

const line = (values: Partial<PnlLine>): PnlLine => ({ ...(Object.fromEntries(PNL_LINES.map((k) => [k, 0])) as PnlLine), ...values });

describe('break-even units and sales', () => {
  // fixed = marketing 100,000 + payroll 120,000 + incentives 10,000 + training 5,000 + systems 10,000 + warehousing 5,000 = 250,000
  // contribution = operating profit 50,000 + fixed 250,000 = 300,000
  const pnl = line({ gmv: 1_000_000, netRevenue: 800_000, operatingProfit: 50_000, marketing: 100_000, payroll: 120_000, incentives: 10_000, training: 5000, systems: 10_000, warehousing: 5000, cogs: 400_000, fulfilment: 50_000 });
  const b = planBreakEven(pnl, 10_000);

  it('fixed costs ÷ unit contribution, and sales at the same mix', () => {
    expect([b.fixedCosts, b.contribution]).toEqual([250_000, 300_000]);
    // unit contribution = 300,000 ÷ 10,000 units = ¥30; break-even units = 250,000 ÷ 30 = 8,333.33
    expect(b.unitContribution).toBe(30);
    expect(b.breakEvenUnits).toBeCloseTo(8333.333333, 5);
    // break-even GMV = 250,000 ÷ (300,000 ÷ 1,000,000) = 833,333.33; net revenue = 250,000 ÷ (300,000 ÷ 800,000) = 666,666.67
    expect(b.breakEvenGmv).toBe(833_333.33);
    expect(b.breakEvenNetRevenue).toBe(666_666.67);
    // margin of safety = (1,000,000 − 833,333.33) ÷ 1,000,000 = 0.16666667
    expect(b.marginOfSafety).toBeCloseTo(0.16666667, 8);
  });

  it('no break-even when a unit contributes nothing, no unit figure without units', () => {
    // operating profit −300,000 + fixed 250,000 = contribution −50,000 < 0: no volume covers the fixed costs
    const loss = planBreakEven(line({ gmv: 1000, operatingProfit: -300_000, payroll: 250_000 }), 100);
    expect([loss.contribution, loss.breakEvenUnits, loss.breakEvenGmv, loss.marginOfSafety]).toEqual([-50_000, null, null, null]);
    const empty = planBreakEven(line({}), 0);
    expect([empty.unitContribution, empty.breakEvenUnits, empty.breakEvenGmv]).toEqual([null, null, null]);
  });

  it('property: at break-even GMV the scaled contribution exactly covers the fixed costs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e8 }), fc.integer({ min: 0, max: 1e8 }), (gmv, contribution, fixed) => {
        const b2 = planBreakEven(line({ gmv, netRevenue: gmv, operatingProfit: contribution - fixed, payroll: fixed }), 1000);
        // contribution × (break-even GMV ÷ GMV) − fixed ≈ 0 (GMV rounded to the fen)
        expect(Math.abs(contribution * (b2.breakEvenGmv! / gmv) - fixed)).toBeLessThanOrEqual(0.01 * (contribution / gmv) + 1e-6 * fixed + 1e-9);
        expect(b2.breakEvenUnits! * b2.unitContribution!).toBeCloseTo(fixed, 4);
      }),
    );
  });
});

describe('break-even ROAS', () => {
  it('1 ÷ the contribution left after returns, VAT, COGS, platform fees and fulfilment', () => {
    // contribution = net revenue 80,000 − COGS 40,000 − platform 5,000 − payment 600 − fulfilment 4,400 = 30,000
    // rate = 30,000 ÷ GMV 100,000 = 0.3; break-even ROAS = 1 ÷ 0.3 = 3.33
    const c = channelBreakEven({ gmv: 100_000, netRevenue: 80_000, cogs: 40_000, platformFees: 5000, paymentFees: 600, fulfilment: 4400 });
    expect(c.contributionRate).toBeCloseTo(0.3, 12);
    expect(c.breakEvenRoas).toBeCloseTo(10 / 3, 12);
    // costs above net revenue: no ROAS breaks even; no GMV: nothing to say
    expect(channelBreakEven({ gmv: 100, netRevenue: 80, cogs: 90, platformFees: 0, paymentFees: 0, fulfilment: 0 }).breakEvenRoas).toBeNull();
    expect(channelBreakEven({ gmv: 0, netRevenue: 0, cogs: 0, platformFees: 0, paymentFees: 0, fulfilment: 0 })).toEqual({ contributionRate: null, breakEvenRoas: null });
  });

  it('property: break-even ROAS ≥ 1 whenever it exists', () => {
    const money = fc.integer({ min: 0, max: 1e9 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), money, money, money, money, (gmv, kept, cogs, fees, pay, ful) => {
        const roas = channelBreakEven({ gmv, netRevenue: gmv * kept, cogs, platformFees: fees, paymentFees: pay, fulfilment: ful }).breakEvenRoas;
        if (roas !== null) expect(roas).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('volume change for a price change', () => {
  it('−Δp ÷ (m + Δp), and the margin after the change', () => {
    // m = 40 %: net price 100, cost 60, 100 units → gross profit 4,000
    // a 10 % cut: price 90, margin 30 → (0.4 − 0.1) ÷ 0.9 = 33.3 %; units needed 4,000 ÷ 30 = 133.3 → +0.1 ÷ 0.3 = +33.3 %
    const cut = priceChange(0.4, -0.1);
    expect(cut.marginAfter).toBeCloseTo(1 / 3, 12);
    expect(cut.volumeChange).toBeCloseTo(1 / 3, 12);
    // a 10 % rise: price 110, margin 50 → 0.5 ÷ 1.1 = 45.5 %; 4,000 ÷ 50 = 80 units → −0.1 ÷ 0.5 = −20 %
    const rise = priceChange(0.4, 0.1);
    expect(rise.marginAfter).toBeCloseTo(0.5 / 1.1, 12);
    expect(rise.volumeChange).toBeCloseTo(-0.2, 12);
    // a cut to cost (−40 % at m = 40 %) or below: no volume keeps the profit; unknown margin: nothing
    expect(priceChange(0.4, -0.4).volumeChange).toBeNull();
    expect(priceChange(null, -0.1)).toEqual({ priceChange: -0.1, marginAfter: null, volumeChange: null });
  });

  it('property: the new margin on the new volume keeps the gross profit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.95, noNaN: true }), fc.double({ min: -0.9, max: 1, noNaN: true }), (m, dp) => {
        const c = priceChange(m, dp);
        if (c.volumeChange === null) {
          expect(m + dp).toBeLessThanOrEqual(0);
        } else {
          // unit margin per old net price: m + Δp; × (1 + volume change) = m
          expect((m + dp) * (1 + c.volumeChange)).toBeCloseTo(m, 9);
        }
      }),
    );
  });

  it('computeBreakEven lists every channel and SKU with its price changes', () => {
    const channels = {
      shop: { gmv: 100, netRevenue: 100, cogs: 50, platformFees: 0, paymentFees: 0, fulfilment: 0 },
      live: { gmv: 300, netRevenue: 250, cogs: 150, platformFees: 30, paymentFees: 0, fulfilment: 20 },
    };
    const r = computeBreakEven({ pnl: line({ gmv: 100, netRevenue: 100, operatingProfit: 10 }), units: 10, channels, skus: { tea: { marginRate: 0.5 } }, marketingDrives: { ads: ['shop', 'live'], none: [] } });
    // shop: (100 − 50) ÷ 100 = 0.5 → 2; live: (250 − 150 − 30 − 20) ÷ 300 = 1/6 → 6
    expect(r.channels.shop!.breakEvenRoas).toBe(2);
    expect(r.channels.live!.breakEvenRoas).toBeCloseTo(6, 12);
    // a marketing channel driving both: (50 + 50) ÷ (100 + 300) = 0.25 → 4 (not the mean of 2 and 6)
    expect(r.marketing.ads!.breakEvenRoas).toBeCloseTo(4, 12);
    expect(r.marketing.none).toEqual({ contributionRate: null, breakEvenRoas: null });
    expect(r.skus.tea!.priceChanges.map((p) => p.priceChange)).toEqual([-0.2, -0.1, -0.05, 0.05, 0.1]);
    // −20 % at m = 50 %: +0.2 ÷ 0.3 = +66.7 %
    expect(r.skus.tea!.priceChanges[0]!.volumeChange).toBeCloseTo(2 / 3, 12);
  });
});
