// Charts of figures by month over the plan, as pages and chapters show them (`::chart{series=…}`) through
// the kit's MonthlyChart.
import { t } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locale.ts';
import { localText } from '../../i18n/text.ts';
import type { MonthlyChartSpec, MonthlySeries } from '../kit.ts';
import type { FigureData } from './figure-data.ts';

/** The plan's GMV target per month, as a line over the bars; none without a GMV target. */
function gmvTargetLine({ result }: FigureData, locale: Locale): MonthlySeries[] {
  const target = Object.values(result.targets).find((x) => x.metric === 'gmv');
  return target ? [{ label: t(locale, 'ui.target'), values: target.monthly, line: true }] : [];
}

export function gmvByChannel(data: FigureData, locale: Locale): MonthlyChartSpec {
  const series = Object.values(data.result.channels).map((c) => ({ label: localText(c.name, locale), values: c.gmv }));
  return { title: t(locale, 'ui.gmvByChannel'), type: 'stacked', unit: 'money', series: [...series, ...gmvTargetLine(data, locale)] };
}

export function gmvByMonth(data: FigureData, locale: Locale): MonthlyChartSpec {
  return { title: t(locale, 'ui.gmvByMonth'), type: 'bar', unit: 'money', series: [{ label: t(locale, 'label.funnel.gmv'), values: data.result.funnel.gmv }, ...gmvTargetLine(data, locale)] };
}

export function profitByMonth({ result }: FigureData, locale: Locale): MonthlyChartSpec {
  const values = Object.fromEntries(Object.entries(result.pnl.months).map(([m, p]) => [m, p.operatingProfit]));
  return { title: t(locale, 'ui.operatingProfit'), type: 'bar', unit: 'money', series: [{ label: t(locale, 'ui.operatingProfit'), values }] };
}

export function profitCumulative({ result }: FigureData, locale: Locale): MonthlyChartSpec {
  return { title: t(locale, 'page.pnl.cumulative'), unit: 'money', series: [{ label: t(locale, 'page.pnl.cumulativeLabel'), values: result.pnl.cumulativeOperatingProfit }] };
}

export function stockByMonth({ result }: FigureData, locale: Locale): MonthlyChartSpec {
  return { title: t(locale, 'page.supply.capital'), unit: 'money', series: [{ label: t(locale, 'page.supply.capitalLabel'), values: result.supply.capitalTied }] };
}
