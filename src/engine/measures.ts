// Engine measures: the numbers a KPI can be bound to with `measure:`, monthly and for the whole plan.
// Flows sum over months; ratios divide totals (never average monthly ratios); levels take the last month.
// CVR is everyday orders ÷ visitors: a promotion's uplift adds orders without visitors in the model, so the
// all-in ratio would credit CVR with the uplift, which the plan states and the engine judges on its own
// (promotion break-even). Platforms' own CVR is buyers ÷ visitors on promotion days too, where both rise.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Measure } from '../model/result/measures.ts';
import type { Series } from '../model/result/series.ts';
import type { FunnelTotals } from '../model/result/funnel.ts';
import type { PnlResult } from '../model/result/pnl.ts';
import type { MarketingResult } from '../model/result/marketing.ts';
import type { UsersResult } from '../model/result/users.ts';
import type { SupplyResult } from '../model/result/supply.ts';
import type { OrgResult } from '../model/result/org.ts';
import { mapSeries, ratio, seriesOf, total } from './series.ts';

export type { Measure };

export interface MeasureValue {
  monthly: Series;
  total: number | null;
}

export interface MeasureSources {
  input: PlanInput;
  months: readonly string[];
  funnel: FunnelTotals;
  /** Orders from visitors × CVR, before promotions add their uplift (Σ channels, by month). */
  everydayOrders: Series;
  pnl: PnlResult;
  marketing: MarketingResult;
  users: UsersResult;
  supply: Pick<SupplyResult, 'capitalTied' | 'daysOfInventory'>;
  org: OrgResult;
}

export function collectMeasures(s: MeasureSources): Record<Measure, MeasureValue> {
  const { months } = s;
  const line = (key: keyof PnlResult['total']) => seriesOf(months, (m) => s.pnl.months[m]?.[key] ?? 0);
  const flow = (series: Series): MeasureValue => ({ monthly: series, total: total(series) });
  const level = (series: Series): MeasureValue => ({ monthly: series, total: series[months[months.length - 1]!] ?? null });
  const flat = (value: number | null): MeasureValue => ({ monthly: seriesOf(months, () => value ?? 0), total: value });
  const quotient = (a: Series, b: Series): MeasureValue => ({
    monthly: seriesOf(months, (m) => ratio(a[m] ?? 0, b[m] ?? 0) ?? 0),
    total: ratio(total(a), total(b)),
  });
  const f = s.funnel;
  const netRevenue = line('netRevenue');
  const grossProfit = line('grossProfit');
  const marketing = line('marketing');
  return {
    gmv: flow(f.gmv),
    orders: flow(f.orders),
    everyday_orders: flow(s.everydayOrders),
    visitors: flow(f.visitors),
    cvr: quotient(s.everydayOrders, f.visitors),
    aov: quotient(f.gmv, f.orders),
    refunds: flow(f.refunds),
    return_rate: quotient(f.refunds, f.gmv),
    net_revenue: flow(netRevenue),
    gross_profit: flow(grossProfit),
    gross_margin: quotient(grossProfit, netRevenue),
    operating_profit: flow(line('operatingProfit')),
    marketing_spend: flow(marketing),
    new_customers: flow(f.newCustomers),
    cac: quotient(marketing, f.newCustomers),
    roas: quotient(f.gmv, marketing),
    repurchase_rate: flat(s.users.repurchaseRate),
    mau: level(s.users.mau),
    dau: level(s.users.dau),
    inventory_value: level(s.supply.capitalTied),
    inventory_days: flat(s.supply.daysOfInventory),
    headcount: level(s.org.headcount),
    payroll: flow(s.org.payroll),
    platform_fees: flow(mapSeries(line('platformFees'), (v, m) => v + (s.pnl.months[m]?.paymentFees ?? 0))),
    fulfilment_cost: flow(line('fulfilment')),
    member_gmv_share: flat(s.input.users?.membership?.memberGmvShare ?? null),
    clv: flat(s.marketing.totals.ltv),
    ltv_cac: flat(s.marketing.totals.ltvCac),
  };
}
