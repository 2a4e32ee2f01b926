// compute() as a whole, on the base fixture plan (test/fixtures/base): determinism, purity, and that no
// combination of inputs makes a number NaN or Infinity or breaks the P&L identities.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { compute } from '../../src/engine/compute.ts';
import { isPrototypeFree, withoutPrototypes } from '../../src/model/dict.ts';
import { OPERATING_EXPENSES, PNL_LINES, type PnlLine } from '../../src/model/result/pnl.ts';
import type { PlanResult } from '../../src/model/result/plan-result.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { folderFiles } from '../helpers/plan.ts';

const dir = fileURLToPath(new URL('../fixtures/base', import.meta.url));
const base = checkPlanFiles(dir, folderFiles(dir)).input!;
const fen = (x: number) => Math.round(x * 100);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Paths of every number in the result that is NaN or ±Infinity. */
function nonFinite(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

function expectReconciled(line: PnlLine, where: string) {
  for (const k of PNL_LINES) expect(typeof line[k], `${where} ${k}`).toBe('number');
  expect(fen(line.netSales), where).toBe(fen(line.gmv) - fen(line.refunds));
  expect(fen(line.netRevenue) + fen(line.vat), where).toBe(fen(line.netSales));
  expect(fen(line.grossProfit), where).toBe(fen(line.netRevenue) - fen(line.cogs));
  expect(fen(line.operatingExpenses), where).toBe(OPERATING_EXPENSES.reduce((s, k) => s + fen(line[k]), 0));
  expect(fen(line.operatingProfit), where).toBe(fen(line.grossProfit) - fen(line.operatingExpenses));
}

function expectSound(r: PlanResult) {
  expect(nonFinite(r)).toEqual([]);
  const months = r.meta.horizon.months;
  expect(months).toHaveLength(12);
  for (const m of months) expectReconciled(r.pnl.months[m]!, m);
  expectReconciled(r.pnl.total, 'total');
  for (const k of PNL_LINES) {
    expect(months.reduce((s, m) => s + fen(r.pnl.months[m]![k]), 0), k).toBe(fen(r.pnl.total[k]));
    expect(Object.values(r.pnl.quarters).reduce((s, q) => s + fen(q[k]), 0), k).toBe(fen(r.pnl.total[k]));
  }
  // every series the P&L is built from has every month, as a number
  for (const key of ['visitors', 'orders', 'gmv', 'refunds', 'netRevenue', 'newCustomers'] as const) {
    expect(Object.keys(r.funnel[key]), key).toEqual(months);
  }
  expect(Object.keys(r.marketing.spend)).toEqual(months);
  expect(Object.keys(r.org.payroll)).toEqual(months);
  expect(Object.keys(r.cash.inventoryCapital)).toEqual(months);
}

describe('compute', () => {
  it('describes the plan and horizon in meta', () => {
    const r = compute(base);
    expect(r.meta).toMatchObject({ planId: 'base-plan', currency: 'CNY', scenario: 'base', locales: ['en'], quarters: ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'] });
    expect(r.meta.horizon).toMatchObject({ start: '2027-01', end: '2027-12' });
    expect(compute(base, { scenario: 'optimistic' }).meta.scenario).toBe('optimistic');
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(JSON.stringify(compute(base))).toBe(JSON.stringify(compute(base)));
    expect(JSON.stringify(compute(base, { scenario: 'optimistic' }))).toBe(JSON.stringify(compute(structuredClone(base), { scenario: 'optimistic' })));
  });

  it('never changes its input, with or without a scenario and actuals', () => {
    const snapshot = structuredClone(base);
    const frozen = deepFreeze(structuredClone(base));
    // a write to a frozen object throws in module (strict) code, so any mutation fails here
    const plain = compute(frozen);
    const scenario = compute(frozen, { scenario: 'optimistic', actuals: { '2027-01': { aov: 110 } } });
    expect(frozen).toEqual(snapshot);
    compute(base, { scenario: 'optimistic' });
    expect(base).toEqual(snapshot);
    expect(JSON.stringify(plain)).toBe(JSON.stringify(compute(base)));
    expect(scenario.kpis.aov!.actual).toEqual({ '2027-01': 110 });
  });

  it('never changes a validated input, which it reads without copying (its result is made prototype-less in place)', () => {
    // validatePlan's input has no prototypes, so compute shares its objects instead of copying the plan; making the
    // result prototype-less in place must then leave them alone: frozen, any change to one throws here.
    const validated = deepFreeze(withoutPrototypes(structuredClone(base)));
    expect(isPrototypeFree(validated)).toBe(true);
    const plain = compute(validated);
    compute(validated, { scenario: 'optimistic', actuals: { '2027-01': { aov: 110 } } });
    expect(JSON.stringify(plain)).toBe(JSON.stringify(compute(structuredClone(base))));
  });

  it('gives a result with no prototype on any object, whatever the input had', () => {
    // An id such as `constructor` is then an ordinary key of every map in the result (test/unit/ids-as-keys.test.ts).
    expect(isPrototypeFree(compute(base))).toBe(true);
    expect(isPrototypeFree(compute(structuredClone(base), { scenario: 'optimistic', actuals: { '2027-01': { aov: 110 } } }))).toBe(true);
  });

  it('gives a sound result for the base plan: finite numbers, P&L reconciled by month, quarter and year', () => {
    expectSound(compute(base));
    expectSound(compute(base, { scenario: 'optimistic' }));
  });

  it('stays sound whatever the plan’s numbers (property)', () => {
    const maybeZero = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }));
    const channel = fc.record({ visitors: maybeZero(1e7), cvr: maybeZero(1), aov: maybeZero(1e4), returnRate: maybeZero(1) });
    const pricing = fc.oneof(
      maybeZero(5).map((markup) => ({ type: 'cost-plus' as const, markup })),
      maybeZero(1e4).map((price) => ({ type: 'value' as const, price })),
    );
    fc.assert(
      fc.property(
        fc.tuple(channel, channel),
        maybeZero(1e4),
        pricing,
        maybeZero(1e5),
        maybeZero(1e7),
        fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })),
        maybeZero(1e5),
        (channels, cost, skuPricing, units, budget, heads, salary) => {
          const input: PlanInput = structuredClone(base);
          input.channels!.channels!.forEach((c, i) => Object.assign(c.funnel, channels[i]));
          const sku = input.products!.skus![0]!;
          sku.cost = cost;
          sku.pricing = skuPricing;
          sku.forecast!.monthlyUnits = units;
          input.marketing!.channels![0]!.budget.total = budget;
          const role = input.org!.roles![0]!;
          role.headcount = { '2027-01': heads[0], '2027-07': heads[1] };
          role.monthlySalary = salary;
          expectSound(compute(input));
        },
      ),
      {
        numRuns: 30,
        // Found by this property: a subnormal forecast (5e-324 units a month) made orders ÷ mix weight overflow,
        // and Infinity × 0 spread NaN through sales, supply and break-even.
        // And a subnormal conversion rate (6.4e-323) sold a subnormal share of the stock: 365 days ÷ that turnover
        // overflowed to Infinity days of inventory.
        examples: [
          [[{ visitors: 0, cvr: 0, aov: 0, returnRate: 0 }, { visitors: 8.881784197001254e-16, cvr: 0.9999999999999998, aov: 0, returnRate: 0 }], 0, { type: 'cost-plus' as const, markup: 0 }, 5e-324, 0, [0, 0], 0],
          [[{ visitors: 341.8269230769231, cvr: 6.4e-323, aov: 0, returnRate: 0 }, { visitors: 0, cvr: 0, aov: 0, returnRate: 0 }], 0.000008069331697948776, { type: 'cost-plus' as const, markup: 0 }, 26.727500000000003, 0, [0, 0], 0],
        ],
      },
    );
  });
});
