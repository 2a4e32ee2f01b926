// Dates, months, quarters and periods for readers, one style per locale, for the site, the PDFs, the command line
// and the Excel export; numbers and money come from number-format.ts (re-exported here).
import type { Locale } from './locale.ts';
import { t } from './catalog.ts';

export { formatExact, formatGrowth, formatValue, nf, type FormatOptions, type ValueUnit } from './number-format.ts';

// Intl formats are made once per locale: making one loads the locale's data (about a millisecond each time).
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();
function once<T>(cache: Map<Locale, T>, locale: Locale, make: () => T): T {
  let f = cache.get(locale);
  if (f === undefined) cache.set(locale, (f = make()));
  return f;
}

/** `2027-03` → 2027年3月 / Mar 2027. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return once(monthFormats, locale, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'zh-CN' ? 'long' : 'short', timeZone: 'UTC' })).format(Date.UTC(y, m - 1, 1));
}

/** An IANA time zone in words: `Asia/Shanghai` → 中国标准时间 / China Standard Time (as written when unknown). */
export function formatTimeZone(timeZone: string, locale: Locale): string {
  try {
    // Any fixed instant: the generic name does not change with daylight saving.
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(Date.UTC(2000, 0, 1));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone; // a zone this runtime does not know
  }
}

/** `2027-11-11` → 2027年11月11日 / Nov 11, 2027. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return once(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })).format(Date.UTC(y, m - 1, d));
}

/** `2027-Q2` → 2027年第2季度 / Q2 2027; without the year (`year: false`) 第2季度 / Q2. */
export function formatQuarter(quarter: string, locale: Locale, options: { year?: boolean } = {}): string {
  const [year, q] = quarter.split('-Q');
  return options.year === false ? t(locale, 'ui.quarterOnly', { quarter: q }) : t(locale, 'ui.quarterOfYear', { year, quarter: q });
}

/** A period of the plan: a month (`2027-03`), a quarter (`2027-Q2`) or the whole horizon (`all`). */
export function formatPeriod(period: string, locale: Locale): string {
  if (period === 'all') return t(locale, 'ui.periodAll');
  if (/^\d{4}-Q[1-4]$/.test(period)) return formatQuarter(period, locale);
  if (/^\d{4}-\d{2}$/.test(period)) return formatMonth(period, locale);
  return period;
}

/** A list in running text: 甲、乙和丙 / A, B and C. */
export function joinList(items: readonly string[], locale: Locale): string {
  return once(listFormats, locale, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
