// Findings: what the engine's checks found that people should look at, as typed facts, never sentences.
// A finding says what it is (`kind`, which is also its diagnostic code), how serious it is, which plan entry
// and file line it is about (`subject`), and the numbers, periods and other entries behind it (`facts`).
// The catalog (src/i18n) turns each kind into a zh-CN and an English sentence; the pipeline reports findings
// as diagnostics at their line.
import type { Amount, EntityRef, PlanPlace } from './facts.ts';
import type { Text } from './plan-input.generated.ts';
import type { DriverKind } from './result/target-verdicts.ts';
import type { TargetMetric } from './result/targets.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

/** What a finding is about: a plan entry (named when shown) and the place in a plan file to point at. */
export interface Subject extends PlanPlace {
  entity: EntityRef;
}

interface Of<K extends string, F> {
  kind: K;
  severity: FindingSeverity;
  subject: Subject;
  facts: F;
  /** The plan accepts the finding (plan.yaml `assumptions.accepted`): it is a note (`info`) carrying the reason. */
  accepted?: { reason: Text };
}

/**
 * Where a plausibility range comes from: a row of ShopPlan's reference table (its source id — `INF` for an
 * estimate — year and confidence) or the plan's own range (plan.yaml `assumptions.ranges`) with its evidence.
 */
export type RangeSource = { kind: 'reference'; id: string; year: number | null; confidence: 'sourced' | 'estimate' } | { kind: 'plan'; evidence: Text };

/** What a plausibility range is about (src/engine/plausibility/reference.ts lists the rows). */
export type PlausibilityMetric =
  | 'cvr'
  | 'return-rate'
  | 'traffic-growth'
  | 'commission'
  | 'fee-share'
  | 'aov'
  | 'shipping-per-order'
  | 'warehousing-per-order'
  | 'repurchase-rate'
  | 'roas'
  | 'cac'
  | 'push-cvr'
  | 'marketing-share'
  | 'june-peak'
  | 'october-ramp'
  | 'november-peak'
  | 'inventory-days'
  | 'social-insurance'
  | 'vat-rate'
  | 'income-tax-rate';

/** Why a SKU counts as a slow seller (products.yaml `slowSeller`). */
export type SlowReason =
  | { reason: 'phase-out' }
  | { reason: 'months-of-cover'; monthsOfCover: Amount; maximum: Amount }
  | { reason: 'no-forecast'; openingStock: Amount }
  | { reason: 'sell-through'; sellThrough: Amount; minimum: Amount };

/** One input changed until a missed target is met, all else as planned (engine/what-it-takes.ts). */
export interface DriverMove {
  driver: DriverKind;
  /** The sales channel whose input changes (a channel's CVR); absent for a plan-wide driver. */
  channel?: EntityRef;
  from: Amount;
  to: Amount;
  /** to ÷ from − 1. */
  change: Amount;
}

/** A target judged through its deadline (engine/target-verdicts.ts): the facts both target findings carry. */
export interface TargetFacts {
  metric: TargetMetric;
  /** The last month the projection counts (the deadline, or the horizon's end before it). */
  through: string;
  target: Amount;
  projection: Amount;
  /** projection − target. */
  gap: Amount;
  /** projection ÷ target; null when the target is 0. */
  attainment: Amount | null;
}

/** A period of a trigger window: a month `2027-03`, a quarter `2027-Q2`, or `all`. */
export interface Firing {
  period: string;
  basis: 'projection' | 'actual';
  value: Amount;
}

export type Finding =
  /** The discount gives away at least the whole margin: every sale loses money, whatever the uplift. */
  | Of<'promotion-margin', { depth: Amount; margin: Amount }>
  /** The expected uplift is below what the discount needs to break even. */
  | Of<'promotion-below-break-even', { expectedUplift: Amount; breakEvenUplift: Amount; depth: Amount; margin: Amount }>
  /** Two promotions share days and channels (reported once per pair, on the earlier one). */
  | Of<'promotion-overlap', { other: EntityRef; from: string; to: string; channels: EntityRef[] }>
  /** The projected stock (opening + receipts − sales) runs out in `months`; `shortfall` = the largest month-end gap. */
  | Of<'stock-out', { months: string[]; shortfall: Amount; openingStock: Amount | null }>
  /**
   * `daysOfCover` is null when the stock is not used up within the plan: `horizonDays` (the plan's days) is then
   * set when there is demand (the stock outlasts the plan), null when there is none (it covers forever).
   */
  | Of<'overstock', { openingStock: Amount; daysOfCover: Amount | null; maximumDays: Amount; horizonDays: Amount | null }>
  | Of<'slow-seller', { reasons: SlowReason[] }>
  | Of<'margin-negative', { price: Amount; netPrice: Amount; cost: Amount; unitMargin: Amount }>
  /** The list price differs from the price the pricing method gives by more than the tolerance. */
  | Of<'price-mismatch', { listPrice: Amount; price: Amount; pricing: 'cost-plus' | 'competitor' | 'value'; apart: Amount | null }>
  | Of<'risk-triggered', { kpi: EntityRef; operator: '>' | '>=' | '<' | '<='; threshold: Amount; firings: Firing[] }>
  /**
   * The plan's projection falls short of a target beyond its threshold (status amber or red; `threshold` is the
   * attainment from which it counts as on track), with the smallest plausible single-driver change that closes
   * it (`close`), if there is one.
   */
  | Of<'target-gap', TargetFacts & { status: 'amber' | 'red'; threshold: Amount; close: DriverMove | null }>
  /** The projection exceeds a target by more than the plan's overshoot threshold (`threshold`: 0.1 = 10 % above). */
  | Of<'target-overshoot', TargetFacts & { threshold: Amount }>
  | Of<'milestone-off-track', { target: EntityRef; month: string; asked: Amount; planned: Amount }>
  | Of<'ltv-below-cac', { ltv: Amount; cac: Amount }>
  /** A marketing channel's target ROAS below the ROAS at which its sales channels' contribution pays the spend. */
  | Of<'roas-below-break-even', { roas: Amount; breakEvenRoas: Amount; contributionRate: Amount }>
  /**
   * A CPS marketing channel pays commission on sales of a sales channel whose fees already charge an affiliate
   * commission on all its net sales: the same creators' commission is counted twice.
   */
  | Of<'commission-twice', { channel: EntityRef; affiliate: Amount; rate: Amount }>
  /** An assumption, or a ratio computed from the plan, outside its published (or the plan's own) range. */
  | Of<'out-of-range', { metric: PlausibilityMetric; value: Amount; direction: 'below' | 'above'; low: Amount; typical: Amount | null; high: Amount; source: RangeSource }>
  | Of<'kpi-division-by-zero', { formula: string; months: string[] }>
  /** The formula's value is beyond what a number holds in `months`, or (no months) for the whole plan. */
  | Of<'kpi-overflow', { formula: string; months: string[] }>
  /** A channel's stated AOV against the one its SKUs give (GMV ÷ orders); `gap` = computed ÷ stated − 1. */
  | Of<'aov-gap', { aov: Amount; statedAov: Amount; gap: Amount }>
  /** The units the channels sell of a SKU against its forecast × months on sale; `gap` = sold ÷ forecast − 1. */
  | Of<'forecast-gap', { unitsSold: Amount; forecastUnits: Amount; gap: Amount }>;

export type FindingKind = Finding['kind'];
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;

/** Every kind, in the order a board reads them: missed targets and losses before operational findings. */
export const FINDING_KINDS = Object.keys({
  'promotion-margin': 0,
  'target-gap': 0,
  'target-overshoot': 0,
  'margin-negative': 0,
  'risk-triggered': 0,
  'ltv-below-cac': 0,
  'roas-below-break-even': 0,
  'commission-twice': 0,
  'milestone-off-track': 0,
  'stock-out': 0,
  'promotion-below-break-even': 0,
  'aov-gap': 0,
  'forecast-gap': 0,
  'price-mismatch': 0,
  overstock: 0,
  'promotion-overlap': 0,
  'slow-seller': 0,
  'out-of-range': 0,
  'kpi-division-by-zero': 0,
  'kpi-overflow': 0,
} satisfies Record<FindingKind, 0>) as FindingKind[];

export function isFindingKind(code: string): code is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(code);
}

/** How serious each kind is unless a check says otherwise; the diagnostic codes table uses the same. */
export const FINDING_SEVERITY = {
  'promotion-margin': 'error',
  'target-gap': 'warning',
  'target-overshoot': 'warning',
  'margin-negative': 'warning',
  'risk-triggered': 'warning',
  'ltv-below-cac': 'warning',
  'roas-below-break-even': 'warning',
  'commission-twice': 'warning',
  'milestone-off-track': 'warning',
  'stock-out': 'warning',
  'promotion-below-break-even': 'warning',
  'price-mismatch': 'warning',
  overstock: 'warning',
  'promotion-overlap': 'info',
  'slow-seller': 'warning',
  'out-of-range': 'warning',
  'kpi-division-by-zero': 'warning',
  'kpi-overflow': 'error',
  'aov-gap': 'warning',
  'forecast-gap': 'warning',
} as const satisfies Record<FindingKind, FindingSeverity>;

/** A finding of a kind, typed by its kind, as serious as its kind unless `severity` says otherwise. */
export function finding<K extends FindingKind>(kind: K, subject: Subject, facts: FindingOf<K>['facts'], severity: FindingSeverity = FINDING_SEVERITY[kind]): FindingOf<K> {
  return { kind, severity, subject, facts } as FindingOf<K>;
}
