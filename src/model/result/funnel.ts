// Funnel results per sales channel and in total (src/engine/funnel.ts computes them).
import type { Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export const FUNNEL_KEYS = ['visitors', 'orders', 'gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'platformFees', 'paymentFees', 'fulfilment', 'newCustomers', 'returningCustomers'] as const;

export type FunnelKey = (typeof FUNNEL_KEYS)[number];

/** Keys whose values are money (rounded to the fen); the others are counts. */
export const MONEY_KEYS: ReadonlySet<FunnelKey> = new Set(['gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'platformFees', 'paymentFees', 'fulfilment']);

/** One monthly series per funnel key: visitors, orders, GMV … returning customers. */
export type FunnelSeries = Record<FunnelKey, Series>;

export interface ChannelResult extends FunnelSeries {
  id: string;
  name: Text;
  totals: Record<FunnelKey, number>;
  /** Cost of fulfilment per order used (warehouse + shipping), after fallbacks to supply.yaml. */
  fulfilmentPerOrder: number;
  explain: Record<string, Explanation>;
}

export interface FunnelTotals extends FunnelSeries {
  totals: Record<FunnelKey, number>;
  /** GMV ÷ orders over the horizon; null with no orders. */
  aov: number | null;
  /** orders ÷ visitors; null with no visitors. */
  cvr: number | null;
  /** refunds ÷ GMV; null with no GMV. */
  returnRate: number | null;
}
