// What each chart and table a chapter may place draws (`::chart{series=…}`, `::table{of=…}`; the names live
// in src/model/chapter-figures.ts). Each is the same builder its data page uses, so a chapter shows the page's
// figure, drawn by the same kit component.
import { t } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { ChartName, FigureRef, TableName } from '../../model/chapter-figures.ts';
import type { MonthlyChartSpec, TableSpec } from '../kit.ts';
import { channelCosts, channelFunnel } from './channel-funnel.ts';
import type { FigureData } from './figure-data.ts';
import { gmvByChannel, gmvByMonth, profitByMonth, profitCumulative, stockByMonth } from './monthly-charts.ts';
import { pnlByQuarter } from './pnl-statement.ts';
import { targetsTable } from './targets-table.ts';

const CHARTS: Record<ChartName, (data: FigureData, locale: Locale) => MonthlyChartSpec> = {
  'gmv-by-channel': gmvByChannel,
  'gmv-by-month': gmvByMonth,
  'profit-by-month': profitByMonth,
  'profit-cumulative': profitCumulative,
  'stock-by-month': stockByMonth,
};

const TABLES: Record<TableName, (data: FigureData, locale: Locale) => TableSpec> = {
  'pnl-by-quarter': (data, locale) => pnlByQuarter(data.result, locale),
  targets: (data, locale) => targetsTable(data, locale),
  'channel-funnel': (data, locale) => channelFunnel(data, locale),
  'channel-costs': channelCosts,
};

/**
 * A placed figure, drawn: a chart or a table, its title the chapter's own when it gives one (`::chart[…]{…}`);
 * a note instead when the plan has nothing to show in it (no channels yet, no stock).
 */
export type PlacedFigure = { chart: MonthlyChartSpec } | { table: TableSpec } | { note: string };

export function placeFigure(ref: FigureRef, data: FigureData, locale: Locale, title?: string): PlacedFigure {
  const note = (heading: string) => ({ note: t(locale, 'ui.noFigures', { title: heading }) });
  if (ref.kind === 'chart') {
    const spec = CHARTS[ref.name](data, locale);
    const chart = title ? { ...spec, title } : spec;
    const months = data.result.meta.horizon.months;
    return chart.series.some((s) => months.some((m) => (s.values?.[m] ?? 0) !== 0)) ? { chart } : note(chart.title);
  }
  const spec = TABLES[ref.name](data, locale);
  const table = title ? { ...spec, caption: title } : spec;
  return table.rows.length > 0 ? { table } : note(table.caption);
}
