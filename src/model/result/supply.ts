// Supply results per SKU and in total (src/engine/supply.ts from the stock projection, stock-projection.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export interface SkuSupply {
  id: string;
  supplier: string | null;
  serviceLevel: number;
  z: number;
  /** Average units a day over the horizon (units kept ÷ days). */
  dailyDemand: number;
  leadTimeDays: number;
  /** Months a purchase order is placed before its receipt: ⌈lead time ÷ 30.4375⌉. */
  leadMonths: number;
  /** Units kept (sold less returns) by month: what leaves the warehouse. */
  demand: Series;
  /** Units by month (not rounded; round up when ordering). */
  safetyStock: Series;
  reorderPoint: Series;
  /** The highest month's safety stock and reorder point. */
  peakSafetyStock: number;
  peakReorderPoint: number;
  /** Units per purchase order (EOQ on the annualised demand); null when holding stock costs nothing. */
  eoq: number | null;
  /** Smallest receipt: max(EOQ, supplier MOQ). */
  lotSize: number;
  /** Units arriving at the start of each month. */
  receipts: Series;
  /** Units ordered each month (the receipts, a lead time earlier). */
  purchaseOrders: Series;
  /** Projected stock at each month's end; negative = demand not covered (a stock-out). */
  closingStock: Series;
  /** Opening stock used: supply.yaml's, or (openingAssumed) what the policy would hold. */
  opening: number;
  openingAssumed: boolean;
  /** Mean of the months' average stock, units and at cost. */
  averageInventoryUnits: number;
  inventoryValue: number;
  /** Annual COGS ÷ average stock value, and days of inventory = 365 ÷ turnover. */
  turnover: number | null;
  daysOfInventory: number | null;
  /** Annual COGS ÷ ((opening + closing stock) ÷ 2 at cost), and 365 ÷ that. */
  turnoverOpeningClosing: number | null;
  daysOfInventoryOpeningClosing: number | null;
  /** supply.yaml's opening stock, null when not given. */
  openingStock: number | null;
  /** Months whose projected closing stock is negative. */
  stockOutMonths: string[];
  /** Most units short at a month's end (0 without a stock-out). */
  shortfall: number;
  /** Some month runs out of stock. */
  stockOut: boolean;
  /** Days the opening stock lasts against the projected demand; null without an opening stock, null for ever. */
  openingCoverDays: number | null;
  /** The opening stock lasts longer than the policy's maximum days of inventory. */
  overstock: boolean;
  explain: Record<string, Explanation>;
}

export interface SupplyResult {
  skus: Record<string, SkuSupply>;
  /** Mean over the months of the average stock at cost, yuan. */
  inventoryValue: number;
  turnover: number | null;
  daysOfInventory: number | null;
  /** From opening and closing stock: annual COGS ÷ ((opening + closing) ÷ 2), and 365 ÷ that. */
  turnoverOpeningClosing: number | null;
  daysOfInventoryOpeningClosing: number | null;
  openingValue: number;
  closingValue: number;
  /** Per month: projected closing stock at cost (capital tied up at the month's end). */
  capitalTied: Series;
  /** Per month: average stock at cost. */
  averageStockValue: Series;
  /** Per month: goods received at cost (what purchasing pays for, before payment terms). */
  receiptsValue: Series;
  /** average stock value × holdingCostRate ÷ 12. */
  holdingCost: Series;
  /** Σ warehouses' monthlyFixedCost. */
  warehouseFixed: Series;
  explain: Record<string, Explanation>;
}
