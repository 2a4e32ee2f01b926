// Scenarios and the tornado on the base fixture plan (test/fixtures/base).
//
// The base plan's sales, worked out from channels.yaml (VAT 13 %, the default):
//   tmall:  200,000 visitors × 12 months = 2,400,000 visitors × 0.03 = 72,000 orders × ¥150 = ¥10,800,000 GMV
//   douyin: launches 2027-03, no seasonality: 100,000 × 10 months = 1,000,000 × 0.04 = 40,000 orders × ¥120 = ¥4,800,000
//   total GMV ¥15,600,000; marketing = the wecom budget, ¥120,000.
// COGS ratio: Longjing costs ¥80 and sells at 80 × (1 + 1.5) = ¥200 incl. VAT = 200 ÷ 1.13 excl. VAT,
//   so COGS ÷ net revenue = 80 × 1.13 ÷ 200 = 0.452.
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
    expect(checked.diagnostics).toEqual([]);
    const r = compute(base);
    expect(r.channels.tmall!.totals.gmv).toBe(10_800_000);
    expect(r.channels.douyin!.totals.gmv).toBe(4_800_000);
    expect(r.pnl.total.gmv).toBe(15_600_000);
    expect(r.pnl.total.marketing).toBe(120_000);
    expect(r.products.cogsRatio).toBeCloseTo(0.452, 12);
    expect(r.pnl.total.incentives).toBe(200_000);
  });
});

describe('scenarios', () => {
  const plain = compute(base);

  it('a factor on a channel’s CVR scales that channel’s sales lines by the factor (fees and returns are proportional)', () => {
    // optimistic: channels.tmall.funnel.cvr × 1.1 → 0.033; visitors, AOV and douyin unchanged
    const opt = compute(base, { scenario: 'optimistic' });
    expect(opt.meta.scenario).toBe('optimistic');
    const before = plain.channels.tmall!.totals;
    const after = opt.channels.tmall!.totals;
    // 72,000 × 1.1 = 79,200 orders × ¥150 = ¥11,880,000 = 10,800,000 × 1.1
    expect(after.orders).toBeCloseTo(79_200, 6);
    expect(after.gmv).toBe(11_880_000);
    // refunds 5 %, commission 2 % of net sales, payment 0.6 % of GMV, ¥3 fulfilment an order: all scale by 1.1
    for (const k of ['refunds', 'netSales', 'vat', 'netRevenue', 'platformFees', 'paymentFees', 'fulfilment'] as const) {
      expect(after[k], k).toBeCloseTo(before[k] * 1.1, 2);
    }
    expect(opt.channels.douyin!.totals).toEqual(plain.channels.douyin!.totals);
    // plan GMV: 11,880,000 + 4,800,000 = 16,680,000
    expect(opt.pnl.total.gmv).toBe(16_680_000);
  });

  it('moves operating profit by the contribution of the extra tmall sales, line by line', () => {
    const opt = compute(base, { scenario: 'optimistic' });
    const d = (k: (typeof PNL_LINES)[number]) => Math.round((opt.pnl.total[k] - plain.pnl.total[k]) * 100) / 100;
    // Δ GMV = 10,800,000 × 0.1 = 1,080,000; Δ refunds = 5 % = 54,000; Δ net sales = 1,026,000
    expect(d('gmv')).toBe(1_080_000);
    expect(d('refunds')).toBe(54_000);
    expect(d('netSales')).toBe(1_026_000);
    // Δ net revenue = 9,079,646 (tmall’s, summed by month in fen) × 0.1 = 907,964.60; Δ COGS = × 0.452 = 410,400
    expect(d('netRevenue')).toBe(907_964.6);
    expect(d('cogs')).toBe(410_400);
    // Δ fees: 1,026,000 × 0.02 = 20,520; 1,080,000 × 0.006 = 6,480; 7,200 orders × 3 = 21,600
    expect(d('platformFees')).toBe(20_520);
    expect(d('paymentFees')).toBe(6_480);
    expect(d('fulfilment')).toBe(21_600);
    for (const k of ['marketing', 'payroll', 'incentives', 'systems', 'warehousing', 'holdingCost'] as const) expect(d(k), k).toBe(0);
    // Δ operating profit = (907,964.60 − 410,400) − (20,520 + 6,480 + 21,600) = 448,964.60
    expect(d('operatingProfit')).toBe(448_964.6);
    expect(plain.scenarios.optimistic!.deltaOperatingProfit).toBe(448_964.6);
    expect(plain.scenarios.optimistic!.gmv).toBe(16_680_000);
    expect(plain.scenarios.optimistic!.operatingProfit).toBe(opt.pnl.total.operatingProfit);
  });

  it('`set` replaces the value instead of scaling it, 0 included', () => {
    const input = withScenarios([
      { id: 'double', name: 'Double CVR', overrides: [{ path: 'channels.tmall.funnel.cvr', set: 0.06 }] },
      { id: 'off', name: 'Tmall off', overrides: [{ path: 'channels.tmall.funnel.cvr', set: 0 }] },
    ]);
    expect(applyScenario(input, 'double').channels!.channels![0]!.funnel.cvr).toBe(0.06);
    // 2,400,000 visitors × 0.06 = 144,000 orders × ¥150 = ¥21,600,000, + douyin 4,800,000
    expect(compute(input, { scenario: 'double' }).channels.tmall!.totals.gmv).toBe(21_600_000);
    const r = compute(input);
    expect(r.scenarios.double!.gmv).toBe(26_400_000);
    // set: 0 is a value, not "no value": only douyin sells
    expect(r.scenarios.off!.gmv).toBe(4_800_000);
  });

  it('a marketing-only override leaves sales unchanged and moves operating profit by exactly minus the extra spend', () => {
    // Marketing orders are attributed inside the channels' funnel and never added to GMV, so the funnel
    // does not read the budget; COGS follows net revenue and the incentive follows GMV attainment, so
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
    const t = plain.pnl.total; // new customers: 72,000 × 0.4 + 40,000 × 0.6 = 52,800
    expect(plain.scenarios.base).toEqual({ id: 'base', name: 'Base', probability: 0.6, gmv: t.gmv, netRevenue: t.netRevenue, grossProfit: t.grossProfit, operatingProfit: t.operatingProfit, newCustomers: 52_800, marketingSpend: t.marketing, deltaOperatingProfit: 0 });
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
    expect(s.drivers.map((d) => d.id)).toEqual(['tmall-aov', 'tmall-cvr', 'wecom-budget', 'erp-cost', 'a-erp-setup', 'z-erp-setup']);
    for (let i = 1; i < s.drivers.length; i++) expect(s.drivers[i - 1]!.swing).toBeGreaterThanOrEqual(s.drivers[i]!.swing);
  });

  it('tmall CVR ± 10 %: the optimistic scenario is its high end, and the swing is twice that scenario’s delta', () => {
    // the contribution is linear in CVR, so low and high sit 448,964.60 either side of the base
    expect(byId['tmall-cvr']).toMatchObject({ baseValue: 0.03, high: r.scenarios.optimistic!.operatingProfit, swing: 897_929.2 });
    expect(byId['tmall-cvr']!.low).toBeCloseTo(baseOp - 448_964.6, 2);
  });

  it('tmall AOV ± 10 % swings more than CVR: the same extra GMV without extra orders to fulfil', () => {
    // 2 × (448,964.60 + 21,600 fulfilment) = 941,129.20
    expect(byId['tmall-aov']!.swing).toBe(941_129.2);
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
    for (const id of ['tmall-aov', 'tmall-cvr']) {
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
