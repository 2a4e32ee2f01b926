// Every SMART target judged against the plan's own projection (src/engine/target-verdicts.ts), and what it
// would take to close a shortfall (src/engine/what-it-takes.ts).
import type { Explanation } from './explanation.ts';
import type { KpiStatus } from './kpis.ts';
import type { Measure } from './measures.ts';
import type { TargetMetric, Unit } from './targets.ts';

/**
 * How a target's projection is read from the engine's measures for a period: `total` sums the months
 * (GMV, orders, profit …), `rate` divides the sums of two measures over the months (AOV = GMV ÷ orders,
 * CVR = orders ÷ visitors: never an average of monthly rates), `level` takes the period's last month
 * (active users, the repurchase rate).
 */
export type ProjectionBasis = { kind: 'total'; measure: Measure } | { kind: 'rate'; of: Measure; per: Measure } | { kind: 'level'; measure: Measure };

export type TargetStatus = KpiStatus;

export interface StatusThresholds {
  green: number;
  amber: number;
  overshoot: number;
}

/** One period of a target judged: the target for the period against the projection. */
export interface PeriodVerdict {
  target: number;
  /** null when the plan projects nothing for the period (a rate without a denominator, no repurchase data). */
  projection: number | null;
  /** projection − target (money rounded to the fen); null without a projection. */
  gap: number | null;
  /** projection ÷ target; null when either is missing or the target is 0. */
  attainment: number | null;
  /** green at or above thresholds.green, amber at or above thresholds.amber, else red; null without a projection. */
  status: TargetStatus | null;
  /** The projection exceeds the target by more than thresholds.overshoot. */
  overshoot: boolean;
}

export interface MilestoneVerdict extends PeriodVerdict {
  id: string;
  month: string;
  /** Status green: the projection reaches what the milestone asks by its month. */
  onTrack: boolean;
}

/** A single input changed until the target is met, all else as planned. */
export type DriverKind = 'cvr' | 'visitors' | 'price' | 'marketing' | 'new-customer-share' | 'repurchase' | 'retention' | 'dau-mau' | 'payroll' | 'fulfilment-cost';

export interface DriverChange {
  driver: DriverKind;
  /** The sales channel whose input changes; absent when the driver moves every channel (or is not a channel's). */
  channel?: string;
  /** Unit of from / to. */
  unit: Unit;
  /** The driver today (as planned). */
  from: number;
  /** The driver's value that meets the target; null when no value within reach of the search does. */
  to: number | null;
  /** to ÷ from − 1; null with `to`. */
  change: number | null;
  /** The multiplier on the driver's inputs in the plan that gives `to` (engine/what-it-takes.ts applyDriver); null with `to`. */
  factor: number | null;
  /** The target's projection recomputed with `to`. */
  projection: number | null;
  /** The farthest the driver can plausibly move in a plan year (see docs/engine.md); `to` beyond it is not advice. */
  limit: number;
  /** `to` exists and is within `limit`. */
  plausible: boolean;
}

export interface TargetVerdict {
  targetId: string;
  metric: TargetMetric;
  unit: Unit;
  basis: ProjectionBasis;
  thresholds: StatusThresholds;
  /** The target itself: its value against the projection through its deadline. */
  overall: PeriodVerdict & { through: string };
  months: Record<string, PeriodVerdict>;
  quarters: Record<string, PeriodVerdict>;
  years: Record<string, PeriodVerdict>;
  milestones: MilestoneVerdict[];
  /** What it would take: for a target judged amber or red, each single-driver change that closes it; else empty. */
  toClose: DriverChange[];
  explain: Explanation;
}
