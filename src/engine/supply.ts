// Supply and inventory: per SKU the month-by-month plan of stock-projection.ts — demand, safety stock, reorder
// point, receipts and purchase orders, projected stock with stock-outs — EOQ, turnover and days of inventory (from
// average stock, and from opening and closing stock), overstock of the opening stock; in total the capital tied up
// by month, its holding cost and the warehouses' fixed costs.
//
//   turnover      = annual COGS ÷ inventory value; annual COGS = units kept × cost × 12 ÷ months in the horizon;
//                   inventory value = mean of the months' average stock at cost. Days of inventory = 365 ÷ turnover.
//   from opening and closing stock: the same with inventory value = (opening + closing stock at the end) ÷ 2 at cost
//   capital tied up = closing stock at cost; holding cost = average stock at cost × holding cost rate ÷ 12
//   overstock     = the opening stock lasts more days of projected demand than inventory.maxDaysOfInventory
import type { PlanInput } from '../model/plan-input.generated.ts';
import { amount, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import type { SkuSupply, SupplyResult } from '../model/result/supply.ts';
import type { ExplainInput } from '../model/result/explanation.ts';
import { explain } from './explain.ts';
import { fen, ratio, seriesOf } from './series.ts';
import { fromMinor, toMinor } from './money.ts';
import { DAYS_PER_MONTH } from './safety-stock.ts';
import { openingCoverDays, type StockProjection } from './stock-projection.ts';
import { daysInMonth } from './calendar.ts';

export { DEFAULT_SERVICE_LEVEL } from './stock-projection.ts';

const DAYS_PER_YEAR = 365;

export type SupplyTotals = Omit<SupplyResult, 'skus'>;

/** The totals only (every pass needs them: holding cost for the P&L, inventory value and days for KPIs). */
export function computeSupplyTotals(input: PlanInput, months: readonly string[], p: StockProjection): SupplyTotals {
  const M = months.length;
  const years = M / 12;
  const mean = M > 0 ? p.averageValue.reduce((a, b) => a + b, 0) / M : 0;
  const closing = M > 0 ? p.closingValue[M - 1]! : p.openingValue;
  const annualCogs = years > 0 ? p.cogs / years : 0;
  const turnover = ratio(annualCogs, mean);
  const turnoverOC = ratio(annualCogs, (p.openingValue + closing) / 2);
  const fixed = fromMinor((input.supply?.warehouses ?? []).reduce((sum, w) => sum + toMinor(w.monthlyFixedCost), 0));
  const policyInput = (name: string, field: string, value: number): ExplainInput => ({ name, value, ...(input.supply?.inventory ? { source: { file: 'supply.yaml', path: `inventory.${field}` } } : {}) });
  return {
    inventoryValue: fen(mean),
    turnover,
    daysOfInventory: turnover ? DAYS_PER_YEAR / turnover : null,
    turnoverOpeningClosing: turnoverOC,
    daysOfInventoryOpeningClosing: turnoverOC ? DAYS_PER_YEAR / turnoverOC : null,
    openingValue: fen(p.openingValue),
    closingValue: fen(closing),
    capitalTied: seriesOf(months, (_, m) => fen(p.closingValue[m]!)),
    averageStockValue: seriesOf(months, (_, m) => fen(p.averageValue[m]!)),
    receiptsValue: seriesOf(months, (_, m) => fen(p.receiptValue[m]!)),
    holdingCost: seriesOf(months, (_, m) => fen(p.holdingCost[m]!)),
    warehouseFixed: seriesOf(months, () => fixed),
    explain: {
      inventoryValue: explain('inventory value = mean over the months of Σ SKUs average stock × unit cost; average stock = (opening + receipts + closing) ÷ 2'),
      turnover: explain('turnover = annual COGS ÷ inventory value; annual COGS = Σ units kept × unit cost × 12 ÷ months', { name: 'annual COGS', value: fen(annualCogs) }, { name: 'inventory value', value: fen(mean) }),
      daysOfInventory: explain('days of inventory = 365 ÷ turnover', { name: 'turnover', value: turnover ?? 'undefined' }),
      turnoverOpeningClosing: explain('turnover = annual COGS ÷ ((opening stock + closing stock) ÷ 2), at cost', { name: 'opening stock value', value: fen(p.openingValue) }, { name: 'closing stock value', value: fen(closing) }),
      capitalTied: explain('capital tied up = Σ SKUs projected closing stock × unit cost (a stock-out counts 0)'),
      holdingCost: explain('holding cost = Σ SKUs average stock × unit cost × holding cost rate ÷ 12', policyInput('holding cost rate', 'holdingCostRate', p.holdingRate)),
    },
  };
}

export function computeSupply(input: PlanInput, months: readonly string[], p: StockProjection, totals: SupplyTotals = computeSupplyTotals(input, months, p)): SupplyResult {
  const M = months.length;
  const years = M / 12;
  const supply = input.supply;
  const policy = supply?.inventory;
  const maxDays = policy?.maxDaysOfInventory;
  const orderCost = policy?.orderCost ?? 0;
  const horizonDays = months.reduce((n, m) => n + daysInMonth(m), 0);
  const skus: Record<string, SkuSupply> = {};
  (input.products?.skus ?? []).forEach((sku, s) => {
    if (Object.hasOwn(skus, sku.id)) return;
    const t = p.terms[s]!;
    const base = s * M;
    const row = (arr: Float64Array) => seriesOf(months, (_, m) => arr[base + m]!);
    const sp = (path: string) => ({ file: 'supply.yaml', path: `suppliers[${t.supplier}].${path}` });
    const op = (path: string) => ({ file: 'supply.yaml', path: `inventory.overrides[${t.override}].${path}` });
    const pp = (path: string) => ({ file: 'products.yaml', path: `skus[${s}].${path}` });
    const override = t.override === null ? undefined : policy!.overrides![t.override]!;
    const cost = Math.max(0, sku.cost);
    let demandTotal = 0;
    let averageTotal = 0;
    const stockOutMonths: string[] = [];
    for (let m = 0; m < M; m++) {
      demandTotal += p.demand[base + m]!;
      averageTotal += p.average[base + m]!;
      if (p.closing[base + m]! < -1e-9) stockOutMonths.push(months[m]!);
    }
    const averageUnits = M > 0 ? averageTotal / M : 0;
    const inventoryValue = fen(averageUnits * cost);
    const annualCogs = years > 0 ? (demandTotal * cost) / years : 0;
    const turnover = ratio(annualCogs, averageUnits * cost);
    const closing = M > 0 ? Math.max(0, p.closing[base + M - 1]!) : t.opening;
    const turnoverOC = ratio(annualCogs, ((t.opening + closing) / 2) * cost);
    const given = policy?.openingStock?.[sku.id];
    const cover = given === undefined ? null : openingCoverDays(given, p.demand.subarray(base, base + M), months);
    const overstock = cover !== null && maxDays !== undefined && cover > maxDays;

    const serviceLevelInput: ExplainInput =
      override?.serviceLevel !== undefined
        ? { name: 'service level', value: t.serviceLevel, source: op('serviceLevel') }
        : policy
          ? { name: 'service level', value: t.serviceLevel, source: { file: 'supply.yaml', path: 'inventory.serviceLevel' } }
          : { name: 'service level (default, no inventory policy)', value: t.serviceLevel };
    const leadTimeInput: ExplainInput =
      override?.leadTimeDays !== undefined
        ? { name: 'L (lead time, days)', value: t.leadTimeDays, source: op('leadTimeDays') }
        : t.supplier !== null
          ? { name: 'L (lead time, days)', value: t.leadTimeDays, source: sp('leadTimeDays') }
          : { name: 'L (lead time, days; no supplier)', value: 0 };
    const sigmaLInput: ExplainInput = t.supplier !== null ? { name: 'σL (days)', value: t.leadTimeStdDevDays, source: sp('leadTimeStdDevDays') } : { name: 'σL (days; no supplier)', value: 0 };
    const cvInput: ExplainInput[] = [
      { name: 'monthly units (forecast)', value: sku.forecast.monthlyUnits, source: pp('forecast.monthlyUnits') },
      { name: 'σ monthly demand (forecast)', value: sku.forecast.demandStdDev, source: pp('forecast.demandStdDev') },
    ];
    const openingInput: ExplainInput =
      given !== undefined ? { name: 'opening stock', value: given, source: { file: 'supply.yaml', path: `inventory.openingStock.${sku.id}` } } : { name: 'opening stock (assumed: demand until the first receipt + safety stock)', value: t.opening };
    const delivery = t.supplier !== null ? (supply!.suppliers![t.supplier] as { deliveryMonths?: number[] }).deliveryMonths : undefined;
    skus[sku.id] = {
      id: sku.id,
      supplier: t.supplier !== null ? supply!.suppliers![t.supplier]!.id : null,
      serviceLevel: t.serviceLevel,
      z: t.z,
      dailyDemand: horizonDays > 0 ? demandTotal / horizonDays : 0,
      leadTimeDays: t.leadTimeDays,
      leadMonths: t.leadMonths,
      demand: row(p.demand),
      safetyStock: row(p.safetyStock),
      reorderPoint: row(p.reorderPoint),
      peakSafetyStock: Math.max(0, ...p.safetyStock.subarray(base, base + M)),
      peakReorderPoint: Math.max(0, ...p.reorderPoint.subarray(base, base + M)),
      eoq: t.eoq,
      lotSize: t.lot,
      receipts: row(p.receipts),
      purchaseOrders: row(p.purchaseOrders),
      closingStock: row(p.closing),
      opening: t.opening,
      openingAssumed: !t.openingGiven,
      averageInventoryUnits: averageUnits,
      inventoryValue,
      turnover,
      daysOfInventory: turnover ? DAYS_PER_YEAR / turnover : null,
      turnoverOpeningClosing: turnoverOC,
      daysOfInventoryOpeningClosing: turnoverOC ? DAYS_PER_YEAR / turnoverOC : null,
      openingStock: given ?? null,
      stockOutMonths,
      shortfall: Math.max(0, ...stockOutMonths.map((m) => Math.ceil(-p.closing[base + months.indexOf(m)]! - 1e-9))),
      stockOut: stockOutMonths.length > 0,
      openingCoverDays: cover === null || !Number.isFinite(cover) ? null : cover,
      overstock,
      explain: {
        z: explain('z = standard normal quantile of the service level (Φ⁻¹)', serviceLevelInput),
        demand: explain('demand = units kept by month (Σ channels units × (1 − return rate)): it follows channel seasonality, category and SKU profiles and promotions'),
        safetyStock: explain(
          'safety stock = z × √(L × σd² + d² × σL²) with the month’s demand: d = demand ÷ 30.4375, σd = σ ÷ √30.4375, σ = demand × (σ monthly ÷ monthly units) — the forecast’s coefficient of variation, held',
          { name: 'z', value: t.z },
          leadTimeInput,
          sigmaLInput,
          ...cvInput,
          { name: 'days per month (365.25 / 12)', value: DAYS_PER_MONTH },
        ),
        reorderPoint: explain('reorder point = d × L + safety stock, with the month’s daily demand d', leadTimeInput),
        eoq: explain(
          t.eoq === null ? 'EOQ = √(2 × D × S ÷ H): undefined, holding stock costs nothing (H = 0)' : 'EOQ = √(2 × D × S ÷ H), D = annualised demand (units kept × 12 ÷ months), H = unit cost × holding cost rate',
          { name: 'D (units/year)', value: t.annualDemand },
          { name: 'S (order cost)', value: orderCost, ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.orderCost' } } : {}) },
          { name: 'holding cost rate', value: p.holdingRate, ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.holdingCostRate' } } : {}) },
          { name: 'unit cost', value: sku.cost, source: pp('cost') },
        ),
        receipts: explain(
          t.reordered
            ? 'receipts arrive at the start of a month from ⌈L ÷ 30.4375⌉ months on (ordered that many months before) and in the supplier’s delivery months; each covers the demand until the next month that can receive plus that month’s safety stock: need = Σ demand + safety stock − stock on hand; receipt = max(⌈need⌉, lot size) when need > 0; lot size = max(EOQ, MOQ)'
            : 'no receipts: a phase-out SKU is not reordered',
          leadTimeInput,
          ...(t.supplier !== null ? [{ name: 'MOQ', value: t.moq, source: sp('moq') }] : []),
          ...(delivery ? [{ name: 'delivery months', value: delivery.join(', '), source: sp('deliveryMonths') }] : []),
        ),
        closingStock: explain('closing stock = opening + receipts − demand (negative: a stock-out)', openingInput),
        turnover: explain('turnover = annual COGS ÷ average stock value; annual COGS = units kept × cost × 12 ÷ months', { name: 'annual COGS', value: fen(annualCogs) }, { name: 'average stock value', value: inventoryValue }),
        daysOfInventory: explain('days of inventory = 365 ÷ turnover', { name: 'turnover', value: turnover ?? 'undefined' }),
        turnoverOpeningClosing: explain('turnover = annual COGS ÷ ((opening + closing stock) ÷ 2 × unit cost)', openingInput, { name: 'closing stock', value: closing }),
        stockOut: explain('stock-out in a month whose projected closing stock is negative', openingInput),
        overstock: explain(
          given === undefined || maxDays === undefined ? 'overstock: no opening stock or maximum days given, not checked' : 'overstock when the opening stock lasts more days of projected demand than the maximum days of inventory',
          openingInput,
          ...(maxDays !== undefined ? [{ name: 'maximum days of inventory', value: maxDays, source: { file: 'supply.yaml', path: 'inventory.maxDaysOfInventory' } }] : []),
        ),
      },
    };
  });
  return { ...totals, skus };
}

/** A finding per SKU whose projected stock runs out (with its months) or whose opening stock is above the cover limit (overstock). */
export function supplyFindings(result: SupplyResult, input: PlanInput): Finding[] {
  const maxDays = input.supply?.inventory?.maxDaysOfInventory;
  const skuIndex = new Map((input.products?.skus ?? []).map((s, i) => [s.id, i]));
  const out: Finding[] = [];
  for (const s of Object.values(result.skus)) {
    // At the opening stock when the plan states it, else at the SKU.
    const subject =
      s.openingStock !== null || !skuIndex.has(s.id)
        ? { entity: ref('sku', s.id), file: 'supply' as const, path: ['inventory', 'openingStock', s.id] }
        : { entity: ref('sku', s.id), file: 'products' as const, path: ['skus', skuIndex.get(s.id)!], key: true };
    const openingStock = s.openingStock === null ? null : amount(s.openingStock, 'count');
    if (s.stockOut) out.push(finding('stock-out', subject, { months: s.stockOutMonths, shortfall: amount(s.shortfall, 'count'), openingStock }));
    if (s.overstock && openingStock && maxDays !== undefined) {
      out.push(finding('overstock', subject, { openingStock, daysOfCover: s.openingCoverDays === null ? null : amount(s.openingCoverDays, 'days'), maximumDays: amount(maxDays, 'days') }));
    }
  }
  return out;
}
