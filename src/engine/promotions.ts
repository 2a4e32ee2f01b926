// Promotions: baseline and promotion GMV over the window, depth of the discount, margin of the SKUs on offer,
// break-even uplift d / (m − d), gross-profit impact, costs, presale timing of GMV and cash, and overlaps.
//
// Definitions (per promotion; per channel where the channel's AOV matters, then weighted by baseline GMV):
//   baseline      = Σ over window days of the channel's daily GMV (month GMV ÷ days in month)
//                   × share of the listed SKUs in the GMV of the SKUs sold on that channel that month (1 without `skus`)
//   price depth   = Σ direct-discount rate + Σ threshold off ÷ max(threshold, AOV) + Σ coupon value × redemption ÷ AOV
//                   + presale share × Σ deposit bonus ÷ AOV − Σ platform-subsidy rate, kept within 0…1
//                   (the share of the price the merchant gives away; what the platform subsidises is paid to the merchant)
//   gift share    = Σ gift cost per order ÷ (AOV ÷ (1 + VAT)) — gift costs are excl. VAT, so they are compared with
//                   the order value excl. VAT, on the same footing as the margin
//   depth d       = price depth + gift share
//   margin m      = gross margin rate (on price excl. VAT) of the affected SKUs — those listed (or all) that sell on
//                   one of the promotion's channels — weighted by their GMV in the window's months (all months if 0);
//                   without products, 1 − products COGS ratio (null when unknown)
//   break-even uplift = d ÷ (m − d), null when m ≤ d (no uplift pays for it); 0 when d = 0
//   promo GMV     = baseline × (1 + expected uplift) × (1 − price depth)   (GMV at what the merchant is paid)
//   gross-profit impact = gross profit with the promotion − without, on revenue excl. VAT:
//                   Σ channels baseline ÷ (1 + VAT) × ((1 + uplift) × (m − d) − m)
//                   It includes the discount, expected coupon redemptions and gifts (all inside d), not the fixed budget,
//                   not platform fees.
//   net profit impact = gross-profit impact − budget (campaign budget; coupons and gifts are already in d)
//   fixed cost    = budget + Σ coupon budgets (cash committed to the promotion); gift cost = gift cost per order × orders,
//                   orders = baseline ÷ AOV × (1 + uplift)
//   presale       = orders placed from depositStart until the day before balanceStart: their deposit is cash on the
//                   order day, the balance and the GMV (order completion) land in the month of balanceStart;
//                   orders from balanceStart on are spot sales (GMV and cash on the day)
// Days outside the horizon have no baseline; money is rounded to the fen and monthly series are split by
// largest remainder, so a series adds up to its total.
import type { PlanInput, PromotionsFile } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import type { FunnelResult } from './funnel.ts';
import type { ProductsResult } from '../model/result/products.ts';
import { explain } from './explain.ts';
import { fen, seriesOf, total } from './series.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { datesInRange, daysByMonth, daysInMonth, daysInRange, rangesOverlap } from './calendar.ts';
import { finiteRatio, vatRateOf } from './pricing.ts';
import type { PromotionResult } from '../model/result/promotions.ts';
import { invariant } from '../model/invariant.ts';

type Promotion = NonNullable<PromotionsFile['promotions']>[number];
/** A promotion mechanic with every variant's fields optional (the generated union is hard to narrow). */
interface Mechanic {
  type: string;
  rate?: number;
  threshold?: number;
  off?: number;
  value?: number;
  minSpend?: number;
  redemptionRate?: number;
  budget?: number;
  costPerOrder?: number;
  deposit?: number;
  depositStart?: string;
  balanceStart?: string;
  depositBonus?: number;
}

/**
 * `index`: lookups over the SKUs of `products` (createSkuIndex(products)); pass one to share its work
 * between calls with the same products result (compute() does, within one call).
 */
export function computePromotions(
  input: PlanInput,
  months: readonly string[],
  funnel: FunnelResult,
  products: ProductsResult,
  index: SkuIndex = createSkuIndex(products),
): Record<string, PromotionResult> {
  invariant(index.products === products, 'computePromotions: the SKU index is not of these products');
  const vat = vatRateOf(input);
  const promotions = input.promotions?.promotions ?? [];
  const aovOf = new Map((input.channels?.channels ?? []).map((c) => [c.id, c.funnel.aov]));
  const vatWritten = input.plan.company.vatRate !== undefined;
  const results = promotions.map((p, i) => computePromotion(p, i, months, funnel, index, aovOf, vat, vatWritten));
  results.forEach((r, i) => {
    const p = promotions[i]!;
    r.overlaps = promotions
      .filter((q, k) => k !== i && rangesOverlap(p, q) && q.channels.some((c) => p.channels.includes(c)))
      .map((q) => q.id);
  });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

function computePromotion(
  p: Promotion,
  i: number,
  months: readonly string[],
  funnel: FunnelResult,
  index: SkuIndex,
  aovOf: Map<string, number>,
  vat: number,
  vatWritten: boolean,
): PromotionResult {
  const { products, sells } = index;
  const src = (path: string) => ({ file: 'promotions.yaml', path: `promotions[${i}].${path}` });
  const mechanics = p.mechanics as unknown as Mechanic[];
  const of = (type: string) => mechanics.map((m, k) => ({ m, k })).filter(({ m }) => m.type === type);
  const inHorizon = new Set(months);
  const channels = [...new Set(p.channels)].filter((c) => funnel.channels[c]);
  const listed = p.skus ? new Set(p.skus) : null;
  /** The listed SKUs that exist, in the order of `skus`. */
  const listedSkus = listed ? index.inOrder(listed) : null;
  const u = Math.max(0, Number.isFinite(p.expectedUplift) ? p.expectedUplift : 0);
  const days = daysInRange(p.start, p.end);
  const dates = datesInRange(p.start, p.end).filter((d) => inHorizon.has(d.slice(0, 7)));
  const windowMonths = [...new Set(dates.map((d) => d.slice(0, 7)))];
  const presale = of('presale')[0]?.m;
  const isPresale = (date: string) => !!presale?.depositStart && !!presale.balanceStart && date >= presale.depositStart && date < presale.balanceStart;
  const balanceMonth = presale?.balanceStart?.slice(0, 7);
  const deposit = clamp01(presale?.deposit ?? 0);

  /** Share of the listed SKUs in the GMV of the SKUs sold on the channel in the month. */
  const skuShare = (c: string, m: string): number => {
    if (!listedSkus) return 1;
    const all = index.channelGmv(c, m);
    const mine = listedSkus.filter((s) => sells(s, c)).reduce((s, k) => s + (k.gmv[m] ?? 0), 0);
    return finiteRatio(mine, all) ?? 0;
  };

  // Daily baseline per channel.
  const daily = new Map<string, Array<{ date: string; month: string; gmv: number }>>();
  for (const c of channels) {
    const ch = funnel.channels[c]!;
    const shares = new Map(windowMonths.map((m) => [m, skuShare(c, m)]));
    daily.set(
      c,
      dates.map((date) => {
        const month = date.slice(0, 7);
        return { date, month, gmv: ((ch.gmv[month] ?? 0) / daysInMonth(month)) * shares.get(month)! };
      }),
    );
  }
  const baselineOf = (c: string) => daily.get(c)!.reduce((s, d) => s + d.gmv, 0);
  const presaleShareOf = (c: string) => {
    const list = daily.get(c)!;
    const all = baselineOf(c);
    const pre = list.filter((d) => isPresale(d.date)).reduce((s, d) => s + d.gmv, 0);
    return finiteRatio(pre, all) ?? (finiteRatio(list.filter((d) => isPresale(d.date)).length, list.length) ?? 0);
  };

  const sum = (type: string, field: keyof Mechanic) => of(type).reduce((s, { m }) => s + num(m[field]), 0);
  const giftPerOrder = sum('gift', 'costPerOrder');
  const depthAt = (aov: number, presaleShare: number) => {
    const cut =
      sum('direct-discount', 'rate') +
      of('threshold').reduce((s, { m }) => s + (finiteRatio(num(m.off), Math.max(num(m.threshold), aov)) ?? 0), 0) +
      of('coupon').reduce((s, { m }) => s + (finiteRatio(num(m.value) * num(m.redemptionRate), aov) ?? 0), 0) +
      presaleShare * (finiteRatio(num(presale?.depositBonus), aov) ?? 0);
    const priceDepth = clamp01(cut - sum('platform-subsidy', 'rate'));
    const giftShare = finiteRatio(giftPerOrder * (1 + vat), aov) ?? 0;
    return { priceDepth, depth: priceDepth + giftShare };
  };
  const perChannel = new Map(channels.map((c) => [c, { baseline: baselineOf(c), aov: aovOf.get(c) ?? 0, ...depthAt(aovOf.get(c) ?? 0, presaleShareOf(c)) }]));
  const baselineExact = [...perChannel.values()].reduce((s, c) => s + c.baseline, 0);
  const weighted = (pick: (c: { depth: number; priceDepth: number }) => number) => {
    const list = [...perChannel.values()];
    if (list.length === 0) return pick(depthAt(0, 0));
    const byGmv = finiteRatio(list.reduce((s, c) => s + c.baseline * pick(c), 0), baselineExact);
    return byGmv ?? list.reduce((s, c) => s + pick(c), 0) / list.length;
  };
  const depth = weighted((c) => c.depth);
  const priceDepth = weighted((c) => c.priceDepth);

  // Margin of the affected SKUs, weighted by their GMV in the window's months.
  const margin = index.margin(listed, channels, windowMonths) ?? (listed || products.cogsRatio === null ? null : 1 - products.cogsRatio);
  const breakEvenUplift = margin === null ? null : depth === 0 ? 0 : margin <= depth ? null : depth / (margin - depth);
  const belowBreakEven = margin !== null && (breakEvenUplift === null || u < breakEvenUplift);

  // Promotion GMV, cash, orders and gift costs by month.
  const gmvExact = new Map<string, number>();
  const cashExact = new Map<string, number>();
  const giftExact = new Map<string, number>();
  let ordersExact = 0;
  const add = (map: Map<string, number>, m: string, v: number) => map.set(m, (map.get(m) ?? 0) + v);
  for (const c of channels) {
    const pc = perChannel.get(c)!;
    const factor = (1 + u) * (1 - pc.priceDepth);
    for (const d of daily.get(c)!) {
      const g = d.gmv * factor;
      const orders = (finiteRatio(d.gmv, pc.aov) ?? 0) * (1 + u);
      ordersExact += orders;
      add(giftExact, d.month, orders * giftPerOrder);
      if (isPresale(d.date) && balanceMonth) {
        add(gmvExact, balanceMonth, g);
        add(cashExact, d.month, g * deposit);
        add(cashExact, balanceMonth, g * (1 - deposit));
      } else {
        add(gmvExact, d.month, g);
        add(cashExact, d.month, g);
      }
    }
  }
  const promoGmv = fen(sumMap(gmvExact, months));
  const baselineGmv = fen(baselineExact);
  const allInHorizon = (map: Map<string, number>) => [...map.keys()].every((m) => inHorizon.has(m));
  const gmvByMonth = spread(months, gmvExact, allInHorizon(gmvExact) ? promoGmv : undefined);
  const cashByMonth = spread(months, cashExact, allInHorizon(cashExact) ? promoGmv : undefined);

  const budget = num(p.budget);
  const fixedCost = fen(budget + sum('coupon', 'budget'));
  const giftCost = fen(sumMap(giftExact, months));
  const fixedExact = new Map<string, number>();
  for (const part of daysByMonth(p.start, p.end)) if (inHorizon.has(part.month) && days > 0) add(fixedExact, part.month, (fixedCost * part.days) / days);
  const costExact = new Map(months.map((m) => [m, (fixedExact.get(m) ?? 0) + (giftExact.get(m) ?? 0)]));
  const wholeWindow = dates.length === days;
  const costByMonth = spread(months, costExact, wholeWindow ? fen(fixedCost + giftCost) : undefined);

  const grossProfitImpact =
    margin === null ? null : fen([...perChannel.values()].reduce((s, c) => s + (c.baseline / (1 + vat)) * ((1 + u) * (margin - c.depth) - margin), 0));

  const mechanicSources = mechanics.flatMap((m, k) =>
    (['rate', 'threshold', 'off', 'value', 'redemptionRate', 'costPerOrder', 'depositBonus'] as const)
      .filter((f) => m[f] !== undefined)
      .map((f) => ({ name: `${m.type} ${f}`, value: m[f] as number, source: src(`mechanics[${k}].${f}`) })),
  );
  const upliftInput = { name: 'expected uplift', value: u, source: src('expectedUplift') };
  return {
    id: p.id,
    index: i,
    name: p.name,
    kind: p.kind,
    start: p.start,
    end: p.end,
    days,
    channels,
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
      [...perChannel.entries()].map(([c, v]) => [c, { baselineGmv: fen(v.baseline), depth: v.depth, priceDepth: v.priceDepth, promoGmv: fen(v.baseline * (1 + u) * (1 - v.priceDepth)) }]),
    ),
    explain: {
      days: explain('days = end − start + 1', { name: 'start', value: p.start, source: src('start') }, { name: 'end', value: p.end, source: src('end') }),
      baselineGmv: explain(
        `baseline = Σ channels Σ window days channel GMV of the month ÷ days in the month${listed ? ' × share of the listed SKUs in the GMV of SKUs sold on the channel' : ''}`,
        { name: 'channels', value: channels.join(', '), source: src('channels') },
        ...(p.skus ? [{ name: 'SKUs', value: p.skus.join(', '), source: src('skus') }] : []),
      ),
      depth: explain(
        'd = direct-discount rate + threshold off ÷ max(threshold, AOV) + coupon value × redemption ÷ AOV + presale share × deposit bonus ÷ AOV − platform-subsidy rate (0…1) + gift cost ÷ (AOV ÷ (1 + VAT)); per channel, weighted by baseline GMV',
        ...mechanicSources,
        ...channels.map((c) => ({ name: `${c} AOV`, value: perChannel.get(c)!.aov })),
      ),
      margin: explain(
        margin === null ? 'margin unknown: no SKU prices' : `m = gross margin rate (price excl. VAT) of ${listed ? 'the listed SKUs' : 'all SKUs'} sold on the promotion's channels, weighted by their GMV in the window's months`,
        ...(p.skus ? [{ name: 'SKUs', value: p.skus.join(', '), source: src('skus') }] : []),
      ),
      breakEvenUplift: explain('break-even uplift = d ÷ (m − d); none when m ≤ d', { name: 'd', value: depth }, { name: 'm', value: margin ?? 'unknown' }),
      belowBreakEven: explain('below break-even when expected uplift < break-even uplift, or m ≤ d', upliftInput, { name: 'break-even uplift', value: breakEvenUplift ?? 'none' }),
      promoGmv: explain('promo GMV = baseline × (1 + uplift) × (1 − price depth), per channel', upliftInput, { name: 'baseline', value: baselineGmv }),
      incrementalGmv: explain('incremental GMV = promo GMV − baseline'),
      grossProfitImpact: explain(
        'gross-profit impact = GP with promotion − GP without = Σ channels baseline ÷ (1 + VAT) × ((1 + uplift) × (m − d) − m)',
        upliftInput,
        { name: 'm', value: margin ?? 'unknown' },
        { name: 'd', value: depth },
        { name: 'VAT rate', value: vat, ...(vatWritten ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) },
      ),
      netProfitImpact: explain('net profit impact = gross-profit impact − budget', ...(p.budget !== undefined ? [{ name: 'budget', value: budget, source: src('budget') }] : [])),
      fixedCost: explain(
        'fixed cost = budget + Σ coupon budgets',
        ...(p.budget !== undefined ? [{ name: 'budget', value: budget, source: src('budget') }] : []),
        ...of('coupon').filter(({ m }) => m.budget !== undefined).map(({ m, k }) => ({ name: 'coupon budget', value: num(m.budget), source: src(`mechanics[${k}].budget`) })),
      ),
      giftCost: explain('gift cost = gift cost per order × promotion orders (baseline ÷ AOV × (1 + uplift))', ...of('gift').map(({ m, k }) => ({ name: 'gift cost per order', value: num(m.costPerOrder), source: src(`mechanics[${k}].costPerOrder`) }))),
      gmvByMonth: explain(
        presale ? 'GMV by month: spot orders on their day; presale orders (deposit start … day before balance start) when the balance is paid' : 'GMV by month: orders on their day',
        ...(presale ? [{ name: 'balance start', value: presale.balanceStart ?? '', source: src(`mechanics[${of('presale')[0]!.k}].balanceStart`) }] : []),
      ),
      cashByMonth: explain(
        presale ? 'cash by month: spot orders on their day; presale deposit on the order day, balance in the month of balance start' : 'cash by month: orders on their day',
        ...(presale ? [{ name: 'deposit share', value: deposit, source: src(`mechanics[${of('presale')[0]!.k}].deposit`) }] : []),
      ),
      costByMonth: explain('cost by month = fixed cost spread over the window days + gift cost on the order days'),
    },
  };
}

type SkuResult = ProductsResult['skus'][string];

export interface SkuIndex {
  products: ProductsResult;
  /** The SKUs in the order of products.skus. */
  skus: SkuResult[];
  sells: (s: { channels: string[] | null }, c: string) => boolean;
  /** The SKUs with these ids, in the order of `skus` (ids that are no SKU left out). */
  inOrder: (ids: ReadonlySet<string>) => SkuResult[];
  /** GMV of the SKUs sold on the channel in the month, summed in the order of `skus`. */
  channelGmv: (channel: string, month: string) => number;
  /**
   * Margin of the affected SKUs — the listed ones (all SKUs without a list) that sell on one of the channels (any
   * SKU when there are no channels) — weighted by their GMV in the window's months; see marginOf.
   */
  margin: (listed: ReadonlySet<string> | null, channels: readonly string[], windowMonths: readonly string[]) => number | null;
}

/** Lookups over the SKUs of a products result that promotions share, each worked out once and kept. */
export function createSkuIndex(products: ProductsResult): SkuIndex {
  const skus = Object.values(products.skus);
  const position = new Map(skus.map((s, k) => [s, k]));
  const sells = (s: { channels: string[] | null }, c: string) => !s.channels || s.channels.includes(c);
  const available = new Map<string, SkuResult[]>();
  const sums = new Map<string, number>();
  const margins = new Map<string, number | null>();
  function inOrder(ids: ReadonlySet<string>): SkuResult[] {
    return [...ids]
      .filter((id) => Object.hasOwn(products.skus, id))
      .map((id) => products.skus[id]!)
      .sort((a, b) => position.get(a)! - position.get(b)!);
  }
  return {
    products,
    skus,
    sells,
    inOrder,
    channelGmv: (c, m) => {
      const key = `${c}\u0000${m}`;
      let sum = sums.get(key);
      if (sum === undefined) {
        let avail = available.get(c);
        if (!avail) available.set(c, (avail = skus.filter((s) => sells(s, c))));
        sum = avail.reduce((s, k) => s + (k.gmv[m] ?? 0), 0);
        sums.set(key, sum);
      }
      return sum;
    },
    margin: (listed, channels, windowMonths) => {
      const key = [listed ? `listed:${[...listed].join('\u0001')}` : 'all', channels.join('\u0001'), windowMonths.join('\u0001')].join('\u0000');
      let margin = margins.get(key);
      if (margin === undefined) {
        const affected = (listed ? inOrder(listed) : skus).filter((s) => channels.length === 0 || channels.some((c) => sells(s, c)));
        margin = marginOf(affected, windowMonths);
        margins.set(key, margin);
      }
      return margin;
    },
  };
}

function marginOf(skus: ReadonlyArray<{ gmv: Series; marginRate: number | null }>, windowMonths: readonly string[]): number | null {
  const priced = skus.filter((s) => s.marginRate !== null);
  if (priced.length === 0) return null;
  const weightIn = (s: { gmv: Series }) => windowMonths.reduce((sum, m) => sum + (s.gmv[m] ?? 0), 0);
  for (const weight of [weightIn, (s: { gmv: Series }) => total(s.gmv)]) {
    const weights = priced.map(weight);
    const w = weights.reduce((sum, x) => sum + x, 0);
    if (w > 0) return priced.reduce((sum, s, k) => sum + weights[k]! * s.marginRate!, 0) / w;
  }
  return priced.reduce((sum, s) => sum + s.marginRate!, 0) / priced.length;
}

/** Sum of a month map in a fixed order: the horizon's months first, then the others sorted. */
function sumMap(map: Map<string, number>, months: readonly string[]): number {
  const inside = months.reduce((s, m) => s + (map.get(m) ?? 0), 0);
  return inside + [...map.keys()].filter((m) => !months.includes(m)).sort().reduce((s, m) => s + map.get(m)!, 0);
}

/** A month map → Series in fen by largest remainder, adding up to `totalYuan` (default: the in-horizon sum). */
function spread(months: readonly string[], exact: Map<string, number>, totalYuan?: number): Series {
  const weights = months.map((m) => exact.get(m) ?? 0);
  const totalMinor = toMinor(totalYuan ?? fen(weights.reduce((a, b) => a + b, 0)));
  const parts = allocate(Number.isFinite(totalMinor) ? totalMinor : 0, weights);
  return seriesOf(months, (_, k) => fromMinor(parts[k] ?? 0));
}

function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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
