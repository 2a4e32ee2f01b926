// Stock by month per SKU: demand from the sales model (units kept, so it follows channel seasonality, category
// and SKU profiles and promotions), safety stock and reorder point from that month's demand, receipts planned
// ahead by the lead time and in the supplier's delivery months, and the projected stock. Typed arrays only: it
// runs in every scenario and tornado pass (the P&L's holding cost comes from it); supply.ts dresses it up.
//
//   σ_m   = CV × D_m, CV = forecast.demandStdDev ÷ forecast.monthlyUnits (the stated σ is an average month's; the
//           coefficient of variation is held, so a peak month carries more absolute uncertainty); the stated σ when
//           monthlyUnits is 0
//   SS_m  = z × √(L × σd,m² + d_m² × σL²), d_m = D_m ÷ 30.4375, σd,m = σ_m ÷ √30.4375; ROP_m = d_m × L + SS_m
//   lot   = max(EOQ, supplier MOQ), EOQ = √(2 × D × S ÷ H) on the annualised demand
//   receipts arrive at the start of a month that can receive: from month ⌈L ÷ 30.4375⌉ on (an order placed in the
//           horizon that many months before), in the supplier's delivery months, never for a phase-out SKU. A receipt
//           covers the demand until the next month that can receive plus that month's safety stock:
//           need = Σ D until then + SS then − stock on hand; receipt = max(⌈need⌉, lot) when need > 0
//   closing_m = opening_m + receipts_m − D_m (negative: a stock-out, the demand not covered)
//   average_m = (opening + receipts + closing) ÷ 2 (stock falls evenly through the month; negatives count 0)
// Opening stock: supply.yaml `inventory.openingStock`; when a SKU has none, what the policy would hold — the demand
// until its first possible receipt plus that month's safety stock — marked as assumed.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { SalesNumbers } from './sales.ts';
import { DAYS_PER_MONTH, dailyStdDev, eoq, reorderPoint, safetyStock, zScore } from './safety-stock.ts';
import { daysInMonth } from './calendar.ts';

/** Service level used when supply.yaml has no inventory policy. */
export const DEFAULT_SERVICE_LEVEL = 0.95;

export interface SkuStockTerms {
  /** Index of the SKU's supplier in supply.yaml, or null. */
  supplier: number | null;
  /** Index of the SKU's override in inventory.overrides, or null. */
  override: number | null;
  serviceLevel: number;
  z: number;
  leadTimeDays: number;
  leadTimeStdDevDays: number;
  /** Months an order is placed before its receipt: ⌈L ÷ 30.4375⌉. */
  leadMonths: number;
  /** σ of a month ÷ its demand; null when the forecast has no units (the stated σ is used as is). */
  cv: number | null;
  statedStdDev: number;
  annualDemand: number;
  eoq: number | null;
  moq: number;
  lot: number;
  /** Months (index) a receipt can arrive in. */
  canReceive: Uint8Array;
  opening: number;
  openingGiven: boolean;
  reordered: boolean;
}

export interface StockProjection {
  months: readonly string[];
  terms: SkuStockTerms[];
  /** Per SKU × month (index s × M + m). */
  demand: Float64Array;
  safetyStock: Float64Array;
  reorderPoint: Float64Array;
  receipts: Float64Array;
  /** Purchase orders by the month they are placed (receipt month − lead months). */
  purchaseOrders: Float64Array;
  closing: Float64Array;
  average: Float64Array;
  /** Per month, all SKUs, at cost: closing stock (negatives count 0), average stock, receipts, and holding cost. */
  closingValue: Float64Array;
  averageValue: Float64Array;
  receiptValue: Float64Array;
  holdingCost: Float64Array;
  openingValue: number;
  /** Cost of the units sold and kept over the horizon. */
  cogs: number;
  holdingRate: number;
}

export function projectStock(input: PlanInput, months: readonly string[], sales: SalesNumbers): StockProjection {
  const M = months.length;
  const skus = input.products?.skus ?? [];
  const S = skus.length;
  const supply = input.supply;
  const policy = supply?.inventory;
  const suppliers = new Map<string, number>();
  (supply?.suppliers ?? []).forEach((s, i) => suppliers.has(s.id) || suppliers.set(s.id, i));
  const overrides = new Map<string, number>();
  (policy?.overrides ?? []).forEach((o, i) => overrides.has(o.sku) || overrides.set(o.sku, i));
  const holdingRate = policy?.holdingCostRate ?? 0;
  const orderCost = policy?.orderCost ?? 0;
  const calendarMonth = months.map((m) => Number(m.slice(5, 7)));

  const demand = sales.skuKept.map((d) => (d > 0 ? d : 0));
  const safety = new Float64Array(S * M);
  const rop = new Float64Array(S * M);
  const receipts = new Float64Array(S * M);
  const purchaseOrders = new Float64Array(S * M);
  const closing = new Float64Array(S * M);
  const average = new Float64Array(S * M);
  const closingValue = new Float64Array(M);
  const averageValue = new Float64Array(M);
  const receiptValue = new Float64Array(M);
  let openingValue = 0;
  let cogs = 0;

  // Most SKUs share the policy's service level: its z is worked out once (two Newton steps on the error function).
  const zScores = new Map<number, number>();
  const terms = skus.map((sku, s): SkuStockTerms => {
    const supplierIndex = sku.supplier !== undefined ? (suppliers.get(sku.supplier) ?? null) : null;
    const supplier = supplierIndex === null ? undefined : supply!.suppliers![supplierIndex]!;
    const overrideIndex = overrides.get(sku.id) ?? null;
    const override = overrideIndex === null ? undefined : policy!.overrides![overrideIndex]!;
    const serviceLevel = override?.serviceLevel ?? policy?.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
    let z = zScores.get(serviceLevel);
    if (z === undefined) zScores.set(serviceLevel, (z = zScore(serviceLevel)));
    const L = nonNegative(override?.leadTimeDays ?? supplier?.leadTimeDays ?? 0);
    const sigmaL = nonNegative(supplier?.leadTimeStdDevDays ?? 0);
    const monthly = nonNegative(sku.forecast.monthlyUnits);
    const stated = nonNegative(sku.forecast.demandStdDev);
    const cv = monthly > 0 ? stated / monthly : null;
    const cost = sales.cost[s]!;
    const base = s * M;
    let total = 0;
    for (let m = 0; m < M; m++) {
      const D = demand[base + m]!;
      total += D;
      const sigma = cv === null ? stated : cv * D;
      const d = D / DAYS_PER_MONTH;
      const ss = safetyStock({ z, leadTimeDays: L, leadTimeStdDevDays: sigmaL, dailyDemand: d, dailyDemandStdDev: dailyStdDev(sigma) });
      safety[base + m] = ss;
      rop[base + m] = reorderPoint({ dailyDemand: d, leadTimeDays: L, safetyStock: ss });
    }
    cogs += total * cost;
    const annualDemand = M > 0 ? (total * 12) / M : 0;
    const q = eoq({ annualDemand, orderCost, holdingCostPerUnitYear: cost * holdingRate });
    const moq = nonNegative(supplier?.moq ?? 0);
    const lot = Math.max(q ?? 0, moq);
    const leadMonths = Math.ceil(L / DAYS_PER_MONTH - 1e-9);
    const delivery = (supplier as { deliveryMonths?: number[] } | undefined)?.deliveryMonths;
    const reordered = sku.status !== 'phase-out';
    const canReceive = new Uint8Array(M);
    for (let m = leadMonths; m < M; m++) canReceive[m] = reordered && (!delivery || delivery.includes(calendarMonth[m]!)) ? 1 : 0;

    const given = policy?.openingStock?.[sku.id];
    let opening: number;
    if (given !== undefined) opening = nonNegative(given);
    else {
      // What the policy would hold: the demand until the first receipt, plus that month's safety stock.
      let first = canReceive.indexOf(1);
      if (first < 0) first = M;
      let need = 0;
      for (let m = 0; m < first; m++) need += demand[base + m]!;
      opening = Math.ceil(need + (first < M ? safety[base + first]! : 0) - 1e-9);
    }
    openingValue += opening * cost;

    // The projection: month by month, receipts planned to cover until the next month that can receive.
    let stock = opening;
    let next = -1;
    for (let m = 0; m < M; m++) {
      const open = stock;
      let receipt = 0;
      if (canReceive[m]) {
        if (next <= m) {
          next = m + 1;
          while (next < M && !canReceive[next]) next++;
        }
        let cover = next < M ? safety[base + next]! : safety[base + M - 1]!;
        for (let j = m; j < next; j++) cover += demand[base + j]!;
        const need = cover - open;
        if (need > 1e-9) receipt = Math.max(Math.ceil(need - 1e-9), Math.ceil(lot - 1e-9));
      }
      const close = open + receipt - demand[base + m]!;
      receipts[base + m] = receipt;
      if (receipt > 0) purchaseOrders[base + m - leadMonths]! += receipt;
      closing[base + m] = close;
      const avg = (Math.max(0, open + receipt) + Math.max(0, close)) / 2;
      average[base + m] = avg;
      closingValue[m]! += Math.max(0, close) * cost;
      averageValue[m]! += avg * cost;
      receiptValue[m]! += receipt * cost;
      stock = close;
    }
    return {
      supplier: supplierIndex,
      override: overrideIndex,
      serviceLevel,
      z,
      leadTimeDays: L,
      leadTimeStdDevDays: sigmaL,
      leadMonths,
      cv,
      statedStdDev: stated,
      annualDemand,
      eoq: q,
      moq,
      lot,
      canReceive,
      opening,
      openingGiven: given !== undefined,
      reordered,
    };
  });

  return {
    months,
    terms,
    demand,
    safetyStock: safety,
    reorderPoint: rop,
    receipts,
    purchaseOrders,
    closing,
    average,
    closingValue,
    averageValue,
    receiptValue,
    holdingCost: averageValue.map((v) => (v * holdingRate) / 12),
    openingValue,
    cogs,
    holdingRate,
  };
}

/** Days the opening stock lasts against the projected demand (Infinity when it outlasts the horizon). */
export function openingCoverDays(opening: number, demand: ArrayLike<number>, months: readonly string[]): number {
  let left = opening;
  let days = 0;
  for (let m = 0; m < months.length; m++) {
    const D = demand[m]!;
    const inMonth = daysInMonth(months[m]!);
    if (D >= left) return days + (D > 0 ? (left / D) * inMonth : 0);
    left -= D;
    days += inMonth;
  }
  return left > 0 ? Infinity : days;
}

function nonNegative(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}
