// Plausibility: every assumption of the plan, and every ratio computed from it, judged against its range
// (ranges.ts). A number outside gives an `out-of-range` fact at the line of the input that drives it; for a
// computed ratio that is the input most responsible for it:
//   fee share of GMV (platform + payment fees ÷ GMV)  → Douyin with affiliates: fees.affiliate, else fees.commission
//   AOV (GMV ÷ orders)                                 → funnel.aov
//   festival months (a month's GMV ÷ the average month, over the channels sharing a seasonality profile)
//                                                      → that month's share in the profile
//   ROAS and CAC of a paid marketing channel           → its unit price (cpc, cpm, cps rate, fixed visitors)
//   marketing share of GMV                             → the marketing channels (the list)
//   days of inventory                                  → supply.yaml inventory policy
import type { PlanInput } from '../../model/plan-input.generated.ts';
import type { PlanResult } from '../../model/result/plan-result.ts';
import type { PathSegment } from '../../model/data-path.ts';
import { amount, ref, type EntityRef, type PlanPlace } from '../../model/facts.ts';
import { finding, type FindingOf } from '../../model/findings.ts';
import { outside, rangeFor, sectorOf, type RangeContext, type ResolvedRange } from './ranges.ts';
import { METRIC_UNIT, type Metric, type Selling } from './reference.ts';

/** The parts of the result the checks judge. */
export type PlausibilityView = Pick<PlanResult, 'channels' | 'marketing' | 'supply' | 'users'>;

export type OutOfRange = FindingOf<'out-of-range'>;

/** The finding of a value outside its range, about an entry (a channel, a profile, a stage; else the plan) at a place. */
function outOfRange(metric: Metric, value: number, direction: 'below' | 'above', range: ResolvedRange, entity: EntityRef, place: PlanPlace): OutOfRange {
  const unit = METRIC_UNIT[metric];
  const a = (v: number) => amount(v, unit);
  return finding('out-of-range', { entity, ...place }, { metric, value: a(value), direction, low: a(range.low), typical: range.typical === null ? null : a(range.typical), high: a(range.high), source: range.source });
}

/** Months a festival ratio is read in (calendar month → metric). */
const FESTIVAL_MONTHS: Record<string, Metric> = { '06': 'june-peak', '10': 'october-ramp', '11': 'november-peak' };
/** October must rise only before a November peak: November at least this multiple of the average month. */
const NOVEMBER_PEAK = 1.5;
/** Marketing channels paid for traffic, whose ROAS and CAC are judged (affiliates are paid on sales, private domain is owned). */
const PAID_KINDS = new Set(['sem', 'paid-ads', 'livestream', 'kol', 'social', 'content']);

export function plausibilityFindings(input: PlanInput, view: PlausibilityView): OutOfRange[] {
  const base: RangeContext = { sector: sectorOf(input), taxpayer: input.plan.company.taxpayer ?? 'general' };
  const own = input.plan.assumptions?.ranges ?? [];
  const out: OutOfRange[] = [];
  const plan = ref('plan', input.plan.id);
  const judge = (metric: Metric, value: number | null | undefined, context: RangeContext, place: PlanPlace, entity: EntityRef = plan) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const range = rangeFor(metric, context, own);
    const direction = range && outside(value, range);
    if (range && direction) out.push(outOfRange(metric, value, direction, range, entity, place));
  };

  const company = input.plan.company;
  judge('vat-rate', company.vatRate, base, { file: 'plan', path: ['company', 'vatRate'] });
  judge('income-tax-rate', company.incomeTaxRate, base, { file: 'plan', path: ['company', 'incomeTaxRate'] });

  const channels = input.channels?.channels ?? [];
  channels.forEach((ch, i) => {
    const entity = ref('channel', ch.id);
    const at = (...path: PathSegment[]): PlanPlace => ({ file: 'channels', path: ['channels', i, ...path] });
    const context: RangeContext = { ...base, platform: ch.platform, selling: selling(ch.platform, ch.model), affiliates: (ch.fees.affiliate ?? 0) > 0 };
    judge('cvr', ch.funnel.cvr, context, at('funnel', 'cvr'), entity);
    judge('return-rate', ch.funnel.returnRate, context, at('funnel', 'returnRate'), entity);
    if (ch.funnel.growth !== undefined) judge('traffic-growth', ch.funnel.growth, context, at('funnel', 'growth'), entity);
    judge('commission', ch.fees.commission, context, at('fees', 'commission'), entity);
    judge('shipping-per-order', ch.fulfilment?.shippingPerOrder, context, at('fulfilment', 'shippingPerOrder'), entity);
    judge('warehousing-per-order', ch.fulfilment?.costPerOrder, context, at('fulfilment', 'costPerOrder'), entity);
    const r = view.channels[ch.id];
    if (!r || r.totals.gmv <= 0) return;
    const feeAt = context.platform === 'douyin' && context.affiliates ? at('fees', 'affiliate') : at('fees', 'commission');
    judge('fee-share', (r.totals.platformFees + r.totals.paymentFees) / r.totals.gmv, context, feeAt, entity);
    if (r.totals.orders > 0) judge('aov', r.totals.gmv / r.totals.orders, context, at('funnel', 'aov'), entity);
  });
  out.push(...festivalChecks(input, view, base, own));

  const users = input.users;
  const stages = users?.lifecycle?.stages ?? [];
  const revenue = stages.findIndex((s) => s.stage === 'revenue' && s.rate !== undefined);
  if (revenue >= 0) judge('repurchase-rate', view.users.repurchaseRate, base, { file: 'users', path: ['lifecycle', 'stages', revenue, 'rate'] }, ref('stage', stages[revenue]!.id));

  const marketing = input.marketing;
  const platformOf = new Map(channels.map((c) => [c.id, c.platform]));
  (marketing?.channels ?? []).forEach((mc, i) => {
    const r = view.marketing.channels[mc.id];
    if (!r || !PAID_KINDS.has(mc.kind)) return;
    const entity = ref('marketing-channel', mc.id);
    const context: RangeContext = { ...base, platform: platformOf.get(mc.drives[0]!) };
    const price = mc.pricing.type === 'cpc' ? 'cpc' : mc.pricing.type === 'cpm' ? 'cpm' : mc.pricing.type === 'cps' ? 'rate' : 'visitors';
    const place: PlanPlace = { file: 'marketing', path: ['channels', i, 'pricing', ...(price in mc.pricing ? [price] : [])] };
    judge('roas', r.roas, context, place, entity);
    judge('cac', r.cac, context, place, entity);
  });
  if (marketing?.privateDomain) judge('push-cvr', marketing.privateDomain.pushCvr, base, { file: 'marketing', path: ['privateDomain', 'pushCvr'] });
  const gmv = Object.values(view.channels).reduce((s, c) => s + c.totals.gmv, 0);
  if (marketing?.channels?.length && gmv > 0) judge('marketing-share', view.marketing.totals.spend / gmv, base, { file: 'marketing', path: ['channels'], key: true });

  if (input.supply?.inventory) judge('inventory-days', view.supply.daysOfInventory, base, { file: 'supply', path: ['inventory'], key: true });
  if (input.org?.payroll) judge('social-insurance', input.org.payroll.socialInsuranceRate, base, { file: 'org', path: ['payroll', 'socialInsuranceRate'] });
  return out;
}

function selling(platform: string, model: string): Selling {
  return model === 'livestream' || model === 'content' || platform === 'douyin' || platform === 'kuaishou' ? 'livestream' : 'shelf';
}

/**
 * June, October and November against the average month, for each seasonality profile of the sales channels: the
 * GMV of the channels that follow it (promotions included), over a horizon of whole years.
 */
function festivalChecks(input: PlanInput, view: PlausibilityView, base: RangeContext, own: Parameters<typeof rangeFor>[2]): OutOfRange[] {
  const profiles = input.targets?.seasonality ?? [];
  const groups = new Map<number, string[]>();
  for (const ch of input.channels?.channels ?? []) {
    const k = profiles.findIndex((p) => p.id === ch.seasonality);
    if (k >= 0 && view.channels[ch.id]) groups.set(k, [...(groups.get(k) ?? []), ch.id]);
  }
  const out: OutOfRange[] = [];
  for (const [k, ids] of groups) {
    const months = Object.keys(view.channels[ids[0]!]!.gmv);
    if (months.length === 0 || months.length % 12 !== 0) continue;
    const gmv = (m: string) => ids.reduce((s, id) => s + (view.channels[id]!.gmv[m] ?? 0), 0);
    const average = months.reduce((s, m) => s + gmv(m), 0) / months.length;
    if (average <= 0) continue;
    const multiple = (m: string) => gmv(m) / average;
    for (const m of months) {
      const metric = FESTIVAL_MONTHS[m.slice(5)];
      if (!metric) continue;
      if (metric === 'october-ramp') {
        const november = `${m.slice(0, 5)}11`;
        if (!months.includes(november) || multiple(november) < NOVEMBER_PEAK) continue;
      }
      const range = rangeFor(metric, base, own);
      const value = multiple(m);
      const direction = range && outside(value, range);
      if (!range || !direction) continue;
      const profile = profiles[k]!;
      const place: PlanPlace = m in profile.shares ? { file: 'targets', path: ['seasonality', k, 'shares', m] } : { file: 'targets', path: ['seasonality', k, 'shares'], key: true };
      out.push(outOfRange(metric, value, direction, range, ref('seasonality', profile.id), place));
    }
  }
  return out;
}
