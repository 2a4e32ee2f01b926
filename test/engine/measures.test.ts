import { describe, expect, it } from 'vitest';
import { collectMeasures, type MeasureSources } from '../../src/engine/measures.ts';
import { computePnl, type PnlInputs } from '../../src/engine/pnl.ts';
import type { FunnelTotals } from '../../src/model/result/funnel.ts';
import type { Series } from '../../src/model/result/series.ts';
import type { UsersResult } from '../../src/model/result/users.ts';
import type { SupplyResult } from '../../src/model/result/supply.ts';
import type { OrgResult } from '../../src/model/result/org.ts';
import type { MarketingResult } from '../../src/model/result/marketing.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = ['2027-01', '2027-02', '2027-03'];
const s = (values: number[]): Series => Object.fromEntries(months.map((m, i) => [m, values[i]!]));
const zero = s([0, 0, 0]);

function funnel(parts: Partial<Record<keyof FunnelTotals, number[]>>): FunnelTotals {
  const k = (key: keyof FunnelTotals) => (parts[key] ? s(parts[key]!) : zero);
  return {
    visitors: k('visitors'), orders: k('orders'), units: k('units'), gmv: k('gmv'), refunds: k('refunds'), netSales: k('netSales'), vat: k('vat'),
    netRevenue: k('netRevenue'), cogs: k('cogs'), platformFees: k('platformFees'), paymentFees: k('paymentFees'), fulfilment: k('fulfilment'),
    newCustomers: k('newCustomers'), returningCustomers: k('returningCustomers'),
    totals: {} as FunnelTotals['totals'], aov: null, cvr: null, returnRate: null,
  };
}

interface Extra {
  marketing?: number[];
  cogsRatio?: number | null;
  repurchaseRate?: number | null;
  daysOfInventory?: number | null;
  memberGmvShare?: number;
  clv?: number;
  ltvCac?: number;
  /** Orders before promotions add their uplift; the funnel's orders when left out. */
  everydayOrders?: number[];
}

function sources(f: FunnelTotals, x: Extra = {}): MeasureSources {
  const pnlInputs: PnlInputs = {
    // COGS from the SKUs sold; here the ratio given × net revenue
    funnel: { ...f, cogs: s(months.map((m) => (f.netRevenue[m] ?? 0) * (x.cogsRatio ?? 0))) },
    marketing: x.marketing ? s(x.marketing) : zero,
    promotions: zero, payroll: s([1000, 1000, 1500]), incentives: zero, training: zero, systems: zero, warehousing: zero, holdingCost: zero, pointsCost: zero,
  };
  const input: PlanInput = {
    plan: minimalPlan as PlanInput['plan'],
    ...(x.memberGmvShare !== undefined ? { users: { membership: { memberGmvShare: x.memberGmvShare } } as PlanInput['users'] } : {}),
  };
  return {
    input,
    months,
    funnel: f,
    everydayOrders: x.everydayOrders ? s(x.everydayOrders) : f.orders,
    pnl: computePnl(months, pnlInputs),
    marketing: { totals: { ltv: x.clv ?? null, ltvCac: x.ltvCac ?? null } } as MarketingResult,
    users: { repurchaseRate: x.repurchaseRate ?? null, mau: s([100, 300, 200]), dau: s([10, 30, 20]) } as UsersResult,
    supply: { daysOfInventory: x.daysOfInventory ?? null, capitalTied: s([5000, 8000, 6000]) } as SupplyResult,
    org: { headcount: s([2, 2, 5]), payroll: s([1000, 1000, 1500]) } as OrgResult,
  };
}

describe('engine measures', () => {
  const f = funnel({
    visitors: [1000, 2000, 1000],
    orders: [10, 30, 0],
    gmv: [1000, 4500, 0],
    refunds: [100, 0, 0],
    netRevenue: [800, 4000, 0],
    platformFees: [10, 20, 5],
    paymentFees: [1, 2, 0],
    fulfilment: [30, 90, 0],
    newCustomers: [5, 10, 0],
  });
  // Promotions add 2 orders in January and 10 in February to the everyday 8 and 20.
  const m = collectMeasures(sources(f, { marketing: [500, 1500, 1000], cogsRatio: 0.5, repurchaseRate: 0.25, daysOfInventory: 45, memberGmvShare: 0.4, clv: 480, ltvCac: 3.2, everydayOrders: [8, 20, 0] }));

  it('sums flows over the months', () => {
    expect(m.gmv).toEqual({ monthly: s([1000, 4500, 0]), total: 5500 }); // 1,000 + 4,500 + 0
    expect(m.orders.total).toBe(40); // 10 + 30 + 0
    expect(m.visitors.total).toBe(4000);
    expect(m.refunds.total).toBe(100);
    expect(m.new_customers.total).toBe(15);
    expect(m.marketing_spend).toEqual({ monthly: s([500, 1500, 1000]), total: 3000 });
    expect(m.payroll.total).toBe(3500); // 1,000 + 1,000 + 1,500
    expect(m.fulfilment_cost.total).toBe(120);
    // platform fees include payment fees: (10 + 1) + (20 + 2) + (5 + 0) = 38
    expect(m.platform_fees).toEqual({ monthly: s([11, 22, 5]), total: 38 });
    // P&L lines: gross profit = net revenue × (1 − 0.5); operating profit = gross profit − all costs
    expect(m.net_revenue.total).toBe(4800);
    expect(m.gross_profit).toEqual({ monthly: s([400, 2000, 0]), total: 2400 });
    // Jan 400 − (11 + 30 + 500 + 1,000) = −1,141; Feb 2,000 − (22 + 90 + 1,500 + 1,000) = −612; Mar 0 − (5 + 1,000 + 1,500) = −2,505
    expect(m.operating_profit).toEqual({ monthly: s([-1141, -612, -2505]), total: -4258 });
  });

  it('divides totals for ratios, never averaging the monthly ratios, and shows 0 in a month with no denominator', () => {
    // AOV: 100 and 150 a month, no orders in March → 0; whole plan 5,500 ÷ 40 = 137.5 (the monthly mean would be 125)
    expect(m.aov).toEqual({ monthly: s([100, 150, 0]), total: 137.5 });
    // CVR on everyday orders (a promotion's uplift adds orders, not visitors): 8 ÷ 1,000, 20 ÷ 2,000, 0 ÷ 1,000;
    // whole plan 28 ÷ 4,000 = 0.007 (mean of months 0.006; with the uplift's orders 40 ÷ 4,000 = 0.01)
    expect(m.cvr).toEqual({ monthly: s([0.008, 0.01, 0]), total: 0.007 });
    // CAC: 500 ÷ 5 = 100, 1,500 ÷ 10 = 150, no new customers in March → 0; whole plan 3,000 ÷ 15 = 200
    expect(m.cac).toEqual({ monthly: s([100, 150, 0]), total: 200 });
    // ROAS: 1,000 ÷ 500 = 2, 4,500 ÷ 1,500 = 3, 0 ÷ 1,000 = 0; whole plan 5,500 ÷ 3,000
    expect(m.roas.monthly).toEqual(s([2, 3, 0]));
    expect(m.roas.total).toBeCloseTo(5500 / 3000, 12);
    // return rate: 100 ÷ 1,000 = 0.1 in January; whole plan 100 ÷ 5,500
    expect(m.return_rate.monthly).toEqual(s([0.1, 0, 0]));
    expect(m.return_rate.total).toBeCloseTo(100 / 5500, 12);
    // gross margin: gross profit ÷ net revenue = 2,400 ÷ 4,800
    expect(m.gross_margin).toEqual({ monthly: s([0.5, 0.5, 0]), total: 0.5 });
  });

  it('takes the last month for levels (headcount, MAU, DAU, inventory value), not the sum or the peak', () => {
    expect(m.headcount).toEqual({ monthly: s([2, 2, 5]), total: 5 }); // not 9
    expect(m.mau.total).toBe(200); // not 600 and not the peak 300
    expect(m.dau.total).toBe(20);
    expect(m.inventory_value.total).toBe(6000);
  });

  it('repeats flats every month', () => {
    expect(m.repurchase_rate).toEqual({ monthly: s([0.25, 0.25, 0.25]), total: 0.25 });
    expect(m.inventory_days).toEqual({ monthly: s([45, 45, 45]), total: 45 });
    expect(m.member_gmv_share).toEqual({ monthly: s([0.4, 0.4, 0.4]), total: 0.4 });
    // CLV and LTV/CAC are the plan's customer value (marketing totals), the same every month
    expect(m.clv).toEqual({ monthly: s([480, 480, 480]), total: 480 });
    expect(m.ltv_cac).toEqual({ monthly: s([3.2, 3.2, 3.2]), total: 3.2 });
  });

  it('has a null total (and 0 months) for a ratio or flat that does not exist', () => {
    const empty = collectMeasures(sources(funnel({})));
    for (const k of ['aov', 'cvr', 'cac', 'roas', 'return_rate', 'gross_margin'] as const) expect(empty[k]).toEqual({ monthly: zero, total: null });
    expect(empty.repurchase_rate).toEqual({ monthly: zero, total: null });
    expect(empty.inventory_days).toEqual({ monthly: zero, total: null });
    expect(empty.member_gmv_share).toEqual({ monthly: zero, total: null });
    expect([empty.clv, empty.ltv_cac]).toEqual([{ monthly: zero, total: null }, { monthly: zero, total: null }]);
    expect(empty.gmv).toEqual({ monthly: zero, total: 0 }); // a flow of nothing is 0, not null
  });
});
