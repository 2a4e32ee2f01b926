// Marketing channels: budget by month, the traffic, orders, GMV and new customers the spend buys,
// CAC, ROAS, ROI, LTV, LTV/CAC and payback; A/B-test sample sizes.
//
// The orders and GMV here are *attributed* to marketing: a view inside the sales channels' funnel
// (channels.yaml), which already counts every visitor, paid or not. They explain where the funnel's
// traffic comes from and what it costs; they are never added to the plan's GMV.
//
// Choices:
// - Spend: budget.monthly when given (months left out get 0), else budget.total × the phasing profile's
//   share of each month (even when there is no phasing), split in fen by largest remainder so the
//   months add up exactly to the total.
// - Traffic: cpc → clicks = spend ÷ CPC; cpm → clicks = spend ÷ CPM × 1,000 × CTR; fixed → the plan's
//   visitors, spread like the spend in whole visitors; cps → no clicks, GMV = spend ÷ commission rate.
// - Orders = clicks × CVR (cps: GMV ÷ AOV); AOV = the channel's, else the mean computed AOV (GMV ÷ orders,
//   from the SKUs sold) of the sales channels it drives.
// - LTV (CLV) = margin per order × discounted orders per new customer over the lifespan, the orders from
//   the retention curve (users.yaml, customer-value.ts); margin per order = the channel's AOV × the blended
//   gross margin rate. Payback = the first month after the first purchase whose cumulative discounted
//   margin covers CAC. The plan's total uses the funnel's AOV (GMV ÷ orders) and marketing's overall CAC.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import { explainAs } from './explain.ts';
import type { ChannelBreakEven } from '../model/result/break-even.ts';
import type { Explanation, LabelledInput } from '../model/result/explanation.ts';
import type { CustomerLifetime } from '../model/result/users.ts';
import { customerValue } from './customer-value.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { fen, ratio, seriesOf, total } from './series.ts';
import { sampleSizePerVariant } from './ab-sample-size.ts';
import type { MarketingChannelResult, MarketingResult } from '../model/result/marketing.ts';


export interface MarketingOptions {
  /** Blended gross margin rate (gross profit ÷ GMV) used for ROI and LTV. */
  grossMarginRate: number;
  /** Expected discounted orders of a new customer over the lifespan (UsersResult.lifetime). */
  lifetime: CustomerLifetime;
  /** The plan's AOV (funnel GMV ÷ orders), for the plan's overall customer value; null without orders. */
  planAov: number | null;
  /** Each sales channel's computed AOV (GMV ÷ orders), null when it has no orders. */
  channelAov: Readonly<Record<string, number | null>>;
}

export function computeMarketing(input: PlanInput, months: readonly string[], options: MarketingOptions): MarketingResult {
  const profiles = new Map((input.targets?.seasonality ?? []).map((p, i) => [p.id, { p, i }]));
  const gm = Number.isFinite(options.grossMarginRate) ? options.grossMarginRate : 0;
  const { lifetime } = options;
  const valueOf = (aov: number | null, cac: number | null) => customerValue(lifetime, aov === null ? null : aov * gm, cac);

  const channels: Record<string, MarketingChannelResult> = {};
  (input.marketing?.channels ?? []).forEach((ch, k) => {
    const src = (path: string) => ({ file: 'marketing.yaml', path: `channels[${k}].${path}` });

    // Spend by month, in fen.
    let spendMinor: number[];
    let weights: number[];
    let spendExplain: Explanation;
    if (ch.budget.monthly) {
      const monthly = ch.budget.monthly;
      spendMinor = months.map((m) => toMinor(Math.max(0, monthly[m] ?? 0)));
      weights = spendMinor.slice();
      spendExplain = explainAs('marketing.spendByMonth', [{ label: 'monthlyBudget', value: { word: 'byMonth' }, source: src('budget.monthly') }]);
    } else {
      const profile = ch.budget.phasing ? profiles.get(ch.budget.phasing) : undefined;
      weights = months.map((m) => (profile ? (profile.p.shares[m] ?? 0) : 1));
      const totalBudget = Math.max(0, ch.budget.total ?? 0);
      spendMinor = allocate(toMinor(totalBudget), weights);
      spendExplain = explainAs(
        profile ? 'marketing.spendPhased' : 'marketing.spendEven',
        [
          { label: 'budgetTotal', value: totalBudget, unit: 'money', source: src('budget.total') },
          ...(profile ? [{ label: 'phasing', value: ref('seasonality', profile.p.id), source: { file: 'targets.yaml', path: `seasonality[${profile.i}].shares` } } as const] : []),
        ],
        { months: months.length },
      );
    }
    const spend = seriesOf(months, (_, i) => fromMinor(spendMinor[i]!));
    const spendTotal = fromMinor(spendMinor.reduce((a, b) => a + b, 0));

    // AOV: the channel's own, else the mean computed AOV of the sales channels it drives.
    const driven = ch.drives.flatMap((id) => {
      const v = options.channelAov[id];
      return typeof v === 'number' ? [{ id, aov: v }] : [];
    });
    const aov = ch.aov ?? (driven.length > 0 ? driven.reduce((a, c) => a + c.aov, 0) / driven.length : null);
    const aovInput: LabelledInput = ch.aov !== undefined ? { label: 'aov', value: ch.aov, unit: 'money', source: src('aov') } : { label: 'aovOfDrivenChannels', value: aov, unit: 'money' };
    const cvrInput: LabelledInput = { label: 'cvr', value: ch.cvr, unit: 'rate', source: src('cvr') };

    // Traffic → orders → GMV.
    const pricing = ch.pricing;
    let clicks: Series;
    let orders: Series;
    let gmv: Series;
    let trafficExplain: Explanation;
    if (pricing.type === 'cps') {
      const rate = 'rate' in pricing ? pricing.rate : 0;
      clicks = seriesOf(months, () => 0);
      gmv = seriesOf(months, (m) => fen(ratio(spend[m]!, rate) ?? 0));
      orders = seriesOf(months, (m) => (aov ? (ratio(gmv[m]!, aov) ?? 0) : 0));
      trafficExplain = explainAs('marketing.trafficCps', [{ label: 'commissionRate', value: rate, unit: 'rate', source: src('pricing.rate') }, aovInput]);
    } else {
      if (pricing.type === 'cpc') {
        const cpc = 'cpc' in pricing ? pricing.cpc : 0;
        clicks = seriesOf(months, (m) => ratio(spend[m]!, cpc) ?? 0);
        trafficExplain = explainAs('marketing.trafficCpc', [{ label: 'cpc', value: cpc, unit: 'money', source: src('pricing.cpc') }, cvrInput, aovInput]);
      } else if (pricing.type === 'cpm') {
        const cpm = 'cpm' in pricing ? pricing.cpm : 0;
        const ctr = 'ctr' in pricing && pricing.ctr !== undefined ? pricing.ctr : 0;
        clicks = seriesOf(months, (m) => ((ratio(spend[m]!, cpm) ?? 0) * 1000 * ctr));
        trafficExplain = explainAs('marketing.trafficCpm', [
          { label: 'cpm', value: cpm, unit: 'money', source: src('pricing.cpm') },
          { label: 'ctr', value: ctr, unit: 'rate', source: src('pricing.ctr') },
          cvrInput,
          aovInput,
        ]);
      } else {
        const visitors = 'visitors' in pricing && pricing.visitors !== undefined ? Math.round(pricing.visitors) : 0;
        const parts = allocate(visitors, weights);
        clicks = seriesOf(months, (_, i) => parts[i]!);
        trafficExplain = explainAs(visitors > 0 ? 'marketing.trafficFixed' : 'marketing.trafficNone', [
          { label: 'visitors', value: visitors, unit: 'count', ...('visitors' in pricing && pricing.visitors !== undefined ? { source: src('pricing.visitors') } : {}) },
          cvrInput,
          aovInput,
        ]);
      }
      orders = seriesOf(months, (m) => clicks[m]! * ch.cvr);
      gmv = seriesOf(months, (m) => fen(orders[m]! * (aov ?? 0)));
    }
    const newCustomers = seriesOf(months, (m) => orders[m]! * ch.newCustomerShare);

    const totals = {
      spend: spendTotal,
      clicks: total(clicks),
      orders: total(orders),
      gmv: fromMinor(Object.values(gmv).reduce((a, v) => a + toMinor(v), 0)),
      newCustomers: total(newCustomers),
    };
    const cac = nullableFen(ratio(totals.spend, totals.newCustomers));
    const roas = ratio(totals.gmv, totals.spend);
    const roi = ratio(totals.gmv * gm - totals.spend, totals.spend);
    const { ltv, ltvCac, paybackMonths } = valueOf(aov, cac);
    const spendInput: LabelledInput = { label: 'spend', value: totals.spend, unit: 'money' };
    const gmvInput: LabelledInput = { label: 'gmv', value: totals.gmv, unit: 'money' };

    channels[ch.id] = {
      id: ch.id,
      kind: ch.kind,
      spend,
      clicks,
      orders,
      gmv,
      newCustomers,
      totals,
      cac,
      roas,
      roi,
      ltv,
      ltvCac,
      paybackMonths,
      explain: {
        spend: spendExplain,
        traffic: trafficExplain,
        newCustomers: explainAs('marketing.newCustomers', [{ label: 'newCustomerShare', value: ch.newCustomerShare, unit: 'rate', source: src('newCustomerShare') }]),
        cac: explainAs('marketing.cac', [spendInput, { label: 'newCustomers', value: totals.newCustomers, unit: 'count' }]),
        roas: explainAs('marketing.roas', [gmvInput, spendInput]),
        roi: explainAs('marketing.roi', [gmvInput, { label: 'grossMarginRate', value: gm, unit: 'rate' }, spendInput]),
        ...valueExplanations(aovInput, gm, lifetime, ltv, cac),
      },
    };
  });

  const list = Object.values(channels);
  const spend = seriesOf(months, (m) => fromMinor(list.reduce((a, c) => a + toMinor(c.spend[m]!), 0)));
  const spendTotal = fromMinor(list.reduce((a, c) => a + toMinor(c.totals.spend), 0));
  const gmvTotal = fromMinor(list.reduce((a, c) => a + toMinor(c.totals.gmv), 0));
  const newCustomersTotal = list.reduce((a, c) => a + c.totals.newCustomers, 0);

  const totalCac = nullableFen(ratio(spendTotal, newCustomersTotal));
  const totalValue = valueOf(options.planAov, totalCac);

  const experiments: MarketingResult['experiments'] = {};
  (input.marketing?.experiments ?? []).forEach((e, k) => {
    const src = (path: string) => ({ file: 'marketing.yaml', path: `experiments[${k}].${path}` });
    const alpha = e.alpha ?? 0.05;
    const power = e.power ?? 0.8;
    const n = sampleSizePerVariant({ baselineRate: e.baselineRate, minimumDetectableEffect: e.minimumDetectableEffect, alpha, power });
    const days = n !== null && e.dailyTraffic ? Math.ceil((2 * n) / e.dailyTraffic) : null;
    experiments[e.id] = {
      sampleSizePerVariant: n,
      days,
      explain: explainAs('experiment.sampleSize', [
        { label: 'baselineRate', value: e.baselineRate, unit: 'rate', source: src('baselineRate') },
        { label: 'minimumDetectableEffect', value: e.minimumDetectableEffect, unit: 'rate', source: src('minimumDetectableEffect') },
        { label: 'alpha', value: alpha, unit: 'rate', ...(e.alpha !== undefined ? { source: src('alpha') } : {}) },
        { label: 'power', value: power, unit: 'rate', ...(e.power !== undefined ? { source: src('power') } : {}) },
        ...(e.dailyTraffic !== undefined ? [{ label: 'dailyTraffic', value: e.dailyTraffic, unit: 'count', source: src('dailyTraffic') } as const] : []),
      ]),
    };
  });

  return {
    channels,
    spend,
    totals: {
      spend: spendTotal,
      gmv: gmvTotal,
      newCustomers: newCustomersTotal,
      cac: totalCac,
      roas: ratio(gmvTotal, spendTotal),
      ...totalValue,
    },
    explain: valueExplanations({ label: 'planAov', value: options.planAov, unit: 'money' }, gm, lifetime, totalValue.ltv, totalCac),
    experiments,
  };
}

/** A finding for each channel whose customers are worth less than they cost to acquire. */
export function marketingFindings(result: MarketingResult, input: PlanInput, breakEven: Readonly<Record<string, ChannelBreakEven>> = {}): Finding[] {
  const index = new Map((input.marketing?.channels ?? []).map((c, k) => [c.id, k]));
  const ltvBelowCac = Object.values(result.channels).flatMap((c) =>
    c.ltv !== null && c.cac !== null && c.ltv < c.cac
      ? [finding('ltv-below-cac', { entity: ref('marketing-channel', c.id), file: 'marketing', path: ['channels', index.get(c.id) ?? 0] }, { ltv: amount(c.ltv, 'money'), cac: amount(c.cac, 'money') })]
      : [],
  );
  // A target ROAS below break-even: each yuan of spend brings less contribution than it costs.
  const roasBelowBreakEven = (input.marketing?.channels ?? []).flatMap((c, k) => {
    const be = breakEven[c.id];
    if (c.targetRoas === undefined || !be || be.breakEvenRoas === null || be.contributionRate === null || !(c.targetRoas < be.breakEvenRoas)) return [];
    return [
      finding(
        'roas-below-break-even',
        { entity: ref('marketing-channel', c.id), file: 'marketing', path: ['channels', k, 'targetRoas'] },
        { roas: amount(c.targetRoas, 'ratio'), breakEvenRoas: amount(be.breakEvenRoas, 'ratio'), contributionRate: amount(be.contributionRate, 'rate') },
      ),
    ];
  });
  // A CPS budget on sales whose channel fees already carry an affiliate commission pays the creators twice.
  const salesChannels = new Map((input.channels?.channels ?? []).map((s) => [s.id, s]));
  const commissionTwice = (input.marketing?.channels ?? []).flatMap((c, k) => {
    if (c.pricing.type !== 'cps' || !('rate' in c.pricing) || !(c.pricing.rate > 0)) return [];
    const rate = c.pricing.rate;
    return c.drives.flatMap((id) => {
      const affiliate = salesChannels.get(id)?.fees?.affiliate ?? 0;
      if (!(affiliate > 0)) return [];
      return [finding('commission-twice', { entity: ref('marketing-channel', c.id), file: 'marketing', path: ['channels', k, 'pricing', 'rate'] }, { channel: ref('channel', id), affiliate: amount(affiliate, 'rate'), rate: amount(rate, 'rate') })];
    });
  });
  return [...ltvBelowCac, ...roasBelowBreakEven, ...commissionTwice];
}

/** How CLV, LTV/CAC and payback were obtained, for a channel or the plan. */
function valueExplanations(aov: LabelledInput, gm: number, lifetime: CustomerLifetime, ltv: number | null, cac: number | null): Record<'ltv' | 'ltvCac' | 'paybackMonths', Explanation> {
  const gmInput: LabelledInput = { label: 'grossMarginRate', value: gm, unit: 'rate' };
  const ordersInput: LabelledInput = { label: 'ordersPerCustomer', value: lifetime.ordersPerCustomer, unit: 'number' };
  const cacInput: LabelledInput = { label: 'cac', value: cac, unit: 'money' };
  return {
    ltv: explainAs('marketing.ltv', [aov, gmInput, ordersInput]),
    ltvCac: explainAs('marketing.ltvCac', [{ label: 'ltv', value: ltv, unit: 'money' }, cacInput]),
    paybackMonths: explainAs('marketing.payback', [cacInput, aov, gmInput, { label: 'discountRate', value: lifetime.discountRate, unit: 'rate' }, { label: 'lifespanMonths', value: lifetime.lifespanMonths, unit: 'months' }]),
  };
}

function nullableFen(x: number | null): number | null {
  return x === null ? null : fen(x);
}
