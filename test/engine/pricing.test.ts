import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grossMarginRate, priceOf, vatRateOf } from '../../src/engine/pricing.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

describe('pricing', () => {
  it('prices by method, rounded to the fen', () => {
    // cost-plus: 28 × (1 + 0.75) = 49
    expect(priceOf({ type: 'cost-plus', markup: 0.75 }, 28)).toBe(49);
    // 33.33 × 1.5 = 49.995 → 50.00
    expect(priceOf({ type: 'cost-plus', markup: 0.5 }, 33.33)).toBe(50);
    // competitor: 42 × (1 − 0.05) = 39.9
    expect(priceOf({ type: 'competitor', reference: 42, position: -0.05 }, 21)).toBe(39.9);
    // value: as written
    expect(priceOf({ type: 'value', price: 698 }, 260)).toBe(698);
    // a competitor price 100 % below is 0, never negative
    expect(priceOf({ type: 'competitor', reference: 42, position: -1 }, 21)).toBe(0);
  });

  it('computes gross margin on the price without VAT (costs excl. VAT, prices incl. VAT)', () => {
    // 113 / 1.13 = 100 net; (100 − 50) / 100 = 0.5
    expect(grossMarginRate(113, 50, 0.13)).toBeCloseTo(0.5, 12);
    // 698 / 1.13 = 617.70; (617.70 − 260) / 617.70 = 0.5791
    expect(grossMarginRate(698, 260, 0.13)).toBeCloseTo(0.5791, 4);
    // sold below cost: 24 / 1.2 = 20 net; (20 − 25) / 20 = −0.25
    expect(grossMarginRate(24, 25, 0.2)).toBeCloseTo(-0.25, 12);
    expect(grossMarginRate(0, 25, 0.13)).toBeNull();
  });

  it('takes the VAT rate from plan.yaml, else 13 % (3 % for a small-scale taxpayer)', () => {
    const plan = (company: object) => ({ plan: { ...minimalPlan, company: { ...minimalPlan.company, ...company } } }) as PlanInput;
    expect(vatRateOf(plan({ vatRate: 0.09 }))).toBe(0.09);
    expect(vatRateOf(plan({}))).toBe(0.13);
    expect(vatRateOf(plan({ taxpayer: 'small-scale' }))).toBe(0.03);
  });

  it('property: prices and margins are finite, prices ≥ 0 and in fen', () => {
    const money = fc.integer({ min: 0, max: 10_000_000 }).map((f) => f / 100);
    const pricing = fc.oneof(
      fc.record({ type: fc.constant('cost-plus' as const), markup: fc.double({ min: -1, max: 20, noNaN: true }) }),
      fc.record({ type: fc.constant('competitor' as const), reference: money, position: fc.double({ min: -1, max: 1, noNaN: true }) }),
      fc.record({ type: fc.constant('value' as const), price: money }),
    );
    fc.assert(
      fc.property(pricing, money, fc.double({ min: 0, max: 1, noNaN: true }), (p, cost, vat) => {
        const price = priceOf(p, cost);
        expect(Number.isFinite(price)).toBe(true);
        expect(price).toBeGreaterThanOrEqual(0);
        expect(Math.abs(price * 100 - Math.round(price * 100))).toBeLessThan(1e-6);
        const m = grossMarginRate(price, cost, vat);
        if (m !== null) expect(Number.isFinite(m)).toBe(true);
        else expect(price).toBe(0);
      }),
    );
  });
});
