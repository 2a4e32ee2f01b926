// Findings in words: the one renderer the pipeline (diagnostics), the site, the PDF and the command line use.
// Each kind's facts become the arguments of its catalog sentence — names from the plan, amounts formatted in
// the reader's locale — so the engine's facts reach every reader in their language and nothing is re-parsed.
import type { Amount, EntityRef } from '../model/facts.ts';
import type { DriverMove, Finding, FindingKind, FindingOf, RangeSource, SlowReason, TargetFacts } from '../model/findings.ts';
import { changeText } from './verdict-text.ts';
import { localText } from './text.ts';
import { parseFormula, type FormulaNode } from '../model/formula.ts';
import { t, type MessageArgs } from './catalog.ts';
import { formatDate, formatMonth, formatPeriod, formatValue, joinList } from './format.ts';
import type { Locale } from './locale.ts';
import { nameOf, type PlanNames } from './names.ts';

/** What a kind's arguments are built with: the locale's formatting and the plan's names. */
export interface Render {
  locale: Locale;
  name(ref: EntityRef): string;
  amount(a: Amount): string;
  /** A count rounded up, as stock is ordered (reorder points and safety stock are fractional). */
  units(a: Amount): string;
  month(m: string): string;
  date(d: string): string;
  list(items: readonly string[]): string;
}

const OPERATORS = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' } as const;

type ArgsOf = { [K in FindingKind]: (facts: FindingOf<K>['facts'], r: Render) => MessageArgs };

/** The arguments of each kind's sentence (besides `name`, the subject's name). */
const ARGS: ArgsOf = {
  'promotion-margin': (f, r) => ({ depth: r.amount(f.depth), margin: r.amount(f.margin) }),
  'promotion-below-break-even': (f, r) => ({ expectedUplift: r.amount(f.expectedUplift), breakEvenUplift: r.amount(f.breakEvenUplift), depth: r.amount(f.depth), margin: r.amount(f.margin) }),
  'promotion-overlap': (f, r) => ({ other: r.name(f.other), from: r.date(f.from), to: r.date(f.to), channels: f.channels.length ? r.list(f.channels.map(r.name)) : 'none' }),
  'stock-out': (f, r) => ({ months: r.list(f.months.map(r.month)), shortfall: r.units(f.shortfall), openingStock: f.openingStock ? r.amount(f.openingStock) : 'none' }),
  overstock: (f, r) => ({ openingStock: r.amount(f.openingStock), days: f.daysOfCover ? r.amount(f.daysOfCover) : f.horizonDays ? 'beyond' : 'none', horizonDays: f.horizonDays ? r.amount(f.horizonDays) : '', maximumDays: r.amount(f.maximumDays) }),
  'slow-seller': (f, r) => ({ reasons: f.reasons.map((x) => slowReasonText(x, r)).join(t(r.locale, 'finding.reasonSeparator')) }),
  'margin-negative': (f, r) => ({ price: r.amount(f.price), netPrice: r.amount(f.netPrice), cost: r.amount(f.cost), unitMargin: r.amount(f.unitMargin) }),
  'price-mismatch': (f, r) => ({ listPrice: r.amount(f.listPrice), price: r.amount(f.price), pricing: f.pricing === 'cost-plus' ? 'costPlus' : f.pricing, apart: f.apart ? r.amount(f.apart) : 'none' }),
  'risk-triggered': (f, r) => ({
    kpi: r.name(f.kpi),
    operator: OPERATORS[f.operator],
    threshold: r.amount(f.threshold),
    firings: r.list(f.firings.map((x) => t(r.locale, 'finding.firing', { period: formatPeriod(x.period, r.locale), basis: x.basis }))),
  }),
  'target-gap': (f, r) => ({
    ...targetArgs(f, r),
    attainment: f.attainment ? r.amount(f.attainment) : 'none',
    status: t(r.locale, `label.status.${f.status}`),
    close: f.close ? driverMoveText(f.close, r) : 'none',
  }),
  'target-overshoot': (f, r) => ({ ...targetArgs(f, r), over: f.attainment ? r.amount({ value: f.attainment.value - 1, unit: 'rate' }) : '', threshold: r.amount(f.threshold) }),
  'milestone-off-track': (f, r) => ({ target: r.name(f.target), month: r.month(f.month), asked: r.amount(f.asked), planned: r.amount(f.planned) }),
  'ltv-below-cac': (f, r) => ({ ltv: r.amount(f.ltv), cac: r.amount(f.cac) }),
  'roas-below-break-even': (f, r) => ({ roas: r.amount(f.roas), breakEvenRoas: r.amount(f.breakEvenRoas), contributionRate: r.amount(f.contributionRate) }),
  'commission-twice': (f, r) => ({ channel: r.name(f.channel), affiliate: r.amount(f.affiliate), rate: r.amount(f.rate) }),
  'out-of-range': (f, r) => ({
    metric: t(r.locale, `finding.metric.${f.metric}`),
    value: r.amount(f.value),
    direction: f.direction,
    low: r.amount(f.low),
    high: r.amount(f.high),
    typical: f.typical ? r.amount(f.typical) : 'none',
    source: rangeSourceText(f.source, r.locale),
  }),
  'kpi-division-by-zero': (f, r) => ({ formula: formulaText(f.formula, r), months: r.list(f.months.map(r.month)) }),
  'kpi-overflow': (f, r) => ({ formula: formulaText(f.formula, r), months: f.months.length ? r.list(f.months.map(r.month)) : 'none' }),
  'aov-gap': (f, r) => ({ aov: r.amount(f.aov), statedAov: r.amount(f.statedAov), gap: r.amount(abs(f.gap)), direction: f.gap.value > 0 ? 'more' : 'less' }),
  'forecast-gap': (f, r) => ({ unitsSold: r.units(f.unitsSold), forecastUnits: r.units(f.forecastUnits), gap: r.amount(abs(f.gap)), direction: f.gap.value > 0 ? 'more' : 'fewer' }),
};

/** The formatting and naming context of one locale and plan. */
export function renderContext(locale: Locale, names: PlanNames): Render {
  return {
    locale,
    name: (ref) => nameOf(names, ref, locale),
    amount: (a) => formatValue(a.value, a.unit, locale, { currency: names.currency }),
    units: (a) => formatValue(Math.ceil(a.value - 1e-9), a.unit, locale),
    month: (m) => formatMonth(m, locale),
    date: (d) => formatDate(d, locale),
    list: (items) => joinList(items, locale),
  };
}

function argsOf(f: Finding, r: Render): MessageArgs {
  const args = (ARGS[f.kind] as (facts: Finding['facts'], r: Render) => MessageArgs)(f.facts, r);
  return { name: r.name(f.subject.entity), ...args };
}

/** The finding as one sentence in the locale, with the plan's names (and the plan's reason when it accepts it). */
export function findingText(f: Finding, locale: Locale, names: PlanNames): string {
  const r = renderContext(locale, names);
  const text = t(locale, `finding.${f.kind}.text`, argsOf(f, r));
  return f.accepted ? `${text}${locale === 'zh-CN' ? '' : ' '}${t(locale, 'finding.accepted', { reason: localText(f.accepted.reason, locale) })}` : text;
}

/** Where a plausibility range comes from: the source and its year, an estimate, or the plan's own evidence. */
export function rangeSourceText(s: RangeSource, locale: Locale): string {
  if (s.kind === 'plan') return t(locale, 'finding.source.plan', { evidence: localText(s.evidence, locale) });
  if (s.year === null) return t(locale, 'finding.source.estimate');
  return t(locale, s.confidence === 'sourced' ? 'finding.source.reference' : 'finding.source.partly', { id: s.id, year: String(s.year) });
}

/** What to do about a finding, in the locale. */
export function findingHint(f: Pick<Finding, 'kind'>, locale: Locale): string {
  return t(locale, `finding.${f.kind}.hint`);
}

/** The short title of a kind (a badge, a heading). */
export function findingTitle(kind: FindingKind, locale: Locale): string {
  return t(locale, `finding.${kind}.title`);
}

/** One reason a SKU is a slow seller, as a clause (joined in the finding's sentence, listed on the products page). */
export function slowReasonText(x: SlowReason, r: Render): string {
  switch (x.reason) {
    case 'phase-out':
      return t(r.locale, 'finding.reason.phase-out');
    case 'months-of-cover':
      return t(r.locale, 'finding.reason.months-of-cover', { monthsOfCover: r.amount(x.monthsOfCover), maximum: r.amount(x.maximum) });
    case 'no-forecast':
      return t(r.locale, 'finding.reason.no-forecast', { openingStock: r.amount(x.openingStock) });
    case 'sell-through':
      return t(r.locale, 'finding.reason.sell-through', { sellThrough: r.amount(x.sellThrough), minimum: r.amount(x.minimum) });
  }
}

/** A KPI formula with the KPIs' names for their ids: `orders * aov` → 订单数 × 客单价. */
export function formulaText(formula: string, r: Render): string {
  const parsed = parseFormula(formula);
  return parsed.ok ? printFormula(parsed.node, r, 0) : formula;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

function printFormula(node: FormulaNode, r: Render, outer: number): string {
  switch (node.type) {
    case 'number':
      // A constant too large to read digit by digit (the slip behind an overflow, e.g. 1e200) keeps its exponent.
      return new Intl.NumberFormat(r.locale, Math.abs(node.value) >= 1e15 ? { notation: 'scientific' } : { maximumFractionDigits: 6 }).format(node.value);
    case 'metric':
      return r.name({ entity: 'kpi', id: node.name });
    case 'negate':
      return `−${printFormula(node.operand, r, 3)}`;
    case 'binary': {
      const p = PRECEDENCE[node.operator];
      // The right operand of − and ÷ keeps its parentheses at equal precedence: a − (b − c).
      const text = `${printFormula(node.left, r, p)} ${SYMBOL[node.operator]} ${printFormula(node.right, r, node.operator === '-' || node.operator === '/' ? p + 1 : p)}`;
      return p < outer ? `(${text})` : text;
    }
  }
}

/** What both target findings say: the projection through a month against the target, the gap without its sign. */
function targetArgs(f: TargetFacts, r: Render): MessageArgs {
  return { projection: r.amount(f.projection), target: r.amount(f.target), gap: r.amount(abs(f.gap)), through: r.month(f.through) };
}

function driverMoveText(d: DriverMove, r: Render): string {
  return changeText(d.driver, d.channel ? r.name(d.channel) : '', r.amount(d.from), r.amount(d.to), d.change.value, r.locale);
}

function abs(a: Amount): Amount {
  return { value: Math.abs(a.value), unit: a.unit };
}
