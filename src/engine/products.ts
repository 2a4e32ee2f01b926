// Products: price and margin per SKU by its pricing method, weighted selection score and rank, monthly
// unit and GMV forecast, product-matrix balance (traffic / profit / image) and slow-seller flags.
//
// Choices the plan leaves open:
// - price is the pricing method's price (`priceOf`); `listPrice` is only compared with it (finding price-mismatch);
// - units: `forecast.monthlyUnits` in every month the SKU is on sale, i.e. from its `launch` month (all horizon
//   months when it has none). A `phase-out` SKU is not reordered, so when its opening stock is known its sales
//   stop once that stock is sold (cumulative units ≤ opening stock); without an opening stock it sells all year;
// - months of cover = opening stock (supply.yaml inventory.openingStock) ÷ monthlyUnits; null when the stock is
//   not given or the SKU has no forecast sales;
// - last year's sell-through (售罄率) = lastYear.units ÷ (lastYear.units + opening stock): what was sold out of what
//   was available, the stock at the start of this plan being what was left over at the end of last year.
import type { PlanInput, ProductsFile } from '../model/plan-input.generated.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding, type SlowReason } from '../model/findings.ts';
import { explain } from './explain.ts';
import { fen, seriesOf, zeros } from './series.ts';
import { finiteRatio, grossMarginRate, netPrice, priceOf, pricingFormula, vatRateOf } from './pricing.ts';
import { type Role, ROLES, type SkuResult, type MatrixCell, type ProductsResult } from '../model/result/products.ts';

type Sku = NonNullable<ProductsFile['skus']>[number];

export function computeProducts(input: PlanInput, months: readonly string[]): ProductsResult {
  const products = input.products;
  const vat = vatRateOf(input);
  const criteria = products?.selectionCriteria ?? [];
  const openingStock = input.supply?.inventory?.openingStock;
  const slow = products?.slowSeller ?? {};
  const skus = products?.skus ?? [];
  const vatInput = { name: 'VAT rate', value: vat, ...(input.plan.company.vatRate !== undefined ? { source: { file: 'plan.yaml', path: 'company.vatRate' } } : {}) };

  const results: SkuResult[] = skus.map((sku, i) => {
    const src = (path: string) => ({ file: 'products.yaml', path: `skus[${i}]${path ? `.${path}` : ''}` });
    const price = priceOf(sku.pricing, sku.cost);
    const net = netPrice(price, vat);
    const marginRate = grossMarginRate(price, sku.cost, vat);
    const score = criteria.reduce((sum, c) => sum + c.weight * (sku.scores?.[c.id] ?? 0), 0);
    const monthly = Math.max(0, sku.forecast.monthlyUnits);
    const stock = openingStock?.[sku.id];
    let left = stock ?? Infinity;
    const units = seriesOf(months, (m) => {
      if (sku.launch && m < sku.launch) return 0;
      if (sku.status !== 'phase-out') return monthly;
      const sold = Math.min(monthly, left);
      left -= sold;
      return sold;
    });
    const monthsOfCover = stock === undefined ? null : finiteRatio(stock, monthly);
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
      gmv: seriesOf(months, (m) => fen(units[m]! * price)),
      cogs: seriesOf(months, (m) => fen(units[m]! * sku.cost)),
      openingStock: stock ?? null,
      monthsOfCover,
      sellThrough,
      slowSeller: slowReasons.length > 0,
      slowReasons,
      explain: {
        price: explain(pricingFormula(sku.pricing), { name: 'cost', value: sku.cost, source: src('cost') }, ...pricingInputs(sku, src)),
        unitMargin: explain('unit margin = price ÷ (1 + VAT rate) − cost (cost excl. VAT, price incl. VAT)', { name: 'price', value: price }, vatInput, { name: 'cost', value: sku.cost, source: src('cost') }),
        marginRate: explain('margin rate = (price ÷ (1 + VAT rate) − cost) ÷ (price ÷ (1 + VAT rate))', { name: 'price', value: price }, vatInput, { name: 'cost', value: sku.cost, source: src('cost') }),
        score: explain(
          'score = Σ criterion weight × score (a missing score counts 0)',
          ...criteria.flatMap((c, k) => [
            { name: `${c.id} weight`, value: c.weight, source: { file: 'products.yaml', path: `selectionCriteria[${k}].weight` } },
            { name: `${c.id} score`, value: sku.scores?.[c.id] ?? 0, ...(sku.scores?.[c.id] !== undefined ? { source: src(`scores.${c.id}`) } : {}) },
          ]),
        ),
        units: explain(
          sku.status === 'phase-out' && stock !== undefined
            ? 'units = forecast monthly units in each month on sale, until the opening stock is sold (a phase-out SKU is not reordered)'
            : 'units = forecast monthly units in each month on sale (from launch)',
          { name: 'monthly units', value: monthly, source: src('forecast.monthlyUnits') },
          ...(sku.launch ? [{ name: 'launch', value: sku.launch, source: src('launch') }] : []),
          ...(sku.status === 'phase-out' && stock !== undefined ? [{ name: 'opening stock', value: stock, source: stockSource }] : []),
        ),
        gmv: explain('GMV = units × price (incl. VAT)', { name: 'price', value: price }),
        cogs: explain('COGS = units × cost (excl. VAT)', { name: 'cost', value: sku.cost, source: src('cost') }),
        monthsOfCover: explain('months of cover = opening stock ÷ forecast monthly units', { name: 'opening stock', value: stock ?? 'not given', ...(stock !== undefined ? { source: stockSource } : {}) }, { name: 'monthly units', value: monthly, source: src('forecast.monthlyUnits') }),
        sellThrough: explain(
          "sell-through = last year's units ÷ (last year's units + opening stock)",
          { name: "last year's units", value: sku.lastYear?.units ?? 'not given', ...(sku.lastYear ? { source: src('lastYear.units') } : {}) },
          { name: 'opening stock', value: stock ?? 'not given', ...(stock !== undefined ? { source: stockSource } : {}) },
        ),
        slowSeller: explain(
          'slow seller when status is phase-out, months of cover > maximum, or sell-through < minimum',
          ...(slow.maxMonthsOfCover !== undefined ? [{ name: 'maximum months of cover', value: slow.maxMonthsOfCover, source: { file: 'products.yaml', path: 'slowSeller.maxMonthsOfCover' } }] : []),
          ...(slow.minSellThrough !== undefined ? [{ name: 'minimum sell-through', value: slow.minSellThrough, source: { file: 'products.yaml', path: 'slowSeller.minSellThrough' } }] : []),
        ),
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

  // One pass over the SKUs' series (each read in month order, not looked up month by month): totals per SKU
  // (by index) and per month. Sums run over the SKUs in order, so they are the same as summing a month over them.
  const n = months.length;
  const net = results.map((r) => netPrice(r.price, vat));
  const margin = results.map((r, k) => net[k]! - r.cost);
  const unitsTotal: number[] = [];
  const gmvTotal: number[] = [];
  const monthly = { units: zerosArray(n), gmv: zerosArray(n), cogs: zerosArray(n), grossProfit: zerosArray(n) };
  results.forEach((r, k) => {
    const units = Object.values(r.units);
    const gmv = Object.values(r.gmv);
    const cogs = Object.values(r.cogs);
    unitsTotal.push(units.reduce((a, b) => a + b, 0));
    gmvTotal.push(gmv.reduce((a, b) => a + b, 0));
    for (let j = 0; j < n; j++) {
      monthly.units[j] = monthly.units[j]! + units[j]!;
      monthly.gmv[j] = monthly.gmv[j]! + gmv[j]!;
      monthly.cogs[j] = monthly.cogs[j]! + cogs[j]!;
      monthly.grossProfit[j] = monthly.grossProfit[j]! + units[j]! * margin[k]!;
    }
  });
  // Gross profit per SKU from unrounded unit margins, so shares do not carry rounding.
  const grossProfitOf = (r: SkuResult) => unitsTotal[r.index]! * margin[r.index]!;
  const allGmv = results.reduce((s, r) => s + gmvTotal[r.index]!, 0);
  const allProfit = results.reduce((s, r) => s + grossProfitOf(r), 0);
  const matrix = Object.fromEntries(
    ROLES.map((role) => {
      const inRole = results.filter((r) => r.role === role);
      return [
        role,
        {
          skus: inRole.length,
          gmvShare: finiteRatio(inRole.reduce((s, r) => s + gmvTotal[r.index]!, 0), allGmv),
          grossProfitShare: finiteRatio(inRole.reduce((s, r) => s + grossProfitOf(r), 0), allProfit),
        },
      ];
    }),
  ) as Record<Role, MatrixCell>;

  const costTotal = results.reduce((s, r, k) => s + unitsTotal[k]! * r.cost, 0);
  const netTotal = results.reduce((s, _, k) => s + unitsTotal[k]! * net[k]!, 0);

  return {
    skus: Object.fromEntries(results.map((r) => [r.id, r])),
    ranking,
    matrix,
    cogsRatio: finiteRatio(costTotal, netTotal),
    units: seriesOf(months, (_, j) => monthly.units[j]!),
    gmv: results.length ? seriesOf(months, (_, j) => fen(monthly.gmv[j]!)) : zeros(months),
    cogs: results.length ? seriesOf(months, (_, j) => fen(monthly.cogs[j]!)) : zeros(months),
    grossProfit: seriesOf(months, (_, j) => fen(monthly.grossProfit[j]!)),
  };
}

/** A list price may differ from the pricing method's price by this share before it is a finding. */
export const PRICE_TOLERANCE = 0.01;

/** Findings for people to look at: slow sellers, SKUs sold below cost, list prices off their pricing method. */
export function productsFindings(result: ProductsResult, input: PlanInput): Finding[] {
  const out: Finding[] = [];
  const written = input.products?.skus ?? [];
  for (const sku of Object.values(result.skus)) {
    const subject = (...path: Array<string | number>) => ({ entity: ref('sku', sku.id), file: 'products' as const, path: ['skus', sku.index, ...path] });
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

function pricingInputs(sku: Sku, src: (path: string) => { file: string; path: string }) {
  const p = sku.pricing as { type: string; markup?: number; reference?: number; position?: number; price?: number };
  if (p.type === 'cost-plus') return [{ name: 'markup', value: p.markup ?? 0, source: src('pricing.markup') }];
  if (p.type === 'competitor')
    return [
      { name: 'reference price', value: p.reference ?? 0, source: src('pricing.reference') },
      { name: 'position', value: p.position ?? 0, source: src('pricing.position') },
    ];
  return [{ name: 'value price', value: p.price ?? 0, source: src('pricing.price') }];
}

function zerosArray(n: number): number[] {
  return new Array<number>(n).fill(0);
}
