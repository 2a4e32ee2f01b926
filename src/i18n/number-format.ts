// Numbers and money for readers, one style per locale, for the site, the PDFs, the command line, the Excel export
// and the charts' axes and tooltips in the browser (src/site/scripts/charts.ts) — the same figure reads the same
// everywhere. Plain Intl: no catalog, so the browser script stays small. Formatting only: callers pass computed values.
//
// Styles:
// - compact (the default): at or above 10,000 in 万/亿 (zh-CN) or K/M/B (en) with at most one decimal —
//   ¥3,680.5万, ¥36.8M; below that, the exact style. Chinese figures stay in 万 up to 10亿 (¥15,326.5万, not
//   ¥1.5亿), so that a figure keeps at least three significant digits: in 亿 with one decimal, ¥150 m and
//   ¥153.3 m would both read ¥1.5亿 — a target and a projection ¥3.3 m apart would look the same.
// - exact: full digits with grouping — ¥36,804,512; money without fen from ¥100 up, with fen below.
// Whatever the style: counts (people, orders, units) are whole numbers, rates are percentages.
import type { Unit } from '../model/facts.ts';
import type { Locale } from './locale.ts';

/** How a number is read (model/facts.ts); `yuan` is money in the plan's currency, as KPIs name it. */
export type ValueUnit = Unit | 'yuan';

export interface FormatOptions {
  style?: 'compact' | 'exact';
  /** ISO 4217 code of money values; the plan's currency (default CNY). */
  currency?: string;
  /** A change rather than a level: always with its sign (+¥1,400,000, -0.5%), zero unsigned. */
  signed?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();
/** A number format of the locale, made once per set of options. */
export function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const COMPACT_FROM = 10_000;
/** Chinese figures below this are written in 万; 亿 from here, where one decimal still gives three digits. */
const YI_FROM = 1e9;

/** Fraction digits of a unit in the exact style (and of compact values below 10,000). */
function exactDigits(unit: string, value: number): number {
  switch (unit) {
    case 'count':
      return 0;
    case 'money':
    case 'yuan':
      return Math.abs(value) < 100 ? 2 : 0;
    case 'days':
    case 'months':
    case 'minutes':
    case 'seconds':
    case 'hours':
      return 1;
    default:
      return 2;
  }
}

/**
 * A value for readers: `—` when there is none (null, undefined, NaN, ±∞). Unknown units read as plain numbers.
 * Rates are percentages with one decimal (two below 10 %, where a tenth of a point matters: 3.25 %).
 */
export function formatValue(value: number | null | undefined, unit: ValueUnit | string, locale: Locale, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign: Intl.NumberFormatOptions = options.signed ? { signDisplay: 'exceptZero' } : {};
  if (unit === 'rate') return nf(locale, { style: 'percent', maximumFractionDigits: Math.abs(value) < 0.1 ? 2 : 1, ...sign }).format(value);
  if (unit === 'ratio') return nf(locale, { maximumFractionDigits: 2, ...sign }).format(value);
  const compact = (options.style ?? 'compact') === 'compact' && Math.abs(value) >= COMPACT_FROM;
  // Up to what rounds below 100,000万 (999,999,500 → 10亿, not 100,000万).
  const wan = compact && locale === 'zh-CN' && Math.abs(value) < YI_FROM - 500;
  const digits = wan ? { maximumFractionDigits: 1 } : compact ? { notation: 'compact' as const, maximumFractionDigits: 1 } : { maximumFractionDigits: exactDigits(unit, value) };
  const n = wan ? value / 10_000 : value;
  const suffix = wan ? '万' : '';
  if (unit === 'money' || unit === 'yuan') {
    // Yuan and fen: a sum shown to the fen has both its digits (¥2.40, not ¥2.4); whole yuan have none (¥100).
    const fen = !compact && exactDigits(unit, value) === 2 && Math.round(Math.abs(value) * 100) % 100 !== 0;
    return nf(locale, { style: 'currency', currency: options.currency ?? 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: fen ? 2 : 0, ...digits, ...sign }).format(n) + suffix;
  }
  return nf(locale, { ...digits, ...sign }).format(n) + suffix;
}

/** The exact style: full digits, for tables where people add columns up (¥1,234,567). */
export function formatExact(value: number | null | undefined, unit: ValueUnit | string, locale: Locale, options: Omit<FormatOptions, 'style'> = {}): string {
  return formatValue(value, unit, locale, { ...options, style: 'exact' });
}

/** A change as a signed percentage: +12.5 %, −3 %; `—` when there is none. */
export function formatGrowth(growth: number | null | undefined, locale: Locale): string {
  if (growth === undefined || growth === null || !Number.isFinite(growth)) return '—';
  return nf(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(growth);
}
