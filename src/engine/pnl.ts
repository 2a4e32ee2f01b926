// P&L by month: GMV → refunds → VAT → net revenue → COGS → gross profit → operating costs → operating
// profit. Every line is held in integer fen so the lines reconcile exactly, month by month and in total.
import type { Series } from '../model/result/series.ts';
import type { FunnelTotals } from '../model/result/funnel.ts';
import { explainAs } from './explain.ts';
import { quarterOf } from '../model/calendar.ts';
import { PNL_LINES, type PnlLine, OPERATING_EXPENSES, type PnlResult } from '../model/result/pnl.ts';

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

export function computePnl(months: readonly string[], x: PnlInputs): PnlResult {
  const f = x.funnel;
  const fenMonths: Record<string, PnlLine> = {};
  for (const m of months) {
    const line = {} as PnlLine;
    line.gmv = toFen(f.gmv[m] ?? 0);
    line.refunds = toFen(f.refunds[m] ?? 0);
    line.netSales = line.gmv - line.refunds;
    line.netRevenue = toFen(f.netRevenue[m] ?? 0);
    line.vat = line.netSales - line.netRevenue;
    line.cogs = toFen(f.cogs[m] ?? 0);
    line.grossProfit = line.netRevenue - line.cogs;
    line.platformFees = toFen(f.platformFees[m] ?? 0);
    line.paymentFees = toFen(f.paymentFees[m] ?? 0);
    line.fulfilment = toFen(f.fulfilment[m] ?? 0);
    line.marketing = toFen(x.marketing[m] ?? 0);
    line.promotions = toFen(x.promotions[m] ?? 0);
    line.payroll = toFen(x.payroll[m] ?? 0);
    line.incentives = toFen(x.incentives[m] ?? 0);
    line.training = toFen(x.training[m] ?? 0);
    line.systems = toFen(x.systems[m] ?? 0);
    line.warehousing = toFen(x.warehousing[m] ?? 0);
    line.holdingCost = toFen(x.holdingCost[m] ?? 0);
    line.pointsCost = toFen(x.pointsCost[m] ?? 0);
    line.operatingExpenses = OPERATING_EXPENSES.reduce((sum, k) => sum + line[k], 0);
    line.operatingProfit = line.grossProfit - line.operatingExpenses;
    fenMonths[m] = line;
  }
  // Plain loops: what-it-takes reruns the P&L dozens of times, and building each line through entry arrays cost
  // more than the arithmetic.
  const sum = (lines: PnlLine[]): PnlLine => {
    const out = {} as PnlLine;
    for (const k of PNL_LINES) {
      let total = 0;
      for (const l of lines) total += l[k];
      out[k] = total;
    }
    return out;
  };
  const yuan = (line: PnlLine): PnlLine => {
    const out = {} as PnlLine;
    for (const k of PNL_LINES) out[k] = line[k] / 100;
    return out;
  };
  const quarters: Record<string, PnlLine> = {};
  for (const q of [...new Set(months.map(quarterOf))]) quarters[q] = yuan(sum(months.filter((m) => quarterOf(m) === q).map((m) => fenMonths[m]!)));
  const cumulative: Series = {};
  let running = 0;
  for (const m of months) {
    running += fenMonths[m]!.operatingProfit;
    cumulative[m] = running / 100;
  }
  // Break-even: the first month after which the cumulative result never falls below zero again.
  let breakEvenMonth: string | null = null;
  for (let i = months.length - 1; i >= 0; i--) {
    if (cumulative[months[i]!]! < 0) break;
    breakEvenMonth = months[i]!;
  }
  return {
    months: Object.fromEntries(months.map((m) => [m, yuan(fenMonths[m]!)])),
    quarters,
    total: yuan(sum(months.map((m) => fenMonths[m]!))),
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
