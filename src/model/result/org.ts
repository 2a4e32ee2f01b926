// Organisation results: headcount, payroll, training and incentives (src/engine/org.ts).
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

export interface IncentiveResult {
  attainment: number | null;
  payoutShare: number;
  payout: number;
  explain: Explanation;
}

export interface OrgResult {
  headcount: Series;
  byTeam: Record<string, Series>;
  byRole: Record<string, Series>;
  salary: Series;
  socialInsurance: Series;
  bonus: Series;
  payroll: Series;
  training: Series;
  incentives: Record<string, IncentiveResult>;
  incentiveCost: Series;
  explain: Record<string, Explanation>;
}
