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

/** What one new customer is expected to buy over a lifespan (src/engine/customer-value.ts). */
export interface CustomerLifetime {
  /** Yearly discount rate (users.yaml lifecycle.retention.discountRate, default 0.1). */
  discountRate: number;
  /** Months counted after the first purchase, the first included (default 36). */
  lifespanMonths: number;
  /** Orders per active customer per month (default 1). */
  ordersPerActiveMonth: number;
  /** Index k = months after the first purchase: r(k) × orders per active month × (1 + d)^(−k/12). */
  expectedOrders: number[];
  /** Σ expectedOrders: discounted orders per new customer over the lifespan. */
  ordersPerCustomer: number;
}

/** Customer lifetime value and what it returns on the acquisition cost. */
export interface CustomerValue {
  /** CLV: margin per order × discounted orders per customer, yuan (to the fen); null without a margin per order. */
  ltv: number | null;
  /** CLV ÷ CAC; null without either. */
  ltvCac: number | null;
  /** First month after the first purchase (0 = that month) whose cumulative discounted margin covers CAC; null when the lifespan never does. */
  paybackMonths: number | null;
}

export interface UsersResult {
  aarrr: AarrrStage[];
  /** cohort month → active customers of that cohort by month (0 before the cohort month). */
  cohorts: Record<string, Series>;
  activeCustomers: Series;
  mau: Series;
  dau: Series;
  repurchaseRate: number | null;
  lifetime: CustomerLifetime;
  membership: MembershipResult;
  rfm: RfmResult;
  explain: Record<string, Explanation>;
}
