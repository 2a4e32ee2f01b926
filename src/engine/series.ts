// Monthly series: one number per month of the horizon. Small helpers every model shares.
import { quarterOf } from '../model/calendar.ts';
import type { Series } from '../model/result/series.ts';

export function seriesOf(months: readonly string[], value: (month: string, index: number) => number): Series {
  const out: Series = {};
  // A plain loop: every model builds its series here, dozens of times per engine rerun.
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    const v = value(m, i);
    out[m] = Number.isFinite(v) ? v : 0;
  }
  return out;
}

export function zeros(months: readonly string[]): Series {
  return seriesOf(months, () => 0);
}

export function total(series: Series): number {
  return Object.values(series).reduce((a, b) => a + b, 0);
}

/** Adds series month by month (all must cover the same months). */
export function addSeries(months: readonly string[], ...parts: Series[]): Series {
  return seriesOf(months, (m) => parts.reduce((sum, s) => sum + (s[m] ?? 0), 0));
}

export function mapSeries(series: Series, fn: (value: number, month: string) => number): Series {
  const out: Series = {};
  for (const [m, v] of Object.entries(series)) {
    const next = fn(v, m);
    out[m] = Number.isFinite(next) ? next : 0;
  }
  return out;
}

/** Sum per quarter, keyed `YYYY-Qn`. */
export function byQuarter(series: Series): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [m, v] of Object.entries(series)) out[quarterOf(m)] = (out[quarterOf(m)] ?? 0) + v;
  return out;
}

/** Rounds yuan to the fen. */
export function fen(value: number): number {
  return Math.round(value * 100) / 100;
}

export function roundSeries(series: Series): Series {
  return mapSeries(series, fen);
}

/** a / b, or null when b is 0 (a ratio that does not exist is not 0 and not Infinity). */
export function ratio(a: number, b: number): number | null {
  if (b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  const q = a / b;
  return Number.isFinite(q) ? q : null;
}
