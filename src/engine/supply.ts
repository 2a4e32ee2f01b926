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
import type { LabelledInput } from '../model/result/explanation.ts';
import { explainAs } from './explain.ts';
import { fen, ratio, seriesOf } from './series.ts';
import { fromMinor, toMinor } from './money.ts';
import { DAYS_PER_MONTH } from './safety-stock.ts';
import { openingCoverDays, type StockProjection } from './stock-projection.ts';
import { daysInMonth } from './calendar.ts';

export { DEFAULT_SERVICE_LEVEL } from './stock-projection.ts';

const DAYS_PER_YEAR = 365;
/** Days of inventory at a turnover: null without one, or when a turnover too close to 0 (a subnormal share of stock sold) gives no finite number. */
const daysOf = (turnover: number | null) => (turnover === null ? null : ratio(DAYS_PER_YEAR, turnover));

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
  const holdingInput: LabelledInput = { label: 'holdingCostRate', value: p.holdingRate, unit: 'rate', ...(input.supply?.inventory ? { source: { file: 'supply.yaml', path: 'inventory.holdingCostRate' } } : {}) };
  return {
    inventoryValue: fen(mean),
    turnover,
    daysOfInventory: daysOf(turnover),
    turnoverOpeningClosing: turnoverOC,
    daysOfInventoryOpeningClosing: daysOf(turnoverOC),
    openingValue: fen(p.openingValue),
    closingValue: fen(closing),
    capitalTied: seriesOf(months, (_, m) => fen(p.closingValue[m]!)),
    averageStockValue: seriesOf(months, (_, m) => fen(p.averageValue[m]!)),
    receiptsValue: seriesOf(months, (_, m) => fen(p.receiptValue[m]!)),
    holdingCost: seriesOf(months, (_, m) => fen(p.holdingCost[m]!)),
    warehouseFixed: seriesOf(months, () => fixed),
    explain: {
      inventoryValue: explainAs('supply.inventoryValue'),
      turnover: explainAs('supply.turnover', [
        { label: 'annualCogs', value: fen(annualCogs), unit: 'money' },
        { label: 'inventoryValue', value: fen(mean), unit: 'money' },
      ]),
      daysOfInventory: explainAs('supply.daysOfInventory', [{ label: 'turnover', value: turnover, unit: 'ratio' }]),
      turnoverOpeningClosing: explainAs('supply.turnoverOpeningClosing', [
        { label: 'openingStockValue', value: fen(p.openingValue), unit: 'money' },
        { label: 'closingStockValue', value: fen(closing), unit: 'money' },
      ]),
      capitalTied: explainAs('supply.capitalTied'),
      holdingCost: explainAs('supply.holdingCost', [holdingInput]),
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

    const serviceLevelInput: LabelledInput =
      override?.serviceLevel !== undefined
        ? { label: 'serviceLevel', value: t.serviceLevel, unit: 'rate', source: op('serviceLevel') }
        : policy
          ? { label: 'serviceLevel', value: t.serviceLevel, unit: 'rate', source: { file: 'supply.yaml', path: 'inventory.serviceLevel' } }
          : { label: 'serviceLevelDefault', value: t.serviceLevel, unit: 'rate' };
    const leadTimeInput: LabelledInput =
      override?.leadTimeDays !== undefined
        ? { label: 'leadTimeDays', value: t.leadTimeDays, unit: 'days', source: op('leadTimeDays') }
        : t.supplier !== null
          ? { label: 'leadTimeDays', value: t.leadTimeDays, unit: 'days', source: sp('leadTimeDays') }
          : { label: 'leadTimeNoSupplier', value: 0, unit: 'days' };
    const sigmaLInput: LabelledInput =
      t.supplier !== null ? { label: 'leadTimeStdDev', value: t.leadTimeStdDevDays, unit: 'days', source: sp('leadTimeStdDevDays') } : { label: 'leadTimeStdDevNoSupplier', value: 0, unit: 'days' };
    const cvInput: LabelledInput[] = [
      { label: 'monthlyUnits', value: sku.forecast.monthlyUnits, unit: 'count', source: pp('forecast.monthlyUnits') },
      { label: 'demandStdDev', value: sku.forecast.demandStdDev, unit: 'count', source: pp('forecast.demandStdDev') },
    ];
    const openingInput: LabelledInput =
      given !== undefined
        ? { label: 'openingStock', value: given, unit: 'count', source: { file: 'supply.yaml', path: `inventory.openingStock.${sku.id}` } }
        : { label: 'openingStockAssumed', value: t.opening, unit: 'count' };
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
      daysOfInventory: daysOf(turnover),
      turnoverOpeningClosing: turnoverOC,
      daysOfInventoryOpeningClosing: daysOf(turnoverOC),
      openingStock: given ?? null,
      stockOutMonths,
      shortfall: Math.max(0, ...stockOutMonths.map((m) => Math.ceil(-p.closing[base + months.indexOf(m)]! - 1e-9))),
      stockOut: stockOutMonths.length > 0,
      openingCoverDays: cover === null || !Number.isFinite(cover) ? null : cover,
      overstock,
      explain: {
        z: explainAs('supply.z', [serviceLevelInput]),
        demand: explainAs('supply.demand'),
        safetyStock: explainAs('supply.safetyStock', [
          { label: 'z', value: t.z, unit: 'number' },
          leadTimeInput,
          sigmaLInput,
          ...cvInput,
          { label: 'daysPerMonth', value: DAYS_PER_MONTH, unit: 'days' },
        ]),
        reorderPoint: explainAs('supply.reorderPoint', [leadTimeInput]),
        eoq: explainAs(t.eoq === null ? 'supply.eoqNone' : 'supply.eoq', [
          { label: 'annualDemand', value: t.annualDemand, unit: 'count' },
          { label: 'orderCost', value: orderCost, unit: 'money', ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.orderCost' } } : {}) },
          { label: 'holdingCostRate', value: p.holdingRate, unit: 'rate', ...(policy ? { source: { file: 'supply.yaml', path: 'inventory.holdingCostRate' } } : {}) },
          { label: 'unitCost', value: sku.cost, unit: 'money', source: pp('cost') },
        ]),
        receipts: explainAs(t.reordered ? 'supply.receipts' : 'supply.noReceipts', [
          leadTimeInput,
          ...(t.supplier !== null ? [{ label: 'moq', value: t.moq, unit: 'count', source: sp('moq') } as const] : []),
          ...(delivery ? [{ label: 'deliveryMonths', value: delivery, source: sp('deliveryMonths') } as const] : []),
        ]),
        closingStock: explainAs('supply.closingStock', [openingInput]),
        turnover: explainAs('supply.skuTurnover', [
          { label: 'annualCogs', value: fen(annualCogs), unit: 'money' },
          { label: 'averageStockValue', value: inventoryValue, unit: 'money' },
        ]),
        daysOfInventory: explainAs('supply.daysOfInventory', [{ label: 'turnover', value: turnover, unit: 'ratio' }]),
        turnoverOpeningClosing: explainAs('supply.skuTurnoverOpeningClosing', [openingInput, { label: 'closingStock', value: closing, unit: 'count' }]),
        stockOut: explainAs('supply.stockOut', [openingInput]),
        overstock: explainAs(given === undefined || maxDays === undefined ? 'supply.overstockUnchecked' : 'supply.overstock', [
          openingInput,
          ...(maxDays !== undefined ? [{ label: 'maxDaysOfInventory', value: maxDays, unit: 'days', source: { file: 'supply.yaml', path: 'inventory.maxDaysOfInventory' } } as const] : []),
        ]),
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
      // Not used up within the plan: it outlasts the plan's days of demand, or there is no demand at all.
      const sold = Object.values(s.demand).some((units) => units > 0);
      const horizonDays = s.openingCoverDays === null && sold ? amount(Object.keys(s.demand).reduce((d, m) => d + daysInMonth(m), 0), 'days') : null;
      out.push(finding('overstock', subject, { openingStock, daysOfCover: s.openingCoverDays === null ? null : amount(s.openingCoverDays, 'days'), maximumDays: amount(maxDays, 'days'), horizonDays }));
    }
  }
  return out;
}
