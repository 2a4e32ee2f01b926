// compute(input) → PlanResult: pure, no I/O, no clock, no randomness; the same input gives the same bytes.
// Models run in dependency order; scenarios and the tornado rerun the same core on changed inputs.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { ActualsTable } from '../model/actuals.ts';
import { horizonMonths, quarterOf } from '../model/calendar.ts';
import type { PlanResult, Warning } from './plan-result.ts';
import { computeCalendar } from './calendar.ts';
import { computeTargets, type TargetResult } from './targets.ts';
import { computeProducts, productsWarnings } from './products.ts';
import { computeFunnel } from './funnel.ts';
import { computeTargetGaps, targetGapWarnings } from './target-gap.ts';
import { computePromotions, promotionsWarnings } from './promotions.ts';
import { computeSupply, supplyWarnings } from './supply.ts';
import { computeUsers } from './users.ts';
import { computeMarketing, marketingWarnings } from './marketing.ts';
import { computeOrg } from './org.ts';
import { computeSystems } from './systems.ts';
import { computePnl, type PnlResult } from './pnl.ts';
import { collectMeasures, type Measure, type MeasureValue } from './measures.ts';
import { computeKpis } from './kpis.ts';
import { computeRisks, riskWarnings } from './risks.ts';
import { computeScenarios, computeSensitivity, type Headline } from './sensitivity.ts';
import { applyScenario } from './scenarios.ts';
import { addSeries, ratio, seriesOf, total } from './series.ts';

export interface ComputeOptions {
  /** Scenario of scenarios.yaml to apply; the plan as written when left out. */
  scenario?: string;
  actuals?: ActualsTable;
}

type Core = Omit<PlanResult, 'meta' | 'scenarios' | 'sensitivity'>;

/** Which engine measure tracks each target metric, for attainment. */
const TARGET_MEASURES: Record<TargetResult['metric'], Measure> = {
  gmv: 'gmv',
  revenue: 'net_revenue',
  'gross-profit': 'gross_profit',
  'operating-profit': 'operating_profit',
  'new-customers': 'new_customers',
  orders: 'orders',
  dau: 'dau',
  mau: 'mau',
  'repurchase-rate': 'repurchase_rate',
  aov: 'aov',
  cvr: 'cvr',
};

export function compute(input: PlanInput, options: ComputeOptions = {}): PlanResult {
  const effective = options.scenario ? applyScenario(input, options.scenario) : input;
  const core = computeCore(effective, options.actuals ?? {});
  const baseCore = options.scenario ? computeCore(input, {}) : core;
  const base = headlineOf(baseCore.pnl, baseCore);
  const headline = (i: PlanInput) => {
    const c = computeCore(i, {});
    return headlineOf(c.pnl, c);
  };
  const months = core.calendar.months;
  return {
    meta: {
      planId: input.plan.id,
      title: input.plan.title,
      company: input.plan.company.name,
      currency: input.plan.currency,
      version: input.plan.version ?? null,
      locales: input.plan.locales ?? ['zh-CN'],
      horizon: { start: months[0]!, end: months[months.length - 1]!, months },
      quarters: [...new Set(months.map(quarterOf))],
      scenario: options.scenario ?? 'base',
    },
    ...core,
    scenarios: computeScenarios(input, headline, base),
    sensitivity: computeSensitivity(effective, headline, headlineOf(core.pnl, core)),
  };
}

function headlineOf(pnl: PnlResult, core: Pick<Core, 'funnel'>): Headline {
  return {
    gmv: pnl.total.gmv,
    netRevenue: pnl.total.netRevenue,
    grossProfit: pnl.total.grossProfit,
    operatingProfit: pnl.total.operatingProfit,
    newCustomers: Math.round(core.funnel.totals.newCustomers * 100) / 100,
    marketingSpend: pnl.total.marketing,
  };
}

/** Everything but scenarios and sensitivity, for one set of inputs. */
export function computeCore(input: PlanInput, actuals: ActualsTable): Core {
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const calendar = computeCalendar(input, months);
  const targets = computeTargets(input, months);
  const products = computeProducts(input, months);
  const funnelResult = computeFunnel(input, months);
  const funnel = funnelResult.totals;
  const gaps = computeTargetGaps(input, targets, funnelResult);
  const promotions = computePromotions(input, months, funnelResult, products);
  const supply = computeSupply(input, months);
  const users = computeUsers(input, months, { visitors: funnel.visitors, orders: funnel.orders, newCustomers: funnel.newCustomers, gmv: funnel.gmv });
  const marketing = computeMarketing(input, months, {
    grossMarginRate: ratio(total(products.grossProfit), total(products.gmv)) ?? 0,
    ordersPerCustomer: 1 + (users.repurchaseRate ?? 0),
  });
  const systems = computeSystems(input, months);
  const promotionCost = seriesOf(months, (m) => Object.values(promotions).reduce((sum, p) => sum + (p.costByMonth[m] ?? 0), 0));
  const pnlWith = (org: ReturnType<typeof computeOrg>) =>
    computePnl(months, {
      funnel,
      cogsRatio: products.cogsRatio,
      marketing: marketing.spend,
      promotions: promotionCost,
      payroll: org.payroll,
      incentives: org.incentiveCost,
      training: org.training,
      systems: systems.cost,
      warehousing: supply.warehouseFixed,
      holdingCost: supply.holdingCost,
      pointsCost: users.membership.pointsCost,
    });
  const measuresWith = (pnl: PnlResult, org: ReturnType<typeof computeOrg>) => collectMeasures({ input, months, funnel, pnl, marketing, users, supply, org });
  // Incentives depend on attainment, and profit attainment on costs: measure once without incentive
  // pools, then pay them on that attainment.
  const firstOrg = computeOrg(input, months, {});
  const firstMeasures = measuresWith(pnlWith(firstOrg), firstOrg);
  const org = computeOrg(input, months, attainments(targets, firstMeasures));
  const pnl = pnlWith(org);
  const measures = measuresWith(pnl, org);
  const kpiOutcome = computeKpis(input, months, targets, measures, actuals);
  const risks = computeRisks(input, months, kpiOutcome.kpis);
  const channels = funnelResult.channels;
  const warnings: Warning[] = [
    ...milestoneWarnings(targets),
    ...targetGapWarnings(gaps),
    ...productsWarnings(products),
    ...promotionsWarnings(promotions),
    ...supplyWarnings(supply),
    ...marketingWarnings(marketing),
    ...kpiOutcome.warnings,
    ...riskWarnings(risks),
  ];
  return {
    calendar,
    targets: Object.fromEntries(targets.map((t) => [t.id, t])),
    gaps,
    channels,
    funnel,
    products,
    promotions,
    supply,
    users,
    marketing,
    org,
    systems,
    pnl,
    kpis: kpiOutcome.kpis,
    metricTree: kpiOutcome.metricTree,
    risks,
    warnings,
    cash: { inventoryCapital: supply.capitalTied, promotionCash: addSeries(months, ...Object.values(promotions).map((p) => p.cashByMonth)) },
  };
}

/** Projected ÷ target for every target, by the measure that tracks its metric. */
function attainments(targets: readonly TargetResult[], measures: Record<Measure, MeasureValue>): Record<string, number | null> {
  return Object.fromEntries(targets.map((t) => [t.id, ratio(measures[TARGET_MEASURES[t.metric]].total ?? 0, t.value)]));
}

function milestoneWarnings(targets: readonly TargetResult[]): Warning[] {
  return targets.flatMap((t) =>
    t.milestones
      .filter((m) => m.onTrack === false)
      .map((m) => ({
        kind: 'milestone-off-track' as const,
        message: `Milestone ${m.id} of ${t.id} asks for ${Math.round((m.cumulativeShare ?? 0) * 100)} % by ${m.month}; the monthly plan reaches ${Math.round((m.plannedShare ?? 0) * 100)} %.`,
        ref: { section: 'targets', id: t.id },
        month: m.month,
      })),
  );
}
