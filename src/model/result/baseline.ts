// Last year's baseline from the order files, as PlanResult publishes it (src/engine/baseline-result.ts).
import type { Text } from '../plan-input.generated.ts';
import type { OrderBaseline, RfmSegmentCount } from '../order-baseline.ts';

export interface BaselineSegment extends RfmSegmentCount {
  name: Text | null;
  action: Text | null;
  tier: string | null;
  channel: string | null;
}

export interface BaselineResult extends Omit<OrderBaseline, 'rfm'> {
  /** The published seasonality profile over the plan's months (shares add up to 1); null without baseline-year orders. */
  profile: { id: string; name: Text; shares: Record<string, number> } | null;
  rfm: (Omit<NonNullable<OrderBaseline['rfm']>, 'segments'> & { segments: BaselineSegment[] }) | null;
  /** Targets whose written baseline is for the baseline year, against the figure the orders give. */
  targets: Array<{ target: string; metric: string; written: number; fromOrders: number; /** fromOrders ÷ written − 1 */ difference: number | null }>;
}
