// The number style of a table column, so that pages never choose one: a column names its format (money,
// count, rate …) and gets one formatter for all its cells.
//
// - zh-CN: every figure from 10,000 up in 万 (亿 from 10亿) with at most one decimal, as on the stat tiles (¥3,680.5万,
//   ¥15,000万), so the same figure reads the same in a tile and in a table (format.ts says why 万 up to 10亿).
// - en: the column picks one scale (K, M or B) from its largest value and writes every figure from 10,000
//   up in it (¥36.8M, ¥0.45M), so K and M never mix in one column.
// - Below 10,000 and in the exact style (`yuan`: the P&L detail, where people add columns up) all digits;
//   counts of people and orders are whole numbers; rates are percentages.
// - Changes (`delta-money`: what one plan version does to a figure) always carry their sign and are exact, like
//   the before and after figures beside them: +¥1,400,000, -¥1,000,000; a row of another unit (a rate, a count)
//   gives its cells that unit and keeps the column's style: +0.25%, -500.
import type { Locale } from './locale.ts';
import { formatDate, formatExact, formatGrowth, formatMonth, formatPeriod, formatValue, nf, type ValueUnit } from './format.ts';

/** How a column's cells read: a unit of a number, the exact money style, a signed change, or not a number. */
export type ColumnFormat = ValueUnit | 'exact-money' | 'growth' | 'delta-money' | 'text' | 'month' | 'date' | 'period';

/** Formats with numeric cells (right-aligned, tabular figures). */
export function isNumeric(format: ColumnFormat): boolean {
  return format !== 'text' && format !== 'month' && format !== 'date' && format !== 'period';
}

const COMPACT_FROM = 10_000;
const EN_SCALES = [
  { from: 1e9, divisor: 1e9, suffix: 'B' },
  { from: 1e6, divisor: 1e6, suffix: 'M' },
  { from: COMPACT_FROM, divisor: 1e3, suffix: 'K' },
] as const;
const SCALED_UNITS = new Set<string>(['money', 'yuan', 'count', 'number']);


type Scale = (typeof EN_SCALES)[number];

/** The English scale of a column: the one its largest figure would get on its own. */
function columnScale(values: readonly unknown[]): Scale | undefined {
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).map(Math.abs));
  // 999,960 rounds to 1M, not 1,000K.
  return EN_SCALES.find((s) => max >= s.from * (1 - 5e-5));
}

function scaled(value: number, unit: string, scale: Scale, locale: Locale, currency: string): string {
  const n = value / scale.divisor;
  // A figure under one unit of the scale keeps two significant digits (¥0.45M), otherwise one decimal.
  const digits: Intl.NumberFormatOptions = Math.abs(n) < 1 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 };
  const money = unit === 'money' || unit === 'yuan';
  const options: Intl.NumberFormatOptions = money ? { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, ...digits } : digits;
  return `${nf(locale, options).format(n)}${scale.suffix}`;
}

/**
 * A cell whose row has a unit of its own (a table of KPIs or plan inputs of many units), in its column's style:
 * exact in an exact column, signed and exact in a column of changes, compact otherwise.
 */
export function formatInUnit(value: number | null, unit: ValueUnit, format: ColumnFormat, locale: Locale, currency = 'CNY'): string {
  // A column of changes: every figure signed, in exact digits.
  const delta = format === 'delta-money';
  return formatValue(value, unit, locale, { currency, style: delta || format === 'exact-money' ? 'exact' : 'compact', signed: delta });
}

/** A formatter for one cell value of the format, without a column to scale with (a value in running text). */
export function formatCell(value: unknown, format: ColumnFormat, locale: Locale, currency = 'CNY'): string {
  return columnFormatter([value], format, locale, currency)(value);
}

/** A value already in words (a month, "none", "added") stays as it is in a column of figures. */
const isWords = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * One formatter for every cell of a column holding `values` (all the column's cells, totals included, so the
 * scale is the column's). Text passes through, in any column; missing values read `—`.
 */
export function columnFormatter(values: readonly unknown[], format: ColumnFormat, locale: Locale, currency = 'CNY'): (value: unknown) => string {
  switch (format) {
    case 'text':
      return (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
    // Words in a month or date column (the totals row's "Total") pass through like text elsewhere.
    case 'month':
      return (v) => (typeof v !== 'string' ? '—' : /^\d{4}-\d{2}$/.test(v) ? formatMonth(v, locale) : v);
    case 'date':
      return (v) => (typeof v !== 'string' ? '—' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale) : v);
    case 'period':
      return (v) => (typeof v === 'string' ? formatPeriod(v, locale) : '—');
    case 'growth':
      return (v) => (isWords(v) ? v : formatGrowth(typeof v === 'number' ? v : null, locale));
    case 'exact-money':
      return (v) => (isWords(v) ? v : formatExact(typeof v === 'number' ? v : null, 'money', locale, { currency }));
    case 'delta-money':
      return (v) => (isWords(v) ? v : formatInUnit(typeof v === 'number' ? v : null, 'money', format, locale, currency));
  }
  const unit = format;
  const scale = locale === 'en' && SCALED_UNITS.has(unit) ? columnScale(values) : undefined;
  return (v) => {
    if (isWords(v)) return v;
    const value = typeof v === 'number' ? v : null;
    if (value !== null && scale && Number.isFinite(value) && Math.abs(value) >= COMPACT_FROM) return scaled(value, unit, scale, locale, currency);
    return formatValue(value, unit, locale, { currency });
  };
}
