// Scenarios and the tornado on the base fixture plan (test/fixtures/base).
//
// The base plan's sales, worked out from channels.yaml and products.yaml (VAT 13 %, the default). One SKU, Longjing,
// costs ¥80 and sells at 80 × (1 + 1.5) = ¥200, one unit an order:
//   tmall:  200,000 visitors × 12 months = 2,400,000 visitors × 0.03 = 72,000 everyday orders at ¥200 × (1 − 0.25
//           everyday discount) = ¥150 → ¥10,800,000; the Singles' Day promotion (all November, −20 %, uplift 0.8)
//           turns November's 14,400 units / ¥2,160,000 into 25,920 units at ¥120 = ¥3,110,400: + ¥950,400 and
//           + 11,520 orders → ¥11,750,400 GMV, 83,520 orders
//   douyin: launches 2027-03, no seasonality: 100,000 × 10 months = 1,000,000 × 0.04 = 40,000 orders at ¥200 × 0.6 = ¥120
//           → ¥4,800,000
//   total GMV ¥16,550,400; marketing = the wecom budget, ¥120,000.
// COGS = units kept × ¥80: tmall 83,520 × 0.95 × 80 = 6,347,520; douyin 40,000 × 0.85 × 80 = 2,720,000.
// The GMV incentive pool (¥200,000) pays in full at ≥ 100 % of the ¥10,000,000 target; every variant below
//   stays above it, so incentives never move.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compute } from '../../src/engine/compute.ts';
import { applyScenario } from '../../src/model/scenarios-apply.ts';
import { InvariantViolation } from '../../src/model/invariant.ts';
import { PNL_LINES } from '../../src/model/result/pnl.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { folderFiles } from '../helpers/plan.ts';

const dir = fileURLToPath(new URL('../fixtures/base', import.meta.url));
const checked = checkPlanFiles(dir, folderFiles(dir));
const base = checked.input!;

type Scenario = NonNullable<NonNullable<PlanInput['scenarios']>['scenarios']>[number];
type Driver = NonNullable<NonNullable<PlanInput['scenarios']>['sensitivity']>['drivers'][number];

/** The base plan with extra scenarios and/or sensitivity drivers. */
function withScenarios(scenarios: Scenario[], drivers?: Driver[]): PlanInput {
  const copy = structuredClone(base);
  copy.scenarios = {
    scenarios: [...(copy.scenarios?.scenarios ?? []), ...scenarios],
    ...(drivers ? { sensitivity: { range: 0.1, drivers } } : copy.scenarios?.sensitivity ? { sensitivity: copy.scenarios.sensitivity } : {}),
  };
  return copy;
}

describe('base fixture', () => {
  it('loads without diagnostics and has the GMV worked out above', () => {
    // The one finding: Singles' Day at Tmall's everyday price (200 × 0.75 = 150, 132.74 net of VAT, margin
    // (132.74 − 80) ÷ 132.74 = 39.7 %) with a 20 % discount needs 0.2 ÷ (0.397 − 0.2) = 101 % uplift; it expects 80 %.
    expect(checked.diagnostics.map((d) => d.ruleId)).toEqual(['promotion-below-break-even']);
    const r = compute(base);
    expect(r.channels.tmall!.totals.gmv).toBe(11_750_400);
    expect(r.channels.tmall!.totals.orders).toBeCloseTo(83_520, 6);
    expect(r.channels.douyin!.totals.gmv).toBe(4_800_000);
    expect(r.pnl.total.gmv).toBe(16_550_400);
    expect(r.pnl.total.marketing).toBe(120_000);
    expect(r.pnl.total.cogs).toBe(6_347_520 + 2_720_000);
    // AOV is a result: tmall 11,750,400 ÷ 83,520 = 140.69 (the promotion's price), douyin 120
    expect(r.channels.tmall!.aov).toBeCloseTo(11_750_400 / 83_520, 9);
    expect(r.channels.douyin!.aov).toBeCloseTo(120, 9);
    expect(r.pnl.total.incentives).toBe(200_000);
  });
});

describe('scenarios', () => {
  const plain = compute(base);

  it('a factor on a channel’s CVR scales that channel’s sales lines by the factor (fees and returns are proportional)', () => {
    // optimistic: channels.tmall.funnel.cvr × 1.1 → 0.033; visitors, prices and douyin unchanged
    const opt = compute(base, { scenario: 'optimistic' });
    expect(opt.meta.scenario).toBe('optimistic');
    const before = plain.channels.tmall!.totals;
    const after = opt.channels.tmall!.totals;
    // 83,520 × 1.1 = 91,872 orders; GMV 11,750,400 × 1.1 = ¥12,925,440
    expect(after.orders).toBeCloseTo(91_872, 6);
    expect(after.gmv).toBe(12_925_440);
    // refunds 5 %, commission 2 % of net sales, payment 0.6 % of GMV, ¥3 fulfilment an order: all scale by 1.1
    for (const k of ['refunds', 'netSales', 'vat', 'netRevenue', 'cogs', 'platformFees', 'paymentFees', 'fulfilment'] as const) {
      expect(Math.abs(after[k] - before[k] * 1.1), k).toBeLessThanOrEqual(0.12); // each month rounded to the fen
    }
    expect(opt.channels.douyin!.totals).toEqual(plain.channels.douyin!.totals);
    // plan GMV: 12,925,440 + 4,800,000 = 17,725,440
    expect(opt.pnl.total.gmv).toBe(17_725_440);
  });

  it('moves operating profit by the contribution of the extra tmall sales, line by line', () => {
    const opt = compute(base, { scenario: 'optimistic' });
    const d = (k: (typeof PNL_LINES)[number]) => Math.round((opt.pnl.total[k] - plain.pnl.total[k]) * 100) / 100;
    // Δ GMV = 11,750,400 × 0.1 = 1,175,040; Δ refunds = 5 % = 58,752; Δ net sales = 1,116,288
    expect(d('gmv')).toBe(1_175_040);
    expect(d('refunds')).toBe(58_752);
    expect(d('netSales')).toBe(1_116_288);
    // Δ net revenue = 9,878,654.85 (tmall’s, summed by month in fen) × 0.1 = 987,865.49; Δ COGS = 6,347,520 × 0.1 = 634,752
    expect(d('netRevenue')).toBe(987_865.49);
    expect(d('cogs')).toBe(634_752);
    // Δ fees: 1,116,288 × 0.02 = 22,325.76; 1,175,040 × 0.006 = 7,050.24; 8,352 orders × 3 = 25,056
    expect(d('platformFees')).toBe(22_325.76);
    expect(d('paymentFees')).toBe(7_050.24);
    expect(d('fulfilment')).toBe(25_056);
    for (const k of ['marketing', 'payroll', 'incentives', 'systems', 'warehousing'] as const) expect(d(k), k).toBe(0);
    // more sales, more stock held (the stock projection follows the demand): holding cost + 7,751.18
    expect(d('holdingCost')).toBe(7_751.18);
    // Δ operating profit = (987,865.49 − 634,752) − (22,325.76 + 7,050.24 + 25,056 + 7,751.18) = 290,930.31
    expect(d('operatingProfit')).toBe(290_930.31);
    expect(plain.scenarios.optimistic!.deltaOperatingProfit).toBe(290_930.31);
    expect(plain.scenarios.optimistic!.gmv).toBe(17_725_440);
    expect(plain.scenarios.optimistic!.operatingProfit).toBe(opt.pnl.total.operatingProfit);
  });

  it('`set` replaces the value instead of scaling it, 0 included', () => {
    const input = withScenarios([
      { id: 'double', name: 'Double CVR', overrides: [{ path: 'channels.tmall.funnel.cvr', set: 0.06 }] },
      { id: 'off', name: 'Tmall off', overrides: [{ path: 'channels.tmall.funnel.cvr', set: 0 }] },
    ]);
    expect(applyScenario(input, 'double').channels!.channels![0]!.funnel.cvr).toBe(0.06);
    // twice the orders, each filled the same way: 2 × 11,750,400 = ¥23,500,800, + douyin 4,800,000
    expect(compute(input, { scenario: 'double' }).channels.tmall!.totals.gmv).toBe(23_500_800);
    const r = compute(input);
    expect(r.scenarios.double!.gmv).toBe(28_300_800);
    // set: 0 is a value, not "no value": only douyin sells
    expect(r.scenarios.off!.gmv).toBe(4_800_000);
  });

  it('a marketing-only override leaves sales unchanged and moves operating profit by exactly minus the extra spend', () => {
    // Marketing orders are attributed inside the channels' funnel and never added to GMV, so the funnel
    // does not read the budget; COGS follows the units sold and the incentive follows GMV attainment, so
    // they do not move either: only the marketing line does.
    const input = withScenarios([{ id: 'push', name: 'Push', overrides: [{ path: 'marketing.channels.wecom.budget.total', factor: 2 }] }]);
    const push = compute(input, { scenario: 'push' });
    const p = push.pnl.total;
    const b = plain.pnl.total;
    expect(p.gmv).toBe(b.gmv);
    expect(push.funnel.totals.orders).toBe(plain.funnel.totals.orders);
    expect(p.refunds).toBe(b.refunds);
    expect(push.funnel.totals.newCustomers).toBe(plain.funnel.totals.newCustomers);
    // 120,000 × 2 = 240,000: 120,000 more
    expect(p.marketing - b.marketing).toBe(120_000);
    for (const k of PNL_LINES) if (!['marketing', 'operatingExpenses', 'operatingProfit'].includes(k)) expect(p[k], k).toBe(b[k]);
    expect(Math.round((p.operatingProfit - b.operatingProfit) * 100)).toBe(-120_000 * 100);
    // month by month too: the extra spend follows the tea phasing (March 12,000 → 24,000)
    expect(push.pnl.months['2027-03']!.operatingProfit - plain.pnl.months['2027-03']!.operatingProfit).toBeCloseTo(-12_000, 6);
    expect(compute(input).scenarios.push).toMatchObject({ gmv: b.gmv, marketingSpend: 240_000, deltaOperatingProfit: -120_000 });
  });

  it('a scenario without overrides is the plan itself', () => {
    const t = plain.pnl.total; // new customers: 83,520 × 0.4 + 40,000 × 0.6 = 57,408
    expect(plain.scenarios.base).toEqual({ id: 'base', name: 'Base', probability: 0.6, gmv: t.gmv, netRevenue: t.netRevenue, grossProfit: t.grossProfit, operatingProfit: t.operatingProfit, newCustomers: 57_408, marketingSpend: t.marketing, deltaOperatingProfit: 0 });
  });

  it('never changes the input, and refuses an unknown scenario', () => {
    const input = withScenarios([{ id: 'x', name: 'x', overrides: [{ path: 'channels.tmall.funnel.cvr', set: 0.5 }] }]);
    const before = structuredClone(input);
    const out = applyScenario(input, 'x');
    expect(out.channels!.channels![0]!.funnel.cvr).toBe(0.5);
    expect(input).toEqual(before);
    expect(() => applyScenario(input, 'nope')).toThrow(InvariantViolation);
  });
});

describe('tornado', () => {
  const drivers: Driver[] = [
    { id: 'wecom-budget', name: 'WeCom budget', path: 'marketing.channels.wecom.budget.total' },
    { id: 'tmall-cvr', name: 'Tmall CVR', path: 'channels.tmall.funnel.cvr' },
    { id: 'erp-cost', name: 'ERP cost', path: 'systems.erp.monthlyCost' },
    { id: 'z-erp-setup', name: 'ERP setup', path: 'systems.erp.setupCost' }, // ¥0: no swing
    { id: 'a-erp-setup', name: 'ERP setup', path: 'systems.erp.setupCost' },
    { id: 'tmall-upo', name: 'Tmall units per order', path: 'channels.tmall.funnel.unitsPerOrder' },
    // a stated AOV is a check, not a driver: it moves no number
    { id: 'tmall-aov', name: 'Tmall AOV', path: 'channels.tmall.funnel.aov' },
    { id: 'ghost', name: 'Nowhere', path: 'channels.nowhere.funnel.cvr' },
  ];
  const r = compute(withScenarios([], drivers));
  const s = r.sensitivity!;
  const byId = Object.fromEntries(s.drivers.map((d) => [d.id, d]));
  const baseOp = r.pnl.total.operatingProfit;

  it('sorts drivers by swing, longest first, ties by id, and drops paths that name no number', () => {
    expect(s.range).toBe(0.1);
    expect(s.baseOperatingProfit).toBe(baseOp);
    expect(s.drivers.map((d) => d.id)).toEqual(['tmall-upo', 'tmall-cvr', 'wecom-budget', 'erp-cost', 'a-erp-setup', 'tmall-aov', 'z-erp-setup']);
    expect(byId['tmall-aov']!.swing).toBe(0);
    for (let i = 1; i < s.drivers.length; i++) expect(s.drivers[i - 1]!.swing).toBeGreaterThanOrEqual(s.drivers[i]!.swing);
  });

  it('tmall CVR ± 10 %: the optimistic scenario is its high end, and the swing about twice that scenario’s delta', () => {
    // the contribution is linear in CVR; the holding cost nearly so (receipts are whole units, lots at least the EOQ)
    expect(byId['tmall-cvr']).toMatchObject({ baseValue: 0.03, high: r.scenarios.optimistic!.operatingProfit });
    expect(byId['tmall-cvr']!.swing / 2).toBeCloseTo(290_930.31, -2);
    expect(baseOp - byId['tmall-cvr']!.low).toBeCloseTo(290_930.31, -2);
  });

  it('tmall units per order ± 10 % swings more than CVR: the same extra units and GMV without extra orders to fulfil', () => {
    // the same demand as CVR ± 10 %, so the same GMV, COGS, fees and stock; fulfilment stays: 2 × 25,056 = 50,112 more swing
    expect(byId['tmall-upo']!.swing - byId['tmall-cvr']!.swing).toBeCloseTo(50_112, 1);
  });

  it('a cost driver moves profit the other way, by ± 10 % of the cost', () => {
    // WeCom budget 120,000 ± 12,000; ERP 2,000 a month ± 200 × 12 = ± 2,400
    expect(byId['wecom-budget']!.low).toBeCloseTo(baseOp + 12_000, 2);
    expect(byId['wecom-budget']!.high).toBeCloseTo(baseOp - 12_000, 2);
    expect(byId['wecom-budget']!.swing).toBe(24_000);
    expect(byId['erp-cost']!.swing).toBe(4_800);
    expect(byId['a-erp-setup']).toMatchObject({ baseValue: 0, low: baseOp, high: baseOp, swing: 0 });
  });

  it('brackets the base between low and high for every monotone driver', () => {
    for (const id of ['tmall-upo', 'tmall-cvr']) {
      expect(byId[id]!.low).toBeLessThan(baseOp);
      expect(byId[id]!.high).toBeGreaterThan(baseOp);
    }
    for (const id of ['wecom-budget', 'erp-cost']) {
      expect(byId[id]!.high).toBeLessThan(baseOp);
      expect(byId[id]!.low).toBeGreaterThan(baseOp);
    }
  });

  it('is computed around the scenario when one is applied, and is null without a sensitivity section', () => {
    const opt = compute(base, { scenario: 'optimistic' });
    expect(opt.sensitivity!.baseOperatingProfit).toBe(opt.pnl.total.operatingProfit);
    // CVR is already 0.033 there: ± 10 % of it
    expect(opt.sensitivity!.drivers[0]!.baseValue).toBeCloseTo(0.033, 12);
    const none = structuredClone(base);
    delete none.scenarios!.sensitivity;
    expect(compute(none).sensitivity).toBeNull();
  });
});
