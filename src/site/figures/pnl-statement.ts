// The P&L statement as a kit table: a row per P&L line (deductions read "less …", subtotals and operating
// profit set off), a column per period and one for the whole plan. The P&L page and chapters show it.
import { t } from '../../i18n/catalog.ts';
import { formatQuarter } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locale.ts';
import { OPERATING_EXPENSES, PNL_LINES, type PnlLine, type PnlLineKey } from '../../model/result/pnl.ts';
import type { PlanResult } from '../../model/result/plan-result.ts';
import type { ColumnFormat } from '../../i18n/table-format.ts';
import type { Column, Row, TableSpec } from '../kit.ts';

const DEDUCTIONS = new Set<PnlLineKey>(['refunds', 'vat', 'cogs', 'operatingExpenses']);
const SUBTOTALS = new Set<PnlLineKey>(['netSales', 'netRevenue', 'grossProfit', 'operatingExpenses']);
const OPEX = new Set<string>(OPERATING_EXPENSES);
const rowKind = (k: PnlLineKey) => (k === 'operatingProfit' ? 'grand' : SUBTOTALS.has(k) ? 'subtotal' : OPEX.has(k) ? 'detail' : undefined);

export interface StatementOptions {
  periods: readonly string[];
  of: (period: string) => PnlLine | undefined;
  periodName: (period: string) => string;
  format: Extract<ColumnFormat, 'money' | 'exact-money'>;
  caption: string;
  /** Rows carry `line-<key>` anchors (for links from findings). */
  anchors?: boolean;
  dense?: boolean;
}

export function pnlStatement(result: PlanResult, locale: Locale, o: StatementOptions): TableSpec {
  const lineName = (k: PnlLineKey) => t(locale, `label.pnl.${k}`);
  const rowLabel = (k: PnlLineKey) => (DEDUCTIONS.has(k) ? t(locale, 'page.pnl.less', { line: lineName(k) }) : lineName(k));
  const columns: Column[] = [
    { key: 'line', label: t(locale, 'page.pnl.line') },
    ...o.periods.map((p) => ({ key: p, label: o.periodName(p), format: o.format })),
    { key: 'total', label: t(locale, 'ui.total'), format: o.format },
  ];
  const rows = PNL_LINES.map((k): Row => ({ id: o.anchors ? `line-${k}` : undefined, kind: rowKind(k), cells: { line: rowLabel(k), ...Object.fromEntries(o.periods.map((p) => [p, o.of(p)?.[k]])), total: result.pnl.total[k] } }));
  return { caption: o.caption, columns, rows, dense: o.dense };
}

/** The quarters the P&L has figures for, in order. */
export function pnlQuarters(result: PlanResult): string[] {
  return result.meta.quarters.filter((q) => result.pnl.quarters[q]);
}

export function pnlByQuarter(result: PlanResult, locale: Locale, anchors = false): TableSpec {
  return pnlStatement(result, locale, { periods: pnlQuarters(result), of: (q) => result.pnl.quarters[q], periodName: (q) => formatQuarter(q, locale), format: 'money', caption: t(locale, 'page.pnl.statementTable'), anchors });
}
