// Products: price and margin per SKU by its pricing method, weighted selection score and rank, the units, GMV,
// COGS and gross profit the channels sell of each SKU and category (sales.ts), product-matrix balance
// (traffic / profit / image) and slow-seller flags.
//
// Choices the plan leaves open:
// - price is the pricing method's price (`priceOf`); `listPrice` is only compared with it (finding price-mismatch);
// - units come from the channels (sales.ts); `forecast.monthlyUnits` × months on sale is the plan's own estimate,
//   compared with them (forecast-gap);
// - money reconciles: each month's GMV, refunds, net revenue and COGS of the channels SKUs sell on are split over the
//   SKUs by largest remainder in proportion to their exact values, so SKUs, categories and channels add up to the
//   same fen; gross profit = net revenue − COGS;
// - months of cover = how many months the opening stock (supply.yaml inventory.openingStock) lasts against the units
//   sold month by month (a gift box's stock for its January peak is not a year's stock of an average month); when it
//   outlasts the horizon, the months left over are counted at the average monthly sales; null when the stock is not
//   given or the SKU sells nothing;
// - last year's sell-through (售罄率) = lastYear.units ÷ (lastYear.units + opening stock): what was sold out of what
//   was available, the stock at the start of this plan being what was left over at the end of last year.
import type { PlanInput, ProductsFile } from '../model/plan-input.generated.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding, type SlowReason } from '../model/findings.ts';
import { explainAs } from './explain.ts';
import type { LabelledInput } from '../model/result/explanation.ts';
import { fen, seriesOf } from './series.ts';
import { finiteRatio, grossMarginRate, netPrice, pricingFormula, vatRateOf } from './pricing.ts';
import { allocateArray } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { type Role, ROLES, type SkuResult, type MatrixCell, type ProductsResult, type CategoryResult } from '../model/result/products.ts';
import type { ChannelResult } from '../model/result/funnel.ts';
import type { SalesNumbers } from './sales.ts';

type Sku = NonNullable<ProductsFile['skus']>[number];

/** COGS per yuan of net revenue (excl. VAT) of what the SKUs sell; null when they sell nothing. */
export function salesCogsRatio(sales: SalesNumbers): number | null {
  let cogs = 0;
  let net = 0;
  for (const c of sales.channels) {
    if (!c.productDriven) continue;
    for (let m = 0; m < c.gmv.length; m++) {
      cogs += c.cogs[m]!;
      net += (c.gmv[m]! - c.refunds[m]!) / (1 + sales.vatRate);
    }
  }
  return finiteRatio(cogs, net);
}

/** `channels`: the funnel's channel results, whose fen values the SKUs' money is split from. */
export function computeProducts(input: PlanInput, months: readonly string[], sales: SalesNumbers, channels: Record<string, ChannelResult>): ProductsResult {
  const products = input.products;
  const vat = vatRateOf(input);
  const criteria = products?.selectionCriteria ?? [];
  const openingStock = input.supply?.inventory?.openingStock;
  const slow = products?.slowSeller ?? {};
  const skus = products?.skus ?? [];
  const M = months.length;
  const S = skus.length;
  const vatInput: LabelledInput = { label: 'vatRate', value: vat, unit: 'rate', ...(input.plan.company.vatRate !== undefined ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) };

  // Month totals in fen of the channels SKUs sell on, split over the SKUs (largest remainder).
  const driven = sales.channels.filter((c) => c.productDriven).map((c) => channels[c.id]).filter((c): c is ChannelResult => c !== undefined);
  const monthTotal = (key: 'gmv' | 'refunds' | 'netRevenue' | 'cogs', m: string) => driven.reduce((sum, c) => sum + toMinor(c[key][m] ?? 0), 0);
  const split = (key: 'gmv' | 'refunds' | 'netRevenue' | 'cogs', exact: (s: number, m: number) => number): Float64Array => {
    const out = new Float64Array(S * M);
    const weights = new Float64Array(S);
    months.forEach((month, m) => {
      for (let s = 0; s < S; s++) weights[s] = exact(s, m);
      const parts = allocateArray(monthTotal(key, month), weights);
      for (let s = 0; s < S; s++) out[s * M + m] = parts[s]!;
    });
    return out;
  };
  const gmvFen = split('gmv', (s, m) => sales.skuGmv[s * M + m]!);
  const netFen = split('netRevenue', (s, m) => (sales.skuGmv[s * M + m]! - sales.skuRefunds[s * M + m]!) / (1 + vat));
  const cogsFen = split('cogs', (s, m) => sales.skuKept[s * M + m]! * sales.cost[s]!);
  const row = (arr: Float64Array, s: number) => seriesOf(months, (_, m) => fromMinor(arr[s * M + m]!));

  const results: SkuResult[] = skus.map((sku, i) => {
    const src = (path: string) => ({ file: 'products.yaml', path: `skus[${i}]${path ? `.${path}` : ''}` });
    const price = sales.price[i]!;
    const net = netPrice(price, vat);
    const marginRate = grossMarginRate(price, sku.cost, vat);
    const score = criteria.reduce((sum, c) => sum + c.weight * (sku.scores?.[c.id] ?? 0), 0);
    const units = seriesOf(months, (_, m) => sales.skuUnits[i * M + m]!);
    let sold = 0;
    let monthsOnSale = 0;
    for (let m = 0; m < M; m++) {
      sold += sales.skuUnits[i * M + m]!;
      monthsOnSale += sales.onSale[i * M + m]!;
    }
    const forecastUnits = sales.forecastUnits[i]!;
    const stock = openingStock?.[sku.id];
    const monthsOfCover = stock === undefined ? null : coverMonths(stock, sales.skuUnits.subarray(i * M, (i + 1) * M), monthsOnSale > 0 ? sold / monthsOnSale : 0);
    const sellThrough = sku.lastYear && stock !== undefined ? finiteRatio(sku.lastYear.units, sku.lastYear.units + stock) : null;
    const slowReasons: SlowReason[] = [];
    if (sku.status === 'phase-out') slowReasons.push({ reason: 'phase-out' });
    if (monthsOfCover !== null && slow.maxMonthsOfCover !== undefined && monthsOfCover > slow.maxMonthsOfCover) {
      slowReasons.push({ reason: 'months-of-cover', monthsOfCover: amount(monthsOfCover, 'months'), maximum: amount(slow.maxMonthsOfCover, 'months') });
    }
    if (stock !== undefined && stock > 0 && monthsOfCover === null) slowReasons.push({ reason: 'no-forecast', openingStock: amount(stock, 'count') });
    if (sellThrough !== null && slow.minSellThrough !== undefined && sellThrough < slow.minSellThrough) {
      slowReasons.push({ reason: 'sell-through', sellThrough: amount(sellThrough, 'rate'), minimum: amount(slow.minSellThrough, 'rate') });
    }
    const stockSource = { file: 'supply.yaml', path: `inventory.openingStock.${sku.id}` };
    const cogs = row(cogsFen, i);
    const costInput: LabelledInput = { label: 'cost', value: sku.cost, unit: 'money', source: src('cost') };
    const priceInput: LabelledInput = { label: 'price', value: price, unit: 'money' };
    const monthlyUnitsInput: LabelledInput = { label: 'monthlyUnits', value: sku.forecast.monthlyUnits, unit: 'count', source: src('forecast.monthlyUnits') };
    const stockInput: LabelledInput = { label: 'openingStock', value: stock ?? null, unit: 'count', ...(stock !== undefined ? { source: stockSource } : {}) };
    return {
      id: sku.id,
      index: i,
      name: sku.name,
      category: sku.category,
      role: sku.role,
      status: sku.status,
      channels: sku.channels ? [...sku.channels] : null,
      price,
      cost: sku.cost,
      unitMargin: fen(net - sku.cost),
      marginRate,
      score,
      rank: 0,
      units,
      gmv: row(gmvFen, i),
      cogs,
      grossProfit: seriesOf(months, (_, m) => fromMinor(netFen[i * M + m]! - cogsFen[i * M + m]!)),
      unitsSold: sold,
      forecastUnits,
      forecastGap: forecastUnits > 0 ? sold / forecastUnits - 1 : null,
      openingStock: stock ?? null,
      monthsOfCover,
      sellThrough,
      slowSeller: slowReasons.length > 0,
      slowReasons,
      explain: {
        price: explainAs(pricingFormula(sku.pricing), [costInput, ...pricingInputs(sku, src)]),
        unitMargin: explainAs('product.unitMargin', [priceInput, vatInput, costInput]),
        marginRate: explainAs('product.marginRate', [priceInput, vatInput, costInput]),
        score: explainAs(
          'product.score',
          criteria.flatMap((c, k): LabelledInput[] => [
            { label: 'criterionWeight', of: ref('criterion', c.id), value: c.weight, unit: 'number', source: { file: 'products.yaml', path: `selectionCriteria[${k}].weight` } },
            { label: 'criterionScore', of: ref('criterion', c.id), value: sku.scores?.[c.id] ?? 0, unit: 'score', ...(sku.scores?.[c.id] !== undefined ? { source: src(`scores.${c.id}`) } : {}) },
          ]),
        ),
        units: explainAs('product.units', [
          monthlyUnitsInput,
          ...(sku.launch ? [{ label: 'launch', value: sku.launch, source: src('launch') } as const] : []),
          ...(sku.status === 'phase-out' && stock !== undefined ? [{ label: 'phaseOutStock', value: stock, unit: 'count', source: stockSource } as const] : []),
        ]),
        gmv: explainAs('product.gmv', [priceInput]),
        cogs: explainAs('product.cogs', [costInput]),
        grossProfit: explainAs('product.grossProfit', [vatInput]),
        forecastGap: explainAs('product.forecastGap', [monthlyUnitsInput, { label: 'monthsOnSale', value: monthsOnSale, unit: 'months' }]),
        monthsOfCover: explainAs('product.monthsOfCover', [stockInput, { label: 'unitsSold', value: sold, unit: 'count' }]),
        sellThrough: explainAs('product.sellThrough', [
          { label: 'lastYearUnits', value: sku.lastYear?.units ?? null, unit: 'count', ...(sku.lastYear ? { source: src('lastYear.units') } : {}) },
          stockInput,
        ]),
        slowSeller: explainAs('product.slowSeller', [
          ...(slow.maxMonthsOfCover !== undefined ? [{ label: 'maxMonthsOfCover', value: slow.maxMonthsOfCover, unit: 'months', source: { file: 'products.yaml', path: 'slowSeller.maxMonthsOfCover' } } as const] : []),
          ...(slow.minSellThrough !== undefined ? [{ label: 'minSellThrough', value: slow.minSellThrough, unit: 'rate', source: { file: 'products.yaml', path: 'slowSeller.minSellThrough' } } as const] : []),
        ]),
      },
    };
  });

  const ranking = results
    .map((r, i) => [r, i] as const)
    .sort((a, b) => b[0].score - a[0].score || a[1] - b[1])
    .map(([r]) => r.id);
  // Each id's first result, as a search from the start would find it (one lookup per id, not a scan).
  const byId = new Map<string, SkuResult>();
  for (const r of results) if (!byId.has(r.id)) byId.set(r.id, r);
  ranking.forEach((id, k) => {
    const r = byId.get(id);
    if (r) r.rank = k + 1;
  });

  // Totals per SKU, per category and per month, in fen: sums of the split parts, so they add up exactly.
  const gmvTotal = new Float64Array(S);
  const gpTotal = new Float64Array(S);
  const month = { units: new Float64Array(M), gmv: new Float64Array(M), cogs: new Float64Array(M), gp: new Float64Array(M) };
  const K = sales.categories.length;
  const cat = { units: new Float64Array(K * M), gmv: new Float64Array(K * M), cogs: new Float64Array(K * M), gp: new Float64Array(K * M) };
  for (let s = 0; s < S; s++) {
    const k = sales.skuCategory[s]!;
    for (let m = 0; m < M; m++) {
      const i = s * M + m;
      const gp = netFen[i]! - cogsFen[i]!;
      gmvTotal[s]! += gmvFen[i]!;
      gpTotal[s]! += gp;
      month.units[m]! += sales.skuUnits[i]!;
      month.gmv[m]! += gmvFen[i]!;
      month.cogs[m]! += cogsFen[i]!;
      month.gp[m]! += gp;
      cat.units[k * M + m]! += sales.skuUnits[i]!;
      cat.gmv[k * M + m]! += gmvFen[i]!;
      cat.cogs[k * M + m]! += cogsFen[i]!;
      cat.gp[k * M + m]! += gp;
    }
  }
  const allGmv = gmvTotal.reduce((a, b) => a + b, 0);
  const allProfit = gpTotal.reduce((a, b) => a + b, 0);
  const matrix = Object.fromEntries(
    ROLES.map((role) => {
      const inRole = results.filter((r) => r.role === role);
      return [
        role,
        {
          skus: inRole.length,
          gmvShare: finiteRatio(inRole.reduce((s, r) => s + gmvTotal[r.index]!, 0), allGmv),
          grossProfitShare: finiteRatio(inRole.reduce((s, r) => s + gpTotal[r.index]!, 0), allProfit),
        },
      ];
    }),
  ) as Record<Role, MatrixCell>;
  const names = new Map((products?.categories ?? []).map((c) => [c.id, c.name]));
  const categories: Record<string, CategoryResult> = {};
  sales.categories.forEach((id, k) => {
    const money = (arr: Float64Array) => seriesOf(months, (_, m) => fromMinor(arr[k * M + m]!));
    categories[id] = { id, name: names.get(id) ?? id, units: seriesOf(months, (_, m) => cat.units[k * M + m]!), gmv: money(cat.gmv), cogs: money(cat.cogs), grossProfit: money(cat.gp) };
  });

  return {
    skus: Object.fromEntries(results.map((r) => [r.id, r])),
    categories,
    ranking,
    matrix,
    cogsRatio: salesCogsRatio(sales),
    units: seriesOf(months, (_, m) => month.units[m]!),
    gmv: seriesOf(months, (_, m) => fromMinor(month.gmv[m]!)),
    cogs: seriesOf(months, (_, m) => fromMinor(month.cogs[m]!)),
    grossProfit: seriesOf(months, (_, m) => fromMinor(month.gp[m]!)),
  };
}

/** A list price may differ from the pricing method's price by this share before it is a finding. */
export const PRICE_TOLERANCE = 0.01;

/** Default of products.yaml `forecastTolerance`. */
export const FORECAST_TOLERANCE = 0.2;

/**
 * Findings for people to look at: slow sellers, SKUs sold below cost, list prices off their pricing method, and
 * SKUs (not being phased out) whose channels sell more or less than their stated forecast by more than `tolerance`.
 */
export function productsFindings(result: ProductsResult, input: PlanInput, tolerance = FORECAST_TOLERANCE): Finding[] {
  const out: Finding[] = [];
  const written = input.products?.skus ?? [];
  for (const sku of Object.values(result.skus)) {
    const subject = (...path: Array<string | number>) => ({ entity: ref('sku', sku.id), file: 'products' as const, path: ['skus', sku.index, ...path] });
    // A phase-out SKU sells until its stock is gone (clearances included): the stock projection checks it.
    if (sku.status !== 'phase-out' && sku.forecastGap !== null && Math.abs(sku.forecastGap) > tolerance + 1e-9) {
      out.push(finding('forecast-gap', subject('forecast', 'monthlyUnits'), { unitsSold: amount(sku.unitsSold, 'count'), forecastUnits: amount(sku.forecastUnits, 'count'), gap: amount(sku.forecastGap, 'rate') }));
    }
    if (sku.slowSeller) out.push(finding('slow-seller', subject(), { reasons: sku.slowReasons }));
    if (sku.unitMargin < 0) {
      const money = (v: number) => amount(v, 'money');
      out.push(finding('margin-negative', subject('cost'), { price: money(sku.price), netPrice: money(fen(sku.unitMargin + sku.cost)), cost: money(sku.cost), unitMargin: money(sku.unitMargin) }));
    }
    const listPrice = written[sku.index]?.listPrice;
    if (listPrice !== undefined) {
      const off = sku.price > 0 ? Math.abs(listPrice - sku.price) / sku.price : listPrice > 0 ? Infinity : 0;
      if (off > PRICE_TOLERANCE) {
        out.push(
          finding('price-mismatch', subject('listPrice'), {
            listPrice: amount(listPrice, 'money'),
            price: amount(sku.price, 'money'),
            pricing: written[sku.index]!.pricing.type,
            apart: Number.isFinite(off) ? amount(off, 'rate') : null,
          }),
        );
      }
    }
  }
  return out;
}

/** Months `stock` lasts against `units` by month; past the horizon at `average` a month; null when nothing sells. */
function coverMonths(stock: number, units: ArrayLike<number>, average: number): number | null {
  if (stock <= 0) return 0;
  let left = stock;
  for (let m = 0; m < units.length; m++) {
    const u = units[m]!;
    if (u >= left && u > 0) return m + left / u;
    left -= u;
  }
  const beyond = finiteRatio(left, average);
  return beyond === null ? null : units.length + beyond;
}

function pricingInputs(sku: Sku, src: (path: string) => { file: string; path: string }): LabelledInput[] {
  const p = sku.pricing as { type: string; markup?: number; reference?: number; position?: number; price?: number };
  if (p.type === 'cost-plus') return [{ label: 'markup', value: p.markup ?? 0, unit: 'rate', source: src('pricing.markup') }];
  if (p.type === 'competitor')
    return [
      { label: 'referencePrice', value: p.reference ?? 0, unit: 'money', source: src('pricing.reference') },
      { label: 'position', value: p.position ?? 0, unit: 'rate', source: src('pricing.position') },
    ];
  return [{ label: 'valuePrice', value: p.price ?? 0, unit: 'money', source: src('pricing.price') }];
}
