// The KPI dictionary as computed: each KPI's definition, monthly projection (from its engine measure or
// its formula over other KPIs), monthly target (from a linked SMART target), the metric tree, and plan vs
// actual with a status when actuals exist.
import type { KpisFile, PlanInput } from '../model/plan-input.generated.ts';
import type { ActualsTable } from '../model/actuals.ts';
import { evaluateFormula, parseFormula, type FormulaNode } from '../model/formula.ts';
import type { Series } from '../model/result/series.ts';
import { ref } from '../model/facts.ts';
import { finding, type Finding, type Subject } from '../model/findings.ts';
import type { TargetResult } from '../model/result/targets.ts';
import type { Measure, MeasureValue } from './measures.ts';
import { explainAs } from './explain.ts';
import { seriesOf } from './series.ts';
import type { KpiVariance, KpiResult, MetricTree } from '../model/result/kpis.ts';

type Kpi = NonNullable<KpisFile['kpis']>[number];

export interface KpiOutcome {
  kpis: Record<string, KpiResult>;
  metricTree: MetricTree;
  findings: Finding[];
}

export function computeKpis(input: PlanInput, months: readonly string[], targets: readonly TargetResult[], measures: Record<Measure, MeasureValue>, actuals: ActualsTable = {}): KpiOutcome {
  const list = input.kpis?.kpis ?? [];
  const byTarget = new Map(targets.map((t) => [t.id, t]));
  const parsed = new Map<string, FormulaNode>();
  const children: Record<string, string[]> = {};
  for (const kpi of list) {
    const p = kpi.formula ? parseFormula(kpi.formula) : undefined;
    if (p?.ok) parsed.set(kpi.id, p.node);
    children[kpi.id] = p?.ok ? p.metrics : [];
  }
  const findings: Finding[] = [];
  const monthly = new Map<string, Series | null>();
  const totals = new Map<string, number | null>();
  // Formulas are evaluated depth-first; validation has ruled out cycles and unknown names.
  const resolve = (id: string): void => {
    if (monthly.has(id)) return;
    const kpi = list.find((k) => k.id === id);
    const node = parsed.get(id);
    if (kpi?.measure) {
      monthly.set(id, measures[kpi.measure].monthly);
      totals.set(id, measures[kpi.measure].total);
      return;
    }
    if (!node) {
      monthly.set(id, null);
      totals.set(id, null);
      return;
    }
    monthly.set(id, null); // guards against re-entry
    for (const child of children[id] ?? []) resolve(child);
    const zeroMonths: string[] = [];
    const overflowMonths: string[] = [];
    const series = seriesOf(months, (m) => {
      const r = evaluateFormula(node, (name) => monthly.get(name)?.[m] ?? null);
      if (r.divisionByZero) zeroMonths.push(m);
      if (r.overflow) overflowMonths.push(m);
      return r.value ?? 0;
    });
    const whole = evaluateFormula(node, (name) => totals.get(name) ?? null);
    const inputsKnown = (children[id] ?? []).every((c) => monthly.get(c));
    monthly.set(id, inputsKnown ? series : null);
    totals.set(id, inputsKnown ? whole.value : null);
    const subject: Subject = { entity: ref('kpi', id), file: 'kpis', path: ['kpis', list.findIndex((k) => k.id === id), 'formula'] };
    const formula = kpi?.formula ?? '';
    if (inputsKnown && zeroMonths.length) findings.push(finding('kpi-division-by-zero', subject, { formula, months: zeroMonths }));
    // No months: the whole-plan figure overflows although every month holds.
    if (inputsKnown && (overflowMonths.length || whole.overflow)) findings.push(finding('kpi-overflow', subject, { formula, months: overflowMonths }));
  };
  for (const kpi of list) resolve(kpi.id);

  const used = new Set(Object.values(children).flat());
  const kpis = Object.fromEntries(
    list.map((kpi, index) => {
      const linked = kpi.targetRef ? byTarget.get(kpi.targetRef) : undefined;
      const projected = monthly.get(kpi.id) ?? null;
      const targetMonthly = linked?.monthly ?? null;
      const actual = actualsOf(kpi.id, actuals);
      const plan = targetMonthly ?? projected;
      return [
        kpi.id,
        {
          id: kpi.id,
          name: kpi.name,
          category: kpi.category,
          dimension: kpi.dimension,
          unit: kpi.unit,
          definition: kpi.definition,
          formula: kpi.formula ?? null,
          measure: kpi.measure ?? null,
          owner: kpi.owner,
          source: kpi.source,
          frequency: kpi.frequency,
          direction: kpi.direction,
          target: linked?.value ?? kpi.target ?? null,
          targetMonthly,
          projected,
          projectedTotal: totals.get(kpi.id) ?? null,
          actual,
          variance: actual && plan ? variances(kpi, plan, actual) : null,
          explain: kpi.formula
            ? explainAs('kpi.formula', [{ label: 'formula', value: kpi.formula, source: { file: 'kpis.yaml', path: `kpis[${index}].formula` } }], { kpi: kpi.id, formula: kpi.formula })
            : kpi.measure
              ? explainAs('kpi.measure', [{ label: 'measure', value: kpi.measure, source: { file: 'kpis.yaml', path: `kpis[${index}].measure` } }], { kpi: kpi.id, measure: kpi.measure })
              : explainAs('kpi.external', [], { kpi: kpi.id, source: typeof kpi.source === 'string' ? kpi.source : 'none' }),
        } satisfies KpiResult,
      ];
    }),
  );
  return { kpis, metricTree: { children, roots: list.map((k) => k.id).filter((id) => !used.has(id)) }, findings };
}

function actualsOf(id: string, actuals: ActualsTable): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const [month, values] of Object.entries(actuals)) if (values[id] !== undefined) out[month] = values[id]!;
  return Object.keys(out).length ? out : null;
}

function variances(kpi: Kpi, plan: Series, actual: Record<string, number>): Record<string, KpiVariance> {
  const green = kpi.thresholds?.green ?? 1;
  const amber = kpi.thresholds?.amber ?? 0.9;
  const out: Record<string, KpiVariance> = {};
  for (const [month, value] of Object.entries(actual)) {
    const p = plan[month];
    if (p === undefined) continue;
    // actual ÷ plan (plan ÷ actual when lower is better) while the numbers are positive; a ratio of two
    // negatives reads backwards (a loss of 50 against a planned loss of 100 would be 0.5, red), so otherwise
    // attainment is 1 + the improvement on the plan ÷ |plan|.
    const attainment =
      kpi.direction === 'lower-better'
        ? value > 0 && p >= 0 ? p / value : p !== 0 ? 1 + (p - value) / Math.abs(p) : null
        : p > 0 ? value / p : p < 0 ? 1 + (value - p) / Math.abs(p) : null;
    out[month] = {
      plan: p,
      actual: value,
      delta: value - p,
      attainment,
      status: attainment === null ? null : attainment >= green ? 'green' : attainment >= amber ? 'amber' : 'red',
    };
  }
  return out;
}
