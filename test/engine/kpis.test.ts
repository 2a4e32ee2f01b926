import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeKpis } from '../../src/engine/kpis.ts';
import type { Measure, MeasureValue } from '../../src/engine/measures.ts';
import type { Series } from '../../src/model/result/series.ts';
import { computeTargets } from '../../src/engine/targets.ts';
import { evaluateFormula, parseFormula, type FormulaNode } from '../../src/model/formula.ts';
import type { KpisFile, PlanInput } from '../../src/model/plan-input.generated.ts';
import type { ActualsTable } from '../../src/model/actuals.ts';
import { minimalPlan } from '../helpers/plan.ts';

type Kpi = NonNullable<KpisFile['kpis']>[number];
const months = ['2027-01', '2027-02', '2027-03'];
const s = (values: number[]): Series => Object.fromEntries(months.map((m, i) => [m, values[i]!]));

function kpi(id: string, over: Partial<Kpi> = {}): Kpi {
  return { id, name: id, category: 'finance', dimension: 'place', definition: id, unit: 'yuan', owner: 'ops', source: 'BI', frequency: 'monthly', direction: 'higher-better', ...over };
}
const input = (kpis: Kpi[], targets?: PlanInput['targets']): PlanInput => ({ plan: minimalPlan as PlanInput['plan'], kpis: { kpis }, ...(targets ? { targets } : {}) });
const measures = (m: Partial<Record<Measure, MeasureValue>>) => m as Record<Measure, MeasureValue>;
const flow = (values: number[]): MeasureValue => ({ monthly: s(values), total: values.reduce((a, b) => a + b, 0) });

function parse(text: string): FormulaNode {
  const p = parseFormula(text);
  if (!p.ok) throw new Error(p.message);
  return p.node;
}
const evaluate = (text: string, values: Record<string, number | null> = {}) => evaluateFormula(parse(text), (name) => values[name]);

describe('evaluateFormula', () => {
  it('negates, including a parenthesised difference, and ignores unary plus', () => {
    expect(evaluate('-a', { a: 3 }).value).toBe(-3);
    expect(evaluate('-(a - b)', { a: 3, b: 5 }).value).toBe(2); // −(3 − 5)
    expect(evaluate('a - -b', { a: 3, b: 5 }).value).toBe(8);
    expect(evaluate('+a', { a: 3 }).value).toBe(3);
  });

  it('applies * and / before + and −, left to right, with parentheses first', () => {
    expect(evaluate('a + b * c', { a: 2, b: 3, c: 4 }).value).toBe(14); // 2 + 12, not 20
    expect(evaluate('(a + b) * c', { a: 2, b: 3, c: 4 }).value).toBe(20);
    expect(evaluate('a - b - c', { a: 10, b: 3, c: 2 }).value).toBe(5); // (10 − 3) − 2, not 10 − (3 − 2) = 9
    expect(evaluate('a / b / c', { a: 24, b: 4, c: 2 }).value).toBe(3); // (24 ÷ 4) ÷ 2, not 24 ÷ 2 = 12
    expect(evaluate('a - b * 2 / c', { a: 10, b: 3, c: 4 }).value).toBe(8.5); // 10 − 6 ÷ 4
  });

  it('propagates a missing or non-finite input as null without claiming a division by zero', () => {
    expect(evaluate('a + b', { a: 1 })).toEqual({ value: null, divisionByZero: false, overflow: false });
    expect(evaluate('-a', { a: null })).toEqual({ value: null, divisionByZero: false, overflow: false });
    expect(evaluate('a * 2', { a: Number.NaN })).toEqual({ value: null, divisionByZero: false, overflow: false });
    expect(evaluate('a + 1', { a: Infinity })).toEqual({ value: null, divisionByZero: false, overflow: false });
  });

  it('makes a division by zero null and says so, even inside a larger expression', () => {
    expect(evaluate('a / b', { a: 1, b: 0 })).toEqual({ value: null, divisionByZero: true, overflow: false });
    expect(evaluate('c + a / (b - b)', { a: 1, b: 4, c: 2 })).toEqual({ value: null, divisionByZero: true, overflow: false });
    expect(evaluate('0 / b', { b: 0 })).toEqual({ value: null, divisionByZero: true, overflow: false });
  });

  it('turns an overflow into null rather than Infinity', () => {
    expect(evaluate('a * a', { a: 1e200 }).value).toBeNull();
    expect(evaluate('a * a - a * a', { a: 1e200 }).value).toBeNull(); // Infinity − Infinity would be NaN
  });

  it('never returns NaN or Infinity for any inputs (property)', () => {
    const formulas = ['a / b', 'a * b - c', '(a + b) / (c - a)', '-a / -b * c', 'a / b / c + 1'].map(parse);
    const value = fc.oneof(fc.double(), fc.constant(null), fc.constant(0));
    fc.assert(
      fc.property(fc.constantFrom(...formulas), value, value, value, (node, a, b, c) => {
        const r = evaluateFormula(node, (name) => ({ a, b, c })[name]);
        expect(r.value === null || Number.isFinite(r.value)).toBe(true);
      }),
    );
  });

  it('lists each metric once and refuses anything but arithmetic', () => {
    const p = parseFormula('orders * aov + orders');
    expect(p.ok && p.metrics).toEqual(['orders', 'aov']);
    for (const bad of ['a % b', 'max(a, b)', 'a.b', '"x" + a', 'a > b', '!a', 'true']) expect(parseFormula(bad).ok, bad).toBe(false);
  });
});

describe('KPI projections', () => {
  it('evaluates a formula month by month over its inputs (gmv = orders × aov)', () => {
    const out = computeKpis(
      input([kpi('gmv', { formula: 'orders * aov' }), kpi('orders', { measure: 'orders', unit: 'count' }), kpi('aov', { measure: 'aov' })]),
      months,
      [],
      // orders 10, 20, 30; AOV 100, 150, 120 → whole-plan AOV (1,000 + 3,000 + 3,600) ÷ 60 = 126.67
      measures({ orders: flow([10, 20, 30]), aov: { monthly: s([100, 150, 120]), total: 7600 / 60 } }),
    );
    // 10 × 100 = 1,000; 20 × 150 = 3,000; 30 × 120 = 3,600
    expect(out.kpis.gmv!.projected).toEqual(s([1000, 3000, 3600]));
    // over totals: 60 orders × 126.67 = 7,600 = the sum of the months
    expect(out.kpis.gmv!.projectedTotal).toBeCloseTo(7600, 9);
    expect(out.kpis.orders!.projectedTotal).toBe(60);
    expect(out.findings).toEqual([]);
  });

  it('takes a ratio of totals for the whole plan, not the sum or mean of the monthly ratios', () => {
    const out = computeKpis(
      input([kpi('cac', { formula: 'spend / customers', direction: 'lower-better' }), kpi('spend', { measure: 'marketing_spend' }), kpi('customers', { measure: 'new_customers', unit: 'count' })]),
      months,
      [],
      measures({ marketing_spend: flow([1000, 3000, 2000]), new_customers: flow([10, 40, 50]) }),
    );
    // monthly: 1,000 ÷ 10 = 100; 3,000 ÷ 40 = 75; 2,000 ÷ 50 = 40
    expect(out.kpis.cac!.projected).toEqual(s([100, 75, 40]));
    // whole plan: 6,000 ÷ 100 = 60 (the monthly ratios sum to 215 and average 71.67)
    expect(out.kpis.cac!.projectedTotal).toBe(60);
  });

  it('shows 0 in a month whose formula divides by zero and warns naming that month', () => {
    const out = computeKpis(
      input([kpi('gmv', { measure: 'gmv' }), kpi('spend', { measure: 'marketing_spend' }), kpi('roas', { formula: 'gmv / spend', unit: 'ratio' })]),
      months,
      [],
      measures({ gmv: flow([1000, 3000, 6000]), marketing_spend: flow([500, 0, 1000]) }),
    );
    // 1,000 ÷ 500 = 2; 3,000 ÷ 0 → 0; 6,000 ÷ 1,000 = 6
    expect(out.kpis.roas!.projected).toEqual(s([2, 0, 6]));
    // whole plan 10,000 ÷ 1,500 = 6.67 (summing the months' ratios would give 8)
    expect(out.kpis.roas!.projectedTotal).toBeCloseTo(10000 / 1500, 12);
    expect(out.findings).toEqual([
      { kind: 'kpi-division-by-zero', severity: 'warning', subject: { entity: { entity: 'kpi', id: 'roas' }, file: 'kpis', path: ['kpis', 2, 'formula'] }, facts: { formula: 'gmv / spend', months: ['2027-02'] } },
    ]);
  });

  it('resolves formulas over formulas whatever their order in the file', () => {
    const out = computeKpis(
      input([kpi('roas', { formula: 'gmv / spend' }), kpi('gmv', { formula: 'orders * aov' }), kpi('orders', { measure: 'orders' }), kpi('aov', { measure: 'aov' }), kpi('spend', { measure: 'marketing_spend' })]),
      months,
      [],
      measures({ orders: flow([10, 20, 30]), aov: { monthly: s([100, 100, 100]), total: 100 }, marketing_spend: flow([500, 500, 1000]) }),
    );
    // gmv 1,000, 2,000, 3,000 → roas 2, 4, 3; whole plan (60 × 100) ÷ 2,000 = 3
    expect(out.kpis.roas!.projected).toEqual(s([2, 4, 3]));
    expect(out.kpis.roas!.projectedTotal).toBe(3);
  });

  it('projects nothing for a KPI measured outside the plan, nor for a formula over it', () => {
    const out = computeKpis(input([kpi('nps', { unit: 'score' }), kpi('nps2', { formula: 'nps * 2' }), kpi('fixed', { formula: '3 * 4' })]), months, [], measures({}));
    expect(out.kpis.nps!.projected).toBeNull();
    expect(out.kpis.nps!.projectedTotal).toBeNull();
    expect(out.kpis.nps2!.projected).toBeNull();
    expect(out.kpis.nps2!.projectedTotal).toBeNull();
    expect(out.kpis.fixed!.projected).toEqual(s([12, 12, 12])); // a formula of constants only
    expect(out.kpis.fixed!.projectedTotal).toBe(12);
  });
});

describe('KPI targets', () => {
  // A GMV target of 12,000 over three months with no seasonality: 4,000 a month.
  const targets = computeTargets(input([], { targets: [{ id: 'gmv-2027', metric: 'gmv', name: 'GMV', value: 12_000, deadline: '2027-03', owner: 'ops' }] }), months);
  const out = computeKpis(
    input([kpi('gmv', { measure: 'gmv', targetRef: 'gmv-2027', target: 999 }), kpi('aov', { measure: 'aov', target: 150 }), kpi('lost', { measure: 'gmv', targetRef: 'nowhere', target: 7 }), kpi('bare', { measure: 'gmv' })]),
    months,
    targets,
    measures({ gmv: flow([3000, 4000, 5000]), aov: { monthly: s([100, 100, 100]), total: 100 } }),
  );

  it('takes the linked SMART target over the KPI’s own, with its monthly split', () => {
    expect(out.kpis.gmv!.target).toBe(12_000);
    expect(out.kpis.gmv!.targetMonthly).toEqual(s([4000, 4000, 4000]));
  });

  it('falls back to the KPI’s own target, which has no monthly split', () => {
    expect(out.kpis.aov!.target).toBe(150);
    expect(out.kpis.aov!.targetMonthly).toBeNull();
    expect(out.kpis.lost!.target).toBe(7);
    expect(out.kpis.bare!.target).toBeNull();
  });
});

describe('KPI plan vs actual', () => {
  const run = (k: Kpi, monthly: number[], actuals: ActualsTable, targets = [] as ReturnType<typeof computeTargets>) =>
    computeKpis(input([k]), months, targets, measures({ [k.measure!]: flow(monthly) }), actuals).kpis[k.id]!;

  it('grades a higher-better KPI by actual ÷ plan against its thresholds', () => {
    const r = run(kpi('gmv', { measure: 'gmv', thresholds: { green: 0.95, amber: 0.85 } }), [1000, 1000, 1000], {
      '2027-01': { gmv: 950 }, // 0.95 → green (at the band counts)
      '2027-02': { gmv: 900 }, // 0.90 → amber
      '2027-03': { gmv: 800 }, // 0.80 → red
      '2027-04': { gmv: 5000 }, // outside the plan: no variance
    });
    expect(r.actual).toEqual({ '2027-01': 950, '2027-02': 900, '2027-03': 800, '2027-04': 5000 });
    expect(r.variance).toEqual({
      '2027-01': { plan: 1000, actual: 950, delta: -50, attainment: 0.95, status: 'green' },
      '2027-02': { plan: 1000, actual: 900, delta: -100, attainment: 0.9, status: 'amber' },
      '2027-03': { plan: 1000, actual: 800, delta: -200, attainment: 0.8, status: 'red' },
    });
  });

  it('grades a lower-better KPI by plan ÷ actual, with the default bands green ≥ 1, amber ≥ 0.9', () => {
    const r = run(kpi('cac', { measure: 'cac', direction: 'lower-better' }), [100, 100, 100], {
      '2027-01': { cac: 80 }, // 100 ÷ 80 = 1.25 → green
      '2027-02': { cac: 110 }, // 100 ÷ 110 = 0.909 → amber
      '2027-03': { cac: 125 }, // 100 ÷ 125 = 0.8 → red
    });
    expect(r.variance!['2027-01']).toEqual({ plan: 100, actual: 80, delta: -20, attainment: 1.25, status: 'green' });
    expect(r.variance!['2027-02']!.attainment).toBeCloseTo(100 / 110, 12);
    expect(r.variance!['2027-02']!.status).toBe('amber');
    expect(r.variance!['2027-03']).toMatchObject({ attainment: 0.8, status: 'red' });
  });

  it('grades against the linked target’s month when there is one, not the projection', () => {
    const targets = computeTargets(input([], { targets: [{ id: 't', metric: 'gmv', name: 'GMV', value: 3000, deadline: '2027-03', owner: 'ops' }] }), months);
    // target 1,000 a month; projection 5,000 a month; actual 1,000 → on target (green), though far below the projection
    const r = run(kpi('gmv', { measure: 'gmv', targetRef: 't' }), [5000, 5000, 5000], { '2027-01': { gmv: 1000 } }, targets);
    expect(r.variance).toEqual({ '2027-01': { plan: 1000, actual: 1000, delta: 0, attainment: 1, status: 'green' } });
  });

  it('grades a planned loss the right way round (a smaller loss is better, a bigger one worse)', () => {
    const r = run(kpi('op', { measure: 'operating_profit' }), [-1000, -1000, -1000], {
      '2027-01': { op: -500 }, // 1 + (−500 − −1,000) ÷ 1,000 = 1.5 → green (a plain ratio would give 0.5, red)
      '2027-02': { op: -2000 }, // 1 + (−2,000 − −1,000) ÷ 1,000 = 0 → red (a plain ratio would give 2, green)
      '2027-03': { op: -1050 }, // 1 − 50 ÷ 1,000 = 0.95 → amber
    });
    expect(r.variance!['2027-01']).toMatchObject({ attainment: 1.5, status: 'green' });
    expect(r.variance!['2027-02']).toMatchObject({ attainment: 0, status: 'red' });
    expect(r.variance!['2027-03']!.attainment).toBeCloseTo(0.95, 12);
    expect(r.variance!['2027-03']!.status).toBe('amber');
  });

  it('has no attainment against a zero plan, and a lower-better actual of zero beats its plan', () => {
    const hb = run(kpi('gmv', { measure: 'gmv' }), [0, 1000, 1000], { '2027-01': { gmv: 10 } });
    expect(hb.variance!['2027-01']).toMatchObject({ attainment: null, status: null, delta: 10 });
    const lb = run(kpi('refunds', { measure: 'refunds', direction: 'lower-better' }), [100, 100, 100], { '2027-01': { refunds: 0 } });
    expect(lb.variance!['2027-01']).toMatchObject({ attainment: 2, status: 'green' }); // 1 + (100 − 0) ÷ 100
  });

  it('has no actual and no variance without a value in actuals', () => {
    const r = run(kpi('gmv', { measure: 'gmv' }), [1, 1, 1], { '2027-01': { other: 5 } });
    expect(r.actual).toBeNull();
    expect(r.variance).toBeNull();
  });
});

describe('metric tree', () => {
  it('lists each formula’s inputs and the KPIs no formula uses as roots', () => {
    const out = computeKpis(
      input([
        kpi('roas', { formula: 'gmv / spend' }),
        kpi('gmv', { formula: 'orders * aov' }),
        kpi('orders', { measure: 'orders' }),
        kpi('aov', { measure: 'aov' }),
        kpi('spend', { measure: 'marketing_spend' }),
        kpi('nps'),
        kpi('double', { formula: 'orders + orders' }),
      ]),
      months,
      [],
      measures({ orders: flow([1, 1, 1]), aov: flow([1, 1, 1]), marketing_spend: flow([1, 1, 1]) }),
    );
    expect(out.metricTree.children).toEqual({ roas: ['gmv', 'spend'], gmv: ['orders', 'aov'], orders: [], aov: [], spend: [], nps: [], double: ['orders'] });
    expect(out.metricTree.roots).toEqual(['roas', 'nps', 'double']);
  });
});
