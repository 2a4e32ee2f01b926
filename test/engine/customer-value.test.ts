// Customer lifetime value from the retention curve: hand-computed cases with the arithmetic shown, a property
// (more retention never lowers CLV), and whole plans (blank seed, example, generated) without NaN.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { customerLifetime, customerValue } from '../../src/engine/customer-value.ts';
import { computeCore } from '../../src/engine/compute.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import type { PlanInput, UsersFile } from '../../src/model/plan-input.generated.ts';
import { minimalPlan, folderFiles } from '../helpers/plan.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';

type Retention = NonNullable<NonNullable<UsersFile['lifecycle']>['retention']>;
const withRetention = (retention: Retention | undefined): PlanInput => ({
  plan: minimalPlan as PlanInput['plan'],
  ...(retention ? { users: { lifecycle: { stages: [{ id: 'a', stage: 'acquisition' as const, name: 'a', metric: 'a', tactics: [], owner: 'ops' }], retention } } } : {}),
});

// (1 + d)^(1/12) = 1.01: each month after the first purchase is worth 1 ÷ 1.01 of the month before.
const d = 1.01 ** 12 - 1; // 0.126825…

describe('customer lifetime value', () => {
  // A 3-month lifespan: r(0) = 1, r(1) = 0.5, r(2) = 0.3; 1.2 orders per active month.
  const lifetime = customerLifetime(withRetention({ curve: [{ month: 1, rate: 0.5 }, { month: 2, rate: 0.3 }], discountRate: d, lifespanMonths: 3, ordersPerActiveMonth: 1.2 }));

  it('expects orders from a 3-period retention curve, discounted', () => {
    // month 0: 1 × 1.2 = 1.2
    // month 1: 0.5 × 1.2 ÷ 1.01 = 0.6 ÷ 1.01 = 0.594059…
    // month 2: 0.3 × 1.2 ÷ 1.01² = 0.36 ÷ 1.0201 = 0.352907…
    // Σ = 1.2 + 0.594059 + 0.352907 = 2.146966
    expect(lifetime.expectedOrders).toHaveLength(3);
    expect(lifetime.expectedOrders[0]).toBeCloseTo(1.2, 12);
    expect(lifetime.expectedOrders[1]).toBeCloseTo(0.6 / 1.01, 12);
    expect(lifetime.expectedOrders[2]).toBeCloseTo(0.36 / 1.0201, 12);
    expect(lifetime.ordersPerCustomer).toBeCloseTo(2.146966, 6);
  });

  it('CLV, LTV/CAC and payback from it', () => {
    // margin per order = AOV ¥200 × gross margin 40 % = ¥80
    // CLV = 80 × 2.146966 = 171.757 → ¥171.76
    // LTV/CAC at CAC ¥150 = 171.76 ÷ 150 = 1.145067
    // cumulative margin: month 0: 80 × 1.2 = 96; month 1: 96 + 80 × 0.594059 = 143.52; month 2: 143.52 + 80 × 0.352907 = 171.76
    //   → CAC 150 is covered in month 2; CAC 96 by the first order (month 0); CAC 180 never (null)
    const v = customerValue(lifetime, 200 * 0.4, 150);
    expect(v.ltv).toBe(171.76);
    expect(v.ltvCac).toBeCloseTo(171.76 / 150, 12);
    expect(v.paybackMonths).toBe(2);
    expect(customerValue(lifetime, 80, 96).paybackMonths).toBe(0);
    expect(customerValue(lifetime, 80, 143.6).paybackMonths).toBe(2);
    expect(customerValue(lifetime, 80, 180)).toEqual({ ltv: 171.76, ltvCac: 171.76 / 180, paybackMonths: null });
    expect(customerValue(lifetime, null, 150)).toEqual({ ltv: null, ltvCac: null, paybackMonths: null });
    expect(customerValue(lifetime, 80, null)).toEqual({ ltv: 171.76, ltvCac: null, paybackMonths: null });
  });

  it('defaults: 10 % a year, 36 months, one order per active month; no curve = the first order only', () => {
    const none = customerLifetime(withRetention(undefined));
    expect([none.discountRate, none.lifespanMonths, none.ordersPerActiveMonth, none.ordersPerCustomer]).toEqual([0.1, 36, 1, 1]);
    // a flat curve of 0.5 held for 36 months: month 12 counts 0.5 × 1.1^(−12/12) = 0.5 ÷ 1.1 = 0.454545…
    const flat = customerLifetime(withRetention({ curve: [{ month: 1, rate: 0.5 }] }));
    expect(flat.expectedOrders[12]).toBeCloseTo(0.5 / 1.1, 12);
    expect(flat.expectedOrders).toHaveLength(36);
  });

  it('property: more retention at any point never lowers CLV, and a longer lifespan never lowers it', () => {
    const curve = fc.uniqueArray(fc.record({ month: fc.integer({ min: 1, max: 48 }), rate: fc.double({ min: 0, max: 1, noNaN: true }) }), { selector: (p) => p.month, minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(curve, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 }), (points, at, bump, rate, lifespan) => {
        const i = at % points.length;
        const higher = points.map((p, k) => (k === i ? { ...p, rate: p.rate + (1 - p.rate) * bump } : p));
        const base = customerLifetime(withRetention({ curve: points as Retention['curve'], discountRate: rate, lifespanMonths: lifespan }));
        const more = customerLifetime(withRetention({ curve: higher as Retention['curve'], discountRate: rate, lifespanMonths: lifespan }));
        const longer = customerLifetime(withRetention({ curve: points as Retention['curve'], discountRate: rate, lifespanMonths: lifespan + 1 }));
        expect(more.ordersPerCustomer).toBeGreaterThanOrEqual(base.ordersPerCustomer - 1e-12);
        expect(longer.ordersPerCustomer).toBeGreaterThanOrEqual(base.ordersPerCustomer - 1e-12);
        expect(base.ordersPerCustomer).toBeGreaterThanOrEqual(1); // the first order always counts
        const value = customerValue(base, 100, 50);
        const moreValue = customerValue(more, 100, 50);
        expect(moreValue.ltv!).toBeGreaterThanOrEqual(value.ltv!);
      }),
    );
  });
});

const root = fileURLToPath(new URL('../../', import.meta.url));
function load(dir: string): PlanInput {
  const check = checkPlanFiles(dir, folderFiles(dir), { compute: false });
  expect(check.diagnostics.filter((x) => x.fatal)).toEqual([]);
  return check.input!;
}
function generated(): PlanInput {
  const dir = mkdtempSync(join(tmpdir(), 'shopplan-value-'));
  try {
    generateLargePlan(dir, { skus: 40, channels: 6, months: 12 });
    return load(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each([
  ['the blank seed', () => load(join(root, 'seeds/blank'))],
  ['the example plan', () => load(join(root, 'content'))],
  ['a generated plan', generated],
])('customer value on %s', (_, make) => {
  it('every CLV, LTV/CAC and payback is a finite number or null', () => {
    const r = computeCore(make(), {});
    const values = [r.marketing.totals, ...Object.values(r.marketing.channels)].flatMap((c) => [c.ltv, c.ltvCac, c.paybackMonths]);
    expect(values.filter((v) => v !== null && !Number.isFinite(v))).toEqual([]);
    expect(Number.isFinite(r.users.lifetime.ordersPerCustomer) && r.users.lifetime.ordersPerCustomer >= 1).toBe(true);
  });
});
