// The ordering cycle per SKU and in total (src/engine/ordering.ts).
import type { Explanation } from './explanation.ts';

/** One SKU's ordering cycle for order quantity Q and annual demand D (safety-stock.ts orderingCycle). */
export interface OrderingCycle {
  /** D ÷ Q; null without an order quantity. */
  ordersPerYear: number | null;
  /** D ÷ Q × S: what placing the orders costs a year; null without an order quantity. */
  orderingCostPerYear: number | null;
  /** Q ÷ 2 × H: holding the cycle stock (safety stock left out) for a year. */
  holdingCostPerYear: number;
  /** 365 × Q ÷ D: days between orders; null without demand or an order quantity. */
  cycleDays: number | null;
}


export interface OrderingResult {
  skus: Record<string, OrderingCycle>;
  /** Σ SKUs' ordering cost a year, yuan. */
  orderingCostPerYear: number;
  /** Σ SKUs' cycle-stock holding cost a year (safety stock left out), yuan. */
  holdingCostPerYear: number;
  explain: Explanation;
}
