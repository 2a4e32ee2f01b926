// The verdict summary (engine/verdict-summary.ts) on small plans worked out by hand: no returns, fees, products
// or seasonality, so GMV = visitors × CVR × AOV per channel, the same every month.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compute, computeCore, computeMeasures } from '../../src/engine/compute.ts';
import { bridgeTop, computeVerdictSummary, rankRisks } from '../../src/engine/verdict-summary.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { OrderBaseline } from '../../src/model/order-baseline.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import type { RiskResult, RisksResult } from '../../src/model/result/risks.ts';
import { channel, target, targetPlan as plan } from '../helpers/target-plan.ts';

type Kpi = NonNullable<NonNullable<PlanInput['kpis']>['kpis']>[number];

const kpi = (id: string, extra: Partial<Kpi>): Kpi =>
  ({ id, name: id, category: 'sales', dimension: 'result', unit: 'count', definition: id, owner: 'ops', source: 'manual', frequency: 'monthly', direction: 'higher-better', ...extra }) as Kpi;

// tmall: 100,000 visitors × 0.02 = 2,000 orders × ¥200 = ¥400,000 a month.
const tmall = channel('tmall', 'tmall', 100_000, 0.02, 200);
// jd: 100,000 × 0.01 = 1,000 orders × ¥300 = ¥300,000 a month.
const jd = channel('jd', 'jd', 100_000, 0.01, 300);
const kpis = { kpis: [kpi('gmv', { measure: 'gmv', targetRef: 'gmv', unit: 'yuan' }), kpi('orders', { measure: 'orders' }), kpi('aov', { measure: 'aov', targetRef: 'aov', unit: 'yuan' })] } as PlanInput['kpis'];

describe('targets to date', () => {
  const input = plan([tmall], [target('gmv', 'gmv', 6_000_000), target('aov', 'aov', 210)], { kpis });

  it('judges the actual of the months with actuals against the target for those months, with the plan alongside', () => {
    const actuals = { '2027-01': { gmv: 450_000, orders: 2_000 }, '2027-02': { gmv: 480_000, orders: 2_100 } };
    const s = compute(input, { actuals }).summary;
    // target: 6,000,000 ÷ 12 × 2 = 1,000,000; actual 450,000 + 480,000 = 930,000; 930,000 ÷ 1,000,000 = 0.93:
    // below green (0.98), at least amber (0.9) → amber. Plan: 2 × 400,000 = 800,000.
    expect(s.toDate.gmv).toEqual({ target: 1_000_000, projection: 930_000, gap: -70_000, attainment: 0.93, status: 'amber', overshoot: false, through: '2027-02', months: 2, plan: 800_000 });
    // AOV, a rate: Σ GMV ÷ Σ orders = 930,000 ÷ 4,100 = 226.829268… against 210: 1.0801… → green. Plan: 800,000 ÷ 4,000 = 200.
    const aov = s.toDate.aov!;
    expect(aov.projection).toBeCloseTo(226.83, 2);
    expect(aov).toMatchObject({ target: 210, status: 'green', through: '2027-02', months: 2, plan: 200 });
  });

  it('stops at the first month without an actual and leaves out targets without any', () => {
    // March has an actual but February does not: only January counts.
    const actuals = { '2027-01': { gmv: 400_000 }, '2027-03': { gmv: 900_000 } };
    const s = compute(input, { actuals }).summary;
    // 400,000 ÷ 500,000 = 0.8 → red.
    expect(s.toDate.gmv).toMatchObject({ target: 500_000, projection: 400_000, attainment: 0.8, status: 'red', through: '2027-01', months: 1 });
    // No orders actual: AOV to date cannot be worked out.
    expect(s.toDate.aov).toBeUndefined();
    expect(compute(input).summary.toDate).toEqual({});
  });
});

describe('GMV and operating profit by quarter against target and last year', () => {
  const input = plan([tmall], [target('gmv', 'gmv', 6_000_000), target('op', 'operating-profit', 1_200_000, { baseline: { value: 1_000_000, period: '2026' } })]);
  const core = computeCore(input, {});
  const months = horizonMonths('2027-01', 12);
  // Last year's orders: January–March 2026 only, ¥100,000.10 + ¥200,000.20 + ¥300,000.30.
  const baseline = { monthly: { '2026-01': { gmv: 100_000.1 }, '2026-02': { gmv: 200_000.2 }, '2026-03': { gmv: 300_000.3 } } } as unknown as OrderBaseline;
  const s = computeVerdictSummary({ ...core, input, months, measures: computeMeasures(input), baseline });

  it('gives the plan, the target for the quarter and last year where all its months are known', () => {
    // Q1: plan 3 × 400,000; target 6,000,000 ÷ 4; last year 100,000.10 + 200,000.20 + 300,000.30 = 600,000.60 (in fen).
    expect(s.quarters['2027-Q1']!.gmv).toEqual({ plan: 1_200_000, target: 1_500_000, lastYear: 600_000.6 });
    expect(s.quarters['2027-Q2']!.gmv).toEqual({ plan: 1_200_000, target: 1_500_000, lastYear: null });
    // Operating profit: target 1,200,000 ÷ 4 = 300,000 a quarter; no quarterly figure for last year.
    expect(s.quarters['2027-Q1']!.operatingProfit).toEqual({ plan: core.pnl.quarters['2027-Q1']!.operatingProfit, target: 300_000, lastYear: null });
  });

  it('takes the year from the written baseline when it is for the year before', () => {
    expect(s.year.operatingProfit).toEqual({ plan: core.pnl.total.operatingProfit, target: 1_200_000, lastYear: 1_000_000 });
    // GMV: not every month of 2026 has orders and the GMV target has no baseline.
    expect(s.year.gmv).toEqual({ plan: 4_800_000, target: 6_000_000, lastYear: null });
    const older = plan([tmall], [target('op', 'operating-profit', 1_200_000, { baseline: { value: 1_000_000, period: '2025' } })]);
    expect(compute(older).summary.year.operatingProfit.lastYear).toBeNull();
  });

  it('has no target where no target judges the line', () => {
    const none = compute(plan([tmall], [])).summary;
    expect(none.year.gmv).toEqual({ plan: 4_800_000, target: null, lastYear: null });
  });
});

describe('the bridge from target to projection by channel', () => {
  it('steps from the target through each channel’s gap to the projection, largest first', () => {
    // Target 9,000,000 split 60 / 40: tmall 5,400,000, jd 3,600,000. Bottom-up: tmall 4,800,000 (gap −600,000), jd 3,600,000 (gap 0).
    const input = plan([jd, tmall], [target('gmv', 'gmv', 9_000_000)], { strategy: { channelMix: [{ channel: 'tmall', share: 0.6 }, { channel: 'jd', share: 0.4 }] } as PlanInput['strategy'] });
    expect(compute(input).summary.bridges.gmv).toEqual({ targetId: 'gmv', from: 9_000_000, to: 8_400_000, steps: [{ channel: 'tmall', delta: -600_000 }, { channel: 'jd', delta: 0 }] });
  });

  it('has none without sales channels', () => {
    expect(compute(plan([], [target('gmv', 'gmv', 9_000_000)])).summary.bridges).toEqual({});
  });

  it('adds up exactly to the projection the target is judged on, on any plan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ visitors: fc.integer({ min: 0, max: 2_000_000 }), cvr: fc.double({ min: 0.001, max: 0.1, noNaN: true }), aov: fc.double({ min: 1, max: 2_000, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.boolean(),
        (specs, value, mix) => {
          const channels = specs.map((c, i) => channel(`c${i}`, 'tmall', c.visitors, c.cvr, Math.round(c.aov * 100) / 100));
          const strategy = mix ? ({ channelMix: channels.map((c, i) => ({ channel: c.id, share: (i + 1) / 10 })) } as PlanInput['strategy']) : undefined;
          const r = compute(plan(channels, [target('gmv', 'gmv', value)], strategy ? { strategy } : {}));
          const b = r.summary.bridges.gmv!;
          const fen = (x: number) => Math.round(x * 100);
          expect(fen(b.from) + b.steps.reduce((s, st) => s + fen(st.delta), 0)).toBe(fen(b.to));
          expect(b.from).toBe(r.verdicts.gmv!.overall.target);
          expect(fen(b.to)).toBe(fen(r.verdicts.gmv!.overall.projection!));
          expect(b.steps.map((st) => st.channel).sort()).toEqual(channels.map((c) => c.id).sort());
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('risks ranked for the board', () => {
  const risk = (id: string, score: number, fired: boolean) => ({ id, score, fired: fired ? [{ period: 'all', basis: 'projection', value: 1, threshold: 0 }] : [] }) as unknown as RiskResult;
  const ranked = (items: RiskResult[]) => rankRisks({ items: Object.fromEntries(items.map((r) => [r.id, r])) } as RisksResult);

  it('puts the higher score first, then a fired trigger, then the order of risks.yaml', () => {
    expect(ranked([risk('a', 6, false), risk('b', 12, false), risk('c', 6, true), risk('d', 6, false)])).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('a bridge shown with fewer steps', () => {
  const b = { targetId: 'gmv', from: 100, to: 90.3, steps: [{ channel: 'a', delta: -8 }, { channel: 'b', delta: -2.1 }, { channel: 'c', delta: 0.2 }, { channel: 'd', delta: 0.2 }] };

  it('folds the smaller steps into one, still adding up to the projection', () => {
    // −2.1 + 0.2 + 0.2 = −1.7; 100 − 8 − 1.7 = 90.3
    expect(bridgeTop(b, 1)).toEqual({ ...b, steps: [{ channel: 'a', delta: -8 }], rest: { count: 3, delta: -1.7 } });
    expect(bridgeTop(b, 4).rest).toBeNull();
  });
});
