// How a computed figure was obtained, shown on pages as "how is this calculated".
//
// A model explains a figure with facts: the key of its formula (worded with names in every language by the
// catalog, src/i18n/messages/explain.ts) and the inputs it used, each with a label key, a value with its unit
// and, when it comes straight from the plan, the plan path it was read from. Models are moving to this form
// from the older `TextExplanation` (English formula text); the site renders both until the last one moves.
import type { EntityRef, Unit } from '../facts.ts';

/** Every formula a model explains a figure with; each has a zh-CN and an English sentence in the catalog. */
export const FORMULAS = [
  'risk.score',
  'system.cost',
  'kpi.formula',
  'kpi.measure',
  'kpi.external',
  'target.seasonal',
  'target.even',
  'target.ramp',
  'target.level',
  'target.judgedTotal',
  'target.judgedRate',
  'target.judgedLevel',
  'org.payout',
  'org.payoutUnknown',
  'org.headcount',
  'org.salary',
  'org.salaryRaise',
  'org.socialInsurance',
  'org.bonus',
  'org.payroll',
  'org.training',
  'org.incentiveCost',
  'users.aarrr',
  'users.cohorts',
  'users.activeCustomers',
  'users.mau',
  'users.dau',
  'users.dauNone',
  'users.repurchaseStage',
  'users.repurchaseCurve',
  'users.repurchaseNone',
  'users.members',
  'users.pointsIssued',
  'users.pointsNone',
  'users.pointsCost',
  'users.pointsLiability',
  'users.lifetime',
  'marketing.ltv',
  'marketing.ltvCac',
  'marketing.payback',
  'breakEven.units',
  'breakEven.sales',
  'breakEven.roas',
  'breakEven.priceChange',
  'supply.orderingCycle',
] as const;
export type FormulaKey = (typeof FORMULAS)[number];

/** Every label of an input; `of` names the entry the label is about (a stage's rate, a target's attainment). */
export const INPUT_LABELS = [
  'likelihood',
  'impact',
  'monthlyCost',
  'setupCost',
  'formula',
  'measure',
  'total',
  'seasonality',
  'target',
  'baseline',
  'deadline',
  'pool',
  'attainment',
  'payoutSteps',
  'roles',
  'annualRaise',
  'socialInsuranceRate',
  'baseFloor',
  'baseCap',
  'bonusMonths',
  'trainings',
  'payouts',
  'visitors',
  'stageRate',
  'retentionCurve',
  'startingMembers',
  'dauMau',
  'joinRate',
  'memberGmvShare',
  'pointsPerYuan',
  'weightedMultiplier',
  'redemptionRate',
  'valuePerPoint',
  'pointsCost',
  'ordersPerActiveMonth',
  'discountRate',
  'lifespanMonths',
  'aov',
  'aovOfDrivenChannels',
  'planAov',
  'grossMarginRate',
  'ordersPerCustomer',
  'ltv',
  'cac',
  'fixedCosts',
  'contribution',
  'unitsSold',
  'gmv',
  'greenFrom',
  'amberFrom',
  'overshootAbove',
  'orderCost',
  'holdingCostRate',
] as const;
export type InputLabel = (typeof INPUT_LABELS)[number];

/** Where an input was read in the plan: file name and dotted path, e.g. `targets.yaml`, `targets[0].value`. */
export interface InputSource {
  file: string;
  path: string;
}

/** An input of a formula. `value` is a number in `unit`, a plan entry, the plan's own text (a KPI formula,
 *  a date), or null when there is none (no cap, no attainment yet). */
export interface LabelledInput {
  label: InputLabel;
  of?: EntityRef;
  value: number | EntityRef | string | null;
  unit?: Unit;
  source?: InputSource;
}

export interface FormulaExplanation {
  key: FormulaKey;
  /** Facts the formula's sentence places: the plan's own text (a KPI formula), ids of entries, numbers. */
  args?: Readonly<Record<string, string | number>>;
  inputs: LabelledInput[];
}

/** The older form: English formula text. */
export interface TextExplanation {
  formula: string;
  inputs: ExplainInput[];
}

export type Explanation = FormulaExplanation | TextExplanation;

export interface ExplainInput {
  name: string;
  value: number | string;
  /** Plan path of the input, e.g. `targets.targets[0].value`, when it comes straight from the plan. */
  source?: InputSource;
}

export function isFormulaExplanation(e: Explanation): e is FormulaExplanation {
  return 'key' in e;
}
