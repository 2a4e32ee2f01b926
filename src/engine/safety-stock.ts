// Inventory formulas: z-score of a service level, safety stock, reorder point, EOQ and the ordering cycle.
// Pure numbers in, numbers out; never NaN or Infinity.
import { errorFunction, probit } from 'simple-statistics';
import type { OrderingCycle } from '../model/result/ordering.ts';

/**
 * Days in an average month: 365.25 / 12 = 30.4375 (the Julian year, so leap years are averaged in).
 * Monthly forecasts become daily rates by dividing by it; a monthly standard deviation becomes a daily
 * one by dividing by its square root (independent days: variance adds up over the days of a month).
 */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Service levels are held inside [1e-6, 1 − 1e-6] (z within ±4.75) so that 0 and 1, which the schema
 * excludes but scenarios or tests may produce, still give finite numbers.
 */
const MIN_LEVEL = 1e-6;

/**
 * z such that Φ(z) = serviceLevel (the standard normal quantile, e.g. 0.95 → 1.6449).
 *
 * simple-statistics' `probit` is Winitzki's closed-form approximation (0.95 → 1.6434, 0.975 → 1.9572:
 * off in the third decimal, enough to move a textbook A/B sample size from 3,841 to 3,833). Two Newton
 * steps against simple-statistics' `errorFunction` (relative error < 1.2e-7) bring it to the tables'
 * values (1.644854, 1.959964). The lower tail is solved and mirrored, so both tails keep their precision.
 */
export function zScore(serviceLevel: number): number {
  if (!Number.isFinite(serviceLevel)) return 0;
  const p = Math.min(1 - MIN_LEVEL, Math.max(MIN_LEVEL, serviceLevel));
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // exact for p in [0.5, 1)
  let z = probit(q); // ≤ 0
  for (let step = 0; step < 2; step++) {
    const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const cdf = 0.5 * (1 + errorFunction(z / Math.SQRT2));
    const next = z - (cdf - q) / density;
    if (!Number.isFinite(next)) break;
    z = Math.min(0, next);
  }
  return p < 0.5 ? z : -z;
}

/** Daily standard deviation of demand from the monthly one: σ_day = σ_month / √30.4375. */
export function dailyStdDev(monthlyStdDev: number): number {
  return finite(monthlyStdDev / Math.sqrt(DAYS_PER_MONTH));
}

export interface SafetyStockInput {
  z: number;
  /** Mean lead time L, in days. */
  leadTimeDays: number;
  /** Standard deviation of the lead time σL, in days. */
  leadTimeStdDevDays: number;
  /** Mean daily demand d, in units. */
  dailyDemand: number;
  /** Standard deviation of daily demand σd, in units. */
  dailyDemandStdDev: number;
}

/**
 * Safety stock = z·√(L·σd² + d²·σL²) (demand and lead time both uncertain, independent).
 * Never negative: a service level below 50 % (z < 0) needs no safety stock, not a negative one.
 */
export function safetyStock({ z, leadTimeDays, leadTimeStdDevDays, dailyDemand, dailyDemandStdDev }: SafetyStockInput): number {
  const L = nonNegative(leadTimeDays);
  const variance = L * nonNegative(dailyDemandStdDev) ** 2 + nonNegative(dailyDemand) ** 2 * nonNegative(leadTimeStdDevDays) ** 2;
  return Math.max(0, finite(z * Math.sqrt(variance)));
}

/** Reorder point = d·L + safety stock: demand over the lead time plus the buffer. */
export function reorderPoint({ dailyDemand, leadTimeDays, safetyStock }: { dailyDemand: number; leadTimeDays: number; safetyStock: number }): number {
  return finite(nonNegative(dailyDemand) * nonNegative(leadTimeDays) + nonNegative(safetyStock));
}

/**
 * Economic order quantity √(2·D·S / H): D units a year, S per purchase order, H to hold one unit a year.
 * 0 when nothing is sold (D = 0); null when holding costs nothing (H = 0: no finite optimum).
 */
export function eoq({ annualDemand, orderCost, holdingCostPerUnitYear }: { annualDemand: number; orderCost: number; holdingCostPerUnitYear: number }): number | null {
  const D = nonNegative(annualDemand);
  if (D === 0) return 0;
  const H = nonNegative(holdingCostPerUnitYear);
  if (H === 0) return null;
  return finite(Math.sqrt((2 * D * nonNegative(orderCost)) / H));
}

/** Orders a year, their cost, the cycle stock's holding cost and the days between orders for order quantity Q (the EOQ, or a lot the supplier's MOQ raises). */
export function orderingCycle({ annualDemand, orderCost, holdingCostPerUnitYear, orderQuantity }: { annualDemand: number; orderCost: number; holdingCostPerUnitYear: number; orderQuantity: number }): OrderingCycle {
  const D = nonNegative(annualDemand);
  const Q = nonNegative(orderQuantity);
  const ordersPerYear = Q > 0 ? D / Q : null;
  return {
    ordersPerYear,
    orderingCostPerYear: ordersPerYear === null ? null : finite(ordersPerYear * nonNegative(orderCost)),
    holdingCostPerYear: finite((Q / 2) * nonNegative(holdingCostPerUnitYear)),
    cycleDays: Q > 0 && D > 0 ? finite((365 * Q) / D) : null,
  };
}

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

function nonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}
