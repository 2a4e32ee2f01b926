// "How is this calculated" in words: the one renderer of an explanation. A formula's key becomes its catalog
// sentence with the plan's names in the reader's language; each input its label and its value formatted in the
// locale. Explanations still in the older form (English text) pass through as they are.
import type { EntityRef, Unit } from '../model/facts.ts';
import { isFormulaExplanation, type Explanation, type FormulaExplanation, type InputSource, type LabelledInput } from '../model/result/explanation.ts';
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
  if (!isFormulaExplanation(e)) {
    return { formula: e.formula, inputs: e.inputs.map((i) => ({ label: i.name, value: typeof i.value === 'number' ? i.value.toLocaleString(locale) : i.value, ...(i.source ? { source: i.source } : {}) })) };
  }
  const r = renderContext(locale, names);
  // Inputs are the plan's own numbers: shown in full, as written (¥24,900, not ¥2.5万).
  const exact = (value: number, unit: Unit) => formatValue(value, unit, locale, { style: 'exact', currency: names.currency });
  return {
    formula: t(locale, `explain.formula.${e.key}`, formulaArgs(e, r)),
    inputs: e.inputs.map((i) => ({
      label: t(locale, `explain.input.${i.label}`, i.of ? { name: r.name(i.of) } : undefined),
      value: inputValue(i, r, exact),
      ...(i.source ? { source: i.source } : {}),
    })),
  };
}

/** The sentence's arguments: ids of KPIs and targets as their names, a KPI formula with names, measures' labels, a month. */
function formulaArgs(e: FormulaExplanation, r: Render): MessageArgs {
  const args: Record<string, string | number> = { ...e.args };
  if (typeof args.kpi === 'string') args.kpi = r.name({ entity: 'kpi', id: args.kpi });
  if (typeof args.target === 'string') args.target = r.name({ entity: 'target', id: args.target });
  if (typeof args.formula === 'string') args.formula = formulaText(args.formula, r);
  if (typeof args.measure === 'string') args.measure = measureLabel(args.measure, r.locale);
  if (typeof args.per === 'string') args.per = measureLabel(args.per, r.locale);
  if (typeof args.through === 'string') args.through = r.month(args.through);
  return args;
}

function inputValue(i: LabelledInput, r: Render, exact: (value: number, unit: Unit) => string): string {
  const v = i.value;
  if (v === null) return '—';
  if (typeof v === 'number') return i.unit ? exact(v, i.unit) : v.toLocaleString(r.locale);
  if (typeof v === 'object') return r.name(v as EntityRef);
  if (i.label === 'formula') return formulaText(v, r);
  if (i.label === 'measure') return measureLabel(v, r.locale);
  return v;
}

/** A measure of the order data by its name in the catalog (`cvr` → 转化率), else as written. */
export function measureLabel(measure: string, locale: Locale): string {
  const key = `label.measure.${measure}`;
  return isMessageKey(key) ? t(locale, key) : measure;
}
