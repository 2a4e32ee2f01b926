// Promotion results (src/engine/promotions.ts).
import type { PromotionsFile, Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

type Promotion = NonNullable<PromotionsFile['promotions']>[number];

export interface PromotionChannel {
  baselineGmv: number;
  depth: number;
  priceDepth: number;
  promoGmv: number;
}

export interface PromotionResult {
  id: string;
  /** Position in promotions.yaml `promotions`. */
  index: number;
  name: Text;
  kind: Promotion['kind'];
  start: string;
  end: string;
  days: number;
  /** The promotion's channels that exist in channels.yaml. */
  channels: string[];
  /** SKUs on offer; null = the whole range. */
  skus: string[] | null;
  baselineGmv: number;
  /** d: share of the price the merchant gives away, incl. gifts. */
  depth: number;
  /** The part of d that lowers the price paid to the merchant (without gifts). */
  priceDepth: number;
  margin: number | null;
  breakEvenUplift: number | null;
  expectedUplift: number;
  belowBreakEven: boolean;
  promoGmv: number;
  incrementalGmv: number;
  /** Null when the margin is unknown. */
  grossProfitImpact: number | null;
  /** grossProfitImpact − budget; null when the margin is unknown. */
  netProfitImpact: number | null;
  fixedCost: number;
  giftCost: number;
  orders: number;
  gmvByMonth: Series;
  cashByMonth: Series;
  costByMonth: Series;
  overlaps: string[];
  byChannel: Record<string, PromotionChannel>;
  explain: Record<string, Explanation>;
}
