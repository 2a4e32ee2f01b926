// Presentation only: picks the text for a locale and formats numbers with Intl — 万/亿 in Chinese,
// K/M in English, ¥ for money. Pages format; they never compute.
import type { Text } from '../model/plan-input.generated.ts';
import type { Locale } from '../i18n/locale.ts';

export type { Locale };

export function t(text: Text | undefined | null, locale: Locale): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export type ValueUnit = 'money' | 'yuan' | 'count' | 'rate' | 'ratio' | 'number' | 'days' | 'score' | 'minutes';

/** Compact for large values (¥1.5亿, ¥150M), exact below 10,000. */
export function formatValue(value: number | null | undefined, unit: ValueUnit | string, locale: Locale, currency = 'CNY'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'rate') return nf(locale, { style: 'percent', maximumFractionDigits: Math.abs(value) < 0.1 ? 2 : 1 }).format(value);
  const compact = Math.abs(value) >= 10_000;
  if (unit === 'money' || unit === 'yuan') {
    return nf(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: compact ? 'compact' : 'standard', minimumFractionDigits: 0, maximumFractionDigits: compact ? 2 : Math.abs(value) < 100 ? 2 : 0 }).format(value);
  }
  if (unit === 'ratio') return nf(locale, { maximumFractionDigits: 2 }).format(value);
  return nf(locale, { notation: compact ? 'compact' : 'standard', maximumFractionDigits: compact ? 2 : unit === 'count' ? 0 : 2 }).format(value);
}

/** Full precision, for tables where people add columns up: ¥1,234,567. */
export function formatExact(value: number | null | undefined, unit: ValueUnit | string, locale: Locale, currency = 'CNY'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'rate') return formatValue(value, unit, locale, currency);
  if (unit === 'money' || unit === 'yuan') return nf(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(value);
  return nf(locale, { maximumFractionDigits: unit === 'count' ? 0 : 2 }).format(value);
}

export function formatGrowth(growth: number | null | undefined, locale: Locale): string {
  if (growth === undefined || growth === null) return '—';
  return nf(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(growth);
}

/** `2027-03` → 2027年3月 / Mar 2027. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'zh-CN' ? `${y}年${m}月` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

/** `2027-11-11` → 2027年11月11日 / 11 Nov 2027. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}
