// What the dashboard and the board one-pager open with, computed once by the engine (src/engine/verdict-summary.ts)
// so pages only format: each target's actual to date against its target and the plan, GMV and operating
// profit by quarter against target and last year, the target-to-projection bridge by channel, and the risks
// ranked for the board.
import type { PeriodVerdict } from './target-verdicts.ts';

/** A target's months with actuals (from the horizon's first month on, without a hole) judged against the target. */
export interface ToDateVerdict extends PeriodVerdict {
  /** The last month with an actual. */
  through: string;
  /** How many months the figures cover. */
  months: number;
  /** What the plan projects for the same months (null when it projects nothing). */
  plan: number | null;
}

/** One P&L figure for a period: as planned, the target for the period, and last year's figure. */
export interface PeriodFigure {
  plan: number;
  /** null when no target judges the line. */
  target: number | null;
  /** null when last year's figure for the whole period is not known. */
  lastYear: number | null;
}

export const SUMMARY_LINES = ['gmv', 'operatingProfit'] as const;
export type SummaryLine = (typeof SUMMARY_LINES)[number];

export type PeriodFigures = Record<SummaryLine, PeriodFigure>;

/** From a target's total to the plan's projection: the contribution of each sales channel, largest first. */
export interface TargetBridge {
  targetId: string;
  /** The target over the horizon. */
  from: number;
  /** The bottom-up projection over the horizon; from + Σ steps = to exactly. */
  to: number;
  steps: Array<{ channel: string; delta: number }>;
}

export interface VerdictSummary {
  /**
   * Target id → the target to date (PeriodVerdict's projection is the actual to date, judged against the target
   * for the same months); only targets with actuals from the horizon's first month on.
   */
  toDate: Record<string, ToDateVerdict>;
  /** GMV and operating profit by quarter (`YYYY-Qn`) and for the whole horizon. */
  quarters: Record<string, PeriodFigures>;
  year: PeriodFigures;
  /** One bridge per target the channel funnel projects (GMV, revenue, orders, new customers) when the plan has channels. */
  bridges: Record<string, TargetBridge>;
  /** Every risk id, most pressing first: score, then fired triggers, then the order of risks.yaml. */
  risksRanked: string[];
}
