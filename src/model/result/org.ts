// Organisation results: headcount, payroll, training and incentives (src/engine/org.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export interface IncentiveResult {
  attainment: number | null;
  payoutShare: number;
  payout: number;
  explain: Explanation;
}

/** One training course: its month, the heads of its audience teams then, and its cost. */
export interface TrainingCourseResult {
  month: string;
  heads: number;
  cost: number;
}

export interface OrgResult {
  headcount: Series;
  byTeam: Record<string, Series>;
  byRole: Record<string, Series>;
  salary: Series;
  socialInsurance: Series;
  bonus: Series;
  payroll: Series;
  /** Payroll per quarter (`YYYY-Qn`), summed in fen: the quarters add up to the year. */
  payrollByQuarter: Record<string, number>;
  training: Series;
  /** Per training id of org.yaml (courses in the horizon only). */
  trainingByCourse: Record<string, TrainingCourseResult>;
  incentives: Record<string, IncentiveResult>;
  incentiveCost: Series;
  explain: Record<string, Explanation>;
}
