// The verdict a board reads first, from results the engine already has — so the dashboard and the board
// one-pager only format:
//
//   to date   per target, the months with actuals from the horizon's first month on (no hole):
//             actual to date = the target's projection basis applied to the actuals (Σ for totals,
//             Σ of ÷ Σ per for rates, the last month for levels), judged against the target for the same months
//             with the target's thresholds; the plan's projection for the same months alongside
//   quarters  GMV and operating profit as planned (P&L), the target for the period (its verdict), and last
//             year: GMV from the order files' same months a year earlier (all three months present); the year
//             also from the target's written baseline when it is for the year before a January–December horizon
//   bridges   target total → + each channel's gap (bottom-up − its share of the target) → bottom-up total,
//             in fen so the steps add up exactly
//   risks     ranked by score, then fired triggers, then the order of risks.yaml
// Actuals come from the KPIs (actuals/*.csv columns are KPI ids): a target's own actual is that of the KPI
// linked to it (`targetRef`); a measure's actual is that of the KPI bound to it (`measure:`), else of the KPI
// named like it.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { OrderBaseline } from '../model/order-baseline.ts';
import { addMonths, quarterOf } from '../model/calendar.ts';
import type { KpiResult } from '../model/result/kpis.ts';
import type { Measure } from '../model/result/measures.ts';
import type { PnlResult } from '../model/result/pnl.ts';
import type { RisksResult } from '../model/result/risks.ts';
import type { TargetGap } from '../model/result/target-gap.ts';
import type { TargetVerdict } from '../model/result/target-verdicts.ts';
import type { TargetMetric, TargetResult } from '../model/result/targets.ts';
import type { PeriodFigure, PeriodFigures, SummaryLine, TargetBridge, ToDateVerdict, VerdictSummary } from '../model/result/verdict-summary.ts';
import { fromMinor, toMinor } from './money.ts';
import { fen, ratio } from './series.ts';
import { judge, projectionOver, thresholdsOf, type Measures } from './target-verdicts.ts';

export interface SummarySources {
  input: PlanInput;
  months: readonly string[];
  targets: Record<string, TargetResult>;
  verdicts: Record<string, TargetVerdict>;
  measures: Measures;
  kpis: Record<string, KpiResult>;
  gaps: Record<string, TargetGap>;
  pnl: PnlResult;
  risks: RisksResult;
  baseline?: OrderBaseline;
}

export function computeVerdictSummary(s: SummarySources): VerdictSummary {
  const quarterIds = [...new Set(s.months.map(quarterOf))];
  return {
    toDate: toDate(s),
    quarters: Object.fromEntries(quarterIds.map((q) => [q, figures(s, s.months.filter((m) => quarterOf(m) === q), q)])),
    year: figures(s, s.months, null),
    bridges: Object.fromEntries(Object.values(s.gaps).filter((g) => Object.keys(g.byChannel).length > 0).map((g) => [g.targetId, bridge(g)])),
    risksRanked: rankRisks(s.risks),
  };
}

function toDate(s: SummarySources): Record<string, ToDateVerdict> {
  const kpis = Object.values(s.kpis);
  const actualOf = (measure: Measure) => (kpis.find((k) => k.measure === measure && k.actual) ?? kpis.find((k) => k.id === measure && k.actual))?.actual ?? null;
  const out: Record<string, ToDateVerdict> = {};
  const targetIndex = new Map((s.input.targets?.targets ?? []).map((t, i) => [t.id, i]));
  for (const v of Object.values(s.verdicts)) {
    const linked = new Set((s.input.kpis?.kpis ?? []).filter((k) => k.targetRef === v.targetId).map((k) => k.id));
    const own = kpis.find((k) => k.actual && linked.has(k.id))?.actual ?? null;
    const runOf = (actual: Record<string, number> | null) => {
      const run: string[] = [];
      for (const m of s.months) {
        if (actual?.[m] === undefined) break;
        run.push(m);
      }
      return run;
    };
    let run: string[];
    let actual: number | null;
    const b = v.basis;
    if (b.kind === 'rate') {
      const of = actualOf(b.of);
      const per = actualOf(b.per);
      const a = runOf(of);
      const c = runOf(per);
      run = a.length <= c.length ? a : c;
      actual = run.length ? ratio(run.reduce((x, m) => x + of![m]!, 0), run.reduce((x, m) => x + per![m]!, 0)) : null;
    } else {
      run = runOf(own);
      actual = !run.length ? null : b.kind === 'total' ? run.reduce((x, m) => x + own![m]!, 0) : own![run[run.length - 1]!]!;
    }
    if (!run.length) continue;
    const target = s.targets[v.targetId]!;
    const money = target.unit === 'money';
    // The target for the run as the verdict reads a period: the monthly split summed, else its last month.
    const asked = target.kind === 'total' ? run.reduce((x, m) => x + (v.months[m]?.target ?? 0), 0) : v.months[run[run.length - 1]!]?.target ?? target.value;
    const th = thresholdsOf(s.input, targetIndex.get(v.targetId) ?? -1);
    const round = (x: number) => (money ? fen(x) : Math.round(x * 1e6) / 1e6);
    out[v.targetId] = {
      ...judge(round(asked), actual === null ? null : round(actual), money, th),
      through: run[run.length - 1]!,
      months: run.length,
      plan: projectionOver(b, s.measures, run),
    };
  }
  return out;
}

const LINE_METRIC = { gmv: 'gmv', operatingProfit: 'operating-profit' } as const satisfies Record<SummaryLine, TargetMetric>;

function figures(s: SummarySources, run: readonly string[], quarter: string | null): PeriodFigures {
  const first = s.months[0]!;
  const wholeYear = s.months.length === 12 && first.endsWith('-01');
  const priorYear = String(Number(first.slice(0, 4)) - 1);
  const line = (key: SummaryLine): PeriodFigure => {
    const verdict = Object.values(s.verdicts).find((v) => v.metric === LINE_METRIC[key]);
    const target = !verdict ? null : quarter ? verdict.quarters[quarter]?.target ?? null : verdict.overall.target;
    const plan = quarter ? s.pnl.quarters[quarter]![key] : s.pnl.total[key];
    return { plan, target, lastYear: lastYear(key, verdict?.targetId) };
  };
  const lastYear = (key: SummaryLine, targetId: string | undefined): number | null => {
    const orders = s.baseline?.monthly;
    if (key === 'gmv' && orders) {
      const before = run.map((m) => orders[addMonths(m, -12)]?.gmv);
      if (before.every((x) => x !== undefined)) return fromMinor(before.reduce((x, y) => x + toMinor(y!), 0));
    }
    if (quarter || !wholeYear || !targetId) return null;
    const written = s.input.targets?.targets?.find((t) => t.id === targetId)?.baseline;
    return written && written.period === priorYear ? written.value : null;
  };
  return { gmv: line('gmv'), operatingProfit: line('operatingProfit') };
}

function bridge(g: TargetGap): TargetBridge {
  // In hundredths: fen for money, and counts are split to the hundredth at most (target-gap.ts).
  const unit = 100;
  const steps = Object.entries(g.byChannel)
    .map(([channel, c]) => ({ channel, units: Math.round(c.totals.gap * unit) }))
    .sort((a, b) => Math.abs(b.units) - Math.abs(a.units));
  const from = Math.round(g.totals.target * unit);
  const to = from + steps.reduce((x, st) => x + st.units, 0);
  return { targetId: g.targetId, from: from / unit, to: to / unit, steps: steps.map((st) => ({ channel: st.channel, delta: st.units / unit })) };
}

export function rankRisks(risks: RisksResult): string[] {
  return Object.values(risks.items)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || Number(b.r.fired.length > 0) - Number(a.r.fired.length > 0) || a.i - b.i)
    .map(({ r }) => r.id);
}

/** A bridge shown with at most `max` channel steps: the smaller ones folded into one step (exact in fen). */
export function bridgeTop(b: TargetBridge, max: number): TargetBridge & { rest: { count: number; delta: number } | null } {
  const shown = b.steps.slice(0, Math.max(0, max));
  const folded = b.steps.slice(shown.length);
  if (!folded.length) return { ...b, steps: shown, rest: null };
  return { ...b, steps: shown, rest: { count: folded.length, delta: folded.reduce((x, st) => x + Math.round(st.delta * 100), 0) / 100 } };
}
