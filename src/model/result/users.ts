// Users results: AARRR, cohorts, membership and RFM (src/engine/users.ts).
import type { UsersFile } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

type Stage = NonNullable<UsersFile['lifecycle']>['stages'][number];
type Segment = NonNullable<UsersFile['rfm']>['segments'][number];

export interface AarrrStage {
  stage: Stage['stage'];
  id: string;
  /** The stage's conversion from the previous stage; null when the plan gives none (counted as 1). */
  rate: number | null;
  /** People reaching the stage over the plan (expected value, not rounded). */
  count: number;
}

export interface MembershipResult {
  /** Members at the end of each month: start + Σ new customers × monthly join rate so far. */
  members: Series;
  tiers: Record<string, { share: number; /** at the end of the horizon */ members: number }>;
  /** GMV × member share of GMV × points per yuan × share-weighted points multiplier. */
  pointsIssued: Series;
  /** Points issued × redemption rate × value per point: the expected cost (liability) created that month, yuan. */
  pointsCost: Series;
  /** Σ points cost over the plan, yuan. */
  pointsLiability: number;
}

export interface RfmResult {
  segments: Array<{ id: string; name: Segment['name']; rule: Segment['rule']; action: Segment['action']; tier: string | null; channel: string | null }>;
  /** The scoring thresholds; null when the plan has no RFM section. */
  cutoffs: { recencyDays: number[]; frequency: number[]; monetary: number[] } | null;
}

export interface UsersResult {
  aarrr: AarrrStage[];
  /** cohort month → active customers of that cohort by month (0 before the cohort month). */
  cohorts: Record<string, Series>;
  activeCustomers: Series;
  mau: Series;
  dau: Series;
  repurchaseRate: number | null;
  membership: MembershipResult;
  rfm: RfmResult;
  explain: Record<string, Explanation>;
}
