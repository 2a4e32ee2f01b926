// The output diff on hand-made results: exact before / after / Δ / Δ%, only what moved, risk firings.
import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../src/model/result/plan-result.ts';
import { PNL_LINES, type PnlLine } from '../../src/model/result/pnl.ts';
import { diffOutputs } from '../../src/versions/diff-outputs.ts';
import { deltaOf, formatDelta, formatNumber, formatPct } from '../../src/versions/numbers.ts';

const line = (x: Partial<PnlLine>): PnlLine => Object.fromEntries(PNL_LINES.map((k) => [k, x[k] ?? 0])) as PnlLine;

/** A result with two months in one quarter: GMV 600 + 400, marketing 100 + 50. */
function result(o: { gmvTarget: number; marketing: [number, number]; fired?: boolean; kpi?: number }): PlanResult {
  const months = {
    '2027-01': line({ gmv: 600, netRevenue: 500, marketing: o.marketing[0], operatingProfit: 200 - o.marketing[0] }),
    '2027-02': line({ gmv: 400, netRevenue: 300, marketing: o.marketing[1], operatingProfit: 100 - o.marketing[1] }),
  };
  const total = line({ gmv: 1000, netRevenue: 800, marketing: o.marketing[0] + o.marketing[1], operatingProfit: 300 - o.marketing[0] - o.marketing[1] });
  return {
    meta: { currency: 'CNY' },
    targets: {
      gmv: { id: 'gmv', metric: 'gmv', unit: 'money', kind: 'total', value: o.gmvTarget, monthly: { '2027-01': o.gmvTarget * 0.6, '2027-02': o.gmvTarget * 0.4 } },
      op: { id: 'op', metric: 'operating-profit', unit: 'money', kind: 'total', value: 200, monthly: { '2027-01': 100, '2027-02': 100 } },
    },
    verdicts: { gmv: { overall: { projection: 1000 } }, op: { overall: { projection: 300 - o.marketing[0] - o.marketing[1] } } },
    pnl: { months, quarters: { '2027-Q1': total }, total },
    kpis: { roas: { id: 'roas', unit: 'ratio', projectedTotal: o.kpi ?? 6.5 } },
    risks: { items: { 'stock-out': { id: 'stock-out', fired: o.fired ? [{ period: '2027-02', basis: 'projection', value: 0.2, threshold: 0.1 }] : [] } } },
  } as unknown as PlanResult;
}

describe('diffOutputs', () => {
  const a = result({ gmvTarget: 1000, marketing: [100, 50] });
  const b = result({ gmvTarget: 1200, marketing: [80, 40], fired: true, kpi: 8 });
  const d = diffOutputs(a, b);

  it('always lists the headline figures, with exact deltas', () => {
    expect(d.headline.map((r) => [r.key, r.before, r.after, r.delta, r.deltaPct])).toEqual([
      ['targets.gmv', 1000, 1200, 200, 0.2],
      ['pnl.gmv', 1000, 1000, 0, 0],
      ['pnl.netRevenue', 800, 800, 0, 0],
      ['pnl.grossProfit', 0, 0, 0, null],
      ['pnl.marketing', 150, 120, -30, -0.2],
      ['pnl.operatingProfit', 150, 180, 30, 0.2],
    ]);
  });

  it('lists targets with their projection, and only the P&L lines, quarters and months that moved', () => {
    expect(d.targets).toEqual([
      { id: 'gmv', metric: 'gmv', unit: 'money', value: { before: 1000, after: 1200, delta: 200, deltaPct: 0.2 }, projection: { before: 1000, after: 1000, delta: 0, deltaPct: 0 } },
      { id: 'op', metric: 'operating-profit', unit: 'money', value: { before: 200, after: 200, delta: 0, deltaPct: 0 }, projection: { before: 150, after: 180, delta: 30, deltaPct: 0.2 } },
    ]);
    expect(d.pnl.map((r) => [r.key, r.delta])).toEqual([['pnl.marketing', -30], ['pnl.operatingProfit', 30]]);
    expect(d.quarters.map((r) => [r.period, r.key, r.delta])).toEqual([['2027-Q1', 'pnl.operatingProfit', 30]]);
    expect(d.months.map((r) => [r.period, r.key, r.before, r.after, r.delta])).toEqual([
      ['2027-01', 'pnl.operatingProfit', 100, 120, 20],
      ['2027-02', 'pnl.operatingProfit', 50, 60, 10],
      ['2027-01', 'targets.gmv', 600, 720, 120],
      ['2027-02', 'targets.gmv', 400, 480, 80],
    ]);
  });

  it('lists KPI projections that moved and risk triggers that started or stopped firing', () => {
    expect(d.kpis).toEqual([{ key: 'kpis.roas', label: 'roas', unit: 'ratio', before: 6.5, after: 8, delta: 1.5, deltaPct: expect.closeTo(0.2307692, 6) }]);
    expect(d.risks).toEqual({ fired: [{ id: 'stock-out', period: '2027-02', basis: 'projection', value: 0.2, threshold: 0.1 }], cleared: [] });
    expect(diffOutputs(b, a).risks.cleared.map((f) => f.id)).toEqual(['stock-out']);
  });

  it('finds no change between identical results', () => {
    const same = diffOutputs(a, a);
    expect([same.targets, same.pnl, same.quarters, same.months, same.kpis, same.risks.fired, same.risks.cleared]).toEqual([[], [], [], [], [], [], []]);
  });
});

describe('deltas and their formatting', () => {
  it('rounds money deltas to the fen and other deltas to 12 significant digits', () => {
    expect(deltaOf(0.1, 0.3, 'money').delta).toBe(0.2);
    expect(deltaOf(0.1, 0.3, 'rate').delta).toBe(0.2);
    expect(deltaOf(0, 5, 'count')).toEqual({ before: 0, after: 5, delta: 5, deltaPct: null });
    expect(deltaOf(null, 5, 'count')).toEqual({ before: null, after: 5, delta: null, deltaPct: null });
    expect(Object.is(deltaOf(-1, -1, 'money').delta, 0)).toBe(true);
  });

  it('formats plainly and deterministically', () => {
    expect(formatNumber(1_500_000, 'money')).toBe('¥1,500,000');
    expect(formatNumber(1234.5, 'money')).toBe('¥1,234.50');
    expect(formatNumber(-267_448.7, 'money')).toBe('-¥267,448.70');
    expect(formatNumber(0.035, 'rate')).toBe('3.50 %');
    expect(formatNumber(420_000, 'count')).toBe('420,000');
    expect(formatNumber(2.8, 'ratio')).toBe('2.8');
    expect(formatDelta(-1_000_000, 'money')).toBe('-¥1,000,000');
    expect(formatDelta(10_000_000, 'money')).toBe('+¥10,000,000');
    expect(formatDelta(0.002, 'rate')).toBe('+0.20 pp');
    expect(formatPct(0.034)).toBe('+3.4 %');
    expect(formatPct(-0.113636)).toBe('-11.4 %');
    expect(formatPct(0.0004)).toBe('+0.04 %');
    expect(formatPct(null)).toBe('—');
  });
});
