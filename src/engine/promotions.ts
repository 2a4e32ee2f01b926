// Promotions: what each promotion does in the sales model (sales.ts) — baseline and promotion GMV over the window,
// depth of the discount, margin of the SKUs on offer, break-even uplift d / (m − d), gross-profit impact, costs,
// presale timing of GMV and cash — and overlaps.
//
// The sales model applies every promotion to the units and prices of the SKUs it covers on the days it runs, so
// its GMV is in the channels' GMV exactly once; this report shows each promotion on its own:
//   baseline      = everyday sales of the covered SKUs (listed, or all) on the channel on the window's days (a
//                   month's everyday sales spread evenly over its days)
//   depth d, price depth: promotion-terms.ts, against the channel's everyday AOV (from its SKUs) in the window
//   margin m      = 1 − cost of the baseline units ÷ baseline GMV excl. VAT: the margin of what is on offer at the
//                   channels' everyday prices; a channel no SKU sells on counts the SKUs' COGS ratio; when the window
//                   has no baseline, the listed SKUs' margin at their price (weighted by forecast), else 1 − COGS ratio
//   break-even uplift = d ÷ (m − d), null when m ≤ d (no uplift pays for it); 0 when d = 0
//   promo GMV     = baseline × (1 + expected uplift) × (1 − price depth)   (GMV at what the merchant is paid)
//   gross-profit impact = gross profit with the promotion − without, on revenue excl. VAT:
//                   Σ channels baseline ÷ (1 + VAT) × ((1 + uplift) × (m − d) − m)
//                   It includes the discount, expected coupon redemptions and gifts (all inside d), not the fixed budget,
//                   not platform fees.
//   net profit impact = gross-profit impact − budget (campaign budget; coupons and gifts are already in d)
//   fixed cost    = budget + Σ coupon budgets (cash committed to the promotion); gift cost = gift cost per order × orders,
//                   orders = baseline units × (1 + uplift) ÷ units per order
//   presale       = orders placed from depositStart until the day before balanceStart: their deposit is cash on the
//                   order day, the balance and the GMV (order completion) land in the month of balanceStart;
//                   orders from balanceStart on are spot sales (GMV and cash on the day)
// Days outside the horizon have no baseline; money is rounded to the fen and monthly series are split by
// largest remainder, so a series adds up to its total.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { amount, ref, type Unit } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import type { ProductsResult } from '../model/result/products.ts';
import { explainAs } from './explain.ts';
import type { InputLabel, LabelledInput } from '../model/result/explanation.ts';
import { fen, seriesOf } from './series.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { daysByMonth, rangesOverlap } from './calendar.ts';
import { finiteRatio, vatRateOf } from './pricing.ts';
import type { PromotionResult } from '../model/result/promotions.ts';
import type { PromotionChannelSales, SalesNumbers } from './sales.ts';
import { num, windowDays, type Mechanic, type Promotion, type PromotionTerms } from './promotion-terms.ts';

/** Each number a mechanic can hold, with its label and unit in explanations. */
const MECHANIC_FIELDS = [
  ['rate', 'mechanicRate', 'rate'],
  ['threshold', 'mechanicThreshold', 'money'],
  ['off', 'mechanicOff', 'money'],
  ['value', 'mechanicValue', 'money'],
  ['redemptionRate', 'mechanicRedemptionRate', 'rate'],
  ['costPerOrder', 'mechanicCostPerOrder', 'money'],
  ['depositBonus', 'mechanicDepositBonus', 'money'],
] as const satisfies ReadonlyArray<readonly [keyof Mechanic, InputLabel, Unit]>;

export function computePromotions(input: PlanInput, months: readonly string[], sales: SalesNumbers, products: Pick<ProductsResult, 'cogsRatio'>): Record<string, PromotionResult> {
  const vat = vatRateOf(input);
  const promotions = input.promotions?.promotions ?? [];
  const vatWritten = input.plan.company.vatRate !== undefined;
  const skuIndex = new Map(sales.skuIds.map((id, s) => [id, s]));
  const results = promotions.map((p, i): PromotionResult => {
    const { terms, channels: sold } = sales.promotions[i]!;
    const src = (path: string) => ({ file: 'promotions.yaml', path: `promotions[${i}].${path}` });
    const mechanics = terms.mechanics;
    const of = (type: string) => mechanics.map((m, k) => ({ m, k })).filter(({ m }) => m.type === type);
    const u = terms.uplift;
    const days = windowDays(p);
    const channelIds = sold.map((c) => sales.channels[c.channel]!.id);

    const baselineExact = sold.reduce((acc, c) => acc + c.baselineGmv, 0);
    const weighted = (pick: (c: { depth: number; priceDepth: number }) => number) => {
      if (sold.length === 0) return pick(terms.depthAt(0, 0));
      return finiteRatio(sold.reduce((acc, c) => acc + c.baselineGmv * pick(c), 0), baselineExact) ?? sold.reduce((acc, c) => acc + pick(c), 0) / sold.length;
    };
    const depth = weighted((c) => c.depth);
    const priceDepth = weighted((c) => c.priceDepth);

    // Margin of what is on offer, at the channels' everyday prices.
    let cost = 0;
    let net = 0;
    let costKnown = true;
    for (const c of sold) {
      const n = c.baselineGmv / (1 + vat);
      net += n;
      if (sales.channels[c.channel]!.productDriven) cost += c.baselineCost;
      else if (products.cogsRatio !== null) cost += n * products.cogsRatio;
      else if (n > 0) costKnown = false;
    }
    const margin = net > 0 && costKnown ? 1 - cost / net : fallbackMargin(terms.skus, channelIds);
    const breakEvenUplift = margin === null ? null : depth === 0 ? 0 : margin <= depth ? null : depth / (margin - depth);
    const belowBreakEven = margin !== null && (breakEvenUplift === null || u < breakEvenUplift);

    const gmvExact = new Float64Array(months.length);
    const cashExact = new Float64Array(months.length);
    let promoExact = 0;
    let ordersExact = 0;
    for (const c of sold) {
      promoExact += c.promoGmv;
      ordersExact += c.orders;
      for (let m = 0; m < months.length; m++) {
        gmvExact[m]! += c.gmvByMonth[m]!;
        cashExact[m]! += c.cashByMonth[m]!;
      }
    }
    const promoGmv = fen(promoExact);
    const baselineGmv = fen(baselineExact);
    const gmvByMonth = spread(months, gmvExact, promoGmv);
    const cashByMonth = spread(months, cashExact, fen(cashExact.reduce((a, b) => a + b, 0)));

    const budget = num(p.budget);
    const giftExact = giftOrders(sold, terms, months.length);
    const { fixedCost, giftCost, costByMonth } = promotionCost(p, terms, months, giftExact);

    const grossProfitImpact = margin === null ? null : fen(sold.reduce((acc, c) => acc + (c.baselineGmv / (1 + vat)) * ((1 + u) * (margin - c.depth) - margin), 0));

    const mechanicSources = mechanics.flatMap((m, k) =>
      MECHANIC_FIELDS.filter(([f]) => m[f] !== undefined).map(([f, label, unit]): LabelledInput => ({ label, mechanic: m.type, value: m[f] as number, unit, source: src(`mechanics[${k}].${f}`) })),
    );
    const upliftInput: LabelledInput = { label: 'expectedUplift', value: u, unit: 'rate', source: src('expectedUplift') };
    const budgetInput: LabelledInput[] = p.budget !== undefined ? [{ label: 'budget', value: budget, unit: 'money', source: src('budget') }] : [];
    const skusInput: LabelledInput[] = p.skus ? [{ label: 'skus', value: p.skus.map((id) => ref('sku', id)), source: src('skus') }] : [];
    const marginInput: LabelledInput = { label: 'margin', value: margin, unit: 'rate' };
    const depthInput: LabelledInput = { label: 'depth', value: depth, unit: 'rate' };
    const presale = of('presale')[0];
    return {
      id: p.id,
      index: i,
      name: p.name,
      kind: p.kind,
      start: p.start,
      end: p.end,
      days,
      channels: channelIds,
      skus: p.skus ? [...p.skus] : null,
      baselineGmv,
      depth,
      priceDepth,
      margin,
      breakEvenUplift,
      expectedUplift: u,
      belowBreakEven,
      promoGmv,
      incrementalGmv: fen(promoGmv - baselineGmv),
      grossProfitImpact,
      netProfitImpact: grossProfitImpact === null ? null : fen(grossProfitImpact - budget),
      fixedCost,
      giftCost,
      orders: ordersExact,
      gmvByMonth,
      cashByMonth,
      costByMonth,
      overlaps: [],
      byChannel: Object.fromEntries(
        sold.map((c) => [sales.channels[c.channel]!.id, { baselineGmv: fen(c.baselineGmv), depth: c.depth, priceDepth: c.priceDepth, promoGmv: fen(c.promoGmv) }]),
      ),
      explain: {
        days: explainAs('promotion.days', [
          { label: 'start', value: p.start, source: src('start') },
          { label: 'end', value: p.end, source: src('end') },
        ]),
        baselineGmv: explainAs('promotion.baseline', [{ label: 'channels', value: channelIds.map((id) => ref('channel', id)), source: src('channels') }, ...skusInput], { scope: p.skus ? 'skus' : 'channel' }),
        depth: explainAs('promotion.depth', [
          ...mechanicSources,
          ...sold.map((c): LabelledInput => ({ label: 'channelAov', of: ref('channel', sales.channels[c.channel]!.id), value: c.aov === null ? null : fen(c.aov), unit: 'money' })),
        ]),
        margin: explainAs(margin === null ? 'promotion.marginUnknown' : 'promotion.margin', skusInput),
        breakEvenUplift: explainAs('promotion.breakEvenUplift', [depthInput, marginInput]),
        belowBreakEven: explainAs('promotion.belowBreakEven', [upliftInput, { label: 'breakEvenUplift', value: breakEvenUplift, unit: 'rate' }]),
        promoGmv: explainAs('promotion.promoGmv', [upliftInput, { label: 'baseline', value: baselineGmv, unit: 'money' }]),
        incrementalGmv: explainAs('promotion.incrementalGmv'),
        grossProfitImpact: explainAs('promotion.grossProfitImpact', [
          upliftInput,
          marginInput,
          depthInput,
          { label: 'vatRate', value: vat, unit: 'rate', ...(vatWritten ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) },
        ]),
        netProfitImpact: explainAs('promotion.netProfitImpact', budgetInput),
        fixedCost: explainAs('promotion.fixedCost', [
          ...budgetInput,
          ...of('coupon').filter(({ m }) => m.budget !== undefined).map(({ m, k }): LabelledInput => ({ label: 'couponBudget', value: num(m.budget), unit: 'money', source: src(`mechanics[${k}].budget`) })),
        ]),
        giftCost: explainAs('promotion.giftCost', of('gift').map(({ m, k }): LabelledInput => ({ label: 'giftCostPerOrder', value: num(m.costPerOrder), unit: 'money', source: src(`mechanics[${k}].costPerOrder`) }))),
        gmvByMonth: presale
          ? explainAs('promotion.gmvByMonthPresale', [{ label: 'balanceStart', value: presale.m.balanceStart ?? null, source: src(`mechanics[${presale.k}].balanceStart`) }])
          : explainAs('promotion.gmvByMonth'),
        cashByMonth: presale
          ? explainAs('promotion.cashByMonthPresale', [{ label: 'depositShare', value: terms.deposit, unit: 'rate', source: src(`mechanics[${presale.k}].deposit`) }])
          : explainAs('promotion.cashByMonth'),
        costByMonth: explainAs('promotion.costByMonth'),
      },
    };
  });
  results.forEach((r, i) => {
    const p = promotions[i]!;
    r.overlaps = promotions.filter((q, k) => k !== i && rangesOverlap(p, q) && q.channels.some((c) => p.channels.includes(c))).map((q) => q.id);
  });
  return Object.fromEntries(results.map((r) => [r.id, r]));

  /** Margin of the listed SKUs (all without a list) that sell on one of the channels, at their price, weighted by forecast units. */
  function fallbackMargin(listed: ReadonlySet<string> | null, channelIds: readonly string[]): number | null {
    const skus = input.products?.skus ?? [];
    let weight = 0;
    let sum = 0;
    let count = 0;
    let plain = 0;
    for (const sku of skus) {
      if (listed && !listed.has(sku.id)) continue;
      if (channelIds.length && sku.channels && !channelIds.some((c) => sku.channels!.includes(c))) continue;
      const s = skuIndex.get(sku.id)!;
      const netPrice = sales.price[s]! / (1 + vat);
      if (netPrice <= 0) continue;
      const rate = (netPrice - sales.cost[s]!) / netPrice;
      const w = sales.forecastUnits[s]!;
      weight += w;
      sum += w * rate;
      count++;
      plain += rate;
    }
    if (count > 0) return weight > 0 ? sum / weight : plain / count;
    return listed || products.cogsRatio === null ? null : 1 - products.cogsRatio;
  }
}

/**
 * Every promotion's cost by month, keyed by id as computePromotions keys them: all that the P&L reads of the
 * promotions, so model reruns (scenarios, the tornado, what it would take) skip the rest of the report.
 */
export function promotionCosts(input: PlanInput, months: readonly string[], sales: SalesNumbers): Record<string, Series> {
  return Object.fromEntries(
    (input.promotions?.promotions ?? []).map((p, i) => {
      const { terms, channels: sold } = sales.promotions[i]!;
      return [p.id, promotionCost(p, terms, months, giftOrders(sold, terms, months.length)).costByMonth];
    }),
  );
}

/** Gift cost by month (exact): each channel's promotion orders × gift cost per order, in channel order. */
function giftOrders(sold: readonly PromotionChannelSales[], terms: PromotionTerms, M: number): Float64Array {
  const giftExact = new Float64Array(M);
  for (const c of sold) for (let m = 0; m < M; m++) giftExact[m]! += c.ordersByMonth[m]! * terms.giftPerOrder;
  return giftExact;
}

/** Fixed cost (budget + coupon budgets) spread over the window's days, plus the gift cost on the order days. */
function promotionCost(p: Promotion, terms: PromotionTerms, months: readonly string[], giftExact: Float64Array): { fixedCost: number; giftCost: number; costByMonth: Series } {
  const days = windowDays(p);
  const fixedCost = fen(num(p.budget) + terms.mechanics.filter((m) => m.type === 'coupon').reduce((acc, m) => acc + num(m.budget), 0));
  const giftCost = fen(giftExact.reduce((a, b) => a + b, 0));
  const fixedExact = new Float64Array(months.length);
  const monthIndex = new Map(months.map((m, k) => [m, k]));
  let daysInside = 0;
  for (const part of daysByMonth(p.start, p.end)) {
    const k = monthIndex.get(part.month);
    if (k === undefined || days <= 0) continue;
    fixedExact[k]! += (fixedCost * part.days) / days;
    daysInside += part.days;
  }
  const costExact = fixedExact.map((v, k) => v + giftExact[k]!);
  const costByMonth = spread(months, costExact, daysInside === days ? fen(fixedCost + giftCost) : fen(costExact.reduce((a, b) => a + b, 0)));
  return { fixedCost, giftCost, costByMonth };
}

/** Exact amounts by month → Series in fen by largest remainder, adding up to `totalYuan`. */
function spread(months: readonly string[], exact: Float64Array, totalYuan: number): Series {
  const totalMinor = toMinor(totalYuan);
  const parts = allocate(Number.isFinite(totalMinor) ? totalMinor : 0, exact);
  return seriesOf(months, (_, k) => fromMinor(parts[k] ?? 0));
}

/**
 * Findings: promotions that lose money on every sale (depth ≥ margin: an error), promotions whose expected uplift
 * is below break-even, and overlapping promotions on a shared channel (once per pair, on the first of the two).
 */
export function promotionsFindings(result: Record<string, PromotionResult>): Finding[] {
  const out: Finding[] = [];
  const rate = (x: number) => amount(x, 'rate');
  for (const r of Object.values(result)) {
    const subject = (field: string, key?: boolean) => ({ entity: ref('promotion', r.id), file: 'promotions' as const, path: ['promotions', r.index, field], ...(key ? { key } : {}) });
    if (r.margin === null) continue;
    if (r.depth > 0 && r.depth >= r.margin) out.push(finding('promotion-margin', subject('mechanics', true), { depth: rate(r.depth), margin: rate(r.margin) }));
    else if (r.breakEvenUplift !== null && r.expectedUplift < r.breakEvenUplift) {
      out.push(finding('promotion-below-break-even', subject('expectedUplift'), { expectedUplift: rate(r.expectedUplift), breakEvenUplift: rate(r.breakEvenUplift), depth: rate(r.depth), margin: rate(r.margin) }));
    }
  }
  const seen = new Set<string>();
  for (const r of Object.values(result)) {
    for (const other of r.overlaps) {
      const o = result[other];
      const key = [r.id, other].sort().join('\u0000');
      if (!o || seen.has(key)) continue;
      seen.add(key);
      out.push(
        finding('promotion-overlap', { entity: ref('promotion', r.id), file: 'promotions', path: ['promotions', r.index, 'start'] }, {
          other: ref('promotion', other),
          from: r.start > o.start ? r.start : o.start,
          to: r.end < o.end ? r.end : o.end,
          channels: r.channels.filter((c) => o.channels.includes(c)).map((c) => ref('channel', c)),
        }),
      );
    }
  }
  return out;
}
