// The funnel totals per sales channel over the plan as two kit tables (sales, and what comes off GMV), with the
// total of all channels. The channels page and chapters show them.
import { t } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locale.ts';
import { localText } from '../../i18n/text.ts';
import type { FunnelKey } from '../../model/result/funnel.ts';
import type { Column, Row, TableSpec } from '../kit.ts';
import type { FigureData } from './figure-data.ts';

// Two tables of five figures each: as one table of ten it was 25 px wider than the Chinese channels page's text
// at 1280 px, and 170-217 px wider than a chapter's prose column. The sales table carries the channels' anchors.
const SALES = [['visitors', 'count'], ['orders', 'count'], ['gmv', 'money'], ['aov', 'money'], ['newCustomers', 'count']] as const;
const COSTS = [['refunds', 'money'], ['netRevenue', 'money'], ['platformFees', 'money'], ['paymentFees', 'money'], ['fulfilment', 'money']] as const;
type Amount = readonly [FunnelKey | 'aov', 'count' | 'money'];

/** Visitors, orders, GMV, AOV and new customers per sales channel over the plan. `anchors`: each row carries its channel's id (links from findings land on it). */
export function channelFunnel(data: FigureData, locale: Locale, anchors = false): TableSpec {
  return channelTable(data, locale, SALES, t(locale, 'page.channels.salesCaption'), anchors);
}

/** What comes off GMV per sales channel over the plan: refunds, net revenue, platform and payment fees, fulfilment. */
export function channelCosts(data: FigureData, locale: Locale): TableSpec {
  return channelTable(data, locale, COSTS, t(locale, 'page.channels.summaryCaption'), false);
}

function channelTable({ input, result }: FigureData, locale: Locale, amounts: readonly Amount[], caption: string, anchors: boolean): TableSpec {
  const channels = Object.values(result.channels);
  const specOf = (id: string) => input.channels?.channels?.find((c) => c.id === id);
  const label = (k: Amount[0]) => (k === 'aov' ? t(locale, 'page.channels.aov') : t(locale, `label.funnel.${k}`));
  // AOV is a result (GMV ÷ orders of the SKUs sold), beside GMV.
  const figure = (k: Amount[0], totals: Record<FunnelKey, number>, aov: number | null | undefined) => (k === 'aov' ? aov : totals[k]);
  const columns: Column[] = [{ key: 'channel', label: t(locale, 'page.channels.channel') }, ...amounts.map(([k, format]) => ({ key: k, label: label(k), format }))];
  const rows: Row[] = channels.map((c) => {
    const spec = specOf(c.id);
    const sub = spec ? `${t(locale, `label.platform.${spec.platform}`)} · ${t(locale, `label.channelModel.${spec.model}`)}` : undefined;
    const name = localText(spec?.name ?? c.name, locale) || c.id;
    // The platform and model are the row's note: under the name in the narrow sticky row header they wrapped to
    // 2-3 lines on a phone.
    return { id: anchors ? c.id : undefined, cells: { channel: name, ...Object.fromEntries(amounts.map(([k]) => [k, figure(k, c.totals, c.aov)])) }, ...(sub ? { note: { value: sub } } : {}) };
  });
  const totals = channels.length > 1 ? { channel: t(locale, 'page.channels.allChannels'), ...Object.fromEntries(amounts.map(([k]) => [k, figure(k, result.funnel.totals, result.funnel.aov)])) } : undefined;
  return { caption, columns, rows, totals };
}
