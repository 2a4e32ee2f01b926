// Supply results per SKU and in total (src/engine/supply.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export interface SkuSupply {
  id: string;
  supplier: string | null;
  serviceLevel: number;
  z: number;
  /** Units a day (forecast monthly units / 30.4375). */
  dailyDemand: number;
  leadTimeDays: number;
  /** Units (not rounded; round up when ordering). */
  safetyStock: number;
  reorderPoint: number;
  /** Units per purchase order; null when holding stock costs nothing. */
  eoq: number | null;
  averageInventoryUnits: number;
  /** Average inventory at cost, yuan. */
  inventoryValue: number;
  turnover: number | null;
  daysOfInventory: number | null;
  openingStock: number | null;
  /** Opening stock below the reorder point. */
  stockOut: boolean;
  /** Opening stock covers more days of demand than the policy's maximum. */
  overstock: boolean;
  explain: Record<string, Explanation>;
}

export interface SupplyResult {
  skus: Record<string, SkuSupply>;
  /** Σ SKUs' average inventory value (all SKUs on sale), yuan. */
  inventoryValue: number;
  turnover: number | null;
  daysOfInventory: number | null;
  /** Per month: Σ average inventory value of the SKUs on sale that month (0 before a SKU's launch). */
  capitalTied: Series;
  /** capital tied × holdingCostRate / 12. */
  holdingCost: Series;
  /** Σ warehouses' monthlyFixedCost. */
  warehouseFixed: Series;
}
