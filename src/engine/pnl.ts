// P&L by month: GMV → refunds → VAT → net revenue → COGS → gross profit → operating costs → operating
// profit. Every line is held in integer fen so the lines reconcile exactly, month by month and in total.
import type { Series } from '../model/result/series.ts';
import type { FunnelTotals } from '../model/result/funnel.ts';
import { explainAs } from './explain.ts';
import { quarterOf } from '../model/calendar.ts';
import { PNL_LINES, type PnlLine, type PnlLineKey, OPERATING_EXPENSES, type PnlResult } from '../model/result/pnl.ts';
import { invariant } from '../model/invariant.ts';

export interface PnlInputs {
  /** The channels' totals: GMV, refunds, net revenue, COGS (from the SKUs sold), fees and fulfilment. */
  funnel: FunnelTotals;
  marketing: Series;
  promotions: Series;
  payroll: Series;
  incentives: Series;
  training: Series;
  systems: Series;
  warehousing: Series;
  holdingCost: Series;
  pointsCost: Series;
}

const toFen = (yuan: number) => Math.round((Number.isFinite(yuan) ? yuan : 0) * 100);

// Positions in PNL_LINES; the operating expenses are the lines from platform fees to their total, in their order.
const LINES = PNL_LINES.length;
const at = (key: PnlLineKey) => PNL_LINES.indexOf(key);
const [GMV, REFUNDS, NET_SALES, VAT, NET_REVENUE, COGS, GROSS_PROFIT] = (['gmv', 'refunds', 'netSales', 'vat', 'netRevenue', 'cogs', 'grossProfit'] as const).map(at) as [number, number, number, number, number, number, number];
const PLATFORM_FEES = at('platformFees');
const OPERATING_EXPENSES_LINE = at('operatingExpenses');
const OPERATING_PROFIT = at('operatingProfit');
invariant(
  OPERATING_EXPENSES.every((k, j) => PNL_LINES[PLATFORM_FEES + j] === k) && PLATFORM_FEES + OPERATING_EXPENSES.length === OPERATING_EXPENSES_LINE,
  'pnl.ts: the operating expenses are the P&L lines between gross profit and their total',
);

/** A P&L line in yuan from its values in fen, keyed in PNL_LINES order (one object shape for every line). */
function lineOf(v: Float64Array): PnlLine {
  const out = {} as PnlLine;
  for (let l = 0; l < LINES; l++) out[PNL_LINES[l]!] = v[l]! / 100;
  return out;
}

export function computePnl(months: readonly string[], x: PnlInputs): PnlResult {
  const f = x.funnel;
  const M = months.length;
  // Each month's lines in integer fen, line by line (index line × M + month): plain arrays, since what-it-takes
  // reruns the P&L dozens of times and building objects per month cost more than the arithmetic.
  const fen = new Float64Array(LINES * M);
  // The operating expenses' series, in OPERATING_EXPENSES order.
  const costs = [f.platformFees, f.paymentFees, f.fulfilment, x.marketing, x.promotions, x.payroll, x.incentives, x.training, x.systems, x.warehousing, x.holdingCost, x.pointsCost];
  for (let i = 0; i < M; i++) {
    const m = months[i]!;
    const set = (line: number, value: number) => (fen[line * M + i] = value);
    const gmv = set(GMV, toFen(f.gmv[m] ?? 0));
    const netSales = set(NET_SALES, gmv - set(REFUNDS, toFen(f.refunds[m] ?? 0)));
    const netRevenue = set(NET_REVENUE, toFen(f.netRevenue[m] ?? 0));
    set(VAT, netSales - netRevenue);
    const grossProfit = set(GROSS_PROFIT, netRevenue - set(COGS, toFen(f.cogs[m] ?? 0)));
    let expenses = 0;
    for (let j = 0; j < costs.length; j++) expenses += set(PLATFORM_FEES + j, toFen(costs[j]![m] ?? 0));
    set(OPERATING_PROFIT, grossProfit - set(OPERATING_EXPENSES_LINE, expenses));
  }
  /** The lines in yuan of the months `from` ≤ i < `to`, summed in fen. */
  const yuanOf = (from: number, to: number): PnlLine => {
    const v = new Float64Array(LINES);
    for (let l = 0; l < LINES; l++) for (let i = from; i < to; i++) v[l]! += fen[l * M + i]!;
    return lineOf(v);
  };
  const quarters: Record<string, PnlLine> = {};
  const quarterOfMonth = months.map(quarterOf);
  for (let i = 0; i < M; ) {
    let to = i + 1;
    while (to < M && quarterOfMonth[to] === quarterOfMonth[i]) to++;
    quarters[quarterOfMonth[i]!] = yuanOf(i, to);
    i = to;
  }
  const monthLines: Record<string, PnlLine> = {};
  for (let i = 0; i < M; i++) monthLines[months[i]!] = yuanOf(i, i + 1);
  const cumulative: Series = {};
  let running = 0;
  for (let i = 0; i < M; i++) {
    running += fen[OPERATING_PROFIT * M + i]!;
    cumulative[months[i]!] = running / 100;
  }
  // Break-even: the first month after which the cumulative result never falls below zero again.
  let breakEvenMonth: string | null = null;
  for (let i = M - 1; i >= 0; i--) {
    if (cumulative[months[i]!]! < 0) break;
    breakEvenMonth = months[i]!;
  }
  return {
    months: monthLines,
    quarters,
    total: yuanOf(0, M),
    cumulativeOperatingProfit: cumulative,
    breakEvenMonth,
    explain: {
      netSales: explainAs('sales.netSales'),
      vat: explainAs('sales.vat'),
      netRevenue: explainAs('sales.netRevenue'),
      cogs: explainAs('pnl.cogs'),
      grossProfit: explainAs('pnl.grossProfit'),
      platformFees: explainAs('pnl.platformFees'),
      paymentFees: explainAs('pnl.paymentFees'),
      holdingCost: explainAs('pnl.holdingCost'),
      operatingExpenses: explainAs('pnl.operatingExpenses', [], { lines: OPERATING_EXPENSES.join(',') }),
      operatingProfit: explainAs('pnl.operatingProfit'),
    },
  };
}
