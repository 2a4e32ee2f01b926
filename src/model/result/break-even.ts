// Break-evens (src/engine/break-even.ts): the plan's break-even units and sales, break-even ROAS per sales
// channel, and per SKU the volume change a price change needs to keep its margin.
import type { Explanation } from './explanation.ts';

/** The P&L lines counted as fixed: they do not grow with orders (budgets, people, systems, warehouse rent). */
export const FIXED_COST_LINES = ['marketing', 'payroll', 'incentives', 'training', 'systems', 'warehousing'] as const;
export type FixedCostLine = (typeof FIXED_COST_LINES)[number];

/** Price changes the SKU table shows (decimals: −0.1 = a 10 % price cut). */
export const PRICE_CHANGES = [-0.2, -0.1, -0.05, 0.05, 0.1] as const;

export interface BreakEven {
  fixedCosts: number;
  contribution: number;
  units: number;
  unitContribution: number | null;
  /** Units at which contribution covers the fixed costs: fixed ÷ unit contribution; null when a unit contributes ≤ 0. */
  breakEvenUnits: number | null;
  /** GMV and net revenue at the same mix: fixed ÷ (contribution ÷ GMV), fixed ÷ (contribution ÷ net revenue); null when contribution ≤ 0. */
  breakEvenGmv: number | null;
  breakEvenNetRevenue: number | null;
  /** (GMV − break-even GMV) ÷ GMV: how far sales can fall before an operating loss; null without GMV or break-even. */
  marginOfSafety: number | null;
}

export interface ChannelBreakEven {
  /** (net revenue − COGS − platform and payment fees − fulfilment) ÷ GMV: what a yuan of GMV leaves after returns, VAT and these costs; null without GMV. */
  contributionRate: number | null;
  /** 1 ÷ contribution rate: the ROAS at which ad spend eats the whole contribution; null when the rate is ≤ 0. */
  breakEvenRoas: number | null;
}

export interface PriceChange {
  /** The price change, e.g. −0.1. */
  priceChange: number;
  /** The SKU's margin rate at the new price: (m + Δp) ÷ (1 + Δp) (after a discount d: (m − d) ÷ (1 − d)); null when the price would be ≤ 0. */
  marginAfter: number | null;
  /** Volume change that keeps the gross profit: −Δp ÷ (m + Δp); null when the new price is at or below cost (no volume does). */
  volumeChange: number | null;
}

export interface SkuBreakEven {
  /** The SKU's margin rate (unit margin ÷ net price); null when unknown. */
  margin: number | null;
  priceChanges: PriceChange[];
}

export interface BreakEvenResult {
  plan: BreakEven;
  /** Per sales channel. */
  channels: Record<string, ChannelBreakEven>;
  /** Per marketing channel: the sales channels it drives taken together. */
  marketing: Record<string, ChannelBreakEven>;
  skus: Record<string, SkuBreakEven>;
  explain: Record<'units' | 'sales' | 'roas' | 'priceChange', Explanation>;
}
