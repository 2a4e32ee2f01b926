// Channels & funnel: per sales channel and month, visitors × CVR = orders, orders × AOV = GMV; returns,
// VAT, platform and payment fees and fulfilment cost; new and returning customers.
//
//   visitors      = funnel.visitors × N × seasonality share of the month × (1 + growth)^(month index), 0 before launch
//                   (N = months in the horizon, 12 for a year; an even 1/N share when the channel has no profile)
//   orders        = visitors × cvr                      (counts are kept as decimals, never rounded)
//   gmv           = orders × aov                        (incl. VAT, before refunds)
//   refunds       = gmv × returnRate
//   netSales      = gmv − refunds                       (incl. VAT)
//   vat           = netSales − netSales ÷ (1 + VAT rate)
//   netRevenue    = netSales − vat
//   platformFees  = netSales × (commission + points + affiliate + otherRate) + annualFee ÷ 12 (from launch)
//   paymentFees   = gmv × paymentFee                    (payment fees are not returned with refunds)
//   fulfilment    = orders × (costPerOrder + shippingPerOrder)
//   newCustomers  = orders × newCustomerShare; returningCustomers = orders − newCustomers
// Money is rounded to the fen per month (so gmv = refunds + netSales and netSales = vat + netRevenue exactly).
import type { ChannelsFile, PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { explain } from './explain.ts';
import type { ExplainInput } from '../model/result/explanation.ts';
import { fen, seriesOf, total } from './series.ts';
import { finiteRatio, vatRateOf } from './pricing.ts';
import { FUNNEL_KEYS, type FunnelKey, MONEY_KEYS, type ChannelResult, type FunnelTotals } from '../model/result/funnel.ts';

type Channel = NonNullable<ChannelsFile['channels']>[number];

export interface FunnelResult {
  channels: Record<string, ChannelResult>;
  totals: FunnelTotals;
}

export function computeFunnel(input: PlanInput, months: readonly string[]): FunnelResult {
  const vatRate = vatRateOf(input);
  const profiles = new Map((input.targets?.seasonality ?? []).map((p, k) => [p.id, { ...p, index: k }]));
  const channels = (input.channels?.channels ?? []).map((ch, i) => computeChannel(input, ch, i, months, vatRate, profiles));
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
  profiles: Map<string, { id: string; shares: Record<string, number | undefined>; index: number }>,
): ChannelResult {
  const src = (path: string) => ({ file: 'channels.yaml', path: `channels[${i}].${path}` });
  const f = ch.funnel;
  const fees = ch.fees;
  const n = months.length;
  const profile = ch.seasonality ? profiles.get(ch.seasonality) : undefined;
  const growth = f.growth ?? 0;
  const rate = fees.commission + (fees.points ?? 0) + (fees.affiliate ?? 0) + (fees.otherRate ?? 0);
  const annualFee = fees.annualFee ?? 0;
  const active = (m: string) => !ch.launch || m >= ch.launch;
  const perOrder = fulfilmentCost(input, ch, i);

  const visitors = seriesOf(months, (m, k) => (active(m) ? f.visitors * n * (profile ? (profile.shares[m] ?? 0) : 1 / n) * Math.pow(1 + growth, k) : 0));
  const orders = seriesOf(months, (m) => visitors[m]! * f.cvr);
  const gmv = seriesOf(months, (m) => fen(orders[m]! * f.aov));
  const refunds = seriesOf(months, (m) => fen(gmv[m]! * f.returnRate));
  const netSales = seriesOf(months, (m) => fen(gmv[m]! - refunds[m]!));
  const vat = seriesOf(months, (m) => fen(netSales[m]! - netSales[m]! / (1 + vatRate)));
  const netRevenue = seriesOf(months, (m) => fen(netSales[m]! - vat[m]!));
  const platformFees = seriesOf(months, (m) => fen(netSales[m]! * rate + (active(m) ? annualFee / 12 : 0)));
  const paymentFees = seriesOf(months, (m) => fen(gmv[m]! * fees.paymentFee));
  const fulfilment = seriesOf(months, (m) => fen(orders[m]! * perOrder.total));
  const newCustomers = seriesOf(months, (m) => orders[m]! * f.newCustomerShare);
  const returningCustomers = seriesOf(months, (m) => orders[m]! - newCustomers[m]!);
  const series: Record<FunnelKey, Series> = { visitors, orders, gmv, refunds, netSales, vat, netRevenue, platformFees, paymentFees, fulfilment, newCustomers, returningCustomers };

  const vatInput: ExplainInput = { name: 'VAT rate', value: vatRate, ...(input.plan.company.vatRate !== undefined ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) };
  const feeInputs: ExplainInput[] = [
    { name: 'commission', value: fees.commission, source: src('fees.commission') },
    ...(['points', 'affiliate', 'otherRate'] as const).filter((k) => fees[k] !== undefined).map((k) => ({ name: k, value: fees[k]!, source: src(`fees.${k}`) })),
    ...(fees.annualFee !== undefined ? [{ name: 'annual fee', value: fees.annualFee, source: src('fees.annualFee') }] : []),
  ];
  return {
    id: ch.id,
    name: ch.name,
    ...series,
    totals: totalsOf(series),
    fulfilmentPerOrder: perOrder.total,
    explain: {
      visitors: explain(
        `visitors = monthly visitors × ${n} × ${profile ? `seasonality share of the month (${profile.id})` : `1/${n} (no seasonality profile)`} × (1 + growth)^(month index)${ch.launch ? ', 0 before launch' : ''}`,
        { name: 'monthly visitors', value: f.visitors, source: src('funnel.visitors') },
        ...(profile ? [{ name: 'seasonality', value: profile.id, source: { file: 'targets.yaml', path: `seasonality[${profile.index}].shares` } }] : []),
        { name: 'growth', value: growth, ...(f.growth !== undefined ? { source: src('funnel.growth') } : {}) },
        ...(ch.launch ? [{ name: 'launch', value: ch.launch, source: src('launch') }] : []),
      ),
      orders: explain('orders = visitors × CVR', { name: 'CVR', value: f.cvr, source: src('funnel.cvr') }),
      gmv: explain('GMV = orders × AOV (incl. VAT), rounded to ¥0.01', { name: 'AOV', value: f.aov, source: src('funnel.aov') }),
      refunds: explain('refunds = GMV × return rate', { name: 'return rate', value: f.returnRate, source: src('funnel.returnRate') }),
      netSales: explain('net sales = GMV − refunds (incl. VAT)'),
      vat: explain('VAT = net sales − net sales ÷ (1 + VAT rate)', vatInput),
      netRevenue: explain('net revenue = net sales − VAT'),
      platformFees: explain(`platform fees = net sales × (commission + points + affiliate + other) + annual fee ÷ 12 = net sales × ${round6(rate)}${annualFee ? ` + ${fen(annualFee / 12)}` : ''}`, ...feeInputs),
      paymentFees: explain('payment fees = GMV × payment fee rate', { name: 'payment fee', value: fees.paymentFee, source: src('fees.paymentFee') }),
      fulfilment: explain('fulfilment = orders × (warehouse cost per order + shipping per order)', perOrder.warehouse, perOrder.shipping),
      newCustomers: explain('new customers = orders × new-customer share', { name: 'new-customer share', value: f.newCustomerShare, source: src('funnel.newCustomerShare') }),
      returningCustomers: explain('returning customers = orders − new customers'),
    },
  };
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
