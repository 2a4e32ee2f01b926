import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeRisks, riskFindings, riskLevel } from '../../src/engine/risks.ts';
import type { KpiResult } from '../../src/model/result/kpis.ts';
import type { Series } from '../../src/model/result/series.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput, RisksFile } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

type Risk = NonNullable<RisksFile['risks']>[number];
type Compliance = NonNullable<RisksFile['compliance']>[number];
const months = horizonMonths('2027-01', 6);
const s = (values: number[]): Series => Object.fromEntries(months.map((m, i) => [m, values[i]!]));

const risk = (id: string, likelihood: number, impact: number, trigger?: Risk['trigger']): Risk => ({
  id, category: 'operational', title: id, description: id, likelihood, impact, owner: 'ops', earlyWarning: 'w', contingency: 'c', mitigation: 'm', ...(trigger ? { trigger } : {}),
});
const item = (id: string, area: Compliance['area'], status: Compliance['status']): Compliance => ({ id, area, requirement: id, owner: 'ops', status });
const input = (risks: Risk[], compliance?: Compliance[]): PlanInput => ({ plan: minimalPlan as PlanInput['plan'], risks: { risks, ...(compliance ? { compliance } : {}) } });
const kpi = (id: string, projected: Series | null, actual: Record<string, number> | null = null) => ({ id, projected, actual }) as KpiResult;

describe('risk scores and levels', () => {
  it('bands scores: < 5 low, 5–9 medium, 10–14 high, ≥ 15 critical', () => {
    expect([1, 4, 5, 9, 10, 14, 15, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('scores likelihood × impact and levels the score', () => {
    const r = computeRisks(input([risk('a', 2, 2), risk('b', 1, 5), risk('c', 2, 5), risk('d', 3, 5)]), months, {});
    expect(Object.values(r.items).map((i) => [i.id, i.score, i.level])).toEqual([
      ['a', 4, 'low'], // 2 × 2
      ['b', 5, 'medium'], // 1 × 5
      ['c', 10, 'high'], // 2 × 5
      ['d', 15, 'critical'], // 3 × 5
    ]);
  });

  it('lays out a 5 × 5 heat map, likelihood 5 on top, with each risk in exactly one cell', () => {
    const risks = [risk('a', 2, 2), risk('b', 1, 5), risk('c', 2, 2), risk('d', 5, 1)];
    const { heatmap } = computeRisks(input(risks), months, {});
    expect(heatmap).toHaveLength(25);
    expect(new Set(heatmap.map((c) => `${c.likelihood}×${c.impact}`)).size).toBe(25);
    expect(heatmap[0]).toMatchObject({ likelihood: 5, impact: 1, risks: ['d'] });
    expect(heatmap[24]).toMatchObject({ likelihood: 1, impact: 5, risks: ['b'] });
    expect(heatmap.find((c) => c.likelihood === 2 && c.impact === 2)!.risks).toEqual(['a', 'c']);
    const placed = heatmap.flatMap((c) => c.risks);
    expect(placed.sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const r of risks) expect(heatmap.filter((c) => c.risks.includes(r.id)).map((c) => [c.likelihood, c.impact])).toEqual([[r.likelihood, r.impact]]);
  });
});

describe('risk triggers', () => {
  const cac = s([100, 130, 120, 110, 120, 125]);

  it('fires each month the projection crosses the threshold, strictly for >', () => {
    const r = computeRisks(input([risk('gt', 3, 3, { kpi: 'cac', operator: '>', threshold: 120 }), risk('ge', 3, 3, { kpi: 'cac', operator: '>=', threshold: 120 })]), months, { cac: kpi('cac', cac) });
    // > 120: February (130) and June (125); March and May sit at 120
    expect(r.items.gt!.fired).toEqual([
      { period: '2027-02', basis: 'projection', value: 130, threshold: 120 },
      { period: '2027-06', basis: 'projection', value: 125, threshold: 120 },
    ]);
    expect(r.items.ge!.fired.map((f) => f.period)).toEqual(['2027-02', '2027-03', '2027-05', '2027-06']);
  });

  it('fires for < and <= below the threshold', () => {
    const r = computeRisks(input([risk('lt', 3, 3, { kpi: 'cac', operator: '<', threshold: 110 }), risk('le', 3, 3, { kpi: 'cac', operator: '<=', threshold: 110 })]), months, { cac: kpi('cac', cac) });
    expect(r.items.lt!.fired.map((f) => f.period)).toEqual(['2027-01']);
    expect(r.items.le!.fired.map((f) => f.period)).toEqual(['2027-01', '2027-04']);
  });

  it('judges a quarter on the mean of its months', () => {
    const r = computeRisks(input([risk('q', 3, 3, { kpi: 'cac', operator: '>', threshold: 118, window: 'quarter' })]), months, { cac: kpi('cac', cac) });
    // Q1 (100 + 130 + 120) ÷ 3 = 116.67 → no; Q2 (110 + 120 + 125) ÷ 3 = 118.33 → fires
    // (a sum, 350 and 355, would fire both; the single month of 130 in Q1 does not)
    expect(r.items.q!.fired).toHaveLength(1);
    expect(r.items.q!.fired[0]!.period).toBe('2027-Q2');
    expect(r.items.q!.fired[0]!.value).toBeCloseTo(355 / 3, 12);
  });

  it('judges the year on the mean of all months', () => {
    // (100 + 130 + 120 + 110 + 120 + 125) ÷ 6 = 117.5
    const fire = (threshold: number) => computeRisks(input([risk('y', 3, 3, { kpi: 'cac', operator: '>', threshold, window: 'year' })]), months, { cac: kpi('cac', cac) }).items.y!.fired;
    expect(fire(117)).toEqual([{ period: 'all', basis: 'projection', value: 117.5, threshold: 117 }]);
    expect(fire(117.5)).toEqual([]);
  });

  it('fires on actuals too, on the months of the horizon that have one', () => {
    const plan = input([risk('a', 3, 3, { kpi: 'cac', operator: '>', threshold: 140 })]);
    const kpis = { cac: { ...kpi('cac', cac, { '2027-01': 150, '2027-02': 90, '2026-12': 500 }), unit: 'yuan' } as KpiResult };
    const r = computeRisks(plan, months, kpis);
    // the projection never exceeds 140; January's actual 150 does; December 2026 is outside the horizon
    expect(r.items.a!.fired).toEqual([{ period: '2027-01', basis: 'actual', value: 150, threshold: 140 }]);
    // A yuan KPI's threshold and values are money.
    expect(riskFindings(r, plan, kpis)).toEqual([
      {
        kind: 'risk-triggered',
        severity: 'warning',
        subject: { entity: { entity: 'risk', id: 'a' }, file: 'risks', path: ['risks', 0, 'trigger'] },
        facts: { kpi: { entity: 'kpi', id: 'cac' }, operator: '>', threshold: { value: 140, unit: 'money' }, firings: [{ period: '2027-01', basis: 'actual', value: { value: 150, unit: 'money' } }] },
      },
    ]);
  });

  it('lists firings in time order, a period’s actual before its projection, whatever the window and the values', () => {
    const values = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(values, values, fc.constantFrom('month', 'quarter', 'year'), fc.integer({ min: 0, max: 300 }), (projected, actual, window, threshold) => {
        const kpis = { cac: kpi('cac', s(projected), Object.fromEntries(months.map((m, i) => [m, actual[i]!]))) };
        const fired = computeRisks(input([risk('r', 3, 3, { kpi: 'cac', operator: '>=', threshold, window: window as 'month' })]), months, kpis).items.r!.fired;
        const keys = fired.map((f) => `${f.period} ${f.basis === 'actual' ? 0 : 1}`);
        expect(keys).toEqual([...keys].sort());
        // every period that crossed on both bases is listed twice, once each
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
    // CAC actuals of January and February (150, 90) and the projection above: ≥ 125 fires February's projection
    // (130), January's actual (150) and June's projection (125), listed January, February, June.
    const r = computeRisks(input([risk('a', 3, 3, { kpi: 'cac', operator: '>=', threshold: 125 })]), months, { cac: kpi('cac', cac, { '2027-01': 150, '2027-02': 90 }) });
    expect(r.items.a!.fired.map((f) => `${f.period} ${f.basis}`)).toEqual(['2027-01 actual', '2027-02 projection', '2027-06 projection']);
  });

  it('does not fire for a KPI with no projection and no actual, an unknown KPI, or a risk without trigger', () => {
    const plan = input([risk('nps', 3, 3, { kpi: 'nps', operator: '<', threshold: 50 }), risk('ghost', 3, 3, { kpi: 'ghost', operator: '<', threshold: 50 }), risk('none', 3, 3)]);
    const r = computeRisks(plan, months, { nps: kpi('nps', null) });
    expect(Object.values(r.items).map((i) => i.fired)).toEqual([[], [], []]);
    expect(r.items.none!.trigger).toBeNull();
    expect(riskFindings(r, plan, { nps: kpi('nps', null) })).toEqual([]);
  });
});

describe('compliance checklist', () => {
  it('counts by status and area; the done share leaves out what does not apply', () => {
    const r = computeRisks(
      input([], [item('a', 'pipl', 'done'), item('b', 'pipl', 'done'), item('c', 'tax', 'in-progress'), item('d', 'tax', 'todo'), item('e', 'ip', 'not-applicable'), item('f', 'pipl', 'not-applicable')]),
      months,
      {},
    );
    expect(r.compliance.byStatus).toEqual({ done: 2, 'in-progress': 1, todo: 1, 'not-applicable': 2 });
    expect(r.compliance.byArea.pipl).toEqual({ done: 2, 'in-progress': 0, todo: 0, 'not-applicable': 1 });
    expect(r.compliance.byArea.tax).toEqual({ done: 0, 'in-progress': 1, todo: 1, 'not-applicable': 0 });
    // 2 done ÷ (6 − 2 not applicable) = 0.5 (not 2 ÷ 6)
    expect(r.compliance.doneShare).toBe(0.5);
    expect(r.compliance.items.c).toEqual({ id: 'c', area: 'tax', status: 'in-progress', owner: 'ops', due: null });
  });

  it('has no done share when nothing applies or there is no checklist', () => {
    expect(computeRisks(input([], [item('a', 'ip', 'not-applicable')]), months, {}).compliance.doneShare).toBeNull();
    const none = computeRisks(input([]), months, {});
    expect(none.compliance.doneShare).toBeNull();
    expect(none.compliance.byStatus).toEqual({ done: 0, 'in-progress': 0, todo: 0, 'not-applicable': 0 });
  });
});
