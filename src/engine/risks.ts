// Risk register: likelihood × impact scores and heat-map cells; KPI-linked triggers that fire when the
// projection or an actual crosses the threshold; the compliance checklist by status and area.
import type { PlanInput, RisksFile } from '../model/plan-input.generated.ts';
import { quarterOf } from '../model/calendar.ts';
import { amount, kpiUnit, ref } from '../model/facts.ts';
import { finding, type Finding } from '../model/findings.ts';
import type { KpiResult } from '../model/result/kpis.ts';
import { explainAs } from './explain.ts';
import type { RiskLevel, TriggerFiring, RiskResult, RisksResult } from '../model/result/risks.ts';

type Risk = NonNullable<RisksFile['risks']>[number];
type Compliance = NonNullable<RisksFile['compliance']>[number];

/** Score bands on the 1–25 scale. */
export function riskLevel(score: number): RiskLevel {
  return score >= 15 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

const COMPARE = {
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
} as const;

export function computeRisks(input: PlanInput, months: readonly string[], kpis: Record<string, KpiResult>): RisksResult {
  const risks = input.risks?.risks ?? [];
  const items: Record<string, RiskResult> = {};
  risks.forEach((risk, i) => {
    const score = risk.likelihood * risk.impact;
    items[risk.id] = {
      id: risk.id,
      category: risk.category,
      title: risk.title,
      owner: risk.owner,
      likelihood: risk.likelihood,
      impact: risk.impact,
      score,
      level: riskLevel(score),
      trigger: risk.trigger ?? null,
      fired: risk.trigger ? firings(risk.trigger, months, kpis[risk.trigger.kpi]) : [],
      explain: explainAs('risk.score', [
        { label: 'likelihood', value: risk.likelihood, unit: 'score', source: { file: 'risks.yaml', path: `risks[${i}].likelihood` } },
        { label: 'impact', value: risk.impact, unit: 'score', source: { file: 'risks.yaml', path: `risks[${i}].impact` } },
      ]),
    };
  });
  const heatmap = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) {
      heatmap.push({ likelihood, impact, score: likelihood * impact, level: riskLevel(likelihood * impact), risks: risks.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => r.id) });
    }
  }
  const statuses = ['done', 'in-progress', 'todo', 'not-applicable'] as const;
  const empty = () => Object.fromEntries(statuses.map((s) => [s, 0])) as Record<Compliance['status'], number>;
  const byStatus = empty();
  const byArea: Record<string, Record<Compliance['status'], number>> = {};
  const compliance = input.risks?.compliance ?? [];
  for (const c of compliance) {
    byStatus[c.status]++;
    (byArea[c.area] ??= empty())[c.status]++;
  }
  const applicable = compliance.length - byStatus['not-applicable'];
  return {
    items,
    heatmap,
    compliance: {
      items: Object.fromEntries(compliance.map((c) => [c.id, { id: c.id, area: c.area, status: c.status, owner: c.owner, due: c.due ?? null }])),
      byStatus,
      byArea,
      doneShare: applicable > 0 ? byStatus.done / applicable : null,
    },
  };
}

/** Where the KPI crosses the threshold: each month, quarter or the year, on the projection and on actuals. */
function firings(trigger: NonNullable<Risk['trigger']>, months: readonly string[], kpi: KpiResult | undefined): TriggerFiring[] {
  if (!kpi) return [];
  const compare = COMPARE[trigger.operator];
  const window = trigger.window ?? 'month';
  const periodOf = (m: string) => (window === 'month' ? m : window === 'quarter' ? quarterOf(m) : 'all');
  const out: TriggerFiring[] = [];
  const check = (values: Record<string, number>, basis: TriggerFiring['basis']) => {
    // A quarter or year is judged on the mean of its months (ratios such as CAC are not additive).
    const groups = new Map<string, number[]>();
    for (const m of months) if (values[m] !== undefined) (groups.get(periodOf(m)) ?? groups.set(periodOf(m), []).get(periodOf(m))!).push(values[m]!);
    for (const [period, list] of groups) {
      const value = list.reduce((a, b) => a + b, 0) / list.length;
      if (compare(value, trigger.threshold)) out.push({ period, basis, value, threshold: trigger.threshold });
    }
  };
  if (kpi.projected) check(kpi.projected, 'projection');
  if (kpi.actual) check(kpi.actual, 'actual');
  // In time order, as a reader scans them; a period's actual (what happened) before its projection. Periods of one
  // window sort as text: '2027-03' < '2027-11', '2027-Q1' < '2027-Q4'.
  return out.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis]));
}

const BASIS_ORDER: Record<TriggerFiring['basis'], number> = { actual: 0, projection: 1 };

/** A finding for each risk whose trigger fired, with every period it fired in; values in the KPI's unit. */
export function riskFindings(result: RisksResult, input: PlanInput, kpis: Record<string, KpiResult>): Finding[] {
  const index = new Map((input.risks?.risks ?? []).map((r, k) => [r.id, k]));
  return Object.values(result.items).flatMap((r) => {
    if (!r.trigger || r.fired.length === 0) return [];
    const unit = kpiUnit(kpis[r.trigger.kpi]?.unit ?? 'number');
    return [
      finding('risk-triggered', { entity: ref('risk', r.id), file: 'risks', path: ['risks', index.get(r.id) ?? 0, 'trigger'] }, {
        kpi: ref('kpi', r.trigger.kpi),
        operator: r.trigger.operator,
        threshold: amount(r.trigger.threshold, unit),
        firings: r.fired.map((f) => ({ period: f.period, basis: f.basis, value: amount(f.value, unit) })),
      }),
    ];
  });
}
