// Channels & funnel: per sales channel and month, traffic (visitors × CVR = everyday orders), then — once the
// sales model (sales.ts) has filled the orders with SKUs — the money lines: GMV, returns, VAT, COGS, platform and
// payment fees, fulfilment cost, new and returning customers.
//
//   visitors      = funnel.visitors × N × seasonality share of the month × (1 + growth)^(month index), 0 before launch
//                   (N = months in the horizon, 12 for a year; an even 1/N share when the channel has no profile)
//   everyday orders = visitors × cvr                    (counts are kept as decimals, never rounded)
//   units, orders, GMV, refunds, COGS                   from sales.ts: units by the mix at the SKUs' prices, with the
//                   promotions; orders = units ÷ units per order; a channel no SKU sells on: GMV = orders × stated AOV
//   netSales      = gmv − refunds                       (incl. VAT)
//   vat           = netSales − netSales ÷ (1 + VAT rate)
//   netRevenue    = netSales − vat
//   cogs          = units kept × unit cost (a channel no SKU sells on: net revenue × the SKUs' COGS ratio)
//   platformFees  = netSales × (commission + points + affiliate + otherRate) + annualFee ÷ 12 (from launch):
//                   charged on net sales, since platforms refund their commission on refunded orders
//   paymentFees   = gmv × paymentFee                    (payment fees are not returned with refunds)
//   fulfilment    = orders × (costPerOrder + shippingPerOrder)
//   newCustomers  = orders × newCustomerShare; returningCustomers = orders − newCustomers
// Money is rounded to the fen per month (so gmv = refunds + netSales and netSales = vat + netRevenue exactly).
import type { ChannelsFile, PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import { explainAs } from './explain.ts';
import type { LabelledInput } from '../model/result/explanation.ts';
import { fen, seriesOf, total } from './series.ts';
import { finiteRatio, vatRateOf } from './pricing.ts';
import { FUNNEL_KEYS, type FunnelKey, MONEY_KEYS, type ChannelResult, type FunnelTotals } from '../model/result/funnel.ts';
import type { SalesNumbers, Traffic } from './sales.ts';

type Channel = NonNullable<ChannelsFile['channels']>[number];

export interface FunnelResult {
  channels: Record<string, ChannelResult>;
  totals: FunnelTotals;
}

/** Visitors and everyday orders (visitors × CVR) per channel and month. */
export function computeTraffic(input: PlanInput, months: readonly string[]): Traffic {
  const n = months.length;
  const profiles = new Map((input.targets?.seasonality ?? []).map((p) => [p.id, p]));
  return {
    channels: (input.channels?.channels ?? []).map((ch) => {
      const f = ch.funnel;
      const profile = ch.seasonality ? profiles.get(ch.seasonality) : undefined;
      const growth = f.growth ?? 0;
      const visitors = Float64Array.from(months, (m, k) => {
        if (ch.launch && m < ch.launch) return 0;
        const v = f.visitors * n * (profile ? (profile.shares[m] ?? 0) : 1 / n) * Math.pow(1 + growth, k);
        return Number.isFinite(v) ? v : 0;
      });
      return { id: ch.id, visitors, orders: visitors.map((v) => (Number.isFinite(v * f.cvr) ? v * f.cvr : 0)) };
    }),
  };
}

/**
 * The channels' funnels and money lines from their traffic and sales. `cogsRatio`: COGS per yuan of net revenue
 * of the SKUs sold (products.ts), for channels no SKU sells on; null when the plan has no products.
 */
export function computeFunnel(input: PlanInput, months: readonly string[], traffic: Traffic, sales: SalesNumbers, cogsRatio: number | null): FunnelResult {
  const vatRate = vatRateOf(input);
  const profiles = new Map((input.targets?.seasonality ?? []).map((p, k) => [p.id, k]));
  const channels = (input.channels?.channels ?? []).map((ch, i) => computeChannel(input, ch, i, months, vatRate, profiles, traffic, sales, cogsRatio));
  const totals = Object.fromEntries(
    FUNNEL_KEYS.map((key) => [key, seriesOf(months, (m) => sumOf(channels.map((c) => c[key][m]!), MONEY_KEYS.has(key)))]),
  ) as Record<FunnelKey, Series>;
  const sums = totalsOf(totals);
  return {
    channels: Object.fromEntries(channels.map((c) => [c.id, c])),
    totals: {
      ...totals,
      totals: sums,
      aov: finiteRatio(sums.gmv, sums.orders),
      cvr: finiteRatio(sums.orders, sums.visitors),
      returnRate: finiteRatio(sums.refunds, sums.gmv),
    },
  };
}

function computeChannel(
  input: PlanInput,
  ch: Channel,
  i: number,
  months: readonly string[],
  vatRate: number,
  profiles: Map<string, number>,
  traffic: Traffic,
  sales: SalesNumbers,
  cogsRatio: number | null,
): ChannelResult {
  const src = (path: string) => ({ file: 'channels.yaml', path: `channels[${i}].${path}` });
  const f = ch.funnel;
  const fees = ch.fees;
  const n = months.length;
  const profile = ch.seasonality !== undefined && profiles.has(ch.seasonality) ? { id: ch.seasonality, index: profiles.get(ch.seasonality)! } : undefined;
  const growth = f.growth ?? 0;
  const rate = fees.commission + (fees.points ?? 0) + (fees.affiliate ?? 0) + (fees.otherRate ?? 0);
  const annualFee = fees.annualFee ?? 0;
  const active = (m: string) => !ch.launch || m >= ch.launch;
  const perOrder = fulfilmentCost(input, ch, i);
  const sold = sales.channels[i]!;
  const seen = traffic.channels[i]!;
  const extra = ch as Channel & { everydayDiscount?: number; mix?: unknown };
  const funnel = f as Channel['funnel'] & { unitsPerOrder?: number; returnRateByCategory?: Record<string, number> };

  const visitors = seriesOf(months, (_, k) => seen.visitors[k]!);
  const orders = seriesOf(months, (_, k) => sold.orders[k]!);
  const units = seriesOf(months, (_, k) => sold.units[k]!);
  const gmv = seriesOf(months, (_, k) => fen(sold.gmv[k]!));
  const refunds = seriesOf(months, (_, k) => fen(sold.refunds[k]!));
  const netSales = seriesOf(months, (m) => fen(gmv[m]! - refunds[m]!));
  const vat = seriesOf(months, (m) => fen(netSales[m]! - netSales[m]! / (1 + vatRate)));
  const netRevenue = seriesOf(months, (m) => fen(netSales[m]! - vat[m]!));
  const cogs = seriesOf(months, (m, k) => fen(sold.productDriven ? sold.cogs[k]! : netRevenue[m]! * (cogsRatio ?? 0)));
  const platformFees = seriesOf(months, (m) => fen(netSales[m]! * rate + (active(m) ? annualFee / 12 : 0)));
  const paymentFees = seriesOf(months, (m) => fen(gmv[m]! * fees.paymentFee));
  const fulfilment = seriesOf(months, (m) => fen(orders[m]! * perOrder.total));
  const newCustomers = seriesOf(months, (m) => orders[m]! * f.newCustomerShare);
  const returningCustomers = seriesOf(months, (m) => orders[m]! - newCustomers[m]!);
  const series: Record<FunnelKey, Series> = { visitors, orders, units, gmv, refunds, netSales, vat, netRevenue, cogs, platformFees, paymentFees, fulfilment, newCustomers, returningCustomers };
  const totals = totalsOf(series);
  const aov = finiteRatio(totals.gmv, totals.orders);
  const statedAov = f.aov ?? null;
  const unitsTotal = total(units);
  const categories = Object.fromEntries(
    sales.categories.flatMap((id, k) => {
      let u = 0;
      let g = 0;
      for (let m = 0; m < n; m++) {
        u += sold.categoryUnits[k * n + m]!;
        g += sold.categoryGmv[k * n + m]!;
      }
      return u > 0 || g > 0 ? [[id, { units: u, gmv: fen(g), unitsShare: finiteRatio(u, unitsTotal) }]] : [];
    }),
  );

  const vatInput: LabelledInput = { label: 'vatRate', value: vatRate, unit: 'rate', ...(input.plan.company.vatRate !== undefined ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) };
  const feeLabels = { points: 'pointsRate', affiliate: 'affiliateRate', otherRate: 'otherFeeRate' } as const;
  const feeInputs: LabelledInput[] = [
    { label: 'commission', value: fees.commission, unit: 'rate', source: src('fees.commission') },
    ...(['points', 'affiliate', 'otherRate'] as const).filter((k) => fees[k] !== undefined).map((k): LabelledInput => ({ label: feeLabels[k], value: fees[k]!, unit: 'rate', source: src(`fees.${k}`) })),
    ...(fees.annualFee !== undefined ? [{ label: 'annualFee', value: fees.annualFee, unit: 'money', source: src('fees.annualFee') } as const] : []),
    { label: 'feeRate', value: round6(rate), unit: 'rate' },
  ];
  const upoInput: LabelledInput = { label: 'unitsPerOrder', value: sold.unitsPerOrder, unit: 'number', ...(funnel.unitsPerOrder !== undefined ? { source: src('funnel.unitsPerOrder') } : {}) };
  const discountInput: LabelledInput = { label: 'everydayDiscount', value: sold.everydayDiscount, unit: 'rate', ...(extra.everydayDiscount !== undefined ? { source: src('everydayDiscount') } : {}) };
  const mixInput: LabelledInput =
    sold.mode === 'forecast'
      ? { label: 'mix', value: { word: 'mixForecast' } }
      : { label: 'mix', value: { word: sold.mode === 'skus' ? 'mixSkus' : 'mixCategories' }, source: src(`mix.${sold.mode}`) };
  const returnInputs: LabelledInput[] = [
    { label: 'returnRate', value: f.returnRate, unit: 'rate', source: src('funnel.returnRate') },
    ...Object.entries(funnel.returnRateByCategory ?? {}).map(([k, r]): LabelledInput => ({ label: 'returnRateOf', of: ref('category', k), value: r, unit: 'rate', source: src(`funnel.returnRateByCategory.${k}`) })),
  ];
  const cvrInput: LabelledInput = { label: 'cvr', value: f.cvr, unit: 'rate', source: src('funnel.cvr') };
  return {
    id: ch.id,
    index: i,
    name: ch.name,
    ...series,
    totals,
    productDriven: sold.productDriven,
    mixMode: sold.mode,
    unitsPerOrder: sold.unitsPerOrder,
    everydayDiscount: sold.everydayDiscount,
    aov,
    statedAov,
    aovGap: aov !== null && statedAov ? aov / statedAov - 1 : null,
    unfilledOrders: sold.unfilledOrders.reduce((a, b) => a + b, 0),
    categories,
    fulfilmentPerOrder: perOrder.total,
    explain: {
      visitors: explainAs(
        'funnel.visitors',
        [
          { label: 'monthlyVisitors', value: f.visitors, unit: 'count', source: src('funnel.visitors') },
          ...(profile ? [{ label: 'seasonality', value: ref('seasonality', profile.id), source: { file: 'targets.yaml', path: `seasonality[${profile.index}].shares` } } as const] : []),
          { label: 'growth', value: growth, unit: 'rate', ...(f.growth !== undefined ? { source: src('funnel.growth') } : {}) },
          ...(ch.launch ? [{ label: 'launch', value: ch.launch, source: src('launch') } as const] : []),
        ],
        { months: n, seasonal: profile ? 'yes' : 'no', launch: ch.launch ? 'yes' : 'no' },
      ),
      orders: sold.productDriven ? explainAs('funnel.ordersFromUnits', [cvrInput, upoInput]) : explainAs('funnel.orders', [cvrInput]),
      units: sold.productDriven ? explainAs('funnel.unitsFromMix', [upoInput, mixInput]) : explainAs('funnel.units', [upoInput]),
      gmv: sold.productDriven
        ? explainAs('funnel.gmvFromSkus', [discountInput, mixInput])
        : explainAs('funnel.gmvFromAov', [{ label: 'statedAov', value: statedAov, unit: 'money', ...(f.aov !== undefined ? { source: src('funnel.aov') } : {}) }]),
      aov: explainAs('funnel.aov', [
        { label: 'gmv', value: totals.gmv, unit: 'money' },
        { label: 'orders', value: totals.orders, unit: 'count' },
        ...(f.aov !== undefined ? [{ label: 'statedAov', value: f.aov, unit: 'money', source: src('funnel.aov') } as const] : []),
      ]),
      refunds: explainAs('funnel.refunds', returnInputs),
      netSales: explainAs('sales.netSales'),
      vat: explainAs('sales.vat', [vatInput]),
      netRevenue: explainAs('sales.netRevenue'),
      cogs: sold.productDriven ? explainAs('funnel.cogsFromSkus', returnInputs) : explainAs('funnel.cogsFromRatio', [{ label: 'cogsRatio', value: cogsRatio, unit: 'rate' }]),
      platformFees: explainAs('funnel.platformFees', feeInputs),
      paymentFees: explainAs('funnel.paymentFees', [{ label: 'paymentFeeRate', value: fees.paymentFee, unit: 'rate', source: src('fees.paymentFee') }]),
      fulfilment: explainAs('funnel.fulfilment', perOrder.inputs),
      newCustomers: explainAs('funnel.newCustomers', [{ label: 'newCustomerShare', value: f.newCustomerShare, unit: 'rate', source: src('funnel.newCustomerShare') }]),
      returningCustomers: explainAs('funnel.returningCustomers'),
    },
  };
}

/** Default of channels.yaml `aovTolerance`. */
export const AOV_TOLERANCE = 0.1;

/** A stated AOV that the SKUs sold miss by more than `tolerance`: a finding at the AOV's line. */
export function funnelFindings(channels: Record<string, ChannelResult>, tolerance = AOV_TOLERANCE): Finding[] {
  const out: Finding[] = [];
  for (const c of Object.values(channels)) {
    if (!c.productDriven || c.aov === null || c.statedAov === null || c.aovGap === null || Math.abs(c.aovGap) <= tolerance + 1e-9) continue;
    const subject = { entity: ref('channel', c.id), file: 'channels' as const, path: ['channels', c.index, 'funnel', 'aov'] };
    out.push(finding('aov-gap', subject, { aov: amount(fen(c.aov), 'money'), statedAov: amount(c.statedAov, 'money'), gap: amount(c.aovGap, 'rate') }));
  }
  return out;
}

/**
 * Fulfilment cost per order: the channel's own `fulfilment` values, else from supply.yaml — the mean
 * `costPerOrder` of the warehouses serving the channel (a warehouse without `channels` serves all; when
 * none serves it, all warehouses) and the cheapest `costPerParcel` of the logistics serving it (likewise),
 * else 0.
 */
export function fulfilmentCost(input: PlanInput, ch: Channel, i: number): { total: number; inputs: LabelledInput[] } {
  const supply = input.supply;
  const serves = (x: { channels?: string[] }) => !x.channels || x.channels.includes(ch.id);
  let warehouse: number;
  const inputs: LabelledInput[] = [];
  if (ch.fulfilment?.costPerOrder !== undefined) {
    warehouse = ch.fulfilment.costPerOrder;
    inputs.push({ label: 'warehouseCostPerOrder', value: warehouse, unit: 'money', source: { file: 'channels.yaml', path: `channels[${i}].fulfilment.costPerOrder` } });
  } else {
    const all = (supply?.warehouses ?? []).map((w, k) => ({ w, k }));
    const serving = all.filter(({ w }) => serves(w));
    const pool = serving.length ? serving : all;
    warehouse = pool.length ? pool.reduce((s, { w }) => s + w.costPerOrder, 0) / pool.length : 0;
    if (pool.length === 0) inputs.push({ label: 'warehouseCostNone', value: 0, unit: 'money' });
    else if (pool.length === 1) inputs.push({ label: 'warehouseCostPerOrder', of: ref('warehouse', pool[0]!.w.id), value: warehouse, unit: 'money', source: { file: 'supply.yaml', path: `warehouses[${pool[0]!.k}].costPerOrder` } });
    else inputs.push({ label: 'warehouseCostMean', value: warehouse, unit: 'money' }, { label: 'warehouses', value: pool.map(({ w }) => ref('warehouse', w.id)) });
  }
  let shipping: number;
  if (ch.fulfilment?.shippingPerOrder !== undefined) {
    shipping = ch.fulfilment.shippingPerOrder;
    inputs.push({ label: 'shippingPerOrder', value: shipping, unit: 'money', source: { file: 'channels.yaml', path: `channels[${i}].fulfilment.shippingPerOrder` } });
  } else {
    const all = (supply?.logistics ?? []).map((l, k) => ({ l, k }));
    const serving = all.filter(({ l }) => serves(l));
    const pool = serving.length ? serving : all;
    const cheapest = pool.reduce<(typeof pool)[number] | undefined>((best, x) => (!best || x.l.costPerParcel < best.l.costPerParcel ? x : best), undefined);
    shipping = cheapest ? cheapest.l.costPerParcel : 0;
    inputs.push(
      cheapest
        ? { label: 'shippingCheapest', of: ref('logistics', cheapest.l.id), value: shipping, unit: 'money', source: { file: 'supply.yaml', path: `logistics[${cheapest.k}].costPerParcel` } }
        : { label: 'shippingNone', value: 0, unit: 'money' },
    );
  }
  const total = warehouse + shipping;
  return { total: Number.isFinite(total) ? total : 0, inputs };
}

function sumOf(values: number[], money: boolean): number {
  const s = values.reduce((a, b) => a + b, 0);
  return money ? fen(s) : s;
}

function totalsOf(series: Record<FunnelKey, Series>): Record<FunnelKey, number> {
  return Object.fromEntries(FUNNEL_KEYS.map((k) => [k, MONEY_KEYS.has(k) ? fen(total(series[k])) : total(series[k])])) as Record<FunnelKey, number>;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
