// Deltas and their plain, deterministic formatting for diffs: ¥1,500,000, +3.4 %, +0.20 pp.
// Deltas are computed here (never in pages or formatters): money to the fen, other numbers to 12
// significant digits so float noise (0.1 + 0.2) never shows as a change.
import type { DiffUnit } from './units.ts';

export interface Delta {
  before: number | null;
  after: number | null;
  /** after − before; null when a side is missing. */
  delta: number | null;
  /** delta ÷ |before|; null when a side is missing or before is 0. */
  deltaPct: number | null;
}

const clean = (x: number, unit: DiffUnit) => (unit === 'money' ? Math.round(x * 100) / 100 : Number(x.toPrecision(12)));

export function deltaOf(before: number | null | undefined, after: number | null | undefined, unit: DiffUnit): Delta {
  const b = typeof before === 'number' && Number.isFinite(before) ? before : null;
  const a = typeof after === 'number' && Number.isFinite(after) ? after : null;
  const delta = a !== null && b !== null ? clean(a - b, unit) : null;
  const pct = delta !== null && b !== null && b !== 0 ? Number((delta / Math.abs(b)).toPrecision(12)) : null;
  // `+ 0` turns −0 into 0, so JSON and formatting never show "-0".
  return { before: b, after: a, delta: delta === null ? null : delta + 0, deltaPct: pct === null ? null : pct + 0 };
}

export function changed(d: Delta): boolean {
  return d.before !== d.after;
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', RMB: '¥', JPY: '¥', USD: '$', HKD: 'HK$', EUR: '€', GBP: '£', TWD: 'NT$' };

const grouped = (x: number, digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true }).format(x);

const MINUS = '-';

/** A value: ¥1,500,000 (¥1,234.50 with fen), 3.50 %, 1,234, 2.8. */
export function formatNumber(value: number | null | undefined, unit: DiffUnit, currency = 'CNY'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value < 0 ? MINUS : '';
  const abs = Math.abs(value);
  switch (unit) {
    case 'money': {
      const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
      const fen = Math.round(abs * 100);
      return `${sign}${symbol}${grouped(fen / 100, fen % 100 === 0 ? 0 : 2)}`;
    }
    case 'rate':
      return `${sign}${grouped(abs * 100, 2)} %`;
    case 'count':
      return `${sign}${grouped(abs, Number.isInteger(abs) ? 0 : 2)}`;
    default:
      return `${sign}${trim(grouped(abs, 4))}`;
  }
}

/** A change: +¥1,000,000, -¥250.50, +0.20 pp (rates change in percentage points), +12. */
export function formatDelta(delta: number | null | undefined, unit: DiffUnit, currency = 'CNY'): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  if (delta === 0) return unit === 'rate' ? '0.00 pp' : formatNumber(0, unit, currency);
  const sign = delta > 0 ? '+' : MINUS;
  if (unit === 'rate') return `${sign}${grouped(Math.abs(delta) * 100, 2)} pp`;
  return `${sign}${formatNumber(Math.abs(delta), unit, currency)}`;
}

/** +3.4 % (two decimals below 0.1 %); — when undefined. */
export function formatPct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  if (pct === 0) return '0.0 %';
  const abs = Math.abs(pct * 100);
  return `${pct > 0 ? '+' : MINUS}${grouped(abs, abs < 0.1 ? 2 : 1)} %`;
}

/** Any input value, for a table cell: numbers by unit, text maps by locale, lists joined. */
export function formatValue(value: unknown, unit: DiffUnit | undefined, currency = 'CNY'): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value, unit ?? 'number', currency);
  if (typeof value === 'string') return value;
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `[${value.join(', ')}]`;
  if (typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')) {
    return Object.entries(value as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join(' · ');
  }
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
