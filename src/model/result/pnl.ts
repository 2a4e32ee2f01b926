// The P&L lines in the order they are shown, and the P&L by month, quarter and year (src/engine/pnl.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export const PNL_LINES = [
  'gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'cogs', 'grossProfit',
  'platformFees', 'paymentFees', 'fulfilment', 'marketing', 'promotions', 'payroll', 'incentives', 'training',
  'systems', 'warehousing', 'holdingCost', 'pointsCost', 'operatingExpenses', 'operatingProfit',
] as const;

export type PnlLineKey = (typeof PNL_LINES)[number];

export type PnlLine = Record<PnlLineKey, number>;

/** The operating cost lines, in the order they are shown. */
export const OPERATING_EXPENSES = ['platformFees', 'paymentFees', 'fulfilment', 'marketing', 'promotions', 'payroll', 'incentives', 'training', 'systems', 'warehousing', 'holdingCost', 'pointsCost'] as const;

export interface PnlResult {
  months: Record<string, PnlLine>;
  quarters: Record<string, PnlLine>;
  total: PnlLine;
  cumulativeOperatingProfit: Series;
  /** First month from which cumulative operating profit stays ≥ 0; null if it never does. */
  breakEvenMonth: string | null;
  explain: Partial<Record<PnlLineKey, Explanation>>;
}
