// Funnel results per sales channel and in total (src/engine/funnel.ts computes them).
import type { Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export const FUNNEL_KEYS = ['visitors', 'orders', 'units', 'gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'cogs', 'platformFees', 'paymentFees', 'fulfilment', 'newCustomers', 'returningCustomers'] as const;

export type FunnelKey = (typeof FUNNEL_KEYS)[number];

/** Keys whose values are money (rounded to the fen); the others are counts. */
export const MONEY_KEYS: ReadonlySet<FunnelKey> = new Set(['gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'cogs', 'platformFees', 'paymentFees', 'fulfilment']);

/** One monthly series per funnel key: visitors, orders, units, GMV … returning customers. */
export type FunnelSeries = Record<FunnelKey, Series>;

/** How a channel's units are shared among products: by forecast (no `mix`), by category, or by SKU. */
export type MixMode = 'forecast' | 'categories' | 'skus';

export interface ChannelCategory {
  units: number;
  gmv: number;
  /** Share of the channel's units; null with no units. */
  unitsShare: number | null;
}

export interface ChannelResult extends FunnelSeries {
  id: string;
  /** Position in channels.yaml `channels`. */
  index: number;
  name: Text;
  totals: Record<FunnelKey, number>;
  /** False when no SKU of the plan sells on the channel: its GMV is orders × the stated AOV. */
  productDriven: boolean;
  mixMode: MixMode;
  unitsPerOrder: number;
  everydayDiscount: number;
  /** GMV ÷ orders over the horizon (from the SKUs sold); null with no orders. */
  aov: number | null;
  /** The `funnel.aov` the plan states (a check); null when it states none. */
  statedAov: number | null;
  /** aov ÷ statedAov − 1; null when either is missing. */
  aovGap: number | null;
  /** Everyday orders (visitors × CVR) in months with no SKU on sale on the channel, not sold. */
  unfilledOrders: number;
  /** Units and GMV per product category over the horizon. */
  categories: Record<string, ChannelCategory>;
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
