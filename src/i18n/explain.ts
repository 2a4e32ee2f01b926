// "How is this calculated" in words: the one renderer of an explanation. A formula's key becomes its catalog
// sentence with the plan's names in the reader's language; each input its label and its value formatted in the
// locale.
import type { EntityRef, Unit } from '../model/facts.ts';
import type { Explanation, InputSource, LabelledInput } from '../model/result/explanation.ts';
import { isMessageKey, t, type MessageArgs } from './catalog.ts';
import { formulaText, renderContext, type Render } from './findings.ts';
import { formatValue } from './format.ts';
import type { Locale } from './locale.ts';
import type { PlanNames } from './names.ts';

export interface ExplanationText {
  formula: string;
  inputs: Array<{ label: string; value: string; source?: InputSource }>;
}

export function explanationText(e: Explanation, locale: Locale, names: PlanNames): ExplanationText {
  const r = renderContext(locale, names);
  // Inputs are the plan's own numbers: shown in full, as written (¥24,900, not ¥2.5万).
  const exact = (value: number, unit: Unit) => formatValue(value, unit, locale, { style: 'exact', currency: names.currency });
  return {
    formula: t(locale, `explain.formula.${e.key}`, formulaArgs(e, r)),
    inputs: e.inputs.map((i) => ({
      label: t(locale, `explain.input.${i.label}`, { name: i.of ? r.name(i.of) : i.mechanic ? labelOf('mechanic', i.mechanic, locale) : 'none' }),
      value: inputValue(i, r, exact),
      ...(i.source ? { source: i.source } : {}),
    })),
  };
}

/** The sentence's arguments: ids of KPIs and targets as their names, a KPI formula with names, measures' labels, a month. */
function formulaArgs(e: Explanation, r: Render): MessageArgs {
  const args: Record<string, string | number> = { ...e.args };
  if (typeof args.kpi === 'string') args.kpi = r.name({ entity: 'kpi', id: args.kpi });
  if (typeof args.target === 'string') args.target = r.name({ entity: 'target', id: args.target });
  if (typeof args.formula === 'string') args.formula = formulaText(args.formula, r);
  if (typeof args.measure === 'string') args.measure = measureLabel(args.measure, r.locale);
  if (typeof args.per === 'string') args.per = measureLabel(args.per, r.locale);
  if (typeof args.through === 'string') args.through = r.month(args.through);
  if (typeof args.metric === 'string') args.metric = labelOf('funnel', args.metric, r.locale);
  if (typeof args.lines === 'string') args.lines = args.lines.split(',').map((line) => labelOf('pnl', line, r.locale)).join(' + ');
  return args;
}

/**
 * A month (`2027-03`) or a day (`2027-06-01`) as the plan writes it, whatever the input (a launch, a promotion's
 * days, a target's deadline — which read "截止日期 = 2027-12" while only some labels were known to hold one).
 */
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

function inputValue(i: LabelledInput, r: Render, exact: (value: number, unit: Unit) => string): string {
  const v = i.value;
  if (v === null) return '—';
  if (typeof v === 'number') return i.unit ? exact(v, i.unit) : v.toLocaleString(r.locale);
  if (Array.isArray(v)) return r.list(v.map((x: EntityRef | number) => (typeof x === 'number' ? x.toLocaleString(r.locale) : r.name(x))));
  if (typeof v === 'object') {
    if ('word' in v) return t(r.locale, `explain.value.${v.word}`);
    if ('pairs' in v) return r.list(v.pairs.map(([a, b]) => `${exact(a, v.units[0])}${v.join === 'arrow' ? ' → ' : ': '}${exact(b, v.units[1])}`));
    return r.name(v as EntityRef);
  }
  if (i.label === 'formula') return formulaText(v, r);
  if (i.label === 'measure') return measureLabel(v, r.locale);
  if (MONTH.test(v)) return r.month(v);
  if (DAY.test(v)) return r.date(v);
  return v;
}

/** A label of the catalog's `label.<group>` (an enum value, a funnel or P&L line), else the code as written. */
function labelOf(group: string, code: string, locale: Locale): string {
  const key = `label.${group}.${code}`;
  return isMessageKey(key) ? t(locale, key) : code;
}

/** A measure of the order data by its name in the catalog (`cvr` → 转化率), else as written. */
export function measureLabel(measure: string, locale: Locale): string {
  return labelOf('measure', measure, locale);
}
