// The funnel totals per sales channel over the plan as a kit table, with the total of all channels. The
// channels page and chapters show it.
import { t } from '../../i18n/catalog.ts';
import type { Locale } from '../../i18n/locale.ts';
import { localText } from '../../i18n/text.ts';
import type { FunnelKey } from '../../model/result/funnel.ts';
import type { Column, Row, TableSpec } from '../kit.ts';
import type { FigureData } from './figure-data.ts';

const AMOUNTS = [
  ['visitors', 'count'], ['orders', 'count'], ['gmv', 'money'], ['refunds', 'money'], ['netRevenue', 'money'],
  ['platformFees', 'money'], ['paymentFees', 'money'], ['fulfilment', 'money'], ['newCustomers', 'count'],
] as const satisfies readonly (readonly [FunnelKey, 'count' | 'money'])[];

/** `anchors`: each row carries its channel's id (links from findings land on it). */
export function channelFunnel({ input, result }: FigureData, locale: Locale, anchors = false): TableSpec {
  const channels = Object.values(result.channels);
  const specOf = (id: string) => input.channels?.channels?.find((c) => c.id === id);
  // AOV is a result (GMV ÷ orders of the SKUs sold), shown after GMV.
  const columns: Column[] = [
    { key: 'channel', label: t(locale, 'page.channels.channel') },
    ...AMOUNTS.flatMap(([k, format]): Column[] => [{ key: k, label: t(locale, `label.funnel.${k}`), format }, ...(k === 'gmv' ? [{ key: 'aov', label: t(locale, 'page.channels.aov'), format: 'money' as const }] : [])]),
  ];
  const rows: Row[] = channels.map((c) => {
    const spec = specOf(c.id);
    const sub = spec ? `${t(locale, `label.platform.${spec.platform}`)} · ${t(locale, `label.channelModel.${spec.model}`)}` : undefined;
    const name = localText(spec?.name ?? c.name, locale) || c.id;
    // The platform and model are the row's note: under the name in the narrow sticky row header they wrapped to
    // 2-3 lines on a phone.
    return { id: anchors ? c.id : undefined, cells: { channel: name, ...Object.fromEntries(AMOUNTS.map(([k]) => [k, c.totals[k]])), aov: c.aov }, ...(sub ? { note: { value: sub } } : {}) };
  });
  const totals = channels.length > 1 ? { channel: t(locale, 'page.channels.allChannels'), ...Object.fromEntries(AMOUNTS.map(([k]) => [k, result.funnel.totals[k]])), aov: result.funnel.aov } : undefined;
  return { caption: t(locale, 'page.channels.summaryCaption'), columns, rows, totals };
}
