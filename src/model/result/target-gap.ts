// Bottom-up projection vs top-down target (src/engine/target-gap.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export interface GapTotals {
  target: number;
  bottomUp: number;
  gap: number;
}

export interface ChannelGap {
  target: Series;
  bottomUp: Series;
  gap: Series;
  totals: GapTotals;
}

export interface TargetGap {
  targetId: string;
  metric: string;
  target: Series;
  bottomUp: Series;
  /** bottomUp − target. */
  gap: Series;
  totalGap: number;
  /** Sums over the horizon, so pages never add months up. */
  totals: GapTotals;
  /** totalGap ÷ target total; null when the target total is 0. */
  gapShare: number | null;
  byChannel: Record<string, ChannelGap>;
  /** How channel targets were split. */
  split: 'channel-mix' | 'bottom-up';
  explain: Explanation;
}
