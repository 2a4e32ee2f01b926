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
import { explain } from './explain.ts';
import type { ExplainInput } from '../model/result/explanation.ts';
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

  const vatInput: ExplainInput = { name: 'VAT rate', value: vatRate, ...(input.plan.company.vatRate !== undefined ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) };
  const feeInputs: ExplainInput[] = [
    { name: 'commission', value: fees.commission, source: src('fees.commission') },
    ...(['points', 'affiliate', 'otherRate'] as const).filter((k) => fees[k] !== undefined).map((k) => ({ name: k, value: fees[k]!, source: src(`fees.${k}`) })),
    ...(fees.annualFee !== undefined ? [{ name: 'annual fee', value: fees.annualFee, source: src('fees.annualFee') }] : []),
  ];
  const upoInput: ExplainInput = { name: 'units per order', value: sold.unitsPerOrder, ...(funnel.unitsPerOrder !== undefined ? { source: src('funnel.unitsPerOrder') } : {}) };
  const discountInput: ExplainInput = { name: 'everyday discount', value: sold.everydayDiscount, ...(extra.everydayDiscount !== undefined ? { source: src('everydayDiscount') } : {}) };
  const mixInput: ExplainInput[] =
    sold.mode === 'forecast'
      ? [{ name: 'mix', value: 'SKU forecasts (forecast.monthlyUnits) of the SKUs on sale on the channel' }]
      : [{ name: 'mix', value: `shares by ${sold.mode === 'skus' ? 'SKU' : 'category'}`, source: src(`mix.${sold.mode}`) }];
  const returnInputs: ExplainInput[] = [
    { name: 'return rate', value: f.returnRate, source: src('funnel.returnRate') },
    ...Object.entries(funnel.returnRateByCategory ?? {}).map(([k, r]) => ({ name: `return rate of ${k}`, value: r, source: src(`funnel.returnRateByCategory.${k}`) })),
  ];
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
      visitors: explain(
        `visitors = monthly visitors × ${n} × ${profile ? `seasonality share of the month (${profile.id})` : `1/${n} (no seasonality profile)`} × (1 + growth)^(month index)${ch.launch ? ', 0 before launch' : ''}`,
        { name: 'monthly visitors', value: f.visitors, source: src('funnel.visitors') },
        ...(profile ? [{ name: 'seasonality', value: profile.id, source: { file: 'targets.yaml', path: `seasonality[${profile.index}].shares` } }] : []),
        { name: 'growth', value: growth, ...(f.growth !== undefined ? { source: src('funnel.growth') } : {}) },
        ...(ch.launch ? [{ name: 'launch', value: ch.launch, source: src('launch') }] : []),
      ),
      orders: sold.productDriven
        ? explain('orders = units ÷ units per order; everyday orders = visitors × CVR (months with no SKU on sale sell none), promotions add their uplift', { name: 'CVR', value: f.cvr, source: src('funnel.cvr') }, upoInput)
        : explain('orders = visitors × CVR (× promotion uplift on the days of a promotion for every SKU)', { name: 'CVR', value: f.cvr, source: src('funnel.cvr') }),
      units: sold.productDriven
        ? explain('units = everyday orders × units per order, shared among the SKUs on sale by the mix; × (1 + uplift) on the days of a promotion covering the SKU', upoInput, ...mixInput)
        : explain('units = orders × units per order (no SKU sells on this channel)', upoInput),
      gmv: sold.productDriven
        ? explain('GMV = Σ SKUs units × price × (1 − everyday discount) × (1 − promotion price depth on its days), rounded to ¥0.01', discountInput, ...mixInput)
        : explain('GMV = orders × stated AOV (no SKU sells on this channel), rounded to ¥0.01', { name: 'AOV', value: statedAov ?? 0, ...(f.aov !== undefined ? { source: src('funnel.aov') } : {}) }),
      aov: explain(
        'AOV = GMV ÷ orders (a result of the SKUs sold); the stated AOV is a check',
        { name: 'GMV', value: totals.gmv },
        { name: 'orders', value: totals.orders },
        ...(f.aov !== undefined ? [{ name: 'stated AOV', value: f.aov, source: src('funnel.aov') }] : []),
      ),
      refunds: explain('refunds = GMV × return rate (by category where the channel gives one)', ...returnInputs),
      netSales: explain('net sales = GMV − refunds (incl. VAT)'),
      vat: explain('VAT = net sales − net sales ÷ (1 + VAT rate)', vatInput),
      netRevenue: explain('net revenue = net sales − VAT'),
      cogs: sold.productDriven
        ? explain('COGS = Σ SKUs units kept × unit cost (excl. VAT); units kept = units × (1 − return rate): refunded goods go back to stock', ...returnInputs)
        : explain('COGS = net revenue × COGS ratio of the SKUs sold (no SKU sells on this channel)', { name: 'COGS ratio', value: cogsRatio ?? 0 }),
      platformFees: explain(`platform fees = net sales × (commission + points + affiliate + other) + annual fee ÷ 12 = net sales × ${round6(rate)}${annualFee ? ` + ${fen(annualFee / 12)}` : ''}; charged on net sales (GMV − refunds), since platforms refund their commission on refunded orders`, ...feeInputs),
      paymentFees: explain('payment fees = GMV × payment fee rate', { name: 'payment fee', value: fees.paymentFee, source: src('fees.paymentFee') }),
      fulfilment: explain('fulfilment = orders × (warehouse cost per order + shipping per order)', perOrder.warehouse, perOrder.shipping),
      newCustomers: explain('new customers = orders × new-customer share', { name: 'new-customer share', value: f.newCustomerShare, source: src('funnel.newCustomerShare') }),
      returningCustomers: explain('returning customers = orders − new customers'),
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
export function fulfilmentCost(input: PlanInput, ch: Channel, i: number): { total: number; warehouse: ExplainInput; shipping: ExplainInput } {
  const supply = input.supply;
  const serves = (x: { channels?: string[] }) => !x.channels || x.channels.includes(ch.id);
  let warehouse: ExplainInput;
  if (ch.fulfilment?.costPerOrder !== undefined) {
    warehouse = { name: 'warehouse cost per order', value: ch.fulfilment.costPerOrder, source: { file: 'channels.yaml', path: `channels[${i}].fulfilment.costPerOrder` } };
  } else {
    const all = (supply?.warehouses ?? []).map((w, k) => ({ w, k }));
    const serving = all.filter(({ w }) => serves(w));
    const pool = serving.length ? serving : all;
    const mean = pool.length ? pool.reduce((s, { w }) => s + w.costPerOrder, 0) / pool.length : 0;
    warehouse = {
      name: pool.length ? `warehouse cost per order (mean of ${pool.map(({ w }) => w.id).join(', ')})` : 'warehouse cost per order (none given)',
      value: mean,
      ...(pool.length === 1 ? { source: { file: 'supply.yaml', path: `warehouses[${pool[0]!.k}].costPerOrder` } } : {}),
    };
  }
  let shipping: ExplainInput;
  if (ch.fulfilment?.shippingPerOrder !== undefined) {
    shipping = { name: 'shipping per order', value: ch.fulfilment.shippingPerOrder, source: { file: 'channels.yaml', path: `channels[${i}].fulfilment.shippingPerOrder` } };
  } else {
    const all = (supply?.logistics ?? []).map((l, k) => ({ l, k }));
    const serving = all.filter(({ l }) => serves(l));
    const pool = serving.length ? serving : all;
    const cheapest = pool.reduce<(typeof pool)[number] | undefined>((best, x) => (!best || x.l.costPerParcel < best.l.costPerParcel ? x : best), undefined);
    shipping = cheapest
      ? { name: `shipping per order (cheapest: ${cheapest.l.id})`, value: cheapest.l.costPerParcel, source: { file: 'supply.yaml', path: `logistics[${cheapest.k}].costPerParcel` } }
      : { name: 'shipping per order (none given)', value: 0 };
  }
  const total = (warehouse.value as number) + (shipping.value as number);
  return { total: Number.isFinite(total) ? total : 0, warehouse, shipping };
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
