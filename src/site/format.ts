// Presentation only: picks the text for a locale and formats numbers with Intl (万/亿 in Chinese).
import type { Text } from '../model/plan-input.generated.ts';

export type Locale = 'zh-CN' | 'en';

export function t(text: Text | undefined | null, locale: Locale): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

export function formatValue(value: number | null | undefined, unit: 'money' | 'count' | 'rate' | string, locale: Locale, currency = 'CNY'): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'rate') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (unit === 'money' || unit === 'yuan') {
    const compact = Math.abs(value) >= 10_000;
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: compact ? 'compact' : 'standard', minimumFractionDigits: 0, maximumFractionDigits: compact ? 2 : 0 }).format(value);
  }
  return new Intl.NumberFormat(locale, { notation: Math.abs(value) >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 2 }).format(value);
}

export function formatGrowth(growth: number | undefined, locale: Locale): string {
  if (growth === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(growth);
}
