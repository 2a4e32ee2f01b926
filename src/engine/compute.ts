// compute(input) → PlanResult: pure, no I/O, no clock, no randomness; the same input gives the same bytes.
// Models run in dependency order; scenarios and the tornado rerun the same core on changed inputs.
import { isPrototypeFree, stripPrototypes, withoutPrototypes } from '../model/dict.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { ActualsTable } from '../model/actuals.ts';
import type { OrderBaseline } from '../model/order-baseline.ts';
import { baselineResult, withOrderProfile } from './baseline-result.ts';
import { horizonMonths, quarterOf } from '../model/calendar.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import { computeCalendar } from './calendar.ts';
import { computeTargets, milestoneFindings } from './targets.ts';
import type { TargetResult } from '../model/result/targets.ts';
import { computeProducts, productsFindings, salesCogsRatio } from './products.ts';
import { computeFunnel, computeTraffic, funnelFindings } from './funnel.ts';
import { computeSales, salesBase, salesBaseKey } from './sales.ts';
import { projectStock } from './stock-projection.ts';
import { computeTargetGaps } from './target-gap.ts';
import { targetFindings } from './target-findings.ts';
import { computePromotions, promotionCosts, promotionsFindings } from './promotions.ts';
import { computeSupply, computeSupplyTotals, supplyFindings } from './supply.ts';
import { computeUsers } from './users.ts';
import { computeMarketing, marketingFindings } from './marketing.ts';
import { computeOrg, orgPayroll } from './org.ts';
import type { OrgResult } from '../model/result/org.ts';
import { computeSystems } from './systems.ts';
import { computePnl } from './pnl.ts';
import { computeBreakEven } from './break-even.ts';
import { computeOrdering } from './ordering.ts';
import type { PnlResult } from '../model/result/pnl.ts';
import { collectMeasures } from './measures.ts';
import { computeVerdicts, targetProjection, type Measures } from './target-verdicts.ts';
import { whatItTakes, withWhatItTakes } from './what-it-takes.ts';
import { computeKpis } from './kpis.ts';
import { computeRisks, riskFindings } from './risks.ts';
import { plausibilityFindings } from './plausibility/check.ts';
import { acceptFindings } from './accept-findings.ts';
import { computeScenarios, computeSensitivity } from './sensitivity.ts';
import type { Headline } from '../model/result/scenarios.ts';
import { applyScenario } from '../model/scenarios-apply.ts';
import { addSeries, ratio, seriesOf } from './series.ts';
import { createCoreCache, memo, type CoreCache } from './core-cache.ts';
import { computeVerdictSummary } from './verdict-summary.ts';

export interface ComputeOptions {
  /** Scenario of scenarios.yaml to apply; the plan as written when left out. */
  scenario?: string;
  actuals?: ActualsTable;
  /** Aggregates of the order files (data.yaml), analysed before compute; its seasonality profile joins the plan's. */
  baseline?: OrderBaseline;
}

type Core = Omit<PlanResult, 'meta' | 'scenarios' | 'sensitivity' | 'baseline' | 'summary'>;

export function compute(input: PlanInput, options: ComputeOptions = {}): PlanResult {
  // Ids become keys everywhere below: without prototypes, an id such as `constructor` is an ordinary key.
  // A validated plan is prototype-less already (validatePlan), and compute never changes its input: copy only
  // what is not.
  if (!isPrototypeFree(input)) input = withoutPrototypes(input);
  const baseline = options.baseline && !isPrototypeFree(options.baseline) ? withoutPrototypes(options.baseline) : options.baseline;
  options = { ...options, actuals: withoutPrototypes(options.actuals ?? {}), ...(baseline ? { baseline } : {}) };
  // The order profile (`seasonality: from-orders`) is part of the plan for every pass below.
  input = withOrderProfile(input, options.baseline);
  // One memo of model results for every pass of this call (the plan, the scenarios, the tornado), dropped
  // when the call returns. Reruns change one number copy-on-write, so most models are reused from it.
  const cache = createCoreCache();
  const effective = options.scenario ? applyScenario(input, options.scenario) : input;
  const core = computeCore(effective, options.actuals ?? {}, { cache });
  // The headline does not depend on actuals (they only feed KPIs), so reruns leave them out.
  const base = options.scenario ? computeHeadline(input, cache) : headlineOf(core.pnl, core);
  const headline = (i: PlanInput) => computeHeadline(i, cache);
  const months = core.calendar.months;
  // Everything below is built by this call (or is the prototype-less input): made prototype-less in place.
  return stripPrototypes({
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
    ...withTargetsClosed(effective, core, cache),
    baseline: baselineResult(input, options.baseline),
    summary: computeVerdictSummary({ ...core, input: effective, months, measures: computeMeasures(effective, cache), baseline: options.baseline }),
    scenarios: computeScenarios(input, headline, base),
    sensitivity: computeSensitivity(effective, headline, headlineOf(core.pnl, core)),
  });
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

export interface CoreOptions {
  /** Model results to reuse within one compute() call (see core-cache.ts); without it every model runs. */
  cache?: CoreCache;
}

/** Everything but scenarios and sensitivity, for one set of inputs. */
export function computeCore(input: PlanInput, actuals: ActualsTable, options: CoreOptions = {}): Core {
  const { cache } = options;
  const m = computeModels(input, cache);
  const { months, targets, sales, funnelResult, funnel, stock, supplyTotals, users, marketing, systems, org, pnl } = m;
  // promotions.ts: promotions.yaml; plan.yaml (VAT); products.yaml (fallback margins); the sales. Only here: reruns
  // read the promotions' costs alone (computeModels).
  const promotions = memo(cache, 'promotions', [months, input.plan, input.promotions, input.products, sales], () =>
    computePromotions(input, months, sales, { cogsRatio: salesCogsRatio(sales) }),
  );
  // products.ts: products.yaml (scores, slow-seller rules); plan.yaml (VAT); supply.yaml (opening stock); the sales
  // and the channels' fen values the SKUs' money is split from. Only here: the per-SKU series are not needed by reruns.
  const products = memo(cache, 'products', [months, input.plan, input.products, input.supply, sales, funnelResult], () => computeProducts(input, months, sales, funnelResult.channels));
  // supply.ts: the stock projection dressed per SKU (supply.yaml, products.yaml for sources).
  const supply = memo(cache, 'supply', [months, input.supply, input.products, stock, supplyTotals], () => computeSupply(input, months, stock, supplyTotals));
  // calendar.ts: targets.yaml (seasonality, festivals).
  const calendar = memo(cache, 'calendar', [months, input.targets], () => computeCalendar(input, months));
  // target-gap.ts: strategy.yaml (channel mix), the targets, the funnel (totals and channels).
  const gaps = memo(cache, 'gaps', [input.strategy, targets, funnelResult], () => computeTargetGaps(input, targets, funnelResult));
  const measures = m.measuresWith(pnl, org);
  const kpiOutcome = computeKpis(input, months, targets, measures, actuals);
  const risks = computeRisks(input, months, kpiOutcome.kpis);
  const verdicts = computeVerdicts(input, targets, measures);
  const channels = funnelResult.channels;
  const breakEven = computeBreakEven({
    pnl: pnl.total,
    units: Object.values(products.skus).reduce((sum, k) => sum + k.unitsSold, 0),
    // COGS by channel: the SKU COGS of what it sells, as the P&L charges it.
    channels: Object.fromEntries(Object.entries(channels).map(([id, c]) => [id, c.totals])),
    skus: products.skus,
    marketingDrives: Object.fromEntries((input.marketing?.channels ?? []).map((c) => [c.id, c.drives])),
  });
  const findings = acceptFindings([
    ...milestoneFindings(targets),
    ...funnelFindings(channels, input.channels?.aovTolerance),
    ...productsFindings(products, input, input.products?.forecastTolerance),
    ...promotionsFindings(promotions),
    ...supplyFindings(supply, input),
    ...marketingFindings(marketing, input, breakEven.marketing),
    ...kpiOutcome.findings,
    ...riskFindings(risks, input, kpiOutcome.kpis),
    ...plausibilityFindings(input, { channels, marketing, supply, users }),
  ], input);
  return {
    calendar,
    targets: Object.fromEntries(targets.map((t) => [t.id, t])),
    verdicts: Object.fromEntries(verdicts.map((v) => [v.targetId, v])),
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
    findings,
    breakEven,
    ordering: computeOrdering(input, supply),
    cash: { inventoryCapital: supply.capitalTied, promotionCash: addSeries(months, ...Object.values(promotions).map((p) => p.cashByMonth)) },
  };
}

/**
 * The core's verdicts with what it would take filled in for the targets the plan misses (single-driver reruns of
 * the same engine), and the core's findings with the targets missed or overshot first, as a board reads them.
 */
export function withTargetsClosed(input: PlanInput, core: Pick<Core, 'verdicts' | 'targets' | 'channels' | 'findings'>, cache?: CoreCache): Pick<PlanResult, 'verdicts' | 'findings'> {
  const channelGmv = Object.fromEntries(Object.entries(core.channels).map(([id, c]) => [id, c.totals.gmv]));
  const verdicts = withWhatItTakes(Object.values(core.verdicts), Object.values(core.targets), () => whatItTakes(input, computeMeasures(input, cache), channelGmv, (i) => computeMeasures(i, cache)));
  return {
    verdicts: Object.fromEntries(verdicts.map((v) => [v.targetId, v])),
    findings: [...acceptFindings(targetFindings(verdicts), input), ...core.findings],
  };
}

/** The engine measures of a set of inputs (the numbers targets are judged on), for what-it-would-take reruns. */
export function computeMeasures(input: PlanInput, cache?: CoreCache): Measures {
  const m = computeModels(input, cache);
  return m.measuresWith(m.pnl, m.org);
}

/**
 * Only the headline of a set of inputs, for scenario and tornado reruns: the models the P&L needs, and
 * none of the rest (calendar, target gaps, KPIs, risks, findings, cash). The numbers are those of
 * computeCore(input, {}) — actuals feed only the KPIs.
 */
export function computeHeadline(input: PlanInput, cache?: CoreCache): Headline {
  const { pnl, funnel } = computeModels(input, cache);
  return headlineOf(pnl, { funnel });
}

/**
 * The models up to the P&L, in dependency order. Each memo key lists everything its model reads: the plan
 * sections (input.x, compared by identity) and the upstream results or values. Keep a key in step with its
 * model — a section it reads but its key leaves out would reuse a stale result.
 */
function computeModels(input: PlanInput, cache: CoreCache | undefined) {
  const { start, months: count } = input.plan.horizon;
  // The horizon's months, by value, so that every pass shares one array (and the keys below match).
  const months = memo(cache, 'months', [start, count], () => horizonMonths(start, count));
  // targets.ts: targets.yaml (targets, seasonality).
  const targets = memo(cache, 'targets', [months, input.targets], () => computeTargets(input, months));
  // funnel.ts (traffic): channels.yaml (funnel, launch); targets.yaml (seasonality).
  const traffic = memo(cache, 'traffic', [months, input.targets, input.channels], () => computeTraffic(input, months));
  // sales.ts: channels.yaml (mix, units per order, discount, return rates); products.yaml; promotions.yaml;
  // targets.yaml (seasonality profiles); plan.yaml (VAT); supply.yaml opening stock (phase-out SKUs); the traffic.
  const openingStock = input.supply?.inventory?.openingStock;
  // sales.ts, the part no traffic or channel term moves (SKU prices and weights, promotion terms): the same
  // sections, of channels.yaml only the ids.
  const salesFixed = memo(cache, 'salesBase', [months, input.plan, input.targets, salesBaseKey(input), input.products, input.promotions, openingStock], () => salesBase(input, months));
  const sales = memo(cache, 'sales', [months, input.plan, input.targets, input.channels, input.products, input.promotions, openingStock, traffic], () => computeSales(input, months, traffic, salesFixed));
  // funnel.ts (money lines): channels.yaml (fees, fulfilment); plan.yaml (VAT); targets.yaml (profile sources);
  // supply.yaml (warehouses, logistics: fulfilment cost); the traffic and sales.
  const funnelResult = memo(cache, 'funnel', [months, input.plan, input.targets, input.channels, input.supply, traffic, sales], () =>
    computeFunnel(input, months, traffic, sales, salesCogsRatio(sales)),
  );
  const funnel = funnelResult.totals;
  // stock-projection.ts: supply.yaml (policy, suppliers, opening stock); products.yaml (forecast σ, supplier, status); the sales.
  const stock = memo(cache, 'stock', [months, input.supply, input.products, sales], () => projectStock(input, months, sales));
  // supply.ts (totals): supply.yaml (warehouses, policy); the projection.
  const supplyTotals = memo(cache, 'supplyTotals', [months, input.supply, stock], () => computeSupplyTotals(input, months, stock));
  // users.ts: users.yaml; the funnel totals (visitors, orders, new customers, GMV).
  const users = memo(cache, 'users', [months, input.users, funnel], () =>
    computeUsers(input, months, { visitors: funnel.visitors, orders: funnel.orders, newCustomers: funnel.newCustomers, gmv: funnel.gmv }),
  );
  // Gross profit ÷ GMV of everything sold, and each sales channel's computed AOV.
  const grossMarginRate = ratio(funnel.totals.netRevenue - funnel.totals.cogs, funnel.totals.gmv) ?? 0;
  const planAov = funnel.aov;
  const channelAov = Object.fromEntries(Object.values(funnelResult.channels).map((c) => [c.id, c.aov]));
  // marketing.ts: marketing.yaml; targets.yaml (seasonality for phasing); the numbers passed (by value): the margin, the customer lifetime, the plan's and each sales channel's AOV.
  const marketing = memo(cache, 'marketing', [months, input.marketing, input.targets, grossMarginRate, users.lifetime, planAov, ...Object.entries(channelAov).flat()], () =>
    computeMarketing(input, months, { grossMarginRate, lifetime: users.lifetime, planAov, channelAov }),
  );
  // systems.ts: systems.yaml.
  const systems = memo(cache, 'systems', [months, input.systems], () => computeSystems(input, months));
  // promotions.ts (costs only, all the P&L reads of them): promotions.yaml; the sales (terms, promotion orders).
  const promotionCost = memo(cache, 'promotionCost', [months, input.promotions, sales], () => {
    const costs = Object.values(promotionCosts(input, months, sales));
    return seriesOf(months, (m) => costs.reduce((sum, c) => sum + (c[m] ?? 0), 0));
  });
  // org.ts: org.yaml; the attainment of each target (its entries, by value), which moves on nearly every rerun —
  // headcount, payroll and training (org.yaml alone) are kept apart.
  const payroll = memo(cache, 'orgPayroll', [months, input.org], () => orgPayroll(input, months));
  const orgWith = (attainment: Record<string, number | null>) =>
    memo(cache, 'org', [months, input.org, payroll, ...Object.entries(attainment).flat()], () => computeOrg(input, months, attainment, payroll));
  // pnl.ts: the results named in the key (funnel totals with COGS, marketing spend, promotion cost, payroll /
  // incentives / training, systems cost, warehousing and holding cost, points cost).
  const pnlWith = (org: OrgResult) =>
    memo(cache, 'pnl', [months, funnel, marketing, promotionCost, org, systems, supplyTotals, users], () =>
      computePnl(months, {
        funnel,
        marketing: marketing.spend,
        promotions: promotionCost,
        payroll: org.payroll,
        incentives: org.incentiveCost,
        training: org.training,
        systems: systems.cost,
        warehousing: supplyTotals.warehouseFixed,
        holdingCost: supplyTotals.holdingCost,
        pointsCost: users.membership.pointsCost,
      }),
    );
  // measures.ts: users.yaml (membership.memberGmvShare) and the results named in the key.
  const measuresWith = (pnl: PnlResult, org: OrgResult) =>
    memo(cache, 'measures', [months, input.users, funnel, sales, pnl, marketing, users, supplyTotals, org], () =>
      collectMeasures({ input, months, funnel, everydayOrders: seriesOf(months, (_, k) => sales.channels.reduce((sum, c) => sum + c.everydayOrders[k]!, 0)), pnl, marketing, users, supply: supplyTotals, org }),
    );
  // Incentives depend on attainment, and profit attainment on costs: measure once without incentive
  // pools, then pay them on that attainment.
  const firstOrg = orgWith({});
  const firstMeasures = measuresWith(pnlWith(firstOrg), firstOrg);
  const org = orgWith(attainments(targets, firstMeasures));
  const pnl = pnlWith(org);
  return { months, targets, sales, funnelResult, funnel, stock, supplyTotals, users, marketing, systems, org, pnl, measuresWith };
}

/** Projected ÷ target for every target, the projection as its verdict reads it (target-verdicts.ts). */
function attainments(targets: readonly TargetResult[], measures: Measures): Record<string, number | null> {
  return Object.fromEntries(targets.map((t) => [t.id, ratio(targetProjection(t, measures) ?? 0, t.value)]));
}
